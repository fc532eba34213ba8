/**
 * A compact character tagger for person, place and organisation names in running news text (where names come
 * without titles): an averaged structured perceptron over characters, jieba's words and tags, and the entity word
 * lists, decoded with Viterbi over BIO labels. Trained by `bench/tools/train-ner.ts` on public training sets
 * (People's Daily 1998 `example.dev`, MSRA's training split, CLUENER2020, BosonNLP, Resume NER, Weibo NER: the file's
 * header names them); the weights ship in `dict/entity-tagger.bin.gz`, gunzipped and read in place (`weightsFile`).
 *
 * Features are hashed into a fixed table, so extraction is a few integer operations and array reads per
 * character, and the same code computes them for training and for inference. When tagging, the templates whose
 * arguments take few values and the single-character ones read their weights from tables built once per set of
 * weights, the shipped file carrying the largest (test/entity-tagger.test.ts checks the result against Viterbi over
 * `characterFeatures`).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { endianness } from "node:os";
import { dictParseError, dictPath, readDictLines } from "../dict.js";
import type { TaggerWeights } from "../core/resources.js";
import type { Token } from "../core/schema.js";
import { longestEndAfter, longestStartBefore, table, type WordTable } from "../core/words.js";
import type { EntityLexicon } from "./lexicon.js";
import type { TokenIndex } from "./tokens.js";

export type { TaggerWeights };

export const LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"] as const;
export const LABEL_COUNT = LABELS.length;
/** Feature table size: 2^HASH_BITS rows of LABEL_COUNT weights. */
export const HASH_BITS = 22;
const MASK = (1 << HASH_BITS) - 1;
/** Feature templates per character (see `characterFeatures`). */
export const TEMPLATE_COUNT = 21;

/** Characters whose features are computed per step (in reused buffers). */
const CHUNK = 256;

