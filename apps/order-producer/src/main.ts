import { ConfigError, createLogger, onShutdown } from '@order-service/runtime';
import { loadOrderProducerConfig } from './config.ts';
import { createOrderProducer } from './create-order-producer.ts';

// The only module that reads process.env, listens and handles signals.
async function main(): Promise<void> {
  const config = loadOrderProducerConfig(process.env);
  const logger = createLogger({ name: 'order-producer', level: config.LOG_LEVEL });
  const producer = await createOrderProducer(config, logger);
  onShutdown(logger, [{ name: 'stop HTTP, flush the relay, close the store', run: () => producer.close() }], {
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  const address = await producer.app.listen({ host: config.HOST, port: config.PORT });
  logger.info(
    { address, store: producer.store.kind, topic: config.TOPIC_ORDERS_CREATED },
    'order-producer listening',
  );
}

main().catch((error: unknown) => {
  if (ConfigError.isInstance(error)) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `order-producer failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
