import type { NotificationLocale } from './notification-locale.ts';

// ru-RU is the convention customers know (`3 000,00 ₽`, with narrow no-break spaces); the English
// text uses English digit grouping with the rouble sign so the amount reads naturally in it.
const formatters: Record<NotificationLocale, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }),
  en: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol' }),
};

/** What a customer reads where an amount cannot be shown exactly. */
export const UNREPRESENTABLE_AMOUNT: Record<NotificationLocale, string> = {
  ru: 'сумма не может быть показана',
  en: 'amount cannot be shown',
};

/**
 * True when `kopecks` can be shown exactly: a safe integer. The contract lets any JSON integer
 * through (1e20 parses to an integer-valued double that no longer says which integer was sent);
 * status-worker cancels such orders, and the notifier must still tell the customer.
 */
export function isRepresentableAmount(kopecks: number): boolean {
  return Number.isSafeInteger(kopecks);
}

/**
 * Formats an amount of kopecks as roubles, for any number: never throws. The amount goes to Intl
 * as an exact decimal string (BigInt arithmetic, not `kopecks / 100`), so every safe integer is
 * rendered exactly; anything else reads {@link UNREPRESENTABLE_AMOUNT}.
 */
export function formatRoubles(kopecks: number, locale: NotificationLocale): string {
  if (!isRepresentableAmount(kopecks)) return UNREPRESENTABLE_AMOUNT[locale];
  const amount = BigInt(kopecks);
  const absolute = amount < 0n ? -amount : amount;
  const sign = amount < 0n ? '-' : '';
  const decimal = `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}` as `${number}`;
  return formatters[locale].format(decimal);
}
