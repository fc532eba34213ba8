/**
 * Child process of bench/regression.ts: `node regression-child.mjs <package folder> [limit]` loads that build's
 * `analyze` and the regression inputs (the CCTV items, then the policy documents), reports their names and lengths,
 * then
 * answers the parent's messages: `{ run: [from, to] }` analyses those inputs and sends back a hash of each Doc's
 * JSON and the milliseconds analyze() took (hashing untimed); `{ json: i }` sends back input i's Doc as JSON.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [folder, data, limitArg] = process.argv.slice(2);
const limit = limitArg ? Number(limitArg) : Infinity;
const { analyze } = await import(pathToFileURL(join(folder, "dist/index.js")).href);

const inputs = [];
for (const line of readFileSync(join(data, "corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n")) {
  if (inputs.length === limit) break;
  if (line) inputs.push({ name: JSON.parse(line).id, text: JSON.parse(line).text, kind: "cctv" });
}
const manifest = readFileSync(join(data, "policy/manifest.tsv"), "utf8").trim().split("\n").slice(1);
for (const row of manifest.slice(0, limit)) {
  const file = row.split("\t")[0];
  inputs.push({ name: file, text: readFileSync(join(data, "policy", file), "utf8"), kind: "policy" });
}

// warm-up (nodejieba and the dictionaries load on the first call): untimed
analyze(inputs[0].text);

process.send({ inputs: inputs.map(({ name, kind, text }) => ({ name, kind, length: text.length })) });

process.on("message", (message) => {
  if (message.json !== undefined) {
    process.send({ json: JSON.stringify(analyze(inputs[message.json].text)) });
    return;
  }
  const [from, to] = message.run;
  const started = performance.now();
  const docs = [];
  for (let i = from; i < to; i++) docs.push(analyze(inputs[i].text));
  const ms = performance.now() - started;
  const hashes = docs.map((doc) => createHash("sha1").update(JSON.stringify(doc)).digest("hex"));
  process.send({ ms, hashes });
});
