/**
 * Segmentation throughput on the PKU+MSR test text (median of warm runs, one line per call), throughput of the
 * first pass, cold start (a fresh process: import to first result) and RSS, each system in its own child
 * process. `gongwen-node-rs` is gongwen with `engine: "node-rs"`; its ratios to `gongwen` are in the × gongwen columns.
 * Ratios to raw nodejieba are what to read: absolute MB/s moves ±35% between runs on shared machines,
 * ratios do not. The children run in interleaved rounds (every system once per round) and each figure is the
 * median over rounds, so a burst of load elsewhere hits all systems alike.
 *
 *   npx tsx bench/segment-speed.ts [--rounds 3]
 */
import { runChild } from "./lib/child.js";
import { dataPath, median, printTable } from "./lib/data.js";
import { SEGMENTERS, speedOf, type ChildResult, type SegmenterName, type SpeedResult } from "./lib/segmenters.js";

const roundsFlag = process.argv.indexOf("--rounds");
const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 3;
const files = [dataPath("sighan2005/pku_test.utf8"), dataPath("sighan2005/msr_test.utf8")];
const runs = new Map<SegmenterName, SpeedResult[]>(SEGMENTERS.map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const name of SEGMENTERS) {
    runs.get(name)!.push(speedOf(JSON.parse(runChild("bench/lib/segment-child.mjs", [name, "speed", ...files])) as ChildResult));
  }
}
const medianOf = (name: SegmenterName, field: "coldMs" | "mbPerSec" | "firstPassMbPerSec" | "rssMb") =>
  median(runs.get(name)!.map((r) => r[field]));
const cutHmm = medianOf("nodejieba-cut-hmm", "mbPerSec");
const cutHmmColdMs = medianOf("nodejieba-cut-hmm", "coldMs");
const cutHmmRssMb = medianOf("nodejieba-cut-hmm", "rssMb");
const tag = medianOf("nodejieba-tag", "mbPerSec");
const gongwen = { mbPerSec: medianOf("gongwen", "mbPerSec"), coldMs: medianOf("gongwen", "coldMs"), rssMb: medianOf("gongwen", "rssMb") };
console.log(`\nSegmentation speed, PKU+MSR test text (${runs.get("gongwen")![0]!.chars} chars), medians of ${rounds} rounds`);
printTable(
  ["segmenter", "MB/s", "× nodejieba cut(HMM)", "× nodejieba tag", "× gongwen", "first pass MB/s", "cold start ms", "× nodejieba", "× gongwen", "RSS MB", "× nodejieba", "× gongwen"],
  SEGMENTERS.map((name) => [
    name,
    medianOf(name, "mbPerSec").toFixed(2),
    (medianOf(name, "mbPerSec") / cutHmm).toFixed(2),
    (medianOf(name, "mbPerSec") / tag).toFixed(2),
    (medianOf(name, "mbPerSec") / gongwen.mbPerSec).toFixed(2),
    medianOf(name, "firstPassMbPerSec").toFixed(2),
    medianOf(name, "coldMs").toFixed(0),
    (medianOf(name, "coldMs") / cutHmmColdMs).toFixed(2),
    (medianOf(name, "coldMs") / gongwen.coldMs).toFixed(2),
    medianOf(name, "rssMb").toFixed(0),
    (medianOf(name, "rssMb") / cutHmmRssMb).toFixed(2),
    (medianOf(name, "rssMb") / gongwen.rssMb).toFixed(2),
  ]),
);
