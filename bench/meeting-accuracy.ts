/**
 * Meeting-brief accuracy against the 14 hand-written gold briefs (test/fixtures/meetings: the seed and the 13
 * meeting releases of the policy corpus). Each text is analysed with page, segment, sentence, entity and meeting
 * stages; the CCTV releases carry no publication date in the text, so the gold's publicationDate (the broadcast
 * date of manifest.tsv) is passed as referenceDate.
 *
 *   npx tsx bench/meeting-accuracy.ts            # tables
 *   npx tsx bench/meeting-accuracy.ts --details  # and every difference, per file
 *   npx tsx bench/meeting-accuracy.ts --heldout  # and a sanity check on CCTV items outside the gold (see below)
 *
 * The gold briefs are also the set the extractor was developed on, so `--heldout` adds checks that need no gold,
 * on the 19,541 CCTV news items (corpus/xinwenlianbo/xwlb-items.jsonl) minus the gold's broadcast dates: every item
 * whose headline reports a meeting (召开会议, 主持召开, 常务会议, 在京召开, 举行会议) should get a brief, dated 0–3 days
 * before the broadcast, with the chair the headline names (`李强主持召开…` → 李强); and of 400 items (every k-th)
 * whose headline names no meeting or event, how many get a brief anyway (news digests do report meetings, so
 * this count is an upper bound on false positives, not a count of them).
 */
import { readFileSync } from "node:fs";
import { dataPath, printTable } from "./lib/data.js";
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

if (process.argv.includes("--heldout")) {
  interface Item {
    id: string;
    date: string;
    title: string;
    text: string;
  }
  const gold = new Set(loadMeetingGold().map(({ gold: g }) => g.publicationDate));
  const items = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Item)
    .filter((item) => !gold.has(item.date));
  const analyzers = new Map<string, ReturnType<typeof meetingAnalyzer>>();
  const briefOf = (item: Item) => {
    let analyzer = analyzers.get(item.date);
    if (!analyzer) analyzers.set(item.date, (analyzer = meetingAnalyzer(item.date)));
    // the policy files' layout: headline, blank line, body
    return analyzer.analyze(`${item.title}\n\n${item.text}`).meeting;
  };
  const reports = items.filter((item) => /召开会议|主持召开|常务会议|在京召开|举行会议/u.test(item.title));
  let briefs = 0;
  let dated = 0;
  let chairs = 0;
  let chairsRight = 0;
  for (const item of reports) {
    const brief = briefOf(item);
    if (!brief) continue;
    briefs++;
    const lag = brief.date ? (Date.parse(item.date) - Date.parse(brief.date)) / 86_400_000 : Number.NaN;
    if (lag >= 0 && lag <= 3) dated++;
    const named = /^([\u4e00-\u9fa5]{2,3})主持/u.exec(item.title) ?? /([\u4e00-\u9fa5]{2,3})主持(?:会议|并讲话)/u.exec(item.title);
    if (named) {
      chairs++;
      if (brief.chair?.name === named[1]) chairsRight++;
    }
  }
  const others = items.filter((item) => !/会议|全会|座谈会|大会|论坛|集体学习|开幕|闭幕|会谈|峰会|召开|举行/u.test(item.title));
  const step = Math.floor(others.length / 400);
  const sample = others.filter((_, k) => k % step === 0).slice(0, 400);
  const extra = sample.filter((item) => briefOf(item) !== undefined).length;
  console.log(`\nHeld-out sanity check (no gold): CCTV items outside the gold's broadcast dates\n`);
  printTable(
    ["check", "count", "%"],
    [
      ["meeting headlines given a brief", `${briefs}/${reports.length}`, pct(briefs / reports.length)],
      ["brief dated 0–3 days before broadcast", `${dated}/${briefs}`, pct(dated / briefs)],
      ["chair = the name before 主持 in the headline", `${chairsRight}/${chairs}`, pct(chairsRight / chairs)],
      ["non-meeting headlines given a brief (upper bound)", `${extra}/${sample.length}`, pct(extra / sample.length)],
    ],
  );
}
