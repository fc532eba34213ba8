/**
 * Extractive summaries: every sentence returned is a span of the input (see rank.ts for how they are chosen).
 */
import { parseOptions } from "../options.js";
import { documentOf } from "../keywords/document.js";
import type { Stage } from "../pipeline.js";
import { SummaryOptionsSchema, type Doc, type Summary, type SummaryOptions } from "../schema.js";
import { summarizeDoc, type Budget } from "./rank.js";

/** A teaser: at most three sentences and 200 characters. */
export const DEFAULT_BUDGET: Budget = { maxChars: 200, maxSentences: 3 };

function budgetOf(options: unknown): Budget {
  return { ...DEFAULT_BUDGET, ...parseOptions(SummaryOptionsSchema, options, "summary options") };
}

/**
 * The extractive summary of `input` (a text or an analysed Doc): indices of the chosen sentences in
 * `doc.sentences`, their spans, and their text joined in document order. `maxChars` bounds the summed length of
 * the chosen spans (UTF-16 units, so `summary.text.length <= maxChars`); when no whole sentence fits, the best
 * clauses (split at ，；：) are taken instead.
 *
 * @example
 * const text = readFileSync("meeting-report.txt", "utf8"); // the seed meeting report
 * const summary = summarize(text, { maxChars: 120, maxSentences: 2 });
 * summary.text; // → "5月17日,学院党委书记雷承锋主持召开2023年第11次党委(扩大)会议,专题研讨决定…发展任务。形成以…的工作特色;"
 * summary.spans.every((s) => text.slice(s.start, s.end) === s.text); // → true
 */
export function summarize(input: string | Doc, options?: SummaryOptions): Summary {
  const budget = budgetOf(options);
  return summarizeDoc(documentOf(input), budget);
}

/**
 * Pipeline stage: fills `doc.summary` (at most 3 sentences, 200 characters), from the article and title only when
 * a page stage ran before it (analyzer option `scope: "article"`).
 */
export const summaryStage: Stage<"summary"> = {
  name: "summary",
  requires: ["tokens", "sentences"],
  provides: "summary",
  run: (doc, context) => ({ ...doc, summary: summarizeDoc(doc, DEFAULT_BUDGET, context.config.scope) }),
};
