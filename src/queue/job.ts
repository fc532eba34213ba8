/**
 * What a tagging job carries, how its id is made, and how a failure is written down: the contract between
 * producers (`enqueueDocuments`, or any BullMQ producer in any language), workers and result readers.
 */
import { createHash } from "node:crypto";
import type { JobsOptions } from "bullmq";
import { GongwenError, type ErrorCode } from "../errors.js";

/** BullMQ's job name for tagging jobs. */
export const JOB_NAME = "tag";

/** Default queue name of the CLI and the compose file. */
export const DEFAULT_QUEUE = "gongwen-tags";

/** An article to tag: the CMS's id and the text; any fields of its own ride along, kept with the job. */
export interface TaggingJobData {
  id: string | number;
  text: string;
}

/**
 * Every job is tried at most 3 times, 2 s then 4 s apart (plus jitter), when it fails for a reason that another
 * attempt could cure; bad input fails at the first attempt (see {@link PERMANENT_CODES}).
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000, jitter: 0.5 },
};

/**
 * Codes that depend only on the job's text, so retrying (here or on another machine) cannot help. Anything else
 * (a missing dictionary on one machine, an unexpected exception) is retried.
 */
export const PERMANENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["INVALID_INPUT", "INPUT_TOO_LARGE", "ALIGNMENT"]);

/** Hex digits of the text's SHA-256 kept in a job id: 64 bits, ample to notice that an article changed. */
const HASH_LENGTH = 16;

/** SHA-256 of the text (of its JSON when it is not a string, so that a bad job still gets a stable id). */
export function textHash(text: unknown): string {
  const content = typeof text === "string" ? text : (JSON.stringify(text) ?? "");
  return createHash("sha256").update(content).digest("hex").slice(0, HASH_LENGTH);
}

/** True when `id` can name an article: a non-empty string or a finite number. */
export function isArticleId(id: unknown): id is string | number {
  return (typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id));
}

/** Throws unless `id` can name an article. */
export function checkArticleId(id: unknown, where: string): asserts id is string | number {
  if (!isArticleId(id)) throw new GongwenError("INVALID_INPUT", `${where}: "id" must be a non-empty string or a number`);
}

/**
 * The job id of an article: its id (URI-encoded, since BullMQ reserves `:`) and a hash of its text. Enqueuing the
 * same article twice adds nothing while its job is in the queue; a changed text gets a new job.
 *
 * @example
 * jobIdFor("news:42", "国务院常务会议……"); // → "news%3A42.3b1f0c…" (16 hex digits after the dot)
 */
export function jobIdFor(id: string | number, text: unknown): string {
  return `${encodeURIComponent(String(id))}.${textHash(text)}`;
}

/** The article id a job id was made from (as a string), for jobs whose data cannot be read. */
export function articleIdOf(jobId: string): string {
  const dot = jobId.lastIndexOf(".");
  const encoded = dot === -1 ? jobId : jobId.slice(0, dot);
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** A failure as BullMQ stores it (`failedReason`): the GongwenError code first, so readers can branch on it. */
export function failureReason(code: string, message: string): string {
  return `${code}: ${message}`;
}

/** Splits a `failedReason` back into its code (when it has one) and message. */
export function parseFailureReason(reason: string): { code?: string; message: string } {
  const match = /^([A-Z][A-Z_]*): /.exec(reason);
  return match ? { code: match[1]!, message: reason.slice(match[0].length) } : { message: reason };
}
