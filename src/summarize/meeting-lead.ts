/**
 * The lead of a meeting report: the sentence that says which body met, when, and what for
 * (`5月17日,学院党委书记雷承锋主持召开2023年第11次党委(扩大)会议,专题研讨…`,
 * `中央经济工作会议12月11日至12日在北京举行`), and what it yields: the date, the meeting's name and number, the chair.
 */
import { type DateEntity, isoDay, type MeetingBrief, type PersonEntity, type PersonRef, type Span } from "../core/schema.js";
import { datesIn } from "../text/dates.js";
import { readDictLines, wordList } from "../dict.js";
import { parseOrdinal } from "../core/numerals.js";
import { longestStartBefore, table, type WordTable } from "../core/words.js";
import { containing, find, findLast, firstEndingAfter, type MeetingText, span, trimEnd, within } from "./meeting-text.js";

/**
 * Verbs that report a meeting taking place. `进行` and `组织` only with a study session as their object
 * (`组织…理论学习中心组第五期集中学习`); `开展` (which takes activities: 开展…活动) and `举办` (which takes events)
 * only with a meeting noun (`开展了…大讨论动员部署会`, `举办教师节庆祝大会`); `拉开帷幕` is the press's 开幕.
 */
const PREDICATES = ["召开", "举行", "开幕", "闭幕", "拉开帷幕", "拉开序幕", "进行", "开展", "举办", "组织"] as const;
/** `中心组学习`, `例会学习`: a study session named as a group's or a meeting's learning. */
const STUDY_SESSION = /(?:中心组|例会|会议|集中|专题)学习$/u;
/** Verbs whose object must be a study session (`…集中学习`). */
const STUDY_ONLY = new Set(["进行", "组织"]);
const PLENUM = /(?:全会|全体会议)$/u;
const CONGRESS = /大会$/u;
const PREPARATORY = /预备会(?:议)?$/u;
/** Nouns a meeting's name ends with: the entity stage's (dict/meeting-nouns.txt) and the kinds of working meeting. */
const sharedNouns = wordList("meeting-nouns.txt");
const workingNouns = wordList("meeting-working-nouns.txt");
let nouns: WordTable<true> | undefined;
/** The nouns as a word table: whether one ends a name is one lookup backwards from its end, not a test per noun. */
const meetingNouns = () => (nouns ??= table([...sharedNouns(), ...workingNouns()].map((noun): [string, true] => [noun, true])));
/** Words a convening body ends with (`中共中央政治局…召开会议`, `国务院党组…召开会议`). */
const bodyWords = wordList("meeting-bodies.txt");
let bodies: WordTable<true> | undefined;
const bodyEndings = () => (bodies ??= table(bodyWords().map((body): [string, true] => [body, true])));
/** Longest subject, object or topic of the lead's predicate, in characters (bounds the work on unpunctuated text). */
const MAX_PHRASE = 64;
/** How far into the article the lead may start, in sentences (communiqués repeat their headline first). */
const LEAD_WINDOW = 8;
/** What may sit between the subject and the predicate: dates are removed separately. */
const SUBJECT_TAIL = /(?:上午|下午|晚上|于|在|就)+$/u;
/** `全市公安局长会议以视频会形式召开`: the manner of meeting is no part of the subject. */
const MANNER = /以[^，,。；;]{1,12}(?:形式|方式)$/u;
/** `…将于…举行`: a meeting announced, not reported. */
const FUTURE = /(?:将|拟|即将)(?:于|在)?$/u;
/** `决定…推迟召开十三届全国人大三次会议`: a meeting put off is not held. */
const POSTPONED = /(?:推迟|延期|延后|暂缓|择期)$/u;
/** `…追悼大会将于12月6日上午10时在人民大会堂举行`, `定于…召开`: the date and place come between the announcement and the verb. */
const ANNOUNCED = /(?:将|拟|定)于|将在/u;
/** `为期三天的…年会`: how long the meeting lasts is no part of its name. */
const DURATION = /^为期[^，,。的]{1,6}的/u;
const SENTENCE_END = /[。！？!?]$/u;
/** A press conference is held and presided over too, but nobody meets there (see dict/meeting-working-nouns.txt). */
const PRESS = /发布会$/u;
/** An object naming a session apart from its body (`第一次集体学习`); `三次座谈会` counts meetings instead. */
const SESSION_ONLY = /^第/u;
const COUNTED = /^[0-9〇零一二两三四五六七八九十]+次/u;
const OPENING = new Set(["(", "（"]);
const CLOSING = new Set([")", "）"]);

/**
 * Start of an aside in brackets that closes `[start, end)`, brackets nested inside it (`…推进会(区生态文明建设…(林长制及
 * 绿化)委员会2025年第三次会议、…)`): the same meeting's other names. -1 when there is none.
 */
function asideStart(text: string, start: number, end: number): number {
  if (!CLOSING.has(text[end - 1] ?? "")) return -1;
  let depth = 0;
  for (let i = end - 1; i >= start; i--) {
    if (CLOSING.has(text[i]!)) depth++;
    else if (OPENING.has(text[i]!) && --depth === 0) return i;
  }
  return -1;
}
/** A date of day or time precision (`5月17日`, `2月21日上午9点`): a day the meeting may have taken place on. */
const isDay = (d: DateEntity) => d.attrs?.precision === "day" || d.attrs?.precision === "time";

export interface Lead {
  sentence: Span;
  /** The clause with the predicate. */
  clause: Span;
  predicate: Span;
  /** What was held (`国务院常务会议`), empty for `召开会议`. */
  object: Span;
  /** Who met (`中共中央政治局`), or the meeting itself (`中央经济工作会议…举行`). */
  subject: Span;
  /** `就学习贯彻党的二十大精神进行…学习`: the topic, an agenda item. */
  topic?: Span;
  /**
   * How the text calls this meeting as a subject: `会议`, `全会` for a plenum (in other reports `全会…` is the
   * plenum being studied, not the meeting reported) and `大会` for a congress.
   */
  subjects: readonly string[];
}

/** `常委(扩大)会议`: 扩大 (an enlarged session) is written in brackets inside the name; the noun ends it all the same. */
const ENLARGED = /[(（](扩大)[)）]/gu;
/** The name ends with a meeting noun (`…常委会会议`, `…常委(扩大)会议`, `…工作会议暨…培训会`). */
export const endsWithMeetingNoun = (s: string): boolean => {
  const name = s.includes("扩大") ? s.replace(ENLARGED, "$1") : s;
  // `…中心组工作会议暨学习秘书培训会`: sessions held as one, the first named as a meeting
  const joint = name.lastIndexOf("暨");
  return longestStartBefore(meetingNouns(), name, name.length) >= 0 || (joint > 0 && endsWithMeetingNoun(name.slice(0, joint)));
};
/** The words end with a convening body (`中共中央政治局`, `县委常委会`, dict/meeting-bodies.txt). */
export const endsWithBody = (s: string) => longestStartBefore(bodyEndings(), s, s.length) >= 0;
/**
 * `三次座谈会` counts meetings; `108次常委会会议` is a session number with its 第 dropped: a body's name stands
 * between the count and the noun.
 */
function isCount(object: string): boolean {
  const count = COUNTED.exec(object);
  return count !== null && !endsWithBody(object.slice(count[0].length).replace(/会议$/u, ""));
}


