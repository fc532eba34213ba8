/**
 * Headless Chromium for the render and notebook tests: Debian's `chromium` package driven by playwright-core. A
 * suite without it is skipped with a loud warning, never passed.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** `GONGWEN_CHROMIUM` names another Chromium binary. */
const CANDIDATES = process.env["GONGWEN_CHROMIUM"] ? [process.env["GONGWEN_CHROMIUM"]] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
export const CHROMIUM = CANDIDATES.find((path) => existsSync(path));

/** Prints the loud skip line for `suite` when Chromium is missing. */
export function warnIfNoChromium(suite: string): void {
  if (CHROMIUM) return;
  console.warn(
    `\n${"!".repeat(78)}\n!! ${suite}: Chromium NOT FOUND (${CANDIDATES.join(", ")}): the browser test is SKIPPED, NOT PASSED.\n` +
      `!! Install it with: apt-get install -y chromium fonts-wqy-microhei\n${"!".repeat(78)}\n`,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** The browser's getComputedStyle, typed here because the project compiles without the DOM library. */
export type BrowserGlobal = { getComputedStyle(node: unknown, pseudo?: string): { backgroundColor: string; color: string; content: string } };

/**
 * Where a screenshot goes: the README's copy in test/screenshots/ only when asked (`UPDATE_SCREENSHOT=1`), so that a
 * test run leaves the tree clean; `folder` (a temporary one) otherwise.
 */
export const screenshotPath = (name: string, folder: string): string =>
  process.env["UPDATE_SCREENSHOT"] === "1" ? new URL(`../screenshots/${name}`, import.meta.url).pathname : join(folder, name);

/**
 * Saves a screenshot of the viewport at {@link screenshotPath}. Chromium's compositor sometimes answers "Unable to
 * capture screenshot" on a loaded machine (seen once in CI): one retry after a frame, any other error thrown.
 */
export async function saveScreenshot(page: Page, name: string, folder: string): Promise<void> {
  const path = screenshotPath(name, folder);
  try {
    await page.screenshot({ path });
  } catch (error) {
    if (!String(error).includes("Unable to capture screenshot")) throw error;
    await page.waitForTimeout(500);
    await page.screenshot({ path });
  }
}
