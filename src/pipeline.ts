/**
 * The pipeline: validated configuration plus a fold over stages, like spaCy's `Language.__call__`. Each stage reads
 * what earlier stages wrote and returns a new Doc with the fields it writes; none mutates. The stages read the
 * text view (core/view.ts); every span they emit is mapped back onto the input here, once, after the last stage.
 * Nothing here knows about tags, rendering or worker threads: those sit above (analyzer.ts).
 */
import { GongwenError } from "./core/errors.js";
import { optionsObject, parseOptions } from "./core/options.js";
import {
  AnalyzerConfigSchema,
  DEFAULT_MAX_INPUT_LENGTH,
  SegmentOptionsSchema,
  type AnalyzerConfig,
  type Doc,
  type InputInfo,
  type SegmentOptions,
  type StageName,
  type Token,
} from "./core/schema.js";
import type { Resources } from "./core/resources.js";
import { checkInput, checkStages, type ResolvedConfig, type Stage, type StageContext } from "./core/stage.js";
import { mapDoc, type TextView } from "./core/view.js";
import { entityStage } from "./entities/index.js";
import { shippedTaggerWeights } from "./entities/tagger.js";
import { enumerationStage } from "./enumerate/index.js";
import { loadIdf } from "./keywords/idf.js";
import { readInput } from "./input/index.js";
import { keywordStage } from "./keywords/index.js";
import { loadStopwords } from "./keywords/terms.js";
import { engineNamed, lexiconWith, segmentStage, segmentText } from "./segment/index.js";
import { summaryStage } from "./summarize/index.js";
import { meetingStage } from "./summarize/meeting.js";
import { pageStage } from "./text/page.js";
import { sentenceStage } from "./text/sentences.js";

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

/** Options of `createAnalyzer`: an {@link AnalyzerConfig} whose `stages` may also be stage objects (yours too). */
export interface CreateAnalyzerOptions<S extends readonly (Stage | StageName)[] = readonly (Stage | StageName)[]>
  extends Omit<AnalyzerConfig, "stages"> {
  /** Stages to run, in order: built-in ones by name or as objects, your own as objects (default: every stage). */
  stages?: S;
  /**
   * Resources for this analyzer's stages instead of the shipped ones (e.g. tagger weights under evaluation); the
   * ones not given are the process-wide defaults. Worker threads cannot receive them (analyzeMany refuses).
   */
  resources?: Partial<Resources>;
}

/**
 * `given` resources, the shipped ones for the rest: each loaded from dict/ on first use, once per process, and
 * shared by every analyzer that does not replace it.
 */
export function resourcesWith(given: Partial<Resources> = {}): Resources {
  return {
    get idf() {
      return given.idf ?? loadIdf();
    },
    get stopwords() {
      return given.stopwords ?? loadStopwords();
    },
    get taggerWeights() {
      return given.taggerWeights ?? shippedTaggerWeights();
    },
  };
}

/** A configured fold over stages: what an analyzer runs on one text. */
export interface Pipeline {
  readonly config: ResolvedConfig;
  readonly stages: readonly Stage[];
  /** The options a worker thread needs to build the same pipeline (built-in stages only: checked when called). */
  workerConfig(): AnalyzerConfig;
  /** Runs the stages on `text`; a text over `maxInputLength` throws `INPUT_TOO_LARGE`. */
  analyze(text: string): Doc;
  /**
   * What `analyze` gives or throws for each of `texts`, in order, with each stage run over all the texts before the
   * next stage (see {@link analyzeBlock}).
   */
  analyzeBlock(texts: readonly string[]): BlockOutcome[];
  /** Segments `text` with this pipeline's vocabulary, in its mode unless `options.mode` says otherwise. */
  segment(text: string, options?: SegmentOptions): Token[];
}

/** What `analyze` gives for one text of a block: its Doc, or the error it throws. */
export type BlockOutcome<D extends Doc = Doc> = { ok: true; doc: D } | { ok: false; error: unknown };

/** A text on its way through the stages: the view they read and what turns their Doc into the input's terms. */
interface InFlight {
  view: TextView;
  info: InputInfo;
  restore: (doc: Doc) => Doc;
  doc: Doc;
}

