/**
 * People, read from the title chains of official text:
 * - `[org]title[、兼[org]title]*name`: 学院党委书记雷承锋, 院党委委员、宣传统战部部长兼办公室主任宋海宏, and names
 *   that follow in a 、 list share the chain (中共中央政治局常委李强、赵乐际、王沪宁);
 * - credits `编辑:石丹`;
 * - name-list lines `组　长：韩　正　　国务院副总理` (role, name, then the chain after the name);
 * - words jieba tags as names (nr), with a title right after them (习近平总书记);
 * - every later mention of a name found so far (雷承锋强调).
 * Names are a surname (`dict/entity-surnames.txt`) and one or two given-name characters; where the name ends is
 * read from jieba's word boundaries, because jieba often glues the next character on (宋海宏对).
 */
import { longestEndingAt, longestStartingAt, mayEndWord, mayStartWord } from "../core/words.js";
import { readDictLines } from "../dict.js";
import { type EntityLexicon, type TitleKind } from "./lexicon.js";
import { holdsClauseVerb, orgEndingAt, type OrgMatch } from "./org.js";
import { placeEndingAt } from "./place.js";
import type { Token } from "../core/schema.js";
import { isAllHan, isHan, isPersonTag, type TokenIndex, tokenCovering, tokenStartingAt } from "./tokens.js";

export interface PersonMatch {
  start: number;
  end: number;
  titles: string[];
  /** The organisation each title belongs to, or null (国家主席, 教授). */
  titleOrgs: (string | null)[];
  /** Organisations named in the title chain, as spans (they are organisations in their own right). */
  orgSpans: OrgMatch[];
  /** How the name was found: a title chain, credit or name list (`title`), or a later mention of such a name. */
  evidence: "title" | "mention";
}

/** Function characters that start the next word rather than end a name (王鹏到会, 李强作总结讲话, 马锋两位, 普京致电); longer words
 * (出席, 强调) are recognised from jieba's tokens. */
export const NOT_GIVEN_NAME: ReadonlySet<string> = new Set([..."的了在对和与等为是说到同及率兼讲要也都就被把将向从于由会已并又还再以之着过来作两致"]);
/** Single-character words that are function words before they are surnames (和, 于, 向…). */
const FUNCTION_TAGS = new Set(["c", "u", "uj", "ul", "uz", "ud", "uv", "d", "r", "p"]);
const NAME_SEPARATORS = new Set(["、"]);
const CHAIN_SEPARATORS = new Set(["、", "兼"]);
/**
 * 代表 names a post only as a delegate to a congress or assembly (二十大代表, 党代会代表, 人大代表); otherwise it is a
 * role at an occasion (教师代表程海风) or the verb (我代表国务院, 何明华代表市委讲话), though the dictionary lists it for
 * the tagger. Titles with their kind (特别代表, 常驻代表) are listed words of their own.
 */
const DELEGATE = "代表";
/** Last characters of a congress or assembly a delegate is sent to (二十大, 党代会, 人大). */
const CONGRESS_ENDS = new Set([..."大会"]);

/** Is the title word ending or starting here a post (not the role or verb 代表)? */
function isPost(text: string, title: { word: string; start: number }): boolean {
  return title.word !== DELEGATE || CONGRESS_ENDS.has(text[title.start - 1] ?? "");
}
const TITLE_COMMAS = new Set(["，", ","]);
const FOREIGN_NAME_MARKS = new Set(["·", "•", "・"]);
/** `:`, `：`, `／`, `/`: compared as character codes at every character of the text (a Set lookup costs 10× more). */
const isCreditColon = (code: number) => code === 0x3a || code === 0xff1a || code === 0xff0f || code === 0x2f;
const MAX_CHAIN = 8;
/** Titles that start with the body they belong to (党委书记 is the secretary of a 党委). */
const PARTY_BODIES = ["党委", "党组"];

/** Surnames read only here (dict/entity-person-surnames.txt): the tagger's surname list stays as it was trained. */
let personSurnames: ReadonlySet<string> | undefined;
const morePersonSurnames = () => (personSurnames ??= new Set(readDictLines("entity-person-surnames.txt").flatMap((line) => line.fields)));

function surnameLength(text: string, lexicon: EntityLexicon, start: number): number {
  const match = longestStartingAt(lexicon.surnames, text, start);
  if (match) return match.end - start;
  return morePersonSurnames().has(text[start] ?? "") ? 1 : 0;
}

/**
 * End of the name starting at `start`, or -1. `strict` rejects a surname that jieba reads as a function word
 * (和, 于): right after a title that is usually a sentence going on, inside a 、 list of names it is a name.
 */
function nameEnd(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, strict: boolean): number {
  const surname = surnameLength(text, lexicon, start);
  if (surname === 0 || !isAllHan(text, start, start + surname + 1)) return -1;
  const first = tokenStartingAt(index, start);
  // a dictionary word starts here (国家主席, 全体, 中央军委): not a name
  if (first && first.end - start > surname && !isPersonTag(first.pos) && first.pos !== "x") return -1;
  // right after a post, a surname jieba reads as a common word, then a one-character adverb or conjunction, is the
  // clause going on (担任市长时/n 也/d 不是); in a roster it is a name (周才德、罗/j 均/d 发)
  const afterSurname = strict && first && first.end === start + surname && !isPersonTag(first.pos) ? tokenStartingAt(index, first.end) : undefined;
  if (afterSurname && afterSurname.end - afterSurname.start === 1 && FUNCTION_TAGS.has(afterSurname.pos) && afterSurname.pos !== "p") return -1;
  // …unless a preposition's character is the surname of a name jieba reads after it (院长于/p 昌明/nr, 副主席向/p 太然/x)
  if (strict && first && first.end - first.start === 1 && surname === 1 && FUNCTION_TAGS.has(first.pos) && !givenNameAfter(index, first)) return -1;
  // jieba's own name word with two given characters is the name (龚育之/nr), and so is a foreign name
  // (谢列兹尼奥夫/nrt); a shorter word may leave out the last character (高云/nr 江), a longer Chinese one holds
  // the next word's first (高云江说/nr)
  const given = first && isPersonTag(first.pos) ? first.end - start - surname : 0;
  if ((given === 2 || (given > 2 && first!.pos === "nrt")) && isAllHan(text, start, first!.end)) return first!.end;
  // …and so is a surname word before two characters jieba reads as a name (刘/zg 胡同/nr 对: not 刘胡 + 同)
  const givenWord = first?.end === start + surname ? tokenStartingAt(index, first.end) : undefined;
  if (givenWord && givenWord.end - givenWord.start === 2 && isPersonTag(givenWord.pos) && isAllHan(text, givenWord.start, givenWord.end)) return givenWord.end;
  const second = start + surname + 1;
  if (second >= text.length || !isHan(text, second) || NOT_GIVEN_NAME.has(text[second]!)) return second;
  const next = tokenStartingAt(index, second);
  if (next && next.end - next.start >= 2 && !isPersonTag(next.pos) && next.pos !== "x") return second;
  return transliterationEnd(text, index, start, second + 1);
}

/** Is the word after a one-character preposition a given name (于/p 昌明/nr): one or two characters read as a name or unknown? */
function givenNameAfter(index: TokenIndex, first: Token): boolean {
  const next = tokenStartingAt(index, first.end);
  return first.pos === "p" && next !== undefined && next.end - next.start <= 2 && (isPersonTag(next.pos) || next.pos === "x");
}

/**
 * A name that stops inside a word jieba does not know or reads as a foreign name (斯捷/x 帕申/x, 贾斯/x 蒂卡/nrt) is
 * a transliterated name that goes on to that word's end.
 */
function transliterationEnd(text: string, index: TokenIndex, start: number, end: number): number {
  const token = tokenCovering(index, end - 1);
  if (!token || token.start <= start || token.end <= end || !isAllHan(text, end, token.end)) return end;
  // an unknown word goes on a name only when the name starts as one too (斯捷/x, not 高云/nr 江说/x), and a word
  // that starts with the surname is the name with the next character glued on (宋海宏对/x)
  const head = tokenStartingAt(index, start);
  const unknownHead = head !== undefined && head.pos === "x" && head.end > start + 1 && head.end < token.end;
  if (token.pos !== "nrt" && !(token.pos === "x" && unknownHead)) return end;
  // …but not over a function character (刘季/x 幸作/x 的关于)
  for (let i = end; i < token.end; i++) if (NOT_GIVEN_NAME.has(text[i]!)) return end;
  return token.end;
}

/** Words that make the title after them a group (全体委员, 各副县长, 有关负责人). */
const GROUP_WORDS = ["全体", "部分", "有关", "其他", "各"];
/** Characters a body's name never holds: the clause before it (会议由局纪委书记 → 局纪委). */
const BODY_BREAKS = new Set([..."由的了把被请"]);
/** Level characters that stand for the place of the text's own body (县政协主席: the county's CPPCC; 村党总支书记: the village's). */
const LEVEL_CHARACTERS = new Set([..."省市州县区镇乡村"]);
/** Words that point back to a body named before (该院党组书记): the title has no body of its own. */
const POINTING_WORDS = new Set([..."该本我"]);

/** Is the character before `start` a level character standing for the body's place (、县政协, 由县/x 政协)? */
function standsForLevel(text: string, index: TokenIndex, start: number): boolean {
  const before = start - 1;
  if (before < 0 || !LEVEL_CHARACTERS.has(text[before]!)) return false;
  const token = tokenCovering(index, before);
  // the level character starts a word (县/zg 政协, 县总工会/n) or jieba glued it to the clause's last word (由县/x)
  return token !== undefined && (token.start === before || (token.end === start && BODY_BREAKS.has(text[before - 1]!)));
}

/**
 * The body of a title as the title writes it, from the organisation grammar's match: cut after the clause that
 * runs into it (会议由局纪委 → 局纪委), widened to the level character standing for the body's place (县 + 政协,
 * 区 + 人大常委会) or to the place that shares its level character with the body (永定 + 区委 = 永定区委), and none
 * for a body pointed back to (该院, 本院).
 */
