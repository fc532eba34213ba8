/**
 * Choosing among overlapping candidates and linking mentions. People, organisations and places never nest: the
 * strongest candidate wins (a titled person, then organisations, places, and names known only from a tag), longer
 * before shorter. Meetings, counts and dates form a second layer and documents and quotes a third, so an
 * organisation can sit inside a meeting name (国务院党组 in 国务院党组会议) and anything inside a 《title》.
 */
import type { Entity, OrgEntity } from "../core/schema.js";

/** A candidate span with its type and rank: lower ranks win overlaps. */
export interface Candidate {
  type: Entity["type"];
  start: number;
  end: number;
  rank: number;
}

const LAYERS: Record<Entity["type"], number> = {
  person: 0, org: 0, place: 0, meeting: 1, count: 1, date: 1, document: 2, quote: 2,
};

/**
 * Picks non-overlapping candidates per layer, strongest and longest first; returns them in text order.
 *
 * @example
 * resolveOverlaps([{ type: "org", start: 0, end: 15, rank: 4 }, { type: "org", start: 9, end: 15, rank: 4 }], n)
 * // → [the first: 省委主题教育第二十四巡回指导组 holds 巡回指导组]
 */
export function resolveOverlaps<C extends Candidate>(candidates: readonly C[], length: number): C[] {
  // the sort keys in typed arrays, the candidates by number: a comparator reading the fields of candidates of
  // many shapes cost more than the rest of the choice
  const count = candidates.length;
  const rank = new Float64Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const ordered: number[] = [];
  for (let k = 0; k < count; k++) {
    const candidate = candidates[k]!;
    rank[k] = candidate.rank;
    start[k] = candidate.start;
    end[k] = candidate.end;
    ordered.push(k);
  }
  // strongest, longest, leftmost first (a stable sort: equal keys in the candidates' order)
  ordered.sort((a, b) => rank[a]! - rank[b]! || end[b]! - start[b]! - (end[a]! - start[a]!) || start[a]! - start[b]!);
  // one bit per layer at each character
  const taken = new Uint8Array(length);
  const chosen: number[] = [];
  for (const k of ordered) {
    const layer = 1 << LAYERS[candidates[k]!.type];
    let free = end[k]! > start[k]!;
    for (let i = start[k]!; free && i < end[k]!; i++) free = (taken[i]! & layer) === 0;
    if (!free) continue;
    for (let i = start[k]!; i < end[k]!; i++) taken[i]! |= layer;
    chosen.push(k);
  }
  // text order, longer first at one start; equal spans in the order they were chosen
  chosen.sort((a, b) => start[a]! - start[b]! || end[b]! - end[a]!);
  return chosen.map((k) => candidates[k]!);
}

/**
 * Links abbreviations to full names the text also uses: an organisation whose name is the end of a longer one
 * with the same ending (院党委 ↔ 学院党委: the longer name minus a prefix of its first word) gets the longer one as
 * `attrs.full`, and both share an `id`.
 *
 * @example
 * linkOrgAbbreviations(found) // 院党委 → { id: "org:学院党委", attrs: { full: "学院党委" } }
 */
export function linkOrgAbbreviations(entities: Entity[]): void {
  const orgs = entities.filter((e): e is OrgEntity => e.type === "org");
  const names = [...new Set(orgs.map((e) => e.text))].sort((a, b) => b.length - a.length);
  // 院党委 is 学院党委 with its first character(s) dropped; 宣传统战部 is not 中央宣传统战部's abbreviation. The first
  // name (longest first) that is a name with one or two characters more, looked up rather than searched for, so
  // that thousands of organisations are not compared pairwise
  const withOneMore = new Map<string, string>();
  const withTwoMore = new Map<string, string>();
  for (const long of names) {
    if (!withOneMore.has(long.slice(1))) withOneMore.set(long.slice(1), long);
    if (long.length > 2 && !withTwoMore.has(long.slice(2))) withTwoMore.set(long.slice(2), long);
  }
  const fullOf = new Map<string, string>();
  for (const short of names) {
    if (fullOf.has(short) || short.length < 3) continue;
    const full = withTwoMore.get(short) ?? withOneMore.get(short);
    if (full) fullOf.set(short, fullOf.get(full) ?? full);
  }
  for (const org of orgs) {
    const full = fullOf.get(org.text) ?? org.attrs?.full ?? org.text;
    org.id = `org:${full}`;
    if (full !== org.text) org.attrs = { ...org.attrs, full };
  }
}
