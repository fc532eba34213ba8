/**
 * The word lists entity extraction reads from `dict/` (titles, organisation suffixes and names, surnames, places,
 * regions), parsed once on first use and validated line by line.
 */
import { dictParseError, readDictLines } from "../dict.js";

export type TitleKind = "office" | "honor" | "credit" | "address";

/** A node of a character trie: the words that continue with each UTF-16 unit, and the word that ends here. */
interface TrieNode<V> {
  next: Map<number, TrieNode<V>> | undefined;
  word: string | undefined;
  value: V | undefined;
}

/**
 * A set of words for longest-match lookups starting or ending at a position. The lookups walk tries of UTF-16
 * units read from the text, so they build no strings and stop as soon as no word continues: they run at every
 * character of every document.
 */
export interface WordTable<V> {
  words: Map<string, V>;
  /** The words read from their first unit, and read backwards from their last. */
  forward: TrieNode<V>;
  backward: TrieNode<V>;
  /** Bit sets of the first and last units of the words: most positions are rejected with one array read. */
  firsts: Uint32Array;
  lasts: Uint32Array;
}

const hasUnit = (bits: Uint32Array, code: number) => ((bits[code >>> 5] ?? 0) & (1 << (code & 31))) !== 0;

const trieNode = <V>(): TrieNode<V> => ({ next: undefined, word: undefined, value: undefined });

function insert<V>(root: TrieNode<V>, word: string, value: V, backwards: boolean): void {
  let node = root;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(backwards ? word.length - 1 - k : k);
    node.next ??= new Map();
    let child = node.next.get(code);
    if (!child) node.next.set(code, (child = trieNode<V>()));
    node = child;
  }
  node.word = word;
  node.value = value;
}

function table<V>(entries: Iterable<[string, V]>): WordTable<V> {
  const words = new Map<string, V>();
  const forward = trieNode<V>();
  const backward = trieNode<V>();
  const firsts = new Uint32Array(2048);
  const lasts = new Uint32Array(2048);
  for (const [word, value] of entries) {
    if (words.has(word) || word === "") continue;
    words.set(word, value);
    insert(forward, word, value, false);
    insert(backward, word, value, true);
    const first = word.charCodeAt(0);
    const last = word.charCodeAt(word.length - 1);
    firsts[first >>> 5]! |= 1 << (first & 31);
    lasts[last >>> 5]! |= 1 << (last & 31);
  }
  return { words, forward, backward, firsts, lasts };
}

/**
 * Longest word of `table` ending at `end` (and starting at or after `floor`).
 *
 * @example
 * longestEndingAt(entityLexicon().titles, "学院党委书记", 6) // → { start: 2, word: "党委书记", value: "office" }
 */
export function longestEndingAt<V>(
  t: WordTable<V>,
  text: string,
  end: number,
  floor = 0,
): { start: number; word: string; value: V } | undefined {
  if (end <= floor || !hasUnit(t.lasts, text.charCodeAt(end - 1))) return undefined;
  let node: TrieNode<V> | undefined = t.backward;
  let found: TrieNode<V> | undefined;
  let foundStart = 0;
  for (let start = end - 1; start >= floor && node; start--) {
    node = node.next?.get(text.charCodeAt(start));
    if (node?.word !== undefined) {
      found = node;
      foundStart = start;
    }
  }
  return found ? { start: foundStart, word: found.word!, value: found.value! } : undefined;
}

/**
 * Longest word of `table` starting at `start` (and ending at or before `ceiling`).
 *
 * @example
 * longestStartingAt(entityLexicon().places, "服务山西高质量", 2) // → { end: 4, word: "山西", value: "山西省" }
 */
export function longestStartingAt<V>(
  t: WordTable<V>,
  text: string,
  start: number,
  ceiling = text.length,
): { end: number; word: string; value: V } | undefined {
  if (start >= ceiling || !hasUnit(t.firsts, text.charCodeAt(start))) return undefined;
  let node: TrieNode<V> | undefined = t.forward;
  let found: TrieNode<V> | undefined;
  let foundEnd = 0;
  for (let end = start + 1; end <= ceiling && node; end++) {
    node = node.next?.get(text.charCodeAt(end - 1));
    if (node?.word !== undefined) {
      found = node;
      foundEnd = end;
    }
  }
  return found ? { end: foundEnd, word: found.word!, value: found.value! } : undefined;
}

