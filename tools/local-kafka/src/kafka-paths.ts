import { join } from 'node:path';

/** Where one Kafka version's jars, configuration, data, logs and pid file live in the cache. */
export type KafkaPaths = {
  readonly root: string;
  readonly pom: string;
  readonly libs: string;
  /** Written after the jars were resolved and checked, so a later start skips Maven. */
  readonly libsManifest: string;
  readonly serverProperties: string;
  readonly log4jConfig: string;
  readonly data: string;
  readonly logs: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly lockFile: string;
};

/** The cache layout: `<cacheRoot>/kafka/<version>/`, outside the repository. */
export function resolveKafkaPaths(cacheRoot: string, version: string): KafkaPaths {
  const root = join(cacheRoot, 'kafka', version);
  const libs = join(root, 'libs');
  const logs = join(root, 'logs');
  return {
    root,
    pom: join(root, 'pom.xml'),
    libs,
    libsManifest: join(libs, 'resolved.json'),
    serverProperties: join(root, 'server.properties'),
    log4jConfig: join(root, 'log4j2.properties'),
    data: join(root, 'data'),
    logs,
    logFile: join(logs, 'kafka.log'),
    pidFile: join(root, 'kafka.pid'),
    lockFile: join(root, 'kafka.lock'),
  };
}
