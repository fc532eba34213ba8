/**
 * Issue 9's guarantees for the whole pipeline: adversarial megabyte inputs cost linear time (compared with the
 * same input at 100 KB, never against a wall clock), limits and codes hold, and output is deterministic.
 */
import { describe, expect, it } from "vitest";
import { analyze, createAnalyzer, tag } from "../src/index.js";
import { expectValidDoc } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";

const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

function timed(text: string): number {
  const started = performance.now();
  const doc = analyze(text);
  const elapsed = performance.now() - started;
  expect(doc.tokens.at(-1)?.end).toBe(text.length);
  return elapsed;
}

describe("adversarial inputs scale linearly through analyze()", () => {
  it.each([
    ["repeated enumeration markers", "一是一是二是三是"],
    ["nested brackets and quotes", "（“《【"],
    ["one sentence without punctuation", "全方位推进办学定位发展任务高质量建设"],
    ["a million digits", "7"],
    ["<script> soup", "<script>alert('x')</script><div onload=x>"],
    ["lines of 发布时间:", "发布时间:2023-05-18阅读数:\n"],
    ["a run of surnames", "王"],
  ])("%s: 1 MB costs less than 25× 100 KB", (_name, unit) => {
    timed(repeatTo(unit, 10_000)); // warm the code paths this input takes
    const small = timed(repeatTo(unit, 100_000));
    const large = timed(repeatTo(unit, 1_000_000));
    expect(large / small).toBeLessThan(25);
  }, 180_000);
});

describe("limits", () => {
  it("refuses input over maxInputLength with INPUT_TOO_LARGE before any work", () => {
    const gw = createAnalyzer({ maxInputLength: 1_000 });
    expect(() => gw.analyze("会".repeat(1_001))).toThrow(expect.objectContaining({ code: "INPUT_TOO_LARGE" }));
    expect(gw.analyze("会".repeat(1_000)).text.length).toBe(1_000);
  });
});

describe("determinism", () => {
  it("gives byte-identical JSON for the same input, across analyzers", () => {
    const seed = seedText();
    const first = JSON.stringify(analyze(seed));
    expect(JSON.stringify(analyze(seed))).toBe(first);
    expect(JSON.stringify(createAnalyzer().analyze(seed))).toBe(first);
    expect(JSON.stringify(tag(seed))).toBe(JSON.stringify(tag(seed)));
  });

  it("the seed's full Doc keeps every span contract", () => expectValidDoc(analyze(seedText())));
});
