/**
 * Builds dict/policy-words.txt, the policy-domain user dictionary for nodejieba.
 *
 * 1. Reads the hand-curated seed list bench/tools/curated-policy-words.txt.
 * 2. Mines new words from the policy corpus and the Xinwen Lianbo transcripts (../shared/data): runs of
 *    2–4 consecutive jieba tokens that recur, stick together (pointwise mutual information of the weakest
 *    split) and appear in varied contexts (left/right branching entropy over neighbouring tokens), as in
 *    classic new-word discovery.
 * 3. Gives each entry a frequency high enough to beat the pieces jieba would cut it into. A mined entry that
 *    neither SIGHAN 2005 training vocabulary (PKU, MSR: the word lists of their training data, never the test
 *    gold) knows, while every piece jieba cuts it into is a training word, is a phrase both standards split: it
 *    is dropped (or, if jieba knows the word, kept at jieba's own frequency). Hand-curated entries always stay.
 * 4. Writes the file and prints the SIGHAN F1 of raw jieba with and without it, for information only (a gate on
 *    the test sets would be tuning on them).
 *
 * Usage: npx tsx bench/tools/build-policy-words.ts [--no-check]
 */
import nodejieba from "nodejieba";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareWithBaseline, printComparison } from "./check-policy-words.js";

const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");
const dataDir = resolve(repoRoot, "../shared/data");
const curatedFile = join(repoRoot, "bench/tools/curated-policy-words.txt");
const outFile = join(repoRoot, "dict/policy-words.txt");
const jiebaDictFile = join(repoRoot, "node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8");

/** Words the rest of gongwen relies on: the build fails if a source lacks one, and none is ever pruned. */
const MUST_HAVE = new Set(["党委书记", "巡回指导组", "指导组", "组长", "成员", "产教融合", "新质生产力", "一带一路", "主题教育", "办学定位", "立德树人"]);

const HAN_WORD = /^[\u4e00-\u9fff]+$/;
const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;

// Mining thresholds, chosen by reading random samples of what each setting lets through.
const MIN_COUNT = 10;
const MIN_PMI = 3.0; // natural log: the weakest split co-occurs ≥ e^3 ≈ 20× more often than chance
const MIN_ENTROPY = 1.5; // nats, of both the left and the right neighbouring token
const MAX_TOKENS = 4;
const MIN_CHARS = 3;
const MAX_CHARS = 6;
/** Tokens that make a run a phrase rather than a word when they sit inside or at its edge. */
const FUNCTION_TOKENS = new Set(
  "的 地 得 了 着 过 和 与 及 以及 或 或者 在 是 对 对于 把 将 被 为 以 由 从 向 于 等 也 都 就 并 又 而 且 还 更 最 很 要 会 能 可 这 那 其 之 各 每 该 我 我们 你 他 她 它 他们 有 没有 不 个 年 月 日".split(" "),
);

// Frequency policy: a word must beat the product of its pieces' probabilities (jieba's DP compares
// sums of log(freq / total)); MARGIN gives room for context, FLOOR (≈ the 97th percentile of jieba's
// dictionary) lets a word also beat overlapping splits such as 指导/组成员, CAP keeps any entry from
// swallowing its neighbours.
const MARGIN = 20;
const FLOOR = 300;
const CAP = 30000;

type Pos = string;
interface Entry {
  word: string;
  pos: Pos;
  source: "curated" | "mined";
}

function loadJiebaDict(): { freq: Map<string, number>; total: number } {
  if (!existsSync(jiebaDictFile)) throw new Error(`jieba dictionary not found: ${jiebaDictFile}`);
  const freq = new Map<string, number>();
  let total = 0;
  for (const line of readFileSync(jiebaDictFile, "utf8").split("\n")) {
    const [word, f] = line.split(" ");
    if (!word || !f) continue;
    freq.set(word, Number(f));
    total += Number(f);
  }
  return { freq, total };
}

/** Parses the curated list: `[tag]` sets the current tag, `word` or `word/tag` entries, `#` comments. */
function readCurated(): Entry[] {
  const entries: Entry[] = [];
  let pos: Pos = "n";
  readFileSync(curatedFile, "utf8")
    .split("\n")
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      const section = /^\[([a-z]+)\]$/.exec(line);
      if (section) {
        pos = section[1]!;
        return;
      }
      for (const item of line.split(/\s+/)) {
        const [word, tag] = item.split("/");
        if (!word || !HAN_WORD.test(word)) throw new Error(`${curatedFile}:${index + 1}: "${item}" is not a Han word`);
        entries.push({ word, pos: tag ?? pos, source: "curated" });
      }
    });
  return entries;
}

