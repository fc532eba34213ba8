/**
 * Chinese numerals: exact values for 〇零一二…九十百千万亿两 (and the financial forms 壹贰…拾佰仟), Arabic digits in
 * either width, and mixed forms such as `3.5万亿`. A form that does not follow the rules of written Chinese
 * numbers returns `undefined`: callers can trust any number they get.
 */
import { parseText } from "./options.js";

/** Digit characters; ○ (U+25CB, a circle) stands for 〇 in many scraped documents (二○○四年). */
const DIGITS: Record<string, number> = {
  〇: 0, "○": 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
/** Zeros typed with the wrong key inside Chinese digit runs (二0一一年, 二O一一年). */
const ZERO_LOOKALIKES = new Set(["0", "０", "O", "Ｏ"]);
/** 两 means 2 only before 千/百/万/亿 (or alone), never in the tens or units place. */
const LIANG = "两";
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Each big unit multiplies everything before it and is followed by a remainder smaller than itself. */
const BIG_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["亿", 1e8],
  ["万", 1e4],
];
/** No written number is longer than this; longer input is rejected before any work (linear-time guard). */
const MAX_NUMERAL_LENGTH = 40;
const ORDINAL_PREFIX = "第";
/** Classifiers that may follow an ordinal (第十四届, 第3次, 第二十四条); longer ones first. */
const ORDINAL_SUFFIXES = ["季度", "阶段", "届", "次", "个", "条", "项", "款", "章", "节", "批", "期", "名", "位", "号", "轮", "部", "篇", "卷", "编", "回", "页", "段", "类", "种", "年", "天", "步"];

/** Full-width digits and point (０-９, ．) to ASCII; everything else unchanged. */
function toHalfWidth(s: string): string {
  let out = "";
  for (const c of s) {
    const code = c.charCodeAt(0);
    out += code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : c === "．" ? "." : c;
  }
  return out;
}

/** `true` for any character that can be part of a number this module reads (digits of either width, 〇…亿, 两, 点). */
export function isNumeralChar(c: string): boolean {
  return (
    c in DIGITS || c in SMALL_UNITS || c === LIANG || c === "万" || c === "亿" || c === "点" || /^[0-9０-９.．]$/.test(c)
  );
}

const ARABIC = /^\d+(?:\.\d+)?$/;

/** A value below 10,000 written with 十百千 (or a digit run, or 点 decimals): 两千三百, 十四, 一百零五, 三点五. */
function parseSection(s: string): number | undefined {
  if (s === "") return undefined;
  if (ARABIC.test(s)) return Number(s);
  const point = s.indexOf("点");
  if (point >= 0) {
    const whole = parseSection(s.slice(0, point));
    const fraction = s.slice(point + 1);
    if (whole === undefined || fraction === "" || ![...fraction].every((c) => c in DIGITS)) return undefined;
    return Number(`${whole}.${[...fraction].map((c) => DIGITS[c]).join("")}`);
  }
  if (s === LIANG) return 2;
  const chars = [...s];
  const digitOf = (c: string) => DIGITS[c] ?? (ZERO_LOOKALIKES.has(c) ? 0 : undefined);
  if (chars.every((c) => digitOf(c) !== undefined) && chars.some((c) => c in DIGITS)) {
    // 二〇二三 is read digit by digit; a bare pair such as 三四 is an estimate ("three or four"), not 34.
    if (chars.length === 1) return DIGITS[chars[0]!];
    if (chars.length >= 3 || chars.some((c) => digitOf(c) === 0)) return Number(chars.map(digitOf).join(""));
    return undefined;
  }
  let value = 0;
  let lastUnit = 10_000;
  let digit: number | undefined;
  let digitIsLiang = false;
  let zero = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const unit = SMALL_UNITS[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      if (zero && unit * 10 >= lastUnit) return undefined; // 一千零五百: the 零 skips nothing
      if (digit === undefined) {
        if (unit !== 10 || i !== 0) return undefined; // only a leading 十 may stand alone (十四)
        digit = 1;
      }
      if (digitIsLiang && unit === 10) return undefined; // 两十
      value += digit * unit;
      lastUnit = unit;
      digit = undefined;
      digitIsLiang = false;
      zero = false;
    } else {
      // Arabic digits may stand before a unit too (5千).
      const d = c === LIANG ? 2 : (DIGITS[c] ?? (c >= "0" && c <= "9" ? Number(c) : undefined));
      if (d === undefined || digit !== undefined) return undefined; // not a numeral, or two digits in a row
      if (d === 0) {
        if (value === 0 || zero) return undefined;
        zero = true;
        continue;
      }
      digit = d;
      digitIsLiang = c === LIANG;
    }
  }
  if (digit !== undefined) {
    if (digitIsLiang && value > 0) return undefined; // 一百两
    // After 零 or 十 a trailing digit is the units; after 百/千 without 零 it is the next place down (一百五 = 150).
    value += zero || lastUnit === 10 ? digit : (digit * lastUnit) / 10;
  } else if (zero) {
    return undefined; // a trailing 零
  }
  return value;
}

