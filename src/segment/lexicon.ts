/**
 * gongwen's own word overlay on top of jieba. Two jobs:
 * - per-analyzer `userWords` without touching the process-global jieba engine;
 * - boundary repairs jieba's dictionary cannot express: every jieba engine cuts `巡回指导组组长` into
 *   `巡回/指导/组组长`, because `组组长` is a dictionary word, and adding `指导组` as a user word does not change
 *   that. Matching lexicon words at token starts and re-cutting the token they end inside gives `巡回指导组/组长`.
 */
import type { Token } from "../core/schema.js";
import { makeToken } from "./token.js";

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Part of speech when a word ends here. */
  pos?: string;
}

export interface Lexicon {
  root: TrieNode;
  size: number;
  /** The UTF-16 code units that words start with (a word starting with an astral character has none). */
  firstUnits: ReadonlySet<number>;
}

/** Builds a lexicon; later entries win when a word repeats. */
export function buildLexicon(entries: Iterable<{ word: string; pos: string }>): Lexicon {
  const root: TrieNode = { next: new Map() };
  let size = 0;
  for (const { word, pos } of entries) {
    let node = root;
    for (const char of word) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map() }));
      node = child;
    }
    if (node.pos === undefined) size++;
    node.pos = pos;
  }
  const firstUnits = new Set([...root.next.keys()].filter((first) => first.length === 1).map((first) => first.charCodeAt(0)));
  return { root, size, firstUnits };
}

/** Longest lexicon word starting at `start`: its end offset and tag, or undefined. */
function longestMatch(text: string, start: number, lexicon: Lexicon): { end: number; pos: string } | undefined {
  let node: TrieNode | undefined = lexicon.root;
  let found: { end: number; pos: string } | undefined;
  let i = start;
  while (node && i < text.length) {
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    node = node.next.get(text.slice(i, i + width));
    i += width;
    if (node?.pos !== undefined) found = { end: i, pos: node.pos };
  }
  return found;
}

/**
 * Applies the lexicon: at each token start, the longest lexicon word becomes one token; a token it ends inside
 * is cut there and its rest (two characters or more) re-segmented by `recut`.
 */
export function applyLexicon(
  text: string,
  tokens: Token[],
  lexicon: Lexicon,
  recut: (start: number, end: number) => Token[],
): Token[] {
  const isCandidate = (token: Token) => token.kind === "word" && lexicon.firstUnits.has(token.text.charCodeAt(0));
  let i = tokens.findIndex(isCandidate);
  // most texts hold no lexicon word's first character at a token start: nothing to copy
  if (i < 0) return tokens;
  const out = tokens.slice(0, i);
  while (i < tokens.length) {
    const token = tokens[i]!;
    const candidate = isCandidate(token);
    const match = candidate ? longestMatch(text, token.start, lexicon) : undefined;
    let k = i;
    while (match && k < tokens.length - 1 && tokens[k]!.end < match.end) k++;
    // a rest of one character is the sign of a wrong split (由专家组成 is 专家/组成, not 专家组/成)
    if (!match || match.end === token.end || tokens[k]!.end - match.end === 1) {
      out.push(match?.end === token.end ? makeToken(token.start, token.end, token.text, match.pos, token.kind) : token);
      i++;
      continue;
    }
    out.push(makeToken(token.start, match.end, text.slice(token.start, match.end), match.pos, "word"));
    const last = tokens[k]!;
    if (last.end > match.end) out.push(...recut(match.end, last.end));
    i = k + 1;
  }
  return out;
}
