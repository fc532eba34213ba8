/**
 * Date and time expressions with ISO values: `2023-05-18`, `2023年5月17日`, `二〇二三年五月`, `5月17日` (year from a
 * reference date), `17日`, `上午9时`, `9时30分`, `今年`, `近日`… One left-to-right scan; every attempt reads a
 * bounded number of characters and starts only at the beginning of a number, so the cost is linear in the input.
 */
import { z } from "zod";
import { parseOptions, parseText } from "../core/options.js";
import { IsoDateSchema, type Span } from "../core/schema.js";
import { isNumeralChar, parseChineseNumber } from "../core/numerals.js";

/** The fields a date expression states (or that were filled from its context). */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** A date or time expression in the text. */
export interface DateMention extends Span {
  /**
   * ISO 8601 value at the stated precision: `2023`, `2023-05`, `2023-05-17`, `2023-05-17T09:30`, or `T09:30` for a
   * time of day alone. Absent when a needed field is unknown (`5月17日` without a reference date, `近日`).
   */
  value?: string;
  precision: "year" | "month" | "day" | "time";
  /** Deictic expressions (今年, 上月, 昨天, 近日…), resolved against the reference date when they can be. */
  relative: boolean;
  /** Some fields (the year of `5月17日`, the month of `17日`) came from the reference date or a preceding date. */
  inferred: boolean;
  parts: DateParts;
}

/** Options of {@link findDates}. */
export interface FindDatesOptions {
  /** ISO date (YYYY-MM-DD) used to complete dates without a year and to resolve 今年, 昨天… */
  referenceDate?: string;
  /** Search only these ranges of the text (e.g. the article); default the whole text. */
  ranges?: readonly Pick<Span, "start" | "end">[];
}

/** Years outside this window are durations or quantities (5000年), not calendar years. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const CHINESE_DIGITS = "〇○零一二三四五六七八九";
const CHINESE_NUMBER_CHARS = `${CHINESE_DIGITS}十两`;
/** Chinese year digits, with the zeros that scraped text types as 0 or O (二0一一年). */
const YEAR_DIGITS = `${CHINESE_DIGITS}0０OＯ`;

/**
 * Deictic words: the field they resolve to and their shift from the reference date; `null` for vague times that
 * cannot be resolved (近日 "recently").
 */
const RELATIVE_WORDS: ReadonlyArray<readonly [string, "year" | "month" | "day", number | null]> = [
  ["今年", "year", 0],
  ["去年", "year", -1],
  ["前年", "year", -2],
  ["明年", "year", 1],
  ["本月", "month", 0],
  ["上个月", "month", -1],
  ["上月", "month", -1],
  ["下个月", "month", 1],
  ["下月", "month", 1],
  ["今天", "day", 0],
  ["今日", "day", 0],
  ["昨天", "day", -1],
  ["昨日", "day", -1],
  ["前天", "day", -2],
  ["明天", "day", 1],
  ["明日", "day", 1],
  // the press's evening and morning (`昨晚`, `今晨`) and its one-character 昨 (`市委常委会昨召开会议`), after the words above
  ["昨晚", "day", -1],
  ["昨夜", "day", -1],
  ["今晚", "day", 0],
  ["今晨", "day", 0],
  ["昨", "day", -1],
  ["近日", "day", null],
  ["日前", "day", null],
  ["近期", "day", null],
  ["当天", "day", null],
  ["当日", "day", null],
  ["同日", "day", null],
  ["次日", "day", null],
  ["近年来", "year", null],
  ["近年", "year", null],
];

/** Parts of the day before an hour, with the hours they add (下午3时 = 15:00). */
const DAY_PERIODS: ReadonlyArray<readonly [string, number]> = [
  ["凌晨", 0],
  ["清晨", 0],
  ["早上", 0],
  ["早晨", 0],
  ["上午", 0],
  ["中午", 0],
  ["下午", 12],
  ["傍晚", 12],
  ["晚上", 12],
  ["夜间", 12],
  ["夜里", 12],
  ["深夜", 12],
];

