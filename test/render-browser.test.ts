/**
 * Looks at render()'s output in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * playwright-core. Without Chromium the suite is skipped with a loud warning, never passed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/pipeline.js";
import { render } from "../src/render/index.js";
import type { Enumeration, Span } from "../src/schema.js";
import { seedText } from "./helpers/data.js";

/** `GONGWEN_CHROMIUM` names another Chromium binary. */
const CANDIDATES = process.env["GONGWEN_CHROMIUM"] ? [process.env["GONGWEN_CHROMIUM"]] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const CHROMIUM = CANDIDATES.find((path) => existsSync(path));
if (!CHROMIUM) {
  console.warn(
    `\n${"!".repeat(78)}\n!! render-browser: Chromium NOT FOUND (${CANDIDATES.join(", ")}): the browser test is SKIPPED, NOT PASSED.\n` +
      `!! Install it with: apt-get install -y chromium fonts-wqy-microhei\n${"!".repeat(78)}\n`,
  );
}

/** The browser's getComputedStyle, typed here because the project compiles without the DOM library. */
type BrowserGlobal = { getComputedStyle(node: unknown, pseudo?: string): { backgroundColor: string; content: string } };

const seed = seedText();
/** The README's screenshot: rewritten only when asked (`UPDATE_SCREENSHOT=1`), so that a test run leaves the tree clean. */
const README_SCREENSHOT = new URL("./screenshots/render-seed.png", import.meta.url).pathname;

describe.skipIf(!CHROMIUM)("render() in headless Chromium", () => {
  const doc = createAnalyzer().analyze(seed);
  let browser: Browser;
  let folder: string;
  let url: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "gongwen-render-"));
    const file = join(folder, "seed.html");
    writeFileSync(file, render(doc, { page: true, caption: "seed/meeting-report.txt" }));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
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

    const screenshot = process.env["UPDATE_SCREENSHOT"] === "1" ? README_SCREENSHOT : join(folder, "render-seed.png");
    await page.screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
    await page.close();
  });
});

function countItems(lists: readonly Enumeration[]): number {
  return lists.reduce((sum, list) => sum + list.items.reduce((n, item) => n + 1 + countItems(item.children ?? []), 0), 0);
}
