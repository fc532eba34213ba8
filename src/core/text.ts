/**
 * What every stage means by a blank, a line and a headline: one definition each.
 */
import type { Span } from "./schema.js";

/** Whitespace (full-width space included) and the zero-width characters scraped pages carry. */
export const isBlank = (c: string): boolean =>
  c === "\u200b" || c === "\u200c" || c === "\u200d" || c === "\ufeff" || /\s/u.test(c);

/** `[start, end)` without blanks at either end, as a span of `text` (undefined when nothing is left). */
export function trimmed(text: string, start: number, end: number): Span | undefined {
  while (start < end && isBlank(text[start]!)) start++;
  while (end > start && isBlank(text[end - 1]!)) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : undefined;
}

/**
 * The non-blank lines of `text` between `from` and `to` (a line ends at `\n` or `\r`), trimmed, in order.
 *
 * @example
 * trimmedLines(" 第一行\n\n 第二行 ").map((l) => l.text); // → ["第一行", "第二行"]
 */
export function trimmedLines(text: string, from = 0, to = text.length): Span[] {
  const lines: Span[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && text[i] !== "\n" && text[i] !== "\r") continue;
    const line = trimmed(text, start, i);
    if (line) lines.push(line);
    start = i + 1;
  }
  return lines;
}

/** A headline is at most this long: news headlines chain several phrases (中共中央政治局召开会议 决定… 分析… 审议…). */
export const MAX_HEADLINE = 160;
