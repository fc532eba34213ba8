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
import { type EntityLexicon, longestEndingAt, longestStartingAt, mayEndWord, type TitleKind } from "./lexicon.js";
import { orgEndingAt, type OrgMatch } from "./org.js";
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

/** Function characters that start the next word rather than end a name (王鹏到会, 李强作总结讲话); longer words
 * (出席, 强调) are recognised from jieba's tokens. */
export const NOT_GIVEN_NAME: ReadonlySet<string> = new Set([..."的了在对和与等为是说到同及率兼讲要也都就被把将向从于由会已并又还再以之着过来作"]);
/** Single-character words that are function words before they are surnames (和, 于, 向…). */
const FUNCTION_TAGS = new Set(["c", "u", "uj", "ul", "uz", "ud", "uv", "d", "r", "p"]);
const NAME_SEPARATORS = new Set(["、"]);
const CHAIN_SEPARATORS = new Set(["、", "兼"]);
const FOREIGN_NAME_MARKS = new Set(["·", "•", "・"]);
/** `:`, `：`, `／`, `/`: compared as character codes at every character of the text (a Set lookup costs 10× more). */
const isCreditColon = (code: number) => code === 0x3a || code === 0xff1a || code === 0xff0f || code === 0x2f;
const MAX_CHAIN = 8;
/** Titles that start with the body they belong to (党委书记 is the secretary of a 党委). */
const PARTY_BODIES = ["党委", "党组"];

function surnameLength(text: string, lexicon: EntityLexicon, start: number): number {
  const match = longestStartingAt(lexicon.surnames, text, start);
  return match ? match.end - start : 0;
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
  if (strict && first && first.end - first.start === 1 && surname === 1 && FUNCTION_TAGS.has(first.pos)) return -1;
  // jieba's own name word with two given characters is the name (龚育之/nr), and so is a foreign name
  // (谢列兹尼奥夫/nrt); a shorter word may leave out the last character (高云/nr 江), a longer Chinese one holds
  // the next word's first (高云江说/nr)
  const given = first && isPersonTag(first.pos) ? first.end - start - surname : 0;
  if ((given === 2 || (given > 2 && first!.pos === "nrt")) && isAllHan(text, start, first!.end)) return first!.end;
  const second = start + surname + 1;
  if (second >= text.length || !isHan(text, second) || NOT_GIVEN_NAME.has(text[second]!)) return second;
  const next = tokenStartingAt(index, second);
  if (next && next.end - next.start >= 2 && !isPersonTag(next.pos) && next.pos !== "x") return second;
  return transliterationEnd(text, index, start, second + 1);
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

/** Parses the title chain ending at `end` (right before a name), right to left. */
function chainBefore(text: string, index: TokenIndex, lexicon: EntityLexicon, end: number): Omit<PersonMatch, "start" | "end" | "evidence"> {
  const titles: string[] = [];
  const titleOrgs: (string | null)[] = [];
  const orgSpans: OrgMatch[] = [];
  let q = end;
  while (titles.length < MAX_CHAIN) {
    const title = longestEndingAt(lexicon.titles, text, q);
    if (!title || title.value === "credit" || title.value === "address") break;
    const org = title.value === "office" ? orgEndingAt(text, index, lexicon, title.start) : undefined;
    // a place can be the body too (左权县辽阳镇镇长); it names the office but is no organisation entity
    const place = title.value === "office" && !org ? placeEndingAt(text, lexicon, title.start) : undefined;
    titles.unshift(title.word);
    titleOrgs.unshift(org ? text.slice(org.start, org.end) : place ? text.slice(place.start, place.end) : null);
    // 学院党委书记: the title names the body too, so the organisation is 学院党委
    if (org) orgSpans.unshift(PARTY_BODIES.some((b) => title.word.startsWith(b)) ? { start: org.start, end: title.start + 2 } : org);
    q = org ? org.start : place ? place.start : title.start;
    if (q > 0 && CHAIN_SEPARATORS.has(text[q - 1]!) && longestEndingAt(lexicon.titles, text, q - 1)) q--;
    else break;
  }
  return { titles, titleOrgs, orgSpans };
}

/** A person's chain from the text after a name in a name list (`国务院副总理`, `教授、华中师范大学原党委书记`). */
function chainAfter(text: string, lexicon: EntityLexicon, start: number, end: number) {
  const titles: string[] = [];
  const titleOrgs: (string | null)[] = [];
  const orgSpans: OrgMatch[] = [];
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !CHAIN_SEPARATORS.has(text[i]!)) continue;
    const title = longestEndingAt(lexicon.titles, text, i, partStart);
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
      if (lexicon.titles.words.has(head)) {
        role = head;
        i = lineStart + colon + 1;
      }
    }
    const surname = surnameLength(text, lexicon, i);
    let j = i + surname;
    if (surname > 0 && isSpaceChar(text[j]) && isHan(text, j + 1)) j++; // 韩　正
    let given = 0;
    while (given < 2 && isHan(text, j)) {
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

/** `编辑:石丹 审核:于文金`. */
function credits(text: string, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let i = 1; i < text.length; i++) {
    if (!isCreditColon(text.charCodeAt(i))) continue;
    const title = longestEndingAt(lexicon.titles, text, i);
    if (!title || title.value !== "credit" || (title.start > 0 && isHan(text, title.start - 1))) continue;
    let start = i + 1;
    while (isSpaceChar(text[start])) start++;
    let end = start;
    while (end < text.length && end - start < 4 && isHan(text, end)) end++;
    if (end - start >= 2 && !isHan(text, end)) {
      into.push({ start, end, titles: [title.word], titleOrgs: [null], orgSpans: [], evidence: "title" });
    }
  }
}

