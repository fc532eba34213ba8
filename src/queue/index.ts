/**
 * gongwen/queue: tagging a CMS archive with BullMQ on Redis, with any number of worker processes on any number of
 * machines. Kept out of the core entry: `bullmq` (with `ioredis`) is an optional peer dependency, loaded on the
 * first call that needs it.
 *
 * producers ─enqueueDocuments─► Redis (BullMQ) ─► createTaggingWorker × N ─► readResults / readFailures
 *
 * Jobs carry bundles of up to 32 articles, so that BullMQ's and Redis's fixed cost per job is paid once for many
 * short articles; each article is still queued once, tagged once and reported once (see claims.ts).
 */
export {
  createTaggingWorker,
  type TaggingJob,
  type TaggingResult,
  type TaggingWorker,
  type TaggingWorkerEvents,
  type TaggingWorkerOptions,
  type WorkerSettings,
} from "./worker.js";
export { enqueueDocuments, type EnqueueOptions, type EnqueueSummary } from "./enqueue.js";
export { readFailures, readResults, type QueueFailure, type QueueResult, type ReadResultsOptions } from "./results.js";
export {
  BUNDLE_JOB_NAME,
  DEFAULT_BUNDLE_LIMITS,
  DEFAULT_JOB_OPTIONS,
  DEFAULT_QUEUE,
  JOB_NAME,
  PERMANENT_CODES,
  articleKey,
  parseFailureReason,
  textHash,
  type ArticleOutcome,
  type BundleJobData,
  type BundleLimits,
  type JobOptions,
  type TaggingJobData,
} from "./job.js";
export {
  EVENTS_MAX_LENGTH,
  queueOptions,
  type GongwenQueueOptions,
  type OpenQueue,
  type RedisClientInstance,
  type RedisConnection,
  type RedisConnectionOptions,
} from "./bullmq.js";
export {
  QUEUE_COMMANDS,
  QUEUE_HELP,
  parseQueueArgs,
  runEnqueue,
  runQueueCommand,
  runResults,
  runWorker,
  type EnqueueArgs,
  type QueueCliIO,
  type QueueCommand,
  type ResultsArgs,
  type WorkerArgs,
} from "./cli.js";
