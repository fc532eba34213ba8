/**
 * `render()`: a Doc as self-contained HTML in the spirit of spaCy's displaCy. Inline CSS, no scripts; every
 * piece of the input is escaped. The text pane reproduces the input exactly (labels are drawn by CSS from data
 * attributes), so the pane's `textContent` is the original text and every highlight is a span of it.
 */
import { parseOptions } from "../options.js";
import { z } from "zod";
import { GongwenError } from "../errors.js";
import type { Doc, Entity } from "../schema.js";
import { enumerationTags, type OutlineList } from "../tag/index.js";

/** Validates {@link RenderOptions} (strict: unknown keys are rejected). */
export const RenderOptionsSchema = z
  .object({
    /** A line above the title (the file name or record id in batch output). */
    caption: z.string().optional(),
    /** Keywords and phrases shown as chips on top (default 12 each). */
    maxKeywords: z.number().int().nonnegative().optional(),
    /** A complete HTML document (`<!doctype html>…`) instead of a fragment for a notebook cell. */
    page: z.boolean().optional(),
  })
  .strict();
/** Options of {@link render}: a caption, how many keyword chips, and a whole page instead of a fragment. */
export type RenderOptions = z.infer<typeof RenderOptionsSchema>;

const DEFAULT_MAX_KEYWORDS = 12;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for an HTML text node or a quoted attribute value.
 *
 * @example
 * escapeHtml(`<a href="x">`); // → "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Regions shown as greyed noise (everything a CMS would not count as the article). */
const NOISE_KINDS = new Set(["navigation", "metadata", "credits", "footer", "spam"]);

const ENTITY_COLOURS: Record<Entity["type"], string> = {
  person: "#aa9cfc",
  org: "#7aecec",
  place: "#ff9561",
  date: "#bfe1d9",
  meeting: "#feca74",
  count: "#e4e7d2",
  document: "#c887fb",
  quote: "#f0d0ff",
};

const CSS = `
.gw-doc{font:15px/1.9 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#222;max-width:1200px}
.gw-doc h1{font-size:1.35em;margin:.2em 0}.gw-doc h2{font-size:1em;margin:.6em 0 .2em;color:#555}
.gw-caption{color:#888;font-size:.85em}.gw-meta{color:#666;font-size:.9em;margin:0}
.gw-summary{background:#fffbe6;border-left:4px solid #f5c518;padding:.3em .8em;margin:.4em 0}
.gw-chips{list-style:none;padding:0;margin:.2em 0;display:flex;flex-wrap:wrap;gap:.3em}
.gw-chips li{background:#eef2ff;border-radius:1em;padding:0 .7em;font-size:.9em}
.gw-chips.gw-phrases li{background:#e8f7ee}
.gw-legend span{margin-right:.8em;font-size:.85em}
.gw-body{display:flex;gap:1.5em;align-items:flex-start}
.gw-text{flex:3;white-space:pre-wrap;overflow-wrap:anywhere}
.gw-outline{flex:1;font-size:.9em;position:sticky;top:0;max-height:100vh;overflow:auto;border-left:1px solid #ddd;padding-left:1em}
.gw-outline ol{list-style:none;padding-left:1em;margin:0}.gw-outline a{color:#225;text-decoration:none}
.gw-outline .gw-incomplete{color:#b00}.gw-list-head{color:#777;font-size:.85em;margin-top:.4em}
.gw-ent{padding:.1em .25em;border-radius:.3em;line-height:1}
.gw-ent::after{content:attr(data-label);display:inline-block;font-size:.6em;font-weight:bold;text-transform:uppercase;margin-left:.3em;vertical-align:middle;opacity:.7}
.gw-noise{color:#999;background:#f3f3f3}
.gw-noise::before{content:"[" attr(data-label) "] ";font-size:.7em;color:#888}
.gw-spam{color:#a33;background:#fde8e8;text-decoration:line-through}
.gw-spam::before{content:"[" attr(data-label) "] ";font-size:.7em;text-decoration:none;display:inline-block}
.gw-marker{font-weight:bold;color:#0b5394}
.gw-key{border-bottom:2px solid #f5c518}
${Object.entries(ENTITY_COLOURS)
  .map(([type, colour]) => `.gw-ent-${type}{background:${colour}}`)
  .join("\n")}
`.trim();

/** A highlight over `text.slice(start, end)`; lower `layer` wraps higher ones when both cover the same range. */
interface Mark {
  start: number;
  end: number;
  layer: number;
  className: string;
  label?: string;
  title?: string;
  id?: string;
}

