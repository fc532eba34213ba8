/**
 * Issue 9's guarantees for the whole pipeline: adversarial megabyte inputs cost linear time (compared with the
 * same input at 100 KB, never against a wall clock), limits and codes hold, and output is deterministic.
 * Issue 23's shapes reach every stage, the meeting brief included: meeting reports whose lists, decisions and
 * agenda run on (or hold long runs of blanks and commas), rosters of thousands of names, runs of titles, deep outlines.
 */
import { describe, expect, it } from "vitest";
import { analyze, createAnalyzer, DEFAULT_MAX_INPUT_LENGTH, enumerationTags, tag } from "../src/index.js";
import { rosterName, SHAPES } from "./helpers/adversarial.js";
import { growth } from "./helpers/timing.js";
import { expectValidDoc } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";

const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** analyze() and the check that its tokens cover the whole input. */
function analyzeCovering(text: string): void {
  expect(analyze(text).tokens.at(-1)?.end).toBe(text.length);
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
    analyzeCovering(repeatTo(unit, 10_000)); // warm the code paths this input takes
    const { ratio } = growth(analyzeCovering, repeatTo(unit, 100_000), repeatTo(unit, 1_000_000), { rounds: 1, floorMs: 5 });
    expect(ratio).toBeLessThan(25);
  }, 180_000);
});

describe("issue 23's shapes cost linear time through analyze(), meeting brief included", () => {
  const shape = (name: string) => SHAPES.find((s) => s.name === name)!;

  // CPU time (other processes do not inflate it), best of three taken in turns, from a clean heap: linear costs give
  // about 4, a quadratic path 16
  it.each(SHAPES.map((s) => [s.name, s] as const))("%s: 4× the input costs at most 5× the time", (_name, { build }) => {
    const small = build(25_000);
    const large = build(100_000);
    analyze(large); // warm-up: compile the hot paths this shape takes
    expect(growth(analyze, small, large).ratio).toBeLessThan(5);
  }, 180_000);

  it("reads every name of a 100,000-character 治丧委员会 roster as a person, each once", () => {
    const text = shape("roster: 治丧委员会名单").build(100_000);
    const doc = analyze(text);
    expectValidDoc(doc);
    const persons = doc.entities!.filter((e) => e.type === "person").map((e) => e.text);
    expect(persons.length).toBeGreaterThan(26_000);
    // the last item is cut mid-name by the size and glued to the closing name
    expect(persons.slice(0, -1)).toEqual(persons.slice(0, -1).map((_, k) => rosterName(k)));
  }, 120_000);

  it("gives the brief its chair and its long attendee list", () => {
    const doc = analyze(shape("meeting: attendee list").build(20_000));
    expect(doc.meeting?.chair?.name).toBe("雷承锋");
    expect(doc.meeting?.participants.length).toBeGreaterThan(1_000);
    expect(doc.meeting?.participants.slice(0, 2).map((p) => p.text)).toEqual([rosterName(1), rosterName(2)]);
  }, 60_000);

  it.each([
    ["meeting: blanks in a decision", "decisions"],
    ["meeting: commas in a decision", "decisions"],
    ["meeting: blanks in an agenda item", "agenda"],
  ] as const)("%s: the brief's %s end on text, the run of blanks or commas trimmed", (name, field) => {
    const doc = analyze(shape(name).build(20_000));
    const spans = doc.meeting![field];
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(span.text).toMatch(/[^\s，,；;：:]$/u);
  }, 60_000);

  it("nests a deep outline 一、（一）1.（1）① and keeps every item", () => {
    const doc = analyze(shape("outline: 一、（一）1.（1）① nested").build(20_000));
    expectValidDoc(doc);
    const tags = enumerationTags(doc);
    expect(tags.depth).toBeGreaterThanOrEqual(3);
    expect(tags.items).toBeGreaterThan(1_000);
  }, 60_000);
});

describe("limits", () => {
  it("refuses input over maxInputLength with INPUT_TOO_LARGE before any work", () => {
    const gw = createAnalyzer({ maxInputLength: 1_000 });
    expect(() => gw.analyze("会".repeat(1_001))).toThrow(expect.objectContaining({ code: "INPUT_TOO_LARGE" }));
    expect(gw.analyze("会".repeat(1_000)).text.length).toBe(1_000);
  });

  it("refuses 10 million characters by default with INPUT_TOO_LARGE (bench/adversarial-scaling.ts: the limit fits in 2 GB)", () => {
    expect(DEFAULT_MAX_INPUT_LENGTH).toBeLessThan(10_000_000);
    expect(() => analyze("会".repeat(10_000_000))).toThrow(expect.objectContaining({ code: "INPUT_TOO_LARGE" }));
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
