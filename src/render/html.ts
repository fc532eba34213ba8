/**
 * `render()`: a Doc as self-contained HTML in the spirit of spaCy's displaCy. Inline CSS, no scripts; markup is
 * built only through the `html` template, which escapes every value it is given. The text pane reproduces the
 * input exactly (labels are drawn by CSS from data attributes), so the pane's `textContent` is the original text
 * and every highlight is a span of it.
 */
import { parseOptions } from "../core/options.js";
import { z } from "zod";
import { GongwenError } from "../core/errors.js";
import { DocSchema, EntityTypeSchema, type Doc, type Entity, type EntityType, type MeetingBrief, type PersonRef } from "../core/schema.js";
import { enumerationTags, type OutlineList } from "../tag/index.js";

/** A CSS colour: a name, `#hex` or a colour function; nothing that can end the declaration or load a URL. */
const CssColourSchema = z
  .string()
  .max(100)
  .regex(
    /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgba?|hsla?|hwb|ok(lab|lch)|lab|lch|color|color-mix|var)\([-\w\s.,%/#]*\))$/,
    "a CSS colour such as #aa9cfc, teal or rgb(170 156 252)",
  );

/** Validates {@link RenderOptions} (strict: unknown keys are rejected). */
export const RenderOptionsSchema = z
  .object({
    /** A line above the title (the file name or record id in batch output). */
    caption: z.string().optional(),
    /** Keywords and phrases shown as chips on top (default 12 each). */
    maxKeywords: z.number().int().nonnegative().optional(),
    /** A complete HTML document (`<!doctype html>…`) instead of a fragment for a notebook cell. */
    page: z.boolean().optional(),
    /** Entity types to highlight, like displaCy's `ents` (default: all of them). */
    ents: z.array(EntityTypeSchema).optional(),
    /** Highlight colour by entity type, like displaCy's `colors`, e.g. `{ person: "#ffd6e0" }`. */
    colors: z.partialRecord(EntityTypeSchema, CssColourSchema).optional(),
  })
  .strict();
/**
 * Options of {@link render}: a caption, how many keyword chips, a whole page instead of a fragment, and which entity
 * types to highlight in which colours.
 */
export type RenderOptions = z.infer<typeof RenderOptionsSchema>;

/** The part of a Doc that render() reads, checked before anything is drawn (tokens and sentences are not shown). */
const RenderedDocSchema = DocSchema.pick({
  text: true,
  page: true,
  enumerations: true,
  entities: true,
  keywords: true,
  phrases: true,
  summary: true,
  meeting: true,
});

const DEFAULT_MAX_KEYWORDS = 12;
/** Statements and decisions are whole paragraphs; the brief shows their start (the text pane has the rest). */
const BRIEF_LINE_CHARS = 48;

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

/** Markup that is safe as it is: only the `html` template below (and the constant CSS) makes one. */
class Html {
  constructor(readonly markup: string) {}
}
type Part = Html | string | number | false | undefined | readonly Part[];

const piece = (part: Part): string =>
  part instanceof Html ? part.markup : Array.isArray(part) ? part.map(piece).join("") : part === undefined || part === false ? "" : escapeHtml(String(part));

/** The template with every interpolated value escaped (numbers too: a Doc read back from storage may hold anything). */
function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += piece(parts[i]) + strings[i + 1]!;
  return new Html(out);
}

/** ` name="value"`, or nothing when the value is absent. */
const attr = (name: string, value: string | number | undefined) => (value === undefined ? "" : html` ${name}="${value}"`);

/** Regions shown as greyed noise (everything a CMS would not count as the article). */
const NOISE_KINDS = new Set(["navigation", "metadata", "credits", "footer", "spam"]);

const ENTITY_COLOURS: Record<EntityType, string> = {
  person: "#aa9cfc",
  org: "#7aecec",
  place: "#ff9561",
  date: "#bfe1d9",
  meeting: "#feca74",
  count: "#e4e7d2",
  document: "#c887fb",
  quote: "#f0d0ff",
};

/**
 * The palette as CSS variables: light by default, dark under `prefers-color-scheme: dark`; a notebook's own theme
 * wins (JupyterLab's and VS Code's light or dark, the classic Notebook's light).
 */
