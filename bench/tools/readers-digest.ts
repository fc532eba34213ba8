/**
 * One sha1 of what the input readers make of every text at hand, to show that a change to them (a speed-up) leaves
 * their output as it was: for each text, how it was read (`doc.input`: format, script, every pollution report with
 * its evidence spans) and the view the stages read (its text and both maps onto the input). Texts: the 19,541 CCTV
 * items, the policy documents of ../shared/data/policy, the seed, and every real-world page of test/fixtures/realworld
 * (dev and held-out, decoded as the CLI reads a file). Prints a digest per set and one of all.
 *
 *   npx tsx bench/tools/readers-digest.ts
 */
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decode } from "../../src/input/decode.js";
import { readInput } from "../../src/input/index.js";
import { createPipeline } from "../../src/pipeline.js";
import { dataPath, projectRoot } from "../lib/data.js";

const { config } = createPipeline();
const realworld = join(projectRoot, "test/fixtures/realworld");
const sets: [string, () => string[]][] = [
  ["CCTV items", () => readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n").filter((l) => l !== "").map((l) => {
    const { title, text } = JSON.parse(l) as { title: string; text: string };
    return `${title}\n${text}`;
  })],
  ["policy documents", () => readdirSync(dataPath("policy")).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(dataPath(`policy/${f}`), "utf8"))],
  ["seed", () => [readFileSync(join(projectRoot, "dict/samples/meeting-report.txt"), "utf8")]],
  ["real-world pages", () => ["dev", "heldout"].flatMap((part) => readdirSync(join(realworld, part)).sort().map((f) => decode(readFileSync(join(realworld, part, f))).text))],
];

const all = createHash("sha1");
const update = (hashes: Hash[], data: string | Int32Array) => hashes.forEach((hash) => hash.update(data));
for (const [name, texts] of sets) {
  const hash = createHash("sha1");
  const list = texts();
  for (const text of list) {
    const { view, info } = readInput(text, config);
    update([hash, all], JSON.stringify(info));
    update([hash, all], view.text);
    update([hash, all], view.starts ?? new Int32Array(0));
    update([hash, all], view.ends ?? new Int32Array(0));
  }
  console.log(`${name} (${list.length}): ${hash.digest("hex")}`);
}
console.log(`all: ${all.digest("hex")}`);
