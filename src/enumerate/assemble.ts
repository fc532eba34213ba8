/**
 * Assembly: markers → runs (one style, rising numbers) → nesting (GB/T 9704 levels, then inline lists inside the
 * item they occur in) → item spans, headings and numbering problems.
 *
 * Levels are placed from the highest (第X章) down, so when an item is placed every possible parent already has its
 * final span; a run whose items fall under different parents is split there (numbering that runs on across
 * sections), and each piece keeps the numbers it shows.
 */
import type { Enumeration, ListItem, Span } from "../core/schema.js";
import { type Layout } from "./layout.js";
import { countBelow } from "../core/spans.js";
import { isBlank } from "../core/text.js";
import { bulletBefore, INLINE_STYLES, STYLE_RANK, type EnumerationStyle, type Marker, type MarkerStyle } from "./markers.js";

/** A proposed item: a numbered marker, or the lead words of a parallel clause (which brings its own end). */
export interface Entry {
  style: EnumerationStyle;
  /** Level in the outline ({@link rankOf}): a smaller number is a higher level. */
  rank: number;
  ordinal: number;
  start: number;
  markerEnd: number;
  lineStart: boolean;
  /** Where the item ends when the proposer knows it (parallel clauses). */
  end?: number;
}

/** Entries of one style with rising numbers: a list before it is split by parent. */
export type Run = Entry[];

/** Up to this many missing numbers are read as a gap in one list rather than as a new list. */
const MAX_GAP = 3;
/**
 * An inline list continues over at most this many paragraphs when the next number comes (each 一是… may head
 * several paragraphs of its own), and over fewer when a number is missing or repeated.
 */
const MAX_INLINE_PARAGRAPHS = 16;
const MAX_INLINE_PARAGRAPHS_IRREGULAR = 4;
/** Styles whose item 2 may follow a 首先 that stood for item 1. */
const COUNTED_AFTER_FIRST: ReadonlySet<EnumerationStyle> = new Set(["di", "inline-shi", "inline-yao"]);
/** Earlier runs of a style that a marker may still continue (a stray 一、 must not end the real list). */
const MAX_OPEN_RUNS = 4;
/** A lead phrase longer than this is a sentence, not a heading. */
const MAX_HEADING = 30;
/** A heading line (一、总体要求) is short; a longer line is a run-in paragraph (（一）目标任务。选择…). */
const MAX_HEADING_LINE = 50;

/** Line breaks between an inline marker and its words: one, or two with a blank line between. */
const MAX_BREAKS_AFTER_MARKER = 2;
const FULL_STOPS = new Set([..."。！？!?；;"]);
const COLONS = new Set([..."：:"]);
const HEADING_ENDS = new Set([..."，,。；;：:！？!?\n\r"]);
/** Between a marker and its text: 第一，… / 1．… / （三）\n合理用药. */
const AFTER_MARKER = new Set([..."，,、：:．. \t\u3000\n\r"]);
const CLAUSE_ENDS = new Set([..."，,。；;：:！？!?\n\r"]);
/** After 一、二: what makes it a range of numbers (一、二级 / 一、二、三类 / 一、二等奖). */
const RANGE_ENDS = new Set([..."、级类等档批线产期次号星"]);

/** Points led by a dash, and items whose 、 was stripped, follow each other paragraph by paragraph. */
const MAX_PARAGRAPHS_BETWEEN: Partial<Record<MarkerStyle, number>> = { dash: 1, "cn-bare": 1 };

/**
 * The outline level of a marker: its style's GB/T 9704 level, and for a clause number one step deeper per part
 * (1.1 under 1, 1.1.1 under 1.1).
 */
export function rankOf(marker: Pick<Marker, "style" | "prefix">): number {
  const rank = STYLE_RANK[marker.style];
  if (marker.style !== "decimal" || marker.prefix === undefined) return rank;
  let depth = 0;
  for (const c of marker.prefix) if (c === ".") depth++;
  return rank + depth / 10;
}

/** Runs are kept apart by style, and clause numbers by the number they divide (1.1, 1.2 apart from 2.1, 2.2). */
const runKey = (marker: Marker) => (marker.prefix === undefined ? marker.style : `${marker.style} ${marker.prefix}`);

/** Whether the words after an inline marker make an item (一是一，二是二 says nothing). */
function plausible(marker: Marker, text: string): boolean {
  let i = marker.end;
  if (marker.style === "cn-dun") {
    // 一、二级医院 / 一、二、三类: a range of numbers, not a heading (一、一年来工作回顾 is one).
    return !(/[一二三四五六七八九十]/.test(text[i] ?? "") && RANGE_ENDS.has(text[i + 1] ?? ""));
  }
  if (!INLINE_STYLES.has(marker.style)) return true;
  // The words may start on the next line: a page or a typesetter breaks the line after 一是 (一是\n按照…).
  let breaks = 0;
  while (i < text.length && AFTER_MARKER.has(text[i]!) && (text[i] !== "\n" || ++breaks <= MAX_BREAKS_AFTER_MARKER)) i++;
  let n = 0;
  while (i < text.length && n < 2 && !CLAUSE_ENDS.has(text[i]!)) {
    i++;
    n++;
  }
  return n >= 2;
}

