/**
 * The public training sets of the entity tagger (../shared/data/ner/train, see its README; People's Daily
 * `example.dev` beside them; MSRA's training split in bench/data/ner-train, less every sentence a test set holds,
 * see its README), read as PER / LOC / ORG sentences with each set's types mapped deliberately. The test sets (MSRA,
 * People's Daily example.test, Weibo test) are never read here.
 *
 * Mapping (the variants are chosen by cross-validation in train-ner.ts `--cv`, never by test scores):
 * - CLUENER2020: name → PER; government, organization → ORG; company → ORG; address → LOC when it is a place name
 *   (`PLACE_NAME`: short, or ending in an administrative unit), else unsure (LOC or O: a street address labelled O
 *   would teach that its places are no places); position, game, book, movie, scene → O.
 * - BosonNLP: person_name → PER, location → LOC, org_name and company_name → ORG; time, product_name → O.
 * - Resume NER: NAME → PER, ORG → ORG, LOC and CONT → LOC cut to the place (中国国籍 → 中国), and LOC unlabelled
 *   elsewhere (the set marks only places of origin); TITLE, EDU, PRO, RACE → O.
 *
 * A set may also be read with some types unlabelled (`readTrainingSet(name, ["LOC"])`): where it says O those types
 * may be there (ner-data.ts `BioSentence`), for sets whose convention for a type differs from People's Daily's.
 * - Weibo NER: PER.NAM → PER, GPE.NAM and LOC.NAM → LOC, ORG.NAM → ORG; nominal mentions (.NOM) → O.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { dataPath, projectRoot } from "../lib/data.js";
import { type BioSentence, type BioSpan, type BioType, readBio } from "./ner-data.js";

export const SET_NAMES = ["pd", "msra", "cluener", "boson", "resume", "weibo"] as const;
export type SetName = (typeof SET_NAMES)[number];

/** Where each set comes from, for the weights file's header and the README (terms: research use, no licence file). */
export const PROVENANCE: Record<SetName, { files: string[]; source: string }> = {
  pd: {
    files: ["ner/peoples-daily-1998/example.dev"],
    source: "People's Daily 1998 NER example.dev (OYE93/Chinese-NLP-Corpus e9bb5b5f)",
  },
  msra: {
    files: ["bench/data/ner-train/msra-train.bio.gz"],
    source: "MSRA NER training split (SIGHAN 2006, Levow 2006; zhooufeng/Data 8994cd15, MSRA.zip msra_train_bio), less the sentences a test set or example.dev holds",
  },
  cluener: {
    files: ["ner/train/cluener/train.jsonl", "ner/train/cluener/dev.jsonl"],
    source: "CLUENER2020 train+dev (Xu et al. 2020; GuocaiL/nlp_corpus f924a9e1, open_ner_data/cluener_public)",
  },
  boson: {
    files: ["ner/train/boson/boson.jsonl"],
    source: "BosonNLP NER 2,000 texts (GuocaiL/nlp_corpus f924a9e1, open_ner_data/boson)",
  },
  resume: {
    files: ["ner/train/resume/train.char.bmes", "ner/train/resume/dev.char.bmes"],
    source: "Resume NER train+dev (Zhang & Yang 2018; GuocaiL/nlp_corpus f924a9e1, open_ner_data/ResumeNER)",
  },
  weibo: {
    files: ["ner/train/weibo/weiboNER_2nd_conll.train", "ner/train/weibo/weiboNER_2nd_conll.dev"],
    source: "Weibo NER 2nd release train+dev (Peng & Dredze 2015, He & Sun 2016; OYE93/Chinese-NLP-Corpus e9bb5b5f)",
  },
};

/** A training file's path: `bench/…` in this repository, anything else in ../shared/data. */
export const trainingPath = (relative: string) => (relative.startsWith("bench/") ? resolve(projectRoot, relative) : dataPath(relative));

/** The first 16 hex digits of each file's sha256, as the data READMEs list them. */
export function fileDigest(relative: string): string {
  return createHash("sha256").update(readFileSync(trainingPath(relative))).digest("hex").slice(0, 16);
}

