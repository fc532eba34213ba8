/**
 * What a tagging job carries, how articles are keyed and bundled, and how a failure is written down: the contract
 * between producers (`enqueueDocuments`, or any BullMQ producer in any language), workers and result readers.
 */
import { createHash } from "node:crypto";
import { GongwenError, type ErrorCode } from "../core/errors.js";
import type { Doc } from "../core/schema.js";
import type { Tags } from "../tag/schema.js";

/** BullMQ's job name for a job of one article (`{ id, text }`), as other producers may still add. */
export const JOB_NAME = "tag";

/** BullMQ's job name for a bundle of articles (`{ articles: [{ id, text }, …] }`), what `enqueueDocuments` adds. */
export const BUNDLE_JOB_NAME = "tag-bundle";

/** Default queue name of the CLI and the compose file. */
export const DEFAULT_QUEUE = "gongwen-tags";

/** An article to tag: the CMS's id and the text; any fields of its own ride along, kept with the job. */
export interface TaggingJobData {
  id: string | number;
  text: string;
}

/** A bundle job's data: several articles tagged by one job, each with its own result. */
export interface BundleJobData<T extends TaggingJobData = TaggingJobData> {
  articles: T[];
}

/**
 * One article's outcome, as a bundle job returns it (an array of these) and as the result readers yield it: the
 * tags (or the whole `Doc` with `output: "doc"`), or the error that stopped this article alone. `textHash` names
 * the text that was tagged, so that a CMS can tell the result of an older version of an article from the latest.
 */
export type ArticleOutcome =
  | { id: string | number; textHash: string; tags: Tags }
  | { id: string | number; textHash: string; doc: Doc }
  | { id: string | number; textHash: string; error: { code: ErrorCode; message: string } };

/** BullMQ job options (its `JobsOptions`, passed through): attempts, backoff, priority, delay, removeOnFail… */
export interface JobOptions {
  attempts?: number;
  backoff?: number | { type: string; delay?: number; jitter?: number };
  priority?: number;
  delay?: number;
  [option: string]: unknown;
}

/**
 * Every job is tried at most 3 times, 2 s then 4 s apart (plus jitter), when it fails for a reason that another
 * attempt could cure; bad input fails at the first attempt (see {@link PERMANENT_CODES}).
 */
export const DEFAULT_JOB_OPTIONS: Readonly<JobOptions> = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000, jitter: 0.5 },
};

/**
 * Codes that depend only on the article's text, so retrying (here or on another machine) cannot help. Anything else
 * (a missing dictionary on one machine, a tagging thread that died) is retried.
 */
export const PERMANENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["INVALID_INPUT", "INPUT_TOO_LARGE", "ALIGNMENT"]);

/** Hex digits of the text's SHA-256 kept in an article key: 64 bits, ample to notice that an article changed. */
const HASH_LENGTH = 16;

/** The text as hashed and measured: itself, or its JSON when it is not a string (a bad article still has a key). */
function contentOf(text: unknown): string {
  return typeof text === "string" ? text : (JSON.stringify(text) ?? "");
}

/** SHA-256 of the text (of its JSON when it is not a string), 16 hex digits. */
export function textHash(text: unknown): string {
  return createHash("sha256").update(contentOf(text)).digest("hex").slice(0, HASH_LENGTH);
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
 * The key of one version of an article: its id (URI-encoded, so that it never holds BullMQ's `:` separator) and a
 * hash of its text. Two enqueues of the same article have the same key; a changed text has a new one. The queue
 * remembers which job holds each key (see claims.ts), and a job of one article may use it as its job id.
 *
 * @example
 * articleKey("news:42", "国务院常务会议……"); // → "news%3A42.c7b425fc…" (16 hex digits after the dot)
 */
export function articleKey(id: string | number, text: unknown): string {
  return keyOf(id, textHash(text));
}

/**
 * The article key from an id and a text hash already computed.
 *
 * @example
 * keyOf("news:42", textHash(text)) === articleKey("news:42", text); // → true
 */
export function keyOf(id: string | number, hash: string): string {
  return `${encodeURIComponent(String(id))}.${hash}`;
}

/** The article id an article key (or a job id made from one) was made from, as a string. */
export function articleIdOf(key: string): string {
  const dot = key.lastIndexOf(".");
  const encoded = dot === -1 ? key : key.slice(0, dot);
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** How big a bundle may grow: articles are added in order until either limit would be passed. */
export interface BundleLimits {
  /** Most articles in one job (default 32). */
  articles: number;
  /** Most UTF-16 units of text in one job (default 65,536); a longer article travels alone. */
  chars: number;
}

/**
 * 32 articles or 64K characters: a bundle of short news items pays BullMQ's and Redis's fixed cost per job (about
 * 1.3 ms of CPU) once for 32 articles, and a worker that dies costs at most a few hundred milliseconds of work.
 */
export const DEFAULT_BUNDLE_LIMITS: Readonly<BundleLimits> = { articles: 32, chars: 65_536 };

/**
 * Splits articles, in order, into bundles within `limits`; an article longer than `limits.chars` is a bundle of its
 * own, so that a poison text (50 MB) shares its job with nothing.
 *
 * @example
 * bundleArticles([{ id: 1, text: "甲".repeat(40) }, { id: 2, text: "乙".repeat(40) }], (a) => a.text.length, { articles: 32, chars: 64 });
 * // → [[article 1], [article 2]]
 */
export function bundleArticles<T>(articles: readonly T[], length: (article: T) => number, limits: BundleLimits): T[][] {
  const bundles: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const article of articles) {
    const size = length(article);
    if (current.length > 0 && (current.length >= limits.articles || chars + size > limits.chars)) {
      bundles.push(current);
      current = [];
      chars = 0;
    }
    current.push(article);
    chars += size;
  }
  if (current.length > 0) bundles.push(current);
  return bundles;
}

/**
 * The length a text counts for in a bundle (a text that is not a string counts as its JSON).
 *
 * @example
 * textLength("国务院"); // → 3
 */
export function textLength(text: unknown): number {
  return typeof text === "string" ? text.length : contentOf(text).length;
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
