/**
 * Reproduces issue 23's findings 1, 2 and 8 against the code in this checkout:
 * 1. a 、-separated roster of names (治丧委员会名单) at 2k…100k characters: time and peak RSS of `analyze()`;
 * 2. meeting reports with a long run of blanks or commas in a decision, an agenda item or an attendee list, at
 *    5k…80k characters (the meeting brief trimmed each span with an end-anchored regex);
 * 3. what the public functions do with a text that is no string, options that are no object and an impossible
 *    reference date.
 * Each run of 1 and 2 is a child process of its own (so a blow-up shows as its peak RSS or its crash), stopped after
 * the time budget (wall clock); once a size is over budget, the larger ones are not tried. CPU time is the figure to
 * compare on a loaded machine.
 *
 *   npx tsx bench/reliability-probe.ts [budget seconds, default 120]
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { analyze, createAnalyzer, enumerations, findDates, isGongwenError } from "../src/index.js";
import { SHAPES } from "../test/helpers/adversarial.js";
import { printTable } from "./lib/data.js";

const shapeIndex = (name: string) => SHAPES.findIndex((s) => s.name === name);

if (process.argv[2] === "--child") {
  const text = SHAPES[Number(process.argv[3])]!.build(Number(process.argv[4]));
  analyze("会议"); // dictionaries loaded before timing
  const started = performance.now();
  const cpu = process.cpuUsage();
  analyze(text);
  const { user, system } = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, cpuMs: (user + system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const budget = Number(process.argv[2] ?? 120);
const script = fileURLToPath(import.meta.url);

/** One child run: its time and peak RSS, or how it ended. */
function probe(shape: number, size: number): { cells: string[]; over: boolean } {
  const child = spawnSync(process.execPath, ["--import", "tsx", script, "--child", String(shape), String(size)], {
    encoding: "utf8",
    timeout: budget * 1000,
    maxBuffer: 1 << 20,
  });
  if (child.error || child.signal) return { cells: [`stopped after ${budget} s`, "—", "—"], over: true };
  if (child.status !== 0) {
    const reason = /heap out of memory/u.test(child.stderr) ? "JavaScript heap out of memory" : child.stderr.trim().split("\n").at(-1);
    return { cells: [`crashed (exit ${child.status}): ${reason}`, "—", "—"], over: true };
  }
  const { ms, cpuMs, peakRssMb } = JSON.parse(child.stdout) as { ms: number; cpuMs: number; peakRssMb: number };
  return { cells: [(cpuMs / 1000).toFixed(2), (ms / 1000).toFixed(2), peakRssMb.toFixed(0)], over: ms > budget * 1000 };
}

function sizes(title: string, names: string[], lengths: number[]): void {
  console.log(`\n${title} (analyze(), default options, one child process per run, budget ${budget} s)`);
  const rows: string[][] = [];
  for (const name of names) {
    let over = false;
    for (const size of lengths) {
      const result: { cells: string[]; over: boolean } = over
        ? { cells: ["not tried (a smaller size was over budget)", "—", "—"], over }
        : probe(shapeIndex(name), size);
      over = result.over;
      rows.push([name, size.toLocaleString("en"), ...result.cells]);
    }
  }
  printTable(["shape", "characters", "CPU s", "wall s", "peak RSS MB"], rows);
}

sizes("Finding 1: a roster of names", ["roster: 治丧委员会名单"], [2_000, 8_000, 16_000, 100_000]);
sizes(
  "Finding 2: runs of blanks or commas in a meeting brief's spans",
  ["meeting: blanks in a decision", "meeting: blanks in an agenda item", "meeting: commas in an attendee list", "meeting: commas after 出席…的有"],
  [5_000, 20_000, 80_000],
);

/** What a call did: its error code, or what it returned. */
function outcome(run: () => unknown): string {
  try {
    const value = run();
    return `returned ${JSON.stringify(value)?.slice(0, 40) ?? "undefined"}`;
  } catch (error) {
    return isGongwenError(error) ? error.code : `${(error as Error).name}: ${(error as Error).message.slice(0, 50)}`;
  }
}

console.log("\nFinding 8: bad input and options");
const text = "会议于3月1日召开";
printTable(
  ["call", "outcome"],
  [
    ["enumerations(42)", outcome(() => enumerations(42 as never))],
    ["enumerations(null)", outcome(() => enumerations(null as never))],
    ["findDates({})", outcome(() => findDates({} as never))],
    ["findDates(true)", outcome(() => findDates(true as never))],
    ["findDates(undefined)", outcome(() => findDates(undefined as never))],
    ["analyze(text, 42)", outcome(() => analyze(text, 42 as never).tokens.length)],
    ["analyze(text, [])", outcome(() => analyze(text, [] as never).tokens.length)],
    ['createAnalyzer({ referenceDate: "2023-13-45" })', outcome(() => createAnalyzer({ referenceDate: "2023-13-45" }).config.referenceDate)],
    ['findDates(text, { referenceDate: "2023-13-45" })[0].value', outcome(() => findDates(text, { referenceDate: "2023-13-45" })[0]?.value)],
    ['findDates(text, { referenceDate: "2024-02-29" })[0].value', outcome(() => findDates(text, { referenceDate: "2024-02-29" })[0]?.value)],
  ],
);
