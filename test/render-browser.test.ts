/**
 * Looks at render()'s output in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * playwright-core. Without Chromium the suite is skipped with a loud warning, never passed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GongwenError } from "../src/core/errors.js";
import { createAnalyzer } from "../src/analyzer.js";
import { render } from "../src/render/index.js";
import type { Doc, Enumeration, Span } from "../src/core/schema.js";
import { CHROMIUM, launchChromium, saveScreenshot, warnIfNoChromium, type BrowserGlobal } from "./helpers/chromium.js";
import { seedText } from "./helpers/data.js";

warnIfNoChromium("render-browser");

const seed = seedText();

describe.skipIf(!CHROMIUM)("render() in headless Chromium", () => {
  const doc = createAnalyzer().analyze(seed);
  let browser: Browser;
  let folder: string;
  let url: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "gongwen-render-"));
    const file = join(folder, "seed.html");
    writeFileSync(file, render(doc, { page: true, caption: "dict/samples/meeting-report.txt" }));
    url = pathToFileURL(file).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("shows each entity highlighted with the right text, colour and hover title, and the text unchanged", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(url);
    const entities = doc.entities!;
    // An entity that partly overlaps another highlight is drawn in pieces; every other one is exactly one span.
    const highlights: Span[] = [...entities, ...doc.page!.regions, ...doc.page!.spam, ...doc.summary!.spans];
    const crosses = (a: Span, b: Span) => (a.start < b.start && b.start < a.end && a.end < b.end) || (b.start < a.start && a.start < b.end && b.end < a.end);
    const alone = entities.filter((a) => !highlights.some((b) => crosses(a, b)));
    expect(alone.length).toBeGreaterThan(entities.length / 2);
    for (const type of ["person", "org", "date", "meeting"] as const) {
      const shown = await page.locator(`.gw-text .gw-ent-${type}`).allTextContents();
      const expected = alone.filter((entity) => entity.type === type).map((entity) => entity.text);
      expect(expected.length, type).toBeGreaterThan(0);
      expect(shown, type).toEqual(expect.arrayContaining(expected));
    }
    const chair = page.locator(".gw-text .gw-ent-person").first();
    expect(await chair.textContent()).toBe("雷承锋");
    expect(await chair.getAttribute("title")).toContain("党委书记");
    expect(await chair.evaluate((node) => (globalThis as unknown as BrowserGlobal).getComputedStyle(node).backgroundColor)).toBe("rgb(170, 156, 252)");
    expect(await chair.evaluate((node) => (globalThis as unknown as BrowserGlobal).getComputedStyle(node, "::after").content)).toBe('"person"');
    expect(await page.locator(".gw-text").textContent()).toBe(seed);
    expect(await page.locator("script").count()).toBe(0);

    const links = page.locator(".gw-outline a");
    expect(await links.count()).toBe(countItems(doc.enumerations ?? []));
    // The outline's first link jumps to the marker it names.
    const first = links.first();
    const target = (await first.getAttribute("href"))!.slice(1);
    expect(await page.locator(`[id="${target}"]`).textContent()).toBe((await first.textContent())!.split(" ")[0]);

    await page.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`reads well in the ${scheme} scheme: its own background, the meeting brief on top, no blank gaps`, async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, colorScheme: scheme });
      await page.goto(url);
      const style = await page.locator(".gw-doc").evaluate((node) => {
        const computed = (globalThis as unknown as BrowserGlobal).getComputedStyle(node);
        return { background: computed.backgroundColor, color: computed.color };
      });
      expect(style).toEqual(scheme === "light" ? { background: "rgb(255, 255, 255)", color: "rgb(31, 35, 40)" } : { background: "rgb(13, 17, 23)", color: "rgb(230, 237, 243)" });
      const brief = page.locator(".gw-meeting");
      expect(await brief.locator("dt").allTextContents()).toEqual(["Meeting", "Date", "Chair", "Participants", "Attendees", "Guests", "Agenda", "Decisions", "Statements"]);
      expect(await brief.locator("dd").nth(2).textContent()).toBe("雷承锋 学院 党委书记");
      // The largest vertical gap between two lines of the text pane stays under one line (a blank line was 27 px).
      const largestGap = await page.locator(".gw-text").evaluate((pane) => {
        const doc = (globalThis as unknown as { document: { createTreeWalker(root: unknown, what: number): { nextNode(): unknown }; createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<{ top: number; bottom: number; height: number }> } } }).document;
        const walker = doc.createTreeWalker(pane, 4);
        const lines: { top: number; bottom: number }[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = doc.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.height > 0) lines.push(rect);
        }
        lines.sort((a, b) => a.top - b.top);
        let gap = 0;
        for (let i = 1, bottom = lines[0]!.bottom; i < lines.length; i++) {
          gap = Math.max(gap, lines[i]!.top - bottom);
          bottom = Math.max(bottom, lines[i]!.bottom);
        }
        return gap;
      });
      expect(largestGap).toBeGreaterThan(0);
      expect(largestGap).toBeLessThan(20);
      await saveScreenshot(page, scheme === "light" ? "render-seed.png" : "render-seed-dark.png", folder);
      await page.close();
    });
  }

  it("follows a notebook's theme over the system's: JupyterLab, VS Code, the classic Notebook", async () => {
    for (const [system, attribute, value, background] of [
      ["light", "data-jp-theme-light", "false", "rgb(13, 17, 23)"],
      ["dark", "data-jp-theme-light", "true", "rgb(255, 255, 255)"],
      ["light", "class", "vscode-dark", "rgb(13, 17, 23)"],
      ["dark", "class", "vscode-light", "rgb(255, 255, 255)"],
      ["dark", "class", "notebook_app command_mode", "rgb(255, 255, 255)"],
      ["dark", "class", "", "rgb(13, 17, 23)"],
    ] as const) {
      const page = await browser.newPage({ colorScheme: system });
      await page.goto(url);
      await page.evaluate(
        ([name, to]) => (globalThis as unknown as { document: { body: { setAttribute(n: string, v: string): void } } }).document.body.setAttribute(name, to),
        [attribute, value] as const,
      );
      const shown = await page.locator(".gw-doc").evaluate((node) => (globalThis as unknown as BrowserGlobal).getComputedStyle(node).backgroundColor);
      expect(shown, `${system} system, body ${attribute}="${value}"`).toBe(background);
      await page.close();
    }
  });

  it("draws only the chosen entity types, in the chosen colours", async () => {
    const page = await browser.newPage();
    await page.setContent(render(doc, { page: true, ents: ["person", "org"], colors: { person: "rgb(255 214 224)" } }));
    expect(await page.locator(".gw-text .gw-ent-date").count()).toBe(0);
    expect(await page.locator(".gw-legend span").allTextContents()).toEqual(["org", "person"]);
    const chair = page.locator(".gw-text .gw-ent-person").first();
    expect(await chair.evaluate((node) => (globalThis as unknown as BrowserGlobal).getComputedStyle(node).backgroundColor)).toBe("rgb(255, 214, 224)");
    const org = page.locator(".gw-text .gw-ent-org").first();
    expect(await org.evaluate((node) => (globalThis as unknown as BrowserGlobal).getComputedStyle(node).backgroundColor)).toBe("rgb(122, 236, 236)");
    await page.close();
  });

  describe("a tampered Doc (read back from storage) never runs script", () => {
    /** Each payload, if it ever became markup, sets `pwned` on the page and `data-pwned` on <html>. */
    const act = "window.pwned=1;document.documentElement.setAttribute('data-pwned','1')";
    const payloads = [
      `<script>${act}</script>`,
      `"><img src=x onerror="${act}">`,
      `' onfocus='${act}' autofocus tabindex='1`,
      `</style></textarea><svg onload="${act}">`,
      `javascript:${act}`,
    ];
    const base = createAnalyzer().analyze(seed);
    const item = (d: Doc) => d.enumerations![0]!.items[0]!;
    /** Every string and number the renderer reads, as a setter on a fresh copy of the seed's Doc. */
    const fields: Record<string, (d: Doc, value: string) => void> = {
      text: (d, v) => (d.text = v + d.text),
      "page.title.text": (d, v) => (d.page!.title!.text = v),
      "page.publishedAt": (d, v) => (d.page!.publishedAt = v),
      "page.source": (d, v) => (d.page!.source = v),
      "page.regions[].kind": (d, v) => ((d.page!.regions[0] as { kind: string }).kind = v),
      "page.spam[].category": (d, v) => (d.page!.spam[0]!.category = v),
      "page.spam[].score": (d, v) => ((d.page!.spam[0] as { score: unknown }).score = v),
      "page.spam[].evidence[].text": (d, v) => (d.page!.spam[0]!.evidence = [{ start: 0, end: 1, text: v }]),
      "summary.text": (d, v) => (d.summary!.text = v),
      "summary.spans[].start": (d, v) => ((d.summary!.spans[0] as { start: unknown }).start = v),
      "keywords[].text": (d, v) => (d.keywords![0]!.text = v),
      "keywords[].score": (d, v) => ((d.keywords![0] as { score: unknown }).score = v),
      "phrases[].text": (d, v) => (d.phrases![0]!.text = v),
      "enumerations[].style": (d, v) => (d.enumerations![0]!.style = v),
      "enumerations[].declared.count": (d, v) => ((d.enumerations![0]!.declared as { count: unknown }).count = v),
      "enumerations[].items[].start": (d, v) => ((item(d) as { start: unknown }).start = v),
      "enumerations[].items[].ordinal": (d, v) => ((item(d) as { ordinal: unknown }).ordinal = v),
      "enumerations[].items[].marker.text": (d, v) => (item(d).marker.text = v),
      "enumerations[].items[].heading.text": (d, v) => (item(d).heading = { start: item(d).start, end: item(d).start + 1, text: v }),
      "entities[].type": (d, v) => ((d.entities![0] as { type: string }).type = v),
      "entities[].start": (d, v) => ((d.entities![0] as { start: unknown }).start = v),
      "entities[].value": (d, v) => ((d.entities![0] as { value?: unknown }).value = v),
      "entities[].attrs.titles": (d, v) => (d.entities!.find((e) => e.type === "person")!.attrs = { titles: [v], titleOrgs: [v], org: v }),
      "meeting.meeting.name": (d, v) => (d.meeting!.meeting!.name = v),
      "meeting.date": (d, v) => (d.meeting!.date = v),
      "meeting.dateEnd": (d, v) => (d.meeting!.dateEnd = v),
      "meeting.chair": (d, v) => (d.meeting!.chair = { ...d.meeting!.chair!, name: v, org: v, titles: [v] }),
      "meeting.participants[].text": (d, v) => (d.meeting!.participants[0]!.text = v),
      "meeting.attendees[].text": (d, v) => (d.meeting!.attendees[0]!.text = v),
      "meeting.guests[].name": (d, v) => (d.meeting!.guests[0]!.name = v),
      "meeting.agenda[].text": (d, v) => (d.meeting!.agenda[0]!.text = v),
      "meeting.decisions[].text": (d, v) => (d.meeting!.decisions[0]!.text = v + "。".repeat(100)),
      "meeting.statements[].speaker/verb/text": (d, v) => (d.meeting!.statements[0] = { ...d.meeting!.statements[0]!, speaker: v, verb: v, span: { start: 0, end: 1, text: v } }),
    };

    it("the probe sees a payload that does become markup (so the checks below can fail)", async () => {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><body><p title="${payloads[1]}">x</p><div>${payloads[0]}</div>${payloads[3]}</body>`);
      expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBe(1);
      await page.close();
    });

    it.each(Object.keys(fields))("%s", async (field) => {
      const page = await browser.newPage();
      page.on("dialog", (dialog) => void dialog.dismiss());
      let rejected = 0;
      for (const payload of payloads) {
        const tampered = structuredClone(base);
        fields[field]!(tampered, payload);
        let html: string;
        try {
          html = render(tampered, { page: true, caption: payload });
        } catch (error) {
          // A value of the wrong kind (a number field holding a string, an unknown entity type) is refused outright.
          expect(error).toBeInstanceOf(GongwenError);
          expect((error as GongwenError).code).toBe("INVALID_INPUT");
          rejected++;
          continue;
        }
        await page.setContent(html, { waitUntil: "load" });
        await page.keyboard.press("Tab");
        await page.mouse.move(300, 300);
        const effects = await page.evaluate(() => {
          const g = globalThis as unknown as { pwned?: number; document: { documentElement: { hasAttribute(n: string): boolean }; querySelectorAll(s: string): { length: number } } };
          return {
            pwned: g.pwned ?? 0,
            attribute: g.document.documentElement.hasAttribute("data-pwned"),
            foreign: g.document.querySelectorAll("script, img, svg, textarea, iframe, [onerror], [onload], [onfocus], [autofocus], [style]:not(.gw-doc)").length,
            links: [...(g.document as unknown as { links: Iterable<{ getAttribute(n: string): string }> }).links].filter((a) => !a.getAttribute("href").startsWith("#")).length,
          };
        });
        expect(effects, `${field} ← ${payload}`).toEqual({ pwned: 0, attribute: false, foreign: 0, links: 0 });
        // The payload is shown as text wherever it landed.
        expect(await page.locator("body").textContent()).toContain(payload.slice(0, 20));
      }
      // Strings are shown as text; only fields of another kind (numbers, enums) are refused.
      const refusable = /\.(score|start|count|ordinal|type|kind)$|regions/.test(field);
      expect(rejected).toBe(refusable ? payloads.length : 0);
      await page.close();
    });
  });
});

function countItems(lists: readonly Enumeration[]): number {
  return lists.reduce((sum, list) => sum + list.items.reduce((n, item) => n + 1 + countItems(item.children ?? []), 0), 0);
}
