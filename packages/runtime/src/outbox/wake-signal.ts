/**
 * Wakes the relay loop. `notify()` calls that arrive while the loop is busy are remembered, and a
 * wake-up waits `debounceMs` before resolving so that a burst of commits becomes one batch.
 */
export class WakeSignal {
  readonly #debounceMs: number;
  #pending = false;
  #waiter: ((immediate: boolean) => void) | undefined;

  constructor(debounceMs: number) {
    this.#debounceMs = debounceMs;
  }

  /** Asks for a pass of the loop soon. */
  notify(): void {
    this.#pending = true;
    this.#wakeWaiter(false);
  }

  /** Ends the current wait at once (stop). */
  interrupt(): void {
    this.#pending = true;
    this.#wakeWaiter(true);
  }

  /** Resolves after a notification (plus the debounce) or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.#waiter = undefined;
        this.#pending = false;
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.#waiter = (immediate) => {
        this.#waiter = undefined;
        if (immediate || this.#debounceMs <= 0) finish();
        else setTimeout(finish, this.#debounceMs);
      };
      if (this.#pending) this.#wakeWaiter(false);
    });
  }

  #wakeWaiter(immediate: boolean): void {
    this.#waiter?.(immediate);
  }
}
