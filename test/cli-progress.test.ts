/**
 * The progress bar: drawn on stderr only when stderr is a terminal, never with --quiet, never on stdout.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress } from "../src/cli/progress.js";
import { runCli, type CliStreams } from "../src/cli/run.js";
import { seedText } from "./helpers/doc.js";

/** Streams that collect what is written; `tty` says whether stderr claims to be a terminal. */
function streams(tty: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough().on("data", (chunk: Buffer) => out.push(chunk.toString()));
  const stderr = Object.assign(new PassThrough().on("data", (chunk: Buffer) => err.push(chunk.toString())), { isTTY: tty });
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end();
  const io: CliStreams = { stdin, stdout, stderr };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

describe("createProgress", () => {
  it("draws a bar with the share of bytes read, then clears the line", () => {
    const written: string[] = [];
    const stream = new PassThrough().on("data", (chunk: Buffer) => written.push(chunk.toString()));
    const progress = createProgress(stream, true, 4000);
    progress.tick(1000, false);
    progress.tick(1000, true);
    expect(progress.finish()).toMatchObject({ records: 2, failed: 1, bytes: 2000 });
    const text = written.join("");
    expect(text).toMatch(/^\r\[#{6}-{18}\] 25% 1 docs, 0 failed, 0\.0 MB, \d+ docs\/s\u001b\[K/u);
    expect(text.endsWith("\r\u001b[K")).toBe(true);
  });

  it("writes nothing when disabled", () => {
    const written: string[] = [];
    const stream = new PassThrough().on("data", (chunk: Buffer) => written.push(chunk.toString()));
    const progress = createProgress(stream, false, 4000);
    progress.tick(1000, false);
    expect(progress.finish()).toMatchObject({ records: 1, failed: 0 });
    expect(written).toEqual([]);
  });
});

describe("gongwen's progress bar", () => {
  const folder = mkdtempSync(join(tmpdir(), "gongwen-progress-"));
  const file = join(folder, "seed.txt");
  writeFileSync(file, seedText());

  it("is drawn on a terminal's stderr, apart from the results on stdout", async () => {
    const run = streams(true);
    expect(await runCli(["segment", file, "--format", "jsonl"], run.io)).toBe(0);
    expect(run.stderr()).toMatch(/\r\[#+-*\] 100% 1 docs, 0 failed/u);
    expect(run.stdout()).not.toContain("docs/s");
    expect(JSON.parse(run.stdout().trim().split("\n")[0]!)).toBeTruthy();
  });

  it("is not drawn when stderr is not a terminal, nor with --quiet", async () => {
    const piped = streams(false);
    expect(await runCli(["segment", file, "--format", "jsonl"], piped.io)).toBe(0);
    expect(piped.stderr()).not.toContain("docs/s");
    const quiet = streams(true);
    expect(await runCli(["segment", file, "--format", "jsonl", "--quiet"], quiet.io)).toBe(0);
    expect(quiet.stderr()).not.toContain("docs/s");
    expect(quiet.stdout()).toBe(piped.stdout());
  });
});
