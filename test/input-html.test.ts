/**
 * The HTML reader (src/input/html.ts): real pages of the real-world corpus (dev part) read as a reader of the page
 * sees them, every span still an exact range of the markup as given; auto detection that never takes text for
 * markup; random HTML (fast-check) keeps every span exact and shows no markup; linear time on unclosed tags.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, createAnalyzer, tag } from "../src/index.js";
import { looksLikeHtml, readHtmlText } from "../src/input/html.js";
import { expectValidDoc, shown, shownTexts } from "./helpers/doc.js";
import { growth } from "./helpers/timing.js";

const page = (id: string) => readFileSync(new URL(`./fixtures/realworld/dev/${id}.html`, import.meta.url), "utf8");
/** What a span shows a user: the text read, where it differs from the markup it covers. */
const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/iu;

describe("HTML pages of the real-world corpus", () => {
  it("reads a gov.cn policy page: title and 发布日期 from its metadata table, the 一、二、三 sections, no markup shown", () => {
    const html = page("h-001");
    const doc = analyze(html);
    expectValidDoc(doc);
    expect(doc.input).toEqual({ format: "html", script: "simplified" });
    expect(shown(doc.page!.title!)).toBe("国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知");
    expect(doc.page!.publishedAt).toBe("2019-01-22"); // 发布日期, not the 成文日期 2019-01-09 before it
    const sections = doc.enumerations!.find((list) => list.style === "cn-dun")!;
    expect(sections.items.map((item) => item.marker.text)).toEqual(["一、", "二、", "三、", "四、"]);
    // the CMS outline reads the item titles as read, not the markup their spans cover
    expect(tag(html).enumerations.outline.find((list) => list.style === "cn-dun")!.items.map((item) => item.title)).toEqual([
      "总体要求", "工作任务", "工作措施", "组织实施",
    ]);
    expect(shownTexts(doc).filter((t) => MARKUP.test(t))).toEqual([]);
    // the same text, markup and all, before the reader: tags in the summary
    const asText = createAnalyzer({ format: "text" }).analyze(html);
    expect(asText.input?.format).toBe("text");
    expect(shownTexts(asText).some((t) => MARKUP.test(t))).toBe(true);
  });

  it("reads a saved JSP page: the directive and the head are skipped, the breadcrumb list is one line, the h1 is the title", () => {
    const html = page("h-031");
    const doc = analyze(html);
    expectValidDoc(doc);
    expect(doc.tokens[0]).toMatchObject({ kind: "skipped", text: expect.stringMatching(/^<%@ page contentType/) });
    expect(doc.page!.breadcrumb).toEqual(["首页", "校园采风"]);
    expect(doc.page!.title!.text).toBe("召开学习宣传贯彻党的十九大精神动员会");
    expect(doc.page!.publishedAt).toBe("2017-11-30");
    expect(doc.meeting?.chair).toBeUndefined();
    const speaker = doc.entities!.find((e) => e.type === "person" && e.text === "戴坤祥");
    expect(html.slice(speaker!.start, speaker!.end)).toBe("戴坤祥");
  });

  it("reads a CMS body fragment (spans of inline markup keep the markup as text, the words read as normalized)", () => {
    const html = page("h-022");
    const doc = analyze(html);
    expectValidDoc(doc);
    expect(doc.input?.format).toBe("html");
    const chairLike = doc.entities!.find((e) => e.type === "person" && e.text === "赵水清");
    expect(chairLike).toBeDefined();
    expect(doc.summary!.text).not.toMatch(MARKUP);
    expect(shownTexts(doc).filter((t) => MARKUP.test(t))).toEqual([]);
  });
});

describe("the HTML reader", () => {
  const read = (html: string) => readHtmlText(html).text;

  it("writes blocks as lines, entities as characters, and leaves script, style, comments and the head out", () => {
    const html =
      '<html><head><title>学院召开党委会议_新闻网</title><meta name="PubDate" content="2023-05-18"><style>p{}</style></head>' +
      "<body><script>var a = 1 < 2;</script><!-- 注释 --><div>学院党委书记雷承锋&nbsp;主持会议&amp;讲话。<br>全体委员参加。</div>" +
      "<table><tr><td>发布日期：</td><td>2023年05月18日</td></tr></table></body></html>";
    expect(read(html)).toBe("学院召开党委会议_新闻网\n2023-05-18\n学院党委书记雷承锋\u00a0主持会议&讲话。\n全体委员参加。\n发布日期： 2023年05月18日\n");
  });

  it("starts a line at a bold list marker inside a paragraph, so the list stage reads the list", () => {
    const html = "<p>会议提出三点要求：<strong>一、提高政治站位。</strong>要深刻认识。<strong>二、压实工作责任。</strong>要细化分工。<strong>三、强化督促检查。</strong>要跟踪问效。</p>";
    expect(read(html)).toBe("会议提出三点要求：\n一、提高政治站位。要深刻认识。\n二、压实工作责任。要细化分工。\n三、强化督促检查。要跟踪问效。\n");
    const list = analyze(html).enumerations!.find((l) => l.style === "cn-dun")!;
    expect(list.items.map((item) => item.marker.text)).toEqual(["一、", "二、", "三、"]);
    // a bold word that is no marker stays in its line
    expect(read("<p>会议<b>强调</b>，要抓落实。</p>")).toBe("会议强调，要抓落实。\n");
  });

  it("reads a source line break inside a paragraph as nothing between Chinese characters, as a space between words", () => {
    expect(read("<p>会议审议通过了\n    《工作要点》。</p>")).toBe("会议审议通过了《工作要点》。\n");
    expect(read("<p>Beijing\n  Daily</p>")).toBe("Beijing Daily\n");
  });

  it("keeps every mapped character on its source: text runs on themselves, entities and tags on their whole range", () => {
    const html = "<p>王&amp;李</p>";
    const step = readHtmlText(html);
    expect(step.text).toBe("王&李\n");
    expect([...step.starts.slice(0, 4)]).toEqual([3, 4, 9, 10]);
    expect([...step.ends.slice(0, 4)]).toEqual([4, 9, 10, 14]);
  });
});

