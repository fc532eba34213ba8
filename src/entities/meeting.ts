/**
 * Meetings: a word ending in a meeting noun (会议, 全会, 大会, 两会…) extended left over the body that meets, its
 * session numbers and year (2023年第11次党委(扩大)会议, 十四届全国人大二次会议, 党的二十届三中全会), plus the
 * fixed form 党的二十大. A bare 会议 (会议指出) is no meeting: the name needs a body, a number or a known form.
 */
import type { Token } from "../core/schema.js";
import { wordList } from "../dict.js";
import { charTable } from "../core/chars.js";
import { isAllHan, type TokenIndex } from "./tokens.js";

export interface MeetingMatch {
  start: number;
  end: number;
}

const meetingNouns = wordList("meeting-nouns.txt");
/** Verbs glued to a meeting noun by the segmenter (列席会议, 出席会议): the word is an act, not a name. */
const gluedActs = wordList("meeting-glued-acts.txt");
const BODY_TAGS = new Set(["n", "nt", "ns", "nz", "j", "l", "vn"]);
/** Session words after a number (二次会议, 十四届, 三中全会). */
const SESSION_WORDS = new Set(["次", "届", "中"]);
const BRACKETS = new Set(["(", ")", "（", "）"]);
/** Longest meeting name, in characters. */
const MAX_MEETING = 32;
/** 党的二十大, 党的十九大: the congress by its number. */
const PARTY_CONGRESS = /党的[一二三四五六七八九十]{1,3}大/gu;

/** Last characters of the meeting nouns: most words are rejected on theirs. */
let nounEndings: Uint8Array | undefined;
const endsLikeMeetingNoun = (word: string) =>
  (nounEndings ??= charTable(meetingNouns().map((noun) => noun[noun.length - 1]!)))[word.charCodeAt(word.length - 1)] === 1;

const isSession = (t: Token) => t.kind === "number" || t.pos === "m" || SESSION_WORDS.has(t.text) || /^[0-9]{4}年$/u.test(t.text);

/**
 * Every meeting name, non-overlapping.
 *
 * @example
 * findMeetings(text, index) // "召开2023年第11次党委(扩大)会议" → [{ start: 2, end: 19 }]
 */
export function findMeetings(text: string, index: TokenIndex): MeetingMatch[] {
  const { tokens } = index;
  const found: MeetingMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i]!;
    if (head.kind !== "word" || !endsLikeMeetingNoun(head.text)) continue;
    if (!meetingNouns().some((noun) => head.text.endsWith(noun))) continue;
    if (gluedActs().some((act) => head.text.startsWith(act))) continue;
    let k = i;
    let specific = !meetingNouns().includes(head.text);
    let open = false;
    while (k > 0) {
      const t = tokens[k - 1]!;
      if (head.end - t.start > MAX_MEETING) break;
      if (BRACKETS.has(t.text)) open = !open;
      else if (open && isAllHan(t.text, 0, t.text.length)) { /* 扩大 inside (扩大) */ }
      else if (isSession(t)) specific = true;
      // one plain noun (全体会议) is not yet a name; two words or a tagged body (党委, 全国人大) are
      else if (t.kind === "word" && BODY_TAGS.has(t.pos) && isAllHan(t.text, 0, t.text.length)) specific ||= t.pos !== "n" || k < i;
      else break;
      k--;
    }
    while (k < i && BRACKETS.has(tokens[k]!.text)) k++;
    let start = tokens[k]!.start;
    if (start >= 2 && text.startsWith("党的", start - 2)) start -= 2;
    if (specific) found.push({ start, end: head.end });
  }
  for (const match of text.includes("党的") ? text.matchAll(PARTY_CONGRESS) : []) {
    const start = match.index;
    if (!found.some((m) => m.start <= start && m.end > start)) found.push({ start, end: start + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
