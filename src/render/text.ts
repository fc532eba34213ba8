/**
 * Plain-text views of a Doc for terminals (the CLI's `--format text`): short, one fact per line.
 */
import type { Doc, Token } from "../schema.js";
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
