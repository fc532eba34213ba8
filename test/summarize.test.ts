import { describe, expect, it } from "vitest";
import { isGongwenError, type Doc, type Summary } from "../src/index.js";
import { textDoc } from "./helpers/text-doc.js";
import { createAnalyzer } from "../src/analyzer.js";
import { segmentStage } from "../src/segment/index.js";
import { sentenceStage } from "../src/text/sentences.js";
import { summarize } from "../src/analyzer.js";
import { summaryStage } from "../src/summarize/index.js";
import { summarizeDoc } from "../src/summarize/rank.js";
import { expectSpans, withSpamBanner } from "./helpers/doc.js";
import { resourcesWith } from "../src/pipeline.js";
import { describeWithData, readData, seedText } from "./helpers/data.js";

const seed = seedText();
const LEAD = "5月17日,学院党委书记雷承锋主持召开2023年第11次党委(扩大)会议";
const releases = [
  "policy/meeting-20221024-party-group-meeting.txt",
  "policy/meeting-20221123-state-council-executive-meeting.txt",
  "policy/meeting-20240718-plenum-communique.txt",
];

/** Every chosen span is a span of the input inside the sentence it names, in document order, within budget. */
function expectExtractive(doc: Doc, summary: Summary, maxChars: number, maxSentences: number): void {
  expectSpans(doc.text, summary.spans);
  expect(summary.text).toBe(summary.spans.map((s) => s.text).join(""));
  expect(summary.text.length).toBeLessThanOrEqual(maxChars);
  expect(summary.spans.length).toBeLessThanOrEqual(maxSentences);
  expect(summary.sentences).toEqual([...summary.sentences].sort((a, b) => a - b));
  summary.spans.forEach((span, k) => {
    const sentence = doc.sentences[summary.sentences[Math.min(k, summary.sentences.length - 1)]!]!;
    expect(span.start).toBeGreaterThanOrEqual(sentence.start);
    expect(span.end).toBeLessThanOrEqual(sentence.end);
    if (k > 0) expect(span.start).toBeGreaterThanOrEqual(summary.spans[k - 1]!.end);
  });
}

describe("summaries of the seed meeting report", () => {
  const doc = textDoc(seed);

  it("opens with the lead sentence: who held which meeting on what", () => {
    const summary = summarize(seed);
    expect(summary.text.startsWith(LEAD)).toBe(true);
    expect(summary.spans[0]).toEqual(doc.sentences[summary.sentences[0]!]);
    expectExtractive(doc, summary, 200, 3);
  });

  it("never takes the spam banner, the breadcrumb or the credits line, with or without page information", () => {
    for (const text of [summarize(seed, { maxChars: 2000, maxSentences: 50 }).text]) {
      expect(text).not.toContain("122cc");
      expect(text).not.toContain("学院首页");
      expect(text).not.toContain("供图");
    }
    const bannerEnd = seed.indexOf("!") + 1;
    const withPage = withSpamBanner(doc, bannerEnd);
    const summary = summarizeDoc(withPage, { maxChars: 5000, maxSentences: 100 }, "article", resourcesWith());
    for (const span of summary.spans) expect(span.start).toBeGreaterThanOrEqual(bannerEnd);
  });

  it("honours every budget exactly: whole sentences whose lengths add up to at most maxChars", () => {
    for (const maxChars of [60, 100, 150, 200, 300, 500, 1000]) {
      for (const maxSentences of [1, 2, 3, 5]) {
        const summary = summarize(seed, { maxChars, maxSentences });
        expectExtractive(doc, summary, maxChars, maxSentences);
        expect(summary.spans.length).toBeGreaterThan(0);
        // the lead sentence is 65 characters: from that budget on the summary is made of whole sentences
        if (maxChars < 100) continue;
        for (const [k, span] of summary.spans.entries()) {
          expect(span).toEqual(doc.sentences[summary.sentences[k]!]);
        }
      }
    }
  });

  it("uses the room it is given: a larger budget never yields a shorter summary here", () => {
    const lengths = [120, 200, 400, 800].map((maxChars) => summarize(seed, { maxChars, maxSentences: 10 }).text.length);
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]).toBeGreaterThanOrEqual(lengths[i - 1]!);
  });

  it("with a headline budget shorter than any sentence, returns the clause run that names the report's repeated topic", () => {
    const summary = summarize(seed, { maxChars: 30 });
    expect(summary.text.length).toBeGreaterThan(20);
    expect(summary.text.length).toBeLessThanOrEqual(30);
    expectSpans(seed, summary.spans);
    const ends = new Set(doc.tokens.map((t) => t.end));
    expect(ends.has(summary.spans[0]!.end)).toBe(true);
    // a clause of the lead sentence (after 5月17日,学院党委书记…会议,), not the sentence's head
    expect(summary.text).toBe("专题研讨决定“学院把握服务转型发展的办学定位”发展任务");
  });

  it("does not repeat itself: a paragraph that occurs twice is taken once (MMR)", () => {
    const lead = seed.slice(seed.indexOf(LEAD), seed.indexOf("。", seed.indexOf(LEAD)) + 1);
    const text = `${seed}\n${lead}\n`;
    const summary = summarize(text, { maxChars: 1000, maxSentences: 4 });
    expect(summary.text.split(lead).length - 1).toBe(1);
  });
});

describeWithData("policy", "summaries of real meeting releases", () => {
  it.each(releases)("%s: extractive, within budget, starting from the lead without the CCTV dateline", (path) => {
    const text = readData(path);
    const doc = textDoc(text);
    const summary = summarize(text, { maxChars: 150, maxSentences: 3 });
    expectExtractive(doc, summary, 150, 3);
    expect(summary.spans.length).toBeGreaterThan(0);
    expect(summary.text).not.toContain("央视网消息");
    expect(summary.text).not.toContain(text.split("\n", 1)[0]!); // the headline is not a sentence of the summary
  });

  it("the State Council party-group meeting summary names the meeting and its chair", () => {
    const summary = summarize(readData(releases[0]!), { maxChars: 150 });
    expect(summary.text).toContain("李克强主持召开国务院党组会议");
  });
});

describe("options and the stage", () => {
  it("rejects bad budgets with INVALID_OPTIONS", () => {
    for (const options of [{ maxChars: 0 }, { maxSentences: 1.5 }, { maxChars: -3 }, { words: 3 }]) {
      try {
        summarize(seed, options as never);
        expect.fail("no error");
      } catch (error) {
        expect(isGongwenError(error, "INVALID_OPTIONS")).toBe(true);
      }
    }
  });

  it("returns an empty summary for text without prose", () => {
    expect(summarize("主题教育专栏\n学院首页")).toEqual({ sentences: [], spans: [], text: "" });
    expect(summarize("")).toEqual({ sentences: [], spans: [], text: "" });
  });

  it("fills doc.summary in an analyzer", () => {
    const doc = createAnalyzer({ stages: [segmentStage, sentenceStage, summaryStage] }).analyze(seed);
    expect(doc.summary!.text.startsWith(LEAD)).toBe(true);
    expectExtractive(doc, doc.summary!, 200, 3);
  });
});
