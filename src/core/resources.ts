/**
 * The shared resources stages read through their context (`context.resources`), as plain data types. By default
 * each is loaded from dict/ once per process, on first use, and shared by every analyzer; `createAnalyzer({
 * resources })` gives one analyzer others (e.g. tagger weights under evaluation). The jieba engines are not among
 * them: one per process each, chosen by name (segment/jieba.ts).
 */

/** A term's inverse document frequency. */
export interface IdfTable {
  /** IDF of `term`; a word the table has not seen scores the table's maximum (it is rarer than any kept word). */
  idf(term: string): number;
  /** The table as typed arrays, when it has that form: what a worker pool shares with its threads. */
  readonly compact?: CompactIdf;
}

/**
 * An IDF table in typed arrays, ~1.5 MB for dict/idf.txt's 50,000 words where a Map of them takes ~5 MB of every
 * thread's heap; in SharedArrayBuffers all of a pool's threads read one copy.
 */
export interface CompactIdf {
  /** The UTF-16 units of every word, one word after another: word i is chars[starts[i] .. starts[i + 1]). */
  chars: Uint16Array;
  /** Where each word starts in `chars`, one more entry than words (the last is `chars.length`). */
  starts: Uint32Array;
  /** Word i's IDF. */
  values: Float64Array;
  /** Open addressing by the hash of a word's units: word index + 1, or 0 for an empty slot; a power of two long. */
  slots: Uint32Array;
  /** The score of a word not in the table. */
  max: number;
}

/** FNV-1a over a word's UTF-16 units. */
function unitHash(word: string): number {
  let hash = 2166136261;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** The index of `word` in `table`, or the slot where it would go as -1 - slot. */
function findWord(table: Omit<CompactIdf, "values" | "max">, word: string): number {
  const { chars, starts, slots } = table;
  const mask = slots.length - 1;
  for (let slot = unitHash(word) & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot]!;
    if (entry === 0) return -1 - slot;
    const start = starts[entry - 1]!;
    if (starts[entry]! - start !== word.length) continue;
    let same = true;
    for (let i = 0; same && i < word.length; i++) same = chars[start + i] === word.charCodeAt(i);
    if (same) return entry - 1;
  }
}

/** Words and their IDF as a compact table (a word given twice keeps its last value); unseen words score `max`. */
export function compactIdf(words: readonly string[], values: readonly number[], max: number): CompactIdf {
  let units = 0;
  for (const word of words) units += word.length;
  let size = 1;
  while (size < words.length * 2) size *= 2;
  const table = { chars: new Uint16Array(units), starts: new Uint32Array(words.length + 1), slots: new Uint32Array(size) };
  const kept = new Float64Array(words.length);
  let count = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const found = findWord(table, word);
    if (found >= 0) {
      kept[found] = values[k]!;
      continue;
    }
    const start = table.starts[count]!;
    for (let i = 0; i < word.length; i++) table.chars[start + i] = word.charCodeAt(i);
    table.starts[count + 1] = start + word.length;
    kept[count] = values[k]!;
    table.slots[-1 - found] = ++count;
  }
  return { ...table, values: kept.subarray(0, count), max };
}

/** The lookup over a compact table (built here, or shared by the thread that built it). */
export function idfTable(compact: CompactIdf): IdfTable {
  return {
    idf: (term) => {
      const found = findWord(compact, term);
      return found >= 0 ? compact.values[found]! : compact.max;
    },
    compact,
  };
}

/** How a stopword is treated: never a keyword (`stop`), or never the head of a phrase (`modifier`). */
export type StopwordKind = "stop" | "modifier";

/**
 * The entity tagger's weights in their compact form: one bit per hashed feature id in `known` (plus ranks), the
 * weights of known features in `rows` (hundredths, O's weight subtracted, int8 steps of a scale per row), and the
 * label transitions.
 */
export interface TaggerWeights {
  /** Pairs of uint32 per 32 feature ids: the number of known features before them, then their bits. */
  known: Uint32Array;
  /** 8 bytes per known feature, in feature id order: an int8 step count per label besides O, then the int16 step. */
  rows: Int8Array;
  /** transitions[from * LABEL_COUNT + to]; row LABEL_COUNT is the sentence start. */
  transitions: Float32Array;
}

/** What the built-in stages load besides the Doc. */
export interface Resources {
  /** Keyword and summary term weights (dict/idf.txt). */
  idf: IdfTable;
  /** Words that are no keywords, or only modifiers (dict/stopwords.txt). */
  stopwords: ReadonlyMap<string, StopwordKind>;
  /** The entity tagger's weights (dict/entity-tagger.bin). */
  taggerWeights: TaggerWeights;
}

/** Every typed array constructor, for {@link sharedCopy}. */
type TypedArrayConstructor = new (buffer: SharedArrayBuffer) => ArrayBufferView & { set(from: ArrayLike<number>): void };

/**
 * A shallow copy of `resource` whose typed arrays live in SharedArrayBuffers: handed to worker threads (workerData),
 * they all read one copy instead of each keeping its own. Other fields are copied as they are.
 *
 * @example
 * sharedCopy(resourcesWith().taggerWeights).rows.buffer instanceof SharedArrayBuffer // → true
 */
export function sharedCopy<T extends object>(resource: T): T {
  const copy = (value: unknown) => {
    if (!ArrayBuffer.isView(value) || value instanceof DataView || value.buffer instanceof SharedArrayBuffer) return value;
    const shared = new (value.constructor as TypedArrayConstructor)(new SharedArrayBuffer(value.byteLength));
    shared.set(value as unknown as ArrayLike<number>);
    return shared;
  };
  return Object.fromEntries(Object.entries(resource).map(([key, value]) => [key, copy(value)])) as T;
}
