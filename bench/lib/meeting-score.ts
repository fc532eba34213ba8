/**
 * Scoring meeting briefs against the hand-written gold in test/fixtures/meetings (shared by
 * bench/meeting-accuracy.ts and test/meeting-gold-compare.test.ts, so the bench and the tests count alike).
 *
 * Single-valued fields (title, date, meeting, chair) are right or wrong. List fields are matched one to one:
 * participants, attendees, agenda and guest names by exact text; decisions and statements by span, both exactly
 * (same start and end) and leniently (the spans overlap by at least half of their union, IoU ≥ 0.5), and the
 * speaker and verb of a statement are checked on the lenient pairs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createAnalyzer, type Analyzer } from "../../src/analyzer.js";
import { segmentStage } from "../../src/segment/index.js";
import { sentenceStage } from "../../src/text/sentences.js";
import type { MeetingBrief } from "../../src/core/schema.js";
import { enumerationStage } from "../../src/enumerate/index.js";
import { entityStage } from "../../src/entities/index.js";
import { meetingStage } from "../../src/summarize/meeting.js";
import { pageStage } from "../../src/text/page.js";
import { dataRoot, projectRoot } from "./data.js";

export interface GoldSpan {
  start: number;
  end: number;
}
interface GoldPerson extends GoldSpan {
  name: string;
  titles: string[];
  org: string;
}
export interface MeetingGold {
  source: string;
  note: string;
  publicationDate: string;
  title: string | null;
  titleSpan?: GoldSpan;
  date: string;
  dateEnd?: string;
  dateText: GoldSpan & { text: string };
  meeting: GoldSpan & { name: string; number: number | null; text: string };
  chair: GoldPerson | null;
  participants: string[];
  attendees: string[];
  guests: GoldPerson[];
  agenda: string[];
  decisions: (GoldSpan & { text: string })[];
  statements: (GoldSpan & { speaker: string; verb: string; text: string })[];
}

export const meetingsDir = resolve(projectRoot, "test/fixtures/meetings");

export function loadMeetingGold(): { file: string; gold: MeetingGold; text: string }[] {
  return readdirSync(meetingsDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const gold = JSON.parse(readFileSync(join(meetingsDir, file), "utf8")) as MeetingGold;
      return { file, gold, text: readFileSync(join(dataRoot, gold.source), "utf8") };
    });
}

/** The analyzer a meeting brief needs: page, tokens, sentences, entities, then the brief. */
export function meetingAnalyzer(referenceDate?: string): Analyzer {
  return createAnalyzer({
    stages: [pageStage, segmentStage, sentenceStage, enumerationStage, entityStage, meetingStage],
    ...(referenceDate ? { referenceDate } : {}),
  });
}

/** Counts for precision / recall / F1. */
export interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}
export const emptyTally = (): Tally => ({ tp: 0, predicted: 0, gold: 0 });
export function addTally(into: Tally, more: Tally): void {
  into.tp += more.tp;
  into.predicted += more.predicted;
  into.gold += more.gold;
}
export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.predicted === 0 ? (t.gold === 0 ? 1 : 0) : t.tp / t.predicted;
  const r = t.gold === 0 ? (t.predicted === 0 ? 1 : 0) : t.tp / t.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** One-to-one matches of texts (a multiset intersection). */
export function textTally(predicted: readonly string[], gold: readonly string[]): Tally {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of predicted) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      tp++;
      left.set(p, n - 1);
    }
  }
  return { tp, predicted: predicted.length, gold: gold.length };
}

export const iou = (a: GoldSpan, b: GoldSpan) => {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
};

/**
 * Greedy one-to-one pairs (gold order, each gold item takes the unused predicted item of highest score ≥ `min`),
 * as [predicted index, gold index].
 */