/** Small ids for jieba tags (0 = other). */
const TAG_IDS = new Map(
  ["n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "v", "vn", "a", "ad", "d", "m", "q", "t", "f", "p", "c", "u", "uj", "r", "j", "l", "i", "w", "x", "eng", "s", "b", "ng", "vg", "ag"]
    .map((tag, i) => [tag, i + 1]),
);

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function feature(template: number, a: number, b = 0, c = 0): number {
  return (mix(mix(mix(Math.imul(template + 1, 0x9e3779b1), a), b), c) >>> 0) & MASK;
}

function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Character classes of every UTF-16 unit, read once per character: 0 Han, 1 digit or numeral, 2 Latin, 3
 * punctuation or space, 4 other (5: outside the text). Filled range by range, the weaker class first (a numeral
 * is Han, 〇 and the full-width digits sit among the punctuation): a loop over 65,536 units costs every import
 * several milliseconds.
 */
const CLASSES = new Uint8Array(0x10000).fill(4);
for (const [value, ranges] of [
  [3, [[0, 0x7f], [0x3000, 0x303f], [0xff00, 0xff20]]],
  [2, [[0x41, 0x5a], [0x61, 0x7a], [0xff21, 0xff5a]]],
  [0, [[0x4e00, 0x9fff], [0x3400, 0x4dbf]]],
  [1, [[0x30, 0x39], [0xff10, 0xff19], ...[..."〇一二三四五六七八九十百千万亿零两"].map((c) => [c.charCodeAt(0), c.charCodeAt(0)])]],
] as const) {
  for (const [first, last] of ranges) CLASSES.fill(value, first, last + 1);
}
const OUTSIDE = 5;

/** BMES marks of dictionary matches: 0 none, 1 begin, 2 middle, 3 end, 4 single. */
function markSpan(marks: Uint8Array, start: number, end: number): void {
  if (end - start === 1) {
    marks[start] = 4;
    return;
  }
  marks[start] = 1;
  for (let i = start + 1; i < end - 1; i++) marks[i] = 2;
  marks[end - 1] = 3;
}

/** What the templates read about each character of a text, computed once per text. */
interface CharacterContext {
  text: string;
  /** BMES position within the jieba token, the token's tag id, word hash and length (at most 6). */
  tokenPos: Uint8Array;
  tokenTag: Uint8Array;
  tokenWord: Int32Array;
  tokenLength: Uint8Array;
  /** BMES marks of known places (two characters or more) and organisations starting at a token. */
  place: Uint8Array;
  org: Uint8Array;
  /** Length of the surname starting here, or 0. */
  surname: Uint8Array;
  /**
   * Where a title ends right before offset i (length n + 1): 1 a listed title (dict/entity-titles.txt), 2 only a
   * title the training sets annotate (`annotatedTitles`).
   */
  titleEnd: Uint8Array;
  /** 1 where an organisation suffix ends right before offset i (length n + 1). */
  suffixEnd: Uint8Array;
  /** Character classes with one slot of padding each side for "outside the text" (length n + 2). */
  classes: Uint8Array;
}

/** Bytes of scratch memory the context of `n` characters takes. */
const contextBytes = (n: number) => 9 * n + 4;

/**
 * Zeroed scratch memory of `size` elements, carved from a buffer kept from call to call: allocating and freeing a
 * dozen typed arrays per sentence costs more than tagging it. Texts longer than `REUSED_LENGTH` characters get
 * memory of their own, so a long text does not pin its buffers.
 */
function scratch<T extends Uint8Array | Int32Array>(kept: Kept<T>, size: number): T {
  if (size > kept.buffer.length) {
    if (size > kept.limit) return kept.make(size);
    kept.buffer = kept.make(Math.min(kept.limit, Math.max(size, kept.buffer.length * 2)));
  }
  const memory = kept.buffer.subarray(0, size) as T;
  memory.fill(0);
  return memory;
}

interface Kept<T> {
  buffer: T;
  /** Largest buffer kept, in elements. */
  limit: number;
  make: (size: number) => T;
}

const REUSED_LENGTH = 1 << 16;
/** Bytes: the context (9 per character) and Viterbi's back pointers (7 per character); int32s: word hashes. */
const keptBytes: Kept<Uint8Array> = { buffer: new Uint8Array(0), limit: 16 * REUSED_LENGTH + 4, make: (k) => new Uint8Array(k) };
const keptInts: Kept<Int32Array> = { buffer: new Int32Array(0), limit: REUSED_LENGTH, make: (k) => new Int32Array(k) };
const bytes = (size: number) => scratch(keptBytes, size);
const ints = (size: number) => scratch(keptInts, size);

let trainingTitles: WordTable<true> | undefined;

/**
 * The job titles the training sets annotate (CLUENER `position`, Resume `TITLE`), written by train-ner.ts to
 * dict/entity-tagger-titles.txt: a feature beside the listed titles, which the rules read.
 */
function annotatedTitles(): WordTable<true> {
  trainingTitles ??= table(readDictLines("entity-tagger-titles.txt").map((line): [string, true] => [line.fields[0]!, true]));
  return trainingTitles;
}

/** The context of the characters of `text`, in `memory` (`contextBytes(text.length)` zeroed bytes). */
function characterContext(text: string, index: TokenIndex, lexicon: EntityLexicon, memory: Uint8Array): CharacterContext {
  const n = text.length;
  let offset = 0;
  const view = (length: number) => memory.subarray(offset, (offset += length));
  const tokenPos = view(n);
  const tokenTag = view(n);
  const tokenLength = view(n);
  const place = view(n);
  const org = view(n);
  const surname = view(n);
  const titleEnd = view(n + 1);
  const suffixEnd = view(n + 1);
  const classes = view(n + 2);
  const tokenWord = ints(n);
  const titles = annotatedTitles();
  for (const token of index.tokens as readonly Token[]) {
    const { start, end } = token;
    const tag = TAG_IDS.get(token.pos) ?? 0;
    const hash = end - start <= 6 ? wordHash(text, start, end) : 1;
    const length = Math.min(end - start, 6);
    // most tokens are a character or two: plain stores beat four fill() calls
    for (let i = start; i < end; i++) {
      tokenTag[i] = tag;
      tokenWord[i] = hash;
      tokenLength[i] = length;
    }
    markSpan(tokenPos, start, end);
  }
  for (const { start } of index.tokens as readonly Token[]) {
    const placeEnd = longestEndAfter(lexicon.places, text, start);
    if (placeEnd - start >= 2) markSpan(place, start, placeEnd);
    const orgEnd = longestEndAfter(lexicon.orgNames, text, start);
    if (orgEnd >= 0) markSpan(org, start, orgEnd);
  }
  classes[0] = classes[n + 1] = OUTSIDE;
  for (let i = 0; i < n; i++) {
    const surnameEnd = longestEndAfter(lexicon.surnames, text, i);
    if (surnameEnd >= 0) surname[i] = surnameEnd - i;
    if (longestStartBefore(lexicon.titles, text, i + 1) >= 0) titleEnd[i + 1] = 1;
    else if (longestStartBefore(titles, text, i + 1) >= 0) titleEnd[i + 1] = 2;
    if (longestStartBefore(lexicon.orgSuffixes, text, i + 1) >= 0) suffixEnd[i + 1] = 1;
    classes[i + 1] = CLASSES[text.charCodeAt(i)]!;
  }
  return { text, tokenPos, tokenTag, tokenWord, tokenLength, place, org, surname, titleEnd, suffixEnd, classes };
}

/**
 * The `TEMPLATE_COUNT` feature ids of each character from `from` to `to`, written to `out` from 0. The templates
 * are computed in loops of at most eight hashes, so that V8 inlines every hash (it stops inlining in a function
 * after about eight of them, which doubles the cost).
 */
function writeFeatures(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  characterTemplates(context, from, to, out);
  smallTemplates(context, from, to, out);
  hashedTemplates(context, from, to, out);
}

/** The character code at `j`, 1 before the text and 2 after it. */
const codeAt = (text: string, j: number) => (j < 0 ? 1 : j >= text.length ? 2 : text.charCodeAt(j));

/** Templates 1–5 read one character each, at these offsets (template 1 + k at CHARACTER_OFFSETS[k]). */
const CHARACTER_OFFSETS = [0, -1, 1, -2, 2] as const;

/** Templates 0–5: a bias and the characters around. */
function characterTemplates({ text }: CharacterContext, from: number, to: number, out: Int32Array): void {
  const bias = feature(0, 0);
  for (let i = from, o = 0; i < to; i++, o += TEMPLATE_COUNT) {
    out[o] = bias;
    for (let k = 0; k < CHARACTER_OFFSETS.length; k++) out[o + 1 + k] = feature(1 + k, codeAt(text, i + CHARACTER_OFFSETS[k]!));
  }
}

/**
 * Templates whose arguments take few values, with how many values each argument takes: their ids are read from
 * tables indexed by the arguments (`smallKeys`), and when tagging, so are their weights.
 */
const SMALL_TEMPLATES = [
  [9, [TAG_IDS.size + 1, 5]], // the token's tag and the position in it
  [12, [5, 5]], // marks of known places and organisations
  [14, [2, 5, 7]], // an organisation suffix ends here, the position in the token, its length
  [15, [6, 6, 6]], // classes of the character and its neighbours
] as const;

/**
 * The keys of the small templates of characters `from` to `to`, `SMALL_TEMPLATES.length` per character: each
 * template's arguments in mixed radix, most significant first, with the radices of `SMALL_TEMPLATES`.
 */
function smallKeys(context: CharacterContext, from: number, to: number, keys: Int32Array): void {
  const { tokenPos, tokenTag, tokenLength, place, org, suffixEnd, classes } = context;
  for (let i = from, o = 0; i < to; i++, o += SMALL_TEMPLATES.length) {
    keys[o] = tokenTag[i]! * 5 + tokenPos[i]!;
    keys[o + 1] = place[i]! * 5 + org[i]!;
    keys[o + 2] = (suffixEnd[i + 1]! * 5 + tokenPos[i]!) * 7 + tokenLength[i]!;
    keys[o + 3] = (classes[i]! * 6 + classes[i + 1]!) * 6 + classes[i + 2]!;
  }
}

/** The feature id of every key of every small template. */
const SMALL_IDS = SMALL_TEMPLATES.map(([template, sizes]) => {
  const count = sizes.reduce((a, b) => a * b, 1);
  return Int32Array.from({ length: count }, (_, key) => {
    const args = [0, 0, 0];
    for (let a = sizes.length - 1, rest = key; a >= 0; a--) {
      args[a] = rest % sizes[a]!;
      rest = Math.floor(rest / sizes[a]!);
    }
    return feature(template, args[0]!, args[1], args[2]);
  });
});

/** The small templates' keys of a chunk of characters. */
const chunkKeys = new Int32Array(CHUNK * SMALL_TEMPLATES.length);

/** Templates 9, 12, 14, 15 (`SMALL_TEMPLATES`): their ids looked up by key. */
function smallTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  for (let block = from; block < to; block += CHUNK) {
    const blockEnd = Math.min(to, block + CHUNK);
    smallKeys(context, block, blockEnd, chunkKeys);
    for (let i = block, o = (block - from) * TEMPLATE_COUNT, k = 0; i < blockEnd; i++, o += TEMPLATE_COUNT) {
      for (let j = 0; j < SMALL_TEMPLATES.length; j++, k++) out[o + SMALL_TEMPLATES[j]![0]] = SMALL_IDS[j]![chunkKeys[k]!]!;
    }
  }
}