function titleBody(text: string, index: TokenIndex, lexicon: EntityLexicon, org: OrgMatch | undefined): OrgMatch | undefined {
  if (!org) return undefined;
  let start = org.start;
  for (let i = org.end - 1; i > start; i--) {
    if (BODY_BREAKS.has(text[i]!)) {
      start = i + 1;
      break;
    }
  }
  // a tense of the post inside the grammar's match (北京市新任/n 市委常委) is the clause's: the unit starts after it
  for (let word = tokenCovering(index, start); word && word.end < org.end; word = tokenStartingAt(index, word.end)) {
    if (word.start >= start && CLAUSE_WORDS.has(word.text)) start = word.end;
  }
  if (start === org.start && start > 0 && POINTING_WORDS.has(text[start - 1]!) && org.end - start === 1) return undefined;
  if (start === org.start && org.end - start === 2 && POINTING_WORDS.has(text[start]!) && UNIT_LAST_CHARACTERS.has(text[start + 1]!)) return undefined;
  // a clause character glued to the unit's first character (的领导有/x 校党委): the unit starts after it
  for (let glued = tokenCovering(index, start); glued && glued.end <= org.end; glued = tokenStartingAt(index, glued.end)) {
    if (glued.pos === "x" && glued.end - glued.start >= 2 && GLUED_CLAUSE_CHARACTERS.has(text[glued.end - 2]!) && UNIT_INITIALS.has(text[glued.end - 1]!)) {
      start = glued.end - 1;
    }
  }
  // a one-character body word is the end of the word jieba cut before it (组织/v 部副部长 → 组织部)
  const word = org.end - start === 1 ? tokenCovering(index, start - 1) : undefined;
  if (word && word.end === start && word.end - word.start === 2 && !FUNCTION_TAGS.has(word.pos) && isAllHan(text, word.start, start)) {
    return { start: word.start, end: org.end };
  }
  if (!LEVEL_CHARACTERS.has(text[start]!) && standsForLevel(text, index, start)) start--;
  else if (LEVEL_CHARACTERS.has(text[start]!)) {
    for (let k = 2; k <= 4 && start - k >= 0; k++) {
      if (lexicon.places.words.has(text.slice(start - k, start + 1)) && isAllHan(text, start - k, start)) {
        start -= k;
        break;
      }
    }
  }
  return start === org.start ? org : { start, end: org.end };
}

/**
 * Tags of the words a unit's name is written with before a post, at every level (辛家庙/ns 派出所, 德育/n 副校长,
 * 区/n 十五/m 届/q 人大常委会, 庞河/x 经济/n 开发区/n, 医疗/n 应急/vn 司): nouns and nominal verbs, names of places
 * and bodies, abbreviations, words jieba does not know, and the numerals of a session or a section (十三届, 五处).
 */
const BODY_WORD_TAGS = new Set(["n", "nt", "ns", "nz", "vn", "j", "x", "ng", "b", "m", "q"]);
/** Tags of numerals, which open no unit's name (选十一届县政协副主席: the post is 县政协副主席). */
const NUMERAL_TAGS = new Set(["m", "q"]);
/**
 * Words of the clause that jieba tags as nouns and that stand right before a post in news: the occasion (会议,
 * 会上), the verbs of meeting someone (在京会见/n 蒙古国总统) and the tenses of a post (时任/n 中国人民银行党委委员).
 */
const CLAUSE_WORDS = new Set(["会议", "大会", "会上", "会", "活动", "仪式", "会后", "期间", "现场", "同志", "讲话", "报告", "会见", "会谈", "会晤",
  "时任", "现任", "曾任", "历任", "新任", "前任", "继任", "责令", "会同", "陪同", "援引"]);
/** Longest unit written before a post, in characters (全国政协十三届一次会议主席团). */
const MAX_BODY = 24;
/** Longest unit written in quotation marks before a post, marks included (“大工委”). */
const MAX_QUOTED_BODY = 10;
/** One-character words that end the clause before a unit, whatever jieba tags them (经/n 中共中央政治局常委). */
const CLAUSE_CHARACTERS = new Set([..."经由的了把被请受据随与及同跟在对向为从将给让使令就"]);
/** Characters that point or refer (这是, 那些, 其他): a clause's, never a unit's. */
const DEMONSTRATIVES = new Set([..."这那其此他她它们"]);
/** Last characters of a unit's short form after a pointing word (我院, 本校, 该局). */
const UNIT_LAST_CHARACTERS = new Set([..."院校局厅部委处司所办室站队社会"]);
/** Characters that stand for a unit at the start of its name (校党委, 院学生会, 县政协): levels, the school, the institute. */
const UNIT_INITIALS = new Set([...LEVEL_CHARACTERS, "校", "院"]);
/** Characters of the clause that jieba glues to a unit's first character (领导有/x 校党委, 陈秀和校/x 学生会). */
const GLUED_CLAUSE_CHARACTERS = new Set([...CLAUSE_CHARACTERS, "和", "有"]);
/** Words of a session's own bodies and posts after 大会 (大会主席团常务主席, 大会执行主席): the congress's, not the occasion's. */
const CONGRESS_BODIES = ["主席团", "执行主席"];
/** Longest word jieba makes that joins a unit's name unless a dictionary knows it (认真学习领会/nt is a clause). */
const MAX_UNKNOWN_BODY_WORD = 3;

/**
 * Is the word a surname and two characters that jieba reads as a name or does not know (阮富仲/x), not a place
 * (滕头村/x)? Two characters are too often a field (德育/nr 副校长) to count.
 */
function looksLikeName(text: string, lexicon: EntityLexicon, token: Token): boolean {
  const surname = surnameLength(text, lexicon, token.start);
  return surname > 0 && token.end - token.start - surname === 2 && (token.pos === "x" || isPersonTag(token.pos)) &&
    !PLACE_LAST_CHARACTERS.has(text[token.end - 1]!);
}

/**
 * Does a name end at `end`: a word jieba reads as a name, or one with a one-character tail it cut off (马克/nr 龙/n),
 * or a surname and two characters it does not know?
 */
function nameEndsAt(text: string, index: TokenIndex, lexicon: EntityLexicon, end: number): boolean {
  const word = tokenCovering(index, end - 1);
  // a country jieba tags as a name (尼泊尔/nr 副总理) is the post's place
  if (!word || word.end !== end || lexicon.places.words.has(word.text)) return false;
  if (isPersonTag(word.pos) || looksLikeName(text, lexicon, word)) return true;
  const head = word.end - word.start === 1 ? tokenCovering(index, word.start - 1) : undefined;
  return head !== undefined && head.end === word.start && isPersonTag(head.pos) && head.end - head.start >= 2;
}

/** A meeting's word after a session's number is part of the unit (全国政协十三届一次会议主席团, 第一次/m q 全体会议执行主席). */
function isSessionWord(index: TokenIndex, token: Token): boolean {
  const before = tokenCovering(index, token.start - 1);
  return (token.text.endsWith("会议") || token.text === "大会") && before !== undefined && before.end === token.start && NUMERAL_TAGS.has(before.pos);
}

/** Can this word be part of the name of a unit written before a post? */
function isBodyWord(lexicon: EntityLexicon, token: Token): boolean {
  const length = token.end - token.start;
  // one character: a level (县/zg 工商联), a place or body word, or a place's first character jieba reads as a surname (辛/nr 家庙)
  if (length === 1) {
    return LEVEL_CHARACTERS.has(token.text) || (!CLAUSE_CHARACTERS.has(token.text) && !POINTING_WORDS.has(token.text) && (BODY_WORD_TAGS.has(token.pos) || token.pos === "nr"));
  }
  // a unit pointed back to (我院党委副书记, 本校, 该局) is the body named before: the post has none of its own
  if (length === 2 && POINTING_WORDS.has(token.text[0]!) && UNIT_LAST_CHARACTERS.has(token.text[1]!)) return false;
  // a field jieba tags as a name though no surname opens it (德育/nr 副校长): no Chinese name, the unit's word
  const fieldAsName = token.pos === "nr" && length === 2 && surnameLength(token.text, lexicon, 0) === 0;
  // a post before the post is another person's (阮富仲总书记应…, 阿盟秘书长发言人)
  if ((!BODY_WORD_TAGS.has(token.pos) && !fieldAsName) || CLAUSE_WORDS.has(token.text) || lexicon.personTitles.words.has(token.text)) return false;
  // a word jieba does not know made of function characters is the clause (这是/x 重庆市…检察官)
  if (token.pos === "x" && [...token.text].some((c) => NOT_GIVEN_NAME.has(c) || CLAUSE_CHARACTERS.has(c) || DEMONSTRATIVES.has(c))) return false;
  // a unit's name ends like a unit (集团公司/n 监事会主席, 分公司): a word of any length that ends with a unit's suffix
  const unit = longestEndingAt(lexicon.orgSuffixes, token.text, length);
  return length <= MAX_UNKNOWN_BODY_WORD || token.pos === "ns" || unit !== undefined || lexicon.orgNames.words.has(token.text) || lexicon.places.words.has(token.text);
}

const CLOSING_BRACKETS = new Set([")", "）"]);
const OPENING_BRACKETS = new Set(["(", "（"]);
/** Longest second name of a unit written in brackets (统战部, 招生就业处), brackets included. */
const MAX_BRACKETED_BODY = 10;

/**
 * Where a unit's second name in brackets ending at `end` opens (党委组织部(统战部)部长: two offices that work as
 * one, 合署办公, written with both names): Han characters ending like a unit, right after another unit's Han
 * characters; -1 otherwise.
 */
function bracketedUnitStart(text: string, lexicon: EntityLexicon, end: number): number {
  let open = end - 2;
  while (open > 0 && end - open <= MAX_BRACKETED_BODY && isHan(text, open)) open--;
  if (!OPENING_BRACKETS.has(text[open]!) || open > end - 3 || !isHan(text, open - 1)) return -1;
  return longestEndingAt(lexicon.orgSuffixes, text, end - 1, open + 1) ? open : -1;
}

/**
 * The start of the unit as the page writes it before a post: the convention (单位 + 职务 + 姓名) names the unit in
 * full, so the body goes left from `start` over the words a unit's name is made of, to the clause's preceding word
 * (a verb, preposition, particle or mark: 传达了|省林业和草原局党组书记, 会议由|局纪委书记), not over a person's
 * name nor an occasion's noun, up to the title at `end`. `和` joins two fields of one department (林业和草原局,
 * 住房和城乡建设部) when nouns stand on both sides. A body never starts with a numeral.
 */
