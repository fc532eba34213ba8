/**
 * Plain-text views of a Doc for terminals (the CLI's `--format text`): short, one fact per line.
 */
import { outline } from "../enumerate/outline.js";
import type { Doc, Entity, PersonEntity, Token } from "../core/schema.js";
import { TAG_KINDS, type Tags } from "../tag/schema.js";

/**
 * Words separated by single spaces; line breaks kept, other whitespace dropped.
 *
 * @example
 * tokensAsText(segment("指导组成员王鹏")); // → "指导组 成员 王鹏"
 */
export function tokensAsText(tokens: readonly Token[]): string {
  let out = "";
  for (const token of tokens) {
    if (token.kind === "space") {
      out += "\n".repeat(token.text.split("\n").length - 1);
    } else {
      if (out !== "" && !out.endsWith("\n")) out += " ";
      out += token.text;
    }
  }
  return out;
}

/**
 * The summary, then the meeting brief's main facts when there is one.
 *
 * @example
 * summaryAsText(analyze(seed)); // → "5月17日,学院党委书记雷承锋主持召开…\nmeeting: 2023年第11次党委(扩大)会议\ndate: 2023-05-17…"
 */
export function summaryAsText(doc: Doc): string {
  const lines = [doc.summary?.text ?? ""];
  const meeting = doc.meeting;
  if (meeting) {
    if (meeting.meeting) lines.push(`meeting: ${meeting.meeting.name}`);
    if (meeting.date) lines.push(`date: ${meeting.date}`);
    if (meeting.chair) lines.push(`chair: ${[...meeting.chair.titles, meeting.chair.name].join(" ")}`);
    for (const decision of meeting.decisions) lines.push(`decision: ${decision.text}`);
  }
  return lines.join("\n");
}

/**
 * One line per tag kind.
 *
 * @example
 * tagsAsText(tag(seed)); // → "title: 学院召开…\n…\npeople: 雷承锋 (1), 李国臣 (0.2), …"
 */
export function tagsAsText(tags: Tags): string {
  const lines: string[] = [];
  if (tags.title) lines.push(`title: ${tags.title}`);
  if (tags.publishedAt) lines.push(`published: ${tags.publishedAt}`);
  for (const kind of TAG_KINDS) {
    const list = tags[kind];
    if (list.length > 0) lines.push(`${kind}: ${list.map((t) => `${t.tag} (${t.score})`).join(", ")}`);
  }
  if (tags.meeting?.name) lines.push(`meeting: ${tags.meeting.name}`);
  const { lists, items } = tags.enumerations;
  if (lists > 0) lines.push(`enumerations: ${lists} lists, ${items} items`);
  if (tags.spam.flagged) lines.push(`spam: ${tags.spam.findings.map((f) => `${f.category} "${f.span.text}"`).join(", ")}`);
  if (tags.summary.text) lines.push(`summary: ${tags.summary.text}`);
  return lines.join("\n");
}

/** Items grouped by key, in first-seen order (Map.groupBy needs Node 21). */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const ENTITY_ORDER: Entity["type"][] = ["person", "org", "place", "date", "meeting", "count", "document", "quote"];

/** A person with the titles and organisation read from the first mention that names them. */
function personLabel(mentions: Entity[]): string {
  const named = mentions.find((m): m is PersonEntity => m.type === "person" && m.attrs.titles.length > 0);
  if (!named) return mentions[0]!.text;
  const org = named.attrs.org !== null ? `${named.attrs.org} ` : "";
  return `${named.text} (${org}${named.attrs.titles.join("、")})`;
}

/**
 * The analyst's view of a Doc: page facts and spam, summary, keywords, entities by type, the enumeration
 * outline and the meeting brief, one fact per line.
 *
 * @example
 * docAsText(analyze(seed)); // → "title: 学院召开2023年第11次党委(扩大)会议\npublished: 2023-05-18\nbreadcrumb: 学院首页 > 专题网站 > 主题教育专栏\nspam (gambling, score 9): …"
 */
export function docAsText(doc: Doc): string {
  const lines: string[] = [];
  const page = doc.page;
  if (page?.title) lines.push(`title: ${page.title.text}`);
  if (page?.publishedAt) lines.push(`published: ${page.publishedAt}`);
  if (page?.breadcrumb) lines.push(`breadcrumb: ${page.breadcrumb.join(" > ")}`);
  for (const finding of page?.spam ?? []) lines.push(`spam (${finding.category}, score ${finding.score}): ${finding.text}`);
  if (doc.summary?.text) lines.push("", `summary: ${doc.summary.text}`);
  if (doc.keywords?.length) lines.push(`keywords: ${doc.keywords.map((k) => k.text).join(", ")}`);
  if (doc.phrases?.length) lines.push(`phrases: ${doc.phrases.slice(0, 10).map((k) => k.text).join(", ")}`);
  const byType = groupBy(doc.entities ?? [], (e) => e.type);
  if (byType.size > 0) lines.push("");
  for (const type of ENTITY_ORDER) {
    const mentions = byType.get(type);
    if (!mentions) continue;
    const groups = groupBy(mentions, (e) => e.id ?? e.text);
    const labels = [...groups.values()].map((group) => (type === "person" ? personLabel(group) : group[0]!.text));
    lines.push(`${type}: ${labels.join(", ")}`);
  }
  const tree = outline(doc);
  if (tree) lines.push("", tree);
  const meeting = doc.meeting;
  if (meeting) {
    lines.push("", summaryAsText({ ...doc, summary: undefined }).trimStart());
    const people = (refs: typeof meeting.guests) => refs.map((p) => `${p.name} (${[p.org, ...p.titles].filter(Boolean).join(" ")})`);
    if (meeting.participants.length) lines.push(`participants: ${meeting.participants.map((s) => s.text).join("、")}`);
    if (meeting.attendees.length) lines.push(`attendees: ${meeting.attendees.map((s) => s.text).join("、")}`);
    if (meeting.onLeave.length) lines.push(`on leave: ${meeting.onLeave.map((s) => s.text).join("、")}`);
    if (meeting.guests.length) lines.push(`guests: ${people(meeting.guests).join("、")}`);
    for (const item of meeting.agenda) lines.push(`agenda: ${item.text}`);
    for (const said of meeting.statements) lines.push(`${said.speaker} ${said.verb}: ${[...said.span.text].slice(0, 60).join("")}…`);
  }
  return lines.join("\n").replace(/^\n+/, "");
}
