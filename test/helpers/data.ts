/**
 * The texts tests read. The seed ships in the package (`dict/samples/`); everything else is public data kept beside
 * the project in `../shared/data`, never shipped, so a bare clone lacks it. A suite that needs a missing set skips
 * with one line naming the set and where it comes from; with GONGWEN_REQUIRE_DATA=1 (CI, where the data is present)
 * a missing set fails the file instead, so the data suites can never be skipped silently there.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const dataRoot = resolve(projectRoot, "../shared/data");
/** The seed: a real meeting release, byte-identical to `../shared/data/seed/meeting-report.txt`. */
export const SEED_FILE = resolve(projectRoot, "dict/samples/meeting-report.txt");
export const seedText = (): string => readFileSync(SEED_FILE, "utf8");

/** Each set in `../shared/data`, with the provenance its README gives. */
const DATA_SETS = {
  policy: "60 policy documents and meeting releases (gov.cn, Wikisource, CCTV) copied from public GitHub repositories; see its README.md and manifest.tsv",
  sighan2005: "SIGHAN 2005 PKU/MSR segmentation test sets, research use only (github.com/yuikns/icwb2-data)",
  "ner/peoples-daily-1998": "People's Daily 1998 NER test set (github.com/OYE93/Chinese-NLP-Corpus, split of zjy-ucas/ChineseNER)",
  "ner/train": "NER training sets CLUENER2020, BosonNLP, Resume NER (github.com/GuocaiL/nlp_corpus) and Weibo NER (OYE93/Chinese-NLP-Corpus), research use",
  "corpus/xinwenlianbo": "19,541 CCTV 新闻联播 news items (github.com/DuckBurnIncense/xin-wen-lian-bo)",
} as const;
export type DataSet = keyof typeof DATA_SETS;
/** One set or several (`undefined` stands for the shipped seed, always present). */
type Needs = DataSet | readonly (DataSet | undefined)[];

/** The file of a data path such as `policy/gwr-2024.txt`; `seed/…` is the shipped sample. */
export function dataFile(relative: string): string {
  return relative.startsWith("seed/") ? resolve(projectRoot, "dict/samples", relative.slice("seed/".length)) : resolve(dataRoot, relative);
}

export const readData = (relative: string): string => readFileSync(dataFile(relative), "utf8");

/** The set a data path belongs to (`undefined` for the shipped seed). */
export function dataSetOf(relative: string): DataSet | undefined {
  return (Object.keys(DATA_SETS) as DataSet[]).find((set) => relative.startsWith(`${set}/`));
}

/** Is the set beside the project? */
export const hasData = (set: DataSet): boolean => existsSync(resolve(dataRoot, set));

/** The first `count` CCTV news items, or none when the corpus is missing (the suites that use them skip then). */
export function newsItems(count: number): { id: string; text: string }[] {
  if (!hasData("corpus/xinwenlianbo")) return [];
  return readData("corpus/xinwenlianbo/xwlb-items.jsonl")
    .slice(0, 200_000)
    .split("\n")
    .slice(0, count)
    .map((line) => JSON.parse(line) as { id: string; text: string });
}

/** The sets among `needs` that are not beside the project; throws under GONGWEN_REQUIRE_DATA=1 if any is missing. */
function missingSets(needs: Needs): DataSet[] {
  const sets = [...new Set(typeof needs === "string" ? [needs] : needs)].filter((set): set is DataSet => set !== undefined);
  const missing = sets.filter((set) => !hasData(set));
  if (missing.length > 0 && process.env.GONGWEN_REQUIRE_DATA === "1") {
    throw new Error(`GONGWEN_REQUIRE_DATA=1 but ${missing.map((set) => `../shared/data/${set}`).join(", ")} is missing`);
  }
  return missing;
}

/**
 * Are the sets beside the project? If not, says so in one line naming each missing set and its source, for the suite
 * or test `name` that will skip (and throws under GONGWEN_REQUIRE_DATA=1).
 */
export function dataPresent(needs: Needs, name: string): boolean {
  const missing = missingSets(needs);
  if (missing.length === 0) return true;
  console.warn(`skipped "${name}": needs ${missing.map((set) => `../shared/data/${set} (${DATA_SETS[set]})`).join("; ")}`);
  return false;
}

/**
 * `describe` when the data sets are beside the project, else one skipped entry announced by {@link dataPresent}
 * (the body is not run: it would read the missing data).
 */
export function describeWithData(needs: Needs, name: string, body: () => void): void {
  if (dataPresent(needs, name)) describe(name, body);
  else it.skip(name, () => {});
}

/** `it` when the data sets are beside the project, else a skipped test announced by {@link dataPresent}. */
export function itWithData(needs: Needs, name: string, body: () => unknown, timeout?: number): void {
  (dataPresent(needs, name) ? it : it.skip)(name, body, timeout);
}

/**
 * One suite per item (a gold fixture and its source text), grouped by the data set its source belongs to: items on
 * the shipped seed always run; each missing set skips its group with one line.
 */
export function describeEachSource<T>(items: readonly T[], sourceOf: (item: T) => string, nameOf: (item: T) => string, body: (item: T) => void): void {
  const suite = (item: T) => describe(nameOf(item), () => body(item));
  const groups = new Map<DataSet | undefined, T[]>();
  for (const item of items) {
    const set = dataSetOf(sourceOf(item));
    groups.set(set, [...(groups.get(set) ?? []), item]);
  }
  for (const [set, group] of groups) {
    if (set === undefined) group.forEach(suite);
    else describeWithData(set, `${group.length} sources in ${set}`, () => group.forEach(suite));
  }
}
