/**
 * Notebook display. Deno's Jupyter kernel shows any value that has a `Symbol.for("Jupyter.display")` method as
 * the MIME bundle it returns; tslab shows HTML through its `display.html()`.
 */
import type { Doc } from "../core/schema.js";
import { render, type RenderOptions } from "./html.js";

/** The symbol Deno's kernel looks up on a cell's value (`Deno.jupyter.$display`). */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

/**
 * A Jupyter MIME bundle: the rendered HTML, with the summary as the plain-text fallback.
 *
 * @example
 * Deno.jupyter.display(mimeBundle(analyze(text)), { raw: true });
 */
export function mimeBundle(doc: Doc, options?: RenderOptions): { "text/html": string; "text/plain": string } {
  return { "text/html": render(doc, options), "text/plain": doc.summary?.text || doc.text.slice(0, 200) };
}

/**
 * A copy of `doc` that Deno's Jupyter kernel displays as rendered HTML when it ends a cell. The display method is
 * a non-enumerable symbol property: `JSON.stringify`, `structuredClone` and spreading ignore it.
 *
 * @example
 * // Deno notebook cell
 * import { analyze, displayable } from "npm:gongwen";
 * displayable(analyze(text)); // → shows the highlighted document
 */
export function displayable<T extends Doc>(doc: T, options?: RenderOptions): T {
  const copy = { ...doc };
  Object.defineProperty(copy, JUPYTER_DISPLAY, { value: () => mimeBundle(doc, options), enumerable: false });
  return copy;
}

/** What tslab (and any kernel with a similar API) offers to show HTML. */
export interface HtmlDisplay {
  /** Shows an HTML fragment as the cell's output. */
  html(html: string): void;
}

/**
 * Shows `doc` through a notebook's display object, e.g. tslab's.
 *
 * @example
 * // tslab notebook cell
 * import * as tslab from "tslab";
 * show(analyze(text), tslab.display);
 */
export function show(doc: Doc, display: HtmlDisplay, options?: RenderOptions): void {
  display.html(render(doc, options));
}
