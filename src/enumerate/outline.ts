/**
 * `outline`: the nested structure of a document's enumerations as plain text lines (ordinal, heading, first
 * clause), for a CMS teaser or a notebook.
 */
import { parseObject } from "../core/options.js";
import type { Doc, Enumeration, ListItem } from "../core/schema.js";

/** First clauses longer than this are cut with an ellipsis. */
const MAX_CLAUSE = 40;
const CLAUSE_ENDS = new Set([..."，,。；;：:！？!?\n\r"]);
const SEPARATORS = new Set([..."，,、：:．. \t\u3000\n\r"]);

/** The first clause of `text` (an item's) after `from`, on the same line after a heading. */
function firstClause(text: string, from: number, sameLine: boolean): string {
  let i = from;
  while (i < text.length && SEPARATORS.has(text[i]!) && !(sameLine && text[i] === "\n")) i++;
  let j = i;
  while (j < text.length && !CLAUSE_ENDS.has(text[j]!)) j++;
  const clause = text.slice(i, j).trim();
  return clause.length > MAX_CLAUSE ? `${clause.slice(0, MAX_CLAUSE)}…` : clause;
}

/**
 * An item's title: its heading and first clause, as the outline shows it.
 *
 * @example
 * const [list] = enumerations("要求：一是精心谋划、科学布局，切实形成体系；二是聚焦目标，形成导向。");
 * itemTitle(list.items[0], list.style); // → "精心谋划、科学布局 — 切实形成体系"
 */
export function itemTitle(item: ListItem, style: string): string {
  if (item.normalized !== undefined) return readTitle(item, style);
  // A parallel item's marker is its lead words, part of the clause.
  const afterMarker = style === "parallel" ? 0 : item.marker.end - item.start;
  const heading = item.heading?.text;
  const clause = firstClause(item.text, heading ? item.heading!.end - item.start : afterMarker, !!heading);
  return [heading, clause].filter((part): part is string => !!part).join(" — ");
}

/**
 * The title of an item whose text was read through a view (HTML markup left out): from the text read, where the
 * input's offsets do not apply, the marker and heading found as read.
 */
function readTitle(item: ListItem, style: string): string {
  const read = (span: { text: string; normalized?: string }) => span.normalized ?? span.text;
  const text = read(item);
  const marker = read(item.marker);
  const afterMarker = style === "parallel" ? 0 : text.indexOf(marker) + marker.length;
  const heading = item.heading && read(item.heading);
  const headingAt = heading ? text.indexOf(heading, afterMarker) : -1;
  const clause = firstClause(text, headingAt >= 0 ? headingAt + heading!.length : afterMarker, headingAt >= 0);
  return [headingAt >= 0 ? heading : undefined, clause].filter((part): part is string => !!part).join(" — ");
}

function itemLine(item: ListItem, style: string): string {
  return `${item.ordinal}. ${itemTitle(item, style)}`;
}

function listLine(list: Enumeration): string {
  const facts = [`${list.items.length} items`];
  if (list.declared) {
    const { count, span, matches } = list.declared;
    facts.push(`declared “${span.text}”${count === undefined ? "" : matches ? " (matches)" : ` (says ${count})`}`);
  }
  if (list.problems?.length) facts.push(list.problems.join("; "));
  return `[${list.style}] ${facts.join(", ")}`;
}

function write(lists: readonly Enumeration[], depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  for (const list of lists) {
    lines.push(indent + listLine(list));
    for (const item of list.items) {
      lines.push(`${indent}  ${itemLine(item, list.style)}`);
      write(item.children ?? [], depth + 2, lines);
    }
  }
}

/**
 * The enumerations of a Doc (or a list of them) as an indented plain-text outline: one line per list (style,
 * size, declared count, numbering problems) and one per item (ordinal, heading, first clause).
 *
 * @example
 * outline(enumerations("主要工作重点为：一是精心谋划、科学布局，切实形成体系；二是聚焦目标、对标对表，形成导向。"));
 * // [inline-shi] 2 items
 * //   1. 精心谋划、科学布局 — 切实形成体系
 * //   2. 聚焦目标、对标对表 — 形成导向
 */
export function outline(input: Pick<Doc, "enumerations"> | readonly Enumeration[]): string {
  const lists = Array.isArray(parseObject(input, "outline()")) ? (input as readonly Enumeration[]) : ((input as Doc).enumerations ?? []);
  const lines: string[] = [];
  write(lists, 0, lines);
  return lines.join("\n");
}
