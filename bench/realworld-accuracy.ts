/**
 * gongwen on the real-world corpus (test/fixtures/realworld: 359 pages nobody here wrote, 258 dev / 101 held-out
 * split by publisher; gold and split rules in its README). Every figure is printed for the dev and the held-out
 * part side by side. This measures; nothing here was tuned on the corpus.
 *
 *   npx tsx bench/realworld-accuracy.ts            # tables
 *   npx tsx bench/realworld-accuracy.ts --details  # and every miss of a dev item
 *   npx tsx bench/realworld-accuracy.ts --ids '^(p-90|m-90)'  # only the items whose id matches (one round)
 *
 * Input: each file is read as the CLI reads a file (`decode(bytes)`, src/cli/records.ts), so the GB18030 / Big5 /
 * UTF-16 byte files (`e-*`) are read in their encoding; each is scored against all the gold of the item it encodes
 * (`sourceId`: brief, lists, persons, title and date). Raw HTML is passed as it is (format `auto` reads it as HTML;
 * the table counts the items read so). Each text goes through `analyze()` with every stage; `referenceDate` is the
 * item's `retrieved` date and `url` its address (what a CMS knows when it fetches a page), used only for dates
 * without a year and for a page whose text gives no date.
 *
 * Matching (lenient but precise):
 * - Meeting briefs, on every item with a gold brief. An item with several gold briefs (3 items) is scored against
 *   the one whose chair is the reported chair, else the first. `chair`: the reported chair's name equals the gold
 *   chair (both absent counts as right). `date`: equals the gold ISO date; when the gold is `--MM-DD` (no year in
 *   the text) month and day must agree; gold `null` is right only when no date is reported. No brief → both wrong.
 * - Participants, attendees, on leave: names by exact string, one to one (multiset). The reported chair is left
 *   out of the reported participants (the gold lists the chair only as chair). The gold lists named people only:
 *   the members the brief marks `group` (named by role, body or count: 全体党委委员, 办公室, 238人) are not scored;
 *   any other phrase it lists counts as a false positive. Guests (到会指导, 莅临指导) are invited leaders, whom the
 *   gold lists as participants: their names count as reported participants. On leave is scored the same way against the brief's `onLeave`; the
 *   table also counts gold on-leave names that gongwen reports as participants or attendees.
 * - Decisions: one to one, greedily in gold order; a reported decision matches a gold clause when they share a
 *   《…》 title, or when their spans overlap by at least half of their union (IoU ≥ 0.5, the gold clause located by
 *   its first occurrence in the text).
 * - Statements: (speaker, verb) pairs, a repeated pair of one item counted once (as the gold lists them), one to
 *   one; a pair matches when the speaker is the same string and one verb contains the other (提出几点要求 ⊃ 要求).
 *   The gold writes the speaker as the text does (`他`); the brief resolves a pronoun to the person (`王春`) and
 *   keeps what was written in `speakerSpan`: either string counts.
 * - Lists, on the list-annotated items: every item with a lists.jsonl record, and every meeting and policy item
 *   except the State Council documents of the gov.cn crawl (url www.gov.cn/zhengce), whose lists were not
 *   annotated (a scan of the other meeting and policy items without list gold found no 一、/（一）/一是… run).
 *   A gold list is exact when a reported list (at any depth, one to one) has the same style, item count and nesting
 *   depth (1 = top level); "and markers" also needs the same marker texts. Gold styles map to gongwen's: yishi →
 *   inline-shi, yi-yao → inline-yao, paren-cn → cn-paren, paren-arabic → arabic-paren, article → di-tiao, chapter →
 *   di-zhang, shouxian → sequence, di-yao → di; the other gold styles have gongwen styles of the same name.
 *   A false list is a reported list (parallel series included) whose style has no gold list in that item. Where a
 *   gold list gives `lastItemEnd` (the words the last item ends with), a reported list of the same shape must have
 *   a last item whose text (as written, or its `normalized` form) ends with them, trailing blanks dropped.
 * - Persons, on the items with a persons.jsonl record: distinct person-entity names per item against the gold
 *   names; (name, title) pairs with gongwen's title written as titleOrg + title (省委 + 书记 = 省委书记) against each
 *   gold title. One-character persons and persons with whitespace (in the name read, `normalized` else `text`) are
 *   counted over all items. The gold lists every person an annotated page names (its README's convention); a
 *   padded roster name (`冯 艳`) is matched by the span's text against the gold's `written`.
 * - Pages, on the items with a pages.jsonl record: title right when `page.title` (trimmed) equals the gold title
 *   (gold null: no title reported); publication date when `page.publishedAt` equals it (null: none reported).
 *   "Flagged" means a `doc.input.pollution` report or a `page.spam` finding (hijacked pages carry gambling strings).
 * - Leaks: markup (tags, entities, style/class/href attributes), pinyin (a Latin syllable in brackets or a
 *   tone-marked vowel) and the item's gold pollution evidence strings, searched in every keyword and phrase,
 *   summary sentence, entity text and brief field (title, meeting, chair, participants, attendees, agenda,
 *   decisions, statement speakers, guests). A span shows the text gongwen read there: its `normalized` where the
 *   input slice differs (`<b>雷</b>承锋` read as 雷承锋), else its `text`; the page title is right when either its
 *   `normalized` or its `text` equals the gold, which writes it as the page does (traditional, with injected readings).
 */
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createAnalyzer, type Analyzer } from "../src/analyzer.js";
import { decode } from "../src/input/decode.js";
import type { Doc, Enumeration } from "../src/core/schema.js";
import { printTable, projectRoot, realworldIds, realworldRoot as root, realworldSources } from "./lib/data.js";
import { addTally, emptyTally, greedyPairs, iou, prf, textTally, type Tally } from "./lib/meeting-score.js";

