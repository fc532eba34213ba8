/**
 * Every stage in pipeline order, for the tag/render/batch tests while `defaultStages` is still being wired.
 * Once `createAnalyzer()` runs them all by default, this module can go and callers use `createAnalyzer()`.
 */
import { entityStage } from "../../src/entities/index.js";
import { enumerationStage } from "../../src/enumerate/index.js";
import { keywordStage } from "../../src/keywords/index.js";
import { createAnalyzer, segmentStage, sentenceStage, type Analyzer } from "../../src/pipeline.js";
import { meetingStage } from "../../src/summarize/meeting.js";
import { summaryStage } from "../../src/summarize/index.js";
import { pageStage } from "../../src/text/page.js";

export const fullStages = [segmentStage, sentenceStage, pageStage, enumerationStage, entityStage, keywordStage, summaryStage, meetingStage];

/** An analyzer with every stage. */
export const fullAnalyzer = (): Analyzer => createAnalyzer({ stages: fullStages });
