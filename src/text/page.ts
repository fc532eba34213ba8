/**
 * Page structure of scraped text: which ranges are the article and its title, and which are navigation,
 * metadata, credits, footer or injected spam — plus the metadata read from them (publication date, views, source,
 * breadcrumb, column, credits). Nothing is deleted: regions are ranges of the caller's string.
 *
 * The reader works line by line. A first pass recognises the lines that announce themselves (labelled metadata
 * and credits, breadcrumbs, footer furniture, spam banners); a second pass reads the header above the article
 * (title, column) and the tail below it, where weaker clues (a bare `作者：`, a lone `Baidu`) are trusted.
 */
import { dictParseError, readDictLines } from "../dict.js";
import type { Stage } from "../core/stage.js";
import { z } from "zod";
import { isBlank, MAX_HEADLINE } from "../core/text.js";
import { parseOptions, parseText } from "../core/options.js";
import { type Credits, IsoDateSchema, isoDay, type PageInfo, type Region, type RegionKind, type Span, type SpamFinding } from "../core/schema.js";
import { dateAt, datesIn } from "./dates.js";
import { parseChineseNumber } from "../core/numerals.js";
import { splitSentences } from "./sentences.js";
import { spamIn } from "./spam.js";
import { buildTermIndex, findTerms, termAt, type TermIndex } from "./terms.js";

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary (dict/page-labels.txt)

const LABEL_KINDS = [
  "date", "views", "source", "meta", "title", "date.weak", "views.weak", "author.weak",
  "photo", "text", "editor", "reviewer", "footer", "nav", "column",
] as const;
type LabelKind = (typeof LABEL_KINDS)[number];
type CreditField = keyof Credits;
const CREDIT_FIELDS = new Set<string>(["photo", "text", "editor", "reviewer"]);
/** Kinds that are labels (followed by a colon) rather than markers found anywhere in a line. */
const FIELD_KINDS = new Set<string>(LABEL_KINDS.filter((k) => k !== "footer" && k !== "nav" && k !== "column"));

interface PageTerm {
  term: string;
  kind: LabelKind;
}

const PAGE_LABELS_FILE = "page-labels.txt";

interface PageVocabulary {
  labels: TermIndex<PageTerm>;
  footer: TermIndex<PageTerm>;
  nav: TermIndex<PageTerm>;
  columnEndings: string[];
}

let vocabulary: PageVocabulary | undefined;

function pageVocabulary(): PageVocabulary {
  if (!vocabulary) {
    const terms = readDictLines(PAGE_LABELS_FILE).map((entry) => {
      const [term, kind, ...rest] = entry.fields;
      if (!term || !kind || rest.length > 0) throw dictParseError(PAGE_LABELS_FILE, entry, "expected `term kind`");
      if (!(LABEL_KINDS as readonly string[]).includes(kind)) {
        throw dictParseError(PAGE_LABELS_FILE, entry, `unknown kind "${kind}"`);
      }
      return { term, kind: kind as LabelKind };
    });
    vocabulary = {
      labels: buildTermIndex(terms.filter((t) => FIELD_KINDS.has(t.kind))),
      footer: buildTermIndex(terms.filter((t) => t.kind === "footer")),
      nav: buildTermIndex(terms.filter((t) => t.kind === "nav")),
      columnEndings: terms.filter((t) => t.kind === "column").map((t) => t.term),
    };
  }
  return vocabulary;
}

// ---------------------------------------------------------------------------------------------------------------
// Lines

interface Line extends Span {
  /** Index of the line among non-blank lines. */
  index: number;
  /** A blank line separates it from the line before. */
  afterBlank: boolean;
}

/** Non-blank lines, trimmed, with offsets into `text`. */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let afterBlank = false;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== "\n" && text[i] !== "\r") continue;
    let start = lineStart;
    let end = i;
    while (start < end && isBlank(text[start]!)) start++;
    while (end > start && isBlank(text[end - 1]!)) end--;
    if (end > start) {
      lines.push({ start, end, text: text.slice(start, end), index: lines.length, afterBlank: afterBlank && lines.length > 0 });
      afterBlank = false;
    } else if (i < text.length && text[i] === "\n") {
      afterBlank = true;
    }
    lineStart = i + 1;
  }
  return lines;
}

/** Labelled lines, breadcrumbs and footers are short; a longer line is prose. */
const MAX_FURNITURE_LINE = 150;
const MAX_HEADLINES = 4;
/** Official titles are broken into short lines; a long line is a whole headline. */
const MAX_BROKEN_TITLE_LINE = 30;
/** Title candidates are looked for among this many lines at the top. */
const HEADER_WINDOW = 12;
/** Dates under the title are looked for among this many lines at the top. */
const DATE_LINE_WINDOW = 10;

const SENTENCE_PUNCTUATION = /[。！？!?；;，,]/;
const OPEN_BRACKETS = new Set(["【", "[", "（", "(", "［"]);
/**
 * What may stand before a line's label: an opening bracket, a list bullet (• 当前位置:, or a dash: a CMS writes its
 * metadata as a list, `- 发布日期:2023-03-07 浏览次数:2079`), a table cell's bar (| 发文日期: |).
 */
const LABEL_LEADS = new Set([...OPEN_BRACKETS, "•", "·", "●", "■", "◆", "-", "|", "｜"]);
/** An icon before a field, as a scrape keeps it: an icon font's private-use glyph, or `?`/U+FFFD where it was lost. */
const isIcon = (c: string) => c === "?" || c === "\uFFFD" || (c >= "\uE000" && c <= "\uF8FF");
/** Where the label of a line would start, after its leads and blanks. */
function labelStart(text: string, start: number, end: number): number {
  let p = start;
  while (p < end && (LABEL_LEADS.has(text[p]!) || isIcon(text[p]!) || isBlank(text[p]!))) p++;
  return p;
}
const COLONS = new Set([":", "："]);
const CRUMB_SEPARATORS = new Set([">", "＞", "»", "›", "→"]);
/** The first entry of a breadcrumb that starts at the site's home page. */
const SITE_HOMES = new Set(["首页", "网站首页", "主页"]);
/** Breadcrumb entries that name the current page rather than a place on the site. */
const CRUMB_PLACEHOLDERS = new Set(["正文", "详情", "内容", "正文内容", "详细内容", "文章内容", "阅读文章"]);
/** `国办发〔2018〕109号`: a document number on its own line. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fff]{1,12}[〔［[【(（]\d{4}[〕］\]】)）]\d{1,4}号$/;
/** Enumeration headings (一、 （一） 1. 第一章) open sections, not pages. */
/** A numbered notice's number on its own line (人大常委会公告 `第一号`, `第12号`): metadata, like a document number. */
const NOTICE_NUMBER = /^[（(]?第[一二三四五六七八九十百零〇\d]{1,6}号[）)]?$/;
/** A chapter's number and its name (`第147章 下县`, `第二十一章 下县`): a chapter of a book, not of a document (总则, 附则). */
const CHAPTER_HEADLINE = /^第[一二三四五六七八九十百零\d]{1,6}章[\s\u3000]+(?!总则|附则|總則|附則)[^\s\u3000。；;]{2,30}$/;
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|第[一二三四五六七八九十百\d]+[章节条部分])/;
const LATIN_ONLY = /^[A-Za-z0-9 ._\-|/]+$/;
/** A title line ending in a document type (…的通知, 政府工作报告) is complete: the next line is not part of it. */
const DOCUMENT_TYPE_ENDING = /(?:通知|意见|决定|报告|公报|方案|办法|规定|批复|通报|纲要|规划|条例|规则|细则|决议|函)$/;
/** `——开封十四中2017年…活动` under a headline: its subtitle. */
const isSubtitle = (line: { text: string }) => line.text.startsWith("——");
/** Lines under a title that are not part of it: a subtitle (——在…上的报告), a bracketed date, a news lead. */
const TITLE_STOPPER = /^(?:—|（|\(|新华社|央视网消息|本报讯)/;
/** A news lead opens with its dateline (`大众日报济南3月21日讯`, `本报北京5月6日电`, not 日电视…): never a headline. */
const NEWS_DATELINE = /^[^\s，,。；]{0,20}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:讯|訊|电|電)(?![视視商影力网網子话話器动動池])/;
/** A time stamp under or over a headline (`2021-11-22 16:29`, `09.01.2015  12:19`, `2019年03月22日 星期五`, `星期五`). */
const MAX_DATE_STAMP = 40;
const STAMP_CHARS = /^[\d\s年月日时分秒時:：.\-/]+$/;
const WEEKDAY = /(?:星期|周)[一二三四五六日天]/g;
/**
 * E-paper chrome: the page of the edition (`第01版:要闻`, `第A2版：综合新闻`, `版次：`, `二版:要闻总第1495期`, the reader's
 * `当前版:01版`) heads the article on it.
 */
