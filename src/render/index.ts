/** Presentation of a Doc: HTML (`render`), notebook display hooks and the CLI's plain-text views. */
export { escapeHtml, pageFrame, render, RenderOptionsSchema, type RenderOptions } from "./html.js";
export { displayable, JUPYTER_DISPLAY, mimeBundle, show, type HtmlDisplay } from "./jupyter.js";
export { docAsText, summaryAsText, tagsAsText, tokensAsText } from "./text.js";
