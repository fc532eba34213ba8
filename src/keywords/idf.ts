/**
 * The domain IDF table dict/idf.txt (built by bench/tools/build-idf.ts from the CCTV news corpus and the policy
 * documents), loaded once on first use.
 */
import { readFileSync } from "node:fs";
import { compactIdf, idfTable, type IdfTable } from "../core/resources.js";
import { dictParseError, dictPath } from "../dict.js";

let table: IdfTable | undefined;

/**
 * An IDF table from the text of dict/idf.txt: `word idf` lines, `#` comments. A malformed line raises `DICT_PARSE`
 * naming it. One pass over the text, without `readDictLines`' per-line field arrays: half of what a fresh process's
 * first `analyze()` spent on this table (measured: ~2× less CPU for the 50,000 lines).
 *
 * @example
 * parseIdf("# comment\n发展 0.930\n").idf("发展"); // → 0.93
 */
export function parseIdf(text: string): IdfTable {
  const words: string[] = [];
  const values: number[] = [];
  let max = 0;
  let line = 0;
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline;
    const row = text.slice(at, end).trim();
    at = end + 1;
    line += 1;
    if (row === "" || row.startsWith("#")) continue;
    // `word idf`: one space, nothing after the number
    const space = row.indexOf(" ");
    const word = row.slice(0, space);
    const value = row.slice(space + 1);
    const idf = Number(value);
    if (space <= 0 || value.includes(" ") || !Number.isFinite(idf) || idf < 0) {
      throw dictParseError("idf.txt", { line, fields: row.split(" ") }, "expected `word idf` with a non-negative number");
    }
    words.push(word);
    values.push(idf);
    if (idf > max) max = idf;
  }
  return idfTable(compactIdf(words, values, max));
}

/** dict/idf.txt as a lookup, parsed once per process. */
export function loadIdf(): IdfTable {
  return (table ??= parseIdf(readFileSync(dictPath("idf.txt"), "utf8")));
}
