import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import { GongwenError } from "../src/core/errors.js";
import { displayable, JUPYTER_DISPLAY, mimeBundle, render, show, type RenderOptions } from "../src/render/index.js";
import type { Doc } from "../src/core/schema.js";
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

  it("shows the meeting brief on top: date, chair, who attended, agenda, decisions and statements", () => {
    const brief = html.slice(html.indexOf('<section class="gw-meeting">'), html.indexOf("</section>", html.indexOf('<section class="gw-meeting">')));
    expect(html.indexOf('class="gw-meeting"')).toBeLessThan(html.indexOf('class="gw-text"'));
    expect(brief).toContain("<dt>Date</dt><dd>2023-05-17</dd>");
    expect(brief).toContain("<dt>Chair</dt><dd>雷承锋 学院 党委书记</dd>");
    expect(brief).toContain("<dt>Guests</dt><dd>李国臣 省委主题教育第二十四巡回指导组 组长；王鹏 省委主题教育第二十四巡回指导组 成员</dd>");
    expect(brief).toContain("办公室、组织人事部、宣传统战部");
    // A long decision or statement shows its start; the whole passage is on hover (and in the text below).
    const decision = doc.meeting!.decisions[0]!.text;
    expect(brief).toContain(`<li><span title="${decision}">${decision.slice(0, 48)}…</span></li>`);
    expect((brief.match(/<li><b>/g) ?? []).length).toBe(doc.meeting!.statements.length);
    expect(brief).toContain("<li><b>宋海宏</b> 说明：");
  });

  it("shows the members on leave in their own row", () => {
    const roll = render(createAnalyzer().analyze("12月6日，县委书记刘文华主持召开县委常委会会议。县委常委王海涛、赵丽娟出席会议，钱志明、周红梅因公请假。"));
    expect(roll).toContain("<dt>On leave</dt><dd>钱志明、周红梅</dd>");
    expect(roll).toContain("<dt>Participants</dt><dd>王海涛、赵丽娟</dd>");
  });

  it("leaves out a brief row the report does not fill, and the whole brief without a meeting", () => {
    const { meeting, ...noMeeting } = doc;
    expect(render(noMeeting)).not.toContain('class="gw-meeting"');
    const sparse = render({ ...doc, meeting: { ...meeting!, chair: undefined, guests: [], statements: [] } });
    expect(sparse).not.toMatch(/<dt>(Chair|Guests|Statements)<\/dt>/);
    expect(sparse).toContain("<dt>Decisions</dt>");
  });

  it("draws a run of blank lines as one small gap and keeps its text", () => {
    const { markup } = textPane(html);
    // The seed has 13 runs of two or more line breaks (one of four).
    expect(markup.match(/<span class="gw-gap">/g)?.length).toBe(seed.match(/\n\s*\n/g)!.length);
    expect(markup).toContain('到会指导。\n<span class="gw-gap">\n\n\n</span>');
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
      expect(attributes!.replace(/ (class|data-label|title|id|href|lang|charset|name|content)="[^"<>]*"/g, "")).toBe("");
    }
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(textPane(html).text).toBe(text);
  });

  it("refuses a Doc whose fields are of the wrong kind (a tampered type, offset or score) with INVALID_INPUT", () => {
    const tampered: unknown[] = [
      { ...hostile, entities: [{ type: `org" onmouseover="x()`, start: 0, end: 2, text: "学院" }] },
      { ...hostile, entities: [{ type: "org", start: `0"><script>x()</script>`, end: 2, text: "学院" }] },
      { ...hostile, keywords: [{ text: "kw", score: "<b>", kind: "word", spans: [] }] },
      { ...doc, enumerations: [{ ...doc.enumerations![0]!, items: [{ ...doc.enumerations![0]!.items[0]!, start: `1"><img src=x onerror=alert(1)>` }] }] },
      { ...hostile, text: 42 },
      null,
      "text",
    ];
    for (const bad of tampered) {
      const error = (() => {
        try {
          render(bad as Doc);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(GongwenError);
      expect((error as GongwenError).code).toBe("INVALID_INPUT");
    }
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

describe("render() options", () => {
  it("ents keeps only the chosen entity types, in the text and the legend", () => {
    const out = render(doc, { ents: ["person"] });
    expect(out).toContain('<span class="gw-ent gw-ent-person" data-label="person"');
    expect(out).not.toMatch(/class="gw-ent gw-ent-(org|date|meeting|place|quote|count)"/);
    expect(out).toContain('<div class="gw-legend"><span class="gw-ent gw-ent-person">person</span></div>');
    expect(render(doc, { ents: [] })).not.toContain('class="gw-ent ');
  });

  it("colors sets a type's highlight on this document only", () => {
    const out = render(doc, { colors: { person: "#ffd6e0", org: "hsl(180 60% 70%)" } });
    expect(out).toContain('<div class="gw-doc" style="--gw-person:#ffd6e0;--gw-org:hsl(180 60% 70%)">');
    expect(render(doc)).toContain('<div class="gw-doc"><style>');
  });

  it("bad options are INVALID_OPTIONS: unknown types, colours that could end the CSS or load a URL", () => {
    const bad: unknown[] = [
      { ents: ["people"] },
      { ents: "person" },
      { colors: { people: "red" } },
      { colors: { person: "red;}</style><script>alert(1)</script>" } },
      { colors: { person: 'red" onmouseover="x()' } },
      { colors: { person: "url(//example.org/track.png)" } },
      { colors: { person: "rgb(1,2,3);background:url(x)" } },
      { colors: { person: "" } },
      { colour: {} },
    ];
    for (const options of bad) {
      expect(() => render(doc, options as RenderOptions), JSON.stringify(options)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
    }
    for (const colour of ["teal", "#abc", "#aabbccdd", "rgb(170 156 252 / 50%)", "var(--jp-brand-color1)", "color-mix(in srgb, red 40%, white)"]) {
      expect(render(doc, { colors: { date: colour } })).toContain(`--gw-date:${colour}`);
    }
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
