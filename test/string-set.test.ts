import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import { PairIndex } from "../src/core/chars.js";
import { StringSet } from "../src/core/words.js";

describe("StringSet", () => {
  it("finds what a global alternation of its strings, longest first, finds", () => {
    // a small alphabet, so that strings overlap, share prefixes and nest (要害焦点手艺 over 焦点手艺)
    const word = fc.stringMatching(/^[要害焦点手艺a]{1,5}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.stringMatching(/^[要害焦点手艺ab]{0,40}$/), (strings, text) => {
        const alternation = new RegExp([...strings].sort((a, b) => b.length - a.length).join("|"), "g");
        const expected = [...text.matchAll(alternation)].map((m) => ({ index: m.index, text: m[0] }));
        const set = new StringSet(strings);
        expect(set.findAll(text)).toEqual(expected);
        expect(set.occursIn(text)).toBe(expected.length > 0);
      }),
    );
  });
});

describe("PairIndex", () => {
  it("gives the bits of the strings starting at each position, as comparing every string there does", () => {
    const word = fc.stringMatching(/^[要害焦点手艺a]{2,5}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.stringMatching(/^[要害焦点手艺ab]{0,40}$/), (strings, text) => {
        const index = new PairIndex(strings.map((string, k) => [string, 1 << (k % 8)] as const));
        for (let i = 0; i + 1 < text.length; i++) {
          const expected = strings.reduce((bits, string, k) => (text.startsWith(string, i) ? bits | (1 << (k % 8)) : bits), 0);
          expect(index.bitsOfPair(text, i, text.charCodeAt(i), text.charCodeAt(i + 1))).toBe(expected);
        }
        expect(index.occursIn(text)).toBe(strings.some((string) => text.includes(string)));
      }),
    );
  });
});

describe("the pollution reader's pre-checks", () => {
  const analyzer = createAnalyzer();
  const kinds = (input: string) => (analyzer.analyze(input).input?.pollution ?? []).map((p) => p.kind).sort();
  const clean = "国务院常务会议研究部署推进经济发展工作。会议指出，要坚持稳中求进。";

  it("let through each class a clean text lacks: soft hyphens, BMP symbols, mixed widths, upper-case brands", () => {
    expect(kinds(clean)).toEqual([]);
    expect(kinds("国务\u00ad院常务会\u00ad议研究部署。")).toEqual(["invisible"]);
    expect(kinds("国务▲院常务会▲议研究部署。")).toEqual(["emoji"]);
    expect(kinds("2023年12月发布的２0２3版规划和V３.1方案。")).toEqual(["width"]);
    expect(kinds(`BWIN党委${clean}`)).toEqual(["seo"]);
    expect(kinds(`ag真人党委${clean}`)).toEqual(["seo"]);
  });

  it("do not take a bracket without an annotation or full-width digits alone for a candidate", () => {
    expect(kinds("（一）国务院（新闻联播）常务会议，２０２３年。")).toEqual([]);
  });

  it("run each finder wherever its trigger stands: a site's name in traditional characters or with a capitalised APP, a jammer set off by tabs", () => {
    // the first pass reads the hijacker's words folded to simplified ones (手機版 is 手机版) and Latin in any case (APP下载 holds 下载)
    const evidence = (text: string, kind: string) => analyzer.analyze(text).input?.pollution?.find((p) => p.kind === kind)?.evidence.map((e) => e.text);
    expect(evidence("星辰手機版召開全體職工大會。會上，星辰手機版舉行表彰儀式。", "seo")).toEqual(["星辰手機版", "星辰手機版"]);
    expect(evidence("星辰APP下载召开全体职工大会。会上，星辰APP下载举行表彰仪式。", "seo")).toEqual(["星辰APP下载", "星辰APP下载"]);
    // two tabs are the phpwind jammer's blanks as well as two spaces
    expect(evidence("|L--\t\t个人报名\nzx\"0^r}\t\t任何单位\ngq~`!tW'\t\t均可参加\nk#9@\t\t报名截止", "jammer")).toEqual(["|L--", 'zx"0^r}', "gq~`!tW'", "k#9@"]);
  });
});
