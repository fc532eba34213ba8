/**
 * Finding the terms of a small vocabulary in text: a bucket of candidate terms per first character, longest
 * first, so each position costs only the few terms that start with its character (linear in the text).
 * Matching ignores ASCII case; terms must be stored in lower case.
 */

/** A vocabulary ready for matching; `T` carries whatever the caller attaches to a term. */
export interface TermIndex<T extends { term: string }> {
  byFirst: Map<string, T[]>;
}

/** Lower-cases ASCII letters only, so offsets never move (String#toLowerCase can change lengths). */
export function asciiLower(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : c;
}

/** Builds the index; later duplicates of a term are ignored. */
export function buildTermIndex<T extends { term: string }>(entries: readonly T[]): TermIndex<T> {
  const byFirst = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.term === "" || seen.has(entry.term)) continue;
    seen.add(entry.term);
    const first = entry.term[0]!;
    const bucket = byFirst.get(first) ?? [];
    bucket.push(entry);
    byFirst.set(first, bucket);
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.term.length - a.term.length);
  return { byFirst };
}

function matchesAt(text: string, p: number, term: string, end: number): boolean {
  if (p + term.length > end) return false;
  for (let k = 0; k < term.length; k++) if (asciiLower(text[p + k]!) !== term[k]) return false;
  return true;
}

/** The longest term starting at `p` (and ending by `end`), if any. */
export function termAt<T extends { term: string }>(index: TermIndex<T>, text: string, p: number, end = text.length): T | undefined {
  const bucket = index.byFirst.get(asciiLower(text[p] ?? ""));
  return bucket?.find((entry) => matchesAt(text, p, entry.term, end));
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
