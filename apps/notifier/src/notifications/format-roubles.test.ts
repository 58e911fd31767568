import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoubles } from './format-roubles.ts';

// ru-RU separates groups and the sign with no-break spaces (U+00A0 or U+202F, depending on the
// ICU version): compare with plain spaces, and check separately that no breakable space is left.
function withPlainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('formatRoubles', () => {
  it('renders 300000 kopecks as 3 000,00 ₽ in Russian', () => {
    expect(withPlainSpaces(formatRoubles(300_000, 'ru'))).toBe('3 000,00 ₽');
  });

  it('never lets a Russian amount break across lines', () => {
    expect(formatRoubles(123_456_789, 'ru')).not.toMatch(/ /);
  });

  it('renders kopecks after the comma, padded to two digits', () => {
    expect(withPlainSpaces(formatRoubles(5, 'ru'))).toBe('0,05 ₽');
    expect(withPlainSpaces(formatRoubles(123_456_789, 'ru'))).toBe('1 234 567,89 ₽');
  });

  it('renders English amounts with English grouping and the rouble sign', () => {
    expect(formatRoubles(300_000, 'en')).toBe('₽3,000.00');
  });

  it('renders the largest safe integer exactly', () => {
    expect(formatRoubles(Number.MAX_SAFE_INTEGER, 'en')).toBe('₽90,071,992,547,409.91');
  });

  it('keeps every kopeck for any safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (kopecks) => {
        const digits = formatRoubles(kopecks, 'en').replace(/[^0-9]/g, '');
        expect(BigInt(digits)).toBe(BigInt(kopecks));
      }),
    );
  });

  it('never throws: an amount that is not a safe integer reads as one that cannot be shown', () => {
    for (const amount of [
      1.5,
      1e16,
      1e20,
      -1e20,
      1e300,
      Number.MAX_VALUE,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(formatRoubles(amount, 'ru')).toBe('сумма не может быть показана');
      expect(formatRoubles(amount, 'en')).toBe('amount cannot be shown');
    }
  });

  it('renders negative and zero amounts exactly', () => {
    expect(formatRoubles(-150, 'en')).toBe('-₽1.50');
    expect(formatRoubles(-0, 'en')).toBe('₽0.00');
  });
});
