/**
 * What was said and decided. A statement is a reporting verb (`强调`, `指出`, `要求`, `表示`, `说明`, `认为`, `提出`, `明确`)
 * with a speaker:
 * the meeting (`会议指出，`), a person (`雷承锋强调,`, `习近平在主持学习时强调，`), a pronoun resolved to the people
 * named before (`他指出` → 雷承锋, `他们表示` → the `、` list). A decision is `表决通过`, `审议(并)通过`, `决定`,
 * `同意` or `确定` governed by the meeting (`会议同意…`, `全会按照党章规定，决定…`) or opening a clause of a
 * sentence about it (`…工作报告，审议通过了…`). A statement runs from the start of its sentence to the end of
 * its paragraph, a decision to the end of its sentence; both run on over paragraphs that only continue them
 * (`一是…`, `要…` without a subject of their own).
 */
import { firstUnitsOf } from "../core/chars.js";
import type { Enumeration, MeetingBrief, Span } from "../core/schema.js";
import { isBlank } from "../core/text.js";
import { wordList } from "../dict.js";
import { endsWithBody, endsWithMeetingNoun, type Lead, officeTitles, opensAgendaItem, surnames } from "./meeting-lead.js";
import { containing, findLast, firstEndingAfter, type MeetingText, span, trimEnd, within } from "./meeting-text.js";

type Statement = MeetingBrief["statements"][number];

/** dict/meeting-statement-verbs.txt and dict/meeting-decision-verbs.txt */
const statementVerbs = wordList("meeting-statement-verbs.txt");
const decisionVerbs = wordList("meeting-decision-verbs.txt");
/** Words that open a paragraph of the meeting's own (never a continuation). */
const MEETING_SUBJECTS = ["会议", "全会"];
/** After `会议`/`全会`: the sentence reports a call to the public (`全会号召…`), not a statement of the kind the brief lists. */
const NOT_A_STATEMENT = /^号召/u;
/** What a reporting verb is followed by when it introduces speech. */
const SPEECH_OPENERS = new Set(["，", ",", "：", ":"]);
const CLAUSE_BREAKS = new Set(["，", ",", "；", ";"]);
/** `作了说明`, `进行说明`. */
const EXPLAINED = /(?:作了|做了|进行|作|做)$/u;
/** `对…进行了强调`, `作了强调`: another verb as the object of a light verb (bare 作 would take 工作要求). */
const LIGHT_VERB = /(?:作了|做了|进行了?)$/u;
/** `指出了存在的短板和不足`: 指出 with an aspect marker names what was found, it introduces no speech. */
const FOUND = /^了/u;
/** A roll of who attended (`…孙蓬参加会议，提出工作要求`): the people listed are not the subject of what follows. */
const ROLL = /(?:参加|出席|列席)(?:了)?(?:会议|活动|学习)?$/u;
/**
 * A speaker the text names by role, as members or as a document (`镇党委主要负责人在大会上指出：`, `参会人员表示，`,
 * `该镇党委书记指出`, `报告指出，`), or the members together (`大家一致认为，`, `与会者表示，`): the brief keeps it as
 * written.
 */
const ROLE_SPEAKER = /^[^，,。；;：:、“”《》]{0,10}?(?:负责人|人员|代表们|报告|通报|党委、政府|党委|书记|大家|与会者|與會者)$/u;
/** Between a role and its verb: where (`在大会上`) and adverbs (`一致`, `认真`). */
const ROLE_ADVERBIAL = /(?:在[^，,；;]{1,12}上|一致|认真|也|都|还|再次)+$/u;
/** Longest role with its adverbial (bounds the end-anchored regexes to short strings). */
const MAX_ROLE_PHRASE = 32;
/** A clause opening with 他/她, perhaps after an adverb of sequence (`首先他针对…`). */
const LATER_PRONOUN = /^(?:首先|其次|随后|接着|最后|同时)?[他她](?!们)/u;
/** A short opening clause before a speaker (`随后，`, `会上，`). */
const PREAMBLE = /^[^，,。；;]{1,12}[，,]$/u;
/** What may come before a speaker who opens a sentence: a short opening clause, then the speaker's titles. */
function opensWithSpeaker(before: string): boolean {
  if (PREAMBLE.test(before)) return true;
  const titles = before.slice(/^[^，,。；;]{1,12}[，,]/u.exec(before)?.[0].length ?? 0);
  return titles.length <= MAX_TITLES && officeTitles().some((t) => titles.endsWith(t));
}
/** Longest adverbial between a person and the verb (`在主持学习时`). */
const MAX_ADVERBIAL = 12;
/** Between a person and a verb that follows without a comma: nothing, 同志 or a short title (`谢华生书记强调`). */
const DIRECT_GAP = /^(?:同志|[^\s，,。：:；;]{0,4}?(?:书记|长|主任|主席|委员))?$/u;
/** A later clause chaining a verb to its sentence's subject: `，指出…`, `，并…`, `，同时…`, `，还…`. */
const CHAINED = /[，,](?:并|同时|还|也|又)?$/u;
/**
 * `提出(了)(四点)(具体的)要求`, `提出三点希望`, `提出“四要”`: what a leader puts forward as the object of 提出
 * (demands, hopes, points named in quotes), the verb phrase of the statement. Opinions and advice (`提出了修改意见`,
 * `提出建议`) are what members contribute to a discussion, not a statement of the meeting's.
 */
const DEMANDS = /^(?:[^，,。；;：:！？!?]{0,12}?(?:要求|希望)|了?“[^”]{1,12}”)/u;
/** Adverbs a report puts between the meeting and what it said (`会议还强调`, `会议一致认为`, `会议进一步明确`). */
const MEETING_ADVERBS = /^(?:还|并|也|同时|进一步|一致|再次|特别|专门|最后|首先|同样)+$/u;
/** `对…工作`, `就…问题`, `向新同学`: the matter or the people a speaker addresses, between the speaker and 提出. */
const TOPIC = /^[对就向][^，,；;。]{1,60}$/u;
/** What comes between a later clause's start and its 提出 (`，并对党小组开展工作提出要求`): a connective, a topic. */
const LATER_PREDICATE = /^(?:并|同时|还|也|又|随后|最后)?(?:[对就向][^，,；;]*)?$/u;
/** Longest title written after a name (`常务副书记`), in characters. */
const MAX_TITLE_AFTER = 8;
/** Longest run of titles before a name (`中共中央政治局常委、国务院总理`). */
const MAX_TITLES = 24;
/** Most people `他们` can refer to. */
const MAX_GROUP = 50;
const TRAILING_STOP = /[。！？!?]$/u;
/** `全会按照党章规定，决定…`: an adverbial clause between the meeting and its decision. */
const MAX_ADVERBIAL_CLAUSE = 40;
const ADVERBIAL_CLAUSE = /^(?:按照|根据|依照|依据|经)[^，,。]*[，,]$/u;
/** `根据县人大常委会主任会议的提请，`: the motion the meeting acted on. */
const ON_MOTION = /^(?:根据|按照|依据)[^，,。]*(?:提请|提议|建议|申请|请示)[，,]$/u;
/**
 * `会议认真听取并审议通过了…`, `会议听取审议并通过了…`, `大会还一致…`, `会议原则同意…`, `会议经表决一致同意…`:
 * adverbs and the acts of hearing, review and vote that lead to the decision (原则: an approval in principle; 会上:
 * at the meeting, which acts).
 */
