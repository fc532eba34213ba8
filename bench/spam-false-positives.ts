/**
 * False positives of the spam detector on clean text: every news item of the xinwenlianbo corpus (19,541 items,
 * streamed line by line) and the 60 policy documents. None of them carries injected spam, so every finding is a
 * false positive (goal: 0). The seed's injected banner is checked as the one known positive. The same pass counts
 * how often the title readPage finds is the item's headline (put on the first line, as a scraped page has it).
 *
 * Run: npx tsx bench/spam-false-positives.ts
 */
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { readPage } from "../src/text/page.js";
import { dataRoot } from "./lib/data.js";

const DATA = dataRoot;

interface Flagged {
  source: string;
  text: string;
  category: string;
  score: number;
  evidence: string[];
}

/** Runs the page reader; returns the title it found. */
function check(source: string, text: string, flagged: Flagged[]): string | undefined {
  const page = readPage(text);
  for (const finding of page.spam) {
    flagged.push({
      source,
      text: finding.text.length > 80 ? `${finding.text.slice(0, 80)}…` : finding.text,
      category: finding.category,
      score: finding.score,
      evidence: finding.evidence.map((e) => e.text),
    });
  }
  return page.title?.text;
}

let titlesRead = 0;

async function newsItems(flagged: Flagged[]): Promise<number> {
  const lines = createInterface({ input: createReadStream(path.join(DATA, "corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8"), crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const item = JSON.parse(line) as { id: string; title: string; text: string };
    // The title line on top, as a scraped page would have it.
    if (check(`xwlb ${item.id}`, `${item.title}\n${item.text}`, flagged) === item.title) titlesRead++;
    count++;
  }
  return count;
}

function policyDocuments(flagged: Flagged[]): number {
  const folder = path.join(DATA, "policy");
  const files = readdirSync(folder).filter((f) => f.endsWith(".txt"));
  for (const file of files) check(`policy ${file}`, readFileSync(path.join(folder, file), "utf8"), flagged);
  return files.length;
}

const started = performance.now();
const newsFlagged: Flagged[] = [];
const policyFlagged: Flagged[] = [];
const newsCount = await newsItems(newsFlagged);
const policyCount = policyDocuments(policyFlagged);
const seed = readPage(readFileSync(path.join(DATA, "seed/meeting-report.txt"), "utf8")).spam;

console.log("corpus                     items   flagged   false-positive rate");
for (const [name, count, flagged] of [
  ["xinwenlianbo news items", newsCount, newsFlagged],
  ["policy documents", policyCount, policyFlagged],
] as const) {
  const items = new Set(flagged.map((f) => f.source)).size;
  console.log(`${name.padEnd(26)} ${String(count).padStart(6)}   ${String(items).padStart(7)}   ${((100 * items) / count).toFixed(3)}%`);
}
for (const f of [...newsFlagged, ...policyFlagged]) {
  console.log(`  FALSE POSITIVE ${f.source} [${f.category} ${f.score}] ${f.text}  evidence: ${f.evidence.join(" | ")}`);
}
console.log(`news titles read as the headline: ${titlesRead}/${newsCount}`);
console.log(`seed banner flagged: ${seed.length > 0 ? `yes (${seed.map((f) => `${f.text} → ${f.category} ${f.score}`).join("; ")})` : "NO"}`);
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
