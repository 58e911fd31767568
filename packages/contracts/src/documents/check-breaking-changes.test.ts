import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  changesetDir,
  checkBreakingChanges,
  currentDocuments,
  describeReport,
  readReleasedDocuments,
} from './check-breaking-changes.ts';
import type { ContractDocuments } from './classify-contract-changes.ts';

const current = currentDocuments();
const noChangesets = mkdtempSync(join(tmpdir(), 'contracts-changesets-'));
afterAll(() => rmSync(noChangesets, { recursive: true, force: true }));

type Node = Record<string, unknown>;
type Edit = (asyncapi: Node) => void;

/** The object at `path` below `root` (the tests only walk paths that exist). */
function at(root: unknown, ...path: string[]): Node {
  return path.reduce((node, key) => (node as Node)[key], root) as Node;
}

// A copy of the current documents with one edit applied to the AsyncAPI document and, optionally, to the Order schema file.
function changed(edit: Edit, editSchemaFile?: Edit) {
  const next = structuredClone(current) as ContractDocuments;
  edit(next.asyncapi);
  editSchemaFile?.(next.schemas['order-created.schema.json'] as Node);
  return next;
}

const orderProperties = (asyncapi: Node) => at(asyncapi, 'components', 'schemas', 'Order', 'properties');

function check(next: ContractDocuments, dir = noChangesets) {
  return checkBreakingChanges({ released: current, current: next, changesetDir: dir });
}

describe('breaking-change guard', () => {
  it('finds no breaking change between the generated documents and the last release, or a major changeset covers them', () => {
    const report = checkBreakingChanges({ released: readReleasedDocuments(), current, changesetDir });
    expect(report.ok, describeReport(report)).toBe(true);
  });

  it('calls a removed field breaking, naming where it was', () => {
    const report = check(
      changed(
        (asyncapi) => delete orderProperties(asyncapi).customer_id,
        (schema) => delete at(schema, 'properties').customer_id,
      ),
    );
    expect(report.ok).toBe(false);
    expect(report.breaking.map((change) => `${change.document}#${change.path}`)).toEqual([
      'asyncapi#/components/schemas/Order/properties/customer_id',
      'schemas/order-created.schema.json#/components/schemas/order-created.schema.json/properties/customer_id',
    ]);
    expect(describeReport(report)).toMatch(/"@order-service\/contracts": major/);
  });

  it('calls a new enum value, a changed type and a newly required field breaking', () => {
    const cases: Edit[] = [
      (asyncapi) => (at(orderProperties(asyncapi), 'status').enum as string[]).push('LOST'),
      (asyncapi) => {
        at(orderProperties(asyncapi), 'total_amount').type = 'number';
      },
      (asyncapi) => {
        orderProperties(asyncapi).note = { type: 'string' };
        (at(asyncapi, 'components', 'schemas', 'Order').required as string[]).push('note');
      },
      (asyncapi) => delete at(asyncapi, 'channels').ordersNotifications,
    ];
    for (const edit of cases) expect(check(changed(edit)).ok).toBe(false);
  });

  it('lets a new optional field, a new description and a new example through', () => {
    const report = check(
      changed((asyncapi) => {
        orderProperties(asyncapi).note = { type: 'string', description: 'Free text' };
        at(orderProperties(asyncapi), 'order_id').description = 'Order id, unique';
        at(orderProperties(asyncapi), 'order_id').examples = ['A-1'];
      }),
    );
    expect(report.breaking).toEqual([]);
    expect(report.nonBreaking.length).toBeGreaterThan(0);
    expect(report.ok).toBe(true);
  });

  it('accepts a breaking change once a changeset declares a major bump of the package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contracts-changesets-'));
    try {
      const breaking = changed((asyncapi) => delete orderProperties(asyncapi).customer_id);
      writeFileSync(
        join(dir, 'minor.md'),
        '---\n"@order-service/contracts": minor\n---\n\nA minor change.\n',
      );
      expect(check(breaking, dir).ok).toBe(false);
      writeFileSync(
        join(dir, 'major.md'),
        "---\n'@order-service/contracts': major\n---\n\nRemove customer_id.\n",
      );
      expect(check(breaking, dir)).toMatchObject({ ok: true, majorChangesetPending: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
