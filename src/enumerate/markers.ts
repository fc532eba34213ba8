/**
 * Enumeration markers: one small grammar per style, read by a single left-to-right scan with bounded look-ahead
 * and look-behind (no regular expressions over the text), so any input costs linear time.
 *
 * A marker is only proposed here; `assemble.ts` decides which markers form lists.
 */
import { charTable, isIdeograph } from "../core/chars.js";
import { parseChineseNumber, parseOrdinal } from "../core/numerals.js";

/** Stable style names (the gold set in test/fixtures/enumerations uses the same). */
export type MarkerStyle =
  | "inline-shi" // 一是 / 二是
  | "inline-yao" // 一要 / 二要
  | "inline-qi" // 其一 / 其二
  | "di" // 第一， / 第二， / 第一要
  | "sequence" // 首先 / 其次 / 再次 / 然后 / 最后
  | "di-zhang" // 第一章
  | "di-tiao" // 第一条
  | "cn-dun" // 一、
  | "cn-paren" // （一） (一)
  | "arabic-dot" // 1. 1．
  | "arabic-dun" // 1、
  | "arabic-paren" // （1） (1)
  | "arabic-half-paren" // 1） 1)
  | "circled" // ①
  | "decimal" // 1.1 / 1.2.1 (the numbered clauses of a contingency plan or standard)
  | "dash" // ——发展速度要快。 (points led by a dash at the start of a line)
  | "cn-bare"; // ：一思想上…；二政治上… (一、 whose 、 a copying site stripped)

/** Every style name an enumeration can have: the marker styles and `parallel` (排比). */
export type EnumerationStyle = MarkerStyle | "parallel";

/**
 * Level in the GB/T 9704 heading hierarchy (第X章 → 一、 → （一） → 1. → （1）); a smaller number is a higher level.
 * Inline styles come last: they sit inside whatever item they occur in.
 */
export const STYLE_RANK: Readonly<Record<EnumerationStyle, number>> = {
  "di-zhang": 0,
  "cn-dun": 1,
  "di-tiao": 2,
  "cn-paren": 3,
  "arabic-dot": 4,
  "arabic-dun": 4,
  // 1.1 sits under item 1 of whatever level numbers 1 (1. or a bare chapter number); 1.1.1 one step deeper each.
  decimal: 4.5,
  "arabic-paren": 5,
  "arabic-half-paren": 6,
  circled: 7,
  di: 8,
  "inline-shi": 9,
  "inline-yao": 9,
  "inline-qi": 9,
  "cn-bare": 9,
  // Dash points sit inside whatever item they follow, an 一是 included (四是…：——…——…).
  dash: 9.5,
  sequence: 10,
  parallel: 11,
};

/** Styles written inside running text: a lone one is not a list. */
export const INLINE_STYLES: ReadonlySet<EnumerationStyle> = new Set([
  "inline-shi",
  "inline-yao",
  "inline-qi",
  "di",
  "sequence",
  "parallel",
  "dash",
  "cn-bare",
]);

export interface Marker {
  style: MarkerStyle;
  /** The number the marker says; for `sequence` 1 (首先), 2 (其次), 3 (再次), 0 (然后/最后: "the next one"). */
  ordinal: number;
  start: number;
  end: number;
  /** Only whitespace lies between the marker and the start of its line. */
  lineStart: boolean;
  /** For `decimal`, the numbers before the last one (`1.2` of 1.2.3): items of one list share it. */
  prefix?: string;
}

const CN_NUMERAL_CHARS = new Set([..."〇零一二三四五六七八九十百"]);
/** Longest Chinese numeral read as a marker (九十九 has three characters, 一百零五 four). */
const MAX_CN_NUMERAL = 4;
/**
 * A code numbers its articles on past a hundred (民事诉讼法 第一百二十二条, 民法典 第一千二百六十条): after 第 and before
 * 条 or 章 the numeral may be this long and use 千.
 */
