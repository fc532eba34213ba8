/**
 * Named entities: people (with titles and affiliations), organisations, places, dates, meetings, counts,
 * documents and quoted formulas, each a span of the original text.
 */
import { z } from "zod";
import type { Stage } from "../core/stage.js";
import { type Entity, IsoDateSchema, type Token } from "../core/schema.js";
import { type DateMention, datesIn } from "../text/dates.js";
import { contentRanges, countBelow } from "../core/spans.js";
import { longestEndAfter, longestStartBefore } from "../core/words.js";
import { type CountMatch, findCounts } from "./count.js";
import { type EntityLexicon, entityLexicon } from "./lexicon.js";
import { findMeetings } from "./meeting.js";
import { taggedNames } from "./names.js";
import { shippedTaggerWeights, type TaggerWeights } from "./tagger.js";
import { findOrgs, type OrgMatch } from "./org.js";
import { findPersons, listedNames, personName, type PersonMatch, titlesAfter } from "./person.js";
import { findPlaces, type PlaceMatch } from "./place.js";
import { findQuotes } from "./quote.js";
import { type Candidate, linkOrgAbbreviations, resolveOverlaps } from "./resolve.js";
import { indexTokens, type TokenIndex, tokenCovering } from "./tokens.js";

/** Options of {@link entities}. */
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

type PersonSource = Pick<PersonMatch, "start" | "end" | "titles" | "titleOrgs">;

/**
 * A candidate and what its entity is made from: only the candidates that win their overlaps become entities, so
 * the losers cost no strings or objects.
 */
type Source = Candidate & (
  | { type: "person"; person: PersonSource }
  | { type: "org"; org: OrgMatch }
  | { type: "place"; place: PlaceMatch }
  | { type: "meeting" | "document" | "quote" }
  | { type: "count"; count: CountMatch }
  | { type: "date"; date: DateMention }
);

/** The entity of a winning candidate (built with plain literals: spreads cost more than the rest of it). */
function toEntity(text: string, lexicon: EntityLexicon, source: Source): Entity {
  const { start, end } = source;
  const span = text.slice(start, end);
  switch (source.type) {
    case "person": {
      const { titles, titleOrgs } = source.person;
      const org = titleOrgs.find((o) => o !== null) ?? null;
      const name = personName(text, source);
      // a roster's padded name (韩　正): the span is the text as written, the name read there is `normalized`
      const entity: Entity = { start, end, text: span, type: "person", id: `person:${name}`, attrs: { titles, titleOrgs, org } };
      return name === span ? entity : { ...entity, normalized: name };
    }
    case "org":
      return source.org.full ? { start, end, text: span, type: "org", attrs: { full: source.org.full } } : { start, end, text: span, type: "org" };
    case "place": {
      const full = source.place.full ?? lexicon.places.words.get(span);
      return full ? { start, end, text: span, type: "place", value: full } : { start, end, text: span, type: "place" };
    }
    case "count": {
      const { value, noun, classifier } = source.count;
      return { start, end, text: span, type: "count", value, attrs: { noun, classifier } };
    }
    case "date": {
      const { value, precision, relative } = source.date;
      const attrs = { precision, relative };
      return value ? { start, end, text: span, type: "date", value, attrs } : { start, end, text: span, type: "date", attrs };
    }
    default:
      return { start, end, text: span, type: source.type };
  }
}

const personSource = (person: PersonSource, rank: number): Source => ({ type: "person", start: person.start, end: person.end, rank, person });
const orgSource = (org: OrgMatch, rank: number): Source => ({ type: "org", start: org.start, end: org.end, rank, org });
const placeSource = (place: PlaceMatch, rank: number): Source => ({ type: "place", start: place.start, end: place.end, rank, place });

/** Organisations named in title chains, unless they are places (江苏省原副省长). */
function chainOrgs(text: string, persons: readonly PersonMatch[], placeNames: ReadonlyMap<string, string>): OrgMatch[] {
  return persons.flatMap((p) => p.orgSpans).filter((o) => !placeNames.has(text.slice(o.start, o.end)));
}

