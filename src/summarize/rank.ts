/**
 * Extractive summaries: sentences ranked by centrality (LexRank: PageRank over the cosine-similarity graph of
 * TF-IDF sentence vectors), position and overlap with the title; chosen greedily with MMR (maximal marginal
 * relevance: a sentence much like one already chosen loses its claim); returned in document order, within the
 * character and sentence budget. When the best sentence is longer than the whole budget (a headline budget, as in
 * LCSTS), the summary is a headline: the run of clauses, from a clause start and within one sentence, that names
 * most of what the text keeps repeating (see `headline`).
 */
import { spansWithin } from "../core/spans.js";
import { contentTokens, type ContentTokens } from "../core/terms.js";
import { argMax, pageRankOfRows, scaleToMax, scoresOf, type EdgeRows, type Scores } from "../core/pagerank.js";
import type { Resources } from "../core/resources.js";
import type { Doc, Span, Summary, Token } from "../core/schema.js";
import { Scratch } from "../core/scratch.js";
import { isBlank, MAX_HEADLINE } from "../core/text.js";
import { isBoilerplate } from "./boilerplate.js";
import { cosine, cosinesWithSum, forEachSimilarPair, TermSpace, tokenRuns, type TermVector } from "./vectors.js";

/** How the features combine; the bench compares variants (plain TextRank is `{ centrality: 1 }`, the rest 0). */
export interface RankWeights {
  centrality: number;
  position: number;
  title: number;
  /** Bonus of a meeting's decision (会议审议通过/决定/原则同意…): what a reader of meeting news wants first. */
  decision: number;
  /** Bonus of a meeting's point (会议指出/强调/要求/认为…). */
  point: number;
  /** MMR trade-off: 0 ignores redundancy, 1 only avoids it. */
  redundancy: number;
}

/** decision and point tuned on the dev part of the real-world meeting releases and the 13 CCTV releases. */
export const DEFAULT_WEIGHTS: RankWeights = {
  centrality: 1,
  position: 1,
  title: 0.5,
  decision: 0.75,
  point: 0.125,
  redundancy: 0.3,
};

export interface Budget {
  maxChars: number;
  maxSentences: number;
}

/** A span that may enter the summary: a sentence (or, for a headline budget, its head). */
interface Unit {
  span: Span;
  /** Index of the sentence in `doc.sentences`. */
  sentence: number;
  vector: TermVector;
}

/** Graphs larger than this are first cut to the units closest to the document centroid (keeps LexRank linear). */
const MAX_GRAPH = 300;
/** A unit needs this many Han characters to say something (headings like 主题教育专栏 do not). */
const MIN_HAN = 6;
/** A line that is one sentence this short is page furniture (a banner, a column name), not prose. */
const MIN_LINE_SENTENCE = 20;
const FINAL_PUNCTUATION = /[。！？!?；;…”’」』）)]$/u;
const HAN = /\p{Script=Han}/gu;

/** Does `text` hold at least `count` Han characters? (One regex scan from match to match; stops as soon as it does.) */
function hasHan(text: string, count: number): boolean {
  HAN.lastIndex = 0;
  let found = 0;
  while (HAN.test(text)) if (++found >= count) return true;
  return false;
}

/** Is `span` a whole line of `text` (sentences are trimmed, so blanks may sit between it and the line breaks)? */
function isWholeLine(text: string, span: Span): boolean {
  let before = span.start - 1;
  while (before >= 0 && text[before] !== "\n" && isBlank(text[before]!)) before--;
  let after = span.end;
  while (after < text.length && text[after] !== "\n" && isBlank(text[after]!)) after++;
  return (before < 0 || text[before] === "\n") && (after >= text.length || text[after] === "\n");
}

/** A whole line without final punctuation: a headline, a column name, a breadcrumb, a credits line. */
const isHeading = (text: string, span: Span) => !FINAL_PUNCTUATION.test(span.text) && isWholeLine(text, span);

