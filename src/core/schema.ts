/**
 * The document model: zod schemas for every output and option, with the TypeScript types derived from them
 * (`z.infer`), so types, runtime validation and the published JSON Schema cannot drift apart.
 *
 * Offsets everywhere are UTF-16 code-unit indices (JavaScript string indices) into the caller's original
 * string: `text.slice(span.start, span.end) === span.text`.
 */
import { z } from "zod";

// ---------------------------------------------------------------------------------------------------------------
// Spans and tokens

/** Schema of a {@link Span}: non-negative integer offsets and the text between them. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /**
   * The text gongwen read here when it differs from `text`: simplified characters for traditional ones, the
   * characters without the markup or pollution between them (`李克强` for `李克強`).
   */
  normalized: z.string().optional(),
});
/** A piece of the input: `input.slice(start, end) === text`. */
export type Span = z.infer<typeof SpanSchema>;

/** Schema of a {@link TokenKind}. */
export const TokenKindSchema = z.enum(["word", "number", "date", "punct", "space", "latin", "other", "skipped"]);
/**
 * What a token is: a `word`, a `number` (25, 3.5万亿, 第11), a `date` unit (2023年, 5月, 17日, 9时), `punct`, a `space`
 * run, `latin` letters (GDP), `other` symbols (℃), or input gongwen did not read (`skipped`: HTML markup, injected
 * pollution), there so that tokens always concatenate back to the input.
 */
export type TokenKind = z.infer<typeof TokenKindSchema>;

/** Schema of a {@link Token}. */
export const TokenSchema = SpanSchema.extend({
  /** Part of speech in jieba's ICTCLAS-style tag set (n, v, nr, ns, nt, m, t, x…); `w` for punctuation. */
  pos: z.string(),
  kind: TokenKindSchema,
});
/** A word (or number, date, punctuation mark, whitespace run…) with its offsets and part of speech. */
export type Token = z.infer<typeof TokenSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Page structure (web noise, metadata, spam)

/** Schema of a {@link RegionKind}. */
export const RegionKindSchema = z.enum(["article", "title", "navigation", "metadata", "credits", "footer", "spam"]);
/** What a range of a scraped page is: article, title, navigation, metadata, credits, footer or injected spam. */
export type RegionKind = z.infer<typeof RegionKindSchema>;

/** Schema of a {@link Region}. */
export const RegionSchema = SpanSchema.extend({ kind: RegionKindSchema });
/** A classified range of the input (nothing is deleted: regions cover the text). */
export type Region = z.infer<typeof RegionSchema>;

/** Schema of a {@link SpamFinding}. */
export const SpamFindingSchema = SpanSchema.extend({
  category: z.string(),
  /** The terms that made the case, each with its place in the input. */
  evidence: z.array(SpanSchema),
  score: z.number(),
});
/**
 * A line (or a sentence of a long line) of injected spam: what it sells ({@link SpamCategory}), the evidence and
 * the score (at least {@link SPAM_THRESHOLD}).
 */
export type SpamFinding = z.infer<typeof SpamFindingSchema>;

/** Schema of {@link Credits}. */
export const CreditsSchema = z.object({
  photo: z.array(z.string()).optional(),
  text: z.array(z.string()).optional(),
  editor: z.array(z.string()).optional(),
  reviewer: z.array(z.string()).optional(),
});
/** A page's credits as written: photographers (摄影, 供图), writers (文字, 撰稿, 记者), editors (编辑), reviewers (审核). */
export type Credits = z.infer<typeof CreditsSchema>;

