import { describe, expect, it } from "vitest";
import { analyze } from "../src/index.js";
import { docAsText } from "../src/render/text.js";
import { seedText } from "./helpers/data.js";

describe("docAsText, the CLI's analyze --format text", () => {
  const lines = docAsText(analyze(seedText())).split("\n");

  it("opens with the page facts and flags the injected banner", () => {
    expect(lines.slice(0, 4)).toEqual([
      "title: 学院召开2023年第11次党委(扩大)会议",
      "published: 2023-05-18",
      "breadcrumb: 学院首页 > 专题网站 > 主题教育专栏",
      "spam (gambling, score 9): 欢迎访问122cc太阳集成游戏!",
    ]);
  });

  it("names the members on leave apart from those present", () => {
    const roll = docAsText(analyze("12月6日，县委书记刘文华主持召开县委常委会会议。县委常委王海涛、赵丽娟出席会议，钱志明、周红梅因公请假。")).split("\n");
    expect(roll).toContain("on leave: 钱志明、周红梅");
    expect(roll).toContain("participants: 王海涛、赵丽娟");
  });

  it("lists people with their organisation and titles, the outline and the brief", () => {
    const person = lines.find((l) => l.startsWith("person: "));
    expect(person).toContain("雷承锋 (学院 党委书记)");
    expect(person).toContain("李国臣 (省委主题教育第二十四巡回指导组 组长)");
    expect(lines).toContain("[inline-shi] 20 items, declared “二十条主要工作重点” (matches)");
    expect(lines).toContain("chair: 党委书记 雷承锋");
    expect(lines.some((l) => l.startsWith("guests: 李国臣"))).toBe(true);
  });

  it("never shows the spam banner's words as keywords", () => {
    const keywords = lines.find((l) => l.startsWith("keywords: "))!;
    for (const spam of ["太阳", "游戏", "122cc"]) expect(keywords).not.toContain(spam);
  });
});
