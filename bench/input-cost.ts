/**
 * What the input readers cost on clean text (issue #22), the pollution and spinning readers of this working tree
 * against a commit's (`--base`, default main) in one process: every round times the four readers (markup, pollution,
 * script, spinning, chained as readInput chains them) over the CCTV items and the policy documents with each side's
 * pollution and spinning readers, the two sides in alternating order; CPU time of the process, median over rounds of
 * the ratio within a round (a shared machine's wall time counts the other processes too). It first checks that both
 * sides read every text the same.
 *
 *   npx tsx bench/input-cost.ts                    # 1,500 CCTV items and the 60 policy documents, 7 rounds
 *   npx tsx bench/input-cost.ts --base HEAD~3 --rounds 9
 */
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import type { ResolvedConfig } from "../src/core/stage.js";
import { composeView, identityView, type TextView } from "../src/core/view.js";
import { htmlReader } from "../src/input/html.js";
import type { InputReader } from "../src/input/index.js";
import { readPollution } from "../src/input/pollution.js";
import { readScript } from "../src/input/script.js";
import { readSpinning } from "../src/input/spinning.js";
import { dataRoot, median, printTable, projectRoot } from "./lib/data.js";

const { values } = parseArgs({ options: { base: { type: "string", default: "main" }, limit: { type: "string", default: "1500" }, rounds: { type: "string", default: "7" } } });

/** The base commit's pollution and spinning readers, beside this tree's core/ so that their imports resolve. */
async function baseReaders(ref: string): Promise<{ folder: string; pollution: InputReader; spinning: InputReader }> {
  const folder = mkdtempSync(join(tmpdir(), "gongwen-input-cost-"));
  mkdirSync(join(folder, "input"));
  symlinkSync(join(projectRoot, "src/core"), join(folder, "core"));
  for (const file of ["pollution", "spinning"]) {
    writeFileSync(join(folder, `input/${file}.ts`), execSync(`git show ${JSON.stringify(`${ref}:src/input/${file}.ts`)}`, { cwd: projectRoot }));
  }
  const pollution = (await import(join(folder, "input/pollution.ts"))) as { readPollution: InputReader };
  const spinning = (await import(join(folder, "input/spinning.ts"))) as { readSpinning: InputReader };
  return { folder, pollution: pollution.readPollution, spinning: spinning.readSpinning };
}

const cctv = readFileSync(join(dataRoot, "corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .slice(0, Number(values.limit))
  .map((line) => (JSON.parse(line) as { text: string }).text);
const policy = readdirSync(join(dataRoot, "policy"))
  .filter((file) => file.endsWith(".txt"))
  .map((file) => readFileSync(join(dataRoot, "policy", file), "utf8"));
/** The defaults analyze() reads with (only `format` concerns the readers). */
const config: ResolvedConfig = { mode: "default", engine: "nodejieba", maxInputLength: 1e7, userWords: [], scope: "article", format: "auto" };

/** readInput's chain with the given readers; what each returned, for the equality check. */
function read(readers: InputReader[], text: string): unknown[] {
  let view: TextView = identityView(text);
  const results: unknown[] = [];
  for (const reader of readers) {
    const result = reader(view, config);
    results.push(result?.info);
    if (result?.step) view = composeView(view, result.step);
  }
  results.push(view.text, view.starts, view.ends);
  return results;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const base = await baseReaders(values.base);
try {
  const sides = {
    [values.base]: [htmlReader, base.pollution, readScript, base.spinning],
    "working tree": [htmlReader, readPollution, readScript, readSpinning],
  } as Record<string, InputReader[]>;
  const [oldName, newName] = Object.keys(sides) as [string, string];
  const rows: (string | number)[][] = [];
  for (const [corpus, texts] of [["CCTV items", cctv], ["policy documents", policy]] as const) {
    const differ = texts.filter((text) => !isDeepStrictEqual(read(sides[oldName]!, text), read(sides[newName]!, text))).length;
    if (differ > 0) throw new Error(`${differ} ${corpus} read differently by ${oldName} and the working tree`);
    const ms: Record<string, number[]> = { [oldName]: [], [newName]: [] };
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const name of round % 2 === 0 ? [oldName, newName] : [newName, oldName]) {
        const start = cpuMs();
        for (const text of texts) read(sides[name]!, text);
        ms[name]!.push(cpuMs() - start);
      }
    }
    const ratios = ms[newName]!.map((t, round) => t / ms[oldName]![round]!);
    rows.push([corpus, texts.length, median(ms[oldName]!).toFixed(0), median(ms[newName]!).toFixed(0), `${median(ratios).toFixed(2)}×`]);
  }
  console.log(`input readers (markup, pollution, script, spinning), CPU ms per pass, median of ${values.rounds} rounds; same reading of every text`);
  printTable(["texts", "n", oldName, newName, "new / old"], rows);
} finally {
  rmSync(base.folder, { recursive: true, force: true });
}
