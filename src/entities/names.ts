/**
 * Person, place and organisation names in running text, from the statistical tagger (tagger.ts). The tagger was
 * trained on 1998 news, so its spans are checked before they are believed:
 * - names written one after another without separators (a name list with its spaces removed: 李瑞环彭真朱镕基)
 *   come out as one long span; it is cut at jieba's name words;
 * - a surname with a title (江主席, 王小姐) is a person named by the surname alone: the title is cut off;
 * - a person must not be a known non-name (no test of its shape: on example.dev held out, requiring a surname, a
 *   name tag or a foreign name's · rejected 11 right names for 3 wrong ones: 桥本, 俊平, 扎加洛);
 * - places and organisations must be clean, sit on word boundaries and have the shape of their kind, so that
 *   the glued phrases of policy text (坚持以人民为中心, 法治化) are not taken for names.
 */
import { longestEndingAt, longestStartingAt } from "../core/words.js";
import type { EntityLexicon } from "./lexicon.js";
import { holdsClauseVerb, isNonOrgWord, isPhraseIntoInstitution, NAME_LIKE_TAGS } from "./org.js";
import { isGenericPlace, isPlaceFragment, PLACE_ENDINGS } from "./place.js";
import { labelSpans, tagCharacters, type TaggerWeights } from "./tagger.js";
import { namePadding, namesDoctrine, NOT_GIVEN_NAME } from "./person.js";
import { isAllHan, isHan, isPersonTag, type TokenIndex, tokenCovering } from "./tokens.js";

export interface NameMatch {
  type: "person" | "place" | "org";
  start: number;
  end: number;
}

const TYPES = { PER: "person", LOC: "place", ORG: "org" } as const;
/** Longest single Chinese name (复姓 + two given characters); longer person spans are lists. */
const MAX_NAME = 4;
const FOREIGN_SEPARATORS = /[·•．.]/u;

/** Single-character abbreviations of countries and provinces in news (中美, 访华, 在京). */
const ABBREVIATED_PLACES = new Set([..."中美俄日英法德韩朝印巴以欧非亚澳港台华京沪津渝藏疆粤川鲁苏浙闽湘鄂豫晋冀辽吉黑皖赣桂琼黔滇陕甘青宁蒙"]);
/** Verbs and prepositions that take a one-character place (访华, 驻华, 来京, 离京, 赴港, 对华, 对俄). */
const PLACE_VERBS = new Set([..."访驻来赴抵离在回返出入对"]);
/** Words after a one-character country that make it the country (俄政府, 罗总统, 中方). */
const COUNTRY_HEADS = ["政府", "总统", "总理", "外长", "方"];

/**
 * A one-character place only counts next to another (中美, 印巴) or after a travel verb (访华, 在京), and neither
 * may be part of a longer ordinary word (中华, 中/非常).
 */
function isAbbreviatedPlace(text: string, index: TokenIndex, spans: ReturnType<typeof labelSpans>, k: number): boolean {
  const span = spans[k]!;
  const standalone = (offset: number) => {
    if (!ABBREVIATED_PLACES.has(text[offset]!)) return false;
    const token = tokenCovering(index, offset);
    return !token || token.end - token.start === 1 || (ABBREVIATION_TAGS.has(token.pos) && !NOT_PLACE_PAIRS.has(token.text));
  };
  if (!standalone(span.start)) return false;
  const touches = (other: (typeof spans)[number] | undefined) =>
    other !== undefined && other.type === "LOC" && other.end - other.start === 1 && standalone(other.start) &&
    (other.end === span.start || other.start === span.end);
  // after 对 the place is followed by a word of its own (对华/投资), not by the rest of an unknown name (对巴/朗/山)
  const before = text[span.start - 1] ?? "";
  const afterWord = tokenCovering(index, span.end);
  const verb = PLACE_VERBS.has(before) &&
    (before !== "对" || !isHan(text, span.end) || (afterWord !== undefined && afterWord.start === span.end && afterWord.end - afterWord.start >= 2));
  return touches(spans[k - 1]) || touches(spans[k + 1]) || verb || COUNTRY_HEADS.some((head) => text.startsWith(head, span.end));
}