/**
 * Does the organisation start or end with a name the dictionary knows (党中央, 中国共产党第二十届中央委员会,
 * 中共国务院党组)? Such names outrank the tagger's guesses.
 */
function builtOnKnownName(text: string, lexicon: EntityLexicon, org: OrgMatch): boolean {
  const headEnd = longestEndAfter(lexicon.orgNames, text, org.start, org.end);
  if (headEnd >= 0 && headEnd - org.start >= 2) return true;
  const tailStart = longestStartBefore(lexicon.orgNames, text, org.end, org.start);
  return tailStart >= 0 && org.end - tailStart >= 3;
}

/** Words after which a country name is part of a fixed formula, not a place (中国式现代化, 中国特色, 中华民族). */
const FORMULA_AFTER_PLACE = ["式", "特色", "民族"];

const isFormula = (text: string, place: { end: number }) => FORMULA_AFTER_PLACE.some((w) => text.startsWith(w, place.end));

/** jieba tags of the words a transliterated name runs on over (斯特罗/nr 耶夫/x, 贾/nr 亚拉/nrt 莉达/x). */
const TRANSLITERATION_TAGS = new Set(["x", "nrt", "nr"]);

/**
 * A titled name that jieba's words cut short inside a transliteration (总书记贾亚拉莉达 read as 贾亚拉): the tagger's
 * person that starts at the same character and runs on over words jieba does not know is the name.
 */
function lengthenTransliterations(index: TokenIndex, persons: PersonMatch[], tagged: readonly { type: string; start: number; end: number }[]): void {
  const taggedEnd = new Map(tagged.filter((n) => n.type === "person").map((n) => [n.start, n.end]));
  for (const person of persons) {
    const end = taggedEnd.get(person.start);
    if (end === undefined || end <= person.end) continue;
    let at = person.end;
    for (let token = tokenCovering(index, at); token && token.start === at && token.end <= end && TRANSLITERATION_TAGS.has(token.pos); token = tokenCovering(index, at)) {
      at = token.end;
    }
    if (at === end) person.end = end;
  }
}

/** Person, place and organisation candidates with their ranks. */
function nameCandidates(text: string, index: TokenIndex, lexicon: EntityLexicon, weights: TaggerWeights, into: Source[]): void {
  const persons = findPersons(text, index, lexicon);
  const personRank = { title: RANK.titledPerson, mention: RANK.mention };
  const tagged = taggedNames(text, index, lexicon, weights);
  lengthenTransliterations(index, persons, tagged);
  const seeds = [...persons, ...tagged.filter((n) => n.type === "person")];
  for (const p of listedNames(text, index, lexicon, seeds)) into.push(personSource(p, RANK.mention));
  for (const p of persons) into.push(personSource(p, personRank[p.evidence]));
  for (const o of chainOrgs(text, persons, lexicon.places.words)) into.push(orgSource(o, RANK.chainOrg));
  for (const o of findOrgs(text, index, lexicon)) into.push(orgSource(o, builtOnKnownName(text, lexicon, o) ? RANK.known : RANK.org));
  for (const n of tagged) {
    if (n.type === "person") into.push(personSource({ start: n.start, end: n.end, titles: [], titleOrgs: [] }, RANK.tagger));
    else if (n.type === "org") into.push(orgSource(n, RANK.tagger));
    else if (!isFormula(text, n)) into.push(placeSource(n, RANK.tagger));
  }
  for (const p of findPlaces(text, index, lexicon)) {
    // 河南村 is a village: the tagger's 河南 inside it must not win
    if (!isFormula(text, p)) into.push(placeSource(p, p.town ? RANK.known : RANK.place));
  }
}

/** Gives a person without a title before the name the titles right after it (习近平总书记, 副主席兼秘书长). */
function addTitlesAfter(text: string, lexicon: EntityLexicon, chosen: Entity[]): void {
  for (const entity of chosen) {
    if (entity.type !== "person" || entity.attrs.titles.length > 0) continue;
    const titles = titlesAfter(text, lexicon, entity.end);
    if (titles.length > 0) entity.attrs = { titles, titleOrgs: titles.map(() => null), org: null };
  }
}

