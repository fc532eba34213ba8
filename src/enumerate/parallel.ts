/**
 * Parallel series (排比): three or more consecutive clauses opening with the same lead words (准确把握…，准确把握…,
 * 形成…；形成…, 坚持…，坚持…). The first clause may carry a modal in front of the lead (要形成…；形成…；形成…).
 */
import type { Span } from "../schema.js";
import type { Entry, Run } from "./assemble.js";

/** Fewer repetitions than this are not a series. */
const MIN_SERIES = 3;
/** Lead words are at least two characters (one repeated character such as 要 or 在 is grammar, not rhetoric). */
const LEAD_KEY = 2;
/** The lead reported as the marker: the words the clauses share, at most this long. */
const MAX_LEAD = 4;
/** A clause shorter than this is a phrase inside a list (A、B、C), not a clause of a series. */
const MIN_CLAUSE = 6;
/** Modal words that may precede the lead in a series' clauses. */
const MODALS = ["还要", "更要", "必须", "要", "应", "须", "并"];
/** Clause openers that repeat without making a figure of speech: pronouns, connectives, numbering. */
const NOT_LEADS = new Set([
  "我们", "我国", "他们", "这是", "这些", "这个", "那些", "其中", "同时", "但是", "因此", "所以", "而且",
  "并且", "以及", "如果", "也是", "还是", "就是", "都是", "不是", "不仅", "主要", "其他", "一些", "各地",
]);

const isIdeograph = (c: string | undefined) => c !== undefined && c >= "\u4e00" && c <= "\u9fff";

/** Where the lead words of a clause may start: at its start, or after a modal (要形成). */
function leadOffsets(text: string, clause: Span): number[] {
  const offsets = [clause.start];
  const modal = MODALS.find((m) => text.startsWith(m, clause.start));
  if (modal) offsets.push(clause.start + modal.length);
  return offsets;
}

function keyAt(text: string, at: number): string | undefined {
  const key = text.slice(at, at + LEAD_KEY);
  if (key.length < LEAD_KEY || ![...key].every(isIdeograph) || NOT_LEADS.has(key)) return undefined;
  if (/^[一二三四五六七八九十]/.test(key)) return undefined; // 一是 / 二要 are numbered markers
  return key;
}

/** Length of the prefix all `starts` share, capped at {@link MAX_LEAD}. */
function sharedLength(text: string, starts: readonly number[]): number {
  let n = LEAD_KEY;
  while (n < MAX_LEAD && starts.every((s) => isIdeograph(text[s + n]) && text[s + n] === text[starts[0]! + n])) n++;
  return n;
}

/**
 * Every series in `clauses` (from {@link splitClauses}) as a run of entries: the marker is the lead words, the
 * item is the clause from its lead to its end.
 *
 * @example
 * parallelRuns("坚持A方向不动摇，坚持B路线不动摇，坚持C制度不动摇。", clauses) // → one run, three items
 */
export function parallelRuns(text: string, clauses: readonly Span[]): Run[] {
  const runs: Run[] = [];
  let k = 0;
  while (k < clauses.length) {
    let best: number[] = [];
    for (const first of leadOffsets(text, clauses[k]!)) {
      const key = keyAt(text, first);
      if (!key || clauses[k]!.end - first < MIN_CLAUSE) continue;
      const starts = [first];
      for (let j = k + 1; j < clauses.length; j++) {
        const clause = clauses[j]!;
        const at = leadOffsets(text, clause).find((s) => text.startsWith(key, s));
        if (at === undefined || clause.end - at < MIN_CLAUSE) break;
        starts.push(at);
      }
      if (starts.length > best.length) best = starts;
    }
    if (best.length < MIN_SERIES) {
      k++;
      continue;
    }
    const lead = sharedLength(text, best);
    runs.push(
      best.map(
        (start, n): Entry => ({
          style: "parallel",
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
