/**
 * Invariants of keywords and summaries for arbitrary pieces of real text and arbitrary budgets: every span points
 * at its text, summaries stay within their budget, in document order, inside the sentences they name.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { textDoc } from "./helpers/text-doc.js";
import { rankKeywords } from "../src/keywords/index.js";
import { summarizeDoc } from "../src/summarize/rank.js";
import { cosine, forEachSimilarPair, type TermVector } from "../src/summarize/vectors.js";
import { expectSpans } from "./helpers/doc.js";
import { describeWithData, hasData, readData, seedText } from "./helpers/data.js";
import { resourcesWith } from "../src/pipeline.js";

const sources = hasData("policy")
  ? [seedText(), readData("policy/meeting-20231212-central-economic-work-conference.txt"), readData("policy/sd-2019-05-24-5.txt")]
  : [];

/** A slice of a real document, cut anywhere (mid-word, mid-line, even between surrogate halves). */
const slice = () => fc
  .tuple(fc.integer({ min: 0, max: sources.length - 1 }), fc.nat(), fc.integer({ min: 0, max: 3000 }))
  .map(([k, from, length]) => {
    const text = sources[k]!;
    const start = from % text.length;
    return text.slice(start, start + length);
  });

describeWithData("policy", "summary and keyword properties on slices of real text", () => {
  it("summaries are input spans within every budget, in order, inside their sentences", () => {
    fc.assert(
      fc.property(slice(), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 6 }), (text, maxChars, maxSentences) => {
        const doc = textDoc(text);
        const summary = summarizeDoc(doc, { maxChars, maxSentences }, "article", resourcesWith());
        expectSpans(text, summary.spans);
        expect(summary.text.length).toBeLessThanOrEqual(maxChars);
        expect(summary.spans.length).toBeLessThanOrEqual(maxSentences);
        expect(summary.text).toBe(summary.spans.map((s) => s.text).join(""));
        for (let k = 1; k < summary.spans.length; k++) expect(summary.spans[k]!.start).toBeGreaterThanOrEqual(summary.spans[k - 1]!.end);
        summary.spans.forEach((span) => {
          const inside = summary.sentences.some((i) => doc.sentences[i]!.start <= span.start && span.end <= doc.sentences[i]!.end);
          expect(inside).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("keyword and phrase spans point at their text", () => {
    fc.assert(
      fc.property(slice(), (text) => {
        const { keywords, phrases } = rankKeywords(textDoc(text), { topK: 50 });
        for (const keyword of [...keywords, ...phrases]) {
          expect(keyword.spans.length).toBeGreaterThan(0);
          expectSpans(text, keyword.spans);
          for (const span of keyword.spans) expect(span.text).toBe(keyword.text);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** A sparse vector over terms 0…11: distinct ascending ids, weights that may be 0 (a term of IDF 0). */
const termVector = () =>
  fc.dictionary(fc.integer({ min: 0, max: 11 }).map(String), fc.constantFrom(0, 0.5, 1, 2.75, 7.3)).map((entries): TermVector => {
    const ids = Int32Array.from(Object.keys(entries).map(Number)).sort();
    const weights = Float64Array.from(ids, (id) => entries[String(id)]!);
    return { ids, weights, norm: Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) };
  });

it("the inverted-index similarity pairs are exactly the all-pairs cosines that are not 0, in order", () => {
  fc.assert(
    fc.property(fc.array(termVector(), { maxLength: 12 }), (vectors) => {
      const found: [number, number, number][] = [];
      forEachSimilarPair(vectors, 12, (a, b, similarity) => found.push([a, b, similarity]));
      const expected: [number, number, number][] = [];
      for (let a = 0; a < vectors.length; a++) {
        for (let b = a + 1; b < vectors.length; b++) {
          const similarity = cosine(vectors[a]!, vectors[b]!);
          if (similarity !== 0) expected.push([a, b, similarity]);
        }
      }
      expect(found).toEqual(expected);
    }),
  );
});