/**
 * Entities in `text` given its tokens (as the segment stage produced them).
 *
 * @example
 * extractEntities(text, tokens).filter((e) => e.type === "person")[0]
 * // "学院党委书记雷承锋主持" → { text: "雷承锋", attrs: { titles: ["党委书记"], org: "学院", … }, id: "person:雷承锋" }
 */
export function extractEntities(
  text: string,
  tokens: readonly Token[],
  options: EntityOptions = {},
  taggerWeights: TaggerWeights = shippedTaggerWeights(),
): Entity[] {
  const lexicon = entityLexicon();
  const index = indexTokens(text, tokens);
  const candidates: Source[] = [];
  nameCandidates(text, index, lexicon, taggerWeights, candidates);
  for (const m of findMeetings(text, index)) candidates.push({ type: "meeting", start: m.start, end: m.end, rank: RANK.other });
  for (const count of findCounts(index)) candidates.push({ type: "count", start: count.start, end: count.end, rank: RANK.other, count });
  for (const date of datesIn(text, options.referenceDate ? { referenceDate: options.referenceDate } : {})) {
    candidates.push({ type: "date", start: date.start, end: date.end, rank: RANK.other, date });
  }
  for (const q of findQuotes(text)) candidates.push({ type: q.type, start: q.start, end: q.end, rank: RANK.other });
  const chosen = resolveOverlaps(candidates, text.length).map((source) => toEntity(text, lexicon, source));
  addTitlesAfter(text, lexicon, chosen);
  linkOrgAbbreviations(chosen);
  return chosen;
}

/**
/** Validates {@link EntityOptions} (strict; the reference date must exist). */
export const EntityOptionsSchema: z.ZodType<EntityOptions> = z.object({ referenceDate: IsoDateSchema.optional() }).strict();

/**
 * A test of whether a span lies inside one of `ranges`: a binary search over the ranges by start, with the furthest
 * end reached so far, instead of a scan of every range per span (a page of thousands of regions and entities).
 */
function withinSome(ranges: readonly { start: number; end: number }[]): (span: { start: number; end: number }) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const furthestEnd: number[] = [];
  for (const range of sorted) furthestEnd.push(Math.max(range.end, furthestEnd.at(-1) ?? -1));
  return (span) => {
    // the ranges starting at or before the span
    const before = countBelow(sorted, span.start + 1, (range) => range.start);
    return before > 0 && furthestEnd[before - 1]! >= span.end;
  };
}

/**
 * The pipeline stage: fills `doc.entities` from `doc.tokens`. When the page stage ran, only entities in the
 * article, the title and the credits (编辑:石丹, also a credit field of a metadata line) are kept, unless the
 * analyzer's scope is `all`.
 */
export const entityStage: Stage<"entities"> = {
  name: "entities",
  reads: ["tokens"],
  readsIfPresent: ["page"],
  writes: ["entities"],
  run: (doc, context) => {
    // the page's own publication date first: `referenceDate` stands in only when the page gives none (README options)
    const referenceDate = doc.page?.publishedAt ?? context.config.referenceDate;
    const found = extractEntities(doc.text, doc.tokens, referenceDate ? { referenceDate } : {}, context.resources.taggerWeights);
    if (!doc.page || context.config.scope === "all") return { ...doc, entities: found };
    const inside = withinSome([...contentRanges(doc), ...doc.page.regions.filter((r) => r.kind === "credits")]);
    // a credit field on a metadata line (作者：张三 发布时间：…, 编辑：李四 审核人：王五 阅读次数：…) names a person as
    // a credits line does: the page read the name there (`page.credits`), so that person is kept
    const creditNames = new Set(Object.values(doc.page.credits ?? {}).flat());
    const inMetadata = withinSome(doc.page.regions.filter((r) => r.kind === "metadata"));
    const credited = (e: Entity) => e.type === "person" && creditNames.has(e.normalized ?? e.text) && inMetadata(e);
    return { ...doc, entities: found.filter((e) => inside(e) || credited(e)) };
  },
};
