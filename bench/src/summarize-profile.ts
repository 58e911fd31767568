// `node bench/src/summarize-profile.ts <file.cpuprofile>...`: prints where a V8 CPU profile (from
// `node --cpu-prof`, see BENCH_CPU_PROF=1) spends its time: the top functions by self time, and
// the time per package (node_modules folder, node internals, or the workspace's own code).
import { readFileSync } from 'node:fs';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Self time per profile node id, in microseconds. */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return times;
}

/** The package a script URL belongs to: a node_modules package, node internals, or the workspace path. */
export function packageOf(url: string): string {
  if (url === '') return '(native / idle / gc)';
  if (url.startsWith('node:')) return 'node internals';
  const match = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (match?.[1]) return match[1];
  const workspace = url.match(/\/(packages|apps|tools)\/([^/]+)\//);
  return workspace ? `${workspace[1]}/${workspace[2]}` : url;
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/**
 * The package a sample is charged to: the nearest frame (itself or a caller) outside Node's own
 * code, so a file system call made by PGlite counts as PGlite's and a socket write by kafkajs as
 * kafkajs's; only work Node does on its own (timers, the event loop) stays "node internals".
 */
function chargedPackage(id: number, byNode: Map<number, ProfileNode>, parents: Map<number, number>): string {
  const own = byNode.get(id)?.callFrame;
  if (own && SPECIAL.has(own.functionName)) return own.functionName;
  let sawNode = false;
  for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
    const url = byNode.get(current)?.callFrame.url ?? '';
    if (url.startsWith('node:')) sawNode = true;
    else if (url !== '') return packageOf(url);
  }
  return sawNode ? 'node internals' : '(native)';
}

function summarize(file: string): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const times = selfTimes(profile);
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  for (const [id, time] of times) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    busy += time;
    const name = `${frame.functionName || '(anonymous)'} ${packageOf(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    const owner = chargedPackage(id, byNode, parents);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + time);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((left, right) => right[1] - left[1])
      .slice(0, count)
      .map(([name, time]) => `  ${((100 * time) / busy).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `${file}: ${(busy / 1e6).toFixed(1)} s busy (idle left out)`,
    'by package, native and Node calls charged to their caller (share of busy time):',
    ...top(byPackage, 12),
    'top functions by self time:',
    ...top(byFunction, 15),
  ].join('\n');
}

if (import.meta.main) {
  for (const file of process.argv.slice(2)) console.log(`${summarize(file)}\n`);
}
