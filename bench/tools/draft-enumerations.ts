/**
 * Drafting aid for the hand-made enumeration gold set (test/fixtures/enumerations/).
 * It only PROPOSES candidate markers and a guessed nesting, and prints ±40 characters around each one so that a
 * person can accept, reject or add markers; the fixtures are then corrected by hand. It is not the detector and
 * must stay independent of src/.
 *
 * Usage: npx tsx bench/tools/draft-enumerations.ts <file relative to ../shared/data> [--write]
 *   prints the candidates with context; --write also writes the draft fixture (to be reviewed and edited by hand).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, "../../../shared/data");
const fixtureDir = path.resolve(here, "../../test/fixtures/enumerations");

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses 一…九十九 (十, 十一, 二十, 二十三); returns NaN for anything else. */
function parseCn(s: string): number {
  if (s.length === 1) return s === "十" ? 10 : (CN_DIGITS[s] ?? NaN);
  const ten = s.indexOf("十");
  if (ten < 0 || s.indexOf("十", ten + 1) >= 0) return NaN;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)] ?? NaN;
  const unit = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)] ?? NaN;
  return tens * 10 + unit;
}

/** Parses ASCII or full-width digits (scraped reports use both). */
function arabic(s: string): number {
  return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

interface Candidate { style: string; ordinal: number; start: number; marker: string }

const CN = "[一二三四五六七八九十]{1,3}";
// Start of a line, allowing the ideographic-space indentation some scraped texts keep.
const LINE_START = "(?:^|\\n)[ \\t\\u3000]*";
// Characters after which an inline marker such as 一是 can start a clause.
const CLAUSE_BREAK = "(?<=^|[\\n。：:；;，,、！？）)”\\s])";
const PATTERNS: Array<[string, RegExp, (m: RegExpExecArray) => number]> = [
  ["inline-shi", new RegExp(`${CLAUSE_BREAK}(${CN})是`, "g"), (m) => parseCn(m[1]!)],
  ["inline-yao", new RegExp(`${CLAUSE_BREAK}(${CN})要`, "g"), (m) => parseCn(m[1]!)],
  ["inline-qi", new RegExp(`${CLAUSE_BREAK}其(${CN})(?=[，,、：:是])`, "g"), (m) => parseCn(m[1]!)],
  ["di", new RegExp(`${CLAUSE_BREAK}第(${CN})(?=[，,、：:。])`, "g"), (m) => parseCn(m[1]!)],
  ["di-zhang", new RegExp(`(?<=${LINE_START})第(${CN})章`, "g"), (m) => parseCn(m[1]!)],
  ["di-tiao", new RegExp(`(?<=${LINE_START})第(${CN})条`, "g"), (m) => parseCn(m[1]!)],
  ["sequence", /(?<=^|[\n。：:；;，,])(首先|其次|再次|然后|最后)/g, () => 0],
  ["cn-dun", new RegExp(`(?<=${LINE_START}|[。：；])(${CN})、`, "g"), (m) => parseCn(m[1]!)],
  ["cn-paren", new RegExp(`[（(](${CN})[）)]`, "g"), (m) => parseCn(m[1]!)],
  ["arabic-dot", new RegExp(`(?<=${LINE_START}|[。：；])([\\d０-９]{1,2})[.．](?![\\d０-９])`, "g"), (m) => arabic(m[1]!)],
  ["arabic-dun", new RegExp(`(?<=${LINE_START}|[。：；])([\\d０-９]{1,2})、`, "g"), (m) => arabic(m[1]!)],
  ["arabic-paren", /[（(]([\d０-９]{1,2})[）)]/g, (m) => arabic(m[1]!)],
  ["arabic-half-paren", new RegExp(`(?<=${LINE_START}|[。：；])([\\d０-９]{1,2})[）)]`, "g"), (m) => arabic(m[1]!)],
  ["circled", /[①-⑳]/g, (m) => m[0].charCodeAt(0) - 0x2460 + 1],
];

// Lower rank = higher level in the GB/T 9704 hierarchy; inline styles sit inside whatever heading they follow.
const RANK: Record<string, number> = {
  "di-zhang": 0, "cn-dun": 1, "di-tiao": 1.5, "cn-paren": 2, "arabic-dot": 3, "arabic-dun": 3, "arabic-paren": 4,
  "arabic-half-paren": 5, circled: 6, di: 7, "inline-shi": 8, "inline-yao": 8, "inline-qi": 8, sequence: 9,
};
const SEQUENCE_ORDER = ["首先", "其次", "再次", "然后", "最后"];

export function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const [style, re, ordinal] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ style, ordinal: ordinal(m as RegExpExecArray), start: m.index! + lead, marker: m[0].trimStart() });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Item { ordinal: number; start: number; marker: string; children: List[] }
interface List { style: string; items: Item[] }

