/**
 * Input forms against the plain text: the 60 policy documents (../shared/data/policy) are analysed as they are and
 * in each other form a user may hand gongwen (FORMS: each a function text → input), and what the form's run finds
 * is compared with the plain run, by the text gongwen read (a span's `normalized`, else its `text`):
 * - entities: (type, text) pairs of the plain run found in the form's run (one to one);
 * - lists: (style, item count, depth, marker texts) of the plain run found in the form's run (one to one);
 * - chairs: documents whose meeting chair (or its absence) is the same;
 * and what a form costs: analyze() time of the form's inputs over the plain ones (all documents, median of
 * interleaved rounds); and what the input detection costs a plain text: format `auto` over format `text`.
 *
 *   npx tsx bench/input-equivalence.ts              # all forms, 3 timing rounds
 *   npx tsx bench/input-equivalence.ts --rounds 5
 *
 * Forms: `CMS HTML` wraps a document in the page a government CMS serves (head with <title>, a date <meta>, styles
 * and scripts; navigation, a breadcrumb, the headline in <h1>, a date and source line; one `<p style=…>` per
 * paragraph, section headings in <strong>, indentation as &nbsp; and quotes as &ldquo;&rdquo; in every other
 * document; a footer), escaping the text as a CMS does. `traditional` is the document converted by opencc (cn → tw).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as OpenCC from "opencc-js/cn2t";
import { createAnalyzer } from "../src/analyzer.js";
import type { Doc, Enumeration } from "../src/core/schema.js";
import { dataPath, median, printTable } from "./lib/data.js";
import { textTally } from "./lib/meeting-score.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" } } });
const ROUNDS = Number(values.rounds);

/** One input form: how a plain document (and its title and date) is turned into what a user would pass. */
interface Form {
  name: string;
  make(document: PolicyDocument, k: number): string;
}

interface PolicyDocument {
  file: string;
  title: string;
  date: string;
  text: string;
}

// ---- forms ----

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Section headings a CMS editor sets in bold: 一、… （一）… 第一章… on a short line. */
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百]+[章节部分])/;
const PARAGRAPH_STYLES = [
  "text-indent: 2em; font-family: 仿宋_GB2312; font-size: 16pt; line-height: 1.75;",
  "margin-top: 0px; margin-bottom: 0px; text-align: justify; font-family: 宋体;",
];

function cmsParagraph(line: string, k: number): string {
  const trimmed = line.trim();
  if (trimmed.length <= 40 && HEADING.test(trimmed)) return `<p style="text-indent: 2em;"><strong>${escapeHtml(trimmed)}</strong></p>`;
  let body = escapeHtml(line);
  if (k % 2 === 1) {
    // the editor's habits: indentation typed as &nbsp;, curly quotes stored as entities, a span around the run
    body = body.replace(/^[\u3000 ]+/, (indent) => "&nbsp;".repeat(indent.length * 2)).replace(/“/g, "&ldquo;").replace(/”/g, "&rdquo;");
    body = `<span style="font-size: 16pt;">${body}</span>`;
  }
  return `<p style="${PARAGRAPH_STYLES[k % 2]}">${body}</p>`;
}

