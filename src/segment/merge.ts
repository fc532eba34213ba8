/**
 * Merges and splits that make jieba's output follow the PKU convention (the one both SIGHAN gold standards
 * share on these points): `2023年`, `5月`, `17日`, `9时` are single date/time tokens, `3.5万亿` and `1200万`
 * single numbers, `第11` and `第二十四` single ordinals, `二〇二三年` a single date, `——` and `……` single
 * marks, while a numeral and its measure word (`一/项`, `两/个`, `第一/个`) and fused function words
 * (`就/是`, `这/一`) are separate tokens.
 */
import type { Token } from "../core/schema.js";
import { makeToken } from "./token.js";

const DATE_UNITS = ["年", "月", "日", "时", "分"];
/** Words that start with a date unit but are words of their own after a number (`90年代`, `5月份`). */
const UNIT_WORDS = new Set(["年代", "月份", "年度", "年级", "日子", "时期", "时间", "时候", "分之", "时代"]);
const NUMERAL_HEAD = /^[一二两三四五六七八九十百千万几多数第]+$/u;
const MEASURE_WORDS = new Set([..."个次项条位种批天名家件场份座所支张台届篇部辆只轮期周岁倍类年"]);
/** Grammaticalised like an indefinite article: kept whole (一个, 一种, 一次). */
const ARTICLE_LIKE = new Set(["一个", "一种", "一次"]);
/** Function words jieba fuses that the gold standards keep apart. */
const FUSED = new Set(["就是", "不是", "这一", "也是", "都是"]);
/** Marks written as runs that count as one token (`——`, `……`, `———`). */
const RUN_MARKS = new Set(["—", "…", "─", "－"]);
/** Longest first: `3.5万亿元` is `3.5万亿` + `元`. */
const MAGNITUDES = ["万亿", "千万", "百万", "千亿", "万", "亿"];
/**
 * Function characters jieba's HMM glues onto an unknown name (`宋海宏对`), with their tags. An unknown word
 * (tag x) ending in one of them, with at least two characters before it, is split there.
 */
const FUNCTION_TAILS = new Map([
  ["对", "p"], ["在", "p"], ["和", "c"], ["与", "p"], ["及", "c"], ["是", "v"], ["说", "v"], ["为", "p"],
  ["就", "d"], ["把", "p"], ["被", "p"], ["从", "p"], ["向", "p"], ["将", "d"], ["给", "p"], ["的", "uj"],
  ["了", "ul"], ["等", "u"], ["率", "v"], ["同", "p"],
]);
/** Digit-like Chinese numerals as written in years (二〇二三年, 一九九八年). */
const YEAR_DIGITS = /^[〇○零一二三四五六七八九]+$/u;
const YEAR_DIGIT_UNITS = new Set(Array.from("〇○零一二三四五六七八九", (c) => c.charCodeAt(0)));
const MAX_YEAR_TOKENS = 5;

/** A number or a numeral word (31, 3.5, 两, 二十). */
const isNumeral = (t: Token | undefined) => t !== undefined && (t.kind === "number" || (t.kind === "word" && t.pos === "m"));

const isPlainNumber = (t: Token) => t.kind === "number" && !/[%％‰.．,]/u.test(t.text);

function joined(text: string, first: Token, last: Token, kind: Token["kind"], pos: string): Token {
  return makeToken(first.start, last.end, text.slice(first.start, last.end), pos, kind);
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

const isNumeralWithMeasure = (word: string) =>
  word.length >= 2 && MEASURE_WORDS.has(word.slice(-1)) && NUMERAL_HEAD.test(word.slice(0, -1)) && !ARTICLE_LIKE.has(word);

/** The magnitude (万, 亿…) that `token` starts with, if any. */
const magnitudeAt = (token: Token | undefined) => (token ? MAGNITUDES.find((m) => token.text.startsWith(m)) : undefined);

/** Cuts `token` after `length` units: the first part keeps the token's kind. */
function cut(token: Token, length: number, headPos: string, tailPos: string): [Token, Token] {
  const at = token.start + length;
  return [
    makeToken(token.start, at, token.text.slice(0, length), headPos, token.kind),
    makeToken(at, token.end, token.text.slice(length), tailPos, "word"),
  ];
}

/**
 * First characters of the words a rule below can apply to; every other dictionary word passes straight through, and
 * so does punctuation other than the marks written as runs.
 */
const TRIGGERS = new Set(Array.from("第一二两三四五六七八九十百千万几多数〇○零就不这也都", (c) => c.charCodeAt(0)));
const passesThrough = (t: Token) =>
  t.kind === "word" ? t.pos !== "x" && !TRIGGERS.has(t.text.charCodeAt(0)) : t.kind === "punct" && !RUN_MARKS.has(t.text);

/**
 * One left-to-right pass; every merge joins adjacent tokens and every split cuts one, so offsets stay exact.
 * `recut` re-segments the rest of a word a merge took the front of (`万亿元` → `万亿` + `元`).
 */
export function mergeTokens(text: string, tokens: Token[], recut: (start: number, end: number) => Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (passesThrough(token)) {
      out.push(token);
      continue;
    }
    const next = tokens[i + 1];
    const number = token.kind === "number";
    const magnitude = number ? magnitudeAt(next) : undefined;
    const unit = number && next && isPlainNumber(token) ? DATE_UNITS.find((u) => next.text.startsWith(u)) : undefined;
    if (token.text === "第" && next && next.kind === "number" && isPlainNumber(next)) {
      out.push(joined(text, token, next, "number", "m"));
      i++;
    } else if (next && unit && !UNIT_WORDS.has(next.text)) {
      // 31日电 is 31日 + 电: the date takes the unit, the rest of jieba's word is cut again
      const end = next.start + unit.length;
      out.push(makeToken(token.start, end, text.slice(token.start, end), "t", "date"));
      if (end < next.end) out.push(...recut(end, next.end));
      i++;
    } else if (token.kind === "punct" && RUN_MARKS.has(token.text) && next?.text === token.text) {
      let k = i + 1;
      while (tokens[k + 1]?.text === token.text) k++;
      out.push(joined(text, token, tokens[k]!, "punct", "w"));
      i = k;
    } else if (isNumeralWithMeasure(token.text)) {
      out.push(...cut(token, token.text.length - 1, "m", "q"));
    } else if (FUSED.has(token.text)) {
      out.push(...cut(token, 1, token.pos, token.pos));
    } else if (next && magnitude && token.kind === "number" && /^[0-9０-９.．]+$/u.test(token.text)) {
      const end = next.start + magnitude.length;
      out.push(makeToken(token.start, end, text.slice(token.start, end), "m", "number"));
      if (end < next.end) out.push(...recut(end, next.end));
      i++;
    } else if (token.pos === "x" && token.text.length >= 2 && MEASURE_WORDS.has(token.text[0]!) && isNumeral(out.at(-1))) {
      // jieba's HMM glues a measure word to what follows a number (31/个省, 48/条全/货机): 31/个/省, 48/条/全/货机
      const at = token.start + 1;
      out.push(makeToken(token.start, at, token.text[0]!, "q", "word"));
      out.push(...recut(at, token.end));
    } else if (token.kind === "word" && token.pos === "x" && token.text.length >= 3 && FUNCTION_TAILS.has(token.text.slice(-1))) {
      out.push(...cut(token, token.text.length - 1, "x", FUNCTION_TAILS.get(token.text.slice(-1))!));
    } else if (token.kind !== "date" && YEAR_DIGIT_UNITS.has(token.text.charCodeAt(0))) {
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