function widenBody(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): number {
  let at = start;
  while (at > 0 && start - at < MAX_BODY) {
    // a unit's name in quotation marks (“大工委”书记): the quotation whole
    if (text[at - 1] === "”") {
      let open = at - 2;
      while (open > 0 && at - open < MAX_QUOTED_BODY && isHan(text, open)) open--;
      if (text[open] !== "“" || open > at - 4) break;
      at = open;
      continue;
    }
    // a unit that shares its office with another, the second name in brackets (党委组织部(统战部)部长): both names
    if (CLOSING_BRACKETS.has(text[at - 1]!)) {
      const open = bracketedUnitStart(text, lexicon, at);
      if (open < 0) break;
      at = orgEndingAt(text, index, lexicon, open)?.start ?? open;
      continue;
    }
    const token = tokenCovering(index, at - 1);
    if (!token || !isAllHan(text, token.start, at)) break;
    // a clause character glued to the unit's first character (领导有/x 校党委副书记): the unit starts after it
    if (token.pos === "x" && at - token.start >= 2 && token.end === at && GLUED_CLAUSE_CHARACTERS.has(text[at - 2]!) && UNIT_INITIALS.has(text[at - 1]!)) {
      at--;
      break;
    }
    // a unit sent into another (派驻机构: 中纪委驻最高人民法院纪检组) is named with both, joined by 驻
    if (token.text === "驻") {
      const sender = tokenCovering(index, token.start - 1);
      if (sender && sender.end === token.start && (sender.pos === "nt" || lexicon.orgNames.words.has(sender.text))) {
        at = sender.start;
        continue;
      }
    }
    // a unit's last word that jieba glued to the post (主席团常务主席/n): its head is the unit's, unless the clause is in it
    if (token.end > at) {
      // …nor a pointing word (该市/r 领导: the unit pointed back to)
      const clause = (c: string) => CLAUSE_CHARACTERS.has(c) || POINTING_WORDS.has(c) || (token.pos === "x" && GLUED_CLAUSE_CHARACTERS.has(c));
      if (at !== start || isPersonTag(token.pos) || [...text.slice(token.start, at)].some(clause)) break;
      at = token.start;
      continue;
    }
    // a name right before the post is the post's holder, named before it (阮富仲/x 总书记应…): no unit
    if (at === end && looksLikeName(text, lexicon, token)) break;
    if (isBodyWord(lexicon, token) || isSessionWord(index, token) || (token.text === "大会" && CONGRESS_BODIES.some((b) => text.startsWith(b, at)))) {
      at = token.start;
      continue;
    }
    // a unit's section named with a verb of its work, between the unit and the rest of the name (中组部/组织/二局,
    // 工委/专项/巡视/第二组, 大会/执行/主席团): the verb is the name's when a unit's word stands right before it
    if (token.pos.startsWith("v") && token.end === at && at < end && !PREDICATE_WORDS.has(token.text) && !CLAUSE_WORDS.has(token.text) &&
      !holdsClauseVerb(text, index, token.start, token.end)) {
      const unit = tokenCovering(index, token.start - 1);
      if (unit && unit.end === token.start && (unit.pos === "nt" || unit.text === "大会" || longestEndingAt(lexicon.orgSuffixes, unit.text, unit.text.length))) {
        at = token.start;
        continue;
      }
    }
    // a field a unit is named after, that jieba reads as an adjective (健康/a 分院, 新/a 联会): it opens the unit's
    // name when the word after it ends like a unit; an honour (优秀, 模范) names an award instead
    const unitAfter = token.pos === "a" && token.end === at && at - token.start <= 2 && !HONOURS.includes(token.text) ? tokenStartingAt(index, at) : undefined;
    if (unitAfter && unitAfter.end <= end && longestEndingAt(lexicon.orgSuffixes, unitAfter.text, unitAfter.text.length)) {
      at = token.start;
      continue;
    }
    // 和 inside a department's name (林业和草原局) joins two fields, the second of which opens the body; a place
    // after 和 opens a unit of its own (精神和营口市委)
    const field = token.text === "和" && at === start && at < end ? tokenStartingAt(index, at) : undefined;
    const before = field && field.pos !== "ns" && !longestStartingAt(lexicon.places, text, at, end) ? tokenCovering(index, token.start - 1) : undefined;
    if (!before || before.end !== token.start || (before.pos !== "n" && before.pos !== "nz") || !isBodyWord(lexicon, before)) break;
    at = before.start;
  }
  // …but an ordinal names the session or the group itself (第一次全体会议执行主席, 第一督导组组长), and so does a term
  // that opens its segment (，十二届市政协主席张少军: the chairman of the twelfth committee), unlike 选十一届县政协…
  const term = (at === 0 || !isHan(text, at - 1)) && SESSION_TERM.test(text.slice(at, start));
  while (at < start && text[at] !== "第" && !term) {
    const numeral = tokenStartingAt(index, at);
    if (!numeral || !NUMERAL_TAGS.has(numeral.pos) || numeral.end > start) break;
    at = numeral.end;
  }
  return at;
}

/** A committee's term written before its name (十二届, 七届). */
const SESSION_TERM = /^[一二三四五六七八九十]+届/u;

/** Longest run of blanks and line breaks a chain goes on over after its 、. */
const MAX_LINE_BREAK = 3;

/** Parses the title chain ending at `end` (right before a name), right to left. */
function chainBefore(text: string, index: TokenIndex, lexicon: EntityLexicon, end: number): Omit<PersonMatch, "start" | "end" | "evidence"> {
  const titles: string[] = [];
  const titleOrgs: (string | null)[] = [];
  const orgSpans: OrgMatch[] = [];
  let q = end;
  while (titles.length < MAX_CHAIN) {
    const title = longestEndingAt(lexicon.personTitles, text, q);
    if (!title || title.value === "credit" || title.value === "address" || !isPost(text, title)) break;
    // a link after a group word names a group, not this person's post (…全体委员、第三届校务委员会主任李忠云)
    if (titles.length > 0 && GROUP_WORDS.some((w) => text.endsWith(w, title.start))) break;
    // …and a post written after another name is that person's (马克/nr 龙/n 总统、欧盟委员会主席冯德莱恩)
    if (titles.length > 0 && nameEndsAt(text, index, lexicon, title.start)) break;
    // a rank is written with the body that gave it too (南京大学教授, 中国科学院院士), never with a place
    const org = titleBody(text, index, lexicon, orgEndingAt(text, index, lexicon, title.start));
    // a place can be the body too (左权县辽阳镇镇长); it names the office but is no organisation entity
    const place = title.value === "office" && !org ? placeEndingAt(text, lexicon, title.start) : undefined;
    // no body named: the level character standing before the title is its place (县 + 总工会主席)
    const level = !org && !place && title.value === "office" && standsForLevel(text, index, title.start) ? title.start - 1 : -1;
    // a nominee is named with the post he is put up for (七届政协主席提名人选): that post is the title's unit
    const nominated = title.word === NOMINEE ? longestEndingAt(lexicon.personTitles, text, title.start) : undefined;
    const named = nominated ? nominated.start : org ? org.start : place ? place.start : level >= 0 ? level : title.start;
    const widens = isHan(text, named - 1) || text[named - 1] === "”" || CLOSING_BRACKETS.has(text[named - 1]!);
    const widened = (title.value === "office" || org) && widens ? widenBody(text, index, lexicon, named, title.start) : named;
    const bodyStart = title.value === "office" ? linkStart(text, index, lexicon, widened) : widened;
    titles.unshift(title.word);
    titleOrgs.unshift(bodyStart < title.start ? text.slice(bodyStart, title.start) : null);
    // 学院党委书记: the title names the body too, so the organisation is 学院党委
    if (org) orgSpans.unshift(PARTY_BODIES.some((b) => title.word.startsWith(b)) ? { start: org.start, end: title.start + 2 } : org);
    q = bodyStart;
    // a chain may go on over a line break after its 、 (县委常委、⏎副县长李卫东), and over a site's mask where it hid a
    // word (乡党委副书记、***乡长李承华)
    let mark = q - 1;
    while (mark > 0 && q - mark <= MAX_LINE_BREAK && (text[mark] === "\n" || text[mark] === "\r" || text[mark] === "*" || isSpaceChar(text[mark]))) mark--;
    if (mark < q - 1 && !CHAIN_SEPARATORS.has(text[mark] ?? "")) mark = q - 1;
    // a comma between two titles joins them too: no name stands between (副市长，市公安局党委书记、局长徐建役),
    // unless the title before the comma is a post given as a predicate (以…邓文华为组长，党委书记、董事长宁顺良)
    const comma = TITLE_COMMAS.has(text[mark] ?? "");
    const joined = CHAIN_SEPARATORS.has(text[mark] ?? "") || comma;
    const previous = mark >= 0 && joined ? longestEndingAt(lexicon.personTitles, text, mark) : undefined;
    if (previous && !(comma && PREDICATE_MARKS.has(text[previous.start - 1] ?? ""))) q = mark;
    else {
      if (text[mark] === "、") shareTitleWithBody(text, index, lexicon, mark, titles, titleOrgs);
      break;
    }
  }
  // an award named after a post (全国优秀县委书记黄维群) is an honour, not his post
  if (HONOURS.some((w) => text.endsWith(w, q))) return { titles: [], titleOrgs: [], orgSpans: [] };
  return { titles, titleOrgs, orgSpans };
}

/** The boards of a company's governance, which share a post with another body (监事会、工会主席). */
const COMPANY_BOARDS = new Set(["董事会", "监事会", "股东会", "党委会"]);

/** A nominee for the post written before it (政协主席提名人选). */
const NOMINEE = "提名人选";

/** Characters that give the post after them as a predicate (选举张三为镇长, 蔡奇任副市长): the post is no title. */
const PREDICATE_MARKS = new Set([..."为任"]);

/** Words that make the post after them an award (优秀县委书记, 模范法官). */
const HONOURS = ["优秀", "模范"];

