/** Runs a bench child script (TypeScript under tsx, `.mjs` under plain Node) and returns its stdout. */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { projectRoot } from "./data.js";

export function runChild(script: string, args: string[]): string {
  const loader = script.endsWith(".mjs") ? [] : ["--import", "tsx"];
  return execFileSync(process.execPath, [...loader, resolve(projectRoot, script), ...args], {
    cwd: projectRoot,
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
}
