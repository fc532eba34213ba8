/**
 * Injected spam (gambling, porn, loan and fraud advertising planted on hacked sites), scored by context: a text
 * unit is flagged only when it names something spam sells AND sells it (an invitation, a sign-up bonus, a
 * brand-like token such as `122cc`, a web address, an exclamation) AND it does not read as a news report about
 * such things. One keyword is never enough, so 红太阳集团, 彩票公益金 and 网络游戏 news stay unflagged.
 */
import { parseText } from "../core/options.js";
import { dictParseError, readDictLines } from "../dict.js";
import type { SpamFinding, Span } from "../core/schema.js";
import { countBelow } from "../core/spans.js";
import { splitSentences } from "./sentences.js";
import { buildTermIndex, findTerms, type TermIndex, type TermMatch } from "./terms.js";

/** What the spam sells. */
export const SPAM_CATEGORIES = ["gambling", "porn", "loan", "fraud"] as const;
/** One of {@link SPAM_CATEGORIES}. */
export type SpamCategory = (typeof SPAM_CATEGORIES)[number];
/** promo: selling signals; report: news-report words (negative); mask: ordinary words that hide false matches. */
type TermClass = SpamCategory | "promo" | "report" | "mask";
const TERM_CLASSES = new Set<string>([...SPAM_CATEGORIES, "promo", "report", "mask"]);

interface SpamTerm {
  term: string;
  cls: TermClass;
  weight: number;
}

const SPAM_TERMS_FILE = "spam-terms.txt";

/** A unit needs this much from its best category, this much selling, and this much in all. */
const MIN_CATEGORY_SCORE = 2;
const MIN_PROMO_SCORE = 2;
/** The least score that flags a unit: its best category's terms plus the selling signals, minus news-report words. */
export const SPAM_THRESHOLD = 6;
/** Lines longer than this are judged sentence by sentence (a banner is short; a paragraph mixes topics). */
const MAX_UNIT_LENGTH = 200;

/** Weights of the signals that are shapes rather than words. */
const BRAND_TOKEN_WEIGHT = 2;
const WEB_ADDRESS_WEIGHT = 2;
const CONTACT_WEIGHT = 2;
const EXCLAMATION_WEIGHT = 1;
/**
 * A contact hook, the way spam asks to be reached whatever its brand: a QQ number (`QQ:123456789`, `扣扣 88886666`), a
 * WeChat id (`微信号:dai8888`, `vx：abc_123`, `薇信`), a mobile number (`13812345678`). A notice writes phone numbers
 * too, so a hook only adds to the selling signals: it flags nothing without what spam sells.
 */
const CONTACT_HOOK = /(?:qq|扣扣)[号:：\s]*\d{5,11}(?!\d)|(?:微信|薇信|威信|vx|v信)号?[:：\s]*[a-z][\w-]{4,19}|(?<!\d)1[3-9]\d{9}(?!\d)/giu;
const TOP_LEVEL_DOMAINS = new Set(["com", "cc", "net", "vip", "top", "xyz", "me", "co", "tv", "app", "org", "cn", "info", "bet", "io", "la"]);

let spamIndex: TermIndex<SpamTerm> | undefined;

/** The spam vocabulary from `dict/spam-terms.txt`, validated (errors name the line) and indexed once. */
function spamTerms(): TermIndex<SpamTerm> {
  if (!spamIndex) {
    const terms = readDictLines(SPAM_TERMS_FILE).map((entry) => {
      const [term, cls, weight, ...rest] = entry.fields;
      if (!term || !cls || weight === undefined || rest.length > 0) {
        throw dictParseError(SPAM_TERMS_FILE, entry, "expected `term class weight`");
      }
      if (!TERM_CLASSES.has(cls)) throw dictParseError(SPAM_TERMS_FILE, entry, `unknown class "${cls}"`);
      if (!/^-?\d+(\.\d+)?$/.test(weight)) throw dictParseError(SPAM_TERMS_FILE, entry, "weight is not a number");
      return { term, cls: cls as TermClass, weight: Number(weight) };
    });
    spamIndex = buildTermIndex(terms);
  }
  return spamIndex;
}

const isLatin = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isAsciiAlnum = (code: number) => isLatin(code) || (code >= 0x30 && code <= 0x39);

/**
 * Brand-like tokens and web addresses in `text.slice(from, to)`: `122cc`, `365bet`, `vns8888` (lower-case letters
 * and digits run together, unlike 5G, C919 or PM2.5 in news), and `www.…`, `….com`. One linear pass over
 * maximal ASCII runs; then the contact hooks ({@link CONTACT_HOOK}).
 */
