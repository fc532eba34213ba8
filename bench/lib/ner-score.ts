/**
 * Exact-span scoring of entities against gold, and the policy gold set (test/fixtures/entities/*.json) scored with
 * person titles checked: shared by bench/ner-accuracy.ts (the shipped weights) and bench/tools/dev-eval.ts
 * (`--policy`: weights retrained in several training orders).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractEntities } from "../../src/entities/index.js";
import { shippedTaggerWeights, type TaggerWeights } from "../../src/entities/tagger.js";
import type { Analyzer } from "../../src/analyzer.js";
import type { PersonEntity } from "../../src/core/schema.js";
import { dataPath, projectRoot } from "./data.js";

export interface GoldSpan { type: string; start: number; end: number }

/** Counts of true positives, predictions and gold spans per type. */
export class Score {
  counts = new Map<string, { tp: number; predicted: number; gold: number }>();
  add(type: string, predicted: Set<string>, gold: Set<string>): void {
    const c = this.counts.get(type) ?? { tp: 0, predicted: 0, gold: 0 };
    for (const key of predicted) if (gold.has(key)) c.tp++;
    c.predicted += predicted.size;
    c.gold += gold.size;
    this.counts.set(type, c);
  }
  prf(type: string): [number, number, number] {
    const c = this.counts.get(type) ?? { tp: 0, predicted: 0, gold: 0 };
    const p = c.predicted ? c.tp / c.predicted : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
  }
}

/** The `start:end` keys of the spans of one type. */
export const keysOf = (spans: readonly GoldSpan[], type: string) =>
  new Set(spans.filter((s) => s.type === type).map((s) => `${s.start}:${s.end}`));

interface GoldEntity extends GoldSpan { text: string; titles?: string[]; titleOrgs?: (string | null)[]; org?: string | null }
interface GoldDoc { source: string; docDate: string; entities: GoldEntity[] }

/** A digit or Chinese numeral: a date with one names a calendar unit, not only a relative time (今年4月 vs 今年). */
const CALENDAR_NUMBER = /[0-9０-９〇○零一二三四五六七八九十]/u;

/** A policy gold document with its text. */
export interface PolicyDoc { file: string; text: string; gold: GoldDoc }

/** The policy gold documents, each with the text of its source in ../shared/data. */
export function policyGold(): PolicyDoc[] {
  const folder = join(projectRoot, "test/fixtures/entities");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => {
      const gold = JSON.parse(readFileSync(join(folder, file), "utf8")) as GoldDoc;
      return { file, text: readFileSync(dataPath(gold.source), "utf8"), gold };
    });
}

/**
 * Scores extraction on the policy gold documents: person, place, org and date spans, and "person+titles" (a person
 * counts only when its titles and their organisations match the gold). With `errors`, each miss and extra is
 * pushed there with context.
 */
export function scorePolicyGold(
  docs: readonly PolicyDoc[],
  analyzer: Analyzer,
  errors?: string[],
  weights: TaggerWeights = shippedTaggerWeights(),
): Score {
  const score = new Score();
  for (const { file, text, gold } of docs) {
    const found = extractEntities(text, analyzer.segment(text), { referenceDate: gold.docDate }, weights);
    for (const type of ["person", "place", "org", "date"]) {
      const g = keysOf(gold.entities, type);
      const p = keysOf(found, type);
      score.add(type, p, g);
      if (errors) {
        const context = (k: string) => {
          const [s, e] = k.split(":").map(Number) as [number, number];
          return `${text.slice(Math.max(0, s - 8), s)}[${text.slice(s, e)}]${text.slice(e, e + 8)}`.replace(/\s/gu, " ");
        };
        for (const k of g) if (!p.has(k)) errors.push(`${file} ${type} missed ${context(k)}`);
        for (const k of p) if (!g.has(k)) errors.push(`${file} ${type} extra  ${context(k)}`);
      }
    }
    // The gold annotates absolute dates only: also score without the purely relative ones (今年, 近期), which
    // gongwen reports, flagged relative, and the gold leaves out by convention.
    const absolute = found.filter((e) => !(e.type === "date" && e.attrs?.["relative"] === true && !CALENDAR_NUMBER.test(e.text)));
    score.add("date, absolute", keysOf(absolute, "date"), keysOf(gold.entities, "date"));
    const titlesOf = (e: PersonEntity | GoldEntity) =>
      JSON.stringify("attrs" in e && e.attrs ? [e.attrs.titles, e.attrs.titleOrgs] : [(e as GoldEntity).titles, (e as GoldEntity).titleOrgs]);
    const goldTitled = new Set(gold.entities.filter((e) => e.type === "person").map((e) => `${e.start}:${e.end}:${titlesOf(e)}`));
    const ourTitled = new Set(found.filter((e) => e.type === "person").map((e) => `${e.start}:${e.end}:${titlesOf(e)}`));
    score.add("person+titles", ourTitled, goldTitled);
    if (errors) {
      const span = (key: string) => key.split(":").slice(0, 2).join(":");
      for (const k of ourTitled) {
        const other = [...goldTitled].find((g) => span(g) === span(k));
        if (!goldTitled.has(k) && other) errors.push(`${file} titles differ: ours ${k} gold ${other}`);
      }
    }
  }
  return score;
}