const details = process.argv.includes("--details");
const PARTS = ["dev", "heldout"] as const;
type Part = (typeof PARTS)[number];
const KINDS = ["meeting", "policy", "html", "traditional", "polluted", "encoding"] as const;

interface Row { id: string; split: Part; url: string; kind: string; format: string; retrieved: string; level: string }
interface BriefGold {
  id: string;
  date: string | null;
  chair: string | null;
  participants: string[];
  attendees: string[];
  onLeave: string[];
  decisions: string[];
  statements: { speaker: string; verb: string }[];
}
/** `lastItemEnd`: where the last item ends, as the text writes it just before (on the lists that carry one). */
interface ListGold { id: string; style: string; markers: string[]; count: number; nesting: number; lastItemEnd?: string }
/** `written`: a roster name padded to three characters as the page writes it (`冯 艳`), `name` without the padding. */
interface PersonGold { id: string; name: string; written?: string; titles: string[] }
interface PageGold {
  id: string;
  title?: string | null;
  publishedDate?: string | null;
  pollution: boolean;
  evidence?: string[];
  /** encoding items: the UTF-8 item whose text the bytes encode */
  sourceId?: string;
}

const readRows = (): Row[] => realworldSources() as Row[];

function goldBy<T extends { id: string }>(file: string): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const line of readFileSync(join(root, file), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const record = JSON.parse(line) as T;
    by.set(record.id, [...(by.get(record.id) ?? []), record]);
  }
  return by;
}

/** The file as the CLI reads it: its bytes decoded in the encoding detected. */
function cliText(row: Row): string {
  const ext = row.kind === "encoding" ? "bin" : row.format === "html" ? "html" : "txt";
  return decode(readFileSync(join(root, row.split, `${row.id}.${ext}`))).text;
}

// ---- counters: every figure is kept per part ----
type Cell = Record<Part, number>;
const counts = new Map<string, Cell>();
const bump = (key: string, part: Part, n = 1) => {
  const cell = counts.get(key) ?? { dev: 0, heldout: 0 };
  cell[part] += n;
  counts.set(key, cell);
};
const got = (key: string, part: Part) => counts.get(key)?.[part] ?? 0;
const tallies = new Map<string, Record<Part, Tally>>();
const tally = (key: string, part: Part, more: Tally) => {
  const cell = tallies.get(key) ?? { dev: emptyTally(), heldout: emptyTally() };
  addTally(cell[part], more);
  tallies.set(key, cell);
};
const missesOf = new Map<string, string[]>();
/** Held-out misses are never printed: rules are tuned on dev only, so nobody should read what held-out gets wrong. */
const heldOutIds = new Set(readRows().filter((row) => row.split === "heldout").map((row) => row.id));
const miss = (id: string, text: string) => {
  if (details && !heldOutIds.has(id)) missesOf.set(id, [...(missesOf.get(id) ?? []), text]);
};

