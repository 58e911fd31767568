import { diff } from '@asyncapi/diff';
import type { JsonSchema } from './to-json-schema.ts';

/** The published documents of one version: the AsyncAPI document and the JSON Schemas by file name. */
export interface ContractDocuments {
  readonly asyncapi: JsonSchema;
  readonly schemas: Readonly<Record<string, JsonSchema>>;
}

/** One difference between two versions of the contract and whether it breaks producers or consumers. */
export interface ContractChange {
  readonly document: string;
  readonly action: 'add' | 'remove' | 'edit';
  readonly path: string;
  readonly type: 'breaking' | 'non-breaking';
}

interface DiffChange {
  action: 'add' | 'remove' | 'edit';
  path: string;
  type: 'breaking' | 'non-breaking' | 'unclassified';
}

const ANNOTATIONS = new Set(['description', 'title', 'summary', '$comment', 'tags', 'externalDocs']);

function isAnnotation(segments: readonly string[]): boolean {
  return segments.includes('examples') || ANNOTATIONS.has(segments.at(-1) ?? '');
}

function isSchemaPath(path: string): boolean {
  return /^\/components\/schemas\/|\/(payload|headers)(\/|$)|\/bindings\/kafka\/key(\/|$)/.test(path);
}

/**
 * @asyncapi/diff's standard calls every payload edit breaking and leaves schema components
 * unclassified, so schemas get a finer rule: annotations and a new optional property are
 * non-breaking; every other schema change (type, required, enum, a constraint, a removed
 * property) breaks a producer or a consumer. Anything else it leaves unclassified counts as breaking.
 */
function classify(change: DiffChange): ContractChange['type'] {
  const segments = change.path.split('/');
  if (isSchemaPath(change.path)) {
    if (isAnnotation(segments)) return 'non-breaking';
    if (change.action === 'add' && segments.at(-2) === 'properties') return 'non-breaking';
    return 'breaking';
  }
  if (change.type !== 'unclassified') return change.type;
  return isAnnotation(segments) ? 'non-breaking' : 'breaking';
}

function changesOf(document: string, before: JsonSchema, after: JsonSchema): ContractChange[] {
  const output = diff(before, after).getOutput() as { changes: DiffChange[] };
  return output.changes.map((change) => ({
    document,
    action: change.action,
    path: change.path,
    type: classify(change),
  }));
}

// @asyncapi/diff compares AsyncAPI documents only: each JSON Schema file is wrapped as a component.
function wrapSchema(name: string, schema: JsonSchema | undefined): JsonSchema {
  return { asyncapi: '3.0.0', components: { schemas: schema ? { [name]: schema } : {} } };
}

/** Every change from the released documents to the current ones, classified. */
export function classifyContractChanges(
  released: ContractDocuments,
  current: ContractDocuments,
): ContractChange[] {
  const changes = changesOf('asyncapi', released.asyncapi, current.asyncapi);
  const names = new Set([...Object.keys(released.schemas), ...Object.keys(current.schemas)]);
  for (const name of names) {
    const before = wrapSchema(name, released.schemas[name]);
    const after = wrapSchema(name, current.schemas[name]);
    changes.push(...changesOf(`schemas/${name}`, before, after));
  }
  return changes;
}
