import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';

const secret = 'topsecret';
const body = '{"notification_id":"n-1","text":"Заказ 1 отправлен"}';
const now = 1_760_000_000;

describe('webhook signature', () => {
  it('signs HMAC-SHA256 over "<timestamp>.<body>" as t=...,v1=...', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhookBody(secret, now, body)).toBe(`t=${now},v1=${expected}`);
  });

  it('accepts its own signature', () => {
    const header = signWebhookBody(secret, now, body);
    expect(verifyWebhookSignature({ header, body, secret, nowSeconds: now + 10 })).toEqual({
      ok: true,
      timestamp: now,
    });
  });

  it('refuses a body changed after signing', () => {
    const header = signWebhookBody(secret, now, body);
    const check = verifyWebhookSignature({ header, body: body.replace('1', '2'), secret, nowSeconds: now });
    expect(check).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a signature made with another secret', () => {
    const header = signWebhookBody('other', now, body);
    expect(verifyWebhookSignature({ header, body, secret, nowSeconds: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a replay older than the tolerance', () => {
    const header = signWebhookBody(secret, now, body);
    const check = verifyWebhookSignature({ header, body, secret, nowSeconds: now + 301 });
    expect(check).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a changed timestamp even when the HMAC is intact', () => {
    const header = signWebhookBody(secret, now, body).replace(`t=${now}`, `t=${now + 1}`);
    expect(verifyWebhookSignature({ header, body, secret, nowSeconds: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses missing or malformed headers', () => {
    for (const header of [undefined, '', 't=abc,v1=00', `t=${now}`, `t=${now},v1=xyz`]) {
      expect(verifyWebhookSignature({ header, body, secret, nowSeconds: now })).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });
});