describe("format", () => {
  it("auto reads markup as HTML, and never text that merely holds < or 《》", () => {
    for (const html of ["<p>会议。</p>", "会议召开。<br>全体参加。<br/>", "<!DOCTYPE html><title>会议</title>", '<div class="a">甲</div><span>乙</span>']) {
      expect(looksLikeHtml(html)).toBe(true);
    }
    for (const text of ["增速<2%，低于<3%的目标。", "《关于…的通知》", "a<b>c 与 d", "x < y > z", "<p>只有一个标签"]) {
      expect(looksLikeHtml(text)).toBe(false);
    }
    expect(analyze("增速<2%，而<p>不是标签。").input?.format).toBe("text");
  });

  it("follows the format option: text keeps markup as text, html reads a plain text as HTML", () => {
    expect(createAnalyzer({ format: "text", stages: ["segment"] }).analyze("<p>会议。</p>").tokens.some((t) => t.text === "<")).toBe(true);
    const doc = createAnalyzer({ format: "html", stages: ["segment"] }).analyze("甲&amp;乙");
    expect(doc.input?.format).toBe("html");
    expect(doc.tokens.find((t) => t.text === "&amp;")).toMatchObject({ normalized: "&" });
    expect(() => createAnalyzer({ format: "xml" as "html" })).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
  });
});

/** Random HTML: nested blocks and inline elements, entities, comments, scripts, attributes, over real phrases. */
const PHRASES = ["学院党委书记雷承锋主持会议", "一、总体要求", "（二）工作任务", "王鹏、李娜参加。", "会议强调，", "2023年5月17日", "Beijing", "  ", "\n", "。"];
const TAGS = ["p", "div", "span", "strong", "b", "li", "h1", "td", "tr", "a", "font", "section", "br", "script", "style", "pre"];
const ENTITIES = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#12290;", "&#x4e00;", "&middot;", "&amp"];
const htmlPiece: fc.Arbitrary<string> = fc.letrec<{ piece: string }>((tie) => ({
  piece: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...PHRASES),
    fc.constantFrom(...ENTITIES),
    fc.constant("<!-- 注释 -->"),
    fc.constant('<img src="a.jpg">'),
    // a title holds text only (its content is not parsed as markup)
    fc.constantFrom(...PHRASES).map((phrase) => `<title>${phrase}</title>`),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.constantFrom("", ' style="text-align: center;"', " class=breadcrumb"), fc.array(tie("piece"), { maxLength: 4 }), fc.boolean())
      .map(([tag, attributes, children, closed]) => `<${tag}${attributes}>${children.join("")}${closed ? `</${tag}>` : ""}`),
  ),
})).piece;

describe("random HTML", () => {
  const analyzer = createAnalyzer({ format: "html" });
  it("keeps every span exact on the markup, tokens cover it, and no shown text holds markup", () => {
    fc.assert(
      fc.property(fc.array(htmlPiece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const html = pieces.join("");
        const doc = analyzer.analyze(html);
        expectValidDoc(doc);
        expect(doc.tokens.map((t) => t.text).join("")).toBe(html);
        for (const text of shownTexts(doc)) expect(text).not.toMatch(/<\/?[a-z]+[\s>]|&[a-z]+;/);
      }),
      { numRuns: 150 },
    );
  });
});

describe("linear time", () => {
  // CPU time in one run, best of three: linear costs give about 10, quadratic ones 100
  it.each([
    ["unclosed tags", (k: number) => (k % 2 ? "<div><p>会议强调" : "<span><b>&nbsp;")],
    ["an attribute quote never closed", (k: number) => (k === 0 ? '<p class="' : "会议强调，要抓落实。")],
    ["bold leads mid-line", () => "要求：<strong>一、提高站位。</strong>"],
    ["server directives never closed", () => "<%@ page 会议<p>"],
  ])("%s: 10× the input costs about 10× the time", (_name, unit) => {
    const repeat = (size: number) => {
      const parts: string[] = [];
      for (let k = 0, length = 0; length < size; k++) length += (parts[parts.length] = unit(k)).length;
      return parts.join("");
    };
    const small = repeat(100_000);
    const large = repeat(1_000_000);
    readHtmlText(small); // warm-up
    expect(growth(readHtmlText, small, large, { floorMs: 5 }).ratio).toBeLessThan(50);
  });
});
