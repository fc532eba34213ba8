/**
 * Declared quantities of policy items: a number, a classifier and the noun counted (二十条主要工作重点,
 * 26项制度保障, 六个关键问题). The value is the parsed number; `attrs.noun` the counted noun.
 */
import type { Token } from "../core/schema.js";
import { parseChineseNumber } from "../core/numerals.js";
import { charTable } from "../core/chars.js";
import type { TokenIndex } from "./tokens.js";

export interface CountMatch {
  start: number;
  end: number;
  value: number;
  classifier: string;
  noun: string;
}

/** Classifiers that count policy items (not money, people, years or times). */
const CLASSIFIERS = ["方面", "条", "项", "个", "大", "件", "点", "类", "种", "批", "支", "套", "张", "部"];
/** Last characters of the classifiers: a number word ending otherwise holds none (most do: 2023年, 一是, 30%). */
const classifierEndings = charTable(CLASSIFIERS.map((c) => c[c.length - 1]!));
const NOUN_TAGS = new Set(["n", "vn", "l", "nz", "j", "an", "b"]);
/** Longest counted noun, in tokens and characters. */
const MAX_NOUN_TOKENS = 3;
const MAX_NOUN_LENGTH = 10;

/** The number and classifier in one token (六项, 二十条) or two (26 + 项). */
function numberAndClassifier(tokens: readonly Token[], i: number): { value: number; classifier: string; next: number } | undefined {
  const token = tokens[i]!;
  if (token.text.startsWith("第")) return undefined;
  const glued = classifierEndings[token.text.charCodeAt(token.text.length - 1)] === 1;
  for (const classifier of glued ? CLASSIFIERS : []) {
    if (token.text.endsWith(classifier) && token.text.length > classifier.length) {
      const value = parseChineseNumber(token.text.slice(0, -classifier.length));
      if (value !== undefined) return { value, classifier, next: i + 1 };
    }
  }
  const following = tokens[i + 1];
  if ((token.kind === "number" || token.pos === "m") && following && CLASSIFIERS.includes(following.text)) {
    const value = parseChineseNumber(token.text);
    if (value !== undefined) return { value, classifier: following.text, next: i + 2 };
  }
  return undefined;
}

/**
 * Every declared count of two or more items.
 *
 * @example
 * findCounts(index) // "系部层面六项基本任务" → [{ value: 6, classifier: "项", noun: "基本任务", … }]
 */
export function findCounts(index: TokenIndex): CountMatch[] {
  const { tokens } = index;
  const found: CountMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== "number" && token.pos !== "m") continue;
    const head = numberAndClassifier(tokens, i);
    if (!head || !Number.isInteger(head.value) || head.value < 2) continue;
    let k = head.next;
    while (
      k < tokens.length && k - head.next < MAX_NOUN_TOKENS && NOUN_TAGS.has(tokens[k]!.pos) &&
      tokens[k]!.end - tokens[head.next]!.start <= MAX_NOUN_LENGTH
    ) k++;
    if (k === head.next) continue;
    const noun = tokens.slice(head.next, k).map((t) => t.text).join("");
    found.push({ start: token.start, end: tokens[k - 1]!.end, value: head.value, classifier: head.classifier, noun });
    i = k - 1;
  }
  return found;
}