const DECISION_ADVERBS = /^(?:认真|还|并|一致|逐项|先后|(?:听取|审议|讨论|研究)[并、和]?|成功|顺利|投票|首先|原则|经(?:投票)?表决|经(?:讨论|研究)|会上)+$/u;
/** The same adverbs (and 共同, 并) ending the words before a decision verb (`与会委员共同审议通过了…`). */
const TRAILING_ADVERBS = /(?:认真|还|一致|逐项|先后|(?:听取|审议|讨论|研究)[并、和]?|成功|顺利|投票|首先|原则|共同|并)+$/u;
/** `…第十六次会议24日下午表决通过了…`: when the meeting acted, between it and the verb. */
const WHEN = /(?:[0-9０-９一二三四五六七八九十]{1,3}日)?(?:上午|下午|晚上|晚)?$/u;
/** Longest subject phrase a sentence may open with (`日前召开的县八届人大常委会第20次会议`). */
const MAX_SUBJECT = 30;
/** What follows a meeting noun that is no subject: `会议的精神`, `会议和…`, `常委会、…`. */
const NOT_SUBJECT_AFTER = /^[的和与及、]/u;
/** `…通过《实施方案》并提交县委全会审议`: what 通过 adopts ends before a 并 that chains the next act. */
function adoptedObject(text: string, clause: Span, v: number): string {
  const end = trimEnd(text, clause).end;
  const and = text.indexOf("并", v + 2);
  return text.slice(clause.start, and >= 0 && and < end ? and : end);
}

/**
 * `会议讨论了《政府工作报告》，并原则通过。`: a clause that is nothing but the adoption (`并原则通过`, `一致通过`), its
 * object the one the clause before dealt with.
 */
function adoptsTheOneBefore(text: string, sentence: Span, clause: Span, v: number): boolean {
  return clause.start > sentence.start && BARE_ADOPTION.test(trimEnd(text, clause).text) && text.slice(clause.start, v + 2).length <= 6;
}
/** Before 要求 as a noun: `的要求`, `五点要求`, `各项要求`. */
const DEMAND_NOUN = /[的点项条些]/u;
/** `讲了五点要求`, `提了三条要求`: a speech verb and a count before 要求. */
const SPOKEN_DEMANDS = /(?:讲了|讲|提了|作了)[一二三四五六七八九十两几0-9０-９]{1,2}[点项条]$/u;
const MAX_SPOKEN = 6;
const BARE_ADOPTION = /^(?:并|均|一致|全票)*(?:原则)?通过(?:了)?[。；;]?$/u;
/** The clause before a bare adoption dealt with an item of business (`讨论了《…》`, `审议了…`). */
const DEALT_WITH = /(?:讨论|审议|研究|听取|审查)了?/u;

/**
 * What a bare `通过` adopts: a document or a list (`通过了…选举办法(草案)`, `…的请示`, `大会议程和日程安排`), never a
 * means (`通过视频形式`).
 */
const ADOPTED = /(?:《[^》]*》|报告|决议|决定|名单|办法|议程|日程|草案|方案|规则|议案|意见|事项|制度|计划|预算|要点|规划|细则|纲要|章程|预案|清单|请示|安排|人选|标准|协议)[)）]?$/u;
/** After 选举, a noun it qualifies (`选举办法`, `选举工作`): the election named, not held. */
const ELECTION_NOUN = /^(?:办法|工作|结果|程序|纪律|日程|委员)/u;
/** A modal 要 (`要增强…`, `…政策要适度加力`), not a part of 重要, 主要, 需要, 要求… */
const DIRECTIVE = /(?<![重主需必只紧首纲摘概])要(?![求点素害闻])/u;

export interface Acts {
  statements: Statement[];
  decisions: Span[];
}

const subjectAt = (text: string, at: number, subjects: readonly string[]) => subjects.find((s) => text.startsWith(s, at));

/** Index of the last person entity ending at or before `offset`, or -1. */
function lastPersonBefore(mt: MeetingText, offset: number): number {
  return firstEndingAfter(mt.persons, offset) - 1;
}

/**
 * A paragraph that only continues the one before: a list item (`一是…`) or a directive without a subject (`要…`).
 * In minutes each item of a list (`一、…会议强调…`, `二、…`) is an item of business of its own: a statement made in
 * one item does not run into the next item of that list.
 */
function continues(mt: MeetingText, paragraph: Span, item: Enumeration | undefined): boolean {
  const { text } = mt;
  const list = mt.markerStarts.get(paragraph.start);
  if (list) return list !== item;
  if (subjectAt(text, paragraph.start, MEETING_SUBJECTS)) return false;
  const firstClause = /^[^，,。；;：:]*/u.exec(paragraph.text)![0];
  // a paragraph about people (`全国政协副主席巴特尔、陈武…作发言`) has a subject of its own
  const person = mt.persons[firstEndingAfter(mt.persons, paragraph.start)];
  if (person && person.start < paragraph.start + firstClause.length) return false;
  return DIRECTIVE.test(firstClause);
}

/** End of `paragraphs[k]` and of the paragraphs that continue it. */
function runEnd(mt: MeetingText, k: number): number {
  let j = k;
  const item = mt.markerStarts.get(mt.paragraphs[k]!.start);
  while (j + 1 < mt.paragraphs.length && continues(mt, mt.paragraphs[j + 1]!, item)) j++;
  return mt.paragraphs[j]!.end;
}

interface Speaker {
  speaker: string;
  speakerSpan?: Span;
}