/** Characters that join the two ends of a range or a list of dates (5月17日至18日, 17日、18日). */
const RANGE_JOINERS = new Set(["至", "到", "—", "－", "-", "~", "～", "、", "和", "及", "或"]);
/** After a bare `17日` these make it a duration (30日内, 15日以上). */
const DURATION_FOLLOWERS = new Set(["内", "以", "之", "左"]);
const TIME_SEPARATORS = new Set([":", "："]);

/**
 * Character classes of the scan as flags over UTF-16 units, one array read per test (no one-character strings):
 * the scan tests every character of every document, the readers every character of a candidate.
 */
const DIGIT = 1;
const CHINESE_NUMBER = 2;
const CHINESE_DIGIT = 4;
const RELATIVE_START = 8;
const PERIOD_START = 16;
/** `元月`: January's other name. */
const FIRST_MONTH_START = 32;
/** Characters at which a date may start: digits, Chinese numerals, and the first characters of the words above. */
const STARTER = DIGIT | CHINESE_NUMBER | RELATIVE_START | PERIOD_START | FIRST_MONTH_START;
const NUMBER = DIGIT | CHINESE_NUMBER;
const FLAGS = new Uint8Array(0x10000);
const flag = (chars: Iterable<string>, bit: number) => {
  for (const c of chars) FLAGS[c.charCodeAt(0)]! |= bit;
};
flag("0123456789０１２３４５６７８９", DIGIT);
flag(CHINESE_NUMBER_CHARS, CHINESE_NUMBER);
flag(CHINESE_DIGITS, CHINESE_DIGIT);
flag(RELATIVE_WORDS.map(([word]) => word[0]!), RELATIVE_START);
flag(DAY_PERIODS.map(([word]) => word[0]!), PERIOD_START);
flag("元", FIRST_MONTH_START);

/** The flags of the unit at `i` (none past the end: charCodeAt gives NaN, read as index 0). */
const flagsAt = (text: string, i: number) => FLAGS[text.charCodeAt(i) | 0]!;

/** Words by their first unit, in their list's order (so the first listed of 上个月 and 上月 is tried first). */
function byFirstUnit<W extends readonly [string, ...unknown[]]>(words: readonly W[]): Map<number, W[]> {
  const map = new Map<number, W[]>();
  for (const entry of words) {
    const first = entry[0].charCodeAt(0);
    map.set(first, [...(map.get(first) ?? []), entry]);
  }
  return map;
}
const RELATIVE_BY_FIRST = byFirstUnit(RELATIVE_WORDS);
const PERIODS_BY_FIRST = byFirstUnit(DAY_PERIODS);

/** The first word of `words` written at `p` (`flag` marks their first units: most characters are rejected on it). */
function wordAt<W extends readonly [string, ...unknown[]]>(text: string, p: number, flag: number, words: Map<number, W[]>): W | undefined {
  return flagsAt(text, p) & flag ? words.get(text.charCodeAt(p))!.find(([word]) => text.startsWith(word, p)) : undefined;
}

const isLatinLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

function asciiDigitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

interface NumberRead {
  value: number;
  end: number;
  /** Arabic digits (either width) rather than Chinese numerals. */
  arabic: boolean;
  length: number;
}

/**
 * The number starting at `i`: a run of Arabic digits, or of Chinese numerals, at most `maxLength` long (a longer
 * run is not a date field). Reads at most `maxLength + 1` characters.
 */
function readNumber(text: string, i: number, end: number, maxLength: number): NumberRead | undefined {
  if (asciiDigitAt(text, i) >= 0) {
    let j = i;
    let value = 0;
    while (j < end && j - i <= maxLength && asciiDigitAt(text, j) >= 0) value = value * 10 + asciiDigitAt(text, j++);
    return j - i > maxLength ? undefined : { value, end: j, arabic: true, length: j - i };
  }
  let j = i;
  while (j < end && j - i <= maxLength && flagsAt(text, j) & CHINESE_NUMBER) j++;
  if (j === i || j - i > maxLength) return undefined;
  const value = chineseFieldValue(text.slice(i, j));
  return value === undefined ? undefined : { value, end: j, arabic: false, length: j - i };
}

/**
 * Values of the Chinese numeral runs read as date fields (at most four of the 14 characters above: fewer than 41,400
 * distinct runs), parsed once each rather than at every date-like numeral of every document.
 */
