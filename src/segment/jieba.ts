/**
 * The one jieba binding. Two engines give gongwen its words and tags:
 * - `nodejieba` (the default): process-global (its `load` replaces the dictionaries for every caller in the
 *   process), so gongwen loads it once, lazily, on the first call that needs it;
 * - `node-rs` (`@node-rs/jieba`, an optional peer dependency): prebuilt, no compiler, a dictionary per instance;
 *   gongwen keeps one instance per process (worker threads each have their own), built on first use.
 * Both get the same dict/ words on top of jieba's own dictionary. Per-analyzer vocabulary (`userWords`) is applied
 * by gongwen itself (see lexicon.ts), never by mutating an engine.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { assertFileExists, materialize, parseJiebaEntries, readDictLines, type JiebaEntry } from "../dict.js";
import { GongwenError } from "../core/errors.js";
import type { EngineName } from "../core/schema.js";

/** jieba's words for a piece of text, with their part-of-speech tags (parallel arrays). */
export interface TaggedWords {
  words: readonly string[];
  tags: readonly string[];
}

/** What the segment stage asks of a jieba engine. */
export interface Engine {
  /** Words with part-of-speech tags, HMM on (so unknown names and numbers stay whole): exactly the engine's tag(). */
  tagWords(text: string): TaggedWords;
  /** Dictionary pieces of at most `maxLength` characters (the finer cut of `search` mode). */
  cutSmall(text: string, maxLength: number): string[];
}

/** What both bindings offer, and what the tag memo is built on. */
interface Binding {
  cut(text: string): string[];
  tag(text: string): { word: string; tag: string }[];
}

/** Dictionary files that become the engine's user dictionary (policy vocabulary, places, boundary fixes). */
const USER_DICT_FILES = ["policy-words.txt", "segment-overrides.txt"];

let userEntryList: readonly JiebaEntry[] | undefined;

/** The entries of USER_DICT_FILES, read once. */
const userEntries = (): readonly JiebaEntry[] =>
  (userEntryList ??= USER_DICT_FILES.flatMap((file) => parseJiebaEntries(file, readDictLines(file))));

const userDictText = (): string => userEntries().map((e) => `${e.word} ${e.freq} ${e.pos}`).join("\n") + "\n";

/** Bounds a memo's memory (~15 MB at the limit); past it the memo starts over. */
const TAG_MEMO_LIMIT = 200_000;
/** Longer words are rare and mostly one-off (HMM runs): not worth keeping. */
const TAG_MEMO_WORD_LENGTH = 16;

/**
 * tagWords over a binding's cut() and a memo of every word's tag. Both engines' tag() is cut(s, true) plus a
 * context-free dictionary lookup per word (cppjieba's PosTagger::LookupTag, jieba-rs's Jieba::tag), so a word's
 * tag never changes within a process and remembering it is exact. tag() builds a {word, tag} object per word in
 * native code and is 1.4–2× slower than cut(); with the memo, a piece costs one cut() and a Map lookup per word,
 * and tag() runs only for words not seen before.
 */
function memoTagger(load: () => Binding): (text: string) => TaggedWords {
  let loaded: Binding | undefined;
  const binding = () => (loaded ??= load());
  const memo = new Map<string, string>();
  const remember = (word: string, tag: string) => {
    if (word.length > TAG_MEMO_WORD_LENGTH) return;
    if (memo.size >= TAG_MEMO_LIMIT) memo.clear();
    memo.set(word, tag);
  };
  /** The tag of a word not in the memo: tag() of the word alone, exact when jieba keeps it whole. */
  const lookUpTag = (word: string): string | undefined => {
    const alone = binding().tag(word);
    if (alone.length !== 1 || alone[0]!.word !== word) return undefined;
    remember(word, alone[0]!.tag);
    return alone[0]!.tag;
  };
  const tagPiece = (text: string): TaggedWords => {
    const tagged = binding().tag(text);
    for (const { word, tag } of tagged) remember(word, tag);
    return { words: tagged.map((w) => w.word), tags: tagged.map((w) => w.tag) };
  };
  return (text) => {
    const words = binding().cut(text);
    const tags = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) {
      const tag = memo.get(words[i]!) ?? lookUpTag(words[i]!);
      // a word jieba cuts differently on its own: tag the whole piece (the words are the same as cut's)
      if (tag === undefined) return tagPiece(text);
      tags[i] = tag;
    }
    return { words, tags };
  };
}

