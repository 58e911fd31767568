import { Format } from 'typebox/format';
import { isRfc3339DateTime } from './is-rfc3339-date-time.ts';

/**
 * Registers the strict RFC 3339 check as typebox's `date-time` format. Compiled validators capture
 * the format function when they are compiled, so this runs before any of ours are compiled. It
 * replaces typebox's default (which also accepts RFC 9557 `[zone]` suffixes) for the process.
 */
export function registerDateTimeFormat(): void {
  Format.Set('date-time', isRfc3339DateTime);
}
