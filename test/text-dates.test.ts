import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dateAt, datesIn, findDates, type DateMention } from "../src/text/dates.js";
import { dataFile, describeWithData, hasData, itWithData, readData, seedText } from "./helpers/data.js";

const SEED = seedText();

const brief = (m: DateMention) => [m.text, m.value, m.precision];

describe("findDates: absolute forms", () => {
  const cases: Array<[string, string, string | undefined, DateMention["precision"]]> = [
    ["发布时间:2023-05-18阅读数:", "2023-05-18", "2023-05-18", "day"],
    ["2023/5/8", "2023/5/8", "2023-05-08", "day"],
    ["2023.05.18", "2023.05.18", "2023-05-18", "day"],
    ["2023年5月17日", "2023年5月17日", "2023-05-17", "day"],
    ["二〇二三年五月", "二〇二三年五月", "2023-05", "month"],
    ["二○○四年六月二十六日", "二○○四年六月二十六日", "2004-06-26", "day"],
    ["新华社北京２００７年３月１７日电", "２００７年３月１７日", "2007-03-17", "day"],
    ["二0一一年国内生产总值", "二0一一年", "2011", "year"],
    ["召开2023年第11次会议", "2023年", "2023", "year"],
    ["2023-05-18 09:30:00 发布", "2023-05-18 09:30:00", "2023-05-18T09:30:00", "time"],
    ["2023年5月17日上午9时", "2023年5月17日上午9时", "2023-05-17T09:00", "time"],
    ["会议于9时30分开始", "9时30分", "T09:30", "time"],
    ["下午3点半结束", "下午3点半", "T15:30", "time"],
    ["上午九时许", "上午九时许", "T09:00", "time"],
    // a mirror's localised date line writes the day first; a CMS stamp drops the 日 before its clock
    ["28.07.2015  19:41", "28.07.2015", "2015-07-28", "day"],
    ["2013年06月09 15:50:29 来源:民权网", "2013年06月09 15:50:29", "2013-06-09T15:50:29", "time"],
    ["2020年8月26下午,内科党总支召开", "2020年8月26", "2020-08-26", "day"],
    ["9 月 28 日,学校党委召开", "9 月 28 日", undefined, "day"],
    // without the part of the day after it, a number after 月 is no day
    ["截至2023年8月26，", "2023年8月", "2023-08", "month"],
  ];
  it.each(cases)("%s", (input, text, value, precision) => {
    const [first] = findDates(input);
    expect(first && brief(first)).toEqual([text, value, precision]);
    expect(input.slice(first!.start, first!.end)).toBe(first!.text);
  });

  it("reads both ends of a range of years and stops a month at 月", () => {
    expect(findDates("总体规划（2018—2035年）的批复").map(brief)).toEqual([
      ["2018", "2018", "year"],
      ["2035年", "2035", "year"],
    ]);
    expect(findDates("十月份以来", { referenceDate: "2023-11-02" }).map(brief)).toEqual([["十月", "2023-10", "month"]]);
  });

  it("rejects numbers that are not dates", () => {
    for (const input of [
      "自发布之日起30日内", "15日以上", "一时难以", "三点意见", "1:10的比例", "十月革命", "5000年文明",
      "2023-2025", "v2023年", "12023年", "2023年2月30日的2月30日", "2023-02-30", "1.2.2015", "31.02.2015", "28.07.20151", "共 9 月", "第 3 月 2 号",
    ]) {
      expect(findDates(input).filter((m) => m.precision !== "year" || m.text !== "2023年"), input).toEqual([]);
    }
  });
});

