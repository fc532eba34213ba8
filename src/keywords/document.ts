/**
 * The Doc that `keywords(text)` and `summarize(text)` work on when they are given a plain string: tokens, sentences
 * and page structure made as the analyzer's segment, sentence and page stages make them (built-in vocabulary,
 * default mode), so spam banners and page furniture stay out here too. Inside an analyzer the stages read the Doc
 * the earlier stages produced instead.
 */
import { GongwenError } from "../errors.js";
import { DEFAULT_MAX_INPUT_LENGTH, type Doc } from "../schema.js";
import { defaultLexicon, segmentText } from "../segment/index.js";
import { pageOf } from "../text/page.js";
import { splitClauses, splitSentences } from "../text/sentences.js";

/** `input` itself when it is a Doc; a segmented, sentence-split Doc with its page read when it is a string. */
export function documentOf(input: string | Doc): Doc {
  if (typeof input === "object" && input !== null && typeof input.text === "string") return input;
  if (typeof input !== "string") {
    throw new GongwenError("INVALID_INPUT", `expected a string or a Doc, got ${input === null ? "null" : typeof input}`);
  }
  if (input.length > DEFAULT_MAX_INPUT_LENGTH) {
    throw new GongwenError(
      "INPUT_TOO_LARGE",
      `input has ${input.length} UTF-16 units, over maxInputLength ${DEFAULT_MAX_INPUT_LENGTH} (use createAnalyzer)`,
    );
  }
  const sentences = splitSentences(input);
  return {
    text: input,
    tokens: segmentText(input, "default", defaultLexicon()),
    sentences,
    clauses: splitClauses(input, sentences),
    page: pageOf(input, {}),
  };
}
