import { readFileSync } from "node:fs";
import fc from "fast-check";
import * as OpenCC from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import type { Doc } from "../src/core/schema.js";
import { detectScript, simplifiedStep } from "../src/input/script.js";
import { expectValidDoc } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";

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
