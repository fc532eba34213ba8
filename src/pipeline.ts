/**
 * `createAnalyzer`: validated configuration plus a fold over stages, like spaCy's `Language.__call__`.
 * Each stage reads what earlier stages produced and returns a new Doc with the field it fills; none mutates.
 */
import { GongwenError } from "./errors.js";
import { parseOptions } from "./options.js";
import {
  AnalyzerConfigSchema,
  DEFAULT_MAX_INPUT_LENGTH,
  SegmentOptionsSchema,
  type AnalyzerConfig,
  type Doc,
  type SegmentMode,
  type SegmentOptions,
  type Token,
} from "./schema.js";
import { entityStage } from "./entities/index.js";
import { enumerationStage } from "./enumerate/index.js";
import { keywordStage } from "./keywords/index.js";
import { lexiconWith, segmentText } from "./segment/index.js";
import { summaryStage } from "./summarize/index.js";
import { meetingStage } from "./summarize/meeting.js";
import { pageStage } from "./text/page.js";
import { splitClauses, splitSentences } from "./text/sentences.js";

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

/** One step of the pipeline: fills `provides` from the fields in `requires`. */
export interface Stage {
  name: string;
  requires: readonly (keyof Doc)[];
  provides: keyof Doc;
  run(doc: Doc, context: StageContext): Doc;
}

/** Tokens (with POS) for the whole text. */
export const segmentStage: Stage = {
  name: "segment",
  requires: [],
  provides: "tokens",
  run: (doc, context) => ({ ...doc, tokens: context.segment(doc.text) }),
};

/** Sentence and clause spans. */
export const sentenceStage: Stage = {
  name: "sentences",
  requires: [],
  provides: "sentences",
  run: (doc) => {
    const sentences = splitSentences(doc.text);
    return { ...doc, sentences, clauses: splitClauses(doc.text, sentences) };
  },
};

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

/** A configured analyzer: reuse one per configuration (building the vocabulary is the costly part). */
export interface Analyzer {
  readonly config: ResolvedConfig;
  readonly stages: readonly Stage[];
  analyze(text: string): Doc;
  segment(text: string, options?: SegmentOptions): Token[];
}

export interface CreateAnalyzerOptions extends AnalyzerConfig {
  /** Stage objects to run, in order (default: every stage). */
  stages?: readonly Stage[];
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
  if (typeof text !== "string") {
    throw new GongwenError("INVALID_INPUT", `expected a string, got ${text === null ? "null" : typeof text}`);
  }
  if (text.length > maxInputLength) {
    throw new GongwenError(
      "INPUT_TOO_LARGE",
      `input has ${text.length} UTF-16 units, over maxInputLength ${maxInputLength} (raise it in createAnalyzer)`,
    );
  }
}

/**
 * Creates an analyzer holding its configuration, vocabulary and stages.
 *
 * @example
 * const gw = createAnalyzer({ userWords: ["新质生产力"] });
 * gw.segment("加快发展新质生产力").map((t) => t.text); // → ["加快", "发展", "新质生产力"]
 */
export function createAnalyzer(options: CreateAnalyzerOptions = {}): Analyzer {
  const { stages = defaultStages, ...rest } = (options ?? {}) as CreateAnalyzerOptions;
  const parsed = parseOptions(AnalyzerConfigSchema, rest, "analyzer options");
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
  return {
    config,
    stages,
    analyze(text) {
      checkInput(text, config.maxInputLength);
      let doc: Doc = { text, tokens: [], sentences: [] };
      for (const stage of stages) doc = stage.run(doc, context);
      return doc;
    },
    segment(text, segmentOptions) {
      checkInput(text, config.maxInputLength);
      const { mode } = parseOptions(SegmentOptionsSchema, segmentOptions, "segment options");
      return context.segment(text, mode);
    },
  };
}
