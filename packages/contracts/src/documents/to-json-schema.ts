import type { TSchema } from 'typebox';

/** A plain JSON Schema object (what lands in the published documents). */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * Copies a TypeBox schema to plain JSON Schema, replacing every embedded schema that is one of
 * `references` (compared by content) with a `$ref` to it. TypeBox keeps its own markers
 * non-enumerable, so a JSON round trip leaves exactly the JSON Schema keywords.
 */
export function toJsonSchema(
  schema: TSchema,
  references: Readonly<Record<string, TSchema>> = {},
): JsonSchema {
  const referenceByContent = new Map(
    Object.entries(references).map(([ref, referenced]) => [JSON.stringify(referenced), ref]),
  );
  const replace = (node: unknown, isRoot: boolean): unknown => {
    if (Array.isArray(node)) return node.map((child) => replace(child, false));
    if (typeof node !== 'object' || node === null) return node;
    const ref = isRoot ? undefined : referenceByContent.get(JSON.stringify(node));
    if (ref !== undefined) return { $ref: ref };
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, replace(value, false)]));
  };
  return replace(JSON.parse(JSON.stringify(schema)), true) as JsonSchema;
}
