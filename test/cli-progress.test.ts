/**
 * The progress bar: drawn on stderr only when stderr is a terminal, never with --quiet, never on stdout.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgress } from "../src/cli/progress.js";
import { runCli } from "../src/cli/run.js";
import { seedText } from "./helpers/data.js";
import { captureIO, collector } from "./helpers/io.js";

describe("createProgress", () => {
  it("draws a bar with the share of bytes read, then clears the line", () => {
    const { stream, text } = collector();
    const progress = createProgress(stream, true, 4000);
    progress.tick(1000, false);
    progress.tick(1000, true);
    expect(progress.finish()).toMatchObject({ records: 2, failed: 1, bytes: 2000 });
    expect(text()).toMatch(/^\r\[#{6}-{18}\] 25% 1 docs, 0 failed, 0\.0 MB, \d+ docs\/s\u001b\[K/u);
    expect(text().endsWith("\r\u001b[K")).toBe(true);
  });

  it("writes nothing when disabled", () => {
    const { stream, text } = collector();
    const progress = createProgress(stream, false, 4000);
    progress.tick(1000, false);
    expect(progress.finish()).toMatchObject({ records: 1, failed: 0 });
    expect(text()).toBe("");
  });
});

describe("gongwen's progress bar", () => {
  const folder = mkdtempSync(join(tmpdir(), "gongwen-progress-"));
  const file = join(folder, "seed.txt");
  writeFileSync(file, seedText());

  it("is drawn on a terminal's stderr, apart from the results on stdout", async () => {
    const run = captureIO({ stderrIsTTY: true, stdinIsTTY: true });
    expect(await runCli(["segment", file, "--format", "jsonl"], run)).toBe(0);
    expect(run.err()).toMatch(/\r\[#+-*\] 100% 1 docs, 0 failed/u);
    expect(run.out()).not.toContain("docs/s");
    expect(JSON.parse(run.out().trim().split("\n")[0]!)).toBeTruthy();
  });

  it("is not drawn when stderr is not a terminal, nor with --quiet", async () => {
    const piped = captureIO({ stderrIsTTY: false, stdinIsTTY: true });
    expect(await runCli(["segment", file, "--format", "jsonl"], piped)).toBe(0);
    expect(piped.err()).not.toContain("docs/s");
    const quiet = captureIO({ stderrIsTTY: true, stdinIsTTY: true });
    expect(await runCli(["segment", file, "--format", "jsonl", "--quiet"], quiet)).toBe(0);
    expect(quiet.err()).not.toContain("docs/s");
    expect(quiet.out()).toBe(piped.out());
  });
});
