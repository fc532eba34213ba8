/**
 * The one place gongwen/queue loads BullMQ and opens its connections.
 *
 * BullMQ (and ioredis, which BullMQ requires on its first connection) are loaded lazily, on first use, so that
 * `import "gongwen"` and a CLI bundle that contains this folder never require the optional peers, and a missing
 * install is one clear error with a stable code instead of a crash at startup or a worker that spins.
 *
 * The types users pass and receive are declared here, not taken from BullMQ, so that gongwen/queue's typings
 * compile where BullMQ is not installed; BullMQ's own objects fit them.
 */
import type * as BullMQ from "bullmq";
import { z } from "zod";
import { GongwenError } from "../core/errors.js";

/** Connection options, handed to ioredis as they are: host, port, username, password, db, tls… (its `RedisOptions`). */
export interface RedisConnectionOptions {
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
  [option: string]: unknown;
}

/** A Redis client you created and keep open (an ioredis `Redis` or `Cluster`); BullMQ duplicates it as it needs. */
export interface RedisClientInstance {
  /** A new connection with the same options (what BullMQ opens for a worker's blocking reads). */
  duplicate(...args: never[]): unknown;
}

/** A Redis URL (`redis://user:pass@host:6379/0`, `rediss://` for TLS), connection options or an open client. */
export type RedisConnection = string | RedisConnectionOptions | RedisClientInstance;

/** An open BullMQ `Queue`, which gongwen uses and leaves open (any `Queue` from bullmq fits). */
export interface OpenQueue {
  /** The queue's name. */
  readonly name: string;
  /** Adds jobs in one round trip. */
  addBulk(jobs: never[]): Promise<unknown>;
  /** A job by id. */
  getJob(jobId: string): Promise<unknown>;
  /** Closes the queue's connections. */
  close(): Promise<void>;
}

/** What {@link queueOptions} returns: BullMQ `QueueOptions` (pass them to `new Queue(name, …)`). */
export interface GongwenQueueOptions {
  connection: RedisConnectionOptions | RedisClientInstance;
  streams: { events: { maxLen: number } };
}

/** The peers BullMQ needs, each with the import that proves it is installed. */
const PEERS = { bullmq: () => import("bullmq"), ioredis: () => import("ioredis") } as const;

let loading: Promise<typeof BullMQ> | undefined;

/**
 * BullMQ's module, imported once per process, once ioredis is known to be there too: BullMQ loads ioredis only when
 * it first connects, and without it fails in ways that crash or spin the process.
 */
export function loadBullmq(): Promise<typeof BullMQ> {
  loading ??= Promise.allSettled([PEERS.bullmq(), PEERS.ioredis()]).then(([bullmq, ioredis]) => {
    const failed = Object.keys(PEERS).filter((_, index) => [bullmq, ioredis][index]!.status === "rejected");
    if (bullmq.status === "fulfilled" && failed.length === 0) return bullmq.value;
    loading = undefined;
    const reasons = [bullmq, ioredis].flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    throw new GongwenError(
      "DEPENDENCY_MISSING",
      `gongwen/queue needs ${failed.join(" and ")}, optional peer dependenc${failed.length > 1 ? "ies" : "y"} not installed here: npm install ${failed.join(" ")}`,
      { cause: reasons.length > 1 ? new AggregateError(reasons) : reasons[0] },
    );
  });
  return loading;
}

/** How long enqueue, results and a starting worker keep trying to reach Redis before REDIS_UNAVAILABLE. */
const CONNECT_BUDGET_MS = 5_000;
/** One connection attempt at most this long (ioredis's default, 10 s, would pass the budget alone). */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * An ioredis retry strategy that gives up once Redis has been unreachable for {@link CONNECT_BUDGET_MS}: ioredis
 * then ends the connection and every command waiting on it fails, instead of waiting forever. Each outage gets the
 * whole budget (a Redis restart is ridden out).
 */
