export {
  APPS,
  type AppName,
  type AppSettings,
  appEntry,
  appEnvironment,
  databaseSchemaOf,
  REPO_ROOT,
  type SystemTopics,
} from './app-definitions.ts';
export {
  type AppProcess,
  type ProcessExit,
  type StartAppProcessOptions,
  startAppProcess,
} from './app-process.ts';
export { findFreePort } from './find-free-port.ts';
export { type WaitForReadyOptions, waitForReady } from './wait-for-ready.ts';
