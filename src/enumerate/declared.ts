/**
 * Declared counts: the number a text announces for a list (以下六方面工作：（一）…, 重点抓好三件事：一是…) or
 * refers back to after it (落实…的“二十条主要工作重点”), linked to the list with whether the numbers agree.
 */
import type { Enumeration, Span } from "../core/schema.js";
import { lastBefore, type Layout } from "./layout.js";
import { parseChineseNumber } from "../core/numerals.js";
import { charTable } from "../core/chars.js";

export interface CountPhrase extends Span {
  /** The announced number; undefined for 几 / 若干 (以下几个方面). */
  count: number | undefined;
  /**
   * A quoted named set with a noun of its own (“二十条主要工作重点”): the only kind trusted as a back-reference.
   * Short quoted slogans (“三个代表”, “两个维护”) name doctrines, not lists in the text.
   */
  namedSet: boolean;
  /** Opens with 以下 / 如下 / 下列 / 下面. */
  pointer: boolean;
}

const POINTERS = ["以下", "如下", "下列", "下面"];
/** Measure words of announced counts, longer first (方面 before 方). */
const CLASSIFIERS = ["个方面", "方面", "个", "条", "项", "件", "点", "大", "种", "类", "句话", "部分", "招"];
const INDEFINITE = ["几", "若干"];
const COUNT_DIGITS = charTable("一二三四五六七八九十两");
const ARABIC_DIGITS = charTable("0123456789０１２３４５６７８９");
const PHRASE_ENDS = charTable("，,。；;：:！？!?、“”‘’\"（）()《》 \t\u3000\n\r");
const DI = "第".charCodeAt(0);
/** The noun after the classifier (工作重点, 关键问题) is read up to this many characters. */
const MAX_NOUN = 8;
/** A back-reference names its set with at least this many characters after the count (工作重点, not 代表). */
const MIN_NAMED_NOUN = 4;
/** An announcement ends at most this close to its list (以下六方面工作：⏎（一）, 三件事。一是). */
const MAX_INTRO_GAP = 3;
/** How far after a list a quoted back-reference may stand. */
const MAX_BACK_REFERENCE = 3000;
const MAX_COUNT_DIGITS = 3;
/** Count phrases looked at around one list (bounded, so that a text made of count phrases stays linear). */
const MAX_CANDIDATES = 16;

const CLASSIFIER_STARTS = charTable(CLASSIFIERS.map((c) => c[0]!));
const POINTER_STARTS = charTable(POINTERS.map((p) => p[0]!));
/** Characters a count phrase can start with (the scan skips all others at the cost of one lookup). */
const STARTERS = charTable([..."以如下几若一二三四五六七八九十两0123456789０１２３４５６７８９"]);

/** Reads a count phrase whose number starts at `i` (after an optional 以下); undefined when there is none. */
function countAt(text: string, phraseStart: number, i: number): CountPhrase | undefined {
  let count: number | undefined;
  let j = i;
  const indefinite = INDEFINITE.find((w) => text.startsWith(w, i));
  if (indefinite) {
    j = i + indefinite.length;
  } else {
    const digits = ARABIC_DIGITS[text.charCodeAt(i)] ? ARABIC_DIGITS : COUNT_DIGITS;
    while (j - i < MAX_COUNT_DIGITS && digits[text.charCodeAt(j)]) j++;
    if (j === i || digits[text.charCodeAt(j)] || !CLASSIFIER_STARTS[text.charCodeAt(j)]) return undefined;
    count = parseChineseNumber(text.slice(i, j));
    if (count === undefined || count < 2) return undefined;
  }
  const classifier = CLASSIFIERS.find((c) => text.startsWith(c, j));
  if (!classifier) return undefined;
  j += classifier.length;
  // 三个方面 / 三方面: 个 may be followed by 方面.
  if (classifier === "个" && text.startsWith("方面", j)) j += 2;
  const nounStart = j;
  while (j < text.length && j - nounStart < MAX_NOUN && !PHRASE_ENDS[text.charCodeAt(j)]) j++;
  // 十大 / 三件 need a noun (十大工程); 三个方面 stands alone.
  if (j === nounStart && (classifier === "大" || classifier === "件" || classifier === "个")) return undefined;
  const namedSet = text[phraseStart - 1] === "“" && j - nounStart >= MIN_NAMED_NOUN;
  return { start: phraseStart, end: j, text: text.slice(phraseStart, j), count, namedSet, pointer: i > phraseStart };
}

/**
 * Every count phrase in `text.slice(from, to)`, in order.
 *
 * @example
 * scanCounts("落实“二十条主要工作重点”和以下几点").map((p) => [p.text, p.count, p.namedSet]);
 * // → [["二十条主要工作重点", 20, true], ["以下几点", undefined, false]]
 */
