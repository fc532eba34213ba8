/**
 * The one place gongwen/queue loads BullMQ. It is loaded lazily, on first use, so that `import "gongwen"` and a
 * CLI bundle that contains this folder never require the optional peer dependency, and a missing install is one
 * clear error with a stable code instead of a crash at startup.
 */
import type * as BullMQ from "bullmq";
import { z } from "zod";
import { GongwenError } from "../core/errors.js";

/** A Redis URL (`redis://user:pass@host:6379/0`, `rediss://` for TLS) or BullMQ's connection options. */
export type RedisConnection = string | BullMQ.ConnectionOptions;

let loading: Promise<typeof BullMQ> | undefined;

/** BullMQ's module, imported once per process. */
export function loadBullmq(): Promise<typeof BullMQ> {
  loading ??= import("bullmq").catch((error: unknown) => {
    loading = undefined;
    throw new GongwenError(
      "DEPENDENCY_MISSING",
      "gongwen/queue needs its optional peer dependencies: npm install bullmq ioredis",
      { cause: error },
    );
  });
  return loading;
}

/** BullMQ takes a URL as `{ url }`; each Queue and Worker opens its own connections from these options. */
export function connectionOptions(connection: RedisConnection): BullMQ.ConnectionOptions {
  return typeof connection === "string" ? { url: connection } : connection;
}

/** A Redis URL with its password masked, for logs. */
export function describeConnection(connection: RedisConnection): string {
  if (typeof connection !== "string") return "redis (options)";
  try {
    const url = new URL(connection);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "redis (unparsable URL)";
  }
}

/**
 * BullMQ keeps a stream of queue events, 10,000 by default, and a job's "completed" event carries its whole return
 * value: with bundles of 32 articles that stream alone would hold some 300 MB of tags. gongwen reads results from
 * the jobs, not from events, so it keeps the last 500 events (Redis trims in blocks of about 100, so a few more).
 */
export const EVENTS_MAX_LENGTH = 500;

/**
 * The options gongwen opens a queue with: the connection, and the event stream kept short. Every Queue opened on a
 * queue name writes its events length into Redis, so a Queue you open yourself on a gongwen queue should use
 * these too.
 *
 * @example
 * const queue = new Queue("gongwen-tags", queueOptions("redis://127.0.0.1:6379"));
 */
export function queueOptions(connection: RedisConnection): BullMQ.QueueOptions {
  return { connection: connectionOptions(connection), streams: { events: { maxLen: EVENTS_MAX_LENGTH } } };
}

/** Opens a queue by name, or uses the caller's; `owned` says whether the caller of this helper must close it. */
export async function openQueue(
  queue: string | BullMQ.Queue,
  connection: RedisConnection | undefined,
): Promise<{ queue: BullMQ.Queue; owned: boolean }> {
  if (typeof queue !== "string") return { queue, owned: false };
  if (connection === undefined) {
    throw new GongwenError("INVALID_OPTIONS", `a connection is needed to open queue "${queue}"`);
  }
  const { Queue } = await loadBullmq();
  return { queue: new Queue(queue, queueOptions(connection)), owned: true };
}

/** Option schemas shared by the queue's functions: a queue name or an open Queue, and a connection. */
export const queueSchema = z.union([
  z.string().min(1).refine((name) => !name.includes(":"), "a queue name cannot contain ':'"),
  z.custom<BullMQ.Queue>(
    (value) => typeof value === "object" && value !== null && typeof (value as BullMQ.Queue).addBulk === "function",
    "a queue name or an open BullMQ Queue",
  ),
]);
export const connectionSchema = z.union([
  z.string().min(1),
  z.custom<BullMQ.ConnectionOptions>((value) => typeof value === "object" && value !== null, "a Redis URL or connection options"),
]);
