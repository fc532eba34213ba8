/**
 * The workers of a process pool: one child process per worker (`child_process.fork` of dist/process-worker.cjs),
 * each with its own V8, heap and nodejieba, fed one batch at a time over its IPC channel from one queue. A child
 * that dies fails only the batch it held; the next batch for its place starts a new one.
 */
import { fork, type ChildProcess } from "node:child_process";
import type { PoolConfig, TaskOutcome } from "./protocol.js";
import { BATCH_V8_FLAGS } from "./tiering.js";
import type { Batch } from "./tasks.js";

/** A worker process's messages from the pool: its config once, then one batch at a time. */
export type ToProcess = { config: PoolConfig } | { batch: Batch };
/** A worker process's answer to a batch. */
export interface FromProcess {
  outcomes: TaskOutcome[];
}

/** A batch waiting for a worker, and where its outcomes go. */
interface Pending {
  batch: Batch;
  done: (outcomes: TaskOutcome[]) => void;
}

/** One worker's place: its process (none after it died, until work comes) and the batch it holds. */
interface Slot {
  child?: ChildProcess;
  holding?: Pending;
}

/** Every record of a batch failed with `WORKER_FAILED`. */
export const failedBatch = (batch: Batch, message: string): TaskOutcome[] =>
  batch.inputs.map(() => ({ ok: false, code: "WORKER_FAILED", message }));

/** The processes of a pool and the one queue that feeds them. */
export interface ProcessWorkers {
  runBatch(batch: Batch): Promise<TaskOutcome[]>;
  close(): Promise<void>;
  readonly processes: readonly ChildProcess[];
}

/**
 * Starts `concurrency` worker processes running `module` under the batch tiering flags and `execArgv` (e.g. tsx's
 * loader from the sources).
 *
 * @example
 * const workers = startProcesses({ analyzer: {} }, 2, { filename: "dist/process-worker.cjs" });
 * await workers.runBatch({ op: "segment", format: "text", inputs: [{ text: "王鹏" }] }); // → [{ ok: true, value: "王鹏" }]
 */
export function startProcesses(config: PoolConfig, concurrency: number, module: { filename: string; execArgv?: string[] }): ProcessWorkers {
  const queue: Pending[] = [];
  const slots: Slot[] = Array.from({ length: concurrency }, () => ({}));
  let idle: (() => void) | undefined;

  function spawn(slot: Slot): ChildProcess {
    const child = fork(module.filename, [], {
      execArgv: [...BATCH_V8_FLAGS, ...(module.execArgv ?? [])],
      // structured clone, as between threads: the same options and outcomes cross either boundary
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const message: ToProcess = { config };
    child.send(message);
    child.on("message", ({ outcomes }: FromProcess) => {
      const held = slot.holding;
      slot.holding = undefined;
      held?.done(outcomes);
      feed(slot);
    });
    // A child that could not start reports `error` and then (usually) `exit`: either ends it, once.
    const lost = (reason: string) => {
      if (slot.child !== child) return;
      slot.child = undefined;
      const held = slot.holding;
      slot.holding = undefined;
      held?.done(failedBatch(held.batch, `worker process ${child.pid ?? "(not started)"} ${reason}`));
      feed(slot);
    };
    child.once("exit", (code, signal) => lost(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    child.on("error", (error) => lost(`failed: ${error.message}`));
    return child;
  }

  /** Gives an idle slot the next batch, starting its process if it has none. */
  function feed(slot: Slot): void {
    if (slot.holding) return;
    const next = queue.shift();
    if (!next) {
      if (slots.every((each) => !each.holding)) idle?.();
      return;
    }
    slot.holding = next;
    slot.child ??= spawn(slot);
    const message: ToProcess = { batch: next.batch };
    try {
      slot.child.send(message);
    } catch (error) {
      // not cloneable (a function, a symbol): this batch fails, the process is fine
      slot.holding = undefined;
      next.done(failedBatch(next.batch, error instanceof Error ? error.message : String(error)));
      feed(slot);
    }
  }

  for (const slot of slots) slot.child = spawn(slot);
  return {
    get processes() {
      return slots.flatMap((slot) => (slot.child ? [slot.child] : []));
    },
    runBatch(batch) {
      return new Promise((done) => {
        queue.push({ batch, done });
        const free = slots.find((slot) => !slot.holding);
        if (free) feed(free);
      });
    },
    async close() {
      if (queue.length > 0 || slots.some((slot) => slot.holding)) await new Promise<void>((resolve) => (idle = resolve));
      const exits = slots.flatMap((slot) => {
        const child = slot.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return [];
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.disconnect();
        return [exited];
      });
      await Promise.all(exits);
    },
  };
}
