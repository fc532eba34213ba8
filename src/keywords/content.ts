/**
 * Restricting spans to the content: with `scope: "article"` (the default) and page information, keywords and
 * summaries read only the article and title regions (`contentRanges` in text/page.ts), so navigation, metadata,
 * credits and spam banners (the seed's `欢迎访问122cc太阳集成游戏!`) never yield a keyword or a summary sentence.
 */
import type { Span } from "../schema.js";

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
