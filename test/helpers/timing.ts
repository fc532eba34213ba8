/**
 * Time for the linear-time tests: CPU time from a clean heap, compared between two input sizes in one run, never
 * against a wall clock (the machine is shared: other processes do not inflate CPU time, and no run pays for the
 * garbage of the one before).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** V8's collector, exposed at run time (test workers and benches start without --expose-gc). */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** CPU milliseconds `run` takes (user and system, all threads), starting from a clean heap. */
export function cpuMs(run: () => void): number {
  collectGarbage();
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * CPU time of `run(large)` over `run(small)`, each the best of `rounds` taken in turns so that load hits both
 * alike: about `large.length / small.length` when the cost is linear, its square when quadratic. The small run
 * counts as at least `floorMs`, below which a timer measures noise.
 */
export function growth(
  run: (text: string) => unknown,
  small: string,
  large: string,
  { rounds = 3, floorMs = 0 }: { rounds?: number; floorMs?: number } = {},
): { small: number; large: number; ratio: number } {
  let [bestSmall, bestLarge] = [Infinity, Infinity];
  for (let round = 0; round < rounds; round++) {
    bestSmall = Math.min(bestSmall, cpuMs(() => run(small)));
    bestLarge = Math.min(bestLarge, cpuMs(() => run(large)));
  }
  return { small: bestSmall, large: bestLarge, ratio: bestLarge / Math.max(bestSmall, floorMs) };
}