const chineseFieldValues = new Map<string, number | undefined>();

function chineseFieldValue(run: string): number | undefined {
  if (chineseFieldValues.has(run)) return chineseFieldValues.get(run);
  const value = parseChineseNumber(run);
  chineseFieldValues.set(run, value);
  return value;
}

/** `2023年`, `二〇二三年`: a four-digit calendar year. */
/** `2023年`, `二〇二三年`, `二0一一年` (a zero typed as 0 or O): a four-digit calendar year. */
function readYear(text: string, i: number, end: number): { year: number; end: number } | undefined {
  let year: number | undefined;
  let yearEnd = i + 4;
  const n = readNumber(text, i, end, 4);
  if (n?.arabic) {
    year = n.length === 4 ? n.value : undefined;
    yearEnd = n.end;
  } else if (flagsAt(text, i) & CHINESE_DIGIT && yearEnd <= end) {
    const digits = text.slice(i, yearEnd);
    year = [...digits].every((c) => YEAR_DIGITS.includes(c)) ? parseChineseNumber(digits) : undefined;
  }
  if (year === undefined || text[yearEnd] !== "年" || year < MIN_YEAR || year > MAX_YEAR) return undefined;
  return { year, end: yearEnd + 1 };
}

/** The `2018` of `2018—2035年`: a bare four-digit year that opens a range of years. */
function readYearBeforeRange(text: string, i: number, end: number): { year: number; end: number } | undefined {
  const n = readNumber(text, i, end, 4);
  if (!n || !n.arabic || n.length !== 4 || n.value < MIN_YEAR || n.value > MAX_YEAR) return undefined;
  let j = n.end;
  while (j < end && j - n.end < 2 && RANGE_JOINERS.has(text[j]!) && text[j] !== "、") j++;
  return j > n.end && readYear(text, j, end) ? { year: n.value, end: n.end } : undefined;
}

function readMonth(text: string, i: number, end: number): { month: number; end: number; arabic: boolean } | undefined {
  const n = readNumber(text, i, end, 2);
  if (!n || text[n.end] !== "月" || n.value < 1 || n.value > 12) return undefined;
  return { month: n.value, end: n.end + 1, arabic: n.arabic };
}

function readDay(text: string, i: number, end: number, allowHao: boolean): { day: number; end: number; arabic: boolean } | undefined {
  const n = readNumber(text, i, end, 3);
  if (!n) return undefined;
  const unit = text[n.end];
  if (!(unit === "日" || (allowHao && unit === "号")) || n.value < 1 || n.value > 31) return undefined;
  return { day: n.value, end: n.end + 1, arabic: n.arabic };
}

/**
 * `2013年06月09 15:50:29`: a CMS date line that drops the 日 of the day before its clock time. The day is the two
 * digits right after 月, read only when a time follows (the span ends at the day; the time is read after it).
 */
function readStampDay(text: string, i: number, end: number): { day: number; end: number; arabic: boolean } | undefined {
  const n = readNumber(text, i, end, 2);
  if (!n || !n.arabic || n.length !== 2 || n.value < 1 || n.value > 31 || text[n.end] !== " ") return undefined;
  return readTime(text, n.end + 1, end, true)?.minute !== undefined ? { day: n.value, end: n.end, arabic: true } : undefined;
}

/**
 * `8月26下午`: a day whose 日 was dropped before the part of the day (上午, 下午, 晚上…); read only with that word after
 * it, so `8月26` alone stays a month.
 */
function readDayBeforePeriod(text: string, i: number, end: number): { day: number; end: number; arabic: boolean } | undefined {
  const n = readNumber(text, i, end, 2);
  if (!n || !n.arabic || n.value < 1 || n.value > 31 || !wordAt(text, n.end, PERIOD_START, PERIODS_BY_FIRST)) return undefined;
  return { day: n.value, end: n.end, arabic: true };
}

/** What joins the first day of a range to the last when the first drops its 日 (`8月5--7日`, `3月5至7日`). */
const DAY_RANGE_JOINERS = new Set(["至", "到", "—", "－", "-", "~", "～"]);