/** Han-only clauses of every corpus text, each already cut by default jieba. */
function corpusClauses(): string[][] {
  const texts: string[] = [];
  const policyDir = join(dataDir, "policy");
  for (const name of readdirSync(policyDir).filter((f) => f.endsWith(".txt"))) {
    texts.push(readFileSync(join(policyDir, name), "utf8"));
  }
  const xwlb = join(dataDir, "corpus/xinwenlianbo/xwlb-items.jsonl");
  for (const line of readFileSync(xwlb, "utf8").split("\n")) {
    if (line) texts.push((JSON.parse(line) as { text: string }).text);
  }
  const clauses: string[][] = [];
  for (const text of texts) {
    // A clause that touches a digit or Latin letter starts or ends inside a quantity (`26项重点`,
    // `5G网络`): drop that edge token so 项重点 does not look like a word.
    const parts = text.split(/([^\u4e00-\u9fff]+)/);
    for (let i = 0; i < parts.length; i += 2) {
      const clause = parts[i]!;
      if (clause.length < 2) continue;
      const tokens = nodejieba.cut(clause, true);
      if (ALNUM.test(parts[i - 1] ?? "")) tokens.shift();
      if (ALNUM.test(parts[i + 1] ?? "")) tokens.pop();
      if (tokens.length >= 2) clauses.push(tokens);
    }
  }
  return clauses;
}

const key = (tokens: string[], from: number, to: number) => tokens.slice(from, to).join("|");

/** Counts token n-grams level by level, extending only n-grams whose two (n−1)-gram halves are frequent. */
function countNgrams(clauses: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const tokens of clauses) for (const t of tokens) bump(t);
  for (let n = 2; n <= MAX_TOKENS; n++) {
    for (const tokens of clauses) {
      for (let i = 0; i + n <= tokens.length; i++) {
        if ((counts.get(key(tokens, i, i + n - 1)) ?? 0) < MIN_COUNT) continue;
        if ((counts.get(key(tokens, i + 1, i + n)) ?? 0) < MIN_COUNT) continue;
        bump(key(tokens, i, i + n));
      }
    }
  }
  return counts;
}

function entropy(neighbours: Map<string, number>, boundaries: number): number {
  let total = boundaries;
  for (const c of neighbours.values()) total += c;
  let h = 0;
  const add = (c: number) => {
    const p = c / total;
    h -= p * Math.log(p);
  };
  for (const c of neighbours.values()) add(c);
  for (let i = 0; i < boundaries; i++) add(1); // each clause edge counts as a distinct neighbour
  return h;
}

/** New-word discovery over the corpus. */
function mine(): Entry[] {
  const clauses = corpusClauses();
  const counts = countNgrams(clauses);
  const tokenTotal = clauses.reduce((n, c) => n + c.length, 0);

  const candidates = new Map<string, { pmi: number; left: Map<string, number>; right: Map<string, number>; edges: [number, number] }>();
  for (const [k, c] of counts) {
    if (c < MIN_COUNT || !k.includes("|")) continue;
    const pieces = k.split("|");
    const chars = pieces.join("").length;
    if (chars < MIN_CHARS || chars > MAX_CHARS) continue;
    if (pieces.some((p) => FUNCTION_TOKENS.has(p))) continue;
    let pmi = Infinity;
    for (let s = 1; s < pieces.length; s++) {
      const a = counts.get(pieces.slice(0, s).join("|")) ?? 0;
      const b = counts.get(pieces.slice(s).join("|")) ?? 0;
      pmi = Math.min(pmi, Math.log((c * tokenTotal) / (a * b)));
    }
    if (pmi >= MIN_PMI) candidates.set(k, { pmi, left: new Map(), right: new Map(), edges: [0, 0] });
  }

  for (const tokens of clauses) {
    for (let n = 2; n <= MAX_TOKENS; n++) {
      for (let i = 0; i + n <= tokens.length; i++) {
        const cand = candidates.get(key(tokens, i, i + n));
        if (!cand) continue;
        const l = tokens[i - 1];
        const r = tokens[i + n];
        if (l === undefined) cand.edges[0]++;
        else cand.left.set(l, (cand.left.get(l) ?? 0) + 1);
        if (r === undefined) cand.edges[1]++;
        else cand.right.set(r, (cand.right.get(r) ?? 0) + 1);
      }
    }
  }

  const mined: Entry[] = [];
  for (const [k, cand] of candidates) {
    if (Math.min(entropy(cand.left, cand.edges[0]), entropy(cand.right, cand.edges[1])) < MIN_ENTROPY) continue;
    const pieces = k.split("|");
    const word = pieces.join("");
    const tags = nodejieba.tag(word).map((t) => t.tag);
    if (!looksLikeTerm(word, pieces, tags, cand.pmi)) continue;
    mined.push({ word, pos: guessPos(word, tags.at(-1) ?? "n"), source: "mined" });
  }
  return mined;
}

