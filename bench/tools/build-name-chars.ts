/**
 * Builds dict/entity-name-chars.txt: how likely each character is to be part of a person's name, read from the
 * person names in jieba's dictionary (nodejieba's `jieba.dict.utf8`, MIT), so that the entity tagger
 * (src/entities/tagger.ts) scores given-name and transliteration characters that never occur in a name of its
 * training data.
 *
 * Two scores per character, each the log2 ratio of the names it appears in to all the dictionary words it appears
 * in, bucketed 0–4:
 * - given name: the characters after the surname of `nr`/`nrfg` words made of a surname (dict/entity-surnames.txt)
 *   and one or two characters (王伟, 欧阳修);
 * - transliteration: the characters of `nrt` words and of `nr` words of three or more characters that do not start
 *   with a surname (four-character `nr` words are left out: most are idioms).
 *
 * Measured with dev-eval.ts (5-fold, whole extractor, person F1, mean of four training orders): 0.779 without
 * these features, 0.800 with the templates of tagger.ts; a run-of-transliteration-characters template, finer
 * buckets (floors -5 … -1.5, 2 names) and bucket triples instead of class pairs each did worse (0.785–0.795).
 *
 * Usage: npx tsx bench/tools/build-name-chars.ts, then retrain the tagger (npx tsx bench/tools/train-ner.ts).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readDictLines } from "../../src/dict.js";
import { projectRoot } from "../lib/data.js";

const jiebaDictFile = join(projectRoot, "node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8");
const outFile = join(projectRoot, "dict/entity-name-chars.txt");
if (!existsSync(jiebaDictFile)) throw new Error(`jieba dictionary not found: ${jiebaDictFile}`);

/** A character needs this many name words to score above bucket 0. */
const MIN_NAMES = 3;
/** Lower bounds of buckets 1–4 on log2(name words / all words with the character). */
const BUCKET_FLOORS = [-4.5, -3, -2, -1];

const surnames = new Set(readDictLines("entity-surnames.txt").flatMap((line) => line.fields.filter((f) => f !== "")));
const isHan = (c: string) => c >= "\u4e00" && c <= "\u9fff";
const surnameLength = (word: string) => (surnames.has(word.slice(0, 2)) && word.length >= 3 ? 2 : surnames.has(word[0]!) ? 1 : 0);

const wordsWith = new Map<string, number>();
const givenIn = new Map<string, number>();
const transliteratedIn = new Map<string, number>();
const count = (counts: Map<string, number>, chars: Iterable<string>) => {
  for (const c of new Set(chars)) counts.set(c, (counts.get(c) ?? 0) + 1);
};
let givenWords = 0;
let transliteratedWords = 0;
for (const line of readFileSync(jiebaDictFile, "utf8").split("\n")) {
  const [word, , pos] = line.split(" ");
  if (!word || !pos || ![...word].every(isHan)) continue;
  count(wordsWith, word);
  const surname = surnameLength(word);
  const given = word.length - surname;
  if ((pos === "nr" || pos === "nrfg") && surname > 0 && given >= 1 && given <= 2) {
    count(givenIn, word.slice(surname));
    givenWords++;
  } else if (pos === "nrt" || (pos === "nr" && surname === 0 && word.length >= 3 && word.length !== 4)) {
    count(transliteratedIn, word);
    transliteratedWords++;
  }
}

function bucket(names: number, words: number): number {
  if (names < MIN_NAMES) return 0;
  const ratio = Math.log2(names / words);
  let b = 0;
  while (b < BUCKET_FLOORS.length && ratio >= BUCKET_FLOORS[b]!) b++;
  return b;
}

const rows: string[] = [];
for (const c of [...wordsWith.keys()].sort()) {
  const given = bucket(givenIn.get(c) ?? 0, wordsWith.get(c)!);
  const transliterated = bucket(transliteratedIn.get(c) ?? 0, wordsWith.get(c)!);
  if (given > 0 || transliterated > 0) rows.push(`${c} ${given} ${transliterated}`);
}
const header = [
  "# gongwen name characters: how likely a character is in a person's given name and in a transliterated name,",
  "#   for the entity tagger's features (src/entities/tagger.ts).",
  "# Source: the person names of jieba's dictionary (jieba.dict.utf8 as shipped by nodejieba, cppjieba's dict/,",
  `#   MIT licence): ${givenWords} nr/nrfg words made of a surname (dict/entity-surnames.txt) and one or two characters`,
  `#   give the given-name counts, ${transliteratedWords} nrt words and nr words of 3 or 5+ characters without a surname the`,
  "#   transliteration counts.",
  "# Licence: derived from jieba's dictionary, MIT.",
  "# Rebuild: npx tsx bench/tools/build-name-chars.ts",
  `# Format: \`<character> <given> <transliteration>\`, single spaces; each a bucket 0–4 of log2(name words with the`,
  `#   character / dictionary words with it), bucket floors ${BUCKET_FLOORS.join(", ")}, 0 under ${MIN_NAMES} name words.`,
  "#   Characters listed nowhere are 0 0.",
];
writeFileSync(outFile, `${header.join("\n")}\n${rows.join("\n")}\n`);
console.log(`wrote ${outFile}: ${rows.length} characters`);
