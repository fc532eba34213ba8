/**
 * The HTML reader: a page or a CMS fragment becomes the text a reader of the page sees, one line per block, with
 * an exact map back to the markup. Text runs are kept as written; an entity is written as the character it stands
 * for over its source range; a block tag (p, div, li, tr, br, h1…) is written as a line break over the tag; script,
 * style, comments and the head are left out, except the head's `<title>` and a publication-date `<meta>`, which
 * become the first lines (their characters are in the input, so the page stage reads them as it reads a text).
 * The parse is htmlparser2's (linear, forgiving), with its source offsets.
 */
import { Parser } from "htmlparser2";
import type { InputInfo } from "../core/schema.js";
import type { ResolvedConfig } from "../core/stage.js";
import { ViewBuilder, type TextView, type ViewStep } from "../core/view.js";

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
/** A class or id of a breadcrumb container (`<ol class="breadcrumb">`, `<div class="position">`): its entries are joined by `>`. */
const CRUMB_CONTAINER = /^(?:bread-?crumbs?|crumbs?|position|location|current-?position|nav-?path|weizhi|dqwz)$/i;
/** A list marker opening a bold lead: 一、 （一） 第一条 1. */
const MARKER_LEAD = /^[\s\u00a0\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十百\d]+[章节条部分]|\d+[.．、](?!\d))/u;
/** Characters between which a line break of the source is no space (Chinese writes none). */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** A server-side directive left in a saved page (`<%@ page … %>`, `<?php … ?>`): markup, not text. */
const SERVER_TAG = /<%[\s\S]*?%>|<\?[\s\S]*?\?>/g;

type Range = readonly [number, number];

/** Builds the step of one page: see the module comment. */
class HtmlReader {
  private readonly out: ViewBuilder;
  /** Open hidden elements (script, style…) and whether we are in the head outside its title. */
  private hidden = 0;
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
  /** Element depth, and the depth of the breadcrumb container we are in (-1: none). */
  private depth = 0;
  private crumbDepth = -1;
  private crumbEntries = 0;
  private contentRange: Range | undefined;
  private readonly parser: Parser;

  constructor(private readonly source: string) {
    this.out = new ViewBuilder(source);
    this.parser = new Parser(
      {
        onattribute: (name) => this.onAttribute(name),
        onopentag: (name, attributes) => this.onOpen(name, attributes),
        onclosetag: (name, implied) => this.onClose(name, implied),
        ontext: (data) => this.onText(data, this.parser.startIndex, this.parser.endIndex + 1),
      },
      { decodeEntities: true },
    );
  }

  read(): ViewStep {
    this.parser.end(this.source);
    return this.out.finish();
  }

  /** The current tag's source range. */
  private tagRange(): Range {
    return [this.parser.startIndex, Math.min(this.parser.endIndex + 1, this.source.length)];
  }

  private lineBreak([from, to]: Range): void {
    this.pendingSpace = undefined;
    this.pendingLead = undefined;
    if (this.atLineStart) return;
    this.out.put("\n", from, to);
    this.atLineStart = true;
    this.last = "\n";
  }

  /** The source range of the value of the attribute just read (`content="…"`), for a `<meta>` date. */
  private onAttribute(name: string): void {
    if (name !== "content") return;
    const start = this.parser.startIndex;
    const end = Math.min(this.parser.endIndex + 1, this.source.length);
    let p = this.source.indexOf("=", start);
    if (p < 0 || p >= end) return;
    p++;
    while (p < end && /\s/.test(this.source[p]!)) p++;
    const quote = this.source[p];
    if (quote === '"' || quote === "'") {
      const close = this.source.indexOf(quote, p + 1);
      this.contentRange = close >= 0 && close < end ? [p + 1, close] : undefined;
    } else {
      let q = p;
      while (q < end && !/[\s>]/.test(this.source[q]!)) q++;
      this.contentRange = [p, q];
    }
  }

  private onOpen(name: string, attributes: Record<string, string>): void {
    this.depth++;
    const range = this.tagRange();
    if (name === "head") this.inHead = true;
    else if (name === "body") this.inHead = false;
    if (HIDDEN.has(name)) this.hidden++;
    if (name === "title") this.inTitle = true;
    if (name === "pre") this.pre++;
    if (name === "meta") this.onMeta(attributes);
    if (this.hidden > 0) return;
    if (this.crumbDepth >= 0 && name === "li") {
      // the entries of a breadcrumb list stay on one line, as `首页 > 校园采风`
      if (this.crumbEntries++ > 0) this.putText(" > ", range);
      return;
    }
    if (BLOCKS.has(name)) this.lineBreak(range);
    else if (CELLS.has(name) && !this.atLineStart) this.pendingSpace = { range, forced: true };
    else if (LEADS.has(name) && !this.atLineStart) this.pendingLead = range;
    const names = `${attributes.class ?? ""} ${attributes.id ?? ""}`.split(/\s+/);
    if (this.crumbDepth < 0 && names.some((n) => CRUMB_CONTAINER.test(n))) {
      this.crumbDepth = this.depth;
      this.crumbEntries = 0;
    }
  }

  private onClose(name: string, implied: boolean): void {
    if (this.crumbDepth === this.depth) this.crumbDepth = -1;
    this.depth--;
    if (name === "head") this.inHead = false;
    if (name === "title") this.inTitle = false;
    if (name === "pre") this.pre--;
    if (HIDDEN.has(name)) {
      this.hidden--;
      return;
    }
    // an implied close (`<p>a<p>b`, end of input) has no source of its own; the next block breaks the line
    if (implied || this.hidden > 0 || this.crumbDepth >= 0) return;
    if (BLOCKS.has(name) && name !== "br") this.lineBreak(this.tagRange());
  }

  /** A publication-date `<meta>` becomes a line of its own: the date as written in its `content`. */
  private onMeta(attributes: Record<string, string>): void {
    const key = (attributes.name ?? attributes.property ?? attributes.itemprop ?? "").toLowerCase();
    const range = this.contentRange;
    this.contentRange = undefined;
    if (!DATE_METAS.has(key) || !range || !attributes.content?.trim()) return;
    this.lineBreak(this.tagRange());
    const [from, to] = range;
    if (this.source.slice(from, to) === attributes.content) this.keepText(from, to);
    else this.putText(attributes.content, range);
    this.lineBreak(this.tagRange());
  }

  private onText(data: string, from: number, to: number): void {
    if (this.hidden > 0 || (this.inHead && !this.inTitle)) return;
    if (this.source.slice(from, to) !== data) {
      this.putText(data, [from, to]); // an entity, written as its character
      return;
    }
    let at = from;
    SERVER_TAG.lastIndex = 0;
    const directives = [...data.matchAll(SERVER_TAG)];
    for (const directive of directives) {
      this.keepRun(at, from + directive.index);
      at = from + directive.index + directive[0].length;
    }
    this.keepRun(at, to);
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