/** Entity types come from the data: only letters reach a class name. */
const typeClass = (type: string) => `gw-ent gw-ent-${type.replace(/[^a-z]/g, "")}`;

const attr = (name: string, value: string | undefined) => (value === undefined ? "" : ` ${name}="${escapeHtml(value)}"`);

/** FNV-1a over the text: a stable id prefix, so anchors from two documents on one page do not collide. */
function idPrefix(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `gw${(hash >>> 0).toString(36)}`;
}

function entityTitle(entity: Entity): string {
  const parts: string[] = [entity.type];
  const value = "value" in entity ? entity.value : undefined;
  if (value !== undefined && String(value) !== entity.text) parts.push(`= ${value}`);
  if (entity.type === "person" && entity.attrs.titles.length > 0) parts.push(entity.attrs.titles.join("、"));
  if (entity.type === "person" && entity.attrs.org !== null) parts.push(`(${entity.attrs.org})`);
  return parts.join(" ");
}

function marksOf(doc: Doc, prefix: string): Mark[] {
  const marks: Mark[] = [];
  const findings = doc.page?.spam ?? [];
  for (const region of doc.page?.regions ?? []) {
    // A spam region is drawn by its finding (with the category) when there is one.
    const drawnAsFinding = region.kind === "spam" && findings.some((f) => f.start === region.start && f.end === region.end);
    if (NOISE_KINDS.has(region.kind) && !drawnAsFinding) {
      marks.push({ ...region, layer: 0, className: "gw-noise", label: region.kind, title: `${region.kind} (not article text)` });
    }
  }
  for (const span of doc.summary?.spans ?? []) {
    marks.push({ start: span.start, end: span.end, layer: 1, className: "gw-key", title: "summary sentence" });
  }
  for (const finding of findings) {
    const title = `spam: ${finding.category} (score ${finding.score}): ${finding.evidence.map((e) => e.text).join("、")}`;
    marks.push({ start: finding.start, end: finding.end, layer: 2, className: "gw-spam", label: `spam: ${finding.category}`, title });
  }
  const walk = (lists: NonNullable<Doc["enumerations"]>) => {
    for (const list of lists) {
      for (const item of list.items) {
        marks.push({
          start: item.marker.start,
          end: item.marker.end,
          layer: 3,
          className: "gw-marker",
          title: `${list.style} item ${item.ordinal} of ${list.items.length}`,
          id: `${prefix}-${item.start}`,
        });
        walk(item.children ?? []);
      }
    }
  };
  walk(doc.enumerations ?? []);
  for (const entity of doc.entities ?? []) {
    marks.push({
      start: entity.start,
      end: entity.end,
      layer: 4,
      className: typeClass(entity.type),
      label: entity.type,
      title: entityTitle(entity),
    });
  }
  return marks.filter((mark) => mark.start < mark.end && mark.start >= 0 && mark.end <= doc.text.length);
}

/** Outer marks first: earlier start, then longer, then lower layer. */
const outerFirst = (a: Mark, b: Mark) => a.start - b.start || b.end - a.end || a.layer - b.layer;

/**
 * The text with every mark as a properly nested `<span>`. A mark that crosses the end of an enclosing one is
 * closed there and reopened after it (without its id), so overlapping annotations never break the markup.
 */
function annotate(text: string, marks: Mark[]): string {
  const sorted = [...marks].sort(outerFirst);
  const cuts = [...new Set([0, text.length, ...sorted.flatMap((mark) => [mark.start, mark.end])])].sort((a, b) => a - b);
  const open: Mark[] = [];
  const out: string[] = [];
  const openTag = (mark: Mark, first: boolean) =>
    `<span class="${mark.className}"${attr("data-label", mark.label)}${attr("title", mark.title)}${first ? attr("id", mark.id) : ""}>`;
  let next = 0;
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    const firstEnding = open.findIndex((mark) => mark.end <= at);
    const reopen: Mark[] = [];
    if (firstEnding !== -1) {
      for (const mark of open.splice(firstEnding).reverse()) {
        out.push("</span>");
        if (mark.end > at) reopen.push(mark);
      }
    }
    const starting: Mark[] = [];
    while (next < sorted.length && sorted[next]!.start === at) starting.push(sorted[next++]!);
    for (const mark of [...reopen.map((m) => ({ mark: m, first: false })), ...starting.map((m) => ({ mark: m, first: true }))].sort(
      (a, b) => b.mark.end - a.mark.end || a.mark.layer - b.mark.layer,
    )) {
      out.push(openTag(mark.mark, mark.first));
      open.push(mark.mark);
    }
    const until = cuts[i + 1];
    if (until !== undefined) out.push(escapeHtml(text.slice(at, until)));
  }
  for (let i = 0; i < open.length; i++) out.push("</span>");
  return out.join("");
}

