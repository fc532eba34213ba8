import { readFileSync } from "node:fs";
import fc from "fast-check";
import * as OpenCC from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import type { Doc } from "../src/core/schema.js";
import { detectScript, scanScript, simplifiedStep } from "../src/input/script.js";
import { expectValidDoc } from "./helpers/doc.js";
import { itWithData, readData, seedText } from "./helpers/data.js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const analyzer = createAnalyzer();
const read = (span: { text: string; normalized?: string }) => span.normalized ?? span.text;
const persons = (doc: Doc) => (doc.entities ?? []).filter((e) => e.type === "person");

describe("script reader", () => {
  const seed = seedText();
  const traditional = toTraditional(seed);
  const simplifiedDoc = analyzer.analyze(seed);
  const doc = analyzer.analyze(traditional);

  it("judges the script in one pass: simplified news with a few traditional-only characters stays simplified", () => {
    expect(detectScript(seed)).toBe("simplified");
    expect(detectScript(traditional)).toBe("traditional");
    expect(detectScript(`${seed}哪吒乾坤於是`)).toBe("simplified");
    expect(detectScript(`${seed.slice(0, 400)}${traditional.slice(400, 800)}`)).toBe("mixed");
    // a real traditional page (dev part of the real-world corpus: a udn report)
    expect(detectScript(readFileSync("test/fixtures/realworld/dev/t-013.txt", "utf8"))).toBe("traditional");
  });

  it("reads phrases as opencc does and keeps the map exact, character by character", () => {
    const step = simplifiedStep("顯著成效，穿著制服的頭髮，裡面");
    expect(step.text).toBe("显著成效，穿着制服的头发，里面");
    expect([...step.starts.slice(0, step.text.length)]).toEqual([...Array(step.text.length).keys()]);
  });

  it("gives the traditional seed the simplified seed's entities, lists and brief, in the input's script", () => {
    expect(doc.input?.script).toBe("traditional");
    expectValidDoc(doc);
    expect((doc.entities ?? []).map(read)).toEqual((simplifiedDoc.entities ?? []).map((e) => e.text));
    expect(JSON.stringify(doc.enumerations?.map((e) => [e.style, e.items.length]))).toBe(
      JSON.stringify(simplifiedDoc.enumerations?.map((e) => [e.style, e.items.length])),
    );
    const chair = doc.meeting!.chair!;
    expect(chair).toMatchObject({ name: "雷承鋒", normalized: "雷承锋", titles: ["黨委書記"] });
    expect(chair.span).toMatchObject({ text: "雷承鋒", normalized: "雷承锋" });
    expect(persons(doc).find((p) => p.text === "雷承鋒")?.id).toBe("person:雷承锋");
  });

  it("writes keywords and the summary in the input's script with the simplified form beside them", () => {
    for (const keyword of doc.keywords ?? []) {
      expect(keyword.spans.some((span) => span.text === keyword.text)).toBe(true);
      if (keyword.normalized !== undefined) expect(keyword.normalized).not.toBe(keyword.text);
    }
    expect(doc.keywords!.map((k) => k.normalized ?? k.text)).toEqual(simplifiedDoc.keywords!.map((k) => k.text));
    expect(doc.summary!.normalized).toBe(simplifiedDoc.summary!.text);
    expect(detectScript(doc.summary!.text)).toBe("traditional");
  });

  it("keeps a stage's own reading as the normalized text of a traditional span (a padded byline name 馮 艷 is 冯艳)", () => {
    const byline = "(記者馮 艷 孫 敏)5日晚,縣第十六屆人民代表大會第五次會議舉行主席團第一次會議。";
    const persons = analyzer.analyze(byline).entities!.filter((entity) => entity.type === "person");
    expect(persons.map((person) => [person.text, person.normalized])).toEqual([["馮 艷", "冯艳"], ["孫 敏", "孙敏"]]);
  });

  it("leaves a simplified input as it is: no normalized text anywhere", () => {
    expect(simplifiedDoc.input).toEqual({ format: "text", script: "simplified" });
    expect(JSON.stringify(simplifiedDoc)).not.toContain('"normalized"');
  });

  it("keeps every span exact on random traditional and simplified mixes of real text (property)", () => {
    const sentences = seed.split(/(?<=[。\n])/u).filter((s) => s !== "");
    const piece = fc.tuple(fc.nat(sentences.length - 1), fc.boolean());
    const segmenter = createAnalyzer({ stages: ["segment", "sentences", "page", "enumerations", "entities"] });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const input = pieces.map(([k, converted]) => (converted ? toTraditional(sentences[k]!) : sentences[k]!)).join("");
        expectValidDoc(segmenter.analyze(input));
      }),
      { numRuns: 40 },
    );
  });
});