const EDITION_LINE = /^(?:第[A-Za-z]?\d{1,3}[A-Za-z]?版|[一二三四五六七八九十]{1,3}版[:：]|(?:版次|当前版)[:：])/;
/** An e-paper's masthead line that ends with the edition (`某某日报 2024年03月05日 第01版`, `… 第A2版：要闻`). */
const EDITION_MASTHEAD = /第[A-Za-z]?\d{1,3}[A-Za-z]?版(?:\s*[:：]?\s*[\u4e00-\u9fff]{0,6})?$/;
/** A page's font-size switch on a line of its own: `字号`, `【字号 大 中 小】`, `字体：【大】【中】【小】`. */
const FONT_SIZE_SWITCH = /^(?:[【[]?(?:字号|字號|字体|字體)[:：]?\s*(?:[【[]?[大中小][】\]]?\s*){0,3}[】\]]?|(?:[【[][大中小][】\]]\s*){3})$/;
/** A blog or microblog signs a post with its author before the time it was posted: `王某 / 2023-04-27 16:19 发布`. */
const AUTHOR_STAMP = /^[\u4e00-\u9fffA-Za-z·]{1,12}\s*[/／|｜]\s*((?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?:发布|发表)?$/;
/**
 * A document-sharing site compiles several texts on one page and heads each with its number (`第一篇:湖南省…文件`,
 * `第一篇:…办法[大全]`): the entry's heading, not the headline, which the text repeats under it.
 */
const COMPILATION_ENTRY = /^第[一二三四五六七八九十\d]{1,3}篇[:：]/;
/** A page's summary over its text (`摘要:…`, `简介:…`, `导读：…`): prose of the page's chrome, which the headline may follow. */
const SUMMARY_LINE = /^[【[]?(?:摘要|内容摘要|内容提要|简介|导读)[】\]]?[:：]/;
/**
 * A news site's byline on a line of its own, written without a label: `墨新闻|记者张游舜/台北报导`, `联合报／ 特派记者某某／北京报导`,
 * `记者 王某 李某 摄`. Taiwan
 * and Hong Kong sites put it over the text where a mainland CMS puts 来源/作者; it is credits, never the headline.
 */
const BYLINE = /^[〔【[]?[^。，,；;：:]{0,12}?(?:^|[〔【[|｜/／\s]|特派|驻)记者[^。，,；;：:]{1,24}(?:报导|报道|摄)[〕】\]]?$/;
/** A credit written as its role, a blank and the name, no colon (`记者 林瑶`, a forum's `记者 097202`). */
const BARE_CREDIT = /^(?:记者|作者|通讯员|摄影|撰稿)[\s\u3000]+[^\s\u3000，,。：:]{1,12}$/;
const MAX_BYLINE = 40;
/** E-paper continuation notes on a line of their own: `(下转四版)`, `（上接第1版）`. */
const CONTINUATION_NOTE = /^[（(](?:下转|上接|紧接|接|转)第?[A-Za-z\d一二三四五六七八九十]{1,3}版[）)]$/;

/** Where the date or time stamp that opens `text[p, end)` ends (`2017-08-09 10:12:58 来源:…`), if one does. */
function dateStampPrefixEnd(text: string, p: number, end: number): number | undefined {
  let q = p;
  let digits = 0;
  while (q < end && q - p < MAX_DATE_STAMP && STAMP_CHARS.test(text[q]!)) {
    if (text[q]! >= "0" && text[q]! <= "9") digits++;
    q++;
  }
  return digits >= 4 ? q : undefined;
}

/** An English label before a page's machine-written date (`date 2025-09-29`, `Published: 2023-01-19`, `Release time：`). */
const LATIN_DATE_LABEL = /^(?:(?:released?|publish(?:ed)?|posted|updated?)(?:\s+(?:date|time|on|at))?|date|time)\b\s*[:：]?\s*(?=\d{4}[-/.]\d)/i;
const STAMP_BRACKETS = /^[[【〔]\s*|\s*[\]】〕]$/g;
/** A button or column word after a stamp (`2025-09-29 快讯`, `… 听新闻`): no headline is that short. */
const STAMP_TAIL = /\s[\u4e00-\u9fff]{1,4}$/;

/** A line's text after the bullet a scrape writes before a list entry (`• 2011-08-03`, a CMS's metadata as a list). */
function stampText(text: string, line: Span): string {
  let p = line.start;
  while (p < line.end && (TITLE_BULLETS.has(text[p]!) || isBlank(text[p]!))) p++;
  return text.slice(p, line.end);
}

/**
 * A line that is only a date or time stamp, perhaps with the weekday, an English label or (`withWord`) a word of
 * page chrome: metadata, never a headline. The word may also say what the stamp dates (`2017-5-3 19:43 上传`, an
 * attachment), so a stamp with one does not date the page.
 */
function isDateStamp(text: string, withWord: boolean): boolean {
  if (text.length > MAX_DATE_STAMP) return false;
  // a stamp in brackets (`[ 2023-05-06 ]`, `【2023-05-06】`) is still a stamp
  const unlabelled = text.replace(STAMP_BRACKETS, "").replace(LATIN_DATE_LABEL, "").replace(WEEKDAY, " ").trim();
  const rest = withWord ? unlabelled.replace(STAMP_TAIL, "") : unlabelled;
  if (rest === "") return text !== "";
  let digits = 0;
  for (const c of rest) if (c >= "0" && c <= "9") digits++;
  return digits >= 4 && STAMP_CHARS.test(rest);
}

// ---------------------------------------------------------------------------------------------------------------
// Labelled fields

interface Field {
  kind: LabelKind;
  label: Span;
  value: Span;
}

/**
 * A form's label may be spaced out to the width of the longest (`索 引 号：`, `标　　题：`, `文        号`): this many
 * blanks at most.
 */
const MAX_LABEL_GAP = 8;
const LABEL_GAP = new Set([" ", "\u3000", "\u00a0"]);

/** The label at `p`, as written or spaced out (`spaced`): its entry and where it ends. */
function matchLabel(text: string, p: number, end: number, labels: TermIndex<PageTerm>): { entry: PageTerm; end: number; spaced?: boolean } | undefined {
  const entry = termAt(labels, text, p, end);
  // `文 号:` spells a longer label than its first letter `文` (a credit label): read the spaced letters too
  if (entry && !LABEL_GAP.has(text[p + entry.term.length] ?? "")) return { entry, end: p + entry.term.length };
  // 索 引 号: its letters, and where each ends, across the blanks between them
  let letters = "";
  const ends: number[] = [];
  let q = p;
  while (q < end && ends.length < 6 && !LABEL_GAP.has(text[q]!) && !COLONS.has(text[q]!)) {
    letters += text[q];
    ends.push(++q);
    let gap = 0;
    while (q + gap < end && LABEL_GAP.has(text[q + gap]!)) gap++;
    if (gap === 0 || gap > MAX_LABEL_GAP) break;
    q += gap;
  }
  const spaced = letters.length > 1 ? termAt(labels, letters, 0) : undefined;
  if (spaced && spaced.term.length > Math.max(1, entry?.term.length ?? 0)) return { entry: spaced, end: ends[spaced.term.length - 1]!, spaced: true };
  return entry ? { entry, end: p + entry.term.length } : undefined;
}

/** A day written in figures where a label's value starts (`2023-05-06`, `2023年5月6日`). */
const LABELLED_DAY = /^(?:19|20)\d{2}(?:[-/.]\d|年\d)/;

/** The label (or `文/图`-style label pair) at `p`, followed by a colon: its kinds and where its value starts. */
function labelAt(text: string, p: number, end: number, labels: TermIndex<PageTerm>): { kinds: LabelKind[]; labelEnd: number; valueStart: number } | undefined {
  const kinds: LabelKind[] = [];
  let q = p;
  let spaced = false;
  for (;;) {
    const label = matchLabel(text, q, end, labels);
    if (!label) return undefined;
    spaced = label.spaced === true;
    kinds.push(label.entry.kind);
    q = label.end;
    if ((text[q] === "/" || text[q] === "、") && termAt(labels, text, q + 1, end)) q++;
    else break;
  }
  let v = q;
  while (v < end && text[v] === " ") v++;
  // a table scraped without its borders spaces its labels out to the column's width and writes no colon
  // (`发 布 机 构 市人民政府办公室 发 文 日 期 2019-11-29`): prose never spaces a word so
  // (not a weak label or a credit: 时 间 and 作 者 spaced out in a notice's text stay text)
  // and a date's label needs no colon before the date itself (`发布时间 2023-05-06`)
  if (!COLONS.has(text[v] ?? "")) {
    const tableLabel = spaced && v > q && kinds.every((k) => !k.endsWith(".weak") && !CREDIT_FIELDS.has(k));
    const datedLabel = v > q && kinds.every((k) => k === "date") && LABELLED_DAY.test(text.slice(v, v + 6));
    return tableLabel || datedLabel ? { kinds, labelEnd: q, valueStart: v } : undefined;
  }
  return { kinds, labelEnd: q, valueStart: v + 1 };
}

/** A day written in figures inside a row (`2006年12月28日`, `2024-03-05`, `2024/3/5`). */
const ROW_DATE = /(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2})/;

/** The site's name, its address and the day before a byline row's first label: this long at most. */
const MAX_ROW_LEAD = 60;

/** A row's first cell naming its column (`澳門快訊 | `), before the labelled cells: a short name, then a bar. */
const LEADING_CELL = /^[\u4e00-\u9fff]{2,8}\s*[|｜]\s*/;

/** Where the first label of `text[from, end)` starts, if the line holds one. */
function labelIn(text: string, from: number, end: number, labels: TermIndex<PageTerm>): number | undefined {
  for (let q = from; q < end; q++) if (labelAt(text, q, end, labels)) return q;
  return undefined;
}

/** The bars of a table row as a scrape writes it (`| 文件名称: | … |`). */
const TABLE_BARS = new Set(["|", "｜"]);
const WRAPPER_PAIRS: Record<string, string> = { "】": "【", "]": "[", "）": "（", ")": "(" };

/** `text[at]` closes a bracket opened before the field's value (`【来源:新华社】`), not one inside it (`5号(…纪要)`). */
function closesWrapper(text: string, valueStart: number, at: number): boolean {
  const opener = WRAPPER_PAIRS[text[at]!];
  return opener !== undefined && !text.slice(valueStart, at).includes(opener);
}

/**
 * The labelled fields of a line that starts with a label: `发布时间:2023-05-18阅读数:` → two fields. Each value
 * runs to the next label. Undefined unless the line starts (after an opening bracket, a bullet or a table bar) with
 * a label and a colon.
 */
function readFields(line: Line, text: string, labels: TermIndex<PageTerm>): Field[] | undefined {
  if (line.end - line.start > MAX_FURNITURE_LINE || line.text.includes("。")) return undefined;
  let p = labelStart(text, line.start, line.end);
  const found: { kinds: LabelKind[]; start: number; labelEnd: number; valueStart: number }[] = [];
  // `2011-02-17 08:42:03来源:新华社`: an unlabelled time stamp opens the line of metadata fields, the labels right
  // after it or after an unlabelled count (`2010/1/6 16:43:13 次浏览 分类:政府动态 来源:`)
  const stampEnd = dateStampPrefixEnd(text, p, line.end);
  if (stampEnd !== undefined && labelIn(text, stampEnd, line.end, labels) !== undefined) {
    found.push({ kinds: ["date"], start: p, labelEnd: p, valueStart: p });
    p = stampEnd;
  } else if (!labelAt(text, p, line.end, labels)) {
    // the column's name as the row's first cell (`澳門快訊 | 發佈時間: 2025/01/08 | 來源: 新聞局`): the labels follow it
    const cell = LEADING_CELL.exec(text.slice(p, line.end));
    if (cell && labelAt(text, p + cell[0].length, line.end, labels)) p += cell[0].length;
    else {
      // a byline row: the site's name and address, then the day, then the labels (`中央政府門戶網站 www.gov.cn
      // 2006年12月28日 來源:…`): what comes before the first label dates the page
      const first = labelIn(text, p, line.end, labels);
      const lead = first === undefined ? "" : text.slice(p, first);
      if (first === undefined || lead.length > MAX_ROW_LEAD || SENTENCE_PUNCTUATION.test(lead) || !ROW_DATE.test(lead)) return undefined;
      found.push({ kinds: ["date"], start: p, labelEnd: p, valueStart: p });
      p = first;
    }
  }
  while (p < line.end) {
    const label = labelAt(text, p, line.end, labels);
    if (label) {
      found.push({ ...label, start: p });
      p = label.valueStart;
    } else {
      p++;
    }
  }
  const fields: Field[] = [];
  found.forEach((f, i) => {
    let vs = f.valueStart;
    let ve = i + 1 < found.length ? found[i + 1]!.start : line.end;
    while (vs < ve && (isBlank(text[vs]!) || TABLE_BARS.has(text[vs]!))) vs++;
    while (ve > vs && (isBlank(text[ve - 1]!) || "|丨/".includes(text[ve - 1]!) || closesWrapper(text, vs, ve - 1))) ve--;
    for (const kind of f.kinds) {
      fields.push({
        kind,
        label: { start: f.start, end: f.labelEnd, text: text.slice(f.start, f.labelEnd) },
        value: { start: vs, end: ve, text: text.slice(vs, ve) },
      });
    }
  });
  return fields;
}

// ---------------------------------------------------------------------------------------------------------------
// First pass: lines that announce what they are

/**
 * Weak kinds are clues too common inside articles (a bare `时间：` line, a heading such as 加强技术支持) to trust
 * there: weak metadata counts above the article and below it, a footer word only below it (a headline may say
 * 技术支持), and both are article elsewhere. A date stamp is metadata only above the article: below it, it is the
 * 落款 of an official document, part of the text.
 */
const WEAK_KINDS = { "weak-metadata": "metadata", "weak-footer": "footer", "weak-stamp": "metadata" } as const;
type WeakKind = keyof typeof WEAK_KINDS;
type LineKind = RegionKind | WeakKind;
const isWeak = (kind: LineKind | undefined): kind is WeakKind => kind !== undefined && kind in WEAK_KINDS;
const strengthen = (info: LineInfo) => {
  if (isWeak(info.kind)) info.kind = WEAK_KINDS[info.kind];
};

interface LineInfo {
  kind?: LineKind;
  /** An e-paper edition line (第01版:要闻): the headline is the next title-like run. */
  edition?: boolean;
  /** A line that is only a furniture word (返回顶部, 朗读): a button. */
  button?: boolean;
  fields?: Field[];
  crumbs?: string[];
  /** The column's name repeated under the breadcrumb or menu that names it. */
  column?: boolean;
  /** Where a widget's word run on after a headline starts (`…重建議案分享到:`): the headline ends before it. */
  widgetAt?: number;
  /** A photo's caption above the text. */
  caption?: boolean;
}

/** `学院首页 > 专题网站 > 主题教育专栏 > 正文` or `当前位置：首页 > 新闻` → the entries, outermost first. */
function readBreadcrumb(line: Line, nav: TermIndex<PageTerm>): string[] | undefined {
  if (line.text.length > MAX_FURNITURE_LINE || SENTENCE_PUNCTUATION.test(line.text)) return undefined;
  const parts: string[] = [];
  let current = "";
  let separators = 0;
  for (const c of line.text) {
    if (CRUMB_SEPARATORS.has(c)) {
      separators++;
      if (current.trim()) parts.push(current.trim());
      current = "";
    } else {
      current += c;
    }
  }
  if (current.trim()) parts.push(current.trim());
  const lead = termAt(nav, line.text, 0);
  if (lead && parts.length > 0) {
    // 当前位置：首页 → 首页
    const first = parts[0]!.slice(lead.term.length).replace(/^[\s:：]+/, "");
    if (first) parts[0] = first;
    else parts.shift();
  }
  // One separator is enough after a 当前位置： lead, from the site's home page (首页>机关建设) or from a channel's name
  // (地方频道>/ 政治要闻: a portal's trail starts at the channel, not the home page).
  const rooted = lead !== undefined || SITE_HOMES.has(parts[0] ?? "") || COLUMN_NAME.test(parts[0] ?? "");
  if (separators < (rooted ? 1 : 2) || parts.length < 2 || parts.some((p) => p.length > 20)) return undefined;
  return parts.filter((p) => !CRUMB_PLACEHOLDERS.has(p));
}

const menuItems = (line: Line) => line.text.split(/[|｜]/).map((item) => item.trim());

/** A menu written with blanks between its entries: this many entries at least, each a short Chinese name. */
const MIN_BLANK_MENU = 4;
/** A site's name or a menu entry, or a language link in a portal's link bar (`English Русская версия`). */
const BLANK_MENU_ITEM = /^(?:[\u4e00-\u9fff]{2,8}|[A-Za-z\u0400-\u04ff]{2,12})$/;
/** A menu spaced out letter by letter to the width of its cells (`首     页 政 务 公 开 网 上 办 事`): this many letters. */
const MIN_SPACED_MENU = 10;

/**
 * `首页 | 学院概况 | 机构设置 | 新闻中心`: a menu of short entries (two when the first is the home page); or a column's
 * submenu that a scrape wrote with blanks between the entries (`医院要闻 科室快报 业界资讯 媒体关注`), which a headline
 * split by a blank (`…建设 现场会在富县召开`) never is: four names or more, each of a few characters.
 */
function isMenu(line: Line): boolean {
  if (line.text.length > 100) return false;
  const items = menuItems(line);
  if ((items.length >= 3 || (items.length === 2 && SITE_HOMES.has(items[0]!))) && items.every((item) => item.length > 0 && item.length <= 8)) return true;
  const words = line.text.split(/[\s\u3000]+/);
  // (a title spaced out letter by letter names a document: 关 于 … 的 通 知, 政 府 工 作 报 告)
  if (words.length >= MIN_SPACED_MENU && words.every((word) => /^[\u4e00-\u9fff]$/.test(word))) return !DOCUMENT_TYPE_ENDING.test(words.join(""));
  return words.length >= MIN_BLANK_MENU && words.every((word) => BLANK_MENU_ITEM.test(word));
}

/**
 * A site's notices over every page: which browser to use (为达最佳浏览效果，建议使用…浏览器 / 请至Edge官网下载), and a
 * Taiwanese site's content-rating gate (限制级 / 需满18岁方可浏览 / 电脑网路内容分级处理办法 / 台湾网站分级推广基金会).
 */
const SITE_NOTICE = /最佳[浏瀏][览覽]效果|建[议議]使用.{0,60}[浏瀏][览覽]器|[请請]至.{0,20}官[网網]下[载載]|^[\s•]*限制[级級]$|[满滿]18[岁歲]|[电電][脑腦][网網][路络絡]?[内內]容分[级級]|分[级級]推[广廣]基金[会會]/;
/** The day's weather a portal prints by its date (晴时多云, 多云转晴). */
const WEATHER = /^(?:晴|阴|陰|多云|多雲|小雨|中雨|大雨|阵雨|陣雨|雷阵雨|雷陣雨|雪)(?:[时時转轉]?(?:晴|阴|陰|多云|多雲|小雨|中雨|大雨|阵雨|陣雨|雪))?$/;

/** A line of marks only, no letter or digit. */
const DECORATION = /^[\p{P}\p{S}\s]+$/u;

/** The entries a widget offers beside its word (微信 微博, 请输入关键字): no longer than this. */
const MAX_WIDGET_WORD = 6;
const NOT_IDEOGRAPH = /[^\u4e00-\u9fff]+/;

/** What stands between the buttons of a row (`【打印】 【关闭】`, `打印本页 | 关闭窗口`). */
const BUTTON_SEPARATORS = new Set([" ", "\u3000", "\u00a0", "|", "｜", "/", "·", "•", "【", "】", "[", "]"]);

function classifyLine(line: Line, text: string, spamLines: Set<number>, vocab: PageVocabulary): LineInfo {
  if (spamLines.has(line.index)) return { kind: "spam" };
  // a rule under a headline (************), an accessibility anchor (:::), a lone dash between a list's entries:
  // marks with no word in them are chrome
  if (DECORATION.test(line.text)) return { kind: "navigation" };
  if (SITE_NOTICE.test(line.text) || WEATHER.test(line.text)) return { kind: "navigation" };
  const crumbs = readBreadcrumb(line, vocab.nav);
  if (crumbs) return { kind: "navigation", crumbs };
  const short = line.text.length <= MAX_FURNITURE_LINE && !line.text.includes("。");
  if (short && (termAt(vocab.nav, text, labelStart(text, line.start, line.end), line.end) || isMenu(line))) return { kind: "navigation" };
  if (DOCUMENT_NUMBER.test(line.text) || NOTICE_NUMBER.test(line.text) || CONTINUATION_NOTE.test(line.text) || FONT_SIZE_SWITCH.test(line.text)) return { kind: "metadata" };
  if (line.text.length <= MAX_BYLINE && (BYLINE.test(line.text) || BARE_CREDIT.test(line.text))) return { kind: "credits" };
  if (COMPILATION_ENTRY.test(line.text)) return { kind: "navigation" };
  // `2026/02/23 13:07 記者歐素美／台中報導`: the stamp, then the byline
  const stampEnd = dateStampPrefixEnd(text, line.start, line.end);
  const byline = stampEnd === undefined ? "" : text.slice(stampEnd, line.end).trim();
  if (stampEnd !== undefined && byline.length <= MAX_BYLINE && /^(?:记者|記者)\S/.test(byline)) {
    const value = { start: line.start, end: stampEnd, text: text.slice(line.start, stampEnd) };
    return { kind: "metadata", fields: [{ kind: "date", label: { start: line.start, end: line.start, text: "" }, value }] };
  }
  const signed = AUTHOR_STAMP.exec(line.text);
  if (signed) {
    const start = line.start + signed.index + signed[0].indexOf(signed[1]!);
    const value = { start, end: start + signed[1]!.length, text: signed[1]! };
    return { kind: "metadata", fields: [{ kind: "date", label: { start, end: start, text: "" }, value }] };
  }
  if (isDateStamp(stampText(text, line), true)) return { kind: "weak-stamp" };
  if (short && (EDITION_LINE.test(line.text) || (line.text.length <= MAX_DATE_STAMP && EDITION_MASTHEAD.test(line.text)))) return { kind: "metadata", edition: true };
  const fields = readFields(line, text, vocab.labels);
  if (fields) {
    if (fields.every((f) => CREDIT_FIELDS.has(f.kind))) return { kind: "credits", fields };
    if (fields.some((f) => !f.kind.endsWith(".weak") && !CREDIT_FIELDS.has(f.kind))) return { kind: "metadata", fields };
    return { kind: "weak-metadata", fields };
  }
  // a date under a label the vocabulary lacks (提交时间：2023-05-06, 发布于 2023-05-06 10:20) is a stamp line too
  const dateLabel = DATE_ENDED_LABEL.exec(line.text);
  if ((dateLabel && isDateStamp(line.text.slice(dateLabel[0].length), true)) || publisherStamp(text, line)) return { kind: "weak-stamp" };
  const footerTerms = short ? findTerms(vocab.footer, line.text) : [];
  if (footerTerms.length > 0) {
    // 返回顶部, 【打印】 or a row of them (打印本页 关闭窗口) alone on its line is a button, never a headline; so is a
    // widget's row, the word with the few short entries it offers (分享到：微信 微博 QQ空间, 请输入关键字 搜索): a headline
    // holding a footer word says more around it (省技术支持中心召开年度工作会议)
    let rest = "";
    let at = 0;
    for (const term of footerTerms) {
      rest += line.text.slice(at, term.start);
      at = term.end;
    }
    rest += line.text.slice(at);
    const button = [...rest].every((c) => BUTTON_SEPARATORS.has(c)) || rest.split(NOT_IDEOGRAPH).every((word) => word.length <= MAX_WIDGET_WORD);
    // the word last on the line, after a headline's words (…議案分享到:): the widget stands beside the headline
    const last = footerTerms.at(-1)!;
    const runOn = !button && /^[\s:：]*$/.test(line.text.slice(last.end)) && last.start > 0 ? line.start + last.start : undefined;
    return runOn === undefined ? { kind: "weak-footer", button } : { kind: "weak-footer", button, widgetAt: runOn };
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------------------
// Second pass: header (title, column) and tail

/** The line without the widget's word run on after it (`…議案分享到:` → `…議案`). */
function withoutWidget(line: Line, info: LineInfo): Line {
  if (info.widgetAt === undefined) return line;
  const kept = line.text.slice(0, info.widgetAt - line.start).trimEnd();
  return { ...line, end: line.start + kept.length, text: kept };
}

const SENTENCE_ENDS = /[？?！!][^？?！!]*[？?！!][^？?！!]*[？?！!]/;

/** Headlines may hold commas and end in ！ (出发！), but never a full stop or a semicolon. */
function isTitleLike(line: Line): boolean {
  const t = line.text;
  return (
    t.length <= MAX_HEADLINE &&
    !/[。；;]/.test(t) &&
    // a run of questions or exclamations (…在哪儿?…如何解决?…怎么平衡?) is prose; a headline asks or cries once or twice
    !SENTENCE_ENDS.test(t) &&
    // a line cut after a comma is a sentence broken by the scrape (4月14日,)
    !/[：:、，,]$/.test(t) &&
    !SECTION_HEADING.test(t) &&
    !LATIN_ONLY.test(t) &&
    !IMAGE_LINE.test(t) &&
    !NEWS_DATELINE.test(t) &&
    // a date line, however labelled (提交时间：2023-05-06, 发布于 2023-05-06, Release time：…), dates the page
    !LATIN_DATE_LABEL.test(t) &&
    !DATE_ENDED_LABEL.test(t) &&
    // a scrape that kept a tag's source (大小:<span class="…">296KB) shows markup, never a headline
    !MARKUP_SOURCE.test(t)
  );
}

const MARKUP_SOURCE = /<\/?[a-z][a-z0-9]*[\s>]/i;

/** A scrape's image on a line of its own (`![](/upload/1.jpg)`): a picture, never the headline, nor where the text starts. */
const IMAGE_LINE = /^!\[[^\]\n]*\]\([^)\n]*\)$/;

/**
 * What a browser title adds to the headline: the site's (and column's) name after a separator (`_中国政府网`,
 * ` - 新华网`) or before one (`某某县人民政府-政务要闻-`, `新华网 | `).
 */
const SITE_SUFFIX = /^\s*[_|｜\-–—·]+\s*[^。；\n]{1,30}$/;
const SITE_PREFIX = /^[^。；\n]{1,40}[_|｜\-–—·]\s*$/;
/** What either adds is a few names and separators: no longer than this. */
const MAX_SITE_AFFIX = 48;

/**
 * A page's browser title over it (`headline_中国政府网`, `站名-栏目-headline`) repeats a headline below with the
 * site's name: navigation (CMS templates put <title> first, whatever their layout). Returns the lines it names.
 */
function markBrowserTitles(lines: Line[], infos: LineInfo[]): Set<number> {
  const named = new Set<number>();
  const top = Math.min(lines.length, HEADER_WINDOW);
  for (let i = 0; i < top; i++) {
    if (infos[i]!.kind) continue;
    const browser = lines[i]!.text;
    // the longest line it names: the site's name below (某某县人民政府) is its shorter part
    let best = -1;
    for (let j = i + 1; j < top; j++) {
      const headline = lines[j]!.text;
      if (headline.length < 4 || headline.length >= browser.length || browser.length - headline.length > MAX_SITE_AFFIX) continue;
      if (best >= 0 && headline.length <= lines[best]!.text.length) continue;
      if (
        (browser.startsWith(headline) && SITE_SUFFIX.test(browser.slice(headline.length))) ||
        (browser.endsWith(headline) && SITE_PREFIX.test(browser.slice(0, -headline.length)))
      ) best = j;
    }
    if (best >= 0) {
      infos[i]!.kind = "navigation";
      named.add(best);
    }
  }
  return named;
}

/** The masthead of an official document (发文机关标志: `湖南省人民政府办公厅文件`, spaced out or not). */
const MASTHEAD = /^[\u4e00-\u9fff]{2,30}文件$/;
/** A masthead names an organ (…厅文件, …局文件, 中共…县委文件); a headline that ends in 文件 names the files. */
const ORGAN_MASTHEAD = /(?:局|厅|委员会|委|政府|办公室|部|院|署|党组|公司|大学|学院|学校|中心)文件$/;
/** The document number stands this many lines under its masthead at most (a red rule may come between). */
const MASTHEAD_GAP = 3;

/** A masthead (an organ's, or any over its document number 国办发〔2018〕109号) is metadata: the title follows. */
function markMastheads(lines: Line[], infos: LineInfo[]): void {
  for (let i = 0; i < Math.min(lines.length, HEADER_WINDOW); i++) {
    const text = lines[i]!.text.replace(/[\s\u3000]+/g, "");
    if (infos[i]!.kind || !MASTHEAD.test(text)) continue;
    if (ORGAN_MASTHEAD.test(text) || lines.slice(i + 1, i + 1 + MASTHEAD_GAP).some((line) => DOCUMENT_NUMBER.test(line.text))) infos[i]!.kind = "metadata";
  }
}

/** A site's or an organ's name on its own line (某某县人民政府, 某某大学新闻网): a masthead, not a headline. */
const SITE_NAME = /^[\u4e00-\u9fff]{2,20}(?:人民政府|政府网|门户网站|新闻网|大学|学院|委员会|人民法院|人民检察院)$/;

const MAX_COLUMN_NAME = 10;
/**
 * A column's name over the headline (县委动态, 学院新闻, 政务要闻): a short name that ends with what columns are called.
 * Not 公告 alone, which also ends a document's own title (中标公告), but the columns that pair it with 通知 or 公示
 * (通知公告, 公示公告): no document is titled so. In either script: readPage reads traditional pages as written.
 */
const COLUMN_NAME = /^(?:[\u4e00-\u9fff]{0,4}(?:动态|動態|要闻|要聞|新闻|新聞|快讯|快訊|资讯|資訊|专栏|專欄|栏目|欄目|频道|頻道|专题|專題)|通知公告|通知通告|公示公告|公告公示)$/;

/** The column's name repeated under the breadcrumb (`当前位置:首页 >> 学校要闻` / `学校要闻`) is navigation, not the headline. */
function markCrumbRepeats(lines: Line[], infos: LineInfo[]): void {
  let crumbs: readonly string[] = [];
  for (let i = 0; i < Math.min(lines.length, HEADER_WINDOW); i++) {
    const info = infos[i]!;
    if (info.crumbs) crumbs = info.crumbs;
    // a menu's entry repeated as the column's name (首页 | 学校概况 | 新闻中心 / 新闻中心) is one too
    else if (info.kind === "navigation" && isMenu(lines[i]!)) crumbs = [...crumbs, ...menuItems(lines[i]!)];
    // short, as a column's name is, and over the headline: a breadcrumb may also end with the headline itself, which
    // its metadata line follows
    else if (!info.kind && lines[i]!.text.length <= MAX_COLUMN_NAME && crumbs.includes(lines[i]!.text) && infos[i + 1]?.kind === undefined) {
      info.kind = "navigation";
      info.column = true;
    }
  }
}

/** A site's name with its English name after a bar (`京海傳媒 | Jinghai Media`): the masthead. */
const SITE_WITH_LATIN = /^[\u4e00-\u9fff]{2,12}\s*[|｜]\s*[A-Za-z][A-Za-z .&'’-]{1,40}$/;
const MAX_LATIN_NAME = 30;

/**
 * A CMS writes a column's or a site's name with its English rendering on the line beside it (`MEDIA  CENTER` /
 * `媒体中心`, `依法治校` / `Rule of law`), and a site's name with its English one after a bar; a headline has neither.
 * The Chinese name is the column (navigation), not the headline.
 */
function markBilingualNames(lines: Line[], infos: LineInfo[]): void {
  const top = Math.min(lines.length, HEADER_WINDOW);
  for (let i = 0; i < top; i++) {
    const line = lines[i]!;
    if (!infos[i]!.kind && SITE_WITH_LATIN.test(line.text)) infos[i]!.kind = "navigation";
    if (infos[i]!.kind || !LATIN_ONLY.test(line.text) || line.text.length > MAX_LATIN_NAME || !/[A-Za-z]{3}/.test(line.text)) continue;
    for (const k of [i - 1, i + 1]) {
      const name = lines[k];
      if (name && !infos[k]!.kind && name.text.length <= MAX_COLUMN_NAME && /^[\u4e00-\u9fff]+$/.test(name.text)) {
        infos[k]!.kind = "navigation";
        infos[k]!.column = true;
      }
    }
  }
}

/** An office's name (秘书室公共事务组, 党委宣传部, 学生工作处): a short name ending in what offices are called. */
const OFFICE_NAME = /^[\u4e00-\u9fff]{2,12}(?:组|室|处|科|部|办|办公室|中心)$/;

/**
 * A news list puts the office that posted an item under its date (`2025.02.21` / `秘書室公共事務組` / the text): that
 * line is the source, not a headline (a headline stands over its date, not under it).
 */
function markIssuingOffice(lines: Line[], infos: LineInfo[]): void {
  if (lines.length > 2 && infos[0]!.kind === "weak-stamp" && !infos[1]!.kind && OFFICE_NAME.test(lines[1]!.text) && !isTitleLike(lines[2]!)) {
    infos[1]!.kind = "metadata";
  }
}

/** A weekday in a date (星期四, 周日): one-off tests, unlike WEEKDAY's global replace. */
const HAS_WEEKDAY = /(?:星期|周)[一二三四五六日天]/;

/**
 * A portal prints the day it is viewed, with its weekday, at the top of every page (`2026年 / 1 月 22日 / 星期四` over
 * or under its name and menus): when the page dates itself further down (a 发布日期 line, a stamp under the
 * headline), that line is chrome, neither the page's date nor where its metadata starts.
 */
function markViewingDay(lines: Line[], infos: LineInfo[]): void {
  // over the page's chrome only (its name, menus): the first line that is not chrome ends the search
  const top = Math.min(lines.length, MAX_MENU_HEADER);
  let day = 0;
  while (day < top && infos[day]!.kind !== "weak-stamp" && (infos[day]!.kind === "navigation" || SITE_NAME.test(lines[day]!.text))) day++;
  if (day >= top || infos[day]!.kind !== "weak-stamp" || !HAS_WEEKDAY.test(lines[day]!.text)) return;
  const datedBelow = infos
    .slice(day + 1, MAX_MENU_HEADER)
    .some((info) => info.kind === "weak-stamp" || (info.kind === "metadata" && info.fields?.some((f) => f.kind === "date")));
  if (datedBelow) infos[day]!.kind = "navigation";
}

/** A photo's caption that names the scene (会议现场, 活动现场, 座谈会现场). */
const SCENE_CAPTION = /^[\u4e00-\u9fff]{0,6}现场$/;

/**
 * A photo-news page scraped from its carousel opens with the photos' captions (`会议现场` / `党组书记、主任李伊林传达…` /
 * `秘书长罗强传达…`) and goes on with the text, its headline left on the carousel: a scene caption on the first line
 * and the lines under it, to the first line of prose, are captions, not a headline.
 */
function markTopCaptions(lines: Line[], infos: LineInfo[]): void {
  if (lines.length === 0 || infos[0]!.kind || !SCENE_CAPTION.test(lines[0]!.text)) return;
  for (let k = 0; k < lines.length && !infos[k]!.kind && isTitleLike(lines[k]!) && (k === 0 || !lines[k]!.afterBlank); k++) infos[k]!.caption = true;
}

/** A government site's page may put a long menu of short lines (法定主动 / 公开内容 / …) above its headline. */
const MAX_MENU_HEADER = 40;

/**
 * The headline stands right above its date line, labelled (发布日期:…) or a bare stamp (2025-02-03). Below
 * HEADER_WINDOW lines, that line still closes the header when only short lines (menus, column names) come before
 * it: its index, else -1.
 */
function dateLineUnderMenus(lines: Line[], infos: LineInfo[]): number {
  for (let k = 0; k < Math.min(lines.length, MAX_MENU_HEADER); k++) {
    if (infos[k]!.kind === "metadata" && infos[k]!.fields?.some((f) => f.kind === "date")) return k;
    // chrome is no headline, however long (a site's notices: 您即將進入之新聞內容 需滿18歲 方可瀏覽。)
    if (infos[k]!.kind === "navigation") continue;
    if (infos[k]!.kind === "weak-stamp" && k > 0 && isTitleLike(lines[k - 1]!) && !infos[k - 1]!.kind) return k;
    if (lines[k]!.text.length > MAX_HEADLINE || /[。；;]/.test(lines[k]!.text)) return -1;
  }
  return -1;
}

/**
 * Reads the lines above the article: the title is the last run of title-like lines before the first metadata
 * line (the seed's column name `主题教育专栏` comes earlier), or the first such run when there is no metadata.
 * Title-like runs before the title are site or column names (navigation). Returns the title's line indices.
 */
function readHeader(lines: Line[], infos: LineInfo[]): number[] {
  markViewingDay(lines, infos);
  const browserNamed = markBrowserTitles(lines, infos);
  markBilingualNames(lines, infos);
  markIssuingOffice(lines, infos);
  markMastheads(lines, infos);
  markCrumbRepeats(lines, infos);
  markTopCaptions(lines, infos);
  const blocks: number[][] = [];
  let firstMetadata = -1;
  let summaryLines = 0;
  const anchor = dateLineUnderMenus(lines, infos);
  let i = 0;
  for (; i < Math.min(lines.length, Math.max(HEADER_WINDOW, anchor + 1)); i++) {
    const kind = infos[i]!.kind;
    if (kind === "metadata" || kind === "weak-metadata" || kind === "weak-stamp") {
      if (firstMetadata < 0) firstMetadata = i;
      continue;
    }
    // A footer word in a headline (…技术支持机构) does not make it a footer; a button is never a headline.
    if ((kind && kind !== "weak-footer") || infos[i]!.button) continue;
    // photo captions over the text are not its headline
    if (infos[i]!.caption) continue;
    // a web novel's page opens with its chapter's heading (第147章 第二屆古城縣官府工作會議): the headline, when no other
    // headline stands over it (a document's 第一章 总则 comes under its title)
    const chapter = blocks.length === 0 && CHAPTER_HEADLINE.test(lines[i]!.text);
    if (!chapter && !isTitleLike(withoutWidget(lines[i]!, infos[i]!))) {
      // a scraped menu writes its entries as bullets, one with its blurb (• 医院新闻 24小时更新…的资讯平台。): still chrome
      if (firstMetadata < 0 && TITLE_BULLETS.has(lines[i]!.text[0]!)) continue;
      // a summary over the text (摘要:…) is read on, above the document it sums up; it is text if nothing follows
      if (SUMMARY_LINE.test(lines[i]!.text)) {
        summaryLines++;
        continue;
      }
      // An English name under a site or column name (依法治校 / Rule of law) is furniture, not the article's start.
      if (kind || (LATIN_ONLY.test(lines[i]!.text) && lines[i]!.text.length <= MAX_BROKEN_TITLE_LINE) || IMAGE_LINE.test(lines[i]!.text)) continue;
      // a column's label above the headline's date line (通知公告:) is page chrome
      if (i < anchor && lines[i]!.text.length <= MAX_BROKEN_TITLE_LINE) continue;
      break;
    }
    const block = blocks.at(-1);
    const joins =
      block &&
      block.at(-1) === i - 1 &&
      block.length < MAX_HEADLINES &&
      !lines[i]!.afterBlank &&
      // a bullet opens an entry of a list (a trail written as `• 最新公开信息` / `• 关于…的通知`), never the rest of a line
      !TITLE_BULLETS.has(lines[i]!.text[0]!) &&
      lines[i - 1]!.text.length <= MAX_BROKEN_TITLE_LINE &&
      !DOCUMENT_TYPE_ENDING.test(lines[i - 1]!.text) &&
      // a subtitle (——开封十四中…活动) stays with its headline, in the block but not in the title
      (!TITLE_STOPPER.test(lines[i]!.text) || isSubtitle(lines[i]!)) &&
      !block.some((k) => lines[k]!.text === lines[i]!.text);
    if (joins) block.push(i);
    else blocks.push([i]);
  }
  const articleFollows = summaryLines > 0 || lines.slice(i).some((_, k) => !infos[i + k]!.kind);
  if (blocks.length === 0) return [];
  // a run that is chrome wherever it stands (a site's or an outlet's name alone, today's date, share buttons) is never
  // the headline, wherever the page puts it: it is left out of the choice unless nothing else is left (a column's
  // name stays: when it is all that stands over the date line, the page shows no headline)
  const headlines = blocks.filter((b) => !isChromeBlock(lines, b) || (b.length === 1 && COLUMN_NAME.test(lines[b[0]!]!.text)));
  if (headlines.length > 0 && headlines.length < blocks.length) blocks.splice(0, blocks.length, ...headlines);
  // the name of who posted the page, on its own line over the date (浙江福彩中心 / 1391 / 2011-02-28 10:03), is the
  // meta block's source, not the headline above it
  const isSource = (b: number[]) => b.length === 1 && (OFFICE_NAME.test(lines[b[0]!]!.text) || PUBLISHER_NAME.test(lines[b[0]!]!.text));
  const beforeMetadata = (among: number[][]) => {
    const above = firstMetadata >= 0 ? among.filter((b) => b.at(-1)! < firstMetadata) : [];
    return above.length > 1 && isSource(above.at(-1)!) ? above.slice(0, -1) : above;
  };
  // The headline stands under the breadcrumb (当前位置：首页 > 新闻): runs above it are the site's name and menus.
  const crumb = infos.slice(0, i).findLastIndex((info) => info.crumbs !== undefined);
  const belowCrumb = crumb >= 0 ? blocks.filter((b) => b[0]! > crumb) : blocks;
  const underCrumb = crumb >= 0 ? blocks.find((b) => b[0] === crumb + 1) : undefined;
  // Under a long menu the headline is the line right over its date line.
  const overDateLine = anchor >= HEADER_WINDOW ? blocks.find((b) => b.at(-1) === anchor - 1)?.slice(-1) : undefined;
  // On an e-paper page the date, paper name and edition come first; the headline follows the edition line.
  const edition = infos.slice(0, i).findLastIndex((info) => info.edition);
  // an e-paper may list the edition's headlines under its edition line, then its navigation (标题导航, 上一期 下一期):
  // the article's headline comes after that
  const editionNav = edition >= 0 ? infos.slice(0, i).findLastIndex((info, k) => k > edition && info.kind === "navigation") : -1;
  const afterEdition = edition >= 0 ? blocks.find((b) => b[0]! > Math.max(edition, editionNav)) : undefined;
  // Metadata above every run (a mirror's 公众号: promotion, its 摘要, then the document number): the headline is the run
  // right under a metadata line and right over the text, not the promotion's first line.
  const underMetadata = (b: number[]) => b[0]! > 0 && infos[b[0]! - 1]!.kind === "metadata" && b.at(-1) === i - 1;
  const overText = firstMetadata >= 0 && beforeMetadata(blocks).length === 0 ? blocks.find(underMetadata) : undefined;
  // A section's name over the date line (新聞與活動 / 總統府新聞 / 114年01月13日 / headline): when only short names stand
  // above the first metadata line, the nearest a column's name, the headline is the run right under that line.
  const above = beforeMetadata(belowCrumb);
  const sectionsAbove =
    above.length > 0 &&
    above.every((b) => b.every((k) => lines[k]!.text.length <= MAX_COLUMN_NAME)) &&
    COLUMN_NAME.test(lines[above.at(-1)!.at(-1)!]!.text);
  const underDate = sectionsAbove ? blocks.find((b) => b[0] === firstMetadata + 1) : undefined;
  // with no meta line, a headline that carries its day on its line (`…议事规则(草案)2021-11-17`, a list entry's form)
  const dated = firstMetadata < 0 ? blocks.find((b) => {
    const stamp = b.length === 1 ? trailingStamp(lines[b[0]!]!.text) : null;
    return stamp !== null && stamp.index >= MIN_LONE_HEADLINE;
  }) : undefined;
  // the headline is the line the page repeats (an e-paper's title list over it, its h1 under; not a menu's entry) at the
  // head of a run, or the line its browser title names wherever it stands in its run (a banner run into it from above
  // is not the headline)
  // (headline-shaped: a browser title `栏目 - 站名` names the column's name, which is no headline)
  const headlineShaped = (k: number) => lines[k]!.text.length >= MIN_LONE_HEADLINE && !TITLE_BULLETS.has(lines[k]!.text[0]!) && !isChromeBlock(lines, [k]);
  const nameable = (k: number) => browserNamed.has(k) && headlineShaped(k);
  const isRepeated = (k: number) => nameable(k) || (headlineShaped(k) && blocks.some((o) => o.some((m) => m !== k && lines[m]!.text === lines[k]!.text)));
  const namedBlock = blocks.find((b) => b.some(nameable));
  const repeated = blocks.find((b) => isRepeated(b[0]!)) ?? namedBlock?.slice(namedBlock.findIndex(nameable));
  // The anchors, strongest first: the line the browser title names or the page repeats; the e-paper's edition line;
  // the meta line (under a long menu, under a column's name, the run over it — of a headline and its deck, the one the
  // lead restates); the breadcrumb; a metadata line over the text; with no anchor, the headline carrying its day, the
  // run the lead echoes, the first that is not chrome.
  const picked = repeated ?? afterEdition ?? overDateLine ?? underDate ?? headOfDecks(lines, blocks, above.at(-1), lines[i]) ?? underCrumb ?? overText ?? dated ?? echoedByLead(lines, blocks, lines[i]) ?? blocks.find((b) => !isChromeBlock(lines, b)) ?? blocks[0]!;
  // a column's name run into the headline (政务要闻 / 关于…的通知) is not part of it, even of a broken document title
  const columnLead = picked.findIndex((k) => !COLUMN_NAME.test(lines[k]!.text));
  const chosen = columnLead > 0 ? picked.slice(columnLead) : picked;
  // An official title broken over lines names its issuer, 关于, its subject and its type (国务院办公厅关于调整 /
  // …的通知); a scrape may also break one word (政府工作报 / 告). A headline with sub-headlines is neither, and only
  // its first line is the title.
  const isBrokenTitle = (n: number) => {
    const parts = chosen.slice(0, n + 1).map((k) => lines[k]!.text);
    const joined = parts.join("");
    return !parts.some((p) => p.startsWith("—")) && DOCUMENT_TYPE_ENDING.test(joined) && (joined.includes("关于") || parts.slice(1).every((p) => p.length <= 2));
  };
  // only a column's name was left to choose (正聲新聞 over the date line): the page shows no headline
  if (chosen.length === 1 && COLUMN_NAME.test(lines[chosen[0]!]!.text)) return [];
  const typed = chosen.findLastIndex((_, n) => isBrokenTitle(n));
  // a site's name over the headline with no blank between (某某县人民政府 / 县委常委会…) is the masthead, unless the two
  // make one broken document title (某县人民政府 / 关于…的通知)
  // (and so are the lines of chrome run into them: 无障碍浏览 / 某某县融媒体中心 / headline)
  const isLead = (n: number) => {
    const lead = stampText(lines[chosen[n]!]!.text, { start: 0, end: lines[chosen[n]!]!.text.length, text: "" });
    return SITE_NAME.test(lead) || COLUMN_NAME.test(lead) || isChromeLead(lead, lines[chosen[n + 1]!]!.text);
  };
  let named = 0;
  while (typed < 0 && named + 1 < chosen.length && isLead(named)) named++;
  // a meeting held with another is named over two lines, the second opening with 暨 (…工作会议 / 暨…大会)
  let joined = named;
  while (typed < 0 && joined + 1 < chosen.length && lines[chosen[joined + 1]!]!.text.startsWith("暨")) joined++;
  const title = chosen.slice(named, typed >= 0 ? typed + 1 : joined + 1);
  // a page whose first run is a subtitle (——2021年12月16日在…上) lost its headline: the subtitle is not it
  if (isSubtitle(lines[title[0]!]!)) return [];
  // (a headline over its meta line is one even where the excerpt stops after that line)
  const contentAfter = articleFollows || title.at(-1)! < chosen.at(-1)! || blocks.some((b) => b[0]! > title.at(-1)!) || firstMetadata > title.at(-1)!;
  // a search result or a list entry kept alone (`…家庭经济困难学生认定办法(修订)`), perhaps with the page's chrome
  // around it: the one line of the page that is not chrome is its headline
  const onlyLine = title.length === 1 && lines[title[0]!]!.text.length >= MIN_LONE_HEADLINE && infos.every((info, k) => k === title[0] || (info.kind !== undefined && !isWeak(info.kind)) || info.kind === "weak-footer");
  if (!contentAfter && !onlyLine) return [];
  for (const block of blocks) {
    if (block[0]! < title[0]!) for (const k of block) if (k < title[0]!) infos[k]!.kind = "navigation";
  }
  for (let k = 0; k < i; k++) if (infos[k]!.kind === "weak-metadata" || infos[k]!.kind === "weak-stamp") strengthen(infos[k]!);
  return title;
}

/** A news lead restates its headline: a headline has this share of its character pairs in the lead at least. */
const MIN_LEAD_ECHO = 0.5;
/** The lead is read this far. */
const LEAD_WINDOW = 200;

/** Share of the two-character pieces of `headline` that occur in `lead` (ideographs only). */
function echoShare(headline: string, lead: string): number {
  const pairs = new Set<string>();
  for (let k = 0; k + 1 < headline.length; k++) {
    const pair = headline.slice(k, k + 2);
    if (!NOT_IDEOGRAPH.test(pair)) pairs.add(pair);
  }
  if (pairs.size === 0) return 0;
  let found = 0;
  for (const pair of pairs) if (lead.includes(pair)) found++;
  return found / pairs.size;
}

/**
 * With no meta line to anchor it, the headline is the first run unless the article's first line does not echo it
 * but echoes a later one (a news lead restates its headline; a banner, a slogan or a hijacker's title over the page
 * does not). A subtitle (——2007年3月5日在…上) is never the headline, however much the lead repeats it.
 */
function echoedByLead(lines: Line[], blocks: number[][], lead: Line | undefined): number[] | undefined {
  if (!lead || blocks.length < 2) return undefined;
  const text = lead.text.slice(0, LEAD_WINDOW);
  const shares = blocks.map((b) => (TITLE_STOPPER.test(lines[b[0]!]!.text) ? 0 : echoShare(lines[b[0]!]!.text, text)));
  const best = shares.indexOf(Math.max(...shares));
  return best > 0 && shares[best]! >= MIN_LEAD_ECHO && shares[0]! < MIN_LEAD_ECHO ? blocks[best] : undefined;
}

/** The few characters of a tag or a site's name (原创, 置顶, 视频, 某某发布): shorter than any headline under it. */
const MAX_TAG = 4;
/** What a site's or an account's name ends with, on the line over the headline (某某党建网, 某某县融媒体中心, 某某发布). */
const OUTLET_NAME = /^[\u4e00-\u9fff]{2,16}(?:网|网站|融媒体中心|融媒|发布)$/;

/** A row of share buttons (微信 微博 QQ空间) or a site's accessibility switches (无障碍浏览 长者模式). */
const SHARE_OR_ACCESS = /^(?:(?:微信|微博|QQ|QQ空间|朋友圈)(?:[\s|｜]+(?:微信|微博|QQ|QQ空间|朋友圈))+|.{0,4}(?:无障碍|长者模式|关怀版).{0,8})$/;

/**
 * A line run into the headline's line from above is the page's chrome, not the headline with a deck under it:
 * today's date (今天是：…星期三), share buttons or accessibility switches, a welcome (欢迎访问…); and, when shorter than
 * the line under it, a tag (原创, 置顶, 视频), an outlet's name (某某党建网, 某某发布), a row of links or a trail written
 * with bars, slashes or arrows (简体 | 繁體, 首页 / 要闻 / 正文).
 */
function isChromeLead(lead: string, next: string): boolean {
  if (HAS_WEEKDAY.test(lead) || SHARE_OR_ACCESS.test(lead) || lead.includes("欢迎")) return true;
  return lead.length < next.length && (lead.length <= MAX_TAG || OUTLET_NAME.test(lead) || /[|｜/>»]/.test(lead));
}

/** A page of one line is its headline when the line is this long at least (not a word or a name). */
const MIN_LONE_HEADLINE = 8;

/** A tag of a character or two (原创, 置顶, 视频) standing alone. */
const MAX_LONE_TAG = 2;

/**
 * A run of lines each of which is chrome wherever it stands (a site's, a column's or an outlet's name, a tag, today's
 * date, share buttons, a welcome, a trail written with bars or slashes): never the headline.
 */
function isChromeBlock(lines: Line[], block: number[]): boolean {
  return block.every((k) => {
    const t = stampText(lines[k]!.text, { start: 0, end: lines[k]!.text.length, text: "" });
    return (
      t.length <= MAX_LONE_TAG || SITE_NAME.test(t) || COLUMN_NAME.test(t) || OUTLET_NAME.test(t) || HAS_WEEKDAY.test(t) ||
      SHARE_OR_ACCESS.test(t) || t.includes("欢迎") || isTrail(t)
    );
  });
}
/** A trail or a row of links written with bars or slashes is short, and so is each of its entries. */
const MAX_TRAIL = 30;
const MAX_TRAIL_ENTRY = 10;
const TRAIL_SEPARATORS = /[|｜/>»]/;

/** `首页 / 要闻 / 正文`, `简体 | 繁體`: short entries between separators (a headline with a byline after a slash is not one). */
function isTrail(t: string): boolean {
  if (t.length > MAX_TRAIL) return false;
  const entries = t.split(TRAIL_SEPARATORS);
  return entries.length >= 2 && entries.every((entry) => entry.trim().length <= MAX_TRAIL_ENTRY);
}

/**
 * A deck under a meeting's headline says who presided and who attended (`王忠林主持并讲话 孙述涛…出席`): a line whose
 * last phrase ends so is never the headline.
 */
const PEOPLE_DECK = /(?:主持|出席|参加|讲话|致辞|列席)$/;

/**
 * The run over the date line, unless it is a deck: then the headline is the first of the runs that follow one
 * another up to it (headline / deck / deck / 发布日期), a blank line between each.
 */
function headOfDecks(lines: Line[], blocks: number[][], last: number[] | undefined, lead: Line | undefined): number[] | undefined {
  if (!last) return last;
  let at = blocks.indexOf(last);
  if (!PEOPLE_DECK.test(lines[last.at(-1)!]!.text)) {
    // a deck under the headline, the two over the meta line: the lead restates the headline at least as much as the deck
    const previous = blocks[at - 1];
    if (!lead || !previous || previous.at(-1) !== last[0]! - 1) return last;
    const text = lead.text.slice(0, LEAD_WINDOW);
    const echo = (b: number[]) => echoShare(lines[b[0]!]!.text, text);
    return echo(previous) >= MIN_LEAD_ECHO && echo(previous) >= echo(last) ? previous : last;
  }
  while (at > 0 && blocks[at - 1]!.at(-1) === blocks[at]![0]! - 1) at--;
  return blocks[at];
}

/** Lines below the article: furniture, and short Latin words such as `Baidu`, `sogou` (share buttons, trackers). */
function readTail(lines: Line[], infos: LineInfo[]): void {
  for (let k = lines.length - 1; k >= 0; k--) {
    const info = infos[k]!;
    if (info.kind === "weak-stamp") break;
    if (isWeak(info.kind)) strengthen(info);
    else if (!info.kind && lines[k]!.text.length <= 30 && LATIN_ONLY.test(lines[k]!.text)) info.kind = "footer";
    else if (!info.kind) break;
  }
}

const TITLE_BULLETS = new Set(["•", "·", "●", "■", "◆", "▪"]);

/**
 * A breadcrumb ends with the page it leads to: with no headline under it, its last entry is the headline when it is
 * written out (`墨韵阁>玄幻>…小说 > 第二十一章 下县`), not a column's name, a placeholder or a cut title (…).
 */
function crumbHeadline(lines: Line[], infos: LineInfo[]): Span | undefined {
  const k = infos.slice(0, HEADER_WINDOW).findIndex((info) => info.crumbs !== undefined);
  const entry = k < 0 ? undefined : infos[k]!.crumbs!.at(-1);
  if (!entry || entry.length < MIN_LONE_HEADLINE || COLUMN_NAME.test(entry) || /(?:…|\.\.\.)$/.test(entry)) return undefined;
  const line = lines[k]!;
  if (!line.text.endsWith(entry)) return undefined;
  const start = line.end - entry.length;
  return { start, end: line.end, text: entry };
}

/** The label of the headline a page was first published under (原标题：…), which a reprint puts over its text. */
const ORIGINAL_TITLE = /^原[标標][题題]$/;

/**
 * `原标题：…` over a page that shows no headline above it (a scrape that lost the reprint's own headline): the
 * original headline is the page's title; the title-like line under it is a heading of the text.
 */
function originalTitle(infos: LineInfo[], titleLines: number[]): Span | undefined {
  for (let k = 0; k < Math.min(infos.length, HEADER_WINDOW, titleLines[0] ?? Infinity); k++) {
    const info = infos[k]!;
    const field = info.kind === "metadata" ? info.fields?.find((f) => ORIGINAL_TITLE.test(f.label.text) && f.value.text !== "") : undefined;
    if (field) return field.value;
  }
  return undefined;
}

/**
 * A list page or a search result writes the day after the headline on its line (`县委常委会传达…精神 2024-03-05`):
 * the headline ends before it, and it is the page's date.
 */
const TRAILING_STAMP = /[\s\u3000]+((?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$/;
/**
 * A machine-written day run on after the headline with no blank (`…(上市后适用)2021-11-17`): no headline ends so. After
 * a separator or a colon it is a meta line's (`新华社·2026-02-24 20:57`, `时间:2023-05-06`), not a headline's.
 */
const RUN_ON_STAMP = /(?<![\d\s\u3000\-/.·•|｜:：])((?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$/;
const trailingStamp = (line: string) => TRAILING_STAMP.exec(line) ?? RUN_ON_STAMP.exec(line);

/** A byline run on after the headline behind a slash or a bar (`…的信息 /文:孫嘉業`): credits, not the headline. */
const TRAILING_BYLINE = /[\s\u3000]*[/／|｜][\s\u3000]*(?:文|图|圖|作者|记者|記者|撰文)[:：][\s\u3000]*[^\s\u3000/／|｜:：]{1,12}$/;

/** A button in brackets at the end of a line (`[打印本页]`, `【关闭】`). */
const TRAILING_BRACKETS = /[[【]([^[\]【】]{1,8})[\]】]$/;

/**
 * A forum's printable page writes its buttons after the post's title (`标题: 县府…工作会报 [打印本页]`): the headline is
 * the value without them.
 */
function withoutButton(text: string, value: Span, vocab: PageVocabulary): Span {
  const button = TRAILING_BRACKETS.exec(value.text);
  if (!button || findTerms(vocab.footer, button[1]!).length === 0) return value;
  let end = value.start + button.index;
  while (end > value.start && isBlank(text[end - 1]!)) end--;
  return end > value.start ? { start: value.start, end, text: text.slice(value.start, end) } : value;
}

// ---------------------------------------------------------------------------------------------------------------
// Front matter

/** A Markdown mirror's front matter (`---` … `---` at the top) is this many lines at most. */
const MAX_FRONT_MATTER = 40;
/** `title:` holds the page's <title>: `site->headline | domain`, `headline - site`; the site parts are at most this long. */
const MAX_SITE_NAME = 30;

/**
 * The front matter a static-site generator writes above a mirrored page: its line count (fences included) and the
 * headline inside its `title:`, without the site name a <title> puts before `->` or after ` | ` / ` - `. Its
 * `date:` is when the mirror was made, not the publication date.
 */
function readFrontMatter(text: string, lines: Line[]): { count: number; title?: Span } | undefined {
  if (lines[0]?.start !== 0 || lines[0].text !== "---") return undefined;
  const close = lines.slice(1, MAX_FRONT_MATTER).findIndex((line) => line.text === "---") + 1;
  if (close < 1) return undefined;
  const titleLine = lines.slice(1, close).find((line) => line.text.startsWith("title:"));
  if (!titleLine) return { count: close + 1 };
  let start = titleLine.start + "title:".length;
  let end = titleLine.end;
  const value = () => text.slice(start, end);
  const arrow = value().indexOf("->");
  if (arrow >= 0 && arrow <= MAX_SITE_NAME) start += arrow + 2;
  const suffix = Math.max(value().lastIndexOf(" | "), value().lastIndexOf(" - "));
  if (suffix > 0 && value().length - suffix <= MAX_SITE_NAME) end = start + suffix;
  while (start < end && isBlank(text[start]!)) start++;
  while (end > start && isBlank(text[end - 1]!)) end--;
  return end > start ? { count: close + 1, title: { start, end, text: text.slice(start, end) } } : { count: close + 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata values

/** `2023-05-18 09:30` → `2023-05-18`: the first full date in `range`. */
function dateIn(text: string, range: Span, referenceDate: string | undefined): string | undefined {
  const found = datesIn(text, { ranges: [range], ...(referenceDate ? { referenceDate } : {}) });
  const date = found.find((d) => (d.precision === "day" || d.precision === "time") && d.value && !d.relative);
  const day = date?.value?.slice(0, 10);
  // a year filled in from the day the page was fetched is the nearest one, which may be after it: a page is not
  // published after it was fetched, so 3月5日 fetched on 2024-12-01 is 2024-03-05, not 2025-03-05
  if (day && date!.inferred && referenceDate && day > referenceDate) {
    const earlier = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    return earlier.endsWith("02-29") ? undefined : earlier;
  }
  return day;
}

/**
 * A date in the ROC calendar, as Taiwan's government writes it (`114年01月13日`, `114-01-13`): years counted from
 * 1912, so 114 is 2025. Three digits, 100 and up: no Gregorian year is written so.
 */
const ROC_DATE = /^(1\d{2})(?:年(\d{1,2})月(\d{1,2})日|([-/.])(\d{1,2})\4(\d{1,2}))(?![\d.])/;

function rocDate(value: string, referenceDate: string | undefined): string | undefined {
  const m = ROC_DATE.exec(value);
  return m ? dayNotAfter(1911 + Number(m[1]), Number(m[2] ?? m[5]), Number(m[3] ?? m[6]), referenceDate) : undefined;
}

/** `24-03-05`, `24/3/5`: a date field's value with a two-digit year (this century, not after the reference date). */
const SHORT_YEAR_DATE = /^(\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])/;

function shortYearDate(value: string, referenceDate: string | undefined): string | undefined {
  const m = SHORT_YEAR_DATE.exec(value);
  return m ? dayNotAfter(2000 + Number(m[1]), Number(m[3]), Number(m[4]), referenceDate) : undefined;
}

/** The ISO day of `year`, `month`, `day` if it is a day of the calendar and not after `referenceDate`. */
function dayNotAfter(year: number, month: number, day: number, referenceDate: string | undefined): string | undefined {
  const iso = isoDay(year, month, day);
  return iso !== undefined && (referenceDate === undefined || iso <= referenceDate) ? iso : undefined;
}

/** A weekday in brackets after a date (`2018年11月5日(星期一)`, a press release's closing line). */
const BRACKETED_WEEKDAY = /\s*[（(](?:星期|周)[一二三四五六日天][）)]$/;

/** A line that is only a date, perhaps bracketed or with its weekday: `2018年11月20日`, `（2022年10月16日）`. */
function dateOnlyLine(text: string, line: Line): string | undefined {
  let start = line.start;
  let end = line.end - (BRACKETED_WEEKDAY.exec(line.text)?.[0].length ?? 0);
  while (start < end && "（(〔[【 ".includes(text[start]!)) start++;
  while (end > start && "）)〕]】 ".includes(text[end - 1]!)) end--;
  // the date read at the line's start must end at its end: then it is the only one (most lines fail at their first character)
  const found = dateAt(text, start, end);
  const only = found?.end === end ? found : undefined;
  return only && (only.precision === "day" || only.precision === "time") && only.value ? only.value.slice(0, 10) : undefined;
}

/**
 * The date the page gives for itself: a labelled 发布时间/日期 field; else a line holding only a date near the top
 * (under a title) or, failing that, the last such line (the 落款 of an official document); else a
 * `——2003年3月5日在…` subtitle, a `（2024年1月10日…通过）` adoption line or a `新华社…电` dateline near the top.
 */
function readPublishedAt(text: string, lines: Line[], infos: LineInfo[], frontMatter: number, options: ReadPageOptions): string | undefined {
  const { referenceDate } = options;
  const dateFields = infos.flatMap((info) => (info.kind === "metadata" ? (info.fields ?? []) : [])).filter((f) => f.kind === "date" || f.kind === "date.weak");
  // 发布日期 before 成文日期 or 更新时间 when a metadata table gives several
  const published = (f: Field) => PUBLICATION_LABEL.test(f.label.text.replace(/[\s\u3000]+/g, ""));
  for (const field of [...dateFields.filter(published), ...dateFields.filter((f) => !published(f))]) {
    const date = rocDate(field.value.text, referenceDate) ?? dateIn(text, field.value, referenceDate) ?? shortYearDate(field.value.text, referenceDate);
    if (date) return date;
  }
  // the date a CMS writes unlabelled among the source and view count over the text (来源：县委办 | 2024-03-05 | 浏览：88),
  // or after a credit on the meta line over the text (编辑：张三 2023-05-06)
  const articleStart = infos.findIndex((info) => info.kind === undefined);
  const overText = (k: number) => k < HEADER_WINDOW && (infos[k]!.kind === "metadata" || (infos[k]!.kind === "credits" && (articleStart < 0 || k < articleStart)));
  const sourceLines = infos.flatMap((info, k) => (overText(k) ? (info.fields ?? []) : []));
  for (const field of sourceLines.filter((f) => f.kind === "source" || f.kind === "views" || f.kind === "views.weak" || f.kind === "author.weak" || CREDIT_FIELDS.has(f.kind))) {
    const date = dateIn(text, field.value, undefined);
    if (date) return date;
  }
  // the day after the headline on its line
  const titled = lines.find((_, k) => infos[k]!.kind === "title");
  const stamped = titled && trailingStamp(titled.text);
  if (stamped) {
    const at = titled.start + stamped.index + stamped[0].length - stamped[1]!.length;
    const date = dateIn(text, { start: at, end: titled.end, text: stamped[1]! }, referenceDate);
    if (date) return date;
  }
  // a mirror's front matter dates the copy, not the page
  // nor does chrome (the viewing day over a portal's menus)
  const content = lines.filter((_, k) => k >= frontMatter && infos[k]!.kind !== "spam" && infos[k]!.kind !== "navigation");
  const top = content.slice(0, DATE_LINE_WINDOW);
  const onlyDate = (line: Line) => {
    if (line.text.length > MAX_HEADLINE) return undefined;
    const stamp = stampText(text, line);
    return (isDateStamp(stamp, false) ? rocDate(stamp, referenceDate) : undefined) ?? dateOnlyLine(text, line);
  };
  // near the top, a stamp line's day too (2019年03月22日 星期五, date 2025-09-29 快讯)
  const stampDate = (line: Line) => onlyDate(line) ?? (isDateStamp(stampText(text, line), false) ? dateIn(text, line, referenceDate) : undefined);
  // Near the top (（2022年10月16日） under a title), then a machine-written date opening a line there (date
  // 2025-09-29 快讯, 宣布时间:2023-07-06), else the last date line (the 落款, which annexes may follow).
  // a date counts above the text only (会议时间：2023-05-17 in a notice is the meeting's): to its first sentence
  const prose = top.findIndex((line) => line.text.includes("。"));
  const header = prose < 0 ? top : top.slice(0, prose + 1);
  const topDate = header.map(stampDate).find((d) => d !== undefined) ?? header.map((line) => stampOpening(text, line, line === content[0])).find((d) => d !== undefined);
  if (topDate) return topDate;
  // a publisher's name with the day it posted the page (某某县人民政府 2023-05-06), over the text (under it, the same
  // line is a document's 落款)
  const posted = header.map((line) => publisherStamp(text, line)).find((d) => d !== undefined);
  if (posted) return dateIn(text, posted, undefined);
  // an e-paper's day, on its masthead line with the paper's name and the edition
  const editionDay = header.map((line) => (infos[line.index]!.edition ? dateIn(text, line, referenceDate) : undefined)).find((d) => d !== undefined);
  if (editionDay) return editionDay;
  // the day the site filed the page under (…/2019-03/04/content_…), before the day the document was signed (its 落款)
  const filed = options.url === undefined ? undefined : urlDate(options.url, referenceDate);
  if (filed) return filed;
  for (const line of content.slice(header.length).reverse()) {
    const date = onlyDate(line);
    if (date) return date;
  }
  // ——2003年3月5日在…上; （2024年1月10日…全体会议通过）
  const opensWithDate = (line: Line) =>
    /^[（(]/.test(line.text) && dateAt(text, line.start + 1, line.end) !== undefined;
  const subtitle = top.find((line) => (line.text.startsWith("——") || opensWithDate(line)) && dateIn(text, line, referenceDate));
  const dateline = top.find((line) => line.text.startsWith("新华社") && line.text.endsWith("电") && dateIn(text, line, referenceDate));
  // The document's own date (the day a report was delivered) before the day a news agency put it out.
  const line = subtitle ?? dateline;
  return line && dateIn(text, line, referenceDate);
}

/**
 * Dates that content management systems write into a page's path: `/2019/03/04/`, `/2009-09/22/`,
 * `/2022-05-05/`, `/art/2025/1/9/` (year, month, day as folders); `/20230319/`, `_20130322_` and TRS's
 * `/t20240926_7381832.html` (eight digits); `/2013/0831/` and `/202501/09/` (split after the year or the month);
 * a file named by its time stamp.
 */
const URL_DATES = [
  /(?:^|\/)((?:19|20)\d{2})[-/](\d{1,2})[-/](\d{1,2})(?=[/_.-]|$)/g,
  /(?:^|[/_]|\/t)((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/g,
  /(?:^|\/)((?:19|20)\d{2})\/(\d{2})(\d{2})(?=\/)/g,
  /(?:^|\/)((?:19|20)\d{2})(\d{2})\/(\d{2})(?=\/)/g,
  // a file named by the second it was written, then a serial (`/2025123118122215788.htm`: yyyyMMddHHmmss…)
  /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[01]\d|2[0-3])[0-5]\d[0-5]\d\d*(?=\.[a-z]+$)/g,
  // a two-digit year, the month and day, the hour as folders (a portal's `/22/1112/09/…html`: yy/MMdd/HH)
  /\/(\d{2})\/(\d{2})(\d{2})\/(?:[01]\d|2[0-3])\/(?=[^/]+$)/g,
];
/** Long enough for any real address; a longer string is not scanned. */
const MAX_URL = 2048;

/**
 * The date in a page's address (the last one in its path, the nearest the document), if it is a day of the
 * calendar and not after `referenceDate` (a page is not published after it was fetched).
 */
function urlDate(url: string, referenceDate: string | undefined): string | undefined {
  if (url.length > MAX_URL) return undefined;
  // the path only: no scheme and host, no query or fragment
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/[?#].*$/s, "");
  let best: { at: number; iso: string } | undefined;
  for (const pattern of URL_DATES) {
    for (const m of path.matchAll(pattern)) {
      const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
      const iso = dayNotAfter(year, Number(m[2]), Number(m[3]), referenceDate);
      if (iso && (!best || m.index > best.at)) best = { at: m.index, iso };
    }
  }
  return best?.iso;
}

/**
 * A label the vocabulary lacks (宣布时间, 录入时间, 上传日期) before a machine-written date: `X时间:2023-07-06`; or the
 * verb a CMS writes before the day it posted the page, colon or not (`发布于 2023-05-06 10:20`).
 */
const DATE_ENDED_LABEL = /^(?:[\u4e00-\u9fff]{1,4}(?:时间|日期|時間)\s*[:：]|(?:发布|发表|發佈|發布|發表)(?:于|於)\s*[:：]?)\s*(?=\d{4}[-/.]\d)/;

/**
 * The numeric date (`2023-07-06`, `2017/5/9`) a CMS writes at the start of a line: after an English label or a
 * label ending in 时间/日期, or, on the page's first line, alone. Prose writes dates in 年月日, never so.
 */
function stampOpening(text: string, line: Line, firstLine: boolean): string | undefined {
  const label = LATIN_DATE_LABEL.exec(line.text) ?? DATE_ENDED_LABEL.exec(line.text);
  const start = line.start + (label?.[0].length ?? 0);
  const found = dateAt(text, start, Math.min(line.end, start + MAX_DATE_STAMP));
  const numeric = found !== undefined && /^\d{4}[-/.]/.test(found.text);
  if (!numeric || !(found.precision === "day" || found.precision === "time") || !found.value) return undefined;
  // unlabelled below the first line, the stamp is followed by page chrome only (【字体：大 中 小】) or the name of who
  // published it, not by a word that says what it dates (2017-5-3 19:43 上传, an attachment)
  const rest = text.slice(found.end, line.end).trim();
  return label || firstLine || FONT_SIZE_SWITCH.test(rest) || PUBLISHER_NAME.test(rest) ? found.value.slice(0, 10) : undefined;
}

/** Who publishes a page, named after its time stamp (`2024-03-05 10:20 某某县人民政府`, `… 某某日报`). */
const PUBLISHER_NAME = /^[\u4e00-\u9fff]{2,20}(?:人民政府|政府|委员会|日报|晚报|报社|新闻网|电视台|融媒体中心|办公室|宣传部)$/;

/** The stamp of a meta line that names the publisher and the day, in either order (`某某县人民政府 2023-05-06`). */
function publisherStamp(text: string, line: Span): Span | undefined {
  if (line.text.length > MAX_HEADLINE) return undefined;
  const stamped = TRAILING_STAMP.exec(line.text);
  if (stamped && PUBLISHER_NAME.test(line.text.slice(0, stamped.index))) {
    const start = line.start + stamped.index + stamped[0].length - stamped[1]!.length;
    return { start, end: line.end, text: stamped[1]! };
  }
  const stampEnd = dateStampPrefixEnd(text, line.start, line.end);
  if (stampEnd === undefined || !PUBLISHER_NAME.test(text.slice(stampEnd, line.end).trim())) return undefined;
  return { start: line.start, end: stampEnd, text: text.slice(line.start, stampEnd) };
}

/**
 * The labels of the day a page was published (发布日期, 發佈時間, 发表于) or posted (a disclosure page's 上载日期,
 * 公开日期), as opposed to the day its document was written or issued (成文日期, 发文日期) or updated.
 */
const PUBLICATION_LABEL = /^(?:发布|發佈|發布|发表|發表|上载|上传|公开)/;

/** `1,234`, `1.2万`, `356次` → the count; empty or unreadable → undefined. */
function readCount(value: string): number | undefined {
  const digits = value.replace(/[,，\s]/g, "").replace(/(人次|次)$/, "");
  const n = digits === "" ? undefined : parseChineseNumber(digits);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function readCredits(infos: LineInfo[]): Credits | undefined {
  const credits: Credits = {};
  for (const info of infos) {
    if (info.kind !== "credits" && info.kind !== "metadata") continue;
    for (const field of info.fields ?? []) {
      const key: CreditField | undefined = field.kind === "author.weak" ? "text" : CREDIT_FIELDS.has(field.kind) ? (field.kind as CreditField) : undefined;
      if (!key) continue;
      const names = field.value.text.split(/[\s、，,；;/]+/).filter(Boolean);
      // appended in place: copying the list for each line is quadratic in a page of thousands of credit lines
      if (names.length > 0) for (const name of names) (credits[key] ??= []).push(name);
    }
  }
  return Object.keys(credits).length > 0 ? credits : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Regions

/** Line kinds become regions; spam inside a longer line cuts it; neighbours of one kind merge. */
function buildRegions(text: string, lines: Line[], kinds: RegionKind[], spam: SpamFinding[]): Region[] {
  const pieces: { start: number; end: number; kind: RegionKind }[] = [];
  let s = 0;
  lines.forEach((line, k) => {
    let cursor = line.start;
    while (s < spam.length && spam[s]!.end <= line.end) {
      const finding = spam[s++]!;
      if (kinds[k] === "spam" || finding.start < line.start) continue;
      if (finding.start > cursor) pieces.push({ start: cursor, end: finding.start, kind: kinds[k]! });
      pieces.push({ start: finding.start, end: finding.end, kind: "spam" });
      cursor = finding.end;
    }
    if (line.end > cursor) pieces.push({ start: cursor, end: line.end, kind: kinds[k]! });
  });
  const regions: Region[] = [];
  for (const piece of pieces) {
    let start = piece.start;
    let end = piece.end;
    while (start < end && isBlank(text[start]!)) start++;
    while (end > start && isBlank(text[end - 1]!)) end--;
    if (end <= start) continue;
    const last = regions.at(-1);
    if (last && last.kind === piece.kind) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      regions.push({ start, end, text: text.slice(start, end), kind: piece.kind });
    }
  }
  return regions;
}

/** Options of {@link readPage}. */
export interface ReadPageOptions {
  /** ISO date to complete a dateline without a year (新华社北京3月15日电). */
  referenceDate?: string;
  /** The page's address: the date in its path dates a page whose text gives none. */
  url?: string;
}

/**
 * Reads the page structure of `text`: regions (article, title, navigation, metadata, credits, footer, spam) as
 * ranges of the input, the normalised metadata, and the spam findings. A plain paragraph is all article.
 *
 * @example
 * const page = readPage(seedText); // the seed meeting report
 * page.title?.text;   // → "学院召开2023年第11次党委(扩大)会议"
 * page.publishedAt;   // → "2023-05-18"
 * page.breadcrumb;    // → ["学院首页", "专题网站", "主题教育专栏"]
 * page.credits;       // → { photo: ["宣传统战部"], text: ["学院办公室"], editor: ["石丹"], reviewer: ["于文金"] }
 * page.spam[0].text;  // → "欢迎访问122cc太阳集成游戏!"
 */
export function readPage(text: string, options: ReadPageOptions = {}): PageInfo {
  return pageOf(parseText(text), parseOptions(ReadPageOptionsSchema, options, "readPage options"));
}

/** Validates {@link ReadPageOptions} (strict; the reference date must exist). */
const ReadPageOptionsSchema: z.ZodType<ReadPageOptions> = z.object({ referenceDate: IsoDateSchema.optional(), url: z.string().max(8192).optional() }).strict();

/**
 * {@link readPage} for callers inside gongwen, whose text and options are already checked; `sentences` are the
 * text's sentence spans when they were split already.
 */
export function pageOf(text: string, options: ReadPageOptions, sentences: readonly Span[] = splitSentences(text)): PageInfo {
  const vocab = pageVocabulary();
  const lines = readLines(text);
  const spam = spamIn(text, sentences);
  const spamLines = new Set<number>();
  let s = 0;
  for (const line of lines) {
    while (s < spam.length && spam[s]!.end < line.start) s++;
    if (s < spam.length && spam[s]!.start === line.start && spam[s]!.end === line.end) spamLines.add(line.index);
  }
  const infos = lines.map((line) => classifyLine(line, text, spamLines, vocab));
  const frontMatter = readFrontMatter(text, lines);
  for (let k = 0; k < (frontMatter?.count ?? 0); k++) infos[k] = { kind: "metadata" };
  const headerTitle = frontMatter ? [] : readHeader(lines, infos);
  const original = originalTitle(infos, headerTitle);
  const titleLines = original ? [] : headerTitle;
  readTail(lines, infos);
  for (const k of titleLines) infos[k]!.kind = "title";

  const kinds = infos.map((info): RegionKind => (isWeak(info.kind) || !info.kind ? "article" : info.kind));
  const regions = buildRegions(text, lines, kinds, spam);

  const page: PageInfo = { regions, spam };
  // a metadata table above the article names the headline (标　　题：…) as written, on one line
  const titleField = infos
    .slice(0, HEADER_WINDOW)
    .flatMap((info) => (info.kind === "metadata" ? (info.fields ?? []) : []))
    .find((f) => f.kind === "title" && f.value.text !== "");
  if (frontMatter?.title) page.title = frontMatter.title;
  else if (titleField) page.title = withoutButton(text, titleField.value, vocab);
  else if (original) page.title = original;
  else if (titleLines.length > 0) {
    // a scrape's list bullet before the headline (• 学院召开…) is not part of it
    const last = withoutWidget(lines[titleLines.at(-1)!]!, infos[titleLines.at(-1)!]!);
    const end = last.end - (trailingStamp(last.text)?.[0].length ?? TRAILING_BYLINE.exec(last.text)?.[0].length ?? 0);
    let start = lines[titleLines[0]!]!.start;
    while (start < end - 1 && (TITLE_BULLETS.has(text[start]!) || isBlank(text[start]!))) start++;
    page.title = { start, end, text: text.slice(start, end) };
  } else {
    const named = crumbHeadline(lines, infos);
    if (named) page.title = named;
  }
  const publishedAt = readPublishedAt(text, lines, infos, frontMatter?.count ?? 0, options);
  if (publishedAt) page.publishedAt = publishedAt;

  const metadataFields = infos.filter((info) => info.kind === "metadata").flatMap((info) => info.fields ?? []);
  const views = metadataFields.filter((f) => f.kind === "views" || f.kind === "views.weak").map((f) => readCount(f.value.text)).find((n) => n !== undefined);
  if (views !== undefined) page.views = views;
  const source = metadataFields.find((f) => f.kind === "source" && f.value.text !== "");
  if (source) page.source = source.value.text;

  const crumbs = infos.find((info) => info.crumbs)?.crumbs;
  if (crumbs && crumbs.length > 0) page.breadcrumb = crumbs;
  const columnLine = lines.find((line, k) => infos[k]!.kind === "navigation" && !infos[k]!.crumbs && (infos[k]!.column || crumbs?.includes(line.text) || vocab.columnEndings.some((e) => line.text.endsWith(e))));
  const column = columnLine?.text ?? crumbs?.at(-1);
  if (column) page.column = column;

  const credits = readCredits(infos);
  if (credits) page.credits = credits;
  return page;
}

/**
 * Fills `doc.page`: regions, metadata and spam findings. Spam is judged per sentence: it reads the sentences a
 * sentence stage wrote (the Doc starts with none, and a text that is not blank has at least one), else splits them.
 */
export const pageStage: Stage<"page"> = {
  name: "page",
  reads: [],
  readsIfPresent: ["sentences"],
  writes: ["page"],
  run: (doc, context) => ({
    ...doc,
    page: pageOf(
      doc.text,
      {
        ...(context.config.referenceDate ? { referenceDate: context.config.referenceDate } : {}),
        ...(context.config.url ? { url: context.config.url } : {}),
      },
      doc.sentences.length > 0 ? doc.sentences : undefined,
    ),
  }),
};
