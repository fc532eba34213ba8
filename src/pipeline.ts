/**
 * `createAnalyzer`: validated configuration plus a fold over stages, like spaCy's `Language.__call__`.
 * Each stage reads what earlier stages produced and returns a new Doc with the field it fills; none mutates.
 * The analyzer also tags (tag/project.ts) and fans out over worker threads (batch/) with its own configuration.
 */
import { GongwenError } from "./errors.js";
import { optionsObject, parseOptions, parseText } from "./options.js";
import {
  AnalyzerConfigSchema,
  DEFAULT_MAX_INPUT_LENGTH,
  SegmentOptionsSchema,
  type AnalyzerConfig,
  type Doc,
  type SegmentMode,
  type SegmentOptions,
  type StageName,
  type Token,
} from "./schema.js";
import { analyzeMany, tagMany, type BatchInput, type ManyOptions } from "./batch/index.js";
import { entityStage } from "./entities/index.js";
import { enumerationStage } from "./enumerate/index.js";
import { keywordStage } from "./keywords/index.js";
import { lexiconWith, segmentText } from "./segment/index.js";
import { summaryStage } from "./summarize/index.js";
import { meetingStage } from "./summarize/meeting.js";
import { pageStage } from "./text/page.js";
import { splitClauses, splitSentences } from "./text/sentences.js";
import { docOrThrow, tagsOf } from "./tag/project.js";
import { TagOptionsSchema, type TagOptions, type Tags } from "./tag/schema.js";

/** Configuration after defaults, as stages see it. */
export interface ResolvedConfig {
  mode: SegmentMode;
  maxInputLength: number;
  userWords: readonly string[];
  referenceDate?: string;
  scope: "article" | "all";
}

/** What a stage may use besides the Doc. */
export interface StageContext {
  config: ResolvedConfig;
  /** Segments any text with this analyzer's vocabulary (offsets relative to that text). */
  segment(text: string, mode?: SegmentMode): Token[];
}

/**
 * One step of the pipeline: fills `provides` from the fields in `requires`. `P` names the fields it fills (as a type:
 * a stage typed `Stage<"entities">` makes `entities` required in the Docs of an analyzer that runs it).
 */
export interface Stage<P extends keyof Doc = keyof Doc> {
  name: string;
  requires: readonly (keyof Doc)[];
  provides: P;
  /** Returns the Doc with its `provides` field filled in (an optional one may stay absent, e.g. `meeting`). */
  run(doc: Doc, context: StageContext): Doc;
}

/** Tokens (with POS) for the whole text. */
export const segmentStage: Stage<"tokens"> = {
  name: "segment",
  requires: [],
  provides: "tokens",
  run: (doc, context) => ({ ...doc, tokens: context.segment(doc.text) }),
};

/** Sentence and clause spans. */
export const sentenceStage: Stage<"sentences" | "clauses"> = {
  name: "sentences",
  requires: [],
  provides: "sentences",
  run: (doc) => {
    const sentences = splitSentences(doc.text);
    return { ...doc, sentences, clauses: splitClauses(doc.text, sentences) };
  },
};

/** The Doc fields each built-in stage fills; `meeting` is there only for meeting reports, so it stays optional. */
export interface StageFields {
  segment: "tokens";
  sentences: "sentences" | "clauses";
  page: "page";
  enumerations: "enumerations";
  entities: "entities";
  keywords: "keywords" | "phrases";
  summary: "summary";
  meeting: never;
}

/** A Doc whose fields `F` are present (`meeting` stays optional: a stage may leave it out). */
export type DocWith<F extends keyof Doc> = Doc & { [K in Exclude<F, "meeting">]-?: NonNullable<Doc[K]> };

/** The fields a stage (by name or as an object) fills; a stage typed only as `Stage` promises none. */
export type FilledBy<S> = S extends StageName ? StageFields[S] : S extends Stage<infer P> ? (keyof Doc extends P ? never : P) : never;

/**
 * The Doc that stages `S` produce: the fields they fill are required when `S` is a list written out (a tuple); an
 * array built at run time guarantees only `text`, `tokens` and `sentences`.
 */
export type DocOf<S extends readonly (Stage | StageName)[]> = number extends S["length"] ? Doc : DocWith<FilledBy<S[number]>>;

/** The built-in stage names, in the order `analyze` runs them by default. */
export type DefaultStages = readonly ["segment", "sentences", "page", "enumerations", "entities", "keywords", "summary", "meeting"];

/** What `analyze(text)` returns: every field of the default stages present; `meeting` only for meeting reports. */
export type FullDoc = DocOf<DefaultStages>;

/** The stages `analyze` runs when none are given, in order. */
export const defaultStages: readonly Stage[] = [
  segmentStage,
  sentenceStage,
  pageStage,
  enumerationStage,
  entityStage,
  keywordStage,
  summaryStage,
  meetingStage,
];

/** The built-in stages by name. */
const BUILT_IN_STAGES = new Map<string, Stage>(defaultStages.map((stage) => [stage.name, stage]));

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
  /** Like `analyzeMany`, yielding tags (with each record's `id`). */
  tagMany(inputs: Iterable<BatchInput> | AsyncIterable<BatchInput>, options?: AnalyzerManyOptions): AsyncGenerator<Tags>;
}

