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

/** A token's part in a key phrase: none, any place but the last, or any place (a nominal head may end one). */
export const NO_PHRASE = 0;
export const PHRASE_INNER = 1;
export const PHRASE_HEAD = 2;

/**
 * The content tokens read once for the keyword stage: each token's text as an id into the document's own
 * vocabulary (so later steps count and look up numbers, not strings), whether it offers its text as a keyword
 * candidate, and its part in a key phrase.
 */
export interface TokenTable {
  /** Per token: the id of its text. */
  ids: Int32Array;
  /** Per id: the text. */
  texts: string[];
  /** Per id: how many tokens have this text. */
  counts: Int32Array;
  /** Per token: 1 when its text is a keyword candidate there (a term, of a keyword part of speech, no stopword). */
  terms: Uint8Array;
  /** Per token: NO_PHRASE, PHRASE_INNER or PHRASE_HEAD. */
  roles: Uint8Array;
}

/** Reads `tokens` (already limited to the content) into a {@link TokenTable}. Linear in tokens. */
export function readTokens(tokens: readonly Token[], stop: ReadonlyMap<string, StopwordKind>): TokenTable {
  const ids = new Int32Array(tokens.length);
  const counts = new Int32Array(tokens.length);
  const terms = new Uint8Array(tokens.length);
  const roles = new Uint8Array(tokens.length);
  const texts: string[] = [];
  const idOf = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let id = idOf.get(token.text);
    if (id === undefined) {
      id = texts.length;
      idOf.set(token.text, id);
      texts.push(token.text);
    }
    ids[i] = id;
    counts[id]!++;
    // the part of speech first: most tokens fail it, and it is cheaper than the term's shape
    const keywordPos = KEYWORD_POS.has(token.pos);
    const phrasePos = PHRASE_POS.has(token.pos);
    if (!keywordPos && !phrasePos) continue;
    // a term is the token's own text (core/terms.ts), so candidates are identified by text id
    const term = termShape(token);
    if (term === undefined || isDebris(token)) continue;
    const kind = stop.get(term);
    if (kind === undefined && keywordPos) terms[i] = 1;
    if (kind !== "stop" && phrasePos) roles[i] = PHRASE_HEAD_POS.has(token.pos) ? PHRASE_HEAD : PHRASE_INNER;
  }
  return { ids, texts, counts: counts.subarray(0, texts.length), terms, roles };
}