/** The person named last before `offset` as the subject of a clause (titles before the name only), else the last named. */
function lastSubjectBefore(mt: MeetingText, offset: number): Span | undefined {
  const last = lastPersonBefore(mt, offset);
  for (let k = last; k >= 0 && k > last - MAX_LOOKBACK; k--) if (titledSubject(mt, mt.persons[k]!)) return mt.persons[k];
  return mt.persons[last];
}
/** How many people back a pronoun's subject is looked for. */
const MAX_LOOKBACK = 8;

/** `他们` → the `、` list of people named last (`李强、赵乐际、…、李希`). */
function groupBefore(mt: MeetingText, offset: number): Span | undefined {
  let k = lastPersonBefore(mt, offset);
  if (k < 0) return undefined;
  const last = mt.persons[k]!;
  let first = last;
  for (let n = 0; n < MAX_GROUP && k > 0 && mt.persons[k - 1]!.end === first.start - 1 && mt.text[first.start - 1] === "、"; n++) {
    first = mt.persons[--k]!;
  }
  return span(mt.text, first.start, last.end);
}

/**
 * Where the text names the speaker: the name, with 同志 or an office title (dict/entity-titles.txt, 副 before it
 * allowed) written right after it as part of the subject (`谢华生书记强调`, `张维护副市长就…提出四点要求`).
 */
function writtenSpeaker(mt: MeetingText, person: Span): Span {
  const after = mt.text.slice(person.end, person.end + MAX_TITLE_AFTER);
  const deputy = /^(?:常务副|副)/u.exec(after)?.[0] ?? "";
  const title = after.startsWith("同志") ? "同志" : officeTitles().filter((t) => after.startsWith(t, deputy.length)).sort((a, b) => b.length - a.length)[0];
  return span(mt.text, person.start, person.end + (title ? (title === "同志" ? 0 : deputy.length) + title.length : 0));
}

/** The person is the clause's subject: only its titles come before it (`会上，县委书记刘文华要求…`). */
function opensClause(mt: MeetingText, at: number): boolean {
  const clause = containing(mt.clauses, at);
  return clause !== undefined && at - clause.start <= MAX_TITLES && within(mt.persons, clause.start, at).length === 0;
}

/** Nothing but titles before the person in its clause (`县委常委、组织部长杨武`), not a verb (`对贯彻落实习近平…`). */
function titledSubject(mt: MeetingText, person: Span): boolean {
  const clause = containing(mt.clauses, person.start);
  if (!clause || !opensClause(mt, person.start)) return false;
  const before = mt.text.slice(clause.start, person.start);
  // `习近平总书记的贺信…`: the person owns the subject, is not it
  if (mt.text.slice(person.end, person.end + MAX_TITLE_AFTER).startsWith("的", writtenSpeaker(mt, person).end - person.end)) return false;
  return before === "" || officeTitles().some((t) => before.endsWith(t));
}

const personSpeaker = (mt: MeetingText, person: Span): Speaker => ({ speaker: person.text, speakerSpan: writtenSpeaker(mt, person) });

/**
 * `最后，胡院长要求全体干警…`: a speaker named, after the full name, by surname and title, as a report refers to its
 * leader a second time; the speaker is the person of that surname named last before, else as written.
 */
function surnameAndTitle(mt: MeetingText, clauseStart: number, v: number): Speaker | undefined {
  const words = mt.text.slice(clauseStart, v);
  const title = officeTitles().filter((t) => words.endsWith(t) && words.length === t.length + 1).sort((a, b) => b.length - a.length)[0];
  if (!title || !surnames().has(words[0]!)) return undefined;
  const written = span(mt.text, clauseStart, v);
  const named = mt.persons.slice(0, lastPersonBefore(mt, clauseStart) + 1).reverse().find((p) => p.text[0] === words[0]);
  return { speaker: named?.text ?? written.text, speakerSpan: written };
}

/** `他` or `她` at `at` (opening a sentence or clause): the person named last before it; `他们`: the people named last. */
function pronounSpeaker(mt: MeetingText, at: number): Speaker {
  if (mt.text[at + 1] === "们") {
    // a roll with titles between the names (`民盟中央主席丁仲礼、…、无党派人士代表李卫等`) is no `、` list of names
    const group = groupBefore(mt, at);
    return { speaker: group?.text.includes("、") ? group.text : mt.text.slice(at, at + 2), speakerSpan: span(mt.text, at, at + 2) };
  }
  const person = mt.persons[lastPersonBefore(mt, at)];
  return { speaker: person?.text ?? mt.text[at]!, speakerSpan: span(mt.text, at, at + 1) };
}
const isPronoun = (c: string | undefined) => c === "他" || c === "她";

/**
 * The subject of a clause before `v` that a later clause of the sentence goes on from (`副镇长张力传达了…，指出…`,
 * `他详细解读了…，强调…`): the last person opening a clause, or the pronoun opening the sentence.
 */
function sentenceSubject(mt: MeetingText, sentence: Span, v: number): Speaker | undefined {
  const people = within(mt.persons, sentence.start, v);
  if (people.length > 1 && ROLL.test(trimEnd(mt.text, span(mt.text, people[people.length - 1]!.end, v)).text)) return undefined;
  for (let k = people.length - 1; k >= 0; k--) {
    if (!titledSubject(mt, people[k]!)) continue;
    // `院长胡国林作重要讲话，首先他针对…，对全院干警提出四点要求`: a later clause opening with the pronoun is the subject
    for (const clause of within(mt.clauses, people[k]!.end, v)) {
      const pronoun = LATER_PRONOUN.exec(clause.text);
      if (pronoun) return pronounSpeaker(mt, clause.start + pronoun[0].length - 1);
    }
    return personSpeaker(mt, people[k]!);
  }
  if (isPronoun(mt.text[sentence.start])) return pronounSpeaker(mt, sentence.start);
  // `督导组副组长对…完全同意，要求…`: a leader named by post alone opens the sentence before the matter addressed
  const role = ROLE_OPENING.exec(mt.text.slice(sentence.start, v))?.[1];
  if (role && people.length === 0 && officeTitles().some((t) => role.endsWith(t))) {
    return { speaker: role, speakerSpan: span(mt.text, sentence.start, sentence.start + role.length) };
  }
  // `最后，街道党工委主要负责人发言，并提出，…`: a leader named by post who spoke in the clause before
  const own = containing(mt.clauses, v);
  const spoke = own && mt.clauses[firstEndingAfter(mt.clauses, own.start) - 1];
  const poster = spoke && spoke.start >= sentence.start && within(mt.persons, spoke.start, spoke.end).length === 0 ? SPOKE.exec(spoke.text.replace(/[，,；;\s]+$/u, ""))?.[1] : undefined;
  if (poster && (ROLE_SPEAKER.test(poster) || officeTitles().some((t) => poster.endsWith(t)))) {
    return { speaker: poster, speakerSpan: span(mt.text, spoke!.start, spoke!.start + poster.length) };
  }
  return undefined;
}
/** A clause in which a leader named by post speaks (`街道党工委主要负责人发言`, `县长作总结讲话`). */
const SPOKE = /^([^，,。；;：:、“”《》\s]{2,16}?)(?:发言|讲话|作总结|作了?总结讲话|作了?重要讲话)$/u;
/** A post opening a sentence, up to the matter it addresses (`督导组副组长对…`). */
const ROLE_OPENING = /^([^，,。；;：:、“”《》\s]{2,12}?)(?=[对就])/u;

