import { describe, expect, it } from "vitest";
import { splitClauses, splitSentences } from "../src/text/sentences.js";
import { seedText } from "./helpers/data.js";

const SEED = seedText();
const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe("splitSentences", () => {
  it("keeps offsets into the input", () => {
    for (const s of splitSentences(SEED)) expect(SEED.slice(s.start, s.end)).toBe(s.text);
  });

  it("splits the seed's 一是…二十是 list at its semicolons, one item per sentence", () => {
    const items = texts(SEED).filter((s) => /^[一二三四五六七八九十]+是/.test(s));
    expect(items).toHaveLength(19); // 一是 opens the sentence that starts 雷承锋强调
    expect(items[0]).toBe("二是聚焦目标、对标对表,切实形成学院建设“特色鲜明、全国一流”的目标导向;");
    expect(items.at(-1)!.startsWith("二十是总结经验")).toBe(true);
    const first = texts(SEED).find((s) => s.includes("一是精心"))!;
    expect(first.startsWith("雷承锋强调,全方位推进")).toBe(true);
    expect(first.endsWith(";")).toBe(true);
  });

  it("ends the seed's lines at their breaks (banner, breadcrumb, title, metadata)", () => {
    expect(texts(SEED).slice(0, 5)).toEqual([
      "欢迎访问122cc太阳集成游戏!",
      "主题教育专栏",
      "学院首页 > 专题网站 > 主题教育专栏 > 正文",
      "学院召开2023年第11次党委(扩大)会议",
      "发布时间:2023-05-18阅读数:",
    ]);
  });

  it("does not split inside quotes and brackets in either width", () => {
    expect(texts("专题研讨决定“学院把握。服务转型”发展任务。会议(扩大;会议)召开。")).toEqual([
      "专题研讨决定“学院把握。服务转型”发展任务。",
      "会议(扩大;会议)召开。",
    ]);
  });

  it("ends a sentence after a quotation that ends with its own full stop", () => {
    expect(texts("他说：“要狠抓落实。”大家鼓掌。")).toEqual(["他说：“要狠抓落实。”", "大家鼓掌。"]);
    expect(texts('他说:"要狠抓落实!"大家鼓掌。')).toEqual(['他说:"要狠抓落实!"', "大家鼓掌。"]);
  });

  it("treats ASCII and full-width enders alike, but not inside numbers and addresses", () => {
    expect(texts("要狠抓落实!要善于总结;敢于创新?是的")).toEqual(["要狠抓落实!", "要善于总结;", "敢于创新?", "是的"]);
    expect(texts("详见http://x.cn/a?id=1&b=2，增长３．５%；１．加强领导")).toEqual([
      "详见http://x.cn/a?id=1&b=2，增长３．５%；",
      "１．加强领导",
    ]);
  });

  it("does not let a stray opening quote swallow the document", () => {
    const text = `他说：“${"很长的话".repeat(100)}。后来又说了一句。`;
    expect(texts(text).length).toBeGreaterThan(1);
  });
});

describe("splitClauses", () => {
  it("cuts at ，；： of either width but not inside 09:30 or 1,234", () => {
    const text = "5月17日,学院召开会议:研究工作，时间09:30,人数1,234人。";
    expect(splitClauses(text, splitSentences(text)).map((c) => c.text)).toEqual([
      "5月17日,",
      "学院召开会议:",
      "研究工作，",
      "时间09:30,",
      "人数1,234人。",
    ]);
  });
});
