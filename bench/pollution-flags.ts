/**
 * Pollution flags (doc.input.pollution) on clean text and on the polluted pages of the real-world corpus. The
 * 19,541 CCTV news items, the policy documents of ../shared/data/policy and the seed carry no injection (the seed's
 * bilingual lines are not pollution), so every flag there is a false one (goal: 0). On test/fixtures/realworld the
 * pages annotated `pollution: true` are counted flagged or not (a `page.spam` finding also counts as a flag there,
 * since hijacked pages carry gambling strings rather than pinyin), dev and held-out side by side, and again by each
 * kind the gold names (a page of two kinds counts under both).
 *
 * Runs the input readers only (what `analyze` runs before the stages), as the flags come from them.
 *
 *   npx tsx bench/pollution-flags.ts             # tables
 *   npx tsx bench/pollution-flags.ts --details   # and every flag on clean text, every polluted page missed (dev)
 *   npx tsx bench/pollution-flags.ts --ids '^x-6[0-4]'   # real-world pages whose id matches only (one round's)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readInput } from "../src/input/index.js";
import { createPipeline } from "../src/pipeline.js";
import { readPage } from "../src/text/page.js";
import { dataPath, printTable, projectRoot, realworldIds, realworldRoot as root, realworldSources } from "./lib/data.js";

const details = process.argv.includes("--details");
const only = realworldIds(process.argv);
const { config } = createPipeline();
const pollutionOf = (text: string) => readInput(text, config).info.pollution ?? [];
const describe = (text: string) => pollutionOf(text).map((p) => `${p.kind}×${p.count} ${JSON.stringify(p.evidence.slice(0, 4).map((e) => e.text))}`).join("; ");

const clean: [string, string[]][] = [
  ["CCTV news items (xwlb-items.jsonl)", readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n").filter((l) => l !== "").map((l) => {
    const { title, text } = JSON.parse(l) as { title: string; text: string };
    return `${title}\n${text}`;
  })],
  ["policy documents", readdirSync(dataPath("policy")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(dataPath(`policy/${f}`), "utf8"))],
  ["seed (dict/samples/meeting-report.txt)", [readFileSync(join(projectRoot, "dict/samples/meeting-report.txt"), "utf8")]],
];
const cleanRows = clean.map(([name, texts]) => {
  const flagged = texts.filter((text) => pollutionOf(text).length > 0);
  if (details) for (const text of flagged) console.log(`false flag in ${name}: ${describe(text)} — ${text.slice(0, 40)}`);
  return [name, texts.length, flagged.length];
});
console.log("Flags on clean text (every flag is false)\n");
printTable(["source", "texts", "flagged"], cleanRows);

const sources = new Map(realworldSources().map((row) => [row.id, row]));
const byKind = new Map<string, { dev: [number, number]; heldout: [number, number] }>();
const counts = { dev: { polluted: 0, flagged: 0, byReader: 0, clean: 0, falseFlags: 0 }, heldout: { polluted: 0, flagged: 0, byReader: 0, clean: 0, falseFlags: 0 } };
for (const line of readFileSync(join(root, "pages.jsonl"), "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const gold = JSON.parse(line) as { id: string; pollution: boolean; pollutionKinds?: string[] };
  if (only !== undefined && !only.test(gold.id)) continue;
  const row = sources.get(gold.id)!;
  if (row.encoding !== "utf-8") continue;
  const part = row.split as "dev" | "heldout";
  const text = readFileSync(join(root, part, `${gold.id}.${row.format === "html" ? "html" : "txt"}`), "utf8");
  const byReader = pollutionOf(text).length > 0;
  const flagged = byReader || readPage(text).spam.length > 0;
  const tally = counts[part];
  if (gold.pollution) {
    tally.polluted++;
    if (flagged) tally.flagged++;
    if (byReader) tally.byReader++;
    for (const kind of gold.pollutionKinds ?? []) {
      const row = byKind.get(kind) ?? { dev: [0, 0], heldout: [0, 0] };
      row[part][1]++;
      if (flagged) row[part][0]++;
      byKind.set(kind, row);
    }
    if (details && !flagged && part === "dev") console.log(`missed ${gold.id}: ${row.note}`);
  } else {
    tally.clean++;
    if (byReader) tally.falseFlags++;
    if (details && byReader && part === "dev") console.log(`false flag ${gold.id}: ${describe(text)}`);
  }
}
const share = (n: number, of: number) => `${n}/${of}`;
console.log(`\nReal-world pages (UTF-8 items with page gold${only ? `, ids matching ${only.source}` : ""})\n`);
printTable(["", "dev", "held-out"], [
  ["polluted pages flagged (input.pollution or page.spam)", share(counts.dev.flagged, counts.dev.polluted), share(counts.heldout.flagged, counts.heldout.polluted)],
  ["… by input.pollution", share(counts.dev.byReader, counts.dev.polluted), share(counts.heldout.byReader, counts.heldout.polluted)],
  ["clean pages with input.pollution", share(counts.dev.falseFlags, counts.dev.clean), share(counts.heldout.falseFlags, counts.heldout.clean)],
]);
console.log("\nPolluted pages flagged, by the kind the gold names\n");
printTable(["kind", "dev", "held-out"], [...byKind].sort((a, b) => a[0].localeCompare(b[0])).map(([kind, row]) => [kind, share(...row.dev), share(...row.heldout)]));
