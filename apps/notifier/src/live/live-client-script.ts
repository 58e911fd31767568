import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The live page's browser script (browser/live-client.ts, compiled), as GET /live/live-client.js serves it. */
export interface LiveClientScript {
  source: string;
  /** A strong ETag of `source` (a content hash), for conditional requests. */
  etag: string;
}

// Where the script comes from: built once by tsup into dist/public/live-client.js (see
// tsup.config.ts) and read from there when the notifier runs from dist; when it runs from source
// (vitest, `node src/main.ts`), this file is still a .ts and the script is compiled here, once per
// process, with the esbuild that tsup itself uses (a devDependency, never loaded from dist), so a
// test always serves the current source and never depends on a build having been run before.
const runsFromSource = import.meta.url.endsWith('.ts');

function compileFromSource(): string {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./browser/live-client.ts', import.meta.url))],
    // The same output as the tsup browser build: one classic script, no imports left.
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // tsup builds from the app's folder: the same paths in the output's comments.
    absWorkingDir: fileURLToPath(new URL('../../', import.meta.url)),
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no live page script');
  return output.text;
}

function readBuilt(): string {
  // In dist, this code is part of dist/main.js, so the file sits in dist/public/.
  const file = new URL('./public/live-client.js', import.meta.url);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `The live page script ${fileURLToPath(file)} is missing: build the notifier with its tsup config (pnpm --filter @order-service/notifier build).`,
      { cause: error },
    );
  }
}

let loaded: LiveClientScript | undefined;

/** Loads (or, from source, compiles) the browser script once; later calls return the same one. */
export function loadLiveClientScript(): LiveClientScript {
  if (loaded === undefined) {
    const source = runsFromSource ? compileFromSource() : readBuilt();
    const hash = createHash('sha256').update(source).digest('base64url');
    loaded = { source, etag: `"${hash}"` };
  }
  return loaded;
}