// ---- briefs ----
const dateRight = (reported: string | undefined, gold: string | null) =>
  gold === null ? reported === undefined : gold.startsWith("--") ? reported?.slice(4) === gold.slice(1) : reported === gold;
/** Month and day only, so a wrong year shows apart from a wrong day. */
const monthDayRight = (reported: string | undefined, gold: string | null) =>
  gold === null ? reported === undefined : reported?.slice(-5) === gold.slice(-5);
const titlesIn = (s: string) => new Set([...s.matchAll(/《([^《》]+)》/gu)].map((m) => m[1]!));
const shareTitle = (a: string, b: string) => {
  const ta = titlesIn(a);
  return [...titlesIn(b)].some((t) => ta.has(t));
};
interface Statement { speaker: string; verb: string; written?: string }
/**
 * The gold writes a field as the page does, injected pinyin readings and all (`強(qiáng)調(diào)`, `縣長(zhǎng)`); gongwen
 * reports the words it read, without them (their input spans keep what was written). Chair names, statement
 * speakers and verbs, and persons' titles are compared with the gold's readings dropped.
 */
const withoutReadings = (s: string) => s.replace(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）]/gu, "");
/** Statements in order, each (speaker, verb) once. */
const distinctStatements = (list: readonly Statement[]) =>
  list.filter((s, k) => list.findIndex((t) => t.speaker === s.speaker && t.verb === s.verb) === k);
/** Same speaker, and one verb contains the other (gold writes the verb phrase: 提出几点要求 ⊃ 要求). */
function sameStatement(p: Statement, g: Statement): number {
  const speaker = withoutReadings(g.speaker);
  const verb = withoutReadings(g.verb);
  return (p.speaker === speaker || p.written === g.speaker) && (p.verb.includes(verb) || verb.includes(p.verb)) ? 1 : 0;
}