/**
 * `8月5--7日`, `3月5至7日`: the first day of a range written with one 日 after the last. Read only when one or two
 * joiners and a day with 日 follow, so `8月5` alone stays a month; the span ends at the first day and the last is read
 * after it, as in `5月17日至18日`.
 */
function readDayBeforeRange(text: string, i: number, end: number): { day: number; end: number; arabic: boolean } | undefined {
  const n = readNumber(text, i, end, 2);
  if (!n || !n.arabic || n.value < 1 || n.value > 31) return undefined;
  let j = n.end;
  while (j < end && j - n.end < 2 && DAY_RANGE_JOINERS.has(text[j]!)) j++;
  if (j === n.end) return undefined;
  const last = readDay(text, j, end, false);
  return last && last.day > n.value ? { day: n.value, end: n.end, arabic: true } : undefined;
}

interface TimeRead {
  hour: number;
  minute?: number;
  second?: number;
  end: number;
}

/**
 * `上午9时`, `9时30分`, `下午3点半`, `09:30:00`. Without a part of the day or a date before it, only an Arabic hour
 * with 时 counts: 一时 is "for a moment", 3点 "three points", 1:10 a ratio.
 */
function readTime(text: string, i: number, end: number, afterDate: boolean): TimeRead | undefined {
  let p = i;
  let offset = 0;
  let period = false;
  const periodWord = wordAt(text, p, PERIOD_START, PERIODS_BY_FIRST);
  if (periodWord) {
    p += periodWord[0].length;
    offset = periodWord[1];
    period = true;
  }
  const hour = readNumber(text, p, end, 3);
  if (!hour || hour.value > 24) return undefined;
  const unit = text[hour.end]!;
  const loose = period || afterDate;
  let q = hour.end + 1;
  let minute: number | undefined;
  let second: number | undefined;
  if (TIME_SEPARATORS.has(unit)) {
    if (!loose || !hour.arabic) return undefined;
    const m = readNumber(text, q, end, 2);
    if (!m || !m.arabic || m.length !== 2 || m.value > 59) return undefined;
    minute = m.value;
    q = m.end;
    if (TIME_SEPARATORS.has(text[q]!)) {
      const s = readNumber(text, q + 1, end, 2);
      if (s && s.arabic && s.length === 2 && s.value <= 59) {
        second = s.value;
        q = s.end;
      }
    }
  } else if (unit === "时" || unit === "点") {
    if (!loose && (unit === "点" || !hour.arabic)) return undefined;
    if (text[q] === "半") {
      minute = 30;
      q++;
    } else {
      const m = readNumber(text, q, end, 3);
      if (m && text[m.end] === "分" && m.value <= 59) {
        minute = m.value;
        q = m.end + 1;
      }
    }
    if (text[q] === "许") q++;
  } else {
    return undefined;
  }
  const h = hour.value < 12 ? hour.value + offset : hour.value;
  if (h > 24) return undefined;
  return { hour: h, ...(minute !== undefined ? { minute } : {}), ...(second !== undefined ? { second } : {}), end: q };
}

/** `2023-05-18`, `2023/5/18`, `2023.05.18`: the same separator twice, a valid calendar day. */
function readNumericDate(text: string, i: number, end: number): { parts: DateParts; end: number } | undefined {
  const y = readNumber(text, i, end, 4);
  if (!y) return undefined;
  const sep = text[y.end];
  if (!y.arabic || y.length !== 4 || !(sep === "-" || sep === "/" || sep === ".")) return undefined;
  const m = readNumber(text, y.end + 1, end, 2);
  if (!m || !m.arabic || text[m.end] !== sep) return undefined;
  const d = readNumber(text, m.end + 1, end, 2);
  if (!d || !d.arabic || asciiDigitAt(text, d.end) >= 0 || (text[d.end] === sep && asciiDigitAt(text, d.end + 1) >= 0)) {
    return undefined;
  }
  const parts = { year: y.value, month: m.value, day: d.value };
  return isValidDay(parts) && y.value >= MIN_YEAR && y.value <= MAX_YEAR ? { parts, end: d.end } : undefined;
}

/**
 * `28.07.2015`: the day first, as mirror sites that localise a page's date line write it (`28.07.2015  19:41`). Both
 * fields have two digits, so an outline number (`1.2.2015`) or a version is not read as a date.
 */