/**
 * Numbered inline styles, and the ——-led points that spell out a paragraph, whose first item is a list when the
 * text is cut inside it (the second never came).
 */
const LONE_WHEN_CUT: ReadonlySet<EnumerationStyle> = new Set(["inline-shi", "inline-yao", "di", "dash"]);
/**
 * So is a heading run on right after the count that announces its list: a speech announces its parts and starts
 * the first in the same paragraph (再讲三点意见。一、明确目标任务…), and an excerpt cut inside that part shows only 一、.
 */
const loneWhenCut = (entry: Entry, options: AssembleOptions) =>
  LONE_WHEN_CUT.has(entry.style) || (!INLINE_STYLES.has(entry.style) && options.announced?.(entry.start) === true);

/**
 * Groups markers into runs: a marker continues a recent run of its style when its number comes next (or after a
 * short gap, or repeated); a lone marker is dropped, unless it is a heading (kept for the outline to confirm) or
 * the text is cut inside its item.
 *
 * @example
 * const text = "一是加强领导；二是完善制度。一是统一思想。";
 * groupRuns(scanMarkers(text), layoutOf(text, splitSentences(text)), { rangeEnd: () => text.length }).map((run) => run.length); // → [2]
 */
export function groupRuns(markers: readonly Marker[], layout: Layout, options: AssembleOptions): Run[] {
  const runs: Run[] = [];
  const open = new Map<string, Run[]>();
  for (const marker of markers) {
    if (!plausible(marker, layout.text)) continue;
    const key = runKey(marker);
    const recent = open.get(key) ?? [];
    const inline = INLINE_STYLES.has(marker.style);
    const reach = MAX_PARAGRAPHS_BETWEEN[marker.style] ?? MAX_INLINE_PARAGRAPHS;
    const near = (run: Run, paragraphs = reach) =>
      !inline || layout.paragraph(marker.start) - layout.paragraph(run.at(-1)!.start) <= Math.min(paragraphs, reach);
    const last = recent.at(-1);
    let ordinal = marker.ordinal;
    if (marker.style === "sequence" && ordinal !== 1) {
      // 其次/再次/然后/最后 only continue an open 首先… sequence.
      if (!last || !near(last) || (ordinal !== 0 && ordinal !== last.at(-1)!.ordinal + 1)) continue;
      ordinal = last.at(-1)!.ordinal + 1;
    }
    // Dash points carry no number: each continues the points of the paragraph before.
    if (marker.style === "dash") ordinal = last && near(last) ? last.at(-1)!.ordinal + 1 : 1;
    const sequence = open.get("sequence")?.at(-1);
    if (marker.style === "di" && sequence && continuesSequence(sequence, ordinal, recent) && near(sequence, MAX_INLINE_PARAGRAPHS_IRREGULAR)) {
      // 首先…其次…第三…第四: a speech that opened with 首先/其次 goes on counting with 第三 in the same list.
      sequence.push({ style: "sequence", rank: STYLE_RANK.sequence, ordinal, start: marker.start, markerEnd: marker.end, lineStart: marker.lineStart });
      continue;
    }
    let target: Run | undefined;
    if (ordinal !== 1) {
      for (let k = recent.length - 1; k >= 0 && !target; k--) {
        const run = recent[k]!;
        if (run.at(-1)!.ordinal + 1 === ordinal && near(run)) target = run;
      }
      const previous = last?.at(-1)?.ordinal;
      const irregular = previous !== undefined && ordinal >= previous && ordinal <= previous + MAX_GAP;
      if (!target && last && irregular && near(last, MAX_INLINE_PARAGRAPHS_IRREGULAR) && marker.style !== "cn-bare") {
        target = last; // a gap or a repeat, reported on the list
      }
    }
    // A bare numeral is a word (四川, 三江源) unless it counts 一, 二, 三 in order.
    if (!target && marker.style === "cn-bare" && ordinal !== 1) continue;
    if (!target) {
      target = [];
      // 首先，…第二，…第三 / 首先要…二要…: a speech opens with 首先 and goes on counting; 首先 is item 1.
      const sequences = open.get("sequence");
      const opener = sequences?.at(-1);
      if (COUNTED_AFTER_FIRST.has(marker.style) && ordinal === 2 && opener?.length === 1 && near(opener, MAX_INLINE_PARAGRAPHS_IRREGULAR)) {
        target.push({ ...opener[0]!, style: marker.style, rank: STYLE_RANK[marker.style] });
        sequences!.pop(); // the 首先 run is used up (left empty, it is dropped with the lone markers)
        opener.pop();
      }
      runs.push(target);
      recent.push(target);
      if (recent.length > MAX_OPEN_RUNS) recent.shift();
      open.set(key, recent);
    }
    target.push({ style: marker.style, rank: rankOf(marker), ordinal, start: marker.start, markerEnd: marker.end, lineStart: marker.lineStart });
  }
  // A lone inline marker is not a list (a lone 一是), unless the text stops inside its item; a lone heading (一、 at
  // the start of a line) is kept for now and stays only where the outline shows it is structure (pruneLoneHeadings).
  return runs.filter((run) => {
    if (run.length >= 2) return !narratesOrder(run, layout.text);
    const [entry] = run;
    if (!entry) return false; // a 首先 that became item 1 of a 第二… list
    if (entry.lineStart && !INLINE_STYLES.has(entry.style)) return true;
    const cut = entry.ordinal === 1 && loneWhenCut(entry, options) ? cutInItsParagraph(entry, layout, options) : undefined;
    if (cut === undefined || (entry.style === "dash" && !leadsWithSentence(entry, cut, layout.text))) return false;
    entry.end = cut; // the item runs to where the text stops
    return true;
  });
}

