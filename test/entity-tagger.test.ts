import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { annotatedTitlesText, DEFAULT_SETS, parseSets, sha256, smallRunFile } from "../bench/tools/tagger-training.js";
import { fileDigest, PROVENANCE } from "../bench/tools/train-ner-sets.js";
import { sharedCopy } from "../src/core/resources.js";
import { entityLexicon } from "../src/entities/lexicon.js";
import {
  characterFeatures, compactWeights, emissions, maskTransitions, prunedWeights, readTaggerWeights, ROW_BYTES, tagCharacters, viterbi, weightsFile,
  weightsFileHeader,
} from "../src/entities/tagger.js";
import { indexTokens } from "../src/entities/tokens.js";
import { defaultLexicon, engineNamed, segmentText } from "../src/segment/index.js";
import { itWithData, readData, seedText } from "./helpers/data.js";

/** The shipped weights file's bytes. */
const shippedFile = () => readFileSync(new URL("../dict/entity-tagger.bin", import.meta.url));

/** Row `row`'s weights in hundredths: its int8 steps times its int16 scale. */
function rowHundredths(rows: Int8Array, row: number): number[] {
  const scale = new DataView(rows.buffer, rows.byteOffset).getInt16(row * ROW_BYTES + 6, true);
  return [...rows.subarray(row * ROW_BYTES, row * ROW_BYTES + 6)].map((step) => step * scale);
}

/** The shipped weights as the loader reads them, for scoring them the way training tools do. */
function shippedWeights() {
  const weights = readTaggerWeights(shippedFile());
  return { weights, transitions: weights.transitions };
}

describe("the entity tagger's inference", () => {
  // tagging reads most weights from tables built when the weights load; training computes every feature id
  itWithData("ner/peoples-daily-1998", "labels every character as Viterbi over the features' emission scores does", () => {
    const { weights, transitions } = shippedWeights();
    const news = readData("ner/peoples-daily-1998/example.test").split("\n").slice(0, 3000)
      .map((line) => line.split(/\s/u)[0]).join("");
    for (const text of [seedText(), news, "王".repeat(600), ""]) {
      const index = indexTokens(text, segmentText(text, "default", defaultLexicon(), engineNamed("nodejieba")));
      const reference = viterbi(emissions(characterFeatures(text, index, entityLexicon()), text.length, weights), text.length, maskTransitions(transitions));
      const tagged = tagCharacters(text, index, entityLexicon());
      expect(tagged).toEqual(reference);
      if (text.length > 1000) expect(tagged.some((label) => label !== 0)).toBe(true);
    }
  });
});