/** The templates hashed when tagging too: pairs of characters, the word, tags around, surnames, the trigram. */
const HASHED_TEMPLATES = [6, 7, 8, 10, 11, 13, 16, 17, 18, 19, 20];

/** Templates 6–8, 10, 11, 13, 16–20 (see `HASHED_TEMPLATES`), in two loops. */
function hashedTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  pairAndWordTemplates(context, from, to, out);
  mixedTemplates(context, from, to, out);
}

/** Templates 16–20: the character with its tag or a surname before it, wider pairs, the trigram. */
function mixedTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  const { text, tokenPos, tokenTag, surname, titleEnd } = context;
  for (let i = from, o = 0; i < to; i++, o += TEMPLATE_COUNT) {
    const c0 = codeAt(text, i);
    const cm1 = codeAt(text, i - 1);
    const cp1 = codeAt(text, i + 1);
    out[o + 16] = feature(16, c0, tokenTag[i]!, tokenPos[i]!);
    out[o + 17] = feature(17, i > 0 ? surname[i - 1]! : 0, titleEnd[i]!, c0);
    out[o + 18] = feature(18, codeAt(text, i - 2), cm1);
    out[o + 19] = feature(19, cp1, codeAt(text, i + 2));
    out[o + 20] = feature(20, cm1, c0, cp1);
  }
}

/** Templates 6–8, 10, 11, 13: pairs of characters, jieba's word and tags, a surname or title here. */
function pairAndWordTemplates(context: CharacterContext, from: number, to: number, out: Int32Array): void {
  const { text, tokenPos, tokenTag, tokenWord, surname, titleEnd } = context;
  const n = text.length;
  for (let i = from, o = 0; i < to; i++, o += TEMPLATE_COUNT) {
    const c0 = codeAt(text, i);
    const cm1 = codeAt(text, i - 1);
    const cp1 = codeAt(text, i + 1);
    const tagPrev = i > 0 ? tokenTag[i - 1]! : 0;
    const tagNext = i + 1 < n ? tokenTag[i + 1]! : 0;
    out[o + 6] = feature(6, cm1, c0);
    out[o + 7] = feature(7, c0, cp1);
    out[o + 8] = feature(8, cm1, cp1);
    out[o + 10] = feature(10, tokenWord[i]!, tokenPos[i]!);
    out[o + 11] = feature(11, tagPrev, tokenTag[i]!, tagNext);
    out[o + 13] = feature(13, surname[i]!, titleEnd[i]!, tokenPos[i]!);
  }
}

