export { createDemoOrder, type OrderRequest } from './create-demo-order.ts';
export { createSeededRandom, integerBetween, pickOne, type Random } from './create-random.ts';
export { type DemoStep, planLifecycle } from './plan-lifecycle.ts';
