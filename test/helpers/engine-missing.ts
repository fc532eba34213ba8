/**
 * Run by test/segment-engines.test.ts with @node-rs/jieba hidden: prints what `createAnalyzer({ engine: "node-rs" })`
 * throws, and the default engine's words for a short text (it must not need the missing package).
 */
import { createAnalyzer, isGongwenError } from "../../src/index.js";

let thrown: { code: string; message: string } | undefined;
try {
  createAnalyzer({ engine: "node-rs" });
} catch (error) {
  if (!isGongwenError(error)) throw error;
  thrown = { code: error.code, message: error.message };
}
const defaultEngine = createAnalyzer().segment("国务院常务会议，研究部署").map((t) => t.text);
process.stdout.write(JSON.stringify({ ...thrown, defaultEngine }));
