/**
 * A linear pre-scan that cuts the input into runs before jieba sees any of it:
 * - numbers (ASCII or full-width digits, one decimal point, `1,200` thousands groups, trailing %/％/‰),
 *   Latin/alphanumeric words, whitespace runs and lone surrogates become tokens directly, because every jieba
 *   engine splits full-width numbers per character and cannot represent a lone surrogate;
 * - everything else goes to jieba in pieces of bounded length, because jieba's cost grows faster than the
 *   length of one unbroken string.
 */

export type RunKind = "jieba" | "number" | "latin" | "space" | "other";

export interface Run {
  start: number;
  end: number;
  kind: RunKind;
}

/** Longest piece handed to jieba in one call (UTF-16 units). */
export const MAX_PIECE = 200;

const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isLetter = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
const isSpace = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0x2028 || c === 0x2029 ||
  c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x85;
const isDecimalPoint = (c: number) => c === 0x2e || c === 0xff0e;
const isPercent = (c: number) => c === 0x25 || c === 0xff05 || c === 0x2030;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Characters after which a long jieba piece may be cut without splitting a word. */
const isSoftBreak = (c: number) =>
  c === 0x3002 || c === 0xff0c || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f ||
  c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x201d || c === 0xff09 || c === 0x29;

/** Is the code unit at `i` half of a surrogate pair that is not complete? */
function isLoneSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHighSurrogate(c)) return !isLowSurrogate(text.charCodeAt(i + 1));
  if (isLowSurrogate(c)) return !isHighSurrogate(text.charCodeAt(i - 1));
  return false;
}

/** End of the alphanumeric run starting at `i` and whether it held a letter. */
function scanAlnum(text: string, i: number): { end: number; latin: boolean } {
  let j = i;
  let latin = false;
  let decimal = false;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isDigit(c)) {
      j++;
    } else if (isLetter(c)) {
      latin = true;
      j++;
    } else if (isDecimalPoint(c) && !decimal && !latin && isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1))) {
      decimal = true;
      j++;
    } else if (c === 0x2c && !decimal && !latin && isDigit(text.charCodeAt(j - 1)) && isThousandsGroup(text, j + 1)) {
      j += 4;
    } else {
      break;
    }
  }
  if (!latin && isPercent(text.charCodeAt(j))) j++;
  return { end: j, latin };
}

/** Exactly three digits at `i`, not followed by a fourth. */
function isThousandsGroup(text: string, i: number): boolean {
  return (
    isDigit(text.charCodeAt(i)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    !isDigit(text.charCodeAt(i + 3))
  );
}

/** Cuts `text` into runs that cover it exactly, in order. */
export function scan(text: string): Run[] {
  const runs: Run[] = [];
  let pieceStart = -1;
  let lastBreak = -1;
  const flushPiece = (end: number) => {
    if (pieceStart >= 0 && end > pieceStart) runs.push({ start: pieceStart, end, kind: "jieba" });
    pieceStart = -1;
    lastBreak = -1;
  };
  /** Adds the code unit(s) at `i` to the current jieba piece; returns the next index. */
  const extendPiece = (i: number, c: number): number => {
    if (pieceStart < 0) pieceStart = i;
    const next = i + (isHighSurrogate(c) ? 2 : 1);
    if (isSoftBreak(c)) lastBreak = next;
    if (next - pieceStart >= MAX_PIECE) {
      // cut after the last clause punctuation if there is one, else right here (never inside a surrogate pair)
      const cut = lastBreak > pieceStart ? lastBreak : next;
      flushPiece(cut);
      if (cut < next) pieceStart = cut;
    }
    return next;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      // a CJK ideograph, most of the text: none of the cases below, so straight into the piece
      i = extendPiece(i, c);
    } else if (isDigit(c) || isLetter(c)) {
      flushPiece(i);
      const { end, latin } = scanAlnum(text, i);
      runs.push({ start: i, end, kind: latin ? "latin" : "number" });
      i = end;
    } else if (isSpace(c)) {
      flushPiece(i);
      let j = i + 1;
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
      runs.push({ start: i, end: j, kind: "space" });
      i = j;
    } else if (isLoneSurrogate(text, i)) {
      flushPiece(i);
      runs.push({ start: i, end: i + 1, kind: "other" });
      i++;
    } else {
      i = extendPiece(i, c);
    }
  }
  flushPiece(i);
  return runs;
}
