/**
 * Near-duplicate keywords (学院办学定位 beside 办学定位): the Dice coefficient over character bigrams, computed as
 * natural's DiceCoefficient does (lower case, whitespace runs as one space, trimmed; a single character padded with
 * a space), with each text's bigrams built once instead of once per comparison.
 */

/** The distinct character bigrams of `text`. */
export function bigrams(text: string): Set<string> {
  let clean = text.toLowerCase().replace(/\s+/g, " ").trim();
  if (clean.length === 1) clean += " ";
  const out = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i++) out.add(clean.slice(i, i + 2));
  return out;
}

/**
 * The Dice coefficient of two bigram sets: twice the shared bigrams over the sum of their sizes (NaN for two empty
 * sets).
 *
 * @example
 * dice(bigrams("办学定位"), bigrams("学院办学定位")); // → 0.75
 */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const bigram of a) if (b.has(bigram)) shared++;
  return (2 * shared) / (a.size + b.size);
}
