/**
 * Named entities: people (with titles and affiliations), organisations, places, dates, meetings, counts,
 * documents and quoted formulas, each a span of the original text.
 */
import { GongwenError } from "../errors.js";
import type { Stage } from "../pipeline.js";
import type { Entity, Token } from "../schema.js";
import { defaultLexicon, segmentText } from "../segment/index.js";
import { findDates } from "../text/dates.js";
import { findCounts } from "./count.js";
import { entityLexicon } from "./lexicon.js";
import { findMeetings } from "./meeting.js";
import { findOrgs, type OrgMatch } from "./org.js";
import { findPersons, personName, type PersonMatch } from "./person.js";
import { findPlaces } from "./place.js";
import { findQuotes } from "./quote.js";
import { type Candidate, linkOrgAbbreviations, resolveOverlaps } from "./resolve.js";
import { indexTokens } from "./tokens.js";

export interface EntityOptions {
  /** ISO date (YYYY-MM-DD) that completes dates without a year (5月17日) and resolves 今年, 昨天. */
  referenceDate?: string;
}

/** Ranks for overlaps (lower wins): evidence first, then how specific the type is. */
const RANK = { titledPerson: 0, org: 1, place: 2, taggedPerson: 3, other: 0 } as const;

function span(text: string, start: number, end: number) {
  return { start, end, text: text.slice(start, end) };
}

function personEntity(text: string, person: PersonMatch): Entity {
  const org = person.titleOrgs.find((o) => o !== null) ?? null;
  return {
    ...span(text, person.start, person.end),
    type: "person",
    id: `person:${personName(text, person)}`,
    attrs: { titles: person.titles, titleOrgs: person.titleOrgs, org },
  };
}

function orgEntity(text: string, org: OrgMatch): Entity {
  return { ...span(text, org.start, org.end), type: "org", ...(org.full ? { attrs: { full: org.full } } : {}) };
}

/** Organisations named in title chains, unless they are places (江苏省原副省长). */
function chainOrgs(text: string, persons: readonly PersonMatch[], placeNames: ReadonlySet<string>): OrgMatch[] {
  return persons.flatMap((p) => p.orgSpans).filter((o) => !placeNames.has(text.slice(o.start, o.end)));
}

/**
 * Entities in `text` given its tokens (as the segment stage produced them).
 *
 * @example
 * extractEntities(text, tokens).filter((e) => e.type === "person")[0]
 * // "学院党委书记雷承锋主持" → { text: "雷承锋", attrs: { titles: ["党委书记"], org: "学院", … }, id: "person:雷承锋" }
 */
export function extractEntities(text: string, tokens: readonly Token[], options: EntityOptions = {}): Entity[] {
  const lexicon = entityLexicon();
  const index = indexTokens(text, tokens);
  const persons = findPersons(text, index, lexicon);
  const places = findPlaces(text, index, lexicon);
  const placeNames = new Set([...lexicon.places.words.keys()]);
  const candidates: Candidate[] = [
    ...persons.map((p) => ({ entity: personEntity(text, p), rank: p.evidence === "title" ? RANK.titledPerson : RANK.taggedPerson })),
    ...[...chainOrgs(text, persons, placeNames), ...findOrgs(text, index, lexicon)].map((o) => ({ entity: orgEntity(text, o), rank: RANK.org })),
    ...places.map((p) => ({
      entity: { ...span(text, p.start, p.end), type: "place" as const, ...(p.full ? { value: p.full } : {}) },
      rank: RANK.place,
    })),
    ...findMeetings(text, index).map((m) => ({ entity: { ...span(text, m.start, m.end), type: "meeting" as const }, rank: RANK.other })),
    ...findCounts(index).map((c) => ({
      entity: { ...span(text, c.start, c.end), type: "count" as const, value: c.value, attrs: { noun: c.noun, classifier: c.classifier } },
      rank: RANK.other,
    })),
    ...findDates(text, options.referenceDate ? { referenceDate: options.referenceDate } : {}).map((d) => ({
      entity: {
        ...span(text, d.start, d.end),
        type: "date" as const,
        ...(d.value ? { value: d.value } : {}),
        attrs: { precision: d.precision, relative: d.relative },
      },
      rank: RANK.other,
    })),
    ...findQuotes(text).map((q) => ({ entity: { ...span(text, q.start, q.end), type: q.type }, rank: RANK.other })),
  ];
  const chosen = resolveOverlaps(candidates, text.length);
  linkOrgAbbreviations(chosen);
  return chosen;
}

/**
 * Entities in `text`, segmented with the built-in vocabulary.
 *
 * @example
 * entities("学院党委书记雷承锋主持召开会议").map((e) => [e.type, e.text]);
 * // → [["org", "学院党委"], ["person", "雷承锋"]]
 */
export function entities(text: string, options: EntityOptions = {}): Entity[] {
  if (typeof text !== "string") {
    throw new GongwenError("INVALID_INPUT", `expected a string, got ${text === null ? "null" : typeof text}`);
  }
  return extractEntities(text, segmentText(text, "default", defaultLexicon()), options);
}

/** The pipeline stage: fills `doc.entities` from `doc.tokens`. */
export const entityStage: Stage = {
  name: "entities",
  requires: ["tokens", "sentences"],
  provides: "entities",
  run: (doc, context) => {
    const referenceDate = context.config.referenceDate ?? doc.page?.publishedAt;
    return { ...doc, entities: extractEntities(doc.text, doc.tokens, referenceDate ? { referenceDate } : {}) };
  },
};