const MAX_ARTICLE_NUMERAL = 7;
const ARTICLE_NUMERAL = charTable([...CN_NUMERAL_CHARS, "千"]);
/** Longest Arabic number read as a marker: a roundup of typical practices numbers its items past 100 (…129.，130.). */
const MAX_ARABIC_NUMERAL = 3;
/** Spaces that may indent a line or sit between punctuation and a marker (ideographic, zero-width, NBSP). */
const BLANKS = charTable([" ", "\t", "\u3000", "\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff"]);
const LINE_BREAKS = charTable(["\n", "\r", "\u2028", "\u2029"]);
/** Punctuation after which an inline marker (一是, 第一，, 首先) may open a clause. */
const CLAUSE_BREAKS = charTable("。！？；：，、,;:!?）)”’」』】》…．");
/** Punctuation after which a heading marker (一、, 1.) may open a run-in paragraph (`…如下：一、…`). */
const SENTENCE_BREAKS = charTable("。！？；：;:!?");
/** What may follow 第一 when it numbers an item rather than a rank (第一次, 第一书记 are not items). */
const AFTER_DI = charTable("，,、：:");
/** What may follow 其一 (其一，… / 其一是…). */
/** 第一要务, 第一要素, 第一要义 are nouns (the first priority), not 第一要… items. */
const NOUNS_AFTER_YAO = charTable("务素义");
const AFTER_QI = charTable("，,、：:是");
const OPEN_PARENS = charTable("（(");
const CLOSE_PARENS = charTable("）)");
const DOTS = charTable(".．");
const AFTER_ARABIC = charTable(".．、）)");
/** Most decimal levels read (1.2.3.4); a standard's clauses rarely go deeper. */
const MAX_DECIMAL_PARTS = 4;
/** After 1.5 these make it a quantity (1.5万人, 2.3亿元), not the number of a clause. */
const UNITS = charTable("万亿千百倍元米亩吨");
/** A dash (—— U+2014, or ―― U+2015 as code page 936 decodes GB2312's dash) leads a point at the start of a line. */
const DASHES = charTable("\u2014\u2015");
/**
 * What follows 一/二/三 when they start a word rather than number an item without its 、 (一年来, 一方面, 二者, 三农,
 * 一些, 一旦, 一系列): a bare numeral is read as a marker only before other words.
 */
const NOT_AFTER_BARE = charTable("个位年月日号次项条种点方届批级类名人时分秒些者则来起旦致律切样般同直定共再口手体把带路流线味半季场份系大度道边侧连贯向举心期轮等档产星倍成农");
/** Subjects a speech may put before 一要/一是 without a comma (双方一要坚定相互支持…二要…). */
const SUBJECTS = new Set(["双方", "各方", "我们", "大家", "中方"]);
/**
 * A speech puts 一要 straight after whoever it addresses (要求全体代表一要…；二要…, 各工作组一要…), so 一要 may follow
 * any word, except where 一 ends that word (统一要求, 唯一要做的, 之一要, 万一要是).
 */
const WORDS_ENDING_IN_YI = charTable("统唯之万同单划逐归合专如不均纯");
const SHI = "是".charCodeAt(0);
const YAO = "要".charCodeAt(0);
const YI = "一".charCodeAt(0);
const DUN = "、".charCodeAt(0);
const DI = "第".charCodeAt(0);
const QI = "其".charCodeAt(0);
const CI = "次".charCodeAt(0);
const ZHANG = "章".charCodeAt(0);
const TIAO = "条".charCodeAt(0);
const FIRST_CIRCLED = 0x2460; // ①
const LAST_CIRCLED = 0x2473; // ⑳
/**
 * GB2312 encodes numbers in one character for each level of an outline, and a text typed in a word processor keeps
 * them: ㈠…㈩ for （一）, ⒈…⒛ for 1., ⑴…⒇ for （1） (① is read above). Each is read as the style it stands for.
 */
