/** Listeners for events that transactions emit after they commit (e.g. `outbox`). */
export class CommitEvents {
  readonly #listeners = new Map<string, Set<() => void>>();

  on(event: string, listener: () => void): () => void {
    const listeners = this.#listeners.get(event) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(event, listeners);
    return () => listeners.delete(listener);
  }

  /** Calls every listener of each event; a throwing listener must not undo a committed transaction. */
  emit(events: ReadonlySet<string>): void {
    for (const event of events) {
      for (const listener of this.#listeners.get(event) ?? []) {
        try {
          listener();
        } catch {
          // Listeners only schedule work (wake the relay); their failures are theirs to log.
        }
      }
    }
  }
}

/** What a transaction asked for after COMMIT: events to emit once, and tasks to await in order. */
export interface PendingEvents {
  events: Set<string>;
  emitAfterCommit: (event: string) => void;
  afterCommit: (task: () => Promise<void>) => void;
  /** Runs the after-commit tasks one after the other; the first failure rejects. */
  runTasks: () => Promise<void>;
}

/** Collects the events and tasks a transaction asked for, to run them after COMMIT. */
export function createPendingEvents(): PendingEvents {
  const events = new Set<string>();
  const tasks: (() => Promise<void>)[] = [];
  return {
    events,
    emitAfterCommit: (event: string) => void events.add(event),
    afterCommit: (task) => void tasks.push(task),
    runTasks: async () => {
      for (const task of tasks) await task();
    },
  };
}
