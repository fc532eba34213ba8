// Meeting briefs against the hand-written gold (test/fixtures/meetings: the seed and the 13 CCTV meeting
// releases). The CCTV texts carry no publication date, so the gold's publicationDate (manifest.tsv's broadcast
// date) is passed as referenceDate. Scoring is bench/lib/meeting-score.ts, the same as bench/meeting-accuracy.ts.
//
// Tolerance, and why: the brief sits on the entity stage (people, titles, dates), which other work keeps
// changing, and on hand-made conventions a reader could draw otherwise (see the gold README's ambiguities).
// - exact for every file: title, date, dateEnd, meeting name and number, chair name (these come from the lead
//   sentence and are what a CMS shows);
// - per file, F1 ≥ 0.8 on participants, attendees, agenda and guest names (one member split or merged
//   differently, or one extra agenda phrase such as `认真学习、深刻领会…重要讲话`, stays inside);
// - per file, lenient (IoU ≥ 0.5) F1 ≥ 0.8 on decisions and ≥ 0.9 on statements; of the matched statements
//   statements with the gold speaker, at most one wrong per file and ≥ 95% over all files (a speaker list such as
//   `李强、赵乐际、…` is only as complete as the people the entity stage finds);
// - over all files, exact-span F1 ≥ 0.9 for statements and decisions.
import { describe, expect, it } from "vitest";
import {
  addTally,
  emptyTally,
  loadMeetingGold,
  meetingAnalyzer,
  prf,
  scoreMeeting,
  type MeetingScore,
  type Tally,
} from "../bench/lib/meeting-score.js";
import { expectSpans, allSpans } from "./helpers/doc.js";
import { dataPresent } from "./helpers/data.js";

// the gold's 13 releases are in ../shared/data/policy: without it, every suite here skips
const present = dataPresent("policy", "meeting briefs against their gold (all 14: the seed's is scored with the rest)");
const suite = present ? describe : describe.skip;
const fixtures = present ? loadMeetingGold() : [];
const scores = new Map<string, MeetingScore>();
function scoreOf(file: string): MeetingScore {
  let score = scores.get(file);
  if (!score) {
    const { gold, text } = fixtures.find((f) => f.file === file)!;
    const doc = meetingAnalyzer(gold.publicationDate).analyze(text);
    expectSpans(text, allSpans(doc.meeting));
    score = scoreMeeting(doc.meeting, gold);
    scores.set(file, score);
  }
  return score;
}

const EXACT_FIELDS = ["title", "date", "dateEnd", "meeting.name", "meeting.number", "chair.name"] as const;
const LIST_MIN_F1 = { participants: 0.8, attendees: 0.8, agenda: 0.8, "guests.name": 0.8, "decisions.lenient": 0.8, "statements.lenient": 0.9 } as const;

suite.each(fixtures.map((f) => f.file))("%s against its gold brief", (file) => {
  it("has the exact title, date, meeting and chair", () => {
    const score = scoreOf(file);
    const wrong = EXACT_FIELDS.filter((field) => !score.fields[field]);
    expect(wrong, score.misses.join("\n")).toEqual([]);
  });

  it("matches the lists within tolerance", () => {
    const score = scoreOf(file);
    for (const [field, min] of Object.entries(LIST_MIN_F1)) {
      const { f1 } = prf(score.lists[field as keyof typeof LIST_MIN_F1]);
      expect(f1, `${field}\n${score.misses.join("\n")}`).toBeGreaterThanOrEqual(min);
    }
    const speakers = score.lists["statements.speaker"];
    expect(speakers.gold - speakers.tp, score.misses.join("\n")).toBeLessThanOrEqual(1);
  });
});

suite("over all gold briefs", () => {
  it("gives ≥ 95% of the matched statements their gold speaker", () => {
    const total: Tally = emptyTally();
    for (const { file } of fixtures) addTally(total, scoreOf(file).lists["statements.speaker"]);
    expect(total.gold).toBeGreaterThan(0);
    expect(total.tp / total.gold).toBeGreaterThanOrEqual(0.95);
  });

  it("finds statements and decisions with exact spans (F1 ≥ 0.9)", () => {
    for (const field of ["statements.exact", "decisions.exact"] as const) {
      const total: Tally = emptyTally();
      for (const { file } of fixtures) addTally(total, scoreOf(file).lists[field]);
      expect(total.gold).toBeGreaterThan(0);
      expect(prf(total).f1, field).toBeGreaterThanOrEqual(0.9);
    }
  });
});
