/**
 * Trains the entity tagger (src/entities/tagger.ts): an averaged structured perceptron on People's Daily 1998
 * `example.dev` ONLY (never a test split). The number of epochs is chosen on the last 15% of example.dev held out,
 * then the tagger is retrained on all of it and the weights written to dict/entity-tagger.txt.
 *
 *   npx tsx bench/tools/train-ner.ts [--epochs N]
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { HASH_BITS, LABEL_COUNT, LABELS } from "../../src/entities/tagger.js";
import { dataPath, projectRoot } from "../lib/data.js";
import { readBio } from "./ner-data.js";
import { f1, prepare, ROWS, train } from "./perceptron.js";

const L = LABEL_COUNT;
const epochArg = process.argv.indexOf("--epochs");
const sentences = readBio(dataPath("ner/peoples-daily-1998/example.dev"));
const examples = sentences.map(prepare);
let epochs = epochArg > 0 ? Number(process.argv[epochArg + 1]) : 0;
if (!epochs) {
  const cut = Math.floor(examples.length * 0.85);
  let best = { epoch: 1, score: -1 };
  train(examples.slice(0, cut), 15, (epoch, weights) => {
    const scores = f1(examples.slice(cut), weights);
    const mean = (scores.PER! + scores.LOC! + scores.ORG!) / 3;
    console.log(`epoch ${epoch}: held-out F1 PER ${scores.PER!.toFixed(3)} LOC ${scores.LOC!.toFixed(3)} ORG ${scores.ORG!.toFixed(3)}`);
    if (mean > best.score) best = { epoch, score: mean };
  });
  epochs = best.epoch;
  console.log(`best epoch count on the held-out 15%: ${epochs}`);
}
const weights = train(examples, epochs);

// only rows with a weight that matters are written; the rest stay zero
const lines: string[] = [];
const round = (v: number) => Number(v.toFixed(2));
for (let from = 0; from <= L; from++) {
  lines.push(`@${from} ${[...weights.transitions.subarray(from * L, from * L + L)].map(round).join(" ")}`);
}
let kept = 0;
for (let row = 0; row < ROWS; row++) {
  const values = [...weights.features.subarray(row * L, row * L + L)].map(round);
  if (values.every((v) => Math.abs(v) < 0.01)) continue;
  lines.push(`${row.toString(36)} ${values.join(" ")}`);
  kept++;
}
const header = [
  "# gongwen entity tagger weights (averaged structured perceptron, BIO labels " + LABELS.join(" ") + ").",
  "# Source: trained by bench/tools/train-ner.ts on People's Daily 1998 example.dev only (../shared/data/ner,",
  `#   research-use data, see its README), ${sentences.length} sentences, ${epochs} epochs; features in src/entities/tagger.ts.`,
  `# Format: \`@<from> w…\` transition rows (from = label index, ${L} = sentence start), then \`<row base36> w…\` one row`,
  `#   of ${L} weights per hashed feature (2^${HASH_BITS} rows; rows not listed are zero). Single spaces.`,
];
writeFileSync(resolve(projectRoot, "dict/entity-tagger.txt"), `${header.join("\n")}\n${lines.join("\n")}\n`);
console.log(`wrote dict/entity-tagger.txt: ${kept} feature rows`);
