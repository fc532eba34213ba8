/**
 * Issue #22's scaling goals in one run, for worker threads and worker processes (`isolation`) alike: the
 * two-process yardstick of bench/process-scaling.ts (gongwen's warm `tag()` in two bare processes vs one: the same
 * 2,000 items in each, after 3,000 untimed, so it counts neither start-up nor V8's warm-up), the cold yardstick
 * (bench/lib/scaling.ts: the batch's own items in one fresh bare process vs halved between two, import and
 * warm-up included: what the batch end to end could get at best on this machine), a warm
 * pool's 2-workers-vs-1 (bench/lib/scaling-child.mjs `pool`: each worker warmed on 3,000 items, then 2,000 each
 * timed, as the yardstick is), the batch's end to end (bench/batch-throughput.ts, the CLI with `--isolation`) and
 * the queue's (bench/queue-throughput.ts, `gongwen worker --isolation` processes on a private redis-server) with
 * its overhead, taking turns round after round, so that the machine's load weighs on all alike. Each speed-up is
 * printed as a ratio to the same round's yardstick; the medians over the rounds are the figures. The warm pool's
 * CPU ms per document with 1 and 2 workers shows what a second worker costs each document, by isolation.
 * Goals: batch and queue ≥ 0.9× the (warm) yardstick, queue overhead ≤ 10% (1–2 KB items); the batch is also given
 * as a ratio to the cold yardstick.
 *
 *   npm run build && npx tsx bench/scaling-goals.ts [--rounds 3] [--batch-limit 4000] [--queue-limit 1000] [--isolation thread,process]
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { dataPath, median, printTable, projectRoot } from "./lib/data.js";
import { coldTwoVersusOne, scalingChild, twoVersusOne, warmPool } from "./lib/scaling.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    "batch-limit": { type: "string", default: "4000" },
    "queue-limit": { type: "string", default: "1000" },
    isolation: { type: "string", default: "thread,process" },
  },
});
const rounds = Number(values.rounds);
const isolations = values.isolation.split(",");
const corpus = dataPath("corpus/xinwenlianbo/xwlb-items.jsonl");

/** Runs a bench script once and returns the numbers its output gives after each pattern. */
function benchFigures<K extends string>(script: string, args: string[], patterns: Record<K, RegExp>): Record<K, number> {
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

/** One isolation's figures in one round. */
interface Figures {
  warm: number;
  cpuOne: number;
  cpuTwo: number;
  batch: number;
  /** The batch's CPU ms per document with 1 and 2 workers. */
  batchCpu: readonly [number, number];
  queue: number;
  overhead: number;
}
interface Round {
  yardstick: number;
  cold: number;
  by: Map<string, Figures>;
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const measured: Round[] = [];
console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
for (let round = 0; round < rounds; round++) {
  const yardstick = await twoVersusOne(() => scalingChild("tag", corpus));
  const cold = await coldTwoVersusOne(corpus, Number(values["batch-limit"]));
  const by = new Map<string, Figures>();
  const warm = new Map<string, Awaited<ReturnType<typeof warmPool>>>();
  for (const isolation of isolations) warm.set(isolation, await warmPool(corpus, isolation));
  // One batch run alternates the isolations itself.
  const batch = benchFigures(
    "bench/batch-throughput.ts",
    ["--limit", values["batch-limit"], "--runs", "1", ...isolations.flatMap((isolation) => ["--isolation", isolation])],
    Object.fromEntries(
      isolations.flatMap((isolation) => [
        [isolation, new RegExp(`working tree ${escape(isolation)}: 2 workers vs 1 \\(docs/s, end to end\\): ([\\d.]+)×`)],
        // the CPU ms/doc column of its table (the whole process tree, start-up included): robust to other load
        ...[1, 2].map((workers) => [`${isolation} cpu ${workers}`, new RegExp(`\\| working tree ${escape(isolation)} \\| ${workers} \\|(?: [^|]* \\|){5} ([\\d.]+) \\|`)]),
      ]),
    ),
  );
  for (const isolation of isolations) {
    const { queue, overhead } = benchFigures(
      "bench/queue-throughput.ts",
      ["--limit", values["queue-limit"], "--rounds", "1", "--isolation", isolation],
      {
        queue: /2 worker processes vs 1 \(wall, bundles\): ([\d.]+)×/,
        overhead: /goal ≤ 10% for 1–2 KB items.*?median of \d+ rounds (-?[\d.]+)%/,
      },
    );
    const { speedUp, cpuOne, cpuTwo } = warm.get(isolation)!;
    const batchCpu = [batch[`${isolation} cpu 1`]!, batch[`${isolation} cpu 2`]!] as const;
    by.set(isolation, { warm: speedUp, cpuOne, cpuTwo, batch: batch[isolation]!, batchCpu, queue, overhead });
  }
  measured.push({ yardstick, cold, by });
  const said = [...by].map(
    ([isolation, f]) =>
      `${isolation}: warm pool ${f.warm.toFixed(2)} (CPU ${f.cpuOne.toFixed(2)} → ${f.cpuTwo.toFixed(2)} ms/doc), batch ${f.batch.toFixed(2)} ` +
      `(CPU ${f.batchCpu[0].toFixed(2)} → ${f.batchCpu[1].toFixed(2)} ms/doc), ` +
      `queue ${f.queue.toFixed(2)}, overhead ${f.overhead}%`,
  );
  console.error(
    `  round ${round + 1}: yardstick ${yardstick.toFixed(2)}, cold ${cold.toFixed(2)}; ${said.join("; ")}; load ${loadavg()[0]!.toFixed(1)}`,
  );
}

const rows: string[][] = [];
for (const isolation of isolations) {
  const of = (pick: (f: Figures, r: Round) => number) => (r: Round) => pick(r.by.get(isolation)!, r);
  const cells = (r: Round) => {
    const f = r.by.get(isolation)!;
    return [
      r.yardstick.toFixed(2),
      `${f.warm.toFixed(2)} (${(f.warm / r.yardstick).toFixed(2)})`,
      `${f.cpuOne.toFixed(2)} → ${f.cpuTwo.toFixed(2)} (${((100 * (f.cpuTwo - f.cpuOne)) / f.cpuOne).toFixed(0)}%)`,
      f.batch.toFixed(2),
      (f.batch / r.yardstick).toFixed(2),
      `${(f.batch / r.cold).toFixed(2)} (${r.cold.toFixed(2)})`,
      `${f.batchCpu[0].toFixed(2)} → ${f.batchCpu[1].toFixed(2)} (${((100 * (f.batchCpu[1] - f.batchCpu[0])) / f.batchCpu[0]).toFixed(0)}%)`,
      f.queue.toFixed(2),
      (f.queue / r.yardstick).toFixed(2),
      `${f.overhead.toFixed(1)}%`,
    ];
  };
  measured.forEach((r, i) => rows.push([isolation, String(i + 1), ...cells(r)]));
  const med = (pick: (f: Figures, r: Round) => number) => median(measured.map(of(pick)));
  rows.push([
    isolation,
    "median",
    med((_, r) => r.yardstick).toFixed(2),
    `${med((f) => f.warm).toFixed(2)} (${med((f, r) => f.warm / r.yardstick).toFixed(2)})`,
    `${med((f) => f.cpuOne).toFixed(2)} → ${med((f) => f.cpuTwo).toFixed(2)} (${med((f) => (100 * (f.cpuTwo - f.cpuOne)) / f.cpuOne).toFixed(0)}%)`,
    med((f) => f.batch).toFixed(2),
    med((f, r) => f.batch / r.yardstick).toFixed(2),
    `${med((f, r) => f.batch / r.cold).toFixed(2)} (${med((_, r) => r.cold).toFixed(2)})`,
    `${med((f) => f.batchCpu[0]).toFixed(2)} → ${med((f) => f.batchCpu[1]).toFixed(2)} (${med((f) => (100 * (f.batchCpu[1] - f.batchCpu[0])) / f.batchCpu[0]).toFixed(0)}%)`,
    med((f) => f.queue).toFixed(2),
    med((f, r) => f.queue / r.yardstick).toFixed(2),
    `${med((f) => f.overhead).toFixed(1)}%`,
  ]);
}
console.log(`\nTwo workers vs one against two bare processes of gongwen tag() (the yardstick), ${rounds} rounds`);
printTable(
  [
    "workers",
    "round",
    "yardstick",
    "warm pool 2 vs 1 (× yardstick)",
    "warm pool CPU ms/doc, 1 → 2 workers",
    "batch 2 vs 1",
    "× yardstick",
    "× cold yardstick (cold)",
    "batch CPU ms/doc, 1 → 2 workers",
    "queue 2 vs 1",
    "× yardstick",
    "queue overhead",
  ],
  rows,
);
const yardstick = median(measured.map((r) => r.yardstick));
// Two bare processes that get less than 1.5× one: the cores are taken by others, and every ratio here is noise.
const loaded = yardstick < 1.5;
if (loaded) console.log(`the yardstick is ${yardstick.toFixed(2)} (< 1.5): the machine is too busy for these ratios; no verdicts`);
const verdict = (met: boolean) => (loaded ? "not judged" : met ? "met" : "NOT met");
for (const isolation of isolations) {
  const med = (pick: (f: Figures, r: Round) => number) => median(measured.map((r) => pick(r.by.get(isolation)!, r)));
  console.log(
    `goals with ${isolation} workers: batch ≥ 0.9× the yardstick ${verdict(med((f, r) => f.batch / r.yardstick) >= 0.9)} ` +
      `(× the cold yardstick ${med((f, r) => f.batch / r.cold).toFixed(2)}), queue ≥ 0.9× ${verdict(med((f, r) => f.queue / r.yardstick) >= 0.9)}, queue overhead ≤ 10% ${verdict(med((f) => f.overhead) <= 10)}`,
  );
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