function scoreBrief(row: Row, text: string, doc: Doc, golds: BriefGold[] | undefined): void {
  const part = row.split;
  const brief = doc.meeting;
  if (!golds) {
    bump("noBrief.items", part);
    if (brief) bump("noBrief.reported", part);
    return;
  }
  for (const key of ["brief.items", `brief.items:${row.kind}`, `brief.items@${row.level}`]) bump(key, part);
  const goldChair = (g: BriefGold) => g.chair && withoutReadings(g.chair);
  const gold = golds.find((g) => g.chair !== null && goldChair(g) === brief?.chair?.name) ?? golds[0]!;
  if (!brief) miss(row.id, "no brief");
  const chairOk = brief !== undefined && (brief.chair?.name ?? null) === goldChair(gold);
  const dateOk = brief !== undefined && dateRight(brief.date, gold.date);
  const monthDayOk = brief !== undefined && monthDayRight(brief.date, gold.date);
  if (brief && !chairOk) miss(row.id, `chair ${brief.chair?.name ?? "-"}, want ${gold.chair ?? "-"}`);
  if (brief && !dateOk) miss(row.id, `date ${brief.date ?? "-"}, want ${gold.date ?? "-"}`);
  for (const [field, ok] of [["has", brief !== undefined], ["chair", chairOk], ["date", dateOk], ["monthDay", monthDayOk]] as const) {
    if (ok) for (const key of [`brief.${field}`, `brief.${field}:${row.kind}`, `brief.${field}@${row.level}`]) bump(key, part);
  }
  const named = (members: readonly { text: string; group?: true }[] | undefined) => (members ?? []).filter((m) => !m.group).map((m) => m.text);
  const participants = [...named(brief?.participants), ...(brief?.guests ?? []).map((g) => g.name)].filter((t) => t !== brief?.chair?.name);
  const attendees = named(brief?.attendees);
  tally("participants", part, textTally(participants, gold.participants));
  tally("attendees", part, textTally(attendees, gold.attendees));
  tally("onLeave", part, textTally(named(brief?.onLeave), gold.onLeave));
  bump("onLeave.asPresent", part, gold.onLeave.filter((n) => participants.includes(n) || attendees.includes(n)).length);
  bump("onLeave.gold", part, gold.onLeave.length);
  const decisions = brief?.decisions ?? [];
  const goldDecisions = gold.decisions.map((d) => {
    const start = text.indexOf(d);
    return { text: d, start, end: start + d.length };
  });
  const pairs = greedyPairs(decisions, goldDecisions, (p, g) => (shareTitle(p.text, g.text) ? 1 : g.start < 0 ? 0 : iou(p, g)), 0.5);
  tally("decisions", part, { tp: pairs.length, predicted: decisions.length, gold: goldDecisions.length });
  const statements = distinctStatements((brief?.statements ?? []).map((s) => ({ speaker: s.speaker, verb: s.verb, ...(s.speakerSpan ? { written: s.speakerSpan.text } : {}) })));
  const said = greedyPairs(statements, gold.statements, sameStatement, 1);
  tally("statements", part, { tp: said.length, predicted: statements.length, gold: gold.statements.length });
  const unpaired = <T>(list: readonly T[], taken: Set<number>) => list.filter((_, k) => !taken.has(k));
  const unmatched = <T>(list: readonly T[], side: 0 | 1, made: readonly [number, number][]) => unpaired(list, new Set(made.map((m) => m[side])));
  const showDecisions = (list: readonly { text: string }[]) => JSON.stringify(list.map((d) => d.text));
  const showStatements = (list: readonly Statement[]) => JSON.stringify(list.map((s) => `${s.speaker}/${s.verb}`));
  if (pairs.length < Math.max(decisions.length, goldDecisions.length)) miss(row.id, `decisions extra ${showDecisions(unmatched(decisions, 0, pairs))} missing ${showDecisions(unmatched(goldDecisions, 1, pairs))}`);
  if (said.length < Math.max(statements.length, gold.statements.length)) miss(row.id, `statements extra ${showStatements(unmatched(statements, 0, said))} missing ${showStatements(unmatched(gold.statements, 1, said))}`);
  const extraPeople = participants.filter((p) => !gold.participants.includes(p));
  const missingPeople = gold.participants.filter((p) => !participants.includes(p));
  if (extraPeople.length + missingPeople.length > 0) miss(row.id, `participants extra ${JSON.stringify(extraPeople)} missing ${JSON.stringify(missingPeople)}`);
}

// ---- lists ----
const STYLE: Record<string, string> = {
  yishi: "inline-shi", "yi-yao": "inline-yao", "paren-cn": "cn-paren", "paren-arabic": "arabic-paren",
  article: "di-tiao", chapter: "di-zhang", shouxian: "sequence", "di-yao": "di", di: "di",
  "cn-dun": "cn-dun", "arabic-dot": "arabic-dot", "arabic-dun": "arabic-dun", circled: "circled",
  "cn-bare": "cn-bare", dash: "dash", decimal: "decimal",
};
const listAnnotated = (row: Row, lists: Map<string, ListGold[]>) =>
  lists.has(row.id) || row.kind === "meeting" || (row.kind === "policy" && !row.url.includes("www.gov.cn/zhengce"));

function flatten(lists: readonly Enumeration[], depth = 1, into: { style: string; count: number; depth: number; markers: string; last: string[] }[] = []) {
  for (const list of lists) {
    const last = list.items.at(-1)!;
    into.push({ style: list.style, count: list.items.length, depth, markers: list.items.map((i) => i.marker.text.trim()).join(" "), last: [last.text, last.normalized ?? last.text] });
    for (const item of list.items) flatten(item.children ?? [], depth + 1, into);
  }
  return into;
}

