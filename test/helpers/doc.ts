/** Shared invariants every Doc must satisfy. */
import { expect } from "vitest";
import { DocSchema, type Doc, type Span, type Token } from "../../src/index.js";

/** Every span points at its text, in bounds (plain comparisons: a Doc of 1 MB has hundreds of thousands of spans). */
export function expectSpans(text: string, spans: Iterable<Span>): void {
  for (const span of spans) {
    if (!(span.start >= 0 && span.end >= span.start && span.end <= text.length)) {
      expect.fail(`span ${span.start}-${span.end} is out of bounds of a text of ${text.length}`);
    }
    if (text.slice(span.start, span.end) !== span.text) {
      expect.fail(`span ${span.start}-${span.end} "${span.text}" ≠ "${text.slice(span.start, span.end)}"`);
    }
  }
}

/** Tokens cover the text exactly, in order, none empty. */
export function expectLossless(text: string, tokens: Token[]): void {
  let at = 0;
  for (const token of tokens) {
    if (token.start !== at || token.end <= token.start || text.slice(token.start, token.end) !== token.text) {
      expect.fail(`token ${JSON.stringify(token)} breaks the cover at ${at}`);
    }
    at = token.end;
  }
  expect(at).toBe(text.length);
}

/** Collects every object with numeric start/end and a text anywhere inside `value`. */
export function allSpans(value: unknown, into: Span[] = []): Span[] {
  if (Array.isArray(value)) {
    for (const v of value) allSpans(v, into);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string") into.push(o as Span);
    for (const [key, v] of Object.entries(o)) if (key !== "text") allSpans(v, into);
  }
  return into;
}

/** The Doc passes its own schema, tokens are lossless, and every span anywhere in it points at its text. */
export function expectValidDoc(doc: Doc): void {
  const parsed = DocSchema.safeParse(doc);
  if (!parsed.success) expect.fail(parsed.error.message);
  expectLossless(doc.text, doc.tokens);
  const { text: _text, ...rest } = doc;
  expectSpans(doc.text, allSpans(rest));
}

/** `doc` with a page that says: everything before `articleStart` is a spam banner, the rest the article. */
export function withSpamBanner(doc: Doc, articleStart: number): Doc {
  const { text } = doc;
  return {
    ...doc,
    page: {
      regions: [
        { start: 0, end: articleStart, text: text.slice(0, articleStart), kind: "spam" },
        { start: articleStart, end: text.length, text: text.slice(articleStart), kind: "article" },
      ],
      spam: [],
    },
  };
}

/** What a span shows a user: the text gongwen read there (`normalized`) where it differs from the input slice. */
export const shown = (span: { text: string; normalized?: string }): string => span.normalized ?? span.text;

/**
 * Every text a Doc shows a user: keywords, phrases, the summary and its sentences, entities, the page title and the
 * brief's chair, people, decisions and speakers (no markup or injected pinyin may reach any of them).
 */
export function shownTexts(doc: Doc): string[] {
  const brief = doc.meeting;
  return [
    ...(doc.keywords ?? []).map((k) => k.text),
    ...(doc.phrases ?? []).map((k) => k.text),
    doc.summary?.text ?? "",
    ...(doc.summary?.spans ?? []).map(shown),
    ...(doc.entities ?? []).map(shown),
    ...(doc.page?.title ? [shown(doc.page.title)] : []),
    ...(brief
      ? [
          brief.chair?.name ?? "",
          ...[brief.participants, brief.attendees, brief.decisions].flat().map(shown),
          ...brief.statements.map((s) => s.speaker),
        ]
      : []),
  ];
}
