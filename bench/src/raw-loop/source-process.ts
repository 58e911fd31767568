// Child process: the first hop of the raw kafkajs loop. Produces records to topic A, either at a
// fixed rate (open loop, each record stamped with its intended send time) or as fast as an
// end-to-end window allows (saturation). Batches whatever is due while a send is in flight,
// since kafkajs has no linger of its own.
import { createDemoOrder, createSeededRandom } from '@order-service/run-system/demo';
import { CompressionTypes, Kafka, logLevel, type Message } from 'kafkajs';
import { createLatencyHistogram } from '../latency-histogram.ts';
import { INTENDED_HEADER, recordKey, type SourceCommand, type SourceReport } from './source-protocol.ts';

const [brokers = 'localhost:9092', topic = ''] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: 'bench-raw-source',
  brokers: brokers.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({ allowAutoTopicCreation: false });
const random = createSeededRandom(1);
const consumedByPhase = new Map<string, number>();
let wakeWindow: (() => void) | undefined;

function report(message: SourceReport): void {
  process.send?.(message);
}

function buildMessage(phase: string, index: number, intendedNs: bigint): Message {
  const key = recordKey(phase, index);
  const order = { ...createDemoOrder(random, key), created_at: new Date().toISOString(), status: 'NEW' };
  return {
    key,
    value: JSON.stringify(order),
    headers: { 'content-type': 'application/json', [INTENDED_HEADER]: intendedNs.toString() },
  };
}

async function send(messages: Message[]): Promise<void> {
  await producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages });
}

async function runAtRate(command: Extract<SourceCommand, { mode: 'rate' }>): Promise<void> {
  const histogram = createLatencyHistogram();
  const intervalNs = BigInt(Math.round(1e9 / command.ratePerSecond));
  const total = Math.max(1, Math.round((command.ratePerSecond * command.durationMs) / 1000));
  const startNs = process.hrtime.bigint();
  let scheduled = 0;
  let acknowledged = 0;
  let inFlight = false;
  const pending: { message: Message; intendedNs: bigint }[] = [];
  await new Promise<void>((resolve, reject) => {
    const flush = (): void => {
      if (inFlight || pending.length === 0) return;
      inFlight = true;
      const batch = pending.splice(0, pending.length);
      send(batch.map((entry) => entry.message)).then(() => {
        const now = process.hrtime.bigint();
        for (const entry of batch) histogram.recordNanoseconds(now - entry.intendedNs);
        acknowledged += batch.length;
        inFlight = false;
        if (scheduled >= total && pending.length === 0) {
          clearInterval(timer);
          resolve();
        } else flush();
      }, reject);
    };
    const timer = setInterval(() => {
      const due = Math.min(total, Number((process.hrtime.bigint() - startNs) / intervalNs) + 1);
      for (; scheduled < due; scheduled += 1) {
        const intendedNs = startNs + BigInt(scheduled) * intervalNs;
        pending.push({ message: buildMessage(command.phase, scheduled, intendedNs), intendedNs });
      }
      flush();
    }, 1);
  });
  report({
    type: 'finished',
    phase: command.phase,
    sent: scheduled,
    acknowledged,
    firstIntendedNs: startNs.toString(),
    acknowledgement: histogram.summarize(),
  });
}

async function runSaturated(command: Extract<SourceCommand, { mode: 'saturate' }>): Promise<void> {
  const histogram = createLatencyHistogram();
  const startNs = process.hrtime.bigint();
  const endNs = startNs + BigInt(command.durationMs) * 1_000_000n;
  let sent = 0;
  while (process.hrtime.bigint() < endNs) {
    const room = command.window - (sent - (consumedByPhase.get(command.phase) ?? 0));
    if (room <= 0) {
      await new Promise<void>((resolve) => {
        wakeWindow = resolve;
        setTimeout(resolve, 50);
      });
      continue;
    }
    const count = Math.min(room, command.batchSize);
    const intendedNs = process.hrtime.bigint();
    const messages: Message[] = [];
    for (let index = 0; index < count; index += 1)
      messages.push(buildMessage(command.phase, sent + index, intendedNs));
    await send(messages);
    histogram.recordNanoseconds(process.hrtime.bigint() - intendedNs);
    sent += count;
  }
  report({
    type: 'finished',
    phase: command.phase,
    sent,
    acknowledged: sent,
    firstIntendedNs: startNs.toString(),
    acknowledgement: histogram.summarize(),
  });
}

process.on('message', (command: SourceCommand) => {
  if (command.type === 'consumed') {
    consumedByPhase.set(command.phase, command.count);
    wakeWindow?.();
  } else if (command.type === 'close') {
    producer.disconnect().finally(() => process.exit(0));
  } else {
    const run = command.mode === 'rate' ? runAtRate(command) : runSaturated(command);
    run.catch((error: unknown) => report({ type: 'failed', message: String(error) }));
  }
});

await producer.connect();
report({ type: 'ready' });
