/** Runs a bench child script under tsx and returns its stdout. */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { projectRoot } from "./data.js";

export function runChild(script: string, args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", resolve(projectRoot, script), ...args], {
    cwd: projectRoot,
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
}
