/**
 * gongwen's domain IDF table (dict/idf.txt), computed from the CCTV Xinwen Lianbo news items and the policy corpus
 * segmented with gongwen's own segment(), so the terms match what the keyword stage sees. build-idf.ts writes it;
 * a test requires the shipped file to equal it, because any change to the segmenter or its dictionaries changes
 * the terms.
 *
 * One document = one news item (headline + text) or one policy file. The 13 meeting releases of the policy corpus
 * (policy/meeting-*.txt) and the 13 news items they were taken from are left out, so the summary and keyword
 * evaluations on those releases never see statistics of their own text. idf = ln(N / df); terms seen in a single
 * document are dropped (an unseen term scores the table's maximum, see src/keywords/idf.ts).
 */
import { createReadStream, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { termShape } from "../../src/core/terms.js";
import { segment } from "../../src/index.js";
import { dataPath } from "../lib/data.js";

const MIN_DF = 2;

interface NewsItem {
  id: string;
  date: string;
  title: string;
  url: string;
  text: string;
}

/** The news items the meeting releases came from, as `date headline` keys (manifest dates are broadcast dates). */
function heldOutItems(policy: string): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(policy).filter((f) => /^meeting-.*\.txt$/u.test(f))) {
    const day = /^meeting-(\d{4})(\d{2})(\d{2})/u.exec(file)!;
    const headline = readFileSync(join(policy, file), "utf8").split("\n", 1)[0]!.trim();
    keys.add(`${day[1]}-${day[2]}-${day[3]} ${headline}`);
  }
  return keys;
}

export interface IdfTable {
  /** The file's text: header and one `word idf` line per word. */
  text: string;
  words: number;
  documents: number;
  /** Distinct words before those in fewer than MIN_DF documents were dropped. */
  distinct: number;
}

/**
 * Counts document frequencies over the corpus and returns dict/idf.txt's text.
 *
 * @example
 * writeFileSync("dict/idf.txt", (await buildIdfTable()).text);
 */
export async function buildIdfTable(onProgress?: (documents: number) => void): Promise<IdfTable> {
  const news = dataPath("corpus/xinwenlianbo/xwlb-items.jsonl");
  const policy = dataPath("policy");
  const df = new Map<string, number>();
  let documents = 0;
  const count = (text: string) => {
    const seen = new Set<string>();
    for (const token of segment(text)) {
      const term = termShape(token);
      if (term !== undefined) seen.add(term);
    }
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
    documents++;
  };

  const heldOut = heldOutItems(policy);
  let skipped = 0;
  for await (const line of createInterface({ input: createReadStream(news, "utf8"), crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    const item = JSON.parse(line) as NewsItem;
    if (heldOut.has(`${item.date} ${item.title.trim()}`)) {
      skipped++;
      continue;
    }
    count(`${item.title}\n${item.text}`);
    if (documents % 2000 === 0) onProgress?.(documents);
  }
  if (skipped !== heldOut.size) throw new Error(`expected to hold out ${heldOut.size} news items, found ${skipped}`);
  const newsDocuments = documents;
  const policyFiles = readdirSync(policy).filter((f) => f.endsWith(".txt") && !f.startsWith("meeting-"));
  for (const file of policyFiles) count(readFileSync(join(policy, file), "utf8"));

  const rows = [...df]
    .filter(([, n]) => n >= MIN_DF)
    .map(([term, n]) => ({ term, idf: Math.log(documents / n) }))
    .sort((a, b) => a.idf - b.idf || (a.term < b.term ? -1 : 1));
  const header = [
    "# gongwen domain IDF table: inverse document frequency of the words gongwen's segment() produces.",
    `# Built from ${newsDocuments} CCTV Xinwen Lianbo news items (../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl,`,
    `#   2022-09-24 … 2026-08-22, headline + text) and ${policyFiles.length} policy documents (../shared/data/policy/*.txt);`,
    `#   the ${heldOut.size} meeting releases policy/meeting-*.txt and the ${skipped} news items they were taken from are left out,`,
    "#   so evaluations on those releases do not see their own statistics.",
    `# N = ${documents} documents; idf = ln(N / df); words (≥ 2 characters with a Han character, or Latin acronyms)`,
    `#   seen in fewer than ${MIN_DF} documents are dropped; an unseen word scores the table's maximum.`,
    "# Rebuild (after any change to the segmenter or its dictionaries): npx tsx bench/tools/build-idf.ts",
    "# Format: one entry per line, `word idf` (single space, idf with 3 decimals), most common first.",
    "# Licence: MIT, as gongwen. Word statistics only; no corpus text is reproduced.",
  ];
  const text = `${header.join("\n")}\n${rows.map((r) => `${r.term} ${r.idf.toFixed(3)}`).join("\n")}\n`;
  return { text, words: rows.length, documents, distinct: df.size };
}
