/**
 * Named entities: people (with titles and affiliations), organisations, places, dates, meetings, counts,
 * documents and quoted formulas, each a span of the original text.
 */
import { GongwenError } from "../errors.js";
import type { Stage } from "../pipeline.js";
import type { Entity, Token } from "../schema.js";
import { defaultLexicon, segmentText } from "../segment/index.js";
import { findDates } from "../text/dates.js";
import { contentRanges } from "../text/page.js";
import { findCounts } from "./count.js";
import { type EntityLexicon, entityLexicon, longestEndingAt, longestStartingAt } from "./lexicon.js";
import { findMeetings } from "./meeting.js";
import { taggedNames } from "./names.js";
import { findOrgs, type OrgMatch } from "./org.js";
import { findPersons, listedNames, personName, type PersonMatch, titleAfter } from "./person.js";
import { findPlaces, type PlaceMatch } from "./place.js";
import { findQuotes } from "./quote.js";
import { type Candidate, linkOrgAbbreviations, resolveOverlaps } from "./resolve.js";
import { indexTokens, type TokenIndex } from "./tokens.js";

export interface EntityOptions {
  /** ISO date (YYYY-MM-DD) that completes dates without a year (5月17日) and resolves 今年, 昨天. */
  referenceDate?: string;
}

/**
 * Ranks for overlaps (lower wins). Title chains are the surest evidence; later mentions of titled names next;
 * then organisation names built on a dictionary name (党中央, 中国共产党第二十届中央委员会); then the tagger and the
 * organisation grammar, longer name first; gazetteer places fill in what is left. The order was chosen by comparing
 * alternatives on the policy gold set and on example.dev held out (bench/tools/dev-eval.ts).
 */
const RANK = {
  titledPerson: 0,
  chainOrg: 1,
  mention: 2,
  known: 3,
  tagger: 4,
  // the organisation grammar competes with the tagger on equal terms: the longer name wins (nested names whole)
  org: 4,
  place: 6,
  other: 0,
};

function span(text: string, start: number, end: number) {
  return { start, end, text: text.slice(start, end) };
}

function personEntity(text: string, person: Pick<PersonMatch, "start" | "end" | "titles" | "titleOrgs">): Entity {
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

function placeEntity(text: string, place: PlaceMatch, lexicon: EntityLexicon): Entity {
  const full = place.full ?? lexicon.places.words.get(text.slice(place.start, place.end));
  return { ...span(text, place.start, place.end), type: "place", ...(full ? { value: full } : {}) };
}

/** Organisations named in title chains, unless they are places (江苏省原副省长). */
function chainOrgs(text: string, persons: readonly PersonMatch[], placeNames: ReadonlyMap<string, string>): OrgMatch[] {
  return persons.flatMap((p) => p.orgSpans).filter((o) => !placeNames.has(text.slice(o.start, o.end)));
}

/**
 * Does the organisation start or end with a name the dictionary knows (党中央, 中国共产党第二十届中央委员会,
 * 中共国务院党组)? Such names outrank the tagger's guesses.
 */
function builtOnKnownName(text: string, lexicon: EntityLexicon, org: OrgMatch): boolean {
  const head = longestStartingAt(lexicon.orgNames, text, org.start, org.end);
  const tail = longestEndingAt(lexicon.orgNames, text, org.end, org.start);
  return Boolean((head && head.end - org.start >= 2) || (tail && org.end - tail.start >= 3));
}

/** Words after which a country name is part of a fixed formula, not a place (中国式现代化, 中国特色, 中华民族). */
const FORMULA_AFTER_PLACE = ["式", "特色", "民族"];

const isFormula = (text: string, place: { end: number }) => FORMULA_AFTER_PLACE.some((w) => text.startsWith(w, place.end));

/** Person, place and organisation candidates with their ranks. */
function nameCandidates(text: string, index: TokenIndex, lexicon: EntityLexicon): Candidate[] {
  const persons = findPersons(text, index, lexicon);
  const personRank = { title: RANK.titledPerson, mention: RANK.mention };
  const tagged = taggedNames(text, index, lexicon);
  const seeds = [...persons, ...tagged.filter((n) => n.type === "person")];
  return [
    ...listedNames(text, index, lexicon, seeds).map((p) => ({ entity: personEntity(text, p), rank: RANK.mention })),
    ...persons.map((p) => ({ entity: personEntity(text, p), rank: personRank[p.evidence] })),
    ...chainOrgs(text, persons, lexicon.places.words).map((o) => ({ entity: orgEntity(text, o), rank: RANK.chainOrg })),
    ...findOrgs(text, index, lexicon).map((o) => ({ entity: orgEntity(text, o), rank: builtOnKnownName(text, lexicon, o) ? RANK.known : RANK.org })),
    ...tagged
      .filter((n) => n.type !== "place" || !isFormula(text, n))
      .map((n) => ({
        entity: n.type === "person" ? personEntity(text, { ...n, titles: [], titleOrgs: [] })
          : n.type === "org" ? orgEntity(text, n) : placeEntity(text, n, lexicon),
        rank: RANK.tagger,
      })),
    ...findPlaces(text, index, lexicon)
      .filter((p) => !isFormula(text, p))
      .map((p) => ({ entity: placeEntity(text, p, lexicon), rank: RANK.place })),
  ];
}

/** Gives a person without a title before the name the title right after it (习近平总书记). */
function addTitlesAfter(text: string, lexicon: EntityLexicon, chosen: Entity[]): void {
  for (const entity of chosen) {
    if (entity.type !== "person" || (entity.attrs?.titles as string[] | undefined)?.length) continue;
    const title = titleAfter(text, lexicon, entity.end);
    if (title) entity.attrs = { titles: [title], titleOrgs: [null], org: null };
  }
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
  const candidates: Candidate[] = [
    ...nameCandidates(text, index, lexicon),
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
  addTitlesAfter(text, lexicon, chosen);
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

/**
 * The pipeline stage: fills `doc.entities` from `doc.tokens`. When the page stage ran, only entities in the
 * article, the title and the credits (编辑:石丹) are kept, unless the analyzer's scope is `all`.
 */
export const entityStage: Stage = {
  name: "entities",
  requires: ["tokens", "sentences"],
  provides: "entities",
  run: (doc, context) => {
    const referenceDate = context.config.referenceDate ?? doc.page?.publishedAt;
    const found = extractEntities(doc.text, doc.tokens, referenceDate ? { referenceDate } : {});
    if (!doc.page || context.config.scope === "all") return { ...doc, entities: found };
    const ranges = [...contentRanges(doc), ...doc.page.regions.filter((r) => r.kind === "credits")];
    return { ...doc, entities: found.filter((e) => ranges.some((r) => e.start >= r.start && e.end <= r.end)) };
  },
};