function scoreLists(row: Row, doc: Doc, golds: ListGold[]): void {
  const part = row.split;
  bump("lists.items", part);
  const found = flatten(doc.enumerations ?? []);
  const goldStyle = (g: ListGold) => STYLE[g.style] ?? `none:${g.style}`;
  const shape = textTally(found.map((f) => `${f.style}|${f.count}|${f.depth}`), golds.map((g) => `${goldStyle(g)}|${g.count}|${g.nesting}`));
  const full = textTally(
    found.map((f) => `${f.style}|${f.count}|${f.depth}|${f.markers}`),
    golds.map((g) => `${goldStyle(g)}|${g.count}|${g.nesting}|${g.markers.join(" ")}`),
  );
  for (const suffix of ["", `@${row.level}`]) {
    bump(`lists.gold${suffix}`, part, golds.length);
    bump(`lists.exact${suffix}`, part, shape.tp);
  }
  bump("lists.markers", part, full.tp);
  // the extent of the last item, the one no next marker bounds: a list of the same shape whose last item ends there
  for (const g of golds.filter((gold) => gold.lastItemEnd !== undefined)) {
    bump("lists.endsGold", part);
    const ends = found.some((f) => f.style === goldStyle(g) && f.count === g.count && f.depth === g.nesting && f.last.some((t) => t.trimEnd().endsWith(g.lastItemEnd!)));
    if (ends) bump("lists.ends", part);
    else if (shape.tp === golds.length) miss(row.id, `last ${goldStyle(g)}×${g.count} item does not end with ${JSON.stringify(g.lastItemEnd)}`);
  }
  const styles = new Set(golds.map(goldStyle));
  const extra = found.filter((f) => !styles.has(f.style));
  bump("lists.false", part, extra.length);
  bump("lists.falseParallel", part, extra.filter((f) => f.style === "parallel").length);
  if (extra.length > 0) bump("lists.falseItems", part);
  if (shape.tp < golds.length || extra.length > 0) {
    miss(row.id, `lists ${JSON.stringify(found.map((f) => `${f.style}×${f.count}@${f.depth}`))}, want ${JSON.stringify(golds.map((g) => `${goldStyle(g)}×${g.count}@${g.nesting}`))}`);
  }
}

// ---- persons ----
const personsOf = (doc: Doc) => (doc.entities ?? []).filter((e) => e.type === "person");

function scorePersons(row: Row, doc: Doc, golds: PersonGold[] | undefined): void {
  const part = row.split;
  const persons = personsOf(doc);
  // a person's span is the text as written (padding and all); the name gongwen read there is its `normalized`
  const names = [...new Set(persons.map((p) => p.text))];
  const read = [...new Set(persons.map(shown))];
  bump("persons.oneChar", part, read.filter((n) => [...n].length === 1).length);
  bump("persons.space", part, read.filter((n) => /\s/u.test(n)).length);
  if (!golds) return;
  const pairs = new Set<string>();
  for (const p of persons) {
    const titles = (p.attrs?.titles as string[] | undefined) ?? [];
    const orgs = (p.attrs?.titleOrgs as (string | null)[] | undefined) ?? [];
    titles.forEach((t, k) => pairs.add(`${p.text}|${orgs[k] ?? ""}${t}`));
  }
  const goldNames = [...new Set(golds.map((g) => g.written ?? g.name))];
  const nameTally = textTally(names, goldNames);
  for (const key of ["persons.names", `persons.names:${row.kind}`]) tally(key, part, nameTally);
  const pairTally = textTally([...pairs], [...new Set(golds.flatMap((g) => g.titles.map((t) => `${g.written ?? g.name}|${withoutReadings(t)}`)))]);
  for (const key of ["persons.pairs", `persons.pairs@${row.level}`]) tally(key, part, pairTally);
  const extra = names.filter((n) => !goldNames.includes(n));
  const missing = goldNames.filter((n) => !names.includes(n));
  if (extra.length + missing.length > 0) miss(row.id, `persons extra ${JSON.stringify(extra)} missing ${JSON.stringify(missing)}`);
}

