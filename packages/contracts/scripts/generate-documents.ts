// Writes the AsyncAPI document and JSON Schemas generated from the TypeBox schemas.
// Run: pnpm --filter @order-service/contracts generate
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot, renderDocuments } from '../src/documents/render-documents.ts';

for (const [path, content] of Object.entries(renderDocuments())) {
  const file = fileURLToPath(new URL(path, packageRoot));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${path}`);
}
