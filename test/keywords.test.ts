import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildIdfTable } from "../bench/tools/idf-table.js";
import { isGongwenError, type Doc, type Keyword } from "../src/index.js";
import { textDoc } from "./helpers/text-doc.js";
import { keywords } from "../src/analyzer.js";
import { keywordStage, rankKeywords } from "../src/keywords/index.js";
import { loadStopwords } from "../src/keywords/terms.js";
import { parseIdf } from "../src/keywords/idf.js";
import { contentTokens } from "../src/core/terms.js";
import { bigrams, dice } from "../src/keywords/variants.js";
import { DiceCoefficient } from "natural/lib/natural/distance/index.js";
import { createAnalyzer } from "../src/analyzer.js";
import { segmentStage } from "../src/segment/index.js";
import { sentenceStage } from "../src/text/sentences.js";
import { expectSpans, withSpamBanner } from "./helpers/doc.js";
import { itWithData, readData, seedText } from "./helpers/data.js";

const seed = seedText();
const BANNER = "欢迎访问122cc太阳集成游戏!";
const SPAM_TERMS = ["太阳", "游戏", "122cc", "集成"];

/** The seed as a page stage describes it: the first line is a spam banner, the rest the article. */
function seedWithPage(): Doc {
  return withSpamBanner(textDoc(seed), seed.indexOf(BANNER) + BANNER.length);
}

const texts = (list: Keyword[]) => list.map((k) => k.text);

describe("keywords on the seed meeting report", () => {
  const top = keywords(seed);

  it("names what the report is about: the school's 办学定位 serving 转型发展", () => {
    expect(texts(top.slice(0, 3))).toContain("办学定位");
    expect(texts(top)).toEqual(expect.arrayContaining(["办学定位", "转型发展", "服务转型发展", "雷承锋"]));
  });

  it("returns the top 20 by default, best first, each with every occurrence as an exact span", () => {
    expect(top).toHaveLength(20);
    for (let i = 1; i < top.length; i++) expect(top[i]!.score).toBeLessThanOrEqual(top[i - 1]!.score);
    for (const keyword of top) {
      expectSpans(seed, keyword.spans);
      for (const span of keyword.spans) expect(span.text).toBe(keyword.text);
    }
    const 办学定位 = top.find((k) => k.text === "办学定位")!;
    expect(办学定位.spans.length).toBe(seed.split("办学定位").length - 1);
    // occurrences inside longer words count too: 转型发展 in 高质量转型发展
    const 转型发展 = top.find((k) => k.text === "转型发展")!;
    expect(转型发展.spans.length).toBe(seed.split("转型发展").length - 1);
    expect(转型发展.spans.some((s) => seed.slice(s.start - 3, s.start) === "高质量")).toBe(true);
  });

  it("never offers numbers, dates, single characters or genre boilerplate", () => {
    const stop = loadStopwords();
    const all = keywords(seed, { topK: 10_000, phrases: false });
    expect(all.length).toBeGreaterThan(40);
    for (const { text } of all) {
      expect(text.length).toBeGreaterThan(1);
      expect(text).not.toMatch(/\d/u);
      expect(stop.has(text), text).toBe(false);
    }
    for (const word of ["切实", "进一步", "全方位", "高质量", "2023年", "5月", "第11"]) expect(texts(all)).not.toContain(word);
  });

  it("never yields the spam banner's terms when a page stage marks it, however many keywords are asked for", () => {
    const { keywords: all, phrases } = rankKeywords(seedWithPage(), { topK: 10_000 });
    for (const term of SPAM_TERMS) expect(texts(all)).not.toContain(term);
    const bannerEnd = seed.indexOf(BANNER) + BANNER.length;
    for (const keyword of [...all, ...phrases]) for (const span of keyword.spans) expect(span.start).toBeGreaterThanOrEqual(bannerEnd);
  });

  it("keeps Latin acronyms but not the English words of a bilingual release", () => {
    const bilingual =
      "国务院新闻办公室举行新闻发布会 The State Council Information Office held a Press Conference. " +
      "今年一季度GDP同比增长5.3%，CPI温和上涨，IT行业增长较快。Follow the Conference live. GDP增速高于预期。THE BELT AND ROAD";
    const found = texts(keywords(bilingual, { topK: 10_000, phrases: false }));
    expect(found).toEqual(expect.arrayContaining(["GDP", "CPI", "IT", "新闻发布会"]));
    for (const word of ["The", "Conference", "Follow", "Press", "THE", "AND"]) expect(found).not.toContain(word);
    expect(found).toContain("BELT"); // an upper-case English word that is no stopword still reads as an acronym would
  });

  it("reads the page itself when given plain text, so the seed's banner never counts", () => {
    const all = keywords(seed, { topK: 10_000 });
    for (const term of SPAM_TERMS) expect(texts(all)).not.toContain(term);
  });

  it("reads the whole input with scope `all`, so the same banner then counts", () => {
    const text = `${BANNER}\n学院召开党委会议，研究办学定位。`;
    const bannerEnd = BANNER.length;
    const doc: Doc = {
      ...textDoc(text),
      page: {
        regions: [
          { start: 0, end: bannerEnd, text: BANNER, kind: "spam" },
          { start: bannerEnd, end: text.length, text: text.slice(bannerEnd), kind: "article" },
        ],
        spam: [],
      },
    };
    expect(texts(rankKeywords(doc, { topK: 100 }).keywords)).not.toContain("游戏");
    expect(texts(rankKeywords(doc, { topK: 100 }, "all").keywords)).toContain("游戏");
  });
});

