/**
 * Enumerated structures: 一是…二十是, 第一/第二, 首先/其次, 一、/（一）/1./（1）/①, 第X章/第X条, nested per GB/T 9704,
 * with declared counts (以下六方面工作, “二十条主要工作重点”) and parallel series (排比).
 */
import { z } from "zod";
import { parseOptions, parseText } from "../core/options.js";
import type { Stage } from "../core/stage.js";
import { type Enumeration, type Span, SpanSchema } from "../core/schema.js";
import { contentRanges } from "../core/spans.js";
import { splitClauses, splitSentences } from "../text/sentences.js";
import { assemble, groupRuns } from "./assemble.js";
import { announcedAt, linkDeclared, scanCounts } from "./declared.js";
import { lastAtOrBefore, layoutOf } from "./layout.js";
import { scanMarkers } from "./markers.js";
import { parallelRuns } from "./parallel.js";

export { outline } from "./outline.js";
export type { EnumerationStyle } from "./markers.js";

/** Options of {@link enumerations}. */
export interface EnumerationOptions {
  /** Look only inside these ranges of the text (e.g. the article of a scraped page); default: all of it. */
  ranges?: readonly { start: number; end: number }[];
  /** The text's sentence spans, when already computed ({@link splitSentences}). */
  sentences?: readonly Span[];
  /** The text's clause spans, when already computed ({@link splitClauses}). */
  clauses?: readonly Span[];
}

type Range = { start: number; end: number };

/** Longest gap between two ranges that may still join them when it holds no words. */
const MAX_WORDLESS_GAP = 8;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Ranges sorted, clipped to the text and merged where they touch, or where only blanks and punctuation lie between
 * them (an article that a page cut around a stray 。 line is one text: its lists run on across the cut).
 */
function normaliseRanges(text: string, ranges: EnumerationOptions["ranges"]): Range[] {
  if (!ranges) return [{ start: 0, end: text.length }];
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    const wordless = last !== undefined && r.start - last.end <= MAX_WORDLESS_GAP && !WORD.test(text.slice(last.end, r.start));
    if (last && (r.start <= last.end || wordless)) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Every enumeration in `text`: numbered lists of each style, nested (一、 → （一） → 1. → （1）, inline lists inside
 * the item they occur in), parallel series (`style: "parallel"`), and declared counts linked to their lists.
 * Offsets are UTF-16 indices into `text`; numbering gaps and repeats are reported in `problems`.
 *
 * @example
 * const [list] = enumerations("重点抓好三件事：一是加强公共卫生体系建设；二是深化医疗改革；三是发展中医药。");
 * list.style;                           // → "inline-shi"
 * list.items.map((i) => i.marker.text); // → ["一是", "二是", "三是"]
 * list.declared?.span.text;             // → "三件事"
 * list.declared?.matches;               // → true
 */
export function enumerations(text: string, options: EnumerationOptions = {}): Enumeration[] {
  return enumerationsIn(parseText(text), parseOptions(EnumerationOptionsSchema, options, "enumeration options"));
}

/** Validates {@link EnumerationOptions} (strict: unknown keys are rejected). */
const EnumerationOptionsSchema: z.ZodType<EnumerationOptions> = z
  .object({
    ranges: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).optional(),
    sentences: z.array(SpanSchema).optional(),
    clauses: z.array(SpanSchema).optional(),
  })
  .strict();

/** The range (sorted and disjoint `ranges`, their `starts`) that holds `[start, end)`, if one does. */
function rangeAt(ranges: readonly Range[], starts: readonly number[], start: number, end: number): Range | undefined {
  const r = ranges[lastAtOrBefore(starts, start)];
  return r && end <= r.end ? r : undefined;
}

/** {@link enumerations} for the stage, whose text and spans are the pipeline's own. */
function enumerationsIn(text: string, options: EnumerationOptions): Enumeration[] {
  const sentences = options.sentences ?? splitSentences(text);
  const clauses = options.clauses ?? splitClauses(text, [...sentences]);
  const ranges = normaliseRanges(text, options.ranges);
  const rangeStarts = ranges.map((r) => r.start);
  const markers = ranges.flatMap((r) => scanMarkers(text, r.start, r.end));
  const parallel = parallelRuns(text, options.ranges ? clauses.filter((clause) => rangeAt(ranges, rangeStarts, clause.start, clause.end)) : clauses);
  // Most texts number nothing: the layout and the closures below are built only for those that do.
  if (markers.length === 0 && parallel.length === 0) return [];
  const layout = layoutOf(text, sentences);
  // Where each range's text stops (trailing blanks dropped once per range, not once per item).
  const trimmedEnds = new Map(ranges.map((r) => [r, layout.trimEnd(r.start, r.end)]));
  const rangeEnd = (pos: number) => {
    const r = rangeAt(ranges, rangeStarts, pos, pos + 1);
    return r ? trimmedEnds.get(r)! : text.length;
  };
  const counts = ranges.flatMap((r) => scanCounts(text, r.start, r.end));
  const announced = announcedAt(counts, layout);
  const lists = assemble([...groupRuns(markers, layout, { rangeEnd, announced }), ...parallel], layout, { rangeEnd });
  linkDeclared(lists, counts, layout);
  return lists;
}

/**
 * Pipeline stage: fills `doc.enumerations` from the text and its sentences; when the page stage ran, only the
 * article and title are read (unless the analyzer's `scope` is `all`).
 */
export const enumerationStage: Stage<"enumerations"> = {
  name: "enumerations",
  reads: ["sentences"],
  readsIfPresent: ["clauses", "page"],
  writes: ["enumerations"],
  run: (doc, context) => ({
    ...doc,
    enumerations: enumerationsIn(doc.text, {
      sentences: doc.sentences,
      ...(doc.clauses ? { clauses: doc.clauses } : {}),
      ...(doc.page ? { ranges: contentRanges(doc, context.config.scope) } : {}),
    }),
  }),
};