// ---- pages and leaks ----
function scorePage(row: Row, doc: Doc, gold: PageGold | undefined, expect: PageGold | undefined): void {
  const part = row.split;
  if (gold) {
    bump(gold.pollution ? "pollution.polluted" : "pollution.clean", part);
    if ((doc.input?.pollution?.length ?? 0) + (doc.page?.spam.length ?? 0) > 0) bump(gold.pollution ? "pollution.found" : "pollution.falseFlag", part);
  }
  if (expect?.title === undefined || expect.publishedDate === undefined) return;
  const title = doc.page?.title && shown(doc.page.title).trim();
  // the gold writes the title as the page does (traditional script, injected readings): the input's slice counts too
  const asWritten = doc.page?.title?.text.trim();
  const titleOk = expect.title === null ? title === undefined : title === expect.title || asWritten === expect.title;
  const dateOk = (doc.page?.publishedAt ?? null) === expect.publishedDate;
  for (const suffix of ["", `:${row.kind}`]) {
    bump(`page.items${suffix}`, part);
    if (titleOk) bump(`page.title${suffix}`, part);
    if (dateOk) bump(`page.date${suffix}`, part);
  }
  if (!titleOk) miss(row.id, `title ${JSON.stringify(title ?? null)}, want ${JSON.stringify(expect.title)}`);
  if (!dateOk) miss(row.id, `publishedAt ${doc.page?.publishedAt ?? "-"}, want ${expect.publishedDate ?? "-"}`);
}

const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});|\b(?:style|class|href|src)=|text-align|font-size/iu;
const PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜǹḿ]/u;

/** What a span shows a user: the text gongwen read there (`normalized`) where it differs from the input slice. */
const shown = (span: { text: string; normalized?: string }) => span.normalized ?? span.text;

/** Every text gongwen shows a user: keywords, phrases, summary sentences, entities and brief fields. */
function shownTexts(doc: Doc): string[] {
  const brief = doc.meeting;
  return [
    ...(doc.keywords ?? []).map((k) => k.text),
    ...(doc.phrases ?? []).map((k) => k.text),
    ...(doc.summary?.spans ?? []).map(shown),
    ...(doc.entities ?? []).map(shown),
    ...(brief
      ? [
          brief.title && shown(brief.title), brief.meeting && shown(brief.meeting), brief.chair?.name,
          ...[brief.participants, brief.attendees, brief.agenda, brief.decisions].flat().map(shown),
          ...brief.statements.map((s) => s.speaker), ...brief.guests.map((g) => g.name),
        ]
      : []),
  ].filter((t): t is string => t !== undefined);
}

function scoreLeaks(row: Row, doc: Doc, page: PageGold | undefined): void {
  const part = row.split;
  const shown = shownTexts(doc);
  const evidence = (page?.evidence ?? []).filter((e) => e.trim() !== "");
  const leaks = {
    markup: shown.filter((t) => MARKUP.test(t)),
    pinyin: shown.filter((t) => PINYIN.test(t)),
    evidence: shown.filter((t) => evidence.some((e) => t.includes(e))),
  };
  bump(`leak.items:${row.kind}`, part);
  for (const [kind, texts] of Object.entries(leaks)) {
    if (texts.length === 0) continue;
    bump(`leak.${kind}:${row.kind}`, part);
    bump(`leak.${kind}.values:${row.kind}`, part, texts.length);
    miss(row.id, `${kind} shown: ${JSON.stringify(texts.slice(0, 5))}`);
  }
  if (Object.values(leaks).some((t) => t.length > 0)) bump(`leak.any:${row.kind}`, part);
}

