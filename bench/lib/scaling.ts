/** The two-process yardstick of bench/process-scaling.ts and bench/scaling-goals.ts, and a warm pool's speed-up. */
import { runChildAsync } from "./child.js";

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
