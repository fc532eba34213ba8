/**
 * The text view: the string the stages analyse and an exact map from its indices to the input's. A clean input is
 * its own view (the identity); the input readers (src/input/) build views that drop HTML markup, map traditional
 * characters to simplified ones or leave injected pollution out, each a {@link ViewStep} over the text before it,
 * composed into one view. `mapDoc` moves every span of a Doc back onto the input, once, after the stages.
 */
import type { Doc, Token } from "./schema.js";

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

/** A text made from another (its source) with, for each character, the source range it came from. */
export interface ViewStep {
  readonly text: string;
  /** `starts[i]`/`ends[i]`: the source range of character i; `starts[text.length]` is the source's length. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * Builds a {@link ViewStep} over `source` left to right: `keep` copies source characters as they are, `put` writes
 * other text standing for a source range (an entity `&amp;` as `&`, a tag as a line break, 國 as 国).
 */
export class ViewBuilder {
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;

  constructor(private readonly source: string) {
    this.starts = new Int32Array(Math.max(16, source.length + 1));
    this.ends = new Int32Array(this.starts.length);
  }

  /** Copies `source.slice(from, to)`, each character mapped to itself. */
  keep(from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      this.starts[this.length] = i;
      this.ends[this.length++] = i + 1;
    }
    this.parts.push(this.source.slice(from, to));
  }

  /** Writes `text` for the source range [from, to): each of its characters maps to the whole range. */
  put(text: string, from: number, to: number): void {
    if (text.length === 0) return;
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) {
      this.starts[this.length] = from;
      this.ends[this.length++] = to;
    }
    this.parts.push(text);
  }

  /** The step built so far; the source's end closes the map. */
  finish(): ViewStep {
    this.reserve(1);
    this.starts[this.length] = this.source.length;
    return { text: this.parts.join(""), starts: this.starts.slice(0, this.length + 1), ends: this.ends.slice(0, this.length) };
  }

  /** Grows the maps (a step may be longer than its source, e.g. a tag written as two line breaks). */
  private reserve(more: number): void {
    const needed = this.length + more + 1;
    if (needed <= this.starts.length) return;
    const size = Math.max(needed, this.starts.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

/** `view` followed by `step` (a step over `view.text`): one view from the input to `step.text`. */
export function composeView(view: TextView, step: ViewStep): TextView {
  const starts = new Int32Array(step.starts.length);
  const ends = new Int32Array(step.ends.length);
  for (let i = 0; i < step.ends.length; i++) {
    starts[i] = inputStart(view, step.starts[i]!);
    // a character written for an empty source range (e.g. a break between two blocks) ends where it starts
    ends[i] = step.ends[i]! > step.starts[i]! ? inputEnd(view, step.ends[i]!) : starts[i]!;
  }
  starts[step.ends.length] = view.input.length;
  return { input: view.input, text: step.text, starts, ends };
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

/**
 * A copy of `value` with every span in it moved onto the input: its `text` re-read from the input, and the text the
 * stages read kept as `normalized` where the two differ (李克強 read as 李克强, `<b>雷</b>承锋` as 雷承锋).
 */
function mapValue(view: TextView, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => mapValue(view, item));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = mapValue(view, item);
  if (isSpan(value)) {
    const start = inputStart(view, value.start);
    const end = value.end > value.start ? inputEnd(view, value.end) : start;
    out.start = start;
    out.end = end;
    if (typeof value.text === "string") {
      out.text = view.input.slice(start, end);
      // a stage's own reading (a padded name 冯 艳 read 冯艳) is more normalised than the view's text: keep it
      if (out.text !== value.text && out.normalized === undefined) out.normalized = value.text;
    }
  }
  return out;
}

/**
 * `tokens` (mapped onto the input, in order) with a `skipped` token for each stretch of input no token covers (the
 * markup or pollution the view left out), so that tokens still concatenate back to the input.
 */
function coverInput(input: string, tokens: readonly Token[]): Token[] {
  const covered: Token[] = [];
  let at = 0;
  const skip = (end: number) => {
    if (end > at) covered.push({ start: at, end, text: input.slice(at, end), pos: "x", kind: "skipped" });
  };
  for (const token of tokens) {
    skip(token.start);
    covered.push(token);
    at = Math.max(at, token.end);
  }
  skip(input.length);
  return covered;
}

/** The Doc the stages made over `view.text`, with `text` the input and every span an index range of the input. */
export function mapDoc(view: TextView, doc: Doc): Doc {
  if (!view.starts) return doc;
  const mapped = mapValue(view, doc) as Doc;
  return { ...mapped, text: view.input, tokens: coverInput(view.input, mapped.tokens) };
}