// ---- run ----
const started = performance.now();
const allRows = readRows();
const only = realworldIds(process.argv);
const rows = allRows.filter((row) => only === undefined || only.test(row.id));
const briefs = goldBy<BriefGold>("briefs.jsonl");
const lists = goldBy<ListGold>("lists.jsonl");
const persons = goldBy<PersonGold>("persons.jsonl");
const pages = goldBy<PageGold>("pages.jsonl");
const rowOf = new Map(allRows.map((row) => [row.id, row]));
const analyzers = new Map<string, Analyzer>();
for (const row of rows) {
  // an encoding file must give everything its source item gives: it is scored against that item's gold
  const page = pages.get(row.id)?.[0];
  const goldRow = rowOf.get(page?.sourceId ?? row.id)!;
  const goldId = goldRow.id;
  const text = cliText(row);
  if (row.kind === "encoding") {
    bump("encoding.items", row.split);
    if (text.includes("\uFFFD") || text.includes("\u0000")) bump("encoding.garbage", row.split);
  }
  const config = `${row.retrieved} ${row.url}`;
  let analyzer = analyzers.get(config);
  if (!analyzer) analyzers.set(config, (analyzer = createAnalyzer({ referenceDate: row.retrieved, url: row.url })));
  const doc = analyzer.analyze(text);
  if (row.format === "html") {
    bump("html.items", row.split);
    if (doc.input?.format === "html") bump("html.read", row.split);
  }
  bump("items", row.split);
  bump(`items:${row.kind}`, row.split);
  scoreBrief(row, text, doc, briefs.get(goldId));
  if (listAnnotated(goldRow, lists)) scoreLists(row, doc, lists.get(goldId) ?? []);
  scorePersons(row, doc, persons.get(goldId));
  scorePage(row, doc, page, page?.title === undefined ? pages.get(goldId)?.[0] : page);
  scoreLeaks(row, doc, page);
}
const seconds = (performance.now() - started) / 1000;

// ---- print ----
const pct = (n: number, d: number) => (d === 0 ? "–" : `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`);
const share = (num: string, den: string) => PARTS.map((p) => pct(got(num, p), got(den, p)));
const f = (x: number) => (100 * x).toFixed(1);
const prfCells = (key: string) =>
  PARTS.map((p) => {
    const t = tallies.get(key)?.[p] ?? emptyTally();
    if (t.gold === 0 && t.predicted === 0) return "–";
    const { p: precision, r, f1 } = prf(t);
    return `${f(precision)} / ${f(r)} / ${f(f1)} (${t.tp}/${t.predicted}/${t.gold})`;
  });
const both = (key: string) => PARTS.map((p) => String(got(key, p)));

let commit = "";
try {
  commit = ` at ${execSync("git rev-parse --short HEAD", { cwd: projectRoot, encoding: "utf8" }).trim()}`;
} catch {
  commit = "";
}
console.log(`\nReal-world pages: gongwen as it is${commit}: dev | held-out (rules are written against the dev part only, never a held-out item)`);
console.log(`${got("items", "dev")} dev / ${got("items", "heldout")} held-out items (test/fixtures/realworld), ${seconds.toFixed(1)} s\n`);

console.log("Meeting briefs (items with a gold brief)\n");
printTable(["", "dev", "held-out"], [
  ["brief reported", ...share("brief.has", "brief.items")],
  ["chair right", ...share("brief.chair", "brief.items")],
  ["date right (ISO; month-day when the gold has no year)", ...share("brief.date", "brief.items")],
  ["date right, month and day only", ...share("brief.monthDay", "brief.items")],
  ["brief on an item with no gold brief", ...share("noBrief.reported", "noBrief.items")],
]);
console.log("");
printTable(["field: P / R / F1 % (tp/reported/gold)", "dev", "held-out"], [
  ["participants", ...prfCells("participants")],
  ["attendees (列席)", ...prfCells("attendees")],
  ["on leave (请假)", ...prfCells("onLeave")],
  ["decisions", ...prfCells("decisions")],
  ["statements (speaker, verb)", ...prfCells("statements")],
]);
console.log(`\non-leave names reported as participants or attendees: ${PARTS.map((p) => `${p} ${got("onLeave.asPresent", p)}/${got("onLeave.gold", p)}`).join(", ")}`);

