/**
 * The part of a Doc that keywords and summaries may read. With `scope: "article"` (the default) and a page stage
 * before them, that is the article and title regions of `doc.page`: navigation, metadata, credits and spam
 * banners (the seed's `欢迎访问122cc太阳集成游戏!`) never yield a keyword or a summary sentence. Without page
 * information the whole text is content.
 */
import type { Doc, Span } from "../schema.js";

const CONTENT_KINDS = new Set(["article", "title"]);

/** Sorted, non-overlapping ranges of `doc.text` that count as content. */
export function contentRanges(doc: Doc, scope: "article" | "all" = "article"): Span[] {
  const regions = scope === "article" ? doc.page?.regions.filter((r) => CONTENT_KINDS.has(r.kind)) : undefined;
  if (!regions || regions.length === 0) return [{ start: 0, end: doc.text.length, text: doc.text }];
  return [...regions].sort((a, b) => a.start - b.start).map(({ start, end, text }) => ({ start, end, text }));
}

/**
 * The spans (sorted by start) that lie wholly inside `ranges`, in one linear pass over both.
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
