/**
 * Decisions, statements and participants on real meeting releases of the development part of the real-world corpus
 * (test/fixtures/realworld/dev, issue 19): each test reads a whole page as published and checks one convention of
 * meeting news that src/summarize/meeting-acts.ts or meeting-people.ts encodes. Held-out pages are never read here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import type { MeetingBrief } from "../src/core/schema.js";

const analyzer = createAnalyzer({ referenceDate: "2026-12-06" });
const page = (id: string) => readFileSync(join(import.meta.dirname, "fixtures/realworld/dev", `${id}.txt`), "utf8");
const briefOf = (id: string): MeetingBrief => {
  const brief = analyzer.analyze(page(id)).meeting;
  expect(brief, `${id} has a brief`).toBeDefined();
  return brief!;
};
const said = (brief: MeetingBrief) => brief.statements.map((s) => [s.speaker, s.verb, s.speakerSpan?.text]);
const decided = (brief: MeetingBrief) => brief.decisions.map((d) => d.text);
const named = (members: MeetingBrief["participants"]) => members.filter((m) => !m.group).map((m) => m.text);

describe("decisions: the verb of adoption and its object, the clause and no more", () => {
  it("ends a decision before the next item named otherwise and takes 并决定 after it as a decision of its own (m-872)", () => {
    const decisions = decided(briefOf("m-872"));
    expect(decisions.slice(0, 2)).toEqual(["讨论通过了关于计划、预算的审查报告", "决定提交各代表团讨论"]);
    expect(decisions[2]).toMatch(/^并?决定提请大会通过/u);
  });

  it("reads 全体党员代表 as the members acting, 日程安排 as adopted, 选举办法 as a noun, and stops before the report's comment (m-866)", () => {
    const decisions = decided(briefOf("m-866"));
    expect(decisions).toContain("审议通过了大会代表资格审查报告");
    expect(decisions).toContain("通过了大会议程和日程安排");
    expect(decisions.some((d) => d.startsWith("选举办法"))).toBe(false);
  });

  it("takes 会上通过了 and 会议经表决一致同意 as the meeting's acts (m-870)", () => {
    const decisions = decided(briefOf("m-870"));
    expect(decisions[0]).toMatch(/^会上通过了《笔架山街道选民代表会议议事规则\(草案\)》/u);
    expect(decisions.some((d) => d.includes("一致同意《笔架山街道办事处工作报告》"))).toBe(true);
  });

  it("starts at the verb after an adverbial clause, and ends before how the decision is carried out (m-126, m-097)", () => {
    expect(decided(briefOf("m-126"))).toContain("表决通过了人事免职和任职事项");
    const set = decided(briefOf("m-097")).find((d) => d.includes("党群工作部"));
    expect(set?.endsWith("等三个职能部门")).toBe(true);
  });

  it("reads 审议决定 as a decision that a first reading (初审了…) ends (m-734)", () => {
    expect(decided(briefOf("m-734"))).toContain("审议决定了常委会会议建议议程");
  });
});

describe("statements: who said what, one for each reporting verb", () => {
  it("reads 说 before speech and a pronoun as the person named last before it (m-851)", () => {
    expect(said(briefOf("m-851"))).toEqual(expect.arrayContaining([["徐显明", "说", "徐显明"], ["徐显明", "强调", "他"]]));
  });

  it("reads what the presiding leader puts forward as her statement, and 她 as her (m-862)", () => {
    const statements = said(briefOf("m-862"));
    expect(statements).toContainEqual(["柳小惠", "提出", "柳小惠"]);
    expect(statements).toEqual(expect.arrayContaining([["柳小惠", "指出", "她"], ["柳小惠", "强调", "她"], ["柳小惠", "要求", "她"]]));
  });

  it("gives a sentence with no subject under a verb of its own to the speaker going on (m-666)", () => {
    expect(said(briefOf("m-666")).map(([speaker, verb]) => `${speaker}/${verb}`)).toEqual(expect.arrayContaining(["万宗喜/指出", "万宗喜/强调"]));
  });

  it("gives a clause with the pronoun its own statement, and 他 after 作了重要讲话 to the speaker (m-541, m-609)", () => {
    expect(said(briefOf("m-541"))).toEqual(expect.arrayContaining([["夏明权", "提出", "夏明权"], ["夏明权", "要求", "他"]]));
    expect(said(briefOf("m-609"))).toContainEqual(["吴平", "指出", "他"]);
  });

  it("does not take members' advice in a 、 list, nor 提出的五点要求 (a reference), as a statement (m-654, m-651)", () => {
    expect(briefOf("m-654").statements.filter((s) => s.verb.startsWith("提出"))).toEqual([]);
    expect(briefOf("m-651").statements.some((s) => s.verb.includes("提出的"))).toBe(false);
  });

  it("reads the members together (大家一致认为) and a leader named by post who spoke just before (m-169, m-035)", () => {
    expect(said(briefOf("m-169"))).toContainEqual(["大家", "认为", "大家"]);
    expect(said(briefOf("m-035"))).toContainEqual(["街道党工委主要负责人", "提出", "街道党工委主要负责人"]);
  });
});

describe("participants: the rolls of who came", () => {
  it("reads 出席本次开学典礼的领导有… as a roll after the verb (m-661)", () => {
    expect(named(briefOf("m-661").participants)).toEqual(expect.arrayContaining(["王旭光", "胡炳波", "竺静", "沈伟", "刘杨"]));
  });

  it("reads a visiting leader and his party (…一行到…调研) as guests (m-057)", () => {
    expect(briefOf("m-057").guests.map((g) => g.name)).toEqual(["徐森生", "杨旭"]);
  });

  it("reads a party of visitors with its size (…等一行五人来…座谈) and leaders who came in person (亲临) as guests (p-867, p-866)", () => {
    expect(briefOf("p-867").guests.map((g) => g.name)).toEqual(["張曉宇", "龔萬斌", "巫亞明", "傅玉羅"]);
    expect(briefOf("p-866").guests.map((g) => g.name)).toEqual(["顧圣全", "湯曉蕓"]);
  });

  it("takes the first name after a leader label even where the entity stage misses it (m-304: 市委领导包江苏、连建群、…)", () => {
    expect(named(briefOf("m-304").participants).slice(0, 3)).toEqual(["包江苏", "连建群", "潘平顺"]);
  });

  it("leaves the capacity after 作为 out of the names (m-708: 王高华院长作为武汉市人大代表、耿庆副院长作为…参加座谈)", () => {
    expect(named(briefOf("m-708").participants)).toEqual(expect.arrayContaining(["王高华", "耿庆"]));
  });
});
