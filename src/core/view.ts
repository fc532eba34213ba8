/**
 * The text view: the string the stages analyse and an exact map from its indices to the input's. Today every
 * view is the identity (the stages read the input as given); a view that drops HTML or maps traditional characters
 * supplies `starts`/`ends`, and `mapDoc` moves every span of a Doc back onto the input, once, after the stages.
 */
import type { Doc } from "./schema.js";

/** The text the stages read, over the caller's input. */
export interface TextView {
  /** The caller's string: every span of the finished Doc points into it. */
  readonly input: string;
  /** What the stages analyse. */
  readonly text: string;
  /**
   * `starts[i]`: the input index where view character i starts (`starts[text.length] === input.length`);
   * `ends[i]`: the input index where it ends. Both absent for the identity.
   */
  readonly starts?: Int32Array;
  readonly ends?: Int32Array;
}

/** The view of a clean input: the input itself. */
export const identityView = (input: string): TextView => ({ input, text: input });

/** The input index of a span start at view index `i`. */
export const inputStart = (view: TextView, i: number): number => (view.starts ? view.starts[i]! : i);

/** The input index of a span end at view index `i` (just after view character i − 1). */
export const inputEnd = (view: TextView, i: number): number => (!view.ends ? i : i === 0 ? inputStart(view, 0) : view.ends[i - 1]!);

/** A span-shaped object: numeric `start` and `end`, a `text` when it carries one. */
interface SpanLike {
  start: number;
  end: number;
  text?: unknown;
}

const isSpan = (value: object): value is SpanLike =>
  typeof (value as SpanLike).start === "number" && typeof (value as SpanLike).end === "number";

/** A copy of `value` with every span in it moved onto the input (its `text` re-read from the input). */
function mapValue(view: TextView, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => mapValue(view, item));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = mapValue(view, item);
  if (isSpan(value)) {
    const start = inputStart(view, value.start);
    const end = inputEnd(view, value.end);
    out.start = start;
    out.end = end;
    if (typeof value.text === "string") out.text = view.input.slice(start, end);
  }
  return out;
}

/** The Doc the stages made over `view.text`, with `text` the input and every span an index range of the input. */
export function mapDoc(view: TextView, doc: Doc): Doc {
  if (!view.starts) return doc;
  return { ...(mapValue(view, doc) as Doc), text: view.input };
}
