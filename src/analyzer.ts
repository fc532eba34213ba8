/**
 * The analyzer, gongwen's entry point: a pipeline (pipeline.ts) with tagging (tag/) and worker threads (batch/) on
 * top, and the one-call functions (`analyze`, `segment`, `entities`, `keywords`, `summarize`, `tag`), each of which
 * builds its Doc through an analyzer running the stages it needs: there is no other way to build a Doc.
 */
import { analyzeMany, tagMany, type BatchInput, type ManyOptions } from "./batch/index.js";
import { GongwenError } from "./core/errors.js";
import { parseOptions } from "./core/options.js";
import {
  KeywordOptionsSchema,
  SummaryOptionsSchema,
  type AnalyzerConfig,
  type Doc,
  type Entity,
  type Keyword,
  type KeywordOptions,
  type SegmentOptions,
  type StageName,
  type Summary,
  type SummaryOptions,
  type Token,
} from "./core/schema.js";
import type { ResolvedConfig, Stage } from "./core/stage.js";
import { EntityOptionsSchema, entityStage, type EntityOptions } from "./entities/index.js";
import { rankKeywords } from "./keywords/index.js";
import { createPipeline, resourcesWith, type BlockOutcome, type CreateAnalyzerOptions, type DefaultStages, type DocOf, type FullDoc } from "./pipeline.js";
import { segmentStage } from "./segment/index.js";
import { DEFAULT_BUDGET } from "./summarize/index.js";
import { summarizeDoc } from "./summarize/rank.js";
import { docOrThrow, tagsOf } from "./tag/project.js";
import { TagOptionsSchema, type TagOptions, type Tags } from "./tag/schema.js";
import { pageStage } from "./text/page.js";
import { sentenceStage } from "./text/sentences.js";

/** Options of an analyzer's `analyzeMany`/`tagMany`: the pool's, without `analyzer` (the analyzer is this one). */
export type AnalyzerManyOptions = Omit<ManyOptions, "analyzer">;

/**
 * A configured analyzer: reuse one per configuration (building the vocabulary is the costly part). `D` is the Doc
 * its stages produce ({@link FullDoc} for the default stages).
 */
export interface Analyzer<D extends Doc = Doc> {
  readonly config: ResolvedConfig;
  readonly stages: readonly Stage[];
  /** Runs this analyzer's stages on `text`; a text over `maxInputLength` throws `INPUT_TOO_LARGE`. */
  analyze(text: string): D;
  /**
   * What `analyze` gives or throws for each of `texts`, in order, each stage run over all of them before the next:
   * the same Docs, for less CPU on many short texts (the stages' data stays in the CPU caches from text to text;
   * blocks of 16–64 news items: see bench/stage-cost.ts). All the block's Docs are held until it ends.
   *
   * @example
   * const [first] = gw.analyzeBlock(["会议强调。", 42 as never]); // first.ok → true; the second: { ok: false, error }
   */
  analyzeBlock(texts: readonly string[]): BlockOutcome<D>[];
  /** Segments `text` with this analyzer's vocabulary, in its mode unless `options.mode` says otherwise. */
  segment(text: string, options?: SegmentOptions): Token[];
  /**
   * Tags for a CMS (see `tag`) of a text analysed by this analyzer, or of a Doc; this analyzer's `userWords`
   * (and any in `options`) are also tagged as sections.
   */
  tag(input: string | Doc, options?: TagOptions): Tags;
  /**
   * Analyses many texts on worker threads, each building this analyzer's configuration, and yields the Docs in
   * input order. Stages must be built-in ones (a stage object of your own cannot cross into a worker thread).
   */
  analyzeMany(inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>, options?: AnalyzerManyOptions): AsyncGenerator<D>;
  /** Like `analyzeMany`, yielding tags (with each record's `id`), exactly as this analyzer's `tag` gives them. */
  tagMany(inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>, options?: AnalyzerManyOptions): AsyncGenerator<Tags>;
}

/**
 * Creates an analyzer holding its configuration, vocabulary and stages.
 *
 * @example
 * const gw = createAnalyzer({ userWords: ["新质生产力"] });
 * gw.segment("加快发展新质生产力").map((t) => t.text); // → ["加快", "发展", "新质生产力"]
 * gw.tag("加快发展新质生产力").sections.map((t) => t.tag); // → ["新质生产力"]
 * const fast = createAnalyzer({ stages: ["segment", "sentences", "entities"] }); // only what you need
 * for await (const doc of fast.analyzeMany(texts, { concurrency: 2 })) console.log(doc.entities); // Entity[], not optional
 */
export function createAnalyzer<const S extends readonly (Stage | StageName)[] = DefaultStages>(
  options: CreateAnalyzerOptions<S> = {},
): Analyzer<DocOf<S>> {
  const pipeline = createPipeline(options);
  const { config } = pipeline;
  return {
    config,
    stages: pipeline.stages,
    // each stage wrote what it declares (checkStages and the stages' tests hold them to it)
    analyze: pipeline.analyze as (text: string) => DocOf<S>,
    analyzeBlock: pipeline.analyzeBlock as (texts: readonly string[]) => BlockOutcome<DocOf<S>>[],
    segment: pipeline.segment,
    tag(input, tagOptions) {
      const parsed = parseOptions(TagOptionsSchema, tagOptions, "tag options");
      const doc = typeof input === "string" ? pipeline.analyze(input) : docOrThrow(input);
      return tagsOf(doc, { ...parsed, userWords: [...config.userWords, ...(parsed.userWords ?? [])] });
    },
    analyzeMany: (inputs, manyOptions) => analyzeMany(inputs, { ...manyOptions, analyzer: pipeline.workerConfig() }) as AsyncGenerator<DocOf<S>>,
    tagMany: (inputs, manyOptions) => tagMany(inputs, { ...manyOptions, analyzer: pipeline.workerConfig() }),
  };
}