const ABBREVIATION_TAGS = new Set(["j", "ns", "nt", "nz", "x"]);
/** Words of two abbreviation characters that name no pair of places (中华 is the nation, tagged nz like 中英). */
const NOT_PLACE_PAIRS = new Set(["中华"]);
/** Characters a name never contains: spaces, line breaks, punctuation other than the middle dot of foreign names. */
function isClean(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || (c >= 0x3001 && c <= 0x3011) || (c >= 0xff01 && c <= 0xff0f) || c === 0xff1a || c === 0x201c || c === 0x201d) return false;
    // ASCII punctuation other than the dot and hyphen of Latin names: markup (>福建, (区)
    if (c < 0x80 && c !== 0x2e && c !== 0x2d && !((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) return false;
  }
  return true;
}

/** Does `offset` fall between two tokens? */
const atTokenBoundary = (index: TokenIndex, offset: number) =>
  offset === 0 || offset >= index.covering.length - 1 || index.covering[offset] !== index.covering[offset - 1];

/**
 * A tagged place: clean, on word boundaries, not a generic word (城市), and either known, ending like a place
 * (…省, …山) or a word the segmenter takes for a proper name (波士顿/ns), so that 法治化 and 马克思列宁主义 are not.
 */
function isPlaceLike(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): boolean {
  const name = text.slice(start, end);
  // a place may end inside a word that goes on with 地区 (南亚/地区 in the word 南亚地区)
  const endsWord = atTokenBoundary(index, end) || text.startsWith(REGION_WORD, end) && tokenCovering(index, end)?.end === end + REGION_WORD.length;
  if (!isClean(text, start, end) || !atTokenBoundary(index, start) || !endsWord || isGenericPlace(name)) return false;
  // a city named without its 市 (大连, 合肥): the gazetteer keeps that short form only where jieba has no other word
  if (lexicon.places.words.has(name) || lexicon.places.words.has(`${name}市`)) return true;
  if (isPlaceFragment(name)) return false;
  if (PLACE_ENDINGS.has(name[name.length - 1]!)) return true;
  const last = tokenCovering(index, end - 1);
  // `x` is a word jieba's HMM made of characters it does not know: evidence for a transliteration (科索沃), none for
  // two characters outside the gazetteer (超算, 联治, 三矿), since Chinese two-character places are listed there
  // `nr`: jieba reads many foreign cities as names (吉隆坡/nr, 莫斯科/nr), and two characters as a name too (蓝绿/nr)
  return last !== undefined && PLACE_TAGS.has(last.pos) && !((last.pos === "x" || last.pos === "nr") && end - start === 2);
}

const PLACE_TAGS = new Set(["ns", "nrt", "nr", "x", "eng"]);
/** The generic word after a region's name (南亚地区): the name is the place, as every gold standard here marks it. */
const REGION_WORD = "地区";

/** Parts of speech an organisation name never starts with (安排部署学院, 和政府). */
const NOT_ORG_START_TAGS = new Set(["v", "d", "p", "c", "u", "uj", "ul", "r", "ad", "f", "m", "q", "w", "x"]);

/**
 * Parts of speech an organisation the tagger found may end with when it has no suffix (丰田, 微软, 鞍钢, 韩国女队):
 * nouns and names, but not the glued policy phrases the segmenter tags `l` (坚持以人民为中心).
 */
const ORG_END_TAGS = new Set(["n", "ng", "nt", "nz", "ns", "nr", "nrt", "j", "x", "eng"]);
const CONJUNCTIONS = ["和", "与", "及"];

/**
 * A tagged organisation: clean, on word boundaries, not starting with a verb or function word, ending in a noun,
 * and neither a bare suffix (委员会) nor ending in a word that names no body (党中央决策部署).
 */
