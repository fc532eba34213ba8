/**
 * What each stage of `analyze()` costs, against segmentation in the same run (issue #22), on the CCTV news items
 * (../shared/data/corpus/xinwenlianbo) and the 60 policy documents (../shared/data/policy), with the built package
 * (the working tree, or a commit with `--ref`) in plain Node child processes:
 *
 * - per stage: CPU time and heap bytes allocated, each as a ratio to the segment stage's (time: median over rounds of
 *   the ratio within a round; every round runs every stage, analyze() and tag() in turn; CPU time of the process,
 *   because on a shared machine wall time counts the other processes too); the other stages together; and analyze()
 *   minus its stages run apart: reading the input and mapping spans back onto it (a few % in a CPU profile), and the
 *   rest what the stages cost more when they take turns on each text in one heap than when each runs alone (each
 *   part apart too: the stages are also timed taking turns on each text without the input readers);
 * - the input readers and span mapping alone: analyze() with one stage that does nothing, also as a share of
 *   analyze() (issue #18: plain text pays < 3% for input detection);
 * - throughput of analyze() (and of analyzeBlock() over blocks of 16 texts, the same Docs) against raw nodejieba
 *   tag() on the same texts, in the same process (tag() then runs on the dictionaries gongwen loaded: nodejieba is
 *   process-global);
 * - cold start: a fresh process to its first result, time and RSS, gongwen (import + analyze() of the seed report)
 *   against nodejieba (require + tag());
 * - RSS per added worker: gongwen's pool (createPool) against plain worker threads that only load nodejieba and
 *   tag(), each as (RSS with 3 workers − RSS with 1) / 2, in fresh processes.
 *
 *   npx tsx bench/stage-cost.ts                      # 1,500 CCTV items, the 60 policy documents, 3 rounds
 *   npx tsx bench/stage-cost.ts --limit 500 --rounds 5
 *   npx tsx bench/stage-cost.ts --ref main           # a commit's build instead of the working tree
 *   npx tsx bench/stage-cost.ts --base main          # also a commit's build, in the same run: before/after per stage
 *   npx tsx bench/stage-cost.ts --no-startup         # stages and throughput only
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildRef, buildWorkingTree } from "./lib/build.js";
import { runChild } from "./lib/child.js";
import { dataRoot, median, printTable, projectRoot } from "./lib/data.js";

const { values } = parseArgs({
  options: {
    limit: { type: "string", default: "1500" },
    rounds: { type: "string", default: "3" },
    ref: { type: "string" },
    base: { type: "string" },
    "no-startup": { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const SEED = `${projectRoot}/dict/samples/meeting-report.txt`;

interface Measured {
  texts: number;
  chars: number;
  bytes: number;
  stages: string[];
  allocated: Record<string, number>;
  ms: Record<string, number>[];
}

/** Each stage's CPU time over segmentation's in the same round, median over rounds. */
const ratio = (m: Measured, ms: (round: Record<string, number>) => number) => median(m.ms.map((r) => ms(r) / r.segment!));
const sum = (r: Record<string, number>, names: string[]) => names.reduce((n, name) => n + r[name]!, 0);

/** The table's rows: each stage, then the groups issue #22 sets goals for, as functions of a round (or allocation). */
function rowsOf(stages: string[]): [string, (r: Record<string, number>) => number][] {
  const after = stages.filter((s) => s !== "segment");
  /** Issue #22 sets goals for entities, keywords and summary each, and one for the rest together. */
  const others = after.filter((s) => !["entities", "keywords", "summary"].includes(s));
  return [
    ...stages.map((stage): [string, (r: Record<string, number>) => number] => [stage, (r) => r[stage]!]),
    ["all after segment", (r) => sum(r, after)],
    [`other stages (${others.join(", ")})`, (r) => sum(r, others)],
    ["analyze() minus its stages run apart (input readers, span mapping, one heap)", (r) => r["analyze()"]! - sum(r, stages)],
    ["  of which: analyze() minus the stages in turn (input readers, span mapping)", (r) => r["analyze()"]! - r["stages in turn"]!],
    ["  of which: the stages in turn on each text minus each run apart (one heap)", (r) => r["stages in turn"]! - sum(r, stages)],
    ["analyze()", (r) => r["analyze()"]!],
    ["input readers and span mapping alone (analyze() with one stage that does nothing)", (r) => r["input readers"]!],
  ];
}

function measure(folder: string): Record<"cctv" | "policy", Measured> {
  return JSON.parse(runChild("bench/lib/stage-cost-child.mjs", [folder, dataRoot, values.limit, String(rounds)])) as Record<"cctv" | "policy", Measured>;
}

