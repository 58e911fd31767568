import { execFile } from 'node:child_process';
import { access, readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

async function readManifest(packageDir: string): Promise<PackageManifest> {
  return JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
}

/** Node's own lookup: `node_modules/<name>` in the folder and every folder above it. */
async function findInstalledPackage(name: string, fromDir: string): Promise<string> {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    try {
      await access(join(candidate, 'package.json'));
      return await realpath(candidate);
    } catch {
      if (dirname(dir) === dir) {
        throw new Error(`${name} is not installed above ${fromDir}; run the workspace install first`);
      }
    }
  }
}

/**
 * An installed package folder holds exactly the files of its published tarball, so the tarball
 * is rebuilt with tar (npm's layout: everything under `package/`). pnpm's store hard-links
 * identical files, which `npm pack` trips over ("Exit handler never called") and npm's extractor
 * skips as links, hence `--hard-dereference`.
 */
async function tarInstalledPackage(installedDir: string, destination: string): Promise<string> {
  const { name, version } = await readManifest(installedDir);
  const filename = `${name.replace('@', '').replace('/', '-')}-${version}.tgz`;
  await run('tar', [
    '--create',
    '--gzip',
    '--file',
    join(destination, filename),
    '--directory',
    installedDir,
    '--hard-dereference',
    '--exclude=./node_modules',
    '--transform=s,^\\.,package,',
    '.',
  ]);
  return filename;
}

/**
 * Packs every runtime dependency of `packageDir`, transitively, from the copies the workspace
 * install already put on disk, so a consumer outside the workspace can install them with
 * `npm install --offline`: no registry is asked once the install step is done.
 * Returns the tarball file names written into `destination`.
 */
export async function packInstalledDependencies(packageDir: string, destination: string): Promise<string[]> {
  const packed = new Map<string, string>();
  const pending = [await realpath(packageDir)];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const manifest = await readManifest(dir);
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (packed.has(name)) continue;
      const installedDir = await findInstalledPackage(name, dir);
      packed.set(name, await tarInstalledPackage(installedDir, destination));
      pending.push(installedDir);
    }
  }
  return [...packed.values()];
}
