/**
 * Who took part: `参加`/`出席` (participants), `列席` (attendees) and `到会指导` (guests and supervisors), and who
 * did not: `请假` (members on leave, `张三、李四请假`, `因公请假`). The
 * people before the verb are read as groups: `，` and `以及` separate groups, `、` separates members unless they
 * share a trailing head (`各省、自治区、直辖市…党政主要负责同志` is one group), `…等相关负责同志` closes a list, and
 * named people (`中共中央政治局常委李强、赵乐际`) are given by name.
 */
import { charTable } from "../core/chars.js";
import type { MeetingBrief, PersonRef, Span } from "../core/schema.js";
import { nameAfterTitle, officeTitles, personRef } from "./meeting-lead.js";
import { containing, find, findLast, firstEndingAfter, type MeetingText, span, trimEnd, within } from "./meeting-text.js";

type Member = MeetingBrief["participants"][number];

export interface People {
  participants: Member[];
  attendees: Member[];
  onLeave: Member[];
  guests: PersonRef[];
}

type Role = keyof People;

/**
 * Verbs of taking part, longest first, with the role they give (a traditional page, or a traditional roll call in a
 * simplified page, reaches this stage in simplified characters: the script reader converts it).
 */
const VERBS: ReadonlyArray<readonly [string, Role]> = [
  ["到会指导", "guests"],
  ["莅临指导", "guests"],
  ["到会督导", "guests"],
  // `顾圣全、汤晓芸代表集团工会亲临现场`: leaders who came in person
  ["亲临", "guests"],
  // `孙国梁到会并讲话`: came to the meeting (到会指导 above makes a guest)
  ["到会", "participants"],
  ["出席", "participants"],
  ["参加", "participants"],
  ["参会", "participants"],
  // `县委常委张三、李四等与会。`: took part (与会人员 is a noun, its object no meeting)
  ["与会", "participants"],
  // `…副主任张文蛟、王劳旺在主席台就座`: the leaders seated on the rostrum of a congress attend it
  ["在主席台前排就座", "participants"],
  ["在主席台就座", "participants"],
  ["列席", "attendees"],
  // roll-call convention: the members absent close the list of who attended, with the reason before the verb
  ["因公请假", "onLeave"],
  ["因事请假", "onLeave"],
  ["因病请假", "onLeave"],
  ["请假", "onLeave"],
  ["因公缺席", "onLeave"],
  ["缺席", "onLeave"],
];
/** The units a verb of VERBS (or a visit, 一行…到) starts with: the scan tries the verbs only where one may start. */
const VERB_STARTS = charTable([...VERBS.map(([verb]) => verb[0]!), "一"]);
/**
 * `请假` is intransitive in a roll call (`李四请假。`), `缺席` takes the meeting (`因公缺席会议`); `请假制度` and
 * `请假手续` are not about this meeting.
 */
const LEAVE_END = /^(?:了)?(?:本次会议|会议)?(?:[。，,；;！!]|$)/u;
/** `应在会前向会议主持人请假`: a rule on asking for leave, not a roll call. */
const LEAVE_RULE = /向[^，,。；;]*$/u;
/**
 * After the verb: what makes it about this meeting (参加职工保险 is not): an object ending in a meeting noun
 * (`参加了调研座谈会`) or naming the occasion (`出席论坛`, `参加此次活动`), `学习` for a study session (`…参加学习`),
 * the items sat in on (`列席有关议题`) or how (`列席旁听指导`), or none but what the attendee went on to do
 * (`丁薛祥出席。`, `到会并讲话`, `沈某出席，并作了…工作报告`) or who presided (`…应邀出席，大会由…主持`).
 */
const MEETING_OBJECT = /^(?:了)?(?:[^，,。；;！!：:]{0,16}?(?:会议|会|学习|议题|论坛|仪式|典礼|座谈|(?:此次|本次|这次)活动)(?=$|[，,。；;！!并])|旁听|[。！!]|[，,]?并(?![^，,。；;]{0,6}(?:参加|出席))|[，,](?=[^，,。；;]{0,8}由[^，,。；;]{1,30}主持))/u;
/** How much after the verb is read for its object. */
const OBJECT_WINDOW = 24;
/** `他将出席此次峰会`, `国务院部门负责人要列席或旁听会议`: a plan or a directive, not a roll of who came. */
const INTENDED = /(?:将|将要|要|拟|应|应当|须|必须|需要|准备)$/u;

