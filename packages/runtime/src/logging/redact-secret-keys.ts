const SECRET_KEY = /SECRET/i;
const CENSOR = '[redacted]';

/**
 * A copy of a log object with the value of every key containing `SECRET` (e.g. `WEBHOOK_SECRET`)
 * censored, at the top level and inside nested plain objects (a logged config): pino's `redact`
 * matches whole key names only, and each app may add its own secrets to the config.
 */
export function redactSecretKeys(object: Record<string, unknown>, depth = 3): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    let replacement = value;
    if (SECRET_KEY.test(key)) replacement = CENSOR;
    else if (depth > 1 && isPlainObject(value)) replacement = redactSecretKeys(value, depth - 1);
    if (replacement !== value) {
      copy ??= { ...object };
      copy[key] = replacement;
    }
  }
  // Objects without secrets go through untouched, so the hot path allocates nothing.
  return copy ?? object;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