/** Longest unit of a chain's link that {@link linkStart} reads over words the unit grammar does not take. */
const MAX_LINK_BODY = 12;

/**
 * Where a link of a chain opens when a post stands before it (镇党委副书记、驻镇帮镇扶村工作队队长林华新): a chain sets
 * off each post with its unit by 、, so the link runs back over Han characters to the 、 after the previous post,
 * whatever words the unit's name is made of (驻, 帮, 扶 are verbs). Not over another post, a name or a tense of the
 * clause (市长、河北新任常委赵革: 新任 says the 、 joins two sentences' predicates); `start` when no such 、 is near.
 */
function linkStart(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number): number {
  let at = start;
  while (at > 0 && start - at < MAX_LINK_BODY && isHan(text, at - 1)) at--;
  if (at === start || text[at - 1] !== "、") return start;
  const before = longestEndingAt(lexicon.personTitles, text, at - 1);
  if (before === undefined || before.value !== "office") return start;
  for (let word = tokenCovering(index, at); word && word.start < start; word = tokenStartingAt(index, word.end)) {
    if (word.start < at || CLAUSE_WORDS.has(word.text) || isPersonTag(word.pos) || lexicon.personTitles.words.has(word.text)) return start;
  }
  for (let k = at + 1; k <= start; k++) if (longestEndingAt(lexicon.personTitles, text, k, at)) return start;
  return at;
}

/**
 * Two bodies that share one post, joined by 、 (监事会、工会主席高战华: he chairs both): the post is the whole phrase,
 * as written, when a body without a post of its own ends at the 、 at `mark`.
 */
function shareTitleWithBody(text: string, index: TokenIndex, lexicon: EntityLexicon, mark: number, titles: string[], titleOrgs: (string | null)[]): void {
  // the organisation grammar's body, or one word ending like a body (监事会/n)
  const word = tokenCovering(index, mark - 1);
  const wordBody = word && word.end === mark && BODY_WORD_TAGS.has(word.pos) && longestEndingAt(lexicon.orgSuffixes, text, mark, word.start)
    ? { start: word.start, end: mark } : undefined;
  // …or a company's own board (监事会、工会主席: 董事会, 监事会 are no organisation of their own to the grammar)
  const board = word && word.end === mark && COMPANY_BOARDS.has(word.text) ? { start: word.start, end: mark } : undefined;
  const body = orgEndingAt(text, index, lexicon, mark) ?? wordBody ?? board;
  if (!body || body.end !== mark || titles.length === 0) return;
  const start = titleBody(text, index, lexicon, body)?.start ?? body.start;
  if (!isAllHan(text, start, mark)) return;
  titles[0] = `${text.slice(start, mark + 1)}${titleOrgs[0] ?? ""}${titles[0]}`;
  titleOrgs[0] = null;
}

/** A person's chain from the text after a name in a name list (`国务院副总理`, `教授、华中师范大学原党委书记`). */
function chainAfter(text: string, lexicon: EntityLexicon, start: number, end: number) {
  const titles: string[] = [];
  const titleOrgs: (string | null)[] = [];
  const orgSpans: OrgMatch[] = [];
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !CHAIN_SEPARATORS.has(text[i]!)) continue;
    const title = longestEndingAt(lexicon.personTitles, text, i, partStart);
    if (title && (title.value === "office" || title.value === "honor") && isAllHan(text, partStart, i)) {
      titles.push(title.word);
      const hasOrg = title.start > partStart;
      titleOrgs.push(hasOrg ? text.slice(partStart, title.start) : null);
      if (hasOrg) orgSpans.push({ start: partStart, end: title.start });
    }
    partStart = i + 1;
  }
  return { titles, titleOrgs, orgSpans };
}

function isSpaceChar(c: string | undefined): boolean {
  return c === " " || c === "\u3000" || c === "\t" || c === "\u00a0";
}

/**
 * The padding inside a two-character name set to the width of three in a roster (韩　正, 韩  正): one full-width
 * space or two spaces, as Chinese typography pads; 0 when none. A single space separates names (记者王勃 陶然).
 */
export function namePadding(text: string, at: number): number {
  if (text[at] === "\u3000") return 1;
  return text[at] === " " && text[at + 1] === " " ? 2 : 0;
}

/** `组　长：韩　正　　国务院副总理` and `李干杰　　生态环境部部长`: one person per line. */
function nameListLines(text: string, lexicon: EntityLexicon, into: PersonMatch[]): void {
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    let role: string | undefined;
    const colon = text.slice(lineStart, Math.min(lineEnd, lineStart + 8)).search(/[：:]/u);
    if (colon > 0) {
      const head = text.slice(lineStart, lineStart + colon).replace(/[ \u3000]/gu, "");
      if (lexicon.personTitles.words.has(head)) {
        role = head;
        i = lineStart + colon + 1;
      }
    }
    // a roster's continuation lines are indented to the names' column (　　　　王　伟　　北京奥组委执行副主席)
    while (i < lineEnd && isSpaceChar(text[i])) i++;
    const surname = surnameLength(text, lexicon, i);
    let j = i + surname;
    const padding = surname === 1 ? namePadding(text, j) : 0;
    let given = 0;
    if (padding > 0 && isHan(text, j + padding) && !isHan(text, j + padding + 1)) {
      j += padding + 1; // 韩　正: one given character after the padding
      given = 1;
    }
    while (padding === 0 && given < 2 && isHan(text, j)) {
      j++;
      given++;
    }
    let k = j;
    while (k < lineEnd && isSpaceChar(text[k])) k++;
    if (surname > 0 && given > 0 && k - j >= 2 && k < lineEnd) {
      const chain = chainAfter(text, lexicon, k, lineEnd);
      if (chain.titles.length > 0) {
        if (role) {
          chain.titles.unshift(role);
          chain.titleOrgs.unshift(null);
        }
        into.push({ start: i, end: j, ...chain, evidence: "title" });
      }
    }
    lineStart = lineEnd + 1;
  }
}

/** Longest outlet written before a byline role (新华社记者, 郑报全媒体记者, 本网记者). */
const MAX_BYLINE_TITLE = 8;
/** Last characters of an outlet named before a byline role (新华社, 本报, 本网, 全媒体, 电视台). */
const OUTLET_ENDS = new Set([..."社报網网台体體"]);
/** Marks a byline name ends at: brackets, a reporting verb (摄, 报道), the next role, the end of a clause. */
const BYLINE_NAME_ENDS = /^(?:$|[\s)）】\]:：,，。;；/|]|摄|报道)/u;

/**
 * Bylines and credits: a role word (记者, 通讯员, 摄影, 编辑…: `credit` in dict/entity-titles.txt and entity-person-titles.txt), the outlet written
 * before it as part of the title (新华社记者, 本网记者), then, after a colon or spaces or nothing, one or more names
 * set off by single spaces: `（记者 王勃 陶然）`, `记者张永锋报道`, `编辑:付波 熊哲`, `新华社记者 樊如钧 摄`. The
 * role must open its segment (after a bracket, a mark, a space or 本报讯), so that 接受记者采访 names no one;
 * one-character roles (文, 图) need their colon.
 */
function credits(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let i = 1; i <= text.length; i++) {
    // most characters end no title: one bit set read rejects them before the lookup
    if (!mayEndWord(lexicon.personTitles, text.charCodeAt(i - 1))) continue;
    const spaced = spacedCreditStart(text, lexicon, i);
    const role = spaced >= 0 ? { start: spaced, value: "credit" } : longestEndingAt(lexicon.personTitles, text, i);
    if (!role || role.value !== "credit") continue;
    const colon = isCreditColon(text.charCodeAt(i));
    if (!colon && i - role.start < 2) continue;
    // the outlet before the role ends like one (新华社, 本报, 本网, 全媒体); 接受记者采访 has none
    let start = role.start;
    if (OUTLET_ENDS.has(text[start - 1] ?? "")) {
      // …two outlets of one group joined by a hyphen count as one (封面新闻-华西都市报记者)
      const goesOn = (at: number) => isHan(text, at - 1) || (text[at - 1] === "-" && isHan(text, at - 2));
      while (start > 0 && goesOn(start) && text[start - 1] !== "讯" && i - start < MAX_BYLINE_TITLE + 6) start--;
    }
    if (start > 0 && isHan(text, start - 1) && text[start - 1] !== "讯") continue;
    // a role inside a word is none (工作者:, 记者站)
    const word = tokenCovering(index, i - 1);
    if (!colon && spaced < 0 && word && word.end > i) continue;
    // roles joined by 、 before one colon are all the name's (摄影、编辑:王季安)
    const before = text[start - 1] === "、" ? longestEndingAt(lexicon.personTitles, text, start - 1) : undefined;
    const joined = before?.value === "credit" && (before.start === 0 || !isHan(text, before.start - 1)) ? [before.word] : [];
    const titles = [...joined, text.slice(start, i)];
    let at = colon ? i + 1 : i;
    for (let gap = 0; gap < 4 && /\s/u.test(text[at] ?? ""); gap++) at++;
    const padded = paddedBylineNames(text, lexicon, at);
    for (const name of padded) into.push({ ...name, titles, titleOrgs: titles.map(() => null), orgSpans: [], evidence: "title" });
    for (; padded.length === 0; ) {
      const end = nameEnd(text, index, lexicon, at, false);
      if (end < 0 || end - at < 2 || !BYLINE_NAME_ENDS.test(text.slice(end, end + 2)) || startsCredit(text, lexicon, at)) break;
      into.push({ start: at, end, titles, titleOrgs: titles.map(() => null), orgSpans: [], evidence: "title" });
      // the next name of the byline, after one space (记者 王勃 陶然)
      if (!isSpaceChar(text[end]) || !isHan(text, end + 1)) break;
      at = end + 1;
    }
  }
}

/**
 * Two-character names padded to the width of three in a byline, one space inside each name and one between names
 * (`（记者冯 艳 孙 敏 张 涛）`): surname, space, given name, closed by a space, a mark or the line's end; none
 * unless every item reads so (记者王 强调 is a sentence).
 */
