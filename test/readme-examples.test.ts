/**
 * Every ```ts block of README.md compiles under `tsc --strict` against the built package, as a user's project
 * would see it: `gongwen` resolves through package.json's exports to dist/*.d.ts (so `npm run build` first;
 * `npm install` in a clone does it), with skipLibCheck off. The names the README leaves to the reader (`text`,
 * `texts`, `cms`…) are declared in one prelude, with the types the prose gives them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** The ```ts blocks of README.md with the line each starts on. */
function tsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return blocks;
}

const PRELUDE = `
declare global {
  /** A document's text, e.g. the bundled sample (node_modules/gongwen/dict/samples/meeting-report.txt). */
  const text: string;
  const texts: string[];
  const records: { id: string; text: string }[];
  const articles: { id: string; text: string }[];
  function save(doc: unknown): void;
  function store(tags: unknown): void;
  function log(failure: unknown): void;
  const cms: { saveTags(id: string | number, tags: unknown): Promise<void>; flag(id: string | number, code: string): Promise<void> };
}
export {};
`;

/** What the notebook examples get from their kernel (a script file, so these declare rather than augment). */
const NOTEBOOK_MODULES = `
// Deno's global, as Deno declares it (the Deno kernel example reads the sample with it)
declare const Deno: { readTextFileSync(path: string | URL): string };
// tslab's display object, as its typings declare it (tslab is a Jupyter kernel, not a dependency of gongwen)
declare module "tslab" {
  export const display: { html(html: string): void };
}
`;

const blocks = tsBlocks(readFileSync(join(ROOT, "README.md"), "utf8"));
const project = mkdtempSync(join(tmpdir(), "gongwen-readme-"));
const diagnostics = new Map<string, string[]>();

beforeAll(() => {
  expect(existsSync(join(ROOT, "dist/index.d.ts")), "dist/ is missing: run `npm run build` first").toBe(true);
  mkdirSync(join(project, "node_modules"));
  symlinkSync(ROOT, join(project, "node_modules/gongwen"), "dir");
  writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(project, "prelude.d.ts"), PRELUDE);
  writeFileSync(join(project, "notebook-modules.d.ts"), NOTEBOOK_MODULES);
  blocks.forEach((block, k) => writeFileSync(join(project, `block-${k}.ts`), `${block.code}\nexport {};\n`));
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "ES2022",
      lib: ["ES2023"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules/@types")],
    },
    include: ["*.ts"],
  };
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify(tsconfig));
  const run = spawnSync(process.execPath, [TSC, "-p", project, "--pretty", "false"], { encoding: "utf8" });
  for (const line of run.stdout.split("\n").filter(Boolean)) {
    const file = /(block-\d+\.ts)\(/.exec(line)?.[1] ?? /^([^(]+)\(/.exec(line)?.[1] ?? line;
    diagnostics.set(file, [...(diagnostics.get(file) ?? []), line]);
  }
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README TypeScript examples under tsc --strict", () => {
  it("finds the examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(blocks.map((block, k) => ({ ...block, file: `block-${k}.ts` })))("the block at README.md:$line compiles", ({ file }) => {
    expect(diagnostics.get(file) ?? []).toEqual([]);
  });

  it("nothing else fails (gongwen's own declarations, the prelude)", () => {
    const others = [...diagnostics].filter(([file]) => !file.startsWith("block-"));
    expect(others).toEqual([]);
  });
});
