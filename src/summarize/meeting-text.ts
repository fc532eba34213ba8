/**
 * The view of a Doc that the meeting brief reads: the article's paragraphs (lines), its full sentences (the
 * sentence stage cuts at `；` too; a brief needs the whole `…；…。` sentence), and the entities by type, each list
 * sorted so that lookups by range are binary searches.
 */
import type { DateEntity, Doc, EntityOf, EntityType, Enumeration, OrgEntity, PersonEntity, Span } from "../core/schema.js";
import { contentRanges, countBelow, spansWithin } from "../core/spans.js";
import { isBlank, trimmedLines } from "../core/text.js";

export interface MeetingText {
  text: string;
  /** Non-empty lines of the article (the title region excluded), trimmed. */
  paragraphs: Span[];
  /** Sentences that end in 。！？ or a line break, in order; each lies inside one paragraph. */
  sentences: Span[];
  /** The sentence stage's sentences (cut at `；` too): the items of a `…；…；…。` chain. */
  units: Span[];
  /** Clauses (cut at ，；：) in order. */
  clauses: Span[];
  persons: PersonEntity[];
  orgs: OrgEntity[];
  dates: DateEntity[];
  /** Meetings the entity stage named (`调研座谈会`, `2023年第11次党委(扩大)会议`). */
  meetings: Span[];
  /**
   * Where the markers of the enumeration stage's numbered list items start (`一是`, `（二）`), nested lists included,
   * each with its list; a parallel series' lead (`会议表决通过了` on every line) is no marker.
   */
  markerStarts: ReadonlyMap<number, Enumeration>;
  title?: Span;
  /** The page's publication date (`doc.page.publishedAt`). */
  publishedAt?: string;
  /** The caller's reference date, for a page without a date of its own. */
  referenceDate?: string;
}

const SEMICOLONS = new Set(["；", ";"]);
/** Marks `trimEnd` drops, besides blanks. */
const TRAILING_PUNCTUATION = new Set([..."，,；;：:。！？!?"]);

/**
 * The span `[start, end)` of `text`.
 *
 * @example
 * span("会议指出", 0, 2); // → { start: 0, end: 2, text: "会议" }
 */
export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/**
 * `s` without trailing punctuation and blanks.
 *
 * @example
 * trimEnd(text, { start: 0, end: 5, text: "召开会议，" }).text; // → "召开会议"
 */
export function trimEnd(text: string, s: Span): Span {
  // a scan back by character: an end-anchored regex would retry from every comma or blank of a long span
  let end = s.end;
  while (end > s.start && (TRAILING_PUNCTUATION.has(text[end - 1]!) || isBlank(text[end - 1]!))) end--;
  return span(text, s.start, end);
}

const STOPS = new Set([..."。！？"]);

/**
 * `…召开”同心庆双节 奋进建新功“中秋国庆座谈会。校党委书记…出席会议并讲话。…`: quotation marks typed the wrong way
 * round (” before “) read as a quotation that runs on, so the sentence stage ends no sentence inside; such a span is
 * cut after each full stop in it.
 */
function atStops(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const opened = s.text.indexOf("”");
    const closed = s.text.indexOf("“");
    if (opened < 0 || closed < 0 || opened > closed) {
      out.push(s);
      continue;
    }
    let from = s.start;
    for (let i = s.start; i < s.end - 1; i++) {
      if (!STOPS.has(text[i]!)) continue;
      out.push(span(text, from, i + 1));
      from = i + 1;
    }
    out.push(span(text, from, s.end));
  }
  return out;
}

/** Joins sentences that end in a semicolon with the next one in the same paragraph. */
function fullSentences(text: string, sentences: readonly Span[], paragraphs: readonly Span[]): Span[] {
  const out: Span[] = [];
  let p = 0;
  // the sentence being joined, as offsets (its text is cut once, when it closes)
  let open: { start: number; end: number } | undefined;
  const close = () => {
    if (open) out.push(span(text, open.start, open.end));
    open = undefined;
  };
  for (const sentence of sentences) {
    while (p < paragraphs.length && paragraphs[p]!.end < sentence.end) p++;
    const paragraph = paragraphs[p];
    if (!paragraph || sentence.start < paragraph.start) continue;
    if (open && open.start >= paragraph.start) open.end = sentence.end;
    else {
      close();
      open = { start: sentence.start, end: sentence.end };
    }
    if (!SEMICOLONS.has(text[sentence.end - 1]!)) close();
  }
  close();
  return out;
}

