/** Character sets for the loops that run at every character of a text. */

/**
 * A lookup table over UTF-16 code units: hot loops test `table[text.charCodeAt(i)]` instead of building a
 * one-character string per position (which costs an allocation for every Chinese character).
 *
 * @example
 * const dots = charTable(".．");
 * dots["．".charCodeAt(0)]; // → 1
 */
export function charTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** A CJK unified ideograph of the basic block (U+4E00–U+9FFF, `[\u4e00-\u9fff]`), where every character of these documents lies. */
export const isIdeograph = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

const FIRST_UNITS = new WeakMap<readonly string[], Uint8Array>();

/**
 * The first units of `words` as a table, built once per list: a position whose unit is not in it starts none of
 * them, so a scan that tries every word at every position (`words.find((w) => text.startsWith(w, i))`) tries them
 * only where one may start.
 */
export function firstUnitsOf(words: readonly string[]): Uint8Array {
  let table = FIRST_UNITS.get(words);
  if (!table) FIRST_UNITS.set(words, (table = charTable(words.filter((word) => word !== "").map((word) => word[0]!))));
  return table;
}

/** A pair of UTF-16 units hashed to a bit of a 64K-bit (8 KB) set. */
const pairSlot = (first: number, second: number): number => ((first << 5) ^ second) & 0xffff;

/**
 * Strings of two units or more, each with bits, found by their first two units: a scan at every position of a text
 * reads one bit for the pair there, from a set small enough to stay in the processor's first cache, and compares
 * strings only where a listed string starts with that pair. A trie walk costs more at every position of a Chinese
 * text, where common characters start some word; this is for the tells of a finder (strings no clean text writes),
 * whose absence rules the finder out in one pass.
 *
 * @example
 * const tells = new PairIndex([["官网", 1], ["登录", 2]]);
 * tells.occursIn("请登录"); // → true
 * tells.bitsOfPair("请登录", 1, 0x767b, 0x5f55); // → 2 (登, 录)
 */
export class PairIndex {
  /** A bit per slot: set where some string's first pair hashes, so that a clear bit rules the pair out. */
  private readonly slots = new Uint32Array(0x10000 >>> 5);
  private readonly byPair = new Map<number, [string, number][]>();

  constructor(entries: Iterable<readonly [string, number]>) {
    for (const [string, bits] of entries) {
      if (string.length < 2) throw new Error(`PairIndex: "${string}" is shorter than two units`);
      const first = string.charCodeAt(0);
      const second = string.charCodeAt(1);
      const slot = pairSlot(first, second);
      this.slots[slot >>> 5]! |= 1 << (slot & 31);
      const key = first * 0x10000 + second;
      this.byPair.set(key, [...(this.byPair.get(key) ?? []), [string, bits]]);
    }
  }

  /** The bits of the strings that start at `i` of `text`, whose units at `i` and `i + 1` the caller's scan has read (0 when none does). */
  bitsOfPair(text: string, i: number, first: number, second: number): number {
    const slot = pairSlot(first, second);
    if ((this.slots[slot >>> 5]! & (1 << (slot & 31))) === 0) return 0;
    let bits = 0;
    for (const [string, stringBits] of this.byPair.get(first * 0x10000 + second) ?? []) if (text.startsWith(string, i)) bits |= stringBits;
    return bits;
  }

  /** Whether any string of the index occurs in `text`. */
  occursIn(text: string): boolean {
    let second = text.charCodeAt(0);
    for (let i = 0; i + 1 < text.length; i++) {
      const first = second;
      second = text.charCodeAt(i + 1);
      if (this.bitsOfPair(text, i, first, second) !== 0) return true;
    }
    return false;
  }
}