describe("traditional runs in a simplified page", () => {
  const seed = seedText();
  const segmenter = createAnalyzer({ stages: ["segment", "sentences", "page", "enumerations", "entities"] });

  itWithData("corpus/xinwenlianbo", "leaves a simplified item that repeats a name with a traditional-only character unconverted (王於昌 ×7)", () => {
    const items = readData("corpus/xinwenlianbo/xwlb-items.jsonl").split("\n").filter((line) => line.includes('"20260706-05"') || line.includes('"20251214-04"'));
    expect(items).toHaveLength(2);
    for (const line of items) {
      const { title, text } = JSON.parse(line) as { title: string; text: string };
      // 7 of 151 script-specific characters: a whole-text share over 5 %, but every one a lone 於 or 乾 between simplified ones
      expect(scanScript(`${title}\n${text}`)).toEqual({ script: "simplified", runs: [] });
    }
  });

  it("converts a traditional line in a simplified page, not the page: the roll call of a real release (dev m-530)", () => {
    const page = readFileSync("test/fixtures/realworld/dev/m-530.txt", "utf8");
    const roll = "郭秋香、汪旭霞、段昊等区领导参加会议。";
    expect(page).toContain(roll);
    const mixed = page.replace(roll, toTraditional(roll));
    expect(mixed).toContain("郭秋香、汪旭霞、段昊等區領導參加會議。");
    const doc = analyzer.analyze(mixed);
    expectValidDoc(doc);
    expect(doc.input?.script).toBe("mixed");
    const brief = doc.meeting!;
    expect(brief.participants.map((p) => [p.text, read(p)])).toEqual([["郭秋香", "郭秋香"], ["汪旭霞", "汪旭霞"], ["段昊", "段昊"]]);
    expect(brief.chair).toMatchObject({ name: "赵玉勋" });
    expect(brief.chair!.normalized).toBeUndefined();
    // the simplified text is read as it is: the same keywords as the page with its roll call in simplified script
    expect(doc.keywords!.map((k) => k.text)).toEqual(analyzer.analyze(page).keywords!.map((k) => k.text));
  });

  it("reads who was absent from a traditional roll sentence in a simplified page (dev m-115: 因公缺席會議, 參加)", () => {
    const page = readFileSync("test/fixtures/realworld/dev/m-115.txt", "utf8");
    const roll = "会议由李崇光校长主持,邹星庐副书记因公缺席会议,其他校长办公会成员参加。";
    expect(page).toContain(roll);
    const simplified = analyzer.analyze(page).meeting!;
    const brief = analyzer.analyze(page.replace(roll, toTraditional(roll))).meeting!;
    expect(brief.onLeave.map((member) => [member.text, read(member)])).toEqual([["鄒星廬", "邹星庐"]]);
    expect(brief.participants.map(read)).toEqual(simplified.participants.map(read));
    expect(brief.chair).toMatchObject({ name: "李崇光", span: { text: "李崇光" } });
  });

  it("writes the brief's chair as the traditional line it was read from writes it, not as the rest of the page does", () => {
    const page = readFileSync("test/fixtures/realworld/dev/m-530.txt", "utf8");
    const lead = "33日,区长赵玉勋主持召开区长办公会议,对全区各项重点工作进行研究部署。";
    expect(page).toContain(lead);
    // the rest of the page writes 赵玉勋 twice (赵玉勋逐一点评, 赵玉勋要求)
    const doc = analyzer.analyze(page.replace(lead, toTraditional(lead)));
    expect(doc.input?.script).toBe("mixed");
    expect(doc.meeting!.chair).toMatchObject({ name: "趙玉勳", normalized: "赵玉勋", titles: ["區長"], span: { text: "趙玉勳" } });
  });

  it("keeps offsets exact and reads every traditional run inserted into simplified text (property)", () => {
    const sentences = seed.split(/(?<=[。\n])/u).filter((s) => s !== "");
    // sentences whose traditional form differs from them in three characters or more, each a run to convert
    const convertible = sentences.filter((s) => toTraditional(s).length === s.length && [...s].filter((c, i) => toTraditional(s)[i] !== c).length >= 3);
    expect(convertible.length).toBeGreaterThan(20);
    const piece = fc.tuple(fc.nat(sentences.length - 1), fc.nat(convertible.length - 1), fc.boolean());
    let converted = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (pieces) => {
        const runs: { start: number; simplified: string }[] = [];
        let input = "";
        for (const [plain, run, insert] of pieces) {
          input += sentences[plain]!;
          if (!insert) continue;
          runs.push({ start: input.length, simplified: convertible[run]! });
          input += toTraditional(convertible[run]!);
        }
        const doc = segmenter.analyze(input);
        expectValidDoc(doc);
        if (runs.length > 0) expect(doc.input?.script).not.toBe("simplified");
        for (const entity of doc.entities ?? []) {
          const inside = runs.find((run) => entity.start >= run.start && entity.end <= run.start + run.simplified.length);
          if (!inside) continue;
          expect(read(entity)).toBe(inside.simplified.slice(entity.start - inside.start, entity.end - inside.start));
          if (entity.normalized !== undefined) converted++;
        }
      }),
      { numRuns: 40 },
    );
    // entities written in traditional characters were met (雷承鋒, 李國臣…), not only ones alike in both scripts
    expect(converted).toBeGreaterThan(10);
  });
});
