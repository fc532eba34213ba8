/**
 * Organisations: known names from `dict/entity-orgs.txt`, plus a suffix grammar over tokens: a word ending in an
 * organisation suffix (部, 委员会, 指导组…) or tagged `nt`, extended left over name material (nouns, places,
 * ordinals) to a strong start (a known organisation, a place, 中共/中央/国家…), and right over further suffix
 * words (国务院 + 办公厅). Nested names stay whole: 省委主题教育第二十四巡回指导组 is one organisation.
 */
import type { Token } from "../core/schema.js";
import { charTable } from "../core/chars.js";
import { wordSet } from "../dict.js";
import { longestEndAfter, longestEndingAt, longestStartBefore, longestStartingAt, mayEndWord, mayStartWord } from "../core/words.js";
import type { EntityLexicon } from "./lexicon.js";
import { isAllHan, isHan, type TokenIndex, tokenCovering, tokenStartingAt } from "./tokens.js";

export interface OrgMatch {
  start: number;
  end: number;
  /** Full name when the dictionary knows one (中宣部 → 中央宣传部). */
  full?: string;
}

/** Longest organisation name, in characters (keeps the left extension bounded). */
const MAX_ORG_LENGTH = 30;
/** Words that start an organisation name without being one (中央宣传部, 国家教材委员会, 全国人大常委会). */
const STRONG_HEADS = ["中共", "中央", "国家", "全国", "中国", "中华", "省委", "市委", "县委", "区委", "最高"];
const strongHeadStarts = charTable(STRONG_HEADS.map((head) => head[0]!));
/** Parts of speech that can sit inside an organisation name (x: words the segmenter does not know, 杏儿沟, 三矿). */
const MATERIAL_TAGS = new Set(["n", "nt", "ns", "nz", "j", "l", "vn", "b", "an", "ng", "x"]);
/** Words that end in an organisation suffix but name none (社会, 格局, 干部…): dict/entity-not-orgs.txt. */
const notOrgs = wordSet("entity-not-orgs.txt");
let notOrgEndings: Uint8Array | undefined;
/** Last characters of the words above: a word ending otherwise ends in none of them. */
const notOrgEnding = (code: number) =>
  (notOrgEndings ??= charTable([...notOrgs()].map((word) => word[word.length - 1]!)))[code] === 1;
/** jieba's `nt`/`ns` tags come partly from a generated vocabulary with wrong tags, so a tag alone is no proof. */
const MIN_TAGGED_LENGTH = 2;

function isOrdinal(token: Token): boolean {
  return token.pos === "m" && (token.text.startsWith("第") || token.text.endsWith("届"));
}

/**
 * A word that joins two bodies rather than names one (发展改革委会同水利部); jieba tags it a noun and sometimes
 * glues it to the body before it (财政部会同/n), whose name is then found inside the word.
 */
const JOINING_WORD = "会同";

function isMaterial(token: Token): boolean {
  if (token.text.endsWith(JOINING_WORD)) return false;
  return (token.kind === "word" && MATERIAL_TAGS.has(token.pos) && isAllHan(token.text, 0, token.text.length)) ||
    isOrdinal(token);
}

const ENTERPRISE_SUFFIXES = ["煤矿", "矿", "公司", "集团", "煤业", "矿业"];
const PARTY_COMMITTEES = new Set(["党委", "党组", "纪委"]);

/** A common noun, the only kind 与/和 joins inside a name (电子与通信工程系, not 雄安新区与北京城市副中心). */
const isPlainNoun = (token: Token | undefined) => token !== undefined && (token.pos === "n" || token.pos === "vn" || token.pos === "j");

const isConnector = (token: Token) => token.text === "与" || token.text === "和" || token.text === "及";

/** Does a strong organisation start sit at `offset` (a known name, a place, 中共/中央…, an `nt`/`ns` word)? */
function isStrongStart(text: string, index: TokenIndex, lexicon: EntityLexicon, offset: number): boolean {
  const token = tokenStartingAt(index, offset);
  if (token && token.pos === "nt" && headEnd(text, token, lexicon) > 0) return true;
  if (longestEndAfter(lexicon.orgNames, text, offset) >= 0 || longestEndAfter(lexicon.places, text, offset) - offset >= 2) return true;
  return strongHeadStarts[text.charCodeAt(offset)] === 1 && STRONG_HEADS.some((head) => text.startsWith(head, offset));
}