function isOrgLike(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): boolean {
  if (!isClean(text, start, end) || !atTokenBoundary(index, start) || !atTokenBoundary(index, end)) return false;
  const first = tokenCovering(index, start);
  if (first && NOT_ORG_START_TAGS.has(first.pos) && !longestStartingAt(lexicon.orgNames, text, start)) return false;
  if (isPhraseIntoInstitution(text, index, lexicon, start, end) || holdsClauseVerb(text, index, start, end)) return false;
  const last = tokenCovering(index, end - 1);
  if (!last || isNonOrgWord(last.text, lexicon) || isNonOrgWord(text.slice(start, end), lexicon)) return false;
  const suffix = longestEndingAt(lexicon.orgSuffixes, text, end, start);
  if (suffix && suffix.start === start) return false;
  const known = longestEndingAt(lexicon.orgNames, text, end, start);
  if (!suffix && !known && !ORG_END_TAGS.has(last.pos)) return false;
  // two bodies joined by 和 are two organisations (国务院党组和国务院), not one (文化和旅游部)
  return !CONJUNCTIONS.some((c) => {
    // searched within the span only: an unbounded indexOf runs to the next 和 of the whole text, once per span
    const at = text.slice(start, end - 1).indexOf(c);
    return at > 0 && (longestStartingAt(lexicon.orgNames, text, start + at + 1, end) || longestEndingAt(lexicon.orgNames, text, start + at, start));
  });
}

/** Is the span exactly one dictionary word jieba does not tag as a name (高水平, 权威, 施工图)? */
function isCommonWord(index: TokenIndex, start: number, end: number): boolean {
  const token = tokenCovering(index, start);
  if (!token || token.start !== start || token.end !== end || end - start < 2) return false;
  return !NAME_LIKE_TAGS.has(token.pos);
}


/** Cuts a run of names at jieba's words: each word tagged as a name, or a surname with one or two characters. */
function splitNameRun(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): NameMatch[] {
  const pieces: NameMatch[] = [];
  let pieceStart = start;
  let i = start;
  while (i < end) {
    const token = tokenCovering(index, i);
    const tokenEnd = token ? Math.min(token.end, end) : i + 1;
    if (token && isPersonTag(token.pos) && token.start >= start && tokenEnd - token.start >= 2) {
      if (i > pieceStart) pieces.push({ type: "person", start: pieceStart, end: i });
      pieces.push({ type: "person", start: i, end: tokenEnd });
      pieceStart = tokenEnd;
    } else if (tokenEnd - pieceStart > MAX_NAME - 1) {
      pieces.push({ type: "person", start: pieceStart, end: i > pieceStart ? i : tokenEnd });
      pieceStart = i > pieceStart ? i : tokenEnd;
    }
    i = tokenEnd;
  }
  if (end > pieceStart) pieces.push({ type: "person", start: pieceStart, end });
  // a transliterated name (帕斯特拉纳, 巴蒂/nrt 斯图塔/nr) is not a list: every piece must look like a Chinese name
  const names = pieces.filter((p) => p.end - p.start >= 2 && p.end - p.start <= MAX_NAME && longestStartingAt(lexicon.surnames, text, p.start) &&
    tokenCovering(index, p.start)?.pos !== "nrt");
  return names.length >= 2 && names.length === pieces.length ? names : [{ type: "person", start, end }];
}

/**
 * Names the tagger finds in `text`.
 *
 * @example
 * taggedNames(text, index, lexicon, weights) // "克林顿总统会见了江主席" → [person 克林顿, person 江]
 */
