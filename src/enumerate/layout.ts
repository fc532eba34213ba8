/**
 * The line and sentence layout the assembler asks about (where a line ends, which paragraph a marker is in, where
 * a report's closing block starts), computed once per text in linear time and queried by binary search.
 */
import type { Span } from "../core/schema.js";
import { countBelow } from "../core/spans.js";
import { isBlank } from "../core/text.js";
import { wordList } from "../dict.js";
import { isIdeograph } from "../core/chars.js";

export interface Layout {
  text: string;
  /** End of the line containing `pos` (the index of its line break, or the text length). */
  lineEnd(pos: number): number;
  /** Index, among non-blank lines, of the line containing `pos`: consecutive paragraphs differ by one. */
  paragraph(pos: number): number;
  /** Start of the non-blank line `back` paragraphs before the one containing `pos` (0: its own line). */
  paragraphStart(pos: number, back?: number): number;
  /** End of the non-blank line `ahead` paragraphs after the one containing `pos` (0: its own line), or of the last. */
  paragraphEnd(pos: number, ahead?: number): number;
  /** Start of the first closing line (注：, 附件, a date or signature block…) that begins at or after `pos`. */
  nextClosing(pos: number): number;
  /** Start of the first unnumbered heading line ({@link isUnnumberedHeading}) that begins at or after `pos`. */
  nextUnnumberedHeading(pos: number): number;
  /** End of the sentence containing `pos`, carried over `；` to the first 。！？ or the end of the line. */
  sentenceEnd(pos: number): number;
  /** `end` moved back over trailing whitespace, not before `start`. */
  trimEnd(start: number, end: number): number;
  /** The text before `end` (a trimmed end) stops mid-sentence, no 。！？；… closing it: an excerpt cut there. */
  cutAt(end: number): boolean;
  /**
   * A preview site cut the text at `end` (a trimmed end): a site notice follows (全文共…字, 试读结束) and the text
   * before it stops mid-sentence or in the ellipsis the site put there (…重点工程、…………).
   */
  previewCutAt(end: number): boolean;
}

/** Sentence enders that close a thought; `；` only separates items of one. */
const FULL_STOPS = new Set([..."。！？!?"]);
/**
 * Lines that open the closing block. Besides notes and attachments, GB/T 9704 ends a notice's body with its closing
 * formula on a line of its own (特此通知。/ 特此公告 / 特此函告), before the issuing organ's signature: the last item
 * ends above it.
 */
const CLOSING_PREFIXES = ["注：", "注:", "注释", "附注", "附件", "附表", "附录", "附：", "附:", "（此件", "(此件", "抄送", "特此"];
/**
 * A web page goes on after the text it shows: a document site's download link, a preview site's notice where it cut
 * the text (全文共6180字…请【点此注册】), the page's credit and links (dict/enumerate-site-notices.txt). None of it
 * is the words of an item.
 */
const siteNotices = wordList("enumerate-site-notices.txt");
/** A document's closing formulas on a line of their own (以上意见，请… / 妥否，请批示 / 此复): dict/enumerate-closing-formulas.txt. */
const closingFormulas = wordList("enumerate-closing-formulas.txt");
/**
 * A part (第一部分) or, on a page that gathers several texts, a piece (第二篇：…) opens above every 一、 of the
 * outline: the last item before it ends there. Read from the first characters of a line only.
 */
const PART_LINE = /^第[一二三四五六七八九十0-9０-９]{1,3}(?:部分|篇(?!章))/u;
/** A site's footer names its rights and its licence (版权所有, 粤ICP备…号), in either script, anywhere in the line. */
const FOOTER = /ICP[备備]|版权所有|版權所有/u;
/** Longest line searched for a footer's words. */
const MAX_FOOTER_LINE = 400;
/** The date under a signature; a text taken from a PDF keeps the blanks between its parts (2023 年 5 月 1 日). */
const DATE_LINE =
  /^[\s\u3000]*(?:[0-9０-９]{4}|[〇零一二三四五六七八九○]{4})[ \u3000]*年[ \u3000]*[0-9０-９一二三四五六七八九十]{1,2}[ \u3000]*月[ \u3000]*[0-9０-９一二三四五六七八九十]{1,3}[ \u3000]*日[\s\u3000]*$/u;
/**
 * The signature (落款) stands on the lines right above the date: the issuing organs' names, one or two to a line
 * (中共XX镇委员会　XX镇人民政府), short and without sentence punctuation. The closing block starts with it, so the
 * last item ends above the organ's name, not only above the date.
 */
