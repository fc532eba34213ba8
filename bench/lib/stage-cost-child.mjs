/**
 * Child process of bench/stage-cost.ts: `node stage-cost-child.mjs <package folder> <data folder> <limit> <rounds>`
 * loads that build and times, per kind of input (CCTV items, policy documents), each stage of the default pipeline,
 * the whole analyze() and raw nodejieba tag() on the same texts; prints one JSON object.
 *
 * Each stage is timed on its own: a first analyze() per text records the Doc every stage receives (through stage
 * objects that wrap the built-in ones, so the pipeline runs exactly as it does for users), then each round runs
 * every stage's `run` over fresh copies of those Docs in turn, then all the stages taking turns on each text (what
 * analyze() does between reading the input and mapping spans back), then analyze(), analyzeBlock() over blocks of 16
 * texts, analyze() with a stage that does nothing (the input readers and the span mapping alone) and tag() over the
 * texts, each timed in CPU time.
 * Plain Node, built package: no tsx loader in the timings.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";

const [folder, data, limitArg, roundsArg] = process.argv.slice(2);
const limit = Number(limitArg);
const rounds = Number(roundsArg);
const { createAnalyzer } = await import(pathToFileURL(join(folder, "dist/index.js")).href);
// nodejieba is process-global: after gongwen's first call it has gongwen's dictionaries loaded, and tag() runs on them
const nodejieba = createRequire(join(folder, "package.json"))("nodejieba");

/** The options every analyzer of this bench is built with (one place, so that an engine option can join them). */
const analyzerOptions = {};

const cctv = [];
for (const line of readFileSync(join(data, "corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n")) {
  if (cctv.length === limit) break;
  if (line) cctv.push(JSON.parse(line).text);
}
const manifest = readFileSync(join(data, "policy/manifest.tsv"), "utf8").trim().split("\n").slice(1);
const policy = manifest.map((row) => readFileSync(join(data, "policy", row.split("\t")[0]), "utf8"));

const analyzer = createAnalyzer(analyzerOptions);
/** analyze() with one stage that does nothing: what reading the input and mapping spans back cost on their own. */
const readersOnly = createAnalyzer({ ...analyzerOptions, stages: [{ name: "none", reads: [], writes: [], run: (doc) => doc }] });
/** The Docs each stage received, per stage name, and the context the pipeline gave it. */
function record(texts) {
  const received = new Map(analyzer.stages.map((stage) => [stage.name, []]));
  let context;
  const recording = analyzer.stages.map((stage) => ({
    ...stage,
    run(doc, ctx) {
      context = ctx;
      received.get(stage.name).push(doc);
      return stage.run(doc, ctx);
    },
  }));
  const recorder = createAnalyzer({ ...analyzerOptions, stages: recording });
  for (const text of texts) recorder.analyze(text);
  return { received, context };
}

/**
 * Heap bytes allocated while `work` runs: what is in use at the end minus at the start, plus what every garbage
 * collection in between freed.
 */
function allocated(work) {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const before = v8.getHeapStatistics().used_heap_size;
  work();
  const after = v8.getHeapStatistics().used_heap_size;
  let freed = 0;
  for (const gc of profiler.stop().statistics) freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  return after - before + freed;
}

/** CPU milliseconds of this process while `work` runs: the machine is shared, and wall time counts the others too. */
function cpuMs(work) {
  const started = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

/**
 * The recorded Docs as a fresh round sees them: each text's tokens array copied once for all stages, so that what a
 * stage caches per Doc (keyed by that array: core/terms.ts) is computed again in each round by the first stage that
 * asks, as in one analyze(), and not carried over from the previous round.
 */
function freshDocs(received) {
  const copies = new Map();
  const fresh = (tokens) => copies.get(tokens) ?? copies.set(tokens, tokens.slice()).get(tokens);
  return new Map([...received].map(([name, docs]) => [name, docs.map((doc) => ({ ...doc, tokens: fresh(doc.tokens) }))]));
}

/** Texts per analyzeBlock() call: what a batch of short records might hand it. */
const BLOCK = 16;
const blocks = (texts) => Array.from({ length: Math.ceil(texts.length / BLOCK) }, (_, k) => texts.slice(k * BLOCK, (k + 1) * BLOCK));

function measure(texts) {
  const { received, context } = record(texts);
  const first = analyzer.stages[0].name;
  let docs;
  const parts = [
    ...analyzer.stages.map((stage) => [stage.name, () => docs.get(stage.name).forEach((doc) => stage.run(doc, context))]),
    // the stages taking turns on each text, as analyze() runs them, without reading the input or mapping spans
    ["stages in turn", () => received.get(first).forEach((doc) => analyzer.stages.reduce((d, stage) => stage.run(d, context), doc))],
    ["analyze()", () => texts.forEach((text) => analyzer.analyze(text))],
    ["input readers", () => texts.forEach((text) => readersOnly.analyze(text))],
    // the same Docs a block at a time, each stage over the block before the next (a build before it has none)
    ...(analyzer.analyzeBlock ? [["analyzeBlock()", () => blocks(texts).forEach((block) => analyzer.analyzeBlock(block))]] : []),
    ["nodejieba tag()", () => texts.forEach((text) => nodejieba.tag(text))],
  ];
  docs = freshDocs(received);
  for (const [, work] of parts) work(); // warm-up: the JIT, the tag memo, every lazily loaded resource
  docs = freshDocs(received);
  const bytes = Object.fromEntries(parts.map(([name, work]) => [name, allocated(work)]));
  const ms = [];
  for (let round = 0; round < rounds; round++) {
    docs = freshDocs(received);
    ms.push(Object.fromEntries(parts.map(([name, work]) => [name, cpuMs(work)])));
  }
  return {
    texts: texts.length,
    chars: texts.reduce((n, t) => n + t.length, 0),
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0),
    stages: analyzer.stages.map((stage) => stage.name),
    allocated: bytes,
    ms,
  };
}

process.stdout.write(JSON.stringify({ cctv: measure(cctv), policy: measure(policy) }));