export interface EntityLexicon {
  titles: WordTable<TitleKind>;
  orgSuffixes: WordTable<true>;
  /** Known organisation names → full name (the name itself when the file gives none). */
  orgNames: WordTable<string>;
  surnames: WordTable<true>;
  /** Place names → canonical full name (gazetteer plus named regions). */
  places: WordTable<string>;
  /** Words that are never person names (高水平, 瓦斯). */
  notNames: Set<string>;
  /** Names of provinces, countries and named regions: unambiguous even when glued to the next word (山西杏儿沟). */
  majorPlaces: Set<string>;
}

const TITLE_KINDS = new Set<TitleKind>(["office", "honor", "credit", "address"]);
/** Prefixes an office title can take (原副省长, 常务副市长, 前总理). */
const TITLE_PREFIXES = ["副", "常务副", "原", "原副", "前", "前副", "代", "代理", "第一副", "执行"];

function readTitles(): WordTable<TitleKind> {
  const file = "entity-titles.txt";
  const entries: [string, TitleKind][] = [];
  for (const line of readDictLines(file, "\t")) {
    const [title, kind, ...rest] = line.fields;
    if (!title || rest.length > 0 || !TITLE_KINDS.has(kind as TitleKind)) {
      throw dictParseError(file, line, "expected `title<TAB>office|honor|credit|address`");
    }
    entries.push([title, kind as TitleKind]);
  }
  // listed titles first, so that 党委副书记 keeps its own entry rather than becoming 党委 + 副书记
  const variants: [string, TitleKind][] = [];
  for (const [title, kind] of entries) {
    if (kind !== "office") continue;
    for (const prefix of TITLE_PREFIXES) variants.push([prefix + title, kind]);
  }
  return table([...entries, ...variants]);
}

function readWords(file: string): string[] {
  return readDictLines(file).flatMap((line) => line.fields.filter((f) => f !== ""));
}

function readNamePairs(file: string, minimumFields: 1 | 2): [string, string][] {
  return readDictLines(file, "\t").map((line) => {
    const [name, full, ...rest] = line.fields;
    if (!name || rest.length > 0 || (minimumFields === 2 && !full)) {
      throw dictParseError(file, line, minimumFields === 2 ? "expected `name<TAB>full`" : "expected `name[<TAB>full]`");
    }
    return [name, full || name];
  });
}

interface PlaceLine {
  name: string;
  level: string;
  full: string;
}

function readPlaces(): PlaceLine[] {
  const file = "places.txt";
  return readDictLines(file, "\t").map((line) => {
    const [name, level, , full] = line.fields;
    if (!name || !level || !full) throw dictParseError(file, line, "expected `name<TAB>level<TAB>code<TAB>full`");
    return { name, level, full };
  });
}

const MAJOR_LEVELS = new Set(["province", "country"]);

let lexicon: EntityLexicon | undefined;

/**
 * The entity word lists, loaded on first use.
 *
 * @example
 * entityLexicon().surnames.words.has("欧阳") // → true
 */
export function entityLexicon(): EntityLexicon {
  if (lexicon) return lexicon;
  const places = readPlaces();
  const regions = readNamePairs("entity-regions.txt", 2);
  lexicon = {
    titles: readTitles(),
    orgSuffixes: table(readWords("entity-org-suffixes.txt").map((w) => [w, true as const])),
    orgNames: table(readNamePairs("entity-orgs.txt", 1)),
    surnames: table(readWords("entity-surnames.txt").map((w) => [w, true as const])),
    notNames: new Set(readWords("entity-not-names.txt")),
    places: table([...places.map((p): [string, string] => [p.name, p.full]), ...regions]),
    majorPlaces: new Set([...places.filter((p) => MAJOR_LEVELS.has(p.level)).map((p) => p.name), ...regions.map(([name]) => name)]),
  };
  return lexicon;
}
