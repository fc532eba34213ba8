import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import type { Doc } from "../src/core/schema.js";
import { findMojibake } from "../src/input/mojibake.js";
import { expectValidDoc, shownTexts } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";
import { growth } from "./helpers/timing.js";

const analyzer = createAnalyzer();
const mojibakeOf = (doc: Doc) => doc.input?.pollution?.find((p) => p.kind === "mojibake");
const dev = (id: string) => readFileSync(`test/fixtures/realworld/dev/${id}.txt`, "utf8");
/** The seed's headline and its first report sentence, as a mirror that broke the headline's encoding would carry them. */
const seedBody = () => seedText().split("\n").slice(8).join("\n");

describe("mojibake: characters a mirror lost to a wrong encoding", () => {
  it("reports a headline lost to a line of ? and leaves it out of the text read", () => {
    // dev item x-523: an alumni association's page whose headline the mirror could not write in its encoding
    const input = dev("x-523");
    const doc = analyzer.analyze(input);
    expectValidDoc(doc);
    const report = mojibakeOf(doc)!;
    expect(report.evidence.map((e) => e.text)).toEqual(["?".repeat(36)]);
    expect(input.slice(report.evidence[0]!.start, report.evidence[0]!.end)).toBe(report.evidence[0]!.text);
    expect(shownTexts(doc).filter((t) => t.includes("??"))).toEqual([]);
  });

  it("reports ? glued into words where a traditional character was lost (確??h政協 for 縣)", () => {
    // dev item x-030: a county CPPCC release mirrored through a GBK gateway, with tone-marked readings too
    const doc = analyzer.analyze(dev("x-030"));
    expect(mojibakeOf(doc)?.evidence.map((e) => e.text)).toEqual(["??h", "??h"]);
    expect(shownTexts(doc).filter((t) => /\?[a-z]/u.test(t))).toEqual([]);
  });

  it("reports UTF-8 read as Latin-1 or Windows-1252, once or twice, and 锟斤拷", () => {
    const headline = "学院召开2023年第11次党委(扩大)会议";
    const bytes = Buffer.from(headline, "utf8");
    for (const broken of [iconv.decode(bytes, "win1252"), bytes.toString("latin1"), Buffer.from(bytes.toString("latin1"), "utf8").toString("latin1")]) {
      const doc = analyzer.analyze(`${broken}\n\n${seedBody()}`);
      expect(mojibakeOf(doc)?.count).toBeGreaterThanOrEqual(1);
      expect(shownTexts(doc).filter((t) => /[\u00c2-\u00ef]/u.test(t))).toEqual([]);
      expect(doc.meeting?.chair?.name).toBe("雷承锋");
    }
    // two replacement characters written in UTF-8 and read as GBK: the classic 锟斤拷
    const lost = iconv.decode(Buffer.from("\ufffd\ufffd", "utf8"), "gbk");
    expect(lost).toBe("锟斤拷");
    const doc = analyzer.analyze(`学院召开2023年第11次党委${lost}会议\n\n${seedBody()}`);
    expect(mojibakeOf(doc)?.evidence.map((e) => e.text)).toEqual(["锟斤拷"]);
    expect(shownTexts(doc).filter((t) => t.includes("锟"))).toEqual([]);
  });

  it("does not read question marks, blanks lost before a field's label, or Latin words as mojibake", () => {
    // dev item m-713: a clean release whose metadata line lost its blanks to ??? (来源:大栗港镇???作者:何崎)
    expect(mojibakeOf(analyzer.analyze(dev("m-713")))).toBeUndefined();
    for (const text of [
      "国务院总理?李克强\n各位代表：",
      "懂得怎么制定制度吗?下面是小编收集整理的范文。真的吗??我们来看。",
      "“数据要素×”三年行动计划在工业制造领域落地。法国总统府爱丽舍宫(Élysée)举行会谈，café文化节开幕。",
      "欢迎访问???\n? ?\n根据(j\ufffd",
    ]) {
      expect(mojibakeOf(analyzer.analyze(text))).toBeUndefined();
    }
  });

  it("finds runs in linear time on a megabyte of adversarial input", () => {
    for (const make of [
      (n: number) => "?".repeat(n),
      (n: number) => "? ".repeat(n / 2) + "x",
      (n: number) => "中?".repeat(n / 2),
      (n: number) => "ä¸".repeat(n / 2),
      (n: number) => "Ã¥Â".repeat(n / 3),
      (n: number) => "\ufffd".repeat(n),
      // lines of ? (each a lost headline) with their runs: checking every run against every line was quadratic
      (n: number) => "????\n".repeat(n / 5),
    ]) {
      expect(growth(findMojibake, make(100_000), make(1_000_000), { floorMs: 5 }).ratio).toBeLessThan(30);
    }
  });
});
