import { ConfigError } from '../config/config-error.ts';
import type { Environment } from '../config/load-config.ts';
import type { ServiceConfig } from '../config/service-config.ts';
import { createLogger } from '../logging/create-logger.ts';
import { onShutdown } from '../shutdown/on-shutdown.ts';
import { createService, type ServiceDefinition } from './create-service.ts';

/**
 * An app's `main.ts`: reads the environment, composes the service, installs the signal handlers
 * (one ordered shutdown within `SHUTDOWN_TIMEOUT_MS`), starts it and listens. A configuration
 * error is printed as text to stderr (no logger yet) and exits 1; so does a failed start.
 */
export async function runService<Config extends ServiceConfig>(
  definition: ServiceDefinition<Config>,
  environment: Environment = process.env,
): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = definition.loadConfig(environment);
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    process.stderr.write(`${definition.name}: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ name: definition.name, level: config.LOG_LEVEL });
  try {
    const service = await createService(definition, config, logger);
    onShutdown(logger, service.shutdownSteps(), { timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
    await service.start();
    const address = await service.app.listen({ host: config.HOST, port: config.PORT });
    logger.info({ address, store: service.store.kind }, `${definition.name} started`);
  } catch (error) {
    if (ConfigError.isInstance(error)) process.stderr.write(`${definition.name}: ${error.message}\n`);
    logger.fatal({ err: error }, `${definition.name} failed to start`);
    process.exit(1);
  }
}
