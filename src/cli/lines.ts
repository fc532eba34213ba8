/**
 * Splits a byte stream into lines with a hard cap on line length: a line longer than `maxBytes` is counted and
 * skipped without being held in memory, so one enormous record cannot exhaust the process.
 */

/** One line of input: its text, or `overflow` when it was longer than the cap (its text is then dropped). */
export interface Line {
  /** 1-based line number. */
  number: number;
  text: string;
  overflow: boolean;
  /** Bytes consumed, newline included (for progress). */
  bytes: number;
}

const NEWLINE = 0x0a;

/**
 * Lines of a UTF-8 stream (`\n` or `\r\n`), in order, grouped by the chunk that completed them: a caller gets
 * every line already read in one step (hundreds from a file, one from a terminal typing them), so it can batch
 * what is there without waiting for more.
 *
 * @example
 * for await (const lines of readLineGroups(createReadStream("items.jsonl"), 64 << 20)) console.log(lines.length);
 */
export async function* readLineGroups(
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let number = 0;
  const finish = (): Line => {
    number += 1;
    let text = "";
    if (!overflow) {
      text = (parts.length === 1 ? parts[0]! : Buffer.concat(parts)).toString("utf8");
      if (text.endsWith("\r")) text = text.slice(0, -1);
    }
    const line = { number, text, overflow, bytes: size };
    parts = [];
    size = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    const lines: Line[] = [];
    let from = 0;
    while (from < buffer.length) {
      const newline = buffer.indexOf(NEWLINE, from);
      const to = newline === -1 ? buffer.length : newline;
      size += to - from + (newline === -1 ? 0 : 1);
      if (!overflow && size > maxBytes) {
        overflow = true;
        parts = [];
      }
      if (!overflow) parts.push(buffer.subarray(from, to));
      from = to + 1;
      if (newline !== -1) lines.push(finish());
    }
    if (lines.length > 0) yield lines;
  }
  if (size > 0) yield [finish()];
}