/** Institution words that name no body on their own: a college's own report says 学院 for "the college". */
const BARE_INSTITUTIONS = new Set(["学院", "大学", "学校"]);
/** jieba tags of proper names and of words it does not know (协和/nz, 乔治/nr, 杏儿沟/x). */
export const NAME_LIKE_TAGS: ReadonlySet<string> = new Set(["nr", "nrfg", "nrt", "ns", "nt", "nz", "x", "j", "eng"]);

/**
 * Is `[start, end)` common words running into a bare institution word (把握指导学院, 形成科学总结学院,
 * 全体党委委员聚焦学院)? The words before 学院 or 大学 are then the clause's own (the college's positioning), not a
 * name: a name built on a bare institution word starts strongly (中国新闻学院, 黑龙江大学) or with a name word
 * (协和公共卫生学院, 乔治·梅森大学).
 *
 * @example
 * isPhraseIntoInstitution(text, index, lexicon, 4, 8) // "准确把握指导学院办学定位" → true
 */
export function isPhraseIntoInstitution(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): boolean {
  const last = tokenCovering(index, end - 1);
  if (!last || last.end !== end || last.start <= start || !BARE_INSTITUTIONS.has(last.text)) return false;
  const first = tokenCovering(index, start);
  return first !== undefined && !NAME_LIKE_TAGS.has(first.pos) && !isStrongStart(text, index, lexicon, start);
}

/** Is `offset` the start of a clause (line start, after punctuation or space)? */
function isBoundary(text: string, offset: number): boolean {
  return offset === 0 || !isHan(text, offset - 1);
}

/**
 * Extends an organisation head `[start, end)` left over name material, to the leftmost strong start within reach
 * (or the clause start when the whole run is material), and right over further suffix words.
 */
function extend(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): OrgMatch {
  let best = isStrongStart(text, index, lexicon, start) ? start : -1;
  let q = start;
  for (;;) {
    const previous = q > 0 ? tokenCovering(index, q - 1) : undefined;
    if (!previous || end - previous.start > MAX_ORG_LENGTH) break;
    // a known place is name material whatever jieba tagged it (左权县/nr 人民政府)
    let take = isMaterial(previous) || lexicon.places.words.has(previous.text);
    if (!take && previous.start > 0 && (isConnector(previous) || previous.text === "届" || previous.text === "次")) {
      // 与/和 between two name words (电子与通信工程系); 届, 次 after their number (第二十届中央委员会,
      // 国务院第二次全国污染源普查领导小组)
      const before = tokenCovering(index, previous.start - 1);
      take = before !== undefined && (isConnector(previous) ? isPlainNoun(before) && isPlainNoun(tokenStartingAt(index, previous.end)) : before.pos === "m");
    }
    if (!take) break;
    q = previous.start;
    if (isStrongStart(text, index, lexicon, q)) best = q;
  }
  if (best < 0) best = isBoundary(text, q) && q < start && !isPhraseIntoInstitution(text, index, lexicon, q, end) ? q : start;
  // an enterprise is named without the province or city it is in (山西 + 杏儿沟煤矿, 大同市 + 杏儿沟煤矿), though a
  // city's short name can be its brand (淮北矿业集团公司); a government body keeps its place (左权县人民政府)
  if (ENTERPRISE_SUFFIXES.some((suffix) => text.endsWith(suffix, end))) {
    for (;;) {
      const place = longestStartingAt(lexicon.places, text, best, start);
      if (!place || place.end >= end || !(lexicon.majorPlaces.has(place.word) || place.value === place.word)) break;
      best = place.end;
    }
  }
  // 院党委, 校党委: a one-character body before its party committee
  if (best === start && start > 0 && PARTY_COMMITTEES.has(text.slice(start, end))) {
    const previous = tokenCovering(index, start - 1);
    if (previous && previous.end - previous.start === 1 && lexicon.orgSuffixes.words.has(previous.text)) best = previous.start;
  }
  // right: 国务院 + 办公厅, 学院 + 党委, 全国人大 + 常委会 + 党组
  let right = end;
  for (;;) {
    const next = tokenStartingAt(index, right);
    if (!next || !isMaterial(next) || next.end - best > MAX_ORG_LENGTH) break;
    const suffix = longestEndingAt(lexicon.orgSuffixes, next.text, next.text.length);
    if (!suffix || suffix.start !== 0 || notOrgs().has(next.text)) break;
    right = next.end;
  }
  const name = text.slice(best, right);
  const known = lexicon.orgNames.words.get(name);
  return known && known !== name ? { start: best, end: right, full: known } : { start: best, end: right };
}

