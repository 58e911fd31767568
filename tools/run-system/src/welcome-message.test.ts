import { describe, expect, it } from 'vitest';
import { formatWelcome, type WelcomeFacts } from './welcome-message.ts';

const facts: WelcomeFacts = {
  orderApiUrl: 'http://localhost:3001',
  statusApiUrl: 'http://localhost:3002',
  livePageUrl: 'http://localhost:3003',
  brokers: 'localhost:9092',
  kafkaStartedHere: true,
  store: 'embedded',
  dataRoot: '/repo/.data',
  demo: false,
  apiKeySet: false,
};

describe('formatWelcome', () => {
  it('names every address a newcomer needs, the docs page included', () => {
    const text = formatWelcome(facts);
    expect(text).toContain('http://localhost:3001/docs');
    expect(text).toContain('status API    http://localhost:3002');
    expect(text).toContain('live page     http://localhost:3003');
  });

  it('gives a curl line whose body is a valid order request', () => {
    const line = formatWelcome(facts)
      .split('\n')
      .find((entry) => entry.includes('curl') && entry.includes('/orders -H'));
    const body = line?.match(/-d '(.*)'$/)?.[1] ?? '';
    const order = JSON.parse(body) as { items: { quantity: number; price: number }[] };
    expect(order.items[0]?.price).toBe(149_000);
  });

  it('adds the API key header only when a key protects the write endpoints', () => {
    expect(formatWelcome(facts)).not.toContain('x-api-key');
    expect(formatWelcome({ ...facts, apiKeySet: true })).toContain('-H "x-api-key: $API_KEY"');
  });

  it('prints a key made for this run in full: in the curl lines and the live page address', () => {
    const key = 'generated-key-0123456789abcdef';
    const text = formatWelcome({ ...facts, generatedApiKey: key });
    expect(text).toContain(`API key       ${key}`);
    expect(text).toContain(`live page     http://localhost:3003/?key=${key}`);
    const curls = text.split('\n').filter((line) => line.includes('curl'));
    expect(curls).toHaveLength(2);
    for (const line of curls) expect(line).toContain(`-H "x-api-key: ${key}"`);
  });

  it('says when no key is needed (development mode)', () => {
    expect(formatWelcome(facts)).toContain('development mode (ORDER_SERVICE_MODE=development)');
  });
});
