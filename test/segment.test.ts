import { describe, expect, it } from "vitest";
import { createAnalyzer, GongwenError, segment } from "../src/index.js";
import { expectLossless } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";

const words = (text: string) => segment(text).map((t) => t.text);

describe("segment on the seed meeting report", () => {
  const seed = seedText();
  const tokens = segment(seed);
  const texts = new Set(tokens.map((t) => t.text));

  it("is lossless over the whole scraped page", () => expectLossless(seed, tokens));

  it.each(["雷承锋", "宋海宏", "李国臣", "王鹏"])("keeps the name %s as one token", (name) => {
    expect(texts).toContain(name);
  });

  it("re-splits what jieba glues across 巡回指导组 and 指导组", () => {
    expect(words("省委主题教育第二十四巡回指导组组长李国臣")).toEqual(
      expect.arrayContaining(["巡回指导组", "组长", "李国臣"]),
    );
    expect(words("指导组成员王鹏到会指导")).toEqual(["指导组", "成员", "王鹏", "到", "会", "指导"]);
  });

  it("keeps dates and the number of 26项 whole", () => {
    for (const w of ["2023年", "5月", "17日", "26"]) expect(texts).toContain(w);
    const date = tokens.find((t) => t.text === "2023年")!;
    expect(date).toMatchObject({ kind: "date", pos: "t" });
  });

  it("does not glue 二十是 to its content", () => {
    const i = tokens.findIndex((t) => t.text === "二十" || t.text === "二十是");
    expect(i).toBeGreaterThan(0);
    expect(tokens.slice(i, i + 3).map((t) => t.text).join("")).toMatch(/^二十是总结/);
    expect(tokens.some((t) => t.text.startsWith("是总结"))).toBe(false);
  });
});

describe("numbers, dates, ordinals and Latin", () => {
  it.each([
    ["增长3.5%", ["增长", "3.5%"]],
    ["共1,200人", ["共", "1,200", "人"]],
    ["增长３.５％", ["增长", "３.５％"]],
    ["达到3.5万亿元", ["达到", "3.5万亿", "元"]],
    ["1998年12月31日", ["1998年", "12月", "31日"]],
    ["二〇二三年五月", ["二〇二三年", "五月"]],
    ["第11次会议", ["第11", "次", "会议"]],
    ["第二十四巡回指导组", ["第二十四", "巡回指导组"]],
    ["欢迎访问122cc太阳", ["欢迎", "访问", "122cc", "太阳"]],
    ["5G网络", ["5G", "网络"]],
    // jieba's HMM glues the measure word to what follows (个省, 条全): PKU keeps them apart
    ["全国31个省", ["全国", "31", "个", "省"]],
    ["48条全货机航线", ["48", "条", "全", "货机", "航线"]],
  ])("%s", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it("tags kinds", () => {
    const kinds = Object.fromEntries(segment("2023年 3.5% ABC。会议").map((t) => [t.text, t.kind]));
    expect(kinds).toEqual({ "2023年": "date", " ": "space", "3.5%": "number", ABC: "latin", "。": "punct", 会议: "word" });
  });

  it("does not take 1.1.1 for a number with two decimal points", () => {
    expect(words("1.1.1")).toEqual(["1.1", ".", "1"]);
  });
});

describe("analyzers", () => {
  it("keeps user words whole for that analyzer only", () => {
    const gw = createAnalyzer({ userWords: ["把握服务转型发展"] });
    expect(gw.segment("把握服务转型发展的办学定位").map((t) => t.text)).toContain("把握服务转型发展");
    expect(words("把握服务转型发展的办学定位")).not.toContain("把握服务转型发展");
  });

  it("search mode cuts long words into dictionary pieces, still lossless", () => {
    const text = "中华人民共和国全国人民代表大会常务委员会";
    const tokens = segment(text, { mode: "search" });
    expectLossless(text, tokens);
    expect(tokens.every((t) => t.text.length <= 3)).toBe(true);
    expect(tokens.length).toBeGreaterThan(segment(text).length);
  });

  it("search mode keeps numerals and ordinals whole (their pieces would be other numbers)", () => {
    const text = "省委主题教育第二十四巡回指导组组长李国臣，一百二十五个项目";
    const pieces = segment(text, { mode: "search" }).map((t) => t.text);
    expect(pieces).toContain("第二十四");
    expect(pieces).toContain("一百二十五");
    expect(pieces).not.toContain("十四");
  });

  it("rejects bad options and input with stable codes", () => {
    expect(() => segment(42 as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => segment("文", { mode: "fast" } as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
    expect(() => createAnalyzer({ userWords: [""] })).toThrow(GongwenError);
    expect(() => createAnalyzer({ maxInputLength: 4 }).segment("一二三四五")).toThrow(
      expect.objectContaining({ code: "INPUT_TOO_LARGE" }),
    );
  });

  it("returns no tokens for the empty string", () => expect(segment("")).toEqual([]));
});

describe("user dictionaries", () => {
  it("applies a jieba-format user dictionary with its tags", () => {
    const gw = createAnalyzer({ userDict: "# 学院词表\n把握服务转型发展 10 l\n凝炼精神 n\n" });
    const token = gw.segment("要把握服务转型发展").find((t) => t.text === "把握服务转型发展");
    expect(token?.pos).toBe("l");
  });

  it.each([
    ["办学定位 many n", 'userDict line 1 "办学定位 many n": expected `word [freq] [pos]`'],
    ["好\n办学定位 10 名词", 'userDict line 2 "办学定位 10 名词": part of speech is not a jieba tag'],
    ["a b c d", "expected `word [freq] [pos]`"],
  ])("names the malformed line of %j", (userDict, message) => {
    expect(() => createAnalyzer({ userDict })).toThrow(expect.objectContaining({ code: "DICT_PARSE", message: expect.stringContaining(message) }));
  });
});
