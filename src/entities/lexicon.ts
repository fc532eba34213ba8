/**
 * The word lists entity extraction reads from `dict/` (titles, organisation suffixes and names, surnames, places,
 * regions), parsed once on first use and validated line by line.
 */
import { dictParseError, readDictLines } from "../dict.js";

export type TitleKind = "office" | "honor" | "credit" | "address";

/**
 * A set of words for longest-match lookups starting or ending at a position. The lookups walk tries of UTF-16
 * units read from the text, so they build no strings and stop as soon as no word continues: they run at every
 * character of every document.
 */
export interface WordTable<V> {
  words: Map<string, V>;
  /** The words read from their first unit, and read backwards from their last. */
  forward: Trie;
  backward: Trie;
  /** The words and their values by word number (the numbers the tries store). */
  list: string[];
  values: V[];
}

/**
 * A character trie in flat arrays: node 0 is the root; the child of a node for a UTF-16 unit is found in an
 * open-addressing table keyed by (node, unit), so a step is a hash and an array read or two, and a node's word
 * is a number. Bit sets of the units that leave the root reject most positions with one array read.
 */
interface Trie {
  /** Slot keys: node + 1 (0 = empty slot) and the unit. */
  parents: Int32Array;
  units: Uint16Array;
  children: Int32Array;
  mask: number;
  /** The word number ending at each node, or -1. */
  wordAt: Int32Array;
  /** Bit set of the units that leave the root. */
  starts: Uint32Array;
}

const slotOf = (node: number, unit: number, mask: number) => (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) >>> 0 & mask;

/** The child of `node` for `unit`, or -1. */
function childOf(trie: Trie, node: number, unit: number): number {
  for (let slot = slotOf(node, unit, trie.mask); ; slot = (slot + 1) & trie.mask) {
    const parent = trie.parents[slot]!;
    if (parent === 0) return -1;
    if (parent === node + 1 && trie.units[slot] === unit) return trie.children[slot]!;
  }
}

function buildTrie(list: readonly string[], backwards: boolean): Trie {
  let units = 1;
  for (const word of list) units += word.length;
  let size = 1;
  while (size < units * 2) size <<= 1;
  const trie: Trie = {
    parents: new Int32Array(size),
    units: new Uint16Array(size),
    children: new Int32Array(size),
    mask: size - 1,
    wordAt: new Int32Array(units).fill(-1),
    starts: new Uint32Array(2048),
  };
  let nodes = 1;
  list.forEach((word, number) => {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const unit = word.charCodeAt(backwards ? word.length - 1 - k : k);
      if (node === 0) trie.starts[unit >>> 5]! |= 1 << (unit & 31);
      let child = childOf(trie, node, unit);
      if (child < 0) {
        let slot = slotOf(node, unit, trie.mask);
        while (trie.parents[slot] !== 0) slot = (slot + 1) & trie.mask;
        trie.parents[slot] = node + 1;
        trie.units[slot] = unit;
        trie.children[slot] = child = nodes++;
      }
      node = child;
    }
    trie.wordAt[node] = number;
  });
  return trie;
}

const startsWord = (trie: Trie, unit: number) => (trie.starts[unit >>> 5]! & (1 << (unit & 31))) !== 0;

/** Can a word of `table` start with this UTF-16 unit? One bit set read: false rules out every lookup starting there. */
export const mayStartWord = (t: WordTable<unknown>, unit: number) => startsWord(t.forward, unit);
/** Can a word of `table` end with this UTF-16 unit? */
export const mayEndWord = (t: WordTable<unknown>, unit: number) => startsWord(t.backward, unit);

export function table<V>(entries: Iterable<[string, V]>): WordTable<V> {
  const words = new Map<string, V>();
  for (const [word, value] of entries) if (!words.has(word) && word !== "") words.set(word, value);
  const list = [...words.keys()];
  return { words, forward: buildTrie(list, false), backward: buildTrie(list, true), list, values: [...words.values()] };
}

/**
 * Start of the longest word of `table` ending at `end` (and starting at or after `floor`), or -1; its number is
 * left in `matched.word`. The allocation-free form of `longestEndingAt`.
 */
