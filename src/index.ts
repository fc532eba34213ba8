/**
 * gongwen (公文): reads Chinese policy documents and meeting reports.
 *
 * Offsets everywhere are UTF-16 code-unit indices (JavaScript string indices) into the string you passed in.
 * nodejieba's dictionaries load once per process, on the first call that segments.
 */
export { analyze, createAnalyzer, entities, keywords, segment, summarize, tag } from "./analyzer.js";
export { defaultStages } from "./pipeline.js";
export { segmentStage } from "./segment/index.js";
export { sentenceStage } from "./text/sentences.js";
export type { Analyzer, AnalyzerManyOptions } from "./analyzer.js";
export type { BlockOutcome, CreateAnalyzerOptions, DefaultStages, DocOf, DocWith, FilledBy, FullDoc, StageFields } from "./pipeline.js";
export type { ResolvedConfig, Stage, StageContext } from "./core/stage.js";
export type { CompactIdf, IdfTable, Resources, StopwordKind, TaggerWeights } from "./core/resources.js";
export { GongwenError, isGongwenError, type ErrorCode } from "./core/errors.js";
export * from "./core/schema.js";

export { decode, type DecodeOptions, type Decoded } from "./input/decode.js";
export { splitClauses, splitSentences } from "./text/sentences.js";
export { contentRanges } from "./core/spans.js";
export { pageStage, readPage, type ReadPageOptions } from "./text/page.js";
export { findSpam, SPAM_CATEGORIES, SPAM_THRESHOLD, type SpamCategory } from "./text/spam.js";
export { parseChineseNumber, parseOrdinal } from "./core/numerals.js";
export { findDates, type DateMention, type DateParts, type FindDatesOptions } from "./text/dates.js";
export { enumerations, enumerationStage, outline, type EnumerationOptions } from "./enumerate/index.js";
export { entityStage, type EntityOptions } from "./entities/index.js";
export { keywordStage, rankKeywords, type KeywordRanking } from "./keywords/index.js";
export { summaryStage } from "./summarize/index.js";
export { meetingBrief, meetingStage, type MeetingBriefOptions } from "./summarize/meeting.js";
export {
  EnumerationTagsSchema,
  enumerationTags,
  MeetingTagsSchema,
  PersonTagSchema,
  SpamTagsSchema,
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
  type Isolation,
  ISOLATIONS,
  type ManyOptions,
  type Operation,
  OPERATIONS,
  type Pool,
  type PoolOptions,
  type Task,
  type TaskInput,
  type TaskOutcome,
} from "./batch/index.js";