/** The verb's object `after` makes it a roll of this meeting; `whole` when `after` runs to the sentence's end. */
function aboutThisMeeting(after: string, whole: boolean, before: string): boolean {
  const object = MEETING_OBJECT.exec(after);
  if (!object || INTENDED.test(before)) return false;
  // an object cut by the window (`出席第十四届全国人民代表大会|代表…`) is not known to end there
  return whole || object[0].length < after.length;
}
/**
 * The list follows the verb: `出席这次全会的有…`, `参加会议的还有…`, `出席本次开学典礼的领导有…`, and a roster's
 * `出席：…`, `列席人员：…`.
 */
const LIST_AFTER = /^(?:(?:这次|本次|此次)?(?:[^，,。；;：:的]{0,8}?(?:全会|会议|会|典礼|仪式|活动))?的(?:领导|嘉宾|人员|同志)?(?:还)?有(?!关)[，,：:]?|(?:会议)?(?:人员|领导)?[：:])/u;
/** `，列席238人`: a count as the object. */
const COUNT_OBJECT = /^[0-9０-９]+人/u;
/** Ends of a phrase that names people (a head shared by a `、` list, or a role). */
const PERSON_HEAD = /(?:同志|领导人|负责人|人员|代表|委员|书记|主席|主任|院长|检察长|部长|成员|组长|[0-9０-９]+人)$/u;
const GROUP_SEPARATORS = ["，", ",", "；", ";", "以及"];
const SENTENCE_END = /[。！？!?]$/u;

const isPersonPhrase = (s: string) => PERSON_HEAD.test(s);

/** Splits `[start, end)` at each of `separators`, trimming blanks; empty pieces are dropped. */
function splitAt(text: string, start: number, end: number, separators: readonly string[]): Span[] {
  const pieces: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const separator = i < end ? separators.find((s) => text.startsWith(s, i) && i + s.length <= end) : "";
    if (separator === undefined) continue;
    const piece = trimEnd(text, span(text, from, i));
    if (piece.text !== "") pieces.push(piece);
    from = i + (separator?.length ?? 0);
    if (separator) i += separator.length - 1;
  }
  return pieces;
}

/** A leader label and a name of two or three characters before the `、` of a list of named people (`市委领导包江苏、`). */
const LABELLED_NAME = /(?:^|[^\u4e00-\u9fff])?[\u4e00-\u9fff]{0,4}领导([\u4e00-\u9fff]{2,3})、$/u;
/** The name right after a leader label, first of a `、` list (`市委领导包江苏、连建群`). */
const labelledName = (text: string, member: Span) =>
  text.slice(member.start - 2, member.start) === "领导" && text[member.end] === "、" && /^[\u4e00-\u9fff]{2,3}$/u.test(member.text);
/**
 * `徐森生和…杨旭一行到兰州化物所调研指导`, `张晓宇…等一行五人来集团公司…座谈`: a visiting leader and his party (its
 * size written or not) came to the meeting or the site.
 */
const VISIT = /^一行(?:[一二三四五六七八九十两0-9０-９]{1,3}人)?(?:莅临|蒞臨|到|来|來)/u;
const MAX_VISIT = 8;
/** `两位副县长`, `三名同志`: the count and the post a `、` list of names shares, after the last name. */
const COUNTED_POST = /^[两二三四五六七八九十0-9０-９]{1,2}(?:位|名)[^、，,。；;]{1,8}$/u;

