/**
 * Invariants for arbitrary input: segmentation is lossless and every span of a Doc points at its text,
 * whatever the string holds (astral characters, ZWJ emoji, combining marks, lone surrogates, NUL, CR/LF,
 * U+2028, full-width forms, mixed scripts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, createAnalyzer, segment } from "../src/index.js";
import { expectLossless, expectValidDoc } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";

const pieces = [
  "雷承锋", "一是", "二十是", "第二十四", "巡回指导组组长", "3.5%", "１,２００", "2023年", "二〇二三年", "５月", "“", "”", "（", "）",
  "《", "》", "。", "，", ",", ";", ":", "!", "\n", "\r\n", "\u2028", "\u3000", " ", "\t", "\u0000", "\u0007", "\ud800",
  "\udc00", "😀", "👨‍👩‍👧", "e\u0301", "𠀀", "ＡＢＣ", "abc", "Ω", "發展", "發佈時間:", "> ", "①", "1.", "万亿元",
];
const mixedText = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(""));

describe("properties", () => {
  it("segment is lossless for arbitrary strings", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expectLossless(text, segment(text));
        expectLossless(text, segment(text, { mode: "search" }));
      }),
      { numRuns: 400 },
    );
  });

  it("segment is lossless for arbitrary strings with the node-rs engine", () => {
    const nodeRs = createAnalyzer({ engine: "node-rs" });
    fc.assert(
      fc.property(mixedText, (text) => {
        expectLossless(text, nodeRs.segment(text));
        expectLossless(text, nodeRs.segment(text, { mode: "search" }));
      }),
      { numRuns: 400 },
    );
  });

  it("analyze returns a valid Doc for arbitrary strings", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expectValidDoc(analyze(text));
      }),
      { numRuns: 200 },
    );
  });

  it("the seed analyses into a valid Doc", () => {
    const doc = analyze(seedText());
    expectValidDoc(doc);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe("long and adversarial inputs", () => {
  const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
  it.each([
    ["one unbroken run of a surname", "王"],
    ["a million digits", "7"],
    ["repeated 1.", "1."],
    ["repeated 一是", "一是"],
    ["a clause without punctuation", "全方位推进办学定位发展任务高质量建设"],
    ["script soup", "<script>alert(1)</script>"],
  ])("1 MB of %s segments losslessly", (_name, unit) => {
    const text = megabyte(unit);
    expectLossless(text, segment(text));
  });

  it("1 MB of generated mixed text (every piece above, emoji, surrogates, CRLF, NUL) analyses into a valid Doc", () => {
    const parts: string[] = [];
    let length = 0;
    for (let seed = 1; length < 1_000_000; seed++) {
      for (const part of fc.sample(mixedText, { numRuns: 100, seed })) {
        parts.push(part);
        length += part.length;
      }
    }
    const text = parts.join("");
    expectLossless(text, segment(text));
    expectValidDoc(analyze(text));
  });
});
