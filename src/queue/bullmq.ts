/**
 * The one place gongwen/queue loads BullMQ. It is loaded lazily, on first use, so that `import "gongwen"` and a
 * CLI bundle that contains this folder never require the optional peer dependency, and a missing install is one
 * clear error with a stable code instead of a crash at startup.
 */
import type * as BullMQ from "bullmq";
import { GongwenError } from "../errors.js";

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
  return { queue: new Queue(queue, { connection: connectionOptions(connection) }), owned: true };
}
