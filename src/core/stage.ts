/**
 * The stage contract: a stage reads fields of the Doc that earlier stages wrote and returns a new Doc with the
 * fields it writes; it never mutates the Doc and never imports another stage's internals.
 */
import { GongwenError } from "./errors.js";
import { parseText } from "./options.js";
import type { Resources } from "./resources.js";
import type { Doc, EngineName, SegmentMode, Token } from "./schema.js";

/** Configuration after defaults, as stages see it. */
export interface ResolvedConfig {
  mode: SegmentMode;
  engine: EngineName;
  maxInputLength: number;
  userWords: readonly string[];
  referenceDate?: string;
  /** The address the input was fetched from, if the caller gave it. */
  url?: string;
  scope: "article" | "all";
  /** How to read the input: as `text`, as `html`, or `auto` (HTML when it is markup). */
  format: "text" | "html" | "auto";
}

/** What a stage may use besides the Doc. */
export interface StageContext {
  config: ResolvedConfig;
  /** Segments any text with this analyzer's vocabulary (offsets relative to that text). */
  segment(text: string, mode?: SegmentMode): Token[];
  /** IDF, stopwords and tagger weights: the process-wide ones unless the analyzer was given others. */
  resources: Resources;
}

/**
 * One step of the pipeline: declares every Doc field it reads and writes. `W` names the fields it writes as a type
 * too: a stage typed `Stage<"entities">` makes `entities` required in the Docs of an analyzer that runs it.
 */
export interface Stage<W extends keyof Doc = keyof Doc> {
  name: string;
  /** Fields an earlier stage must have written (`text` is always there). */
  reads: readonly (keyof Doc)[];
  /** Fields read when an earlier stage wrote them (e.g. `page`, to keep to the article), ignored otherwise. */
  readsIfPresent?: readonly (keyof Doc)[];
  /** Fields it writes (an optional one may stay absent, e.g. `meeting` for a text that reports no meeting). */
  writes: readonly W[];
  /** Returns the Doc with its `writes` fields filled in. */
  run(doc: Doc, context: StageContext): Doc;
}

/** Throws unless every stage is well formed and comes after the stages that write what it reads. */
export function checkStages(stages: readonly Stage[]): void {
  const written = new Set<keyof Doc>(["text"]);
  for (const stage of stages) {
    if (!stage || typeof stage.run !== "function" || typeof stage.name !== "string" || !Array.isArray(stage.reads) || !Array.isArray(stage.writes)) {
      throw new GongwenError("INVALID_OPTIONS", "each stage must be an object with a name, reads and writes lists and a run function");
    }
    const missing = stage.reads.filter((field) => !written.has(field));
    if (missing.length > 0) {
      throw new GongwenError("STAGE_ORDER", `stage "${stage.name}" reads ${missing.join(", ")}, which no earlier stage writes`);
    }
    for (const field of stage.writes) written.add(field);
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
