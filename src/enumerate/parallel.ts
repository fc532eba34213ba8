/**
 * Parallel series (排比): three or more consecutive clauses of one paragraph opening with the same lead words
 * (准确把握…，准确把握…, 形成…；形成…, 坚持…，坚持…). The first clause may carry a modal in front of the lead
 * (要形成…；形成…；形成…). Two conventions of meeting news repeat a lead without being a figure of speech: the
 * roll call (县委书记×××主持，县委副书记×××，县委常委×××出席) and the record of the order of business
 * (听取了…；审议通过了…；传达学习了…), which may name the documents alone (关于…的报告，关于…的报告，…).
 */
import { isIdeograph } from "../core/chars.js";
import type { Span } from "../core/schema.js";
import { wordList, wordSet } from "../dict.js";
import type { Entry, Run } from "./assemble.js";
import { STYLE_RANK } from "./markers.js";

/** Fewer repetitions than this are not a series. */
const MIN_SERIES = 3;
/** Lead words are at least two characters (one repeated character such as 要 or 在 is grammar, not rhetoric). */
const LEAD_KEY = 2;
/** The lead reported as the marker: the words the clauses share, at most this long. */
const MAX_LEAD = 4;
/** A clause shorter than this is a phrase inside a list (A、B、C), not a clause of a series. */
const MIN_CLAUSE = 6;
/** Modal words that may precede the lead in a series' clauses, longer first. */
const MODALS = ["还要", "更要", "必须", "要", "应", "须", "并"];
const MODAL_STARTS = new Set(MODALS.map((m) => m.charCodeAt(0)));
/** Clause openers that repeat without making a figure of speech (dict/enumerate-not-leads.txt). */
const notLeads = wordSet("enumerate-not-leads.txt");
/** Leads that record the order of business in meeting news, not rhetoric (dict/enumerate-agenda-leads.txt). */
const agendaLeads = wordList("enumerate-agenda-leads.txt");
/** Kinds of document that end a title (dict/enumerate-document-kinds.txt). */
const documentKinds = wordList("enumerate-document-kinds.txt");
/** A document title opens its subject with 关于 (关于2024年预算草案的报告). */
const TITLE_OPENER = "关于";
/** Closing marks after a title or a clause (…的报告》， / …的决定；). */
const TITLE_TRAILERS = new Set([..."，,。；;：:、”’》）) \t\u3000"]);
/** Position titles that make a clause a roll-call entry (dict/enumerate-roll-call-titles.txt). */
const rollCallTitles = wordList("enumerate-roll-call-titles.txt");
/** How far into a clause a roll call names the position (党工委副书记、管委会副主任×××), and a title its 关于. */
const TITLE_REACH = 16;
const MIN_ROLL_CALL = 2;
const NUMERALS = new Set([..."一二三四五六七八九十"].map((c) => c.charCodeAt(0)));

/** A clause ending in a colon announces what follows (坚持“三个坚持”：) rather than taking part in it. */
function announces(text: string, clause: Span): boolean {
  const last = text[clause.end - 1];
  return last === "：" || last === ":";
}

/** Where the lead words of a clause start after a modal (要形成 → 形成), or -1. */
function afterModal(text: string, clause: Span): number {
  if (!MODAL_STARTS.has(text.charCodeAt(clause.start))) return -1;
  const modal = MODALS.find((m) => text.startsWith(m, clause.start));
  return modal ? clause.start + modal.length : -1;
}

/** The two characters at `at` are those at `key`. */
const sameLead = (text: string, at: number, key: number) =>
  at >= 0 && text.charCodeAt(at) === text.charCodeAt(key) && text.charCodeAt(at + 1) === text.charCodeAt(key + 1);

/** The clause opens with the two characters found at `key` (directly or after a modal): where, or -1. */
function leadAt(text: string, clause: Span, key: number): number {
  if (sameLead(text, clause.start, key)) return clause.start;
  const after = afterModal(text, clause);
  return sameLead(text, after, key) ? after : -1;
}

/** Two ideographs that can lead a series (not a pronoun or connective, not a numbered marker such as 一是). */
function canLead(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return isIdeograph(a) && isIdeograph(b) && !NUMERALS.has(a) && !notLeads().has(text.slice(at, at + LEAD_KEY));
}

/** The lead at `at` records the order of business (听取了…；审议了…). */
const isAgenda = (text: string, at: number) => agendaLeads().some((lead) => text.startsWith(lead, at));

/** The series names people by position (a roll call). */
function isRollCall(text: string, starts: readonly number[]): boolean {
  const titled = starts.filter((at) => {
    const head = text.slice(at, at + TITLE_REACH);
    return rollCallTitles().some((title) => head.includes(title));
  });
  return titled.length >= MIN_ROLL_CALL;
}

