/**
 * Bytes to text: what a file's bytes say when read in the encoding they were written in. A byte-order mark decides;
 * else valid UTF-8 is UTF-8; else NUL bytes at every other position are UTF-16 without a mark; else chardet ranks
 * the legacy encodings by their byte statistics, and between GB18030 and Big5 the reading with fewer undecodable
 * bytes wins (chardet alone mistakes a short Big5 text for GB18030). Bytes that are no text throw `NOT_TEXT`.
 */
import { z } from "zod";
import { GongwenError } from "../core/errors.js";
import { lazyModule } from "../core/lazy.js";
import { parseOptions } from "../core/options.js";

/** chardet and iconv-lite, loaded by the first decode(): analysing a string never pays for them. */
const chardet = lazyModule<typeof import("chardet")>("chardet");
const iconv = lazyModule<typeof import("iconv-lite")>("iconv-lite");

/** Options of {@link decode}. */
export interface DecodeOptions {
  /** Read the bytes in this encoding (any name iconv-lite knows: `gbk`, `big5`, `utf-16le`…), without detection. */
  encoding?: string;
}

/** What {@link decode} read: the text, the encoding it was read in, and how sure the detection was (0–1). */
export interface Decoded {
  text: string;
  /** Lower-case name: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`, or another chardet reports. */
  encoding: string;
  /** 1 for a byte-order mark, valid UTF-8 or a given encoding; chardet's confidence otherwise. */
  confidence: number;
}

const DecodeOptionsSchema: z.ZodType<DecodeOptions> = z.object({ encoding: z.string().min(1).optional() }).strict();

/** chardet's names of the Chinese encodings, as the superset iconv-lite decodes them in. */
const CHINESE: Record<string, string> = { gb18030: "gb18030", gbk: "gb18030", gb2312: "gb18030", big5: "big5" };
/** Bytes chardet reads, from the start: enough for its statistics, bounded for a large file. */
const SAMPLE_BYTES = 64 * 1024;
/** Control characters a text does not hold (tab, line feed, form feed and carriage return aside). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/g;
/** A text with more of them than this share is bytes of something else. */
const MAX_CONTROL_SHARE = 0.01;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function notText(why: string): GongwenError {
  return new GongwenError("NOT_TEXT", `the bytes are not text: ${why}`);
}

/** The bytes as UTF-8, or undefined when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a mark: most of its NULs (the high byte of ASCII) on one side of each pair. */
function utf16ByNuls(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const pairs = bytes.length / 2;
  if (odd > 0 && odd >= pairs * 0.2 && even <= odd * 0.05) return "utf-16le";
  if (even > 0 && even >= pairs * 0.2 && odd <= even * 0.05) return "utf-16be";
  return undefined;
}

const undecodable = (text: string) => text.split("\uFFFD").length - 1;

/** Throws NOT_TEXT when `text` holds NULs or more control characters than a text does. */
function checkText(text: string, encoding: string): void {
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > text.length * MAX_CONTROL_SHARE) {
    throw notText(`read as ${encoding}, ${controls} of ${text.length} characters are control characters`);
  }
}

function decodeAs(bytes: Uint8Array, encoding: string, confidence: number): Decoded {
  const text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  checkText(text, encoding);
  return { text, encoding, confidence };
}

/** The encoding the bytes are in, by their statistics (no mark, not UTF-8). */
function detect(bytes: Uint8Array): { encoding: string; confidence: number } {
  const matches = chardet().analyse(bytes.subarray(0, SAMPLE_BYTES)).filter((m) => iconv().encodingExists(m.name));
  const chinese = matches.find((m) => CHINESE[m.name.toLowerCase()]);
  const best = chinese ?? matches[0];
  if (!best) throw notText("no encoding reads them");
  const encoding = CHINESE[best.name.toLowerCase()] ?? best.name.toLowerCase();
  const confidence = best.confidence / 100;
  if (encoding !== "gb18030" && encoding !== "big5") return { encoding, confidence };
  const other = encoding === "gb18030" ? "big5" : "gb18030";
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SAMPLE_BYTES));
  const better = undecodable(iconv().decode(sample, other)) < undecodable(iconv().decode(sample, encoding));
  return better ? { encoding: other, confidence: confidence / 2 } : { encoding, confidence };
}

/**
 * Reads bytes as text in the encoding they were written in: a byte-order mark (UTF-8, UTF-16LE/BE, GB18030), valid
 * UTF-8, UTF-16 without a mark, or a legacy encoding detected from the bytes (GB18030 and its subsets GBK/GB2312,
 * Big5, and whatever else chardet recognises); `options.encoding` skips the detection. The mark is not part of the
 * text.
 *
 * @throws GongwenError `NOT_TEXT` for bytes of something else (NUL bytes, control characters: an image, a PDF, a
 * zip), `INVALID_INPUT` when `bytes` is not a Uint8Array (a Buffer is one), `INVALID_OPTIONS` for an unknown encoding.
 * @example
 * import { readFileSync } from "node:fs";
 * const { text, encoding } = decode(readFileSync("notice-gbk.txt")); // encoding → "gb18030"
 * analyze(text);
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (!(bytes instanceof Uint8Array)) throw new GongwenError("INVALID_INPUT", "decode() takes a Uint8Array (or a Buffer)");
  const { encoding } = parseOptions(DecodeOptionsSchema, options, "decode options");
  if (encoding !== undefined) {
    if (!iconv().encodingExists(encoding)) throw new GongwenError("INVALID_OPTIONS", `invalid decode options: unknown encoding "${encoding}"`);
    return decodeAs(bytes, encoding.toLowerCase(), 1);
  }
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeAs(bytes, "utf-8", 1);
  if (b0 === 0xff && b1 === 0xfe) return decodeAs(bytes, "utf-16le", 1);
  if (b0 === 0xfe && b1 === 0xff) return decodeAs(bytes, "utf-16be", 1);
  if (b0 === 0x84 && b1 === 0x31 && b2 === 0x95 && b3 === 0x33) return decodeAs(bytes, "gb18030", 1);
  const utf16 = utf16ByNuls(bytes);
  if (utf16) return decodeAs(bytes, utf16, 0.9);
  if (bytes.includes(0)) throw notText("they hold NUL bytes");
  const text = strictUtf8(bytes);
  if (text !== undefined) {
    checkText(text, "utf-8");
    return { text, encoding: "utf-8", confidence: 1 };
  }
  const detected = detect(bytes);
  return decodeAs(bytes, detected.encoding, detected.confidence);
}