function shapeSignals(text: string, from: number, to: number): { span: Span; weight: number }[] {
  const out: { span: Span; weight: number }[] = [];
  const span = (start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });
  let p = from;
  while (p < to) {
    if (!isAsciiAlnum(text.charCodeAt(p))) {
      p++;
      continue;
    }
    let q = p;
    while (q < to && isAsciiAlnum(text.charCodeAt(q))) q++;
    const word = text.slice(p, q);
    const lower = word.toLowerCase();
    if (/^\d+[a-z]{2,}$/.test(word) || /^[a-z]+\d{3,}$/.test(word)) {
      out.push({ span: span(p, q), weight: BRAND_TOKEN_WEIGHT });
    } else if (lower === "www" || lower === "http" || lower === "https") {
      out.push({ span: span(p, q), weight: WEB_ADDRESS_WEIGHT });
    } else if (text[q] === "." && q + 1 < to) {
      let r = q + 1;
      while (r < to && isLatin(text.charCodeAt(r))) r++;
      if (TOP_LEVEL_DOMAINS.has(text.slice(q + 1, r).toLowerCase()) && !isAsciiAlnum(text.charCodeAt(r))) {
        out.push({ span: span(p, r), weight: WEB_ADDRESS_WEIGHT });
        q = r;
      }
    }
    p = q;
  }
  for (const m of text.slice(from, to).matchAll(CONTACT_HOOK)) out.push({ span: span(from + m.index, from + m.index + m[0].length), weight: CONTACT_WEIGHT });
  const last = text[to - 1];
  if (last === "!" || last === "！") out.push({ span: span(to - 1, to), weight: EXCLAMATION_WEIGHT });
  return out;
}

/**
 * A hijacked page's title: the hijacker rewrites the title a page opens with (its `<title>`, the first line a scraper
 * keeps) into its own keywords for search engines and leaves the official body (`亚洲真人无码永久在线观看-亚洲欧美精品…`,
 * `…的通知|成人毛片无码一区二区三区`). A title sells by its words alone, so the first line is judged without the selling
 * signals a banner needs: what it names from one category makes {@link TITLE_CATEGORY_SCORE} with the selling words
 * beside it, and no news-report word is there. Only the keyword segments (split at `| _ - ,`) that name something are
 * the finding: the official headline a hijacker kept before them is the page's.
 */
const TITLE_CATEGORY_SCORE = 3;
const TITLE_SEGMENT = /[^|_,，\-]+/g;

/** The spam in a page's first line when it is a hijacked title, else undefined. */
function judgeTitle(text: string, line: Span, matches: TermMatch<SpamTerm>[]): SpamFinding | undefined {
  if (/[。！？!?]/u.test(line.text)) return undefined;
  const named = matches.filter((m) => m.entry.cls === "gambling" || m.entry.cls === "porn");
  if (named.length === 0 || matches.some((m) => m.entry.cls === "report")) return undefined;
  let start = line.end;
  let end = line.start;
  for (const segment of line.text.matchAll(TITLE_SEGMENT)) {
    const from = line.start + segment.index;
    const to = from + segment[0].length;
    if (!named.some((m) => m.start >= from && m.end <= to)) continue;
    start = Math.min(start, from);
    end = Math.max(end, to);
  }
  const inside = matches.filter((m) => m.start >= start && m.end <= end);
  const { byCategory, promo } = tally(text, inside);
  const [category, { score: best }] = [...byCategory].filter(([cls]) => cls === "gambling" || cls === "porn").sort((a, b) => b[1].score - a[1].score)[0]!;
  if (best < MIN_CATEGORY_SCORE || best + promo < TITLE_CATEGORY_SCORE) return undefined;
  const trimmed = text.slice(start, end);
  start += trimmed.length - trimmed.trimStart().length;
  end -= trimmed.length - trimmed.trimEnd().length;
  const evidence = inside.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) }));
  return { start, end, text: text.slice(start, end), category, evidence, score: best + promo };
}

