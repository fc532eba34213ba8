/**
 * Segmentation: scan → jieba on bounded pieces → align → lexicon overlay → PKU merges → (search) finer pieces.
 * Tokens are lossless: they cover the input exactly, in order, whitespace and punctuation included.
 */
import { dictParseError, parseDictText, parseJiebaEntries, readDictLines, type JiebaEntry } from "../dict.js";
import type { SegmentMode, Token } from "../core/schema.js";
import type { Stage } from "../core/stage.js";
import { alignWords } from "./align.js";
import type { Engine } from "./jieba.js";

export { engineNamed } from "./jieba.js";
import { applyLexicon, buildLexicon, type Lexicon } from "./lexicon.js";
import { mergeTokens } from "./merge.js";
import { scan, type RunKind } from "./scan.js";
import { makeToken } from "./token.js";

/** Words longer than this are cut into dictionary pieces in `search` mode. */
const SEARCH_SPLIT_OVER = 3;

const RUN_TAGS: Record<Exclude<RunKind, "jieba">, Pick<Token, "kind" | "pos">> = {
  number: { kind: "number", pos: "m" },
  latin: { kind: "latin", pos: "eng" },
  space: { kind: "space", pos: "x" },
  other: { kind: "other", pos: "x" },
};

/** The engine's words for `text.slice(start, end)` as tokens. */
function jiebaTokens(engine: Engine, text: string, start: number, end: number, into: Token[] = []): Token[] {
  alignWords(text, start, engine.tagWords(text.slice(start, end)), into);
  return into;
}

/**
 * Splits long words into dictionary pieces (for search indexes), keeping the word's tag. Numerals and ordinals
 * (tag m: `第二十四`, `二十三`) stay whole: their pieces (`第二/十四`) would be other numbers.
 */
function searchPieces(engine: Engine, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== "word" || token.pos === "m" || token.text.length <= SEARCH_SPLIT_OVER) {
      out.push(token);
      continue;
    }
    let start = token.start;
    for (const piece of engine.cutSmall(token.text, SEARCH_SPLIT_OVER)) {
      out.push(makeToken(start, start + piece.length, piece, token.pos, "word"));
      start += piece.length;
    }
  }
  return out;
}

let overrideEntries: readonly JiebaEntry[] | undefined;

/** The boundary repairs shipped in dict/segment-overrides.txt, read once. */
const overrides = () => (overrideEntries ??= parseJiebaEntries("segment-overrides.txt", readDictLines("segment-overrides.txt")));

let builtInLexicon: Lexicon | undefined;

/** The lexicon of the built-in repairs alone, built once. */
export function defaultLexicon(): Lexicon {
  builtInLexicon ??= buildLexicon(overrides());
  return builtInLexicon;
}

/** Entries of a user dictionary given as text: `word [freq] [pos]` per line; errors name the line. */
export function parseUserDict(text: string): { word: string; pos: string }[] {
  return parseDictText(text).map((entry) => {
    const [word, second, third, ...rest] = entry.fields;
    const pos = third ?? (second !== undefined && !/^\d+$/.test(second) ? second : "nz");
    if (rest.length > 0 || (third !== undefined && !/^\d+$/.test(second!))) {
      throw dictParseError("userDict", entry, "expected `word [freq] [pos]`");
    }
    if (!/^[a-z]{1,4}$/.test(pos)) throw dictParseError("userDict", entry, "part of speech is not a jieba tag");
    if (word!.length > 64) throw dictParseError("userDict", entry, "word is longer than 64 characters");
    return { word: word!, pos };
  });
}

/** The built-in repairs plus an analyzer's own words (tagged `nz` unless the user dictionary tags them). */
export function lexiconWith(userWords: readonly string[], userDict = ""): Lexicon {
  if (userWords.length === 0 && userDict === "") return defaultLexicon();
  return buildLexicon([...overrides(), ...userWords.map((word) => ({ word, pos: "nz" })), ...parseUserDict(userDict)]);
}

/**
 * Segments `text` into tokens with `engine`'s words. Callers validate input and options first (see pipeline.ts).
 */
export function segmentText(text: string, mode: SegmentMode, lexicon: Lexicon, engine: Engine): Token[] {
  const tokens: Token[] = [];
  for (const run of scan(text)) {
    if (run.kind === "jieba") jiebaTokens(engine, text, run.start, run.end, tokens);
    else tokens.push(makeToken(run.start, run.end, text.slice(run.start, run.end), RUN_TAGS[run.kind].pos, RUN_TAGS[run.kind].kind));
  }
  const recut = (start: number, end: number) => jiebaTokens(engine, text, start, end);
  const merged = mergeTokens(text, applyLexicon(text, tokens, lexicon, recut), recut);
  return mode === "search" ? searchPieces(engine, merged) : merged;
}


/** Tokens (with POS) for the whole text, with the analyzer's vocabulary and mode. */
export const segmentStage: Stage<"tokens"> = {
  name: "segment",
  reads: [],
  writes: ["tokens"],
  run: (doc, context) => ({ ...doc, tokens: context.segment(doc.text) }),
};
