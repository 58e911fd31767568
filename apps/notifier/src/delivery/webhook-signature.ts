import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-signature';
/** The same timestamp as `t=` in the signature, on its own for receivers that log it. */
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

/** Computes the hex HMAC-SHA256 of `${timestamp}.${body}` with the shared secret. */
export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Builds the `x-signature` value for a body sent at `timestamp` (unix seconds). */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`;
}

/** Why a signature was refused. */
export type SignatureRejection = 'malformed' | 'expired' | 'mismatch';

/** Outcome of checking a webhook signature. */
export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: SignatureRejection };

/**
 * Checks a webhook request the way a receiver should: parse `t=` and `v1=`, refuse a timestamp
 * further than `toleranceSeconds` from now (a replayed request), and compare the HMAC in constant
 * time. `body` must be the raw request body, byte for byte, not a re-serialised object.
 */
export function verifyWebhookSignature(options: {
  header: string | undefined;
  body: string;
  secret: string;
  toleranceSeconds?: number;
  nowSeconds?: number;
}): SignatureCheck {
  const { header, body, secret, toleranceSeconds = 300 } = options;
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (header === undefined) return { ok: false, reason: 'malformed' };
  const parts = new Map<string, string>();
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) parts.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const timestampText = parts.get('t');
  const received = parts.get('v1');
  if (timestampText === undefined || received === undefined || !/^\d+$/.test(timestampText)) {
    return { ok: false, reason: 'malformed' };
  }
  if (!/^[0-9a-f]{64}$/.test(received)) return { ok: false, reason: 'malformed' };
  const timestamp = Number(timestampText);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(received, 'hex'))
    ? { ok: true, timestamp }
    : { ok: false, reason: 'mismatch' };
}
