/**
 * The CLI's conventions (issue #21) and its handling of careless input (issue #23): --sample and no input, help for
 * every command, --fields/--compact, inputs that cannot be read, --concurrency over the cores, repeated ids, error
 * lines on a terminal. Run in this process through runCli, except where a real process is the point.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createPool } from "../src/batch/pool.js";
import { FIELDS, OPERATIONS, runTask } from "../src/batch/tasks.js";
import { COMMANDS } from "../src/cli/help.js";
import { QUEUE_COMMANDS, QUEUE_HELP } from "../src/queue/cli.js";
import { runCli } from "../src/cli/run.js";
import { createAnalyzer } from "../src/analyzer.js";
import { tag } from "../src/analyzer.js";
import { captureIO } from "./helpers/io.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SAMPLE = readFileSync(join(ROOT, "dict/samples/meeting-report.txt"), "utf8");
const local = createAnalyzer();

const folder = mkdtempSync(join(tmpdir(), "gongwen-cli-conventions-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(folder, name), text);
  return join(folder, name);
};
const jsonl = (...records: object[]) => records.map((record) => JSON.stringify(record)).join("\n") + "\n";

/** runCli with files only (stdin a terminal, never read); `input` pipes text instead. */
async function gongwen(argv: string[], options: { input?: string; stderrIsTTY?: boolean } = {}) {
  const io = captureIO({ stdinIsTTY: options.input === undefined, stderrIsTTY: options.stderrIsTTY ?? false });
  if (options.input !== undefined) io.stdin.end(options.input);
  const status = await runCli(argv, io);
  return { status, out: io.out(), err: io.err() };
}

describe("--sample and no input", () => {
  it("--sample prints the seed's analysis", async () => {
    const run = await gongwen(["analyze", "--sample", "--format", "text"]);
    expect(run).toEqual({ status: 0, out: `${runTask(local, undefined, { op: "analyze", text: SAMPLE, format: "text" })}\n`, err: "" });
    expect(run.out).toContain("学院召开2023年第11次党委(扩大)会议");
  });

  it("empty stdin is a usage error with a hint (exit 2), for text and for JSON Lines", async () => {
    for (const argv of [["tag", "--jsonl"], ["analyze"], ["segment", "-"]]) {
      const run = await gongwen(argv, { input: "" });
      expect(run.status).toBe(2);
      expect(run.out).toBe("");
      expect(run.err).toContain("gongwen: no input on stdin; pass a file, pipe text, or use --sample\n");
    }
  });

  it("no argument with stdin a terminal is a usage error too, not an analysis of the sample", async () => {
    const run = await gongwen(["analyze"]);
    expect(run).toMatchObject({ status: 2, out: "" });
    expect(run.err).toBe('gongwen: no input: pass a file, pipe text, or use --sample\nRun "gongwen analyze --help" for usage.\n');
  });

  it("--sample with files is a usage error", async () => {
    expect((await gongwen(["tag", "--sample", "a.txt"])).status).toBe(2);
  });
});

describe("help", () => {
  it("every document command prints its own usage, options and examples", async () => {
    for (const op of OPERATIONS) {
      const run = await gongwen([op, "--help"]);
      expect(run.status).toBe(0);
      expect(run.out.split("\n")[0]).toBe(`Usage: gongwen ${op} [files, globs or - for stdin] [options]`);
      expect(run.out).toContain(`Examples:\n  gongwen ${op} `);
      expect(run.out).toContain(FIELDS[op].join(", "));
      expect(run.out.includes("--min-score")).toBe(op === "tag");
      expect((await gongwen(["help", op])).out).toBe(run.out);
      expect((await gongwen([op, "-h"])).out).toBe(run.out);
    }
  });

  it("the queue's commands print their own help through the dispatcher (gongwen worker --help, gongwen help worker)", async () => {
    for (const command of QUEUE_COMMANDS) {
      const run = await gongwen([command, "--help"]);
      expect(run).toEqual({ status: 0, out: `${QUEUE_HELP[command]}\n`, err: "" });
      expect((await gongwen(["help", command])).out).toBe(run.out);
    }
  });

  it("the global help and the unknown-command message list all eight commands", async () => {
    expect(COMMANDS).toEqual(["analyze", "tag", "segment", "summarize", "outline", "worker", "enqueue", "results"]);
    const help = await gongwen(["--help"]);
    for (const command of COMMANDS) expect(help.out).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
    const unknown = await gongwen(["frobnicate", "--help"]);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain(`unknown command "frobnicate" (expected ${COMMANDS.join(", ")})`);
  });
});