/** nodejieba's exports include the paths of its bundled dictionaries, which its typings omit. */
type NodejiebaModule = typeof import("nodejieba") & { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string };

const require = createRequire(import.meta.url);

let nodejiebaLoaded: NodejiebaModule | undefined;

/** nodejieba with gongwen's dictionaries, required on first use (an analyzer on the node-rs engine never loads it). */
function loadNodejieba(): NodejiebaModule {
  if (nodejiebaLoaded) return nodejiebaLoaded;
  let nodejiebaModule: NodejiebaModule;
  try {
    nodejiebaModule = require("nodejieba") as NodejiebaModule;
  } catch (error) {
    throw bindingError(error);
  }
  const userDict = materialize("user-dict", userDictText());
  // gongwen ranks keywords with its own domain IDF, so nodejieba's 6 MB keyword tables are replaced by stubs:
  // measured ~15% faster load and ~20 MB less RSS.
  const idfDict = materialize("idf-stub", "的 1.0\n");
  const stopWordDict = materialize("stopword-stub", "的\n");
  const { DEFAULT_DICT: dict, DEFAULT_HMM_DICT: hmmDict } = nodejiebaModule;
  for (const path of [dict, hmmDict, userDict, idfDict, stopWordDict]) assertFileExists(path);
  try {
    nodejiebaModule.load({ dict, hmmDict, userDict, idfDict, stopWordDict });
  } catch (error) {
    throw bindingError(error);
  }
  nodejiebaLoaded = nodejiebaModule;
  return nodejiebaModule;
}

function bindingError(error: unknown): GongwenError {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === "BINDING_NOT_FOUND") {
    return new GongwenError("BINDING_NOT_FOUND", "nodejieba's native addon is missing: run `npm rebuild nodejieba`", {
      cause: error,
    });
  }
  return error instanceof GongwenError ? error : new GongwenError("BINDING_NOT_FOUND", String(error), { cause: error });
}

const nodejiebaEngine: Engine = {
  tagWords: memoTagger(() => {
    const engine = loadNodejieba();
    return { cut: (text) => engine.cut(text, true), tag: (text) => engine.tag(text) };
  }),
  cutSmall: (text, maxLength) => loadNodejieba().cutSmall(text, maxLength),
};

type NodeRsModule = typeof import("@node-rs/jieba");

/** @node-rs/jieba's module and the path of its dictionary; DEPENDENCY_MISSING when it is not installed. */
function requireNodeRs(): { module: NodeRsModule; dictPath: string } {
  try {
    return { module: require("@node-rs/jieba") as NodeRsModule, dictPath: require.resolve("@node-rs/jieba/dict.txt") };
  } catch (error) {
    throw new GongwenError(
      "DEPENDENCY_MISSING",
      'engine "node-rs" needs @node-rs/jieba, an optional peer dependency not installed here: npm install @node-rs/jieba',
      { cause: error },
    );
  }
}

/**
 * Highest-probability cut of `text` into dictionary words of at most `maxLength` characters: cppjieba's MPSegment
 * (what nodejieba's cutSmall runs), which @node-rs/jieba does not expose. `logFreq` gives a word's log frequency;
 * a character the dictionary lacks scores `minLogFreq`.
 */
