/** Runs bench child scripts (TypeScript under tsx, `.mjs` under plain Node) and returns their stdout. */
import { execFile, execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { projectRoot } from "./data.js";

/** Node's arguments for `script` and its own arguments. */
const nodeArgs = (script: string, args: string[]) => [...(script.endsWith(".mjs") ? [] : ["--import", "tsx"]), resolve(projectRoot, script), ...args];
const OPTIONS = { cwd: projectRoot, maxBuffer: 1 << 30, encoding: "utf8" } as const;

export function runChild(script: string, args: string[]): string {
  return execFileSync(process.execPath, nodeArgs(script, args), OPTIONS);
}

/** Like `runChild`, without blocking, so that several children can run side by side. */
export function runChildAsync(script: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, nodeArgs(script, args), OPTIONS, (error, stdout) => (error ? fail(error) : done(stdout)));
  });
}
