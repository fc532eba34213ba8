/**
 * Every public function checks what it is given alike (issue 23, item 8): a text that is no string is
 * `INVALID_INPUT`, a Doc that is no Doc too, options that are no object (42, [], "x") and reference dates that are
 * no day of the calendar are `INVALID_OPTIONS` — never a raw TypeError, never `[]`, never read as `{}`.
 */
import { describe, expect, it } from "vitest";
import {
  analyze,
  contentRanges,
  createAnalyzer,
  entities,
  enumerations,
  enumerationTags,
  findDates,
  findSpam,
  keywords,
  meetingBrief,
  outline,
  parseChineseNumber,
  parseOrdinal,
  rankKeywords,
  readPage,
  segment,
  splitClauses,
  splitSentences,
  summarize,
  tag,
  type Doc,
} from "../src/index.js";

const TEXT = "5月17日,学院党委书记雷承锋主持召开会议。";
const EMPTY_DOC: Doc = { text: "", tokens: [], sentences: [] };
const gw = createAnalyzer();

type Call = (input: unknown, options?: unknown) => unknown;
const call = (f: unknown) => f as Call;

/** Functions whose first argument is the text, with their options (when they take any). */
const TEXT_FUNCTIONS: [string, Call][] = [
  ["analyze", call(analyze)],
  ["segment", call(segment)],
  ["analyzer.analyze", (text) => gw.analyze(text as string)],
  ["analyzer.segment", (text, options) => gw.segment(text as string, options as never)],
  ["analyzer.tag", (text, options) => gw.tag(text as string, options as never)],
  ["splitSentences", call(splitSentences)],
  ["splitClauses", (text) => splitClauses(text as string, [])],
  ["readPage", call(readPage)],
  ["findSpam", call(findSpam)],
  ["parseChineseNumber", call(parseChineseNumber)],
  ["parseOrdinal", call(parseOrdinal)],
  ["findDates", call(findDates)],
  ["enumerations", call(enumerations)],
  ["entities", call(entities)],
  ["keywords", call(keywords)],
  ["summarize", call(summarize)],
  ["tag", call(tag)],
];
const NOT_TEXT: [string, unknown][] = [
  ["42", 42],
  ["{}", {}],
  ["true", true],
  ["null", null],
  ["undefined", undefined],
  ["[]", []],
];

/** Functions that read a Doc, with their options or scope. */
const DOC_FUNCTIONS: [string, Call][] = [
  ["meetingBrief", call(meetingBrief)],
  ["rankKeywords", call(rankKeywords)],
  ["contentRanges", (doc) => contentRanges(doc as Doc)],
  ["enumerationTags", call(enumerationTags)],
  ["outline", call(outline)],
];
const NOT_DOC: [string, unknown][] = [
  ["42", 42],
  ["a string", TEXT],
  ["true", true],
  ["null", null],
  ["undefined", undefined],
];

const WITH_OPTIONS: [string, (options: unknown) => unknown][] = [
  ["analyze", (options) => analyze(TEXT, options as never)],
  ["createAnalyzer", (options) => createAnalyzer(options as never)],
  ["segment", (options) => segment(TEXT, options as never)],
  ["analyzer.segment", (options) => gw.segment(TEXT, options as never)],
  ["analyzer.tag", (options) => gw.tag(TEXT, options as never)],
  ["readPage", (options) => readPage(TEXT, options as never)],
  ["findDates", (options) => findDates(TEXT, options as never)],
  ["enumerations", (options) => enumerations(TEXT, options as never)],
  ["entities", (options) => entities(TEXT, options as never)],
  ["keywords", (options) => keywords(TEXT, options as never)],
  ["summarize", (options) => summarize(TEXT, options as never)],
  ["tag", (options) => tag(TEXT, options as never)],
  ["meetingBrief", (options) => meetingBrief(EMPTY_DOC, options as never)],
  ["rankKeywords", (options) => rankKeywords(EMPTY_DOC, options as never)],
];
const NOT_OPTIONS: [string, unknown][] = [
  ["42", 42],
  ["[]", []],
  ['"x"', "x"],
  ["true", true],
  ["0", 0],
];

/** Functions that take a reference date. */
const WITH_DATE: [string, (referenceDate: string) => unknown][] = [
  ["analyze", (referenceDate) => analyze(TEXT, { referenceDate })],
  ["createAnalyzer", (referenceDate) => createAnalyzer({ referenceDate })],
  ["readPage", (referenceDate) => readPage(TEXT, { referenceDate })],
  ["findDates", (referenceDate) => findDates(TEXT, { referenceDate })],
  ["entities", (referenceDate) => entities(TEXT, { referenceDate })],
];
const IMPOSSIBLE_DATES = ["2023-13-45", "2023-02-29", "2024-04-31", "2023-00-10", "17.05.2023"];

const cases = <A, B>(as: [string, A][], bs: [string, B][]) => as.flatMap(([a, fa]) => bs.map(([b, fb]) => [a, b, fa, fb] as const));

describe("input that is no string is INVALID_INPUT in every function that reads text", () => {
  it.each(cases(TEXT_FUNCTIONS, NOT_TEXT))("%s(%s)", (_f, _input, f, input) => {
    expect(() => f(input)).toThrow(expect.objectContaining({ name: "GongwenError", code: "INVALID_INPUT" }));
  });
});

describe("a Doc that is no Doc is INVALID_INPUT in every function that reads a Doc", () => {
  it.each(cases(DOC_FUNCTIONS, NOT_DOC))("%s(%s)", (_f, _input, f, input) => {
    expect(() => f(input)).toThrow(expect.objectContaining({ name: "GongwenError", code: "INVALID_INPUT" }));
  });

  it("a scope other than article or all is INVALID_OPTIONS", () => {
    expect(() => contentRanges(EMPTY_DOC, "everything" as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
    expect(() => rankKeywords(EMPTY_DOC, {}, "everything" as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
  });
});

describe("options that are no object are INVALID_OPTIONS, never read as {}", () => {
  it.each(cases(WITH_OPTIONS, NOT_OPTIONS))("%s with options %s", (_f, _options, f, options) => {
    expect(() => f(options)).toThrow(expect.objectContaining({ name: "GongwenError", code: "INVALID_OPTIONS" }));
  });

  it.each(WITH_OPTIONS)("%s accepts undefined options and an empty object", (_f, f) => {
    expect(() => f(undefined)).not.toThrow();
    expect(() => f({})).not.toThrow();
  });
});

describe("a reference date that is no day of the calendar is INVALID_OPTIONS", () => {
  it.each(cases(WITH_DATE, IMPOSSIBLE_DATES.map((d) => [d, d])))("%s with referenceDate %s", (_f, _date, f, date) => {
    expect(() => f(date)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS", message: expect.stringContaining("referenceDate") }));
  });

  it("a real leap day is accepted and resolves the dates it should", () => {
    expect(findDates("3月1日召开会议", { referenceDate: "2024-02-29" })[0]?.value).toBe("2024-03-01");
    expect(entities("3月1日召开会议", { referenceDate: "2024-02-29" }).find((e) => e.type === "date")?.value).toBe("2024-03-01");
    expect(analyze("3月1日召开会议", { referenceDate: "2024-02-29" }).entities?.find((e) => e.type === "date")?.value).toBe("2024-03-01");
  });
});
