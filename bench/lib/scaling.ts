/** The two-process yardstick of bench/process-scaling.ts and bench/scaling-goals.ts, and a warm pool's speed-up. */
import { execFile } from "node:child_process";
import { BATCH_V8_FLAGS } from "../../src/batch/tiering.js";
import { runChildAsync } from "./child.js";
import { projectRoot } from "./data.js";

/** One bench/lib/scaling-child.mjs process running `args` (`arithmetic`, `tag <corpus>`, `pool <corpus> …`). */
const scalingRun = async (...args: string[]) =>
  JSON.parse(await runChildAsync("bench/lib/scaling-child.mjs", args)) as { perSec: number; cpuMsPerDoc?: number };

/** Throughput of one bench/lib/scaling-child.mjs process running `args`. */
export const scalingChild = async (...args: string[]): Promise<number> => (await scalingRun(...args)).perSec;

/** What two copies of a loop get together over one alone: one child, then two side by side. */
export async function twoVersusOne(child: () => Promise<number>): Promise<number> {
  const alone = await child();
  const together = await Promise.all([child(), child()]);
  return (together[0]! + together[1]!) / alone;
}

/** A warm pool of 2 workers against one of 1 (`tag()` on `corpus`): the speed-up and CPU ms per document of each. */
export async function warmPool(corpus: string, isolation: string): Promise<{ speedUp: number; cpuOne: number; cpuTwo: number }> {
  const one = await scalingRun("pool", corpus, isolation, "1");
  const two = await scalingRun("pool", corpus, isolation, "2");
  return { speedUp: two.perSec / one.perSec, cpuOne: one.cpuMsPerDoc!, cpuTwo: two.cpuMsPerDoc! };
}

/** One bench/lib/scaling-child.mjs `cold` process under the CLI's V8 flags: its seconds from import to the last item. */
const coldRun = (corpus: string, from: number, count: number) =>
  new Promise<number>((done, fail) => {
    const args = [...BATCH_V8_FLAGS, "bench/lib/scaling-child.mjs", "cold", corpus, String(from), String(count)];
    execFile(process.execPath, args, { cwd: projectRoot, encoding: "utf8" }, (error, stdout) =>
      error ? fail(error) : done((JSON.parse(stdout) as { seconds: number }).seconds),
    );
  });

/**
 * The cold yardstick: the first `count` items tagged by one fresh bare process, against the same items halved
 * between two fresh processes side by side (its time is the slower one's). Both pay what a batch pays (the
 * import, nodejieba's dictionaries, the stages' resources, V8's warm-up) and nothing of a pool or the CLI.
 */
export async function coldTwoVersusOne(corpus: string, count: number): Promise<number> {
  const alone = await coldRun(corpus, 0, count);
  const half = Math.ceil(count / 2);
  const together = await Promise.all([coldRun(corpus, 0, half), coldRun(corpus, half, count - half)]);
  return alone / Math.max(...together);
}
