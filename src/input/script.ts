/**
 * The script reader: traditional and mixed-script input is analysed through a simplified view (opencc's
 * traditional → mainland dictionaries, phrases first), with an exact map back to the input; the strings a Doc shows
 * beside its spans (keyword texts, titles, names in the brief) are written back in the input's characters. A page
 * otherwise simplified has its traditional runs read so (a quoted roll call, a byline, a gateway's chrome).
 *
 * Detection is one pass over the text with a table of characters: a simplified input with no traditional run is never
 * converted and never loads the conversion dictionaries.
 */
import type { Trie } from "opencc-js/t2cn";
import { lazyModule } from "../core/lazy.js";
import type { Doc, InputInfo } from "../core/schema.js";
import { inputStart, ViewBuilder, type TextView, type ViewStep } from "../core/view.js";

/** Character classes: written only in traditional script (國), only in simplified script (国), or either. */
const TRADITIONAL = 1;
const SIMPLIFIED = 2;

/**
 * A text is converted as a whole when at least this many traditional-only characters appear, they make at least
 * {@link MIN_TRADITIONAL_SHARE} of the script-specific ones and some of them stand in a traditional run; below, only
 * its runs are. Simplified news writes a few such characters legitimately (哪吒, 乾坤, the surname 於), in no run: a
 * short item naming 王於昌 seven times reaches the share.
 */
const MIN_TRADITIONAL = 3;
const MIN_TRADITIONAL_SHARE = 0.05;
/** At this share of traditional-only characters the input is `traditional`; between the two it is `mixed`. */
const TRADITIONAL_SHARE = 0.8;

/** opencc-js's traditional → simplified build, loaded on first use (importing gongwen loads none of it). */
const openccT2cn = lazyModule<typeof import("opencc-js/t2cn")>("opencc-js/t2cn");

/** The traditional → simplified character pairs and the phrase pairs, as opencc-js ships them (`a b|c d|…`). */
function dictionaries(): { phrases: string; characters: string } {
  const [phrases, characters] = openccT2cn().Locale.to.cn[0] as unknown as [string, string];
  return { phrases, characters };
}

const pairs = (dict: string): [string, string][] => dict.split("|").map((entry) => entry.split(" ") as [string, string]);

let classTable: Uint8Array | undefined;

/** Per BMP code unit: {@link TRADITIONAL}, {@link SIMPLIFIED} or 0, from opencc's character table. */
function classes(): Uint8Array {
  if (classTable) return classTable;
  const table = new Uint8Array(0x10000);
  const changed = pairs(dictionaries().characters).filter(([from, to]) => from !== to && from.length === 1 && to.length === 1);
  const targets = new Set(changed.map(([, to]) => to));
  const sources = new Set(changed.map(([from]) => from));
  for (const from of sources) if (!targets.has(from)) table[from.charCodeAt(0)] = TRADITIONAL;
  for (const to of targets) if (!sources.has(to)) table[to.charCodeAt(0)] = SIMPLIFIED;
  return (classTable = table);
}

/**
 * A traditional run inside a page read as simplified (a quoted roll call, a byline, a paragraph a mirror left
 * unconverted) holds at least {@link MIN_RUN} traditional-only characters, each within {@link RUN_GAP} code units of
 * the one before, with simplified-only ones never outnumbering them by {@link RUN_DROP} since its best point (a score,
 * traditional-only +1 and simplified-only −1, dropping that far below its best ends the run there). Traditional writing
 * has a traditional-only character every 2–3 characters; simplified writing a lone one (哪吒, 王丙乾) between
 * simplified-only ones. Some simplified-only characters also occur in traditional writing (opencc's targets of
 * variants: 教 of 敎, 席 of 蓆, 台 of 臺), so a few inside a run do not end it.
 */
const MIN_RUN = 3;
const RUN_DROP = 3;
const RUN_GAP = 32;

/** What one pass over a text finds: its script and, in a text read as simplified, its traditional runs. */
export interface ScriptScan {
  script: InputInfo["script"];
  /**
   * The traditional runs to convert in a text otherwise simplified: `[start, end)` pairs of its indices, from the
   * first to the last traditional-only character of each run; empty when the text is converted as a whole.
   */
  runs: number[];
}

