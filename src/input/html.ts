/**
 * The HTML reader: a page or a CMS fragment becomes the text a reader of the page sees, one line per block, with
 * an exact map back to the markup. Text runs are kept as written; an entity is written as the character it stands
 * for over its source range; a block tag (p, div, li, tr, br, h1…) is written as a line break over the tag; script,
 * style, comments and the head are left out, except the head's `<title>` and a publication-date `<meta>`, which
 * become lines of their own at the top (their characters are in the input, so the page stage reads them as it
 * reads a text). Breadcrumb and menu lists stay on one line (`首页>政策`, `首页|政策|互动`), as scrapes write them.
 * The parse is htmlparser2's (linear, forgiving), with its source offsets.
 */
import type { Tokenizer } from "htmlparser2";
import type { InputInfo } from "../core/schema.js";
import type { ResolvedConfig } from "../core/stage.js";
import { lazyModule } from "../core/lazy.js";
import { ViewBuilder, type TextView, type ViewStep } from "../core/view.js";

/** htmlparser2, loaded by the first HTML input: a plain-text analysis never pays for it (~25 ms, ~9 MB per thread). */
const htmlparser2 = lazyModule<typeof import("htmlparser2")>("htmlparser2");

/** Elements that start and end a line. */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
  "thead", "title", "tr", "ul",
]);
/** Table cells: a separator within the row's line (`发布日期：` | `2019年01月22日`). */
const CELLS = new Set(["td", "th"]);
/** Elements whose content no reader sees. */
const HIDDEN = new Set(["script", "style", "noscript", "template", "iframe", "object", "svg", "select", "textarea", "button"]);
/** Bold leads: `<strong>一、总体要求</strong>` inside a paragraph starts a line the list stage reads. */
const LEADS = new Set(["strong", "b"]);
/** Names (name/property/itemprop, lower case) of a `<meta>` that holds the publication date. */
const DATE_METAS = new Set([
  "publishdate", "pubdate", "publishtime", "publish_date", "firstpublishedtime", "article:published_time",
  "og:release_date", "datepublished", "dc.date", "dc.date.issued", "dcterms.issued",
]);
/**
 * Lists whose entries stay on one line, as a text scrape writes them: a breadcrumb (`<ol class="breadcrumb">`,
 * `<div class="position">`) as `首页>政策`, a menu (`<nav>`, `<div class="nav">`) as `首页|政策|互动`; by class or id.
 */
const BREADCRUMB = { container: /^(?:bread-?crumbs?|crumbs?|position|location|current-?position|nav-?path|weizhi|dqwz)$/i, separator: ">" };
const MENU = { container: /^(?:nav|navbar|nav-?bar|menu|main-?nav|top-?nav|main-?menu|top-?menu|daohang)$/i, separator: "|" };
/** A list marker opening a bold lead: 一、 （一） 第一条 1. */
const MARKER_LEAD = /^[\s\u00a0\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十百\d]+[章节条部分]|\d+[.．、](?!\d))/u;
/** Characters between which a line break of the source is no space (Chinese writes none). */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

type Range = readonly [number, number];

/** An element whose content is left out or read apart (a hidden one, a breadcrumb), and how deep it nests in itself. */
interface Scope {
  name: string;
  depth: number;
}

/**
 * Builds the step of one page: see the module comment. It reads htmlparser2's tokenizer directly (the tree
 * builder keeps its stack with unshift, quadratic on a page of unclosed tags) and tracks the few elements it
 * needs by name.
 */
class HtmlReader {
  private readonly out: ViewBuilder;
  private readonly tokenizer: Tokenizer;
  /** Where the last token ended: an entity starts there. */
  private cursor = 0;
  private tagName = "";
  private tagStart = 0;
  private attributes: Record<string, string> = {};
  private attributeName = "";
  private attributeValue = "";
  private attributeRange: [number, number] | undefined;
  private attributeDecoded = false;
  /** The source range of the open tag's `content="…"` value, when it is written without entities. */
  private contentRange: Range | undefined;
  private hidden: Scope | undefined;
  /** The one-line list we are in (a breadcrumb or a menu), its separator, and how many entries it has had. */
  private oneLine: (Scope & { separator: string }) | undefined;
  private oneLineEntries = 0;
  private inHead = false;
  private inTitle = false;
  private pre = 0;
  /** Nothing but blanks since the last line break (or the start). */
  private atLineStart = true;
  private last = "";
  /** A source line break (or a table cell) waiting to be written as a space, if text follows on the line. */
  private pendingSpace: { range: Range; forced: boolean } | undefined;
  /** The last bold tag opened mid-line with nothing written since: a line break goes there if a marker follows. */
  private pendingLead: Range | undefined;

