/**
 * A dependency required on its first use, not when gongwen is imported: a plain-text analysis never pays for the
 * HTML parser, the encoding detectors or opencc (tens of milliseconds and megabytes per worker).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * @example
 * const htmlparser2 = lazyModule<typeof import("htmlparser2")>("htmlparser2");
 * new (htmlparser2().Tokenizer)(…) // required here, once
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
