/**
 * What each stage of `analyze()` costs, against segmentation in the same run (issue #22), on the CCTV news items
 * (../shared/data/corpus/xinwenlianbo) and the 60 policy documents (../shared/data/policy), with the built package
 * (the working tree, or a commit with `--ref`) in plain Node child processes:
 *
 * - per stage: CPU time and heap bytes allocated, each as a ratio to the segment stage's (time: median over rounds of
 *   the ratio within a round; every round runs every stage, analyze() and tag() in turn; CPU time of the process,
 *   because on a shared machine wall time counts the other processes too);
 * - throughput of analyze() against raw nodejieba tag() on the same texts, in the same process (tag() then runs on
 *   the dictionaries gongwen loaded: nodejieba is process-global);
 * - cold start: a fresh process to its first result, time and RSS, gongwen (import + analyze() of the seed report)
 *   against nodejieba (require + tag());
 * - RSS per added worker: gongwen's pool (createPool) against plain worker threads that only load nodejieba and
 *   tag(), each as (RSS with 3 workers − RSS with 1) / 2, in fresh processes.
 *
 *   npx tsx bench/stage-cost.ts                      # 1,500 CCTV items, the 60 policy documents, 3 rounds
 *   npx tsx bench/stage-cost.ts --limit 500 --rounds 5
 *   npx tsx bench/stage-cost.ts --ref main           # a commit's build instead of the working tree
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

const build = values.ref === undefined ? buildWorkingTree() : buildRef(values.ref);
try {
  console.log(`build: ${build.label}; ${rounds} rounds`);
  const measured = JSON.parse(runChild("bench/lib/stage-cost-child.mjs", [build.folder, dataRoot, values.limit, String(rounds)])) as Record<
    "cctv" | "policy",
    Measured
  >;
  const kinds = [
    ["CCTV", measured.cctv],
    ["policy", measured.policy],
  ] as const;
  const { stages } = measured.cctv;
  const after = stages.filter((s) => s !== "segment");
  /** Median over rounds of `ms(round) / segment's ms in that round`. */
  const ratio = (m: Measured, ms: (round: Record<string, number>) => number) => median(m.ms.map((r) => ms(r) / r.segment!));
  const sum = (r: Record<string, number>, names: string[]) => names.reduce((n, name) => n + r[name]!, 0);
  const row = (label: string, ms: (r: Record<string, number>) => number, bytes: (a: Record<string, number>) => number) => [
    label,
    ...kinds.flatMap(([, m]) => [
      median(m.ms.map(ms)).toFixed(0),
      ratio(m, ms).toFixed(2),
      (bytes(m.allocated) / 1e6).toFixed(0),
      (bytes(m.allocated) / m.allocated.segment!).toFixed(2),
    ]),
  ];
  console.log(
    `\nStage cost: ${kinds.map(([name, m]) => `${m.texts} ${name} texts (${(m.bytes / 1e6).toFixed(1)} MB)`).join(", ")}; ` +
      `CPU time: median of ${rounds} rounds; allocated: heap bytes\n`,
  );
  printTable(
    ["stage", ...kinds.flatMap(([name]) => [`${name} CPU ms`, "× segment", "MB alloc", "× segment"])],
    [
      ...stages.map((stage) => row(stage, (r) => r[stage]!, (a) => a[stage]!)),
      row("all after segment", (r) => sum(r, after), (a) => sum(a, after)),
      row("analyze()", (r) => r["analyze()"]!, (a) => a["analyze()"]!),
    ],
  );

  const mbPerSec = (m: Measured, name: string) => m.bytes / 1e6 / (median(m.ms.map((r) => r[name]!)) / 1000);
  const vsTag = (m: Measured, name: string) => median(m.ms.map((r) => r["nodejieba tag()"]! / r[name]!));
  console.log(`\nThroughput (UTF-8 MB per CPU second, same process, same texts; × tag(): median of the rounds' ratios)\n`);
  printTable(
    ["call", ...kinds.flatMap(([name]) => [`${name} MB/s`, "× nodejieba tag()"])],
    [
      ["nodejieba tag()", "nodejieba tag()"],
      ["gongwen segment stage", "segment"],
      ["gongwen analyze()", "analyze()"],
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
}
