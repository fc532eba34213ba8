/**
 * The term a token stands for, shared by the keyword and summary stages and the IDF build
 * (bench/tools/build-idf.ts), so that IDF counts and lookups agree; and the process's lexicon of token texts, which
 * remembers for each text what those stages ask of it.
 */
import { createRequire } from "node:module";
import type { IdfTable, StopwordKind } from "./resources.js";
import type { Doc, Span, Token } from "./schema.js";
import { contentRanges, spansWithin } from "./spans.js";

const HAN = /\p{Script=Han}/u;
/** Acronyms such as GDP, APEC, WTO: Latin letters only, at least one capital (122cc and 5G fail). */
const ACRONYM = /^[A-Za-zＡ-Ｚａ-ｚ]{2,10}$/u;
const CAPITAL = /[A-ZＡ-Ｚ]/u;
/**
 * A capitalised English word (Conference, Follow, The): Chinese official text writes Latin terms as acronyms (GDP,
 * CPI, APEC), so a word of one capital and lower case letters comes from English prose (a bilingual press release's
 * English half, a heading's translation), not a term of the document.
 */
const TITLE_CASE = /^[A-ZＡ-Ｚ][a-zａ-ｚ]+$/u;

let englishStopwords: ReadonlySet<string> | undefined;
/**
 * Is `text` in natural's English stopword list (THE, AND, WITH in an upper-case English heading)? Two letters never
 * are: IT, AI, UN are acronyms in Chinese text far more often than English words. The list is read through natural's
 * side-effect-free deep module, once: natural's root loads storage back-ends and runs dotenv.
 */
function isEnglishStopword(text: string): boolean {
  if (text.length < 3) return false;
  englishStopwords ??= new Set(
    (createRequire(import.meta.url)("natural/lib/natural/util/stopwords.js") as { words: string[] }).words,
  );
  return englishStopwords.has(text.toLowerCase());
}

/**
 * The term a token stands for in IDF counts and keyword candidates, or undefined: words of two or more characters
 * with a Han character, and Latin acronyms. Numbers, dates, punctuation, spaces, single characters, capitalised
 * English words and English stopwords never are.
 */
export function termShape(token: Pick<Token, "kind" | "text">): string | undefined {
  if (token.kind === "word") {
    const text = token.text;
    if (text.length < 2 || (text.length === 2 && text.codePointAt(0)! > 0xffff)) return undefined;
    return HAN.test(text) && !/\d/u.test(text) ? text : undefined;
  }
  if (token.kind === "latin" && ACRONYM.test(token.text) && CAPITAL.test(token.text)) {
    return TITLE_CASE.test(token.text) || isEnglishStopword(token.text) ? undefined : token.text;
  }
  return undefined;
}

/** Past this many texts the lexicon starts over (~15 MB at the limit, as the segmenter's tag memo). */
const LEXICON_LIMIT = 200_000;
/** V8 keeps a slice this long as a view of its whole source string: the lexicon stores a copy instead. */
const SLICE_MIN_LENGTH = 13;

/** Bits of TermLexicon's per-text facts: whether termShape was asked as a word (Latin), and its answer. */
const WORD_ASKED = 1;
const WORD_TERM = 2;
const LATIN_ASKED = 4;
const LATIN_TERM = 8;
/** Stopword kinds as remembered per text: 0 is not yet asked. */
const STOP_CODES = { none: 1, modifier: 2, stop: 3 } as const;

/**
 * Token texts numbered once per process, with what the keyword and summary stages ask of each: whether it is a term
 * (termShape) as a word and as a Latin token, its IDF in a table, its stopword kind in a list. A document's tokens
 * then cost a stage one Map lookup each; the shape tests, IDF and stopword lookups run once per distinct text in the
 * process, not once per document and stage. Get it from termLexicon() before a document (it starts over at a bound).
 */
export class TermLexicon {
  /** Per id: the text. */
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  private shapes = new Uint8Array(1024);
  private readonly idfs = new WeakMap<IdfTable, Float64Array>();
  private readonly stops = new WeakMap<ReadonlyMap<string, StopwordKind>, Uint8Array>();
  /** The table and list asked last, with their arrays: a document asks the same ones token after token. */
  private lastIdfTable: IdfTable | undefined;
  private lastIdfValues: Float64Array | undefined;
  private lastStopwords: ReadonlyMap<string, StopwordKind> | undefined;
  private lastStopCodes: Uint8Array | undefined;
  /** The current numbering's number of each id, valid where `stamps` holds that numbering's stamp. */
  local = new Int32Array(1024);
  stamps = new Int32Array(1024);
  private numberings = 0;