/** Tags that make a run a phrase wherever they occur: names, numbers, times, verbs, adverbs, prepositions… */
const PHRASE_TAGS = /^(nr.*|x|m|t|v|vd|d|p|c|u.*|r|y|e|o|zg)$/;
/** Tags that never end a term (a locative or adjective leaves it open: 辖区内, 活力足, 国产大). */
const OPEN_END_TAGS = new Set(["f", "a", "ad", "q"]);
/** Scope words that modify a term rather than belong to it (全国固定资产, 全省小麦). */
const SCOPE_PREFIXES = ["全国", "全省", "全市", "全县", "全区", "各地", "全球"];
/** Agents after a place name make a reference to people, not a term (美国媒体, 伊朗官方, 俄罗斯外长). */
const AGENT_TAILS = new Set(["媒体", "报道", "媒体报道", "官员", "官方", "军方", "方面", "外长", "总统", "总理", "副总理", "先生", "民众", "领导人", "议员", "专家", "人士", "网民"]);
/** One-character country abbreviations as a first piece (俄, 美, 中 in 中美两国人民). */
const COUNTRY_ABBREVIATIONS = "中美俄日韩英法德以乌伊朝巴印欧澳加意越泰菲蒙老柬缅叙土埃沙".split("");
/** A pair of whole words must bind much more tightly than a term with a fragment to count as one word. */
const MIN_PMI_WHOLE_WORDS = 4.5;

/**
 * Keeps noun-like terms that jieba actually breaks, not phrases: no names, numbers, verbs, adverbs or
 * function words in it, no open end, no place + place or place + agent, and either a single-character
 * fragment among its pieces (jieba failed on it: 新质/生产力), an organisation suffix, or a tightly bound
 * pair of nouns.
 */
function looksLikeTerm(word: string, pieces: string[], tags: string[], pmi: number): boolean {
  if (tags.some((t) => PHRASE_TAGS.test(t)) || OPEN_END_TAGS.has(tags.at(-1)!)) return false;
  if (tags.filter((t) => t === "ns").length >= 2) return false; // 江苏南京, 美国华盛顿
  if (tags[0] === "ns" && AGENT_TAILS.has(pieces.at(-1)!)) return false;
  if (SCOPE_PREFIXES.some((p) => pieces[0] === p)) return false;
  if (COUNTRY_ABBREVIATIONS.includes(pieces[0]!)) return false; // 俄战机, 中方视, 中/阿/关系: references, not terms
  if (BAD_LAST_CHARS.includes(word.at(-1)!) || (pieces[0]!.length === 1 && CLASSIFIERS.includes(pieces[0]!))) return false;
  if (pieces.some((p) => p.length === 1)) return true;
  if (ORG_SUFFIXES.some((s) => word.endsWith(s))) return true;
  return pieces.length === 2 && pmi >= MIN_PMI_WHOLE_WORDS && tags.every((t) => NOUNISH.has(t));
}

/** Plural, time and place particles end phrases (队员们, 事发时, 辖区内), not terms. */
const BAD_LAST_CHARS = "们时前后内外上下里间中";
/** A classifier as a term's first piece is the tail of a cut-off quantity (项重点, 届联合国大会). */
const CLASSIFIERS = "项季档个名位家次所年月日号届批条种类台件份辆架艘座只头元吨亿万千百余多场轮期式段";
const NOUNISH = new Set(["n", "nz", "vn", "l", "i", "j", "an", "ns", "nt", "b"]);

const ORG_SUFFIXES = ["委员会", "办公室", "办公厅", "中心", "部", "委", "厅", "局", "署", "办", "院", "组", "会", "处", "所", "队", "团"];
const TITLE_SUFFIXES = ["书记", "主任", "部长", "局长", "院长", "主席", "委员", "组长", "厅长", "省长", "市长", "县长", "总理", "校长", "处长"];

function guessPos(word: string, lastTag: string): Pos {
  if (TITLE_SUFFIXES.some((s) => word.endsWith(s))) return "n";
  if (ORG_SUFFIXES.some((s) => word.endsWith(s))) return "nt";
  if (lastTag.startsWith("v")) return "vn";
  if (lastTag === "ns") return "ns";
  return word.length === 4 ? "l" : "n";
}