const MAX_SIGNATURE_LINES = 3;
const MAX_SIGNATURE_LINE = 40;
const SIGNATURE_PUNCTUATION = /[。，,；;：:！？!?、]/u;
/** A line that opens with a number (2.湖北省…意见 / 一．… / （三）…) is an item or an attachment's title, never a signature. */
const NUMBERED_LINE = /^(?:[0-9０-９（(〔【\u2460-\u2473]|[〇零一二三四五六七八九十]+[、.．])/u;

const identity = (x: number) => x;
/** Index of the last value ≤ x in sorted `values` (-1 when none). */
export const lastAtOrBefore = (values: readonly number[], x: number) => countBelow(values, x + 1, identity) - 1;
/** Index of the last value < x in sorted `values` (-1 when none). */
export const lastBefore = (values: readonly number[], x: number) => countBelow(values, x, identity) - 1;

/** Closing quotes and brackets that may follow a sentence's full stop (`……。”`). */
const TRAILERS = new Set([..."”’」』）)】》"]);
/** What may close the last sentence of a whole text: a full stop or ； (a notice's last item), an ellipsis, a quote. */
const CLOSERS = new Set([...FULL_STOPS, ..."；;….", ...TRAILERS]);

function endsWithFullStop(text: string, sentence: Span): boolean {
  let i = sentence.end - 1;
  while (i > sentence.start && TRAILERS.has(text[i]!)) i--;
  return FULL_STOPS.has(text[i]!);
}

/**
 * A line that ends the body of a document: notes, attachments, a date line under the signature. `head` is at most
 * the first 40 characters of the line (so the date pattern never reads a long line); `whole` says it is all of it.
 */
function isClosingLine(head: string, whole: boolean): boolean {
  const trimmed = head.replace(/^[\s\u3000]+/u, "");
  if (CLOSING_PREFIXES.some((p) => trimmed.startsWith(p)) || closingFormulas().some((p) => trimmed.startsWith(p))) return true;
  return isSiteNotice(trimmed) || PART_LINE.test(trimmed) || (whole && DATE_LINE.test(head));
}

/** A site may put its notice in brackets ((未完,全文共739字,当前显示211字)). */
const isSiteNotice = (trimmed: string) => {
  const words = trimmed.replace(/^[(（【\[]/u, "");
  return siteNotices().some((p) => words.startsWith(p));
};

/** A line that may be (part of) a signature: an organ's name or two, no sentence (see {@link MAX_SIGNATURE_LINES}). */
function isSignatureLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_SIGNATURE_LINE || NUMBERED_LINE.test(trimmed)) return false;
  return !SIGNATURE_PUNCTUATION.test(trimmed) && !DATE_LINE.test(trimmed);
}

/** Longest line read as an unnumbered heading (结论 / 四条文件审批制度 / 六条关于党的生活与纪律). */
const MAX_UNNUMBERED_HEADING = 20;
/** Sentence punctuation: a line that has it is prose. */
const PROSE = /[。，,；;！？!?]/u;

/**
 * A short line of Chinese characters only (no punctuation, digits, Latin letters or blanks, which make it a sentence,
 * a label, a caption, a roster line or a forum's jammer), followed by prose, that is not a 第X… structural line: a heading
 * without a number (结论, 结束语, 四条文件审批制度 in a page that dropped 第). GB/T 9704 numbers every heading of the
 * outline, so an unnumbered one starts a part of the text outside the list above it, and that list's last item ends.
 */
function isUnnumberedHeading(line: string): boolean {
  const trimmed = line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
  if (trimmed.length === 0 || trimmed.length > MAX_UNNUMBERED_HEADING || trimmed.startsWith("第")) return false;
  // A blank inside sets a name apart from a post (书　记　李希, 中华人民共和国主席　习近平): a roster or a signature.
  for (const c of trimmed) if (!isIdeograph(c.charCodeAt(0))) return false;
  return true;
}

/**
 * Builds the layout of `text`; `sentences` (from `splitSentences`) gives the sentence ends.
 *
 * @example
 * const text = "一、总则\n\n内容；细则。\n附件：名单";
 * const layout = layoutOf(text, splitSentences(text));
 * layout.paragraph(text.indexOf("内容")); // → 1 (blank lines do not count)
 * layout.sentenceEnd(text.indexOf("内容")); // → end of "内容；细则。" (carried over ；)
 * layout.nextClosing(0); // → text.indexOf("附件")
 */
export function layoutOf(text: string, sentences: readonly Span[]): Layout {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const paragraphIndex: number[] = [];
  const paragraphStarts: number[] = [];
  const closing: number[] = [];
  const notices: number[] = [];
  const headings: number[] = [];
  let count = -1;
  /**
   * A page that flattened its paragraphs into one line left a blank where each break was (…追究法律责任。 特此通告
   * 洞口县…指挥部 2022年1月27日): a closing line run on after a finished sentence and a blank opens the closing block
   * as it would at the start of a line.
   */
  const closingRunOn = (start: number, end: number) => {
    for (let i = start + 1; i < end; i++) {
      if (!isBlank(text[i]!) || !FULL_STOPS.has(text[i - 1]!)) continue;
      let j = i;
      while (j < end && isBlank(text[j]!)) j++;
      if (j < end && isClosingLine(text.slice(j, Math.min(end, j + 40)), false)) {
        closing.push(j);
        if (isSiteNotice(text.slice(j, Math.min(end, j + 40)))) notices.push(j);
      }
      i = j;
    }
  };
  for (let k = 0; k < lineStarts.length; k++) {
    const start = lineStarts[k]!;
    const end = k + 1 < lineStarts.length ? lineStarts[k + 1]! - 1 : text.length;
    let blank = true;
    for (let i = start; i < end && blank; i++) blank = isBlank(text[i]!);
    if (!blank) {
      count++;
      paragraphStarts.push(start);
    }
    paragraphIndex.push(Math.max(count, 0));
    const head = text.slice(start, Math.min(end, start + 40));
    const footer = !blank && end - start <= MAX_FOOTER_LINE && FOOTER.test(text.slice(start, end));
    if (!blank && (isClosingLine(head, end - start <= 40) || footer)) {
      // A date line closes with the signature above it: the block starts at the first of those lines.
      let first = start;
      if (end - start <= 40 && DATE_LINE.test(head)) {
        for (let back = 2; back <= MAX_SIGNATURE_LINES + 1 && paragraphStarts.length - back >= 0; back++) {
          const at = paragraphStarts[paragraphStarts.length - back]!;
          const lineStop = text.indexOf("\n", at);
          if (at <= (closing.at(-1) ?? -1) || !isSignatureLine(text.slice(at, lineStop < 0 ? text.length : lineStop))) break;
          first = at;
        }
      }
      closing.push(first);
      if (isSiteNotice(head.replace(/^[\s\u3000]+/u, ""))) notices.push(start);
    }
    if (!blank) closingRunOn(start, end);
    if (!blank && end - start <= 2 * MAX_UNNUMBERED_HEADING && isUnnumberedHeading(text.slice(start, end))) headings.push(paragraphStarts.length - 1);
  }
  const sentenceStarts = sentences.map((s) => s.start);
  // fullStopEnd[k]: end of the first sentence from k on that closes with 。！？ (computed once, back to front).
  const fullStopEnd = new Array<number>(sentences.length + 1).fill(text.length);
  for (let k = sentences.length - 1; k >= 0; k--) {
    fullStopEnd[k] = endsWithFullStop(text, sentences[k]!) ? sentences[k]!.end : fullStopEnd[k + 1]!;
  }
  const lineOf = (pos: number) => lastAtOrBefore(lineStarts, pos);
  const trimEnd = (start: number, end: number) => {
    while (end > start && isBlank(text[end - 1]!)) end--;
    return end;
  };
  const lineEnd = (pos: number) => {
    const next = lineStarts[lineOf(pos) + 1];
    return next === undefined ? text.length : next - 1;
  };
  // Only a heading that prose follows heads anything (a name on the line after is a roster, a date a signature).
  const prose = (k: number) => k < paragraphStarts.length && PROSE.test(text.slice(paragraphStarts[k]!, Math.min(text.length, paragraphStarts[k]! + 200)).split("\n")[0]!);
  // And only one that follows a finished sentence: after a line such as 46.医护比▲ a short line is a table's cell.
  const closed = (k: number) => k >= 0 && FULL_STOPS.has(text[trimEnd(paragraphStarts[k]!, lineEnd(paragraphStarts[k]!)) - 1] ?? "");
  const cutAt = (end: number) => {
    const last = text[end - 1];
    // A program that shortens a text for a teaser appends ASCII dots (…一是...), where prose ends with 。 or ……
    return (last !== undefined && !CLOSERS.has(last)) || text.endsWith("...", end);
  };
  const unnumbered = headings.filter((k) => prose(k + 1) && closed(k - 1)).map((k) => paragraphStarts[k]!);
  return {
    text,
    lineEnd,
    paragraph: (pos) => paragraphIndex[lineOf(pos)]!,
    paragraphStart: (pos, back = 0) => paragraphStarts[Math.max(0, paragraphIndex[lineOf(pos)]! - back)] ?? 0,
    paragraphEnd(pos, ahead = 0) {
      const k = Math.min(paragraphStarts.length - 1, paragraphIndex[lineOf(pos)]! + ahead);
      return k < 0 ? text.length : lineEnd(paragraphStarts[k]!);
    },
    nextClosing(pos) {
      const k = lastBefore(closing, pos) + 1;
      return closing[k] ?? text.length;
    },
    nextUnnumberedHeading(pos) {
      return unnumbered[lastBefore(unnumbered, pos) + 1] ?? text.length;
    },
    sentenceEnd(pos) {
      const k = Math.max(0, lastAtOrBefore(sentenceStarts, pos));
      const s = sentences[k];
      const from = s && s.end <= pos ? k + 1 : k;
      return Math.min(fullStopEnd[from] ?? text.length, lineEnd(pos));
    },
    trimEnd,
    cutAt,
    previewCutAt(end) {
      const notice = notices[lastBefore(notices, end) + 1];
      if (notice === undefined || trimEnd(end, notice) !== end) return false;
      return cutAt(end) || text[end - 1] === "…";
    },
  };
}
