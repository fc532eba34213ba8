import { describe, expect, it } from "vitest";
import { analyze, createAnalyzer, GongwenError, segmentStage, sentenceStage, type Stage } from "../src/index.js";
import { compactWeights, LABEL_COUNT } from "../src/entities/tagger.js";
import { seedText } from "./helpers/data.js";

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
    const needsTokens: Stage = { name: "count", reads: ["tokens"], writes: ["keywords"], run: (doc) => doc };
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

  it("analyzeBlock gives what analyze gives for each text, a failing text failing alone", () => {
    const seed = seedText();
    const gw = createAnalyzer({ maxInputLength: seed.length });
    const texts = [seed, "<p>國務院召開常務會議，李克強主持會議。</p>", 42 as never, `${seed}。`, "会议强调。要落实。"];
    const outcomes = gw.analyzeBlock(texts);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, false, true]);
    for (const at of [0, 1, 4]) expect(outcomes[at]).toEqual({ ok: true, doc: gw.analyze(texts[at]!) });
    expect(outcomes[1]).toMatchObject({ doc: { input: { format: "html", script: "traditional" } } });
    expect(outcomes[2]).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(outcomes[3]).toMatchObject({ ok: false, error: { code: "INPUT_TOO_LARGE" } });
    expect(() => gw.analyzeBlock("会议" as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
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

describe("analyzer methods: stages by name, tag, analyzeMany, tagMany", () => {
  it("runs only the built-in stages it is given by name", () => {
    const doc = createAnalyzer({ stages: ["segment", "sentences", "entities"] }).analyze(seedText());
    expect(doc.tokens.length).toBeGreaterThan(100);
    expect(doc.entities?.some((e) => e.type === "person" && e.text === "雷承锋")).toBe(true);
    expect(doc.keywords).toBeUndefined();
    expect(doc.enumerations).toBeUndefined();
  });

  it("says which fields a named stage reads that no earlier stage writes", () => {
    expect(() => createAnalyzer({ stages: ["segment", "entities", "meeting"] })).toThrow(
      /stage "meeting" reads sentences, enumerations, page, which no earlier stage writes/,
    );
  });

  it("rejects an unknown stage name with INVALID_OPTIONS naming the built-in ones", () => {
    expect(() => createAnalyzer({ stages: ["segment", "parse" as "segment"] })).toThrow(/unknown stage "parse".*entities/);
    expect(() => createAnalyzer({ stages: "segment" as never })).toThrow(GongwenError);
  });

  it("tags with its own vocabulary: its userWords come back as sections", () => {
    const gw = createAnalyzer({ userWords: ["主题教育"] });
    const tags = gw.tag(seedText(), { maxPerKind: 5 });
    expect(tags.people.map((p) => p.tag)).toContain("雷承锋");
    expect(tags.sections.map((s) => s.tag)).toEqual(["主题教育"]);
    expect(gw.tag(gw.analyze("加快发展新质生产力"), { userWords: ["新质生产力"] }).sections.map((s) => s.tag)).toEqual(["新质生产力"]);
    expect(() => gw.tag(42 as unknown as string)).toThrow(/expects a string or a Doc/);
  });

  it("analyzeMany rebuilds the analyzer, stages included, in worker threads and keeps input order", async () => {
    const gw = createAnalyzer({ stages: ["segment", "sentences", "entities"], userWords: ["巡回指导组组长"] });
    const texts = ["省委主题教育第二十四巡回指导组组长李国臣出席会议。", "学院党委书记雷承锋主持会议。", "王鹏参加会议。"];
    const docs = [];
    for await (const doc of gw.analyzeMany(texts, { concurrency: 1 })) docs.push(doc);
    expect(docs.map((d) => d.text)).toEqual(texts);
    expect(docs.every((d) => d.keywords === undefined && d.entities !== undefined)).toBe(true);
    expect(docs[0]!.tokens.map((t) => t.text)).toContain("巡回指导组组长");
    const tags = [];
    for await (const t of gw.tagMany([{ id: "a", text: texts[1]! }], { concurrency: 1 })) tags.push(t);
    expect(tags[0]).toMatchObject({ id: "a" });
    expect(tags[0]!.people.map((p) => p.tag)).toEqual(["雷承锋"]);
  });

  it("tagMany gives exactly what gw.tag gives, the analyzer's userWords as sections included", async () => {
    const gw = createAnalyzer({ userWords: ["把握服务转型发展", "凝炼精神"] });
    const seed = seedText();
    const fromThisThread = gw.tag(seed);
    expect(fromThisThread.sections.map((s) => s.tag).sort()).toEqual(["凝炼精神", "把握服务转型发展"]);
    const tags = [];
    for await (const t of gw.tagMany([{ id: "seed", text: seed }], { concurrency: 1 })) tags.push(t);
    const { id, ...fromWorker } = tags[0]!;
    expect(id).toBe("seed");
    expect(fromWorker).toEqual(JSON.parse(JSON.stringify(fromThisThread)));
  });

  it("refuses analyzeMany with a stage object of the caller's own, which cannot cross into a worker", () => {
    const custom: Stage = { name: "mine", reads: ["tokens"], writes: ["keywords"], run: (doc) => doc };
    const gw = createAnalyzer({ stages: [segmentStage, custom] });
    expect(() => gw.analyzeMany(["文本"])).toThrow(/not a built-in stage/);
  });
});

describe("resources per analyzer", () => {
  const stages = ["segment", "sentences", "page", "entities", "keywords"] as const;

  it("runs its stages on the resources it is given, leaving every other analyzer on the shipped ones", () => {
    // 江泽民 with no title around it: only the tagger finds the name
    const text = "中美双方同意加强合作。江泽民先后访问了檀香山、华盛顿和纽约。";
    const shipped = createAnalyzer({ stages: [...stages] });
    // weights that know no feature: the tagger labels nothing, so only the grammars and gazetteers find names
    const blank = compactWeights([], new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT));
    const untagged = createAnalyzer({ stages: [...stages], resources: { taggerWeights: blank, idf: { idf: () => 1 } } });
    const people = (doc: { entities?: { type: string; text: string }[] }) => doc.entities!.filter((e) => e.type === "person").map((e) => e.text);
    expect(people(shipped.analyze(text))).toContain("江泽民");
    expect(people(untagged.analyze(text))).not.toContain("江泽民");
    const seed = seedText();
    expect(untagged.analyze(seed).keywords).not.toEqual(shipped.analyze(seed).keywords);
    expect(people(createAnalyzer({ stages: [...stages] }).analyze(text))).toContain("江泽民");
  });

  it("refuses to send resources of its own to worker threads", () => {
    const gw = createAnalyzer({ resources: { idf: { idf: () => 1 } } });
    expect(() => gw.analyzeMany(["会议"])).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
  });
});