/** `(记者杨维汉 陈菲)`, `（记者 王某）`: who filed a wire report, in brackets after its dateline. */
const BYLINE = /^[(（](?:记者|通讯员|實習生|实习生|記者)[^)）]{0,30}[)）]\s*/u;

/** The text of `[start, end)` with the dates in it cut off (`中共中央政治局12月6日` → `中共中央政治局`). */
function subjectBefore(mt: MeetingText, start: number, end: number): Span {
  // a wire dateline (`新华社北京3月9日电`) heads the lead: the subject begins after its 电
  const dateline = within(mt.dates, start, end).find((d) => mt.text[d.end] === "电");
  if (dateline) for (start = dateline.end + 1; start < end && /\s/u.test(mt.text[start]!); start++);
  // `新华社北京2月24日电(记者杨维汉 陈菲)`: the reporters in brackets after the dateline
  const byline = dateline ? BYLINE.exec(mt.text.slice(start, end)) : null;
  if (byline) start += byline[0].length;
  // `2025年对台工作会议X日在北京召开`: the day, not the year in the name, ends the subject
  const date = within(mt.dates, start, end).find(isDay);
  let cut = date ? date.start : end;
  // `…论坛在安徽合肥举行`: the place is no part of the subject
  const place = find(mt.text, "在", start, cut);
  if (place > start) cut = place;
  const duration = DURATION.exec(mt.text.slice(start, cut));
  if (duration) start += duration[0].length;
  const body = mt.text.slice(start, cut).replace(SUBJECT_TAIL, "").replace(MANNER, "");
  return span(mt.text, start, start + body.length);
}

/**
 * The lead in `sentence`, if it has one. `clauses` are those of the article; a headline (`headline` true) is its own
 * clause and needs no date (`市政协召开八届十三次常委会会议` above an e-paper's continued text).
 */
function leadIn(mt: MeetingText, sentence: Span, headline = false): Lead | undefined {
  const { text } = mt;
  const clauseAt = (at: number) => (headline ? sentence : containing(mt.clauses, at));
  for (const word of PREDICATES) {
    for (let p = find(text, word, sentence.start, sentence.end); p >= 0; p = find(text, word, p + 1, sentence.end)) {
      let end = p + word.length;
      if (text[end] === "的") continue; // 召开的国务院常务会议: a meeting mentioned, not reported
      if (FUTURE.test(text.slice(Math.max(sentence.start, p - 4), p)) || POSTPONED.test(text.slice(Math.max(sentence.start, p - 2), p))) continue;
      if (ANNOUNCED.test(text.slice(Math.max(sentence.start, p - MAX_PHRASE), p))) continue;
      if (text[end] === "了") end++;
      const clause = clauseAt(p);
      if (!clause || clause.end - end > 2 * MAX_PHRASE) continue;
      let objectEnd = trimEnd(text, span(text, end, clause.end)).end;
      const and = find(text, "并", end, objectEnd);
      if (and >= 0) objectEnd = and;
      const aside = asideStart(text, end, objectEnd);
      if (aside > end) objectEnd = aside;
      // `李强主持召开国务院常务会议 对…作出部署`: a headline sets its parts apart with a blank where prose writes a comma
      const blank = text.slice(end, objectEnd).search(/[ \u3000]/u);
      if (blank > 0 && endsWithMeetingNoun(text.slice(end, end + blank))) objectEnd = end + blank;
      // `召开专题中心组学习《关于…的通知》`: the title after a study session is what it studied
      const studied = text.slice(end, objectEnd).indexOf("《");
      if (studied > 0 && text.slice(end, end + studied).endsWith("学习")) objectEnd = end + studied;
      if (objectEnd - end > MAX_PHRASE) continue;
      const object = span(text, end, objectEnd);
      const generic = object.text === "" || object.text === "会议";
      // 召开 takes nothing but a meeting, whose name ends in 会 (检视剖析会, 述职会, 市委常委会); 举行 also takes
      // events (晚会, 运动会), so its object must end in a meeting noun
      // a study session is convened too (`召开专题中心组学习`, `召开周一例会学习`)
      const convenedStudy = word === "召开" && STUDY_SESSION.test(object.text);
      const named = endsWithMeetingNoun(object.text) || convenedStudy || (word === "召开" && object.text.endsWith("会") && !PRESS.test(object.text));
      if (!generic && (!named || isCount(object.text))) continue;
      if (STUDY_ONLY.has(word) && !object.text.endsWith("学习")) continue;
      if ((word === "开展" || word === "举办") && generic) continue;
      const near = Math.max(clause.start, p - MAX_PHRASE);
      let subject = subjectBefore(mt, near, p);
      let topic: Span | undefined;
      const about = findLast(text, "就", near, p);
      if (word === "进行" && about >= 0) {
        topic = span(text, about + 1, p);
        subject = subjectBefore(mt, near, about);
      }
      if (subject.text === "" && !headline) {
        // `…全体会议，于2024年1月8日至10日在北京举行`: the subject is the clause before
        const previous = containing(mt.clauses, clause.start - 1);
        if (previous && previous.start >= sentence.start && previous.end - previous.start <= MAX_PHRASE) subject = trimEnd(text, previous);
        // `【政协年中工作会议】\n8月7日在区图书馆举行。`: the headline names the meeting the first sentence dates
        else if (mt.title && sentence.start === mt.paragraphs[0]?.start) subject = headlineMeeting(mt.title) ?? subject;
      }
      // who met is a meeting (`中央经济工作会议…举行`) or a body (`中共中央政治局…召开会议`), not `龙舟邀请赛…举行`;
      // `召开会议` names nothing but a meeting, whoever convened it (`我市召开会议`, `集团召开会议`)
      const convened = word === "召开" && object.text === "会议" && subject.text !== "";
      // `…现场会在富县召开`: what 召开 says was held is a meeting, so a subject ending in 会 names one, as an object does
      const held = word === "召开" && subject.text.endsWith("会") && !PRESS.test(subject.text);
      if (generic && !convened && !held && !endsWithMeetingNoun(subject.text) && !endsWithBody(subject.text)) continue;
      // a report says when the meeting took place (`党的二十届三中全会胜利召开` in a work report does not), or who
      // presided over it (`…常委会昨召开会议，由…习近平主持并讲话`)
      const dated = within(mt.dates, Math.max(sentence.start, p - 2 * MAX_PHRASE), p).some(isDay);
      if (!dated && !headline && !text.startsWith("主持", p - 2) && !presidedAfter(mt, sentence, end)) continue;
      const name = generic ? subject.text : object.text;
      // a congress (人民代表大会, 党员大会) is `大会` in its own report (`大会审议通过了…`, `大会选举产生了…`)
      // and a congress's preparatory session is `预备会` in its report (`预备会首先通过了大会议程`)
      const subjects = PLENUM.test(name) ? ["全会", "会议"] : CONGRESS.test(name) ? ["大会", "会议"] : PREPARATORY.test(name) ? ["预备会", "会议"] : ["会议"];
      return { sentence, clause, predicate: span(text, p, end), object, subject, ...(topic ? { topic } : {}), subjects };
    }
  }
  return undefined;
}

/**
 * Votes a session takes (`十三届全国人大常委会第十六次会议24日下午表决通过了…决定`): a congress's or standing committee's
 * session is reported by what it adopted, with its day, and no verb of holding it.
 */