describe("key phrases", () => {
  const { phrases } = rankKeywords(textDoc(seed));

  it("finds recurring multi-word phrases with every occurrence", () => {
    const phrase = phrases.find((p) => p.text === "服务转型发展");
    expect(phrase?.kind).toBe("phrase");
    expect(phrase!.spans.length).toBe(seed.split("服务转型发展").length - 1);
    for (const p of phrases) {
      expect(p.spans.length).toBeGreaterThanOrEqual(2);
      expectSpans(seed, p.spans);
    }
  });

  it("does not start a phrase with a bare verb or glue the generic 学院 to what follows it", () => {
    expect(texts(phrases)).not.toContain("把握服务转型发展");
    expect(texts(phrases)).not.toContain("学院办学定位");
  });

  it("finds 产教融合 and 办学定位 as phrases when the segmenter splits them", () => {
    const text = "推进产教融合。深化产教融合，完善产教融合机制。把握办学定位，明确办学定位。";
    const doc = textDoc(text);
    // jieba keeps these whole with the policy dictionary; split them as a plain segmenter would
    const split = doc.tokens.flatMap((t) =>
      t.text === "产教融合" || t.text === "办学定位"
        ? [
            { ...t, end: t.start + 2, text: t.text.slice(0, 2), pos: "n" },
            { ...t, start: t.start + 2, text: t.text.slice(2), pos: t.text === "产教融合" ? "vn" : "n" },
          ]
        : [t],
    );
    expect(texts(rankKeywords({ ...doc, tokens: split }).phrases)).toEqual(expect.arrayContaining(["产教融合", "办学定位"]));
  });
});

describe("near-duplicate keywords", () => {
  it("scores variants with natural's Dice coefficient exactly, bigrams built once per text", () => {
    const { keywords: top, phrases } = rankKeywords(textDoc(seed), { topK: 40 });
    const candidates = [...texts(top), ...texts(phrases), "GDP", "gdp", "Ｇ", "学", "学 院", " 学院  办学 ", "", "𠮷野家"];
    expect(candidates.length).toBeGreaterThan(50);
    let variants = 0;
    for (const a of candidates) {
      for (const b of candidates) {
        expect([a, b, dice(bigrams(a), bigrams(b))]).toEqual([a, b, DiceCoefficient(a, b)]);
        if (a !== b && DiceCoefficient(a, b) >= 0.8) variants++;
      }
    }
    expect(variants).toBeGreaterThan(0); // GDP ~ gdp at least: the threshold is exercised
  });
});