/** Every word of the PKU and MSR training vocabularies (../shared/data/sighan2005/*_training_words.utf8). */
function loadTrainingWords(): Set<string> {
  const words = new Set<string>();
  for (const set of ["pku", "msr"]) {
    for (const line of readFileSync(join(dataDir, `sighan2005/${set}_training_words.utf8`), "utf8").split(/\r?\n/)) {
      if (line.trim()) words.add(line.trim());
    }
  }
  return words;
}

/** A mined phrase the segmentation standards split: not a training word, but made of training words only. */
const standardsSplit = (word: string, trainingWords: Set<string>) =>
  !trainingWords.has(word) && nodejieba.cut(word, true).every((piece) => trainingWords.has(piece));

/**
 * Frequency that lets `word` beat jieba's own cut of it, within [FLOOR, CAP]. A word jieba already knows at
 * FLOOR or above keeps jieba's frequency (only our tag is new); one it knows too faintly to win in context
 * (指导组 at 2 loses 指导组成员 to 指导/组成员) is raised like a new word.
 */
function frequencyFor(word: string, jieba: ReturnType<typeof loadJiebaDict>): number {
  const known = jieba.freq.get(word);
  if (known !== undefined && known >= FLOOR) return known;
  const pieces = nodejieba.cut(word, true);
  // log P(pieces) = Σ log(f_i / total); the word needs f / total above that.
  let logNeed = Math.log(jieba.total);
  for (const piece of pieces) logNeed += Math.log((jieba.freq.get(piece) ?? 1) / jieba.total);
  return Math.min(CAP, Math.max(FLOOR, Math.ceil(MARGIN * Math.exp(logNeed))));
}

function main(): void {
  nodejieba.load();
  const jieba = loadJiebaDict();
  const trainingWords = loadTrainingWords();

  const byWord = new Map<string, Entry>();
  for (const entry of [...readCurated(), ...mine()]) {
    if (!byWord.has(entry.word)) byWord.set(entry.word, entry); // curated first: its tag wins
  }

  const pruned: string[] = [];
  const kept: Array<Entry & { freq: number }> = [];
  for (const entry of byWord.values()) {
    const freq = frequencyFor(entry.word, jieba);
    const changesJieba = freq !== jieba.freq.get(entry.word);
    const hurts = changesJieba && entry.source !== "curated" && standardsSplit(entry.word, trainingWords);
    const known = jieba.freq.get(entry.word);
    if (!hurts || MUST_HAVE.has(entry.word)) kept.push({ ...entry, freq });
    else if (known !== undefined) kept.push({ ...entry, freq: known }); // jieba's own weight: no change, our tag
    else pruned.push(entry.word);
  }
  for (const word of MUST_HAVE) if (!byWord.has(word)) throw new Error(`must-have word missing: ${word}`);

  kept.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const curatedCount = kept.filter((e) => e.source === "curated").length;
  const header = [
    "# gongwen policy-domain user dictionary for nodejieba (jieba user-dict format).",
    "# Format: one entry per line `word freq pos` (single spaces; freq a positive integer on jieba.dict.utf8's",
    "#   scale, total ≈ 6.0e7; pos a jieba/ICTCLAS tag). Lines starting with # are this header: strip them",
    "#   before handing the file to nodejieba, which would read them as words.",
    `# Sources: ${curatedCount} hand-curated entries (bench/tools/curated-policy-words.txt) and ${kept.length - curatedCount} words`,
    "#   mined by n-gram statistics (count, PMI, branching entropy) from the policy corpus and the CCTV Xinwen",
    "#   Lianbo transcripts in ../shared/data. Mined phrases the SIGHAN 2005 PKU/MSR training vocabularies split were dropped, or kept",
    "#   at jieba's own frequency if jieba knows them; words jieba knows at freq >= 300 keep it too (only the tag is ours).",
    "# Rebuild: npx tsx bench/tools/build-policy-words.ts   (check only: npx tsx bench/tools/check-policy-words.ts)",
    "# Licence: MIT, as gongwen. A word list; no corpus text is reproduced.",
  ];
  const lines = kept.map((e) => `${e.word} ${e.freq} ${e.pos}`);
  writeFileSync(outFile, [...header, ...lines].join("\n") + "\n");
  console.log(`wrote ${outFile}: ${kept.length} entries (${curatedCount} curated, ${kept.length - curatedCount} mined), pruned ${pruned.length}`);
  console.log(`pruned (phrases the SIGHAN training vocabularies split): ${pruned.join(" ")}`);

  if (process.argv.includes("--no-check")) return;
  const result = compareWithBaseline(outFile);
  printComparison(result);
}

main();
