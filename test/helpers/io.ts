/** In-memory streams for running the CLI (`runCli`, the queue commands) inside a test and reading what it wrote. */
import { PassThrough } from "node:stream";

/** A writable stream that keeps everything written to it. */
export function collector(): { stream: PassThrough; text(): string } {
  let text = "";
  const stream = new PassThrough().on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { stream, text: () => text };
}

/**
 * stdin, stdout and stderr for a CLI run, the output collected. `stderrIsTTY` makes stderr claim to be a terminal
 * (the progress bar draws only there); `stdinIsTTY` makes stdin one, which the CLI does not read, so file arguments
 * are the only input.
 */
export function captureIO(options: { stderrIsTTY?: boolean; stdinIsTTY?: boolean } = {}) {
  const stdout = collector();
  const stderr = collector();
  const stdin = Object.assign(new PassThrough(), options.stdinIsTTY ? { isTTY: true } : {});
  return {
    stdin,
    stdout: stdout.stream,
    stderr: Object.assign(stderr.stream, options.stderrIsTTY === undefined ? {} : { isTTY: options.stderrIsTTY }),
    out: stdout.text,
    err: stderr.text,
  };
}