/**
 * Who puts forward demands or a view (`高翅对…工作提出要求`, `张琦提出要全面学习…`, `…，并对党小组开展工作提出要求`):
 * the person opening the clause however long the topic before the verb, the pronoun opening it, or the sentence's
 * subject when the clause goes on from it. The meeting opening the sentence (`会议提出，…`) states its view as
 * `会议指出` does.
 */
function proposer(mt: MeetingText, lead: Lead, sentence: Span, v: number): Speaker | undefined {
  const clause = containing(mt.clauses, v);
  if (!clause) return undefined;
  const meeting = subjectAt(mt.text, v - 2, lead.subjects);
  if (meeting && v - 2 === sentence.start) return { speaker: meeting, speakerSpan: span(mt.text, v - 2, v) };
  // `会议对…工作提出三个方面的要求`: the meeting opens the sentence, the matter it addresses comes before 提出
  const opening = subjectAt(mt.text, sentence.start, lead.subjects);
  if (opening && clause.start === sentence.start && TOPIC.test(mt.text.slice(sentence.start + opening.length, v))) {
    return { speaker: opening, speakerSpan: span(mt.text, sentence.start, sentence.start + opening.length) };
  }
  const first = mt.persons[firstEndingAfter(mt.persons, clause.start)];
  if (first && first.end <= v && titledSubject(mt, first)) return personSpeaker(mt, first);
  if (isPronoun(mt.text[clause.start])) return pronounSpeaker(mt, clause.start);
  if (clause.start > sentence.start && LATER_PREDICATE.test(mt.text.slice(clause.start, v))) return sentenceSubject(mt, sentence, v);
  return undefined;
}

function speakerOf(mt: MeetingText, lead: Lead, sentence: Span, paragraph: Span, v: number, verb: string): Speaker | undefined {
  const { text } = mt;
  const at = (start: number, end: number) => span(text, start, end);
  if (verb === "提出") return proposer(mt, lead, sentence, v);
  if ((verb === "说明" ? EXPLAINED : LIGHT_VERB).test(text.slice(Math.max(sentence.start, v - 3), v))) {
    const person = mt.persons[lastPersonBefore(mt, v)];
    if (person && person.start >= sentence.start) return personSpeaker(mt, person);
  }
  if (verb === "说明") return undefined;
  if (verb === "指出" && FOUND.test(text.slice(v + 2, v + 3))) return undefined;
  const before = text[v - 1];
  // `会议强调全体干警要…`, `会议要求全校各部门必须…`: the meeting opening the sentence needs no comma after its verb;
  // `会议指出` alone on a line heads the paragraph it introduces
  const meeting = subjectAt(text, v - 2, lead.subjects);
  if (meeting && v - 2 === sentence.start && verb !== "说明") return { speaker: meeting, speakerSpan: at(v - 2, v) };
  // `会议还强调，`, `会议并要求，`, `会议一致认为，`: an adverb between the meeting opening the sentence and its verb
  const opening = subjectAt(text, sentence.start, lead.subjects);
  if (opening && verb !== "说明" && MEETING_ADVERBS.test(text.slice(sentence.start + opening.length, v))) {
    return { speaker: opening, speakerSpan: at(sentence.start, sentence.start + opening.length) };
  }
  if (SPEECH_OPENERS.has(text[v + verb.length] ?? "")) {
    const subject = subjectAt(text, v - 2, lead.subjects);
    if (subject && (v - 2 === sentence.start || CLAUSE_BREAKS.has(text[v - 3]!))) return { speaker: subject, speakerSpan: at(v - 2, v) };
    if (text.startsWith("他们", v - 2) || text.startsWith("她们", v - 2)) {
      const group = groupBefore(mt, sentence.start);
      return { speaker: group?.text ?? "他们", speakerSpan: at(v - 2, v) };
    }
    if (before === "他" || before === "她") {
      // `吴平作了重要讲话，他指出，…`: the person named last as a subject before the pronoun, in its sentence or
      // before it (not one named inside what was said: `…统一到张军检察长讲话精神上来。她强调…`)
      const person = lastSubjectBefore(mt, v - 1);
      return { speaker: person?.text ?? before, speakerSpan: at(v - 1, v) };
    }
    if (text.startsWith("一致", v - 2) && v - 2 === sentence.start) {
      // `全会认真学习…。一致表示，…`: the paragraph's subject speaks
      return { speaker: subjectAt(text, paragraph.start, lead.subjects) ?? "会议" };
    }
    const k = lastPersonBefore(mt, v);
    const person = mt.persons[k];
    if (person && person.start >= sentence.start && v - person.end <= MAX_ADVERBIAL && !/[，,。]/u.test(text.slice(person.end, v))) {
      return { speaker: person.text, speakerSpan: writtenSpeaker(mt, person) };
    }
  }
  // `陆晓延要求常委班子成员要…`, `谢华生书记强调要…`: the verb right after the clause's subject takes its object
  // without a comma (the addressee, or what is stressed)
  if (verb !== "表示") {
    const person = mt.persons[lastPersonBefore(mt, v)];
    if (person && person.start >= sentence.start && DIRECT_GAP.test(text.slice(person.end, v)) && opensClause(mt, person.start)) {
      return { speaker: person.text, speakerSpan: writtenSpeaker(mt, person) };
    }
    // `他要求各督查组要…`: the pronoun opening its clause
    const clause = containing(mt.clauses, v - 1);
    if (isPronoun(before) && clause?.start === v - 1) return pronounSpeaker(mt, v - 1);
    const called = clause && surnameAndTitle(mt, clause.start, v);
    if (called) return called;
  }
  // `黄治平同志代表镇党委，对…表示肯定，同时要求…`, `副镇长张力传达了…，指出…`: a later clause (after 并, 同时 or
  // none) chains another verb of the sentence's subject
  if (CHAINED.test(text.slice(Math.max(sentence.start, v - 3), v))) {
    const subject = sentenceSubject(mt, sentence, v);
    if (subject) return subject;
  }
  // `参会人员表示，…`, `大家表示要认真落实…` (表示 before a modal 要 reports what they said they would do)
  if (SPEECH_OPENERS.has(text[v + verb.length] ?? "") || (verb === "表示" && text[v + verb.length] === "要")) {
    const clause = containing(mt.clauses, v);
    const role = clause && v - clause.start <= MAX_ROLE_PHRASE ? text.slice(clause.start, v).replace(ROLE_ADVERBIAL, "") : undefined;
    if (clause && role && ROLE_SPEAKER.test(role) && within(mt.persons, clause.start, v).length === 0) {
      return { speaker: role, speakerSpan: at(clause.start, clause.start + role.length) };
    }
  }
  // `全会对进一步全面深化改革做出系统部署，强调…`: a later clause of a sentence whose subject is the meeting
  if (before && CLAUSE_BREAKS.has(before)) {
    const subject = subjectAt(text, sentence.start, lead.subjects);
    if (subject && !NOT_A_STATEMENT.test(text.slice(sentence.start + 2, sentence.start + 6))) {
      return { speaker: subject, speakerSpan: at(sentence.start, sentence.start + 2) };
    }
  }
  return undefined;
}