/** A sequence of at least 首先, 其次 that `ordinal` continues, where no 第… list of the same count is open to take it. */
function continuesSequence(sequence: Run, ordinal: number, recent: readonly Run[]): boolean {
  return sequence.length >= 2 && sequence.at(-1)!.ordinal + 1 === ordinal && !recent.some((run) => run.at(-1)!.ordinal + 1 === ordinal);
}

/**
 * A ——-led point opens with a sentence of its own (——政策环境不断优化。…); a dash line without one is an attribution
 * or a subtitle (——习近平 / ——记优秀共产党员张明), however the text ends.
 */
function leadsWithSentence(entry: Entry, end: number, text: string): boolean {
  for (let i = entry.markerEnd; i < end; i++) if (FULL_STOPS.has(text[i]!)) return true;
  return false;
}

/**
 * Where the text stops inside the paragraph of `entry`, if it does: the text (or the range holding it) ends there
 * mid-sentence, or the paragraph ends in the ASCII dots a site appends where it shortened the text (…四项措施:一是...)
 * and page chrome follows, or a preview site's notice follows it ({@link Layout.previewCutAt}). Either way the
 * excerpt was cut inside the item, before its siblings could come.
 */
function cutInItsParagraph(entry: Entry, layout: Layout, options: AssembleOptions): number | undefined {
  const end = options.rangeEnd(entry.start);
  if (end > entry.markerEnd && layout.cutAt(end) && layout.paragraph(end - 1) === layout.paragraph(entry.start)) return end;
  const paragraphEnd = layout.trimEnd(entry.markerEnd, Math.min(end, layout.paragraphEnd(entry.start)));
  const cut = layout.text.endsWith("...", paragraphEnd) || layout.previewCutAt(paragraphEnd);
  return paragraphEnd > entry.markerEnd && cut ? paragraphEnd : undefined;
}

/**
 * 首先…最后 with nothing counted between tells the order of a meeting's proceedings (首先由…汇报；…；最后，…讲话),
 * not a list: an enumeration by sequence words counts on with 其次/再次.
 */
function narratesOrder(run: Run, text: string): boolean {
  if (run[0]!.style !== "sequence" || run.length !== 2) return false;
  const second = text.slice(run[1]!.start, run[1]!.markerEnd);
  return second === "最后" || second === "然后";
}

/** An item while the tree is built. */
interface Node {
  entry: Entry;
  /** Position in its list. */
  index: number;
  end: number;
  parent: Node | undefined;
  list: Piece;
  children: Piece[];
}
/** A run's items under one parent: one output list. */
interface Piece {
  style: EnumerationStyle;
  nodes: Node[];
  parent: Node | undefined;
  /** The number the list should start at: 1, or the next after the previous piece of its run. */
  expectedFirst: number;
  /** Its run has a single marker (a heading with no numbered sibling). */
  lone: boolean;
  /** A lone item that runs to where the text stops mid-sentence: a level cut after its first item. */
  cut?: boolean;
  /** A lone item whose line names it after the number (第一章 总则): a heading, not a stray number. */
  named?: boolean;
}

/** Every proposed entry, sorted by start. */
interface PlaceContext {
  entries: readonly Entry[];
}

/** The deepest placed item whose span contains `pos`. */
function container(placed: readonly Node[], pos: number): Node | undefined {
  let node: Node | undefined = placed[countBelow(placed, pos, (n) => n.entry.start) - 1];
  while (node && node.end <= pos) node = node.parent;
  return node;
}

/**
 * Where the next entry of the same or a higher level than `entry` starts. The walk passes only lower-level
 * entries, and each entry is passed by at most one walk per level, so all walks together stay linear.
 */
function nextSameOrHigher(entries: readonly Entry[], entry: Entry, textEnd: number): number {
  for (let k = countBelow(entries, entry.start + 1, (e) => e.start); k < entries.length; k++) {
    if (entries[k]!.rank <= entry.rank) return entries[k]!.start;
  }
  return textEnd;
}