const ENCLOSED: readonly { first: number; last: number; style: MarkerStyle }[] = [
  { first: 0x3220, last: 0x3229, style: "cn-paren" }, // ㈠…㈩
  { first: 0x2488, last: 0x249b, style: "arabic-dot" }, // ⒈…⒛
  { first: 0x2474, last: 0x2487, style: "arabic-paren" }, // ⑴…⒇
];
const enclosedAt = (code: number) => ENCLOSED.find((e) => code >= e.first && code <= e.last);

const CN_NUMERAL = charTable(CN_NUMERAL_CHARS);
const ARABIC_DIGIT = charTable("0123456789０１２３４５６７８９");
/** Length of the run of characters in `table` at `from`, or 0 when it is longer than `max`. */
function runLength(text: string, from: number, max: number, table: Uint8Array): number {
  let i = from;
  // Outside the text charCodeAt gives NaN, which is in no table.
  while (i - from <= max && table[text.charCodeAt(i)]) i++;
  return i - from > max ? 0 : i - from;
}

/** The preceding character's code when a line starts at `at` (only blanks before it on its line). */
const LINE = -1;
/** Bullets a page's text keeps where an HTML <li> was (• 1. 预约工作日办理业务…). */
const BULLETS = charTable("•‧●▪◦■◆");
/** How far back the scans below look over blanks (so a megabyte of spaces followed by markers stays linear). */
const MAX_BLANKS_BEFORE = 64;

/**
 * Where the bullet that opens the line of `at` stands (`  • 1. …`), or -1: the list markup of an <li> flattened to
 * text, which belongs to the item after it (a bullet mid-line is punctuation like any other).
 */
export function bulletBefore(text: string, at: number): number {
  const stop = Math.max(-1, at - MAX_BLANKS_BEFORE);
  let i = at - 1;
  while (i > stop && BLANKS[text.charCodeAt(i)]) i--;
  if (i <= stop || !BULLETS[text.charCodeAt(i)]) return -1;
  let j = i - 1;
  while (j > stop && BLANKS[text.charCodeAt(j)]) j--;
  return j < 0 || LINE_BREAKS[text.charCodeAt(j)] ? i : -1;
}

/**
 * The code of the character before `at`, skipping blanks, or {@link LINE} at the start of the text or a line; a
 * line-opening bullet ({@link bulletBefore}) leaves the marker after it at the start of its line.
 */
function preceding(text: string, at: number): number {
  if (bulletBefore(text, at) >= 0) return LINE;
  let i = at - 1;
  const stop = Math.max(-1, at - MAX_BLANKS_BEFORE);
  while (i > stop && BLANKS[text.charCodeAt(i)]) i--;
  return i < 0 || LINE_BREAKS[text.charCodeAt(i)] ? LINE : text.charCodeAt(i);
}
/**
 * {@link preceding} for a heading marker (一、, （一）, 1、, 1., （1）): a page that flattens its paragraphs into one
 * line, or a text taken from a PDF, leaves a space where each break was (…分工。 十三、… / 第四章 会议制度 十四、… /
 * 会议要求 1、 各科…), and running Chinese text puts no space before a numeral, so a blank right before the marker
 * stands for the start of a line.
 */
const precedingHeading = (text: string, at: number) => (BLANKS[text.charCodeAt(at - 1)] ? LINE : preceding(text, at));
const opensClause = (p: number) => p === LINE || CLAUSE_BREAKS[p] === 1;
const opensSentence = (p: number) => p === LINE || SENTENCE_BREAKS[p] === 1;

/** 首先 opens a sequence; 然后 and 最后 (0) take the next number in it; 其次 is read with 其一 below. */
const SEQUENCE_WORDS: ReadonlyMap<string, number> = new Map([
  ["首先", 1],
  ["再次", 3],
  ["然后", 0],
  ["最后", 0],
]);
/** Every character a marker can start with: the scan skips all others at the cost of one lookup. */
const STARTERS = charTable([
  ...CN_NUMERAL_CHARS,
  ..."0123456789０１２３４５６７８９（(第其",
  ...[...SEQUENCE_WORDS.keys()].map((w) => w[0]!),
  "\u2014",
  "\u2015",
  ...Array.from({ length: LAST_CIRCLED - FIRST_CIRCLED + 1 }, (_, k) => String.fromCharCode(FIRST_CIRCLED + k)),
  ...ENCLOSED.flatMap((e) => Array.from({ length: e.last - e.first + 1 }, (_, k) => String.fromCharCode(e.first + k))),
]);

