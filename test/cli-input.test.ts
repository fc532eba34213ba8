import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCommand } from "../src/cli/args.js";
import { expandGlob, wildcardMatch } from "../src/cli/glob.js";
import { readLineGroups } from "../src/cli/lines.js";

async function groups(chunks: (string | Buffer)[], maxBytes = 1000) {
  const out = [];
  for await (const group of readLineGroups(chunks, maxBytes)) out.push(group);
  return out;
}
const lines = async (chunks: (string | Buffer)[], maxBytes = 1000) => (await groups(chunks, maxBytes)).flat();

describe("readLineGroups", () => {
  it("splits LF and CRLF lines, keeps a last line without newline, counts bytes", async () => {
    const got = await lines(["一是\r\n二", "是\n\n三是"]);
    expect(got.map((line) => [line.number, line.text, line.bytes])).toEqual([
      [1, "一是", 8],
      [2, "二是", 7],
      [3, "", 1],
      [4, "三是", 6],
    ]);
  });

  it("decodes a character split across chunks", async () => {
    const bytes = Buffer.from("会议\n", "utf8");
    expect((await lines([bytes.subarray(0, 2), bytes.subarray(2)]))[0]!.text).toBe("会议");
  });

  it("groups the lines each chunk completes, so a caller can batch what is already read", async () => {
    const got = await groups(["一\n二\n三", "是\n", "四\n五\n六\n", "七"]);
    expect(got.map((group) => group.map((line) => line.text))).toEqual([["一", "二"], ["三是"], ["四", "五", "六"], ["七"]]);
  });

  it("drops an over-long line without holding it, and goes on with the next", async () => {
    const got = await lines(["a".repeat(600), "b".repeat(600), "\nshort\n"]);
    expect(got.map((line) => [line.number, line.overflow, line.bytes, line.text])).toEqual([
      [1, true, 1201, ""],
      [2, false, 6, "short"],
    ]);
  });
});

describe("globs", () => {
  const folder = mkdtempSync(join(tmpdir(), "gongwen-glob-"));
  for (const path of ["a.txt", "b.md", "sub/c.txt", "sub/deeper/d.txt", ".hidden/e.txt"]) {
    mkdirSync(join(folder, path, ".."), { recursive: true });
    writeFileSync(join(folder, path), "x");
  }
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each([
    ["*.txt", "a.txt", true],
    ["*.txt", "a.txt.bak", false],
    ["a?c*", "abcdef", true],
    ["*a*b*c", "xaxbxxc", true],
    ["*a*b*c", "xaxbxxd", false],
    ["", "", true],
  ])("wildcardMatch(%j, %j) is %s", (pattern, name, expected) => {
    expect(wildcardMatch(pattern, name)).toBe(expected);
  });

  it("expands * and ** in sorted order, skipping hidden folders", () => {
    expect(expandGlob("*.txt", folder)).toEqual(["a.txt"]);
    expect(expandGlob("**/*.txt", folder)).toEqual(["a.txt", "sub/c.txt", "sub/deeper/d.txt"]);
    expect(expandGlob(`${folder}/sub/*/*.txt`)).toEqual([`${folder}/sub/deeper/d.txt`]);
    expect(expandGlob("nothing/*.txt", folder)).toEqual([]);
  });
});

describe("parseCommand", () => {
  it("reads a batch command", () => {
    const parsed = parseCommand(["tag", "--jsonl", "items.jsonl", "-c", "2", "--max-tags", "5", "--min-score", "0.2"]);
    expect(parsed).toMatchObject({
      kind: "run",
      options: { op: "tag", inputs: ["items.jsonl"], jsonl: true, format: "jsonl", concurrency: 2, tag: { maxPerKind: 5, minScore: 0.2 } },
    });
  });

  it("reads --sample, --fields and --compact, and which help to print", () => {
    expect(parseCommand(["analyze", "--sample", "--fields", "entities, summary", "--compact"])).toMatchObject({
      kind: "run",
      options: { op: "analyze", inputs: [], sample: true, selection: { fields: ["entities", "summary"], compact: true } },
    });
    expect(parseCommand(["segment", "--sample", "--engine", "node-rs"])).toMatchObject({
      kind: "run",
      options: { analyzer: { engine: "node-rs" } },
    });
    expect(parseCommand(["outline", "--help"])).toEqual({ kind: "help", command: "outline" });
    expect(parseCommand(["help", "tag"])).toEqual({ kind: "help", command: "tag" });
    expect(parseCommand(["--help"])).toEqual({ kind: "help" });
    expect(parseCommand(["--version"])).toEqual({ kind: "version" });
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["tag", "--format", "xml"], /unknown format "xml"/],
    [["tag", "-c", "0"], /--concurrency expects a positive integer/],
    [["tag", "--min-score", "2"], /--min-score expects a number from 0 to 1/],
    [["tag", "--user-words", "/nonexistent/words.txt"], /cannot read word list/],
    [["tag", "--bogus"], /Unknown option '--bogus'/],
    [["tag", "--engine", "hanlp"], /unknown engine "hanlp" \(expected nodejieba, node-rs\)/],
    [["analyze", "--fields", "entities,nope"], /unknown field "nope" \(analyze has text, input, tokens, sentences/],
    [["segment", "--fields", ""], /--fields expects field names \(segment has tokens\)/],
    [["tag", "--compact", "-f", "html"], /need --format json or jsonl, not html/],
    [["tag", "--sample", "a.txt"], /--sample reads the bundled sample only/],
    [["help", "worker2"], /unknown command "worker2" \(expected analyze, tag, segment, summarize, outline, worker, enqueue, results\)/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
