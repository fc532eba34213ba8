/**
 * A Doc projected onto the flat, versioned tag lists a CMS stores. Pure and deterministic: the same Doc and options
 * give the same tags in the same order (score, then first occurrence, then the tag itself). `tag()` (index.ts) and
 * an analyzer's `tag` method both end here.
 */
import { GongwenError } from "../core/errors.js";
import { parseObject } from "../core/options.js";
import { itemTitle } from "../enumerate/outline.js";
import type { Doc, Entity, EntityOf, EntityType, Enumeration, Keyword, Span } from "../core/schema.js";
import { countBelow } from "../core/spans.js";
import {
  TAGS_SCHEMA_VERSION,
  type EnumerationTags,
  type MeetingTags,
  type OutlineList,
  type PersonTag,
  type SpamTags,
  type Tag,
  type TagKind,
  type TagOptions,
  type Tags,
} from "./schema.js";

const DEFAULT_LIMITS: Record<TagKind, number> = {
  keywords: 10,
  phrases: 10,
  people: 20,
  organizations: 20,
  places: 20,
  dates: 20,
  sections: 20,
};

/** Page regions whose mentions are not the article's: a CMS tags what the article says, not its banners. */
const OUTSIDE_ARTICLE = new Set(["navigation", "metadata", "credits", "footer", "spam"]);

/** The entities that lie outside noise regions (all of them when the page was not read). */
function articleEntities(doc: Doc): Entity[] {
  const entities = doc.entities ?? [];
  const noise = (doc.page?.regions ?? []).filter((region) => OUTSIDE_ARTICLE.has(region.kind)).sort((a, b) => a.start - b.start);
  if (noise.length === 0) return entities;
  return entities.filter((entity) => {
    // The last noise region starting at or before the entity is the only one that can contain its start.
    const last = noise[countBelow(noise, entity.start + 1, (region) => region.start) - 1];
    return last === undefined || entity.start >= last.end;
  });
}

/** Scores are rounded so that the JSON a CMS stores does not carry float noise. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Canonical text of a tag: full-width Latin letters and digits folded (ＡＩ → AI), spaces trimmed. */
const normalise = (text: string) => text.normalize("NFKC").trim();

/**
 * What gongwen read in a span: its `normalized` text where the input differs (simplified characters, no markup or
 * injected pinyin), so that 李克強 and 李克强 are one tag and `李(li)强` is never one.
 */
const readText = (span: { text: string; normalized?: string }) => span.normalized ?? span.text;

interface Group {
  tag: string;
  weight: number;
  spans: Span[];
}

/** Highest score first, then earliest first occurrence, then code-unit order of the tag. */
function byRank(a: Tag, b: Tag): number {
  return b.score - a.score || a.spans[0]!.start - b.spans[0]!.start || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}

/** Turns groups into tags scored relative to the strongest group (which scores 1). */
function toTags(groups: Iterable<Group>): Tag[] {
  const list = [...groups].filter((group) => group.tag !== "" && group.spans.length > 0);
  const top = list.reduce((max, group) => Math.max(max, group.weight), 0);
  return list
    .map((group) => {
      const spans = [...group.spans].sort((a, b) => a.start - b.start || a.end - b.end);
      return { tag: group.tag, score: top > 0 ? round(group.weight / top) : 0, count: spans.length, spans };
    })
    .sort(byRank);
}

function keywordTags(keywords: readonly Keyword[] | undefined): Tag[] {
  const groups = new Map<string, Group>();
  for (const keyword of keywords ?? []) {
    const tag = normalise(readText(keyword));
    const group = groups.get(tag);
    if (group) {
      group.weight = Math.max(group.weight, keyword.score);
      for (const span of keyword.spans) group.spans.push(span); // no spread: a keyword can occur 100,000 times
    } else {
      groups.set(tag, { tag, weight: keyword.score, spans: [...keyword.spans] });
    }
  }
  return toTags(groups.values());
}

const isOfType = <T extends EntityType>(entity: Entity, type: T): entity is EntityOf<T> => entity.type === type;

const spanOf = (entity: Entity): Span => ({
  start: entity.start,
  end: entity.end,
  text: entity.text,
  ...(entity.normalized !== undefined ? { normalized: entity.normalized } : {}),
});

/** The normalised form of an entity: its normalised value when it has one, the text read otherwise. */
const entityTag = (entity: Entity) =>
  normalise("value" in entity && typeof entity.value === "string" && entity.value !== "" ? entity.value : readText(entity));

/** Mentions of one entity type grouped by normalised form and weighted by how often they occur. */
function entityGroups<T extends EntityType>(entities: readonly Entity[], type: T): Map<string, Group & { mentions: EntityOf<T>[] }> {
  const groups = new Map<string, Group & { mentions: EntityOf<T>[] }>();
  for (const entity of entities) {
    if (!isOfType(entity, type)) continue;
    const tag = entityTag(entity);
    const group = groups.get(tag) ?? { tag, weight: 0, spans: [], mentions: [] };
    group.weight += 1;
    group.spans.push(spanOf(entity));
    group.mentions.push(entity);
    groups.set(tag, group);
  }
  return groups;
}

function personTags(entities: readonly Entity[]): PersonTag[] {
  const groups = entityGroups(entities, "person");
  return toTags(groups.values()).map((tag) => {
    const mentions = groups.get(tag.tag)!.mentions;
    const titles = [...new Set(mentions.flatMap((mention) => mention.attrs.titles))];
    const org = mentions.map((mention) => mention.attrs.org).find((value) => typeof value === "string");
    return { ...tag, titles, ...(typeof org === "string" ? { org } : {}) };
  });
}