function boundedRetry(): (times: number) => number | null {
  let since = 0;
  return (times) => {
    if (times === 1) since = Date.now();
    return Date.now() - since >= CONNECT_BUDGET_MS ? null : Math.min(100 * 2 ** (times - 1), 1_000);
  };
}

/**
 * BullMQ's connection options: a URL as `{ url }`. `bounded` (producers, readers, a worker's first connection) gives
 * up on an unreachable Redis after a few seconds; otherwise BullMQ retries for ever (a running worker outlives a
 * Redis outage). Options set by the caller win; a client instance is used as it is.
 */
export function connectionOptions(connection: RedisConnection, retry: "bounded" | "forever"): BullMQ.ConnectionOptions {
  const options = typeof connection === "string" ? { url: connection } : connection;
  if ("duplicate" in options || retry === "forever") return options as BullMQ.ConnectionOptions;
  return { connectTimeout: CONNECT_TIMEOUT_MS, retryStrategy: boundedRetry(), ...options } as BullMQ.ConnectionOptions;
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
export function queueOptions(connection: RedisConnection): GongwenQueueOptions {
  return {
    connection: typeof connection === "string" ? { url: connection } : connection,
    streams: { events: { maxLen: EVENTS_MAX_LENGTH } },
  };
}

/**
 * Opens a queue by name and waits until Redis answers (REDIS_UNAVAILABLE when it does not within a few seconds),
 * or uses the caller's; `owned` says whether the caller of this helper must close it. `failure` turns an error of
 * the queue's work into REDIS_UNAVAILABLE when Redis was lost meanwhile.
 */
export async function openQueue(
  queue: string | OpenQueue,
  connection: RedisConnection | undefined,
): Promise<{ queue: BullMQ.Queue; owned: boolean; failure(error: unknown): unknown }> {
  if (typeof queue !== "string") return { queue: queue as unknown as BullMQ.Queue, owned: false, failure: (error) => error };
  if (connection === undefined) {
    throw new GongwenError("INVALID_OPTIONS", `a connection is needed to open queue "${queue}"`);
  }
  const { Queue } = await loadBullmq();
  const opened = new Queue(queue, { ...queueOptions(connection), connection: connectionOptions(connection, "bounded") });
  // Without a listener BullMQ prints every reconnect error's stack; the last one is the reason given.
  let lastError: Error | undefined;
  opened.on("error", (error) => (lastError = error));
  const unavailable = (cause: unknown) =>
    new GongwenError(
      "REDIS_UNAVAILABLE",
      `cannot reach Redis at ${describeConnection(connection)}: ${(lastError ?? (cause as Error)).message} (gave up after ${CONNECT_BUDGET_MS / 1000} s)`,
      { cause },
    );
  let client: BullMQ.RedisClient;
  try {
    client = await opened.getBackend().client;
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw unavailable(error);
  }
  return {
    queue: opened,
    owned: true,
    // "end": ioredis gave up reconnecting, so whatever failed, failed for want of Redis.
    failure: (error) => (error instanceof GongwenError || client.status !== "end" ? error : unavailable(error)),
  };
}

/**
 * Throws REDIS_UNAVAILABLE unless Redis answers within a few seconds (what a worker checks before it loads its
 * dictionaries and starts taking jobs).
 */
export async function checkRedis(queue: string, connection: RedisConnection): Promise<void> {
  const { queue: opened } = await openQueue(queue, connection);
  await opened.close();
}

/** Option schemas shared by the queue's functions: a queue name or an open Queue, and a connection. */
export const queueSchema = z.union([
  z.string().min(1).refine((name) => !name.includes(":"), "a queue name cannot contain ':'"),
  z.custom<OpenQueue>(
    (value) => typeof value === "object" && value !== null && typeof (value as OpenQueue).addBulk === "function",
    "a queue name or an open BullMQ Queue",
  ),
]);
export const connectionSchema = z.union([
  z.string().min(1),
  z.custom<RedisConnectionOptions | RedisClientInstance>(
    (value) => typeof value === "object" && value !== null,
    "a Redis URL, connection options or a client",
  ),
]);
