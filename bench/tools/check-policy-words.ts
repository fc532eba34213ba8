/**
 * Checks that dict/policy-words.txt does not lower jieba's segmentation accuracy on SIGHAN 2005.
 *
 * Segments the PKU and MSR test text with raw nodejieba `cut(s, true)` twice, each in its own child process
 * (nodejieba.load can run only once per process): once with the default dictionaries, once with our
 * entries as the user dictionary, and prints word-span precision / recall / F1 against the gold.
 *
 * Usage: npx tsx bench/tools/check-policy-words.ts [path/to/policy-words.txt]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");
const sighanDir = resolve(repoRoot, "../shared/data/sighan2005");
const defaultDictFile = join(repoRoot, "dict/policy-words.txt");

export const SIGHAN_SETS = ["pku", "msr"] as const;
export type SighanSet = (typeof SIGHAN_SETS)[number];

export interface Gold {
  /** The whole test text with all whitespace removed (the unit the spans count in). */
  text: string;
  /** boundary[i] === 1 when a gold word starts or ends at position i of `text`. */
  boundary: Uint8Array;
  /** Gold words as "start,end" keys. */
  spans: Set<string>;
}

/** Reads a SIGHAN gold file: words separated by whitespace; offsets over the whitespace-free text. */
export function loadGold(set: SighanSet): Gold {
  const file = join(sighanDir, `${set}_test_gold.utf8`);
  if (!existsSync(file)) throw new Error(`SIGHAN gold not found: ${file}`);
  const words = readFileSync(file, "utf8").split(/\s+/).filter(Boolean);
  const spans = new Set<string>();
  const total = words.reduce((n, w) => n + w.length, 0);
  const boundary = new Uint8Array(total + 1);
  let at = 0;
  boundary[0] = 1;
  for (const word of words) {
    spans.add(`${at},${at + word.length}`);
    at += word.length;
    boundary[at] = 1;
  }
  return { text: words.join(""), boundary, spans };
}

/** Test text lines as jieba sees them (CRLF stripped; the few ASCII spaces in MSR stay in the input). */
function testLines(set: SighanSet): string[] {
  const file = join(sighanDir, `${set}_test.utf8`);
  if (!existsSync(file)) throw new Error(`SIGHAN test text not found: ${file}`);
  return readFileSync(file, "utf8").split(/\r?\n/);
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

/** Word-span P/R/F1 of predicted words (whitespace tokens dropped) against the gold spans. */
export function scoreWords(predicted: string[], gold: Gold): Score {
  let at = 0;
  let correct = 0;
  let count = 0;
  for (const token of predicted) {
    const word = token.replace(/\s+/g, "");
    if (word.length === 0) continue;
    if (gold.spans.has(`${at},${at + word.length}`)) correct++;
    at += word.length;
    count++;
  }
  if (at !== gold.text.length) throw new Error(`segmented text has ${at} chars, gold ${gold.text.length}`);
  const precision = correct / count;
  const recall = correct / gold.spans.size;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** Child mode: load nodejieba (optionally with a user dict), segment both sets, print the scores as JSON. */
async function runChild(userDict: string | undefined): Promise<void> {
  const { default: nodejieba } = await import("nodejieba");
  if (userDict !== undefined) {
    if (!existsSync(userDict)) throw new Error(`user dict not found: ${userDict}`);
    nodejieba.load({ userDict });
  } else {
    nodejieba.load();
  }
  const scores: Record<string, Score> = {};
  for (const set of SIGHAN_SETS) {
    const words = testLines(set).flatMap((line) => (line.length > 0 ? nodejieba.cut(line, true) : []));
    scores[set] = scoreWords(words, loadGold(set));
  }
  process.stdout.write(JSON.stringify(scores));
}

/** Writes the entries of a `#`-headed dictionary file to a temp file jieba can load; returns its path. */
export function stripHeader(dictFile: string, dir: string): string {
  const body = readFileSync(dictFile, "utf8")
    .split("\n")
    .filter((line) => line.length > 0 && !line.startsWith("#"));
  const out = join(dir, "user-dict.txt");
  writeFileSync(out, body.join("\n") + "\n");
  return out;
}

function scoreInChild(userDict: string | undefined): Record<SighanSet, Score> {
  const args = [fileURLToPath(import.meta.url), "--child", ...(userDict ? [userDict] : [])];
  const out = execFileSync(process.execPath, ["--import", "tsx", ...args], { cwd: repoRoot, encoding: "utf8" });
  return JSON.parse(out) as Record<SighanSet, Score>;
}

/** Scores default jieba and jieba + the dictionary; returns both so a build can refuse a worse dictionary. */
export function compareWithBaseline(dictFile: string): { baseline: Record<SighanSet, Score>; withDict: Record<SighanSet, Score> } {
  if (!existsSync(dictFile)) throw new Error(`dictionary not found: ${dictFile}`);
  const dir = mkdtempSync(join(tmpdir(), "gongwen-dict-check-"));
  try {
    const userDict = stripHeader(dictFile, dir);
    return { baseline: scoreInChild(undefined), withDict: scoreInChild(userDict) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printComparison(result: ReturnType<typeof compareWithBaseline>): void {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  console.log("set  variant                      P      R      F1");
  for (const set of SIGHAN_SETS) {
    for (const [name, scores] of [["jieba cut(s,true)", result.baseline], ["+ policy-words.txt", result.withDict]] as const) {
      const s = scores[set];
      console.log(`${set}  ${name.padEnd(22)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`);
    }
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    await runChild(process.argv[childAt + 1]);
  } else {
    printComparison(compareWithBaseline(resolve(process.argv[2] ?? defaultDictFile)));
  }
}
