/**
 * Each article once, though jobs carry bundles: the queue remembers which job holds each article.
 *
 * One Redis hash per queue, `<prefix>:<queue>:gongwen:articles` (a job id never holds `:`, so no job's key can be
 * this one), maps an article key (id + hash of the text) to the id of the job that carries it. An article is *held*
 * while that job exists in Redis: waiting, running, or finished and not yet read. Job ids derived from the bundle's
 * members could not do this: the same article arrives in different company (a catalogue run, then a CMS save),
 * so only a key per article can say it is already queued.
 *
 * - The producer checks its articles, bundles those not held, and claims them for the new bundle ids (one Lua
 *   script each, atomic), then adds the jobs. A producer that dies between claim and add leaves claims naming jobs
 *   that do not exist: they hold nothing, and the articles can be enqueued again.
 * - The worker claims its bundle's articles again before tagging and skips any held by another live job. Two
 *   producers racing on one article may both add it, but only one job tags it: results stay exactly once.
 * - The result reader, having removed a finished job, deletes the claims that still name it (a claim that names
 *   a job gone is harmless anyway: it only costs memory until then).
 *
 * A second key, `<prefix>:<queue>:gongwen:identity`, tells a reader that waits on the queue whether it vanished
 * (see {@link markQueue}).
 */
import { randomUUID } from "node:crypto";
import type { RedisClient } from "bullmq";

/** A Queue or a Worker: where the keys are and a client to reach them. */
export interface QueueKeys {
  toKey(type: string): string;
  getBackend(): { readonly client: Promise<RedisClient> };
}

/** An article key and the job id that claims it. */
export type Claim = readonly [key: string, jobId: string];

const ARTICLES = "gongwen:articles";
const IDENTITY = "gongwen:identity";

/**
 * KEYS[1] the articles hash; ARGV[1] the job key prefix, ARGV[2] "check" (then keys) or "claim" (then key, job id
 * pairs). Returns 1 per article that is free (claimed, with "claim"), 0 per article held by another live job.
 */
const OWNERS_LUA = `
local owners, prefix, claim = KEYS[1], ARGV[1], ARGV[2] == "claim"
local free = {}
for i = 3, #ARGV, claim and 2 or 1 do
  local mine = claim and ARGV[i + 1] or nil
  local owner = redis.call("HGET", owners, ARGV[i])
  if owner and owner ~= mine and redis.call("EXISTS", prefix .. owner) == 1 then
    free[#free + 1] = 0
  else
    if claim then redis.call("HSET", owners, ARGV[i], mine) end
    free[#free + 1] = 1
  end
end
return free`;

/** KEYS[1] the articles hash; ARGV: key, job id pairs. Deletes each claim that still names that job. */
const RELEASE_LUA = `
for i = 1, #ARGV, 2 do
  if redis.call("HGET", KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call("HDEL", KEYS[1], ARGV[i]) end
end
return 0`;

const defined = new WeakSet<object>();

/** KEYS[1] the queue's identity; ARGV[1] a new identity, set unless one is there. Returns the identity. */
const IDENTITY_LUA = `
redis.call("SET", KEYS[1], ARGV[1], "NX")
return redis.call("GET", KEYS[1])`;

/** The client with gongwen's scripts defined on it (once per client; ioredis reloads them after a restart). */
async function scripts(queue: QueueKeys): Promise<RedisClient> {
  const client = await queue.getBackend().client;
  if (!defined.has(client)) {
    client.defineCommand("gongwenOwners", { numberOfKeys: 1, lua: OWNERS_LUA });
    client.defineCommand("gongwenRelease", { numberOfKeys: 1, lua: RELEASE_LUA });
    client.defineCommand("gongwenIdentity", { numberOfKeys: 1, lua: IDENTITY_LUA });
    defined.add(client);
  }
  return client;
}

/**
 * For each article key, whether no live job holds it.
 *
 * @example
 * await freeArticles(queue, [articleKey(42, text)]); // → [false] while a job holding article 42 (this text) is in Redis
 */
export async function freeArticles(queue: QueueKeys, keys: readonly string[]): Promise<boolean[]> {
  if (keys.length === 0) return [];
  const client = await scripts(queue);
  const free = (await client.runCommand("gongwenOwners", [queue.toKey(ARTICLES), queue.toKey(""), "check", ...keys])) as number[];
  return free.map((flag) => flag === 1);
}

/**
 * Claims each article for its job unless another live job holds it; true where the claim was made.
 *
 * @example
 * await claimArticles(queue, [[articleKey(42, text), "7f3c…"]]); // → [true]: job 7f3c… now holds article 42
 */
export async function claimArticles(queue: QueueKeys, claims: readonly Claim[]): Promise<boolean[]> {
  if (claims.length === 0) return [];
  const client = await scripts(queue);
  const args = [queue.toKey(ARTICLES), queue.toKey(""), "claim", ...claims.flat()];
  const free = (await client.runCommand("gongwenOwners", args)) as number[];
  return free.map((flag) => flag === 1);
}

/**
 * Deletes the claims that still name the given jobs (called once those jobs are removed).
 *
 * @example
 * await queue.remove("7f3c…");
 * await releaseArticles(queue, [[articleKey(42, text), "7f3c…"]]);
 */
export async function releaseArticles(queue: QueueKeys, claims: readonly Claim[]): Promise<void> {
  if (claims.length === 0) return;
  const client = await scripts(queue);
  await client.runCommand("gongwenRelease", [queue.toKey(ARTICLES), ...claims.flat()]);
}

/**
 * The queue's identity, `<prefix>:<queue>:gongwen:identity`: a random id, set by the first reader that waits on the
 * queue. Every key of a queue goes together (a Redis restart without persistence, FLUSHALL, obliterate), so a reader
 * that finds the identity gone or changed knows that the jobs it was waiting for were lost, not finished.
 *
 * @example
 * const identity = await markQueue(queue); // "0b6f…", the same for every reader until the queue's keys vanish
 * (await readQueueIdentity(queue)) === identity; // → false once Redis restarted without persistence
 */
export async function markQueue(queue: QueueKeys): Promise<string> {
  const client = await scripts(queue);
  return (await client.runCommand("gongwenIdentity", [queue.toKey(IDENTITY), randomUUID()])) as string;
}

/** The identity {@link markQueue} set, or null when the queue's keys are gone. */
export async function readQueueIdentity(queue: QueueKeys): Promise<string | null> {
  const client = await queue.getBackend().client;
  return client.get(queue.toKey(IDENTITY));
}