describe("the weights file format", () => {
  it("reads back the table it writes, each row rounded to int8 steps of its own scale", () => {
    const weights = compactWeights([[5, [0, 1.5, -2, 0, 0, 0.25, 0]], [70_000, [1, 0, 0, 3, 0, 0, -1]], [70_001, [0, 1, -1, 0.5, 0, 0, 0]]], new Float32Array(56).fill(0.504));
    const file = weightsFile(weights, ["# test weights", "# 人民日报"]);
    expect(weightsFileHeader(file)).toEqual(["# test weights", "# 人民日报"]);
    const read = readTaggerWeights(file);
    expect(read.known).toEqual(weights.known);
    expect([...read.transitions]).toEqual(new Array(56).fill(Math.fround(0.5)));
    // hundredths: row 1's largest weight 200 → 2 per step (25 → 26); row 2's 200 → 2 (-100 → -100); row 3's 100 → 1, exact
    expect(rowHundredths(read.rows, 1)).toEqual([150, -200, 0, 0, 26, 0]);
    expect(rowHundredths(read.rows, 2)).toEqual([-100, -100, 200, -100, -100, -200]);
    expect(rowHundredths(read.rows, 3)).toEqual([100, -100, 50, 0, 0, 0]);
    // stored as steps of the row's greatest common divisor: the same weights, the same bytes
    expect([...read.rows.subarray(2 * ROW_BYTES, 3 * ROW_BYTES)]).toEqual([-1, -1, 2, -1, -1, -2, 100, 0]);
  });

  it("ships the shipped weights under 5 MB and reads them in place", () => {
    const file = shippedFile();
    expect(file.byteLength).toBeLessThan(5_000_000);
    const read = readTaggerWeights(file);
    expect(read.rows.buffer).toBe(file.buffer);
    expect(Buffer.from(weightsFile(read, weightsFileHeader(file))).equals(file)).toBe(true);
    // a pool hands its threads the weights in shared memory
    expect(sharedCopy(read).rows.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("drops the rows whose labels all lie within the threshold of O's, keeping the others' weights", () => {
    const weights = compactWeights([[5, [0, 1.5, -2, 0, 0, 0.25, 0]], [70_000, [1, 0, 0, 4, 0, 0, -1]], [70_031, [0, 0, 0, 0, 0, 0, 3]]], new Float32Array(56));
    const pruned = prunedWeights(weights, 2.5);
    expect(pruned.rows.length).toBe(3 * ROW_BYTES);
    const again = compactWeights([[70_000, [1, 0, 0, 4, 0, 0, -1]], [70_031, [0, 0, 0, 0, 0, 0, 3]]], new Float32Array(56));
    expect(pruned.known).toEqual(again.known);
    expect(pruned.rows).toEqual(again.rows);
  });

  it("names what is wrong with a malformed file in a DICT_PARSE error", () => {
    const file = weightsFile(compactWeights([[5, [0, 1, 0, 0, 0, 0, 0]]], new Float32Array(56)), ["# header"]);
    const parseError = (bytes: Uint8Array) => expect(() => readTaggerWeights(bytes)).toThrow(expect.objectContaining({ code: "DICT_PARSE" }));
    parseError(Buffer.from("# header\nno sections here\n"));
    parseError(file.subarray(0, file.length - 4096));
    const renamed = Buffer.from(file);
    renamed.write("sections little-endian Transitions", Buffer.from(file).indexOf("sections"), "latin1");
    expect(() => readTaggerWeights(renamed)).toThrow(expect.objectContaining({ code: "DICT_PARSE", message: expect.stringContaining("line 2") }));
  });
});

describe("the shipped weights", () => {
  const digests = JSON.parse(readFileSync(new URL("fixtures/entity-tagger-digests.json", import.meta.url), "utf8")) as { smallRun: string; shipped: string };
  const shipped = shippedFile();

  // The features read the segmentation and the entity word lists: a change to either without retraining leaves
  // weights that `train-ner.ts` no longer produces. The full training takes minutes, so this repeats a small
  // deterministic run (a fixed visiting order) and compares it with the run recorded when the weights were trained.
  itWithData(["ner/peoples-daily-1998", "ner/train"], "come from the training code and features as they are (a small run, byte for byte)", () => {
    expect(sha256(smallRunFile()), "stale: run `npx tsx bench/tools/train-ner.ts`").toBe(digests.smallRun);
  }, 120_000);

  itWithData("ner/train", "read the job titles the training sets annotate, as training writes them (a title the rules do not list counts)", () => {
    const written = readFileSync(new URL("../dict/entity-tagger-titles.txt", import.meta.url), "utf8");
    expect(written).toBe(annotatedTitlesText());
    expect(written).toMatch(/^独立董事\t\d+$/mu);
  });

  itWithData(["ner/peoples-daily-1998", "ner/train"], "are the file that training wrote, and its header names every training set with its data's digests", () => {
    expect(sha256(shipped)).toBe(digests.shipped);
    const header = weightsFileHeader(shipped).join("\n");
    for (const { name } of parseSets(DEFAULT_SETS)) {
      expect(header).toContain(PROVENANCE[name].source);
      for (const file of PROVENANCE[name].files) expect(header).toContain(fileDigest(file));
    }
    expect(header).toContain("research use");
  });
});
