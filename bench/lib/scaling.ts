/** The two-process yardstick of bench/process-scaling.ts and bench/scaling-goals.ts. */
import { runChildAsync } from "./child.js";

/** Throughput of one bench/lib/scaling-child.mjs process running `args` (`arithmetic`, or `tag <corpus>`). */
export const scalingChild = async (...args: string[]): Promise<number> =>
  (JSON.parse(await runChildAsync("bench/lib/scaling-child.mjs", args)) as { perSec: number }).perSec;

/** What two copies of a loop get together over one alone: one child, then two side by side. */
export async function twoVersusOne(child: () => Promise<number>): Promise<number> {
  const alone = await child();
  const together = await Promise.all([child(), child()]);
  return (together[0]! + together[1]!) / alone;
}