/** Members of one group (a `，`-free phrase). */
function groupMembers(mt: MeetingText, group: Span): Span[] {
  const { text } = mt;
  const members: Span[] = [];
  let list = group;
  // `…智能制造工程系等相关负责同志和高层次人才代表`: 等 closes the list, its head is dropped, 和 adds a member
  const etc = findLast(text, "等", group.start, group.end);
  if (etc >= 0) {
    list = span(text, group.start, etc);
    const rest = span(text, etc + 1, group.end);
    const and = find(text, "和", rest.start, rest.end);
    if (and >= 0 && isPersonPhrase(text.slice(rest.start, and)) && and + 1 < rest.end) members.push(span(text, and + 1, rest.end));
  }
  if (list.text === "") return members;
  // a list of named people (`中共中央政治局常委李强、赵乐际…李希`) ends with a name, or with the count and post they
  // share (`张明华、李国强两位副县长`): give the names
  const persons = within(mt.persons, list.start, list.end);
  const last = persons.at(-1);
  if (last && (last.end === list.end || COUNTED_POST.test(text.slice(last.end, list.end)))) {
    // `市委领导包江苏、连建群、…`: the leader label's first name, which the entity stage may miss (江苏 is a place)
    const label = LABELLED_NAME.exec(text.slice(list.start, persons[0]!.start));
    const first = label ? [span(text, persons[0]!.start - label[1]!.length - 1, persons[0]!.start - 1)] : [];
    return [...first, ...persons.map((p) => span(text, p.start, p.end)), ...members];
  }
  // `王高华院长作为武汉市人大代表、耿庆副院长作为武昌区人大代表参加座谈`: the capacity after 作为 is no part of the name
  const parts = splitAt(text, list.start, list.end, ["、"]).map((p) => {
    const capacity = find(text, "作为", p.start, p.end);
    return capacity > p.start ? trimEnd(text, span(text, p.start, capacity)) : p;
  });
  if (parts.length > 1) {
    // a part ending in a name is that person (`部总工程师彭齐鸣、相关司局负责人`): a name shares no head
    const endsInName = (p: Span) => within(mt.persons, p.start, p.end).at(-1)?.end === p.end;
    const named = parts.filter(endsInName).map((p) => within(mt.persons, p.start, p.end).at(-1)!);
    const rest = parts.filter((p) => !endsInName(p));
    // a head on the last member only is shared by all of them (各省、自治区…党政主要负责同志)
    const shared = rest.length > 1 && isPersonPhrase(rest.at(-1)!.text) && rest.some((p) => !isPersonPhrase(p.text));
    const groups = shared ? [span(text, rest[0]!.start, rest.at(-1)!.end)] : rest;
    return [...named.map((p) => span(text, p.start, p.end)), ...groups, ...members];
  }
  const and = find(text, "和", list.start, list.end);
  // `市委副书记边祥慧和市委常委`: 和 after a name closes it, whatever the group after is
  const nameBefore = and > list.start && within(mt.persons, list.start, and).at(-1)?.end === and;
  const after = text.slice(and + 1, list.end);
  if (and > list.start && (nameBefore || isPersonPhrase(text.slice(list.start, and))) && (isPersonPhrase(after) || (nameBefore && officeTitles().some((t) => after.endsWith(t))))) {
    return [span(text, list.start, and), span(text, and + 1, list.end), ...members];
  }
  return [list, ...members];
}

/** `周才德、罗均发及机关各委负责人`: 及 right after a name closes the named people; a group follows. */
function splitAfterNames(mt: MeetingText, group: Span): Span[] {
  const out: Span[] = [];
  let from = group.start;
  for (const person of within(mt.persons, group.start, group.end)) {
    if (mt.text[person.end] !== "及" || person.end + 1 >= group.end) continue;
    out.push(span(mt.text, from, person.end));
    from = person.end + 1;
  }
  out.push(span(mt.text, from, group.end));
  return out;
}

/** Members named in `[start, end)`: groups that do not name people share the head of the next group. */
function members(mt: MeetingText, start: number, end: number): Span[] {
  const { text } = mt;
  const groups = splitAt(text, start, end, GROUP_SEPARATORS).flatMap((group) => splitAfterNames(mt, group));
  const out: Span[] = [];
  let open: number | undefined;
  groups.forEach((group, k) => {
    const from = open ?? group.start;
    const head = group.text.replace(/等$/u, "");
    const named = within(mt.persons, group.start, group.start + head.length).at(-1)?.end === group.start + head.length;
    if (k < groups.length - 1 && !named && !isPersonPhrase(head)) {
      open = from;
      return;
    }
    open = undefined;
    for (const member of groupMembers(mt, span(text, from, group.end))) out.push(member);
  });
  return out;
}