  /** The id of `text`, numbered on first sight. */
  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      // a copy of a long slice, so that the lexicon never keeps a whole document alive
      const own = text.length < SLICE_MIN_LENGTH ? text : Array.from(text).join("");
      this.ids.set(own, id);
      this.texts.push(own);
      if (id === this.shapes.length) {
        this.shapes = grownTo(this.shapes, 2 * id, Uint8Array, 0);
        this.local = grownTo(this.local, 2 * id, Int32Array, 0);
        this.stamps = grownTo(this.stamps, 2 * id, Int32Array, 0);
      }
    }
    return id;
  }

  /** Is text `id` a term (termShape) in a token of `kind`? */
  isTerm(id: number, kind: Token["kind"]): boolean {
    const latin = kind === "latin";
    if (!latin && kind !== "word") return false;
    const asked = latin ? LATIN_ASKED : WORD_ASKED;
    const term = latin ? LATIN_TERM : WORD_TERM;
    if (!(this.shapes[id]! & asked)) {
      this.shapes[id]! |= asked | (termShape({ kind, text: this.texts[id]! }) === undefined ? 0 : term);
    }
    return (this.shapes[id]! & term) !== 0;
  }

  /** The IDF of text `id` in `table`. */
  idf(table: IdfTable, id: number): number {
    let values = table === this.lastIdfTable ? this.lastIdfValues : this.idfs.get(table);
    if (!values || values.length <= id) {
      values = grownTo(values ?? new Float64Array(0), this.shapes.length, Float64Array, NaN);
      this.idfs.set(table, values);
    }
    this.lastIdfTable = table;
    this.lastIdfValues = values;
    return Number.isNaN(values[id]!) ? (values[id] = table.idf(this.texts[id]!)) : values[id]!;
  }

  /** The stopword kind of text `id` in `stopwords`, undefined for none. */
  stopword(stopwords: ReadonlyMap<string, StopwordKind>, id: number): StopwordKind | undefined {
    let codes = stopwords === this.lastStopwords ? this.lastStopCodes : this.stops.get(stopwords);
    if (!codes || codes.length <= id) {
      codes = grownTo(codes ?? new Uint8Array(0), this.shapes.length, Uint8Array, 0);
      this.stops.set(stopwords, codes);
    }
    this.lastStopwords = stopwords;
    this.lastStopCodes = codes;
    if (codes[id] === 0) codes[id] = STOP_CODES[stopwords.get(this.texts[id]!) ?? "none"];
    return codes[id] === STOP_CODES.stop ? "stop" : codes[id] === STOP_CODES.modifier ? "modifier" : undefined;
  }

  /** Starts numbering the ids one document uses (see Numbering); the previous numbering ends. */
  numbering(): Numbering {
    return new Numbering(this, ++this.numberings);
  }

  get size(): number {
    return this.texts.length;
  }
}

/**
 * Dense numbers 0, 1, 2… for the lexicon ids of one document, in first-seen order, kept in the lexicon's arrays (no
 * Map per document). Valid until the lexicon's next numbering begins.
 */
export class Numbering {
  /** The lexicon id of each number. */
  readonly ids: number[] = [];

  constructor(
    private readonly lexicon: TermLexicon,
    private readonly stamp: number,
  ) {}

  /** The number of lexicon id `id`, given on first sight. */
  of(id: number): number {
    const { lexicon } = this;
    if (lexicon.stamps[id] !== this.stamp) {
      lexicon.stamps[id] = this.stamp;
      lexicon.local[id] = this.ids.push(id) - 1;
    }
    return lexicon.local[id]!;
  }
}

type TypedArray = Uint8Array | Int32Array | Float64Array;

/** `array` in one of `length`, the new places `fill`. */
function grownTo<T extends TypedArray>(array: T, length: number, make: new (length: number) => T, fill: number): T {
  const out = new make(length);
  out.set(array as never);
  out.fill(fill, array.length);
  return out;
}

let lexicon: TermLexicon | undefined;

/** The process's lexicon of token texts; call it before each document (past LEXICON_LIMIT texts it starts over). */
export function termLexicon(): TermLexicon {
  if (!lexicon || lexicon.size >= LEXICON_LIMIT) lexicon = new TermLexicon();
  return lexicon;
}

/**
 * The tokens of a Doc's content (see contentRanges) with the lexicon id of each one's text: what the keyword and
 * summary stages both read, so the Map lookup of every token text runs once per Doc, not once per stage.
 */
export interface ContentTokens {
  ranges: Span[];
  tokens: Token[];
  /** Per token: the lexicon id of its text, -1 where it can be no term (one unit such as 的, a number, a mark). */
  ids: Int32Array;
  lexicon: TermLexicon;
}

/** The last ContentTokens per tokens array, with the page and scope it was read for. */
const CONTENT = new WeakMap<readonly Token[], { page: Doc["page"]; scope: "article" | "all"; content: ContentTokens }>();

/**
 * The content tokens of `doc` and their lexicon ids, read once per Doc (a later stage gets the same Doc's tokens
 * array and page): valid while the process's lexicon is the one they were read with, which this checks.
 */
export function contentTokens(doc: Doc, scope: "article" | "all"): ContentTokens {
  const lexicon = termLexicon();
  const cached = CONTENT.get(doc.tokens);
  if (cached && cached.page === doc.page && cached.scope === scope && cached.content.lexicon === lexicon) return cached.content;
  const ranges = contentRanges(doc, scope);
  const tokens = spansWithin(doc.tokens, ranges);
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const { kind, text } = tokens[i]!;
    // only words and Latin runs of two or more units can be terms (termShape): the rest cost no lookup
    ids[i] = text.length < 2 || (kind !== "word" && kind !== "latin") ? -1 : lexicon.idOf(text);
  }
  const content = { ranges, tokens, ids, lexicon };
  CONTENT.set(doc.tokens, { page: doc.page, scope, content });
  return content;
}