function outlineHtml(lists: readonly OutlineList[], prefix: string): string {
  if (lists.length === 0) return "";
  const items = (list: OutlineList) =>
    list.items
      .map(
        (item) =>
          `<li><a href="#${prefix}-${item.start}">${escapeHtml(item.marker)} ${escapeHtml(item.title)}</a>${outlineHtml(item.children, prefix)}</li>`,
      )
      .join("");
  return lists
    .map((list) => {
      const declared = list.declaredCount === undefined ? "" : `, declared ${list.declaredCount}`;
      const status = list.complete ? "" : ` <span class="gw-incomplete">numbering incomplete</span>`;
      const head = `<div class="gw-list-head">${escapeHtml(`${list.style}: ${list.items.length} items${declared}`)}${status}</div>`;
      return `${head}<ol>${items(list)}</ol>`;
    })
    .join("");
}

function chips(words: readonly { text: string; score: number }[], max: number, className: string): string {
  if (words.length === 0 || max === 0) return "";
  const top = [...words].sort((a, b) => b.score - a.score).slice(0, max);
  return `<ul class="gw-chips ${className}">${top
    .map((word) => `<li title="score ${escapeHtml(String(Math.round(word.score * 1000) / 1000))}">${escapeHtml(word.text)}</li>`)
    .join("")}</ul>`;
}

function header(doc: Doc, options: RenderOptions): string {
  const parts: string[] = [];
  if (options.caption !== undefined) parts.push(`<div class="gw-caption">${escapeHtml(options.caption)}</div>`);
  if (doc.page?.title) parts.push(`<h1 class="gw-title">${escapeHtml(doc.page.title.text)}</h1>`);
  const meta = [doc.page?.publishedAt, doc.page?.source, doc.meeting?.meeting?.name].filter((value) => value !== undefined);
  if (meta.length > 0) parts.push(`<p class="gw-meta">${meta.map((value) => escapeHtml(String(value))).join(" · ")}</p>`);
  if (doc.summary?.text) {
    parts.push(`<section class="gw-summary"><h2>Summary</h2><p>${escapeHtml(doc.summary.text)}</p></section>`);
  }
  const max = options.maxKeywords ?? DEFAULT_MAX_KEYWORDS;
  parts.push(chips(doc.keywords ?? [], max, "gw-keywords"), chips(doc.phrases ?? [], max, "gw-phrases"));
  const types = [...new Set((doc.entities ?? []).map((entity) => entity.type))].sort();
  if (types.length > 0) {
    parts.push(
      `<div class="gw-legend">${types.map((type) => `<span class="${typeClass(type)}">${escapeHtml(type)}</span>`).join("")}</div>`,
    );
  }
  return `<header class="gw-head">${parts.join("")}</header>`;
}

/**
 * The head and tail of a complete HTML page; batch output streams fragments between them.
 *
 * @example
 * const [head, tail] = pageFrame("review");
 * const page = head + docs.map((doc) => render(doc)).join("") + tail;
 */
export function pageFrame(title: string): [head: string, tail: string] {
  return [
    `<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n`,
    "</body></html>\n",
  ];
}

/**
 * Renders a Doc as HTML: summary and keywords on top, the text with entities highlighted by type (details on
 * hover), noise and spam greyed and labelled, and the enumerations as a nested outline linked to their markers.
 *
 * @example
 * const html = render(analyze(text));          // a fragment for a notebook cell or a review page
 * writeFileSync("doc.html", render(analyze(text), { page: true }));
 */
export function render(doc: Doc, options?: RenderOptions): string {
  const parsed = parseOptions(RenderOptionsSchema, options, "render options");
  if (typeof doc !== "object" || doc === null || typeof doc.text !== "string") {
    throw new GongwenError("INVALID_INPUT", "render() expects a Doc");
  }
  const prefix = idPrefix(doc.text);
  const tree = enumerationTags(doc).outline;
  const nav = tree.length > 0 ? `<nav class="gw-outline"><h2>Outline</h2>${outlineHtml(tree, prefix)}</nav>` : "";
  const fragment =
    `<div class="gw-doc"><style>${CSS}</style>${header(doc, parsed)}` +
    `<div class="gw-body"><div class="gw-text">${annotate(doc.text, marksOf(doc, prefix))}</div>${nav}</div></div>`;
  if (!parsed.page) return fragment;
  const [head, tail] = pageFrame(doc.page?.title?.text ?? parsed.caption ?? "gongwen");
  return head + fragment + tail;
}