const ACTS = ["表决通过", "审议通过"] as const;

/** The lead of a dated session whose subject is the session itself and whose verb is a vote (see {@link ACTS}). */
function actedLead(mt: MeetingText, sentence: Span): Lead | undefined {
  const { text } = mt;
  for (const word of ACTS) {
    const p = find(text, word, sentence.start, sentence.end);
    if (p < 0) continue;
    const near = Math.max(sentence.start, p - MAX_PHRASE);
    if (!within(mt.dates, near, p).some(isDay)) continue;
    const subject = subjectBefore(mt, near, p);
    if (!endsWithMeetingNoun(subject.text)) continue;
    const clause = containing(mt.clauses, p) ?? sentence;
    return { sentence, clause, predicate: span(text, p, p + word.length), object: span(text, p, p), subject, subjects: ["会议"] };
  }
  return undefined;
}

/** The headline when it is a meeting's name alone, without its brackets (`【政协年中工作会议】`). */
function headlineMeeting(title: Span): Span | undefined {
  // a scan from both ends: a lazy regex would retry the closing run from every character
  let start = 0;
  let end = title.text.length;
  while (start < end && HEADLINE_OPEN.has(title.text[start]!)) start++;
  while (end > start && HEADLINE_CLOSE.has(title.text[end - 1]!)) end--;
  const inner = title.text.slice(start, end);
  return inner.length <= MAX_PHRASE && endsWithMeetingNoun(inner) ? { start: title.start + start, end: title.start + end, text: inner } : undefined;
}
const HEADLINE_OPEN = new Set([..." \t\u3000【[(（"]);
const HEADLINE_CLOSE = new Set([..." \t\u3000】])）"]);

/** The day of the month a date writes (`18` of `3月18日`, of `18日上午`). */
const DAY_NUMBER = /[0-9０-９〇零一二三四五六七八九十]+(?=日)/u;

/** `由…主持`, `…主持会议`: the line of a meeting report that names who presided. */
const PRESIDED_BY = /由[^。；;！？]{1,40}主持|主持(?:了)?会议/u;

/** The rest of the lead's sentence, or the sentence after it, names who presided over the meeting. */
function presidedAfter(mt: MeetingText, sentence: Span, from: number): boolean {
  if (PRESIDED_BY.test(mt.text.slice(from, sentence.end))) return true;
  const next = mt.sentences[firstEndingAfter(mt.sentences, sentence.end)];
  return next !== undefined && next.start >= sentence.end && PRESIDED_BY.test(next.text);
}

/**
 * A line addressing an audience (`同志们：`, `各位代表、同志们：`, `女士们、先生们：`), alone or opening the speech that
 * follows it on the line (`同志们:今天,我们召开…`).
 */
const SALUTATION = /^(?:各位[^：:，,。]{0,12}[、，,])?(?:同志们|各位(?:代表|委员|领导|同志|来宾|老师|同学)们?|女士们、先生们|老师们、同学们)[：:]/u;
/**
 * The addressees of an official document, the line under its title (`各省、自治区、直辖市人民政府，国务院各部委…：`,
 * `各镇(街道)、市直各单位…:`): a notice sent to them, even when it tells of a meeting, is no report of one.
 */
const ADDRESSEES = /^各[^。！？!?]{1,150}[：:]$/u;

/**
 * The lead sentence among the first sentences of the article, or undefined when the text reports no meeting.
 *
 * @example
 * findLead(meetingText(seedDoc))?.object.text;  // → "2023年第11次党委(扩大)会议"
 * findLead(meetingText(noticeDoc));             // → undefined (召开的国务院第54次常务会议 is only mentioned)
 */
export function findLead(mt: MeetingText): Lead | undefined {
  // a speech or a host's script opens by addressing the room (`同志们：`): it is said at the meeting, not a report of it;
  // a notice opens by addressing its recipients (`各省、自治区…：`)
  if (mt.paragraphs.slice(0, LEAD_WINDOW).some((p) => SALUTATION.test(p.text) || ADDRESSEES.test(p.text))) return undefined;
  const window = mt.sentences.slice(0, LEAD_WINDOW);
  // the article's first sentences, not counting the lines of page chrome above them (`• 设为首页`, `• 长者版`), which
  // end with no sentence mark; a sub-headline in the article (`中央城市工作会议在北京举行`) repeats the lead without its date
  const full = mt.sentences.filter((s) => SENTENCE_END.test(s.text)).slice(0, LEAD_WINDOW);
  const sentences = [...full, ...window.filter((s) => !SENTENCE_END.test(s.text))];
  for (const sentence of sentences) {
    // a numbered provision (`（一）12月6日上午10时，…隆重举行…追悼大会`) belongs to a notice, never a news lead
    if (mt.markerStarts.has(sentence.start)) continue;
    const lead = leadIn(mt, sentence) ?? actedLead(mt, sentence);
    if (lead) return lead;
  }
  // an e-paper page continued from another (`(紧接第1版)…`) reports its meeting in the headline alone
  return (mt.title && leadIn(mt, mt.title, true)) || presidedLead(mt, sentences) || minutesLead(mt);
}

/**
 * `会议由党委书记王齐华主持`, `学习会由党委书记杨四海主持`, `市委书记李某主持会议`: who presided, the standard line of
 * a meeting report; the group names the meeting word. An occasion with a chair is held as a meeting is: `活动由支部书记
 * 霍敏翔主持` (a 主题党日), `学习由…主持`, `仪式由…主持`.
 */
const PRESIDED = /^(会议|\p{Script=Han}{0,4}会|活动|学习|仪式|典礼)由[^。，,；;]{1,40}主持|主持(?:了)?(会议)/u;


/**
 * `9月25日上午，调研组…到研究所调研。…参加了调研座谈会。会议由党委书记王齐华主持。`: a report that says who presided
 * reports a meeting held, though it writes no verb of holding it. The lead is the first dated sentence before (or
 * at) the line of the chair (a report says when its meeting took place); the meeting is the one the entity stage
 * named before with the chair line's word, else that word.
 */
function presidedLead(mt: MeetingText, sentences: readonly Span[]): Lead | undefined {
  const ordered = sentences.filter((s) => SENTENCE_END.test(s.text)).sort((a, b) => a.start - b.start);
  const chairLine = ordered.find((s) => !mt.markerStarts.has(s.start) && PRESIDED.test(s.text));
  const presided = chairLine && PRESIDED.exec(chairLine.text);
  if (!chairLine || !presided || PRESS.test(presided[1] ?? "")) return undefined;
  // a day the prose writes (`8月22日下午,…`) before a page's numeric stamp (`发布时间:2019-08-23`) above it
  const before = ordered.filter((s) => s.start <= chairLine.start);
  const dayIn = (s: Span, stamp: boolean) => within(mt.dates, s.start, s.end).some((d) => isDay(d) && (stamp || !NUMERIC_DAY.test(d.text)));
  const sentence = before.find((s) => dayIn(s, false)) ?? before.find((s) => dayIn(s, true));
  // a notice names the chair of a meeting it announces (`定于3月5日召开…。会议由…主持`)
  if (!sentence || ordered.some((s) => s.start <= chairLine.start && ANNOUNCED.test(s.text))) return undefined;
  const { text } = mt;
  const at = find(text, "主持", chairLine.start, chairLine.end);
  const word = presided[1] ?? "会议";
  const noun = presided[1] ? chairLine.start : chairLine.start + presided.index + presided[0].length - word.length;
  // the meeting named before with the chair's word (`…首场报告会。报告会由…主持`); for a bare 会议 the last meeting
  // named (`参加了调研座谈会。会议由…主持`), but not one studied (`传达学习中央经济工作会议精神`)
  const named = within(mt.meetings, sentence.start, chairLine.start)
    .filter((m) => (word === "会议" ? !text.startsWith("精神", m.end) : m.text.endsWith(word)))
    .at(-1);
  const subject = named ?? span(text, noun, noun + word.length);
  // the meeting is what was presided over: the object, as in `主持召开…`
  return { sentence, clause: containing(mt.clauses, at) ?? chairLine, predicate: span(text, at, at + 2), object: subject, subject, subjects: ["会议"] };
}