describe("--fields and --compact", () => {
  const full = JSON.parse(runTask(local, undefined, { op: "analyze", text: SAMPLE, format: "json" }) as string) as Record<string, unknown>;

  it("--fields keeps the named top-level fields, and the id", async () => {
    const single = await gongwen(["analyze", "--sample", "--fields", "entities,summary"]);
    expect(single.status).toBe(0);
    expect(JSON.parse(single.out)).toEqual({ entities: full["entities"], summary: full["summary"] });
    const items = file("fields.jsonl", jsonl({ id: "a1", text: "指导组成员王鹏" }));
    const lines = await gongwen(["tag", "--jsonl", items, "--fields", "people"]);
    expect(JSON.parse(lines.out)).toEqual({ id: "a1", people: tag("指导组成员王鹏").people });
  });

  it("--compact prints one line without the tokens: under a third of the bytes", async () => {
    const run = await gongwen(["analyze", "--sample", "--compact"]);
    expect(run.out.trimEnd().split("\n")).toHaveLength(1);
    const { tokens, ...rest } = full;
    expect(tokens).toBeDefined();
    expect(JSON.parse(run.out)).toEqual(rest);
    expect(Buffer.byteLength(run.out) * 3).toBeLessThan(Buffer.byteLength(JSON.stringify(full, null, 2)));
    const withTokens = await gongwen(["analyze", "--sample", "--compact", "--fields", "text,tokens"]);
    expect(JSON.parse(withTokens.out)).toEqual({ text: SAMPLE, tokens });
  });

  it("an unknown field is a usage error listing the valid ones; text and html take no selection", async () => {
    const run = await gongwen(["analyze", "--sample", "--fields", "entities,entitys"]);
    expect(run.status).toBe(2);
    expect(run.err).toContain(`unknown field "entitys" (analyze has ${FIELDS.analyze.join(", ")})`);
    expect((await gongwen(["tag", "--sample", "--fields", "keywords", "-f", "text"])).status).toBe(2);
  });
});

describe("inputs that cannot be read (#23 item 4)", () => {
  const g1 = file("g1.jsonl", jsonl({ id: "g1-a", text: "指导组成员王鹏" }, { id: "g1-b", text: "学院召开会议。" }));
  const g2 = file("g2.jsonl", jsonl({ id: "g2-a", text: "王鹏主持会议。" }));
  mkdirSync(join(folder, "a-folder"));

  it("a missing file, a folder and an empty glob are reported; every other input's results are written; exit 1", async () => {
    const missing = join(folder, "nope.jsonl");
    const run = await gongwen(["tag", "--jsonl", g1, missing, join(folder, "a-folder"), g2, join(folder, "zz*.jsonl")]);
    expect(run.status).toBe(1);
    expect(run.out.trimEnd().split("\n").map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(["g1-a", "g1-b", "g2-a"]);
    expect(run.err.trimEnd().split("\n")).toEqual([
      `gongwen: ${missing}: ENOENT: no such file or directory`,
      `gongwen: ${join(folder, "a-folder")}: EISDIR: illegal operation on a directory`,
      `gongwen: ${join(folder, "zz*.jsonl")}: ENOENT: no file matches`,
      expect.stringMatching(/^gongwen: 3 records, 0 failed, 3 inputs not read, 0\.0 MB in \d+\.\d s \([\d.]+ docs\/s\)$/u),
    ]);
  });

  it("the summary does not count a missing file as a record, nor give it a speed", async () => {
    const run = await gongwen(["segment", join(folder, "nope.txt")]);
    expect(run).toMatchObject({ status: 1, out: "" });
    expect(run.err).toMatch(/: ENOENT: no such file or directory\ngongwen: 0 records, 0 failed, 1 input not read, 0\.0 MB in \d+\.\d s\n$/u);
  });

  it("an unreadable file (EACCES) fails alone, without --jsonl too", () => {
    const locked = file("locked.txt", "学院召开会议。");
    chmodSync(locked, 0o000);
    chmodSync(folder, 0o755);
    // root reads any file: run as nobody there
    const asRoot = process.getuid?.() === 0;
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const run = spawnSync(
      process.execPath,
      ["--import", tsx, join(ROOT, "src/cli/main.ts"), "segment", "-f", "jsonl", locked, join(folder, "g2.jsonl")],
      { encoding: "utf8", timeout: 120_000, ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: folder } } : {}) },
    );
    expect(run.stderr).toContain(`gongwen: ${locked}: EACCES: permission denied\n`);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout.trimEnd().split("\n")[0]!) as { id: string }).id).toBe(join(folder, "g2.jsonl"));
  });
});

