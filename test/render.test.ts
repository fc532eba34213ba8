import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/pipeline.js";
import { displayable, JUPYTER_DISPLAY, mimeBundle, render, show } from "../src/render/index.js";
import type { Doc } from "../src/schema.js";
import { seedText } from "./helpers/data.js";

const seed = seedText();
const doc = createAnalyzer().analyze(seed);

const UNESCAPE: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The text pane's markup, its tags balanced (throws otherwise), and its text content. */
function textPane(html: string): { markup: string; text: string } {
  const start = html.indexOf('<div class="gw-text">') + '<div class="gw-text">'.length;
  const end = html.indexOf('</div><nav class="gw-outline">') === -1 ? html.lastIndexOf("</div></div>") : html.indexOf('</div><nav class="gw-outline">');
  const markup = html.slice(start, end);
  let depth = 0;
  for (const tag of markup.match(/<\/?span[^>]*>/g) ?? []) {
    depth += tag.startsWith("</") ? -1 : 1;
    if (depth < 0) throw new Error("closing tag without opening tag");
  }
  if (depth !== 0) throw new Error(`${depth} spans left open`);
  const text = markup.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (entity) => UNESCAPE[entity]!);
  return { markup, text };
}

describe("render() on the seed", () => {
  const html = render(doc);

  it("reproduces the input exactly in the text pane, with balanced markup", () => {
    expect(textPane(html).text).toBe(seed);
  });

  it("highlights every entity by type with its details on hover", () => {
    const { markup } = textPane(html);
    expect(markup).toContain('<span class="gw-ent gw-ent-person" data-label="person" title="person 党委书记 (学院)">雷承锋</span>');
    const persons = markup.match(/gw-ent-person"/g) ?? [];
    expect(persons.length).toBe(doc.entities!.filter((entity) => entity.type === "person").length);
  });

  it("puts the summary and keywords on top and the twenty priorities in the outline", () => {
    expect(html.indexOf('class="gw-summary"')).toBeLessThan(html.indexOf('class="gw-text"'));
    const chips = html.slice(html.indexOf('<ul class="gw-chips gw-keywords">'), html.indexOf("</ul>"));
    expect(chips).toContain(`>${doc.keywords![0]!.text}</li>`);
    const outline = html.slice(html.indexOf('<nav class="gw-outline">'));
    expect(outline).toContain("一是 精心谋划、科学布局 — 切实形成准确把握学院办学定位的“思路与制度”体系</a>");
    expect(outline).toContain("二十是 总结经验、凝炼精神 — ");
    // Each outline link targets an anchor on its marker in the text.
    const target = /href="#([^"]+)">一是/.exec(outline)![1]!;
    expect(html).toContain(`id="${target}">一是</span>`);
  });

  it("greys noise regions and labels spam", () => {
    const line = "欢迎访问122cc太阳集成游戏!";
    const page = {
      regions: [{ kind: "navigation" as const, start: 18, end: 24, text: seed.slice(18, 24) }],
      spam: [{ start: 0, end: line.length, text: line, category: "gambling", evidence: [], score: 0.9 }],
    };
    const out = render({ ...doc, page });
    expect(out).toContain(`<span class="gw-spam" data-label="spam: gambling" title="spam: gambling (score 0.9): ">`);
    expect(out).toContain(`<span class="gw-noise" data-label="navigation" title="navigation (not article text)">${seed.slice(18, 24)}</span>`);
    expect(textPane(out).text).toBe(seed);
  });

  it("page: true gives a complete document", () => {
    const page = render(doc, { page: true });
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
  });
});

const SAFE_ELEMENTS = ["html", "head", "meta", "title", "body", "div", "style", "header", "h1", "h2", "p", "section", "ul", "li", "span", "nav", "ol", "a"];

describe("render() escapes everything", () => {
  const payload = `<script>alert(1)</script><img src=x onerror="alert('x')">&amp;`;
  const text = `学院召开会议。${payload}雷承锋主持。`;
  const hostile: Doc = {
    text,
    tokens: [],
    sentences: [],
    entities: [
      { type: "person", start: text.indexOf("雷承锋"), end: text.indexOf("雷承锋") + 3, text: "雷承锋", attrs: { titles: [`"><script>x()</script>`], titleOrgs: [null], org: null } },
      { type: "place", start: 7, end: 7 + payload.length, text: payload, value: payload },
      { type: `org" onmouseover="x()` as "org", start: 0, end: 2, text: "学院" },
    ],
    keywords: [{ text: "<b>kw</b>", score: 1, kind: "word", spans: [] }],
    summary: { sentences: [], spans: [], text: payload },
    page: { regions: [], spam: [], title: { start: 7, end: 7 + payload.length, text: payload } },
  };

  it("renders a <script> in the input, in attributes and in keywords as text", () => {
    const html = render(hostile, { caption: payload, page: true });
    // Only gongwen's own elements and attributes appear; every attribute value is quoted and quote-free.
    for (const [, name, attributes] of html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
      expect(SAFE_ELEMENTS).toContain(name);
      expect(attributes!.replace(/ (class|data-label|title|id|href|lang|charset)="[^"<>]*"/g, "")).toBe("");
    }
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(textPane(html).text).toBe(text);
  });

  it("keeps crossing annotations well nested", () => {
    const crossing: Doc = {
      ...hostile,
      entities: [
        { type: "org", start: 0, end: 4, text: text.slice(0, 4) },
        { type: "meeting", start: 2, end: 6, text: text.slice(2, 6) },
      ],
    };
    const { markup, text: shown } = textPane(render(crossing));
    expect(shown).toBe(text);
    expect(markup.startsWith('<span class="gw-ent gw-ent-org" data-label="org" title="org">学院<span class="gw-ent gw-ent-meeting"')).toBe(true);
  });

  it("a user word with markup stays text", async () => {
    const word = "<i>x</i>";
    const withWord = createAnalyzer({ userWords: [word] }).analyze(`会议${word}召开`);
    expect(render(withWord)).not.toContain("<i>");
  });
});

describe("notebook display", () => {
  it("displayable() adds Deno's Jupyter display symbol without changing the data", () => {
    const shown = displayable(doc);
    const bundle = (shown as unknown as Record<symbol, () => Record<string, string>>)[JUPYTER_DISPLAY]!();
    expect(bundle["text/html"]).toBe(render(doc));
    expect(bundle["text/plain"]).toBe(doc.summary!.text);
    expect(JSON.stringify(shown)).toBe(JSON.stringify(doc));
    expect(structuredClone(shown)).toEqual(doc);
    expect(Symbol.for("Jupyter.display")).toBe(JUPYTER_DISPLAY);
  });

  it("show() hands the HTML to a tslab-style display object", () => {
    const shown: string[] = [];
    show(doc, { html: (html) => shown.push(html) });
    expect(shown).toEqual([mimeBundle(doc)["text/html"]]);
  });
});

describe("render() on any input", () => {
  const pieces = ["雷承锋主持召开会议。", "一是", "二是", "<script>", "&amp;", '"', "'", "\n", "\r\n", "\u0000", "\ud800", "😀", "e\u0301", "发布时间:2023-05-18", "欢迎访问122cc太阳集成游戏!"];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary" })), { maxLength: 30 })
    .map((parts) => parts.join(""));

  it("reproduces the text exactly in well-nested, escaped markup", () => {
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(text, (input) => {
        const html = render(analyzer.analyze(input));
        expect(textPane(html).text).toBe(input);
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: 150 },
    );
  });
});
