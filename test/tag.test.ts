import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isGongwenError } from "../src/core/errors.js";
import { createAnalyzer } from "../src/analyzer.js";
import type { Doc } from "../src/core/schema.js";
import { TAG_KINDS, TagsSchema, type Tag, type Tags } from "../src/tag/index.js";
import { tag } from "../src/analyzer.js";
import { itWithData, newsItems, seedText } from "./helpers/data.js";

const seed = seedText();
const analyzer = createAnalyzer();
const doc = analyzer.analyze(seed);

function expectSpansOfText(tags: Tags, text: string): void {
  for (const kind of TAG_KINDS) {
    for (const item of tags[kind]) {
      expect(item.count).toBe(item.spans.length);
      for (const span of item.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
      const starts = item.spans.map((span) => span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  }
}

function expectRanked(list: readonly Tag[]): void {
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1]!, list[i]!];
    expect(a.score > b.score || (a.score === b.score && a.spans[0]!.start <= b.spans[0]!.start)).toBe(true);
  }
}

describe("tag() on the seed meeting report", () => {
  const tags = tag(doc);

  it("passes its own schema and every span slices the input", () => {
    expect(TagsSchema.parse(tags)).toEqual(tags);
    expectSpansOfText(tags, seed);
  });

  it("ranks the chair first among people, with his title and organisation", () => {
    const chair = tags.people[0]!;
    expect(chair).toMatchObject({ tag: "雷承锋", score: 1, titles: expect.arrayContaining(["党委书记"]) });
    expect(chair.spans.every((span) => span.text === "雷承锋")).toBe(true);
    expect(tags.people.map((person) => person.tag)).toEqual(expect.arrayContaining(["李国臣", "王鹏", "宋海宏"]));
  });

  it("orders every kind by score, then first occurrence", () => {
    for (const kind of TAG_KINDS) expectRanked(tags[kind]);
  });

  it("counts and outlines the twenty 一是…二十是 work priorities", () => {
    const priorities = tags.enumerations.outline.find((list) => list.items[0]?.marker === "一是");
    expect(priorities?.items.map((item) => item.marker).at(-1)).toBe("二十是");
    expect(priorities?.items).toHaveLength(20);
    expect(priorities?.items[0]?.title).toBe("精心谋划、科学布局 — 切实形成准确把握学院办学定位的“思路与制度”体系");
    expect(tags.enumerations.items).toBeGreaterThanOrEqual(20);
  });

  it("is deterministic: same input, same JSON, also from a JSON round trip of the Doc", () => {
    const again = tag(JSON.parse(JSON.stringify(doc)) as Doc);
    expect(JSON.stringify(again)).toBe(JSON.stringify(tags));
  });

  it("carries the members on leave of a roll call apart from the participants", () => {
    const roll = tag(createAnalyzer().analyze("12月6日，县委书记刘文华主持召开县委常委会会议。县委常委王海涛、赵丽娟出席会议，钱志明、周红梅因公请假。"));
    expect(roll.meeting?.onLeave).toEqual(["钱志明", "周红梅"]);
    expect(roll.meeting?.participants).toEqual(["王海涛", "赵丽娟"]);
  });

  it("carries the page's title and publication date and the meeting brief", () => {
    expect(tags).toMatchObject({ title: "学院召开2023年第11次党委(扩大)会议", publishedAt: "2023-05-18" });
    expect(tags.meeting).toMatchObject({ name: "2023年第11次党委(扩大)会议", number: 11, date: "2023-05-17", chair: { name: "雷承锋" } });
    expect(tags.meeting?.guests).toEqual(["李国臣", "王鹏"]);
  });

  it("reports the summary with spans into the input", () => {
    expect(tags.summary.text).toContain("雷承锋");
    for (const span of tags.summary.spans) expect(seed.slice(span.start, span.end)).toBe(span.text);
  });
});

