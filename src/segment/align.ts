/**
 * Turns jieba's words back into tokens with offsets (like spaCy's get_words_and_spaces): the words must spell
 * the piece exactly, or the offsets would lie, so a mismatch is an `ALIGNMENT` error rather than a guess.
 */
import { GongwenError } from "../core/errors.js";
import type { Token, TokenKind } from "../core/schema.js";
import type { TaggedWords } from "./jieba.js";
import { makeToken } from "./token.js";

const PUNCTUATION = /^\p{P}+$/u;
const CHINESE_NUMERAL = /^[〇○零一二三四五六七八九十百千万亿两]+$/u;

const LETTER = /\p{L}/u;

/**
 * The kind of a word jieba produced with tag `tag` (numbers, Latin and spaces never reach jieba: see scan.ts); its
 * part of speech is `w` for punctuation, `x` for `other` and `tag` otherwise.
 */
export function wordKind(word: string, tag: string): TokenKind {
  const first = word.charCodeAt(0);
  if (first >= 0x4e00 && first <= 0x9fff && tag !== "m" && tag !== "x") return "word";
  if (PUNCTUATION.test(word)) return "punct";
  if (tag === "m" && CHINESE_NUMERAL.test(word)) return "number";
  if (tag === "x" && !LETTER.test(word)) return "other";
  return "word";
}

/** Tokens for jieba's `words`, which it cut from `text` at `offset`. */
export function alignWords(text: string, offset: number, { words, tags }: TaggedWords, into: Token[]): number {
  let position = offset;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.length === 0) continue;
    if (!text.startsWith(word, position)) {
      throw new GongwenError(
        "ALIGNMENT",
        `segmenter returned "${word}" where the text has "${text.slice(position, position + word.length)}" at ${position}`,
      );
    }
    const kind = wordKind(word, tags[i]!);
    const pos = kind === "punct" ? "w" : kind === "other" ? "x" : tags[i]!;
    into.push(makeToken(position, position + word.length, word, pos, kind));
    position += word.length;
  }
  return position;
}
