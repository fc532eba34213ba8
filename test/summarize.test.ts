import { describe, expect, it } from "vitest";
import { isGongwenError, type Doc, type Summary } from "../src/index.js";
import { textDoc } from "./helpers/text-doc.js";
import { createAnalyzer } from "../src/analyzer.js";
import { segmentStage } from "../src/segment/index.js";
import { sentenceStage } from "../src/text/sentences.js";
import { summarize } from "../src/analyzer.js";
import { summaryStage } from "../src/summarize/index.js";
import { summarizeDoc } from "../src/summarize/rank.js";
import { isBoilerplate } from "../src/summarize/boilerplate.js";
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

describe("what a reader would not pick", () => {
  it("learned boilerplate: stock ceremony and procedure, alone or run together, but not a sentence with content", () => {
    expect(isBoilerplate("现在，我代表国务院向大会作政府工作报告，请予审议，并请全国政协各位委员提出意见。")).toBe(true);
    expect(isBoilerplate("现印发给你们，请认真贯彻执行。")).toBe(true);
    expect(isBoilerplate("会议还研究了其他事项。")).toBe(true);
    expect(isBoilerplate("会议强调，要守住粮食安全底线。")).toBe(false);
    expect(isBoilerplate("今年以来，GDP增长5.2%。")).toBe(false);
  });

  it("skips a boilerplate sentence, a byline, a list marker and a document number", () => {
    const text = [
      "(记者 林瑶)9月26日,区第十六届人大常委会召开第二十二次会议,审议了区政府关于防汛工作的报告。",
      "院办发〔2022〕5号(2021-2022学年度第十次校长办公会纪要)",
      "现印发给你们，请认真贯彻执行。",
      "2.研究审定学校发展规划、各项改革实施方案和年度工作计划。",
    ].join("\n");
    const summary = summarize(text, { maxChars: 200, maxSentences: 3 });
    expectSpans(text, summary.spans);
    expect(summary.spans.map((s) => s.text)).toEqual([
      "9月26日,区第十六届人大常委会召开第二十二次会议,审议了区政府关于防汛工作的报告。",
      "研究审定学校发展规划、各项改革实施方案和年度工作计划。",
    ]);
  });

  it("prefers the meeting's decision to its roll call", () => {
    const text = [
      "3月20日，县政府召开第12次常务会议。",
      "县委常委、常务副县长张强，副县长李明出席会议。",
      "县政府办公室、县发展改革局、县财政局主要负责人列席会议。",
      "会议审议通过了《关于加快推进农村供水保障工程建设的实施方案》。",
    ].join("\n");
    const summary = summarize(text, { maxChars: 80, maxSentences: 2 });
    expect(summary.text).toContain("会议审议通过了《关于加快推进农村供水保障工程建设的实施方案》。");
  });
});

describeWithData("policy", "summaries of government work reports", () => {
  it("gwr-2010 does not open with the address 现在，我代表国务院…请予审议", () => {
    const text = readData("policy/gwr-2010.txt");
    expect(text).toContain("请予审议");
    expect(summarize(text).text).not.toContain("请予审议");
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
