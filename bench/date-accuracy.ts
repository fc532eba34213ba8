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
 * Run: npx tsx bench/date-accuracy.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findDates } from "../src/text/dates.js";
import { contentRanges, readPage } from "../src/text/page.js";

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const POLICY = path.resolve(PROJECT, "../shared/data/policy");

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