/** Every non-overlapping occurrence of each user word, scored by frequency. */
function sectionTags(text: string, userWords: readonly string[]): Tag[] {
  const groups: Group[] = [];
  for (const word of new Set(userWords)) {
    const spans: Span[] = [];
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      spans.push({ start: at, end: at + word.length, text: word });
    }
    groups.push({ tag: normalise(word), weight: spans.length, spans });
  }
  return toTags(groups);
}

/**
 * The enumerations of a Doc as counts and a nested outline (markers and item titles), as in `Tags.enumerations`.
 *
 * @example
 * enumerationTags(analyze("工作重点：一是精心谋划；二是聚焦目标。")).items; // → 2
 */
export function enumerationTags(doc: Pick<Doc, "enumerations">): EnumerationTags {
  const { enumerations } = parseObject(doc, "enumerationTags()");
  const totals = { lists: 0, items: 0, depth: 0, declaredMismatches: 0 };
  const walk = (lists: readonly Enumeration[], depth: number): OutlineList[] =>
    lists.map((list) => {
      totals.lists += 1;
      totals.items += list.items.length;
      totals.depth = Math.max(totals.depth, depth);
      if (list.declared?.matches === false) totals.declaredMismatches += 1;
      return {
        style: list.style,
        complete: list.complete,
        ...(list.declared?.count === undefined ? {} : { declaredCount: list.declared.count }),
        items: list.items.map((item) => ({
          ordinal: item.ordinal,
          marker: item.marker.text,
          title: itemTitle(item, list.style),
          start: item.start,
          end: item.end,
          children: walk(item.children ?? [], depth + 1),
        })),
      };
    });
  const tree = walk(enumerations ?? [], 1);
  return { ...totals, outline: tree };
}

function spamTags(doc: Doc): SpamTags {
  const findings = (doc.page?.spam ?? []).map((finding) => ({
    category: finding.category,
    score: finding.score,
    span: { start: finding.start, end: finding.end, text: finding.text },
    evidence: finding.evidence,
  }));
  return {
    flagged: findings.length > 0,
    score: round(findings.reduce((max, finding) => Math.max(max, finding.score), 0)),
    findings,
  };
}

function meetingTags(doc: Doc): MeetingTags | undefined {
  const meeting = doc.meeting;
  if (!meeting) return undefined;
  const texts = (spans: readonly { text: string; normalized?: string }[]) => spans.map(readText);
  return {
    ...(meeting.meeting ? { name: meeting.meeting.name } : {}),
    ...(meeting.meeting?.number !== undefined ? { number: meeting.meeting.number } : {}),
    ...(meeting.date ? { date: meeting.date } : {}),
    ...(meeting.dateEnd ? { dateEnd: meeting.dateEnd } : {}),
    ...(meeting.chair
      ? {
          chair: {
            name: meeting.chair.name,
            titles: meeting.chair.titles,
            ...(meeting.chair.org ? { org: meeting.chair.org } : {}),
          },
        }
      : {}),
    participants: texts(meeting.participants),
    attendees: texts(meeting.attendees),
    onLeave: texts(meeting.onLeave),
    guests: meeting.guests.map((guest) => guest.name),
    agenda: texts(meeting.agenda),
    decisions: texts(meeting.decisions),
  };
}

/** Applies the allow/deny lists, the minimum score and the per-kind limits. */
function select<T extends Tag>(tags: T[], kind: TagKind, options: TagOptions, allow?: Set<string>, deny?: Set<string>): T[] {
  const { maxPerKind, minScore = 0 } = options;
  const limit = typeof maxPerKind === "number" ? maxPerKind : (maxPerKind?.[kind] ?? DEFAULT_LIMITS[kind]);
  return tags
    .filter((tag) => tag.score >= minScore && !deny?.has(tag.tag) && (!allow || allow.has(tag.tag)))
    .slice(0, limit);
}

/** `value` if it is a Doc (the input of `tag`), else an `INVALID_INPUT` error. */
export function docOrThrow(value: unknown): Doc {
  if (typeof value === "object" && value !== null && typeof (value as Doc).text === "string") return value as Doc;
  throw new GongwenError("INVALID_INPUT", "tag() expects a string or a Doc");
}

/** The tags of `doc` under validated `options`; `options.userWords` are the sections to look for. */
export function tagsOf(doc: Doc, options: TagOptions): Tags {
  const userWords = options.userWords ?? [];
  const allow = options.allow ? new Set(options.allow.map(normalise)) : undefined;
  const deny = options.deny ? new Set(options.deny.map(normalise)) : undefined;
  const pick = <T extends Tag>(kind: TagKind, tags: T[]) => select(tags, kind, options, allow, deny);
  const entities = articleEntities(doc);
  const meeting = meetingTags(doc);
  const summary = doc.summary;

  return {
    schemaVersion: TAGS_SCHEMA_VERSION,
    ...(doc.page?.title ? { title: readText(doc.page.title) } : {}),
    ...(doc.page?.publishedAt ? { publishedAt: doc.page.publishedAt } : {}),
    keywords: pick("keywords", keywordTags(doc.keywords)),
    phrases: pick("phrases", keywordTags(doc.phrases)),
    people: pick("people", personTags(entities)),
    organizations: pick("organizations", toTags(entityGroups(entities, "org").values())),
    places: pick("places", toTags(entityGroups(entities, "place").values())),
    dates: pick("dates", toTags(entityGroups(entities, "date").values())),
    sections: pick("sections", sectionTags(doc.text, userWords)),
    ...(meeting ? { meeting } : {}),
    enumerations: enumerationTags(doc),
    spam: spamTags(doc),
    summary: { text: summary?.text ?? "", spans: summary?.spans ?? [] },
  };
}

