/**
 * Input readers: what turns the string a caller passed into the text the stages analyse. Each reader looks at the
 * text the readers before it left and, when it has something to do, returns a step over it (markup dropped,
 * traditional characters read as simplified ones, injected pollution left out); the steps compose into one text
 * view with an exact map back to the input (core/view.ts). A clean plain-text input passes through every reader
 * untouched and is its own view.
 */
import type { Doc, InputInfo } from "../core/schema.js";
import type { ResolvedConfig } from "../core/stage.js";
import { composeView, identityView, type TextView, type ViewStep } from "../core/view.js";
import { htmlReader } from "./html.js";
import { readPollution } from "./pollution.js";
import { readScript } from "./script.js";
import { readSpinning } from "./spinning.js";

/** What a reader found: a step over the text it read, and what it tells about the input. */
export interface ReaderResult {
  step?: ViewStep;
  info?: Partial<InputInfo>;
  /** Writes what the stages found in the reader's terms back in the input's (e.g. names in traditional script). */
  restore?: (doc: Doc) => Doc;
}

/** One reader: reads `view.text` (what the readers before it left) and says what to change, if anything. */
export type InputReader = (view: TextView, config: ResolvedConfig) => ReaderResult | undefined;

/**
 * The readers, in the order they run: markup first (its text is what the others read), then pollution, so that
 * pinyin written between traditional characters is gone before the script is judged and converted, and spinning
 * last, as its collocations are written in simplified characters.
 */
const READERS: readonly InputReader[] = [htmlReader, readPollution, readScript, readSpinning];

/**
 * The view the stages analyse for `input`, how the input was read, and what turns the Doc made over the view (its
 * spans mapped by mapDoc) into the input's terms.
 */
export function readInput(input: string, config: ResolvedConfig): { view: TextView; info: InputInfo; restore: (doc: Doc) => Doc } {
  let view = identityView(input);
  let info: InputInfo = { format: "text", script: "simplified" };
  const restores: ((doc: Doc) => Doc)[] = [];
  for (const reader of READERS) {
    const result = reader(view, config);
    if (!result) continue;
    if (result.step) view = composeView(view, result.step);
    // pollution found by two readers is one list
    if (result.info) info = { ...info, ...result.info, ...(info.pollution && result.info.pollution ? { pollution: [...info.pollution, ...result.info.pollution] } : {}) };
    if (result.restore) restores.unshift(result.restore);
  }
  return { view, info, restore: restores.length === 0 ? asItIs : (doc) => restores.reduce((restored, restore) => restore(restored), doc) };
}

/** The restore of an input no reader changed the terms of (every clean text): no closure made per text. */
const asItIs = (doc: Doc): Doc => doc;
