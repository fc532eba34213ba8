import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
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
});