/**
 * Words of a clause that reports what the meeting or its chair did (`…召开…会议，认真学习贯彻…精神，班子成员参加会议`):
 * such a clause is no part of a roll of people.
 */
const ACTS = /召开|举行|主持|开展|讲话|学习贯彻|传达|部署/u;

/** Where the people before `verb` may start: after `from` and after the last clause before theirs that reports an act. */
function subjectStart(mt: MeetingText, from: number, verb: number): number {
  const { text } = mt;
  let start = from;
  const own = containing(mt.clauses, verb)?.start ?? verb;
  for (const clause of within(mt.clauses, from, own)) if (ACTS.test(clause.text)) start = clause.end;
  while (start < verb && /[，,、\s]/u.test(text[start]!)) start++;
  return start;
}

/**
 * An adverbial between the people and the verb: `…专家学者也列席了会议`, `县长吴海宏应邀出席`, `司学军在研究相关议题时列席`,
 * `市政协主席叶梅生全程列席会议`, and `一行` after a visiting leader (`督导组副组长常某某一行出席会议`: they and their party).
 */
const ADVERBIAL_TAIL = /(?:也|应邀|分别|一同|一起|共同|全程|一行|在[^，,。；;]{1,16}时)+$/u;

/** The people of `[start, end)` without the adverbial before the verb. */
function subjectMembers(mt: MeetingText, start: number, end: number): Span[] {
  const trimmed = mt.text.slice(start, end).replace(ADVERBIAL_TAIL, "");
  return members(mt, start, start + trimmed.length);
}

/** What follows a name in a roll and is no part of it: the form of address (`李伟华同志`). */
const ADDRESS = "同志";
/** The post in brackets after the name (`张明华（县委副书记）`). */
const BRACKETED = /^[（(][^（()）]{1,20}[）)]$/u;

/**
 * A person named with what a roll writes after the name: the form of address (`该镇党委书记李伟华同志`) or the
 * post (`李文友副场长`, `张三书记`: the name first, as in speech; `张三（县委副书记）` in brackets). The last person of the phrase, when nothing else
 * follows the name.
 */
function nameBeforeAddress(mt: MeetingText, phrase: Span): Span | undefined {
  const person = within(mt.persons, phrase.start, phrase.end).at(-1);
  if (!person) return undefined;
  const rest = mt.text.slice(person.end, phrase.end);
  const post = rest.startsWith("副") ? rest.slice(1) : rest;
  return rest === ADDRESS || officeTitles().includes(post) || BRACKETED.test(rest) ? span(mt.text, person.start, person.end) : undefined;
}

/** Organisation names, so that `指导组成员王鹏` reads as a member of the 巡回指导组 named just before. */
function orgAliases(mt: MeetingText, start: number, end: number): Map<string, string> {
  const names = within(mt.orgs, start, end).map((o) => o.text);
  // each proper ending of a name that is as long as some name → the first name with that ending (one lookup per
  // name instead of a search of all of them)
  const lengths = [...new Set(names.map((name) => name.length))];
  const firstEndingWith = new Map<string, string>();
  for (const name of names) {
    for (const length of lengths) {
      const ending = name.slice(name.length - length);
      if (length < name.length && !firstEndingWith.has(ending)) firstEndingWith.set(ending, name);
    }
  }
  const aliases = new Map<string, string>();
  for (const name of names) {
    const full = firstEndingWith.get(name);
    if (full) aliases.set(name, full);
  }
  return aliases;
}

/**
 * Participants, attendees and guests, in text order, each named once.
 *
 * @example
 * // "全体党委委员参加会议,办公室、…智能制造工程系等相关负责同志和高层次人才代表列席会议。"
 * // → participants ["全体党委委员"], attendees ["办公室", …, "智能制造工程系", "高层次人才代表"]
 */
