import { describe, expect, it } from "vitest";
import { isNumeralChar, parseChineseNumber, parseOrdinal } from "../src/core/numerals.js";

describe("parseChineseNumber", () => {
  const valid: Array<[string, number]> = [
    ["〇", 0],
    ["零", 0],
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十四", 14],
    ["二十", 20],
    ["二十四", 24],
    ["一百", 100],
    ["一百零五", 105],
    ["一百一十", 110],
    ["一百五", 150],
    ["两百五", 250],
    ["三千五", 3500],
    ["一千零五", 1005],
    ["一千零五十", 1050],
    ["两千三百", 2300],
    ["九千九百九十九", 9999],
    ["一万", 10_000],
    ["一万五", 15_000],
    ["一万零五百", 10_500],
    ["十万", 100_000],
    ["三十五万零三百", 350_300],
    ["两千三百万", 23_000_000],
    ["一亿", 100_000_000],
    ["一亿零五百万", 105_000_000],
    ["三千五百万亿", 3.5e15],
    ["二〇二三", 2023],
    ["一九九八", 1998],
    ["〇五", 5],
    ["二0一一", 2011],
    ["二O二O", 2020],
    ["3.5万亿", 3_500_000_000_000],
    ["1.2亿", 120_000_000],
    ["2000万", 20_000_000],
    ["5千", 5000],
    ["12", 12],
    ["１２３", 123],
    ["３．５", 3.5],
    ["三点五", 3.5],
    ["三点一四", 3.14],
    ["壹万贰仟叁佰", 12_300],
    ["拾", 10],
  ];
  it.each(valid)("%s → %d", (input, value) => {
    expect(parseChineseNumber(input)).toBe(value);
  });

  const invalid = [
    "",
    "第十四届", // ordinals go through parseOrdinal
    "三四", // "three or four": an estimate
    "百", // a unit needs its digit (except a leading 十)
    "千万",
    "两十",
    "一百两",
    "十百",
    "一百十",
    "二二十",
    "一千零五百", // the 零 skips no place
    "一万五百", // a skipped place needs 零
    "一百零",
    "零一百",
    "万",
    "一万万",
    "1万2.5",
    "三点",
    "12a",
    "几十",
    "3.5.1",
    "O", // a zero look-alike needs Chinese digits around it
    "0O",
  ];
  it.each(invalid)("%s → undefined", (input) => {
    expect(parseChineseNumber(input)).toBeUndefined();
  });
});

describe("parseOrdinal", () => {
  const cases: Array<[string, number | undefined]> = [
    ["第二十四", 24],
    ["二十", 20],
    ["第十四届", 14],
    ["第11次", 11],
    ["第３次", 3],
    ["第一阶段", 1],
    ["第二季度", 2],
    ["第二十四条", 24],
    ["第", undefined],
    ["第零", undefined],
    ["第三四", undefined],
    ["第1.5次", undefined],
    ["次", undefined],
  ];
  it.each(cases)("%s → %s", (input, value) => {
    expect(parseOrdinal(input)).toBe(value);
  });
});

describe("isNumeralChar", () => {
  it("accepts digits and units of both scripts and rejects other characters", () => {
    expect([..."〇两万亿5５点"].every(isNumeralChar)).toBe(true);
    expect([..."第届次a,"].some(isNumeralChar)).toBe(false);
  });
});
