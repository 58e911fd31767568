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

/** Collects the events a transaction asked for, to emit them once after COMMIT. */
export function createPendingEvents(): { events: Set<string>; emitAfterCommit: (event: string) => void } {
  const events = new Set<string>();
  return { events, emitAfterCommit: (event: string) => void events.add(event) };
}