describe("--concurrency over the cores (#23 item 5)", () => {
  it("is capped at the number of cores with a message, and the run goes on", async () => {
    const texts = ["指导组成员王鹏", "学院召开会议。", "王鹏主持会议。", "会议强调"];
    const items = file("four.jsonl", jsonl(...texts.map((text, i) => ({ id: i, text }))));
    const run = await gongwen(["segment", "--jsonl", items, "-c", "999", "-f", "text"]);
    const cores = availableParallelism();
    expect(run.status).toBe(0);
    expect(run.err).toBe(`gongwen: --concurrency 999 is more than the ${cores} cores here; using ${cores}\n`);
    expect(run.out).toBe(texts.map((text, i) => `==> ${i} <==\n${runTask(local, undefined, { op: "segment", text, format: "text" })}\n\n`).join(""));
  });

  it("a pool of more than ten threads leaves room for their pipes into stdout and stderr (no MaxListenersExceededWarning)", async () => {
    const before = process.stdout.getMaxListeners();
    const pool = createPool({ concurrency: 11 });
    for (const stream of [process.stdout, process.stderr]) {
      expect(stream.listenerCount("error")).toBeGreaterThanOrEqual(11);
      expect(stream.listenerCount("error") + 1).toBeLessThanOrEqual(stream.getMaxListeners());
    }
    await pool.close();
    expect(process.stdout.getMaxListeners()).toBe(before);
  });
});

describe("repeated ids in JSON Lines (#23 item 8)", () => {
  it("are both tagged, with a DUPLICATE_ID warning naming both places; the exit status stays 0", async () => {
    const items = file("dup.jsonl", jsonl({ id: "a", text: "指导组成员王鹏" }, { id: "b", text: "学院召开会议。" }, { id: "a", text: "王鹏主持会议。" }));
    const run = await gongwen(["tag", "--jsonl", items, "-c", "1"]);
    expect(run.status).toBe(0);
    expect(run.out.trimEnd().split("\n")).toHaveLength(3);
    expect(run.err).toBe(`gongwen: ${items}:3: DUPLICATE_ID: id "a" was already at ${items}:1; both results are written\n`);
  });
});

describe("errors on a terminal", () => {
  it("clear the progress bar first and stand on their own lines", async () => {
    const items = file("bad.jsonl", `${jsonl({ id: 1, text: "指导组成员王鹏" })}not json\n${jsonl({ id: 3, text: "学院召开会议。" })}`);
    const run = await gongwen(["tag", "--jsonl", items, "-c", "1", join(folder, "missing.jsonl")], { stderrIsTTY: true });
    expect(run.status).toBe(1);
    // the bar was drawn after the first record, so each error line starts by erasing it
    expect(run.err).toMatch(/^\r.*1 docs, 0 failed.*\u001b\[K\r\u001b\[Kgongwen: \S+bad\.jsonl:2: INVALID_INPUT: not JSON/u);
    expect(run.err).toContain(`\r\u001b[Kgongwen: ${join(folder, "missing.jsonl")}: ENOENT: no such file or directory\n`);
    for (const line of run.err.split("\n").filter((text) => text.includes("gongwen: "))) {
      expect(line.slice(line.lastIndexOf("\u001b[K") + 3)).toMatch(/^gongwen: /u);
    }
  });
});
