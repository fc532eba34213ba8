/**
 * The one nodejieba binding. nodejieba is process-global (its `load` replaces the dictionaries for every caller
 * in the process), so gongwen loads it once, lazily, on the first call that needs it: one engine per process,
 * and worker threads each load their own. Per-analyzer vocabulary (`userWords`) is applied by gongwen itself
 * (see lexicon.ts), never by mutating the global engine.
 */
import nodejieba from "nodejieba";
import { assertFileExists, materialize, parseJiebaEntries, readDictLines } from "../dict.js";
import { GongwenError } from "../core/errors.js";

/** nodejieba's exports include the paths of its bundled dictionaries, which its typings omit. */
const engine = nodejieba as typeof nodejieba & { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string };

/** Dictionary files that become nodejieba's user dictionary (policy vocabulary, places, boundary fixes). */
const USER_DICT_FILES = ["policy-words.txt", "segment-overrides.txt"];

let loaded = false;

function ensureLoaded(): void {
  if (loaded) return;
  const entries = USER_DICT_FILES.flatMap((file) => parseJiebaEntries(file, readDictLines(file)));
  const userDict = materialize("user-dict", entries.map((e) => `${e.word} ${e.freq} ${e.pos}`).join("\n") + "\n");
  // gongwen ranks keywords with its own domain IDF, so nodejieba's 6 MB keyword tables are replaced by stubs:
  // measured ~15% faster load and ~20 MB less RSS.
  const idfDict = materialize("idf-stub", "的 1.0\n");
  const stopWordDict = materialize("stopword-stub", "的\n");
  for (const path of [engine.DEFAULT_DICT, engine.DEFAULT_HMM_DICT, userDict, idfDict, stopWordDict]) {
    assertFileExists(path);
  }
  try {
    engine.load({ dict: engine.DEFAULT_DICT, hmmDict: engine.DEFAULT_HMM_DICT, userDict, idfDict, stopWordDict });
  } catch (error) {
    throw bindingError(error);
  }
  loaded = true;
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

/** jieba's words for a piece of text, with their part-of-speech tags (parallel arrays). */
export interface TaggedWords {
  words: readonly string[];
  tags: readonly string[];
}

/**
 * Every word's tag as nodejieba's tag() gave it. tag() is cut(s, true) plus a context-free dictionary lookup per
 * word (cppjieba's PosTagger::LookupTag), so a word's tag never changes within a process and remembering it is
 * exact. tag() builds a {word, tag} object per word in native code and is ~1.4× slower than cut(); with the
 * memo, a piece costs one cut() and a Map lookup per word, and tag() runs only for words not seen before.
 */
const tagMemo = new Map<string, string>();
/** Bounds the memo's memory (~15 MB at the limit); past it the memo starts over. */
const TAG_MEMO_LIMIT = 200_000;
/** Longer words are rare and mostly one-off (HMM runs): not worth keeping. */
const TAG_MEMO_WORD_LENGTH = 16;

function remember(word: string, tag: string): void {
  if (word.length > TAG_MEMO_WORD_LENGTH) return;
  if (tagMemo.size >= TAG_MEMO_LIMIT) tagMemo.clear();
  tagMemo.set(word, tag);
}

/** The tag of a word not in the memo: tag() of the word alone, exact when jieba keeps it whole. */
function lookUpTag(word: string): string | undefined {
  const alone = engine.tag(word);
  if (alone.length !== 1 || alone[0]!.word !== word) return undefined;
  remember(word, alone[0]!.tag);
  return alone[0]!.tag;
}

/**
 * Words with part-of-speech tags, HMM on (so unknown names and numbers stay whole): exactly nodejieba's
 * tag(text), computed through cut(text, true) and the tag memo.
 */
export function tagWords(text: string): TaggedWords {
  ensureLoaded();
  const words = engine.cut(text, true);
  const tags = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) {
    const tag = tagMemo.get(words[i]!) ?? lookUpTag(words[i]!);
    // a word jieba cuts differently on its own: tag the whole piece (the words are the same as cut's)
    if (tag === undefined) return tagPiece(text);
    tags[i] = tag;
  }
  return { words, tags };
}

function tagPiece(text: string): TaggedWords {
  const tagged = engine.tag(text);
  for (const { word, tag } of tagged) remember(word, tag);
  return { words: tagged.map((w) => w.word), tags: tagged.map((w) => w.tag) };
}

/** Dictionary pieces of at most `maxLength` characters (the finer cut of `search` mode). */
export function cutSmall(text: string, maxLength: number): string[] {
  ensureLoaded();
  return engine.cutSmall(text, maxLength);
}

/** Loads the dictionaries now rather than on first use (e.g. to keep the cost out of a timed section). */
export function warmUp(): void {
  ensureLoaded();
}

