/**
 * V8 tiering for processes that run batches: optimise a function later (once its type feedback has settled) and
 * inline less into each optimised function. A fresh isolate otherwise spends ~35% of its first 2,000 CCTV items'
 * CPU compiling gongwen's hot code with TurboFan, on V8's background threads, and recompiling it after
 * deoptimisations; one worker gets that on an idle core, two compete with it for the cores. Measured on 4,000
 * items through the CLI: CPU per document −15% with one worker and −16% with two; the warm, steady cost per
 * document unchanged. They change no result, only when and how much V8 compiles.
 *
 * V8's flags are process-wide, so they are set only in processes gongwen owns: the CLI (and so its worker threads
 * and `gongwen worker`) and a pool's worker processes, never in the process of a program that imports gongwen.
 */
import { setFlagsFromString } from "node:v8";

/** The flags, as node's command line takes them (a worker process's execArgv). */
export const BATCH_V8_FLAGS: readonly string[] = ["--interrupt-budget=300000", "--max-inlined-bytecode-size-cumulative=300"];

/** Sets {@link BATCH_V8_FLAGS} in this process: before its worker threads start, so that they compile with them. */
export function useBatchTiering(): void {
  for (const flag of BATCH_V8_FLAGS) setFlagsFromString(flag);
}
