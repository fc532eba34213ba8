/**
 * gongwen (公文): reads Chinese policy documents and meeting reports.
 *
 * Offsets everywhere are UTF-16 code-unit indices (JavaScript string indices) into the string you passed in.
 * nodejieba's dictionaries load once per process, on the first call that segments.
 */
import { createAnalyzer, type Analyzer, type DocOf, type FullDoc } from "./pipeline.js";
import type { AnalyzerConfig, SegmentOptions, StageName, Token } from "./schema.js";

export { createAnalyzer, defaultStages, segmentStage, sentenceStage } from "./pipeline.js";
export type {
  Analyzer,
  AnalyzerManyOptions,
  CreateAnalyzerOptions,
  DefaultStages,
  DocOf,
  DocWith,
  FilledBy,
  FullDoc,
  ResolvedConfig,
  Stage,
  StageContext,
  StageFields,
} from "./pipeline.js";
export { GongwenError, isGongwenError, type ErrorCode } from "./errors.js";
export * from "./schema.js";

export { splitClauses, splitSentences } from "./text/sentences.js";
export { contentRanges, pageStage, readPage, type ReadPageOptions } from "./text/page.js";
export { findSpam, SPAM_CATEGORIES, SPAM_THRESHOLD, type SpamCategory } from "./text/spam.js";
export { parseChineseNumber, parseOrdinal } from "./text/numerals.js";
export { findDates, type DateMention, type DateParts, type FindDatesOptions } from "./text/dates.js";
export { enumerations, enumerationStage, outline, type EnumerationOptions } from "./enumerate/index.js";
export { entities, entityStage, type EntityOptions } from "./entities/index.js";
export { keywords, keywordStage, rankKeywords, type KeywordRanking } from "./keywords/index.js";
export { summarize, summaryStage } from "./summarize/index.js";
export { meetingBrief, meetingStage, type MeetingBriefOptions } from "./summarize/meeting.js";
export {
  EnumerationTagsSchema,
  enumerationTags,
  MeetingTagsSchema,
  PersonTagSchema,
  SpamTagsSchema,
  tag,
  tagsJsonSchema,
  TAG_KINDS,
  TagSchema,
  TagsSchema,
  TagOptionsSchema,
  TAGS_SCHEMA_VERSION,
  type EnumerationTags,
  type MeetingTags,
  type OutlineItem,
  type OutlineList,
  type PersonTag,
  type SpamTags,
  type Tag,
  type TagKind,
  type Tags,
  type TagOptions,
} from "./tag/index.js";
export {
  displayable,
  mimeBundle,
  render,
  RenderOptionsSchema,
  show,
  type HtmlDisplay,
  type RenderOptions,
} from "./render/index.js";
export {
  analyzeMany,
  createPool,
  tagMany,
  type Batch,
  type BatchFailure,
  type BatchInput,
  type Format,
  FORMATS,
  type ManyOptions,
  type Operation,
  OPERATIONS,
  type Pool,
  type PoolOptions,
  type Task,
  type TaskInput,
  type TaskOutcome,
} from "./batch/index.js";

let defaultAnalyzer: Analyzer<FullDoc> | undefined;
const shared = (): Analyzer<FullDoc> => (defaultAnalyzer ??= createAnalyzer());

/**
 * Analyses `text` with every stage (or with the `stages` in `options`: then the Doc has the fields they fill).
 *
 * @example
 * const doc = analyze("5月17日,学院党委书记雷承锋主持召开会议。");
 * doc.tokens.map((t) => t.text); // → ["5月", "17日", ",", "学院", "党委书记", "雷承锋", "主持", "召开", "会议", "。"]
 */
export function analyze(text: string, options?: Omit<AnalyzerConfig, "stages"> & { stages?: undefined }): FullDoc;
export function analyze<const S extends readonly StageName[]>(text: string, options: Omit<AnalyzerConfig, "stages"> & { stages?: S }): DocOf<S>;
export function analyze(text: string, options?: AnalyzerConfig): DocOf<readonly StageName[]> {
  return (options === undefined || options === null ? shared() : createAnalyzer(options)).analyze(text);
}

/**
 * Segments `text` into tokens with offsets, part of speech and kind.
 *
 * @example
 * segment("指导组成员王鹏").map((t) => t.text); // → ["指导组", "成员", "王鹏"]
 */
export function segment(text: string, options?: SegmentOptions): Token[] {
  return shared().segment(text, options);
}