/** A document number (国发〔2019〕4号, 院办发〔2022〕5号) heads a line of the letterhead, not prose. */
const DOCUMENT_NUMBER = /^[\p{Script=Han}]{1,10}[〔［\[（(][0-9]{4}[〕］\]）)][0-9]{1,4}号/u;

/** Sentences that can be summary material: prose, not headings or page furniture. */
function isProse(text: string, span: Span): boolean {
  if (!hasHan(span.text, MIN_HAN) || isHeading(text, span) || DOCUMENT_NUMBER.test(span.text)) return false;
  return span.text.length >= MIN_LINE_SENTENCE || !isWholeLine(text, span);
}

/** The title: the page's, or else a first content line that is a heading (a headline). */
function titleOf(doc: Doc, sentences: readonly { span: Span; index: number }[]): Span | undefined {
  if (doc.page?.title) return doc.page.title;
  const first = sentences[0]?.span;
  return first && sentences.length > 1 && first.text.length <= MAX_HEADLINE && isHeading(doc.text, first) ? first : undefined;
}

/** similarityRows's arrays, reused from document to document. */
const ROWS = {
  first: new Scratch(Int32Array),
  to: new Scratch(Int32Array),
  weight: new Scratch(Float64Array),
  filled: new Scratch(Int32Array),
};

/**
 * The cosine-similarity graph of `vectors` as flat rows, straight from the similar pairs (no map per node): pairs
 * come a-major with b ascending, so appending each to both rows lists every node's neighbours in ascending order,
 * as pageRankOfRows needs. The rows are valid until the next call (their arrays are reused: core/scratch.ts).
 */
function similarityRows(vectors: readonly TermVector[], terms: number): EdgeRows {
  const pairs: number[] = [];
  const similarities: number[] = [];
  const first = ROWS.first.take(vectors.length + 1);
  forEachSimilarPair(vectors, terms, (a, b, similarity) => {
    // only positive weights make an edge
    if (similarity <= 0) return;
    pairs.push(a, b);
    similarities.push(similarity);
    first[a + 1]!++;
    first[b + 1]!++;
  });
  for (let a = 0; a < vectors.length; a++) first[a + 1]! += first[a]!;
  const to = ROWS.to.take(first[vectors.length]!);
  const weight = ROWS.weight.take(to.length);
  const filled = ROWS.filled.take(vectors.length);
  filled.set(first.subarray(0, vectors.length));
  similarities.forEach((similarity, k) => {
    const a = pairs[2 * k]!;
    const b = pairs[2 * k + 1]!;
    to[filled[a]!] = b;
    weight[filled[a]!++] = similarity;
    to[filled[b]!] = a;
    weight[filled[b]!++] = similarity;
  });
  return { size: vectors.length, first, to, weight };
}

/**
 * The `count` indices of the largest `values`, largest first, ties in index order: the head of a stable sort of all
 * of them, without sorting them all (a numeric sort of the values finds the cut).
 */
function closestFirst(values: Scores, count: number): number[] {
  const cut = values.slice().sort()[values.length - count]!;
  let above = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > cut) above++;
  const head: number[] = [];
  let atCut = count - above;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! > cut || (values[i] === cut && atCut-- > 0)) head.push(i);
  }
  return head.sort((a, b) => values[b]! - values[a]!);
}

/** LexRank centrality of each unit, scaled to a maximum of 1. */
function centralities(units: readonly Unit[], space: TermSpace): Scores {
  let members = units.map((_, i) => i);
  if (units.length > MAX_GRAPH) {
    members = closestFirst(cosinesWithSum(units.map((u) => u.vector), space.idfs.length), MAX_GRAPH);
  }
  const ranks = pageRankOfRows(similarityRows(members.map((unit) => units[unit]!.vector), space.idfs.length));
  const scores = new Float64Array(units.length);
  members.forEach((unit, k) => (scores[unit] = ranks[k]!));
  return scaleToMax(scores);
}

/**
 * A meeting's own words: the meeting (会议, 会上, 全会, 大会) as the subject of a decision (决定, 审议通过, 原则同意…)
 * or of a point (指出, 强调, 要求, 认为…), a few words of adverb allowed in between (会议还审议通过了).
 */
