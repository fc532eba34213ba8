// Integrity of the hand-written gold for meeting briefs (test/fixtures/meetings) and reference summaries
// (test/fixtures/summaries): every offset must slice the source text exactly, so the gold can be trusted by
// the bench and by the meeting-brief tests.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dataFile, describeEachSource, describeWithData, hasData, readData } from "./helpers/data.js";
import type { GoldSpan, MeetingGold } from "../bench/lib/meeting-score.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const meetingsDir = path.join(here, "fixtures/meetings");
const summariesDir = path.join(here, "fixtures/summaries");


const STATEMENT_VERBS = new Set(["强调", "指出", "要求", "表示", "说明", "认为", "提出", "提出要求"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

function expectSlice(text: string, span: GoldSpan, expected: string, what: string): void {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`).toBe(true);
  expect(span.start, `${what}: start`).toBeGreaterThanOrEqual(0);
  expect(span.end, `${what}: end`).toBeLessThanOrEqual(text.length);
  expect(text.slice(span.start, span.end), what).toBe(expected);
}

const meetingFiles = fs
  .readdirSync(meetingsDir)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("meeting-brief gold set", () => {
  it("covers the seed and at least six real meeting releases", () => {
    expect(meetingFiles).toContain("meeting-report.json");
    expect(meetingFiles.filter((f) => f.startsWith("meeting-2")).length).toBeGreaterThanOrEqual(6);
  });

  const golds = meetingFiles.map((file) => ({ file, gold: JSON.parse(fs.readFileSync(path.join(meetingsDir, file), "utf8")) as MeetingGold }));
  describeEachSource(golds, ({ gold }) => gold.source, ({ file }) => file, ({ file, gold }) => {
    const text = readData(gold.source);

    it("names its source after the fixture and says it was written by hand", () => {
      expect(path.basename(gold.source, ".txt") + ".json").toBe(file);
      expect(gold.note).toMatch(/by hand/);
    });

    it("has a title that is a whole line of the text", () => {
      if (gold.title === null) return;
      expect(text.split("\n")).toContain(gold.title);
      expectSlice(text, gold.titleSpan!, gold.title, "titleSpan");
    });

    it("resolves the meeting date on or shortly before the publication date", () => {
      expect(gold.date).toMatch(ISO_DATE);
      expect(gold.publicationDate).toMatch(ISO_DATE);
      // a meeting over several days is published on or after its last day
      const lag = daysBetween(gold.dateEnd ?? gold.date, gold.publicationDate);
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(2);
      if (gold.dateEnd !== undefined) {
        expect(gold.dateEnd).toMatch(ISO_DATE);
        expect(daysBetween(gold.date, gold.dateEnd)).toBeGreaterThan(0);
      }
      expectSlice(text, gold.dateText, gold.dateText.text, "dateText");
      // the written day of month is the resolved one
      expect(gold.dateText.text).toContain(`${Number(gold.date.slice(8))}日`);
    });

    it("locates the meeting", () => {
      expect(gold.meeting.name.length).toBeGreaterThan(0);
      expectSlice(text, gold.meeting, gold.meeting.text, "meeting");
      if (gold.meeting.number !== null) {
        expect(Number.isInteger(gold.meeting.number) && gold.meeting.number > 0).toBe(true);
        expect(gold.meeting.name).toMatch(/第.+次/);
      }
    });

    it("gives chair and guests with name spans", () => {
      const people = [...(gold.chair ? [gold.chair] : []), ...gold.guests];
      for (const person of people) {
        expectSlice(text, person, person.name, `person ${person.name}`);
        expect(Array.isArray(person.titles)).toBe(true);
        expect(typeof person.org).toBe("string");
      }
    });

    it("copies participants, attendees and agenda items from the text", () => {
      for (const phrase of [...gold.participants, ...gold.attendees, ...gold.agenda]) {
        expect(phrase.length).toBeGreaterThan(0);
        expect(text.includes(phrase), phrase).toBe(true);
      }
    });

    it("has exact decision spans", () => {
      for (const decision of gold.decisions) expectSlice(text, decision, decision.text, "decision");
    });

    it("has exact, ordered, non-overlapping statement spans with a reporting verb", () => {
      let previousEnd = 0;
      for (const statement of gold.statements) {
        expectSlice(text, statement, statement.text, `statement of ${statement.speaker}`);
        expect(STATEMENT_VERBS.has(statement.verb), statement.verb).toBe(true);
        expect(statement.text).toContain(statement.verb);
        expect(statement.speaker.length).toBeGreaterThan(0);
        expect(statement.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = statement.end;
      }
    });
  });

  it("has the seed brief the issue spells out", () => {
    const seed = JSON.parse(fs.readFileSync(path.join(meetingsDir, "meeting-report.json"), "utf8")) as MeetingGold;
    expect(seed.date).toBe("2023-05-17");
    expect(seed.meeting).toMatchObject({ name: "2023年第11次党委(扩大)会议", number: 11 });
    expect(seed.chair).toMatchObject({ name: "雷承锋", titles: ["党委书记"], org: "学院" });
    expect(seed.guests.map((g) => g.name)).toEqual(["李国臣", "王鹏"]);
    expect(seed.decisions[0]!.text.startsWith("会议表决通过了")).toBe(true);
  });
});

const meetingReleases = hasData("policy")
  ? fs.readdirSync(dataFile("policy")).filter((f) => /^meeting-.*\.txt$/.test(f)).sort()
  : [];

describeWithData("policy", "reference summaries", () => {
  it("exist for all 13 meeting releases", () => {
    expect(meetingReleases.length).toBe(13);
  });

  it.each(meetingReleases)("%s has a hand-written summary of 60–200 characters", (file) => {
    const summaryPath = path.join(summariesDir, file);
    expect(fs.existsSync(summaryPath), summaryPath).toBe(true);
    const summary = fs.readFileSync(summaryPath, "utf8").trim();
    expect(summary.length).toBeGreaterThanOrEqual(60);
    expect(summary.length).toBeLessThanOrEqual(200);
    // header-free single paragraph, and written rather than copied: not a verbatim lead of the source
    expect(summary).not.toMatch(/\n|^#/);
    const source = readData(`policy/${file}`);
    expect(source.includes(summary)).toBe(false);
  });
});
