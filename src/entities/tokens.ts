/**
 * Token lookups shared by the entity finders: which token starts or covers an offset, and the character classes
 * the grammars test.
 */
import type { Token } from "../core/schema.js";

/** Tokens indexed by the offsets they start at and cover. */
export interface TokenIndex {
  tokens: readonly Token[];
  /** Index of the token starting at each offset, or -1. */
  startingAt: Int32Array;
  /** Index of the token covering each offset. */
  covering: Int32Array;
}

/**
 * Indexes tokens by offset.
 *
 * @example
 * tokenCovering(indexTokens(text, tokens), 7)?.text // the token that holds character 7
 */
export function indexTokens(text: string, tokens: readonly Token[]): TokenIndex {
  const both = new Int32Array(2 * (text.length + 1)).fill(-1);
  const startingAt = both.subarray(0, text.length + 1);
  const covering = both.subarray(text.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    const { start, end } = tokens[i]!;
    startingAt[start] = i;
    for (let j = start; j < end; j++) covering[j] = i;
  }
  return { tokens, startingAt, covering };
}

export function tokenStartingAt(index: TokenIndex, offset: number): Token | undefined {
  const i = index.startingAt[offset] ?? -1;
  return i >= 0 ? index.tokens[i] : undefined;
}

export function tokenCovering(index: TokenIndex, offset: number): Token | undefined {
  const i = index.covering[offset] ?? -1;
  return i >= 0 ? index.tokens[i] : undefined;
}

/** A CJK ideograph (BMP unified ideographs and extension A; names and titles use nothing else). */
export function isHan(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Does a run of Han characters cover `text.slice(start, end)`? */
export function isAllHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHan(text, i)) return false;
  return end > start;
}

/** jieba tags that name a person. */
export const isPersonTag = (pos: string) => pos === "nr" || pos === "nrfg" || pos === "nrt";