/**
 * A clause number such as 1.2 or 1.2.1 whose first part ends at `dot`: where its last part starts and where it ends;
 * undefined when what follows makes it a quantity (1.5万, 1.25) or it has more than {@link MAX_DECIMAL_PARTS} parts.
 */
function clauseNumber(text: string, dot: number): { last: number; end: number } | undefined {
  let i = dot;
  let last = dot;
  let parts = 1;
  while (DOTS[text.charCodeAt(i)] && ARABIC_DIGIT[text.charCodeAt(i + 1)]) {
    const n = runLength(text, i + 1, MAX_ARABIC_NUMERAL, ARABIC_DIGIT);
    if (n === 0 || ++parts > MAX_DECIMAL_PARTS) return undefined;
    last = i + 1;
    i += 1 + n;
  }
  const after = text.charCodeAt(i);
  return BLANKS[after] || (isIdeograph(after) && !UNITS[after]) ? { last, end: i } : undefined;
}

const NIAN = "年".charCodeAt(0);
const YUE = "月".charCodeAt(0);
/** What follows 月 in a date or a time of the month (8月30日, 3月份, 5月底, 6月上旬). */
const AFTER_MONTH = charTable("0123456789０１２３４５６７８９份底初中上下");
/**
 * An item's words may open with a date right after its number (1.8月30日全县放假 / 2.2023年5月起…): a clause number
 * never counts months, so after `1.` a date (a month 1–12 and its day or part, or a year and its month) is the
 * item's first word, and `1.` its marker. A year alone (1.2023年白鹤镇政府工作报告) is left to read as it did: a
 * contents line, not an item.
 */
function opensDate(text: string, at: number, afterYear = false): boolean {
  const n = runLength(text, at, 4, ARABIC_DIGIT);
  if (n === 4) return !afterYear && text.charCodeAt(at + n) === NIAN && opensDate(text, at + n + 1, true);
  if (n === 0 || n > 2 || text.charCodeAt(at + n) !== YUE || !(afterYear || AFTER_MONTH[text.charCodeAt(at + n + 1)])) return false;
  const month = parseChineseNumber(text.slice(at, at + n));
  return month !== undefined && month >= 1 && month <= 12;
}

/** A file name after a caption (图片 1.jpg / 附件 2.pdf): the dot starts its extension, not an item's words. */
const FILE_EXTENSION = /^(?:jpe?g|png|gif|bmp|webp|docx?|xlsx?|pptx?|pdf|txt|zip|rar|s?html?|mp[34])(?![A-Za-z])/iu;

/** Adds a marker that parsed to a number and ends before `to` (a module function: scanMarkers runs per line). */
function propose(markers: Marker[], to: number, style: MarkerStyle, ordinal: number | undefined, start: number, end: number, before: number): void {
  if (ordinal !== undefined && end <= to) markers.push({ style, ordinal, start, end, lineStart: before === LINE });
}

/**
 * Proposes every enumeration marker in `text.slice(from, to)`, in text order.
 *
 * @example
 * scanMarkers("要求：一是加强领导；二是第一次会议").map((m) => [m.style, m.ordinal]);
 * // → [["inline-shi", 1], ["inline-shi", 2]]   (第一次 is a rank, not a marker)
 */