/** Checks and reads `text` into the Doc the first stage receives. */
function begin(text: string, config: ResolvedConfig): InFlight {
  checkInput(text, config.maxInputLength);
  const { view, info, restore } = readInput(text, config);
  return { view, info, restore, doc: { text: view.text, tokens: [], sentences: [] } };
}

/** The Doc the stages made, its spans mapped back onto the input. */
function finish({ view, info, restore, doc }: InFlight): Doc {
  const { text: input, ...fields } = mapDoc(view, doc);
  return restore({ text: input, input: info, ...fields });
}

/**
 * `texts` through `stages` stage by stage: each stage runs over every text still in flight before the next starts,
 * so its code and data (the segmenter's dictionary, the tagger's weights, the term lexicon) stay in the CPU caches
 * from one text to the next; text by text, each stage finds them evicted by the others (on 1,500 CCTV items the
 * stages cost ~25% more taking turns on each text than each run over all: bench/stage-cost.ts). Stages keep no
 * state between texts that changes what they return, so each Doc is the one `analyze` gives; a text that throws is
 * dropped from the later stages, and its outcome is the error.
 */
function analyzeBlock(texts: readonly string[], stages: readonly Stage[], context: StageContext): BlockOutcome[] {
  if (!Array.isArray(texts)) throw new GongwenError("INVALID_INPUT", "analyzeBlock() takes an array of texts");
  const outcomes: BlockOutcome[] = new Array(texts.length);
  const attempt = (at: number, work: () => void): boolean => {
    try {
      work();
      return true;
    } catch (error) {
      outcomes[at] = { ok: false, error };
      return false;
    }
  };
  let inFlight: { at: number; text: InFlight }[] = [];
  texts.forEach((text, at) => attempt(at, () => inFlight.push({ at, text: begin(text, context.config) })));
  for (const stage of stages) inFlight = inFlight.filter(({ at, text }) => attempt(at, () => (text.doc = stage.run(text.doc, context))));
  for (const { at, text } of inFlight) attempt(at, () => (outcomes[at] = { ok: true, doc: finish(text) }));
  return outcomes;
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

/** Validates `options` and builds the vocabulary and the stage list. */
export function createPipeline(options: CreateAnalyzerOptions = {}): Pipeline {
  const { stages: requested, resources: given, ...rest } = optionsObject(options, "analyzer options") as CreateAnalyzerOptions;
  const parsed = parseOptions(AnalyzerConfigSchema, rest, "analyzer options");
  if (requested !== undefined && !Array.isArray(requested)) {
    throw new GongwenError("INVALID_OPTIONS", "stages must be an array of stage names or stage objects");
  }
  if (given !== undefined && (typeof given !== "object" || given === null)) {
    throw new GongwenError("INVALID_OPTIONS", "resources must be an object (idf, stopwords, taggerWeights)");
  }
  const stages = requested ? requested.map(resolveStage) : defaultStages;
  checkStages(stages);
  const config: ResolvedConfig = {
    mode: parsed.mode ?? "default",
    engine: parsed.engine ?? "nodejieba",
    maxInputLength: parsed.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH,
    userWords: parsed.userWords ?? [],
    scope: parsed.scope ?? "article",
    format: parsed.format ?? "auto",
    ...(parsed.referenceDate ? { referenceDate: parsed.referenceDate } : {}),
    ...(parsed.url ? { url: parsed.url } : {}),
  };
  const lexicon = lexiconWith(config.userWords, parsed.userDict);
  const engine = engineNamed(config.engine);
  const context: StageContext = {
    config,
    segment: (text, mode = config.mode) => segmentText(text, mode, lexicon, engine),
    resources: resourcesWith(given),
  };
  return {
    config,
    stages,
    workerConfig() {
      if (given !== undefined) {
        throw new GongwenError("INVALID_OPTIONS", "an analyzer given its own resources cannot run them in worker threads (analyzeMany, tagMany)");
      }
      return requested ? { ...parsed, stages: stageNames(stages) } : parsed;
    },
    analyze(text) {
      const inFlight = begin(text, config);
      for (const stage of stages) inFlight.doc = stage.run(inFlight.doc, context);
      return finish(inFlight);
    },
    analyzeBlock: (texts) => analyzeBlock(texts, stages, context),
    segment(text, segmentOptions) {
      checkInput(text, config.maxInputLength);
      const { mode } = parseOptions(SegmentOptionsSchema, segmentOptions, "segment options");
      return context.segment(text, mode);
    },
  };
}