function readDayFirstDate(text: string, i: number, end: number): { parts: DateParts; end: number } | undefined {
  const d = readNumber(text, i, end, 2);
  if (!d || !d.arabic || d.length !== 2 || text[d.end] !== ".") return undefined;
  const m = readNumber(text, d.end + 1, end, 2);
  if (!m || !m.arabic || m.length !== 2 || text[m.end] !== ".") return undefined;
  const y = readNumber(text, m.end + 1, end, 4);
  if (!y || !y.arabic || y.length !== 4 || asciiDigitAt(text, y.end) >= 0 || text[y.end] === ".") return undefined;
  const parts = { year: y.value, month: m.value, day: d.value };
  return isValidDay(parts) && y.value >= MIN_YEAR && y.value <= MAX_YEAR ? { parts, end: y.end } : undefined;
}

/** Days in a month (1-12) of a year read as Date.UTC reads it (0-99 are 1900-1999), without building a Date. */
function daysInMonth(year: number | undefined, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  // Without a year, 29 February may be right.
  const y = year === undefined ? 2000 : year >= 0 && year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

function isValidDay({ year, month, day }: DateParts): boolean {
  return month !== undefined && day !== undefined && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function isoValue(parts: DateParts, precision: DateMention["precision"]): string | undefined {
  const { year, month, day, hour, minute, second } = parts;
  const time =
    hour === undefined
      ? ""
      : `T${pad(hour)}:${pad(minute ?? 0)}${second !== undefined ? `:${pad(second)}` : ""}`;
  if (precision === "time" && month === undefined && day === undefined && year === undefined) return time;
  if (year === undefined) return undefined;
  if (precision === "year") return pad(year, 4);
  if (month === undefined) return undefined;
  if (precision === "month") return `${pad(year, 4)}-${pad(month)}`;
  if (day === undefined) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}${precision === "time" ? time : ""}`;
}

function parseReference(referenceDate: string | undefined): Required<Pick<DateParts, "year" | "month" | "day">> | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(referenceDate ?? "");
  if (!match) return undefined;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidDay(parts) ? parts : undefined;
}

const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

/**
 * Completes the missing year (or year and month) with the candidate nearest the reference date: a report dated
 * 2 May that says `30日` means 30 April; one dated 5 January that says `12月20日` means last December.
 */
function completeFromReference(parts: DateParts, ref: { year: number; month: number; day: number }): DateParts {
  const target = dayNumber(ref.year, ref.month, ref.day);
  // the nearest valid candidate, the earliest of equally near ones
  let best: DateParts = parts;
  let bestDistance = Infinity;
  for (let shift = -1; shift <= 1; shift++) {
    let year = ref.year + shift;
    let month = parts.month;
    if (month === undefined) {
      const first = new Date(Date.UTC(ref.year, ref.month - 1 + shift, 1));
      year = first.getUTCFullYear();
      month = first.getUTCMonth() + 1;
    }
    if (parts.day !== undefined && parts.day > daysInMonth(year, month)) continue;
    const distance = Math.abs(dayNumber(year, month, parts.day ?? 15) - target);
    if (distance < bestDistance) {
      best = { ...parts, year, month };
      bestDistance = distance;
    }
  }
  return best;
}

/** Shifts the reference date by a relative word's offset. */
function resolveRelative(field: "year" | "month" | "day", shift: number, ref: { year: number; month: number; day: number }): DateParts {
  if (field === "year") return { year: ref.year + shift };
  if (field === "month") {
    const d = new Date(Date.UTC(ref.year, ref.month - 1 + shift, 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  }
  const d = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + shift));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * What follows the run of Chinese numerals that starts a date: a calendar or clock unit (五月, 三点半), or 年 four
 * characters on (二0一一年, whose 0 ends the run). Without one no reader below can succeed, so the scan skips such a
 * numeral without trying them all (most numerals in policy text count things: 一是, 两个).
 */
const UNITS_AFTER_NUMERALS = new Set(["年", "月", "日", "号", "时", "点", ":", "："]);

function unitFollows(text: string, p: number, end: number): boolean {
  let j = p;
  while (j < end && j - p < 4 && flagsAt(text, j) & CHINESE_NUMBER) j++;
  return UNITS_AFTER_NUMERALS.has(text[j]!) || text[p + 4] === "年";
}


interface Scan {
  text: string;
  end: number;
  ref?: { year: number; month: number; day: number };
  /** The mention just before, when only a range joiner separates it from the current position. */
  previous?: DateMention;
}

function mention(scan: Scan, start: number, end: number, parts: DateParts, precision: DateMention["precision"], relative: boolean, inferred: boolean): DateMention {
  const value = isoValue(parts, precision);
  return {
    start,
    end,
    text: scan.text.slice(start, end),
    ...(value !== undefined ? { value } : {}),
    precision,
    relative,
    inferred,
    parts,
  };
}

/** Adds a time of day directly after a date (`5月17日上午9时`, `2023-05-18 09:30`). */
function withTime(scan: Scan, start: number, p: number, parts: DateParts, precision: DateMention["precision"], relative: boolean, inferred: boolean): DateMention {
  if (precision === "day") {
    const gap = scan.text[p] === " " || scan.text[p] === "T" ? 1 : 0;
    const time = readTime(scan.text, p + gap, scan.end, true);
    if (time) {
      const { end, ...clock } = time;
      return mention(scan, start, end, { ...parts, ...clock }, "time", relative, inferred);
    }
  }
  return mention(scan, start, p, parts, precision, relative, inferred);
}

/** Month and day after a known (or missing) year: `5月17日`, `五月`, `5月`, `17日`. */
function readMonthDay(
  scan: Scan,
  start: number,
  p: number,
  year: number | undefined,
  relative: boolean,
): DateMention | undefined {
  const { text, end } = scan;
  const month = readMonth(text, p, end);
  if (month) {
    const day =
      readDay(text, month.end, end, true) ??
      (year !== undefined ? readStampDay(text, month.end, end) : undefined) ??
      readDayBeforePeriod(text, month.end, end) ??
      readDayBeforeRange(text, month.end, end);
    let parts: DateParts = { ...(year !== undefined ? { year } : {}), month: month.month };
    if (day) parts = { ...parts, day: day.day };
    if (day && !isValidDay(parts)) return undefined;
    // A Chinese month alone (一月, 十月) is too often something else; it needs a year, a day or 份 (left out of
    // the span, which stops at the calendar unit).
    if (!day && !month.arabic && year === undefined && text[month.end] !== "份" && !relative) return undefined;
    return complete(scan, start, day ? day.end : month.end, parts, day ? "day" : "month", relative);
  }
  if (year !== undefined) return undefined;
  // A bare day: Arabic only (一日 is also "one day"), not a duration (30日内), not the rest of an invalid 2月30日.
  const day = readDay(text, p, end, false);
  if (!day || !day.arabic || DURATION_FOLLOWERS.has(text[day.end]!) || text[p - 1] === "月") return undefined;
  return complete(scan, start, day.end, { day: day.day }, "day", false);
}

/** Fills missing fields from the preceding date in a range (5月17日至18日), else from the reference date. */
function complete(scan: Scan, start: number, p: number, parts: DateParts, precision: DateMention["precision"], relative: boolean): DateMention {
  let filled = parts;
  const context = scan.previous?.parts;
  if (parts.year === undefined && context && (parts.month !== undefined || context.month !== undefined)) {
    filled = {
      ...(context.year !== undefined ? { year: context.year } : {}),
      ...(parts.month === undefined ? { month: context.month } : {}),
      ...parts,
    };
  } else if (parts.year === undefined && scan.ref) {
    filled = completeFromReference(parts, scan.ref);
  }
  if (filled.day !== undefined && filled.month !== undefined && !isValidDay(filled)) filled = parts;
  return withTime(scan, start, p, filled, precision, relative, filled !== parts);
}

/**
 * The date or time expression starting exactly at `p`, if any: one stated in numbers starts with a digit or a
 * numeral, the others with a word (今年, 上午9时), so each reader is tried only where it can succeed.
 */
function readAt(scan: Scan, p: number): DateMention | undefined {
  return flagsAt(scan.text, p) & NUMBER ? readNumbersAt(scan, p) : readWordsAt(scan, p);
}

/** `2023-05-18`, `2023年5月17日`, `2018—2035年`, `5月17日`, `17日`, `9时30分`. */
function readNumbersAt(scan: Scan, p: number): DateMention | undefined {
  const { text, end } = scan;
  const numeric = readNumericDate(text, p, end) ?? readDayFirstDate(text, p, end);
  if (numeric) return withTime(scan, p, numeric.end, numeric.parts, "day", false, false);

  const year = readYear(text, p, end);
  if (year) return readMonthDay(scan, p, year.end, year.year, false) ?? mention(scan, p, year.end, { year: year.year }, "year", false, false);
  const rangeStart = readYearBeforeRange(text, p, end);
  if (rangeStart) return mention(scan, p, rangeStart.end, { year: rangeStart.year }, "year", false, false);
  return readMonthDay(scan, p, p, undefined, false) ?? readSpacedMonthDay(scan, p) ?? readTimeAt(scan, p);
}

/** A blank a CMS types around the numbers of a date (`9 月 28 日`). */
const isSpace = (c: string | undefined) => c === " " || c === "\u3000";

/**
 * `9 月 28 日`: month and day with blanks around their numbers, as some CMS editors type them. Both fields and both
 * units are needed, so `共 9 月` or a count stays no date.
 */
function readSpacedMonthDay(scan: Scan, p: number): DateMention | undefined {
  const { text, end } = scan;
  const m = readNumber(text, p, end, 2);
  if (!m || !m.arabic || !isSpace(text[m.end]) || text[m.end + 1] !== "月" || m.value < 1 || m.value > 12) return undefined;
  let q = m.end + 2;
  if (isSpace(text[q])) q++;
  const d = readNumber(text, q, end, 2);
  if (!d || !d.arabic) return undefined;
  q = d.end;
  if (isSpace(text[q])) q++;
  if (text[q] !== "日" || !isValidDay({ month: m.value, day: d.value })) return undefined;
  return complete(scan, p, q + 1, { month: m.value, day: d.value }, "day", false);
}

/** `今年`, `今年5月17日`, `近日`, `上午9时`. */
function readWordsAt(scan: Scan, p: number): DateMention | undefined {
  const { text, end } = scan;
  // 元月5日: January by its other name, with its day (元月 alone is left to the words it is part of)
  if (text.startsWith("元月", p)) {
    const day = readDay(text, p + 2, end, true);
    return day ? complete(scan, p, day.end, { month: 1, day: day.day }, "day", false) : undefined;
  }
  // 今(19)日, 昨（8）日: the Taiwan and Hong Kong press write the day's number in brackets after 今 or 昨
  const bracketed = BRACKETED_DAY.exec(text.slice(p, Math.min(end, p + 8)));
  if (bracketed) return complete(scan, p, p + bracketed[0].length, { day: Number(bracketed[1]) }, "day", false);
  const relative = wordAt(text, p, RELATIVE_START, RELATIVE_BY_FIRST);
  if (relative) {
    const [word, field, shift] = relative;
    const wordEnd = p + word.length;
    // 本月5日, 上月28日: the day is stated, the month is relative.
    if (field === "month" && shift !== null) {
      const day = readDay(text, wordEnd, end, true);
      if (day) {
        const month = scan.ref ? resolveRelative(field, shift, scan.ref) : {};
        const parts = { ...month, day: day.day };
        if (parts.month === undefined || isValidDay(parts)) return withTime(scan, p, day.end, parts, "day", true, false);
      }
    }
    // 今年5月17日: the month and day are stated, the year is relative.
    if (field === "year" && shift !== null && readMonth(text, wordEnd, end)) {
      const resolvedYear = scan.ref ? scan.ref.year + shift : undefined;
      const withMonth = readMonthDay({ ...scan, previous: undefined }, p, wordEnd, resolvedYear, true);
      if (withMonth) return withMonth;
    }
    const parts = shift !== null && scan.ref ? resolveRelative(field, shift, scan.ref) : {};
    return mention(scan, p, wordEnd, parts, field, true, false);
  }
  return readTimeAt(scan, p);
}

/** `今(19)日`, `昨（8）日`: a day's number in brackets between 今 or 昨 and 日. */
const BRACKETED_DAY = /^[今昨][(（]([0-9]{1,2})[)）]日/u;

/** A time of day on its own (`上午9时`, `9时30分`). */
function readTimeAt(scan: Scan, p: number): DateMention | undefined {
  const time = readTime(scan.text, p, scan.end, false);
  if (!time) return undefined;
  const { end: timeEnd, ...clock } = time;
  return mention(scan, p, timeEnd, clock, "time", false, false);
}

/** A number that continues one before it (the 23 of 123, the 三 of 十三) is not the start of a date. */
function continuesNumber(text: string, p: number, from: number): boolean {
  if (p <= from) return false;
  const before = text[p - 1]!;
  if (asciiDigitAt(text, p) >= 0) return asciiDigitAt(text, p - 1) >= 0 || before === "." || isLatinLetter(text.charCodeAt(p - 1));
  return (flagsAt(text, p) & CHINESE_NUMBER) !== 0 && isNumeralChar(before);
}

/** A date may start at `p` (a digit, a numeral with a unit after it, a word's first character): the scan's one-array-read gate. */
function mayStartAt(text: string, p: number, to: number): boolean {
  const flags = flagsAt(text, p);
  return (flags & DIGIT) !== 0 || ((flags & STARTER) !== 0 && !(flags & CHINESE_NUMBER && !unitFollows(text, p, to)));
}

function scanRange(text: string, from: number, to: number, ref: Scan["ref"], out: DateMention[]): void {
  const scan: Scan = { text, end: to, ...(ref ? { ref } : {}) };
  for (let p = from; p < to; p++) {
    if (!mayStartAt(text, p, to)) continue;
    if (continuesNumber(text, p, from)) continue;
    const last = out[out.length - 1];
    scan.previous = last && last.end < p && last.end >= from && p - last.end <= 2 && [...text.slice(last.end, p)].every((j) => RANGE_JOINERS.has(j)) ? last : undefined;
    const found = readAt(scan, p);
    if (found) {
      out.push(found);
      p = found.end - 1;
    }
  }
}

/**
 * Every date and time expression in `text` (or in `options.ranges`), in order, with ISO values.
 *
 * @example
 * findDates("5月17日上午9时,学院召开会议", { referenceDate: "2023-05-18" })[0];
 * // → { start: 0, end: 9, text: "5月17日上午9时", value: "2023-05-17T09:00", precision: "time", relative: false, inferred: true, … }
 * findDates("二〇二三年五月")[0].value; // → "2023-05"
 * findDates("近日,国务院印发通知")[0];  // → { text: "近日", relative: true, precision: "day", value: undefined, … }
 */
export function findDates(text: string, options: FindDatesOptions = {}): DateMention[] {
  return datesIn(parseText(text), parseOptions(FindDatesOptionsSchema, options, "findDates options"));
}

/** Validates {@link FindDatesOptions} (strict: unknown keys are rejected; the reference date must exist). */
const FindDatesOptionsSchema: z.ZodType<FindDatesOptions> = z
  .object({
    referenceDate: IsoDateSchema.optional(),
    ranges: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).optional(),
  })
  .strict();

/** {@link findDates} for callers inside gongwen, whose text and options are already checked. */
export function datesIn(text: string, options: FindDatesOptions): DateMention[] {
  const ref = parseReference(options.referenceDate);
  const ranges = options.ranges ?? [{ start: 0, end: text.length }];
  const out: DateMention[] = [];
  for (const range of ranges) scanRange(text, Math.max(0, range.start), Math.min(text.length, range.end), ref, out);
  return out;
}

/**
 * The date expression that starts exactly at `start`, read within `[start, end)`: the first mention
 * {@link datesIn} would give for that range when it starts there. One position is tried, not the range scanned, so
 * asking it of every line of a page (is this line a date?) costs a few character reads per line.
 */
export function dateAt(text: string, start: number, end: number, referenceDate?: string): DateMention | undefined {
  const to = Math.min(text.length, end);
  if (start < 0 || start >= to || !mayStartAt(text, start, to)) return undefined;
  const ref = parseReference(referenceDate);
  return readAt({ text, end: to, ...(ref ? { ref } : {}) }, start);
}
