/**
 * Writes dict/idf.txt, gongwen's domain IDF table (see idf-table.ts for what it counts and why).
 *
 *   npx tsx bench/tools/build-idf.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildIdfTable } from "./idf-table.js";

const OUT = fileURLToPath(new URL("../../dict/idf.txt", import.meta.url));
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
const table = await buildIdfTable((documents) => console.error(`${documents} items, ${seconds()} s`));
writeFileSync(OUT, table.text, "utf8");
console.error(`idf.txt: ${table.words} words from ${table.documents} documents (${table.distinct} distinct before pruning) in ${seconds()} s`);