export function meetingPeople(mt: MeetingText): People {
  const { text } = mt;
  const people: People = { participants: [], attendees: [], onLeave: [], guests: [] };
  const seen = new Set<string>();
  // a roll names people by name (a person entity) or as a group: by role, body or count (全体党委委员, 办公室, 238人)
  const names = new Set(mt.persons.map((p) => `${p.start}:${p.end}`));
  const add = (role: Exclude<Role, "guests">, found: Span[]) => {
    for (const phrase of found) {
      // `区政府办公室主任何宏伟`: titles and then a name the entity stage did not find
      const name = names.has(`${phrase.start}:${phrase.end}`) ? undefined : nameAfterTitle(phrase.text);
      const addressed = name ? undefined : nameBeforeAddress(mt, phrase);
      const member = name ? span(text, phrase.end - name.length, phrase.end) : addressed ?? phrase;
      if (seen.has(`${role}:${member.text}`)) continue;
      seen.add(`${role}:${member.text}`);
      people[role].push(name || names.has(`${member.start}:${member.end}`) || labelledName(text, member) ? member : { ...member, group: true });
    }
  };
  for (const sentence of mt.sentences) {
    // headline-like lines (赵乐际王沪宁蔡奇丁薛祥李希出席会议) repeat the lead without its order
    if (!SENTENCE_END.test(sentence.text)) continue;
    let from = sentence.start;
    for (let i = sentence.start; i < sentence.end; i++) {
      if (VERB_STARTS[text.charCodeAt(i)] === 0) continue;
      const visit = text.startsWith("一行", i) ? VISIT.exec(text.slice(i, i + MAX_VISIT)) : null;
      const match = visit ? ([visit[0], "guests"] as const) : VERBS.find(([verb]) => text.startsWith(verb, i));
      if (!match) continue;
      const [verb, role] = match;
      const afterEnd = Math.min(sentence.end, i + verb.length + OBJECT_WINDOW);
      const after = text.slice(i + verb.length, afterEnd);
      const listAfter = LIST_AFTER.exec(after);
      if (listAfter && role !== "guests") {
        // `出席这次全会的有中央纪委委员132人，列席238人`: the list runs to the next clause with a verb of its own
        const listStart = i + verb.length + listAfter[0].length;
        let listEnd = sentence.end;
        for (let c = firstEndingAfter(mt.clauses, listStart); c < mt.clauses.length && mt.clauses[c]!.start < sentence.end; c++) {
          const clause = mt.clauses[c]!;
          if (clause.start > listStart && VERBS.some(([v]) => text.startsWith(v, clause.start))) {
            listEnd = clause.start;
            break;
          }
        }
        listEnd = trimEnd(text, span(text, listStart, listEnd)).end;
        add(role, members(mt, listStart, listEnd));
        from = listEnd;
        i = listEnd - 1;
        continue;
      }
      const countObject = role === "attendees" && COUNT_OBJECT.exec(after);
      if (countObject) {
        const object = span(text, i + verb.length, i + verb.length + countObject[0].length);
        add(role, [object]);
        from = object.end;
        i = object.end - 1;
        continue;
      }
      if (role === "onLeave" ? !LEAVE_END.test(after) || LEAVE_RULE.test(text.slice(from, i)) : role !== "guests" && !aboutThisMeeting(after, afterEnd === sentence.end, text.slice(from, i))) continue;
      const start = subjectStart(mt, from, i);
      if (role === "guests") {
        const aliases = orgAliases(mt, start, i);
        people.guests.push(...within(mt.persons, start, i).map((p) => personRef(p, aliases)));
      } else if (role === "onLeave") {
        // those absent are named members, in the clause of the verb (`会议由…主持，李四副书记因公缺席会议`)
        const clauseStart = Math.max(start, containing(mt.clauses, i)?.start ?? start);
        const named = within(mt.persons, clauseStart, i);
        add(role, named.length ? named.map((p) => span(text, p.start, p.end)) : subjectMembers(mt, clauseStart, i));
      } else {
        add(role, subjectMembers(mt, start, i));
      }
      // the next subject starts after this clause (`全体党委委员参加会议,办公室…列席会议`)
      const clause = containing(mt.clauses, i);
      from = clause ? clause.end : i + verb.length;
      i = from - 1;
    }
  }
  return people;
}
