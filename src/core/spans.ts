/**
 * Span helpers every stage shares (one definition each): the binary search over sorted spans, restricting spans
 * to the content of the page (with `scope: "article"`, the default, and page information, stages read only the
 * article and title regions, so navigation, metadata, credits and spam banners such as the seed's
 * `欢迎访问122cc太阳集成游戏!` never yield a keyword, a list or a summary sentence), and finding occurrences.
 */
import { parseDoc, parseScope } from "./options.js";
import type { Doc, Span } from "./schema.js";

/**
 * How many of the sorted `items` have a key below `x` (a binary search): the index of the first item at or after
 * `x`, or one past the last item before it.
 *
 * @example
 * countBelow([{ start: 0 }, { start: 5 }, { start: 9 }], 6, (s) => s.start); // → 2
 */
export function countBelow<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/**
 * The ranges later stages read: the article and title regions, or the whole text when the page was not read or
 * the scope is `all`.
 *
 * @example
 * contentRanges(doc).map((r) => r.text); // → ["学院召开2023年第11次党委(扩大)会议", "5月17日,学院党委书记…"]
 * contentRanges(doc, "all");              // → [{ start: 0, end: doc.text.length, text: doc.text }]
 */
export function contentRanges(doc: Pick<Doc, "text" | "page">, scope: "article" | "all" = "article"): Span[] {
  parseDoc(doc, "contentRanges()");
  if (parseScope(scope) === "all" || !doc.page) return [{ start: 0, end: doc.text.length, text: doc.text }];
  return doc.page.regions
    .filter((region) => region.kind === "article" || region.kind === "title")
    .map(({ start, end, text }) => ({ start, end, text }));
}


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
 * Every occurrence of each of `needles` inside `ranges`, per needle left to right and non-overlapping (as repeated
 * indexOf finds them), including occurrences inside longer words (转型发展 in 高质量转型发展), so a highlighter
 * marks them all. One pass over the ranges for all needles: a position costs only the needles that start with its
 * character.
 */
export function occurrences(ranges: readonly Span[], needles: readonly string[]): Span[][] {
  const out: Span[][] = needles.map(() => []);
  const byFirst = new Map<number, number[]>();
  const starts = (startFlags ??= new Uint8Array(0x10000));
  needles.forEach((needle, k) => {
    if (needle === "") return;
    const first = needle.charCodeAt(0);
    starts[first] = 1;
    const bucket = byFirst.get(first);
    if (bucket) bucket.push(k);
    else byFirst.set(first, [k]);
  });
  /** Per needle: where its next occurrence may start (after the end of its last one). */
  const free = new Int32Array(needles.length);
  for (const range of ranges) {
    const { text } = range;
    free.fill(0);
    for (let at = 0; at < text.length; at++) {
      if (!starts[text.charCodeAt(at)]) continue;
      for (const k of byFirst.get(text.charCodeAt(at))!) {
        const needle = needles[k]!;
        if (at < free[k]! || !text.startsWith(needle, at)) continue;
        out[k]!.push({ start: range.start + at, end: range.start + at + needle.length, text: needle });
        free[k] = at + needle.length;
      }
    }
  }
  for (const first of byFirst.keys()) starts[first] = 0;
  return out;
}

/** The units some needle of occurrences() starts with, cleared after each call: cheaper than a Map per character. */
let startFlags: Uint8Array | undefined;