const LIGHT = {
  fg: "var(--jp-content-font-color1,#1f2328)",
  muted: "var(--jp-content-font-color2,#57606a)",
  faint: "var(--jp-content-font-color3,#8c959f)",
  bg: "var(--jp-layout-color0,#fff)",
  line: "var(--jp-border-color2,#d0d7de)",
  link: "var(--jp-content-link-color,#0b5394)",
  panel: "#fff8d6",
  accent: "#e6b800",
  chip: "#eaeefb",
  phrase: "#e3f4e8",
  noise: "#f0f1f3",
  spam: "#b42318",
  "spam-bg": "#fde8e8",
};
const DARK: typeof LIGHT = {
  fg: "var(--jp-content-font-color1,#e6edf3)",
  muted: "var(--jp-content-font-color2,#b1bac4)",
  faint: "var(--jp-content-font-color3,#7d8590)",
  bg: "var(--jp-layout-color0,#0d1117)",
  line: "var(--jp-border-color2,#3d444d)",
  link: "var(--jp-content-link-color,#79b8ff)",
  panel: "#2b2612",
  accent: "#d4a72c",
  chip: "#242b3d",
  phrase: "#1d3326",
  noise: "#22262c",
  spam: "#ff8182",
  "spam-bg": "#3b1219",
};
const palette = (colours: typeof LIGHT) =>
  Object.entries(colours)
    .map(([name, value]) => `--gw-${name}:${value}`)
    .join(";");

