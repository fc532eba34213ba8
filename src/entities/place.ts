/**
 * Places: names from the gazetteer (`dict/places.txt`, administrative divisions and countries, with short forms)
 * and named regions (`dict/entity-regions.txt`), matched where jieba's word boundaries agree, plus words jieba
 * tags `ns`.
 */
import { type EntityLexicon, longestStartingAt } from "./lexicon.js";
import { isAllHan, type TokenIndex, tokenCovering } from "./tokens.js";

export interface PlaceMatch {
  start: number;
  end: number;
  /** Canonical full name from the gazetteer (山西 → 山西省). */
  full?: string;
}

/** Is there a token boundary at `offset` (so a match does not cut a word in half)? */
function isTokenBoundary(index: TokenIndex, offset: number): boolean {
  if (offset === 0 || offset >= index.covering.length - 1) return true;
  return index.covering[offset] !== index.covering[offset - 1];
}

/** Endings of place names the gazetteer does not list (towns, mountains, rivers, foreign cities are tagged too). */
const PLACE_ENDINGS = new Set([..."省市县区州镇乡村岛山河湖江海湾峡港洲城岭峰路街"]);

/**
 * A jieba `ns` word that looks like a place: jieba's tags come partly from a generated vocabulary with wrong tags
 * (交通中断/ns), so the word must also end like a place name.
 */
function isPlaceLike(word: string): boolean {
  return word.length >= 2 && PLACE_ENDINGS.has(word[word.length - 1]!);
}

/**
 * Every place, non-overlapping, left to right.
 *
 * @example
 * findPlaces(text, index, lexicon) // "服务山西高质量转型发展" → [{ start: 2, end: 4, full: "山西省" }]
 */
export function findPlaces(text: string, index: TokenIndex, lexicon: EntityLexicon): PlaceMatch[] {
  const found: PlaceMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const token = tokenCovering(index, i);
    const known = isTokenBoundary(index, i) ? longestStartingAt(lexicon.places, text, i) : undefined;
    if (known && known.end - i >= 2 && isTokenBoundary(index, known.end)) {
      found.push({ start: i, end: known.end, full: known.value });
      i = known.end;
    } else if (token && token.start === i && token.pos === "ns" && isPlaceLike(token.text) && isAllHan(text, i, token.end)) {
      found.push({ start: i, end: token.end });
      i = token.end;
    } else {
      i++;
    }
  }
  return found;
}