/** Options of {@link createAnalyzer}: an {@link AnalyzerConfig} whose `stages` may also be stage objects (yours too). */
export interface CreateAnalyzerOptions<S extends readonly (Stage | StageName)[] = readonly (Stage | StageName)[]>
  extends Omit<AnalyzerConfig, "stages"> {
  /** Stages to run, in order: built-in ones by name or as objects, your own as objects (default: every stage). */
  stages?: S;
}

/** A built-in stage for its name; stage objects pass through. */
function resolveStage(stage: Stage | StageName): Stage {
  if (typeof stage !== "string") return stage;
  const builtIn = BUILT_IN_STAGES.get(stage);
  if (!builtIn) {
    throw new GongwenError("INVALID_OPTIONS", `unknown stage "${stage}": built-in stages are ${[...BUILT_IN_STAGES.keys()].join(", ")}`);
  }
  return builtIn;
}

/** The stages as built-in names, which a worker thread can rebuild; a stage object of the caller's own cannot. */
function stageNames(stages: readonly Stage[]): StageName[] {
  return stages.map((stage) => {
    if (BUILT_IN_STAGES.get(stage.name) !== stage) {
      throw new GongwenError(
        "INVALID_OPTIONS",
        `stage "${stage.name}" is not a built-in stage: worker threads rebuild the analyzer from its configuration, so analyzeMany and tagMany run built-in stages only`,
      );
    }
    return stage.name as StageName;
  });
}

function checkStages(stages: readonly Stage[]): void {
  const provided = new Set<keyof Doc>(["text"]);
  for (const stage of stages) {
    if (!stage || typeof stage.run !== "function" || typeof stage.name !== "string") {
      throw new GongwenError("INVALID_OPTIONS", "each stage must be an object with a name and a run function");
    }
    const missing = stage.requires.filter((field) => !provided.has(field));
    if (missing.length > 0) {
      throw new GongwenError("STAGE_ORDER", `stage "${stage.name}" requires ${missing.join(", ")} from an earlier stage`);
    }
    provided.add(stage.provides);
  }
}

/** Throws unless `text` is a string within the configured length. */
export function checkInput(text: unknown, maxInputLength: number): asserts text is string {
  const { length } = parseText(text);
  if (length > maxInputLength) {
    throw new GongwenError(
      "INPUT_TOO_LARGE",
      `input has ${length} UTF-16 units, over maxInputLength ${maxInputLength} (raise it in createAnalyzer)`,
    );
  }
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
  const { stages: requested, ...rest } = optionsObject(options, "analyzer options") as CreateAnalyzerOptions;
  const parsed = parseOptions(AnalyzerConfigSchema, rest, "analyzer options");
  if (requested !== undefined && !Array.isArray(requested)) {
    throw new GongwenError("INVALID_OPTIONS", "stages must be an array of stage names or stage objects");
  }
  const stages = requested ? requested.map(resolveStage) : defaultStages;
  checkStages(stages);
  const config: ResolvedConfig = {
    mode: parsed.mode ?? "default",
    maxInputLength: parsed.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH,
    userWords: parsed.userWords ?? [],
    scope: parsed.scope ?? "article",
    ...(parsed.referenceDate ? { referenceDate: parsed.referenceDate } : {}),
  };
  const lexicon = lexiconWith(config.userWords, parsed.userDict);
  const context: StageContext = {
    config,
    segment: (text, mode = config.mode) => segmentText(text, mode, lexicon),
  };
  // what a worker thread needs to build the same analyzer (checked when the pool is asked for, not before)
  const workerConfig = (): AnalyzerConfig => (requested ? { ...parsed, stages: stageNames(stages) } : parsed);
  const analyzer: Analyzer<DocOf<S>> = {
    config,
    stages,
    analyze(text) {
      checkInput(text, config.maxInputLength);
      let doc: Doc = { text, tokens: [], sentences: [] };
      for (const stage of stages) doc = stage.run(doc, context);
      return doc as DocOf<S>; // each stage filled what it provides (checkStages and the stages' tests hold them to it)
    },
    segment(text, segmentOptions) {
      checkInput(text, config.maxInputLength);
      const { mode } = parseOptions(SegmentOptionsSchema, segmentOptions, "segment options");
      return context.segment(text, mode);
    },
    tag(input, tagOptions) {
      const parsedTag = parseOptions(TagOptionsSchema, tagOptions, "tag options");
      const doc = typeof input === "string" ? analyzer.analyze(input) : docOrThrow(input);
      return tagsOf(doc, { ...parsedTag, userWords: [...config.userWords, ...(parsedTag.userWords ?? [])] });
    },
    analyzeMany: (inputs, manyOptions) => analyzeMany(inputs, { ...manyOptions, analyzer: workerConfig() }) as AsyncGenerator<DocOf<S>>,
    tagMany: (inputs, manyOptions) => tagMany(inputs, { ...manyOptions, analyzer: workerConfig() }),
  };
  return analyzer;
}