function paddedBylineNames(text: string, lexicon: EntityLexicon, start: number): { start: number; end: number }[] {
  const names: { start: number; end: number }[] = [];
  for (let at = start; ; at += 4) {
    const padded = text[at + 1] === " " && isHan(text, at + 2) && !isHan(text, at + 3) && surnameLength(text, lexicon, at) === 1;
    if (!padded) return [];
    names.push({ start: at, end: at + 3 });
    if (text[at + 3] !== " " || !isHan(text, at + 4)) return BYLINE_NAME_ENDS.test(text.slice(at + 3, at + 5)) ? names : [];
  }
}

/**
 * Where a two-character role written with a space between its characters ends at `end` (`编 辑 杨晓娟`, `（记 者：吴阳金`,
 * the page's typesetting to the width of three): its start, opening its segment; -1 otherwise.
 */
function spacedCreditStart(text: string, lexicon: EntityLexicon, end: number): number {
  const start = end - 3;
  if (start < 0 || !isSpaceChar(text[start + 1]) || !isHan(text, start) || !isHan(text, end - 1) || isHan(text, start - 1)) return -1;
  return lexicon.personTitles.words.get(`${text[start]}${text[end - 1]}`) === "credit" ? start : -1;
}

/** Marks a role written after its name ends at (`张军/文 李珂艺/图 何斌/审核)`). */
const ROLE_AFTER_NAME_ENDS = /^(?:$|[\s)）】\]])/u;
/** Longest name written before `/role`. */
const MAX_CREDITED_NAME = 4;

/**
 * Credits written name first, the role after a slash (`（张军/文 李珂艺/图 何斌/审核）`), as university and hospital
 * news sign their items: a name opening its segment, a slash, a byline role closing the segment.
 */
function creditsAfterNames(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let slash = text.indexOf("/"); slash >= 0; slash = text.indexOf("/", slash + 1)) {
    const role = longestStartingAt(lexicon.personTitles, text, slash + 1);
    if (role?.value !== "credit" || !ROLE_AFTER_NAME_ENDS.test(text.slice(role.end, role.end + 1))) continue;
    let start = slash;
    while (start > 0 && slash - start < MAX_CREDITED_NAME && isHan(text, start - 1)) start--;
    if (slash - start < 2 || isHan(text, start - 1) || nameEnd(text, index, lexicon, start, false) !== slash) continue;
    into.push({ start, end: slash, titles: [role.word], titleOrgs: [null], orgSpans: [], evidence: "title" });
  }
}

/** The photographer's mark written after the name of a photo credit (`楊志文 攝`, `新华社记者 李涛 摄`). */
const PHOTO_MARK = "摄";

/**
 * A photo caption signed with the photographer's name and 摄 (`…开幕现场。杨志文 摄`): a name opening its segment,
 * one space, 摄 closing the segment; the role is 摄 as written. A role before the name (记者 李涛 摄) is the byline's.
 */
function photoCredits(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let mark = text.indexOf(PHOTO_MARK); mark >= 0; mark = text.indexOf(PHOTO_MARK, mark + 1)) {
    if (!isSpaceChar(text[mark - 1]) || isHan(text, mark + 1)) continue;
    const end = mark - 1;
    let start = end;
    while (start > 0 && end - start < MAX_CREDITED_NAME && isHan(text, start - 1)) start--;
    if (end - start < 2 || isHan(text, start - 1) || isSpaceChar(text[start - 1]) || nameEnd(text, index, lexicon, start, false) !== end) continue;
    into.push({ start, end, titles: [PHOTO_MARK], titleOrgs: [null], orgSpans: [], evidence: "title" });
  }
}

/** The gender field of a 任前公示 line right after the name (张三，男，汉族，…). */
const GENDER_FIELD = /[，,]\s*[男女][，,]/u;
/** Marks that end a 任前公示 line's clause. */
const LINE_ENDS = new Set(["。", "；", ";", "\n"]);
/** The tense that opens the current post in a 公示 line or a bracket after a name (现任…); 拟任 is the proposal, no post. */
const CURRENT_POST = "现任";
/** Longest line of a 任前公示 entry, in characters. */
const MAX_APPOINTMENT_LINE = 200;

/**
 * 任前公示 lines (`何某，男，汉族，1966年12月出生，大学，中共党员，现任某市审计局副局长，拟任…`): the convention of
 * the notices that name a cadre before an appointment is the name, the gender, then the fields of the record; the
 * posts after 现任, up to the next comma, are the person's (split at 、 and 兼, the unit as written).
 */
function appointmentLines(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let comma = text.search(GENDER_FIELD); comma >= 0; ) {
    let start = comma;
    while (start > 0 && comma - start < MAX_CREDITED_NAME && isHan(text, start - 1)) start--;
    if (comma - start >= 2 && !isHan(text, start - 1) && nameEnd(text, index, lexicon, start, false) === comma) {
      let end = comma + 1;
      while (end < text.length && end - comma < MAX_APPOINTMENT_LINE && !LINE_ENDS.has(text[end]!)) end++;
      const current = text.indexOf(CURRENT_POST, comma);
      const chain = current >= 0 && current < end ? postsUntilComma(text, lexicon, current + CURRENT_POST.length, end) : undefined;
      if (chain && chain.titles.length > 0) into.push({ start, end: comma, ...chain, evidence: "title" });
    }
    const next = text.slice(comma + 1).search(GENDER_FIELD);
    comma = next < 0 ? -1 : comma + 1 + next;
  }
}

/** The chain of posts from `start` to the next comma (or `end`): `衡阳市委主委、衡阳市审计局副局长`. */
function postsUntilComma(text: string, lexicon: EntityLexicon, start: number, end: number) {
  let stop = start;
  while (stop < end && !TITLE_COMMAS.has(text[stop]!)) stop++;
  return chainAfter(text, lexicon, start, stop);
}

/**
 * A current post in brackets right after a name (`武伟(现任上海浦东新区陆家嘴管委会副主任)`), as news introduces a
 * candidate: the name is the word before the bracket, a surname and one or two characters jieba reads as a name or
 * does not know.
 */
function bracketedPosts(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let at = text.indexOf(CURRENT_POST); at >= 0; at = text.indexOf(CURRENT_POST, at + 1)) {
    if (!OPENING_BRACKETS.has(text[at - 1] ?? "")) continue;
    const name = tokenCovering(index, at - 2);
    const length = name ? name.end - name.start : 0;
    if (!name || name.end !== at - 1 || length < 2 || length > 3 || (name.pos !== "x" && !isPersonTag(name.pos)) || surnameLength(text, lexicon, name.start) !== 1) continue;
    let close = at;
    while (close < text.length && close - at < MAX_APPOINTMENT_LINE && !CLOSING_BRACKETS.has(text[close]!)) close++;
    if (!CLOSING_BRACKETS.has(text[close] ?? "")) continue;
    const chain = postsUntilComma(text, lexicon, at + CURRENT_POST.length, close);
    if (chain.titles.length > 0) into.push({ start: name.start, end: name.end, ...chain, evidence: "title" });
  }
}

/** Does a byline role start at `at` (记者任晓莉 实习生黄雨晴: the second is its own byline)? */
function startsCredit(text: string, lexicon: EntityLexicon, at: number): boolean {
  return longestStartingAt(lexicon.personTitles, text, at)?.value === "credit";
}

/**
 * Does a title of a chain (an office or rank) start at `at`, so that a 、 goes on with the chain rather than with
 * names (常委、副书记)? Byline roles do not count: 文 and 图 are also surnames (副省长任海深、文海英).
 */
function startsChainTitle(text: string, lexicon: EntityLexicon, at: number): boolean {
  const title = longestStartingAt(lexicon.personTitles, text, at);
  return title !== undefined && (title.value === "office" || title.value === "honor");
}

/** Tags of one-character words that start no name in a gap (和, 向, 的). */
const GAP_FUNCTION_TAGS = new Set(["c", "p", "u", "uj", "ul", "uz", "ud", "uv"]);
/** Tags of common words, which a name never starts with (强调/v, 单位/n, 向前/t), unlike 何日/r or 申文/nz. */
const GAP_COMMON_TAGS = new Set(["n", "v", "vn", "a", "ad", "an", "d", "vd", "l", "i", "t"]);
/** Marks that close a name written between a title and the rest of the clause (何日根，, 邓先同、). */
const NAME_GAP_ENDS = new Set(["、", "，", ",", "。", "；", ";"]);

/**
 * The end of a name that fills the gap after a title, where jieba's words cannot tell (何日/r 根, 邓/nr 先/d 同/p):
 * a one-character surname and one or two characters running up to a 、 or a clause mark, for names in a roster are
 * set off by 、 whatever their characters mean; failing that (`wordAfter`), a surname and two characters that are
 * no common word, ending on a word boundary before a word of two or more characters (申文/nz 霞 主持). Not a function
 * word (和其他、, 都亲自) nor, outside a roster (`listed`), a common word (强调，), nor ending in a function character
 * (张明等。, 普京致慰问电) or like a place (滕头村). -1 when nothing holds.
 */
function gapNameEnd(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, wordAfter: boolean, listed: boolean): number {
  if (surnameLength(text, lexicon, start) !== 1 || startsChainTitle(text, lexicon, start)) return -1;
  // right after a post, 和 or 与 joins the next person (习近平主席和普京/nz 总统), though both are surnames
  if (!listed && (LAST_ITEM_JOINERS.has(text[start]!) || text[start] === "与")) return -1;
  const first = tokenStartingAt(index, start);
  const firstLength = first ? first.end - first.start : 0;
  if (first && firstLength === 1 && GAP_FUNCTION_TAGS.has(first.pos)) return -1;
  // an ordinal is no name either (主席团常务主席第二/m 次会议), though 第 is a surname; 万步/m 炎 is one
  const common = first !== undefined && firstLength >= 2 && (GAP_COMMON_TAGS.has(first.pos) || (first.pos === "m" && text[start] === "第"));
  for (const end of [start + 3, start + 2]) {
    if (!isAllHan(text, start, end)) continue;
    const mark = text[end] ?? "";
    if (NAME_SEPARATORS.has(mark) && (listed || !common)) return end;
    if (NAME_GAP_ENDS.has(mark) && !common && !NOT_GIVEN_NAME.has(text[end - 1]!)) return end;
  }
  const end = start + 3;
  if (!wordAfter || !isAllHan(text, start, end) || PLACE_LAST_CHARACTERS.has(text[end - 1]!) || NOT_GIVEN_NAME.has(text[end - 1]!)) return -1;
  const given = tokenStartingAt(index, start + 1);
  const readAsName = first !== undefined && (firstLength === 1 ? given === undefined || given.end - given.start === 1 || NAME_GAP_TAGS.has(given.pos) : !common);
  const next = tokenStartingAt(index, end);
  const closes = next !== undefined && next.end - next.start >= 2 && !isPersonTag(next.pos) && tokenCovering(index, end - 1)?.end === end;
  return readAsName && closes ? end : -1;
}

