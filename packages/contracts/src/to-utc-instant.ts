import { isRfc3339DateTime } from './is-rfc3339-date-time.ts';

// Reads `count` ASCII digits at `start` (the string is known to be RFC 3339 here).
function digits(value: string, start: number, count: number): number {
  return Number(value.slice(start, start + count));
}

/**
 * The instant an RFC 3339 `date-time` names, as a UTC `Date` with millisecond precision, for every
 * form {@link isRfc3339DateTime} accepts: offsets up to ±23:59 are applied, a longer fraction is
 * truncated to milliseconds, a leap second (`23:59:60` UTC) becomes `23:59:59.999`, and year 0000
 * is ISO 8601's year 0 (1 BC). Stores and comparisons use this instead of `Date.parse` (which
 * cannot read `:60`, lower-case `t`/`z` everywhere, or year 0). Throws RangeError for a string
 * that is not RFC 3339; every decoded message's date-times are.
 */
export function toUtcInstant(dateTime: string): Date {
  if (!isRfc3339DateTime(dateTime)) {
    throw new RangeError(
      `toUtcInstant expects an RFC 3339 date-time, got ${JSON.stringify(dateTime.slice(0, 64))}`,
    );
  }
  const year = digits(dateTime, 0, 4);
  const month = digits(dateTime, 5, 2);
  const day = digits(dateTime, 8, 2);
  const hour = digits(dateTime, 11, 2);
  const minute = digits(dateTime, 14, 2);
  let second = digits(dateTime, 17, 2);
  let index = 19;
  let milliseconds = 0;
  if (dateTime.charCodeAt(index) === 46) {
    const start = index + 1;
    index = start;
    while (index < dateTime.length && dateTime.charCodeAt(index) >= 48 && dateTime.charCodeAt(index) <= 57)
      index++;
    milliseconds = Number(dateTime.slice(start, Math.min(start + 3, index)).padEnd(3, '0'));
  }
  if (second === 60) {
    // The one leap second is clamped into the second before it: JS time has no 61st second.
    second = 59;
    milliseconds = 999;
  }
  let offsetMinutes = 0;
  const zone = dateTime.charCodeAt(index);
  if (zone === 43 || zone === 45) {
    const sign = zone === 43 ? 1 : -1;
    offsetMinutes = sign * (digits(dateTime, index + 1, 2) * 60 + digits(dateTime, index + 4, 2));
  }
  const instant = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, milliseconds);
  return new Date(instant.getTime() - offsetMinutes * 60_000);
}
