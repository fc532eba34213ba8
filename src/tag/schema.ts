/**
 * The CMS tag result: a zod schema is the source of the TypeScript types and of the JSON Schema shipped as
 * `dict/tags.schema.json`, so what a CMS validates can never drift from what `tag()` returns.
 *
 * The result is versioned: `schemaVersion` changes (major) whenever a field is removed or changes meaning, so a
 * CMS can keep tags written by older versions side by side with new ones.
 */
import { z } from "zod";
import { SpanSchema } from "../core/schema.js";

/** Bumped on any incompatible change of {@link TagsSchema}. */
export const TAGS_SCHEMA_VERSION = "1.0.0";

/** Schema of a {@link Tag} (`Tag` in the JSON Schema). */
export const TagSchema = z.object({
  /** The normalised form a CMS stores: ISO date for dates, canonical name for places, the word itself otherwise. */
  tag: z.string().min(1),
  /** Relevance in [0, 1], relative within its kind (the strongest tag of a kind scores 1). */
  score: z.number().min(0).max(1),
  /** How many times it occurs. */
  count: z.number().int().positive(),
  /** Every occurrence in the input, in document order (UTF-16 offsets into the original text). */
  spans: z.array(SpanSchema).min(1),
}).meta({ id: "Tag" });
/** One tag: a normalised form with its score and the places it came from. */
export type Tag = z.infer<typeof TagSchema>;

/** Schema of a {@link PersonTag}. */
export const PersonTagSchema = TagSchema.extend({
  /** Titles seen with the name (党委书记, 组长…), in order of first appearance. */
  titles: z.array(z.string()),
  /** The organisation the person is linked to, when the text says. */
  org: z.string().optional(),
});
/** A person's tag: a {@link Tag} with the titles and the organisation seen with the name. */
export type PersonTag = z.infer<typeof PersonTagSchema>;

/** One enumeration item in the outline: its marker and the heading (or the start of its text). */
export interface OutlineItem {
  ordinal: number;
  marker: string;
  title: string;
  start: number;
  end: number;
  children: OutlineList[];
}
/** One enumeration (a numbered list) in the outline. */
export interface OutlineList {
  style: string;
  complete: boolean;
  declaredCount?: number;
  items: OutlineItem[];
}

export const OutlineItemSchema: z.ZodType<OutlineItem> = z.lazy(() =>
  z.object({
    ordinal: z.number().int(),
    marker: z.string(),
    /** The item's heading and first clause (`精心谋划、科学布局 — 切实形成…体系`). */
    title: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    children: z.array(OutlineListSchema),
  }),
).meta({ id: "OutlineItem" });
export const OutlineListSchema: z.ZodType<OutlineList> = z.lazy(() =>
  z.object({
    style: z.string(),
    /** Ordinals run 1, 2, 3… without gaps or repeats. */
    complete: z.boolean(),
    /** The count the text announces (`以下六方面工作`), when it does. */
    declaredCount: z.number().int().optional(),
    items: z.array(OutlineItemSchema),
  }),
).meta({ id: "OutlineList" });

/** Schema of {@link EnumerationTags}. */
export const EnumerationTagsSchema = z.object({
  /** Numbered lists at any depth. */
  lists: z.number().int().nonnegative(),
  /** Items over all lists. */
  items: z.number().int().nonnegative(),
  /** Deepest nesting (0 when there is no list). */
  depth: z.number().int().nonnegative(),
  /** Lists whose announced count (`以下六方面`) differs from the items found. */
  declaredMismatches: z.number().int().nonnegative(),
  /** Top-level lists with their nested lists. */
  outline: z.array(OutlineListSchema),
});
/** The numbered lists of a text (`tags.enumerations`, {@link enumerationTags}): counts and the outline. */
export type EnumerationTags = z.infer<typeof EnumerationTagsSchema>;

/** Schema of {@link SpamTags}. */
export const SpamTagsSchema = z.object({
  /** True when any finding was made. */
  flagged: z.boolean(),
  /** The strongest finding's score (0 without findings). */
  score: z.number().min(0),
  findings: z.array(
    z.object({ category: z.string(), score: z.number(), span: SpanSchema, evidence: z.array(SpanSchema) }),
  ),
});
/** The injected spam of a page (`tags.spam`): whether it is flagged, the strongest score and the findings. */
export type SpamTags = z.infer<typeof SpamTagsSchema>;

