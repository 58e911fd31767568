#!/usr/bin/env node
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { ConfigError, createLogger, createService } from '@order-service/runtime';
import { v7 as uuidv7 } from 'uuid';
import { type CliCommand, parseCliArguments, usage } from './cli/parse-cli-arguments.ts';
import { createProgressReporter } from './cli/progress-reporter.ts';
import { readOrderDocuments } from './cli/read-order-documents.ts';
import { type SendSummary, sendOrders } from './cli/send-orders.ts';
import {
  SendOrdersFailedError,
  sendOrdersOverHttp,
  waitUntilPublished,
} from './cli/send-orders-over-http.ts';
import { loadOrderProducerConfig, type OrderProducerConfig } from './config.ts';
import { orderProducerService } from './service.ts';

type SendCommand = Extract<CliCommand, { kind: 'send' }>;

// `order-producer send FILE|-`: through the running service over HTTP (its one store, its relay),
// or, with DATABASE_URL and no --url, into that shared PostgreSQL. Never a second copy of the
// server's embedded PGlite store: that folder admits one process, and a copy would fork the data.
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
  if (command.input !== '-') statSync(command.input); // a missing file fails before anything opens
  const useDatabase = command.url === undefined && config.DATABASE_URL !== undefined;
  const { summary, unpublished } = useDatabase
    ? await sendToDatabase(command, config)
    : await sendToService(command, config);
  const result = { ...summary, unpublished };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(
    `done: ${summary.accepted} accepted, ${summary.duplicates} duplicates, ${summary.rejected} rejected; ` +
      `${unpublished === 0 ? 'all published' : `${unpublished} waiting for Kafka (the order-producer relay publishes them)`}\n`,
  );
  return summary.rejected > 0 ? 2 : 0;
}

/**
 * The input with its progress reporter. Opened only when the sender is ready to read: counting
 * bytes with a 'data' listener makes the stream flow, and what flows before the reader attaches is lost.
 */
function openInput(command: SendCommand): {
  input: Readable;
  progress: { update: (summary: SendSummary) => void };
} {
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
  return { input, progress };
}

async function sendToService(
  command: SendCommand,
  config: Readonly<OrderProducerConfig>,
): Promise<{ summary: SendSummary; unpublished: number }> {
  const target = {
    url: command.url ?? `http://localhost:${config.PORT}`,
    apiKey: command.apiKey ?? config.API_KEY,
  };
  const { input, progress } = openInput(command);
  const { acceptedIds, ...summary } = await sendOrdersOverHttp(
    readOrderDocuments(input),
    target,
    progress.update,
  );
  const unpublished = await waitUntilPublished(
    acceptedIds,
    target,
    command.publish ? command.publishTimeoutMs : 0,
  );
  return { summary, unpublished };
}

async function sendToDatabase(
  command: SendCommand,
  config: Readonly<OrderProducerConfig>,
): Promise<{ summary: SendSummary; unpublished: number }> {
  // The CLI's own lines go to stderr at warn and above: stdout carries only the summary.
  const logger = createLogger({
    name: 'order-producer-cli',
    level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
    destination: process.stderr,
  });
  // The service's own composition (store, migrations, relay), never listening: no route to guard.
  // On a shared PostgreSQL the relay lock makes this relay and the server's take turns.
  // A 10 s shutdown budget: the relay gets most of it to publish what the wait below left.
  const cliConfig = { ...config, ORDER_SERVICE_MODE: 'development' as const, SHUTDOWN_TIMEOUT_MS: 10_000 };
  const service = await createService(orderProducerService, cliConfig, logger);
  try {
    if (command.publish) await service.start();
    const { input, progress } = openInput(command);
    const summary = await sendOrders(
      readOrderDocuments(input),
      {
        store: service.store,
        topic: config.TOPIC_ORDERS_CREATED,
        maxRecordBytes: config.KAFKA_MAX_MESSAGE_BYTES,
        now: () => new Date(),
        generateOrderId: () => uuidv7(),
      },
      progress.update,
    );
    const deadline = Date.now() + (command.publish ? command.publishTimeoutMs : 0);
    let pending = (await service.outboxLag()).pending;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      pending = (await service.outboxLag()).pending;
    }
    return { summary, unpublished: pending };
  } finally {
    await service.stop();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      ConfigError.isInstance(error) || error instanceof SendOrdersFailedError
        ? `${error.message}\n`
        : `order-producer send failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