/**
 * The labelled lines of a meeting's minutes (会议纪要) or record: `会议时间：2023年5月17日`, `【时间】…`, `日期：…`, with
 * `主持人：…` (or `【主持人】`, `主持：`) among the lines after it, and the meeting's name on a `会议名称：` line or
 * in the headline.
 */
const MINUTES_TIME = /^\s*(?:【(?:会议)?(?:时间|日期)】|(?:会议)?(?:时间|日期)\s*[：:])/u;
const MINUTES_CHAIR = /^\s*(?:【主持(?:人)?】|主持(?:人)?\s*[：:])/u;
const MINUTES_NAME = /^\s*(?:【会议名称】|会议名称\s*[：:])\s*/u;
/** `…会议纪要`, `…会议记录`: what kind of record a headline names after the meeting. */
const RECORD = /(?:纪要|记录|紀要|記錄)$/u;
/** `关于召开…会议的通知`, `…会议议程`, `…会议安排`: the headline of a paper that calls or plans a meeting. */
const NOTICE_TITLE = /(?:通知|通告|公告|议程|安排|方案)\s*$/u;
/** How many lines of a record's head the time, name and chair lines stand within. */
const MINUTES_LINES = 8;

/** The lead of a meeting's minutes: its time line, the meeting named by the name line or the headline. */
function minutesLead(mt: MeetingText): Lead | undefined {
  const head = mt.paragraphs.slice(0, MINUTES_LINES);
  const time = head.findIndex((p) => MINUTES_TIME.test(p.text) && within(mt.dates, p.start, p.end).some(isDay));
  if (time < 0 || !head.slice(time + 1).some((p) => MINUTES_CHAIR.test(p.text))) return undefined;
  // a notice lists the same lines for a meeting it calls (`关于召开…会议的通知`, `定于…召开`)
  if ((mt.title && NOTICE_TITLE.test(mt.title.text)) || head.some((p) => ANNOUNCED.test(p.text))) return undefined;
  const sentence = head[time]!;
  const label = MINUTES_TIME.exec(sentence.text)![0];
  const nameLine = head.find((p) => MINUTES_NAME.test(p.text));
  // `县委常委会会议纪要`: the minutes' headline is the meeting's name and the kind of record
  const headline = mt.title && span(mt.text, mt.title.start, mt.title.start + mt.title.text.trimEnd().replace(RECORD, "").length);
  const subject = nameLine
    ? trimEnd(mt.text, span(mt.text, nameLine.start + MINUTES_NAME.exec(nameLine.text)![0].length, nameLine.end))
    : headline && endsWithMeetingNoun(headline.text)
      ? headline
      : span(mt.text, sentence.start, sentence.start);
  return { sentence, clause: sentence, predicate: span(mt.text, sentence.start, sentence.start + label.length), object: span(mt.text, sentence.start, sentence.start), subject, subjects: ["会议"] };
}

/**
 * A wire's, paper's or broadcaster's dateline ends in 电, 讯 or 消息 (`新华社北京3月9日电`, `大众日报济南3月21日讯`,
 * `中广网北京10月27日消息`): the day the report is dated.
 */
const DATELINE_END = /^(?:电|讯|消息)/u;
const dayOf = (value: string | undefined) => value?.slice(0, 10);
/** How far ahead of its day a page may announce a meeting, in days. */
const SOON = 31;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The headline's day; one without a year is not months after the reference date (a report tells of the past). */
function headlineDay(date: ReturnType<typeof datesIn>[number] | undefined, reference: string | undefined): string | undefined {
  const day = dayOf(date?.value);
  if (!day || !date?.inferred || !reference || day <= reference || daysBetween(reference, day) <= SOON) return day;
  return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
}