/** Splits at the last occurrence of each big unit: `left × unit + remainder`, the remainder written by the rules. */
function parseWithUnits(s: string, level: number): number | undefined {
  const entry = BIG_UNITS[level];
  if (!entry) return parseSection(s);
  const [unitChar, unit] = entry;
  const at = s.lastIndexOf(unitChar);
  if (at < 0) return parseWithUnits(s, level + 1);
  const left = parseWithUnits(s.slice(0, at), level);
  if (left === undefined || left === 0) return undefined;
  // The multiplier of 万 is below 10,000 (万万 is not a number); 亿 may take 万 (3.5万亿).
  if (unitChar === "万" && left >= 1e4) return undefined;
  const rest = s.slice(at + 1);
  if (rest === "") return left * unit;
  if (ARABIC.test(rest) && rest.includes(".")) return undefined;
  const zero = rest[0] === "零" || rest[0] === "〇";
  const remainder = parseWithUnits(zero ? rest.slice(1) : rest, level + 1);
  if (remainder === undefined || remainder >= unit) return undefined;
  if (zero) return remainder * 10 < unit ? left * unit + remainder : undefined;
  // 一万五 = 15,000: a lone digit after a big unit is the next place down.
  if ([...rest].length === 1 && remainder < 10) return left * unit + (remainder * unit) / 10;
  return remainder * 10 >= unit ? left * unit + remainder : undefined;
}

/**
 * The exact value of a Chinese, Arabic or mixed numeral, or `undefined` when `s` is not a well-formed number.
 * A run of digits such as 二〇二三 is read digit by digit; a bare pair such as 三四 ("three or four") is not a number.
 *
 * @example
 * parseChineseNumber("两千三百万"); // → 23000000
 * parseChineseNumber("3.5万亿");   // → 3500000000000
 * parseChineseNumber("二〇二三");   // → 2023
 * parseChineseNumber("一百零五");   // → 105
 * parseChineseNumber("十百");       // → undefined
 */
export function parseChineseNumber(s: string): number | undefined {
  if (parseText(s).length > MAX_NUMERAL_LENGTH) return undefined;
  const value = parseWithUnits(toHalfWidth(s), 0);
  // Decimal multipliers (1.2亿) must not leave binary noise (120000000.00000001).
  return value === undefined || !Number.isFinite(value) ? undefined : Number(value.toPrecision(15));
}

/**
 * The value of an ordinal: an optional 第 and an optional classifier (届, 次, 条, 项…) around a whole number.
 *
 * @example
 * parseOrdinal("第二十四");  // → 24
 * parseOrdinal("第十四届");  // → 14
 * parseOrdinal("第３次");    // → 3
 * parseOrdinal("二十");      // → 20
 * parseOrdinal("第");        // → undefined
 */
export function parseOrdinal(s: string): number | undefined {
  parseText(s);
  let body = s.startsWith(ORDINAL_PREFIX) ? s.slice(ORDINAL_PREFIX.length) : s;
  const suffix = ORDINAL_SUFFIXES.find((x) => body.length > x.length && body.endsWith(x));
  if (suffix) body = body.slice(0, -suffix.length);
  const value = parseChineseNumber(body);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}
