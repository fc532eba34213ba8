/**
 * Merges that make jieba's output follow the PKU convention used by Chinese policy text and its gold standards:
 * `2023年`, `5月`, `17日`, `9时` are single date/time tokens, `3.5万亿` and `1200万` single numbers,
 * `第11` and `第二十四` single ordinals, `二〇二三年` a single date.
 */
import type { Token } from "../schema.js";

const DATE_UNITS = new Set(["年", "月", "日", "时", "分"]);
const MAGNITUDES = new Set(["万", "亿", "万亿", "千万", "百万", "千亿"]);
/** Digit-like Chinese numerals as written in years (二〇二三年, 一九九八年). */
const YEAR_DIGITS = /^[〇○零一二三四五六七八九]+$/u;
const MAX_YEAR_TOKENS = 5;

const isPlainNumber = (t: Token) => t.kind === "number" && !/[%％‰.．,]/u.test(t.text);

function joined(text: string, first: Token, last: Token, kind: Token["kind"], pos: string): Token {
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end), kind, pos };
}

/** A Chinese-numeral year spread over tokens (`二/〇/二三年`): index of its last token, or -1. */
function yearEnd(tokens: Token[], i: number): number {
  let digits = "";
  for (let k = i; k < tokens.length && k < i + MAX_YEAR_TOKENS; k++) {
    const t = tokens[k]!.text;
    if (t.endsWith("年")) {
      const head = t.slice(0, -1);
      if (head !== "" && !YEAR_DIGITS.test(head)) return -1;
      digits += head;
      return digits.length >= 2 && digits.length <= 4 ? k : -1;
    }
    if (!YEAR_DIGITS.test(t)) return -1;
    digits += t;
  }
  return -1;
}

/** One left-to-right pass; every merge joins adjacent tokens, so offsets stay exact. */
export function mergeTokens(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.text === "第" && next && next.kind === "number" && isPlainNumber(next)) {
      out.push(joined(text, token, next, "number", "m"));
      i++;
    } else if (next && isPlainNumber(token) && DATE_UNITS.has(next.text)) {
      out.push(joined(text, token, next, "date", "t"));
      i++;
    } else if (next && token.kind === "number" && /^[0-9０-９.．]+$/u.test(token.text) && MAGNITUDES.has(next.text)) {
      out.push(joined(text, token, next, "number", "m"));
      i++;
    } else if (token.kind !== "date" && /[〇○零一二三四五六七八九]/u.test(token.text[0] ?? "")) {
      const end = yearEnd(tokens, i);
      if (end > i || (end === i && token.text.length > 1)) {
        out.push(joined(text, token, tokens[end]!, "date", "t"));
        i = end;
      } else {
        out.push(token);
      }
    } else {
      out.push(token);
    }
  }
  return out;
}
