/** Readers for the character-per-line BIO NER sets (../shared/data/ner, bench/data/ner-train). */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

export type BioType = "PER" | "LOC" | "ORG";
export interface BioSpan { type: BioType; start: number; end: number }
/**
 * A gold sentence. A training set that leaves some types unannotated (or annotates them under another convention)
 * names them `unlabelled`: where it says O, those types may be there too. `unsure` spans may be their type or O.
 * Training takes the best path that agrees with what is known as the gold path (perceptron.ts).
 */
export interface BioSentence { text: string; spans: BioSpan[]; unlabelled?: readonly BioType[]; unsure?: BioSpan[] }

/** Sentences of a `char<TAB or space>tag` file with a blank line between sentences (gzipped when it ends in .gz). */
export function readBio(path: string): BioSentence[] {
  const raw = readFileSync(path);
  const content = (path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  const sentences: BioSentence[] = [];
  let text = "";
  let spans: BioSpan[] = [];
  let open: BioSpan | undefined;
  const flush = () => {
    if (text) sentences.push({ text, spans });
    text = "";
    spans = [];
    open = undefined;
  };
  for (const line of content.split("\n")) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    const separator = line.search(/[\t ]\S+$/u);
    const tag = line.slice(separator + 1);
    const start = text.length;
    text += line.slice(0, separator);
    const type = tag.slice(2) as BioType;
    if (tag.startsWith("B-")) spans.push((open = { type, start, end: text.length }));
    else if (tag.startsWith("I-") && open?.type === type) open.end = text.length;
    else open = undefined;
  }
  flush();
  return sentences;
}