export function greedyPairs<P, G>(predicted: readonly P[], gold: readonly G[], score: (p: P, g: G) => number, min: number): [number, number][] {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  gold.forEach((g, gi) => {
    let best = -1;
    let bestScore = min;
    predicted.forEach((p, pi) => {
      const s = score(p, g);
      if (!used.has(pi) && s >= bestScore) {
        best = pi;
        bestScore = s;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push([best, gi]);
    }
  });
  return pairs;
}

/** Pairs of spans with IoU ≥ 0.5. */
const lenientPairs = (predicted: readonly GoldSpan[], gold: readonly GoldSpan[]) => greedyPairs(predicted, gold, iou, 0.5);

export const FIELDS = [
  "title",
  "date",
  "dateEnd",
  "meeting.name",
  "meeting.span",
  "meeting.number",
  "chair.name",
  "chair.full",
] as const;
export const LIST_FIELDS = [
  "participants",
  "attendees",
  "guests.name",
  "guests.full",
  "agenda",
  "decisions.exact",
  "decisions.lenient",
  "statements.exact",
  "statements.lenient",
  "statements.speaker",
  "statements.verb",
] as const;

export interface MeetingScore {
  /** Single-valued fields: right or wrong. */
  fields: Record<(typeof FIELDS)[number], boolean>;
  lists: Record<(typeof LIST_FIELDS)[number], Tally>;
  /** Readable differences, for the bench's details and test messages. */
  misses: string[];
}

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/** Compares one brief with its gold. */
export function scoreMeeting(brief: MeetingBrief | undefined, gold: MeetingGold): MeetingScore {
  const misses: string[] = [];
  const check = (field: string, ok: boolean, got: unknown, want: unknown) => {
    if (!ok) misses.push(`${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    return ok;
  };
  const chair = brief?.chair;
  const fields = {
    title: check("title", gold.titleSpan ? brief?.title?.start === gold.titleSpan.start && brief.title.end === gold.titleSpan.end : !brief?.title, brief?.title?.text, gold.title),
    date: check("date", brief?.date === gold.date, brief?.date, gold.date),
    dateEnd: check("dateEnd", brief?.dateEnd === gold.dateEnd, brief?.dateEnd, gold.dateEnd),
    "meeting.name": check("meeting.name", brief?.meeting?.name === gold.meeting.name, brief?.meeting?.name, gold.meeting.name),
    "meeting.span": check("meeting.span", brief?.meeting?.start === gold.meeting.start && brief.meeting.end === gold.meeting.end, brief?.meeting?.text, gold.meeting.text),
    "meeting.number": check("meeting.number", (brief?.meeting?.number ?? null) === gold.meeting.number, brief?.meeting?.number, gold.meeting.number),
    "chair.name": check("chair.name", (chair?.name ?? null) === (gold.chair?.name ?? null), chair?.name, gold.chair?.name),
    "chair.full": check(
      "chair.full",
      gold.chair === null
        ? chair === undefined
        : chair !== undefined && chair.name === gold.chair.name && chair.org === gold.chair.org && sameStrings(chair.titles, gold.chair.titles) && chair.span.start === gold.chair.start,
      chair && { name: chair.name, titles: chair.titles, org: chair.org, start: chair.span.start },
      gold.chair,
    ),
  };

  const listed = (field: string, predicted: string[], want: string[]) => {
    const tally = textTally(predicted, want);
    const extra = predicted.filter((p) => !want.includes(p));
    const missing = want.filter((w) => !predicted.includes(w));
    if (extra.length > 0 || missing.length > 0) misses.push(`${field}: extra ${JSON.stringify(extra)} missing ${JSON.stringify(missing)}`);
    return tally;
  };
  const guests = brief?.guests ?? [];
  const decisions = brief?.decisions ?? [];
  const statements = (brief?.statements ?? []).map((s) => ({ ...s, start: s.span.start, end: s.span.end }));
  const decisionPairs = lenientPairs(decisions, gold.decisions);
  const statementPairs = lenientPairs(statements, gold.statements);
  const exact = (predicted: readonly GoldSpan[], want: readonly GoldSpan[]) =>
    textTally(predicted.map((s) => `${s.start}-${s.end}`), want.map((s) => `${s.start}-${s.end}`));
  const spanMisses = (field: string, predicted: readonly GoldSpan[], want: readonly (GoldSpan & { text: string })[], pairs: [number, number][]) => {
    const cut = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);
    for (const [pi, gi] of pairs) {
      const p = predicted[pi]!;
      const g = want[gi]!;
      if (p.start !== g.start || p.end !== g.end) misses.push(`${field}: span ${p.start}-${p.end}, want ${g.start}-${g.end} (${cut(g.text)})`);
    }
    predicted.forEach((p, pi) => {
      if (!pairs.some(([x]) => x === pi)) misses.push(`${field}: extra ${p.start}-${p.end}`);
    });
    want.forEach((g, gi) => {
      if (!pairs.some(([, y]) => y === gi)) misses.push(`${field}: missing ${g.start}-${g.end} (${cut(g.text)})`);
    });
  };
  spanMisses("decisions", decisions, gold.decisions, decisionPairs);
  spanMisses("statements", statements, gold.statements, statementPairs);
  let speakerRight = 0;
  let verbRight = 0;
  for (const [pi, gi] of statementPairs) {
    const p = statements[pi]!;
    const g = gold.statements[gi]!;
    if (p.speaker === g.speaker) speakerRight++;
    else misses.push(`statements: speaker ${p.speaker} at ${g.start}, want ${g.speaker}`);
    if (p.verb === g.verb) verbRight++;
    else misses.push(`statements: verb ${p.verb} at ${g.start}, want ${g.verb}`);
  }
  const fullGuest = (g: { name: string; titles: string[]; org?: string | null }) => `${g.name}|${g.titles.join("、")}|${g.org ?? ""}`;
  const lists = {
    participants: listed("participants", (brief?.participants ?? []).map((s) => s.text), gold.participants),
    attendees: listed("attendees", (brief?.attendees ?? []).map((s) => s.text), gold.attendees),
    "guests.name": listed("guests.name", guests.map((g) => g.name), gold.guests.map((g) => g.name)),
    "guests.full": listed("guests.full", guests.map(fullGuest), gold.guests.map(fullGuest)),
    agenda: listed("agenda", (brief?.agenda ?? []).map((s) => s.text), gold.agenda),
    "decisions.exact": exact(decisions, gold.decisions),
    "decisions.lenient": { tp: decisionPairs.length, predicted: decisions.length, gold: gold.decisions.length },
    "statements.exact": exact(statements, gold.statements),
    "statements.lenient": { tp: statementPairs.length, predicted: statements.length, gold: gold.statements.length },
    // on the lenient pairs: a wrong speaker or verb counts against both precision and recall
    "statements.speaker": { tp: speakerRight, predicted: statementPairs.length, gold: statementPairs.length },
    "statements.verb": { tp: verbRight, predicted: statementPairs.length, gold: statementPairs.length },
  };
  return { fields, lists, misses };
}