/** Inner rules are scoped as `div.gw-doc .x`: specific enough to win over a notebook's own (`.jp-RenderedHTMLCommon ul`). */
const S = "div.gw-doc";
const CSS = `
.gw-doc{${palette(LIGHT)}}
@media (prefers-color-scheme:dark){.gw-doc{${palette(DARK)}}}
body[data-jp-theme-light="true"] .gw-doc,body.vscode-light .gw-doc,body.notebook_app .gw-doc{${palette(LIGHT)}}
body[data-jp-theme-light="false"] .gw-doc,body.vscode-dark .gw-doc,body.vscode-high-contrast .gw-doc{${palette(DARK)}}
.gw-doc{${Object.entries(ENTITY_COLOURS)
  .map(([type, colour]) => `--gw-${type}:${colour}`)
  .join(";")}}
.gw-doc{font:15px/1.8 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:var(--gw-fg);background:var(--gw-bg);max-width:1200px;padding:.6em 1em;box-sizing:border-box;text-align:left}
${S} .gw-title{font-size:1.35em;line-height:1.4;margin:.1em 0 .2em;font-weight:bold}
${S} .gw-label{font-size:.8em;line-height:1.5;letter-spacing:.05em;text-transform:uppercase;font-weight:normal;margin:0 0 .2em;color:var(--gw-muted)}
${S} .gw-caption{color:var(--gw-faint);font-size:.85em}${S} .gw-meta{color:var(--gw-muted);font-size:.9em;margin:0 0 .4em}
${S} .gw-summary{background:var(--gw-panel);border-left:4px solid var(--gw-accent);padding:.4em .8em;margin:.4em 0}${S} .gw-summary p{margin:0}
${S} .gw-meeting{border:1px solid var(--gw-line);border-radius:.4em;padding:.4em .8em;margin:.4em 0}
${S} .gw-meeting dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:0}${S} .gw-meeting dt{color:var(--gw-muted);font-weight:normal}${S} .gw-meeting dd{margin:0}
${S} .gw-meeting ol{list-style:decimal;margin:0;padding-left:1.4em}
${S} ul.gw-chips{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:.3em}
${S} .gw-chips li{list-style:none;background:var(--gw-chip);border-radius:1em;padding:0 .7em;font-size:.9em;margin:0}
${S} .gw-chips.gw-phrases li{background:var(--gw-phrase)}
${S} .gw-legend{margin:.3em 0}${S} .gw-legend span{margin-right:.8em;font-size:.85em}
${S} .gw-body{display:flex;gap:1.5em;align-items:flex-start;border-top:1px solid var(--gw-line);padding-top:.5em}
${S} .gw-text{flex:3;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere}
${S} .gw-gap{display:block;height:.5em;overflow:hidden}
${S} .gw-outline{flex:1;min-width:12em;font-size:.9em;line-height:1.5;position:sticky;top:0;max-height:100vh;overflow:auto;border-left:1px solid var(--gw-line);padding-left:1em}
${S} .gw-outline ol{list-style:none;padding-left:1em;margin:0}${S} .gw-outline li{margin:.2em 0}${S} .gw-outline a{color:var(--gw-link);text-decoration:none}
${S} .gw-incomplete{color:var(--gw-spam)}${S} .gw-list-head{color:var(--gw-muted);font-size:.85em;margin-top:.4em}
${S} .gw-ent{padding:.1em .25em;border-radius:.3em;line-height:1;color:#1f2328}
${S} .gw-ent::after{content:attr(data-label);display:inline-block;font-size:.6em;font-weight:bold;text-transform:uppercase;margin-left:.3em;vertical-align:middle;opacity:.7}
${S} .gw-noise{color:var(--gw-faint);background:var(--gw-noise)}
${S} .gw-noise::before{content:"[" attr(data-label) "] ";font-size:.7em}
${S} .gw-spam{color:var(--gw-spam);background:var(--gw-spam-bg);text-decoration:line-through}
${S} .gw-spam::before{content:"[" attr(data-label) "] ";font-size:.7em;text-decoration:none;display:inline-block}
${S} .gw-marker{font-weight:bold;color:var(--gw-link)}
${S} .gw-key{border-bottom:2px solid var(--gw-accent)}
${Object.keys(ENTITY_COLOURS)
  .map((type) => `${S} .gw-ent-${type}{background:var(--gw-${type})}`)
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

const typeClass = (type: EntityType) => `gw-ent gw-ent-${type}`;

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

/**
 * Blank lines between paragraphs: every line break of a run after the first is drawn as one small gap, so a
 * scraped page's runs of empty lines do not open large holes (the text itself is kept, hidden in the gap).
 */
function gapMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const run of text.matchAll(/[^\S\r\n]*(?:\r\n?|\n)(?:[^\S\r\n]*(?:\r\n?|\n))+/g)) {
    const firstBreak = /\r\n?|\n/.exec(run[0])!;
    const start = run.index + firstBreak.index + firstBreak[0].length;
    marks.push({ start, end: run.index + run[0].length, layer: 5, className: "gw-gap" });
  }
  return marks;
}

function marksOf(doc: Doc, prefix: string, ents: ReadonlySet<EntityType>): Mark[] {
  const marks: Mark[] = gapMarks(doc.text);
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
    if (!ents.has(entity.type)) continue;
    marks.push({ start: entity.start, end: entity.end, layer: 4, className: typeClass(entity.type), label: entity.type, title: entityTitle(entity) });
  }
  return marks.filter((mark) => mark.start < mark.end && mark.end <= doc.text.length);
}

/** Outer marks first: earlier start, then longer, then lower layer. */
const outerFirst = (a: Mark, b: Mark) => a.start - b.start || b.end - a.end || a.layer - b.layer;

/**
 * The text with every mark as a properly nested `<span>`. A mark that crosses the end of an enclosing one is
 * closed there and reopened after it (without its id), so overlapping annotations never break the markup.
 */
function annotate(text: string, marks: Mark[]): Html {
  const sorted = [...marks].sort(outerFirst);
  const cuts = [...new Set([0, text.length, ...sorted.flatMap((mark) => [mark.start, mark.end])])].sort((a, b) => a - b);
  const open: Mark[] = [];
  const out: string[] = [];
  const openTag = (mark: Mark, first: boolean) =>
    html`<span class="${mark.className}"${attr("data-label", mark.label)}${attr("title", mark.title)}${first && attr("id", mark.id)}>`.markup;
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
  return new Html(out.join(""));
}

function outlineHtml(lists: readonly OutlineList[], prefix: string): Html {
  return html`${lists.map((list) => {
    const declared = list.declaredCount === undefined ? "" : `, declared ${list.declaredCount}`;
    const status = !list.complete && html` <span class="gw-incomplete">numbering incomplete</span>`;
    const items = list.items.map(
      (item) =>
        html`<li><a href="#${prefix}-${item.start}">${item.marker} ${item.title}</a>${item.children.length > 0 && outlineHtml(item.children, prefix)}</li>`,
    );
    return html`<div class="gw-list-head">${list.style}: ${list.items.length} items${declared}${status}</div><ol>${items}</ol>`;
  })}`;
}

function chips(words: readonly { text: string; score: number }[], max: number, className: string): Html | false {
  const top = [...words].sort((a, b) => b.score - a.score).slice(0, max);
  return top.length > 0 && html`<ul class="gw-chips ${className}">${top.map((word) => html`<li title="score ${Math.round(word.score * 1000) / 1000}">${word.text}</li>`)}</ul>`;
}

/** The start of a long passage, cut at a character boundary, with the whole passage on hover. */
function passage(text: string): Html {
  if (text.length <= BRIEF_LINE_CHARS) return html`${text}`;
  const cut = text.codePointAt(BRIEF_LINE_CHARS - 1)! > 0xffff ? BRIEF_LINE_CHARS + 1 : BRIEF_LINE_CHARS;
  return html`<span title="${text}">${text.slice(0, cut)}…</span>`;
}

const person = (ref: PersonRef) => [ref.name, ref.org ?? "", ref.titles.join("、")].filter((part) => part !== "").join(" ");

/** The meeting brief as a two-column list; rows the report does not fill are left out. */
function meetingHtml(brief: MeetingBrief): Html | false {
  const list = (spans: readonly { text: string }[]) => spans.map((span) => span.text).join("、");
  const numbered = (spans: readonly { text: string }[]) => html`<ol>${spans.map((span) => html`<li>${passage(span.text)}</li>`)}</ol>`;
  const rows: [string, Part][] = [
    ["Meeting", brief.meeting?.name],
    ["Date", brief.date === undefined ? undefined : brief.dateEnd === undefined ? brief.date : `${brief.date} – ${brief.dateEnd}`],
    ["Chair", brief.chair && person(brief.chair)],
    ["Participants", list(brief.participants)],
    ["Attendees", list(brief.attendees)],
    ["On leave", list(brief.onLeave)],
    ["Guests", brief.guests.map(person).join("；")],
    ["Agenda", brief.agenda.length > 0 && numbered(brief.agenda)],
    ["Decisions", brief.decisions.length > 0 && numbered(brief.decisions)],
    [
      "Statements",
      brief.statements.length > 0 &&
        html`<ol>${brief.statements.map((statement) => html`<li><b>${statement.speaker}</b> ${statement.verb}：${passage(statement.span.text)}</li>`)}</ol>`,
    ],
  ];
  const shown = rows.filter(([, value]) => value !== undefined && value !== false && value !== "");
  return shown.length > 0 && html`<section class="gw-meeting"><h2 class="gw-label">Meeting brief</h2><dl>${shown.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl></section>`;
}

function header(doc: Doc, options: RenderOptions, ents: ReadonlySet<EntityType>): Html {
  const max = options.maxKeywords ?? DEFAULT_MAX_KEYWORDS;
  const meta = [doc.page?.publishedAt, doc.page?.source].filter((value) => value !== undefined).join(" · ");
  const types = [...new Set((doc.entities ?? []).map((entity) => entity.type))].filter((type) => ents.has(type)).sort();
  return html`<header class="gw-head">${[
    options.caption !== undefined && html`<div class="gw-caption">${options.caption}</div>`,
    doc.page?.title && html`<h1 class="gw-title">${doc.page.title.text}</h1>`,
    meta !== "" && html`<p class="gw-meta">${meta}</p>`,
    doc.summary?.text && html`<section class="gw-summary"><h2 class="gw-label">Summary</h2><p>${doc.summary.text}</p></section>`,
    doc.meeting && meetingHtml(doc.meeting),
    chips(doc.keywords ?? [], max, "gw-keywords"),
    chips(doc.phrases ?? [], max, "gw-phrases"),
    types.length > 0 && html`<div class="gw-legend">${types.map((type) => html`<span class="${typeClass(type)}">${type}</span>`)}</div>`,
  ]}</header>`;
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
    html`<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>${title}</title></head><body>\n`.markup,
    "</body></html>\n",
  ];
}

/**
 * Renders a Doc as HTML: the summary, meeting brief and keywords on top, the text with entities highlighted by
 * type (details on hover), noise and spam greyed and labelled, and the enumerations as a nested outline linked to
 * their markers. Colours follow the page's light or dark scheme (and JupyterLab's or VS Code's theme). The Doc is
 * checked against {@link DocSchema} first (the fields it shows), so one read back from storage cannot smuggle markup in: a bad one
 * throws `INVALID_INPUT`.
 *
 * @example
 * const html = render(analyze(text));          // a fragment for a notebook cell or a review page
 * render(doc, { ents: ["person", "org"], colors: { person: "#ffd6e0" } });
 * writeFileSync("doc.html", render(analyze(text), { page: true }));
 */
export function render(doc: Doc, options?: RenderOptions): string {
  const parsed = parseOptions(RenderOptionsSchema, options, "render options");
  const checked = RenderedDocSchema.safeParse(doc);
  if (!checked.success) {
    throw new GongwenError("INVALID_INPUT", `render() expects a Doc: ${z.prettifyError(checked.error)}`, { cause: checked.error });
  }
  const ents = new Set(parsed.ents ?? EntityTypeSchema.options);
  const prefix = idPrefix(doc.text);
  const tree = enumerationTags(doc).outline;
  const colours = Object.entries(parsed.colors ?? {})
    .map(([type, colour]) => `--gw-${type}:${colour}`)
    .join(";");
  const fragment = html`<div class="gw-doc"${colours !== "" && attr("style", colours)}><style>${new Html(CSS)}</style>${header(doc, parsed, ents)}<div class="gw-body"><div class="gw-text">${annotate(doc.text, marksOf(doc, prefix, ents))}</div>${
    tree.length > 0 && html`<nav class="gw-outline"><h2 class="gw-label">Outline</h2>${outlineHtml(tree, prefix)}</nav>`
  }</div></div>`.markup;
  if (!parsed.page) return fragment;
  const [head, tail] = pageFrame(doc.page?.title?.text ?? parsed.caption ?? "gongwen");
  return head + fragment + tail;
}
