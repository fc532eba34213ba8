/**
 * Mojibake: the characters a mirror lost when it saved or re-read a page in the wrong encoding. Each class is found by
 * how an encoding breaks, so no Chinese text writes it:
 * - a decoder's replacement character U+FFFD, and `锟斤拷`, two of them encoded in UTF-8 and read back as GBK;
 * - UTF-8 read as Latin-1 or Windows-1252: a Chinese character's three bytes as a lead letter `ä`–`é` and two
 *   continuation signs (`ä¸­æ–‡` for 中文), or each byte as two characters when it happened twice (`Ã¥Â­Â¦` for 学);
 * - a page saved in GBK or Big5 writes `?` for each character the encoding lacks: a headline as a line of `?`
 *   (`????????`), or `?` glued into words (`確??h政協`, where 縣 was). A `?` that stands for a lost blank is not a
 *   lost character: a run before a field's label (`大栗港镇???作者:`), or one at a paragraph's start where its indent was.
 *
 * The runs are left out of the text read. The pollution reader reports them past its count for the kind.
 */
import { isIdeograph } from "../core/chars.js";

/** A run of lost characters; `weight` is how many characters it stands for, at most {@link MAX_WEIGHT}. */
export interface MojibakeRun {
  start: number;
  end: number;
  weight: number;
}

const MAX_WEIGHT = 2;

/**
 * What Windows-1252 and Latin-1 make of the bytes 0x80–0xBF, the continuation bytes of UTF-8 (a byte Windows-1252
 * leaves undefined is decoded as U+FFFD).
 */
const CONTINUATION = "[\\u0080-\\u00bf\\ufffd\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178]";
/**
 * One Chinese character as UTF-8 read as Latin-1: a lead byte 0xE4–0xE9 (the range of the common ideographs) and two
 * continuations, or, read so twice, each of the three bytes as 0xC2/0xC3 and a continuation. Fixed lengths from
 * disjoint classes: the pattern does not backtrack.
 */
const LATIN1_CHARACTER = new RegExp(`[\\u00e4-\\u00e9]${CONTINUATION}{2}|(?:[\\u00c2\\u00c3]${CONTINUATION}){3}`, "g");
/**
 * Two such characters in a row are a broken text (a bilingual page writes é and “ apart, never three of them so);
 * once a text has one, every such character in it is broken, alone between digits too (`2023å¹´`).
 */
const MIN_LATIN1_RUN = 2;
const REPLACEMENT_RUN = /\ufffd+|(?:锟斤拷)+/g;
/** A line of question marks (and blanks) only, at least four: a headline the mirror could not write. */
const QUESTION_LINE = /^[ \t\u3000]*\?(?:[ \t\u3000]*\?){3,}[ \t\u3000]*$/gm;
/** A run of `?` and what is glued to it on the right: a Latin letter standing for a lost character's second byte. */
const QUESTION_RUN = /\?+([a-z](?=[\u4e00-\u9fff]))?/g;
/** A field's label after a run: the run stood for the blank between two fields (`???作者:`, `???发布日期:`). */
const LABEL_AFTER = /^[\u4e00-\u9fff]{1,6}[:：]/;

/** Chinese punctuation a word may follow (`,??h政協`): a lost character there is glued into the next word. */
const CLAUSE_BEFORE = new Set([..."，。、；：,;:“”《》（）()"]);

/** Runs of Chinese characters read as Latin-1, when one of them is {@link MIN_LATIN1_RUN} characters or more. */
function latin1Runs(text: string): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  for (const m of text.matchAll(LATIN1_CHARACTER)) {
    const last = runs.at(-1);
    if (last && last.end === m.index) {
      last.end += m[0].length;
      last.weight++;
    } else runs.push({ start: m.index, end: m.index + m[0].length, weight: 1 });
  }
  if (!runs.some((run) => run.weight >= MIN_LATIN1_RUN)) return [];
  return runs.map((run) => ({ ...run, weight: Math.min(MAX_WEIGHT, run.weight) }));
}

/** The characters every class starts from: a text with none of them has no mojibake (the pollution reader's first scan). */
export const MOJIBAKE_STARTS = ["?", "\ufffd", "锟", "\u00c2", "\u00c3", ..."\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9"];

/** The runs of lost characters in `text`, in order. */
export function findMojibake(text: string): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  for (const m of text.matchAll(REPLACEMENT_RUN)) runs.push({ start: m.index, end: m.index + m[0].length, weight: Math.min(MAX_WEIGHT, m[0].length) });
  for (const run of latin1Runs(text)) runs.push(run);
  if (text.includes("?")) {
    const lines: [number, number][] = [];
    for (const m of text.matchAll(QUESTION_LINE)) {
      const start = m.index + m[0].indexOf("?");
      const end = m.index + m[0].lastIndexOf("?") + 1;
      lines.push([start, end]);
      runs.push({ start, end, weight: MAX_WEIGHT });
    }
    // runs come in order, as the lines do: one pointer over the lines, not a search of them per run
    let line = 0;
    for (const m of text.matchAll(QUESTION_RUN)) {
      const start = m.index;
      const end = start + m[0].length;
      while (line < lines.length && lines[line]![1] <= start) line++;
      if (line < lines.length && start >= lines[line]![0]) continue;
      const questions = m[0].length - (m[1]?.length ?? 0);
      const before = text.charCodeAt(start - 1);
      const glued = m[1] !== undefined || (questions >= 2 && isIdeograph(text.charCodeAt(end)));
      const gluedBefore = isIdeograph(before) || (questions >= 2 && CLAUSE_BEFORE.has(text[start - 1] ?? ""));
      // a single ? between characters is a question mark or a lost blank; a lost character is glued into a word
      if (!glued || !gluedBefore || LABEL_AFTER.test(text.slice(end, end + 8))) continue;
      // a Latin letter between the run and a word is a lost character's second byte: no writer glues one there
      runs.push({ start, end, weight: m[1] === undefined ? 1 : MAX_WEIGHT });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}