export function scanMarkers(text: string, from = 0, to = text.length): Marker[] {
  const markers: Marker[] = [];
  // Each branch checks what follows the number before it looks back or parses: most look-alikes fail there.
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!STARTERS[code]) continue;
    const prev = text.charCodeAt(i - 1);
    const enclosed = enclosedAt(code);
    if (code >= FIRST_CIRCLED && code <= LAST_CIRCLED) {
      propose(markers, to, "circled", code - FIRST_CIRCLED + 1, i, i + 1, preceding(text, i));
    } else if (enclosed) {
      // Like the bracketed numbers they stand for: at the start of a line or a clause.
      const before = precedingHeading(text, i);
      if (opensClause(before)) propose(markers, to, enclosed.style, code - enclosed.first + 1, i, i + 1, before);
    } else if (CN_NUMERAL[code]) {
      // Markers start at a run boundary: 统一是 / 第一第一 never yield one from the middle of a run.
      if (CN_NUMERAL[prev] || prev === DI || prev === QI || OPEN_PARENS[prev]) continue;
      const n = runLength(text, i, MAX_CN_NUMERAL, CN_NUMERAL);
      const next = text.charCodeAt(i + n);
      if (n > 0 && (next === SHI || next === YAO || next === DUN)) {
        const before = preceding(text, i);
        const addressed = next === YAO && n === 1 && code === YI && isIdeograph(before) && !WORDS_ENDING_IN_YI[before];
        // A blank right before 一是 stands for the break or stop a page flattened (要求 一是…); running text has none.
        const spaced = BLANKS[prev] === 1;
        if (next !== DUN && (opensClause(before) || spaced || SUBJECTS.has(text.slice(i - 2, i)) || addressed)) {
          propose(markers, to, next === SHI ? "inline-shi" : "inline-yao", parseOrdinal(text.slice(i, i + n)), i, i + n + 1, before);
        } else if (next === DUN && opensSentence(precedingHeading(text, i))) {
          propose(markers, to, "cn-dun", parseOrdinal(text.slice(i, i + n)), i, i + n + 1, precedingHeading(text, i));
        }
      } else if (n > 0 && DOTS[next] && preceding(text, i) === LINE && !ARABIC_DIGIT[text.charCodeAt(i + n + 1)]) {
        propose(markers, to, "cn-dun", parseOrdinal(text.slice(i, i + n)), i, i + n + 1, LINE); // 一.总体要求: a web page's 一、
      } else if (n > 0 && n <= 2 && isIdeograph(next) && !NOT_AFTER_BARE[next] && opensSentence(preceding(text, i))) {
        // A copying site strips 、 and leaves 一思想上…；二政治上…: proposed here, kept only as a run of three.
        propose(markers, to, "cn-bare", parseOrdinal(text.slice(i, i + n)), i, i + n, preceding(text, i));
      }
      i += Math.max(n, 1) - 1;
    } else if (ARABIC_DIGIT[code]) {
      // 11.1 / 1.2.3 / （1） never yield one from the middle.
      if (ARABIC_DIGIT[prev] || DOTS[prev] || OPEN_PARENS[prev]) continue;
      const n = runLength(text, i, MAX_ARABIC_NUMERAL, ARABIC_DIGIT);
      const next = text.charCodeAt(i + n);
      const numberAfterDot = DOTS[next] === 1 && ARABIC_DIGIT[text.charCodeAt(i + n + 1)] === 1 && !opensDate(text, i + n + 1);
      if (n > 0 && numberAfterDot) {
        // 1.5 is a number, not a marker, unless it opens a line as a clause number (1.2 等级划分 / 1.2.1 国家级…).
        const number = clauseNumber(text, i + n);
        if (number && preceding(text, i) === LINE) {
          const ordinal = parseChineseNumber(text.slice(number.last, number.end));
          const prefix = text.slice(i, number.last - 1).replace(/．/gu, ".");
          if (ordinal !== undefined && number.end <= to) markers.push({ style: "decimal", ordinal, start: i, end: number.end, lineStart: true, prefix });
          i = number.end - 1;
          continue;
        }
      }
      if (n > 0 && AFTER_ARABIC[next] && !numberAfterDot && !(DOTS[next] && FILE_EXTENSION.test(text.slice(i + n + 1, i + n + 7)))) {
        const style = DOTS[next] ? "arabic-dot" : next === DUN ? "arabic-dun" : "arabic-half-paren";
        // 1、 and 1. head items as 一、 does: a blank before them stands for a lost line break (会议要求 1、 各科…).
        const before = style === "arabic-half-paren" ? preceding(text, i) : precedingHeading(text, i);
        if (opensSentence(before)) propose(markers, to, style, parseChineseNumber(text.slice(i, i + n)), i, i + n + 1, before);
      }
      i += Math.max(n, 1) - 1;
    } else if (OPEN_PARENS[code]) {
      const cn = runLength(text, i + 1, MAX_CN_NUMERAL, CN_NUMERAL);
      const n = cn || runLength(text, i + 1, MAX_ARABIC_NUMERAL, ARABIC_DIGIT);
      if (n === 0 || !CLOSE_PARENS[text.charCodeAt(i + 1 + n)]) continue;
      const before = precedingHeading(text, i);
      if (!opensClause(before) && !OPEN_PARENS[before]) continue;
      const inner = text.slice(i + 1, i + 1 + n);
      propose(markers, to, cn ? "cn-paren" : "arabic-paren", cn ? parseOrdinal(inner) : parseChineseNumber(inner), i, i + n + 2, before);
    } else if (code === DI) {
      let n = runLength(text, i + 1, MAX_CN_NUMERAL, CN_NUMERAL);
      if (n === 0) {
        const long = runLength(text, i + 1, MAX_ARTICLE_NUMERAL, ARTICLE_NUMERAL);
        const unit = text.charCodeAt(i + 1 + long);
        if (unit === ZHANG || unit === TIAO) n = long;
      }
      const next = text.charCodeAt(i + 1 + n);
      if (n === 0 || !(next === ZHANG || next === TIAO || next === YAO || AFTER_DI[next])) continue;
      const before = preceding(text, i);
      const ordinal = () => parseOrdinal(text.slice(i + 1, i + 1 + n));
      // A regulation sets its article number apart with a space (第一条 为保障…); a page that flattened the articles
      // into one line keeps that space and puts another where each break was (…制度 第一条 村民代表会议…).
      const flattened = next === TIAO && BLANKS[text.charCodeAt(i - 1)] === 1 && BLANKS[text.charCodeAt(i + n + 2)] === 1;
      if ((next === ZHANG || next === TIAO) && (before === LINE || flattened)) {
        propose(markers, to, next === ZHANG ? "di-zhang" : "di-tiao", ordinal(), i, i + n + 2, LINE);
      } else if (AFTER_DI[next] && opensClause(before)) {
        propose(markers, to, "di", ordinal(), i, i + n + 1, before);
      } else if (next === YAO && !NOUNS_AFTER_YAO[text.charCodeAt(i + n + 2)] && opensClause(before)) {
        propose(markers, to, "di", ordinal(), i, i + n + 2, before); // 第一要…第二要: a speech's 第一，with its modal
      }
    } else if (code === QI) {
      const n = runLength(text, i + 1, 2, CN_NUMERAL);
      const next = text.charCodeAt(i + 1);
      if (!(next === CI || (n > 0 && AFTER_QI[text.charCodeAt(i + 1 + n)]))) continue;
      const before = preceding(text, i);
      if (!opensClause(before)) continue;
      if (next === CI) propose(markers, to, "sequence", 2, i, i + 2, before);
      else propose(markers, to, "inline-qi", parseOrdinal(text.slice(i + 1, i + 1 + n)), i, i + 1 + n, before);
    } else if (DASHES[code]) {
      // ——发展速度要快。: two dashes open the line and words follow (a lone dash or a rule of dashes is no marker).
      if (text.charCodeAt(i + 1) === code && isIdeograph(text.charCodeAt(i + 2)) && preceding(text, i) === LINE) {
        propose(markers, to, "dash", 0, i, i + 2, LINE);
      }
      i++;
    } else {
      const step = SEQUENCE_WORDS.get(text.slice(i, i + 2));
      if (step === undefined) continue;
      const before = preceding(text, i);
      if (opensClause(before)) propose(markers, to, "sequence", step, i, i + 2, before);
    }
  }
  return markers;
}
