/**
 * Word tables for longest-match lookups at a position of a text, forwards or backwards: the dictionary lookups that
 * run at every character (entity lexicons, the input stage's injected-string lists). A trie of UTF-16 units in flat
 * arrays, so a lookup builds no strings and stops as soon as no word continues.
 */
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
 * longestEndingAt(table([["党委书记", "office"]]), "学院党委书记", 6) // → { start: 2, word: "党委书记", value: "office" }
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
 * longestStartingAt(table([["山西", "山西省"]]), "服务山西高质量", 2) // → { end: 4, word: "山西", value: "山西省" }
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

/**
 * A set of strings found in a text as a global regex alternation of them, longest first, would find them: the
 * longest at each position, scanning on after it. A clean text costs one bit test per character, where an
 * alternation of a thousand strings is tried at every position.
 */
export class StringSet {
  private readonly words: WordTable<true>;

  constructor(strings: Iterable<string>) {
    this.words = table(Array.from(strings, (string): [string, true] => [string, true]));
  }

  /** Every occurrence, in order, none overlapping an earlier one. */
  findAll(text: string): { index: number; text: string }[] {
    const found: { index: number; text: string }[] = [];
    for (let i = 0; i < text.length; i++) {
      const end = longestEndAfter(this.words, text, i);
      if (end < 0) continue;
      found.push({ index: i, text: text.slice(i, end) });
      i = end - 1;
    }
    return found;
  }

  /** Whether any string of the set occurs in `text`. */
  occursIn(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (longestEndAfter(this.words, text, i) >= 0) return true;
    return false;
  }
}