/** Starts of the markers of every item of the numbered lists in `lists`, nested lists included, with their list. */
function markerStarts(lists: readonly Enumeration[], into = new Map<number, Enumeration>()): Map<number, Enumeration> {
  for (const list of lists) {
    for (const item of list.items) {
      if (list.style !== "parallel") into.set(item.marker.start, list);
      if (item.children) markerStarts(item.children, into);
    }
  }
  return into;
}

/**
 * The brief's view of an analysed Doc.
 *
 * @example
 * meetingText(seedDoc).paragraphs[0].text.slice(0, 6); // → "5月17日,"
 */
export function meetingText(doc: Doc, scope: "article" | "all" = "article", referenceDate?: string): MeetingText {
  const ranges = contentRanges(doc, scope);
  const title = doc.page?.title;
  const paragraphs: Span[] = [];
  for (const range of ranges) {
    if (title && range.start === title.start && range.end === title.end) continue;
    paragraphs.push(...trimmedLines(doc.text, range.start, range.end));
  }
  const units = atStops(doc.text, spansWithin(doc.sentences, paragraphs));
  const sentences = fullSentences(doc.text, units, paragraphs);
  const clauses = atStops(doc.text, spansWithin(doc.clauses ?? doc.sentences, paragraphs));
  const entities = spansWithin(doc.entities ?? [], paragraphs);
  const ofType = <T extends EntityType>(type: T) => entities.filter((e): e is EntityOf<T> => e.type === type);
  return {
    text: doc.text,
    paragraphs,
    sentences,
    units,
    clauses,
    persons: ofType("person"),
    orgs: ofType("org"),
    dates: ofType("date"),
    meetings: ofType("meeting"),
    markerStarts: markerStarts(doc.enumerations ?? []),
    ...(title ? { title } : {}),
    ...(doc.page?.publishedAt ? { publishedAt: doc.page.publishedAt } : {}),
    ...(referenceDate ? { referenceDate } : {}),
  };
}

/**
 * Index of the first span whose end is after `offset` (binary search over spans sorted by start and end).
 *
 * @example
 * firstEndingAfter([{ start: 0, end: 2, text: "会议" }, { start: 2, end: 4, text: "指出" }], 2); // → 1
 */
export const firstEndingAfter = (spans: readonly Span[], offset: number): number => countBelow(spans, offset + 1, (s) => s.end);

/**
 * The spans lying wholly inside `[start, end)`.
 *
 * @example
 * within(mt.persons, sentence.start, sentence.end).map((p) => p.text); // → ["雷承锋"]
 */
export function within<T extends Span>(spans: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = firstEndingAfter(spans, start); i < spans.length && spans[i]!.start < end; i++) {
    const s = spans[i]!;
    if (s.start >= start && s.end <= end) out.push(s);
  }
  return out;
}

/**
 * First index of `word` inside `[start, end)`, or -1; never reads past `end` (keeps repeated searches linear).
 *
 * @example
 * find("会议指出，要求", "要求", 0, 7); // → 5
 */
export function find(text: string, word: string, start: number, end: number): number {
  const at = text.slice(start, end).indexOf(word);
  return at < 0 ? -1 : start + at;
}

/**
 * Last index of `word` inside `[start, end)`, or -1.
 *
 * @example
 * findLast("全会由中央政治局主持", "由", 0, 8); // → 2
 */
export function findLast(text: string, word: string, start: number, end: number): number {
  const at = text.slice(start, end).lastIndexOf(word);
  return at < 0 ? -1 : start + at;
}

/**
 * The span containing `offset`, if any.
 *
 * @example
 * containing(mt.clauses, lead.predicate.start)?.text; // the clause with 召开
 */
export function containing<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  const s = spans[firstEndingAfter(spans, offset)];
  return s && s.start <= offset ? s : undefined;
}