export function taggedNames(text: string, index: TokenIndex, lexicon: EntityLexicon, weights: TaggerWeights): NameMatch[] {
  const spans = labelSpans(tagCharacters(text, index, lexicon, weights));
  const out: NameMatch[] = [];
  spans.forEach((span, k) => {
    const type = TYPES[span.type];
    // one common word is no name (高水平, 权威); a person is kept, for the segmenter's lexicon also tags names
    // as common words (周恩来/t, 许立群/m)
    if (type !== "person" && isCommonWord(index, span.start, span.end)) return;
    if (type === "place") {
      // a known place with one stray character glued on (江苏省原副省长 → 江苏省) is the known place
      // …unless the whole span is a place itself (吉隆坡 holds 吉隆, a county of Tibet)
      const known = longestStartingAt(lexicon.places, text, span.start, span.end);
      const cut = known && span.end - known.end === 1 ? known.end : span.end;
      const end = cut !== span.end && isPlaceLike(text, index, lexicon, span.start, span.end) ? span.end : cut;
      const ok = end - span.start > 1 ? isPlaceLike(text, index, lexicon, span.start, end) : isAbbreviatedPlace(text, index, spans, k);
      if (ok) out.push(...knownPlaceRun(text, lexicon, span.start, end) ?? [{ type, start: span.start, end }]);
      return;
    }
    if (type === "org") {
      if (isOrgLike(text, index, lexicon, span.start, span.end)) out.push({ type, start: span.start, end: span.end });
      return;
    }
    // 马克思主义 and 马克思列宁主义 name a doctrine, not its author
    if (lexicon.notNames.has(text.slice(span.start, span.end)) || text.startsWith("主义", span.end) || text.startsWith("列宁主义", span.end)) return;
    // …and so does a name before the words of a doctrine (习近平新时代中国特色社会主义思想, 习近平总书记新时代…思想)
    if (namesDoctrine(text, span.end)) return;
    // a surname alone (江主席, 王某) names someone the reader knows from context: no person entity of one character
    const person = (start: number, end: number) => {
      if (end - start >= 2 && isPersonScript(text, lexicon, start, end) && isSpacedAsName(text, start, end) && !inSlogan(text, start, end) &&
        !(end - start === 2 && UNIT_CHARACTERS.has(text[end - 1]!))) out.push({ type, start, end });
    };
    // right after a post, 和/与/及 joins the next person though they are surnames (习近平主席和普京总统): cut it off
    const after = longestEndingAt(lexicon.titles, text, span.start);
    if (JOINING_CHARACTERS.has(text[span.start]!) && span.end - span.start >= 3 && after?.value === "office") span = { ...span, start: span.start + 1 };
    const title = longestEndingAt(lexicon.titles, text, span.end, span.start + 1);
    if (title && (title.value === "office" || title.value === "address")) {
      person(span.start, title.start);
    } else if (span.end - span.start > MAX_NAME && !FOREIGN_SEPARATORS.test(text.slice(span.start, span.end))) {
      for (const name of splitNameRun(text, index, lexicon, span.start, span.end)) person(name.start, name.end); // a run can be 1 MB long
    } else {
      // 王某, 胡老: the person is the surname (no name in example.dev ends in 某 or 老, 8 stand before one); so is
      // a surname with an enterprise head's short title (胡总, 李董: the general manager, the chairman)
      const last = text[span.end - 1]!;
      const addressed = SURNAME_SUFFIXES.has(last) || (span.end - span.start === 2 && HEAD_ADDRESSES.has(last));
      const end = span.end - span.start >= 2 && addressed ? span.end - 1 : span.end;
      person(span.start, foreignNameEnd(text, index, span.start, end));
    }
  });
  return out;
}

/**
 * Whitespace inside a name in Han script: only the padding of a two-character name in a roster (韩　正, one
 * full-width space or two spaces, namePadding); a single space separates two names (记者冯 艳 孙 敏 reads no
 * person), and a run of spaces is layout. Latin names keep the spaces between their words.
 */
function isSpacedAsName(text: string, start: number, end: number): boolean {
  if (!isHan(text, start)) return true;
  let space = start;
  while (space < end && !/\s/u.test(text[space]!)) space++;
  if (space === end) return true;
  const padding = namePadding(text, space);
  return space === start + 1 && padding > 0 && space + padding + 1 === end && isHan(text, end - 1);
}

/** A capitalised Latin name, words joined by a space, dot or hyphen (Smith, John Smith, Jean-Paul). */
const LATIN_NAME = /^[A-Z][a-z]+(?:[ .·-][A-Z][a-z]+)*$/u;

/**
 * The convention for persons in Chinese text: a name is written in Han script, so it starts and ends with a Han
 * character (foreign names are transliterated: 克林顿, 差猜·春哈旺), which every gold set here follows. A Latin
 * name is a person only with strong evidence, a title of office or address right after it (Smith先生, Obama总统);
 * otherwise the tagger's Latin span is markup or page chrome after a space (` margin`, `| nankai`) or pinyin.
 */
function isPersonScript(text: string, lexicon: EntityLexicon, start: number, end: number): boolean {
  if (isHan(text, start) && isHan(text, end - 1)) return true;
  if (!LATIN_NAME.test(text.slice(start, end))) return false;
  const title = longestStartingAt(lexicon.titles, text, end);
  return title !== undefined && (title.value === "office" || title.value === "address");
}

