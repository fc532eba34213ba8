/**
 * The domain IDF table dict/idf.txt (built by bench/tools/build-idf.ts from the CCTV news corpus and the policy
 * documents), loaded once on first use.
 */
import { compactIdf, idfTable, type IdfTable } from "../core/resources.js";
import { dictParseError, readDictLines } from "../dict.js";

let table: IdfTable | undefined;

/** dict/idf.txt as a lookup, parsed once per process; malformed lines raise `DICT_PARSE` naming the line. */
export function loadIdf(): IdfTable {
  if (table) return table;
  const words: string[] = [];
  const values: number[] = [];
  let max = 0;
  for (const entry of readDictLines("idf.txt", " ")) {
    const [word, value, ...rest] = entry.fields;
    const idf = Number(value);
    if (!word || rest.length > 0 || value === undefined || !Number.isFinite(idf) || idf < 0) {
      throw dictParseError("idf.txt", entry, "expected `word idf` with a non-negative number");
    }
    words.push(word);
    values.push(idf);
    if (idf > max) max = idf;
  }
  table = idfTable(compactIdf(words, values, max));
  return table;
}
