/**
 * How much two processes on this machine get over one: the same fixed loop alone, then two copies side by side.
 * Four loops: integer arithmetic that shares nothing (no memory traffic, no JIT or GC after the start: the
 * hardware's own ceiling for two CPU-bound processes), raw nodejieba `cut()` and gongwen's `segment()` on the
 * PKU+MSR test text (bench/lib/segment-child.mjs), and gongwen's `tag()` on CCTV items after 3,000 items of
 * warm-up (bench/lib/scaling-child.mjs). It is the yardstick for the batch and queue scaling goals: a pool or a
 * queue cannot give two workers more than two bare processes of the same work get. bench/scaling-goals.ts measures
 * the `tag()` yardstick in the same run as the batch and queue benches, as ratios to it.
 *
 *   npx tsx bench/process-scaling.ts [--rounds 3]      (gongwen from the built package: `npm run build` first)
 */
import { runChildAsync } from "./lib/child.js";
import { dataPath, median, printTable } from "./lib/data.js";
import { scalingChild, twoVersusOne } from "./lib/scaling.js";
import { speedOf, type ChildResult } from "./lib/segmenters.js";

const roundsFlag = process.argv.indexOf("--rounds");
const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 3;
const segmentFiles = [dataPath("sighan2005/pku_test.utf8"), dataPath("sighan2005/msr_test.utf8")];
const corpus = dataPath("corpus/xinwenlianbo/xwlb-items.jsonl");

/** A workload: its label and one child process's throughput (the unit cancels out in the ratio). */
const WORKLOADS: [string, () => Promise<number>][] = [
  ["integer arithmetic (shares nothing)", () => scalingChild("arithmetic")],
  ...(["nodejieba-cut-hmm", "gongwen"] as const).map((name): [string, () => Promise<number>] => [
    name === "gongwen" ? "gongwen segment()" : "nodejieba cut(s, true)",
    async () => speedOf(JSON.parse(await runChildAsync("bench/lib/segment-child.mjs", [name, "speed", ...segmentFiles])) as ChildResult).mbPerSec,
  ]),
  ["gongwen tag(), warm", () => scalingChild("tag", corpus)],
];

const rows: string[][] = [];
for (const [label, child] of WORKLOADS) {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) ratios.push(await twoVersusOne(child));
  rows.push([label, median(ratios).toFixed(2), ratios.map((r) => r.toFixed(2)).join(", ")]);
}
console.log(`\nTwo processes vs one (throughput of both together / one alone), ${rounds} rounds`);
printTable(["loop", "median", "rounds"], rows);