function cmsPage(document: PolicyDocument, k: number): string {
  const paragraphs = document.text.split("\n").filter((line) => line.trim() !== "");
  return [
    "<!DOCTYPE html>",
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(document.title)}_中国政府网</title>`,
    `<meta name="PubDate" content="${document.date} 10:00">`,
    '<link rel="stylesheet" href="/css/content.css"><style>.pages_content p { line-height: 2; }</style>',
    "<script>var _hmt = _hmt || []; if (window.innerWidth < 768) { document.body.className = 'mobile'; }</script>",
    "</head><body>",
    '<div class="header"><div class="nav"><ul>',
    '<li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li><li><a href="/hudong/">互动</a></li><li><a href="/fuwu/">服务</a></li>',
    "</ul></div></div>",
    '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; 正文</div>',
    '<div class="article">',
    `<h1>${escapeHtml(document.title)}</h1>`,
    `<div class="pages-date">${document.date} 10:00　来源：中国政府网</div>`,
    '<div class="pages_content" id="UCAP-CONTENT">',
    ...paragraphs.map((line) => cmsParagraph(line, k)),
    "</div></div>",
    '<div class="footer"><p>版权所有：中国政府网　中文域名：中国政府网.政务</p><p>京ICP备05070218号</p></div>',
    '<script src="/js/share.js"></script>',
    "</body></html>",
  ].join("\n");
}

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

const FORMS: readonly Form[] = [
  { name: "CMS HTML", make: cmsPage },
  // a mirror in traditional script (bench/script-equivalence.ts adds the CCTV items and injected pollution)
  { name: "traditional (opencc cn → tw)", make: (document) => toTraditional(document.text) },
];

// ---- comparison ----

const read = (span: { text: string; normalized?: string }) => span.normalized ?? span.text;
const entityKeys = (doc: Doc) => (doc.entities ?? []).map((e) => `${e.type}|${read(e)}`);

function listKeys(lists: readonly Enumeration[], depth = 1, into: string[] = []): string[] {
  for (const list of lists) {
    into.push(`${list.style}|${list.items.length}|${depth}|${list.items.map((item) => read(item.marker).trim()).join(" ")}`);
    for (const item of list.items) listKeys(item.children ?? [], depth + 1, into);
  }
  return into;
}

/** How many of `plain` are in `form`, one to one. */
const kept = (plain: readonly string[], form: readonly string[]) => textTally(form, plain).tp;

// ---- run ----

const policyRoot = dataPath("policy");
const manifest = new Map(
  readFileSync(join(policyRoot, "manifest.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .map(([file, title, , date]) => [file!, { title: title!, date: date! }]),
);
const documents: PolicyDocument[] = readdirSync(policyRoot)
  .filter((file) => file.endsWith(".txt"))
  .sort()
  .map((file) => ({ file, ...manifest.get(file)!, text: readFileSync(join(policyRoot, file), "utf8") }));

const auto = createAnalyzer();
const textOnly = createAnalyzer({ format: "text" });
const plainDocs = documents.map((document) => auto.analyze(document.text));

console.log(`\nInput forms against the plain text: ${documents.length} policy documents (../shared/data/policy)\n`);
const rows: string[][] = [];
const inputsOf = new Map<string, string[]>();
for (const form of FORMS) {
  const inputs = documents.map((document, k) => form.make(document, k));
  inputsOf.set(form.name, inputs);
  let entities = 0;
  let entitiesKept = 0;
  let lists = 0;
  let listsKept = 0;
  let chairsSame = 0;
  const misses: string[] = [];
  inputs.forEach((input, k) => {
    const plain = plainDocs[k]!;
    const doc = auto.analyze(input);
    const plainEntities = entityKeys(plain);
    const plainLists = listKeys(plain.enumerations ?? []);
    const e = kept(plainEntities, entityKeys(doc));
    const l = kept(plainLists, listKeys(doc.enumerations ?? []));
    entities += plainEntities.length;
    entitiesKept += e;
    lists += plainLists.length;
    listsKept += l;
    // the chair as read: a traditional input writes its name in traditional script, the simplified one beside it
    const chairOf = (d: Doc) => d.meeting?.chair?.normalized ?? d.meeting?.chair?.name ?? null;
    const chairSame = chairOf(plain) === chairOf(doc);
    if (chairSame) chairsSame++;
    if (e < plainEntities.length || l < plainLists.length || !chairSame) {
      misses.push(`${documents[k]!.file}: entities ${e}/${plainEntities.length}, lists ${l}/${plainLists.length}${chairSame ? "" : ", chair differs"}`);
    }
  });
  const pct = (n: number, d: number) => `${n}/${d} (${((100 * n) / Math.max(d, 1)).toFixed(1)}%)`;
  rows.push([form.name, pct(entitiesKept, entities), pct(listsKept, lists), pct(chairsSame, documents.length)]);
  if (misses.length > 0) console.log(`${form.name}: documents that differ\n${misses.map((m) => `  ${m}`).join("\n")}\n`);
}
printTable(["form", "entities as in plain", "lists as in plain", "same meeting chair"], rows);

// ---- cost: interleaved rounds, medians ----

/** Milliseconds to analyze every input with `analyzer`. */
function timeAll(analyzer: typeof auto, inputs: readonly string[]): number {
  const start = performance.now();
  for (const input of inputs) analyzer.analyze(input);
  return performance.now() - start;
}

const plainTexts = documents.map((document) => document.text);
const ratios = new Map<string, number[]>();
const note = (key: string, ratio: number) => ratios.set(key, [...(ratios.get(key) ?? []), ratio]);
for (let round = 0; round < ROUNDS; round++) {
  // each round times the plain texts before and after the others, so that load drifting over the round hits both
  const before = timeAll(auto, plainTexts);
  const textFormat = timeAll(textOnly, plainTexts);
  const formTimes = FORMS.map((form) => timeAll(auto, inputsOf.get(form.name)!));
  const after = timeAll(auto, plainTexts);
  const plain = (before + after) / 2;
  note("detection", plain / textFormat);
  FORMS.forEach((form, k) => note(form.name, formTimes[k]! / plain));
}
console.log(`\nCost (analyze() time, median of ${ROUNDS} interleaved rounds over all ${documents.length} documents)\n`);
printTable(["input", "time over the plain text's"], [
  ["plain text, format auto over format text (the detection)", `${median(ratios.get("detection")!).toFixed(3)}×`],
  ...FORMS.map((form) => [`${form.name} over plain text`, `${median(ratios.get(form.name)!).toFixed(2)}×`]),
]);