  constructor(private readonly source: string) {
    this.out = new ViewBuilder(source);
    const at = (end: number) => (this.cursor = end);
    this.tokenizer = new (htmlparser2().Tokenizer)(
      { decodeEntities: true },
      {
        ontext: (start, end) => {
          this.onText(start, end);
          at(end);
        },
        ontextentity: (codePoint, end) => {
          this.onEntity(String.fromCodePoint(codePoint), this.cursor, end);
          at(end);
        },
        onopentagname: (start, end) => {
          this.tagName = source.slice(start, end).toLowerCase();
          this.tagStart = start - 1;
          this.attributes = {};
          this.contentRange = undefined;
        },
        onattribname: (start, end) => {
          this.attributeName = source.slice(start, end).toLowerCase();
          this.attributeValue = "";
          this.attributeRange = undefined;
          this.attributeDecoded = false;
        },
        onattribdata: (start, end) => {
          this.attributeValue += source.slice(start, end);
          this.attributeRange = [this.attributeRange?.[0] ?? start, end];
        },
        onattribentity: (codePoint) => {
          this.attributeValue += String.fromCodePoint(codePoint);
          this.attributeDecoded = true;
        },
        onattribend: () => {
          this.attributes[this.attributeName] ??= this.attributeValue;
          if (this.attributeName === "content" && !this.attributeDecoded) this.contentRange = this.attributeRange;
        },
        onopentagend: (end) => {
          this.onOpen(this.tagName, [this.tagStart, end + 1]);
          at(end + 1);
        },
        onselfclosingtag: (end) => {
          this.onOpen(this.tagName, [this.tagStart, end + 1]);
          at(end + 1);
        },
        onclosetag: (start, end) => {
          const close = source.indexOf(">", end);
          const tagEnd = close < 0 ? source.length : close + 1;
          this.onClose(source.slice(start, end).toLowerCase(), [start - 2, tagEnd]);
          at(tagEnd);
        },
        oncomment: (_start, end) => at(end + 1),
        oncdata: (_start, end) => at(end + 1),
        ondeclaration: (_start, end) => at(end + 1),
        onprocessinginstruction: (_start, end) => at(end + 1),
        onend: () => undefined,
      },
    );
  }

  read(): ViewStep {
    this.tokenizer.write(this.source);
    this.tokenizer.end();
    return this.out.finish();
  }

  private lineBreak([from, to]: Range): void {
    this.pendingSpace = undefined;
    this.pendingLead = undefined;
    if (this.atLineStart) return;
    this.out.put("\n", from, to);
    this.atLineStart = true;
    this.last = "\n";
  }

  private onOpen(name: string, range: Range): void {
    if (name === "head") this.inHead = true;
    else if (name === "body") this.inHead = false;
    else if (name === "title") this.inTitle = true;
    else if (name === "pre") this.pre++;
    else if (name === "meta" && !this.hidden) this.onMeta(range);
    if (this.hidden) {
      if (name === this.hidden.name) this.hidden.depth++;
      return;
    }
    if (HIDDEN.has(name)) {
      this.hidden = { name, depth: 1 };
      return;
    }
    if (this.oneLine) {
      if (name === this.oneLine.name) this.oneLine.depth++;
      if (name === "li" && this.oneLineEntries++ > 0) this.putText(this.oneLine.separator, range);
      if (name === "li") return;
    }
    if (BLOCKS.has(name)) this.lineBreak(range);
    else if (CELLS.has(name) && !this.atLineStart) this.pendingSpace = { range, forced: true };
    else if (LEADS.has(name) && !this.atLineStart) this.pendingLead = range;
    const names = `${this.attributes.class ?? ""} ${this.attributes.id ?? ""}`.split(/\s+/);
    const list = this.oneLine ? undefined : name === "nav" ? MENU : [BREADCRUMB, MENU].find((l) => names.some((n) => l.container.test(n)));
    if (list) {
      this.oneLine = { name, depth: 1, separator: list.separator };
      this.oneLineEntries = 0;
    }
  }

  private onClose(name: string, range: Range): void {
    if (name === "head") this.inHead = false;
    else if (name === "title") this.inTitle = false;
    else if (name === "pre") this.pre = Math.max(0, this.pre - 1);
    if (this.hidden) {
      if (name === this.hidden.name && --this.hidden.depth === 0) this.hidden = undefined;
      return;
    }
    if (this.oneLine && name === this.oneLine.name && --this.oneLine.depth === 0) this.oneLine = undefined;
    if (this.oneLine) return;
    if (BLOCKS.has(name)) this.lineBreak(range);
  }

  /** A publication-date `<meta>` becomes a line of its own: the date as written in its `content`. */
  private onMeta(range: Range): void {
    const key = (this.attributes.name ?? this.attributes.property ?? this.attributes.itemprop ?? "").toLowerCase();
    const content = this.contentRange;
    if (!DATE_METAS.has(key) || !content || this.source.slice(content[0], content[1]).trim() === "") return;
    this.lineBreak(range);
    this.keepText(content[0], content[1]);
    this.lineBreak(range);
  }

