import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import { tag } from "../src/index.js";
import type { Doc } from "../src/core/schema.js";
import { expectValidDoc, shown, shownTexts } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";

const analyzer = createAnalyzer();
const kinds = (doc: Doc) => (doc.input?.pollution ?? []).map((p) => p.kind);
const PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,7}[)）]/u;

describe("pollution reader", () => {
  it("reports pinyin after characters on a real SEO mirror, with evidence on the input, and reads the text without it", () => {
    // dev part of the real-world corpus: a mirror of a Xinhua release with (guo) after characters and emoji
    const input = readFileSync("test/fixtures/realworld/dev/x-005.txt", "utf8");
    const doc = analyzer.analyze(input);
    expectValidDoc(doc);
    const pinyin = doc.input!.pollution!.find((p) => p.kind === "pinyin")!;
    expect(pinyin.count).toBeGreaterThan(100);
    expect(pinyin.evidence.slice(0, 3).map((e) => e.text)).toEqual(["(guo)", "(guo)", "(yuan)"]);
    for (const e of pinyin.evidence) expect(input.slice(e.start, e.end)).toBe(e.text);
    expect(doc.meeting?.chair).toMatchObject({ name: "李强", span: { text: "李(li)强", normalized: "李强" } });
    expect(shownTexts(doc).filter((t) => PINYIN.test(t))).toEqual([]);
    // a word keeps the pollution inside its range (the range is the input's); what lies between words is skipped
    expect(doc.tokens[0]).toMatchObject({ text: "国(guo)⛦(guo)务院(yuan)(yuan)总理", normalized: "国务院总理" });
    expect(doc.tokens.filter((t) => t.kind === "skipped").length).toBeGreaterThan(50);
  });

  it("keeps pollution out of CMS tags: a tag is the text read", () => {
    const tags = tag("国(guo)务院(yuan)总理李(li)强(qiang)3月17日主(zhu)持召开国务院常务会议。");
    expect(tags.people.map((t) => t.tag)).toEqual(["李强"]);
    expect(tags.people[0]!.spans[0]).toEqual({ start: 16, end: 22, text: "李(li)强", normalized: "李强" });
    expect(tags.keywords.map((t) => t.tag).filter((t) => PINYIN.test(t))).toEqual([]);
  });

  it("reads tone-marked pinyin over traditional characters before the script is judged", () => {
    // the opening of a real mirror (dev part of the real-world corpus, x-003), with a date added before it
    const doc = analyzer.analyze("3月21日上午，省政協(xié)十一屆三次主席會議召開。省政協(xié)主席劉偉主持會(huì )議并講話。會(huì )議傳達(dá)學(xué)習(xí)了全國兩會精神。");
    expect(doc.input).toMatchObject({ script: "traditional", pollution: [{ kind: "pinyin", count: 7 }] });
    expect(doc.meeting?.chair).toMatchObject({ name: "劉偉", normalized: "刘伟" });
    // a tone-marked reading after a mirror's mojibake letter (dev item x-042) is pollution too
    const mojibake = analyzer.analyze("偩诸I(lǐng)導班子成員、各部門(mén)負責人出席會(huì)議(yì)。");
    expect(mojibake.input?.pollution?.[0]?.evidence.map((e) => e.text)).toEqual(["(lǐng)", "(mén)", "(huì)", "(yì)"]);
  });

  it("reports emoji, zero-width characters, width mixing and hijacked names", () => {
    expect(kinds(analyzer.analyze("国务院🎐总理李强✨主持召开国务院常务会议。"))).toEqual(["emoji"]);
    expect(kinds(analyzer.analyze("国务\u200b院总理李\u200d强主持召开会议。"))).toEqual(["invisible"]);
    const width = analyzer.analyze("2０23年GDＰ增长5%，20２4年目标6%。");
    expect(kinds(width)).toEqual(["width"]);
    expect(width.tokens.find((t) => t.text === "2０23年")?.normalized).toBe("2023年");
    // a betting site's string in place of a county's name (dev item x-004), reported where its words are
    const seo = analyzer.analyze("6月20日晚6时,开云手机官网入口·(中国)官方网站召开第七次常务会议。");
    expect(seo.input?.pollution).toEqual([{ kind: "seo", count: 1, score: 0.037, evidence: [{ start: 9, end: 26, text: "开云手机官网入口·(中国)官方网站" }] }]);
    expect(kinds(analyzer.analyze("全省体育彩票投注站一年365天照常营业。"))).toEqual([]);
  });

  it("flags nothing in clean text: the seed, bilingual names, list markers, ○ as zero, one stray zero-width space", () => {
    for (const text of [
      seedText(),
      "北京(Beijing)、上海(Shanghai)和广州(Guangzhou)的代表出席会议。",
      "条款(a)、条款(a)和附件(a)另有规定；长度(m)与重量(kg)。",
      "二○二三年五月十七日，会议在北京召开。气温25℃。",
      "学院召开\u200b会议。★新闻★",
      "全年ＧＤＰ增长５．２％，２０２３年目标实现。",
    ]) {
      expect(analyzer.analyze(text).input?.pollution).toBeUndefined();
    }
  });

  it("keeps every span exact through random injections into real text, and reads the clean text (property)", () => {
    const seed = seedText();
    const sentences = seed.split(/(?<=。)/u).filter((s) => s.length > 10).slice(0, 30);
    const insert = fc.constantFrom("(guo)", "(qū)", "（huì）", "🎐", "✨", "\u200b", "\u202e", "(yi)(yi)");
    const segmenter = createAnalyzer({ stages: ["segment", "sentences", "entities"] });
    fc.assert(
      fc.property(fc.nat(sentences.length - 1), fc.array(fc.tuple(fc.nat(), insert), { minLength: 6, maxLength: 30 }), (k, injections) => {
        const clean = sentences[k]!;
        const chars = [...clean];
        const han = chars.flatMap((c, i) => (/\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(chars[i + 1] ?? "") ? [i] : []));
        for (const [at, what] of injections) chars[han[at % han.length]!] += what;
        const input = chars.join("");
        const doc = segmenter.analyze(input);
        expectValidDoc(doc);
        const flagged = doc.input?.pollution !== undefined;
        if (flagged && doc.input!.pollution!.length === new Set(injections.map(([, what]) => kindOf(what))).size) {
          expect(doc.tokens.filter((t) => t.kind !== "skipped").map(shown).join("")).toBe(clean);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** The pollution kind an injected string is. */
const kindOf = (what: string) => (what.startsWith("(") || what.startsWith("（") ? "pinyin" : /[\u200b\u202e]/u.test(what) ? "invisible" : "emoji");