/** Schema of {@link MeetingTags}. */
export const MeetingTagsSchema = z.object({
  /** The meeting's name (2023年第11次党委(扩大)会议); 会议 is added when only the body is written. */
  name: z.string().optional(),
  number: z.number().int().optional(),
  /** ISO date of the meeting (its first day). */
  date: z.string().optional(),
  /** ISO date of the last day, when the meeting ran over several. */
  dateEnd: z.string().optional(),
  chair: z.object({ name: z.string(), titles: z.array(z.string()), org: z.string().optional() }).optional(),
  participants: z.array(z.string()),
  attendees: z.array(z.string()),
  /** Members named absent in the roll call (张三、李四请假). */
  onLeave: z.array(z.string()),
  guests: z.array(z.string()),
  agenda: z.array(z.string()),
  decisions: z.array(z.string()),
});
/**
 * The meeting of a meeting report (`tags.meeting`): name, number, dates, chair, who took part, agenda and decisions,
 * without spans.
 */
export type MeetingTags = z.infer<typeof MeetingTagsSchema>;

/** Schema of {@link Tags}: the source of {@link tagsJsonSchema} and `dict/tags.schema.json`. */
export const TagsSchema = z.object({
  /** The caller's record id, when the tags come from a batch (`gongwen tag --jsonl`, `tagMany`). */
  id: z.union([z.string(), z.number()]).optional(),
  schemaVersion: z.literal(TAGS_SCHEMA_VERSION),
  /** The headline, when the page has one. */
  title: z.string().optional(),
  /** ISO publication date read from the page. */
  publishedAt: z.string().optional(),
  keywords: z.array(TagSchema),
  phrases: z.array(TagSchema),
  people: z.array(PersonTagSchema),
  organizations: z.array(TagSchema),
  places: z.array(TagSchema),
  dates: z.array(TagSchema),
  /** The caller's own section names (`userWords`) found in the text. */
  sections: z.array(TagSchema),
  meeting: MeetingTagsSchema.optional(),
  enumerations: EnumerationTagsSchema,
  spam: SpamTagsSchema,
  summary: z.object({ text: z.string(), spans: z.array(SpanSchema) }),
});
/** What `tag()` returns: stable, versioned, JSON-serialisable. */
export type Tags = z.infer<typeof TagsSchema>;

/** The tag lists a limit, an allow list or a deny list applies to. */
export const TAG_KINDS = ["keywords", "phrases", "people", "organizations", "places", "dates", "sections"] as const;
/** One of {@link TAG_KINDS}. */
export type TagKind = (typeof TAG_KINDS)[number];

const limitSchema = z.number().int().nonnegative();

/** Validates {@link TagOptions} (strict: unknown keys are rejected). */
export const TagOptionsSchema = z
  .object({
    /** Most tags per kind: one number for every kind or one per kind (default 10 keywords/phrases, 20 others). */
    maxPerKind: z.union([limitSchema, z.partialRecord(z.enum(TAG_KINDS), limitSchema)]).optional(),
    /** Drop tags scoring below this (scores are in [0, 1]). */
    minScore: z.number().min(0).max(1).optional(),
    /** When given, only these tags (normalised form) are kept, in every kind. */
    allow: z.array(z.string()).max(1_000_000).optional(),
    /** These tags (normalised form) are never returned. */
    deny: z.array(z.string()).max(1_000_000).optional(),
    /** The CMS's own section names: kept whole when segmenting and reported under `sections`. */
    userWords: z.array(z.string().min(1).max(64)).max(10_000).optional(),
  })
  .strict();
/** Options of {@link tag}: limits per kind, a minimum score, allow and deny lists, and the CMS's section names. */
export type TagOptions = z.infer<typeof TagOptionsSchema>;

/**
 * The JSON Schema (draft 2020-12) of {@link TagsSchema}, for a CMS in any language; the same document ships as
 * `gongwen/dict/tags.schema.json`.
 *
 * @example
 * import Ajv2020 from "ajv/dist/2020.js";
 * const validate = new Ajv2020().compile(tagsJsonSchema());
 * validate(tag(text)); // → true
 */
export function tagsJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(TagsSchema, { target: "draft-2020-12" });
  return {
    $schema,
    title: `gongwen tags ${TAGS_SCHEMA_VERSION}`,
    description: "What gongwen's tag() returns. Offsets are UTF-16 code-unit indices into the original text.",
    ...schema,
  };
}
