/**
 * Enumeration detection against the hand-made gold set (test/fixtures/enumerations/*.json), and its cost next to
 * segmentation on the PKU+MSR test text.
 *
 *   npx tsx bench/enumeration-accuracy.ts            # tables
 *   npx tsx bench/enumeration-accuracy.ts --errors   # also every missed / extra item with its context
 *
 * An item is (style, ordinal, marker start). A list matches exactly when its style and every item agree; "with
 * nesting" also requires the same parent item. Parallel series (排比) are scored apart, on the documents whose gold
 * annotates them (the seed only, see the gold README). Declared counts: (list, phrase start, count). Lists of the
 * styles the gold set does not annotate (dash points ——…, clause numbers 1.1, bare 一) are only counted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { enumerations, enumerationStage } from "../src/enumerate/index.js";
import type { StageContext } from "../src/core/stage.js";
import { segment } from "../src/index.js";
import { splitClauses, splitSentences } from "../src/text/sentences.js";
import type { Enumeration } from "../src/core/schema.js";
import { dataPath, printTable, projectRoot } from "./lib/data.js";

interface GoldItem { ordinal: number; start: number; marker: string; children?: GoldList[] }
interface GoldList { style: string; items: GoldItem[]; declared?: { count: number | null; start: number; text: string } }
interface GoldDoc { source: string; enumerations: GoldList[]; parallel?: GoldList[] }

/** A list flattened for scoring: its items' keys, its parent item's key and its declared count. */
interface FlatList { style: string; items: string[]; parent: string; declared?: string }

const showErrors = process.argv.includes("--errors");
/** The styles the gold set annotates (test/fixtures/enumerations/README.md, "Styles"). */
const GOLD_STYLES = new Set(["inline-shi", "inline-yao", "inline-qi", "di", "di-zhang", "di-tiao", "sequence", "cn-dun", "cn-paren",
  "arabic-dot", "arabic-dun", "arabic-paren", "arabic-half-paren", "circled"]);
const fixtureDir = join(projectRoot, "test/fixtures/enumerations");

const itemKey = (style: string, ordinal: number, start: number) => `${style}|${ordinal}|${start}`;

function flattenGold(lists: GoldList[], parent = "", into: FlatList[] = []): FlatList[] {
  for (const list of lists) {
    into.push({
      style: list.style,
      items: list.items.map((i) => itemKey(list.style, i.ordinal, i.start)),
      parent,
      ...(list.declared ? { declared: `${list.declared.start}|${list.declared.count ?? "?"}` } : {}),
    });
    for (const item of list.items) flattenGold(item.children ?? [], itemKey(list.style, item.ordinal, item.start), into);
  }
  return into;
}

function flattenFound(lists: Enumeration[], parent = "", into: FlatList[] = []): FlatList[] {
  for (const list of lists) {
    into.push({
      style: list.style,
      items: list.items.map((i) => itemKey(list.style, i.ordinal, i.marker.start)),
      parent,
      ...(list.declared ? { declared: `${list.declared.span.start}|${list.declared.count ?? "?"}` } : {}),
    });
    for (const item of list.items) {
      flattenFound(item.children ?? [], itemKey(list.style, item.ordinal, item.marker.start), into);
    }
  }
  return into;
}

interface Counts { tp: number; fp: number; fn: number }
const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const prf = ({ tp, fp, fn }: Counts) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const pct = (x: number) => (100 * x).toFixed(1);

/** Adds the comparison of two key sets to `into` and returns the keys only one side has. */
function compare(gold: Set<string>, found: Set<string>, into: Counts): { missed: string[]; extra: string[] } {
  const missed = [...gold].filter((k) => !found.has(k));
  const extra = [...found].filter((k) => !gold.has(k));
  into.tp += gold.size - missed.length;
  into.fn += missed.length;
  into.fp += extra.length;
  return { missed, extra };
}

const byStyle = new Map<string, Counts>();
const styleCounts = (style: string) => byStyle.get(style) ?? byStyle.set(style, counts()).get(style)!;
const overall = counts();
const parallel = counts();
const lists = counts();
const nested = counts();
const declared = counts();
let documents = 0;
const unannotated = new Map<string, number>();

