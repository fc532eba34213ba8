/**
 * Where the two engines' tokens differ after gongwen's domain layer (dict/ words and tags, lexicon re-splits,
 * merges): the seed and the 60 policy documents segmented with `engine: "nodejieba"` and `engine: "node-rs"`.
 * A difference is a span over which the two token lists disagree (offsets or tag); spans are grouped by which
 * engine cut it into fewer tokens, and the most frequent are listed.
 *
 *   npx tsx bench/engine-agreement.ts [--top 15]
 */
import { readdirSync, readFileSync } from "node:fs";
import { createAnalyzer, type Token } from "../src/index.js";
import { dataPath, printTable, projectRoot } from "./lib/data.js";

const topFlag = process.argv.indexOf("--top");
const top = topFlag > 0 ? Number(process.argv[topFlag + 1]) : 15;
const engines = { nodejieba: createAnalyzer({ engine: "nodejieba" }), nodeRs: createAnalyzer({ engine: "node-rs" }) };
const policy = dataPath("policy");
const files = [
  `${projectRoot}/dict/samples/meeting-report.txt`,
  ...readdirSync(policy).filter((file) => file.endsWith(".txt")).map((file) => `${policy}/${file}`),
];

const shown = (tokens: Token[]) => tokens.map((t) => `${t.text}/${t.pos}`).join(" ");

/**
 * The spans where `a` and `b` disagree, each as both engines' tokens over it. Both cover the same text, so from a
 * shared boundary each list is read until they meet at the next one: a span of one token each with the same tag
 * agrees, any other span differs.
 */
function differences(a: Token[], b: Token[]): [Token[], Token[]][] {
  const out: [Token[], Token[]][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = [a[i++]!];
    const y = [b[j++]!];
    while (x.at(-1)!.end !== y.at(-1)!.end) {
      if (x.at(-1)!.end < y.at(-1)!.end) x.push(a[i++]!);
      else y.push(b[j++]!);
    }
    if (x.length > 1 || y.length > 1 || x[0]!.pos !== y[0]!.pos) out.push([x, y]);
  }
  return out;
}

let tokens = 0;
let differing = 0;
let docsDiffering = 0;
const groups = new Map<string, Map<string, number>>();
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const a = engines.nodejieba.segment(text);
  const b = engines.nodeRs.segment(text);
  tokens += a.length;
  const found = differences(a, b);
  if (found.length > 0) docsDiffering++;
  for (const [x, y] of found) {
    differing += x.length;
    const group = x.length < y.length ? "nodejieba joins" : x.length > y.length ? "node-rs joins" : "same cut, other tag or boundary";
    const counts = groups.get(group) ?? new Map<string, number>();
    const pair = `${shown(x)} → ${shown(y)}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
    groups.set(group, counts);
  }
}

console.log(`\nTokens of the seed and ${files.length - 1} policy documents, nodejieba vs node-rs after gongwen's domain layer`);
printTable(
  ["documents", "nodejieba tokens", "in spans that differ", "share", "documents with a difference"],
  [[files.length, tokens, differing, `${((100 * differing) / tokens).toFixed(2)}%`, docsDiffering]],
);
for (const [group, counts] of groups) {
  const spans = [...counts.values()].reduce((sum, n) => sum + n, 0);
  console.log(`\n${group}: ${spans} spans (${counts.size} distinct), most frequent:`);
  printTable(["spans", "nodejieba → node-rs"], [...counts].sort((x, y) => y[1] - x[1]).slice(0, top).map(([pair, n]) => [n, pair]));
}