  private skipping(): boolean {
    return this.hidden !== undefined || (this.inHead && !this.inTitle);
  }

  /** An entity, written as its character over its source range. */
  private onEntity(character: string, from: number, to: number): void {
    if (!this.skipping()) this.putText(character, [from, to]);
  }

  private onText(from: number, to: number): void {
    if (this.skipping()) return;
    // a server-side directive left in a saved page (`<%@ page … %>`) is markup, not text
    const run = this.source.slice(from, to);
    let at = 0;
    for (let open = run.indexOf("<%"); open >= 0; open = run.indexOf("<%", at)) {
      const close = run.indexOf("%>", open + 2);
      if (close < 0) break;
      this.keepRun(from + at, from + open);
      at = close + 2;
    }
    this.keepRun(from + at, to);
  }

  /** Source text as written, its line breaks (outside `<pre>`) read as HTML reads them: as a space, or nothing. */
  private keepRun(from: number, to: number): void {
    let at = from;
    for (let i = from; i < to; i++) {
      const c = this.source[i]!;
      if (this.pre > 0 || (c !== "\n" && c !== "\r")) continue;
      let start = i;
      while (start > at && /[ \t]/.test(this.source[start - 1]!)) start--;
      let end = i + 1;
      while (end < to && /[ \t\n\r\f]/.test(this.source[end]!)) end++;
      this.keepText(at, start);
      if (!this.atLineStart && !this.pendingSpace) this.pendingSpace = { range: [start, end], forced: false };
      at = end;
      i = end - 1;
    }
    this.keepText(at, to);
  }

  private keepText(from: number, to: number): void {
    // blanks between tags at the start of a line are layout of the source, not text
    if (this.atLineStart) while (from < to && /[ \t\n\r\f]/.test(this.source[from]!)) from++;
    if (to <= from) return;
    this.beforeText(this.source, from, to);
    this.out.keep(from, to);
    this.afterText(this.source.slice(from, to));
  }

  private putText(text: string, range: Range): void {
    this.beforeText(text, 0, text.length);
    this.out.put(text, range[0], range[1]);
    this.afterText(text);
  }

  /** Writes what waits before text: a line break before a bold list marker, a space for a source line break. */
  private beforeText(text: string, from: number, to: number): void {
    if (this.pendingLead && MARKER_LEAD.test(text.slice(from, Math.min(to, from + 12)))) this.lineBreak(this.pendingLead);
    this.pendingLead = undefined;
    const space = this.pendingSpace;
    if (!space) return;
    this.pendingSpace = undefined;
    const first = text[from]!;
    if (space.forced || !(CJK.test(this.last) && CJK.test(first))) {
      this.out.put(" ", space.range[0], space.range[1]);
      this.last = " ";
    }
  }

  private afterText(text: string): void {
    this.last = text[text.length - 1]!;
    if (this.atLineStart && /\S/u.test(text.replace(/\u00a0|\u3000/g, ""))) this.atLineStart = false;
  }
}

/** Known tags as written in HTML: `<p>`, `</div>`, `<br/>`, `<span style=…>` (never `<2%` or 《》). */
const TAG = /<\/?(?:p|div|br|hr|html|body|head|span|font|table|tbody|tr|td|th|li|ul|ol|h[1-6]|strong|b|em|i|a|img|meta|title|section|article|center|iframe|script|style|link)(?=[\s/>])[^<>]{0,2000}>/iy;
/** Tags that close or stand alone: one of them and another tag make a page. */
const CLOSING = /^<(?:\/|br|hr|img|meta|link)/i;
const DOCUMENT_START = /^\s*<(?:!doctype\s+html|html[\s>])/i;

/**
 * Whether `text` is HTML (a page or a CMS fragment): it opens as a document, or it holds two known tags of which
 * one closes an element or stands alone (`<p>…</p>`, `…<br>…<span>`). Stops at the second such pair.
 */
export function looksLikeHtml(text: string): boolean {
  if (DOCUMENT_START.test(text)) return true;
  let tags = 0;
  let closing = false;
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(text);
    if (!tag) continue;
    tags++;
    closing ||= CLOSING.test(tag[0]);
    if (tags >= 2 && closing) return true;
  }
  return false;
}

/** The text a reader of the HTML `source` sees, with its map back to the markup. */
export function readHtmlText(source: string): ViewStep {
  return new HtmlReader(source).read();
}

/** The input reader: HTML when the format says so, or when it is `auto` and the text is markup. */
export function htmlReader(view: TextView, config: ResolvedConfig): { step: ViewStep; info: Partial<InputInfo> } | undefined {
  if (config.format === "text" || (config.format === "auto" && !looksLikeHtml(view.text))) return undefined;
  return { step: readHtmlText(view.text), info: { format: "html" } };
}
