/**
 * Why the stages cost more taking turns on each text (as analyze() runs them) than each run over all the texts
 * (bench/stage-cost.ts's row "the stages in turn on each text minus each run apart"): per stage, CPU time both ways
 * in the same rounds, with the garbage collections of each way (count, pause time), and, with `--evict KB`, the
 * stages run apart with that much other memory touched between two texts, as the other stages touch theirs. When
 * evicting the CPU caches between texts makes the stages run apart as slowly as in turn, the difference is the
 * caches, not the heap.
 *
 *   npx tsx bench/tools/stage-turns.ts                   # 1,500 CCTV items, 3 rounds
 *   npx tsx bench/tools/stage-turns.ts --evict 4096      # 4 MB touched between two texts of a stage run apart
 *   npx tsx bench/tools/stage-turns.ts --policy
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { createAnalyzer, type Doc } from "../../src/index.js";
import type { StageContext } from "../../src/core/stage.js";
import { dataRoot, median, printTable } from "../lib/data.js";

const { values } = parseArgs({
  options: {
    limit: { type: "string", default: "1500" },
    rounds: { type: "string", default: "3" },
    evict: { type: "string", default: "0" },
    policy: { type: "boolean", default: false },
  },
});

const texts: string[] = [];
if (values.policy) {
  const manifest = readFileSync(`${dataRoot}/policy/manifest.tsv`, "utf8").trim().split("\n").slice(1);
  for (const row of manifest) texts.push(readFileSync(`${dataRoot}/policy/${row.split("\t")[0]}`, "utf8"));
} else {
  for (const line of readFileSync(`${dataRoot}/corpus/xinwenlianbo/xwlb-items.jsonl`, "utf8").split("\n")) {
    if (texts.length === Number(values.limit)) break;
    if (line) texts.push((JSON.parse(line) as { text: string }).text);
  }
}

const analyzer = createAnalyzer();
const names = analyzer.stages.map((stage) => stage.name);
/** The Docs each stage received in a first analyze() of every text, and the pipeline's context. */
const received = new Map<string, Doc[]>(names.map((name) => [name, []]));
let context: StageContext | undefined;
const recorder = createAnalyzer({
  stages: analyzer.stages.map((stage) => ({
    ...stage,
    run(doc: Doc, ctx: StageContext) {
      context = ctx;
      received.get(stage.name)!.push(doc);
      return stage.run(doc, ctx);
    },
  })),
});
for (const text of texts) recorder.analyze(text);

/** Fresh copies of the recorded Docs, their tokens arrays copied once for all stages (see stage-cost-child.mjs). */
function freshDocs(): Map<string, Doc[]> {
  const copies = new Map<readonly unknown[], Doc["tokens"]>();
  const fresh = (tokens: Doc["tokens"]) => copies.get(tokens) ?? copies.set(tokens, tokens.slice()).get(tokens)!;
  return new Map([...received].map(([name, docs]) => [name, docs.map((doc) => ({ ...doc, tokens: fresh(doc.tokens) }))]));
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Memory touched between two texts of a stage run apart, one write per cache line. */
const evicted = new Int32Array((Number(values.evict) * 1024) / 4);
const evict = () => {
  for (let i = 0; i < evicted.length; i += 16) evicted[i]!++;
};
/** `work` with the collections during it: count and pause milliseconds. */
function collected(work: () => void): { count: number; ms: number } {
  const profiler = new v8.GCProfiler();
  profiler.start();
  work();
  const { statistics } = profiler.stop();
  return { count: statistics.length, ms: statistics.reduce((sum, gc) => sum + gc.cost, 0) / 1000 };
}

const apart = new Map<string, number[]>(names.map((name) => [name, []]));
const inTurn = new Map<string, number[]>(names.map((name) => [name, []]));
const gcs = { apart: [] as { count: number; ms: number }[], inTurn: [] as { count: number; ms: number }[] };
const first = received.get(names[0]!)!;
for (let round = 0; round <= Number(values.rounds); round++) {
  const docs = freshDocs();
  const spent = new Map<string, number>(names.map((name) => [name, 0]));
  // each stage's run is timed alone, so that neither the eviction nor the other stages count
  const timed = (name: string, run: () => Doc): Doc => {
    const started = cpuNow();
    const doc = run();
    spent.set(name, spent.get(name)! + cpuNow() - started);
    return doc;
  };
  const apartGc = collected(() => {
    for (const stage of analyzer.stages) {
      for (const doc of docs.get(stage.name)!) {
        timed(stage.name, () => stage.run(doc, context!));
        if (evicted.length > 0) evict();
      }
    }
  });
  // round 0 warms up the JIT and every lazily loaded resource
  if (round > 0) for (const name of names) apart.get(name)!.push(spent.get(name)!);
  for (const name of names) spent.set(name, 0);
  const inTurnGc = collected(() => {
    for (const doc of first) analyzer.stages.reduce((d, stage) => timed(stage.name, () => stage.run(d, context!)), doc);
  });
  if (round > 0) {
    for (const name of names) inTurn.get(name)!.push(spent.get(name)!);
    gcs.apart.push(apartGc);
    gcs.inTurn.push(inTurnGc);
  }
}

const total = (of: Map<string, number[]>) => names.reduce((sum, name) => sum + median(of.get(name)!), 0);
console.log(`${texts.length} ${values.policy ? "policy" : "CCTV"} texts, CPU ms, median of ${values.rounds} rounds; ${values.evict} KB touched between texts run apart\n`);
printTable(
  ["stage", "each run apart", "in turn on each text", "in turn − apart"],
  [
    ...names.map((name) => [name, median(apart.get(name)!).toFixed(0), median(inTurn.get(name)!).toFixed(0), (median(inTurn.get(name)!) - median(apart.get(name)!)).toFixed(0)]),
    ["all", total(apart).toFixed(0), total(inTurn).toFixed(0), (total(inTurn) - total(apart)).toFixed(0)],
    [
      "garbage collections (count, pause ms)",
      `${median(gcs.apart.map((g) => g.count))}, ${median(gcs.apart.map((g) => g.ms)).toFixed(0)}`,
      `${median(gcs.inTurn.map((g) => g.count))}, ${median(gcs.inTurn.map((g) => g.ms)).toFixed(0)}`,
      "",
    ],
  ],
);
