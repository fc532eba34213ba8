import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ViewBuilder, composeView, identityView, mapDoc, type TextView, type ViewStep } from "../src/core/view.js";
import { createAnalyzer } from "../src/analyzer.js";

/** A step that drops the `<…>` tags of `source` (a stand-in for the HTML reader). */
function withoutTagsStep(source: string): ViewStep {
  const builder = new ViewBuilder(source);
  let from = 0;
  for (let open = source.indexOf("<"); open >= 0; open = source.indexOf("<", from)) {
    const close = source.indexOf(">", open);
    if (close < 0) break;
    builder.keep(from, open);
    from = close + 1;
  }
  builder.keep(from, source.length);
  return builder.finish();
}

const withoutTags = (input: string): TextView => composeView(identityView(input), withoutTagsStep(input));

/** A step that writes each 國 as 国 and each 強 as 强 (a stand-in for the script reader). */
function simplifiedStep(source: string): ViewStep {
  const builder = new ViewBuilder(source);
  for (let i = 0; i < source.length; i++) {
    const simple = ({ 國: "国", 強: "强" } as Record<string, string>)[source[i]!];
    if (simple) builder.put(simple, i, i + 1);
    else builder.keep(i, i + 1);
  }
  return builder.finish();
}

describe("text view", () => {
  it("leaves a Doc over the identity view as it is", () => {
    const doc = createAnalyzer({ stages: ["segment", "sentences"] }).analyze("学院召开党委会议。");
    expect(mapDoc(identityView(doc.text), doc)).toBe(doc);
  });

  it("maps every span of a Doc made over the view back onto the input, text re-read from the input", () => {
    const input = "<p>学院党委书记<b>雷承锋</b>主持召开会议。</p><p>王鹏参加会议。</p>";
    const view = withoutTags(input);
    const doc = mapDoc(view, createAnalyzer({ stages: ["segment", "sentences", "entities"] }).analyze(view.text));
    expect(doc.text).toBe(input);
    const spans = [...doc.tokens, ...doc.sentences, ...(doc.entities ?? [])];
    for (const span of spans) expect(input.slice(span.start, span.end)).toBe(span.text);
    const person = doc.entities?.find((e) => e.type === "person" && e.text === "雷承锋");
    expect(person).toMatchObject({ start: input.indexOf("雷承锋"), end: input.indexOf("雷承锋") + 3 });
    // a sentence ends after its last character, before the tag that follows it
    expect(doc.sentences.map((s) => s.text)).toEqual(["学院党委书记<b>雷承锋</b>主持召开会议。", "王鹏参加会议。"]);
    // the text read, where it differs from the input's, is kept as `normalized`
    expect(doc.sentences[0]!.normalized).toBe("学院党委书记雷承锋主持召开会议。");
    expect(doc.sentences[1]!.normalized).toBeUndefined();
  });

  it("covers the input with tokens: what the view left out comes back as skipped tokens", () => {
    const input = "<p>学院召开会议。</p>";
    const view = withoutTags(input);
    const doc = mapDoc(view, createAnalyzer({ stages: ["segment"] }).analyze(view.text));
    expect(doc.tokens.map((t) => t.text).join("")).toBe(input);
    expect(doc.tokens.filter((t) => t.kind === "skipped").map((t) => t.text)).toEqual(["<p>", "</p>"]);
  });

  it("composes steps: markup dropped, then characters replaced, spans exact on the input", () => {
    const input = "<p>李克<b>強</b>在國務院</p>";
    const view = composeView(withoutTags(input), simplifiedStep(withoutTags(input).text));
    expect(view.text).toBe("李克强在国務院");
    const doc = mapDoc(view, { text: view.text, tokens: [], sentences: [{ start: 0, end: 3, text: "李克强" }] });
    expect(doc.sentences[0]).toEqual({ start: 3, end: 9, text: "李克<b>強", normalized: "李克强" });
  });

  it("maps a written replacement (an entity) to its whole source range", () => {
    const builder = new ViewBuilder("A&amp;B");
    builder.keep(0, 1);
    builder.put("&", 1, 6);
    builder.keep(6, 7);
    const view = composeView(identityView("A&amp;B"), builder.finish());
    expect(view.text).toBe("A&B");
    const doc = mapDoc(view, { text: view.text, tokens: [], sentences: [{ start: 1, end: 2, text: "&" }] });
    expect(doc.sentences[0]).toMatchObject({ start: 1, end: 6, text: "&amp;", normalized: "&" });
  });

  it("keeps every span exact through random tags and replacements (property)", () => {
    const piece = fc.constantFrom("国", "國", "務", "院", "强", "強", "<b>", "</p>", "。", " ", "\n", "a");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const input = pieces.join("");
        const first = withoutTags(input);
        const view = composeView(first, simplifiedStep(first.text));
        const [from, to] = [a % (view.text.length + 1), b % (view.text.length + 1)].sort((x, y) => x - y) as [number, number];
        const doc = mapDoc(view, { text: view.text, tokens: [], sentences: [{ start: from, end: to, text: view.text.slice(from, to) }] });
        const span = doc.sentences[0]!;
        expect(input.slice(span.start, span.end)).toBe(span.text);
        expect(span.start).toBeLessThanOrEqual(span.end);
      }),
    );
  });

  it("says how a plain input was read", () => {
    const doc = createAnalyzer({ stages: ["segment"] }).analyze("学院召开会议。");
    expect(doc.input).toEqual({ format: "text", script: "simplified" });
  });
});
