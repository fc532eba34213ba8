/**
 * Word-segmentation precision / recall / F1 on the SIGHAN 2005 PKU and MSR test sets, gongwen beside its peers,
 * all scored by the same code in the same run. Spans are compared on the whitespace-free text of the whole file
 * (the MSR gold moves 8 opening quotes across line ends, see the data README).
 *
 *   npx tsx bench/segment-accuracy.ts
 */
import { runChild } from "./lib/child.js";
import { dataPath, printTable, sighanLines } from "./lib/data.js";
import { SEGMENTERS } from "./lib/segmenters.js";

/** Word spans as "start:end" keys over the concatenation of all words. */
function spans(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const word of words) {
    const length = [...word.replace(/\s+/g, "")].length;
    if (length === 0) continue;
    out.add(`${at}:${at + length}`);
    at += length;
  }
  return out;
}

export function score(gold: Set<string>, predicted: Set<string>) {
  let hit = 0;
  for (const s of predicted) if (gold.has(s)) hit++;
  const p = hit / predicted.size;
  const r = hit / gold.size;
  return { p, r, f: (2 * p * r) / (p + r) };
}

const systems = SEGMENTERS.filter((s) => s !== "intl-segmenter" || process.argv.includes("--intl"));
const pct = (x: number) => (100 * x).toFixed(1);
for (const set of ["pku", "msr"] as const) {
  const gold = spans(sighanLines(set, "test_gold").flatMap((l) => l.split(/\s+/)));
  const rows = systems.map((name) => {
    const lines = JSON.parse(runChild("bench/lib/segment-child.mjs", [name, "words", dataPath(`sighan2005/${set}_test.utf8`)])) as string[][];
    const { p, r, f } = score(gold, spans(lines.flat()));
    return [name, pct(p), pct(r), pct(f)];
  });
  console.log(`\n${set.toUpperCase()} test set (${gold.size} gold words)`);
  printTable(["segmenter", "P", "R", "F1"], rows);
}
