/**
 * Finding the terms of a small vocabulary in text: a bucket of candidate terms per first character, longest
 * first, so each position costs only the few terms that start with its character (linear in the text).
 * Matching ignores ASCII case; terms must be stored in lower case.
 */

/** A vocabulary ready for matching; `T` carries whatever the caller attaches to a term. */
export interface TermIndex<T extends { term: string }> {
  /** Buckets by the UTF-16 unit a term starts with: the scan reads numbers, and makes no string per character. */
  byFirst: Map<number, T[]>;
  /** 1 at the units some term starts with: most characters start none, and a typed array says so fastest. */
  starts: Uint8Array;
}

/** Lower-cases an ASCII capital's code only, so offsets never move (String#toLowerCase can change lengths). */
const asciiLower = (code: number): number => (code >= 0x41 && code <= 0x5a ? code + 32 : code);

/** Builds the index; later duplicates of a term are ignored. */
export function buildTermIndex<T extends { term: string }>(entries: readonly T[]): TermIndex<T> {
  const byFirst = new Map<number, T[]>();
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.term === "" || seen.has(entry.term)) continue;
    seen.add(entry.term);
    const first = entry.term.charCodeAt(0);
    const bucket = byFirst.get(first) ?? [];
    bucket.push(entry);
    byFirst.set(first, bucket);
  }
  const starts = new Uint8Array(0x10000);
  for (const [first, bucket] of byFirst) {
    bucket.sort((a, b) => b.term.length - a.term.length);
    starts[first] = 1;
  }
  return { byFirst, starts };
}

function matchesAt(text: string, p: number, term: string, end: number): boolean {
  if (p + term.length > end) return false;
  for (let k = 0; k < term.length; k++) if (asciiLower(text.charCodeAt(p + k)) !== term.charCodeAt(k)) return false;
  return true;
}

/** The longest term starting at `p` (and ending by `end`), if any. */
export function termAt<T extends { term: string }>(index: TermIndex<T>, text: string, p: number, end = text.length): T | undefined {
  const first = asciiLower(text.charCodeAt(p));
  if (!index.starts[first]) return undefined;
  for (const entry of index.byFirst.get(first)!) if (matchesAt(text, p, entry.term, end)) return entry;
  return undefined;
}

/** A term found in the text. */
export interface TermMatch<T> {
  start: number;
  end: number;
  entry: T;
}

/**
 * Leftmost-longest, non-overlapping occurrences of the vocabulary in `text.slice(from, to)`.
 *
 * @example
 * const index = buildTermIndex([{ term: "百家乐" }, { term: "注册送" }]);
 * findTerms(index, "百家乐注册送").map((m) => m.entry.term); // → ["百家乐", "注册送"]
 */
export function findTerms<T extends { term: string }>(index: TermIndex<T>, text: string, from = 0, to = text.length): TermMatch<T>[] {
  const out: TermMatch<T>[] = [];
  for (let p = from; p < to; p++) {
    const entry = termAt(index, text, p, to);
    if (entry) {
      out.push({ start: p, end: p + entry.term.length, entry });
      p += entry.term.length - 1;
    }
  }
  return out;
}
