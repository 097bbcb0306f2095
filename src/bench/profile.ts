import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time and total
 * time (self plus callees) per function. `tsx src/bench/profile.ts <file.cpuprofile> [filter]
 * [--under=name]` prints the summary; `filter` keeps functions whose file path contains it (e.g.
 * `src/engine`), `--under=ask` counts only time spent inside functions named `ask`.
 */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

/** The parts of a `.cpuprofile` file the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FunctionTime {
  /** `name (file:line)`. */
  readonly name: string;
  readonly url: string;
  /** Milliseconds spent in the function itself. */
  readonly selfMs: number;
  /** Milliseconds spent in the function and everything it called (recursion counted once). */
  readonly totalMs: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: readonly FunctionTime[];
}

function isCpuProfile(value: unknown): value is CpuProfile {
  return (
    typeof value === 'object' &&
    value !== null &&
    'nodes' in value &&
    Array.isArray(value.nodes) &&
    'samples' in value &&
    Array.isArray(value.samples) &&
    'timeDeltas' in value &&
    Array.isArray(value.timeDeltas)
  );
}

const keyOf = (frame: CallFrame) =>
  `${frame.functionName || '(anonymous)'} (${shortUrl(frame.url)}:${frame.lineNumber + 1})`;

function shortUrl(url: string): string {
  if (!url) return 'native';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  return path.startsWith('/') ? relative(process.cwd(), path) : path;
}

/**
 * Self and total time per function, most total time first. With `under`, only samples taken
 * inside a function of that name count (e.g. "ask": where the time of a question goes).
 */
export function summarizeProfile(profile: CpuProfile, under?: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const inside = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at)?.callFrame.functionName === under) return true;
    }
    return false;
  };
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    if (under !== undefined && !inside(id)) return;
    const delta = Math.max(0, profile.timeDeltas[i] ?? 0);
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    totalUs += delta;
  });

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const urls = new Map<string, string>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const key = keyOf(node.callFrame);
    urls.set(key, node.callFrame.url);
    self.set(key, (self.get(key) ?? 0) + us);
    // Every function on the stack gets the sample once, however deep its recursion.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const k = keyOf(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      urls.set(k, frame.url);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const functions = [...total].map(([name, us]) => ({
    name,
    url: urls.get(name) ?? '',
    selfMs: (self.get(name) ?? 0) / 1000,
    totalMs: us / 1000,
  }));
  functions.sort((a, b) => b.totalMs - a.totalMs || a.name.localeCompare(b.name));
  return { totalMs: totalUs / 1000, functions };
}

/** A printable summary: the top functions by total time and by self time. */
export function formatProfileSummary(
  summary: ProfileSummary,
  filter = '',
  top = 25,
  under?: string,
): string {
  const keep = summary.functions.filter((f) => f.url.includes(filter));
  const scope = [
    under ? `inside ${under}()` : '',
    filter ? `functions under "${filter}"` : '',
  ].filter((s) => s.length > 0);
  const line = (f: FunctionTime) =>
    `${f.totalMs.toFixed(0).padStart(9)} ${f.selfMs.toFixed(0).padStart(9)}  ${f.name}`;
  const bySelf = [...keep].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  return [
    `profile: ${summary.totalMs.toFixed(0)} ms sampled${scope.length > 0 ? `, ${scope.join(', ')}` : ''}`,
    '',
    `${'total ms'.padStart(9)} ${'self ms'.padStart(9)}  by total time`,
    ...keep.slice(0, top).map(line),
    '',
    `${'total ms'.padStart(9)} ${'self ms'.padStart(9)}  by self time`,
    ...bySelf.map(line),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const under = args.find((a) => a.startsWith('--under='))?.slice('--under='.length);
  const [file, filter = ''] = args.filter((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: tsx src/bench/profile.ts <file.cpuprofile> [path filter] [--under=name]');
    process.exit(2);
  }
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isCpuProfile(data)) {
    console.error(`${file} is not a V8 CPU profile`);
    process.exit(1);
  }
  console.log(formatProfileSummary(summarizeProfile(data, under), filter, 25, under));
}