describe("methods, options and the stage", () => {
  it("TF-IDF and TextRank rank differently; blend lies between", () => {
    const doc = textDoc(seed);
    const tfidf = texts(rankKeywords(doc, { method: "tfidf" }).keywords);
    const textrank = texts(rankKeywords(doc, { method: "textrank" }).keywords);
    expect(tfidf).not.toEqual(textrank);
    expect(tfidf).toContain("办学定位");
    expect(textrank).toContain("办学定位");
  });

  it("rejects bad options with INVALID_OPTIONS", () => {
    try {
      keywords(seed, { topK: 0 });
      expect.fail("no error");
    } catch (error) {
      expect(isGongwenError(error, "INVALID_OPTIONS")).toBe(true);
    }
    expect(() => keywords(seed, { method: "lda" as never })).toThrow(/method/u);
  });

  it("fills doc.keywords and doc.phrases in an analyzer", () => {
    const gw = createAnalyzer({ stages: [segmentStage, sentenceStage, keywordStage] });
    const doc = gw.analyze(seed);
    expect(texts(doc.keywords!)).toContain("办学定位");
    expect(texts(doc.phrases!)).toContain("服务转型发展");
  });

  itWithData("policy", "ranks a government work report by its own subjects, not the genre's verbs", () => {
    const text = readData("policy/gwr-2024.txt");
    const top = texts(keywords(text, { topK: 30 }));
    expect(top).toEqual(expect.arrayContaining(["地方债务", "新型城镇化", "房地产"]));
    for (const word of ["推进", "加强", "坚持", "发展", "工作"]) expect(top).not.toContain(word);
  });
});

describe("content tokens read once per Doc (core/terms.ts)", () => {
  it("are shared by the stages of one Doc, read again for another page or scope, and name each token's text", () => {
    const doc = seedWithPage();
    const article = contentTokens(doc, "article");
    // the keyword and summary stages of one analyze() get the same Doc's tokens and page: one reading
    expect(contentTokens({ ...doc }, "article")).toBe(article);
    // the spam banner is outside the article
    expect(article.tokens.length).toBeLessThan(doc.tokens.length);
    expect(article.tokens.some((token) => token.text === "太阳")).toBe(false);
    const all = contentTokens(doc, "all");
    expect(all).not.toBe(article);
    expect(all.tokens).toEqual(doc.tokens);
    expect(contentTokens({ ...doc, page: undefined }, "article").tokens).toEqual(doc.tokens);
    all.tokens.forEach(({ text, kind }, i) => {
      const looked = text.length >= 2 && (kind === "word" || kind === "latin");
      expect(all.ids[i]! >= 0 ? all.lexicon.texts[all.ids[i]!] : undefined).toBe(looked ? text : undefined);
    });
  });
});

describe("parseIdf: the IDF table's text", () => {
  it("reads `word idf` lines past comments, blank lines and CRLF; an unseen word scores the maximum", () => {
    const table = parseIdf("# header\r\n\n发展 0.930\r\n改革 1.250\n  # indented comment\n新质生产力 7.5");
    expect(["发展", "改革", "新质生产力", "不在表里"].map((word) => table.idf(word))).toEqual([0.93, 1.25, 7.5, 7.5]);
  });

  it.each([
    ["发展", "no idf"],
    ["发展  0.930", "two spaces"],
    ["发展 0.930 1", "a third field"],
    ["发展 -1", "a negative idf"],
    ["发展 高", "not a number"],
    [" 0.930", "no word (the line is trimmed: one field)"],
  ])("refuses %j (%s) with DICT_PARSE naming its line", (bad) => {
    let error: unknown;
    try {
      parseIdf(`# header\n改革 1.250\n${bad}\n`);
    } catch (caught) {
      error = caught;
    }
    expect(isGongwenError(error, "DICT_PARSE")).toBe(true);
    expect((error as Error).message).toContain("idf.txt line 3 ");
  });
});

describe("the shipped IDF table", () => {
  // Its words are what segment() produces: a change to the segmenter or its dictionaries without a rebuild leaves
  // stale entries and scores the new words as unseen (the table's maximum).
  itWithData(["corpus/xinwenlianbo", "policy"], "is what bench/tools/build-idf.ts builds from the repository as it is", async () => {
    const shipped = readFileSync(new URL("../dict/idf.txt", import.meta.url), "utf8");
    // compared as a flag first: a failing toBe on a 780 KB string would print both
    const same = (await buildIdfTable()).text === shipped;
    expect(same, "dict/idf.txt is stale: run `npx tsx bench/tools/build-idf.ts`").toBe(true);
  }, 180_000);
});
