/**
 * Restricting spans to the content: with `scope: "article"` (the default) and page information, keywords and
 * summaries read only the article and title regions (`contentRanges` in text/page.ts), so navigation, metadata,
 * credits and spam banners (the seed's `欢迎访问122cc太阳集成游戏!`) never yield a keyword or a summary sentence.
 */
import type { Span } from "../core/schema.js";

/**
 * The spans (sorted by start) that lie wholly inside `ranges` (sorted, non-overlapping), in one linear pass.
 */
export function spansWithin<T extends { start: number; end: number }>(spans: readonly T[], ranges: readonly Span[]): T[] {
  const out: T[] = [];
  let r = 0;
  for (const span of spans) {
    while (r < ranges.length && ranges[r]!.end <= span.start) r++;
    const range = ranges[r];
    if (range && range.start <= span.start && span.end <= range.end) out.push(span);
  }
  return out;
}

/**
 * Every occurrence of `needle` inside `ranges`, left to right and non-overlapping, including occurrences inside
 * longer words (转型发展 in 高质量转型发展), so a highlighter marks them all.
 */
export function occurrences(ranges: readonly Span[], needle: string): Span[] {
  const out: Span[] = [];
  if (needle === "") return out;
  for (const range of ranges) {
    let at = range.text.indexOf(needle);
    while (at >= 0) {
      out.push({ start: range.start + at, end: range.start + at + needle.length, text: needle });
      at = range.text.indexOf(needle, at + needle.length);
    }
  }
  return out;
}
