import type { Logger } from 'pino';

/** One step of graceful shutdown, run in order. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

/** Options of `onShutdown`. */
export interface ShutdownOptions {
  /** Exit code 1 if all steps together take longer. Default 30 s. */
  timeoutMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Replaces `process.exit` (tests). */
  exit?: (code: number) => void;
}

/** Controls the installed handlers. */
export interface ShutdownHandle {
  /** Runs the steps now (as a signal would) and exits. */
  shutdown(reason: string): Promise<void>;
  /** Removes the signal handlers. */
  dispose(): void;
}

/**
 * On SIGTERM/SIGINT runs `steps` in order (stop HTTP, stop consumers, flush the relay, close the
 * store and producers), logging each, then exits 0; a failing step is logged and the rest still
 * run (exit 1). A second signal exits at once with 130.
 */
export function onShutdown(
  logger: Logger,
  steps: readonly ShutdownStep[],
  options: ShutdownOptions = {},
): ShutdownHandle {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const timeoutMs = options.timeoutMs ?? 30_000;
  const log = logger.child({ component: 'shutdown' });
  let running: Promise<void> | undefined;

  const shutdown = (reason: string): Promise<void> => {
    if (running !== undefined) {
      log.warn({ reason }, 'second shutdown request, exiting at once');
      exit(130);
      return running;
    }
    running = (async () => {
      log.info({ reason }, 'shutting down');
      const timer = setTimeout(() => {
        log.error({ timeoutMs }, 'shutdown timed out, exiting');
        exit(1);
      }, timeoutMs);
      timer.unref();
      let failed = false;
      for (const step of steps) {
        const started = Date.now();
        try {
          await step.run();
          log.info({ step: step.name, durationMs: Date.now() - started }, 'shutdown step done');
        } catch (error) {
          failed = true;
          log.error({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
      clearTimeout(timer);
      log.info({ failed }, 'shutdown complete');
      exit(failed ? 1 : 0);
    })();
    return running;
  };

  const handler = (signal: NodeJS.Signals) => {
    void shutdown(signal);
  };
  for (const signal of signals) process.on(signal, handler);
  return {
    shutdown,
    dispose: () => {
      for (const signal of signals) process.off(signal, handler);
    },
  };
}