/** Tags jieba gives the given names of names it does not know (韩/j 宜波/x). */
const NAME_GAP_TAGS = new Set(["nr", "nrfg", "nrt", "x", "nz", "r"]);
/** Last characters of place names, which no name in a gap ends with (滕头村, 江西省). */
const PLACE_LAST_CHARACTERS = new Set([..."省市县区州镇乡村街"]);

/** Longest transliterated name in a roster, in characters. */
const MAX_FOREIGN_ITEM = 16;

/**
 * A transliterated name that is an item of a roster (…刘奇葆、帕巴拉·格列朗杰、董建华): Han characters joined by a
 * middle dot, running up to the next 、 or clause mark; -1 otherwise.
 */
function foreignItemEnd(text: string, start: number): number {
  let i = start;
  let dots = 0;
  while (i - start < MAX_FOREIGN_ITEM && (isHan(text, i) || FOREIGN_NAME_MARKS.has(text[i] ?? ""))) {
    if (FOREIGN_NAME_MARKS.has(text[i]!)) dots++;
    i++;
  }
  return dots > 0 && isHan(text, start) && isHan(text, i - 1) && NAME_GAP_ENDS.has(text[i] ?? "") ? i : -1;
}

/**
 * A roster item of two or three characters between two 、 (谭庚山、丁兴俊、征书和、徐学坤): a name even when its
 * surname is not in the list, for a roster sets off nothing but names; -1 otherwise.
 */
function enclosedItemEnd(text: string, start: number): number {
  for (const end of [start + 2, start + 3]) if (isAllHan(text, start, end) && NAME_SEPARATORS.has(text[end] ?? "")) return end;
  return -1;
}

/**
 * The first name of a roster after a title when its surname is not in the list (部党组成员库热西、汪民、王世元): an
 * item of two or three characters that jieba does not know as a word, set off by a 、 from a name that reads as one;
 * -1 otherwise.
 */
function rosterHeadEnd(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number): number {
  const end = enclosedItemEnd(text, start);
  const head = tokenStartingAt(index, start);
  if (end < 0 || !head || (head.pos !== "x" && !isPersonTag(head.pos)) || startsChainTitle(text, lexicon, end + 1)) return -1;
  return nameEnd(text, index, lexicon, end + 1, false) >= 0 ? end : -1;
}

/**
 * A three-character name right after a post whose surname is not in the list (部长怀进鹏/x): one word that jieba
 * reads as a name or does not know, closed by a mark or by a word of two or more characters (主持会议); -1 otherwise.
 */
function unlistedNameEnd(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number): number {
  const word = tokenStartingAt(index, start);
  if (!word || word.end - start !== 3 || !isAllHan(text, start, word.end)) return -1;
  // jieba reads some names as places (市长黄兴国/ns): a surname's word that neither the gazetteer knows nor ends like a place
  const unknownPlace = word.pos === "ns" && surnameLength(text, lexicon, start) === 1 && !lexicon.places.words.has(word.text) &&
    !PLACE_LAST_CHARACTERS.has(text[word.end - 1]!);
  if (word.pos !== "x" && word.pos !== "nr" && word.pos !== "nrfg" && word.pos !== "nrt" && !unknownPlace) return -1;
  // …not over a function character jieba glued on (佐科致/x 电)
  if (NOT_GIVEN_NAME.has(text[word.end - 1]!)) return -1;
  const next = tokenStartingAt(index, word.end);
  // closed by a mark, a word of two characters or more, or a function character that starts the predicate (是, 在)
  const closes = next !== undefined && (next.end - next.start >= 2 || NOT_GIVEN_NAME.has(next.text));
  return !isHan(text, word.end) || closes ? word.end : -1;
}

/**
 * Verbs that open the clause right after a name in a roll call or an attribution (…主任彭纲要主持座谈, …书记刘胡同对…
 * 提出要求, …院长李某在会上指出): official news writes the predicate straight after the name.
 */
const PREDICATE_WORDS = new Set(["主持", "出席", "参加", "讲话", "致辞", "宣读", "表示", "指出", "强调", "要求", "介绍", "传达", "汇报", "发言",
  "作", "对", "在", "代表"]);

/**
 * After a post, a surname and a two-character common noun (彭/nr 纲要/n) are the name when one of
 * {@link PREDICATE_WORDS} follows (主任彭纲要主持: the predicate starts there, so 要 is no verb); `end` otherwise.
 */
function nounGivenNameEnd(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, end: number): number {
  if (end !== start + 2 || surnameLength(text, lexicon, start) !== 1) return end;
  const given = tokenStartingAt(index, start + 1);
  if (!given || given.end !== start + 3 || (given.pos !== "n" && given.pos !== "nz") || !isAllHan(text, given.start, given.end)) return end;
  const next = tokenStartingAt(index, given.end);
  return next !== undefined && PREDICATE_WORDS.has(next.text) ? given.end : end;
}

/**
 * After a post, a two-character common noun that starts with a surname (管委副主任宫权/n 主持) is the name when one of
 * {@link PREDICATE_WORDS} follows it: official news writes the predicate straight after the name; -1 otherwise.
 */
function nounNameEnd(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number): number {
  const word = tokenStartingAt(index, start);
  if (!word || word.end !== start + 2 || (word.pos !== "n" && word.pos !== "nz") || surnameLength(text, lexicon, start) !== 1) return -1;
  // a role or the occasion is no name (党支部书记代表/n 发言, 主任会议/n)
  if (lexicon.personTitles.words.has(word.text) || CLAUSE_WORDS.has(word.text) || word.text === DELEGATE) return -1;
  const next = tokenStartingAt(index, word.end);
  return next !== undefined && PREDICATE_WORDS.has(next.text) && isAllHan(text, start, word.end) ? word.end : -1;
}

/**
 * Characters of the transliteration tables (斯, 夫, 科, 娃…) that Chinese given names seldom hold: a name word run
 * with two of them is a foreign name.
 */
const TRANSLITERATION_CHARACTERS = new Set([..."斯夫科娃诺维奇尔克雷卡姆索托兹耶芙丽莎"]);
/** Longest transliterated name without a middle dot, in characters (米尔济约耶夫). */
const MAX_TRANSLITERATION = 8;

/**
 * A foreign name right after a post runs over the words jieba reads as names or does not know (总统卢卡申科/nr,
 * 秘书长古/a 特雷斯/nr, 总统米尔/nrt 济约/x 耶夫/x), where a Chinese name stops at three characters: the run must be
 * longer than a Chinese name, hold no function character and two characters of the transliteration tables.
 */
function transliteratedNameEnd(text: string, index: TokenIndex, start: number, end: number): number {
  let at = end;
  for (let word = tokenCovering(index, at - 1); word && (word.pos === "x" || isPersonTag(word.pos)) && word.end - start <= MAX_TRANSLITERATION; word = tokenStartingAt(index, at)) {
    if (!isAllHan(text, word.start, word.end) || [...word.text].some((c) => NOT_GIVEN_NAME.has(c))) break;
    at = word.end;
  }
  if (at - start < 4) return end;
  const marks = [...text.slice(start, at)].filter((c) => TRANSLITERATION_CHARACTERS.has(c)).length;
  return marks >= 2 ? at : end;
}

/** A name's end after a title or a 、: the word grammar's, unless the gap rule reads a longer name. */
function listedNameEnd(text: string, index: TokenIndex, lexicon: EntityLexicon, start: number, strict: boolean): number {
  const end = nameEnd(text, index, lexicon, start, strict);
  const gap = gapNameEnd(text, index, lexicon, start, end < 0, !strict);
  return gap > end ? gap : end;
}

