import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** The shape of the reference document the tests read. */
export interface ReferenceDocument {
  readonly components: {
    readonly schemas: Record<string, Record<string, unknown>>;
    readonly messages: Record<string, { examples?: { payload: unknown }[] }>;
  };
  readonly channels: Record<string, { address: string }>;
  readonly operations: Record<string, { action: string }>;
}

/** The upstream document this package implements, as copied into `reference/`. */
export const referenceDocument = parse(
  readFileSync(new URL('../../reference/order-service.asyncapi.yaml', import.meta.url), 'utf8'),
) as ReferenceDocument;

// Ajv with ajv-formats stands for "what the reference document accepts": an independent validator.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...referenceDocument, $id: 'reference' });

/** A validator compiled by Ajv from one of the reference document's component schemas. */
export function referenceValidator(
  schemaName: 'Order' | 'OrderItem' | 'OrderStatus',
): (value: unknown) => boolean {
  const validate = ajv.getSchema(`reference#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`the reference document has no components.schemas.${schemaName}`);
  return (value) => validate(value) === true;
}
