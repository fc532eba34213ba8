/**
 * Every hostile shape of test/helpers/adversarial.ts (meeting reports with long lists and blank or comma runs,
 * rosters of names, runs of titles, deep outlines) through `analyze()` with the default options:
 * 1. CPU time at 1×, 4× and 16× a base size (best of three, taken in turns) and the ratios: linear costs give about
 *    4 for each step, a quadratic path 16;
 * 2. each shape at 10 million characters in a child process of its own, with its peak RSS (`maxRSS`): it must
 *    stay under 2 GB, or be refused with a typed error by the default limits; and, when refused, the same shape
 *    at the default limit, which must stay under 2 GB.
 *
 *   npx tsx bench/adversarial-scaling.ts [base size, default 25000] [--skip-big]
 *   npx tsx bench/adversarial-scaling.ts --child <shape number> <size>   (one big run; prints JSON)
 */
import { analyze, DEFAULT_MAX_INPUT_LENGTH, isGongwenError } from "../src/index.js";
import { SHAPES } from "../test/helpers/adversarial.js";
import { growth } from "../test/helpers/timing.js";
import { runChild } from "./lib/child.js";
import { printTable } from "./lib/data.js";

const RSS_LIMIT_MB = 2048;
const BIG = 10_000_000;

interface BigRun {
  size: number;
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  tokens?: number;
  entities?: number;
  error?: string;
}

/** In the child: one run of `analyze()` on shape `index` at `size` characters. */
function bigRun(index: number, size: number): BigRun {
  const text = SHAPES[index]!.build(size);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result: Partial<BigRun> = {};
  try {
    const doc = analyze(text);
    Object.assign(result, { tokens: doc.tokens.length, entities: doc.entities?.length ?? 0 });
  } catch (error) {
    // a typed refusal is an outcome; anything else is a defect and crashes the child
    if (!isGongwenError(error)) throw error;
    result.error = `${error.code}: ${error.message}`;
  }
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { size, ms, cpuMs: (user + system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, ...result };
}

if (process.argv[2] === "--child") {
  console.log(JSON.stringify(bigRun(Number(process.argv[3]), Number(process.argv[4]))));
  process.exit(0);
}

const base = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/u.test(a)) ?? 25_000);
analyze("5月17日，学院党委书记雷承锋主持召开会议。"); // load the dictionaries before timing

console.log(`\nCPU ms of analyze() at 1×, 4× and 16× ${base.toLocaleString("en")} characters (best of 3)`);
const rows: (string | number)[][] = [];
for (const shape of SHAPES) {
  const [x1, x4, x16] = [1, 4, 16].map((k) => shape.build(k * base));
  const low = growth(analyze, x1!, x4!);
  const high = growth(analyze, x4!, x16!);
  rows.push([shape.name, low.small.toFixed(0), low.large.toFixed(0), high.large.toFixed(0), low.ratio.toFixed(2), high.ratio.toFixed(2)]);
}
printTable(["shape", "1× ms", "4× ms", "16× ms", "4×/1×", "16×/4×"], rows);

if (!process.argv.includes("--skip-big")) {
  console.log(`\nEach shape at ${BIG.toLocaleString("en")} characters, default options, one child process each (limit ${RSS_LIMIT_MB} MB)`);
  const bigRows: (string | number)[][] = [];
  const child = (index: number, size: number): BigRun =>
    JSON.parse(runChild("bench/adversarial-scaling.ts", ["--child", String(index), String(size)])) as BigRun;
  const row = (name: string, run: BigRun) => [
    name,
    run.size.toLocaleString("en"),
    run.error ?? `${run.tokens} tokens, ${run.entities} entities`,
    (run.cpuMs / 1000).toFixed(1),
    (run.ms / 1000).toFixed(1),
    run.peakRssMb.toFixed(0),
    run.peakRssMb <= RSS_LIMIT_MB ? "yes" : "NO",
  ];
  SHAPES.forEach((shape, index) => {
    const run = child(index, BIG);
    bigRows.push(row(shape.name, run));
    // refused by the default limit: the largest input the defaults accept must fit too
    if (run.error) bigRows.push(row(`${shape.name} (at the limit)`, child(index, Math.min(BIG, DEFAULT_MAX_INPUT_LENGTH))));
  });
  printTable(["shape", "characters", "outcome", "CPU s", "wall s", "peak RSS MB", "under 2 GB"], bigRows);
}