/**
 * A tagged place made of two or more known places (广东连州市, 河北省石家庄市) as those places, the way every gold
 * standard here annotates them; undefined when the span is anything else.
 */
function knownPlaceRun(text: string, lexicon: EntityLexicon, start: number, end: number): NameMatch[] | undefined {
  const parts: NameMatch[] = [];
  for (let at = start; at < end; ) {
    const known = longestStartingAt(lexicon.places, text, at, end);
    if (!known || known.end - at < 2) return undefined;
    parts.push({ type: "place", start: at, end: known.end });
    at = known.end;
  }
  return parts.length >= 2 ? parts : undefined;
}

/** A foreign name the tagger ends inside a word (差猜·春哈[旺], 拉·甘[地]) goes on to that word's end. */
function foreignNameEnd(text: string, index: TokenIndex, start: number, end: number): number {
  if (!FOREIGN_SEPARATORS.test(text.slice(start, end))) return end;
  const token = tokenCovering(index, end - 1);
  if (!token || token.end <= end || token.start <= start || !isAllHan(text, token.start, token.end)) return end;
  // …but not over a function character jieba glued to the name's end (阿马/特在 表决)
  for (let i = end; i < token.end; i++) if (NOT_GIVEN_NAME.has(text[i]!)) return end;
  return token.end;
}

/** Last characters of a unit's short form, which end no two-character name (林局 is the 林业局, 王院 a form of address). */
const UNIT_CHARACTERS = new Set([..."局厅委院部处司所办"]);
/** Longest quotation that is a slogan or a formula rather than a name's context (“打防管控建、严廉精爱锻”). */
const MAX_SLOGAN_QUOTE = 12;
/** Marks that set off the items of a series (、，；。) and quotation marks. */
const ITEM_MARKS = new Set([..."、，,；;。“”\"'‘’"]);

/**
 * Is the span a fragment of a slogan, where Chinese official writing packs its formulas: inside a short quotation
 * that it does not fill (“明道修身”, “打防管控建、严廉精爱锻”), or inside a four-character item of a 、 series whose
 * items open alike (学史明理、学史增信、学史崇德、学史力行)? A name in a roster fills its item.
 */
function inSlogan(text: string, start: number, end: number): boolean {
  let open = start;
  while (open > 0 && start - open < MAX_SLOGAN_QUOTE && !ITEM_MARKS.has(text[open - 1]!)) open--;
  let close = end;
  while (close < text.length && close - end < MAX_SLOGAN_QUOTE && !ITEM_MARKS.has(text[close]!)) close++;
  if (open === start && close === end) return false;
  // inside a short quotation (its 、 included): the quotation marks within reach on both sides
  let quoteOpen = start - 1;
  while (quoteOpen >= 0 && start - quoteOpen <= MAX_SLOGAN_QUOTE && text[quoteOpen] !== "“" && text[quoteOpen] !== "”") quoteOpen--;
  let quoteClose = end;
  while (quoteClose < text.length && quoteClose - end < MAX_SLOGAN_QUOTE && text[quoteClose] !== "”" && text[quoteClose] !== "“") quoteClose++;
  if (text[quoteOpen] === "“" && text[quoteClose] === "”" && quoteClose - quoteOpen - 1 <= MAX_SLOGAN_QUOTE) return true;
  if (close - open !== 4 || (text[close] !== "、" && text[open - 1] !== "、")) return false;
  const before = text[open - 1] === "、" ? text.slice(Math.max(0, open - 5), open - 1) : "";
  const after = text[close] === "、" ? text.slice(close + 1, close + 5) : "";
  return [before, after].some((item) => item.length === 4 && item.slice(0, 2) === text.slice(open, open + 2));
}

/** Conjunctions that are also surnames (和, 与, 及). */
const JOINING_CHARACTERS = new Set([..."和与及"]);
/** Characters after a surname that make it a way of naming the person, not part of the name. */
const SURNAME_SUFFIXES = new Set(["某", "老"]);
/** Short titles of an enterprise's heads written after a surname alone (胡总 for 总经理, 李董 for 董事长). */
const HEAD_ADDRESSES = new Set(["总", "董", "總"]);