describe("findDates: Chinese numerals the scan skips or reads", () => {
  it("reads numerals a unit follows, even past a typed zero, and skips those that count things", () => {
    const found = (text: string) => findDates(text, { referenceDate: "2023-05-18" }).map((d) => [d.text, d.value]);
    expect(found("二0一一年三月")).toEqual([["二0一一年三月", "2011-03"]]);
    expect(found("下午三点半开会")).toEqual([["下午三点半", "T15:30"]]);
    expect(found("二〇二三年五月十七日上午9时")).toEqual([["二〇二三年五月十七日上午9时", "2023-05-17T09:00"]]);
    expect(found("十月份以来")).toEqual([["十月", "2023-10"]]);
    expect(found("一是坚持两个毫不动摇，三个代表，十四五规划")).toEqual([]);
  });
});

describe("findDates: completion from a reference date", () => {
  it("takes the seed's year from the reference", () => {
    const [first] = findDates("5月17日,学院党委书记雷承锋主持召开", { referenceDate: "2023-05-18" });
    expect(first).toMatchObject({ text: "5月17日", value: "2023-05-17", inferred: true, relative: false });
  });

  it("leaves the value out when nothing gives the year", () => {
    const [first] = findDates("5月17日,学院召开会议");
    expect(first).toMatchObject({ text: "5月17日", parts: { month: 5, day: 17 }, inferred: false });
    expect(first!.value).toBeUndefined();
  });

  it("picks the nearest candidate around the reference date", () => {
    expect(findDates("30日，会议", { referenceDate: "2023-05-02" })[0]!.value).toBe("2023-04-30");
    expect(findDates("25日召开", { referenceDate: "2023-05-18" })[0]!.value).toBe("2023-05-25");
    expect(findDates("12月20日", { referenceDate: "2023-01-05" })[0]!.value).toBe("2022-12-20");
  });

  it("completes the second end of a range from the first", () => {
    const found = findDates("会议同意明年1月9日至11日召开二十届", { referenceDate: "2022-12-06" });
    expect(found.map(brief)).toEqual([
      ["明年1月9日", "2023-01-09", "day"],
      ["11日", "2023-01-11", "day"],
    ]);
    expect(findDates("5月17日、18日")[1]!.parts).toEqual({ month: 5, day: 18 });
  });
});

describe("findDates: relative expressions", () => {
  it("resolves what the reference date determines and flags all as relative", () => {
    const found = findDates("今年以来，去年同期，上月，近日，昨天", { referenceDate: "2023-05-18" });
    expect(found.map((m) => [m.text, m.value, m.relative])).toEqual([
      ["今年", "2023", true],
      ["去年", "2022", true],
      ["上月", "2023-04", true],
      ["近日", undefined, true],
      ["昨天", "2023-05-17", true],
    ]);
  });

  it("reads the press's day words: 昨 alone (市委常委会昨召开会议), 昨晚, 今晨, a day in the current month (本月5日)", () => {
    const found = findDates("市委常委会昨召开会议；昨晚，镇召开会议；今晨；本月5日；上月28日", { referenceDate: "2023-05-18" });
    expect(found.map((m) => [m.text, m.value, m.relative])).toEqual([
      ["昨", "2023-05-17", true],
      ["昨晚", "2023-05-17", true],
      ["今晨", "2023-05-18", true],
      ["本月5日", "2023-05-05", true],
      ["上月28日", "2023-04-28", true],
    ]);
    // the longer words still win over 昨 alone
    expect(findDates("昨天下午", { referenceDate: "2023-05-18" })[0]?.text).toBe("昨天");
  });

  it("reads the day's number the Taiwan and Hong Kong press put in brackets (今(19)日) and January as 元月", () => {
    const found = findDates("中共中央政治局今(19)日召开会议；雲林縣政府今（8）日上午；元月5日", { referenceDate: "2019-04-19" });
    expect(found.map((m) => [m.text, m.value])).toEqual([
      ["今(19)日", "2019-04-19"],
      ["今（8）日", "2019-04-08"],
      ["元月5日", "2019-01-05"],
    ]);
    expect(findDates("元月份的工作", { referenceDate: "2019-04-19" })).toEqual([]);
  });

  it("leaves relative words unresolved without a reference", () => {
    expect(findDates("今年").map((m) => m.value)).toEqual([undefined]);
  });
});