/** The script of `text`, from its counts of traditional-only and simplified-only characters, and its runs. */
export function scanScript(text: string): ScriptScan {
  const table = classes();
  let traditional = 0;
  let simplified = 0;
  const runs: number[] = [];
  // the open run (none while start < 0): where it starts, the simplified-only characters before it, its
  // traditional-only characters, its best score, where that was reached and its characters there. The score only
  // falls between two traditional-only characters, so the drop is checked at the next one: a simplified-only
  // character costs the loop no more than a count.
  let start = -1;
  let simplifiedBefore = 0;
  let count = 0;
  let best = 0;
  let bestEnd = 0;
  let bestCount = 0;
  let lastTraditional = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = table[text.charCodeAt(i)];
    if (kind === TRADITIONAL) {
      if (start >= 0 && (i - lastTraditional > RUN_GAP || count - (simplified - simplifiedBefore) <= best - RUN_DROP)) {
        if (bestCount >= MIN_RUN) runs.push(start, bestEnd);
        start = -1;
      }
      if (start < 0) {
        start = i;
        simplifiedBefore = simplified;
        count = best = 0;
      }
      traditional++;
      lastTraditional = i;
      const score = ++count - (simplified - simplifiedBefore);
      if (score >= best) {
        best = score;
        bestEnd = i + 1;
        bestCount = count;
      }
    } else if (kind === SIMPLIFIED) simplified++;
  }
  if (start >= 0 && bestCount >= MIN_RUN) runs.push(start, bestEnd);
  const share = traditional / Math.max(1, traditional + simplified);
  if (share >= TRADITIONAL_SHARE && traditional >= MIN_TRADITIONAL) return { script: "traditional", runs: [] };
  const converted = runs.length > 0 ? convertedRuns(text, runs) : runs;
  if (converted.length === 0) return { script: "simplified", runs: [] };
  // a share of traditional characters with no run is a name or title a simplified text repeats (王於昌, 《哪吒2》)
  return { script: "mixed", runs: traditional < MIN_TRADITIONAL || share < MIN_TRADITIONAL_SHARE ? converted : [] };
}

/**
 * The runs of `runs` in which opencc's dictionary changes at least {@link MIN_RUN} characters: its phrases keep what
 * simplified writing keeps (哪吒, 乾坤, 乾隆), so three such words side by side are no run.
 */
function convertedRuns(text: string, runs: number[]): number[] {
  const trie = conversionTrie();
  const kept: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const run = text.slice(runs[k], runs[k + 1]);
    let changed = 0;
    for (let j = 0; j < run.length; ) {
      const match = trie.matchPrefix(run, j);
      if (!match) {
        j++;
        continue;
      }
      // a phrase converted to text of another length counts as one change
      if (match.value.length !== match.end - j) changed++;
      else for (let c = 0; c < match.value.length; c++) if (match.value[c] !== run[j + c]) changed++;
      j = match.end;
    }
    if (changed >= MIN_RUN) kept.push(runs[k]!, runs[k + 1]!);
  }
  return kept;
}

/** The script of `text` as a whole (a simplified text holding traditional runs is `mixed`). */
export const detectScript = (text: string): InputInfo["script"] => scanScript(text).script;

/** Where a clause ends: a run's conversion reaches out to these (or to a simplified-only character), not past. */
const CLAUSE_BREAK = /[\n\r。！？；：，、!?;:,（）()【】[\]「」『』“”《》]/u;

/**
 * The runs of `scan` widened to the clauses they stand in (each `[start, end)`): the characters of a traditional clause
 * before its first and after its last traditional-only character (a variant 裡, a phrase's neutral half) are read with
 * it, up to a clause break or a simplified-only character.
 */
function runClauses(text: string, runs: number[]): number[] {
  const table = classes();
  const neutral = (i: number) => table[text.charCodeAt(i)] !== SIMPLIFIED && !CLAUSE_BREAK.test(text[i]!);
  const out: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    let start = runs[k]!;
    let end = runs[k + 1]!;
    const floor = out.length > 0 ? out[out.length - 1]! : 0;
    const ceiling = k + 2 < runs.length ? runs[k + 2]! : text.length;
    while (start > floor && neutral(start - 1)) start--;
    while (end < ceiling && neutral(end)) end++;
    out.push(start, end);
  }
  return out;
}

let converter: Trie | undefined;

