import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RuntimeError } from '../errors.ts';

const storeLockedBrand = Symbol.for('@order-service/runtime.StoreLockedError');

/** The name of the lock file inside an embedded store's folder. */
export const DATA_DIR_LOCK_FILE = 'order-service.lock';

/** Another process (or another open in this one) holds the embedded store's folder. */
export class StoreLockedError extends RuntimeError {
  readonly [storeLockedBrand] = true;
  declare readonly code: 'RUNTIME_STORE_LOCKED';
  readonly dataDir: string;
  /** The pid written in the lock file. */
  readonly holderPid: number;

  constructor(dataDir: string, holderPid: number) {
    const holder =
      holderPid === process.pid ? `this process (pid ${holderPid}) already` : `process ${holderPid}`;
    super(
      'RUNTIME_STORE_LOCKED',
      `The embedded store folder ${dataDir} is in use: ${holder} has it open (lock ${join(dataDir, DATA_DIR_LOCK_FILE)}). ` +
        'Only one process may open a PGlite folder. Stop that process first, or give this one another DATA_DIR, ' +
        'or run both on one PostgreSQL (DATABASE_URL). A lock left by a process that died is taken over by itself.',
    );
    this.name = 'StoreLockedError';
    this.dataDir = dataDir;
    this.holderPid = holderPid;
  }

  /** True for this error, also across copies of this package (no `instanceof`). */
  static override isInstance(value: unknown): value is StoreLockedError {
    return typeof value === 'object' && value !== null && storeLockedBrand in value;
  }
}

/** A held folder lock. */
export interface DataDirLock {
  /** Removes the lock file (idempotent). */
  release(): void;
}

// Folders this process holds: a lock file with our own pid that is not in here was left by an
// earlier process that had the same pid (a container's pid 1 after a restart), so it is stale.
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the folder's lock file (created exclusively, holding this pid), so that a second process
 * never opens the same PGlite folder, which would corrupt it or lose writes. Throws
 * {@link StoreLockedError} naming the holder while it runs; takes over a lock whose process died.
 * (Two processes taking over one dead lock in the same instant is the one race left; it needs a
 * crash and two starts at once.)
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const folder = resolve(dataDir);
  const file = join(folder, DATA_DIR_LOCK_FILE);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    const stale =
      holder === undefined || (holder === process.pid ? !heldHere.has(folder) : !isRunning(holder));
    if (!stale || attempt >= 3) throw new StoreLockedError(folder, holder ?? 0);
    rmSync(file, { force: true });
  }
  heldHere.add(folder);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      heldHere.delete(folder);
      if (readHolder(file) === process.pid) rmSync(file, { force: true });
    },
  };
}