console.log("\nLists (list-annotated items)\n");
printTable(["", "dev", "held-out"], [
  ["list-annotated items", ...both("lists.items")],
  ["gold lists exact (style, count, nesting)", ...share("lists.exact", "lists.gold")],
  ["… and the same marker texts", ...share("lists.markers", "lists.gold")],
  ["last item ends where the gold says (lists with an annotated end)", ...share("lists.ends", "lists.endsGold")],
  ["false lists (style absent from the item's gold)", ...both("lists.false")],
  ["… of them parallel (排比) series", ...both("lists.falseParallel")],
  ["items with a false list", ...share("lists.falseItems", "lists.items")],
]);

console.log("\nPersons with titles (items with person gold)\n");
printTable(["", "dev", "held-out"], [
  ["names: P / R / F1 % (tp/reported/gold)", ...prfCells("persons.names")],
  ["(name, title) pairs: P / R / F1 %", ...prfCells("persons.pairs")],
  ["one-character persons (all items)", ...both("persons.oneChar")],
  ["persons containing whitespace (all items)", ...both("persons.space")],
]);

console.log("\nPages (items with page gold)\n");
printTable(["", "dev", "held-out"], [
  ["title right", ...share("page.title", "page.items")],
  ["publication date right", ...share("page.date", "page.items")],
  ["polluted pages flagged (input.pollution or page.spam)", ...share("pollution.found", "pollution.polluted")],
  ["clean pages flagged", ...share("pollution.falseFlag", "pollution.clean")],
  ["encoding files: the text read holds U+FFFD/NUL garbage", ...share("encoding.garbage", "encoding.items")],
  ["HTML items read as HTML (format auto)", ...share("html.read", "html.items")],
]);

console.log("\nMarkup, pinyin and pollution evidence shown in keywords, summary, entities or brief (items with a leak)\n");
printTable(
  ["kind", "markup dev", "markup held-out", "pinyin dev", "pinyin held-out", "evidence dev", "evidence held-out"],
  KINDS.map((kind) => [
    kind,
    ...["markup", "pinyin", "evidence"].flatMap((leak) => PARTS.map((p) => pct(got(`leak.${leak}:${kind}`, p), got(`leak.items:${kind}`, p)))),
  ]),
);

console.log("\nBy kind\n");
printTable(
  ["kind", "items dev", "items held-out", "brief dev", "brief held-out", "chair dev", "chair held-out", "person F1 dev", "person F1 held-out", "title dev", "title held-out", "pub. date dev", "pub. date held-out"],
  KINDS.map((kind) => [
    kind,
    ...both(`items:${kind}`),
    ...share(`brief.has:${kind}`, `brief.items:${kind}`),
    ...share(`brief.chair:${kind}`, `brief.items:${kind}`),
    ...PARTS.map((p) => {
      const t = tallies.get(`persons.names:${kind}`)?.[p];
      return t && t.gold + t.predicted > 0 ? f(prf(t).f1) : "–";
    }),
    ...share(`page.title:${kind}`, `page.items:${kind}`),
    ...share(`page.date:${kind}`, `page.items:${kind}`),
  ]),
);

console.log("\nBy publisher level (sources.tsv `level`): where the rules hold and where they do not\n");
const levels = [...new Set(rows.map((row) => row.level))].sort();
const f1Cells = (key: string) =>
  PARTS.map((p) => {
    const t = tallies.get(key)?.[p];
    return t && t.gold + t.predicted > 0 ? `${f(prf(t).f1)} (${t.gold})` : "–";
  });
printTable(
  ["level", "items dev", "items held-out", "chair dev", "chair held-out", "date dev", "date held-out", "lists exact dev", "lists exact held-out", "pairs F1 dev", "pairs F1 held-out"],
  levels.map((level) => [
    level,
    ...PARTS.map((p) => String(rows.filter((row) => row.level === level && row.split === p).length)),
    ...share(`brief.chair@${level}`, `brief.items@${level}`),
    ...share(`brief.date@${level}`, `brief.items@${level}`),
    ...share(`lists.exact@${level}`, `lists.gold@${level}`),
    ...f1Cells(`persons.pairs@${level}`),
  ]),
);

if (details) {
  for (const [id, list] of [...missesOf].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`\n## ${id}`);
    for (const line of list) console.log(`- ${line}`);
  }
}