/** Schema of a {@link PageInfo}. */
export const PageInfoSchema = z.object({
  regions: z.array(RegionSchema),
  title: SpanSchema.optional(),
  /** ISO date (YYYY-MM-DD) read from a 发布时间/日期 line. */
  publishedAt: z.string().optional(),
  views: z.number().int().nonnegative().optional(),
  /** Column / breadcrumb path, outermost first (学院首页 > 专题网站 > …). */
  breadcrumb: z.array(z.string()).optional(),
  column: z.string().optional(),
  source: z.string().optional(),
  credits: CreditsSchema.optional(),
  spam: z.array(SpamFindingSchema),
});
/** The page structure of a scraped text (`doc.page`, {@link readPage}): regions, title, metadata and spam findings. */
export type PageInfo = z.infer<typeof PageInfoSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Enumerations

/** One item of an {@link Enumeration}: its ordinal, its marker, its heading if it has one, and the lists inside it. */
export interface ListItem extends Span {
  ordinal: number;
  marker: Span;
  heading?: Span;
  children?: Enumeration[];
}
/**
 * A numbered list or a parallel series (一是…二是, 第一…第二, 一、…二、, (1)…(2), 首先…其次…): its style, its items and
 * whether the numbering is complete.
 */
export interface Enumeration extends Span {
  style: string;
  items: ListItem[];
  /** A count the text announces for the list; `count` and `matches` are absent for 以下几点 (no number given). */
  declared?: { count?: number; span: Span; matches?: boolean };
  /** Ordinals run 1, 2, 3… without gaps or repeats. */
  complete: boolean;
  /** Problems in the numbering, e.g. `gap after 3`, `repeat of 5`. */
  problems?: string[];
}

