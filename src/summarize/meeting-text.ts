/**
 * The view of a Doc that the meeting brief reads: the article's paragraphs (lines), its full sentences (the
 * sentence stage cuts at `；` too; a brief needs the whole `…；…。` sentence), and the entities by type, each list
 * sorted so that lookups by range are binary searches.
 */
import { spansWithin } from "../keywords/content.js";
import type { Doc, Entity, Span } from "../schema.js";
import { contentRanges } from "../text/page.js";

export interface MeetingText {
  text: string;
  /** Non-empty lines of the article (the title region excluded), trimmed. */
  paragraphs: Span[];
  /** Sentences that end in 。！？ or a line break, in order; each lies inside one paragraph. */
  sentences: Span[];
  /** Clauses (cut at ，；：) in order. */
  clauses: Span[];
  persons: Entity[];
  orgs: Entity[];
  dates: Entity[];
  meetings: Entity[];
  title?: Span;
}

const SEMICOLONS = new Set(["；", ";"]);
const BLANK = /\s/u;

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Non-empty trimmed lines of `range`. */
function linesOf(text: string, range: Span, into: Span[]): void {
  let start = range.start;
  for (let i = range.start; i <= range.end; i++) {
    if (i < range.end && text[i] !== "\n" && text[i] !== "\r") continue;
    let a = start;
    let b = i;
    while (a < b && BLANK.test(text[a]!)) a++;
    while (b > a && BLANK.test(text[b - 1]!)) b--;
    if (b > a) into.push(span(text, a, b));
    start = i + 1;
  }
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

export function meetingText(doc: Doc, scope: "article" | "all" = "article"): MeetingText {
  const ranges = contentRanges(doc, scope);
  const title = doc.page?.title;
  const paragraphs: Span[] = [];
  for (const range of ranges) {
    if (title && range.start === title.start && range.end === title.end) continue;
    linesOf(doc.text, range, paragraphs);
  }
  const sentences = fullSentences(doc.text, spansWithin(doc.sentences, paragraphs), paragraphs);
  const clauses = spansWithin(doc.clauses ?? doc.sentences, paragraphs);
  const entities = spansWithin(doc.entities ?? [], paragraphs);
  const ofType = (type: Entity["type"]) => entities.filter((e) => e.type === type);
  return {
    text: doc.text,
    paragraphs,
    sentences,
    clauses,
    persons: ofType("person"),
    orgs: ofType("org"),
    dates: ofType("date"),
    meetings: ofType("meeting"),
    ...(title ? { title } : {}),
  };
}

/** Index of the first span whose end is after `offset` (binary search over spans sorted by start and end). */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans lying wholly inside `[start, end)`. */
export function within<T extends Span>(spans: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = firstEndingAfter(spans, start); i < spans.length && spans[i]!.start < end; i++) {
    const s = spans[i]!;
    if (s.start >= start && s.end <= end) out.push(s);
  }
  return out;
}

/** First index of `word` inside `[start, end)`, or -1; never reads past `end` (keeps repeated searches linear). */
export function find(text: string, word: string, start: number, end: number): number {
  const at = text.slice(start, end).indexOf(word);
  return at < 0 ? -1 : start + at;
}

/** Last index of `word` inside `[start, end)`, or -1. */
export function findLast(text: string, word: string, start: number, end: number): number {
  const at = text.slice(start, end).lastIndexOf(word);
  return at < 0 ? -1 : start + at;
}

/** The span containing `offset`, if any. */
export function containing<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  const s = spans[firstEndingAfter(spans, offset)];
  return s && s.start <= offset ? s : undefined;
}