/** `end` moved back over the marks that close a clause (，；》 …), not before `start`. */
function beforeTrailers(text: string, start: number, end: number): number {
  while (end > start && TITLE_TRAILERS.has(text[end - 1]!)) end--;
  return end;
}

/**
 * The clause from `start` to `end` is a document's title: 关于 (after the lead and the issuing organ, within
 * {@link TITLE_REACH}) + subject + kind of document (通过县政府关于…的报告).
 */
function isTitle(text: string, start: number, clauseEnd: number): boolean {
  const end = beforeTrailers(text, start, clauseEnd);
  return (
    text.slice(start, Math.min(end, start + TITLE_REACH)).includes(TITLE_OPENER) &&
    documentKinds().some((kind) => text.startsWith(kind, end - kind.length))
  );
}

/** Two or more clauses of the series are titles of documents: an agenda read out, not a figure of speech. */
function isTitleRun(text: string, starts: readonly number[], clauses: readonly Span[], first: number): boolean {
  return starts.filter((start, n) => isTitle(text, start, clauses[first + n]!.end)).length >= MIN_ROLL_CALL;
}

/** The longest object of a set phrase (四字格: 建言献策, 遵纪守法). */
const SET_PHRASE = 4;

/**
 * Every clause is the lead and a four-character phrase at most (带头参加讨论，带头建言献策，带头遵纪守法): a chain of
 * set phrases in one predicate, the comma standing for 、, not clauses set side by side as a figure of speech.
 */
function isPhraseChain(text: string, starts: readonly number[], clauses: readonly Span[], first: number): boolean {
  const lead = sharedLength(text, starts);
  return starts.every((start, n) => beforeTrailers(text, start, clauses[first + n]!.end) - start - lead <= SET_PHRASE);
}

/** A line break lies between `from` and `to`: an 排比 figure stays inside its paragraph. */
function crossesLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === "\n" || text[i] === "\r") return true;
  return false;
}

/** Length of the prefix all `starts` share, between {@link LEAD_KEY} and {@link MAX_LEAD}. */
function sharedLength(text: string, starts: readonly number[]): number {
  let n = LEAD_KEY;
  const first = starts[0]!;
  while (n < MAX_LEAD && isIdeograph(text.charCodeAt(first + n)) && starts.every((s) => text.charCodeAt(s + n) === text.charCodeAt(first + n))) n++;
  return n;
}

/**
 * Every series in `clauses` (from {@link splitClauses}) as a run of entries: the marker is the lead words, the
 * item is the clause from its lead to its end.
 *
 * @example
 * parallelRuns(text, splitClauses(text, splitSentences(text))) // text = "坚持党的全面领导不动摇，坚持以人民为中心不动摇，坚持改革开放不动摇。" → one run, 3 items
 */
export function parallelRuns(text: string, clauses: readonly Span[]): Run[] {
  const runs: Run[] = [];
  let k = 0;
  while (k < clauses.length) {
    // The clause's own start, then the start after a modal (要形成): the longer series wins.
    let best: number[] = [];
    let skip = 1;
    for (const first of [clauses[k]!.start, afterModal(text, clauses[k]!)]) {
      if (first < 0 || clauses[k]!.end - first < MIN_CLAUSE || announces(text, clauses[k]!)) continue;
      const starts = [first];
      for (let j = k + 1; j < clauses.length; j++) {
        const at = leadAt(text, clauses[j]!, first);
        if (at < 0 || crossesLine(text, starts.at(-1)!, at) || clauses[j]!.end - at < MIN_CLAUSE || announces(text, clauses[j]!)) break;
        starts.push(at);
      }
      if (starts.length < MIN_SERIES) continue;
      if (!canLead(text, first) || isAgenda(text, first) || isRollCall(text, starts) || isTitleRun(text, starts, clauses, k) || isPhraseChain(text, starts, clauses, k)) {
        skip = Math.max(skip, starts.length); // 我们…，我们…: never re-read
      }
      else if (starts.length > best.length) best = starts;
    }
    if (best.length < MIN_SERIES) {
      k += skip;
      continue;
    }
    const lead = sharedLength(text, best);
    runs.push(
      best.map(
        (start, n): Entry => ({
          style: "parallel",
          rank: STYLE_RANK.parallel,
          ordinal: n + 1,
          start,
          markerEnd: start + lead,
          lineStart: false,
          end: clauses[k + n]!.end,
        }),
      ),
    );
    k += best.length;
  }
  return runs;
}
