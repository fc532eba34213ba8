/**
 * How much two processes on this machine get over one, for raw nodejieba and for gongwen's segment(): the same
 * fixed segmentation loop (bench/lib/segment-child.mjs) alone, then two copies side by side. It shows what the
 * hardware gives two independent CPU-bound processes, the yardstick for the batch and queue scaling goals.
 *
 *   npx tsx bench/process-scaling.ts [--rounds 3]      (gongwen from the built package: `npm run build` first)
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { dataPath, median, printTable, projectRoot } from "./lib/data.js";

const roundsFlag = process.argv.indexOf("--rounds");
const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 3;
const files = [dataPath("sighan2005/pku_test.utf8"), dataPath("sighan2005/msr_test.utf8")];

/** MB/s of one child process; several started together run side by side. */
function child(name: string): Promise<number> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [resolve(projectRoot, "bench/lib/segment-child.mjs"), name, "speed", ...files]);
    let out = "";
    proc.stdout.on("data", (chunk: Buffer) => (out += chunk));
    proc.on("error", fail);
    proc.on("close", (code) => (code === 0 ? done((JSON.parse(out) as { mbPerSec: number }).mbPerSec) : fail(new Error(`${name} exited ${code}`))));
  });
}

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