/**
 * The traditional → simplified dictionary as one trie: opencc's phrases and characters, and the Taiwan and Hong Kong
 * variant forms (phrases and characters: 裡, 著 but 顯著) written straight as the simplified form of their standard
 * form, as opencc's tw → cn chain would (variants first, then traditional → simplified).
 */
function conversionTrie(): Trie {
  if (converter) return converter;
  const { phrases, characters } = dictionaries();
  const { Locale, Trie } = openccT2cn();
  const standard = new Trie();
  standard.loadDictGroup([phrases, characters]);
  const trie = new Trie();
  trie.loadDictGroup([phrases, characters]);
  for (const variants of [Locale.from.hk, Locale.from.tw]) {
    for (const dict of variants[0] as unknown as string[]) {
      for (const [variant, form] of pairs(dict)) trie.addWord(variant, standard.convert(form));
    }
  }
  return (converter = trie);
}

/**
 * The simplified reading of `source` (of its `[start, end)` ranges only, when given: a phrase never reaches past a
 * range's end): a phrase or character the dictionary converts to text of the same length is written character by
 * character (each maps to its own source character), one of another length over its whole range.
 */
export function simplifiedStep(source: string, ranges: readonly number[] = [0, source.length]): ViewStep {
  const trie = conversionTrie();
  const builder = new ViewBuilder(source);
  let kept = 0;
  const put = (text: string, from: number, to: number) => {
    builder.keep(kept, from);
    builder.put(text, from, to);
    kept = to;
  };
  for (let k = 0; k < ranges.length; k += 2) {
    const from = ranges[k]!;
    const range = source.slice(from, ranges[k + 1]);
    for (let j = 0; j < range.length; ) {
      const match = trie.matchPrefix(range, j);
      if (!match) {
        j++;
        continue;
      }
      const i = from + j;
      if (match.value.length === match.end - j) {
        for (let c = 0; c < match.value.length; c++) if (match.value[c] !== source[i + c]) put(match.value[c]!, i + c, i + c + 1);
      } else {
        put(match.value, i, from + match.end);
      }
      j = match.end;
    }
  }
  builder.keep(kept, source.length);
  return builder.finish();
}

/** Doc fields whose strings are read from the text without being spans: they are written back in the input's script. */
const WRITTEN_FIELDS = new Set(["text", "name", "titles", "titleOrgs", "org", "full", "noun", "classifier", "speaker", "verb", "breadcrumb", "column", "source", "credits", "photo", "editor", "reviewer"]);

/** A span-shaped object: its `[start, end)` range of the input. */
const isSpan = (object: Record<string, unknown>): object is { start: number; end: number } =>
  typeof object.start === "number" && typeof object.end === "number";

/**
 * Writes `doc`'s plain strings in the input's characters: each simplified character that stood for a traditional
 * one is written as the character the input used there most often (one input writes 发 as 發 or 髮, rarely both).
 * On a page in both scripts (`byPlace`) "there" is the lines of the spans of the object the string belongs to (a
 * chair's name and titles the line of its span, a keyword its occurrences, the summary its sentences), else the whole
 * input: a name from a traditional roll call is written in traditional characters, a keyword of the simplified text in
 * simplified ones. Spans are left alone (mapDoc re-read them from the input); an object whose `text` or `name` changes
 * keeps the simplified form as `normalized`. Ids and canonical values (`value`, `id`) stay simplified, so 李克強 and
 * 李克强 are one person.
 */
