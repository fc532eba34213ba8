/**
 * Publication dates read from the 60 policy documents (readPage → publishedAt) against the `date` column of
 * ../shared/data/policy/manifest.tsv.
 *
 * - "carries": the text writes the manifest date out in full somewhere (an explicit findDates value, not one
 *   completed from a range such as 1月8日至10日).
 * - "read": readPage produced a publishedAt; "agree": it equals the manifest date.
 * - Meeting releases name only the meeting's day (`24日，…`, `12月6日`), and the manifest gives the broadcast day,
 *   often the day after: their lead date is completed with the manifest date as reference and counted as
 *   agreeing when it is the broadcast day or the day before.
 *
 * Then every date mention findDates finds, against the hand-annotated dates of the entity gold set
 * (test/fixtures/entities), as precision / recall / F1.
 *
 * Run: npx tsx bench/date-accuracy.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findDates, type DateMention } from "../src/text/dates.js";
import { readPage } from "../src/text/page.js";
import { contentRanges } from "../src/core/spans.js";
import { dataRoot, projectRoot } from "./lib/data.js";

const PROJECT = projectRoot;
const POLICY = path.join(dataRoot, "policy");

interface Row {
  file: string;
  group: string;
  expected: string;
  carries: boolean;
  read?: string;
  lead?: string;
}

const manifest = readFileSync(path.join(POLICY, "manifest.tsv"), "utf8").trim().split("\n").slice(1).map((line) => line.split("\t"));
const group = (file: string) => file.replace(/-.*$/, "");

const rows: Row[] = manifest.map(([file, , , date]) => {
  const text = readFileSync(path.join(POLICY, file!), "utf8");
  const page = readPage(text);
  const row: Row = {
    file: file!,
    group: group(file!),
    expected: date!,
    carries: findDates(text).some((d) => d.value === date && !d.inferred),
    ...(page.publishedAt ? { read: page.publishedAt } : {}),
  };
  if (row.group === "meeting") {
    const lead = findDates(text, { referenceDate: date!, ranges: contentRanges({ text, page }) }).find(
      (d) => d.precision === "day" && !d.relative && d.value,
    );
    if (lead) row.lead = `${lead.text} → ${lead.value}`;
  }
  return row;
});

const pct = (n: number, d: number) => (d === 0 ? "   -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
console.log("group      docs  carries  read  agree  disagree   agreement(read)  recall(carries)");
for (const name of [...new Set(rows.map((r) => r.group)), "all"]) {
  const g = rows.filter((r) => name === "all" || r.group === name);
  const read = g.filter((r) => r.read);
  const agree = read.filter((r) => r.read === r.expected);
  const carried = g.filter((r) => r.carries);
  const carriedAndRead = carried.filter((r) => r.read === r.expected);
  console.log(
    `${name.padEnd(9)} ${String(g.length).padStart(5)} ${String(carried.length).padStart(8)} ${String(read.length).padStart(5)} ${String(agree.length).padStart(6)} ${String(read.length - agree.length).padStart(9)}   ${pct(agree.length, read.length).padStart(15)}  ${pct(carriedAndRead.length, carried.length).padStart(15)}`,
  );
}

console.log("\nDisagreements and misses (the text carries the manifest date but it was not read):");
for (const r of rows) {
  if (r.read && r.read !== r.expected) console.log(`  DISAGREE ${r.file}: read ${r.read}, manifest ${r.expected}`);
  else if (!r.read && r.carries) console.log(`  MISSED   ${r.file}: manifest ${r.expected} is in the text`);
}

const meetings = rows.filter((r) => r.group === "meeting");
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const same = meetings.filter((r) => r.lead?.endsWith(r.expected));
const previous = meetings.filter((r) => r.lead?.endsWith(dayBefore(r.expected)));
console.log(
  `\nMeeting releases, lead (meeting) date vs manifest (broadcast) date: ${same.length}/${meetings.length} same day, ` +
    `${previous.length}/${meetings.length} the day before, ${meetings.length - same.length - previous.length} other`,
);
for (const r of meetings) {
  if (!r.lead?.endsWith(r.expected) && !r.lead?.endsWith(dayBefore(r.expected))) console.log(`  ${r.file}: lead ${r.lead ?? "none"}, manifest ${r.expected}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Date mentions against the hand-annotated entity gold (test/fixtures/entities/*.json, type "date").

interface GoldDate {
  start: number;
  end: number;
  text: string;
  value: string;
}

const goldFolder = path.join(PROJECT, "test/fixtures/entities");
const goldFiles = readdirSync(goldFolder).filter((f) => f.endsWith(".json"));
const tallies = { strict: { tp: 0, pred: 0, gold: 0 }, lenient: { tp: 0, pred: 0, gold: 0 } };
const errors: string[] = [];
for (const file of goldFiles) {
  const gold = JSON.parse(readFileSync(path.join(goldFolder, file), "utf8")) as {
    source: string;
    docDate: string;
    entities: (GoldDate & { type: string })[];
  };
  const text = readFileSync(path.join(dataRoot, gold.source), "utf8");
  const golds = gold.entities.filter((e) => e.type === "date");
  // The gold leaves out bare relative words (今年, 近日) and times of day without a date.
  const preds = findDates(text, { referenceDate: gold.docDate }).filter(
    (m) => (!m.relative || /[0-9０-９一二三四五六七八九十]月/.test(m.text)) && (m.parts.year ?? m.parts.month ?? m.parts.day) !== undefined,
  );
  for (const [mode, matches] of [
    ["strict", (p: DateMention, g: GoldDate) => p.start === g.start && p.end === g.end && p.value === g.value],
    ["lenient", (p: DateMention, g: GoldDate) => p.start < g.end && g.start < p.end && (p.value ?? "").startsWith(g.value)],
  ] as const) {
    const used = new Set<DateMention>();
    for (const g of golds) {
      const hit = preds.find((p) => !used.has(p) && matches(p, g));
      if (hit) used.add(hit);
      else if (mode === "lenient") errors.push(`  MISSED ${file}: ${g.text} (${g.value})`);
      else {
        const overlapping = preds.find((p) => p.start < g.end && g.start < p.end);
        errors.push(`  SPAN   ${file}: ${g.text} (${g.value}) found as ${overlapping?.text ?? "nothing"}`);
      }
    }
    if (mode === "lenient") {
      for (const p of preds) if (!used.has(p)) errors.push(`  EXTRA  ${file}: ${p.text} (${p.value ?? "no value"})`);
    }
    tallies[mode].tp += used.size;
    tallies[mode].pred += preds.length;
    tallies[mode].gold += golds.length;
  }
}
console.log(`\nDate mentions vs the entity gold (${goldFiles.length} documents, reference = manifest date):`);
console.log("match     gold  found  correct  precision  recall     F1");
for (const [mode, t] of Object.entries(tallies)) {
  const p = t.tp / t.pred;
  const r = t.tp / t.gold;
  console.log(`${mode.padEnd(8)} ${String(t.gold).padStart(5)} ${String(t.pred).padStart(6)} ${String(t.tp).padStart(8)}  ${(100 * p).toFixed(1).padStart(8)}% ${(100 * r).toFixed(1).padStart(6)}% ${(100 * ((2 * p * r) / (p + r))).toFixed(1).padStart(6)}%`);
}
console.log("strict: same span and value; lenient: overlapping span, value agreeing to the gold's precision. Differences:");
for (const line of errors) console.log(line);