/** Is the token a head: a known or `nt` organisation, or a word ending in an organisation suffix? */
function headEnd(text: string, token: Token, lexicon: EntityLexicon): number {
  // most words neither start like a known name nor end like a suffix: two bit set reads rule them out
  if (!mayStartWord(lexicon.orgNames, text.charCodeAt(token.start)) && !mayEndWord(lexicon.orgSuffixes, text.charCodeAt(token.end - 1))) return -1;
  if (!isMaterial(token) || isNonOrgWord(token.text, lexicon)) return -1;
  const knownEnd = longestEndAfter(lexicon.orgNames, text, token.start);
  if (knownEnd >= token.end) return knownEnd;
  const suffixStart = longestStartBefore(lexicon.orgSuffixes, text, token.end, token.start);
  if (suffixStart < 0) return -1;
  // a one-character suffix needs a noun of three (人事部, 工程系; not 人才强院/l); a longer one stands alone (办公室)
  const suffixLength = token.end - suffixStart;
  if (suffixLength === 1 && (token.text.length < 3 || !ORG_NOUN_TAGS.has(token.pos))) {
    return token.pos === "nt" && token.text.length >= MIN_TAGGED_LENGTH ? token.end : -1;
  }
  return token.end;
}

const ORG_NOUN_TAGS = new Set(["n", "nt", "nz"]);

/**
 * Is the word, or its last two to four characters, a word that ends like an organisation but names none (管理体系,
 * 美国政府)? A longer suffix overrides a shorter non-organisation ending (四川省人民政府 is one).
 */
export function isNonOrgWord(word: string, lexicon: EntityLexicon): boolean {
  if (notOrgs().has(word)) return true;
  if (!notOrgEnding(word.charCodeAt(word.length - 1))) return false;
  const suffixStart = longestStartBefore(lexicon.orgSuffixes, word, word.length);
  const suffixLength = suffixStart >= 0 ? word.length - suffixStart : 0;
  for (let length = 2; length <= 4 && length < word.length; length++) {
    if (notOrgs().has(word.slice(-length)) && suffixLength <= length) return true;
  }
  return false;
}

const clauseVerbs = wordSet("entity-clause-verbs.txt");

/**
 * Does a word of `[start, end)` open a clause (鼓励/银行, 市委常委会/听取/市人大: dict/entity-clause-verbs.txt)? Then
 * the span is a clause that runs into a body, not an organisation.
 *
 * @example
 * holdsClauseVerb(text, index, 0, 6) // "严肃查处银行" → true
 */
export function holdsClauseVerb(text: string, index: TokenIndex, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const token = tokenCovering(index, i);
    if (!token) return false;
    if (token.start >= start && token.end <= end && clauseVerbs().has(token.text)) return true;
    i = token.end;
  }
  return false;
}

/** Is the organisation more than a bare generic word (委员会, 学院, 党委)? */
function isSpecific(text: string, lexicon: EntityLexicon, org: OrgMatch): boolean {
  const name = text.slice(org.start, org.end);
  if (lexicon.orgNames.words.has(name)) return true;
  if (isNonOrgWord(name, lexicon) || org.end - org.start < 2) return false;
  const suffix = longestEndingAt(lexicon.orgSuffixes, text, org.end, org.start);
  return !(suffix && suffix.start === org.start);
}

/** Known names that start inside a token (中央纪委国家监委 is one jieba word holding two organisations). */
function knownNamesIn(text: string, lexicon: EntityLexicon, token: Token, into: OrgMatch[]): void {
  let i = token.start;
  // a name of three characters or more must fit before the word's end (most words are shorter: no lookup at all)
  while (i + 3 <= token.end) {
    const knownEnd = longestEndAfter(lexicon.orgNames, text, i, token.end);
    if (knownEnd - i >= 3) {
      into.push({ start: i, end: knownEnd });
      i = knownEnd;
    } else {
      i++;
    }
  }
}

/** Is the word two or more known names written together (中央纪委国家监委)? */
function isTiledByKnownNames(text: string, lexicon: EntityLexicon, token: Token): boolean {
  let i = token.start;
  let names = 0;
  while (i < token.end) {
    const knownEnd = longestEndAfter(lexicon.orgNames, text, i, token.end);
    if (knownEnd < 0) return false;
    i = knownEnd;
    names++;
  }
  return names >= 2;
}

/** Function words no organisation name holds (坚持以人民为中心, 推动党的二十大精神进机关). */
const FUNCTION_TAGS = new Set(["p", "u", "uj", "ul", "ud", "ug", "uv", "uz", "d", "r"]);

