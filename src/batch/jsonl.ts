/**
 * One JSON Lines record, `{"id": …, "text": "…"}`, parsed and checked. The CLI hands raw lines to the workers and
 * this runs there, so parsing a record costs the main thread nothing; a bad record becomes a GongwenError saying
 * what is wrong with it, and the CLI reports it with its line number.
 */
import { GongwenError } from "../core/errors.js";

/** A text and the id printed with its result. */
export interface TextRecord {
  id: string | number;
  text: string;
}

/**
 * The message for an input over one of the CLI's size limits.
 *
 * @example
 * overLimit("text of 12 UTF-16 units", 10); // → "text of 12 UTF-16 units is over the limit of 10 (raise it with --max-length)"
 */
export function overLimit(what: string, limit: number): string {
  return `${what} is over the limit of ${limit} (raise it with --max-length)`;
}

/**
 * Parses the JSON Lines record on line `number`; its id defaults to that line number.
 *
 * @example
 * parseRecordLine('{"id":"a1","text":"学院召开会议。"}', 1, 1000); // → { id: "a1", text: "学院召开会议。" }
 * parseRecordLine('{"text":"学院召开会议。"}', 7, 1000); // → { id: 7, text: "学院召开会议。" }
 */
export function parseRecordLine(line: string, number: number, maxLength: number): TextRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new GongwenError("INVALID_INPUT", `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GongwenError("INVALID_INPUT", "not a JSON object");
  }
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof text !== "string") throw new GongwenError("INVALID_INPUT", `no "text" string`);
  if (text.length > maxLength) {
    throw new GongwenError("INPUT_TOO_LARGE", overLimit(`text of ${text.length} UTF-16 units`, maxLength));
  }
  return { id: typeof id === "string" || typeof id === "number" ? id : number, text };
}
