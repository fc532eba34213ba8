/**
 * The one place where options from callers are validated: every public function parses its options here, so
 * bad options always raise the same error with the same code and a readable message.
 */
import { z } from "zod";
import { GongwenError } from "./errors.js";

/**
 * `value` (undefined meaning `{}`) parsed with `schema`, or a `GongwenError` with code `INVALID_OPTIONS` whose
 * message lists the problems and whose `cause` is the `ZodError`.
 *
 * @example
 * parseOptions(SummaryOptionsSchema, { maxChars: -1 }, "summary options"); // throws INVALID_OPTIONS
 */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value ?? {});
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
