import { readFileSync } from "node:fs";
import { describe, expect } from "vitest";
import { dataPath } from "../bench/lib/data.js";
import { readBio } from "../bench/tools/ner-data.js";
import { DEFAULT_EPOCHS, trainTagger, weightsFileText } from "../bench/tools/tagger-training.js";
import { readDictLines } from "../src/dict.js";
import { entityLexicon } from "../src/entities/lexicon.js";
import {
  characterFeatures, compactWeights, emissions, LABEL_COUNT, maskTransitions, tagCharacters, viterbi,
} from "../src/entities/tagger.js";
import { indexTokens } from "../src/entities/tokens.js";
import { segmentText, defaultLexicon } from "../src/segment/index.js";
import { itWithData, readData, seedText } from "./helpers/data.js";

/** The shipped weights, read the way training tools hand them over: (feature id, weights) pairs. */
function shippedWeights() {
  const transitions = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT);
  const entries: [number, number[]][] = [];
  for (const { fields: [key, ...values] } of readDictLines("entity-tagger.txt", " ")) {
    if (key!.startsWith("@")) transitions.set(values.map(Number), Number(key!.slice(1)) * LABEL_COUNT);
    else entries.push([Number.parseInt(key!, 36), values.map(Number)]);
  }
  return { weights: compactWeights(entries, transitions), transitions };
}

describe("the entity tagger's inference", () => {
  // tagging reads most weights from tables built when the weights load; training computes every feature id
  itWithData("ner/peoples-daily-1998", "labels every character as Viterbi over the features' emission scores does", () => {
    const { weights, transitions } = shippedWeights();
    const news = readData("ner/peoples-daily-1998/example.test").split("\n").slice(0, 3000)
      .map((line) => line.split(/\s/u)[0]).join("");
    for (const text of [seedText(), news, "王".repeat(600), ""]) {
      const index = indexTokens(text, segmentText(text, "default", defaultLexicon()));
      const reference = viterbi(emissions(characterFeatures(text, index, entityLexicon()), text.length, weights), text.length, maskTransitions(transitions));
      const tagged = tagCharacters(text, index, entityLexicon());
      expect(tagged).toEqual(reference);
      if (text.length > 1000) expect(tagged.some((label) => label !== 0)).toBe(true);
    }
  });
});

describe("the shipped weights", () => {
  // The features read the segmentation and the entity word lists: a change to either without retraining leaves
  // weights that `train-ner.ts` no longer produces. Training is deterministic (a fixed visiting order), so the
  // file must come out byte for byte.
  itWithData("ner/peoples-daily-1998", "are what bench/tools/train-ner.ts trains from the repository as it is", () => {
    const sentences = readBio(dataPath("ner/peoples-daily-1998/example.dev"));
    const epochs = DEFAULT_EPOCHS;
    const trained = trainTagger(sentences, { epochs, silverItems: 0, swaps: 0, poolItems: 0 });
    const shipped = readFileSync(new URL("../dict/entity-tagger.txt", import.meta.url), "utf8");
    // compared as a flag first: a failing toBe on a 2 MB string would print both
    const same = weightsFileText(trained.dense, sentences.length, epochs) === shipped;
    expect(same, "dict/entity-tagger.txt is stale: run `npx tsx bench/tools/train-ner.ts`").toBe(true);
  }, 120_000);
});
