/**
 * What may be a keyword: the term shape (core/terms.ts, shared with summaries and the IDF build), the
 * part-of-speech test, and the genre stopwords of dict/stopwords.txt.
 */
import { dictParseError, readDictLines } from "../dict.js";
import type { StopwordKind } from "../core/resources.js";
import type { Token } from "../core/schema.js";
import { termShape } from "../core/terms.js";

/**
 * Parts of speech a keyword may have (jieba tags): nouns and names, verbal nouns, verbs, fixed expressions (l, i),
 * abbreviations (j), nominal adjectives (an), unknown Han words (x: jieba's tag for many person names), acronyms.
 */
const KEYWORD_POS = new Set(["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "vn", "l", "j", "an", "x", "eng"]);
/** Parts of speech that may sit inside a key phrase: nominal words only (a verb makes it a clause). */
const PHRASE_POS = new Set(["n", "nz", "ng", "ns", "nt", "vn", "l", "j", "an", "x"]);
/** Parts of speech that may end a key phrase: Chinese noun phrases are head-final. */
const PHRASE_HEAD_POS = new Set(["n", "nz", "ng", "nt", "vn", "l", "j", "an"]);

/** `stop`: never a keyword nor part of a phrase; `modifier`: never a keyword alone, but may be part of a phrase. */
/**
 * jieba tags unknown runs `x`: person names (雷承锋, 王鹏) but also debris glued to a function character
 * (地以 from 坚定不移地以, 宋海宏对, 这所); such debris begins or ends with one of these.
 */
const FUNCTION_EDGE = /^[的地得以对在是了和与及要这那就也都而并于为被把将从向]|[的地得以对在是了和与及要这那就也都而并于为被把将从向]$/u;

const isDebris = (token: Token) => token.pos === "x" && FUNCTION_EDGE.test(token.text);

let stopwords: Map<string, StopwordKind> | undefined;

/** dict/stopwords.txt, loaded once. */
export function loadStopwords(): ReadonlyMap<string, StopwordKind> {
  if (stopwords) return stopwords;
  const map = new Map<string, StopwordKind>();
  for (const entry of readDictLines("stopwords.txt")) {
    const [word, kind, ...rest] = entry.fields;
    if (!word || rest.length > 0 || (kind !== undefined && kind !== "modifier")) {
      throw dictParseError("stopwords.txt", entry, "expected `word` or `word modifier`");
    }
    map.set(word, kind === "modifier" ? "modifier" : "stop");
  }
  stopwords = map;
  return map;
}

/** The term a token offers as a keyword candidate, or undefined. */
export function keywordTerm(token: Token, stop: ReadonlyMap<string, StopwordKind>): string | undefined {
  const term = termShape(token);
  if (term === undefined || !KEYWORD_POS.has(token.pos) || stop.has(term) || isDebris(token)) return undefined;
  return term;
}

/** How a token may take part in a key phrase: `inner` (any place but the last), `head` (any place) or not at all. */
export type PhraseRole = "inner" | "head";

/** The role a token may play in a key phrase, or undefined when it breaks one. */
export function phraseRole(token: Token, stop: ReadonlyMap<string, StopwordKind>): PhraseRole | undefined {
  const term = termShape(token);
  if (term === undefined || !PHRASE_POS.has(token.pos) || isDebris(token) || stop.get(term) === "stop") return undefined;
  return PHRASE_HEAD_POS.has(token.pos) ? "head" : "inner";
}
