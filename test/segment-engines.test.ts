/**
 * The optional engine, `createAnalyzer({ engine: "node-rs" })` on @node-rs/jieba: validated, lossless, the same
 * domain layer (dict/ words and tags, lexicon re-splits, merges) as the default nodejieba engine, the same search
 * pieces, carried into worker threads, and DEPENDENCY_MISSING when the package is not installed (hidden from a
 * child process by test/helpers/hide-packages.ts).
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAnalyzer, type Token } from "../src/index.js";
import { engineNamed } from "../src/segment/index.js";
import { dataFile, itWithData, readData, seedText } from "./helpers/data.js";
import { expectLossless } from "./helpers/doc.js";
import { runScript } from "./helpers/queue.js";

const nodejieba = createAnalyzer();
const nodeRs = createAnalyzer({ engine: "node-rs" });

/** Tokens of `a` that `b` does not have (same offsets and tag). */
function differing(a: readonly Token[], b: readonly Token[]): Token[] {
  const keys = new Set(b.map((t) => `${t.start}:${t.end}:${t.pos}`));
  return a.filter((t) => !keys.has(`${t.start}:${t.end}:${t.pos}`));
}

const texts = (tokens: readonly Token[]) => tokens.map((t) => t.text);

describe('engine: "node-rs"', () => {
  it("is validated: an unknown engine is INVALID_OPTIONS, the default is nodejieba", () => {
    expect(() => createAnalyzer({ engine: "jieba-rs" as never })).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
    expect(nodejieba.config.engine).toBe("nodejieba");
    expect(nodeRs.config.engine).toBe("node-rs");
  });

  it("segments the seed losslessly, with the names whole and the re-splits and merges of the default engine", () => {
    const seed = seedText();
    const tokens = nodeRs.segment(seed);
    expectLossless(seed, tokens);
    expect(texts(tokens)).toEqual(expect.arrayContaining(["雷承锋", "宋海宏", "李国臣", "王鹏", "2023年", "5月", "17日", "26"]));
    expect(texts(nodeRs.segment("省委主题教育第二十四巡回指导组组长李国臣"))).toEqual(["省委", "主题教育", "第二十四", "巡回指导组", "组长", "李国臣"]);
    expect(texts(nodeRs.segment("达到3.5万亿元，全国31个省"))).toEqual(["达到", "3.5万亿", "元", "，", "全国", "31", "个", "省"]);
  });

  it("tags dict/ words with dict/'s tags, also words jieba's own dictionary tags otherwise", () => {
    // 宏观调控 is `n` in jieba's dictionary and `l` in dict/policy-words.txt
    for (const analyzer of [nodejieba, nodeRs]) {
      expect(analyzer.segment("加强宏观调控").map((t) => `${t.text}/${t.pos}`)).toEqual(["加强/v", "宏观调控/l"]);
    }
  });

  it("gives the default engine's tokens on the seed but for at most 0.5% of them", () => {
    const seed = seedText();
    const tokens = nodejieba.segment(seed);
    expect(differing(tokens, nodeRs.segment(seed)).length).toBeLessThanOrEqual(tokens.length * 0.005);
  });

  itWithData("policy", "gives the default engine's tokens on the 60 policy documents but for at most 1% of them", () => {
    const files = readdirSync(dataFile("policy")).filter((file) => file.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(60);
    let total = 0;
    let differ = 0;
    for (const file of files) {
      const text = readData(`policy/${file}`);
      const tokens = nodejieba.segment(text);
      total += tokens.length;
      differ += differing(tokens, nodeRs.segment(text)).length;
    }
    expect(total).toBeGreaterThan(300_000);
    expect(differ / total).toBeLessThanOrEqual(0.01);
  }, 120_000);

  itWithData("policy", "cuts search pieces as nodejieba's cutSmall does, on every long word of two policy documents", () => {
    const text = readData("policy/gwr-2024.txt") + readData("policy/cpc-congress-20.txt");
    const long = [...new Set(nodejieba.segment(text).filter((t) => t.kind === "word" && t.text.length > 3).map((t) => t.text))];
    expect(long.length).toBeGreaterThan(1000);
    const reference = engineNamed("nodejieba");
    const pieces = engineNamed("node-rs");
    expect(long.filter((word) => pieces.cutSmall(word, 3).join("/") !== reference.cutSmall(word, 3).join("/"))).toEqual([]);
  }, 60_000);

  it("search mode cuts long words into pieces of at most three characters, losslessly", () => {
    const text = "中华人民共和国全国人民代表大会常务委员会，第二十四巡回指导组";
    const tokens = nodeRs.segment(text, { mode: "search" });
    expectLossless(text, tokens);
    expect(tokens.filter((t) => t.kind === "word" && t.pos !== "m").every((t) => t.text.length <= 3)).toBe(true);
    expect(texts(tokens)).toContain("第二十四");
  });

  it("runs in worker threads: analyzeMany's Docs are the node-rs analyzer's, not the default engine's", async () => {
    const seed = seedText();
    const docs = [];
    for await (const doc of nodeRs.analyzeMany([seed], { concurrency: 1 })) docs.push(doc);
    expect(JSON.stringify(docs[0]!.tokens)).toBe(JSON.stringify(nodeRs.analyze(seed).tokens));
    expect(JSON.stringify(docs[0]!.tokens)).not.toBe(JSON.stringify(nodejieba.analyze(seed).tokens));
  }, 60_000);

  it("is DEPENDENCY_MISSING without @node-rs/jieba installed, while the default engine still works", async () => {
    const run = await runScript("test/helpers/engine-missing.ts", [], { hide: ["@node-rs/jieba"] });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      code: "DEPENDENCY_MISSING",
      message: 'engine "node-rs" needs @node-rs/jieba, an optional peer dependency not installed here: npm install @node-rs/jieba',
      defaultEngine: ["国务院常务会议", "，", "研究部署"],
    });
  }, 60_000);
});
