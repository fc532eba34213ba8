/**
 * Checks the hand-made enumeration gold set (test/fixtures/enumerations/) against the texts it annotates, so that
 * a scorer in bench/ can trust every offset. It does not run any detector.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeEachSource, readData } from "./helpers/data.js";

const fixtureDir = path.resolve(__dirname, "fixtures/enumerations");

interface GoldItem { ordinal: number; start: number; marker: string; children?: GoldList[] }
interface Declared { count: number | null; start: number; text: string }
interface GoldList { style: string; items: GoldItem[]; declared?: Declared; lead?: string }
interface GoldDoc { source: string; origin: string; note: string; enumerations: GoldList[]; parallel?: GoldList[] }

const CN_NUMERAL = "[一二三四五六七八九十]{1,3}";
const DIGITS = "[0-9０-９]{1,2}";
/** What a marker of each style must look like. */
const MARKER_SHAPE: Record<string, RegExp> = {
  "inline-shi": new RegExp(`^${CN_NUMERAL}是$`),
  "inline-yao": new RegExp(`^${CN_NUMERAL}要$`),
  "inline-qi": new RegExp(`^其${CN_NUMERAL}$`),
  di: new RegExp(`^第${CN_NUMERAL}$`),
  "di-zhang": new RegExp(`^第${CN_NUMERAL}章$`),
  "di-tiao": new RegExp(`^第${CN_NUMERAL}条$`),
  sequence: /^(首先|其次|再次|然后|最后)$/,
  "cn-dun": new RegExp(`^${CN_NUMERAL}、$`),
  "cn-paren": new RegExp(`^[（(]${CN_NUMERAL}[）)]$`),
  "arabic-dot": new RegExp(`^${DIGITS}[.．]$`),
  "arabic-dun": new RegExp(`^${DIGITS}、$`),
  "arabic-paren": new RegExp(`^[（(]${DIGITS}[）)]$`),
  "arabic-half-paren": new RegExp(`^${DIGITS}[）)]$`),
  circled: /^[①-⑳]$/,
};

const CN_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** The number a marker says (一…九十九, ASCII or full-width digits, ①…⑳); undefined for 首先/其次…. */
function numberInMarker(marker: string): number | undefined {
  const circled = marker.codePointAt(0)! - 0x2460;
  if (marker.length === 1 && circled >= 0 && circled < 20) return circled + 1;
  const digits = /[0-9０-９]+/.exec(marker);
  if (digits) return Number(digits[0].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  const cn = /[一二三四五六七八九十]+/.exec(marker.replace(/^第|^其/, ""));
  if (!cn) return undefined;
  const s = cn[0];
  const ten = s.indexOf("十");
  if (ten < 0) return CN_VALUE[s];
  return (ten === 0 ? 1 : CN_VALUE[s.slice(0, ten)]!) * 10 + (ten === s.length - 1 ? 0 : CN_VALUE[s.slice(ten + 1)]!);
}

const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, doc: JSON.parse(readFileSync(path.join(fixtureDir, f), "utf8")) as GoldDoc }));

function countItems(lists: GoldList[]): number {
  return lists.reduce((n, l) => n + l.items.length + l.items.reduce((m, i) => m + countItems(i.children ?? []), 0), 0);
}

