/**
 * Enumeration detection stays linear on hostile input: one 1 MB run costs about ten times the CPU time of a 100 KB
 * run. No wall-clock limit is asserted (the machine is shared); the ratio is checked loosely, with room for noise
 * but none for quadratic growth (which would cost ten times as much again).
 */
import { describe, expect, it } from "vitest";
import { enumerations } from "../src/enumerate/index.js";
import { growth } from "./helpers/timing.js";

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** 一 … 九十九 */
const cnNumber = (n: number) => (n < 10 ? CN[n - 1]! : `${n >= 20 ? CN[Math.floor(n / 10) - 1] : ""}十${n % 10 ? CN[(n % 10) - 1] : ""}`);

/** `unit(k)` repeated until the text is `size` characters long. */
function repeat(size: number, unit: (k: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < size; k++) {
    const part = unit(k);
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, size);
}

/** [name, repeated unit, size of the large run in characters (the small run is a tenth)]. */
const inputs: [string, (k: number) => string, number][] = [
  ["一是一是一是…", () => "一是", 1_000_000],
  ["（（（（…", () => "（", 1_000_000],
  ["第一第一…", () => "第一", 1_000_000],
  ["1.1.1.1.…", () => "1.", 1_000_000],
  // Hostile in other ways (every piece is a real item, so the output itself is large: half the size suffices).
  ["；一是…九十九是 lists", (k) => `；${cnNumber((k % 99) + 1)}是加强领导`, 500_000],
  ["一、（一）1.（1） nesting", (k) => `\n${cnNumber((k % 20) + 1)}、总体要求\n（一）指导思想。\n1.内容。\n（1）细则；（2）细则。`, 500_000],
  ["坚持… parallel series", () => "坚持党的全面领导，", 500_000],
  ["以下三个方面：一是 declared counts", () => "以下三个方面：一是加强领导；二是完善制度。", 500_000],
  ["①②③ circled", (k) => String.fromCharCode(0x2460 + (k % 20)), 500_000],
  ["——… dash points", () => "\n——发展速度要快。", 500_000],
  ["1.1 / 1.2.1 clause numbers", (k) => `\n${(k % 99) + 1}.${(k % 9) + 1}.${(k % 7) + 1} 编制目的`, 500_000],
  ["；一…；二… bare numerals", (k) => `；${cnNumber((k % 10) + 1)}思想上高度认识`, 500_000],
  ["关于…的报告 titles", () => "，关于预算执行情况的报告", 500_000],
  ["blank lines and indentation", (k) => (k % 2 ? "\n\n\u3000\u3000" : "　"), 1_000_000],
];

describe("linear time on hostile input up to 1 MB", () => {
  it.each(inputs)("%s", (_name, unit, size) => {
    const small = repeat(size / 10, unit);
    const large = repeat(size, unit);
    enumerations(small); // warm-up: compile the hot paths before timing
    // a tenth of the input: linear costs give about 10, quadratic ones 100
    expect(growth(enumerations, small, large, { floorMs: 5 }).ratio).toBeLessThan(50);
  });

  it("still finds the lists in a 1 MB text made of them", () => {
    const text = repeat(1_000_000, (k) => `；${cnNumber((k % 99) + 1)}是加强领导`);
    const lists = enumerations(text);
    expect(lists.length).toBeGreaterThan(1000);
    expect(lists.slice(1, -1).every((l) => l.items.length === 99 && l.complete)).toBe(true);
  });
});