/** The process-wide resources, for the functions below given a Doc. */
const shared = resourcesWith();

/** One analyzer per purpose, built on first use and shared by the functions below. */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const everyStage = lazily(() => createAnalyzer());
/** What `keywords` and `summarize` read: tokens, sentences and the page (to keep to the article). */
const textStages = [segmentStage, sentenceStage, pageStage];
const textAnalyzer = lazily(() => createAnalyzer({ stages: textStages }));
const entityAnalyzer = lazily(() => createAnalyzer({ stages: [...textStages, entityStage] }));

/** Analyzers kept per distinct `userWords` list of `tag` (building a vocabulary is the costly part). */
const TAG_ANALYZER_CACHE_SIZE = 4;
const tagAnalyzers = new Map<string, Analyzer>();

function tagAnalyzer(userWords: readonly string[]): Analyzer {
  const key = userWords.join("\u0000");
  let analyzer = tagAnalyzers.get(key);
  if (!analyzer) {
    if (tagAnalyzers.size >= TAG_ANALYZER_CACHE_SIZE) tagAnalyzers.delete(tagAnalyzers.keys().next().value!);
    analyzer = createAnalyzer({ userWords: [...userWords] });
    tagAnalyzers.set(key, analyzer);
  }
  return analyzer;
}

/** `input` itself when it is a Doc, else the Doc `analyzer` makes of the string. */
function docOf(input: string | Doc, analyzer: () => Analyzer): Doc {
  if (typeof input === "object" && input !== null && typeof input.text === "string") return input;
  if (typeof input !== "string") {
    throw new GongwenError("INVALID_INPUT", `expected a string or a Doc, got ${input === null ? "null" : typeof input}`);
  }
  return analyzer().analyze(input);
}

/**
 * Analyses `text` with every stage (or with the `stages` in `options`: then the Doc has the fields they fill).
 *
 * @example
 * const doc = analyze("5月17日,学院党委书记雷承锋主持召开会议。");
 * doc.tokens.map((t) => t.text); // → ["5月", "17日", ",", "学院", "党委书记", "雷承锋", "主持", "召开", "会议", "。"]
 */
export function analyze(text: string, options?: Omit<AnalyzerConfig, "stages"> & { stages?: undefined }): FullDoc;
export function analyze<const S extends readonly StageName[]>(text: string, options: Omit<AnalyzerConfig, "stages"> & { stages?: S }): DocOf<S>;
export function analyze(text: string, options?: AnalyzerConfig): DocOf<readonly StageName[]> {
  return (options === undefined || options === null ? everyStage() : createAnalyzer(options)).analyze(text);
}

/**
 * Segments `text` into tokens with offsets, part of speech and kind.
 *
 * @example
 * segment("指导组成员王鹏").map((t) => t.text); // → ["指导组", "成员", "王鹏"]
 */
export function segment(text: string, options?: SegmentOptions): Token[] {
  return everyStage().segment(text, options);
}

/**
 * Entities in `text`, analysed with the built-in vocabulary and the page stage (so only the article, the title and
 * the credits count, as in `analyze`).
 *
 * @example
 * entities("学院党委书记雷承锋主持召开会议").map((e) => [e.type, e.text]);
 * // → [["org", "学院党委"], ["person", "雷承锋"]]
 */
export function entities(text: string, options: EntityOptions = {}): Entity[] {
  const { referenceDate } = parseOptions(EntityOptionsSchema, options, "entity options");
  const analyzer = referenceDate
    ? createAnalyzer({ referenceDate, stages: [...textStages, entityStage] })
    : entityAnalyzer();
  return analyzer.analyze(text).entities ?? [];
}

/**
 * The keywords and key phrases of `input` (a text or an analysed Doc), best first, each with its score, its kind
 * and every occurrence as a span of the input.
 *
 * @example
 * const text = readFileSync("meeting-report.txt", "utf8"); // the seed meeting report
 * keywords(text, { topK: 5 }).map((k) => k.text); // → ["办学定位", "学院", "转型发展", "雷承锋", "一个目标"]
 * keywords(text)[0].spans.length;                  // → 31, every 办学定位 in the article
 */
export function keywords(input: string | Doc, options?: KeywordOptions): Keyword[] {
  const parsed = parseOptions(KeywordOptionsSchema, options, "keyword options");
  return rankKeywords(docOf(input, textAnalyzer), parsed).keywords;
}

/**
 * The extractive summary of `input` (a text or an analysed Doc): indices of the chosen sentences in
 * `doc.sentences`, their spans, and their text joined in document order. `maxChars` bounds the summed length of
 * the chosen spans (UTF-16 units, so `summary.text.length <= maxChars`); when not even the best sentence fits (a
 * headline budget), the summary is that sentence's head, cut at a token boundary.
 *
 * @example
 * const text = readFileSync("meeting-report.txt", "utf8"); // the seed meeting report
 * const summary = summarize(text, { maxChars: 120, maxSentences: 2 });
 * summary.text; // → "5月17日,学院党委书记雷承锋主持召开2023年第11次党委(扩大)会议,专题研讨决定…发展任务。形成以…的工作特色;"
 * summary.spans.every((s) => text.slice(s.start, s.end) === s.text); // → true
 */
export function summarize(input: string | Doc, options?: SummaryOptions): Summary {
  const budget = { ...DEFAULT_BUDGET, ...parseOptions(SummaryOptionsSchema, options, "summary options") };
  return summarizeDoc(docOf(input, textAnalyzer), budget, "article", shared);
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
  return tagAnalyzer(parsed.userWords ?? []).tag(input, { ...parsed, userWords: [] });
}
