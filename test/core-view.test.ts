import { describe, expect, it } from "vitest";
import { identityView, mapDoc, type TextView } from "../src/core/view.js";
import { createAnalyzer } from "../src/analyzer.js";

/** A view that drops the HTML tags of `input` (a stand-in for the real-world input views to come). */
function withoutTags(input: string): TextView {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "<") {
      i = input.indexOf(">", i);
      continue;
    }
    text += input[i];
    starts.push(i);
    ends.push(i + 1);
  }
  starts.push(input.length);
  return { input, text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
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
  });
});
