/** Paths to the shared data beside the project (never copied into it) and small readers. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const dataRoot = resolve(projectRoot, "../shared/data");

/** Absolute path of a file in ../shared/data; exits with a clear message when the data is missing. */
export function dataPath(relative: string): string {
  const path = resolve(dataRoot, relative);
  if (!existsSync(path)) {
    console.error(`missing data file ${path}: the benchmarks need ../shared/data beside the project`);
    process.exit(2);
  }
  return path;
}

/** The real-world pages (test/fixtures/realworld): its folder and the rows of its sources.tsv, a record per item. */
export const realworldRoot = resolve(projectRoot, "test/fixtures/realworld");
export type SourceRow = Record<"id" | "split" | "url" | "publisher" | "level" | "kind" | "script" | "format" | "encoding" | "retrieved" | "truncated" | "note", string>;
export function realworldSources(): SourceRow[] {
  const [header, ...lines] = readFileSync(resolve(realworldRoot, "sources.tsv"), "utf8").split("\n").filter((line) => line !== "");
  const columns = header!.split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""])) as SourceRow;
  });
}

/** Lines of a SIGHAN 2005 test file (CRLF), without the trailing empty line. */
export function sighanLines(set: "pku" | "msr", which: "test" | "test_gold"): string[] {
  const lines = readFileSync(dataPath(`sighan2005/${set}_${which}.utf8`), "utf8").split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Prints rows as an aligned Markdown table. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? "")].length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(" | ")} |`;
  console.log(line(cells[0]!));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}

/**
 * Which real-world items (test/fixtures/realworld) a bench scores: `--ids <regex>` keeps the items whose id matches
 * (one collection round's pages: `--ids '^x-6[0-4]'`); without the flag, undefined, every item.
 */
export function realworldIds(argv: readonly string[]): RegExp | undefined {
  const at = argv.indexOf("--ids");
  return at < 0 ? undefined : new RegExp(argv[at + 1] ?? "", "u");
}
