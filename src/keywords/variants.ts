/**
 * Near-duplicate keywords (学院办学定位 beside 办学定位): the Dice coefficient over character bigrams, computed as
 * natural's DiceCoefficient does (lower case, whitespace runs as one space, trimmed; a single character padded with
 * a space), with each text's bigrams built once instead of once per comparison, as numbers (two UTF-16 units).
 */

/** The distinct character bigrams of `text`, each as first unit × 65536 + second, ascending. */
export function bigrams(text: string): number[] {
  let clean = isUnifiedHan(text) ? text : text.toLowerCase().replace(/\s+/g, " ").trim();
  if (clean.length === 1) clean += " ";
  const out: number[] = [];
  for (let i = 0; i + 1 < clean.length; i++) out.push(clean.charCodeAt(i) * 65536 + clean.charCodeAt(i + 1));
  out.sort((a, b) => a - b);
  let distinct = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[distinct++] = out[i]!;
  out.length = distinct;
  return out;
}

/** Only CJK Unified Ideographs (most keywords): no case, no blank, nothing for the cleaning to change. */
function isUnifiedHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) return false;
  }
  return true;
}

/**
 * The Dice coefficient of two bigram lists: twice the shared bigrams over the sum of their sizes (NaN for two empty
 * lists).
 *
 * @example
 * dice(bigrams("办学定位"), bigrams("学院办学定位")); // → 0.75
 */
export function dice(a: readonly number[], b: readonly number[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) (shared++, i++, j++);
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}