/** Names right after a title chain, and the names listed after them with 、. */
function titled(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let p = 1; p < text.length; p++) {
    // most characters end no title: one bit set read rejects them before anything else
    if (!mayEndWord(lexicon.personTitles, text.charCodeAt(p - 1)) || !isHan(text, p) || !isHan(text, p - 1)) continue;
    const title = longestEndingAt(lexicon.personTitles, text, p);
    if (!title || title.value === "credit" || title.value === "address" || !isPost(text, title)) continue;
    // a title inside a longer word is none (成员国的, 成员国代表), unless jieba glued only the title's last character
    // to a surname (董事/n 长江/ns 宇: 董事长江宇)
    const covering = tokenCovering(index, p - 1);
    if (covering && covering.end > p && !(covering.start === p - 1 && covering.end === p + 1 && p - title.start >= 2 && surnameLength(text, lexicon, p) === 1)) continue;
    let end = nounGivenNameEnd(text, index, lexicon, p, listedNameEnd(text, index, lexicon, p, true));
    if (end < 0) end = rosterHeadEnd(text, index, lexicon, p);
    if (end < 0) end = unlistedNameEnd(text, index, lexicon, p);
    if (end < 0) end = comradeNameEnd(text, lexicon, p);
    if (end < 0) end = nounNameEnd(text, index, lexicon, p);
    // a foreign name (罗伯特·马尔登) is the tagger's to read
    if (end < 0 || FOREIGN_NAME_MARKS.has(text[end] ?? "")) continue;
    end = transliteratedNameEnd(text, index, p, end);
    const chain = chainBefore(text, index, lexicon, p);
    // a rank or post written after the name too (全国政协委员、…李东浩教授): every title next to the name is his,
    // unless a name follows it (国家主席习近平特别代表、副总理…: the post is the next person's)
    const after = NAME_SEPARATORS.has(text[end] ?? "") ? [] : titlesAfter(text, lexicon, end);
    const afterEnd = end + after.reduce((length, t) => length + t.length, after.length - 1);
    if (after.length > 0 && (CHAIN_SEPARATORS.has(text[afterEnd] ?? "") || listedNameEnd(text, index, lexicon, afterEnd, true) >= 0)) after.length = 0;
    into.push({ start: p, end, ...chain, titles: [...chain.titles, ...after], titleOrgs: [...chain.titleOrgs, ...after.map(() => null)], evidence: "title" });
    // a note on the person in brackets after the name (王小明（女）、李大伟): the roster goes on after it
    end = noteEnd(text, end);
    while (NAME_SEPARATORS.has(text[end]!)) {
      const listed = listedNameEnd(text, index, lexicon, end + 1, false);
      const nextEnd = listed >= 0 ? listed : Math.max(foreignItemEnd(text, end + 1), enclosedItemEnd(text, end + 1));
      // the roster ends where the next person's chain starts (周俊雄、区政协主席叶水山), or the unit of that chain
      // with the place it is named after (陈卓、华容县人民医院党委书记向正华)
      if (nextEnd < 0 || startsChainTitle(text, lexicon, end + 1) || startsChainTitle(text, lexicon, nextEnd) || opensUnit(text, lexicon, end + 1, nextEnd)) break;
      into.push({ start: end + 1, end: nextEnd, ...chain, orgSpans: [], evidence: "title" });
      end = noteEnd(text, nextEnd);
    }
    // the last name of the roster joined by 和 or 及 (副院长李洪亮和黄林军分别…) shares the chain too
    const last = LAST_ITEM_JOINERS.has(text[end] ?? "") && !startsChainTitle(text, lexicon, end + 1) ? nameEnd(text, index, lexicon, end + 1, true) : -1;
    // …ending on a word boundary, with no post of its own after it (习近平和沙特/nr 王储/nr 兼首相…: another's chain)
    const closed = last >= 0 && tokenCovering(index, last - 1)?.end === last && !startsChainTitle(text, lexicon, last);
    if (closed && !opensUnit(text, lexicon, end + 1, last)) {
      into.push({ start: end + 1, end: last, ...chain, orgSpans: [], evidence: "title" });
      end = last;
    }
    p = end;
  }
}

/** The form of address official writing puts after a name (区委副书记洪流同志, 镇党委书记黄治平同志). */
const COMRADE = "同志";

/**
 * A name between a post and 同志, where jieba reads the name as a common word (副书记洪流/n 同志): a surname and one
 * or two characters, no function character among them; -1 otherwise.
 */
function comradeNameEnd(text: string, lexicon: EntityLexicon, start: number): number {
  const surname = surnameLength(text, lexicon, start);
  if (surname === 0) return -1;
  for (const end of [start + surname + 2, start + surname + 1]) {
    if (text.startsWith(COMRADE, end) && isAllHan(text, start, end) && ![...text.slice(start + surname, end)].some((c) => NOT_GIVEN_NAME.has(c))) return end;
  }
  return -1;
}

/**
 * A note written in brackets right after a name in a roster or on an appointment (女, 回族, 女，满族): sex and
 * nationality, the person's, no name of its own.
 */
const PERSON_NOTE = /^[(（](?:[男女](?:[，,、][\u4e00-\u9fff]{1,4}族)?|[\u4e00-\u9fff]{1,4}族)[)）]/u;

/** The end of a {@link PERSON_NOTE} right at `end`, or `end` when none is there. */
function noteEnd(text: string, end: number): number {
  const note = PERSON_NOTE.exec(text.slice(end, end + 12));
  return note ? end + note[0].length : end;
}

/** Longest roll of names set off by single spaces after a title (县领导 王小明 李大伟 …). */
const MAX_SPACED_ROLL = 40;

/**
 * A roll of names set off by single spaces after a post or a leader label (`县领导 王小明 李大伟 赵四海 出席`), as
 * rosters and captions write them: the title, one space, then names of two or three characters, each closed by a
 * space, a mark or the line's end; every name carries the title's chain. Bylines (记者 王勃 陶然) are the credits'.
 */
function spacedRolls(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let p = 1; p < text.length - 1; p++) {
    if (!isSpaceChar(text[p]) || isSpaceChar(text[p + 1]) || !isHan(text, p - 1) || !isHan(text, p + 1)) continue;
    const title = longestEndingAt(lexicon.personTitles, text, p);
    if (!title || title.value !== "office" || !isPost(text, title) || (tokenCovering(index, title.start)?.start ?? title.start) < title.start) continue;
    const chain = chainBefore(text, index, lexicon, p);
    const names: { start: number; end: number }[] = [];
    for (let at = p + 1; at < text.length && at - p < MAX_SPACED_ROLL; ) {
      const length = [3, 2].find((n) => isAllHan(text, at, at + n) && !isHan(text, at + n));
      if (length === undefined || surnameLength(text, lexicon, at) === 0 || startsChainTitle(text, lexicon, at)) break;
      const end = at + length;
      names.push({ start: at, end });
      if (!isSpaceChar(text[end]) || !isHan(text, end + 1)) break;
      at = end + 1;
    }
    for (const name of names) into.push({ ...name, ...chain, orgSpans: [], evidence: "title" });
  }
}

/** Words joining the last item of a roster to the others (张三、李四和王五). */
const LAST_ITEM_JOINERS = new Set(["和", "及"]);

/** Is the roster item a place that a unit's name goes on from (华容县/人民医院…), not a name? */
function opensUnit(text: string, lexicon: EntityLexicon, start: number, end: number): boolean {
  return isHan(text, end) && (lexicon.places.words.has(text.slice(start, end)) || PLACE_LAST_CHARACTERS.has(text[end - 1]!));
}

/**
 * A doctrine named after its author, the author's post or 同志 written inside (习近平总书记新时代中国特色社会主义思想):
 * the name is the doctrine's, no person (fixtures README).
 */
const DOCTRINE_AFTER_NAME = /^(?:总书记|同志)?(?:新时代中国特色社会主义思想|(?:经济|法治|生态文明|强军|外交|文化)思想)/u;

/** Does the name ending at `end` start a doctrine's name? */
export function namesDoctrine(text: string, end: number): boolean {
  return DOCTRINE_AFTER_NAME.test(text.slice(end, end + 20));
}

/** Names jieba tags as names with an office title right after them (习近平总书记, 李强总理). */
function titledAfter(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  const known = new Set(into.map((p) => text.slice(p.start, p.end)));
  for (const token of index.tokens) {
    if (!isPersonTag(token.pos) || lexicon.notNames.has(token.text) || !isAllHan(text, token.start, token.end)) continue;
    // a place before a post is the post's country or region (沙特/nr 王储, 乌克兰/nr 总统), not a name
    if (lexicon.places.words.has(token.text)) continue;
    const surname = surnameLength(text, lexicon, token.start);
    const given = token.text.length - surname;
    const titles = surname > 0 && given >= 1 && given <= 2 ? titlesAfter(text, lexicon, token.end) : [];
    if (titles.length === 0 || namesDoctrine(text, token.end)) continue;
    // the tail of a name found with a title before it is that name (秘书组组长常荣军…常荣军组长: 常/d 荣军/nr)
    const whole = [2, 1].map((k) => token.start - k).find((start) => start >= 0 && known.has(text.slice(start, token.end)));
    const start = whole ?? surnameBefore(text, index, lexicon, token);
    into.push({ start, end: token.end, titles, titleOrgs: titles.map(() => null), orgSpans: [], evidence: "title" });
  }
}

/** Tags of the word before a name that opens its phrase (和/c 栗战书委员长, 由/p 韩宜波副局长). */
const OPENING_TAGS = new Set(["c", "p", "v"]);

/**
 * Three-character names jieba does not tag (栗/nr 战书/n 委员长, 韩宜波/x 副局长) with an office title right after
 * them: a surname and two characters on word boundaries that open their phrase (after a mark, the start of a line,
 * or a conjunction, preposition or verb), read by jieba as an unknown word or as a surname and a word, and not
 * ending like a place (当选滕头村党委书记).
 */
function untaggedBeforeTitle(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  const taken = new Set(into.map((p) => p.end));
  for (let t = 3; t < text.length; t++) {
    // a title must start at t: one bit set read rejects most characters before the tests below
    if (!mayStartWord(lexicon.personTitles, text.charCodeAt(t))) continue;
    const start = t - 3;
    if (taken.has(t) || !isHan(text, t) || surnameLength(text, lexicon, start) !== 1 || !isAllHan(text, start, t)) continue;
    // …nor like the verb that gives the post (蔡奇任/x 副市长: X任Y names the post as a predicate)
    if (PLACE_LAST_CHARACTERS.has(text[t - 1]!) || text[t - 1] === "任") continue;
    const before = start > 0 ? tokenCovering(index, start - 1) : undefined;
    const opens = start === 0 || !isHan(text, start - 1) || (before !== undefined && before.end === start && OPENING_TAGS.has(before.pos));
    const first = tokenCovering(index, start);
    const last = tokenCovering(index, t - 1);
    // one word jieba made of characters it does not know (韩宜波/x), or a surname it reads as a name (栗/nr 战书)
    // …or a surname jieba reads as a noun before a two-character noun (针对马/n 彩云/n 法官: the post after the name)
    // …not a unit's word (原/n 公司/n 工会主席: 原 is the tense of the post)
    const nounGiven = first?.end === start + 1 && first.pos === "n" && (last?.pos === "n" || last?.pos === "nz") && last.start === start + 1 &&
      !longestEndingAt(lexicon.orgSuffixes, last.text, last.text.length);
    const nameLike = first !== undefined && first.start === start &&
      ((first.end === t && first.pos === "x") || (first.end === start + 1 && isPersonTag(first.pos)) || nounGiven);
    if (last?.end !== t || !(opens ? nameLike : afterUnit(text, index, lexicon, first, start))) continue;
    const titles = titlesAfter(text, lexicon, t);
    if (titles.length > 0) into.push({ start, end: t, titles, titleOrgs: titles.map(() => null), orgSpans: [], evidence: "title" });
  }
}