/** The weights of term matches by class, each distinct word counted once, with the words as evidence. */
function tally(text: string, matches: TermMatch<SpamTerm>[]) {
  const byCategory = new Map<SpamCategory, { score: number; evidence: Span[] }>();
  const promoEvidence: Span[] = [];
  let promo = 0;
  let report = 0;
  const counted = new Set<string>();
  for (const { start, end, entry } of matches) {
    if (counted.has(entry.term)) continue; // a repeated word is one piece of evidence
    counted.add(entry.term);
    const span = { start, end, text: text.slice(start, end) };
    if (entry.cls === "promo") {
      promo += entry.weight;
      promoEvidence.push(span);
    } else if (entry.cls === "report") {
      report += entry.weight;
    } else if (entry.cls !== "mask") {
      const category = byCategory.get(entry.cls) ?? { score: 0, evidence: [] };
      category.score += entry.weight;
      category.evidence.push(span);
      byCategory.set(entry.cls, category);
    }
  }
  return { byCategory, promo, promoEvidence, report };
}

/** Scores one unit from the term matches inside it; a finding when it passes every threshold. */
function judgeUnit(text: string, unit: Span, matches: TermMatch<SpamTerm>[]): SpamFinding | undefined {
  const { byCategory, promoEvidence, report, promo: wordPromo } = tally(text, matches);
  if (byCategory.size === 0) return undefined;
  let promo = wordPromo;
  for (const signal of shapeSignals(text, unit.start, unit.end)) {
    promo += signal.weight;
    promoEvidence.push(signal.span);
  }
  const [category, best] = [...byCategory].sort((a, b) => b[1].score - a[1].score)[0]!;
  const score = best.score + promo + report;
  if (best.score < MIN_CATEGORY_SCORE || promo < MIN_PROMO_SCORE || score < SPAM_THRESHOLD) return undefined;
  const evidence = [...best.evidence, ...promoEvidence].sort((a, b) => a.start - b.start);
  return { ...unit, category, evidence, score };
}

/** A line of the text with the sentences inside it. */
interface LineUnit {
  line: Span;
  sentences: Span[];
}

function lineUnits(text: string, sentences: readonly Span[]): LineUnit[] {
  const units: LineUnit[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== "\n") continue;
    const inLine: Span[] = [];
    while (s < sentences.length && sentences[s]!.end <= i) inLine.push(sentences[s++]!);
    if (inLine.length > 0) {
      const start = inLine[0]!.start;
      const end = inLine.at(-1)!.end;
      units.push({ line: { start, end, text: text.slice(start, end) }, sentences: inLine });
    }
  }
  return units;
}

/** The term matches inside `unit` (matches are sorted and never cross a line). */
function matchesIn(matches: TermMatch<SpamTerm>[], unit: Span): TermMatch<SpamTerm>[] {
  const lo = countBelow(matches, unit.start, (m) => m.start);
  let k = lo;
  while (k < matches.length && matches[k]!.end <= unit.end) k++;
  return matches.slice(lo, k);
}

/**
 * Injected spam in `text`: one finding per flagged line (or sentence of a long line), with its category, the
 * evidence that made the case and a score (the threshold is {@link SPAM_THRESHOLD}).
 *
 * @example
 * findSpam("欢迎访问122cc太阳集成游戏!\n学院召开党委会议")[0];
 * // → { text: "欢迎访问122cc太阳集成游戏!", category: "gambling", score: 9, evidence: [欢迎访问, 122cc, 太阳集成, 游戏, !], … }
 * findSpam("红太阳集团捐资助学"); // → []
 */
export function findSpam(text: string): SpamFinding[] {
  return spamIn(parseText(text), splitSentences(text));
}

/** {@link findSpam} for callers inside gongwen that have the text's sentences (splitSentences) already. */
export function spamIn(text: string, textSentences: readonly Span[]): SpamFinding[] {
  const matches = findTerms(spamTerms(), text);
  const findings: SpamFinding[] = [];
  const units = lineUnits(text, textSentences);
  for (const [k, { line, sentences }] of units.entries()) {
    const judgeSentences = () =>
      sentences.flatMap((sentence) => judgeUnit(text, sentence, matchesIn(matches, sentence)) ?? []);
    if (line.text.length > MAX_UNIT_LENGTH) {
      for (const finding of judgeSentences()) findings.push(finding); // no spread: one finding per sentence
      continue;
    }
    const whole = judgeUnit(text, line, matchesIn(matches, line));
    if (!whole) {
      const title = k === 0 ? judgeTitle(text, line, matchesIn(matches, line)) : undefined;
      if (title) findings.push(title);
      continue;
    }
    // Narrow a flagged line to its spam sentences when they make the case alone (a banner pasted after news).
    const narrowed = sentences.length > 1 ? judgeSentences() : [];
    findings.push(...(narrowed.length > 0 ? narrowed : [whole]));
  }
  return findings;
}
