/**
 * Output regression between two builds: every Doc that `analyze()` gives for the 19,541 CCTV news items
 * (../shared/data/corpus/xinwenlianbo) and the 60 policy documents (../shared/data/policy) must be the same JSON,
 * old build and new. Each build runs in its own child process (nodejieba and gongwen's resources are
 * process-global), both on the same inputs, chunk by chunk, each chunk twice per build in the order old, new, new,
 * old (mirrored every other chunk), so that a change in the machine's load hits both alike; the throughput ratio
 * new/old of analyze() is the median of the chunks' ratios.
 *
 *   npx tsx bench/regression.ts                       # main (built from its commit) vs the working tree
 *   npx tsx bench/regression.ts --limit 1000          # the first 1,000 CCTV items and (all 60) policy documents
 *   npx tsx bench/regression.ts --base 210a4ff --new HEAD
 *
 * Prints the count of differing Docs with the first few differences (input, JSON path, old and new values) and
 * the throughput ratios; exits 1 when a Doc differs.
 */
import { fork, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildRef, buildWorkingTree, type Build } from "./lib/build.js";
import { dataRoot, median, projectRoot } from "./lib/data.js";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "main" },
    new: { type: "string" },
    limit: { type: "string" },
    chunk: { type: "string", default: "150000" },
    show: { type: "string", default: "5" },
  },
});
/** Characters per chunk: ~300 CCTV items or ~6 policy documents, long enough to time, many enough for a median. */
const CHUNK = Number(values.chunk);
const SHOW = Number(values.show);

interface Input {
  name: string;
  kind: "cctv" | "policy";
  length: number;
}
type Reply = { inputs: Input[] } | { ms: number; hashes: string[] } | { json: string };

/** A build's child process and a way to ask it one thing at a time. */
class Runner {
  private readonly child: ChildProcess;
  private pending: ((reply: Reply) => void) | undefined;
  readonly ready: Promise<Input[]>;

  constructor(readonly build: Build) {
    this.child = fork(`${projectRoot}/bench/lib/regression-child.mjs`, [build.folder, dataRoot, values.limit ?? ""], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child.on("message", (reply: Reply) => this.pending?.(reply));
    this.child.on("exit", (code) => {
      if (code) throw new Error(`${build.label}: child exited with ${code}`);
    });
    this.ready = new Promise((done) => (this.pending = (reply) => done((reply as { inputs: Input[] }).inputs)));
  }

  ask<T extends Reply>(message: object): Promise<T> {
    return new Promise((done) => {
      this.pending = (reply) => done(reply as T);
      this.child.send(message);
    });
  }

  close(): void {
    this.child.disconnect();
  }
}

/** The first few paths at which two JSON values differ, with both values (shortened). */
function differences(a: unknown, b: unknown, path = "$", into: string[] = []): string[] {
  if (into.length >= 3) return into;
  const short = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v).slice(0, 160));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, into);
    }
    return into;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) into.push(`${path}: ${short(a)} → ${short(b)}`);
  return into;
}

const builds = [buildRef(values.base), values.new === undefined ? buildWorkingTree() : buildRef(values.new)];
const [old, current] = builds.map((build) => new Runner(build)) as [Runner, Runner];
try {
  const inputs = await old.ready;
  await current.ready;
  console.log(`old: ${old.build.label}, new: ${current.build.label}; ${inputs.length} inputs`);

  const differing: number[] = [];
  const ratios: Record<Input["kind"], number[]> = { cctv: [], policy: [] };
  const totals = { old: 0, new: 0 };
  // chunks never mix the two kinds, so each kind has its own ratio
  const chunks: [number, number][] = [];
  for (let from = 0; from < inputs.length; ) {
    let [to, chars] = [from, 0];
    while (to < inputs.length && chars < CHUNK && inputs[to]!.kind === inputs[from]!.kind) chars += inputs[to++]!.length;
    chunks.push([from, to]);
    from = to;
  }
  for (const [n, [from, to]] of chunks.entries()) {
    const ask = (runner: Runner) => runner.ask<{ ms: number; hashes: string[] }>({ run: [from, to] });
    // old, new, new, old (or the mirror image, alternating): a drift in the machine's load within the chunk hits
    // both builds alike
    const [first, second] = n % 2 ? [current, old] : [old, current];
    const runs = [await ask(first), await ask(second), await ask(second), await ask(first)];
    const [a, b] = n % 2 ? [runs[1]!, runs[0]!] : [runs[0]!, runs[1]!];
    const oldMs = runs[n % 2 ? 1 : 0]!.ms + runs[n % 2 ? 2 : 3]!.ms;
    const newMs = runs[n % 2 ? 0 : 1]!.ms + runs[n % 2 ? 3 : 2]!.ms;
    totals.old += oldMs;
    totals.new += newMs;
    ratios[inputs[from]!.kind].push(oldMs / newMs);
    a.hashes.forEach((hash, i) => hash !== b.hashes[i] && differing.push(from + i));
    if (n % 10 === 9) process.stderr.write(`${to}/${inputs.length} inputs, ${differing.length} differing\n`);
  }

  console.log(`differing Docs: ${differing.length} of ${inputs.length}`);
  for (const i of differing.slice(0, SHOW)) {
    const [a, b] = [await old.ask<{ json: string }>({ json: i }), await current.ask<{ json: string }>({ json: i })];
    console.log(`  ${inputs[i]!.kind} ${inputs[i]!.name}:`);
    for (const line of differences(JSON.parse(a.json), JSON.parse(b.json))) console.log(`    ${line}`);
  }
  for (const kind of ["cctv", "policy"] as const) {
    if (ratios[kind].length === 0) continue;
    console.log(`analyze() throughput new/old, ${kind}: ${median(ratios[kind]).toFixed(3)} (median of ${ratios[kind].length} chunks)`);
  }
  console.log(`analyze() time: old ${(totals.old / 1000).toFixed(1)} s, new ${(totals.new / 1000).toFixed(1)} s`);
  process.exitCode = differing.length === 0 ? 0 : 1;
} finally {
  old.close();
  current.close();
  for (const build of builds) rmSync(build.folder, { recursive: true, force: true });
}
