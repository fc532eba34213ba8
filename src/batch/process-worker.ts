/**
 * The child-process side of a process pool (`createPool({ isolation: "process" })`, built to
 * `dist/process-worker.cjs`): reads its config, then batches, over the IPC channel and answers each with its
 * outcomes. It exits when the channel closes (the pool closed, or the parent died), so no worker outlives its pool.
 */
import { batchRunner, type BatchRunner } from "./runner.js";
import type { FromProcess, ToProcess } from "./processes.js";

let runner: BatchRunner | undefined;
process.on("message", (message: ToProcess) => {
  if ("config" in message) {
    runner = batchRunner(message.config);
    runner.warm();
    return;
  }
  const answer: FromProcess = { outcomes: runner!.run(message.batch) };
  process.send!(answer);
});
process.on("disconnect", () => process.exit(0));
// Ctrl-C reaches the whole process group: the pool's owner decides when its workers stop (it closes the channel).
process.on("SIGINT", () => undefined);