/** Merges two lists of nodes sorted by start. */
function merge(a: readonly Node[], b: readonly Node[]): Node[] {
  const out: Node[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.entry.start <= b[j]!.entry.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * The text after a line-initial marker is a short heading line rather than a run-in paragraph. A heading may end
 * in a full stop (（一）指导思想。); after an inline marker it may not (第三，双方引领健康发展。 is a sentence). A
 * line that closes with a full stop after a colon is a lead phrase and its text (1. 培育绿色产业:推动农业绿色发展,…。),
 * a run-in paragraph however short.
 */
function isHeadingLine(entry: Entry, layout: Layout): boolean {
  const end = layout.trimEnd(entry.markerEnd, layout.lineEnd(entry.start));
  if (end - entry.markerEnd > MAX_HEADING_LINE) return false;
  const closed = FULL_STOPS.has(layout.text[end - 1]!);
  const last = INLINE_STYLES.has(entry.style) ? end : end - 1;
  for (let i = entry.markerEnd; i < last; i++) {
    if (FULL_STOPS.has(layout.text[i]!) || (closed && COLONS.has(layout.text[i]!))) return false;
  }
  return true;
}

export interface AssembleOptions {
  /**
   * End of the range each position belongs to (the end of the text when no ranges were given), moved back over
   * trailing whitespace.
   */
  rangeEnd(pos: number): number;
  /** Whether a count phrase announces a list right before `pos` (讲三点意见。一、…); see `announcedAt`. */
  announced?(pos: number): boolean;
}

/** Places every run's items in the tree, level by level, and returns the top-level pieces. */
function place(runs: readonly Run[], layout: Layout, options: AssembleOptions): Piece[] {
  const entries = runs.flat().sort((a, b) => a.start - b.start);
  const context: PlaceContext = { entries };
  const ranks = [...new Set(runs.map((run) => run[0]!.rank))].sort((a, b) => a - b);
  let placed: Node[] = [];
  const top: Piece[] = [];
  for (const rank of ranks) {
    const level: Node[] = [];
    for (const run of runs) {
      if (run[0]!.rank !== rank) continue;
      for (const piece of splitByParent(run, placed)) {
        if (!piece.lone && piece.nodes.length < minimumItems(piece.style)) continue;
        (piece.parent ? piece.parent.children : top).push(piece);
        for (const node of piece.nodes) level.push(node);
      }
    }
    for (const node of level) {
      node.end = itemEnd(node, layout, context, options);
      if (node.list.lone) {
        node.list.cut = runsIntoCut(node, layout, options);
        node.list.named = node.entry.lineStart && hasWordsOnLine(node.entry, layout) && isHeadingLine(node.entry, layout);
      }
    }
    placed = merge(placed, level.sort((a, b) => a.entry.start - b.entry.start));
  }
  return top;
}

/**
 * The first item of its level runs to the end of its range, where the text stops mid-sentence (an excerpt cut
 * inside it), to where a preview site cut the text and wrote its notice, or to the cut {@link groupRuns} found in its
 * paragraph. A later item alone (三、 with no 一、 or 二、)
 * is still a stray line.
 */
function runsIntoCut(node: Node, layout: Layout, options: AssembleOptions): boolean {
  if (node.entry.ordinal !== 1) return false;
  if (node.entry.end !== undefined) return node.end === layout.trimEnd(node.entry.start, node.entry.end);
  const end = options.rangeEnd(node.entry.start);
  return (node.end === end && layout.cutAt(end)) || layout.previewCutAt(node.end);
}

/**
 * A regulation divides a 第X章 into 第X条 (章 → 节 → 条 → 款 → 项); the 一、 → （一） → 1. → （1） outline of a notice
 * is another hierarchy, so a lone bare 第一章 over 一、 items is a page's stray chapter line, not their parent. A
 * chapter line that names its chapter (第一章 总则) is its heading all the same: a work rule numbers its provisions
 * 一、二、 through the chapters.
 */
const headsInItsHierarchy = (piece: Piece, child: EnumerationStyle) => piece.style !== "di-zhang" || child === "di-tiao" || piece.named === true;

/**
 * Drops the lone headings that the outline does not confirm. A heading without a numbered sibling is still
 * structure when the GB/T 9704 hierarchy is consistent around it: it heads items of its hierarchy (a notice cut
 * after 一、… （一）… 1. 2.), it runs to where an excerpt stops mid-sentence (cut before its second item came), or
 * it is the single sub-heading of an item whose siblings open with sub-headings of the same style (五、… （一）…
 * under 四、… （一）（二）（三）). Otherwise it is a stray marker.
 */
function pruneLoneHeadings(pieces: readonly Piece[], subHeadings = new Map<Piece, Set<EnumerationStyle>>()): Piece[] {
  /** The styles of the sub-lists (with more than one marker in their run) under the items of `list`. */
  const stylesUnder = (list: Piece) => {
    let styles = subHeadings.get(list);
    if (!styles) {
      styles = new Set(list.nodes.flatMap((node) => node.children.filter((child) => !child.lone).map((child) => child.style)));
      subHeadings.set(list, styles);
    }
    return styles;
  };
  const kept: Piece[] = [];
  for (const piece of pieces) {
    const { children } = piece.nodes[0]!;
    const confirmed =
      !piece.lone ||
      (piece.cut === true && children.every((child) => headsInItsHierarchy(piece, child.style))) ||
      children.some((child) => headsInItsHierarchy(piece, child.style)) ||
      (piece.parent !== undefined && stylesUnder(piece.parent.list).has(piece.style));
    if (confirmed) {
      kept.push(piece);
      for (const node of piece.nodes) node.children = pruneLoneHeadings(node.children, subHeadings);
    } else {
      // What a stray heading held belongs to the level above it.
      for (const child of children) child.parent = piece.parent;
      kept.push(...pruneLoneHeadings(children, subHeadings));
    }
  }
  return kept;
}

/**
 * An inline list needs two items; a parallel series three, and so do bare numerals (一…；二…；三…), whose markers
 * are plain words until three of them count; a heading list may be one piece of a longer run.
 */
const minimumItems = (style: EnumerationStyle) => (style === "parallel" || style === "cn-bare" ? 3 : INLINE_STYLES.has(style) ? 2 : 1);

/** Cuts a run where its items' parent changes; each piece remembers where the previous one stopped. */
function splitByParent(run: Run, placed: readonly Node[]): Piece[] {
  const pieces: Piece[] = [];
  let piece: Piece | undefined;
  for (const entry of run) {
    const parent = container(placed, entry.start);
    if (!piece || piece.parent !== parent) {
      const expectedFirst = piece ? piece.nodes.at(-1)!.entry.ordinal + 1 : 1;
      piece = { style: entry.style, nodes: [], parent, expectedFirst, lone: run.length === 1 };
      pieces.push(piece);
    }
    piece.nodes.push({ entry, index: piece.nodes.length, end: entry.start, parent, list: piece, children: [] });
  }
  return pieces;
}

/**
 * Where an item ends: at the next sibling's marker; the last item at the end of what it heads. A heading line
 * (一、总体要求) heads everything up to the next item of its level or higher, a closing block (注：, 附件, the
 * date) or its parent's end; so does a run-in paragraph (（二）成立联合采购办公室。…) directly followed by items of
 * a lower level (1.监督组。…); any other run-in paragraph ends with its line, and the last inline item as its
 * siblings did ({@link lastInlineEnd}). So does the last section heading (第X章, 一、, 第X条) run on inside a
 * paragraph: a page that flattened a report keeps 一、建设情况…二、宣传发动情况… in one paragraph, and each section
 * holds several sentences; an article (第X条) holds its paragraphs; a lower point run on ((3)坚持…。) is a sentence of
 * the paragraph it stands in, unless it opens with a title of its own ({@link opensWithTitle}).
 */
function itemEnd(node: Node, layout: Layout, context: PlaceContext, options: AssembleOptions): number {
  const { entry } = node;
  const nodes = node.list.nodes;
  const { index } = node;
  const limit = Math.min(node.parent?.end ?? Infinity, options.rangeEnd(entry.start));
  let end: number;
  if (index < nodes.length - 1) {
    const next = nodes[index + 1]!.entry.start;
    const bullet = bulletBefore(layout.text, next);
    end = bullet >= 0 ? bullet : next; // the next item's bullet (• 2. …) is its markup, not this item's words
  }
  else if (entry.end !== undefined) end = entry.end;
  else if (INLINE_STYLES.has(entry.style) && !(entry.lineStart && hasWordsOnLine(entry, layout) && isHeadingLine(entry, layout))) {
    end = lastInlineEnd(node, layout, context);
  } else if (entry.lineStart && oneLineSiblings(node, layout) && !headsLowerItems(entry, layout, context)) {
    end = layout.lineEnd(entry.start); // 8、部署文明创建工作。 after seven 1、…； lines is one line too
  } else if (entry.lineStart && (isArticle(entry) || isHeadingLine(entry, layout) || headsLowerItems(entry, layout, context) || opensCutSection(node, layout, options))) {
    end = Math.min(nextSameOrHigher(context.entries, entry, layout.text.length), layout.nextClosing(layout.lineEnd(entry.start) + 1));
    if (index === nodes.length - 1) end = Math.min(end, unnumberedHeadingAfter(entry, layout, context));
  } else if (entry.lineStart) end = runInLineEnd(entry, layout, context);
  else if (entry.rank <= STYLE_RANK["di-tiao"]) end = lastInlineEnd(node, layout, context);
  else if (lostItsBreak(node) && opensWithTitle(entry, layout)) end = Math.min(layout.paragraphEnd(entry.start), nextSameOrHigher(context.entries, entry, layout.text.length));
  else end = layout.sentenceEnd(entry.markerEnd);
  // Nothing of the closing block (特此通知, 附件, the signature) is the last item's, even where a flattened page ran
  // it on in the item's line.
  if (index === nodes.length - 1) end = Math.min(end, layout.nextClosing(entry.markerEnd));
  const trimmed = layout.trimEnd(entry.start, Math.min(end, limit));
  return index === nodes.length - 1 ? layout.trimEnd(entry.start, withoutCredit(layout.text, entry.markerEnd, withoutBorder(layout, entry.markerEnd, trimmed))) : trimmed;
}

/** A page stored from a table keeps the cell's border after its text (…扩大宣传效果。 (责任编辑:admin) |): not words. */
function withoutBorder(layout: Layout, from: number, end: number): number {
  while (end > from && layout.text[end - 1] === "|") end = layout.trimEnd(from, end - 1);
  return end;
}

/**
 * The unnumbered heading line that closes the section of a last item (结论 / 六条关于党的生活与纪律), unless the
 * numbering goes on inside the section after it, with the list's next number or a lower level: a line such as
 * 个人在线支付操作流程 before (2) is a label inside the item.
 */
function unnumberedHeadingAfter(entry: Entry, layout: Layout, context: PlaceContext): number {
  const at = layout.nextUnnumberedHeading(layout.lineEnd(entry.start) + 1);
  const next = context.entries[countBelow(context.entries, at, (e) => e.start)];
  const inside = next !== undefined && (next.rank > entry.rank || (next.style === entry.style && next.ordinal === entry.ordinal + 1));
  return inside ? layout.text.length : at;
}

/** Every earlier item of the list opens a line of its own: this one, run on, lost its line break. */
const lostItsBreak = (node: Node) => node.index > 0 && node.list.nodes.slice(0, node.index).every((sibling) => sibling.entry.lineStart);

/**
 * A run-in heading in the GB/T 9704 manner: the marker, a title closed by a full stop, and the body after it in the
 * same paragraph (（三）及时记录总结。各党支部要…). Where its siblings open lines of their own and a page ran this one on
 * after the paragraph before, it holds the rest of that paragraph as they hold theirs; points run on one after
 * another ((1)…。(2)…。(3)坚持依法监管。今年…) are a sentence each.
 */
function opensWithTitle(entry: Entry, layout: Layout): boolean {
  const { text } = layout;
  const start = wordsStart(entry, layout);
  for (let i = start; i < text.length && i - start <= MAX_HEADING; i++) {
    if (text[i] === "。") return i > start;
    if (HEADING_ENDS.has(text[i]!)) return false;
  }
  return false;
}

/**
 * A regulation's article (第X条) holds its paragraphs (款) up to the next article or chapter, however it opens: the
 * 条 → 款 → 项 layout of legislative drafting, where a 款 is a paragraph without a number of its own.
 */
const isArticle = (entry: Entry) => entry.style === "di-tiao";

/** The longest bracketed credit read (（记者 张三 通讯员 李四）). */
const MAX_CREDIT = 24;
const CREDIT_BREAKS = new Set([..."。！？!?；;，,：:\n"]);

/**
 * A release closes its last paragraph with the reporter's name in brackets after the final full stop (…提供支持。
 * (阮云亮) / （记者 张三）), or the page adds its editor's (…扩大宣传效果。 (责任编辑:admin)): a credit, not the words
 * of the item it follows. A task list names each task's responsible unit the same way (…良好氛围。（农业农村部等负责）),
 * and that is part of the task.
 */
function withoutCredit(text: string, from: number, end: number): number {
  if (text[end - 1] !== ")" && text[end - 1] !== "）") return end;
  for (let i = end - 2; i > from && i >= end - MAX_CREDIT; i--) {
    const c = text[i]!;
    if (c === "(" || c === "（") {
      let before = i - 1;
      while (before > from && text[before] !== "\n" && isBlank(text[before]!)) before--;
      return "。！？!?".includes(text[before]!) && !ASSIGNS.test(text.slice(i + 1, end - 1)) ? i : end;
    }
    // A colon after a credit's label (责任编辑:admin) is part of the credit; any other break makes the brackets a clause's.
    const label = (c === ":" || c === "：") && CREDIT_LABEL.test(text.slice(Math.max(from, i - 4), i));
    if (CREDIT_BREAKS.has(c) && !label) return end;
  }
  return end;
}
/** The labels a page puts before a credit's name. */
const CREDIT_LABEL = /(?:责任编辑|编辑|来源|作者|记者|通讯员|供稿|撰稿|摄影)$/u;
/** The close of a task's bracketed assignment (（省大数据局牵头）, （海关总署负责）). */
const ASSIGNS = /(?:负责|牵头|配合|負責|牽頭)$/u;

/**
 * Where a run-in paragraph that opens at `entry` ends: with its line, unless the line stops mid-sentence and the next
 * one opens no item, as where a copy or a PDF broke a line inside a word (…围绕农业生产新品⏎种推广…).
 */
function runInLineEnd(entry: Entry, layout: Layout, context: PlaceContext): number {
  let end = layout.lineEnd(entry.start);
  while (end < layout.text.length && layout.cutAt(layout.trimEnd(entry.start, end))) {
    const next = context.entries[countBelow(context.entries, end, (e) => e.start)];
    const nextEnd = layout.lineEnd(end + 1);
    if ((next !== undefined && next.start < nextEnd) || nextEnd === end + 1) break; // an item or a blank line
    end = nextEnd;
  }
  return end;
}

/**
 * Every earlier item of the list is one line closed by ；, the way items of an enumeration end until the last closes
 * it with 。 (1、学习文件精神；… 8、部署文明创建工作。): the last, however much like a heading it looks, is one
 * clause like them and heads nothing after it.
 */
function oneLineSiblings(node: Node, layout: Layout): boolean {
  const { nodes } = node.list;
  if (node.index === 0) return false;
  for (let k = 0; k < node.index; k++) {
    const start = nodes[k]!.entry.start;
    if (layout.paragraph(nodes[k + 1]!.entry.start) - layout.paragraph(start) !== 1) return false;
    const last = layout.text[layout.trimEnd(start, layout.lineEnd(start)) - 1];
    if (last !== "；" && last !== ";") return false;
  }
  return true;
}

/**
 * A first section whose excerpt stops mid-sentence before any second came: the line it opens is the section's
 * heading, however long (a speech heads its parts with whole statements, 一、形势严峻,我们…紧迫感和使命感, and no full
 * stop), and the section runs over the paragraphs after it to the cut.
 */
const opensCutSection = (node: Node, layout: Layout, options: AssembleOptions) =>
  node.list.lone === true && node.entry.ordinal === 1 && layout.cutAt(options.rangeEnd(node.entry.start));

/** Where an item's words begin: after the marker and what separates it from them, line breaks included (一是\n按照…). */
function wordsStart(entry: Entry, layout: Layout): number {
  let i = entry.markerEnd;
  while (i < layout.text.length && AFTER_MARKER.has(layout.text[i]!)) i++;
  return i;
}

const hasWordsOnLine = (entry: Entry, layout: Layout) => wordsStart(entry, layout) < layout.lineEnd(entry.start);

/**
 * The end of the last item of an inline list (一是…二是…), which no next marker bounds. The items of one list are
 * built alike, so the last runs as its siblings did: one sentence when each sibling is one sentence; the rest of its
 * paragraph when a sibling goes on after its lead sentence (三是组织上热情关怀。要关注…); as many paragraphs as the
 * longest sibling when they all open paragraphs of their own. It never runs past the next marker of its level or
 * higher, or the closing block.
 */
function lastInlineEnd(node: Node, layout: Layout, context: PlaceContext): number {
  const { entry } = node;
  const words = wordsStart(entry, layout);
  const siblings = node.list.nodes.slice(0, -1).map((sibling, k) => {
    const start = wordsStart(sibling.entry, layout);
    return { start, end: layout.trimEnd(start, node.list.nodes[k + 1]!.entry.start) };
  });
  const paragraphs = Math.max(0, ...siblings.map((s) => layout.paragraph(Math.max(s.start, s.end - 1)) - layout.paragraph(s.start)));
  // Only items that open their own paragraphs (一是… at the start of a line) run over the paragraphs after them; a
  // run-in sibling that crosses a break (a page's <!--more--> split) says nothing about the paragraphs that follow.
  const ownParagraphs = entry.lineStart && node.list.nodes.every((sibling) => sibling.entry.lineStart);
  // Items that each open a paragraph and fill it (一是加强领导。⏎二是…) are their paragraphs: the last is all of its
  // own, however many sentences it holds; items closed by ； are one clause each (一是…；⏎二是…；⏎三是…。).
  const wholeParagraphs = ownParagraphs && siblings.every((s) => !CLAUSE_CLOSES.has(layout.text[s.end - 1]!));
  let end: number;
  if (paragraphs > 0 && ownParagraphs) end = nextStatement(words, layout.paragraphEnd(words, paragraphs), layout);
  else if (wholeParagraphs) end = nextStatement(words, layout.paragraphEnd(words), layout);
  else if (paragraphs > 0 || siblings.some((s) => layout.sentenceEnd(s.start) < s.end - 1)) end = nextStatement(words, layout.paragraphEnd(words), layout);
  else end = layout.sentenceEnd(words);
  return Math.min(end, nextSameOrHigher(context.entries, entry, layout.text.length), layout.nextClosing(words));
}

/**
 * Meeting news reports the meeting's acts one after another (会议强调…；会议要求…；会议还研究了其他事项) and a
 * speaker's words by the verb that introduces them (他强调…): a sentence that opens so starts a new statement.
 */
const NEW_STATEMENT = /^(?:会议(?:还|强调|指出|要求|认为|提出|明确|号召|听取|审议|研究|传达|决定|同意|通过)|会上|会后|[他她](?:强调|指出|要求|表示))/u;
const NEW_STATEMENT_REACH = 8;
/** An item closed by one of these is a clause of one enumeration, which its last item closes with 。. */
const CLAUSE_CLOSES = new Set([..."；;，,、"]);

/** Where, after the first sentence at `words` and before `end`, a sentence opens a new statement ({@link NEW_STATEMENT}). */
function nextStatement(words: number, end: number, layout: Layout): number {
  const { text } = layout;
  for (let at = layout.sentenceEnd(words); at < end; ) {
    let next = at;
    while (next < end && /\s/u.test(text[next]!)) next++;
    if (next >= end) break;
    if (NEW_STATEMENT.test(text.slice(next, next + NEW_STATEMENT_REACH))) return layout.trimEnd(words, at);
    const following = layout.sentenceEnd(next);
    if (following <= next) break;
    at = following;
  }
  return end;
}

/**
 * The next paragraph opens with a marker of a lower heading level, or with a dash point (2.科学跨越的基本要求。…
 * ⏎——发展速度要快。: the points spell out the paragraph they follow); not with an inline one such as 一是. So does
 * the heading's own line where its first sub-item follows the heading words (四、 会议要求 1、 各科…): a text taken
 * from a PDF or a flattened page lost the break there, and the items after it belong to the section all the same.
 */
function headsLowerItems(entry: Entry, layout: Layout, context: PlaceContext): boolean {
  const opensLower = (next: Entry | undefined) =>
    next !== undefined && next.lineStart && (!INLINE_STYLES.has(next.style) || next.style === "dash") && next.rank > entry.rank;
  const onLine = context.entries[countBelow(context.entries, entry.markerEnd, (e) => e.start)];
  if (onLine && onLine.start < layout.lineEnd(entry.start) && opensLower(onLine) && onLine.ordinal === 1) return true;
  const next = context.entries[countBelow(context.entries, layout.lineEnd(entry.start), (e) => e.start)];
  return opensLower(next) && layout.paragraph(next!.start) === layout.paragraph(entry.start) + 1;
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** The short lead phrase after the marker (精心谋划、科学布局 / 总体要求), if the item has one. */
function heading(node: Node, layout: Layout): Span | undefined {
  if (node.entry.style === "parallel") return undefined;
  const { text } = layout;
  let i = node.entry.markerEnd;
  while (i < node.end && AFTER_MARKER.has(text[i]!)) i++;
  const start = i;
  while (i < node.end && i - start <= MAX_HEADING && !HEADING_ENDS.has(text[i]!)) i++;
  const end = layout.trimEnd(start, i);
  if (end === start || i - start > MAX_HEADING) return undefined;
  return span(text, start, end);
}

/** Gaps, repeats and a wrong first number, in words. */
function numberingProblems(ordinals: readonly number[], expectedFirst: number): string[] {
  const problems: string[] = [];
  const first = ordinals[0]!;
  if (first !== expectedFirst) {
    problems.push(expectedFirst === 1 ? `starts at ${first}` : `starts at ${first} after ${expectedFirst - 1}`);
  }
  for (let k = 1; k < ordinals.length; k++) {
    const [a, b] = [ordinals[k - 1]!, ordinals[k]!];
    // Runs only take rising or repeated numbers (a lower one starts a new list), so these are the cases.
    if (b === a) problems.push(`repeat of ${b}`);
    else if (b > a + 1) problems.push(b === a + 2 ? `gap: ${a + 1} missing` : `gap: ${a + 1}–${b - 1} missing`);
  }
  return problems;
}

function toEnumeration(piece: Piece, layout: Layout): Enumeration {
  const { text } = layout;
  const items = piece.nodes.map((node): ListItem => {
    const { start, markerEnd, ordinal } = node.entry;
    const item: ListItem = { start, end: node.end, text: text.slice(start, node.end), ordinal, marker: span(text, start, markerEnd) };
    const head = heading(node, layout);
    if (head) item.heading = head;
    // A numbered item is divided only by numbers of a lower level (GB/T 9704 一、→（一）→1.→（1）); a 排比 inside it
    // (一是坚持…，坚持…，坚持…) is the item's own wording, not a list under it.
    const children = piece.style === "parallel" ? node.children : node.children.filter((child) => child.style !== "parallel");
    if (children.length) {
      item.children = children.sort((a, b) => a.nodes[0]!.entry.start - b.nodes[0]!.entry.start).map((child) => toEnumeration(child, layout));
    }
    return item;
  });
  const problems = numberingProblems(
    items.map((item) => item.ordinal),
    piece.expectedFirst,
  );
  const start = items[0]!.start;
  const end = items.at(-1)!.end;
  const list: Enumeration = { start, end, text: text.slice(start, end), style: piece.style, items, complete: problems.length === 0 };
  if (problems.length) list.problems = problems;
  return list;
}

/**
 * Where a text opens with articles (第一条) before any 一、, its 一、 items are the clauses (项) inside an article, the
 * numbering of the older codes (第三条 …分设下列各组：一、政治法律组；二、…), and rank under 第X条 where a notice's
 * outline (一、 sections holding 第X条, as a work rule under 一、总则 does) puts them above it.
 */
function articleClauses(runs: readonly Run[]): readonly Run[] {
  const first = (style: EnumerationStyle) => Math.min(...runs.filter((run) => run[0]!.style === style).map((run) => run[0]!.start));
  if (!(first("di-tiao") < first("cn-dun"))) return runs;
  return runs.map((run) => (run[0]!.style === "cn-dun" ? run.map((entry) => ({ ...entry, rank: ARTICLE_CLAUSE_RANK })) : run));
}
/** Between 第X条 and （一）. */
const ARTICLE_CLAUSE_RANK = (STYLE_RANK["di-tiao"] + STYLE_RANK["cn-paren"]) / 2;

/**
 * Builds the enumeration tree from runs of markers and parallel series: nesting, item spans, headings, numbering
 * problems (declared counts are linked afterwards by `linkDeclared`).
 *
 * @example
 * const text = "一、总体要求\n（一）指导思想。\n（二）基本原则。\n二、主要任务";
 * const layout = layoutOf(text, splitSentences(text));
 * assemble(groupRuns(scanMarkers(text), layout), layout, { rangeEnd: () => text.length })[0].items[0].children?.[0].style;
 * // → "cn-paren"
 */
export function assemble(runs: readonly Run[], layout: Layout, options: AssembleOptions): Enumeration[] {
  const top = pruneLoneHeadings(place(articleClauses(runs), layout, options)).sort((a, b) => a.nodes[0]!.entry.start - b.nodes[0]!.entry.start);
  return top.map((piece) => toEnumeration(piece, layout));
}
