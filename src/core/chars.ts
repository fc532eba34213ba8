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

/** Index of the first unit of `text` in `table`, or -1: one table read per unit, where a regex class costs ~10×. */
export function firstIn(table: Uint8Array, text: string, from = 0): number {
  for (let i = from; i < text.length; i++) if (table[text.charCodeAt(i)] === 1) return i;
  return -1;
}

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
