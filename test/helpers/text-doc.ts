/** The Doc `keywords(text)` and `summarize(text)` read: tokens, sentences and the page, built by an analyzer. */
import { createAnalyzer } from "../../src/analyzer.js";
import type { Doc } from "../../src/core/schema.js";

const textStages = createAnalyzer({ stages: ["segment", "sentences", "page"] });

export const textDoc = (text: string): Doc => textStages.analyze(text);