function writeBack(step: ViewStep, view: TextView, byPlace: boolean): (doc: Doc) => Doc {
  const source = view.text;
  // the characters that tell how the input writes a simplified one: where in the input, read as, written as
  const at: number[] = [];
  const read: string[] = [];
  const writtenAs: string[] = [];
  for (let i = 0; i < step.text.length; i++) {
    const from = step.starts[i]!;
    if (step.ends[i]! - from !== 1) continue;
    const simple = step.text[i]!;
    const written = source[from]!;
    if (simple === written && classes()[simple.charCodeAt(0)] !== SIMPLIFIED) continue;
    at.push(inputStart(view, from));
    read.push(simple);
    writtenAs.push(written);
  }
  /** How the characters `indices` (of `at`) write `simple` most often, if they hold it. */
  const writtenAt = (simple: string, indices: Iterable<number>): string | undefined => {
    const counts = new Map<string, number>();
    let best: string | undefined;
    let most = 0;
    for (const k of indices) {
      if (read[k] !== simple) continue;
      const count = (counts.get(writtenAs[k]!) ?? 0) + 1;
      counts.set(writtenAs[k]!, count);
      if (count > most) [best, most] = [writtenAs[k], count];
    }
    return best;
  };
  // how the whole input writes each character some place in it writes otherwise (a string without one is left as it is)
  const counts = new Map<string, Map<string, number>>();
  for (let k = 0; k < read.length; k++) {
    const forms = counts.get(read[k]!) ?? new Map<string, number>();
    forms.set(writtenAs[k]!, (forms.get(writtenAs[k]!) ?? 0) + 1);
    counts.set(read[k]!, forms);
  }
  const written = new Map<string, string>();
  for (const [simple, forms] of counts) {
    if (forms.size > 1 || !forms.has(simple)) written.set(simple, [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
  }
  /** The indices of `at` on the input lines of `spans` (`at` is in input order). */
  const inside = (spans: readonly { start: number; end: number }[]): number[] => {
    const indices: number[] = [];
    const lines = new Set<number>();
    for (const span of spans) {
      const start = view.input.lastIndexOf("\n", span.start - 1) + 1;
      // a keyword met many times on one line counts that line once
      if (lines.has(start)) continue;
      lines.add(start);
      const lineEnd = view.input.indexOf("\n", span.end);
      const end = lineEnd < 0 ? view.input.length : lineEnd;
      let low = 0;
      let high = at.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (at[middle]! < start) low = middle + 1;
        else high = middle;
      }
      for (let k = low; k < at.length && at[k]! < end; k++) indices.push(k);
    }
    return indices;
  };
  /** The characters (indices of `at`) a string is written by: those of its object's lines. */
  type Writing = () => number[];
  const inInputScript = (text: string, local: Writing): string => {
    let out = "";
    for (const c of text) {
      const form = written.get(c);
      out += form === undefined ? c : byPlace ? (writtenAt(c, local()) ?? form) : form;
    }
    return out;
  };
  /** The spans an object was read from: itself, its `span`-like fields and its `spans`. */
  const spansOf = (object: Record<string, unknown>): { start: number; end: number }[] =>
    [object, ...Object.values(object).flat()].filter(
      (item): item is { start: number; end: number } => typeof item === "object" && item !== null && isSpan(item as Record<string, unknown>),
    );
  const rewrite = (value: unknown, key: string, inSpan: boolean, local: Writing): unknown => {
    if (typeof value === "string") return WRITTEN_FIELDS.has(key) && !(inSpan && key === "text") ? inInputScript(value, local) : value;
    if (Array.isArray(value)) return value.map((item) => rewrite(item, key, false, local));
    if (typeof value !== "object" || value === null) return value;
    const object = value as Record<string, unknown>;
    const span = isSpan(object);
    let indices: number[] | undefined;
    // found on the first string written, as most objects (sentences, clauses) have none to write
    const own: Writing = !byPlace ? local : () => {
      if (indices) return indices;
      const spans = spansOf(object);
      return (indices = spans.length === 0 ? local() : inside(spans));
    };
    const out: Record<string, unknown> = {};
    for (const [field, item] of Object.entries(object)) out[field] = field === "normalized" ? item : rewrite(item, field, span, own);
    // a span's `normalized` is the text read over its range (mapDoc's); other objects get their own
    const primary = typeof object.text === "string" ? "text" : "name";
    if (!span && typeof object[primary] === "string" && out[primary] !== object[primary]) out.normalized = object[primary];
    return out;
  };
  const none: number[] = [];
  return (doc) => {
    const { text, tokens, ...fields } = doc;
    return { text, tokens, ...(rewrite(fields, "", false, () => none) as Omit<Doc, "text" | "tokens">) };
  };
}

/**
 * Reads traditional and mixed-script input as simplified text, and the traditional runs of a text otherwise
 * simplified; a simplified input is left as it is. Runs after the pollution reader, so that pinyin written between
 * traditional characters is gone before the script is judged.
 */
export function readScript(view: TextView): { step: ViewStep; info: Partial<InputInfo>; restore: (doc: Doc) => Doc } | undefined {
  const { script, runs } = scanScript(view.text);
  if (script === "simplified") return undefined;
  const step = runs.length > 0 ? simplifiedStep(view.text, runClauses(view.text, runs)) : simplifiedStep(view.text);
  return { step, info: { script }, restore: writeBack(step, view, script === "mixed") };
}