export function longestStartBefore(t: WordTable<unknown>, text: string, end: number, floor = 0): number {
  const trie = t.backward;
  if (end <= floor || !startsWord(trie, text.charCodeAt(end - 1))) return -1;
  let node = 0;
  let found = -1;
  for (let start = end - 1; start >= floor; start--) {
    node = childOf(trie, node, text.charCodeAt(start));
    if (node < 0) break;
    if (trie.wordAt[node]! >= 0) {
      found = start;
      matched.word = trie.wordAt[node]!;
    }
  }
  return found;
}

/**
 * End of the longest word of `table` starting at `start` (and ending at or before `ceiling`), or -1; its number
 * is left in `matched.word`. The allocation-free form of `longestStartingAt`.
 */
export function longestEndAfter(t: WordTable<unknown>, text: string, start: number, ceiling = text.length): number {
  const trie = t.forward;
  if (start >= ceiling || !startsWord(trie, text.charCodeAt(start))) return -1;
  let node = 0;
  let found = -1;
  for (let end = start + 1; end <= ceiling; end++) {
    node = childOf(trie, node, text.charCodeAt(end - 1));
    if (node < 0) break;
    if (trie.wordAt[node]! >= 0) {
      found = end;
      matched.word = trie.wordAt[node]!;
    }
  }
  return found;
}

/** The word number of the last match of `longestStartBefore` or `longestEndAfter`. */
export const matched = { word: -1 };

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
  const start = longestStartBefore(t, text, end, floor);
  return start < 0 ? undefined : { start, word: t.list[matched.word]!, value: t.values[matched.word]! };
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
  const end = longestEndAfter(t, text, start, ceiling);
  return end < 0 ? undefined : { end, word: t.list[matched.word]!, value: t.values[matched.word]! };
}

export interface EntityLexicon {
  /** dict/entity-titles.txt: the titles the tagger reads as a feature. */
  titles: WordTable<TitleKind>;
  /** Those and dict/entity-person-titles.txt: the titles person reading takes (person.ts). */
  personTitles: WordTable<TitleKind>;
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
const TITLE_PREFIXES = ["副", "常务副", "原", "原副", "前", "前副", "代", "代理", "第一副", "执行", "执行副", "临时"];

function readTitleEntries(file: string): [string, TitleKind][] {
  const entries: [string, TitleKind][] = [];
  for (const line of readDictLines(file, "\t")) {
    const [title, kind, ...rest] = line.fields;
    if (!title || rest.length > 0 || !TITLE_KINDS.has(kind as TitleKind)) {
      throw dictParseError(file, line, "expected `title<TAB>office|honor|credit|address`");
    }
    entries.push([title, kind as TitleKind]);
  }
  return entries;
}

function titleTable(entries: readonly [string, TitleKind][], prefixes: readonly string[]): WordTable<TitleKind> {
  // listed titles first, so that 党委副书记 keeps its own entry rather than becoming 党委 + 副书记
  const variants: [string, TitleKind][] = [];
  for (const [title, kind] of entries) {
    if (kind !== "office") continue;
    for (const prefix of prefixes) variants.push([prefix + title, kind]);
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
  const titles = readTitleEntries("entity-titles.txt");
  lexicon = {
    titles: titleTable(titles, TITLE_PREFIXES),
    personTitles: titleTable([...titles, ...readTitleEntries("entity-person-titles.txt")], TITLE_PREFIXES),
    orgSuffixes: table(readWords("entity-org-suffixes.txt").map((w) => [w, true as const])),
    orgNames: table(readNamePairs("entity-orgs.txt", 1)),
    surnames: table(readWords("entity-surnames.txt").map((w) => [w, true as const])),
    notNames: new Set(readWords("entity-not-names.txt")),
    places: table([...places.map((p): [string, string] => [p.name, p.full]), ...regions]),
    majorPlaces: new Set([...places.filter((p) => MAJOR_LEVELS.has(p.level)).map((p) => p.name), ...regions.map(([name]) => name)]),
  };
  return lexicon;
}
