#!/usr/bin/env node
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  ConfigError,
  createKafka,
  createLogger,
  createMetrics,
  createOutboxRelay,
  openConfiguredStore,
} from '@order-service/runtime';
import { v7 as uuidv7 } from 'uuid';
import { parseCliArguments, usage } from './cli/parse-cli-arguments.ts';
import { createProgressReporter } from './cli/progress-reporter.ts';
import { readOrderDocuments } from './cli/read-order-documents.ts';
import { sendOrders } from './cli/send-orders.ts';
import { loadOrderProducerConfig } from './config.ts';
import { ordersMigrations } from './orders-migrations.ts';

// `order-producer send FILE|-`: the CLI front door, same validation and store path as POST /orders.
async function run(): Promise<number> {
  const command = parseCliArguments(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command.kind === 'invalid') {
    process.stderr.write(`${command.message}\n\n${usage}\n`);
    return 1;
  }
  const config = loadOrderProducerConfig(process.env);
  // The CLI's own lines go to stderr at warn and above: stdout carries only the summary.
  const logger = createLogger({
    name: 'order-producer-cli',
    level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
    destination: process.stderr,
  });
  const store = await openConfiguredStore(config, logger, ordersMigrations);
  try {
    const relay = command.publish
      ? createOutboxRelay({
          store,
          kafka: createKafka(config, logger),
          logger,
          metrics: createMetrics('order-producer-cli'),
          clientId: config.KAFKA_CLIENT_ID,
          batchSize: config.OUTBOX_BATCH_SIZE,
        })
      : undefined;
    await relay?.start();
    let input: Readable = process.stdin;
    let totalBytes: number | undefined;
    if (command.input !== '-') {
      totalBytes = statSync(command.input).size;
      input = createReadStream(command.input);
    }
    let bytesRead = 0;
    input.on('data', (chunk: Buffer | string) => {
      bytesRead += chunk.length;
    });
    const progress = createProgressReporter({
      write: (text) => process.stderr.write(text),
      totalBytes,
      bytesRead: () => bytesRead,
    });
    const summary = await sendOrders(
      readOrderDocuments(input),
      { store, topic: config.TOPIC_ORDERS_CREATED, now: () => new Date(), generateOrderId: () => uuidv7() },
      progress.update,
    );
    let pending = 0;
    if (relay !== undefined) {
      const deadline = Date.now() + command.publishTimeoutMs;
      pending = (await relay.lag()).pending;
      while (pending > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        pending = (await relay.lag()).pending;
      }
      await relay.stop({ timeoutMs: 5_000 });
    } else {
      pending = (
        await store.query<{ n: number | string }>(
          'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL',
        )
      ).rows[0]?.n as number;
    }
    const result = { ...summary, unpublished: Number(pending) };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.stderr.write(
      `done: ${summary.accepted} accepted, ${summary.duplicates} duplicates, ${summary.rejected} rejected; ` +
        `${result.unpublished === 0 ? 'all published' : `${result.unpublished} waiting for Kafka (the order-producer relay publishes them)`}\n`,
    );
    return summary.rejected > 0 ? 2 : 0;
  } finally {
    await store.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      ConfigError.isInstance(error)
        ? `${error.message}\n`
        : `order-producer send failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
