/** A FIFO async mutex: PGlite has one connection, so transactions on it must not interleave. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