describe("tag options", () => {
  it("maxPerKind caps each kind (one number or per kind)", () => {
    const capped = tag(doc, { maxPerKind: 2 });
    for (const kind of TAG_KINDS) expect(capped[kind].length).toBeLessThanOrEqual(2);
    const perKind = tag(doc, { maxPerKind: { people: 1, organizations: 0 } });
    expect(perKind.people.map((person) => person.tag)).toEqual(["雷承锋"]);
    expect(perKind.organizations).toEqual([]);
    expect(perKind.keywords.length).toBeGreaterThan(2);
  });

  it("minScore drops weaker tags", () => {
    const strong = tag(doc, { minScore: 0.5 });
    for (const kind of TAG_KINDS) for (const item of strong[kind]) expect(item.score).toBeGreaterThanOrEqual(0.5);
    expect(strong.people.map((person) => person.tag)).toEqual(["雷承锋"]);
  });

  it("deny removes tags and allow keeps only the listed ones", () => {
    expect(tag(doc, { deny: ["雷承锋"] }).people.map((p) => p.tag)).not.toContain("雷承锋");
    const allowed = tag(doc, { allow: ["王鹏", "宣传统战部"] });
    expect(allowed.people.map((p) => p.tag)).toEqual(["王鹏"]);
    expect(allowed.organizations.map((o) => o.tag)).toEqual(["宣传统战部"]);
    for (const kind of TAG_KINDS) for (const item of allowed[kind]) expect(["王鹏", "宣传统战部"]).toContain(item.tag);
  });

  it("userWords become sections, counted where they occur", () => {
    const tags = tag(doc, { userWords: ["办学定位", "主题教育", "乡村振兴"] });
    const occurrences = (word: string) => seed.split(word).length - 1;
    expect(tags.sections.map((s) => [s.tag, s.count])).toEqual([
      ["办学定位", occurrences("办学定位")],
      ["主题教育", occurrences("主题教育")],
    ]);
    expect(tags.sections[0]!.score).toBe(1);
  });

  it("a string is analysed with the userWords kept whole", () => {
    const tags = tag("学院召开党委会议，研究新质生产力发展。", { userWords: ["新质生产力"] });
    expect(tags.sections).toEqual([
      { tag: "新质生产力", score: 1, count: 1, spans: [{ start: 11, end: 16, text: "新质生产力" }] },
    ]);
  });

  it("bad options and bad input raise coded errors", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isGongwenError(error) ? error.code : "other";
      }
      return "none";
    };
    expect(code(() => tag(doc, { minScore: 2 }))).toBe("INVALID_OPTIONS");
    expect(code(() => tag(doc, { maxTags: 3 } as never))).toBe("INVALID_OPTIONS");
    expect(code(() => tag(42 as never))).toBe("INVALID_INPUT");
  });
});

describe("spam and page noise", () => {
  it("reports the gambling banner the page stage found, with its evidence", () => {
    const tags = tag(doc);
    expect(tags.spam.flagged).toBe(true);
    expect(tags.spam.findings[0]).toMatchObject({ category: "gambling", span: { start: 0, text: "欢迎访问122cc太阳集成游戏!" } });
    expect(tags.spam.findings[0]!.evidence.map((span) => span.text)).toContain("122cc");
    expect(tags.spam.score).toBe(tags.spam.findings[0]!.score);
  });

  it("takes no entity tags from the banner, the breadcrumb or the credits", () => {
    const tags = tag(doc, { maxPerKind: 100 });
    const regions = doc.page!.regions.filter((region) => ["spam", "navigation", "credits", "footer"].includes(region.kind));
    for (const kind of ["people", "organizations", "places", "dates"] as const) {
      for (const span of tags[kind].flatMap((item) => item.spans)) {
        expect(regions.some((region) => span.start >= region.start && span.start < region.end)).toBe(false);
      }
    }
    expect(tags.people.map((person) => person.tag)).not.toContain("石丹"); // the editor, named in the credits
  });

  itWithData("corpus/xinwenlianbo", "a clean news item is not flagged", () => {
    const item = newsItems(1)[0]!;
    expect(tag(analyzer.analyze(item.text)).spam).toEqual({ flagged: false, score: 0, findings: [] });
  });
});

describe("tag() on any input", () => {
  const pieces = ["雷承锋主持召开会议。", "学院党委书记", "一是", "二是", "5月17日", "山西", "\n", "\u0000", "\ud800", "😀", "ＡＩ", "欢迎访问122cc太阳集成游戏!"];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary" })), { maxLength: 30 })
    .map((parts) => parts.join(""));

  it("passes its schema, ranks deterministically and points every span at the input", () => {
    fc.assert(
      fc.property(text, (input) => {
        const tags = tag(analyzer.analyze(input), { userWords: ["一是", "山西"] });
        expect(TagsSchema.parse(tags)).toEqual(tags);
        expectSpansOfText(tags, input);
        for (const kind of TAG_KINDS) expectRanked(tags[kind]);
      }),
      { numRuns: 150 },
    );
  });
});