/**
 * Is a list item a clause rather than a name: does it hold a function word, or a word that is no name material (a
 * verb, a pronoun) before a strong start (贯彻党中央、国务院 and 各地各部门贯彻党中央、国务院 list 党中央)? A verb
 * tag alone is no proof (组织/v 人事部 is one department).
 */
function isClauseItem(text: string, index: TokenIndex, lexicon: EntityLexicon, item: OrgMatch): boolean {
  let clause = false;
  for (let i = item.start; i < item.end; ) {
    const token = tokenCovering(index, i);
    if (!token) return false;
    if (FUNCTION_TAGS.has(token.pos)) return true;
    if (clause && token.start === i && isStrongStart(text, index, lexicon, i)) return true;
    if (!isMaterial(token)) clause = true;
    i = token.end;
  }
  return false;
}

/** Items of a 、-separated list that end in an organisation suffix (办公室、组织人事部、电子与通信工程系). */
function listItems(text: string, index: TokenIndex, lexicon: EntityLexicon, into: OrgMatch[]): void {
  const MAX_ITEM = 12;
  let i = text.indexOf("、");
  while (i >= 0) {
    // the item before this 、 and, when it is the last, the one after the final 、 up to a non-Han character
    for (const [from, direction] of [[i, -1], [i + 1, 1]] as const) {
      let j = from;
      if (direction < 0) {
        while (j > 0 && from - j < MAX_ITEM && isHan(text, j - 1)) j--;
        if (from - j >= 3 && (j === 0 || !isHan(text, j - 1))) into.push({ start: j, end: from });
      } else {
        while (j < text.length && j - from < MAX_ITEM && isHan(text, j)) j++;
        if (j - from >= 3 && (j === text.length || !isHan(text, j))) into.push({ start: from, end: j });
      }
    }
    i = text.indexOf("、", i + 1);
  }
  // compacted in place, in order (a splice per dropped item would move the rest of a 10,000-item list each time)
  let kept = 0;
  for (const item of into) {
    const last = tokenCovering(index, item.end - 1);
    const keep = last !== undefined && last.end === item.end && headEnd(text, last, lexicon) === item.end &&
      !isClauseItem(text, index, lexicon, item) && !isNonOrgWord(text.slice(item.start, item.end), lexicon);
    if (keep) into[kept++] = item;
  }
  into.length = kept;
}

/**
 * Every organisation in the text, non-overlapping, longest first.
 *
 * @example
 * findOrgs(text, index, lexicon) // "省委主题教育第二十四巡回指导组组长李国臣" → [{ start: 0, end: 2 }, { start: 0, end: 15 }]
 */
export function findOrgs(text: string, index: TokenIndex, lexicon: EntityLexicon): OrgMatch[] {
  const found: OrgMatch[] = [];
  for (const token of index.tokens) {
    if (token.kind !== "word") continue;
    if (isTiledByKnownNames(text, lexicon, token)) {
      knownNamesIn(text, lexicon, token, found);
      continue;
    }
    const end = headEnd(text, token, lexicon);
    if (end > 0) found.push(extend(text, index, lexicon, token.start, end));
    else knownNamesIn(text, lexicon, token, found);
  }
  const items: OrgMatch[] = [];
  listItems(text, index, lexicon, items);
  return [...found.filter((org) => isSpecific(text, lexicon, org)), ...items].filter((org) => !holdsClauseVerb(text, index, org.start, org.end));
}

/**
 * The organisation a title belongs to, ending right before the title at `end`: a known name, a suffix word with
 * its material, or a bare suffix (院党委委员 → 院). Undefined when none ends there.
 */
export function orgEndingAt(text: string, index: TokenIndex, lexicon: EntityLexicon, end: number): OrgMatch | undefined {
  const floor = Math.max(0, end - MAX_ORG_LENGTH);
  const known = longestEndingAt(lexicon.orgNames, text, end, floor);
  const suffix = longestEndingAt(lexicon.orgSuffixes, text, end, floor);
  const head = known ?? suffix;
  if (!head) {
    const token = tokenCovering(index, end - 1);
    return token && token.end === end && token.pos === "nt" ? extend(text, index, lexicon, token.start, end) : undefined;
  }
  // the head starts inside a word (中央政治局常委): extend from the word's start when it is material
  const token = tokenCovering(index, head.start);
  const start = token && token.start < head.start && isMaterial(token) && token.end <= end ? token.start : head.start;
  return extend(text, index, lexicon, start, end);
}
