/**
 * A set of strings (each at least two characters long) found in a text as a global regex alternation of them,
 * longest first, would find them: the longest at each position, scanning on after it. It looks them up in a table of
 * their first two characters, so a clean text costs one bit test per character where an alternation of a thousand
 * strings tried each at every position.
 */
export class StringSet {
  /** Which characters start a string, and which stand second in one: most positions of a text fail one of the two. */
  private readonly first = new Uint8Array(0x10000);
  private readonly second = new Uint8Array(0x10000);
  private readonly byPair = new Map<number, string[]>();

  constructor(strings: Iterable<string>) {
    for (const string of [...strings].sort((a, b) => b.length - a.length)) {
      if (string.length < 2) throw new RangeError(`StringSet holds strings of two characters or more, not "${string}"`);
      const pair = (string.charCodeAt(0) << 16) | string.charCodeAt(1);
      this.first[string.charCodeAt(0)] = 1;
      this.second[string.charCodeAt(1)] = 1;
      const bucket = this.byPair.get(pair);
      if (bucket) bucket.push(string);
      else this.byPair.set(pair, [string]);
    }
  }

  /** The longest string of the set at `i` of `text`, if any. */
  private at(text: string, i: number): string | undefined {
    if (this.first[text.charCodeAt(i)] === 0 || this.second[text.charCodeAt(i + 1)] === 0) return undefined;
    return this.byPair.get((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1))?.find((candidate) => text.startsWith(candidate, i));
  }

  /** Every occurrence, in order, none overlapping an earlier one. */
  findAll(text: string): { index: number; text: string }[] {
    const found: { index: number; text: string }[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      const string = this.at(text, i);
      if (string === undefined) continue;
      found.push({ index: i, text: string });
      i += string.length - 1;
    }
    return found;
  }

  /** Whether any string of the set occurs in `text`. */
  occursIn(text: string): boolean {
    for (let i = 0; i < text.length - 1; i++) if (this.at(text, i) !== undefined) return true;
    return false;
  }
}
