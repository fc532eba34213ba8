/**
 * Titles in 《…》 (laws, plans, opinions: `document`) and slogans or policy formulas in “…” (`quote`). The span is
 * the text inside the marks. A mark without its partner within a bounded distance, or across a line break, yields
 * nothing, so one stray 《 or “ cannot swallow the rest of a document.
 */

export interface QuoteMatch {
  type: "document" | "quote";
  start: number;
  end: number;
}

/** Longest 《title》 read as a document (the longest official titles run to about 80 characters). */
const MAX_DOCUMENT = 100;
/** Longest “…” read as a slogan or formula; longer quotations are speech, not names. */
const MAX_QUOTE = 40;

const PAIRS = [
  { open: "《", close: "》", type: "document", max: MAX_DOCUMENT },
  { open: "“", close: "”", type: "quote", max: MAX_QUOTE },
] as const;

/**
 * Every document title and quoted formula.
 *
 * @example
 * findQuotes("学院“一个目标、两手硬”的思路") // → [{ type: "quote", start: 3, end: 11 }]
 */
export function findQuotes(text: string): QuoteMatch[] {
  const found: QuoteMatch[] = [];
  for (const { open, close, type, max } of PAIRS) {
    let i = text.indexOf(open);
    while (i >= 0) {
      let j = i + 1;
      // stop at the partner, a line break, a second opening mark, or the length bound
      while (j < text.length && j - i <= max && text[j] !== close && text[j] !== open && text[j] !== "\n") j++;
      if (text[j] === close && j > i + 1) found.push({ type, start: i + 1, end: j });
      i = text.indexOf(open, text[j] === close ? j + 1 : Math.max(j, i + 1));
    }
  }
  return found;
}