/** Names right after a title chain, and the names listed after them with 、. */
function titled(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (let p = 1; p < text.length; p++) {
    // most characters end no title: one bit set read rejects them before anything else
    if (!mayEndWord(lexicon.titles, text.charCodeAt(p - 1)) || !isHan(text, p) || !isHan(text, p - 1)) continue;
    const title = longestEndingAt(lexicon.titles, text, p);
    if (!title || title.value === "credit" || title.value === "address") continue;
    // a title inside a longer word is none (成员国的, 成员国代表)
    if ((tokenCovering(index, p - 1)?.end ?? p) > p) continue;
    let end = nameEnd(text, index, lexicon, p, true);
    // a foreign name (罗伯特·马尔登) is the tagger's to read
    if (end < 0 || FOREIGN_NAME_MARKS.has(text[end] ?? "")) continue;
    const chain = chainBefore(text, index, lexicon, p);
    into.push({ start: p, end, ...chain, evidence: "title" });
    while (NAME_SEPARATORS.has(text[end]!)) {
      const nextEnd = nameEnd(text, index, lexicon, end + 1, false);
      if (nextEnd < 0 || longestStartingAt(lexicon.titles, text, end + 1)) break;
      into.push({ start: end + 1, end: nextEnd, ...chain, orgSpans: [], evidence: "title" });
      end = nextEnd;
    }
    p = end;
  }
}

/** Names jieba tags as names with an office title right after them (习近平总书记, 李强总理). */
function titledAfter(text: string, index: TokenIndex, lexicon: EntityLexicon, into: PersonMatch[]): void {
  for (const token of index.tokens) {
    if (!isPersonTag(token.pos) || lexicon.notNames.has(token.text) || !isAllHan(text, token.start, token.end)) continue;
    const surname = surnameLength(text, lexicon, token.start);
    const given = token.text.length - surname;
    const title = surname > 0 && given >= 1 && given <= 2 ? titleAfter(text, lexicon, token.end) : undefined;
    if (title) into.push({ start: surnameBefore(text, index, lexicon, token), end: token.end, titles: [title], titleOrgs: [null], orgSpans: [], evidence: "title" });
  }
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
 * A title right after a name (习近平总书记), for a person with none before it.
 *
 * @example
 * titleAfter("习近平总书记指出", lexicon, 3) // → "总书记"
 */
export function titleAfter(text: string, lexicon: EntityLexicon, end: number): string | undefined {
  const title = longestStartingAt(lexicon.titles, text, end);
  return title && title.value === ("office" satisfies TitleKind) ? title.word : undefined;
}

/** The normalised name (without the padding spaces of name lists). */
export function personName(text: string, person: { start: number; end: number }): string {
  return text.slice(person.start, person.end).replace(/[\s\u3000]/gu, "");
}

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
    for (let end = seed.end; NAME_SEPARATORS.has(text[end] ?? "") && !walkedForward.has(end) && !longestStartingAt(lexicon.titles, text, end + 1); ) {
      walkedForward.add(end);
      const next = nameEnd(text, index, lexicon, end + 1, false);
      if (next < 0) break;
      out.push(item(end + 1, next));
      end = next;
    }
    for (let start = seed.start; start > 0 && NAME_SEPARATORS.has(text[start - 1]!) && !walkedBackward.has(start); ) {
      walkedBackward.add(start);
      let j = start - 1;
      while (j > 0 && start - 1 - j < MAX_LISTED_NAME && isHan(text, j - 1)) j--;
      const length = start - 1 - j;
      if (length < 2 || (j > 0 && isHan(text, j - 1)) || surnameLength(text, lexicon, j) === 0) break;
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
  credits(text, lexicon, found);
  titled(text, index, lexicon, found);
  titledAfter(text, index, lexicon, found);
  return [...found, ...mentions(text, index, found)];
}