function firstVerb(text: string, sentence: Span, verbs: readonly string[], from = sentence.start): { at: number; verb: string } | undefined {
  const starts = firstUnitsOf(verbs);
  for (let i = from; i < sentence.end; i++) {
    if (starts[text.charCodeAt(i)] === 0) continue;
    const verb = verbs.find((w) => text.startsWith(w, i) && i + w.length <= sentence.end);
    if (verb) return { at: i, verb };
  }
  return undefined;
}

/**
 * The statement verb as written at `v`: 提出 with 要求 as its object is the phrase `提出…要求` (`提出了三方面要求`);
 * 提出 alone speaks only before what is put forward (`提出要全面学习…`, `提出：…`), 明确 only before speech (`会议明确，…`);
 * 说 only before speech (`徐显明说，…`; 说法, 据说 and 说明 are other words); other verbs are the word.
 */
function writtenVerb(text: string, v: number, verb: string): string | undefined {
  if (verb === "明确" || verb === "说") return SPEECH_OPENERS.has(text[v + verb.length] ?? "") ? verb : undefined;
  if (verb === "要求") {
    // `代侃让同志讲了五点要求：`: a speech verb and the count of demands, the verb phrase of the statement
    const spoken = SPOKEN_DEMANDS.exec(text.slice(Math.max(0, v - MAX_SPOKEN), v));
    if (spoken) return text.slice(v - spoken[0].length, v + verb.length);
    // `提出的五点要求`, `五点要求`: 要求 as a noun, what was demanded
    if (DEMAND_NOUN.test(text[v - 1] ?? "")) return undefined;
  }
  if (verb !== "提出") return verb;
  const after = v + verb.length;
  // `按照张定红提出的五点要求`: what was put forward before, named by it (a modifier, not a statement)
  if (text[after] === "的") return undefined;
  const demands = DEMANDS.exec(text.slice(after, after + 14));
  if (demands) return text.slice(v, after + demands[0].length);
  return text[after] === "要" || SPEECH_OPENERS.has(text[after] ?? "") ? verb : undefined;
}

function statementIn(mt: MeetingText, lead: Lead, sentence: Span, paragraph: Span): (Speaker & { verb: string; at: number }) | undefined {
  for (let found = firstVerb(mt.text, sentence, statementVerbs()); found; found = firstVerb(mt.text, sentence, statementVerbs(), found.at + 1)) {
    const written = writtenVerb(mt.text, found.at, found.verb);
    const putForward = written === undefined && putForwardBy(mt, found.at, found.verb);
    if (written === undefined && !putForward) continue;
    const speaker = speakerOf(mt, lead, sentence, paragraph, found.at, found.verb);
    if (speaker && (!putForward || (isNamedSpeaker(mt, speaker) && singleLeader(mt, speaker, found.at)))) return { ...speaker, verb: written ?? found.verb, at: found.at };
  }
  return undefined;
}

/**
 * `夏明权提出了我市法院工作中存在的问题`, `柳小惠就…提出具体意见`, `黎伯毅作总结，提出学校…将牵头…`: the leader who
 * presides or speaks puts forward problems, views or a plan, a statement of his as 指出 is; members' advice in a
 * discussion (`委员王某提出了修改意见`, `与会人员提出了…意见和建议`) and acts of procedure (`提出申请`, `提出议案`,
 * `提出辞职`) are not.
 */
function putForwardBy(mt: MeetingText, v: number, verb: string): boolean {
  return verb === "提出" && !PROCEDURE.test(mt.text.slice(v + verb.length, v + verb.length + 8));
}
/**
 * One leader, not one of a `、` list of members (`李兴良、王允富、赵黎明做代表发言，…提出…`), and not a report's author
 * (`周军作了…工作报告，…提出了…`: what the report proposes).
 */
function singleLeader(mt: MeetingText, speaker: Speaker, v: number): boolean {
  const at = speaker.speakerSpan;
  if (!at) return false;
  if (mt.text[at.start - 1] === "、" || mt.text[at.end] === "、") return false;
  if (REPORTED.test(mt.text.slice(at.end, v))) return false;
  return mt.persons.some((p) => p.text === speaker.speaker && LEADS.test(mt.text.slice(p.end, p.end + MAX_LEAD_GAP)));
}
/** `作了机关党委工作报告`, `作了《…》的报告`: the speaker presented a report (but `就…工作报告提出意见` addresses one). */
const REPORTED = /(?<![工操动合创写])[作做]了?[^，,。；;]{0,40}报告/u;
/** What the report says the leader did at the meeting, after his name (`…主持会议并讲话`, `，就…做了总结讲话`). */
const LEADS = /^[^。！？!?]*?(?:主持|讲话|作总结|做总结|致辞)/u;
const MAX_LEAD_GAP = 24;
const PROCEDURE = /^了?(?:的|[^，,。；;]{0,4}?(?:申请|议案|提案|辞职|辞呈|动议|质询|异议))/u;
/** The speaker is a person the text names (or a pronoun for one), not the meeting or a role. */
const isNamedSpeaker = (mt: MeetingText, speaker: Speaker) => isPronoun(speaker.speakerSpan?.text[0]) || mt.persons.some((p) => p.text === speaker.speaker);

