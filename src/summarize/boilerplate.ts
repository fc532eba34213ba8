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
/** What varies inside a stock clause: the title of the document it sends, the numbers. */
const TITLE = /《[^《》\n]{0,80}》/gu;
const NUMBER = /[0-9０-９]+/gu;
const EDGE_MARKS = /^[“”"‘’'（）()\s]+|[“”"‘’'（）()\s]+$/gu;
const BLANKS = /\s+/gu;

/** The shape of a clause: blanks and edge quotes out, a titled document as 《》, each number as 0. */
export const clauseShape = (clause: string): string =>
  clause.replace(BLANKS, "").replace(EDGE_MARKS, "").replace(TITLE, "《》").replace(NUMBER, "0");

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

const isConnective = (shape: string) => HAN_ONLY.test(shape) && (shape.match(HAN)?.length ?? 0) < MIN_STOCK_HAN;

const stockClauses = wordSet("summary-boilerplate.txt");
let longestStock = 0;

/**
 * Is `shape` one stock clause or several run together (我代表国务院向大会作政府工作报告 = 我代表国务院 +
 * 向大会作政府工作报告)? Pieces are at most as long as the longest stock clause, so the check is linear.
 */
function isStock(shape: string, stock: ReadonlySet<string>): boolean {
  if (stock.has(shape)) return true;
  longestStock ||= Math.max(...[...stock].map((s) => s.length));
  const reachable = new Uint8Array(shape.length + 1);
  reachable[0] = 1;
  for (let from = 0; from < shape.length; from++) {
    if (!reachable[from]) continue;
    for (let to = from + MIN_STOCK_HAN; to <= Math.min(shape.length, from + longestStock); to++) {
      if (stock.has(shape.slice(from, to))) reachable[to] = 1;
    }
  }
  return reachable[shape.length] === 1;
}

/** Is `sentence` made only of stock clauses (and connectives)? */
export function isBoilerplate(sentence: string): boolean {
  const stock = stockClauses();
  let stockCount = 0;
  for (const shape of clauseShapes(sentence)) {
    if (isStock(shape, stock)) stockCount++;
    else if (!isConnective(shape)) return false;
  }
  return stockCount > 0;
}