const MEETING_DECIDES = /^(?:会议|会上|全会|大会)[^，。；：]{0,6}?(?:决定|审议通过|讨论通过|表决通过|通过了|原则同意|同意)/u;
const MEETING_SAYS = /^(?:会议|会上|全会|大会)[^，。；：]{0,6}?(?:指出|强调|要求|认为|提出|决定|审议|讨论|通过|同意|研究|部署)/u;

/** Both patterns open with 会, 全 or 大: a sentence that does not is never tried. */
const opensWithMeeting = (sentence: string): boolean => {
  const first = sentence.charCodeAt(0);
  return first === 0x4f1a || first === 0x5168 || first === 0x5927;
};
const meetingSays = (sentence: string): boolean => opensWithMeeting(sentence) && MEETING_SAYS.test(sentence);

const meetingBonus = (sentence: string, weights: RankWeights): number =>
  !opensWithMeeting(sentence)
    ? 0
    : MEETING_DECIDES.test(sentence)
      ? weights.decision
      : MEETING_SAYS.test(sentence)
        ? weights.point
        : 0;

/** Scores of `units` (in document order) from the weighted features. */
function unitScores(
  units: readonly Unit[],
  space: TermSpace,
  title: TermVector | undefined,
  weights: RankWeights,
): Scores {
  const central = weights.centrality > 0 ? centralities(units, space) : new Float64Array(units.length);
  return scoresOf(
    units,
    (unit, i) =>
      weights.centrality * central[i]! +
      weights.position / Math.sqrt(1 + i) +
      (title ? weights.title * cosine(unit.vector, title) : 0) +
      meetingBonus(unit.span.text, weights),
  );
}

/** Greedy MMR choice of units within the budget (units too long are skipped); indices into `units`, in order. */
function choose(units: readonly Unit[], scores: Scores, budget: Budget, redundancy: number): number[] {
  const max = scores[argMax(scores)] || 1;
  const chosen: number[] = [];
  let chars = 0;
  const open = new Set(units.map((_, i) => i));
  while (chosen.length < budget.maxSentences) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of open) {
      if (chars + units[i]!.span.text.length > budget.maxChars) continue;
      let similarity = 0;
      for (const j of chosen) similarity = Math.max(similarity, cosine(units[i]!.vector, units[j]!.vector));
      const value = (1 - redundancy) * (scores[i]! / max) - redundancy * similarity;
      if (value > bestValue) [best, bestValue] = [i, value];
    }
    if (best < 0) break;
    chosen.push(best);
    open.delete(best);
    chars += units[best]!.span.text.length;
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * What opens a sentence but is not its content: news datelines (央视网消息（新闻联播）：, 新华社北京3月5日电, 本报讯,
 * 宁德网消息, 东南网龙岩8月9日讯), bylines ((记者 林瑶), 记者张永锋报道：, 据闽西新闻网报道, the tail 摄影报道） of a byline
 * an excerpt cut) and list markers (一、 （二） 3. （4） ⑤ 第六条), which belong to the list, not to the sentence.
 * Bounded repetitions only: no backtracking blow-up.
 */
const LEADS = [
  "央视网消息（新闻联播）：",
  "新华社[\\p{Script=Han}]{0,8}[0-9０-９]{0,2}月?[0-9０-９]{1,2}日电(?:（[^）]{0,20}）)?",
  "[\\p{Script=Han}0-9]{0,10}(?:网|报|台|社)[\\p{Script=Han}0-9]{0,8}(?:讯|消息)(?=[\\s（(：:])(?:[（(][^（()）]{0,30}[）)])?[：:]?",
  "[（(](?:本报|本台|本网)?(?:记者|通讯员|实习生|特约记者)[^（()）]{0,30}[）)]",
  "(?:本报|本台)?记者[\\p{Script=Han} ]{1,20}报道[：:]",
  "据[\\p{Script=Han}]{1,10}报道[，,]?",
  "[^（()）。，,]{0,30}[）)]",
  "[一二三四五六七八九十]{1,3}、",
  "[（(][一二三四五六七八九十]{1,3}[）)]",
  "[0-9０-９]{1,2}[.．、](?![0-9０-９])",
  "[（(][0-9０-９]{1,2}[）)]",
  "[①-⑳]",
  "第[一二三四五六七八九十百]{1,4}条",
];
const LEAD_IN = new RegExp(`^(?:${LEADS.join("|")})\\s*`, "u");

