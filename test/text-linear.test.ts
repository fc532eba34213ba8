// Pathological inputs finish in linear time. No wall-clock threshold: a 1 MB run may take at most LOOSE_RATIO
// times the CPU time of a 100 KB run (linear work gives about 10×, quadratic work about 100×).
import { describe, expect, it } from "vitest";
import { findDates } from "../src/text/dates.js";
import { parseChineseNumber } from "../src/core/numerals.js";
import { readPage } from "../src/text/page.js";
import { splitClauses, splitSentences } from "../src/text/sentences.js";
import { growth } from "./helpers/timing.js";

const LOOSE_RATIO = 30;
/** Runs shorter than this are timer noise; the ratio is taken against at least this much. */
const FLOOR_MS = 5;

const inputs: Record<string, (length: number) => string> = {
  "a megabyte of >": (n) => ">".repeat(n),
  "a megabyte of :": (n) => ":".repeat(n),
  "a megabyte of digits": (n) => "7".repeat(n),
  "lines of 发布时间:": (n) => "发布时间:\n".repeat(Math.ceil(n / 6)).slice(0, n),
  "an unclosed quotation": (n) => `他说：“${"好".repeat(n)}`,
  "lines of bulleted stamps": (n) => "  • 2024-03-05\n".repeat(Math.ceil(n / 14)).slice(0, n),
  "lines of a blank-separated menu": (n) => "医院要闻 科室快报 业界资讯 ".repeat(Math.ceil(n / 15)).slice(0, n),
};

const layers: Record<string, (text: string) => unknown> = {
  readPage: (text) => readPage(text),
  findDates: (text) => findDates(text),
  "splitSentences+splitClauses": (text) => splitClauses(text, splitSentences(text)),
  parseChineseNumber: (text) => parseChineseNumber(text),
};

describe("linear time on pathological input", () => {
  for (const [inputName, make] of Object.entries(inputs)) {
    const small = make(100_000);
    const large = make(1_000_000);
    it.each(Object.keys(layers))(`%s on ${inputName}`, (layer) => {
      expect(growth(layers[layer]!, small, large, { floorMs: FLOOR_MS }).ratio).toBeLessThan(LOOSE_RATIO);
    });
  }

  it("still reads 10,000 lines of 发布时间: as metadata", () => {
    const text = "发布时间:\n".repeat(10_000);
    const page = readPage(text);
    expect(page.regions.every((r) => r.kind === "metadata")).toBe(true);
    expect(page.publishedAt).toBeUndefined();
  });
});