/** A CLUENER address that is a place name (台湾, 房山长阳镇), not a street or a building (泗水街, 丽泽金融商务区). */
const PLACE_NAME = /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Han}]{2,10}[省市县区州盟旗镇乡村国])$/u;
const STREETISH = /[路街道巷号楼座层室弄园馆厦场站桥口院]|大道|广场|中心|小区|商务/u;

const isPlaceName = (name: string) => PLACE_NAME.test(name) && !STREETISH.test(name);

type JsonType = Record<string, BioType | "place?" | undefined>;
const CLUENER: JsonType = { name: "PER", government: "ORG", organization: "ORG", company: "ORG", address: "place?" };
const BOSON: JsonType = { person_name: "PER", location: "LOC", org_name: "ORG", company_name: "ORG" };

/**
 * Sentences of a JSON-lines set, with `types` mapping its entity types (unlisted types → O). A span whose type
 * maps to "place?" is a LOC when it is a place name, else unsure (LOC or O). Spans are trimmed of surrounding
 * spaces (BosonNLP has some), overlapping spans drop the later one.
 */
function readJsonLines(relative: string, types: JsonType): BioSentence[] {
  const out: BioSentence[] = [];
  for (const line of readFileSync(dataPath(relative), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const { text, entity_list } = JSON.parse(line) as {
      text: string;
      entity_list: { entity_type: string; entity_index: { begin: number; end: number } }[];
    };
    const spans: BioSpan[] = [];
    const unsure: BioSpan[] = [];
    for (const { entity_type, entity_index } of entity_list) {
      let type = types[entity_type];
      if (!type) continue;
      let { begin: start, end } = entity_index;
      while (start < end && /\s/u.test(text[start]!)) start++;
      while (end > start && /\s/u.test(text[end - 1]!)) end--;
      if (start >= end) continue;
      if (type === "place?") {
        if (!isPlaceName(text.slice(start, end))) {
          unsure.push({ type: "LOC", start, end });
          continue;
        }
        type = "LOC";
      }
      spans.push({ type, start, end });
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const disjoint = spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
    out.push(...splitSentences(text, disjoint, unsure.filter((u) => !disjoint.some((s) => s.start < u.end && u.start < s.end))));
  }
  return out;
}

/** Sentence ends where a long text (BosonNLP's are articles) is cut, so that examples stay sentence-sized. */
const ENDS = new Set([..."。！？\n"]);

/** A text cut after each sentence end that no span crosses, the spans shifted to each piece. */
function splitSentences(text: string, spans: readonly BioSpan[], unsure: readonly BioSpan[]): BioSentence[] {
  const out: BioSentence[] = [];
  let from = 0;
  const within = (list: readonly BioSpan[], to: number) =>
    list.filter((s) => s.start >= from && s.end <= to).map((s) => ({ ...s, start: s.start - from, end: s.end - from }));
  const cut = (to: number) => {
    const piece = text.slice(from, to);
    if (piece.trim()) out.push({ text: piece, spans: within(spans, to), ...(unsure.length ? { unsure: within(unsure, to) } : {}) });
    from = to;
  };
  for (let i = 0; i < text.length; i++) {
    if (ENDS.has(text[i]!) && ![...spans, ...unsure].some((s) => s.start <= i && s.end > i + 1)) cut(i + 1);
  }
  cut(text.length);
  return out;
}

/**
 * Sentences of a character-per-line file: `char tag` (Resume, BMES) or `char<digit>\ttag` (Weibo, BIO), with
 * `types` mapping the tag's type (unlisted → O).
 */
function readCharacterLines(relative: string, types: Record<string, BioType>, weibo: boolean): BioSentence[] {
  const out: BioSentence[] = [];
  let text = "";
  let spans: BioSpan[] = [];
  let open: BioSpan | undefined;
  const flush = () => {
    if (text) out.push({ text, spans });
    text = "";
    spans = [];
    open = undefined;
  };
  for (const line of readFileSync(dataPath(relative), "utf8").split("\n")) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    const separator = line.search(/[\t ]\S+$/u);
    const tag = line.slice(separator + 1);
    // Weibo appends the character's position in its word (a digit) to the character
    const char = weibo ? line.slice(0, separator - 1) : line.slice(0, separator);
    const start = text.length;
    text += char;
    const type = types[tag.slice(2)];
    const prefix = tag[0];
    if (!type || tag === "O") open = undefined;
    else if (prefix === "B" || prefix === "S") {
      spans.push((open = { type, start, end: text.length }));
      if (prefix === "S") open = undefined;
    } else if (open?.type === type) open.end = text.length;
    else spans.push((open = { type, start, end: text.length }));
  }
  flush();
  return out;
}

/**
 * A Weibo NER file (`char<digit>\ttag`) with its named mentions as PER / LOC / ORG: PER.NAM → PER, GPE.NAM and
 * LOC.NAM → LOC, ORG.NAM → ORG, nominal mentions → O. bench/ner-accuracy.ts reads the test file with it.
 */
export function readWeibo(relative: string): BioSentence[] {
  return readCharacterLines(relative, { "PER.NAM": "PER", "GPE.NAM": "LOC", "LOC.NAM": "LOC", "ORG.NAM": "ORG" }, true);
}

/** Resume's places of origin and nationalities (中国国籍, 湖北谷城县人) cut to the place (中国, 湖北谷城县). */
function placeOfOrigin(text: string, span: BioSpan): BioSpan {
  const suffix = /(?:省籍|国籍|籍|公民|人)$/u.exec(text.slice(span.start, span.end));
  return suffix && suffix.index > 0 ? { ...span, end: span.start + suffix.index } : span;
}

/**
 * The sentences of one training set, mapped to PER / LOC / ORG. `unlabelled` types are dropped and left open where
 * the set says O; Resume's LOC is always open beside the places of origin it marks.
 */
export function readTrainingSet(name: SetName, unlabelled: readonly BioType[] = []): BioSentence[] {
  const sentences = mappedSentences(name);
  const open = [...new Set([...unlabelled, ...(name === "resume" ? ["LOC" as const] : [])])];
  if (open.length === 0) return sentences;
  return sentences.map((sentence) => ({ ...sentence, spans: sentence.spans.filter((s) => !unlabelled.includes(s.type)), unlabelled: open }));
}

function mappedSentences(name: SetName): BioSentence[] {
  switch (name) {
    case "pd":
    case "msra":
      return readBio(trainingPath(PROVENANCE[name].files[0]!));
    case "cluener":
      return PROVENANCE.cluener.files.flatMap((file) => readJsonLines(file, CLUENER));
    case "boson":
      return readJsonLines(PROVENANCE.boson.files[0]!, BOSON);
    case "resume":
      return PROVENANCE.resume.files
        .flatMap((file) => readCharacterLines(file, { NAME: "PER", ORG: "ORG", LOC: "LOC", CONT: "LOC" }, false))
        .map(({ text, spans }) => ({ text, spans: spans.map((span) => (span.type === "LOC" ? placeOfOrigin(text, span) : span)) }));
    case "weibo":
      return PROVENANCE.weibo.files.flatMap(readWeibo);
  }
}

/** A title the tagger reads as a feature: Han script, two to eight characters. */
const TITLE_SHAPE = /^\p{Script=Han}{2,8}$/u;

/**
 * The job titles the training sets annotate (CLUENER `position`, Resume `TITLE`: 党委书记, 副省长, 董事长), with how
 * often each is annotated; only titles of `TITLE_SHAPE`.
 */
export function annotatedTitles(): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (title: string) => {
    if (TITLE_SHAPE.test(title)) counts.set(title, (counts.get(title) ?? 0) + 1);
  };
  for (const file of PROVENANCE.cluener.files) {
    for (const line of readFileSync(dataPath(file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { entity_list } = JSON.parse(line) as { entity_list: { entity_type: string; entity: string }[] };
      for (const { entity_type, entity } of entity_list) if (entity_type === "position") add(entity.trim());
    }
  }
  for (const file of PROVENANCE.resume.files) {
    let title = "";
    for (const line of readFileSync(dataPath(file), "utf8").split("\n")) {
      const [char, tag = "O"] = line.split(" ");
      if (tag.endsWith("-TITLE") && !tag.startsWith("B-") && !tag.startsWith("S-")) title += char;
      else {
        if (title) add(title);
        title = tag.endsWith("-TITLE") ? char! : "";
      }
    }
    if (title) add(title);
  }
  return counts;
}
