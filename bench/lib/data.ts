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
 * Which real-world items (test/fixtures/realworld) a run scores: `--ids x-600..x-649` keeps one id range (one
 * prefix, both ends included), so a collecting round can report its own pages; without the flag, every item.
 */
export function realworldIds(argv: string[]): { only: (id: string) => boolean; range?: string } {
  const at = argv.indexOf("--ids");
  if (at < 0) return { only: () => true };
  const range = argv[at + 1] ?? "";
  const bounds = /^([a-z])-(\d+)\.\.\1-(\d+)$/.exec(range);
  if (!bounds) {
    console.error(`--ids wants one range of ids such as x-600..x-649, not ${JSON.stringify(range)}`);
    process.exit(2);
  }
  const [, prefix, from, to] = bounds;
  return {
    range,
    only: (id) => {
      const parts = /^([a-z])-(\d+)$/.exec(id);
      return parts !== null && parts[1] === prefix && Number(parts[2]) >= Number(from) && Number(parts[2]) <= Number(to);
    },
  };
}
