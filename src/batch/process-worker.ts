/**
 * The child-process side of a process pool (`createPool({ isolation: "process" })`, built to
 * `dist/process-worker.js`): reads its config, then batches, over the IPC channel and answers each with its
 * outcomes. It exits when the channel closes (the pool closed, or the parent died), so no worker outlives its pool.
 */
import { batchRunner } from "./runner.js";
import type { FromProcess, ToProcess } from "./processes.js";
import type { TaskOutcome } from "./protocol.js";
import type { Batch } from "./tasks.js";

let work: ((batch: Batch) => TaskOutcome[]) | undefined;
process.on("message", (message: ToProcess) => {
  if ("config" in message) {
    work = batchRunner(message.config);
    return;
  }
  const answer: FromProcess = { outcomes: work!(message.batch) };
  process.send!(answer);
});
process.on("disconnect", () => process.exit(0));
// Ctrl-C reaches the whole process group: the pool's owner decides when its workers stop (it closes the channel).
process.on("SIGINT", () => undefined);
