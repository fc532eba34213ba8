/**
 * The summary stage: an extractive summary whose sentences are spans of the input (see rank.ts for how they are
 * chosen). `summarize(text)` builds its Doc through an analyzer (analyzer.ts).
 */
import type { Stage } from "../core/stage.js";
import { summarizeDoc, type Budget } from "./rank.js";

/** A teaser: at most three sentences and 200 characters. */
export const DEFAULT_BUDGET: Budget = { maxChars: 200, maxSentences: 3 };

/**
 * Pipeline stage: fills `doc.summary` (at most 3 sentences, 200 characters), from the article and title only when
 * a page stage ran before it (analyzer option `scope: "article"`).
 */
export const summaryStage: Stage<"summary"> = {
  name: "summary",
  reads: ["tokens", "sentences"],
  readsIfPresent: ["clauses", "page"],
  writes: ["summary"],
  run: (doc, context) => ({ ...doc, summary: summarizeDoc(doc, DEFAULT_BUDGET, context.config.scope, context.resources) }),
};