/** Schema of a {@link ListItem} (lazy: items hold enumerations, which hold items). */
export const ListItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  SpanSchema.extend({
    ordinal: z.number().int(),
    marker: SpanSchema,
    heading: SpanSchema.optional(),
    children: z.array(EnumerationSchema).optional(),
  }),
);
/** Schema of an {@link Enumeration}. */
export const EnumerationSchema: z.ZodType<Enumeration> = z.lazy(() =>
  SpanSchema.extend({
    style: z.string(),
    items: z.array(ListItemSchema),
    declared: z.object({ count: z.number().int().optional(), span: SpanSchema, matches: z.boolean().optional() }).optional(),
    complete: z.boolean(),
    problems: z.array(z.string()).optional(),
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// Entities

/** Schema of an {@link EntityType}. */
export const EntityTypeSchema = z.enum(["person", "org", "place", "date", "meeting", "count", "document", "quote"]);
/**
 * What an entity is: a person, an organisation (`org`), a place, a date, a meeting, a `count` (26项制度), a `document`
 * title (《…》) or a `quote` (“…”).
 */
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** What every entity has: its span and, for mentions of one thing, a shared id (e.g. `person:雷承锋`). */
const EntityBaseSchema = SpanSchema.extend({ id: z.string().optional() });

/** Schema of a {@link PersonEntity}. */
export const PersonEntitySchema = EntityBaseSchema.extend({
  type: z.literal("person"),
  attrs: z.object({
    /** The titles as written before (or right after) the name: 党委书记, 组长. */
    titles: z.array(z.string()),
    /** The organisation each title belongs to, in the same order (`null` when the text names none). */
    titleOrgs: z.array(z.string().nullable()),
    /** The first organisation among `titleOrgs`. */
    org: z.string().nullable(),
  }),
});
/** A person, with titles and the organisations they belong to (`attrs`). */
export type PersonEntity = z.infer<typeof PersonEntitySchema>;

/** Schema of an {@link OrgEntity}. */
export const OrgEntitySchema = EntityBaseSchema.extend({
  type: z.literal("org"),
  /** For an abbreviation, the full name the text also uses (院党委 → 学院党委). */
  attrs: z.object({ full: z.string() }).optional(),
});
/** An organisation; an abbreviation carries the full name in `attrs.full` and shares its `id`. */
export type OrgEntity = z.infer<typeof OrgEntitySchema>;

/** Schema of a {@link PlaceEntity}. */
export const PlaceEntitySchema = EntityBaseSchema.extend({
  type: z.literal("place"),
  /** The canonical name (山西 → 山西省), when the gazetteer knows the place. */
  value: z.string().optional(),
});
/** A place, with its canonical name in `value` when known. */
export type PlaceEntity = z.infer<typeof PlaceEntitySchema>;

/** Schema of a {@link DateEntity}. */
export const DateEntitySchema = EntityBaseSchema.extend({
  type: z.literal("date"),
  /** ISO 8601 at the stated precision (`2023-05-17`, `2023-05`, `2023-05-17T09:00`); absent when unresolved (近日). */
  value: z.string().optional(),
  attrs: z.object({ precision: z.enum(["year", "month", "day", "time"]), relative: z.boolean() }),
});
/** A date, its ISO value, precision, and whether the text gave it relative to another day (今年, 昨天). */
export type DateEntity = z.infer<typeof DateEntitySchema>;

/** Schema of a {@link CountEntity}. */
export const CountEntitySchema = EntityBaseSchema.extend({
  type: z.literal("count"),
  /** The parsed number (二十条主要工作重点 → 20). */
  value: z.number(),
  /** The counted noun and its classifier (主要工作重点, 条). */
  attrs: z.object({ noun: z.string(), classifier: z.string() }),
});
/** A counted list of policy items (26项制度保障, 六个关键问题): the number, noun and classifier. */
export type CountEntity = z.infer<typeof CountEntitySchema>;

/** Schema of a {@link MeetingEntity}. */
export const MeetingEntitySchema = EntityBaseSchema.extend({ type: z.literal("meeting") });
/** A meeting named in the text (2023年第11次党委(扩大)会议, 党的二十大). */
export type MeetingEntity = z.infer<typeof MeetingEntitySchema>;

/** Schema of a {@link DocumentEntity}. */
export const DocumentEntitySchema = EntityBaseSchema.extend({ type: z.literal("document") });
/** A document title in 《》, without the brackets. */
export type DocumentEntity = z.infer<typeof DocumentEntitySchema>;

/** Schema of a {@link QuoteEntity}. */
export const QuoteEntitySchema = EntityBaseSchema.extend({ type: z.literal("quote") });
/** A quoted slogan or formula (“两个确立”), without the quotation marks. */
export type QuoteEntity = z.infer<typeof QuoteEntitySchema>;

/** Schema of an {@link Entity}: one object schema per `type`. */
export const EntitySchema = z.discriminatedUnion("type", [
  PersonEntitySchema,
  OrgEntitySchema,
  PlaceEntitySchema,
  DateEntitySchema,
  CountEntitySchema,
  MeetingEntitySchema,
  DocumentEntitySchema,
  QuoteEntitySchema,
]);
/**
 * A named thing in the text with its offsets and id, narrowed by `type`: a person's `attrs` hold titles and
 * organisations, a count's `value` is its number, a date's `value` its ISO date, and so on.
 *
 * @example
 * const person = doc.entities.find((e) => e.type === "person");
 * person?.attrs.titles; // → ["党委书记"] (string[]: `type` narrowed the entity)
 */
export type Entity = z.infer<typeof EntitySchema>;
/** The entity of one `type`, e.g. `EntityOf<"count">`. */
export type EntityOf<T extends EntityType> = Extract<Entity, { type: T }>;

// ---------------------------------------------------------------------------------------------------------------
// Keywords and summaries

/** Schema of a {@link Keyword}. */
export const KeywordSchema = z.object({
  /** As the input writes it (traditional characters in a traditional input). */
  text: z.string(),
  /** The simplified form, when the input writes the keyword otherwise. */
  normalized: z.string().optional(),
  score: z.number(),
  kind: z.enum(["word", "phrase"]),
  /** Every occurrence in the input. */
  spans: z.array(SpanSchema),
});
/** A keyword (`word`) or key phrase (`phrase`) with its score in [0, 1] (higher ranks first) and every occurrence. */
export type Keyword = z.infer<typeof KeywordSchema>;

/** Schema of a {@link Summary}. */
export const SummarySchema = z.object({
  /** Indices into `doc.sentences`, in document order. */
  sentences: z.array(z.number().int().nonnegative()),
  spans: z.array(SpanSchema),
  /** The chosen sentences joined in order (without markup or pollution, in the input's script). */
  text: z.string(),
  /** The simplified form, when the input writes the summary otherwise. */
  normalized: z.string().optional(),
});
/** An extractive summary: the chosen sentences, as indices and spans, and their text. */
export type Summary = z.infer<typeof SummarySchema>;

/** Schema of a {@link PersonRef}. */
export const PersonRefSchema = z.object({
  name: z.string(),
  /** The simplified name, when the input writes it otherwise (`李克强` for `李克強`). */
  normalized: z.string().optional(),
  titles: z.array(z.string()),
  org: z.string().optional(),
  span: SpanSchema,
});
/** A person in a meeting brief: the name, the titles as written, the organisation of the main title, the span. */
export type PersonRef = z.infer<typeof PersonRefSchema>;

/**
 * Schema of one member of a meeting's roll: a span of the text; `group` when it names people by their role, body
 * or number (`全体党委委员`, `办公室`, `238人`) rather than by name.
 */
export const MeetingMemberSchema = SpanSchema.extend({ group: z.literal(true).optional() });

/** Schema of a {@link MeetingBrief}. */
export const MeetingBriefSchema = z.object({
  title: SpanSchema.optional(),
  /** ISO date of the meeting (its first day). */
  date: z.string().optional(),
  /** ISO date of the last day, when the text gives a range (12月11日至12日). */
  dateEnd: z.string().optional(),
  dateSpan: SpanSchema.optional(),
  /** Where the meeting is named; `name` adds 会议 when only the body is written (中共中央政治局…召开会议). */
  meeting: SpanSchema.extend({ name: z.string(), number: z.number().int().optional() }).optional(),
  chair: PersonRefSchema.optional(),
  /** Who attended (出席/参加): people by name, and groups (`group`) named by role, body or count. */
  participants: z.array(MeetingMemberSchema),
  /** Who sat in (列席), named the same way. */
  attendees: z.array(MeetingMemberSchema),
  /** Named as on leave (`张三、李四请假`, `因公请假`): members who did not attend, so neither participants nor attendees. */
  onLeave: z.array(MeetingMemberSchema),
  guests: z.array(PersonRefSchema),
  agenda: z.array(SpanSchema),
  decisions: z.array(SpanSchema),
  statements: z.array(
    z.object({ speaker: z.string(), verb: z.string(), span: SpanSchema, speakerSpan: SpanSchema.optional() }),
  ),
});
/**
 * What a meeting report says about its meeting (`doc.meeting`, {@link meetingBrief}): date, name, chair, who took
 * part, agenda, decisions and statements, with the spans they came from.
 */
export type MeetingBrief = z.infer<typeof MeetingBriefSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The input as given

/** Schema of an {@link InputInfo}. */
export const InputInfoSchema = z.object({
  /** `html` when the input was read as markup (its text analysed, the markup skipped), else `text`. */
  format: z.enum(["text", "html"]),
  /** The script of the input's Chinese: `traditional` and `mixed` inputs are analysed through a simplified view. */
  script: z.enum(["simplified", "traditional", "mixed"]),
  /**
   * What was injected between the characters (present only when found), each kind left out of the text analysed:
   * `pinyin` after characters (`国(guo)`, `區(qū)`), `emoji` and symbols, `invisible` zero-width and bidi characters,
   * `width`: full-width letters or digits mixed into half-width ones (read as half-width); `seo`: a betting or porn
   * site's string in place of a name (`开云手机官网入口`); `jammer`: a forum's anti-copy ASCII scraps; `placeholder`:
   * masks where a copy site hid names and years (`镇X委`, `20**年`); `mojibake`: characters a mirror lost to a wrong
   * encoding (`????`, `锟斤拷`, U+FFFD, `ä¸­æ–‡`); `spinning`: official collocations a synonym spinner broke
   * (`圆桌聚会`), read as the collocation (evidence carries it as `normalized`).
   */
  pollution: z
    .array(
      z.object({
        kind: z.enum(["pinyin", "emoji", "invisible", "width", "seo", "placeholder", "jammer", "mojibake", "spinning"]),
        /** How many were found. */
        count: z.number().int().positive(),
        /** Findings per Chinese character of the text (about 1 when every character is annotated). */
        score: z.number(),
        /** The first 50 findings, as spans of the input. */
        evidence: z.array(SpanSchema),
      }),
    )
    .optional(),
});
/** What the input was and which views gongwen read it through (`doc.input`). */
export type InputInfo = z.infer<typeof InputInfoSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The document

/** Schema of a {@link Doc}, e.g. to check a Doc read back from JSON. */
export const DocSchema = z.object({
  text: z.string(),
  /** How the input was read (format, script); spans are always ranges of the input as given. */
  input: InputInfoSchema.optional(),
  tokens: z.array(TokenSchema),
  sentences: z.array(SpanSchema),
  /** Clause spans (split at ，；： too), for stages that work below the sentence. */
  clauses: z.array(SpanSchema).optional(),
  page: PageInfoSchema.optional(),
  enumerations: z.array(EnumerationSchema).optional(),
  entities: z.array(EntitySchema).optional(),
  keywords: z.array(KeywordSchema).optional(),
  phrases: z.array(KeywordSchema).optional(),
  summary: SummarySchema.optional(),
  /** Present only for meeting reports. */
  meeting: MeetingBriefSchema.optional(),
});
/** Everything gongwen knows about one text: plain, JSON-serialisable data. */
export type Doc = z.infer<typeof DocSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Options

/** Schema of a {@link SegmentMode}. */
export const SegmentModeSchema = z.enum(["default", "search"]);
/**
 * `default`: whole words; `search`: words longer than three characters are cut further into their dictionary pieces,
 * for search indexes (numerals and ordinals such as 第二十四 stay whole).
 *
 * @example
 * segment("中华人民共和国国务院").map((t) => t.text); // → ["中华人民共和国国务院"]
 * segment("中华人民共和国国务院", { mode: "search" }).map((t) => t.text); // → ["中华", "人民", "共和国", "国务院"]
 */
export type SegmentMode = z.infer<typeof SegmentModeSchema>;

/** Is `iso` (YYYY-MM-DD) a day of the calendar (no 2023-13-45, no 2023-02-29)? */
function isCalendarDay(iso: string): boolean {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The ISO day (YYYY-MM-DD) of `year`, `month` (1–12), `day`, or undefined when that is no day of the calendar. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && isCalendarDay(iso) ? iso : undefined;
}

/** Validates an ISO date option (`referenceDate`): YYYY-MM-DD and a real day of the calendar. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date YYYY-MM-DD")
  .refine(isCalendarDay, "no such day in the calendar");

/**
 * Default cap on input length in UTF-16 code units (2 million ≈ 6 MB of UTF-8 Chinese, 30 times the longest policy
 * document here): every hostile shape of bench/adversarial-scaling.ts stays under 2 GB RSS at this length (1.3 GB
 * at most), while a Doc of 10 million characters of dense text would need 4–5 GB.
 */
export const DEFAULT_MAX_INPUT_LENGTH = 2_000_000;

/** Validates {@link SegmentOptions} (strict: unknown keys are rejected). */
export const SegmentOptionsSchema = z
  .object({
    mode: SegmentModeSchema.optional(),
  })
  .strict();
/** Options of {@link segment}: the {@link SegmentMode} (default: the analyzer's, `default` unless configured). */
export type SegmentOptions = z.infer<typeof SegmentOptionsSchema>;

/**
 * The jieba engine under segmentation: `nodejieba` (default) or `node-rs` (`@node-rs/jieba`, an optional peer
 * dependency: faster, prebuilt binaries; DEPENDENCY_MISSING when it is not installed).
 */
export const EngineNameSchema = z.enum(["nodejieba", "node-rs"]);
/** The name of a jieba engine (see {@link EngineNameSchema}). */
export type EngineName = z.infer<typeof EngineNameSchema>;

/** Validates an {@link AnalyzerConfig} (strict: unknown keys are rejected). */
export const AnalyzerConfigSchema = z
  .object({
    /** Extra words kept whole by this analyzer (applied by gongwen, so two analyzers can differ). */
    userWords: z.array(z.string().min(1).max(64)).max(1_000_000).optional(),
    /**
     * A user dictionary as text, one `word [freq] [pos]` per line (jieba's format; `#` starts a comment).
     * A malformed line throws `DICT_PARSE` naming the line.
     */
    userDict: z.string().max(50_000_000).optional(),
    mode: SegmentModeSchema.optional(),
    /** The jieba engine: `nodejieba` (default) or `node-rs` (install `@node-rs/jieba`). */
    engine: EngineNameSchema.optional(),
    maxInputLength: z.number().int().positive().optional(),
    /** ISO date used to resolve dates without a year when the page has no publication date. */
    referenceDate: IsoDateSchema.optional(),
    /** The page's address: a date in its path (`/2019-03/04/content_…`, `/t20240926_…`) dates a page whose text gives none. */
    url: z.string().max(8192).optional(),
    /** `article` (default): later stages read the article and title only; `all`: the whole input. */
    scope: z.enum(["article", "all"]).optional(),
    /** `text`, `html`, or `auto` (default): read as HTML when the input is a page or fragment of markup. */
    format: z.enum(["text", "html", "auto"]).optional(),
    /** Built-in stages to run, by name, in order (default: all of them). */
    stages: z.array(z.enum(["segment", "sentences", "page", "enumerations", "entities", "keywords", "summary", "meeting"])).optional(),
  })
  .strict();
/**
 * Options of {@link analyze} and {@link createAnalyzer}: user words and dictionary, segmentation mode, engine, input cap in
 * UTF-16 units (default {@link DEFAULT_MAX_INPUT_LENGTH}), reference date, scope and stages.
 */
export type AnalyzerConfig = z.infer<typeof AnalyzerConfigSchema>;
/** The names of the built-in stages. */
export type StageName = NonNullable<AnalyzerConfig["stages"]>[number];

/** Validates {@link KeywordOptions} (strict: unknown keys are rejected). */
export const KeywordOptionsSchema = z
  .object({
    /** How many keywords to return (default 20). */
    topK: z.number().int().positive().max(10_000).optional(),
    /** `tfidf` (domain IDF), `textrank` (co-occurrence graph) or `blend` of both (default). */
    method: z.enum(["tfidf", "textrank", "blend"]).optional(),
    /** Share of TextRank in `blend`, 0…1 (default 0.3). */
    textRankWeight: z.number().min(0).max(1).optional(),
    /** Rank key phrases together with single words (default true). */
    phrases: z.boolean().optional(),
  })
  .strict();
/** Options of {@link keywords}: how many, by which method, and whether key phrases are ranked too. */
export type KeywordOptions = z.infer<typeof KeywordOptionsSchema>;

/** Validates {@link SummaryOptions} (strict: unknown keys are rejected). */
export const SummaryOptionsSchema = z
  .object({
    /** Most characters (UTF-16 units, the sum of the chosen sentences' lengths) in the summary (default 200). */
    maxChars: z.number().int().positive().optional(),
    /** Most sentences in the summary (default 3). */
    maxSentences: z.number().int().positive().optional(),
  })
  .strict();
/** Options of {@link summarize}: its length budget in characters and sentences. */
export type SummaryOptions = z.infer<typeof SummaryOptionsSchema>;
