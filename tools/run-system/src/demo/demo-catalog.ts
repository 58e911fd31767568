/** One product of the demo shop: its id and unit price in kopecks. */
export type DemoProduct = { productId: string; price: number };

/** Products a Russian online shop might sell, priced in kopecks. */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { productId: 'chai-krasnodarskiy-100g', price: 24_900 },
  { productId: 'pryaniki-tulskie-300g', price: 18_950 },
  { productId: 'matreshka-5-mest', price: 149_000 },
  { productId: 'valenki-razmer-42', price: 320_000 },
  { productId: 'samovar-elektricheskiy-3l', price: 1_249_000 },
  { productId: 'grechka-yadritsa-900g', price: 11_490 },
  { productId: 'khokhloma-lozhka', price: 45_000 },
  { productId: 'platok-pavlovoposadskiy', price: 389_000 },
  { productId: 'sgushchenka-380g', price: 12_900 },
  { productId: 'kvas-khlebnyy-1-5l', price: 9_990 },
  { productId: 'ikra-krasnaya-140g', price: 179_900 },
  { productId: 'shapka-ushanka', price: 259_900 },
];

/** Customer ids of the demo shop. */
export const DEMO_CUSTOMERS: readonly string[] = [
  'cust-ivanova-anna',
  'cust-petrov-sergey',
  'cust-smirnova-olga',
  'cust-kuznetsov-dmitriy',
  'cust-popova-elena',
  'cust-sokolov-aleksey',
  'cust-lebedeva-mariya',
  'cust-novikov-ivan',
];
