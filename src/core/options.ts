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
