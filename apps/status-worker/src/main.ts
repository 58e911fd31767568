import { createLogger, onShutdown } from '@order-service/runtime';
import { loadStatusWorkerConfig } from './config.ts';
import { startStatusWorker } from './worker.ts';

// The only place that reads the environment, listens and handles signals.
const config = loadStatusWorkerConfig(process.env);
const logger = createLogger({ name: 'status-worker', level: config.LOG_LEVEL });
const worker = await startStatusWorker(config, logger);
onShutdown(logger, [{ name: 'status-worker', run: () => worker.stop() }]);
await worker.app.listen({ host: config.HOST, port: config.PORT });
logger.info({ host: config.HOST, port: config.PORT }, 'status-worker listening');
