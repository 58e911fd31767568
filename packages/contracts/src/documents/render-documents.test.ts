import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { channels } from '../channels.ts';
import { packageRoot, renderDocuments } from './render-documents.ts';

const REGENERATE = 'pnpm --filter @order-service/contracts generate';

function readCommitted(path: string): string | undefined {
  try {
    return readFileSync(new URL(path, packageRoot), 'utf8');
  } catch {
    return undefined;
  }
}

const rendered = renderDocuments();
const document = JSON.parse(rendered['asyncapi/order-service.asyncapi.json'] as string);

describe('generated documents', () => {
  it.each(Object.keys(rendered))('%s is committed up to date with the schemas', (path) => {
    const committed = readCommitted(path);
    if (committed !== rendered[path]) {
      expect.fail(
        `${path} is out of date with the TypeBox schemas: run \`${REGENERATE}\` and commit the result`,
      );
    }
  });

  it('is a valid AsyncAPI document: @asyncapi/parser reports no error', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(
      rendered['asyncapi/order-service.asyncapi.yaml'] as string,
    );
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.path.join('/')}: ${error.message}`)).toEqual([]);
    expect(parsed?.channels().length).toBe(3);
  }, 30_000);

  it('binds each channel address to its Kafka topic', () => {
    for (const channel of Object.values(channels)) {
      expect(document.channels[channel.id].address).toBe(channel.address);
      expect(document.channels[channel.id].bindings.kafka.topic).toBe(channel.topic);
    }
  });

  it('gives every message a string Kafka key and the record headers', () => {
    for (const message of Object.values<
      Record<string, { kafka: { key: unknown } } & Record<string, unknown>>
    >(document.components.messages)) {
      expect(message.bindings?.kafka.key).toMatchObject({ type: 'string' });
      expect(message.headers).toMatchObject({ required: ['content-type', 'x-message-name', 'x-event-id'] });
    }
  });

  it('lists the operations of all three apps', () => {
    const byApp = Object.entries<{ action: string; tags: { name: string }[] }>(document.operations).map(
      ([id, operation]) => `${operation.tags[0]?.name}:${operation.action}:${id}`,
    );
    expect(byApp.sort()).toEqual([
      'notifier:receive:receiveOrderDetails',
      'notifier:receive:receiveStatusUpdates',
      'notifier:send:sendNotification',
      'order-producer:send:sendOrder',
      'status-worker:receive:receiveOrders',
      'status-worker:send:sendStatus',
    ]);
  });

  it('keeps the servers of the reference document', () => {
    expect(document.servers.development).toMatchObject({ host: 'localhost:9092', protocol: 'kafka' });
    expect(document.servers.production).toMatchObject({ host: 'kafka.example.com:9092', protocol: 'kafka' });
  });
});