/**
 * A body or a meeting named as the subject of its own acts, other than by the lead's `会议`: a meeting noun
 * (`日前召开的县八届人大常委会第20次会议表决通过了…`, `主任会议听取…`), a convening body (`中共中央政治局听取了…`) or
 * the members acting together (`与会委员共同审议通过了…`, `参会代表`).
 */
function namesMeeting(words: string): boolean {
  return words !== "" && (endsWithMeetingNoun(words) || endsWithBody(words) || COLLECTIVE.test(words));
}

/** The sentence opens with a meeting or body as its subject (`主任会议听取审议了…，研究决定了…`). */
function opensWithMeeting(mt: MeetingText, sentence: Span, lead: Lead): boolean {
  const { text } = mt;
  if (subjectAt(text, sentence.start, lead.subjects)) return true;
  if (lead.subject.text !== "" && text.startsWith(lead.subject.text, sentence.start)) return true;
  // `苍南新闻网2月22日消息：日前召开的…会议表决通过了…`: the subject comes after the news item's dateline
  const from = sentence.start + (DATELINE.exec(sentence.text)?.[0].length ?? 0);
  const first = containing(mt.clauses, from);
  const limit = Math.min(first ? first.end : sentence.end, from + MAX_SUBJECT);
  for (let p = from + 2; p < limit; p++) {
    if (namesMeeting(text.slice(from, p)) && !NOT_SUBJECT_AFTER.test(text[p] ?? "")) return true;
  }
  return false;
}
/** A news item's dateline before its first sentence (`苍南新闻网2月22日消息：`, `本报讯`, `新华社北京3月12日电`). */
const DATELINE = /^[^，,。；;：:]{0,24}?(?:消息|讯|电)[：:，,\s]*/u;

/** `会议同意…` or `全会按照党章规定，决定…`: the decision opens the sentence with its subject. */
function governedBySubject(text: string, sentence: Span, subject: string | undefined, v: number): boolean {
  if (!subject || v - sentence.start > MAX_ADVERBIAL_CLAUSE) return false;
  const between = text.slice(sentence.start + subject.length, v);
  return between === "" || ADVERBIAL_CLAUSE.test(between) || DECISION_ADVERBS.test(between);
}

/**
 * The clause opens with a decision verb, perhaps after adverbs (`决定…`, `听取并通过…`) or after the meeting as its
 * own subject (`…，会议顺利选举产生了…`).
 */
function opensDecision(text: string, clause: Span, subjects: readonly string[]): boolean {
  const found = firstVerb(text, clause, decisionVerbs());
  if (!found) return false;
  const subject = subjectAt(text, clause.start, subjects);
  return opensWith(text, clause, found.at) || (subject !== undefined && governedBySubject(text, clause, subject, found.at));
}

/** `，并指出，…`, `，并对…表示肯定`: a clause that goes on to what the meeting said, after the decision's object. */
const GOES_ON_TO_SAY = /^(?:并|同时|还|会上|会议)?(?:对[^，,；;。]{1,60}?)?(?:指出|强调|要求|表示)/u;
/**
 * `，会后由各责任单位修改完善`, `，由评建办负责按规定落实`, `，分别由…行使相关职能`, `，在…领导下负责…`: who carries
 * the decision out, when and how, a follow-up the minutes add after what was adopted.
 */
const FOLLOW_UP = /^(?:会后|分别由|由[^，,；;。]{1,24}?(?:负责|牵头|修改|组织|抓好|按规定)|在[^，,；;。]{1,24}?(?:领导|指导)下)/u;
/** `推定了…名单、`: an act of the meeting (a verb with 了) before the 、 that chains the next. */
const CHAINED_ACT = /^[^，,；;。]{0,8}?[\u4e00-\u9fff]{1,3}了[^，,；;。]*、$/u;
/** `，为大会的顺利召开奠定了基础`, `，标志着…`: the report's comment on what was adopted, no part of it. */
const COMMENT = /^(?:为[^，,；;。]{1,30}?(?:奠定|打下|提供|创造)|标志着)/u;
/**
 * A clause that opens the next item of business in words other than an agenda verb: `对相关决议草案进行了讨论`
 * (the matter first, then the act), `协商定于10月25日召开…` (a date fixed), `初审了有关…报告` (a first reading).
 */
const NEXT_ITEM = /^(?:对[^，,；;。]{1,40}?进行了?(?:讨论|审议|研究|审查)|(?:协商|会议)?定于|初审|复审)/u;
/** A named person in a decision's object, not the subject of a clause of its own: `任命张三为…，李四为…`, `张三、李四等`. */
const NAMED_IN_OBJECT = /^(?:同志)?[为、和及与等]/u;
/** People a congress or committee report makes the subject of a clause (`参会代表通过差额选举方式`, `与会委员共同审议通过了…`, `与会人表决通过了…`). */
const COLLECTIVE = /(?:与会|参会|全体)(?:党员)?(?:代表|委员|同志|人员|人)们?$/u;

/**
 * A later clause of the decision's sentence that is no part of its object: it opens another item of business (an
 * agenda verb or a decision), goes on to what the meeting said (`，并指出，…`), tells how it is carried out or what
 * it means, or has a subject of its own (a named person, `参会代表`).
 */
function endsDecision(mt: MeetingText, lead: Lead, clause: Span): boolean {
  const { text } = mt;
  if (opensAgendaItem(text, clause.start) || opensDecision(text, clause, lead.subjects)) return true;
  const words = text.slice(clause.start, clause.end);
  if (GOES_ON_TO_SAY.test(words) || FOLLOW_UP.test(words) || NEXT_ITEM.test(words) || COMMENT.test(words)) return true;
  const person = mt.persons[firstEndingAfter(mt.persons, clause.start)];
  if (person && person.end <= clause.end && person.start - clause.start <= MAX_TITLES && !NAMED_IN_OBJECT.test(text.slice(person.end, person.end + 3))) {
    // the person opens the clause: nothing but titles before the name (`免去秦刚同志…职务` is an object)
    const before = text.slice(clause.start, person.start);
    if (before === "" || officeTitles().some((t) => before.endsWith(t))) return true;
  }
  const collective = /^[^，,；;]{2,8}?(?:代表|委员|人员)/u.exec(text.slice(clause.start, clause.end))?.[0];
  return collective !== undefined && COLLECTIVE.test(collective);
}

