/**
 * Prints the current output of every API example in README.md, to compare with what the README shows after a
 * change to any stage (the README promises real output).
 *
 *   npx tsx bench/tools/readme-examples.ts
 */
import { readFileSync } from "node:fs";
import { analyze, createAnalyzer, enumerations, findDates, keywords, parseChineseNumber, segment, summarize, tag } from "../../src/index.js";

const text = readFileSync(new URL("../../dict/samples/meeting-report.txt", import.meta.url), "utf8");
const show = (label: string, value: unknown) => console.log(`\n# ${label}\n${JSON.stringify(value)}`);

show("segment POS", segment("5月17日,学院党委书记雷承锋主持召开2023年第11次党委(扩大)会议").map((t) => `${t.text}/${t.pos}`));
show("segment 指导组成员王鹏", segment("指导组成员王鹏").slice(0, 2));
show("segment numbers", segment("增长３.５％，达到3.5万亿元").map((t) => [t.text, t.kind]));
show("analyzer userWords", createAnalyzer({ userWords: ["把握服务转型发展"] }).segment("把握服务转型发展的办学定位").map((t) => t.text));
show("search mode", segment("全国人民代表大会常务委员会", { mode: "search" }).map((t) => t.text));

const doc = analyze(text);
show("spam", doc.page?.spam[0]);
show("regions", doc.page?.regions.map((r) => r.kind));
show("publishedAt / credits", [doc.page?.publishedAt, doc.page?.credits]);
show("宋海宏", doc.entities?.find((e) => e.text === "宋海宏"));
show("二十条", doc.entities?.find((e) => e.type === "count" && e.text.startsWith("二十条")));
show("chair / guests", [doc.meeting?.chair, doc.meeting?.guests.map((g) => g.name)]);

show("enumerations 一是", enumerations("会议强调：一是坚持稳中求进；二是坚持扩大内需；三是坚持改革开放。")[0]?.items.map((i) => i.text));
show("keywords", keywords(text, { topK: 5 }).map((k) => [k.text, k.score, k.spans.length]));
show("summarize 120", summarize(text, { maxChars: 120 }));
show("numbers", [parseChineseNumber("两千三百万"), parseChineseNumber("3.5万亿")]);
show("dates", findDates("二〇二三年五月十七日上午9时，近日", { referenceDate: "2023-05-18" }).map((d) => [d.text, d.value, d.relative]));

const tags = tag(text, { maxPerKind: 3 });
show("tag", {
  keywords: tags.keywords.map((t) => [t.tag, t.score]),
  people: tags.people.map((t) => [t.tag, t.score, t.titles, t.org]),
  places: tags.places.map((t) => [t.tag, t.score]),
  dates: tags.dates.map((t) => t.tag),
  enumerations: [tags.enumerations.lists, tags.enumerations.items],
});
const gw = createAnalyzer({ userWords: ["新质生产力"] });
show("gw.tag sections", gw.tag("加快发展新质生产力").sections.map((t) => t.tag));