const build = values.ref === undefined ? buildWorkingTree() : buildRef(values.ref);
const base = values.base === undefined ? undefined : buildRef(values.base);
try {
  console.log(`build: ${build.label}${base ? `, base ${base.label}` : ""}; ${rounds} rounds`);
  const before = base ? measure(base.folder) : undefined;
  const measured = measure(build.folder);
  const kinds = [
    ["CCTV", measured.cctv],
    ["policy", measured.policy],
  ] as const;
  const rows = rowsOf(measured.cctv.stages);
  console.log(
    `\nStage cost: ${kinds.map(([name, m]) => `${m.texts} ${name} texts (${(m.bytes / 1e6).toFixed(1)} MB)`).join(", ")}; ` +
      `CPU time: median of ${rounds} rounds; allocated: heap bytes\n`,
  );
  printTable(
    ["stage", ...kinds.flatMap(([name]) => [`${name} CPU ms`, "× segment", "MB alloc", "× segment"])],
    rows.map(([label, of]) => [
      label,
      ...kinds.flatMap(([, m]) => [
        median(m.ms.map(of)).toFixed(0),
        ratio(m, of).toFixed(2),
        (of(m.allocated) / 1e6).toFixed(0),
        (of(m.allocated) / m.allocated.segment!).toFixed(2),
      ]),
    ]),
  );
  if (before && base) {
    console.log(`\nBefore and after: × segment, each build's own segmentation in its own child (base ${base.label} → ${build.label})\n`);
    printTable(
      ["stage", "CCTV before", "CCTV after", "policy before", "policy after"],
      rows.map(([label, of]) => [
        label,
        // a build older than a row has no figure for it
        ...(["cctv", "policy"] as const).flatMap((kind) => [before[kind], measured[kind]].map((m) => (Number.isNaN(ratio(m, of)) ? "—" : ratio(m, of).toFixed(2)))),
      ]),
    );
  }

  // issue #18: a plain simplified text pays < 3% of analyze() for the input readers (format, pollution, script, spinning)
  const share = (m: Measured) => (100 * median(m.ms.map((r) => r["input readers"]! / r["analyze()"]!))).toFixed(1);
  console.log(`\nInput readers and span mapping on plain text: ${kinds.map(([name, m]) => `${name} ${share(m)}%`).join(", ")} of analyze() (median of the rounds' ratios)`);

  const mbPerSec = (m: Measured, name: string) => m.bytes / 1e6 / (median(m.ms.map((r) => r[name]!)) / 1000);
  const vsTag = (m: Measured, name: string) => median(m.ms.map((r) => r["nodejieba tag()"]! / r[name]!));
  console.log(`\nThroughput (UTF-8 MB per CPU second, same process, same texts; × tag(): median of the rounds' ratios)\n`);
  printTable(
    ["call", ...kinds.flatMap(([name]) => [`${name} MB/s`, "× nodejieba tag()"])],
    [
      ["nodejieba tag()", "nodejieba tag()"],
      ["gongwen segment stage", "segment"],
      ["gongwen analyze()", "analyze()"],
      ...(measured.cctv.ms[0]!["analyzeBlock()"] === undefined ? [] : [["gongwen analyzeBlock(), blocks of 16 texts", "analyzeBlock()"]]),
    ].map(([label, name]) => [label!, ...kinds.flatMap(([, m]) => [mbPerSec(m, name!).toFixed(2), vsTag(m, name!).toFixed(2)])]),
  );

  if (!values["no-startup"]) {
    const child = (...args: string[]) => JSON.parse(runChild("bench/lib/startup-child.mjs", [build.folder, SEED, ...args])) as { ms: number; rssMb: number };
    const cold = { gongwen: [] as { ms: number; rssMb: number }[], nodejieba: [] as { ms: number; rssMb: number }[] };
    const perWorker = { gongwen: [] as number[], nodejieba: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      for (const system of ["nodejieba", "gongwen"] as const) {
        cold[system].push(child("cold", system));
        perWorker[system].push((child("workers", system, "3").rssMb - child("workers", system, "1").rssMb) / 2);
      }
    }
    const coldMs = (s: keyof typeof cold) => median(cold[s].map((c) => c.ms));
    const coldRss = (s: keyof typeof cold) => median(cold[s].map((c) => c.rssMb));
    console.log(`\nStart-up (fresh processes; median of ${rounds} rounds)\n`);
    printTable(
      ["", "nodejieba", "gongwen", "× nodejieba"],
      [
        ["process start → first result, ms (require + tag() / import + analyze())", coldMs("nodejieba").toFixed(0), coldMs("gongwen").toFixed(0), (coldMs("gongwen") / coldMs("nodejieba")).toFixed(2)],
        ["RSS then, MB", coldRss("nodejieba").toFixed(0), coldRss("gongwen").toFixed(0), (coldRss("gongwen") / coldRss("nodejieba")).toFixed(2)],
        [
          "RSS per added worker thread, MB (nodejieba only / gongwen pool worker)",
          median(perWorker.nodejieba).toFixed(0),
          median(perWorker.gongwen).toFixed(0),
          (median(perWorker.gongwen) / median(perWorker.nodejieba)).toFixed(2),
        ],
      ],
    );
  }
} finally {
  rmSync(build.folder, { recursive: true, force: true });
  if (base) rmSync(base.folder, { recursive: true, force: true });
}