/**
 * The hashed feature ids of every character, `TEMPLATE_COUNT` per character, in one array.
 * Computed identically when training and when tagging.
 */
export function characterFeatures(text: string, index: TokenIndex, lexicon: EntityLexicon): Int32Array {
  const out = new Int32Array(text.length * TEMPLATE_COUNT);
  writeFeatures(characterContext(text, index, lexicon, bytes(contextBytes(text.length))), 0, text.length, out);
  return out;
}

/*
 * The compact weights (TaggerWeights in core/resources.ts) hold the known features, indexed by a bit set over all 2^HASH_BITS feature ids: a feature is known when
 * its bit is set, and its weights are the row numbered by the count of set bits before it (its rank). Each row
 * holds the weights of the labels other than O as int16 hundredths, each less the feature's O weight: shifting
 * every label of a character by the same amount changes no decision, so O's emission is 0. The bit set with its
 * ranks takes 1 MB and stays in the processor's cache, so an unknown feature costs no memory access; the rows
 * take 12 bytes each (int8 steps of a scale per row, multiplied out: `quantizedWeights`).
 * Tagging is bound by these lookups.
 */

/** Weights are stored in hundredths. */
const WEIGHT_SCALE = 100;
const MAX_WEIGHT = 32767 / WEIGHT_SCALE;
/** int16s per row: the weights of labels 1 … LABEL_COUNT - 1. */
const ROW = LABEL_COUNT - 1;
/** Words of the known-feature bit set with its ranks (`TaggerWeights.known`). */
const KNOWN_WORDS = (1 << HASH_BITS) / 16;


const toInt16 = (v: number) => Math.round(Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, v)) * WEIGHT_SCALE);

/** Set bits of a 32-bit word. */
function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Builds the compact table from (feature id, weights) pairs; the first pair of an id counts. */
export function compactWeights(entries: ReadonlyArray<[number, ArrayLike<number>]>, transitions: Float32Array): TaggerWeights {
  const known = new Uint32Array(KNOWN_WORDS);
  const first = new Map<number, ArrayLike<number>>();
  for (const [id, values] of entries) if (!first.has(id)) first.set(id, values);
  for (const id of first.keys()) known[((id >>> 5) << 1) + 1]! |= 1 << (id & 31);
  // row 0 stays zero: unknown features read it, so that scoring takes no branch
  let rank = 1;
  for (let w = 0; w < known.length; w += 2) {
    known[w] = rank;
    rank += popCount(known[w + 1]!);
  }
  const rows = new Int16Array(rank * ROW);
  for (const [id, values] of first) {
    const row = rowOf(known, id) * ROW;
    for (let l = 1; l < LABEL_COUNT; l++) rows[row + l - 1] = toInt16(values[l]! - values[0]!);
  }
  return { known, rows, transitions };
}

/**
 * The weights without the rows whose labels all lie within `threshold` of O's (fewer rows: a smaller table and
 * fewer cache misses, at some cost in accuracy; bench/ner-accuracy.ts `--tradeoff` measures both).
 *
 * @example
 * prunedWeights(shippedTaggerWeights(), 5) // rows with a weight 5 or more away from O's only
 */
export function prunedWeights(weights: TaggerWeights, threshold: number): TaggerWeights {
  const entries: [number, number[]][] = [];
  const limit = threshold * WEIGHT_SCALE;
  for (let w = 0; w < weights.known.length; w += 2) {
    for (let bits = weights.known[w + 1]!, rank = weights.known[w]!; bits !== 0; bits &= bits - 1, rank++) {
      const row = weights.rows.subarray(rank * ROW, rank * ROW + ROW);
      if (!row.some((v) => Math.abs(v) >= limit)) continue;
      const id = (w >>> 1) * 32 + (31 - Math.clz32(bits & -bits));
      entries.push([id, [0, ...[...row].map((v) => v / WEIGHT_SCALE)]]);
    }
  }
  return compactWeights(entries, weights.transitions);
}

/** The row of a feature id: its rank among the known features, or 0 (a row of zeros) when it has no weights. */
function rowOf(known: Uint32Array, id: number): number {
  const w = (id >>> 5) << 1;
  const bits = known[w + 1]!;
  const shift = id & 31;
  const rank = known[w]! + popCount(bits & ((1 << shift) - 1));
  return rank * ((bits >>> shift) & 1);
}

/**
 * Emission scores (`n` × `LABEL_COUNT`) of the characters' features under compact weights, each character's
 * scores shifted so that O scores 0.
 */
export function emissions(features: Int32Array, n: number, weights: TaggerWeights): Float32Array {
  const out = new Float32Array(n * LABEL_COUNT);
  scoreCharacters(features, n, weights, out);
  return out;
}

