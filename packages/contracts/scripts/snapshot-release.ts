// Copies the generated documents into released/ as the baseline of the breaking-change guard.
// Run after publishing a version: pnpm --filter @order-service/contracts snapshot:release
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot, renderDocuments } from '../src/documents/render-documents.ts';

const { version } = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {
  version: string;
};
const released = new URL('released/', packageRoot);
rmSync(new URL('schemas/', released), { recursive: true, force: true });
for (const [path, content] of Object.entries(renderDocuments())) {
  if (!path.endsWith('.json')) continue;
  const file = fileURLToPath(new URL(path, released));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}
writeFileSync(new URL('VERSION', released), `${version}\n`);
console.log(`released/ now holds the documents of ${version}`);