describe("findDates on real text", () => {
  it("finds the seed's publication date, meeting day and year", () => {
    const found = findDates(SEED, { referenceDate: "2023-05-18" });
    expect(found.slice(0, 4).map(brief)).toEqual([
      ["2023年", "2023", "year"], // in the title
      ["2023-05-18", "2023-05-18", "day"],
      ["5月17日", "2023-05-17", "day"],
      ["2023年", "2023", "year"],
    ]);
  });

  itWithData("policy", "reads the signature date of a State Council notice", () => {
    const text = readData("policy/sc-guobanfa-2018-109.txt");
    const last = findDates(text).at(-1)!;
    expect([last.text, last.value]).toEqual(["2018年11月20日", "2018-11-20"]);
  });

  it("reads the first day of a range that writes 日 only after the last (8月5--7日, a hospital's release), and 8月5 alone as a month", () => {
    const found = findDates("8月5--7日,由湖北省人民医院医疗集团主办的第七次领导人峰会在我州隆重召开", { referenceDate: "2011-08-03" });
    expect(found.map((m) => [m.text, m.value])).toEqual([["8月5", "2011-08-05"], ["7日", "2011-08-07"]]);
    expect(findDates("截至8月5,共有", { referenceDate: "2011-08-03" }).map((m) => m.value)).toEqual(["2011-08"]);
    // a count after the month is no range: the last day must come after the first
    expect(findDates("8月5-3日", { referenceDate: "2011-08-03" })[0]?.text).toBe("8月");
  });

  it("searches only the given ranges", () => {
    const text = "2023年5月1日。正文2024年6月2日";
    const found = findDates(text, { ranges: [{ start: 10, end: text.length }] });
    expect(found.map((m) => m.value)).toEqual(["2024-06-02"]);
  });
});

describe("dateAt: the date that starts at one position", () => {
  it("is the mention a scan of the same range finds first when it starts there, on every line start of the seed", () => {
    let found = 0;
    for (let start = 0; start < SEED.length; start = SEED.indexOf("\n", start) + 1 || SEED.length) {
      const end = (SEED.indexOf("\n", start) + 1 || SEED.length + 1) - 1;
      const first = datesIn(SEED, { ranges: [{ start, end }] })[0];
      const at = dateAt(SEED, start, end);
      expect(at).toEqual(first?.start === start ? first : undefined);
      if (at) found++;
    }
    expect(found).toBeGreaterThan(0);
  });

  it("agrees with the scan on random date-like strings (property)", () => {
    const piece = fc.constantFrom("2023", "-", "05", "/", "5", "年", "月", "日", "号", "二〇二三", "三", "十", "上午", "9时", ":", "30", "今年", "至", "会", " ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.nat(), (pieces, cut) => {
        const text = pieces.join("");
        const start = text.length === 0 ? 0 : cut % text.length;
        const first = datesIn(text, { ranges: [{ start, end: text.length }], referenceDate: "2024-03-05" })[0];
        expect(dateAt(text, start, text.length, "2024-03-05")).toEqual(first?.start === start ? first : undefined);
      }),
      { numRuns: 500 },
    );
  });
});

describeWithData("policy", "findDates over the policy corpus", () => {
  const files = hasData("policy") ? readdirSync(dataFile("policy")).filter((f) => f.endsWith(".txt")) : [];
  const ISO = /^(?:\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?)?)?|T\d{2}:\d{2}(?::\d{2})?)$/;

  it.each(files)("%s: spans match the text and values are valid ISO dates", (file) => {
    const text = readData(`policy/${file}`);
    const found = findDates(text, { referenceDate: "2020-01-01" });
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (m.value === undefined) continue;
      expect(m.value).toMatch(ISO);
      if (m.precision === "day" || m.precision === "time") {
        const day = m.value.slice(0, 10);
        expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
      }
    }
  });
});