export function scanCounts(text: string, from = 0, to = text.length): CountPhrase[] {
  const phrases: CountPhrase[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!STARTERS[code]) continue;
    // Not an ordinal (第三个), not the tail of a longer number or of a word (统一个).
    const prev = text.charCodeAt(i - 1);
    if (prev === DI || ARABIC_DIGITS[prev] || COUNT_DIGITS[prev]) continue;
    const pointer = POINTER_STARTS[code] ? POINTERS.find((p) => text.startsWith(p, i)) : undefined;
    const phrase = countAt(text, i, pointer ? i + pointer.length : i);
    if (phrase && phrase.end <= to) {
      phrases.push(phrase);
      i = phrase.end - 1;
    }
  }
  return phrases;
}

/** The phrase closes the sentence that leads into the list (…三件事：一是 / 以下几方面工作。⏎（一）). */
function introduces(phrase: CountPhrase, listStart: number, layout: Layout): boolean {
  let gap = 0;
  for (let i = phrase.end; i < listStart; i++) if (!/\s/u.test(layout.text[i]!) && ++gap > MAX_INTRO_GAP) return false;
  return true;
}

/**
 * Whether a count phrase leads straight into the marker at `pos` (讲三点意见。一、… / 四项措施：一是…): the text
 * announces the list there, as a speech announces its parts before it starts the first.
 *
 * @example
 * const text = "下面，我讲三点意见。一、提高认识";
 * announcedAt(scanCounts(text), layoutOf(text, splitSentences(text)))(text.indexOf("一、")); // → true
 */
export function announcedAt(phrases: readonly CountPhrase[], layout: Layout): (pos: number) => boolean {
  const starts = phrases.map((p) => p.start);
  return (pos) => {
    const phrase = phrases[lastBefore(starts, pos)];
    return phrase !== undefined && phrase.count !== undefined && phrase.end <= pos && introduces(phrase, pos, layout);
  };
}

/**
 * Links count phrases to lists, in place: before a list, a phrase that leads into it (`重点抓好三件事：一是…`) or
 * one in the paragraph before whose number agrees; after a list, a quoted named set with the same number (the
 * seed's `“二十条主要工作重点”`). A phrase inside an earlier item (of any list) belongs to that item.
 *
 * @example
 * const lists = enumerations("重点抓好三件事：一是甲乙；二是丙丁；三是戊己。"); // calls linkDeclared
 * lists[0].declared; // → { count: 3, matches: true, span: { start: 4, end: 7, text: "三件事" } }
 */
export function linkDeclared(lists: Enumeration[], phrases: readonly CountPhrase[], layout: Layout): void {
  if (phrases.length === 0) return;
  const claimed = new Set<CountPhrase>();
  const phraseStarts = phrases.map((p) => p.start);
  const all = flatten(lists);
  const starts = all.flatMap((list) => list.items.map((item) => item.start)).sort((a, b) => a - b);
  for (const list of all) {
    const n = list.items.length;
    const from = Math.max(starts[lastBefore(starts, list.start)] ?? 0, layout.paragraphStart(list.start, 1));
    // The nearest phrase that agrees or introduces the list; a few candidates at most are looked at.
    let best: CountPhrase | undefined;
    for (let k = lastBefore(phraseStarts, list.start), seen = 0; k >= 0 && seen < MAX_CANDIDATES; k--, seen++) {
      const phrase = phrases[k]!;
      if (phrase.start < from) break;
      if (phrase.end > list.start || claimed.has(phrase)) continue;
      // A number that disagrees with the list is trusted only from a plain announcement (以下三个方面 / 三件事：).
      const agrees = phrase.count === n;
      const intro = introduces(phrase, list.start, layout);
      const plain = phrase.pointer || layout.text[phrase.end] === "：" || layout.text[phrase.end] === ":";
      // A parallel series has no numbers of its own: only a count right before it, in its paragraph, names it.
      const sameParagraph = layout.paragraph(phrase.start) === layout.paragraph(list.start);
      const linked = list.style === "parallel" ? agrees && intro && sameParagraph : (agrees && (intro || n >= 3)) || (intro && plain);
      if (linked) {
        best = phrase;
        break;
      }
    }
    if (best) {
      claimed.add(best);
      list.declared = declaredOf(best, n);
    }
  }
  for (const list of all) {
    if (list.declared || list.style === "parallel") continue;
    const n = list.items.length;
    for (let k = lastBefore(phraseStarts, list.end) + 1, seen = 0; k < phrases.length && seen < MAX_CANDIDATES * 4; k++, seen++) {
      const phrase = phrases[k]!;
      if (phrase.start - list.end > MAX_BACK_REFERENCE) break;
      if (!phrase.namedSet || phrase.count !== n || claimed.has(phrase)) continue;
      claimed.add(phrase);
      list.declared = declaredOf(phrase, n);
      break;
    }
  }
}

function declaredOf(phrase: CountPhrase, items: number): NonNullable<Enumeration["declared"]> {
  const span = { start: phrase.start, end: phrase.end, text: phrase.text };
  return phrase.count === undefined ? { span } : { count: phrase.count, span, matches: phrase.count === items };
}

function flatten(lists: Enumeration[], into: Enumeration[] = []): Enumeration[] {
  for (const list of lists) {
    into.push(list);
    for (const item of list.items) flatten(item.children ?? [], into);
  }
  return into;
}