/** Writes the emission scores of `count` characters' features to `out` (O's stay as they are: 0). */
function scoreCharacters(features: Int32Array, count: number, weights: TaggerWeights, out: Float32Array): void {
  const rowOffsets = new Int32Array(count * TEMPLATE_COUNT);
  for (let k = 0; k < rowOffsets.length; k++) rowOffsets[k] = rowOf(weights.known, features[k]!) * ROW;
  sumRows(rowOffsets, count, TEMPLATE_COUNT, weights.rows, 0, weights.rows, out);
}

/**
 * The scoring kernel of both paths: for each of `count` characters, the sum of its `lookups` weight rows (row
 * offsets in `rowOffsets`), the first `lookups - tabled` read from `rows`, the last `tabled` from `table`, written
 * to `out` as the six labels besides O (O stays 0).
 */
function sumRows(rowOffsets: Int32Array, count: number, lookups: number, rows: Int16Array, tabled: number, table: Int16Array, out: Float32Array): void {
  for (let i = 0, r = 0; i < count; i++) {
    let s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let end = r + lookups, weightsOf = rows; r < end; r++) {
      if (end - r === tabled) weightsOf = table;
      const row = rowOffsets[r]!;
      s1 += weightsOf[row]!;
      s2 += weightsOf[row + 1]!;
      s3 += weightsOf[row + 2]!;
      s4 += weightsOf[row + 3]!;
      s5 += weightsOf[row + 4]!;
      s6 += weightsOf[row + 5]!;
    }
    const o = i * LABEL_COUNT;
    out[o + 1] = s1 / WEIGHT_SCALE;
    out[o + 2] = s2 / WEIGHT_SCALE;
    out[o + 3] = s3 / WEIGHT_SCALE;
    out[o + 4] = s4 / WEIGHT_SCALE;
    out[o + 5] = s5 / WEIGHT_SCALE;
    out[o + 6] = s6 / WEIGHT_SCALE;
  }
}

/**
 * The weights of the tabled templates, arranged for tagging: the rows of the bias and of every key of the small
 * templates, and the weights of templates 1–5 copied into one block per character, so that the five lookups of a
 * character's neighbourhood read a few cache lines that the next characters read again, and hash nothing.
 */
interface TaggingTables {
  bias: number;
  /** Row offsets (into `rows`) per key of each of `SMALL_TEMPLATES`. */
  small: Int32Array[];
  /** Each UTF-16 unit's block in `characters` (0: a block of zeros). */
  blockOf: Int32Array;
  /** ROW int16s per template of `CHARACTER_OFFSETS` per block. */
  characters: Int16Array;
}

/** The rows of the bias and of every key of the small templates. */
function smallTables({ known }: TaggerWeights): Pick<TaggingTables, "bias" | "small"> {
  const rowAt = (id: number) => rowOf(known, id) * ROW;
  return { bias: rowAt(feature(0, 0)), small: SMALL_IDS.map((ids) => ids.map(rowAt)) };
}

function taggingTables(weights: TaggerWeights): TaggingTables {
  const { known, rows } = weights;
  const rowAt = (id: number) => rowOf(known, id) * ROW;
  const width = CHARACTER_OFFSETS.length;
  const perBlock = width * ROW;
  const blockOf = new Int32Array(0x10000);
  // one pass over the 65,536 code units, written into typed arrays (no array per code unit)
  const blocks = new Int32Array(width * 0x10000);
  let used = 0;
  for (let code = 0; code < 0x10000; code++) {
    let any = 0;
    for (let k = 0; k < width; k++) any |= blocks[used + k] = rowAt(feature(1 + k, code));
    if (any === 0) continue;
    blockOf[code] = used / width + 1;
    used += width;
  }
  const characters = new Int16Array(perBlock + used * ROW);
  for (let k = 0; k < used; k++) characters.set(rows.subarray(blocks[k]!, blocks[k]! + ROW), perBlock + k * ROW);
  return { ...smallTables(weights), blockOf, characters };
}

/** Weight rows read per character when tagging: the bias, the small templates, the hashed ones, templates 1–5. */
const LOOKUPS = 1 + SMALL_TEMPLATES.length + HASHED_TEMPLATES.length + CHARACTER_OFFSETS.length;
/** The row offsets of a chunk's lookups, `LOOKUPS` per character: into `rows`, the last five into `characters`. */
const chunkRows = new Int32Array(CHUNK * LOOKUPS);

/**
 * The emission scores of characters `from` to `to` (at most `CHUNK`) for tagging, written to `out` from 0: the
 * same sums as `emissions` over `characterFeatures`, with the tabled templates read from `tables`. Every row of
 * the chunk is found before any is read: the reads are independent, so their cache misses overlap.
 */
