/**
 * Builds dict/summary-boilerplate.txt: the clause shapes (src/summarize/boilerplate.ts) that recur in many
 * documents of the CCTV news corpus or of the policy documents — the stock clauses of ceremony and procedure
 * (现印发给你们 · 请认真贯彻执行 · 请予审议 · 主持会议并发表重要讲话). A summary skips a sentence made only of them.
 * Deterministic: the same corpora give the same file.
 *
 *   npx tsx bench/tools/build-boilerplate.ts          # writes dict/summary-boilerplate.txt
 *   npx tsx bench/tools/build-boilerplate.ts --print  # prints the shapes with their document counts instead
 *
 * Official documents: the policy corpus and the dev part of the real-world corpus (the held-out part is never read).
 * Left out, as for the IDF table: the 13 meeting releases policy/meeting-*.txt (the summary bench's references) and
 * the news items they were taken from.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { clauseShapes, MIN_STOCK_HAN } from "../../src/summarize/boilerplate.js";
import { dataPath, projectRoot } from "../lib/data.js";

/** A shape is stock when it is in at least this share of the news items… */
const NEWS_SHARE = 0.002;
/** …or in at least this many official sources (47 policy documents and the publishers of the real-world dev pages). */
const POLICY_DOCUMENTS = 3;
/** Sentences at each end of a document that make its frame. */
const FRAME = 3;
const HAN = /\p{Script=Han}/gu;
/** A sentence of prose: a run of a line ended by final punctuation (titles, document numbers and addresses are not). */
const PROSE_SENTENCE = /[^。！？!?\n]+[。！？!?]+/gu;

/**
 * Distinct clause shapes of a document's frame: its first and last FRAME prose sentences, where ceremony and procedure
 * sit (addresses, 现在，我代表国务院…请予审议, 现印发给你们, 此件公开发布, 会议还研究了其他事项). Stock phrases of the
 * body (继续实施积极的财政政策) are content there and are not counted.
 */
function shapesOf(text: string): Set<string> {
  const sentences = text.match(PROSE_SENTENCE) ?? [];
  const frame = sentences.length <= 2 * FRAME ? sentences : [...sentences.slice(0, FRAME), ...sentences.slice(-FRAME)];
  const shapes = new Set<string>();
  for (const sentence of frame) for (const shape of clauseShapes(sentence)) shapes.add(shape);
  return shapes;
}

function heldOutNews(policy: string): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(policy).filter((f) => /^meeting-.*\.txt$/u.test(f))) {
    const day = /^meeting-(\d{4})(\d{2})(\d{2})/u.exec(file)!;
    keys.add(`${day[1]}-${day[2]}-${day[3]} ${readFileSync(join(policy, file), "utf8").split("\n", 1)[0]!.trim()}`);
  }
  return keys;
}

/**
 * In how many sources each shape occurs; a source is a document, or all the pages of one real-world publisher (a
 * site's own template — its hall, its chair — is not the genre's).
 */
function count(sources: Iterable<string[]>): { df: Map<string, number>; documents: number } {
  const df = new Map<string, number>();
  let documents = 0;
  for (const texts of sources) {
    const shapes = new Set(texts.flatMap((text) => [...shapesOf(text)]));
    for (const shape of shapes) df.set(shape, (df.get(shape) ?? 0) + 1);
    documents++;
  }
  return { df, documents };
}

const policyDir = dataPath("policy");
const heldOut = heldOutNews(policyDir);
const newsItems = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { date: string; title: string; text: string })
  .filter((item) => !heldOut.has(`${item.date} ${item.title.trim()}`));
const news = count(newsItems.map((item) => [item.text]));
const policyFiles = readdirSync(policyDir).filter((f) => f.endsWith(".txt") && !f.startsWith("meeting-")).sort();
/** The dev part of the real-world corpus (never the held-out part): releases and notices of 180 publishers. */
const realWorldDev = join(projectRoot, "test/fixtures/realworld/dev");
const realWorldFiles = readdirSync(realWorldDev).filter((f) => f.endsWith(".txt")).sort();
const publisherOf = new Map(
  readFileSync(join(projectRoot, "test/fixtures/realworld/sources.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .map(([id, , , publisher]) => [id!, publisher!]),
);
const byPublisher = new Map<string, string[]>();
for (const file of realWorldFiles) {
  const publisher = publisherOf.get(file.replace(/\.txt$/u, ""))!;
  byPublisher.set(publisher, [...(byPublisher.get(publisher) ?? []), readFileSync(join(realWorldDev, file), "utf8")]);
}
const policy = count([...policyFiles.map((f) => [readFileSync(join(policyDir, f), "utf8")]), ...byPublisher.values()]);

const newsMin = Math.ceil(NEWS_SHARE * news.documents);
const stock = [...new Set([...news.df.keys(), ...policy.df.keys()])]
  .filter((shape) => (shape.match(HAN)?.length ?? 0) >= MIN_STOCK_HAN && !shape.includes("0") && !shape.includes("#"))
  .map((shape) => ({ shape, news: news.df.get(shape) ?? 0, policy: policy.df.get(shape) ?? 0 }))
  .filter((s) => s.news >= newsMin || s.policy >= POLICY_DOCUMENTS)
  .sort((a, b) => b.news + b.policy - (a.news + a.policy) || (a.shape < b.shape ? -1 : 1));

if (process.argv.includes("--print")) {
  for (const s of stock) console.log(`${s.news}\t${s.policy}\t${s.shape}`);
} else {
  const header = [
    "# Stock clauses of Chinese official writing: summaries skip a sentence made only of these (src/summarize/boilerplate.ts).",
    `# Learned, not hand-picked: the clause shapes (blanks and edge quotes out, 《title》 as 《》, numbers as 0) found in the frame`,
    `#   (first and last ${FRAME} prose sentences, where ceremony and procedure sit) of at least`,
    `#   ${newsMin} of ${news.documents} CCTV Xinwen Lianbo news items (${NEWS_SHARE * 100}%, ../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl) or in at`,
    `#   least ${POLICY_DOCUMENTS} of ${policy.documents} official sources (${policyFiles.length} documents of ../shared/data/policy/*.txt; the ${byPublisher.size} publishers of the`,
    `#   ${realWorldFiles.length} text pages of test/fixtures/realworld/dev, never the held-out part), with ${MIN_STOCK_HAN}+ Han characters and no number;`,
    `#   the 13 meeting releases policy/meeting-*.txt and the news items they were taken from are left out.`,
    "# Rebuild (after changing clauseShape or the corpora): npx tsx bench/tools/build-boilerplate.ts",
    "# Format: one shape per line, most frequent first. Licence: MIT, as gongwen; short stock phrases only.",
  ];
  writeFileSync(join(projectRoot, "dict/summary-boilerplate.txt"), `${header.join("\n")}\n${stock.map((s) => s.shape).join("\n")}\n`);
  console.log(`dict/summary-boilerplate.txt: ${stock.length} clause shapes (news ≥ ${newsMin} items, official ≥ ${POLICY_DOCUMENTS} sources)`);
}
