/**
 * Segmentation throughput on the PKU+MSR test text (median of runs, one line per call), cold start (a fresh
 * process: import to first result) and RSS, each system in its own child process. Ratios to raw nodejieba are
 * what to read: absolute MB/s moves ±35% between runs on shared machines, ratios do not.
 *
 *   npx tsx bench/segment-speed.ts
 */
import { runChild } from "./lib/child.js";
import { dataPath, printTable } from "./lib/data.js";
import { SEGMENTERS } from "./lib/segmenters.js";

interface SpeedResult {
  name: string;
  coldMs: number;
  ms: number;
  chars: number;
  mbPerSec: number;
  rssMb: number;
}

const files = [dataPath("sighan2005/pku_test.utf8"), dataPath("sighan2005/msr_test.utf8")];
const results = SEGMENTERS.map(
  (name) => JSON.parse(runChild("bench/lib/segment-child.ts", [name, "speed", ...files])) as SpeedResult,
);
const base = results.find((r) => r.name === "nodejieba-cut-hmm")!;
const tagBase = results.find((r) => r.name === "nodejieba-tag")!;
console.log(`\nSegmentation speed, PKU+MSR test text (${base.chars} chars), median of 5 warm runs`);
printTable(
  ["segmenter", "MB/s", "× nodejieba cut(HMM)", "× nodejieba tag", "cold start ms", "RSS MB"],
  results.map((r) => [
    r.name,
    r.mbPerSec.toFixed(2),
    (r.mbPerSec / base.mbPerSec).toFixed(2),
    (r.mbPerSec / tagBase.mbPerSec).toFixed(2),
    r.coldMs.toFixed(0),
    r.rssMb.toFixed(0),
  ]),
);
