/**
 * Where entity extraction spends its time, part by part, on the texts of bench/ner-accuracy.ts (MSRA and People's
 * Daily test sentences, the policy gold documents), beside segmentation of the same texts; and a guard that a
 * speed change leaves the output alone: `--dump` writes every entity (type, span, value, attrs, id) of every text,
 * `--check` compares against such a dump, along with a digest of the tagger's feature ids of every text.
 *
 *   npx tsx bench/tools/entity-cost.ts [--rounds 3]            # the breakdown, best of N rounds per part
 *   npx tsx bench/tools/entity-cost.ts --stage-texts 600       # on stage-cost.ts's texts: 600 CCTV items, 60 policy documents
 *   npx tsx bench/tools/entity-cost.ts --dump /tmp/entities.json
 *   npx tsx bench/tools/entity-cost.ts --check /tmp/entities.json
 *
 * Tokens come from the segmenter in the same run; `--tokens FILE` saves them on the first run and reuses them
 * afterwards, so a dump compared later is not disturbed by changes to segmentation.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractEntities } from "../../src/entities/index.js";
import { entityLexicon } from "../../src/entities/lexicon.js";
import { taggedNames } from "../../src/entities/names.js";
import { findOrgs } from "../../src/entities/org.js";
import { findPersons } from "../../src/entities/person.js";
import { findPlaces } from "../../src/entities/place.js";
import { findCounts } from "../../src/entities/count.js";
import { findMeetings } from "../../src/entities/meeting.js";
import { findQuotes } from "../../src/entities/quote.js";
import { characterFeatures, shippedTaggerWeights, tagCharacters } from "../../src/entities/tagger.js";
import { indexTokens } from "../../src/entities/tokens.js";
import { findDates } from "../../src/text/dates.js";
import { createAnalyzer } from "../../src/analyzer.js";
import type { Token } from "../../src/core/schema.js";
import { dataPath, printTable, projectRoot } from "../lib/data.js";
import { readBio } from "./ner-data.js";

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

interface Sample { set: string; text: string; referenceDate?: string; tokens: Token[] }

/** The texts of bench/stage-cost.ts instead: the first `limit` CCTV items and the 60 policy documents. */
function stageSamples(limit: number): Sample[] {
  const analyzer = createAnalyzer();
  const items = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n").filter((line) => line !== "").slice(0, limit);
  const manifest = readFileSync(dataPath("policy/manifest.tsv"), "utf8").trim().split("\n").slice(1);
  return [
    ...items.map((line) => ["CCTV items", (JSON.parse(line) as { text: string }).text] as const),
    ...manifest.map((row) => ["policy documents", readFileSync(dataPath(`policy/${row.split("\t")[0]}`), "utf8")] as const),
  ].map(([set, text]) => ({ set, text, tokens: analyzer.segment(text) }));
}

function loadSamples(): Sample[] {
  const stageLimit = option("--stage-texts");
  if (stageLimit) return stageSamples(Number(stageLimit));
  const tokensFile = option("--tokens");
  if (tokensFile && existsSync(tokensFile)) return JSON.parse(readFileSync(tokensFile, "utf8")) as Sample[];
  const analyzer = createAnalyzer();
  const samples: Sample[] = [];
  for (const [set, file] of [["MSRA + PD test sentences", "ner/msra/msra_test_bio.txt"], ["MSRA + PD test sentences", "ner/peoples-daily-1998/example.test"]]) {
    for (const { text } of readBio(dataPath(file!))) samples.push({ set: set!, text, tokens: analyzer.segment(text) });
  }
  const fixtureDir = join(projectRoot, "test/fixtures/entities");
  for (const file of readdirSync(fixtureDir).filter((n) => n.endsWith(".json")).sort()) {
    const gold = JSON.parse(readFileSync(join(fixtureDir, file), "utf8")) as { source: string; docDate: string };
    const text = readFileSync(dataPath(gold.source), "utf8");
    samples.push({ set: "policy gold documents", text, referenceDate: gold.docDate, tokens: analyzer.segment(text) });
  }
  if (tokensFile) writeFileSync(tokensFile, JSON.stringify(samples));
  return samples;
}

const samples = loadSamples();
const options = (s: Sample) => (s.referenceDate ? { referenceDate: s.referenceDate } : {});
const run = (s: Sample) => extractEntities(s.text, s.tokens, options(s));

/** Odd inputs the dump covers too: runs of surnames and titles, unpaired marks, empty and non-BMP text. */
const EDGE_CASES = [
  "", "王", "王".repeat(3000), "书记".repeat(500) + "王鹏", "《".repeat(200) + "规划", "“一个目标、两手硬".repeat(50),
  "𠮷野家的王小明和𠮷田说🙂。", "中共中央政治局常委、国务院总理李强，国务院副总理丁薛祥、张国清\n编辑：石丹 审核：于文金",
  "组　长：韩　正　　国务院副总理\n副组长：李干杰　　生态环境部部长", "a1２三四五,.!?　\t\r\n".repeat(20),
];

