/**
 * How much two processes on this machine get over one, for raw nodejieba and for gongwen's segment(): the same
 * fixed segmentation loop (bench/lib/segment-child.mjs) alone, then two copies side by side. It shows what the
 * hardware gives two independent CPU-bound processes, the yardstick for the batch and queue scaling goals.
 *
 *   npx tsx bench/process-scaling.ts [--rounds 3]      (gongwen from the built package: `npm run build` first)
 */
import { runChildAsync } from "./lib/child.js";
import { dataPath, median, printTable } from "./lib/data.js";
import { speedOf, type ChildResult } from "./lib/segmenters.js";

const roundsFlag = process.argv.indexOf("--rounds");
const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 3;
const files = [dataPath("sighan2005/pku_test.utf8"), dataPath("sighan2005/msr_test.utf8")];

/** MB/s of one child process's warm runs; several started together run side by side. */
const child = async (name: string) =>
  speedOf(JSON.parse(await runChildAsync("bench/lib/segment-child.mjs", [name, "speed", ...files])) as ChildResult).mbPerSec;

const rows: string[][] = [];
for (const name of ["nodejieba-cut-hmm", "gongwen"]) {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const alone = await child(name);
    const together = await Promise.all([child(name), child(name)]);
    ratios.push((together[0]! + together[1]!) / alone);
  }
  rows.push([name, median(ratios).toFixed(2), ratios.map((r) => r.toFixed(2)).join(", ")]);
}
console.log(`\nTwo processes vs one (throughput of both together / one alone), ${rounds} rounds`);
printTable(["segmenter", "median", "rounds"], rows);