/** What may come before a date that opens a headline: nothing, or an opening bracket (`【2022年8月18日】`). */
const HEADLINE_OPENING = /^[\s【\[(（]*$/u;

/**
 * The day a report is dated, against which its meeting's day without a year (`4月27日`), without a month (`16日`)
 * or relative (`昨天`) is read: the dateline of the lead (itself read against what follows), the page's publication
 * date, a date in the headline (`【2022年8月18日】…召开…会议`), else the caller's reference date (`own` false).
 */
function reportDay(mt: MeetingText, dateline: DateEntity | undefined, leadStart: number): { day: string | undefined; own: boolean } {
  // a headline opening with its month and day (`3月18日 国务院常务会议…`) still dates the report, its year read
  // against the reference date; elsewhere in a headline a day without a year is news (`决定…12月27日至30日在京举行`)
  const title = mt.title && datesIn(mt.text, { ranges: [mt.title], ...(mt.referenceDate ? { referenceDate: mt.referenceDate } : {}) })
    .find((d) => !d.relative && d.parts.day !== undefined && d.parts.month !== undefined && (!d.inferred || HEADLINE_OPENING.test(mt.text.slice(mt.title!.start, d.start))));
  const page = mt.publishedAt ?? headlineDay(title, mt.referenceDate) ?? headerDay(mt, leadStart);
  if (dateline && !dateline.attrs.relative) return { day: meetingDay(mt, dateline, page ?? mt.referenceDate), own: true };
  // a year read off the reference date is not the report's own
  return { day: page ?? mt.referenceDate, own: page !== undefined && (mt.publishedAt !== undefined || title?.inferred !== true) };
}

/** How far above the lead a page's date line may stand (the headline, source and date lines, page chrome). */
const HEADER_WINDOW = 400;
/** The longest line read as a date line (`作者：赵志旭  发布时间：2021-03-01 15:22:50 打印 字号：| |`). */
const DATE_LINE = 80;

/**
 * The page's date line above the lead, when the page stage found no publication date: a day written with its year
 * (`发布时间：2020年07月03日`, `2024-03-19 08:56   洪山大学之城`, `28.07.2015  19:41`, `2013年06月09 15:50:29 来源`).
 * News pages write the day they were posted between the headline and the article; the lead's own day is read
 * against it.
 */
function headerDay(mt: MeetingText, leadStart: number): string | undefined {
  const from = Math.max(0, leadStart - HEADER_WINDOW);
  const day = datesIn(mt.text, { ranges: [{ start: from, end: leadStart }] })
    .find((d) => !d.relative && !d.inferred && d.parts.year !== undefined && d.parts.day !== undefined && isDateLine(mt.text, d));
  return dayOf(day?.value);
}

/** A line of page chrome (date, source, author, hits), not a sentence of the article: short, with no 。 in it. */
function isDateLine(text: string, date: Span): boolean {
  const start = text.lastIndexOf("\n", date.start - 1) + 1;
  const newline = text.indexOf("\n", date.end);
  const line = text.slice(start, newline < 0 ? text.length : newline);
  return line.length <= DATE_LINE && !line.includes("。");
}

/**
 * Years a report writes of its own time, the year it was written in: `2020年是全面建成小康社会…收官之年`, `2021年以来`,
 * `2018年全国“两会”`, `《求是》2023年第1期`, and a session of the National People's Congress or of the CPPCC National
 * Committee by its numbers (`十三届全国人大二次会议` met in 2019), as local meetings relay those within weeks.
 */
const OWN_YEAR = /((?:19|20)[0-9]{2})年(?:是|以来|全国[“"]?两会|第[0-9一二三四五六七八九十]{1,3}期)/gu;
const NPC_SESSION = /(?:第?([一二三四五六七八九十]{1,3})届全国(?:人大|人民代表大会|政协|委员会)第?([一二三四五])次(?:会议|全体会议)|全国(?:人大|政协)([一二三四五六七八九十]{1,3})届([一二三四五])次会议)/gu;

/**
 * `党的二十届四中全会`, `十九届六中全会`: a plenary session of the Party's Central Committee, which local meetings relay
 * within weeks (`传达学习党的二十届四中全会精神`). Its year is not a function of its numbers, so it is listed.
 */
const CC_PLENUM = /(十[六七八九]|二十)[届屆]([一二三四五六七])中全[会會]/gu;
/** The year of each plenum of the 16th to 20th Central Committees, by term and then session (the first in the list). */
const PLENUM_YEARS: Readonly<Record<number, readonly number[]>> = {
  16: [2002, 2003, 2003, 2004, 2005, 2006, 2007],
  17: [2007, 2008, 2008, 2009, 2010, 2011, 2012],
  18: [2012, 2013, 2013, 2014, 2015, 2016, 2017],
  19: [2017, 2018, 2018, 2019, 2020, 2021, 2022],
  20: [2022, 2023, 2024, 2025],
};

/** The year a NPC or CPPCC session met: the 5th term opened in 1978, each term lasts five years, one session a year. */
function sessionYear(term: number | undefined, session: number | undefined): number | undefined {
  return term !== undefined && session !== undefined && term >= 5 ? 1978 + 5 * (term - 5) + session - 1 : undefined;
}

/** The latest year the article writes of its own time (see {@link OWN_YEAR}), if any. */
function writtenYear(mt: MeetingText): number | undefined {
  const article = mt.paragraphs.map((p) => p.text).join("\n");
  const years = [...article.matchAll(OWN_YEAR)].map((m) => Number(m[1]));
  for (const m of article.matchAll(NPC_SESSION)) {
    const year = sessionYear(parseOrdinal(m[1] ?? m[3]!), parseOrdinal(m[2] ?? m[4]!));
    if (year !== undefined) years.push(year);
  }
  for (const m of article.matchAll(CC_PLENUM)) {
    const year = PLENUM_YEARS[parseOrdinal(m[1]!) ?? 0]?.[(parseOrdinal(m[2]!) ?? 0) - 1];
    if (year !== undefined) years.push(year);
  }
  const reference = Number(mt.referenceDate?.slice(0, 4));
  const past = years.filter((y) => !(y > reference));
  return past.length ? Math.max(...past) : undefined;
}

/**
 * `2023年第9次党委会会议`, `2018 年安全生产工作会`, `2013年第四季度学习会`: a meeting named with its year (sessions are
 * counted within a year) took place in that year. `2023年度民主生活会` reviews a year and is held after it: no year.
 */
const NAMED_YEAR = /((?:19|20)[0-9]{2}) ?年(?!度(?!第))/u;

/** The year the meeting's name carries, if any. */
function namedYear(mt: MeetingText, lead: Lead): number | undefined {
  // the headline names the meeting with its year when the article's copy lost the digits (`召开2017年教育工作会议` over
  // `年2月21日上午9点,…召开年教育工作会议`)
  const year = NAMED_YEAR.exec(meetingName(mt, lead)?.name ?? "") ?? (mt.title ? TITLE_MEETING_YEAR.exec(mt.title.text) : null);
  return year ? Number(year[1]) : undefined;
}
/** A headline's meeting named with its year: the year and, within the phrase, a meeting noun (`2017年教育工作会议`). */
const TITLE_MEETING_YEAR = /((?:19|20)[0-9]{2}) ?年(?!度(?!第))[^，,。：:\s]{0,20}?会/u;

/** `319日`, `33日`: a lead whose CMS dropped the 月 between month and day, read as digits run together before 日. */
const RUN_TOGETHER = /^([0-9]{2,4})日/u;

/**
 * The day of a lead that writes month and day run together (`319日,凉水实验林场召开…`, `33日，区长…主持召开…`): the
 * split of the digits (month 3 and day 19) that falls shortly before the page's own day. Without a day of the page's
 * own, which split is meant is unknown.
 */
function runTogetherDay(mt: MeetingText, dated: Span): Pick<MeetingBrief, "date" | "dateSpan"> {
  const run = RUN_TOGETHER.exec(dated.text);
  const page = mt.publishedAt ?? headerDay(mt, dated.start);
  if (!run || !page) return {};
  const digits = run[1]!;
  const candidates: string[] = [];
  for (const cut of [1, 2]) {
    const month = Number(digits.slice(0, cut));
    const day = Number(digits.slice(cut));
    if (digits.length - cut < 1 || digits.length - cut > 2 || month < 1 || month > 12 || day < 1) continue;
    for (const year of [Number(page.slice(0, 4)), Number(page.slice(0, 4)) - 1]) {
      const iso = isoDay(year, month, day);
      if (iso === undefined) continue;
      const back = daysBetween(iso, page);
      if (back >= 0 && back <= SOON) candidates.push(iso);
    }
  }
  if (candidates.length !== 1) return {};
  return { date: candidates[0]!, dateSpan: span(mt.text, dated.start, dated.start + run[0].length) };
}

/**
 * `date` of the day the meeting took place: a date with its year written stands; one completed from the report's
 * day is the nearest such day, and not months after it, as a report tells of a meeting already held (`召开了`) or
 * announces one soon: `4月27日` in a report of 2017-01-16 is 2016-04-27, `16日` is 2017-01-16, `1月20日` 2017-01-20.
 */
function meetingDay(mt: MeetingText, date: DateEntity, reported: string | undefined): string | undefined {
  if (!reported) return dayOf(date.value);
  // read on past the date: the first day of `8月5--7日` is a day only with the last after it
  const range = { start: date.start, end: Math.min(mt.text.length, date.end + RANGE_TAIL) };
  const mention = datesIn(mt.text, { ranges: [range], referenceDate: reported }).find((d) => d.start === date.start);
  if (!mention || !mention.inferred || mention.relative || mention.value === undefined) return dayOf(mention?.value ?? date.value);
  const day = dayOf(mention.value)!;
  if (day <= reported || daysBetween(reported, day) <= SOON) return day;
  const { year, month } = mention.parts;
  // the month was written (`4月27日`): the year before; only the day (`27日`): the month before
  const shifted = date.text.includes("月") ? `${year! - 1}${day.slice(4)}` : dayOf(new Date(Date.UTC(year!, month! - 2, mention.parts.day!)).toISOString());
  return shifted;
}

/**
 * Meeting date (first day) and last day of a range, from the first day-precise dates of the lead (a dateline's date
 * only when the lead gives no other).
 *
 * @example
 * meetingDate(mt, lead); // "中央经济工作会议12月11日至12日在北京举行" (2023-12-12)
 * // → { date: "2023-12-11", dateEnd: "2023-12-12", dateSpan: { text: "12月11日至12日", … } }
 */
export function meetingDate(mt: MeetingText, lead: Lead): Pick<MeetingBrief, "date" | "dateEnd" | "dateSpan"> {
  // a lead in the headline is dated by the article's first sentence with the same verb (`8月12日上午,…召开…`)
  const dated = lead.sentence === mt.title ? mt.sentences.slice(0, LEAD_WINDOW).find((s) => s.text.includes(lead.predicate.text)) : lead.sentence;
  if (!dated) return {};
  let dates = within(mt.dates, dated.start, dated.end).filter(isDay);
  // `4月14日，…\n党委理论学习中心组召开…会议。`: an undated lead under a line that opens with the day; `3月18日 国务院常务
  // 会议…\n国务院总理李克强18日主持召开…`: a lead giving only the day under a line that opens with that day and its month
  const above = mt.paragraphs[firstEndingAfter(mt.paragraphs, dated.start) - 1];
  const heading = above && within(mt.dates, above.start, above.end).find(isDay);
  if (heading && heading.start === above!.start) {
    const dayOnly = dates[0] && !dates[0].text.includes("月") && DAY_NUMBER.exec(dates[0].text)?.[0] === DAY_NUMBER.exec(heading.text)?.[0];
    if (dates.length === 0 || dayOnly) dates = [heading];
  } else if (dates.length === 0 && above && brokenBefore(above)) {
    // `大众日报济南3月21日讯 今天上午,省政协十一届三次\n主席会议召开。`: a copy broke the lead's sentence over two
    // lines; the first line, a clause left open, holds its dateline and day
    dates = within(mt.dates, above.start, above.end).filter(isDay);
  } else if (dates.length === 0 && SEQUENCE.test(dated.text)) {
    // `11月28日上午,…徐军赴…调研。…随后,徐军主持召开座谈会。`: a lead opening with 随后 (当天, 同日) goes on with the
    // day the account gave before
    dates = within(mt.dates, mt.sentences[0]?.start ?? 0, dated.start).filter(isDay).slice(-1);
  }
  const dateline = dates.find((d) => DATELINE_END.test(mt.text.slice(d.end, d.end + 2)));
  // a page's stamp in numbers (`date 2025-12-23 【…专讯】…李强周一（22日）主持召开…`) opening the lead's line dates the
  // page; prose writes the meeting's day in 月 and 日
  const days = dates.filter((d) => d !== dateline).sort((a, b) => Number(NUMERIC_DAY.test(a.text)) - Number(NUMERIC_DAY.test(b.text)));
  const first = days[0] ?? dateline;
  if (!first) return runTogetherDay(mt, dated);
  const report = reportDay(mt, dateline, dated.start);
  const reported = report.day;
  // a report with no day of its own (only the caller's reference date): the year in the meeting's name, else the
  // year the article writes of its own time, is the year of a day written with its month and without a year (`3月30日`)
  const year = report.own ? undefined : namedYear(mt, lead) ?? writtenYear(mt);
  const inYear = (d: DateEntity, day: string | undefined) =>
    year !== undefined && day && !d.attrs.relative && d.text.includes("月") && !d.text.includes("年") ? `${year}${day.slice(4)}` : day;
  const second = days[1];
  // `12月11日至12日`, `8月5--7日`: one or two joiners between the first day and the last
  const gap = second ? mt.text.slice(first.end, second.start) : "";
  const joined = second && gap.length >= 1 && gap.length <= 2 && [...gap].every((c) => RANGE_JOINERS.includes(c));
  const dateSpan = span(mt.text, first.start, joined ? second.end : first.end);
  const date = inYear(first, meetingDay(mt, first, reported));
  const dateEnd = joined ? inYear(second, meetingDay(mt, second, reported)) : undefined;
  return { ...(date ? { date } : {}), ...(dateEnd ? { dateEnd } : {}), dateSpan };
}

/** `2025-12-23`, `2023/5/18`: a day written in numbers, as a page's stamp writes it. */
const NUMERIC_DAY = /^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}/u;
const RANGE_JOINERS = "至到—-－～~";
/** How far past a date its range may run (`--31日`), in characters. */
const RANGE_TAIL = 6;
/** `随后,…`, `当天…`, `同日…`: a sentence that goes on with the day of the account before it. */
const SEQUENCE = /^(?:随后|隨後|其后|接着|紧接着|當天|当天|当日|同日|同天)/u;
/** A line that ends a clause but no sentence (`…今天上午,省政协十一届三次`): a sentence broken over the line break. */
const OPEN_CLAUSE = /[，,][^。！？!?；;：:，,]+$/u;
const brokenBefore = (line: Span) => OPEN_CLAUSE.test(line.text) && !SENTENCE_END.test(line.text);

const ORDINAL = /第[0-9０-９〇零一二三四五六七八九十百两]{1,4}次/gu;

function numberIn(name: string): number | undefined {
  const last = [...name.matchAll(ORDINAL)].at(-1);
  return last ? parseOrdinal(last[0]) : undefined;
}

/**
 * Where and how the meeting is named: the object of `召开` (`国务院常务会议`), the subject of `举行` (`中央经济工作会议`),
 * or the convening body (`中共中央政治局…召开会议` → `中共中央政治局会议`). A session named apart from its body
 * (`中共中央政治局10月25日…进行第一次集体学习`) is taken from the headline when the headline writes it whole.
 *
 * @example
 * meetingName(mt, lead); // seed → { text: "2023年第11次党委(扩大)会议", name: "2023年第11次党委(扩大)会议", number: 11, … }
 */
export function meetingName(mt: MeetingText, lead: Lead): MeetingBrief["meeting"] {
  const { object, subject } = lead;
  const generic = object.text === "" || object.text === "会议";
  let where: Span;
  let name: string;
  if (generic) {
    where = subject;
    // `…现场会在富县召开`: the subject held is the meeting; `县委常委会召开会议` is the body's meeting
    const held = object.text === "" && subject.text.endsWith("会") && !PRESS.test(subject.text);
    name = endsWithMeetingNoun(subject.text) || held ? subject.text : `${subject.text}会议`;
  } else if (SESSION_ONLY.test(object.text)) {
    where = object;
    name = subject.text + object.text;
    const title = mt.title;
    for (let k = 0; title && k < subject.text.length; k++) {
      const whole = subject.text.slice(k) + object.text;
      const at = title.text.indexOf(whole);
      if (at >= 0) {
        where = span(mt.text, title.start + at, title.start + at + whole.length);
        name = whole;
        break;
      }
    }
  } else {
    where = object;
    name = object.text;
  }
  const number = numberIn(name);
  return { ...where, name, ...(number !== undefined ? { number } : {}) };
}

/**
 * A person entity as the brief shows it: titles as written, the organisation of the main title apart.
 *
 * @example
 * personRef(entity); // 中共中央政治局常委、全国人大常委会委员长、党组书记赵乐际
 * // → { name: "赵乐际", titles: ["中共中央政治局常委", "委员长", "党组书记"], org: "全国人大常委会", span: … }
 */
export function personRef(person: PersonEntity, orgAliases: ReadonlyMap<string, string> = new Map()): PersonRef {
  const { titles, titleOrgs: orgs } = person.attrs;
  // the organisation of the office held (国务院总理、党组书记: 国务院), not of an earlier rank (中共中央政治局常委、…委员长)
  const main = orgs.findLast((o): o is string => typeof o === "string");
  return {
    name: person.text,
    titles: titles.map((title, k) => (orgs[k] && orgs[k] !== main ? `${orgs[k]}${title}` : title)),
    ...(main ? { org: orgAliases.get(main) ?? main } : {}),
    span: { start: person.start, end: person.end, text: person.text },
  };
}

/** Office titles (dict/entity-titles.txt, first column). */
let titleWords: readonly string[] | undefined;
export const officeTitles = () => (titleWords ??= readDictLines("entity-titles.txt", "\t").map((l) => l.fields[0]!));
const GIVEN_NAME = /^\p{Script=Han}{2,3}$/u;
/** Roles written after a title that are no name (`校长助理`, `主任秘书`, `书记代表`). */
const ROLE = /(?:助理|秘书|干事|代表|成员|委员|同志|人员|干部|专干|们)$/u;

/**
 * `县人大常委会常务副主任洪自成`: in `由…主持` and in a roll a person is written as titles and then the name, so the
 * two or three characters after the last office title are the name, whether or not the entity stage found it.
 *
 * @example
 * nameAfterTitle("县人大常委会常务副主任洪自成"); // → "洪自成"
 * nameAfterTitle("各代表团团长");                 // → undefined
 * nameAfterTitle("校长助理");                     // → undefined
 */
export function nameAfterTitle(body: string): string | undefined {
  let end = -1;
  for (const title of officeTitles()) {
    const at = body.lastIndexOf(title);
    if (at >= 0) end = Math.max(end, at + title.length);
  }
  const rest = end < 0 ? "" : body.slice(end);
  return GIVEN_NAME.test(rest) && !ROLE.test(rest) ? rest : undefined;
}

/** Single-character surnames (dict/entity-surnames.txt). */
let surnameSet: ReadonlySet<string> | undefined;
export const surnames = () => (surnameSet ??= new Set(readDictLines("entity-surnames.txt").flatMap((l) => l.fields).filter((w) => w.length === 1)));
/** What a unit's name ends with, before the name of a person from it (`党委宣传统战部高建兴`, `校办公室王芳`). */
const UNIT_END = /[部办委局处室院所科组厅队站]$/u;

/**
 * `党委宣传统战部高建兴`: a person written after their unit, without a title; the name is a surname and one or two
 * characters after the unit's last character.
 */
function nameAfterUnit(body: string): string | undefined {
  if (UNIT_END.test(body)) return undefined; // the unit itself (`区人大常委会办公室`)
  for (const length of [3, 2]) {
    const name = body.slice(-length);
    const unit = body.slice(0, -length);
    if (unit.length >= 2 && UNIT_END.test(unit) && GIVEN_NAME.test(name) && !ROLE.test(name) && surnames().has(name[0]!)) return name;
  }
  return undefined;
}

/** The chair named by the `主持` at `at`, if any. */
function chairAt(mt: MeetingText, sentence: Span, at: number): PersonRef | undefined {
  const { text } = mt;
  // `主持人：张明华`: a roster's line names the chair after the colon
  const roster = ROSTER_CHAIR.exec(text.slice(at, at + 4));
  if (roster) {
    const named = mt.persons[firstEndingAfter(mt.persons, at + roster[0].length)];
    return named && named.start >= at + roster[0].length && named.start - (at + roster[0].length) <= MAX_TITLES_BEFORE_NAME && named.end <= sentence.end ? personRef(named) : undefined;
  }
  const by = findLast(text, "由", Math.max(sentence.start, at - MAX_PHRASE), at);
  // `各阶段议程分别由王飞副书记、肖娟副经理…主持`, `第一阶段由宣传部长蔡某主持`: each part of the meeting had its own
  // chair; none of them presided over the whole
  if (by > sentence.start && PART_CHAIR.test(text.slice(Math.max(sentence.start, by - 4), by))) return undefined;
  if (by > sentence.start && !text.slice(by, at).includes("，")) {
    // `全会由中央政治局主持` (a body) or `开幕式由全国台联会长黄志贤主持` (a person); of co-chairs (`由张明华和李国强共同
    // 主持`) the one named first, as the senior leader is
    const people = within(mt.persons, by + 1, at);
    const named = JOINTLY.test(text.slice(by + 1, at)) ? people[0] : people.at(-1);
    const body = span(text, by + 1, at);
    // `由学校党委书记章顺来主持`: nothing but the name stands between the last title and 主持, so a person found
    // shorter than that (章顺, its last character read as a verb) is the whole name after the title
    // (`…总工程师杜贵和同志主持`: the form of address after the name is no part of it)
    const address = body.text.endsWith("同志") ? 2 : 0;
    const whole = named && named.end < at - address && named === people.at(-1) ? nameAfterTitle(body.text.slice(0, body.text.length - address)) : undefined;
    if (named && whole && whole.startsWith(named.text) && at - address - whole.length === named.start) {
      return { ...personRef(named), name: whole, span: span(text, named.start, at - address) };
    }
    if (named) return personRef(named);
    // `会议由县人大常委会常务副主任洪自成主持`: titles, then a name the text gives as a person elsewhere
    const known = mt.persons.find((p) => p.text.length < body.text.length && body.text.endsWith(p.text));
    if (known) return { name: known.text, titles: [], span: span(text, at - known.text.length, at) };
    const name = nameAfterTitle(body.text) ?? nameAfterUnit(body.text);
    if (name) return { name, titles: [], span: span(text, at - name.length, at) };
    // `会议由支部书记主持`: an office without its holder's name names no chair (a body does: 由中央政治局主持)
    if (officeTitles().some((title) => body.text.endsWith(title))) return undefined;
    return { name: body.text, titles: [], org: body.text, span: body };
  }
  // `县委书记王建国、县长李明共同主持会议`: of co-chairs the one named first, as the senior leader is
  if (JOINTLY.test(text.slice(Math.max(sentence.start, at - 2), at))) {
    const clause = containing(mt.clauses, at - 1);
    const first = within(mt.persons, clause?.start ?? sentence.start, at)[0];
    if (first) return personRef(first);
  }
  const person = mt.persons[firstEndingAfter(mt.persons, at) - 1];
  if (person && person.start >= sentence.start && at - person.end <= MAX_PHRASE) {
    // `丁薛祥在北京…调研，并在涿州主持召开座谈会`: a clause opening with 并 keeps the subject
    const between = text.slice(person.end, at);
    if (!/[，,。]/u.test(between) || /^[^。]*[，,]并[^，,]*$/u.test(between)) return personRef(person);
  }
  // `李强主持召开国务院常务会议`: a headline opens with the chair's bare name, a surname and one or two characters
  const opening = text.slice(sentence.start, at).trim();
  if (GIVEN_NAME.test(opening) && surnames().has(opening[0]!) && !ROLE.test(opening)) {
    return { name: opening, titles: [], span: span(text, at - opening.length, at) };
  }
  return undefined;
}

/** `分别由…主持`, `…阶段由…主持`, `…环节由…主持`: chairs of parts of a meeting. */
const PART_CHAIR = /(?:分别|阶段|階段|环节|環節)$/u;
/** `主持人：`, `主持:`: the chair's line of a roster. */
const ROSTER_CHAIR = /^主持(?:人)?(?:[：:]|】)/u;
/** Titles a roster may write between its colon and the name (`主持人：县委副书记、县长张明华`), in characters. */
const MAX_TITLES_BEFORE_NAME = 16;
/** `…共同主持`, `…联合主持`: two or more chairs. */
const JOINTLY = /(?:共同|联合)$/u;

/**
 * How far after the lead the chair may be named, in paragraphs: a photo caption and a roll of one or two paragraphs
 * (`市政协主席…出席会议并在主席台前排就座。`) may stand between the lead and `…主持会议。`.
 */
const CHAIR_WINDOW = 4;

/**
 * The chair: the person before `主持` (`雷承锋主持召开`, `习近平在主持学习时强调`), or the body in `由…主持`
 * (`全会由中央政治局主持`). Sentences about earlier meetings (`此前，…主持召开…`) are skipped.
 *
 * @example
 * meetingChair(mt, lead); // seed → { name: "雷承锋", titles: ["党委书记"], org: "学院", span: … }
 */
export function meetingChair(mt: MeetingText, lead: Lead): PersonRef | undefined {
  const { text } = mt;
  const firstParagraph = mt.paragraphs.findIndex((p) => p.end >= lead.sentence.end);
  const lastIndex = Math.min(mt.paragraphs.length - 1, firstParagraph + CHAIR_WINDOW);
  // a text that is one headline (`3月1日召开会议`) has no paragraph below it: the window is the headline alone
  const windowEnd = lastIndex >= 0 ? mt.paragraphs[lastIndex]!.end : lead.sentence.end;
  // a lead in the headline (`李强主持召开国务院常务会议 对…作出部署`) may name the chair there alone
  const headline = lead.sentence === mt.title ? [lead.sentence] : [];
  for (const sentence of [...headline, ...within(mt.sentences, lead.sentence.start, windowEnd)]) {
    if (text.startsWith("此前", sentence.start)) continue;
    for (let at = find(text, "主持", sentence.start, sentence.end); at >= 0; at = find(text, "主持", at + 2, sentence.end)) {
      const chair = chairAt(mt, sentence, at);
      if (chair) return chair;
    }
  }
  return undefined;
}

/** Verbs that name what a meeting dealt with. */
const agendaVerbs = wordList("meeting-agenda-verbs.txt");
/** In the lead's chain of verbs `要求` names an item too (`；要求深入落实…`). */
let leadAgendaVerbs: readonly string[] | undefined;
const leadAgenda = () => (leadAgendaVerbs ??= [...agendaVerbs(), "要求"]);
const ADVERBS = ["进一步", "深入", "全面", "深刻", "系统", "专题", "认真", "集中", "还"];
/** A clause opening with one of these reports what was said or decided: the agenda part of the sentence ends. */
const stopVerbs = wordList("meeting-stop-verbs.txt");
const SPEECH = /^[^，,。]{1,12}?在(?:重要)?讲话中/u;

function startsWithAny(text: string, at: number, words: readonly string[]): string | undefined {
  return words.find((w) => text.startsWith(w, at));
}

/** Past the adverbs at `at` (`深入`, `全面`, `专题`…). */
function skipAdverbs(text: string, at: number): number {
  let k = at;
  for (let adverb = startsWithAny(text, k, ADVERBS); adverb; adverb = startsWithAny(text, k, ADVERBS)) k += adverb.length;
  return k;
}

/** The agenda verb opening the phrase at `at`, unless the phrase is an approval (`审议通过`, `讨论并原则通过`). */
function agendaVerbAt(text: string, at: number, verbs: readonly string[]): string | undefined {
  const k = skipAdverbs(text, at);
  const verb = startsWithAny(text, k, verbs);
  if (!verb || /^并?(?:原则)?通过/u.test(text.slice(k + verb.length, k + verb.length + 5))) return undefined;
  return verb;
}

/**
 * A phrase at `at` opens an agenda item (`听取…`, `深入学习…`).
 *
 * @example
 * opensAgendaItem("听取中央纪委国家监委工作汇报", 0); // → true
 * opensAgendaItem("审议通过《…》", 0);                // → false (a decision)
 */
export const opensAgendaItem = (text: string, at: number) => agendaVerbAt(text, at, agendaVerbs()) !== undefined;

/** The clause from `start` as an agenda item when it opens with an agenda verb (adverbs allowed before it). */
function agendaItem(mt: MeetingText, start: number, clause: Span, verbs: readonly string[]): Span | undefined {
  const { text } = mt;
  if (!agendaVerbAt(text, start, verbs)) return undefined;
  const item = trimEnd(text, span(text, text.startsWith("还", start) ? start + 1 : start, clause.end));
  return item.text.includes("其他事项") ? undefined : item;
}

/**
 * What the meeting studied, heard, reviewed or deployed: verb phrases from the lead (`听取…汇报，研究部署…`), from
 * sentences whose subject is the meeting (`会议分析研究…，审议《…》`, `全会分析了当前形势和任务，强调…` up to the
 * reporting verb) and from the speech summary (`习近平在重要讲话中全面总结…，深刻分析…`).
 *
 * @example
 * meetingAgenda(mt, lead, decisions, statements).map((s) => s.text);
 * // "中共中央政治局12月6日召开会议，分析研究2023年经济工作；听取中央纪委国家监委工作汇报，研究部署…"
 * // → ["分析研究2023年经济工作", "听取中央纪委国家监委工作汇报", "研究部署2023年党风廉政建设和反腐败工作"]
 */
export function meetingAgenda(mt: MeetingText, lead: Lead, decisions: readonly Span[], statements: readonly Span[]): Span[] {
  const { text } = mt;
  const items: Span[] = [];
  const isExcluded = (s: Span) => {
    const decision = containing(decisions, s.start);
    return decision !== undefined && s.end <= decision.end;
  };
  // inside a statement only its first sentence, up to the reporting verb, tells what the meeting did
  const quoted = (s: Span) => {
    const statement = containing(statements, s.start);
    return statement !== undefined && statement.start < s.start;
  };
  if (lead.topic) items.push(lead.topic);
  for (const clause of within(mt.clauses, lead.clause.end, lead.sentence.end)) {
    if (isExcluded(clause)) continue;
    const item = agendaItem(mt, clause.start, clause, leadAgenda());
    if (item) items.push(item);
  }
  for (const sentence of mt.sentences) {
    if (sentence.end <= lead.sentence.end || quoted(sentence)) continue;
    let from: number;
    const subject = startsWithAny(text, sentence.start, lead.subjects);
    const speech = SPEECH.exec(text.slice(sentence.start, sentence.start + 24));
    if (subject) from = sentence.start + subject.length;
    else if (speech) from = sentence.start + speech[0].length;
    else continue;
    for (const clause of within(mt.clauses, sentence.start, sentence.end)) {
      const start = Math.max(from, clause.start);
      if (startsWithAny(text, skipAdverbs(text, start), stopVerbs())) break;
      if (isExcluded(clause)) continue;
      const item = agendaItem(mt, start, clause, agendaVerbs());
      if (item) items.push(item);
    }
  }
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.text) && seen.add(item.text));
}
