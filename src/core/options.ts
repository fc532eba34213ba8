/**
 * The one place where what callers pass is checked: every public function takes its text, Doc and options through
 * these helpers, so bad input always raises the same error with the same code and a readable message.
 */
import { z } from "zod";
import { GongwenError } from "./errors.js";

/** `typeof`, with null and arrays named as such. */
const kindOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * `value` if it is a string, else a `GongwenError` with code `INVALID_INPUT`.
 *
 * @example
 * parseText(42); // throws INVALID_INPUT: expected a string, got number
 */
export function parseText(value: unknown): string {
  if (typeof value !== "string") throw new GongwenError("INVALID_INPUT", `expected a string, got ${kindOf(value)}`);
  return value;
}

/**
 * `value` if it is a Doc (an object with a string `text`), else `INVALID_INPUT`; `what` names the function.
 *
 * @example
 * parseDoc("会议", "meetingBrief()"); // throws INVALID_INPUT: meetingBrief() expects a Doc, got string
 */
export function parseDoc<T extends { text: string }>(value: T, what: string): T {
  parseObject(value, what);
  if (typeof (value as { text?: unknown }).text !== "string") throw new GongwenError("INVALID_INPUT", `${what} expects a Doc, got ${kindOf(value)}`);
  return value;
}

/**
 * `value` (undefined or null meaning `{}`) parsed with `schema`, or a `GongwenError` with code `INVALID_OPTIONS`
 * whose message lists the problems and whose `cause` is the `ZodError`. Options that are no object (42, [], "x")
 * are refused, never read as `{}`.
 *
 * @example
 * parseOptions(SummaryOptionsSchema, { maxChars: -1 }, "summary options"); // throws INVALID_OPTIONS
 */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(optionsObject(value, what));
  if (!result.success) {
    throw new GongwenError("INVALID_OPTIONS", `invalid ${what}: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

/**
 * A command-line flag's value as a positive integer, undefined when the flag is absent; otherwise `fail` builds
 * the caller's error (a usage error for the CLI, a `GongwenError` for the queue) from the message.
 *
 * @example
 * positiveInteger("0", "--concurrency", (m) => new Error(m)); // throws '--concurrency expects a positive integer, got "0"'
 */
export function positiveInteger(value: string | undefined, flag: string, fail: (message: string) => Error): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw fail(`${flag} expects a positive integer, got "${value}"`);
  return number;
}

/**
 * `value` as an options object (`{}` for undefined or null), or `INVALID_OPTIONS` for anything else (42, [], "x").
 *
 * @example
 * optionsObject([], "analyzer options"); // throws INVALID_OPTIONS: invalid analyzer options: expected an object, got array
 */
export function optionsObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new GongwenError("INVALID_OPTIONS", `invalid ${what}: expected an object, got ${kindOf(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * `value` if it is an object or an array (a Doc, part of one, or a list of enumerations), else `INVALID_INPUT`.
 *
 * @example
 * parseObject(true, "outline()"); // throws INVALID_INPUT: outline() expects a Doc, got boolean
 */
export function parseObject<T extends object>(value: T, what: string): T {
  if (typeof value !== "object" || value === null) throw new GongwenError("INVALID_INPUT", `${what} expects a Doc, got ${kindOf(value)}`);
  return value;
}

/**
 * `value` if it is a scope (`article` or `all`; undefined means `article`), else `INVALID_OPTIONS`.
 *
 * @example
 * parseScope("everything"); // throws INVALID_OPTIONS
 */
export function parseScope(value: unknown): "article" | "all" {
  if (value === undefined) return "article";
  if (value !== "article" && value !== "all") {
    throw new GongwenError("INVALID_OPTIONS", `invalid scope: expected "article" or "all", got ${JSON.stringify(value) ?? kindOf(value)}`);
  }
  return value;
}
