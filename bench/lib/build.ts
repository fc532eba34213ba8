/**
 * Builds of gongwen for before/after benchmarks: the working tree or a commit (`git archive`, so nobody's
 * uncommitted work is in it), each in a temporary folder laid out like the installed package (dist/ beside dict/),
 * sharing this checkout's node_modules.
 */
import { execSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./data.js";

/** A package built into `folder` (dist/index.js, dist/cli.js, … beside dict/). */
export interface Build {
  label: string;
  folder: string;
}

function tsup(cwd: string, outDir: string): void {
  const build = spawnSync("npx", ["tsup", "--out-dir", outDir, "--no-dts", "--silent"], { cwd, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

/** The working tree, built as it is now (uncommitted edits included). */
export function buildWorkingTree(): Build {
  const folder = mkdtempSync(join(tmpdir(), "gongwen-bench-"));
  copyFileSync(join(projectRoot, "package.json"), join(folder, "package.json"));
  symlinkSync(join(projectRoot, "dict"), join(folder, "dict"));
  symlinkSync(join(projectRoot, "node_modules"), join(folder, "node_modules"));
  mkdirSync(join(folder, "dist"));
  tsup(projectRoot, join(folder, "dist"));
  return { label: "working tree", folder };
}

/** The sources of one commit, exported and built on their own. */
export function buildRef(ref: string): Build {
  const folder = mkdtempSync(join(tmpdir(), "gongwen-bench-"));
  execSync(`git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(folder)}`, { cwd: projectRoot });
  symlinkSync(join(projectRoot, "node_modules"), join(folder, "node_modules"));
  tsup(folder, join(folder, "dist"));
  const commit = execSync(`git rev-parse --short ${JSON.stringify(ref)}`, { cwd: projectRoot, encoding: "utf8" }).trim();
  return { label: ref === commit ? ref : `${ref} (${commit})`, folder };
}
