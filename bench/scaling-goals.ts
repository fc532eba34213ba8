/**
 * Issue #22's scaling goals in one run: the two-process yardstick of bench/process-scaling.ts (gongwen's warm
 * `tag()` in two bare processes vs one), the batch pool's 2-workers-vs-1 speed-up (bench/batch-throughput.ts, the
 * CLI) and the queue's (bench/queue-throughput.ts, `gongwen worker` processes on a private redis-server) with its
 * overhead, taking turns round after round, so that the machine's load weighs on all three alike. Each speed-up
 * is printed as a ratio to the same round's yardstick; the medians over the rounds are the figures.
 * Goals: batch and queue ≥ 0.9× the yardstick, queue overhead ≤ 10% (1–2 KB items).
 *
 *   npm run build && npx tsx bench/scaling-goals.ts [--rounds 3] [--batch-limit 4000] [--queue-limit 1000]
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { dataPath, median, printTable, projectRoot } from "./lib/data.js";
import { scalingChild, twoVersusOne } from "./lib/scaling.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    "batch-limit": { type: "string", default: "4000" },
    "queue-limit": { type: "string", default: "1000" },
  },
});
const rounds = Number(values.rounds);
const corpus = dataPath("corpus/xinwenlianbo/xwlb-items.jsonl");

/** Runs a bench script once and returns the number its output gives after `pattern`. */
function benchFigure<K extends string>(script: string, args: string[], patterns: Record<K, RegExp>): Record<K, number> {
  const output = execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return Object.fromEntries(
    Object.entries<RegExp>(patterns).map(([name, pattern]) => {
      const found = pattern.exec(output);
      if (!found) throw new Error(`${script} printed no ${name} (${pattern}):\n${output}`);
      return [name, Number(found[1])];
    }),
  ) as Record<K, number>;
}

interface Round {
  yardstick: number;
  batch: number;
  queue: number;
  overhead: number;
}
const measured: Round[] = [];
for (let round = 0; round < rounds; round++) {
  const yardstick = await twoVersusOne(() => scalingChild("tag", corpus));
  const { batch } = benchFigure("bench/batch-throughput.ts", ["--limit", values["batch-limit"], "--runs", "1"], {
    batch: /2 workers vs 1 \(docs\/s, end to end\): ([\d.]+)×/,
  });
  const { queue, overhead } = benchFigure("bench/queue-throughput.ts", ["--limit", values["queue-limit"], "--rounds", "1"], {
    queue: /2 worker processes vs 1 \(wall, bundles\): ([\d.]+)×/,
    overhead: /goal ≤ 10% for 1–2 KB items.*?median of \d+ rounds (-?[\d.]+)%/,
  });
  measured.push({ yardstick, batch, queue, overhead });
  console.error(`  round ${round + 1}: yardstick ${yardstick.toFixed(2)}, batch ${batch.toFixed(2)}, queue ${queue.toFixed(2)}, overhead ${overhead}%`);
}

const med = (pick: (round: Round) => number) => median(measured.map(pick));
const rows = measured.map((r, i) => [
  String(i + 1),
  r.yardstick.toFixed(2),
  r.batch.toFixed(2),
  (r.batch / r.yardstick).toFixed(2),
  r.queue.toFixed(2),
  (r.queue / r.yardstick).toFixed(2),
  `${r.overhead.toFixed(1)}%`,
]);
rows.push([
  "median",
  med((r) => r.yardstick).toFixed(2),
  med((r) => r.batch).toFixed(2),
  med((r) => r.batch / r.yardstick).toFixed(2),
  med((r) => r.queue).toFixed(2),
  med((r) => r.queue / r.yardstick).toFixed(2),
  `${med((r) => r.overhead).toFixed(1)}%`,
]);
console.log(`\nTwo workers vs one against two bare processes of gongwen tag() (the yardstick), ${rounds} rounds`);
printTable(["round", "yardstick", "batch 2 vs 1", "× yardstick", "queue 2 vs 1", "× yardstick", "queue overhead"], rows);
const verdict = (met: boolean) => (met ? "met" : "NOT met");
console.log(
  `goals: batch ≥ 0.9× the yardstick ${verdict(med((r) => r.batch / r.yardstick) >= 0.9)}, ` +
    `queue ≥ 0.9× ${verdict(med((r) => r.queue / r.yardstick) >= 0.9)}, queue overhead ≤ 10% ${verdict(med((r) => r.overhead) <= 10)}`,
);
