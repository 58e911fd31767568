import type { NotificationLocale } from './notification-locale.ts';

// ru-RU is the convention customers know (`3 000,00 ₽`, with narrow no-break spaces); the English
// text uses English digit grouping with the rouble sign so the amount reads naturally in it.
const formatters: Record<NotificationLocale, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }),
  en: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol' }),
};

/**
 * Formats an amount of kopecks as roubles. The amount goes to Intl as a decimal string, not as
 * `kopecks / 100`, so every safe integer is rendered exactly (no binary floating-point rounding).
 */
export function formatRoubles(kopecks: number, locale: NotificationLocale): string {
  if (!Number.isSafeInteger(kopecks)) {
    throw new RangeError(`formatRoubles expects a safe integer number of kopecks, got ${kopecks}`);
  }
  const sign = kopecks < 0 ? '-' : '';
  const absolute = Math.abs(kopecks);
  const roubles = Math.trunc(absolute / 100);
  const rest = String(absolute % 100).padStart(2, '0');
  const decimal = `${sign}${roubles}.${rest}` as `${number}`;
  return formatters[locale].format(decimal);
}