function scoreForTagging(context: CharacterContext, from: number, to: number, weights: TaggerWeights, tables: TaggingTables, out: Float32Array): void {
  const { text } = context;
  const { known, rows } = weights;
  const { small, blockOf, characters } = tables;
  const ids = chunkFeatures;
  const keys = chunkKeys;
  hashedTemplates(context, from, to, ids);
  smallKeys(context, from, to, keys);
  const perBlock = CHARACTER_OFFSETS.length * ROW;
  for (let i = from, o = 0, q = 0, r = 0; i < to; i++, o += TEMPLATE_COUNT) {
    chunkRows[r++] = tables.bias;
    for (let j = 0; j < small.length; j++) chunkRows[r++] = small[j]![keys[q++]!]!;
    for (let h = 0; h < HASHED_TEMPLATES.length; h++) chunkRows[r++] = rowOf(known, ids[o + HASHED_TEMPLATES[h]!]!) * ROW;
    for (let k = 0; k < CHARACTER_OFFSETS.length; k++) {
      chunkRows[r++] = blockOf[codeAt(text, i + CHARACTER_OFFSETS[k]!)]! * perBlock + k * ROW;
    }
  }
  sumRows(chunkRows, to - from, LOOKUPS, rows, CHARACTER_OFFSETS.length, characters, out);
}

/** Characters tagged per step: their feature ids and scores are reused buffers that stay in the cache. */
const chunkFeatures = new Int32Array(CHUNK * TEMPLATE_COUNT);
const chunkScores = new Float32Array(CHUNK * LABEL_COUNT);

/** A label may follow another: I-X only after B-X or I-X. */
function allowed(from: number, to: number): boolean {
  const label = LABELS[to]!;
  if (!label.startsWith("I-")) return true;
  if (from < 0 || from >= LABEL_COUNT) return false;
  return LABELS[from]!.slice(2) === label.slice(2);
}

const DISALLOWED = -1e9;

/** Transition scores with the forbidden moves (O → I-PER) folded in. */
export function maskTransitions(transitions: ArrayLike<number>): Float32Array {
  const out = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let from = 0; from <= LABEL_COUNT; from++) {
    for (let to = 0; to < LABEL_COUNT; to++) {
      const ok = allowed(from === LABEL_COUNT ? -1 : from, to);
      out[from * LABEL_COUNT + to] = ok ? transitions[from * LABEL_COUNT + to]! : DISALLOWED;
    }
  }
  return out;
}

/** Viterbi's state while the characters' emission scores arrive: the back pointers and the last scores. */
interface Lattice {
  transitions: Float32Array;
  back: Uint8Array;
  /** Characters seen so far. */
  length: number;
  /** Scores of the best paths ending in each label at the last character seen, rounded to float32. */
  previous: Float32Array;
  current: Float32Array;
}

const lattice = (n: number, transitions: Float32Array, back: Uint8Array = new Uint8Array(n * LABEL_COUNT)): Lattice => ({
  transitions,
  back,
  length: 0,
  previous: new Float32Array(LABEL_COUNT),
  current: new Float32Array(LABEL_COUNT),
});

/** Extends the best paths over `count` more characters with these emission scores. */
function forward(lattice: Lattice, emission: Float32Array, count: number): void {
  const L = LABEL_COUNT;
  const { transitions: t, back } = lattice;
  let { previous, current } = lattice;
  for (let k = 0; k < count; k++) {
    const i = lattice.length + k;
    if (i === 0) {
      for (let to = 0; to < L; to++) previous[to] = t[L * L + to]! + emission[to]!;
      continue;
    }
    // the seven labels' previous scores in locals: the loop below reads each seven times
    const p0 = previous[0]!, p1 = previous[1]!, p2 = previous[2]!, p3 = previous[3]!;
    const p4 = previous[4]!, p5 = previous[5]!, p6 = previous[6]!;
    for (let to = 0; to < L; to++) {
      let best = p0 + t[to]!;
      let arg = 0;
      let s: number;
      if ((s = p1 + t[L + to]!) > best) (best = s), (arg = 1);
      if ((s = p2 + t[2 * L + to]!) > best) (best = s), (arg = 2);
      if ((s = p3 + t[3 * L + to]!) > best) (best = s), (arg = 3);
      if ((s = p4 + t[4 * L + to]!) > best) (best = s), (arg = 4);
      if ((s = p5 + t[5 * L + to]!) > best) (best = s), (arg = 5);
      if ((s = p6 + t[6 * L + to]!) > best) (best = s), (arg = 6);
      current[to] = best + emission[k * L + to]!;
      back[i * L + to] = arg;
    }
    [previous, current] = [current, previous];
  }
  lattice.length += count;
  lattice.previous = previous;
  lattice.current = current;
}

/** The labels of the best path through all the characters. */
function bestPath({ back, length: n, previous }: Lattice): Uint8Array {
  const L = LABEL_COUNT;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  let last = 0;
  for (let l = 1; l < L; l++) if (previous[l]! > previous[last]!) last = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = last;
    last = back[i * L + last]!;
  }
  return labels;
}

/** Best label sequence given emission scores and masked transitions (`maskTransitions`). */
export function viterbi(emission: Float32Array, n: number, transitions: Float32Array): Uint8Array {
  const state = lattice(n, transitions);
  forward(state, emission, n);
  return bestPath(state);
}

type SpanType = "PER" | "LOC" | "ORG";
/** For each label: the label that continues its span (B-PER → I-PER), or -1 when it opens none. */
const CONTINUATION = LABELS.map((label) => (label.startsWith("B-") ? LABELS.indexOf(`I-${label.slice(2)}` as (typeof LABELS)[number]) : -1));
const SPAN_TYPE = LABELS.map((label) => label.slice(2) as SpanType);