function maxProbabilityCut(text: string, maxLength: number, logFreq: ReadonlyMap<string, number>, minLogFreq: number): string[] {
  const chars = Array.from(text);
  const n = chars.length;
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = Number.NEGATIVE_INFINITY;
    let word = "";
    for (let j = i; j < n && j - i < maxLength; j++) {
      word += chars[j];
      const weight = logFreq.get(word) ?? (j === i ? minLogFreq : undefined);
      // strictly greater: on a tie the shorter word wins, as in cppjieba
      if (weight !== undefined && weight + best[j + 1]! > best[i]!) {
        best[i] = weight + best[j + 1]!;
        next[i] = j + 1;
      }
    }
  }
  const pieces: string[] = [];
  for (let i = 0; i < n; i = next[i]!) pieces.push(chars.slice(i, next[i]).join(""));
  return pieces;
}

/** Characters (code points) in `word`. */
const charCount = (word: string): number => (/[\uD800-\uDBFF]/.test(word) ? Array.from(word).length : word.length);

/** Log frequencies of the dictionary's words of at most `maxLength` characters, and the lowest of them. */
function smallWordWeights(dictText: string, maxLength: number): { logFreq: Map<string, number>; minLogFreq: number } {
  const freq = new Map<string, number>();
  let total = 0;
  // 349,000 `word freq tag` lines, read with indexOf rather than a split and an array per line
  for (let at = 0; at < dictText.length; ) {
    const newline = dictText.indexOf("\n", at);
    const lineEnd = newline < 0 ? dictText.length : newline;
    const space = dictText.indexOf(" ", at);
    if (space > at && space < lineEnd) {
      const count = parseInt(dictText.slice(space + 1, lineEnd), 10);
      total += count;
      // a word of maxLength characters has up to 2 × maxLength UTF-16 units (surrogate pairs)
      const units = space - at;
      if (units <= maxLength || (units <= 2 * maxLength && charCount(dictText.slice(at, space)) <= maxLength)) {
        freq.set(dictText.slice(at, space), count);
      }
    }
    at = lineEnd + 1;
  }
  for (const { word, freq: count } of userEntries()) if (charCount(word) <= maxLength) freq.set(word, count);
  const logFreq = new Map<string, number>();
  let minLogFreq = 0;
  for (const [word, count] of freq) {
    const weight = Math.log(count / total);
    logFreq.set(word, weight);
    minLogFreq = Math.min(minLogFreq, weight);
  }
  return { logFreq, minLogFreq };
}

/** The @node-rs/jieba engine (DEPENDENCY_MISSING when the package is not installed). */
function nodeRsEngine(): Engine {
  const { module, dictPath } = requireNodeRs();
  let small: { maxLength: number; logFreq: Map<string, number>; minLogFreq: number } | undefined;
  return {
    tagWords: memoTagger(() => {
      const engine = module.Jieba.withDict(readFileSync(dictPath));
      engine.loadDict(Buffer.from(userDictText(), "utf8"));
      // jieba-rs's loadDict gives a word it knows the new frequency but keeps its old tag (nodejieba takes both)
      const userTags = new Map(userEntries().map((e) => [e.word, e.pos]));
      return {
        cut: (text) => engine.cut(text, true),
        tag: (text) => engine.tag(text, true).map(({ word, tag }) => ({ word, tag: userTags.get(word) ?? tag })),
      };
    }),
    cutSmall(text, maxLength) {
      if (small?.maxLength !== maxLength) small = { maxLength, ...smallWordWeights(readFileSync(dictPath, "utf8"), maxLength) };
      return maxProbabilityCut(text, maxLength, small.logFreq, small.minLogFreq);
    },
  };
}

let nodeRs: Engine | undefined;

/** The engine by name, one per process; `node-rs` throws DEPENDENCY_MISSING unless @node-rs/jieba is installed. */
export function engineNamed(name: EngineName): Engine {
  if (name === "nodejieba") return nodejiebaEngine;
  nodeRs ??= nodeRsEngine();
  return nodeRs;
}

