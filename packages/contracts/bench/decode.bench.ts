// Decode + validate throughput: ours (typebox Compile + strict RFC 3339 date-time) against Ajv
// compiled from the same published JSON Schema (with ajv-formats date-time), from a JSON string as
// a Kafka record value arrives. Run: pnpm --filter @order-service/contracts bench
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { Bench } from 'tinybench';
import { decodeOrder } from '../src/index.ts';

const packageRoot = new URL('../', import.meta.url);
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(path, packageRoot), 'utf8')) as Record<string, unknown>;

const goldenOrders = readJson('__fixtures__/order-created.valid.json');
const cases = [
  ['reference order', JSON.stringify(goldenOrders['reference-example'])],
  ['50-item order', JSON.stringify(goldenOrders['fifty-items'])],
] as const;

const ajv = new Ajv();
addFormats.default(ajv, ['date-time']);
const validateWithAjv = ajv.compile(readJson('schemas/order-created.schema.json'));

function decodeWithAjv(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!validateWithAjv(value)) throw new Error(ajv.errorsText(validateWithAjv.errors));
  return value;
}

// Each task runs a batch of decodes so one sample is well above the timer's resolution.
const BATCH = 200;
// Ours and Ajv alternate over several short rounds and each keeps its median: on a shared machine the
// load drifts, and running one side entirely before the other would measure the drift.
const ROUNDS = 7;
let sink: unknown;

const tasks: Record<string, () => void> = {};
for (const [name, text] of cases) {
  if (!decodeOrder(text).ok) throw new Error(`${name} must be valid for the benchmark`);
  decodeWithAjv(text);
  tasks[`ours ${name}`] = () => {
    for (let index = 0; index < BATCH; index++) {
      const result = decodeOrder(text);
      if (!result.ok) throw result.error;
      sink = result.value;
    }
  };
  tasks[`ajv ${name}`] = () => {
    for (let index = 0; index < BATCH; index++) sink = decodeWithAjv(text);
  };
  // For scale: JSON.parse alone, which both sides pay.
  tasks[`JSON.parse ${name}`] = () => {
    for (let index = 0; index < BATCH; index++) sink = JSON.parse(text);
  };
}

const samples: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 400, warmupTime: round === 0 ? 500 : 50 });
  for (const [name, task] of Object.entries(tasks)) bench.add(name, task);
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name} did not complete: ${result.state}`);
    const taskSamples = samples[task.name] ?? [];
    taskSamples.push((BATCH * 1000) / result.period);
    samples[task.name] = taskSamples;
  }
}

function opsPerSecond(taskName: string): number {
  const sorted = [...(samples[taskName] ?? [])].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const format = (value: number) => Math.round(value).toLocaleString('en-US');
const rows = cases.map(([name]) => {
  const ours = opsPerSecond(`ours ${name}`);
  const ajvOps = opsPerSecond(`ajv ${name}`);
  return {
    case: name,
    'ours ops/s': format(ours),
    'ajv ops/s': format(ajvOps),
    'ours/ajv': (ours / ajvOps).toFixed(2),
    'JSON.parse alone ops/s': format(opsPerSecond(`JSON.parse ${name}`)),
  };
});
console.log(
  `node ${process.version}, median of ${ROUNDS} rounds, ${BATCH} decodes per sample, sink ${typeof sink}`,
);
console.table(rows);
const below = rows.filter((row) => Number(row['ours/ajv']) < 1);
console.log(
  below.length === 0
    ? 'target ours/ajv >= 1.0: met'
    : `target ours/ajv >= 1.0: NOT met for ${below.map((row) => row.case).join(', ')}`,
);