/** `span` without what opens it but is not its content (datelines, bylines, list markers; several in a row). */
function withoutLeadIn(text: string, span: Span): Span {
  let start = span.start;
  for (;;) {
    const match = LEAD_IN.exec(text.slice(start, span.end));
    if (!match || match[0].length === 0 || start + match[0].length >= span.end) break;
    start += match[0].length;
  }
  return start === span.start ? span : { start, end: span.end, text: text.slice(start, span.end) };
}

/**
 * Where a clause of `inside` (a unit's tokens) that opens at token `from` starts once a leading time clause
 * (昨晚，/ 8月7日， / 今天下午，) is skipped. Walks from `from` only: a unit of thousands of clauses stays linear.
 */
function afterTimeClause(inside: readonly Token[], from: number): number {
  const start = inside[from]!.start;
  for (let i = from; i < inside.length; i++) {
    const token = inside[i]!;
    if (token.kind === "date" || token.pos === "t" || token.kind === "space") continue;
    const comma = token.text === "，" || token.text === ",";
    return comma && i > from ? (inside[i + 1]?.start ?? start) : start;
  }
  return start;
}

/**
 * The longest run of `inside` from the token at `start` (searched from index `from`) to at most `limit` that ends at
 * a token boundary (not on a space or a mark), with the index range of its tokens.
 */
function tokenPrefix(text: string, inside: readonly Token[], from: number, start: number, limit: number) {
  let first = from;
  while (first < inside.length && inside[first]!.start < start) first++;
  let end = start;
  let last = first;
  for (let k = first; k < inside.length && inside[k]!.start < limit && inside[k]!.end <= limit; k++) {
    if (inside[k]!.kind !== "space" && inside[k]!.kind !== "punct") [end, last] = [inside[k]!.end, k + 1];
  }
  return end > start ? { span: { start, end, text: text.slice(start, end) }, first, last } : undefined;
}

/** What a summary is made from: the title (for overlap), the prose sentences and the tokens of the content. */
export interface SummaryMaterial {
  title: Span | undefined;
  /** Prose sentences of the content with their index in `doc.sentences`, in document order. */
  body: { span: Span; index: number }[];
  /** The content tokens and their text ids, shared with the keyword stage (core/terms.ts). */
  content: ContentTokens;
}

/** The title, prose sentences and tokens inside the content ranges of `doc`. */
export function summaryMaterial(doc: Doc, scope: "article" | "all" = "article"): SummaryMaterial {
  const content = contentTokens(doc, scope);
  const sentences = spansWithin(
    doc.sentences.map((span, index) => ({ start: span.start, end: span.end, span, index })),
    content.ranges,
  );
  const title = titleOf(doc, sentences);
  return { title, body: sentences.filter((s) => s.span !== title && isProse(doc.text, s.span)), content };
}

/**
 * The extractive summary of an analysed Doc (tokens and sentences required), within `budget`: the chosen spans'
 * lengths (UTF-16 units) add up to at most `maxChars`.
 */