/** Groups candidates of one style into lists: a list continues while ordinals increase. */
function group(cands: Candidate[]): List[] {
  const lists: List[] = [];
  const open = new Map<string, List>();
  for (const c of cands) {
    let ordinal = c.ordinal;
    const cur = open.get(c.style);
    if (c.style === "sequence") {
      const prev = cur?.items.at(-1);
      const step = SEQUENCE_ORDER.indexOf(c.marker);
      if (step === 0) ordinal = 1;
      else if (!prev) continue; // 其次/最后 with no 首先 before it is not a list
      else ordinal = c.marker === "最后" ? prev.ordinal + 1 : Math.max(prev.ordinal + 1, step + 1);
    }
    const last = cur?.items.at(-1);
    if (!cur || !last || ordinal === 1 || ordinal <= last.ordinal || ordinal > last.ordinal + 3) {
      const list = { style: c.style, items: [] as Item[] };
      lists.push(list);
      open.set(c.style, list);
    }
    open.get(c.style)!.items.push({ ordinal, start: c.start, marker: c.marker, children: [] });
  }
  // Inline lists need at least two items (a lone 一是 is not a list).
  return lists.filter((l) => l.items.length >= 2 || RANK[l.style]! < 7);
}

/**
 * Attaches every item to the nearest preceding item of a higher-level style, then splits a list wherever its items
 * fall under different parents (numbering that runs on across parents, as in indicator tables).
 */
function nest(lists: List[]): List[] {
  const flat = lists.flatMap((list) => list.items.map((item) => ({ list, item, rank: RANK[list.style]! })));
  flat.sort((a, b) => a.item.start - b.item.start);
  const roots: List[] = [];
  const current = new Map<List, { parent: Item | undefined; list: List }>();
  flat.forEach((entry, i) => {
    let parent: Item | undefined;
    for (let j = i - 1; j >= 0; j--) if (flat[j]!.rank < entry.rank) { parent = flat[j]!.item; break; }
    let open = current.get(entry.list);
    if (!open || open.parent !== parent) {
      open = { parent, list: { style: entry.list.style, items: [] } };
      current.set(entry.list, open);
      (parent ? parent.children : roots).push(open.list);
    }
    open.list.items.push(entry.item);
  });
  return roots;
}

function strip(lists: List[]): unknown[] {
  return lists.map((l) => ({
    style: l.style,
    items: l.items.map((i) => ({ ordinal: i.ordinal, start: i.start, marker: i.marker, ...(i.children.length ? { children: strip(i.children) } : {}) })),
  }));
}

function printTree(text: string, lists: List[], depth = 0): void {
  for (const l of lists) {
    console.log(`${"  ".repeat(depth)}[${l.style}] ${l.items.length} items: ${l.items.map((i) => i.ordinal).join(",")}`);
    for (const i of l.items) {
      const ctx = text.slice(Math.max(0, i.start - 40), i.start) + "⟦" + text.slice(i.start, i.start + i.marker.length) + "⟧" + text.slice(i.start + i.marker.length, i.start + i.marker.length + 40);
      console.log(`${"  ".repeat(depth + 1)}${i.ordinal} @${i.start} ${ctx.replace(/\n/g, "⏎")}`);
      printTree(text, i.children, depth + 2);
    }
  }
}

const rel = process.argv[2];
if (rel) {
  const text = readFileSync(path.join(dataDir, rel), "utf8");
  const all = candidates(text);
  const lists = group(all);
  const kept = new Set(lists.flatMap((l) => l.items.map((i) => `${l.style}@${i.start}`)));
  const tree = nest(lists);
  printTree(text, tree);
  const dropped = all.filter((c) => !kept.has(`${c.style}@${c.start}`));
  if (dropped.length) console.log(`-- not grouped (lone inline markers): ${dropped.map((c) => `${c.marker}@${c.start}`).join(" ")}`);
  // Loose look-alikes the patterns above did not take, so that misses are reviewed too.
  const taken = new Set(all.map((c) => c.start));
  const loose = /[一二三四五六七八九十]+[是要、]|第[一二三四五六七八九十]+|其[一二三四五六七八九十][，,、]|首先|其次|再次|最后|[（(][一二三四五六七八九十\d]+[）)]|(?<=\n)\d{1,2}[.．、）)]|[①-⑳]/g;
  for (const m of text.matchAll(loose)) {
    if (taken.has(m.index!)) continue;
    const ctx = text.slice(Math.max(0, m.index! - 20), m.index!) + "⟦" + m[0] + "⟧" + text.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
    console.log(`   ? @${m.index} ${ctx.replace(/\n/g, "⏎")}`);
  }
  const counts = /(以下|如下)?(几|[两二三四五六七八九十]{1,3})(个方面|方面|点|条|项|个|大)[^，。；]{0,12}/g;
  for (const m of text.matchAll(counts)) {
    const ctx = text.slice(Math.max(0, m.index! - 15), m.index!) + "⟦" + m[0] + "⟧";
    console.log(`   # @${m.index} ${ctx.replace(/\n/g, "⏎")}`);
  }
  if (process.argv.includes("--write")) {
    const out = path.join(fixtureDir, path.basename(rel, ".txt") + ".json");
    writeFileSync(out, JSON.stringify({ source: rel, origin: "", note: "DRAFT — not yet reviewed", enumerations: strip(tree) }, null, 2) + "\n");
    console.log(`draft written to ${out}`);
  }
}
