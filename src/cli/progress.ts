/**
 * A one-line progress bar on stderr, drawn only on a terminal and at most ten times a second. Messages go through
 * it, so the bar is cleared first and each message has its own line.
 */
import type { Writable } from "node:stream";

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface Progress {
  /** One record done (or failed), `bytes` of input consumed. */
  tick(bytes: number, failed: boolean): void;
  /** Writes one line (an error, a warning) on the stream, the bar cleared first and drawn again after it. */
  note(line: string): void;
  /** Clears the bar and returns the totals. */
  finish(): { records: number; failed: number; bytes: number; seconds: number };
}

/**
 * A progress bar on `stream` when `enabled`, silent otherwise; `total` bytes gives a percentage.
 *
 * @example
 * const progress = createProgress(process.stderr, process.stderr.isTTY, 33_730_698);
 * progress.tick(1724, false); // [------------------------] 0% 1 docs, 0 failed, 0.0 MB, … docs/s
 */
export function createProgress(stream: Writable, enabled: boolean, total: number | undefined): Progress {
  const started = performance.now();
  let records = 0;
  let failed = 0;
  let bytes = 0;
  let drawn = 0;
  let shown = false;
  const draw = () => {
    shown = true;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(records / seconds) : 0;
    const mb = (bytes / 1e6).toFixed(1);
    const share = total ? Math.min(1, bytes / total) : undefined;
    const bar =
      share === undefined
        ? ""
        : `[${"#".repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, "-")}] ${Math.round(share * 100)}% `;
    stream.write(`\r${bar}${records} docs, ${failed} failed, ${mb} MB, ${rate} docs/s\u001b[K`);
  };
  return {
    tick(size, isFailure) {
      records += 1;
      bytes += size;
      if (isFailure) failed += 1;
      const now = performance.now();
      if (enabled && now - drawn >= REDRAW_MS) {
        drawn = now;
        draw();
      }
    },
    note(line) {
      stream.write(shown ? `\r\u001b[K${line}\n` : `${line}\n`);
      if (shown) draw();
    },
    finish() {
      if (enabled) stream.write("\r\u001b[K");
      return { records, failed, bytes, seconds: (performance.now() - started) / 1000 };
    },
  };
}