/**
 * The unit, the name, then the post (单位 + 姓名 + 职务: 省法院田平利副院长): right after a unit the organisation
 * grammar reads, a one-character surname word that is no function word (田/n 平利/a) starts a name, whatever jieba
 * makes of the given name.
 */
function afterUnit(text: string, index: TokenIndex, lexicon: EntityLexicon, first: Token | undefined, start: number): boolean {
  if (!first || first.start !== start || first.end !== start + 1 || FUNCTION_TAGS.has(first.pos)) return false;
  return orgEndingAt(text, index, lexicon, start) !== undefined;
}

/**
 * Where a two-character name word starts its name: at the one-character surname word before it when there is one
 * (孙/zg 黎明/nr 书记 is 孙黎明, not 黎明), else at the word itself.
 */
/** Tags of one-character words that are no surname before a name (上/f, 见/v, 三/m, 个/q). */
const NOT_SURNAME_TAGS = new Set(["f", "v", "m", "q", "w", "a"]);

function surnameBefore(text: string, index: TokenIndex, lexicon: EntityLexicon, token: Token): number {
  const before = token.end - token.start === 2 && token.start > 0 ? tokenCovering(index, token.start - 1) : undefined;
  const isSurname = before !== undefined && before.end - before.start === 1 && !FUNCTION_TAGS.has(before.pos) && !NOT_SURNAME_TAGS.has(before.pos) &&
    surnameLength(text, lexicon, before.start) === 1;
  return isSurname ? before.start : token.start;
}

/**
 * The titles right after a name (习近平总书记, 夏宝龙副主席兼秘书长), for a person with none before it.
 *
 * @example
 * titlesAfter("习近平总书记指出", lexicon, 3) // → ["总书记"]
 */
export function titlesAfter(text: string, lexicon: EntityLexicon, end: number): string[] {
  const titles: string[] = [];
  for (let at = end; ; ) {
    const title = titleAfter(text, lexicon, at);
    if (!title) return titles;
    titles.push(title);
    at += title.length;
    // 夏宝龙副主席兼秘书长: 兼 joins the next post
    if (text[at] !== "兼") return titles;
    at++;
  }
}

/** Heads of posts written with their body (管委会主任, 党工委书记): the word before them is the body's place. */
const BODY_FIRST_TITLES = ["管委会", "管委", "党工委", "工委"];

function titleAfter(text: string, lexicon: EntityLexicon, end: number): string | undefined {
  const title = longestStartingAt(lexicon.personTitles, text, end);
  // a post or a rank (杨士莪院士, 李东浩教授); right after a name 代表 is the verb (何明华代表市委讲话)
  if (!title || (title.value !== ("office" satisfies TitleKind) && title.value !== "honor") || title.word === DELEGATE) return undefined;
  // a body named with the title's word is no title (…委员会: 委员 is the start of the committee)
  const body = longestStartingAt(lexicon.orgSuffixes, text, end);
  if (body && body.end > title.end) return undefined;
  // …nor a post that names a body with the word after it (乌克兰总统办公室主任: 总统办公室 is the office)
  const unit = longestStartingAt(lexicon.orgSuffixes, text, title.end);
  if (unit && unit.end - title.end >= 2) return undefined;
  // a post that names its body first (管委会副主任, 党工委书记) follows the body's place, not a name (陆家嘴/nr 管委会副主任)
  return BODY_FIRST_TITLES.some((b) => title.word.startsWith(b)) ? undefined : title.word;
}


/** The normalised name (without the padding spaces of name lists). */
export function personName(text: string, person: { start: number; end: number }): string {
  return text.slice(person.start, person.end).replace(/[\s\u3000]/gu, "");
}

/** Tags of a one-character word that opens a list rather than starts its first name (和/c, 向/p). */
const LIST_OPENING_TAGS = new Set(["c", "p"]);
/** Longest name written between two 、 (复姓 and two given characters). */
const MAX_LISTED_NAME = 4;

/**
 * The other names of a 、 list that holds a known name (李尚福、李玉超、孙金明): each item must be a surname and one
 * or two characters, so the list is read item by item rather than by the tagger's guess at its boundaries.
 * A walk from a 、 depends on nothing but where it is, so each 、 of a run is walked from once in each direction,
 * however many seeds the run holds (a 4,000-name roster is one pass, not 4,000).
 *
 * @example
 * listedNames("给予李尚福、李玉超、孙金明开除党籍", index, lexicon, [{ start: 2, end: 5 }]) // → 李玉超, 孙金明
 */
export function listedNames(
  text: string,
  index: TokenIndex,
  lexicon: EntityLexicon,
  seeds: readonly { start: number; end: number }[],
): PersonMatch[] {
  const out: PersonMatch[] = [];
  const item = (start: number, end: number): PersonMatch => ({ start, end, titles: [], titleOrgs: [], orgSpans: [], evidence: "mention" });
  // separators already walked from, forwards (the 、 after a name) and backwards (the 、 before one)
  const walkedForward = new Set<number>();
  const walkedBackward = new Set<number>();
  for (const seed of seeds) {
    for (let end = seed.end; NAME_SEPARATORS.has(text[end] ?? "") && !walkedForward.has(end) && !startsChainTitle(text, lexicon, end + 1); ) {
      walkedForward.add(end);
      const next = nameEnd(text, index, lexicon, end + 1, false);
      if (next < 0 || opensUnit(text, lexicon, end + 1, next)) break;
      out.push(item(end + 1, next));
      end = next;
    }
    for (let start = seed.start; start > 0 && NAME_SEPARATORS.has(text[start - 1]!) && !walkedBackward.has(start); ) {
      walkedBackward.add(start);
      let j = start - 1;
      while (j > 0 && start - 1 - j < MAX_LISTED_NAME && isHan(text, j - 1)) j--;
      if (j > 0 && isHan(text, j - 1)) break;
      // the conjunction that opens the list is not the first name's (…《蓝莲花》和刘为楚、陈哲宇)
      const lead = tokenStartingAt(index, j);
      if (lead && lead.end === j + 1 && LIST_OPENING_TAGS.has(lead.pos) && start - 1 - j > 2 && surnameLength(text, lexicon, j + 1) > 0) j++;
      const length = start - 1 - j;
      if (length < 2 || surnameLength(text, lexicon, j) === 0) break;
      out.push(item(j, start - 1));
      start = j;
    }
  }
  return out;
}

/** A flag per UTF-16 unit for {@link mentions}: all zero between calls. */
const isFirst = new Uint8Array(0x10000);

/**
 * Later mentions of names found with a title, anywhere in the text (雷承锋强调). One pass over the text looks up the
 * substring of each name length at every position, instead of one search of the whole text per name (a roster of
 * thousands of titled names would make that quadratic); per name, occurrences are read left to right without
 * overlapping, and listed name by name as found.
 */
function mentions(text: string, index: TokenIndex, found: PersonMatch[]): PersonMatch[] {
  const taken = new Uint8Array(text.length);
  for (const person of found) taken.fill(1, person.start, person.end);
  const byName = new Map<string, PersonMatch[]>();
  for (const p of found) {
    const name = personName(text, p);
    if (name.length >= 2 && !byName.has(name)) byName.set(name, []);
  }
  if (byName.size === 0) return [];
  const lengths = [...new Set([...byName.keys()].map((name) => name.length))];
  // the names' first characters, marked in a table kept between calls and cleared after the scan
  for (const name of byName.keys()) isFirst[name.charCodeAt(0)] = 1;
  const nextFree = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    if (isFirst[text.charCodeAt(i)] !== 1) continue;
    for (const length of lengths) {
      const name = text.slice(i, i + length);
      const into = name.length === length ? byName.get(name) : undefined;
      if (!into || i < (nextFree.get(name) ?? 0)) continue;
      const end = i + length;
      nextFree.set(name, end);
      if (taken[i] || taken[end - 1]) continue;
      // the name must not be the tail of a longer word (公开发布 is no mention of 开发)
      const token = tokenCovering(index, i);
      if (token && token.start < i && !isPersonTag(token.pos) && token.pos !== "x") continue;
      into.push({ start: i, end, titles: [], titleOrgs: [], orgSpans: [], evidence: "mention" });
    }
  }
  for (const name of byName.keys()) isFirst[name.charCodeAt(0)] = 0;
  return [...byName.values()].flat();
}

/**
 * People named with a title (before or after the name, in credits and name lists) and every later mention of
 * them, possibly overlapping (resolve.ts picks among them).
 *
 * @example
 * findPersons("学院党委书记雷承锋主持", index, lexicon)
 * // → [{ start: 6, end: 9, titles: ["党委书记"], titleOrgs: ["学院"], … }]
 */
export function findPersons(text: string, index: TokenIndex, lexicon: EntityLexicon): PersonMatch[] {
  const found: PersonMatch[] = [];
  nameListLines(text, lexicon, found);
  credits(text, index, lexicon, found);
  creditsAfterNames(text, index, lexicon, found);
  photoCredits(text, index, lexicon, found);
  appointmentLines(text, index, lexicon, found);
  bracketedPosts(text, index, lexicon, found);
  titled(text, index, lexicon, found);
  spacedRolls(text, index, lexicon, found);
  titledAfter(text, index, lexicon, found);
  untaggedBeforeTitle(text, index, lexicon, found);
  const named = found.filter(outsideTitles(text));
  return [...named, ...mentions(text, index, named)];
}

/** Longest 《…》 title a name is looked for in, marks included. */
const MAX_WORK_TITLE = 200;

/**
 * A test of whether a match lies outside every 《…》 title: a headline or a speech quoted by its title
 * (传达学习了《…中共中央总书记习近平主持会议并发表重要讲话》) names no one by convention (fixtures README, persons).
 * One pass marks each character inside a title with that title's number (a page of thousands of marks stays linear).
 */
function outsideTitles(text: string): (match: PersonMatch) => boolean {
  const title = new Int32Array(text.length);
  let open = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "《") open = i;
    else if (text[i] === "》" && open >= 0) {
      if (i - open <= MAX_WORK_TITLE) title.fill(++count, open + 1, i);
      open = -1;
    }
  }
  return (match) => title[match.start] === 0 || title[match.start] !== title[match.end - 1];
}
