/**
 * Which texts the script reader converts, and how: as a whole (judged `traditional` or `mixed` by their share of
 * traditional-only characters, as before traditional runs were read) or only in their traditional runs (a page judged
 * simplified as a whole, now `mixed`). On the 19,541 CCTV items and the 60 policy documents, written in simplified
 * script, every conversion is a false one unless the text quotes traditional script (goal: 0, or each one shown and
 * justified); on the simplified UTF-8 text pages of test/fixtures/realworld, dev and held-out side by side.
 * Then the meeting pages among those with a gold roll, their roll-call lines (参加, 出席, 列席, 请假) converted to
 * traditional script (opencc cn → tw) as a simplified page quoting a traditional roll call writes them: how many
 * give the brief (chair, participants, attendees, on leave, compared on the text read) of the simplified page.
 *
 *   npx tsx bench/script-runs.ts             # table
 *   npx tsx bench/script-runs.ts --details   # and every run found (CCTV, policy, dev pages; never held-out ones)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as OpenCC from "opencc-js/cn2t";
import { createAnalyzer } from "../src/analyzer.js";
import type { Doc } from "../src/core/schema.js";
import { scanScript } from "../src/input/script.js";
import { dataPath, printTable, realworldRoot as root, realworldSources } from "./lib/data.js";

const details = process.argv.includes("--details");

const cctv = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n").filter((l) => l !== "").map((l, k) => {
  const { title, text } = JSON.parse(l) as { title: string; text: string };
  return [`item ${k}`, `${title}\n${text}`] as const;
});
const policyDir = dataPath("policy");
const policy = readdirSync(policyDir).filter((f) => f.endsWith(".txt")).map((f) => [f, readFileSync(join(policyDir, f), "utf8")] as const);
const pages = realworldSources().filter((row) => row.script === "simplified" && row.format === "text" && row.encoding === "utf-8");
const realworld = (split: string) => pages.filter((row) => row.split === split).map((row) => [row.id, readFileSync(join(root, split, `${row.id}.txt`), "utf8")] as const);

const corpora: [string, (readonly [string, string])[], boolean][] = [
  ["CCTV news items", cctv, true],
  ["policy documents", policy, true],
  ["real-world simplified text pages, dev", realworld("dev"), true],
  ["real-world simplified text pages, held-out", realworld("heldout"), false],
];
const table: string[][] = [];
for (const [name, texts, show] of corpora) {
  let whole = 0;
  let runs = 0;
  for (const [id, text] of texts) {
    const scan = scanScript(text);
    if (scan.script === "simplified") continue;
    if (scan.runs.length === 0) {
      whole++;
      continue;
    }
    runs++;
    if (!details || !show) continue;
    const found = [];
    for (let k = 0; k < scan.runs.length; k += 2) found.push(text.slice(scan.runs[k], scan.runs[k + 1]).replaceAll("\n", "⏎"));
    console.log(`${name}, ${id}: ${found.map((run) => `「${run.length > 60 ? `${run.slice(0, 60)}…` : run}」`).join(" ")}`);
  }
  table.push([name, String(texts.length), String(whole), String(runs)]);
}
if (details) console.log("");
printTable(["texts", "count", "converted as a whole", "traditional runs converted"], table);

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const analyzer = createAnalyzer({ referenceDate: "2026-12-06" });
const read = (span: { text: string; normalized?: string }) => span.normalized ?? span.text;
const brief = (doc: Doc) => {
  const meeting = doc.meeting;
  if (!meeting) return "null";
  return JSON.stringify([meeting.chair?.normalized ?? meeting.chair?.name, ...[meeting.participants, meeting.attendees, meeting.onLeave].map((members) => members.map(read))]);
};
const rolls = new Set(
  readFileSync(join(root, "briefs.jsonl"), "utf8").split("\n").filter((l) => l !== "").flatMap((l) => {
    const gold = JSON.parse(l) as { id: string; participants: string[]; attendees: string[]; onLeave: string[] };
    return gold.participants.length + gold.attendees.length + gold.onLeave.length > 0 ? [gold.id] : [];
  }),
);
const equal = { dev: { same: 0, pages: 0 }, heldout: { same: 0, pages: 0 } };
for (const split of ["dev", "heldout"] as const) {
  for (const [id, text] of realworld(split)) {
    if (!rolls.has(id)) continue;
    const mixed = text.split("\n").map((line) => (/参加|出席|列席|请假/u.test(line) ? toTraditional(line) : line)).join("\n");
    if (mixed === text) continue;
    equal[split].pages++;
    if (brief(analyzer.analyze(mixed)) === brief(analyzer.analyze(text))) equal[split].same++;
  }
}
console.log("\nMeeting pages with a gold roll, roll-call lines in traditional script: brief equal to the simplified page's\n");
printTable(["", "dev", "held-out"], [["pages", `${equal.dev.same}/${equal.dev.pages}`, `${equal.heldout.same}/${equal.heldout.pages}`]]);