const dumpFile = option("--dump");
const checkFile = option("--check");
if (dumpFile || checkFile) {
  const analyzer = createAnalyzer();
  for (const text of EDGE_CASES) samples.push({ set: "edge cases", text, tokens: analyzer.segment(text) });
  // the tagger's feature ids must stay bit-identical (the shipped weights depend on them): a digest per text
  const lexicon = entityLexicon();
  const digest = (ids: Int32Array) => ids.reduce((h, id) => Math.imul(h ^ id, 0x01000193), 0x811c9dc5) >>> 0;
  const lines = samples.map((s) =>
    JSON.stringify({ features: digest(characterFeatures(s.text, indexTokens(s.text, s.tokens), lexicon)), entities: run(s) }));
  if (dumpFile) {
    writeFileSync(dumpFile, lines.join("\n"));
    console.log(`${lines.length} texts, ${lines.reduce((n, l) => n + (JSON.parse(l) as { entities: unknown[] }).entities.length, 0)} entities → ${dumpFile}`);
  } else {
    const expected = readFileSync(checkFile!, "utf8").split("\n");
    let differing = 0;
    lines.forEach((line, i) => {
      if (line === expected[i]) return;
      if (differing++ < 5) console.log(`text ${i} (${samples[i]!.text.slice(0, 30)}…) differs:\n  was ${expected[i]?.slice(0, 600)}\n  now ${line.slice(0, 600)}`);
    });
    console.log(differing === 0 ? `identical on all ${lines.length} texts` : `${differing} of ${lines.length} texts differ`);
    process.exitCode = differing === 0 ? 0 : 1;
  }
} else {
  const lexicon = entityLexicon();
  const weights = shippedTaggerWeights();
  const analyzer = createAnalyzer();
  run(samples[0]!); // load the word lists and weights
  const rounds = Number(option("--rounds") ?? 3);
  const indexes = samples.map((s) => indexTokens(s.text, s.tokens));
  const sets = [...new Set(samples.map((s) => s.set))];
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  /**
   * Best-of-rounds milliseconds of `part` over the samples of each set, in CPU time of this process (the machine
   * is shared: wall time would count the other processes too).
   */
  const time = (part: (s: Sample, i: number) => unknown): Map<string, number> => {
    const best = new Map<string, number>();
    for (let r = 0; r < rounds; r++) {
      for (const set of sets) {
        const t = cpuMs();
        samples.forEach((s, i) => s.set === set && part(s, i));
        best.set(set, Math.min(best.get(set) ?? Infinity, cpuMs() - t));
      }
    }
    return best;
  };
  const parts: [string, (s: Sample, i: number) => unknown][] = [
    ["segmentation", (s) => analyzer.segment(s.text)],
    ["entity extraction (all)", run],
    ["  token index", (s) => indexTokens(s.text, s.tokens)],
    ["  tagger: features", (s, i) => characterFeatures(s.text, indexes[i]!, lexicon)],
    ["  tagger: features + emissions + Viterbi", (s, i) => tagCharacters(s.text, indexes[i]!, lexicon)],
    ["  tagger + name filters (names.ts)", (s, i) => taggedNames(s.text, indexes[i]!, lexicon, weights)],
    ["  persons (person.ts)", (s, i) => findPersons(s.text, indexes[i]!, lexicon)],
    ["  organisations (org.ts)", (s, i) => findOrgs(s.text, indexes[i]!, lexicon)],
    ["  places (place.ts)", (s, i) => findPlaces(s.text, indexes[i]!, lexicon)],
    ["  meetings", (s, i) => findMeetings(s.text, indexes[i]!)],
    ["  counts", (s, i) => findCounts(indexes[i]!)],
    ["  dates (text/dates.ts)", (s) => findDates(s.text, options(s))],
    ["  documents and quotes", (s) => findQuotes(s.text)],
  ];
  const results = parts.map(([name, part]) => [name, time(part)] as const);
  // the parts the whole run is made of (the tagger's rows nest): what they leave is the candidates' glue
  // (listed names, chain organisations, resolving, linking) and the parts evicting each other's cached tables
  const disjoint = ["  token index", "  tagger + name filters (names.ts)", "  persons (person.ts)", "  organisations (org.ts)", "  places (place.ts)",
    "  meetings", "  counts", "  dates (text/dates.ts)", "  documents and quotes"];
  const whole = results[1]![1];
  results.push(["  not in any part above", new Map(sets.map((set) =>
    [set, whole.get(set)! - results.filter(([name]) => disjoint.includes(name)).reduce((ms, [, m]) => ms + m.get(set)!, 0)]))]);
  const chars = (set: string) => samples.filter((s) => s.set === set).reduce((n, s) => n + s.text.length, 0);
  console.log(`\n## Entity extraction cost by part (CPU time, best of ${rounds} rounds; % of segmentation of the same texts)\n`);
  printTable(
    ["part", ...sets.flatMap((set) => [`${set} ms`, "%"])],
    results.map(([name, ms]) => [
      name,
      ...sets.flatMap((set) => [ms.get(set)!.toFixed(1), `${((ms.get(set)! / results[0]![1].get(set)!) * 100).toFixed(0)}%`]),
    ]),
  );
  console.log(`\n${sets.map((set) => `${set}: ${chars(set)} characters`).join("; ")}`);
}
