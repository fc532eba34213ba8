import { describe, expect, it } from "vitest";
import { analyze, createAnalyzer, GongwenError, segmentStage, sentenceStage, type Stage } from "../src/index.js";
import { seedText } from "./helpers/doc.js";

describe("pipeline", () => {
  it("returns an empty Doc for the empty string", () => {
    expect(analyze("")).toMatchObject({ text: "", tokens: [], sentences: [] });
  });

  it("splits the seed into its sentences, both punctuation widths alike", () => {
    const sentences = analyze(seedText()).sentences.map((s) => s.text);
    expect(sentences).toContain("学院召开2023年第11次党委(扩大)会议");
    expect(sentences).toContain("省委主题教育第二十四巡回指导组组长李国臣、指导组成员王鹏到会指导。");
  });

  it.each([
    [null, "INVALID_INPUT"],
    [undefined, "INVALID_INPUT"],
    [42, "INVALID_INPUT"],
    [{ text: "会议" }, "INVALID_INPUT"],
  ])("rejects %j with %s", (input, code) => {
    expect(() => analyze(input as never)).toThrow(expect.objectContaining({ name: "GongwenError", code }));
  });

  it.each([
    [{ mode: "fast" }],
    [{ maxInputLength: -1 }],
    [{ referenceDate: "17 May 2023" }],
    [{ userWords: "新质生产力" }],
    [{ unknownOption: true }],
  ])("rejects options %j with INVALID_OPTIONS", (options) => {
    expect(() => createAnalyzer(options as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
  });

  it("refuses a stage placed before the stage it requires", () => {
    const needsTokens: Stage = { name: "count", requires: ["tokens"], provides: "keywords", run: (doc) => doc };
    expect(() => createAnalyzer({ stages: [needsTokens, segmentStage] })).toThrow(
      expect.objectContaining({ code: "STAGE_ORDER" }),
    );
    expect(() => createAnalyzer({ stages: [segmentStage, needsTokens] })).not.toThrow();
  });

  it("runs only the stages it is given", () => {
    const doc = createAnalyzer({ stages: [sentenceStage] }).analyze("会议强调。要落实。");
    expect(doc.tokens).toEqual([]);
    expect(doc.sentences.map((s) => s.text)).toEqual(["会议强调。", "要落实。"]);
  });

  it("throws GongwenError instances", () => {
    try {
      analyze(1 as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GongwenError);
    }
  });
});
