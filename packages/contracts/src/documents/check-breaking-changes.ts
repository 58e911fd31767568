import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ContractChange,
  type ContractDocuments,
  classifyContractChanges,
} from './classify-contract-changes.ts';
import { pendingBump } from './pending-changesets.ts';
import { packageRoot, renderDocuments } from './render-documents.ts';
import type { JsonSchema } from './to-json-schema.ts';

/** The package whose documents the guard protects. */
export const CONTRACTS_PACKAGE = '@order-service/contracts';

/** The documents of the last release, kept in `released/` (written by `pnpm snapshot:release`). */
export function readReleasedDocuments(root: URL = new URL('released/', packageRoot)): ContractDocuments {
  const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as JsonSchema;
  const schemaNames = readdirSync(new URL('schemas/', root)).filter((name) => name.endsWith('.json'));
  return {
    asyncapi: read('asyncapi/order-service.asyncapi.json'),
    schemas: Object.fromEntries(schemaNames.map((name) => [name, read(`schemas/${name}`)])),
  };
}

/** The documents generated from the current TypeBox schemas. */
export function currentDocuments(): ContractDocuments {
  const files = renderDocuments();
  const schemas: Record<string, JsonSchema> = {};
  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith('schemas/'))
      schemas[path.slice('schemas/'.length)] = JSON.parse(content) as JsonSchema;
  }
  return {
    asyncapi: JSON.parse(files['asyncapi/order-service.asyncapi.json'] as string) as JsonSchema,
    schemas,
  };
}

/** The outcome of the guard: the breaking changes, and whether a major changeset covers them. */
export interface BreakingChangeReport {
  readonly breaking: readonly ContractChange[];
  readonly nonBreaking: readonly ContractChange[];
  readonly majorChangesetPending: boolean;
  readonly ok: boolean;
}

/** Compares the current documents with the last release; breaking changes need a pending major changeset. */
export function checkBreakingChanges(options: {
  released: ContractDocuments;
  current: ContractDocuments;
  changesetDir: string;
}): BreakingChangeReport {
  const changes = classifyContractChanges(options.released, options.current);
  const breaking = changes.filter((change) => change.type === 'breaking');
  const majorChangesetPending =
    existsSync(options.changesetDir) && pendingBump(CONTRACTS_PACKAGE, options.changesetDir) === 'major';
  return {
    breaking,
    nonBreaking: changes.filter((change) => change.type === 'non-breaking'),
    majorChangesetPending,
    ok: breaking.length === 0 || majorChangesetPending,
  };
}

/** The repository's `.changeset/` folder. */
export const changesetDir = fileURLToPath(new URL('../../.changeset/', packageRoot));

/** Explains a failing report: every breaking change and how to proceed. */
export function describeReport(report: BreakingChangeReport): string {
  const lines = report.breaking.map((change) => `  ${change.action} ${change.document}#${change.path}`);
  return [
    `${report.breaking.length} breaking change(s) to the published contract since the last release:`,
    ...lines,
    `Either make the change compatible (add optional fields, keep types, enums and required lists), or add a`,
    `changeset declaring "${CONTRACTS_PACKAGE}": major (pnpm changeset) that tells consumers what to change.`,
  ].join('\n');
}