describe("enumeration gold set", () => {
  it("has at least 16 hand-annotated documents including the seed and the three required State Council texts", () => {
    const sources = fixtures.map((f) => f.doc.source);
    expect(fixtures.length).toBeGreaterThanOrEqual(16);
    for (const required of [
      "seed/meeting-report.txt",
      "policy/sc-guobanfa-2019-004.txt",
      "policy/sc-guobanfa-2019-002.txt",
      "policy/sc-guofa-2004-018.txt",
    ]) expect(sources).toContain(required);
    expect(fixtures.every((f) => f.doc.note.startsWith("annotated by hand"))).toBe(true);
  });

  describeEachSource(fixtures, ({ doc }) => doc.source, ({ file }) => file, ({ file, doc }) => {
    const text = readData(doc.source);

    it("names its source text and origin", () => {
      expect(path.basename(doc.source, ".txt")).toBe(path.basename(file, ".json"));
      expect(doc.origin.length).toBeGreaterThan(10);
    });

    it("has every marker at its offset, in the shape of its style, with the ordinal it shows", () => {
      const seen = new Set<number>();
      const check = (lists: GoldList[], parentStart: number, parentEnd: number): void => {
        for (const list of lists) {
          expect(Object.keys(MARKER_SHAPE), `style ${list.style}`).toContain(list.style);
          expect(list.items.length).toBeGreaterThan(0);
          list.items.forEach((item, k) => {
            const where = `${list.style} ${item.marker}@${item.start}`;
            expect(text.slice(item.start, item.start + item.marker.length), where).toBe(item.marker);
            expect(item.marker, where).toMatch(MARKER_SHAPE[list.style]!);
            expect(Number.isInteger(item.ordinal) && item.ordinal > 0, where).toBe(true);
            const shown = numberInMarker(item.marker);
            if (shown !== undefined) expect(item.ordinal, where).toBe(shown);
            expect(seen.has(item.start), `${where} annotated twice`).toBe(false);
            seen.add(item.start);
            // Items run forward and stay inside the parent item's content.
            if (k > 0) expect(item.start, where).toBeGreaterThan(list.items[k - 1]!.start);
            expect(item.start, where).toBeGreaterThan(parentStart);
            expect(item.start, where).toBeLessThan(parentEnd);
            const next = list.items[k + 1]?.start ?? parentEnd;
            check(item.children ?? [], item.start, next);
          });
          if (list.declared) {
            const { count, start, text: said } = list.declared;
            expect(text.slice(start, start + said.length)).toBe(said);
            expect(count === null || (Number.isInteger(count) && count > 0)).toBe(true);
          }
        }
      };
      check(doc.enumerations, -1, text.length);
    });

    it("keeps inline lists to two items or more (a lone 一是 is not a list)", () => {
      const inline = new Set(["inline-shi", "inline-yao", "inline-qi", "di", "sequence"]);
      const walk = (lists: GoldList[]): void => {
        for (const l of lists) {
          if (inline.has(l.style)) expect(l.items.length, `${l.style}@${l.items[0]!.start}`).toBeGreaterThanOrEqual(2);
          for (const i of l.items) walk(i.children ?? []);
        }
      };
      walk(doc.enumerations);
    });
  });

  it("annotates the seed's 20-item 一是…二十是 list, its back-reference and its two six-clause parallel series", () => {
    const seed = fixtures.find((f) => f.doc.source === "seed/meeting-report.txt")!.doc;
    const text = readData(seed.source);
    expect(seed.enumerations).toHaveLength(1);
    const list = seed.enumerations[0]!;
    expect(list.style).toBe("inline-shi");
    expect(list.items.map((i) => i.ordinal)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(list.declared).toMatchObject({ count: 20, text: "二十条主要工作重点" });
    expect(list.declared!.start).toBeGreaterThan(list.items[19]!.start);
    expect(seed.parallel?.map((p) => [p.lead, p.items.length])).toEqual([["准确把握", 6], ["形成", 6]]);
    for (const p of seed.parallel!) for (const i of p.items) expect(text.slice(i.start, i.start + i.marker.length)).toBe(p.lead);
  });

  it("covers the styles the issue names and thousands of characters of text", () => {
    const styles = new Set<string>();
    const walk = (lists: GoldList[]): void => {
      for (const l of lists) { styles.add(l.style); for (const i of l.items) walk(i.children ?? []); }
    };
    for (const f of fixtures) walk(f.doc.enumerations);
    for (const s of ["inline-shi", "inline-yao", "di", "di-zhang", "cn-dun", "cn-paren", "arabic-dot", "arabic-paren"]) {
      expect(styles).toContain(s);
    }
    expect(fixtures.reduce((n, f) => n + countItems(f.doc.enumerations), 0)).toBeGreaterThan(500);
  });
});
