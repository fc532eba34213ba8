/**
 * Meeting-brief accuracy against the 14 hand-written gold briefs (test/fixtures/meetings: the seed and the 13
 * meeting releases of the policy corpus). Each text is analysed with page, segment, sentence, entity and meeting
 * stages; the CCTV releases carry no publication date in the text, so the gold's publicationDate (the broadcast
 * date of manifest.tsv) is passed as referenceDate.
 *
 *   npx tsx bench/meeting-accuracy.ts            # tables
 *   npx tsx bench/meeting-accuracy.ts --details  # and every difference, per file
 */
import { printTable } from "./lib/data.js";
import {
  addTally,
  emptyTally,
  FIELDS,
  LIST_FIELDS,
  loadMeetingGold,
  meetingAnalyzer,
  prf,
  scoreMeeting,
  type MeetingScore,
  type Tally,
} from "./lib/meeting-score.js";

const details = process.argv.includes("--details");
const scores: { file: string; score: MeetingScore }[] = [];
for (const { file, gold, text } of loadMeetingGold()) {
  const doc = meetingAnalyzer(gold.publicationDate).analyze(text);
  const score = scoreMeeting(doc.meeting, gold);
  scores.push({ file, score });
  if (details && score.misses.length > 0) {
    console.log(`\n## ${file}`);
    for (const miss of score.misses) console.log(`- ${miss}`);
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
console.log(`\nMeeting briefs: ${scores.length} gold briefs (test/fixtures/meetings)\n`);
printTable(
  ["field", "right", "accuracy %"],
  FIELDS.map((field) => {
    const right = scores.filter((s) => s.score.fields[field]).length;
    return [field, `${right}/${scores.length}`, pct(right / scores.length)];
  }),
);
console.log("");
printTable(
  ["list field", "tp", "predicted", "gold", "P %", "R %", "F1 %"],
  LIST_FIELDS.map((field) => {
    const total: Tally = emptyTally();
    for (const s of scores) addTally(total, s.score.lists[field]);
    const { p, r, f1 } = prf(total);
    return [field, total.tp, total.predicted, total.gold, pct(p), pct(r), pct(f1)];
  }),
);
console.log("\nexact: same text (lists) or same start and end (spans); lenient: spans overlapping by IoU ≥ 0.5;");
console.log("statements.speaker/verb: share of lenient statement pairs with the gold speaker / verb.");
