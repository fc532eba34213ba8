/**
 * The script reader: traditional and mixed-script input is analysed through a simplified view (opencc's
 * traditional → mainland dictionaries, phrases first), with an exact map back to the input; the strings a Doc shows
 * beside its spans (keyword texts, titles, names in the brief) are written back in the input's characters.
 *
 * Detection is one pass over the text with a table of characters: a simplified input is never converted and never
 * loads the conversion dictionaries.
 */
import type { Trie } from "opencc-js/t2cn";
import { lazyModule } from "../core/lazy.js";
import type { Doc, InputInfo } from "../core/schema.js";
import { ViewBuilder, type TextView, type ViewStep } from "../core/view.js";

/** Character classes: written only in traditional script (國), only in simplified script (国), or either. */
const TRADITIONAL = 1;
const SIMPLIFIED = 2;

/**
 * A text is read as simplified unless at least this many traditional-only characters appear and they make at least
 * {@link MIN_TRADITIONAL_SHARE} of the script-specific ones: simplified news writes a few such characters legitimately
 * (哪吒, 乾坤, the surname 於), never as a share of its text.
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

/** The script of `text`, from its counts of traditional-only and simplified-only characters. */
export function detectScript(text: string): InputInfo["script"] {
  const table = classes();
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = table[text.charCodeAt(i)];
    if (kind === TRADITIONAL) traditional++;
    else if (kind === SIMPLIFIED) simplified++;
  }
  const share = traditional / Math.max(1, traditional + simplified);
  if (traditional < MIN_TRADITIONAL || share < MIN_TRADITIONAL_SHARE) return "simplified";
  return share >= TRADITIONAL_SHARE ? "traditional" : "mixed";
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
 * The simplified reading of `source`: a phrase or character the dictionary converts to text of the same length is
 * written character by character (each maps to its own source character), one of another length over its whole range.
 */
export function simplifiedStep(source: string): ViewStep {
  const trie = conversionTrie();
  const builder = new ViewBuilder(source);
  let kept = 0;
  const put = (text: string, from: number, to: number) => {
    builder.keep(kept, from);
    builder.put(text, from, to);
    kept = to;
  };
  for (let i = 0; i < source.length; ) {
    const match = trie.matchPrefix(source, i);
    if (!match) {
      i++;
      continue;
    }
    if (match.value.length === match.end - i) {
      for (let k = 0; k < match.value.length; k++) if (match.value[k] !== source[i + k]) put(match.value[k]!, i + k, i + k + 1);
    } else {
      put(match.value, i, match.end);
    }
    i = match.end;
  }
  builder.keep(kept, source.length);
  return builder.finish();
}

/** Doc fields whose strings are read from the text without being spans: they are written back in the input's script. */
const WRITTEN_FIELDS = new Set(["text", "name", "titles", "titleOrgs", "org", "full", "noun", "classifier", "speaker", "verb", "breadcrumb", "column", "source", "credits", "photo", "editor", "reviewer"]);

/**
 * Writes `doc`'s plain strings in the input's characters: each simplified character that stood for a traditional
 * one in this input is written as the character the input used there most often (one input writes 发 as 發 or 髮,
 * rarely both). Spans are left alone (mapDoc re-read them from the input); an object whose `text` or `name` changes
 * keeps the simplified form as `normalized`. Ids and canonical values (`value`, `id`) stay simplified, so 李克強 and
 * 李克强 are one person.
 */
function writeBack(step: ViewStep, source: string): (doc: Doc) => Doc {
  const seen = new Map<string, Map<string, number>>();
  for (let i = 0; i < step.text.length; i++) {
    const from = step.starts[i]!;
    if (step.ends[i]! - from !== 1) continue;
    const simple = step.text[i]!;
    const written = source[from]!;
    if (simple === written && classes()[simple.charCodeAt(0)] !== SIMPLIFIED) continue;
    const counts = seen.get(simple) ?? new Map<string, number>();
    counts.set(written, (counts.get(written) ?? 0) + 1);
    seen.set(simple, counts);
  }
  const written = new Map<string, string>();
  for (const [simple, counts] of seen) {
    const [best] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (best !== simple) written.set(simple, best);
  }
  const inInputScript = (text: string): string => {
    let out = "";
    for (const c of text) out += written.get(c) ?? c;
    return out;
  };
  const rewrite = (value: unknown, key: string, inSpan: boolean): unknown => {
    if (typeof value === "string") return WRITTEN_FIELDS.has(key) && !(inSpan && key === "text") ? inInputScript(value) : value;
    if (Array.isArray(value)) return value.map((item) => rewrite(item, key, false));
    if (typeof value !== "object" || value === null) return value;
    const object = value as Record<string, unknown>;
    const span = typeof object.start === "number" && typeof object.end === "number";
    const out: Record<string, unknown> = {};
    for (const [field, item] of Object.entries(object)) out[field] = field === "normalized" ? item : rewrite(item, field, span);
    // a span's `normalized` is the text read over its range (mapDoc's); other objects get their own
    const primary = typeof object.text === "string" ? "text" : "name";
    if (!span && typeof object[primary] === "string" && out[primary] !== object[primary]) out.normalized = object[primary];
    return out;
  };
  return (doc) => {
    const { text, tokens, ...fields } = doc;
    return { text, tokens, ...(rewrite(fields, "", false) as Omit<Doc, "text" | "tokens">) };
  };
}

/**
 * Reads traditional and mixed-script input as simplified text; a simplified input is left as it is. Runs after the
 * pollution reader, so that pinyin written between traditional characters is gone before the script is judged.
 */
export function readScript(view: TextView): { step: ViewStep; info: Partial<InputInfo>; restore: (doc: Doc) => Doc } | undefined {
  const script = detectScript(view.text);
  if (script === "simplified") return undefined;
  const step = simplifiedStep(view.text);
  return { step, info: { script }, restore: writeBack(step, view.text) };
}
