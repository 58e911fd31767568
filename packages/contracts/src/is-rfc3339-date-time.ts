const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

// Reads `count` ASCII digits at `start` as a number, or -1 when one of them is not a digit.
// Char codes instead of a regular expression: this runs once per date field of every record.
function readDigits(value: string, start: number, count: number): number {
  let result = 0;
  for (let index = start; index < start + count; index++) {
    const digit = value.charCodeAt(index) - 48;
    // NaN past the end of the string fails this test too.
    if (!(digit >= 0 && digit <= 9)) return -1;
    result = result * 10 + digit;
  }
  return result;
}

/**
 * True when `value` is an RFC 3339 `date-time` (section 5.6): a real calendar date (leap years
 * included), a time, optional fraction, and a zone (`Z` or `+hh:mm`/`-hh:mm`); `T`/`Z` in either case.
 * A leap second (`:60`) is accepted only where it falls at 23:59:60 UTC.
 */
export function isRfc3339DateTime(value: string): boolean {
  // Shortest form: 2024-02-20T15:30:00Z (20 characters).
  if (value.length < 20) return false;
  const year = readDigits(value, 0, 4);
  const month = readDigits(value, 5, 2);
  const day = readDigits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false; // '-'
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > daysInMonth) return false;
  const separator = value.charCodeAt(10);
  if (separator !== 84 && separator !== 116) return false; // 'T' | 't'
  const hour = readDigits(value, 11, 2);
  const minute = readDigits(value, 14, 2);
  const second = readDigits(value, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  if (value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return false; // ':'
  let index = 19;
  if (value.charCodeAt(index) === 46) {
    // '.' then at least one digit
    index++;
    const fractionStart = index;
    while (index < value.length && readDigits(value, index, 1) >= 0) index++;
    if (index === fractionStart) return false;
  }
  const zone = value.charCodeAt(index);
  let offsetMinutes = 0;
  if (zone === 90 || zone === 122) {
    // 'Z' | 'z'
    if (index + 1 !== value.length) return false;
  } else if (zone === 43 || zone === 45) {
    // '+' | '-'
    if (index + 6 !== value.length || value.charCodeAt(index + 3) !== 58) return false;
    const offsetHour = readDigits(value, index + 1, 2);
    const offsetMinute = readDigits(value, index + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return false;
    offsetMinutes = (zone === 43 ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else {
    return false;
  }
  if (second < 60) return true;
  const utcMinuteOfDay = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  return utcMinuteOfDay === 1439;
}
