/**
 * The `gongwen` command, run as a real process: from the TypeScript sources (through tsx) for every behaviour,
 * and from a fresh build, packed with `npm pack` and unpacked, for the bin, the worker entry and the bundled sample.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTask } from "../src/batch/tasks.js";
import { createAnalyzer } from "../src/analyzer.js";
import { tag } from "../src/analyzer.js";
import { itWithData, newsItems } from "./helpers/data.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const SAMPLE = readFileSync(join(ROOT, "dict/samples/meeting-report.txt"), "utf8");
const news = newsItems(40);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function gongwen(args: string[], options: { input?: string | Buffer; cwd?: string; entry?: string[] } = {}): Run {
  const entry = options.entry ?? ["--import", TSX, join(ROOT, "src/cli/main.ts")];
  const result = spawnSync(process.execPath, [...entry, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 256 << 20,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const local = createAnalyzer();
const folder = mkdtempSync(join(tmpdir(), "gongwen-cli-"));
beforeAll(() => {
  mkdirSync(join(folder, "docs/sub"), { recursive: true });
  news.slice(0, 2).forEach((item, k) => writeFileSync(join(folder, ["docs/a.txt", "docs/sub/b.txt"][k]!), item.text));
  writeFileSync(join(folder, "docs/skip.md"), "不读");
  writeFileSync(join(folder, "x.txt"), "<script>alert(1)</script>学院召开会议。");
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("gongwen (from the sources)", () => {
  it("analyses the bundled sample with --sample", () => {
    const run = gongwen(["analyze", "--sample"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const doc = JSON.parse(run.stdout) as { text: string };
    expect(doc.text).toBe(SAMPLE);
    expect(run.stdout).toBe(`${runTask(local, undefined, { op: "analyze", text: SAMPLE, format: "json" })}\n`);
  });

  itWithData("corpus/xinwenlianbo", "tags JSON Lines in order, carrying ids; bad records are reported by line and skipped; exit 1", () => {
    const file = join(folder, "items.jsonl");
    const huge = JSON.stringify({ id: "huge", text: "会".repeat(70_000) });
    const lines = [
      JSON.stringify(news[0]),
      "not json at all",
      JSON.stringify({ id: "no-text" }),
      JSON.stringify(news[1]),
      "",
      "[1, 2]",
      huge,
      JSON.stringify({ id: "long", text: SAMPLE }),
      JSON.stringify({ text: news[2]!.text }),
    ];
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = gongwen(["tag", "--jsonl", file, "--concurrency", "2", "--max-length", "2000"]);
    expect(run.status).toBe(1);
    const out = run.stdout.trimEnd().split("\n");
    expect(out).toEqual([
      JSON.stringify({ id: news[0]!.id, ...tag(news[0]!.text) }),
      JSON.stringify({ id: news[1]!.id, ...tag(news[1]!.text) }),
      JSON.stringify({ id: 9, ...tag(news[2]!.text) }),
    ]);
    const errors = run.stderr.trimEnd().split("\n");
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^gongwen: ${file}:2: INVALID_INPUT: not JSON`)),
      `gongwen: ${file}:3: INVALID_INPUT: no "text" string`,
      `gongwen: ${file}:6: INVALID_INPUT: not a JSON object`,
      expect.stringMatching(new RegExp(`^gongwen: ${file}:7: INPUT_TOO_LARGE: line of ${Buffer.byteLength(huge) + 1} bytes is over`)),
      expect.stringMatching(new RegExp(`^gongwen: ${file}:8: INPUT_TOO_LARGE: text of ${SAMPLE.length} UTF-16 units`)),
      "gongwen: 8 records, 5 failed, 0.2 MB in " + errors.at(-1)!.split(" MB in ")[1],
    ]);
  });

  itWithData("corpus/xinwenlianbo", "keeps input order and line numbers across many groups of records on two workers", () => {
    // 44 lines: more than two groups of 16 for the workers, with bad records in different groups.
    const bad = new Map([
      [3, "not json"],
      [17, JSON.stringify({ id: "empty" })],
      [18, JSON.stringify({ id: "long", text: SAMPLE })],
      [40, "42"],
    ]);
    const items = news.slice(0, 40);
    const lines: string[] = [];
    let next = 0;
    for (let number = 1; number <= 44; number++) lines.push(bad.get(number) ?? JSON.stringify(items[next++]));
    const file = join(folder, "many.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = gongwen(["tag", "--jsonl", file, "-c", "2", "--max-length", "2000"]);
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split("\n")).toEqual(items.map((item) => JSON.stringify({ id: item.id, ...tag(item.text) })));
    expect(run.stderr.trimEnd().split("\n").slice(0, -1)).toEqual([
      expect.stringMatching(new RegExp(`^gongwen: ${file}:3: INVALID_INPUT: not JSON`)),
      `gongwen: ${file}:17: INVALID_INPUT: no "text" string`,
      `gongwen: ${file}:18: INPUT_TOO_LARGE: text of ${SAMPLE.length} UTF-16 units is over the limit of 2000 (raise it with --max-length)`,
      `gongwen: ${file}:40: INVALID_INPUT: not a JSON object`,
    ]);
  });

  it("reads JSON Lines from stdin", () => {
    const run = gongwen(["segment", "--jsonl", "-f", "text", "-c", "1"], { input: `${JSON.stringify({ id: 1, text: "指导组成员王鹏" })}\n` });
    expect(run).toMatchObject({ status: 0, stdout: "==> 1 <==\n指导组 成员 王鹏\n\n" });
  });

  itWithData("corpus/xinwenlianbo", "expands globs and prints one JSON array with an id per file", () => {
    const run = gongwen(["segment", "docs/**/*.txt", "-c", "2"], { cwd: folder });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(run.stdout) as { id: string; tokens: { text: string }[] }[];
    expect(results.map((result) => result.id)).toEqual(["docs/a.txt", "docs/sub/b.txt"]);
    expect(results[1]!.tokens.map((token) => token.text).join("")).toBe(news[1]!.text);
  });

  it("reads a text from stdin and prints text, the same as the library", () => {
    for (const op of ["summarize", "outline", "tag"] as const) {
      const run = gongwen([op, "-f", "text", "-"], { input: SAMPLE });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${runTask(local, undefined, { op, text: SAMPLE, format: "text" })}\n`);
    }
  });

  itWithData("corpus/xinwenlianbo", "writes one HTML page for several documents, each with its caption", () => {
    const run = gongwen(["analyze", "-f", "html", "x.txt", "docs/a.txt"], { cwd: folder });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(run.stdout.match(/<div class="gw-caption">/g)).toHaveLength(2);
    expect(run.stdout).not.toContain("<script>");
    expect(run.stdout.trimEnd().endsWith("</html>")).toBe(true);
  });

  itWithData("corpus/xinwenlianbo", "a missing file fails alone (exit 1); usage errors exit 2", () => {
    const missing = gongwen(["segment", "-f", "jsonl", "nope.txt", "docs/a.txt"], { cwd: folder });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("gongwen: nope.txt: ENOENT: no such file or directory\n");
    expect(JSON.parse(missing.stdout).id).toBe("docs/a.txt");
    const unknown = gongwen(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(gongwen(["tag", "--nope"]).status).toBe(2);
    const help = gongwen(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: gongwen <command>");
  });
});

describe("gongwen on files in other encodings (the real-world corpus's encoding files)", () => {
  const dev = join(ROOT, "test/fixtures/realworld/dev");
  /** The item an encoding file was made from (realworld pages.jsonl sourceId). */
  const sources: Record<string, string> = { "e-002": "m-015", "e-005": "t-005", "e-007": "m-017" };

  it("reads GB18030, Big5 and UTF-16 files as their text and says which with --verbose", () => {
    const files = Object.keys(sources).map((id) => join(dev, `${id}.bin`));
    const run = gongwen(["summarize", "-f", "jsonl", "--verbose", "-q", ...files]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `gongwen: ${files[0]}: read as gb18030 (detected, confidence 1.00)`,
      expect.stringMatching(new RegExp(`^gongwen: ${files[1]}: read as big5 \\(detected, confidence 0\\.\\d\\d\\)$`)),
      `gongwen: ${files[2]}: read as utf-16le (detected, confidence 1.00)`,
    ]);
    const results = run.stdout.trimEnd().split("\n");
    Object.values(sources).forEach((source, k) => {
      const text = readFileSync(join(dev, `${source}.txt`), "utf8");
      expect(results[k]).toBe(runTask(local, undefined, { op: "summarize", text, id: files[k]!, format: "jsonl" }));
    });
  });

  it("takes --encoding, refuses an unknown one (exit 2), and fails a binary file alone with NOT_TEXT (exit 1)", () => {
    const forced = gongwen(["segment", "-f", "text", "--encoding", "gbk", "--verbose", join(dev, "e-002.bin")]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toBe(`gongwen: ${join(dev, "e-002.bin")}: read as gbk (--encoding)\n`);
    expect(forced.stdout).toContain("县政协 秘书长 詹晓华");
    const unknown = gongwen(["segment", "--encoding", "klingon", join(dev, "e-002.bin")]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown encoding "klingon"');
    writeFileSync(join(folder, "photo.png"), Buffer.from("89504e470d0a1a0a0000000d4948445200000010", "hex"));
    writeFileSync(join(folder, "minutes.txt"), "学院召开党委会议。");
    const binary = gongwen(["segment", "-f", "jsonl", "photo.png", "minutes.txt"], { cwd: folder });
    expect(binary.status).toBe(1);
    expect(binary.stderr).toContain("gongwen: photo.png: NOT_TEXT: the bytes are not text: they hold NUL bytes\n");
    expect(JSON.parse(binary.stdout).id).toBe("minutes.txt");
    const piped = gongwen(["segment", "-f", "text"], { input: Buffer.from("89504e470d0a1a0a00000000", "hex") });
    expect(piped.status).toBe(1);
    expect(piped.stderr).toContain("gongwen: stdin: NOT_TEXT");
  });
});

describe("gongwen (built, packed with npm pack and unpacked like an install)", () => {
  const build = join(folder, "build");
  const pkg = join(folder, "installed/package");
  beforeAll(() => {
    mkdirSync(build, { recursive: true });
    copyFileSync(join(ROOT, "package.json"), join(build, "package.json"));
    cpSync(join(ROOT, "dict"), join(build, "dict"), { recursive: true });
    const tsup = spawnSync("npx", ["tsup", "--out-dir", join(build, "dist"), "--no-dts", "--silent"], { cwd: ROOT, encoding: "utf8" });
    expect(tsup.status, tsup.stderr).toBe(0);
    // --ignore-scripts: prepare would rebuild into the project's own dist/
    const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", folder], { cwd: build, encoding: "utf8" });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const shipped = files.map((file) => file.path);
    expect(shipped).toEqual(expect.arrayContaining(["dist/cli.js", "dist/worker.cjs", "dict/samples/meeting-report.txt", "dict/tags.schema.json"]));
    mkdirSync(join(folder, "installed"));
    const untar = spawnSync("tar", ["-xzf", join(folder, filename), "-C", join(folder, "installed")], { encoding: "utf8" });
    expect(untar.status, untar.stderr).toBe(0);
    // The dependencies an install would bring.
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"));
  });
  const bin = () => [join(pkg, "dist/cli.js")];

  it("runs the sample through the bin with --sample", () => {
    const run = gongwen(["tag", "--sample"], { entry: bin(), cwd: folder });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(tag(SAMPLE), null, 2)}\n`);
  });

  itWithData("corpus/xinwenlianbo", "runs a JSON Lines batch on two workers from dist/worker.cjs", () => {
    const items = news.slice(0, 4);
    const input = items.map((item) => JSON.stringify(item)).join("\n");
    const run = gongwen(["tag", "--jsonl", "-c", "2"], { entry: bin(), input, cwd: folder });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toEqual(items.map((item) => JSON.stringify({ id: item.id, ...tag(item.text) })));
  });

  it("prints the package version", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(gongwen(["--version"], { entry: bin() }).stdout).toBe(`${version}\n`);
  });
});
