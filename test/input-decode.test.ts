/**
 * decode(): the real-world corpus's encoding files (GB18030, Big5, UTF-16 with a mark, made with iconv from real
 * pages) give their source item's text byte for byte; marks, UTF-16 without a mark, a given encoding; binary bytes
 * throw NOT_TEXT.
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { analyze, decode } from "../src/index.js";

const root = new URL("./fixtures/realworld/", import.meta.url);
const rows = readFileSync(new URL("sources.tsv", root), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split("\t"));
const splitOf = new Map(rows.map(([id, split]) => [id!, split!]));
const pages = readFileSync(new URL("pages.jsonl", root), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { id: string; encoding?: string; sourceId?: string });
const encodingItems = pages.filter((page) => page.encoding !== undefined);
const file = (id: string, ext: string) => readFileSync(new URL(`${splitOf.get(id)}/${id}.${ext}`, root));

describe("decode on the real-world encoding files", () => {
  it("covers every encoding the corpus has", () => {
    expect(new Set(encodingItems.map((page) => page.encoding))).toEqual(new Set(["gb18030", "big5", "utf-16le-bom", "utf-16be-bom"]));
  });

  it.each(encodingItems.map((page) => [page.id, page.encoding!, page.sourceId!] as const))(
    "%s (%s) reads as its source item's text",
    (id, encoding, sourceId) => {
      const decoded = decode(file(id, "bin"));
      expect(decoded.encoding).toBe(encoding.replace(/-bom$/, ""));
      expect(decoded.text).toBe(file(sourceId, "txt").toString("utf8"));
      expect(decoded.confidence).toBeGreaterThan(0.5);
    },
  );

  it("the GB18030 bytes read as UTF-8 are garbage, decoded they give the meeting brief", () => {
    const bytes = file("e-002", "bin");
    expect(bytes.toString("utf8")).toContain("\uFFFD");
    const doc = analyze(decode(bytes).text);
    expect(doc.entities!.some((e) => e.type === "person" && e.text === "詹晓华")).toBe(true);
  });
});

describe("decode", () => {
  const text = "学院召开2023年第11次党委（扩大）会议，雷承锋主持。";

  it("reads byte-order marks and drops them from the text", () => {
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: "utf-8", confidence: 1 });
    expect(decode(iconv.encode(text, "utf-16le", { addBOM: true }))).toEqual({ text, encoding: "utf-16le", confidence: 1 });
    expect(decode(iconv.encode(text, "utf-16be", { addBOM: true }))).toEqual({ text, encoding: "utf-16be", confidence: 1 });
  });

  it("reads valid UTF-8 as UTF-8, and UTF-16 without a mark by its NUL bytes", () => {
    expect(decode(new TextEncoder().encode(text))).toEqual({ text, encoding: "utf-8", confidence: 1 });
    expect(decode(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", confidence: 1 });
    const ascii = "Minutes of the meeting, 2023-05-17.\n";
    expect(decode(iconv.encode(ascii, "utf-16le"))).toMatchObject({ text: ascii, encoding: "utf-16le" });
    expect(decode(iconv.encode(ascii, "utf-16be"))).toMatchObject({ text: ascii, encoding: "utf-16be" });
  });

  it("tells GBK from Big5 on a short traditional text (fewer undecodable bytes win)", () => {
    const traditional = "縣政協主席葉麗婭主持召開會議。";
    expect(decode(iconv.encode(traditional, "big5"))).toMatchObject({ text: traditional, encoding: "big5" });
    expect(decode(iconv.encode(text, "gbk"))).toMatchObject({ text, encoding: "gb18030" });
  });

  it("reads in a given encoding without detection, and rejects an unknown one", () => {
    expect(decode(iconv.encode(text, "gbk"), { encoding: "GBK" })).toEqual({ text, encoding: "gbk", confidence: 1 });
    expect(() => decode(Buffer.from(text), { encoding: "klingon" })).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
    expect(() => decode(Buffer.from(text), { encodng: "gbk" } as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
  });

  it("throws NOT_TEXT for binary bytes and INVALID_INPUT for what is not bytes", () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61", "hex");
    expect(() => decode(png)).toThrow(expect.objectContaining({ code: "NOT_TEXT" }));
    const controls = Buffer.from(Array.from({ length: 200 }, (_, k) => (k % 3 === 0 ? 0x01 : 0x41)));
    expect(() => decode(controls)).toThrow(expect.objectContaining({ code: "NOT_TEXT" }));
    expect(() => decode(text as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
