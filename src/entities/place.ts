/**
 * Places: names from the gazetteer (`dict/places.txt`, administrative divisions and countries, with short forms)
 * and named regions (`dict/entity-regions.txt`), matched where jieba's word boundaries agree, plus words jieba
 * tags `ns`.
 */
import { wordSet } from "../dict.js";
import { longestEndingAt, longestStartingAt } from "../core/words.js";
import type { EntityLexicon } from "./lexicon.js";
import { isAllHan, type TokenIndex, tokenCovering } from "./tokens.js";

export interface PlaceMatch {
  start: number;
  end: number;
  /** Canonical full name from the gazetteer (山西 → 山西省). */
  full?: string;
  /** A town or village named after a known place (辽阳 + 镇, 河南 + 村): stronger evidence than the tagger's guess. */
  town?: true;
}

/** Is there a token boundary at `offset` (so a match does not cut a word in half)? */
function isTokenBoundary(index: TokenIndex, offset: number): boolean {
  if (offset === 0 || offset >= index.covering.length - 1) return true;
  return index.covering[offset] !== index.covering[offset - 1];
}

/** Endings of place names the gazetteer does not list (towns, mountains, rivers, foreign cities are tagged too). */
export const PLACE_ENDINGS = new Set([..."省市县区州镇乡村岛山河湖江海湾峡港洲城岭峰路街"]);

/**
 * A jieba `ns` word that looks like a place: jieba's tags come partly from a generated vocabulary with wrong tags
 * (交通中断/ns), so the word must also end like a place name.
 */
function isPlaceLike(word: string): boolean {
  return word.length >= 2 && PLACE_ENDINGS.has(word[word.length - 1]!);
}

const TOWN_ENDINGS = new Set(["镇", "乡", "村"]);

/** Words that end like a place but name none (城市, 城镇, 中心): dict/entity-generic-places.txt. */
const genericPlaces = wordSet("entity-generic-places.txt");

/** Endings of abstract nouns that jieba's dictionary sometimes tags `ns` (法治化, 马克思列宁主义). */
const ABSTRACT_ENDINGS = ["化", "主义", "性"];

export const isGenericPlace = (word: string) => genericPlaces().has(word) || ABSTRACT_ENDINGS.some((e) => word.endsWith(e));

/** Words that point at places rather than name one (各乡镇, 我镇, 本市, 全县). */
const DEICTIC_STARTS = new Set([..."各我本该此全"]);
/** Characters of administrative units: a word made of them only (镇乡, 县区) is a kind of unit, not a name. */
const UNIT_CHARACTERS = new Set([..."省市县区乡镇村州盟旗"]);
/** A numbered floor or school (四楼, 局三楼, 二中): numbered parts of a place, not places. */
const NUMBERED_PART = /[〇一二三四五六七八九十百0-9０-９](?:楼|层|中|小)$/u;

/**
 * Is a word that the gazetteer does not know only a pointer to places, a kind of unit or a numbered part of a
 * building (各乡镇, 镇村, 四楼)? Known places are checked first (本溪, 全椒 are places).
 *
 * @example
 * isPlaceFragment("各县区") // → true
 */
export function isPlaceFragment(word: string): boolean {
  if (DEICTIC_STARTS.has(word[0]!) || NUMBERED_PART.test(word)) return true;
  for (const c of word) if (!UNIT_CHARACTERS.has(c)) return false;
  return true;
}

/**
 * A known place at the start of a longer word (长三角一体化/l, 北京冬奥会/nt): kept when the name is long or a
 * province, country or region, but not across words (中/非常 is no 中非) nor before a place ending (河南村 is a
 * village, not the province).
 */
function isGluedPlace(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number, word: string): boolean {
  const token = tokenCovering(index, start);
  if (!token || token.end < end) return false;
  return end - start >= 3 || (lexicon.majorPlaces.has(word) && !PLACE_ENDINGS.has(text[end] ?? ""));
}

/**
 * The run of places ending at `end` (左权县辽阳镇, 江苏省), for the body a title belongs to when it is a place.
 *
 * @example
 * placeEndingAt("左权县辽阳镇镇长", lexicon, 6) // → { start: 0, end: 6 }
 */
export function placeEndingAt(text: string, lexicon: EntityLexicon, end: number): PlaceMatch | undefined {
  let start = end;
  for (;;) {
    // a town named after a known place (辽阳 + 镇) counts as one
    const townEnd = TOWN_ENDINGS.has(text[start - 1] ?? "") ? start - 1 : start;
    const known = longestEndingAt(lexicon.places, text, townEnd, Math.max(0, townEnd - 12));
    if (!known || known.word.length < 2) break;
    start = known.start;
  }
  return start < end ? { start, end } : undefined;
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
    // both kinds of place start on a word boundary
    if (!isTokenBoundary(index, i)) {
      i++;
      continue;
    }
    const token = tokenCovering(index, i);
    const known = longestStartingAt(lexicon.places, text, i);
    // the end must be a word boundary too, unless the name starts a longer word (长三角一体化)
    if (known && known.end - i >= 2 && !isGenericPlace(known.word) &&
      (isTokenBoundary(index, known.end) || isGluedPlace(text, index, lexicon, i, known.end, known.word))) {
      // 辽阳 + 镇: a town named after a place the gazetteer knows at a higher level
      const end = TOWN_ENDINGS.has(text[known.end] ?? "") && known.value !== known.word ? known.end + 1 : known.end;
      found.push(end === known.end ? { start: i, end, full: known.value } : { start: i, end, town: true });
      i = end;
    } else if (
      token && token.start === i && token.pos === "ns" && isPlaceLike(token.text) && !isGenericPlace(token.text) && !isPlaceFragment(token.text) &&
      !token.text.endsWith("地区") &&
      isAllHan(text, i, token.end)
    ) {
      found.push({ start: i, end: token.end });
      i = token.end;
    } else {
      i++;
    }
  }
  return found;
}
