/**
 * Person, place and organisation names in running text, from the statistical tagger (tagger.ts), with two repairs
 * its labels need:
 * - names written one after another without separators (a name list with its spaces removed: 李瑞环彭真朱镕基)
 *   come out as one long span; it is cut at jieba's name words;
 * - a surname with a title (江主席, 李总理) is a person named by the surname alone: the title is cut off.
 */
import type { EntityLexicon } from "./lexicon.js";
import { longestEndingAt, longestStartingAt } from "./lexicon.js";
import { labelSpans, tagCharacters } from "./tagger.js";
import { isPersonTag, type TokenIndex, tokenCovering } from "./tokens.js";

export interface NameMatch {
  type: "person" | "place" | "org";
  start: number;
  end: number;
}

const TYPES = { PER: "person", LOC: "place", ORG: "org" } as const;
/** Longest single Chinese name (复姓 + two given characters); longer person spans are lists. */
const MAX_NAME = 4;
const FOREIGN_SEPARATORS = /[·•．.]/u;

/** Single-character abbreviations of countries and provinces in news (中美, 访华, 在京). */
const ABBREVIATED_PLACES = new Set([..."中美俄日英法德韩朝印巴以欧非亚澳港台华京沪津渝藏疆粤川鲁苏浙闽湘鄂豫晋冀辽吉黑皖赣桂琼黔滇陕甘青宁蒙"]);
/** Verbs that take a one-character place (访华, 驻华, 来京, 离京, 赴港). */
const PLACE_VERBS = new Set([..."访驻来赴抵离在回返出入"]);

/** A one-character place only counts next to another (中美, 印巴) or after a travel verb (访华, 在京). */
function isAbbreviatedPlace(text: string, spans: ReturnType<typeof labelSpans>, k: number): boolean {
  const span = spans[k]!;
  if (!ABBREVIATED_PLACES.has(text[span.start]!)) return false;
  const touches = (other: (typeof spans)[number] | undefined) =>
    other !== undefined && other.type === "LOC" && (other.end === span.start || other.start === span.end);
  return touches(spans[k - 1]) || touches(spans[k + 1]) || PLACE_VERBS.has(text[span.start - 1] ?? "");
}

/** Is the span exactly one dictionary word jieba does not tag as a name (高水平, 权威, 施工图)? */
function isCommonWord(index: TokenIndex, start: number, end: number): boolean {
  const token = tokenCovering(index, start);
  if (!token || token.start !== start || token.end !== end || end - start < 2) return false;
  return !NAME_LIKE_TAGS.has(token.pos);
}

const NAME_LIKE_TAGS = new Set(["nr", "nrfg", "nrt", "ns", "nt", "nz", "x", "j", "eng"]);

/** A person span should start with a surname, hold a word jieba tags as a name, or be a foreign name with ·. */
function looksLikeName(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): boolean {
  if (longestStartingAt(lexicon.surnames, text, start, end) || FOREIGN_SEPARATORS.test(text.slice(start, end))) return true;
  for (let i = start; i < end; ) {
    const token = tokenCovering(index, i);
    if (!token) return false;
    if (isPersonTag(token.pos)) return true;
    i = token.end;
  }
  return false;
}

/** Cuts a run of names at jieba's words: each word tagged as a name, or a surname with one or two characters. */
function splitNameRun(text: string, index: TokenIndex, start: number, end: number): NameMatch[] {
  const pieces: NameMatch[] = [];
  let pieceStart = start;
  let i = start;
  while (i < end) {
    const token = tokenCovering(index, i);
    const tokenEnd = token ? Math.min(token.end, end) : i + 1;
    if (token && isPersonTag(token.pos) && token.start >= start && tokenEnd - token.start >= 2) {
      if (i > pieceStart) pieces.push({ type: "person", start: pieceStart, end: i });
      pieces.push({ type: "person", start: i, end: tokenEnd });
      pieceStart = tokenEnd;
    } else if (tokenEnd - pieceStart > MAX_NAME - 1) {
      pieces.push({ type: "person", start: pieceStart, end: i > pieceStart ? i : tokenEnd });
      pieceStart = i > pieceStart ? i : tokenEnd;
    }
    i = tokenEnd;
  }
  if (end > pieceStart) pieces.push({ type: "person", start: pieceStart, end });
  return pieces.filter((p) => p.end - p.start >= 2 && p.end - p.start <= MAX_NAME);
}

/**
 * Names the tagger finds in `text`.
 *
 * @example
 * taggedNames(text, index, lexicon) // "克林顿总统会见了江主席" → [person 克林顿, person 江]
 */
export function taggedNames(text: string, index: TokenIndex, lexicon: EntityLexicon): NameMatch[] {
  const spans = labelSpans(tagCharacters(text, index, lexicon));
  const out: NameMatch[] = [];
  spans.forEach((span, k) => {
    const type = TYPES[span.type];
    if (isCommonWord(index, span.start, span.end)) return;
    if (type === "place") {
      if (span.end - span.start > 1 || isAbbreviatedPlace(text, spans, k)) out.push({ type, start: span.start, end: span.end });
      return;
    }
    if (type === "org") {
      out.push({ type, start: span.start, end: span.end });
      return;
    }
    if (!looksLikeName(text, index, lexicon, span.start, span.end)) return;
    const title = longestEndingAt(lexicon.titles, text, span.end, span.start + 1);
    if (title && title.value === "office") {
      out.push({ type, start: span.start, end: title.start });
    } else if (span.end - span.start > MAX_NAME && !FOREIGN_SEPARATORS.test(text.slice(span.start, span.end))) {
      out.push(...splitNameRun(text, index, span.start, span.end));
    } else {
      out.push({ type, start: span.start, end: span.end });
    }
  });
  return out;
}