for (const file of readdirSync(fixtureDir).filter((f) => f.endsWith(".json")).sort()) {
  const gold = JSON.parse(readFileSync(join(fixtureDir, file), "utf8")) as GoldDoc;
  const text = readFileSync(dataPath(gold.source), "utf8");
  documents++;
  const found = enumerations(text);
  const goldLists = flattenGold(gold.enumerations);
  const foundAll = flattenFound(found);
  const foundLists = foundAll.filter((l) => GOLD_STYLES.has(l.style));
  for (const l of foundAll) {
    if (l.style !== "parallel" && !GOLD_STYLES.has(l.style)) unannotated.set(l.style, (unannotated.get(l.style) ?? 0) + 1);
  }

  const goldItems = new Set(goldLists.flatMap((l) => l.items));
  const foundItems = new Set(foundLists.flatMap((l) => l.items));
  const { missed, extra } = compare(goldItems, foundItems, overall);
  for (const style of new Set([...goldLists, ...foundLists].map((l) => l.style))) {
    const only = (keys: Set<string>) => new Set([...keys].filter((k) => k.startsWith(`${style}|`)));
    compare(only(goldItems), only(foundItems), styleCounts(style));
  }
  compare(
    new Set(goldLists.map((l) => `${l.style}:${l.items.join(",")}`)),
    new Set(foundLists.map((l) => `${l.style}:${l.items.join(",")}`)),
    lists,
  );
  const nesting = compare(
    new Set(goldLists.map((l) => `${l.parent}>${l.items.join(",")}`)),
    new Set(foundLists.map((l) => `${l.parent}>${l.items.join(",")}`)),
    nested,
  );
  const declaredKeys = (all: FlatList[]) => new Set(all.filter((l) => l.declared).map((l) => `${l.items[0]}@${l.declared}`));
  const declaredErrors = compare(declaredKeys(goldLists), declaredKeys(foundLists), declared);
  if (gold.parallel) {
    const keys = (all: FlatList[]) => new Set(all.filter((l) => l.style === "parallel").flatMap((l) => l.items));
    compare(keys(flattenGold(gold.parallel)), keys(foundAll), parallel);
  }

  const wrong = missed.length + extra.length + nesting.missed.length + declaredErrors.missed.length + declaredErrors.extra.length;
  if (showErrors && wrong > 0) {
    console.log(`\n${gold.source}`);
    const context = (key: string) => {
      const start = Number(key.split("|")[2]);
      return `${text.slice(Math.max(0, start - 20), start)}⟦${text.slice(start, start + 20)}`.replace(/\n/g, "⏎");
    };
    for (const k of missed) console.log(`  missed ${k}  ${context(k)}`);
    for (const k of extra) console.log(`  extra  ${k}  ${context(k)}`);
    const firstItem = (key: string) => key.split(">")[1]!.split(",")[0]!;
    for (const k of nesting.missed) {
      const found = nesting.extra.find((e) => firstItem(e) === firstItem(k));
      console.log(`  nested under ${k.split(">")[0] || "(top)"}, found under ${found?.split(">")[0] || "(top)"}: list ${context(firstItem(k))}`);
    }
    for (const k of declaredErrors.missed) console.log(`  declared missed ${k}`);
    for (const k of declaredErrors.extra) console.log(`  declared extra  ${k}`);
  }
}

const row = (name: string, c: Counts) => {
  const { p, r, f } = prf(c);
  return [name, c.tp + c.fn, c.tp + c.fp, pct(p), pct(r), pct(f)];
};
console.log(`\nEnumeration items against the gold set (${documents} documents), item = (style, ordinal, marker start)`);
printTable(
  ["style", "gold", "found", "P %", "R %", "F1 %"],
  [...[...byStyle].sort((a, b) => b[1].tp + b[1].fn - (a[1].tp + a[1].fn)).map(([s, c]) => row(s, c)), row("**all items**", overall)],
);
console.log("\nLists and links");
printTable(
  ["what", "gold", "found", "P %", "R %", "F1 %"],
  [
    row("lists, exact (style + every item)", lists),
    row("lists, exact with nesting (same parent)", nested),
    row("declared counts (list, phrase, count)", declared),
    row("parallel series items (seed)", parallel),
  ],
);
const notScored = [...unannotated].map(([style, n]) => `${n} ${style}`).join(", ");
console.log(`Lists of styles the gold set does not annotate (not scored): ${notScored || "none"}`);

// Cost next to segmentation, one line per call as in bench/segment-speed.ts. The machine is shared: each task is
// timed in CPU time (what other processes take is not counted), one pass over all lines per task, the tasks taking
// turns round by round, and the fastest round of each is kept (load only ever adds time).
const lines = [dataPath("sighan2005/pku_test.utf8"), dataPath("sighan2005/msr_test.utf8")]
  .flatMap((f) => readFileSync(f, "utf8").split(/\r?\n/))
  .filter((l) => l.length > 0);
const chars = lines.reduce((n, l) => n + l.length, 0);
const sentences = lines.map((l) => splitSentences(l));
const clauses = lines.map((l, k) => splitClauses(l, sentences[k]!));
segment("预热：加载词典");
/** The stage reads only the Doc's text, sentences and clauses here (no page, so no config either). */
const noContext = {} as StageContext;
const tasks = [
  (l: string) => segment(l),
  (l: string, k: number) => enumerationStage.run({ text: l, tokens: [], sentences: sentences[k]!, clauses: clauses[k]! }, noContext),
  (l: string, k: number) => enumerations(l, { sentences: sentences[k]!, clauses: clauses[k]! }),
  (l: string) => enumerations(l),
];
const ROUNDS = 8;
const totals: number[][] = tasks.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  tasks.forEach((task, t) => {
    const started = process.cpuUsage();
    lines.forEach((line, k) => task(line, k));
    const { user, system } = process.cpuUsage(started);
    if (round > 0) totals[t]!.push((user + system) / 1000); // round 0 warms up
  });
}
const [segmentMs, stageMs, givenMs, aloneMs] = totals.map((ms) => Math.min(...ms)) as [number, number, number, number];
const ratio = (t: number) => (Math.min(...totals[t]!) / segmentMs).toFixed(3);
console.log(`\nCPU cost on the PKU+MSR test text (${lines.length} lines, ${chars} chars, one line per call), fastest of ${ROUNDS - 1} rounds`);
printTable(
  ["task", "CPU ms", "× segmentation"],
  [
    ["segment", segmentMs.toFixed(0), "1.00"],
    ["the enumeration stage (sentences and clauses from earlier stages)", stageMs.toFixed(0), ratio(1)],
    ["enumerations(text, { sentences, clauses }) (validates both)", givenMs.toFixed(0), ratio(2)],
    ["enumerations(text) alone (splits sentences itself)", aloneMs.toFixed(0), ratio(3)],
  ],
);
