/**
 * What may be a keyword: the term shape (core/terms.ts, shared with summaries and the IDF build), the
 * part-of-speech test, and the genre stopwords of dict/stopwords.txt.
 */
import { dictParseError, readDictLines } from "../dict.js";
import type { Resources, StopwordKind } from "../core/resources.js";
import type { Token } from "../core/schema.js";
import { Scratch } from "../core/scratch.js";
import type { ContentTokens } from "../core/terms.js";

/** A part of speech's roles (bits): may be a keyword, may sit inside a key phrase, may end one. */
const KEYWORD = 1;
const INSIDE_PHRASE = 2;
const ENDS_PHRASE = 4;
/**
 * Parts of speech a keyword may have (jieba tags): nouns and names, verbal nouns, fixed expressions (l),
 * abbreviations (j), nominal adjectives (an), unknown Han words (x: jieba's tag for many person names), acronyms.
 * Inside a key phrase, nominal words only (a verb makes it a clause); at its end a nominal head (Chinese noun
 * phrases are head-final).
 */
const POS_ROLES = new Map<string, number>([
  ["n", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["nr", KEYWORD],
  ["nrt", KEYWORD],
  ["nrfg", KEYWORD],
  ["ns", KEYWORD | INSIDE_PHRASE],
  ["nt", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["nz", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["ng", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["vn", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["l", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["j", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["an", KEYWORD | INSIDE_PHRASE | ENDS_PHRASE],
  ["x", KEYWORD | INSIDE_PHRASE],
  ["eng", KEYWORD],
]);

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
  /** Per token: the id of its text (-1 for a token that can be no term: see ContentTokens). */
  ids: Int32Array;
  /** Per id: the text. */
  texts: string[];
  /** Per id: how many tokens have this text. */
  counts: Int32Array;
  /** Per id: its IDF in the table given to readTokens. */
  idf(id: number): number;
  /** Per token: 1 when its text is a keyword candidate there (a term, of a keyword part of speech, no stopword). */
  terms: Uint8Array;
  /** Per token: NO_PHRASE, PHRASE_INNER or PHRASE_HEAD. */
  roles: Uint8Array;
}

/** The arrays of the TokenTable, reused from document to document (core/scratch.ts). */
const TABLE = {
  ids: new Scratch(Int32Array),
  counts: new Scratch(Int32Array),
  terms: new Scratch(Uint8Array),
  roles: new Scratch(Uint8Array),
};

/**
 * Reads the content tokens into a {@link TokenTable}, through the process's term lexicon (what a text is, is
 * looked up once per process; each token's text id once per Doc: core/terms.ts). Linear in tokens. The table is
 * valid until the next call.
 */
export function readTokens(content: ContentTokens, resources: Pick<Resources, "idf" | "stopwords">): TokenTable {
  const { tokens, lexicon } = content;
  // a Resources field may be a getter (pipeline.ts): read once, not per token
  const { stopwords, idf } = resources;
  const numbering = lexicon.numbering();
  const ids = TABLE.ids.take(tokens.length);
  const counts = TABLE.counts.take(tokens.length);
  const terms = TABLE.terms.take(tokens.length);
  const roles = TABLE.roles.take(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const known = content.ids[i]!;
    // a single unit (的, 在), a number or a mark is never a term, and only terms' ids and counts are read
    if (known < 0) {
      ids[i] = -1;
      continue;
    }
    const token = tokens[i]!;
    const id = numbering.of(known);
    ids[i] = id;
    counts[id]!++;
    // the part of speech first: most tokens fail it
    const pos = POS_ROLES.get(token.pos);
    if (pos === undefined || !lexicon.isTerm(known, token.kind) || isDebris(token)) continue;
    // a term is the token's own text (core/terms.ts), so candidates are identified by text id
    const kind = lexicon.stopword(stopwords, known);
    if (kind === undefined && pos & KEYWORD) terms[i] = 1;
    if (kind !== "stop" && pos & INSIDE_PHRASE) roles[i] = pos & ENDS_PHRASE ? PHRASE_HEAD : PHRASE_INNER;
  }
  const known = numbering.ids;
  return {
    ids,
    texts: known.map((id) => lexicon.texts[id]!),
    counts: counts.subarray(0, known.length),
    idf: (id) => lexicon.idf(idf, known[id]!),
    terms,
    roles,
  };
}
