/**
 * The meeting brief (`doc.meeting`): title, date, meeting name and number, chair, participants, attendees, members on
 * leave, guests, agenda, decisions and statements of a meeting report, each with the spans it came from. Built on the page
 * (article regions, title), sentences, clauses and entities (people with titles, organisations, dates); texts that
 * report no meeting get no brief.
 */
import { z } from "zod";
import { parseDoc, parseOptions } from "../core/options.js";
import type { Stage } from "../core/stage.js";
import { type Doc, IsoDateSchema, type MeetingBrief } from "../core/schema.js";
import { meetingActs } from "./meeting-acts.js";
import { findLead, meetingAgenda, meetingChair, meetingDate, meetingName } from "./meeting-lead.js";
import { meetingPeople } from "./meeting-people.js";
import { meetingText } from "./meeting-text.js";

/** Options of {@link meetingBrief}. */
export interface MeetingBriefOptions {
  /** `article` (default): read the article and title regions of `doc.page`; `all`: the whole text. */
  scope?: "article" | "all";
  /**
   * ISO date (YYYY-MM-DD) the report is read against when the page carries no date of its own (the analyzer's
   * `referenceDate`): the meeting's day without a year is the nearest one not after it.
   */
  referenceDate?: string;
}

/** Validates {@link MeetingBriefOptions} (strict: unknown keys are rejected). */
const MeetingBriefOptionsSchema: z.ZodType<MeetingBriefOptions> = z
  .object({ scope: z.enum(["article", "all"]).optional(), referenceDate: IsoDateSchema.optional() })
  .strict();

/**
 * The brief of a meeting report, or `undefined` when the text reports no meeting (a notice, a work report).
 * Reads `doc.sentences`, `doc.clauses`, `doc.entities`, `doc.enumerations` (a paragraph opening with a list
 * item's marker continues the one before) and, when present, `doc.page` (article regions and title);
 * dates are resolved by the entity stage against `referenceDate` or the page's publication date.
 *
 * @example
 * const gw = createAnalyzer({ stages: [pageStage, segmentStage, sentenceStage, enumerationStage, entityStage, meetingStage] });
 * const brief = meetingBrief(gw.analyze(seedText));
 * brief?.date;                // → "2023-05-17"
 * brief?.meeting?.name;       // → "2023年第11次党委(扩大)会议"
 * brief?.chair;               // → { name: "雷承锋", titles: ["党委书记"], org: "学院", span: … }
 * brief?.guests.map((g) => g.name); // → ["李国臣", "王鹏"]
 */
export function meetingBrief(doc: Doc, options: MeetingBriefOptions = {}): MeetingBrief | undefined {
  const { scope, referenceDate } = parseOptions(MeetingBriefOptionsSchema, options, "meetingBrief options");
  const mt = meetingText(parseDoc(doc, "meetingBrief()"), scope, referenceDate);
  const lead = findLead(mt);
  if (!lead) return undefined;
  const acts = meetingActs(mt, lead);
  const chair = meetingChair(mt, lead);
  // the chair's name read whole (`章顺来`) is the name of a speaker the entity stage cut short (`章顺` of `章顺来强调`)
  const statements = chair ? acts.statements.map((s) => wholeSpeaker(mt.text, s, chair.name)) : acts.statements;
  return {
    ...(mt.title ? { title: mt.title } : {}),
    ...meetingDate(mt, lead),
    meeting: meetingName(mt, lead),
    ...(chair ? { chair } : {}),
    ...meetingPeople(mt),
    agenda: meetingAgenda(mt, lead, acts.decisions, acts.statements.map((s) => s.span)),
    decisions: acts.decisions,
    statements,
  };
}

type Statement = MeetingBrief["statements"][number];

/** A speaker whose written name runs on into the chair's whole name takes the chair's name and span. */
function wholeSpeaker(text: string, statement: Statement, name: string): Statement {
  const at = statement.speakerSpan?.start;
  if (at === undefined || statement.speaker === name || !name.startsWith(statement.speaker) || !text.startsWith(name, at)) return statement;
  return { ...statement, speaker: name, speakerSpan: { start: at, end: at + name.length, text: name } };
}

/**
 * `…/n/201403/88883.html`, `…/detail/2020/06/id/…`, `…/2019-04/17/…`: the month a site files a page under (a path with
 * the whole day in the page stage's forms is the page's publication date, read by the page stage).
 */
const FILED_MONTH = /\/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])\//gu;

/** `…/2021/1020/96443.html`, `…/fzxw/20230310/…`: a folder of the day the page was filed. */
const FILED_DAY = /\/((?:19|20)\d{2})\/?(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\//gu;

/**
 * `…/html/2012/dlsz_1217/3482.html`, `…/jrfs/2022-638/news-1-3.html` (an e-paper's issue of the year): a folder of
 * the year alone, when the address names no month.
 */
const FILED_YEAR = /\/((?:19|20)\d{2})(?:[-_]\d{3,})?\//gu;

/** The day, else the last day of the month or year, the page's address files it under: the page was published by then. */
function filedBy(url: string | undefined): string | undefined {
  const path = url?.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/iu, "").replace(/[?#].*$/su, "");
  if (path === undefined) return undefined;
  const day = [...path.matchAll(FILED_DAY)].at(-1);
  if (day) return `${day[1]}-${day[2]}-${day[3]}`;
  const month = [...path.matchAll(FILED_MONTH)].at(-1);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
  const year = [...path.matchAll(FILED_YEAR)].at(-1);
  return year ? `${year[1]}-12-31` : undefined;
}

/**
 * The pipeline stage: fills `doc.meeting` for meeting reports and leaves other documents without one. The reference
 * date is the caller's, or the end of the month the page's address files it under when that is earlier.
 */
export const meetingStage: Stage<"meeting"> = {
  name: "meeting",
  reads: ["sentences", "enumerations", "entities", "page"],
  readsIfPresent: ["clauses"],
  writes: ["meeting"],
  run: (doc, context) => {
    const { scope, url } = context.config;
    const filed = filedBy(url);
    const referenceDate = filed && !(context.config.referenceDate && context.config.referenceDate < filed) ? filed : context.config.referenceDate;
    const meeting = meetingBrief(doc, { scope, ...(referenceDate ? { referenceDate } : {}) });
    return meeting ? { ...doc, meeting } : doc;
  },
};
