/**
 * `tag()`: a string analysed with every stage (or a Doc analysed by the caller), projected onto the flat,
 * versioned tag lists a CMS stores (project.ts). Deterministic: the same input gives the same tags in the same order.
 */
import { parseOptions } from "../options.js";
import { createAnalyzer, type Analyzer } from "../pipeline.js";
import type { Doc } from "../schema.js";
import { TagOptionsSchema, type TagOptions, type Tags } from "./schema.js";
import { docOrThrow, tagsOf } from "./project.js";

export * from "./schema.js";
export { enumerationTags } from "./project.js";

/** Analyzers kept per distinct `userWords` list (building a vocabulary is the costly part). */
const ANALYZER_CACHE_SIZE = 4;

const analyzers = new Map<string, Analyzer>();

function analyzerFor(userWords: readonly string[]): Analyzer {
  const key = userWords.join("\u0000");
  let analyzer = analyzers.get(key);
  if (!analyzer) {
    if (analyzers.size >= ANALYZER_CACHE_SIZE) analyzers.delete(analyzers.keys().next().value!);
    analyzer = createAnalyzer({ userWords: [...userWords] });
    analyzers.set(key, analyzer);
  }
  return analyzer;
}

/**
 * Tags for a CMS: keywords, phrases, people, organisations, places, dates, the caller's sections, the meeting,
 * the enumeration outline, spam findings and the summary, each tag with a score in [0, 1], its normalised form
 * and the spans it came from. Pass a string (analysed with every stage) or a Doc you analysed yourself.
 *
 * @example
 * const tags = tag("5月17日,学院党委书记雷承锋主持召开会议。", { maxPerKind: 5 });
 * tags.people[0]?.tag; // → "雷承锋"
 * tags.dates[0]?.spans[0]?.text; // → "5月17日"
 */
export function tag(input: string | Doc, options?: TagOptions): Tags {
  const parsed = parseOptions(TagOptionsSchema, options, "tag options");
  const userWords = parsed.userWords ?? [];
  return tagsOf(typeof input === "string" ? analyzerFor(userWords).analyze(input) : docOrThrow(input), parsed);
}