/**
 * Spans of the labels, with type PER, LOC or ORG.
 *
 * @example
 * labelSpans(Uint8Array.from([1, 2, 2, 0])) // → [{ type: "PER", start: 0, end: 3 }]
 */
export function labelSpans(labels: Uint8Array): { type: SpanType; start: number; end: number }[] {
  const spans: { type: SpanType; start: number; end: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const inside = CONTINUATION[labels[i]!]!;
    if (inside < 0) continue;
    let end = i + 1;
    while (end < labels.length && labels[end] === inside) end++;
    spans.push({ type: SPAN_TYPE[labels[i]!]!, start: i, end });
    i = end - 1;
  }
  return spans;
}

/** The weights file, gzipped as it ships (8.5 MB of int16 rows compress to 4.4 MB; gunzip costs ~30 ms at load). */
const WEIGHTS_FILE = "entity-tagger.bin.gz";
let shipped: TaggerWeights | undefined;

/** A row's int16 hundredths are int8 steps of its own scale (hundredths per step). */
const INT8_STEPS = 127;

/** Each row's scale: the hundredths per int8 step that fit its largest weight. */
function rowScales(rows: Int16Array): Uint16Array {
  const scales = new Uint16Array(rows.length / ROW - 1);
  for (let r = 0; r < scales.length; r++) {
    let largest = 0;
    for (let l = 0; l < ROW; l++) largest = Math.max(largest, Math.abs(rows[(r + 1) * ROW + l]!));
    scales[r] = Math.max(1, Math.ceil(largest / INT8_STEPS));
  }
  return scales;
}

/**
 * The weights as they ship: each row rounded to int8 steps of its own scale (a weight moves by at most half a step,
 * under 0.4% of its row's largest), the transitions to hundredths.
 *
 * @example
 * quantizedWeights(weights).rows // every row a multiple of its scale, at most 127 steps
 */
export function quantizedWeights(weights: TaggerWeights): TaggerWeights {
  const scales = rowScales(weights.rows);
  const rows = weights.rows.map((v, k) => {
    if (k < ROW) return 0;
    const scale = scales[Math.floor(k / ROW) - 1]!;
    // a row whose largest weight is near the int16 limit rounds up past it (127 steps of 259): clamped, not wrapped
    return Math.max(-32767, Math.min(32767, Math.round(v / scale) * scale));
  });
  const transitions = weights.transitions.map((v) => Number(v.toFixed(2)));
  return { known: weights.known, rows, transitions };
}

/**
 * The sections of the weights file, in file order, with their element types: the transitions, the bit set with its
 * ranks (`TaggerWeights.known`), the rows, and the tagging tables of templates 1–5 (`taggingTables`).
 */
const SECTIONS = [
  ["transitions", Float32Array],
  ["known", Uint32Array],
  ["rows", Int16Array],
  ["blockOf", Int32Array],
  ["characters", Int16Array],
] as const;
type SectionName = (typeof SECTIONS)[number][0];
/** Sections start at multiples of 8 bytes, so that each is a typed array over the file's own buffer. */
const ALIGN = 8;
const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/**
 * The weights file: `header` (text lines; the training tool names its training sets there), a line
 * `sections little-endian <name> <count>…` padded with spaces to a multiple of 8 bytes, then each section's
 * elements as they lie in memory (little-endian), each padded to 8 bytes. Loading is one file read and a typed
 * array per section over its buffer: no decompression, decoding or arithmetic per weight, and the tagging tables
 * come built. The weights go in as they are (`quantizedWeights` first for trained ones).
 *
 * @example
 * readTaggerWeights(weightsFile(weights, ["# test weights"])) // → the same known, rows and transitions
 */
