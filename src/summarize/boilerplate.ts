/**
 * Boilerplate: the ceremony and procedure that official writing repeats from one document to the next
 * (现印发给你们，请认真贯彻执行 · 现在，我代表国务院向大会作政府工作报告，请予审议 · 习近平主持会议并发表重要讲话).
 * A sentence is boilerplate when every one of its clauses, reduced to its shape, is in
 * dict/summary-boilerplate.txt: the clause shapes that bench/tools/build-boilerplate.ts found in many documents of
 * the news and policy corpora. One clause of its own (a number, a place, a measure) makes the sentence content.
 */
import { wordSet } from "../dict.js";

/** Clause breaks: a boilerplate sentence is a run of stock clauses. */
const CLAUSE_BREAK = /[，,；;：:。！？!?…、]+/u;
const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, "gu");
/** What varies inside a stock clause: the title of the document it sends, the numbers. */
const TITLE = /《[^《》\n]{0,80}》/gu;
/** An aside in brackets ((以下简称《方案》), (此件公开发布)) is not what makes a clause stock or content. */
const ASIDE = /（[^（）\n]{0,40}）|\([^()\n]{0,40}\)/gu;
const NUMBER = /[0-9０-９]+/gu;
const EDGE_MARKS = /^[“”"‘’'（）()\s]+|[“”"‘’'（）()\s]+$/gu;
const BLANKS = /\s+/gu;

/** The shape of a clause: blanks, asides and edge quotes out, a titled document as 《》, each number as 0. */
export const clauseShape = (clause: string): string =>
  clause.replace(BLANKS, "").replace(ASIDE, "").replace(EDGE_MARKS, "").replace(TITLE, "《》").replace(NUMBER, "0");

/** The shapes of the clauses of a sentence, empty clauses left out. */
export const clauseShapes = (sentence: string): string[] =>
  sentence
    .split(CLAUSE_BREAK)
    .map(clauseShape)
    .filter((shape) => shape !== "");

/** A stock clause has this many Han characters; shorter Han-only clauses (现在, 同时, 为此) are connectives. */
export const MIN_STOCK_HAN = 3;
const HAN = /\p{Script=Han}/gu;
const HAN_ONLY = /^[\p{Script=Han}“”"‘’'《》]+$/u;

/** Does `shape` hold fewer than MIN_STOCK_HAN Han characters? (Counts up to there, from match to match.) */
function isShort(shape: string): boolean {
  HAN.lastIndex = 0;
  for (let found = 0; HAN.test(shape); ) if (++found >= MIN_STOCK_HAN) return false;
  return true;
}

const isConnective = (shape: string) => HAN_ONLY.test(shape) && isShort(shape);

const stockClauses = wordSet("summary-boilerplate.txt");

/** The stock clauses, the first MIN_STOCK_HAN characters of each (a piece can only start so) and the longest. */
interface Stock {
  clauses: ReadonlySet<string>;
  heads: ReadonlySet<string>;
  longest: number;
}
let stockIndex: Stock | undefined;

function stock(): Stock {
  if (stockIndex) return stockIndex;
  const clauses = stockClauses();
  const heads = new Set([...clauses].map((clause) => clause.slice(0, MIN_STOCK_HAN)));
  return (stockIndex = { clauses, heads, longest: Math.max(0, ...[...clauses].map((clause) => clause.length)) });
}

/**
 * Is `shape` one stock clause or several run together (我代表国务院向大会作政府工作报告 = 我代表国务院 +
 * 向大会作政府工作报告)? Pieces are at most as long as the longest stock clause, so the check is linear.
 */
function isStock(shape: string, { clauses, heads, longest }: Stock): boolean {
  if (clauses.has(shape)) return true;
  // a piece starts where the shape does: most clauses of content have no stock head there
  if (!heads.has(shape.slice(0, MIN_STOCK_HAN))) return false;
  const reachable = new Uint8Array(shape.length + 1);
  reachable[0] = 1;
  for (let from = 0; from < shape.length; from++) {
    if (!reachable[from] || !heads.has(shape.slice(from, from + MIN_STOCK_HAN))) continue;
    for (let to = from + MIN_STOCK_HAN; to <= Math.min(shape.length, from + longest); to++) {
      if (clauses.has(shape.slice(from, to))) reachable[to] = 1;
    }
  }
  return reachable[shape.length] === 1;
}

/** Is `sentence` made only of stock clauses (and connectives)? Most sentences fail at their first clause. */
export function isBoilerplate(sentence: string): boolean {
  const index = stock();
  let stockCount = 0;
  // the clauses split() would give, cut one at a time: most sentences are decided by their first
  CLAUSE_BREAKS.lastIndex = 0;
  for (let from = 0; from >= 0; ) {
    const next = CLAUSE_BREAKS.exec(sentence);
    const shape = clauseShape(sentence.slice(from, next ? next.index : sentence.length));
    from = next ? next.index + next[0].length : -1;
    if (shape === "") continue;
    if (isStock(shape, index)) stockCount++;
    else if (!isConnective(shape)) return false;
  }
  return stockCount > 0;
}