export function summarizeDoc(
  doc: Doc,
  budget: Budget,
  scope: "article" | "all",
  resources: Pick<Resources, "idf" | "stopwords">,
  weights: RankWeights = DEFAULT_WEIGHTS,
): Summary {
  const { title, body, content } = summaryMaterial(doc, scope);
  const { tokens } = content;
  const space = new TermSpace(content, resources.idf, resources.stopwords);
  const titleRun = title ? tokenRuns(tokens, [title]) : undefined;
  const titleVector = titleRun ? space.vectorOf(titleRun[0]!, titleRun[1]!) : undefined;

  const unitsOf = (spans: { span: Span; sentence: number }[]): Unit[] => {
    const runs = tokenRuns(tokens, spans.map((s) => s.span));
    return spans
      .map((s, i) => {
        const vector = space.vectorOf(runs[2 * i]!, runs[2 * i + 1]!);
        return { span: s.span, sentence: s.sentence, vector };
      })
      .filter((u) => u.vector.norm > 0);
  };
  const sentences = unitsOf(body.map((s) => ({ span: withoutLeadIn(doc.text, s.span), sentence: s.index })));
  // Stock ceremony and procedure (boilerplate.ts) is no summary, unless there is nothing else; what a meeting
  // says or decides always is.
  const substance = sentences.filter((unit) => meetingSays(unit.span.text) || !isBoilerplate(unit.span.text));
  const units = substance.length > 0 ? substance : sentences;
  const scores = unitScores(units, space, titleVector, weights);
  const top = units[argMax(scores)];
  if (!top || top.span.text.length <= budget.maxChars) {
    return summaryOf(units, choose(units, scores, budget, weights.redundancy));
  }
  const ranked = units.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const candidates = ranked.slice(0, HEADLINE_UNITS).sort((a, b) => a - b);
  const best = headline(doc.text, tokens, units, candidates, space, budget.maxChars);
  return best ? summaryOf([best], [0]) : summaryOf([], []);
}

/** How much a headline's position counts against what it names (tuned on the LCSTS dev part). */
const HEADLINE_POSITION = 20;
/** Headlines come from this many of the best-ranked units (a long report's headline is in its key sentences). */
const HEADLINE_UNITS = 3;
const CLAUSE_BREAK = new Set(["，", "；", "：", ",", ";", ":"]);

/**
 * A headline within `maxChars` (shorter than the best sentence): of the windows that start at a clause of a unit
 * (a leading time clause such as 昨晚，/ 8月7日， skipped) and end at a token boundary inside that unit, the one
 * whose distinct terms weigh most, a term weighing idf × (its count in the text)²: a headline names what the
 * text keeps coming back to. Earlier windows get a bonus that fades with their offset (news puts the point first).
 */
function headline(
  text: string,
  tokens: readonly Token[],
  units: readonly Unit[],
  candidates: readonly number[],
  space: TermSpace,
  maxChars: number,
): Unit | undefined {
  const runs = tokenRuns(tokens, candidates.map((u) => units[u]!.span));
  const counts = new Float64Array(space.idfs.length);
  for (const { vector } of units) vector.ids.forEach((id, k) => (counts[id]! += vector.weights[k]! / space.idfs[id]!));
  let best: Unit | undefined;
  let bestValue = -Infinity;
  candidates.forEach((u, c) => {
    const unit = units[u]!;
    const from = runs[2 * c]!;
    const inside = tokens.slice(from, runs[2 * c + 1]);
    inside.forEach((_token, i) => {
      if (i > 0 && !(inside[i - 1]!.kind === "punct" && CLAUSE_BREAK.has(inside[i - 1]!.text))) return;
      const start = afterTimeClause(inside, i);
      const head = tokenPrefix(text, inside, i, start, Math.min(unit.span.end, start + maxChars));
      if (!head) return;
      const terms = new Set<number>();
      for (let k = head.first; k < head.last; k++) {
        const id = space.idAt(from + k);
        if (id >= 0 && counts[id]! > 0) terms.add(id);
      }
      let value = HEADLINE_POSITION / Math.sqrt(1 + head.span.start / 10);
      for (const id of terms) value += space.idfs[id]! * counts[id]! ** 2;
      if (value > bestValue) [best, bestValue] = [{ ...unit, span: head.span }, value];
    });
  });
  return best;
}

/** The Summary of the chosen units (indices in document order). */
function summaryOf(units: readonly Unit[], picked: readonly number[]): Summary {
  const spans = picked.map((i) => units[i]!.span);
  return {
    sentences: [...new Set(picked.map((i) => units[i]!.sentence))],
    spans: spans.map(({ start, end, text }) => ({ start, end, text })),
    text: spans.map((s) => s.text).join(""),
  };
}