/** The clause opens with the verb at `v`, perhaps after adverbs (`听取并通过`, `一致通过`). */
function opensWith(text: string, clause: Span, v: number): boolean {
  const before = text.slice(clause.start, v);
  return before === "" || DECISION_ADVERBS.test(before);
}

/**
 * Decisions in `sentence`. One that opens a later clause of a chain of items (`…，审议通过《…》，决定…，讨论《…》`)
 * ends where the next item begins; otherwise at the end of the sentence.
 */
function decisionsIn(mt: MeetingText, sentence: Span, lead: Lead, continuesMeeting = false): Span[] {
  const { text } = mt;
  const subject = subjectAt(text, sentence.start, lead.subjects);
  // a clause opening with a decision verb takes the sentence's subject, or the meeting's when the sentence has
  // none and follows one about the meeting (`大会…审议通过了…。选举产生了…。`)
  const meetingActs = subject !== undefined || sentence === lead.sentence || opensWithMeeting(mt, sentence, lead);
  const decisions: Span[] = [];
  let from = sentence.start;
  for (let found = firstVerb(text, sentence, decisionVerbs(), from); found; found = firstVerb(text, sentence, decisionVerbs(), from)) {
    const v = found.at;
    from = v + 1;
    if (text[v + found.verb.length] === "性") continue; // 决定性作用
    if (found.verb === "选举" && ELECTION_NOUN.test(text.slice(v + 2, v + 4))) continue; // 根据大会选举办法
    const clause = containing(mt.clauses, v);
    const bare = clause !== undefined && adoptsTheOneBefore(text, sentence, clause, v) && DEALT_WITH.test(containing(mt.clauses, clause.start - 1)?.text ?? "");
    if (found.verb === "通过" && !(clause && (ADOPTED.test(adoptedObject(text, clause, v)) || bare))) continue;
    // `经市委常委会审议通过的《方案》`: a document adopted earlier, named by what was done to it; `审议通过后，印发…`:
    // the time of another act
    if (/^了?[的后]/u.test(text.slice(v + found.verb.length, v + found.verb.length + 2))) continue;
    // `《党组讨论和决定党员处分事项工作程序规定》`: a word of a title
    if (findLast(text, "《", sentence.start, v) > findLast(text, "》", sentence.start, v)) continue;
    // `关于…的决定(草案)`, `《…决定》`, `决定指出，…`: a document's name
    if (/^[(（》]/u.test(text[v + found.verb.length] ?? "") || statementVerbs().some((w) => text.startsWith(w, v + found.verb.length))) continue;
    let start = -1;
    // `会议讨论了《…》，并原则通过。`: what was adopted is the object of the clause before
    const previous = clause && found.verb === "通过" && adoptsTheOneBefore(text, sentence, clause, v) ? containing(mt.clauses, clause.start - 1) : undefined;
    const before = previous && DEALT_WITH.test(previous.text) ? previous : undefined;
    if (before) start = before.start;
    // `会议根据…的提请，表决通过了…`: on a motion, the decision is the clause of the verb (a communique's `全会按照
    // 党章规定，决定…` keeps its formula whole)
    else if (decisions.length === 0 && governedBySubject(text, sentence, subject, v)) start = clause && ON_MOTION.test(text.slice(sentence.start + subject!.length, clause.start)) ? clause.start : sentence.start;
    // `对相关决议草案进行了讨论并决定提交各代表团讨论`, `会议推定了…名单、决定了大会副秘书长`: 并 or 、 chains the
    // decision to the act before it in the clause, the meeting the subject of both
    else if (clause && meetingActs && ((text[v - 1] === "并" && NEXT_ITEM.test(clause.text)) || (text[v - 1] === "、" && CHAINED_ACT.test(text.slice(clause.start, v))))) start = v;
    // `…，会议顺利选举产生了…`, `…主持会议，会上通过了…`: a later clause with the meeting as its own subject
    else if (clause && clause.start > sentence.start && governedBySubject(text, clause, subjectAt(text, clause.start, [...lead.subjects, "会上"]), v)) start = clause.start;
    // a clause of the chain opening with the verb (`；听取并通过…报告；通过…决议`)
    else if (clause && opensWith(text, clause, v) && (meetingActs || (continuesMeeting && clause.start === sentence.start) || namesMeeting(trimEnd(text, span(text, sentence.start, clause.start)).text))) start = clause.start;
    // the subject is a meeting or body named otherwise (`…第20次会议表决通过了…`, `与会委员共同审议通过了…`): the
    // decision is the verb and its object
    else if (clause && v - clause.start <= 2 * MAX_SUBJECT && namesMeeting(text.slice(clause.start, v).replace(TRAILING_ADVERBS, "").replace(WHEN, ""))) start = v;
    // `谢波、杨景宪两名同志分别以全票当选为…`: an election's result, the people elected as its subject
    else if (found.verb === "当选" && clause && within(mt.persons, clause.start, v).length > 0) start = clause.start;
    if (start < 0) continue;
    // an item of a `…；…；…。` chain ends before its `；`
    const unit = containing(mt.units, v);
    let end = unit && unit.end < sentence.end ? trimEnd(text, span(text, v, unit.end)).end : sentence.end;
    // a later clause that opens the next item of a chain, or is no part of the object, ends the decision
    for (let c = firstEndingAfter(mt.clauses, v + 1) + 1; c < mt.clauses.length && mt.clauses[c]!.start < end; c++) {
      if (endsDecision(mt, lead, mt.clauses[c]!)) {
        end = trimEnd(text, span(text, v, mt.clauses[c]!.start)).end;
        break;
      }
    }
    from = end;
    // `会议决定：同意…；原则同意…`: a verb heading the decisions that follow has no object of its own
    if (end <= v + found.verb.length) continue;
    decisions.push(span(text, start, end));
  }
  return decisions;
}

/**
 * Where a statement that would run to `end` stops: before a later sentence of its paragraph that opens with a
 * speaker and a verb of its own (`…。会议强调，…`, `…。他要求，…`) or with the paragraph's subject understood
 * (`全会…一致认为，…。一致表示，…`): each is a statement of the report.
 */
function nextStatementStart(mt: MeetingText, lead: Lead, sentence: Span, paragraph: Span, end: number): number {
  for (const next of within(mt.sentences, sentence.end, Math.min(end, paragraph.end))) {
    const said = statementIn(mt, lead, next, paragraph);
    if (!said) continue;
    const opens = said.speakerSpan?.start ?? (mt.text.startsWith("一致", next.start) ? next.start : undefined);
    // the speaker opens the sentence, perhaps after a short opening clause and the speaker's titles (`随后，徐岩…`,
    // `同时,县委书记陆晓延对…进行了强调`)
    if (opens === undefined || (opens !== next.start && !opensWithSpeaker(mt.text.slice(next.start, opens)))) continue;
    let stop = next.start;
    while (stop > sentence.end && isBlank(mt.text[stop - 1]!)) stop--;
    return stop;
  }
  return end;
}

/**
 * The speaker going on under a reporting verb of its own: a sentence with no subject (`…开创学院工作新局面。强调2022年
 * 要…`), or a clause with the pronoun for the speaker (`夏明权提出了…问题，他要求…`). A clause without one is part of
 * the sentence's statement (`强调…，并要求…`), and so are the items of a `；` series (`提出六点要求：要求…；要求…`).
 * 了 after 指出 reports a finding (`指出了…不足`), 的 makes the verb a noun (`要求的…`), `要求真务实` is 要 + 求真务实;
 * `同时强调了…` goes on.
 */
const GOES_ON = /^([他她](?!们))?(?:并|还|又|也|同时|随后|最后|进一步|特别)?(强调|指出(?!了)|要求(?!真)|表示|认为)(?![的性是])/u;

/** Where a statement from `from` to `end` goes on under another verb: the clause starts, their verbs and pronouns. */
function goesOn(mt: MeetingText, from: number, end: number): { at: number; verb: string; pronoun?: Span }[] {
  const out: { at: number; verb: string; pronoun?: Span }[] = [];
  for (const clause of within(mt.clauses, from, end)) {
    if (clause.start <= from) continue;
    const opener = mt.text[clause.start - 1] ?? "";
    const found = GOES_ON.exec(mt.text.slice(clause.start, clause.end));
    if (!found || !(SENTENCE_OPENERS.test(opener) || (found[1] && CLAUSE_BREAKS.has(opener)))) continue;
    out.push({ at: clause.start, verb: found[2]!, ...(found[1] ? { pronoun: span(mt.text, clause.start, clause.start + 1) } : {}) });
  }
  return out;
}
/** What a sentence follows: another's end or a line break. */
const SENTENCE_OPENERS = /[。！!？?\n]/u;

/**
 * Statements and decisions in text order; neither overlaps another (a `要求` inside a statement is part of it).
 *
 * @example
 * meetingActs(mt, lead).statements.map((s) => [s.speaker, s.verb]);
 * // seed → [["宋海宏", "说明"], ["雷承锋", "指出"], ["雷承锋", "强调"], ["雷承锋", "强调"], ["雷承锋", "要求"]]
 */
export function meetingActs(mt: MeetingText, lead: Lead): Acts {
  const { text } = mt;
  const acts: Acts = { statements: [], decisions: [] };
  const decided = new Set<string>();
  let coveredUntil = lead.sentence.start;
  let k = 0;
  const addDecisions = (decisions: readonly Span[], paragraph: Span, k: number) => {
    for (const decision of decisions) {
      // the lead's `审议通过《…》` and the later `会议审议通过《…》。` are one decision
      const what = decision.text.replace(/^(?:会议|全会)/u, "").replace(TRAILING_STOP, "");
      if (decided.has(what)) continue;
      decided.add(what);
      const end = decision.end === paragraph.end ? runEnd(mt, k) : decision.end;
      acts.decisions.push(span(text, decision.start, end));
      coveredUntil = end;
    }
  };
  // the sentence before opened with the meeting as its subject: a sentence without one continues it
  let aboutMeeting = false;
  for (const sentence of mt.sentences) {
    const continuesMeeting = aboutMeeting;
    aboutMeeting = sentence === lead.sentence || opensWithMeeting(mt, sentence, lead);
    if (sentence.start < coveredUntil) continue;
    while (mt.paragraphs[k]!.end < sentence.end) k++;
    const paragraph = mt.paragraphs[k]!;
    if (text.startsWith("此前", sentence.start) || text.startsWith("会前", sentence.start)) continue; // an earlier meeting
    const statement = statementIn(mt, lead, sentence, paragraph);
    // a `；` chain lists items of business one by one (`…；表决通过了大会日程；…；杨武宣读了…并作了说明`): the items
    // before the one with the statement are decided apart from it
    const item = statement && containing(mt.units, statement.at);
    const chained = item && item.start > sentence.start ? decisionsIn(mt, trimEnd(text, span(text, sentence.start, item.start)), lead) : [];
    const before = chained.length > 0 ? span(text, sentence.start, item!.start) : undefined;
    addDecisions(chained, paragraph, k);
    if (statement) {
      // a heading (`会议指出` alone on its line) runs over the paragraph it introduces
      const heading = sentence.start === paragraph.start && sentence.end === paragraph.end && k + 1 < mt.paragraphs.length && statementVerbs().some((w) => sentence.text.endsWith(w));
      const end = nextStatementStart(mt, lead, sentence, paragraph, runEnd(mt, heading ? k + 1 : k));
      let start = before ? before.end : sentence.start;
      let verb = statement.verb;
      // the speaker goes on in later clauses and sentences without a subject (`…。强调…`, `…，要求…`): each verb
      // is a statement of its own
      let said: Span | undefined = statement.speakerSpan;
      for (const next of goesOn(mt, statement.at + statement.verb.length, end)) {
        acts.statements.push({ speaker: statement.speaker, verb, span: trimEnd(text, span(text, start, next.at)), ...(said ? { speakerSpan: said } : {}) });
        start = next.at;
        verb = next.verb;
        said = next.pronoun ?? statement.speakerSpan;
      }
      acts.statements.push({ speaker: statement.speaker, verb, span: span(text, start, end), ...(said ? { speakerSpan: said } : {}) });
      coveredUntil = end;
      continue;
    }
    addDecisions(decisionsIn(mt, sentence, lead, continuesMeeting), paragraph, k);
  }
  return acts;
}