export function weightsFile(weights: TaggerWeights, header: readonly string[]): Uint8Array {
  const { blockOf, characters } = taggingTables(weights);
  const arrays: Record<SectionName, ArrayBufferView> = { transitions: weights.transitions, known: weights.known, rows: weights.rows, blockOf, characters };
  const counts = SECTIONS.map(([name, type]) => `${name} ${arrays[name].byteLength / type.BYTES_PER_ELEMENT}`).join(" ");
  const line = `sections little-endian ${counts}`;
  const head = `${header.map((h) => `${h}\n`).join("")}${line}`;
  const headBytes = Buffer.from(head, "utf8");
  const start = aligned(headBytes.length + 1);
  const out = Buffer.alloc(SECTIONS.reduce((at, [name]) => at + aligned(arrays[name].byteLength), start), 0);
  out.fill(" ", headBytes.length, start - 1);
  headBytes.copy(out);
  out[start - 1] = 0x0a;
  let at = start;
  for (const [name] of SECTIONS) {
    const array = arrays[name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += aligned(array.byteLength);
  }
  return out;
}

/** The text lines before the sections of a weights file (`weightsFile`): its header. */
export function weightsFileHeader(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1", 0, sectionsLine(bytes, WEIGHTS_FILE).start);
  return Buffer.from(text, "latin1").toString("utf8").split("\n").filter((line) => line !== "");
}

/** Where the `sections` line of a weights file starts and ends (its newline). */
function sectionsLine(bytes: Uint8Array, file: string): { start: number; end: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buffer.indexOf("sections ");
  const start = at === 0 || (at > 0 && buffer[at - 1] === 0x0a) ? at : buffer.indexOf("\nsections ") + 1;
  const end = start > 0 || at === 0 ? buffer.indexOf(0x0a, start) : -1;
  if (end < 0) throw dictParseError(file, { line: 1, fields: [] }, "expected a `sections little-endian <name> <count>…` line");
  return { start, end };
}

/** Weights from the bytes of a weights file (`weightsFile`); a `DICT_PARSE` error says what is wrong. */
export function readTaggerWeights(bytes: Uint8Array, file = WEIGHTS_FILE): TaggerWeights {
  const { start, end } = sectionsLine(bytes, file);
  const fields = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1").trim().split(/ +/u);
  const lineNumber = Buffer.from(bytes.buffer, bytes.byteOffset, start).toString("latin1").split("\n").length;
  const bad = (problem: string) => dictParseError(file, { line: lineNumber, fields: fields.slice(0, 12) }, problem);
  const expected = ["sections", "little-endian", ...SECTIONS.flatMap(([name]) => [name, "<count>"])];
  if (fields.length !== expected.length || expected.some((f, k) => f !== "<count>" && f !== fields[k]) || fields.some((f, k) => expected[k] === "<count>" && !/^\d+$/u.test(f))) {
    throw bad(`expected \`${expected.join(" ")}\``);
  }
  if (endianness() !== "LE") throw bad("the file is little-endian and this machine is not");
  // typed arrays need aligned offsets: a small buffer may sit anywhere in Node's pool
  const own = bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes);
  let at = aligned(end + 1);
  const views = {} as Record<SectionName, ArrayBufferView>;
  SECTIONS.forEach(([name, type], k) => {
    const count = Number(fields[3 + 2 * k]);
    if (at + count * type.BYTES_PER_ELEMENT > own.byteLength) throw bad(`the file ends inside section ${name}`);
    views[name] = new type(own.buffer as ArrayBuffer, own.byteOffset + at, count);
    at += aligned(count * type.BYTES_PER_ELEMENT);
  });
  const { transitions, known, rows, blockOf, characters } = views as {
    transitions: Float32Array; known: Uint32Array; rows: Int16Array; blockOf: Int32Array; characters: Int16Array;
  };
  const rowCount = known.length > 0 ? known[known.length - 2]! + popCount(known[known.length - 1]!) : 0;
  if (transitions.length !== (LABEL_COUNT + 1) * LABEL_COUNT || known.length !== KNOWN_WORDS || rows.length !== rowCount * ROW) {
    throw bad(`expected ${(LABEL_COUNT + 1) * LABEL_COUNT} transitions, ${KNOWN_WORDS} words of known features and their rows`);
  }
  const blocks = characters.length / (CHARACTER_OFFSETS.length * ROW);
  if (blockOf.length !== 0x10000 || !Number.isInteger(blocks) || blockOf.some((block) => block < 0 || block >= blocks)) {
    throw bad("expected a block of every UTF-16 unit within the characters' table");
  }
  return { known, rows, transitions, blockOf, characters };
}

/** The shipped weights, read once per process on first use (`weightsFile`). */
export function shippedTaggerWeights(): TaggerWeights {
  shipped ??= readTaggerWeights(gunzipSync(readFileSync(dictPath(WEIGHTS_FILE))));
  return shipped;
}

/** What tagging derives from a set of weights (masked transitions, lookup tables), computed once per set. */
const prepared = new WeakMap<TaggerWeights, { transitions: Float32Array; tables: TaggingTables }>();

function preparedFor(weights: TaggerWeights): { transitions: Float32Array; tables: TaggingTables } {
  let ready = prepared.get(weights);
  if (!ready) {
    const { blockOf, characters } = weights;
    const tables = blockOf && characters ? { ...smallTables(weights), blockOf, characters } : taggingTables(weights);
    ready = { transitions: maskTransitions(weights.transitions), tables };
    prepared.set(weights, ready);
  }
  return ready;
}

/**
 * BIO labels of every character of `text`.
 *
 * @example
 * labelSpans(tagCharacters(text, index, lexicon)) // "江泽民会见克林顿" → [PER 0–3, PER 5–8]
 */
export function tagCharacters(
  text: string,
  index: TokenIndex,
  lexicon: EntityLexicon,
  weights: TaggerWeights = shippedTaggerWeights(),
): Uint8Array {
  const { transitions, tables } = preparedFor(weights);
  const n = text.length;
  const memory = bytes(contextBytes(n) + n * LABEL_COUNT);
  const context = characterContext(text, index, lexicon, memory.subarray(0, contextBytes(n)));
  const state = lattice(n, transitions, memory.subarray(contextBytes(n)));
  for (let from = 0; from < text.length; from += CHUNK) {
    const to = Math.min(text.length, from + CHUNK);
    scoreForTagging(context, from, to, weights, tables, chunkScores);
    forward(state, chunkScores, to - from);
  }
  return bestPath(state);
}
