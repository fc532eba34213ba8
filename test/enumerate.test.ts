import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enumerations, enumerationStage, outline } from "../src/enumerate/index.js";
import { createAnalyzer, pageStage, segmentStage, sentenceStage, type Doc, type Stage, type Enumeration, type ListItem } from "../src/index.js";
import { allSpans, expectSpans, expectValidDoc } from "./helpers/doc.js";
import { itWithData, readData, seedText } from "./helpers/data.js";

/** Every list at every depth, parents before their children. */
function flat(lists: readonly Enumeration[]): Enumeration[] {
  return lists.flatMap((list) => [list, ...flat(list.items.flatMap((item) => item.children ?? []))]);
}
const numbered = (lists: readonly Enumeration[]) => flat(lists).filter((l) => l.style !== "parallel");
const markers = (list: Enumeration) => list.items.map((item) => item.marker.text);
const ordinals = (list: Enumeration) => list.items.map((item) => item.ordinal);
const childStyles = (item: ListItem) => (item.children ?? []).map((child) => child.style);

describe("enumerations on the seed meeting report", () => {
  const text = seedText();
  const lists = enumerations(text);

  it("finds exactly one numbered list: 一是…二十是, with the heading of every item", () => {
    const [list, ...others] = numbered(lists);
    expect(others).toEqual([]);
    expect(list!.style).toBe("inline-shi");
    expect(ordinals(list!)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(list!.complete).toBe(true);
    expect(markers(list!).slice(0, 3)).toEqual(["一是", "二是", "三是"]);
    expect(markers(list!).at(-1)).toBe("二十是");
    expect(list!.items.map((item) => item.heading?.text)).toEqual([
      "精心谋划、科学布局", "聚焦目标、对标对表", "一颗红心、两套准备", "两手都抓、两手都硬", "凝炼方向、打造平台",
      "建设团队、汇聚队伍", "解放思想、开拓创新", "一体两翼、协同发展", "两区并行、互为促进", "校园文化、丰富多彩",
      "全院动员、师生共建", "立德树人、全面发展", "重视质量、兼顾规模", "加强交流、国际接轨", "改革创新、释放活力",
      "思路清晰、守正创新", "追求卓越、争创一流", "提高待遇、稳中求进", "加强领导、注重考核", "总结经验、凝炼精神",
    ]);
  });

  it("ends every item before the next marker and the last one at its sentence end, not the document end", () => {
    const list = numbered(lists)[0]!;
    expect(list.items[0]!.text).toBe("一是精心谋划、科学布局,切实形成准确把握学院办学定位的“思路与制度”体系;");
    expect(list.items.at(-1)!.text).toBe("二十是总结经验、凝炼精神,切实形成科学总结学院办学定位的年度发展和质量报告。");
    expect(list.end).toBe(list.items.at(-1)!.end);
  });

  it("links the back-reference “二十条主要工作重点” after the list, with a matching count", () => {
    const { declared, end } = numbered(lists)[0]!;
    expect(declared).toMatchObject({ count: 20, matches: true, span: { text: "二十条主要工作重点" } });
    expect(declared!.span.start).toBeGreaterThan(end);
  });

  it("finds the two six-clause parallel series, 准确把握… and 形成…的工作特色", () => {
    const series = lists.filter((l) => l.style === "parallel");
    expect(series.map((s) => [s.items[0]!.marker.text, s.items.length])).toEqual([["准确把握", 6], ["形成", 6]]);
    // The first 形成 clause carries a modal (要形成…): the marker starts at the lead, after 要.
    const first = series[1]!.items[0]!;
    expect(text.slice(first.start - 1, first.start)).toBe("要");
    expect(series[1]!.items.every((item) => item.text.includes("的工作特色"))).toBe(true);
    expect(series[1]!.items.at(-1)!.text.endsWith("的工作特色。")).toBe(true);
  });

  it("keeps every span pointing at its text", () => {
    expectSpans(text, allSpans(lists));
  });

  it("prints the outline: list line, then ordinal, heading and first clause per item", () => {
    const lines = outline(lists).split("\n");
    expect(lines[0]).toBe("[inline-shi] 20 items, declared “二十条主要工作重点” (matches)");
    expect(lines[1]).toBe("  1. 精心谋划、科学布局 — 切实形成准确把握学院办学定位的“思路与制度”体系");
    expect(lines).toContain("[parallel] 6 items");
  });
});

describe("what is not an enumeration", () => {
  it.each([
    ["一是一，二是二", "会议强调，一是一，二是二，不能含糊。"],
    ["第一次", "这是学院第一次召开此类会议，第二次会议定于明年举行。"],
    ["第一书记", "驻村第一书记王强，第二书记李明参加座谈。"],
    ["第一时间", "各单位要第一时间上报，第一时间处置。"],
    ["第二十四巡回指导组", "省委主题教育第二十四巡回指导组组长李国臣到会指导。"],
    ["十四五", "“十四五”时期是关键期，要谋划好“十五五”发展。"],
    ["一带一路", "服务“一带一路”的国际交流，推进“一带一路”建设。"],
    ["一主一副", "形成学院“一主一副、两区协同办学”的校区格局。"],
    ["两手硬", "落实“一个目标、两手硬”总体建设发展思路。"],
    ["a lone 一是", "会议要求，一是要提高认识，切实增强责任感。"],
    ["a lone 首先", "首先，要提高政治站位，切实增强责任感。"],
    ["首先…最后 telling the order of proceedings", "会上，首先由街道分管副职汇报大气污染防治工作；与会单位发表意见建议；最后，街道党工委书记讲话，提出明确要求。"],
    ["统一、 in running text", "推进和平统一、一国两制方针。"],
    ["numbers in sentences", "全年新增5G用户1.6亿户。2.5万家企业受益。"],
    ["quantities opening lines", "主要指标：\n1.5万人参加培训。\n2.3亿元投入建设。"],
    ["a quote's attribution lines", "“绿水青山就是金山银山。”\n——习近平\n“人民对美好生活的向往，就是我们的奋斗目标。”\n——习近平"],
    ["a news feature's subtitle", "他把青春献给了大山\n——记优秀共产党员张明"],
    ["numerals that start words", "会议指出：一年来成绩显著；二者相辅相成；三农工作要抓好。"],
    ["two bare numerals", "会议要求：一思想上高度重视；二行动上坚决落实。"],
    ["place names that open with a numeral", "四川拥有丰富的农业资源。四川多部门派出调研小组。四川国土面积的八成多是山地。"],
  ])("%s", (_name, text) => {
    expect(numbered(enumerations(text))).toEqual([]);
  });

  it.each([
    ["a roll call by rank", "县委书记王明主持召开县委常委会会议，县委副书记、县长李强，县委副书记赵刚，县委常委张华、刘军、陈平出席会议。"],
    ["a run of titles", "党工委书记、管委会主任孙伟，党工委副书记、管委会副主任周平，党工委副书记、管委会副主任吴涛，党工委、管委会领导班子成员出席。"],
    ["a roll call naming civil-service ranks (m-803)", "街道党工委副书记、办事处主任黄海滨,街道调研员王传良,街道副调研员郭瑛分别进行交流发言。"],
    ["the order of business", "会议议程如下：听取了县政府关于财政预算执行情况的报告；听取了县人民法院关于执行工作情况的报告；听取了县人民检察院关于公益诉讼工作的报告。"],
    ["the titles of the documents on the agenda", "会议审议了关于2023年预算执行情况的报告，关于2024年预算草案的报告，关于国民经济和社会发展计划的报告，关于人事任免的议案。"],
    ["a title, a dateline and a lead on three lines", "临江市召开政法委员会全体会议\n临江网讯（记者 王方）16日上午，\n临江市召开市委政法委员会全体（扩大）会议，部署下一阶段工作。"],
    ["a speaker's requirements reported clause by clause", "镇党委书记提出六点要求：要求对换届业务高度熟悉；要求各社区认真做好思想疏导工作；要求各社区配强班子；要求换届工作平稳有序开展。"],
    ["a chain of set phrases in one predicate", "要组织有序，按时参会，遵守纪律，带头参加讨论，带头建言献策，带头撰写提案，带头遵纪守法，把这次全体会议开成一个团结的大会。"],
  ])("no parallel series from %s", (_name, text) => {
    expect(enumerations(text)).toEqual([]);
  });

  it("reads a 排比 inside a numbered item as the item's wording, not a list under it", () => {
    const text =
      "会议要求：一是坚持和加强党对高校工作的全面领导，坚持马克思主义指导地位，坚持“四为”方针，坚持为党育人、为国育才；二是持续深入推进理想信念教育，激励引导学生坚定“四个自信”。";
    const lists = enumerations(text);
    expect(lists.map((l) => [l.style, markers(l)])).toEqual([["inline-shi", ["一是", "二是"]]]);
    expect(lists[0]!.items.map((item) => item.children)).toEqual([undefined, undefined]);
  });

  it("a range such as 一、二级 does not break the 一、 list it stands in", () => {
    const text = "一、总体要求\n一、二级医院参照执行。\n二、主要任务\n内容。";
    const [list] = enumerations(text);
    expect(list!.items.map((i) => i.marker.start)).toEqual([0, text.indexOf("二、主要")]);
  });

  it("none of the seed's look-alikes becomes an item", () => {
    const text = seedText();
    const starts = new Set(numbered(enumerations(text)).flatMap((l) => l.items.map((i) => i.marker.text)));
    for (const word of ["第一", "第二十四", "十四五", "一带一路", "一主一副", "两手硬"]) expect(starts.has(word)).toBe(false);
  });
});

describe("marker styles", () => {
  it.each([
    ["inline-shi", "重点抓好三件事：一是加强领导，压实责任；二是完善制度，健全机制；三是强化督查，严肃问责。", ["一是", "二是", "三是"]],
    ["inline-yao", "工作要求：一要提高认识，统一思想；二要加强领导，压实责任；三要狠抓落实，务求实效。", ["一要", "二要", "三要"]],
    ["inline-qi", "其一，坚持人民至上；其二，坚持自信自立；其三，坚持守正创新。", ["其一", "其二", "其三"]],
    ["di", "主要体会是：\n第一，必须坚持解放思想。\n第二，必须坚持改革开放。\n第三，必须坚持以人为本。", ["第一", "第二", "第三"]],
    ["sequence", "首先，要提高政治站位；其次，要压实工作责任；最后，要强化督促检查。", ["首先", "其次", "最后"]],
    ["cn-dun", "一、总体要求\n内容。\n二、主要任务\n内容。", ["一、", "二、"]],
    ["cn-paren", "（一）指导思想。\n内容。\n(二)基本原则。\n内容。", ["（一）", "(二)"]],
    ["arabic-dot", "1.拓展两个市场。内容。\n2．促进研发创新。内容。", ["1.", "2．"]],
    ["arabic-dun", "附注：\n１、物联网：是指通过信息传感设备连接。\n２、森林碳汇：是指森林系统减少二氧化碳。", ["１、", "２、"]],
    ["arabic-paren", "总的指导原则是：（1）坚持住房市场化。（2）坚持发挥政府作用。(3)坚持加强调控。", ["（1）", "（2）", "(3)"]],
    ["arabic-half-paren", "主要任务：\n1）加强组织领导。\n2）完善工作机制。\n3)强化督促检查。", ["1）", "2）", "3)"]],
    ["circled", "主要措施如下：①加强组织领导；②完善工作机制；③强化督促检查。", ["①", "②", "③"]],
    ["di-zhang", "第一章　总则\n一、规范管理。\n第二章　职责\n二、明确分工。", ["第一章", "第二章"]],
    ["di-tiao", "第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全省。", ["第一条", "第二条"]],
    ["dash", "过去五年成就巨大：\n——经济快速发展。增长9%。\n——人民生活改善。\n——民主法制建设取得新进步。", ["——", "——", "——"]],
    ["decimal", "1 总则\n1.1 编制目的\n内容。\n1.2 适用范围\n内容。", ["1.1", "1.2"]],
    ["cn-bare", "全体职工要做到：一思想上高度认识，提高站位；二政治上高度集中，坚定信念；三行动上高度一致，狠抓落实。", ["一", "二", "三"]],
    ["cn-dun", "一.总体要求\n内容。\n二.主要任务\n内容。", ["一.", "二."]],
  ])("%s", (style, text, expected) => {
    const lists = numbered(enumerations(text));
    expect(lists.map((l) => l.style)).toContain(style);
    const list = lists.find((l) => l.style === style)!;
    expect(markers(list)).toEqual(expected);
    expect(list.complete).toBe(true);
    expectSpans(text, allSpans(lists));
  });
});

describe("mixed openers", () => {
  it("counts 首先 as item 1 of a 第二，第三 list (a common opening in speeches)", () => {
    const text = "就下阶段关系发展提出三点意见：\n首先，双方应该坚持正确的基本认知。\n第二，双方合作务实开放，这是关系的本色。\n第三，双方应该引领关系健康发展。\n会谈后，双方签署了合作文件。";
    const [list] = enumerations(text);
    expect(list!.style).toBe("di");
    expect(markers(list!)).toEqual(["首先", "第二", "第三"]);
    // A paragraph item ends with its paragraph: a short sentence after 第三， is not a heading line.
    expect(list!.items.at(-1)!.text).toBe("第三，双方应该引领关系健康发展。");
    expect(list!.complete).toBe(true);
    expect(list!.declared).toMatchObject({ count: 3, matches: true });
  });

  it("counts 首先要 as item 1 of a 二要 list, and reads 双方一要 as a marker", () => {
    const first = enumerations("双方要看待和处理两国关系。首先要加强战略沟通，深化彼此互信。二要扩大交往合作，实现互利共赢。三要照顾彼此关切，坚持睦邻友好。");
    expect(first.map(markers)).toEqual([["首先", "二要", "三要"]]);
    const subject = enumerations("中方愿同柬方携手。双方一要坚定相互支持，巩固铁杆友谊。二要深化交流互鉴，共谋发展振兴。");
    expect(subject.map(markers)).toEqual([["一要", "二要"]]);
  });

  it("reads 一要 straight after the addressee, but not the 一 that ends a word (统一要求)", () => {
    const text = "镇党委书记要求全体代表一要带头学习宣传全会精神；二要认真编制全镇发展规划；三要切实履行代表职责。";
    expect(enumerations(text).map(markers)).toEqual([["一要", "二要", "三要"]]);
    expect(enumerations("会议提出统一要求，唯一要做的是落实；二要加强领导。")).toEqual([]);
  });

  it("counts on with 第三, 第四 after 首先, 其次 in one sequence", () => {
    const text = "我讲几点意见。首先，要提高认识。其次，要加强领导。第三，要狠抓落实。第四，要严明纪律。最后，要营造氛围。";
    const [list] = enumerations(text);
    expect([list!.style, markers(list!), ordinals(list!)]).toEqual(["sequence", ["首先", "其次", "第三", "第四", "最后"], [1, 2, 3, 4, 5]]);
  });

  it("reads 第一要…第二要 as a 第一， list, and 第一要务 as a noun", () => {
    const text = "做好本届工作，第一要坚定正确的政治方向。第二要带头履职尽责。第三要带头发扬民主。";
    const [list] = enumerations(text);
    expect([list!.style, markers(list!)]).toEqual(["di", ["第一要", "第二要", "第三要"]]);
    expect(enumerations("发展是第一要务，第一要素是人才，第二要素是资本。")).toEqual([]);
  });
});

describe("inline lists as 一是…二是 paragraphs run", () => {
  const texts = (list: Enumeration | undefined) => list?.items.map((item) => item.text);

  it("reads a marker set on a line of its own (一是\\n按照…)", () => {
    const text = "会议要求：\n一是\n按照县委部署，抓好整改落实。\n二是\n坚持问题导向，补齐短板弱项。\n会议还研究了其他事项。";
    const [list] = enumerations(text);
    expect(markers(list!)).toEqual(["一是", "二是"]);
    expect(list!.items.map((item) => item.heading?.text)).toEqual(["按照县委部署", "坚持问题导向"]);
    expect(texts(list)![1]).toBe("二是\n坚持问题导向，补齐短板弱项。");
  });

  it("ends the last item with its sentence when every item is one sentence", () => {
    const text = "镇党委书记提出四点要求：一是提高政治站位。二是严明换届纪律。三是加强宣传引导。四是严肃工作作风。他还通报了近期典型案例。";
    expect(texts(enumerations(text)[0])!.at(-1)).toBe("四是严肃工作作风。");
  });

  it("keeps the sentences that continue the last item when its siblings run on after their lead sentence", () => {
    const text =
      "会议要求，一要提高认识。各单位要把教育整顿摆上重要位置。二要压实责任。主要负责人要亲自抓。三要强化担当。教育整顿办要发挥牵头作用，统筹推进各项工作。\n会议还研究了其他事项。";
    expect(texts(enumerations(text)[0])!.at(-1)).toBe("三要强化担当。教育整顿办要发挥牵头作用，统筹推进各项工作。");
  });

  it("keeps the paragraph that continues the last item when its siblings head paragraphs of their own", () => {
    const text =
      "下一步工作安排如下。\n一是加强组织领导。\n各乡镇要成立工作专班，明确责任人。\n二是完善工作机制。\n要健全定期调度制度。\n三是强化督查考核。\n要把督查结果纳入年度考核。\n会议强调，要以钉钉子精神抓好落实。";
    const [list] = enumerations(text);
    expect(texts(list)!.at(-1)).toBe("三是强化督查考核。\n要把督查结果纳入年度考核。");
  });

  it("keeps a run-in last item to its paragraph though a sibling crosses a page's broken line", () => {
    const text =
      "书记指出，要抓好安全工作。一是做细风险防控点的\n安全管理。要重视宿舍消防管理。二是落实问题整改。要做好日常巡查。\n\n校长强调，一要树立安全观念。二要压实主体责任。";
    const [shi] = enumerations(text);
    expect(texts(shi)!.at(-1)).toBe("二是落实问题整改。要做好日常巡查。");
  });
});

describe("nesting", () => {
  it("puts 一是… inside the （三） heading it follows", () => {
    const text = "（一）目标任务。选择试点城市。\n（二）总体思路。坚持问题导向。\n（三）基本原则。一是坚持以人民为中心，保障用药需求；二是坚持依法合规，严格执行法律；三是坚持市场机制，发挥集采作用。\n（四）工作步骤。分步实施。";
    const [paren] = enumerations(text);
    expect(paren!.style).toBe("cn-paren");
    expect(ordinals(paren!)).toEqual([1, 2, 3, 4]);
    expect(childStyles(paren!.items[2]!)).toEqual(["inline-shi"]);
    expect(paren!.items[2]!.children![0]!.items.at(-1)!.text).toBe("三是坚持市场机制，发挥集采作用。");
    expect(paren!.items[2]!.heading?.text).toBe("基本原则");
  });

  itWithData("policy", "follows the GB/T 9704 hierarchy 一、 → （一） → 1. and splits numbering that runs on across sections", () => {
    const text = readData("policy/sc-guofa-2019-003.txt");
    const top = enumerations(text).filter((l) => l.style !== "parallel");
    expect(top.map((l) => l.style)).toEqual(["cn-dun"]);
    const mainTasks = top[0]!.items[3]!;
    expect(mainTasks.heading?.text).toBe("主要任务");
    const tasks = mainTasks.children!.find((c) => c.style === "cn-paren")!;
    const pieces = tasks.items.map((item) => item.children!.find((c) => c.style === "arabic-dot")!);
    expect(pieces.map(ordinals)).toEqual([[1, 2, 3, 4, 5], [6, 7, 8, 9], [10, 11, 12, 13], [14, 15, 16], [17, 18, 19, 20, 21]]);
    // Running numbering is not a gap: every piece continues where the previous one stopped.
    expect(pieces.every((p) => p.complete)).toBe(true);
  });

  itWithData("policy", "reads the four levels of sc-guobanfa-2019-004, the restarted annex table and the notes list", () => {
    const text = readData("policy/sc-guobanfa-2019-004.txt");
    const top = enumerations(text).filter((l) => l.style !== "parallel");
    expect(top.map((l) => [l.style, l.items.length])).toEqual([["cn-dun", 5], ["cn-dun", 4], ["arabic-dot", 12]]);
    const annex = top[1]!;
    expect(annex.items[0]!.heading?.text).toBe("医疗质量");
    const quality = annex.items[0]!.children![0]!;
    expect(ordinals(quality)).toEqual([1, 2, 3, 4]);
    const safety = quality.items[1]!.children![0]!;
    expect(ordinals(safety)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(childStyles(safety.items[4]!)).toEqual(["arabic-paren"]);
    // The annex's （五）…（八） continue the numbering under 二、.
    expect(ordinals(annex.items[1]!.children![0]!)).toEqual([5, 6, 7, 8]);
    // The last body section ends before the signature and the annex, not at the end of the document.
    expect(top[0]!.items.at(-1)!.text).not.toContain("附件");
  });

  itWithData("policy", "numbers chapters and sections that run on through 第一章…第十章 (sc-guofa-2004-018)", () => {
    const text = readData("policy/sc-guofa-2004-018.txt");
    const [chapters] = enumerations(text).filter((l) => l.style !== "parallel");
    expect(chapters!.style).toBe("di-zhang");
    expect(chapters!.items).toHaveLength(10);
    const sections = chapters!.items.map((item) => item.children!.find((c) => c.style === "cn-dun")!);
    expect(sections.flatMap(ordinals)).toEqual(Array.from({ length: 54 }, (_, k) => k + 1));
    expect(sections[1]!.items[0]!.marker.text).toBe("五、");
  });
});

describe("a heading level with one item so far", () => {
  it("keeps a lone 一、 that heads （一） and 1. items (a notice cut short)", () => {
    const text = "关于做好防汛工作的通知\n一、压实防汛责任\n（一）落实包保责任。\n1.县级领导包乡镇。\n2.乡镇干部包村组。";
    const [top] = enumerations(text);
    expect([top!.style, markers(top!)]).toEqual(["cn-dun", ["一、"]]);
    const [paren] = top!.items[0]!.children!;
    expect([paren!.style, markers(paren!)]).toEqual(["cn-paren", ["（一）"]]);
    expect(markers(paren!.items[0]!.children![0]!)).toEqual(["1.", "2."]);
  });

  it("keeps a lone （一） under 五、 when the other sections open with （一）（二）", () => {
    const text = "四、会议制度\n（一）每月召开一次。\n（二）由主任主持。\n五、学习制度\n（一）每季度集中学习一次。";
    const [top] = enumerations(text);
    expect(top!.items.map(childStyles)).toEqual([["cn-paren"], ["cn-paren"]]);
    expect(markers(top!.items[1]!.children![0]!)).toEqual(["（一）"]);
  });

  it("keeps a lone 一是 or 一、 when the excerpt stops inside its item, which runs to that point", () => {
    const text = "会议要求，一是要深入学习贯彻党的二十大精神，把思想和行动统一到";
    const [inline] = enumerations(text);
    expect([inline!.style, markers(inline!), inline!.items[0]!.end]).toEqual(["inline-shi", ["一是"], text.length]);
    const notice = "关于做好防汛工作的通知\n各乡镇：\n现就有关事项通知如下：\n一、压实防汛责任\n各乡镇要落实包保责任，\n确保";
    expect(enumerations(notice).map((l) => [l.style, markers(l)])).toEqual([["cn-dun", ["一、"]]]);
  });

  it("keeps a lone 一、 whose line is a whole statement (a speech's part heading) when the excerpt stops in its section", () => {
    const text =
      "我再讲三点意见。\n一、形势严峻，我们全县上下务必充分认识国内外经济波动对我县的影响，坚定信心，进一步增强应对当前复杂局势的紧迫感和使命感\n从认清形势讲，至少包括两个方面。一方面是要认识现在经济的严峻性。我们通过各种形式都可以体会到从次贷危机到金融危机，从虚拟经济到实体经";
    const [section] = enumerations(text);
    expect([section!.style, markers(section!), section!.items[0]!.end]).toEqual(["cn-dun", ["一、"], text.length]);
  });

  it("keeps a lone run-in 一、 right after the count that announces it when the excerpt stops in its part", () => {
    const speech = "下面，我就做好今年工作再讲三点意见。一、明确目标任务，强化工作措施。今年以来，各乡镇按照县委部署，扎实推进各项工作，全县";
    const [part] = enumerations(speech);
    expect([part!.style, markers(part!), part!.items[0]!.end]).toEqual(["cn-dun", ["一、"], speech.length]);
    // Without the announcement a 一、 run on mid-paragraph is a stray number, cut or not.
    expect(enumerations("今年以来，各乡镇扎实推进各项工作。一、明确目标任务，强化工作措施，全县")).toEqual([]);
  });

  it("keeps a lone ——-led point under its heading when the excerpt stops inside it", () => {
    const text = "一、发展环境\n“十三五”时期，全省技工教育取得明显成效。\n——政策环境不断优化。省委、省政府印发实施了";
    const [section] = enumerations(text);
    const [dash] = section!.items[0]!.children!;
    expect([dash!.style, dash!.items.length, dash!.items[0]!.end]).toEqual(["dash", 1, text.length]);
    expect(enumerations("一、发展环境\n全省技工教育取得明显成效。\n——政策环境不断优化。\n二、主要目标\n到2025年，")[0]!.items[0]!.children).toBeUndefined();
  });

  it("reads a paragraph that ends in a site's ASCII dots as cut there (…四项措施:一是...)", () => {
    const text = "工作汇报\n我镇采取了四项措施:一是...\n请先登录\n相关推荐";
    const [list] = enumerations(text);
    expect([list!.style, markers(list!), list!.items[0]!.text]).toEqual(["inline-shi", ["一是"], "一是..."]);
    expect(enumerations("我镇采取了四项措施:一是加强宣传。\n相关推荐")).toEqual([]);
  });

  it("takes no lone marker for a list in a text that ends its sentence, nor a lone later item, nor 第一章 over 一、", () => {
    expect(enumerations("会议要求，一是要深入学习贯彻党的二十大精神。")).toEqual([]);
    expect(enumerations("三、其他事项\n各单位要按时上报")).toEqual([]);
    const rules = "工作规则\n第一章\n一、区政府由区长、副区长组成。\n二、区政府实行区长负责制。\n三、区长领导区政府的工作，";
    expect(enumerations(rules).map((l) => [l.style, markers(l)])).toEqual([["cn-dun", ["一、", "二、", "三、"]]]);
  });

  it("drops a stray heading the outline does not confirm, and lifts what it held", () => {
    expect(enumerations("一、加强领导，确保工作落到实处。")).toEqual([]);
    const text = "工作规则\n第一章\n一、区政府由区长、副区长组成。\n二、区政府实行区长负责制。";
    const lists = enumerations(text);
    expect(lists.map((l) => [l.style, markers(l)])).toEqual([["cn-dun", ["一、", "二、"]]]);
  });
});

describe("dash points and clause numbers", () => {
  it("nests dash points under the run-in paragraph they spell out, and ends the last with its paragraph", () => {
    const text =
      "一、重大意义和基本要求\n1.战略意义。跨越式发展是一种规律性现象。\n2.基本要求。科学跨越是又好又快的发展。\n——发展速度要快。缩小与先进地区的差距。\n——发展质量要好。坚持好字优先。\n——发展方式要新。走新型工业化道路。\n会议还研究了其他事项。";
    const [top] = enumerations(text);
    const dots = top!.items[0]!.children![0]!;
    expect([dots.style, markers(dots)]).toEqual(["arabic-dot", ["1.", "2."]]);
    const [dashes] = dots.items[1]!.children!;
    expect([dashes!.style, ordinals(dashes!)]).toEqual(["dash", [1, 2, 3]]);
    expect(dashes!.items.map((item) => item.heading?.text)).toEqual(["发展速度要快", "发展质量要好", "发展方式要新"]);
    expect(dashes!.items.at(-1)!.text).toBe("——发展方式要新。走新型工业化道路。");
  });

  it("groups clause numbers by the number they divide and nests 1.2.1 under 1.2", () => {
    const text = "1 总则\n1.1 编制目的\n1.2 等级划分\n1.2.1 国家级：两个以上省出现。\n1.2.2 省级：一个省出现。\n2 组织机构\n2.1 指挥部\n2.2 地方机构";
    const lists = enumerations(text);
    expect(lists.map((l) => [l.style, markers(l)])).toEqual([["decimal", ["1.1", "1.2"]], ["decimal", ["2.1", "2.2"]]]);
    expect(markers(lists[0]!.items[1]!.children![0]!)).toEqual(["1.2.1", "1.2.2"]);
    expectSpans(text, allSpans(lists));
  });
});

describe("a page that flattened its paragraphs into one line", () => {
  it("reads 一是 after the space that stands for a lost break or stop", () => {
    const text = "会议要求 一是加强领导，压实责任 二是完善制度，健全机制 三是强化督查，严肃问责";
    expect(enumerations(text).map(markers)).toEqual([["一是", "二是", "三是"]]);
  });

  it("reads a heading marker after the space that stands for a lost line break, and nests under it", () => {
    const text =
      "[接上页] 十二、党委书记主持党委工作。 第四章 会议制度 十三、主任办公会议的主要任务是: (一)研究决定重要工作; (二)讨论审议规章; (三)通报其他事项。 十四、党委会议由书记主持。会议的主要任务是: (一)传达学习上级精神; (二)讨论决定重大问题。";
    const [top] = enumerations(text);
    expect([top!.style, markers(top!)]).toEqual(["cn-dun", ["十二、", "十三、", "十四、"]]);
    expect(top!.items.map((item) => (item.children ?? []).map((child) => child.items.length))).toEqual([[], [3], [2]]);
  });
});

describe("lists a page kept from its HTML", () => {
  it("reads 1. after a bullet that opens its line (an <li> as text), and leaves the bullet out of the item before", () => {
    const text = "预约须知\n  • 工作日上班时间:上午8:30-12:00\n  • 1. 预约须提前一天。\n\n  • 2. 预约实名制。\n  • 3. 同一人每天只能预约一次。";
    const [list] = enumerations(text);
    expect([list!.style, markers(list!)]).toEqual(["arabic-dot", ["1.", "2.", "3."]]);
    expect(list!.items.map((item) => item.text)).toEqual(["1. 预约须提前一天。", "2. 预约实名制。", "3. 同一人每天只能预约一次。"]);
    // A bullet that does not open its line is punctuation: it stays in the item it stands in.
    expect(enumerations("注意事项：\n1. 预约须提前一天•当天无效。\n2. 实名预约。")[0]!.items[0]!.text).toBe("1. 预约须提前一天•当天无效。");
  });

  it("runs the last section heading of a flattened report to its paragraph end, a lower point to its sentence end", () => {
    const report =
      "现将工作汇报如下：一、建设情况成立了领导小组。各村明确了责任人。二、宣传发动情况主力军是农民群众。为发动群众，我镇采取了两项措施：一是召开动员会；二是印发宣传单。\n特此报告。";
    const [sections] = enumerations(report);
    expect(sections!.items[1]!.text).toBe("二、宣传发动情况主力军是农民群众。为发动群众，我镇采取了两项措施：一是召开动员会；二是印发宣传单。");
    expect(sections!.items[1]!.children!.map(markers)).toEqual([["一是", "二是"]]);
    const points = "总的原则是：（1）坚持规划引领，统筹布局。加强用地保障。（2）坚持市场运作。完善政策。（3）坚持依法监管。今年要采取两项措施：一要完善制度；二要加强监管。";
    const [paren, yao] = enumerations(points);
    expect([paren!.items[2]!.text, markers(yao!)]).toEqual(["（3）坚持依法监管。", ["一要", "二要"]]);
  });
});

describe("a text taken from a PDF", () => {
  it("reads 1、 and (1) after the blank that stands for a lost line break, and nests the section's items under it", () => {
    const text =
      "会议制度 一、 会议组成 党组会议由党组成员组成。\n 二、 会议要求 1、 提请会议的议题应事先讨论。\n 提交的材料应于会前三天送办公室。\n 2、 发言要简明扼要。\n 3、 讨论的文件会后收回。";
    const [top] = enumerations(text);
    expect([top!.style, markers(top!)]).toEqual(["cn-dun", ["一、", "二、"]]);
    expect(top!.items[1]!.children!.map(markers)).toEqual([["1、", "2、", "3、"]]);
    const guide = "1、报名方式\n x|j    (1) 个人报名\n 任何考生均可报名。\n q~`t    (2) 集体报名\n 须为法人单位。";
    expect(flat(enumerations(guide)).map((l) => [l.style, markers(l)])).toEqual([
      ["arabic-dun", ["1、"]],
      ["arabic-paren", ["(1)", "(2)"]],
    ]);
    // In running text a number after a word and no blank is a count, not an item (共1、2两批).
    expect(enumerations("今年共分1、2两批实施。")).toEqual([]);
  });
});

describe("where the last item ends", () => {
  it("ends a 1. line of a lead phrase, a colon and its text with its line, though short (no heading over what follows)", () => {
    const text = "六、加强党建工作\n1. 推进党员活动:组织开展各类活动。\n2. 加强党风廉政建设:营造风清气正的政治生态。\n总之,乡镇工作取得了一系列亮点。";
    const [sub] = enumerations(text)[0]!.items[0]!.children!;
    expect(sub!.items[1]!.text).toBe("2. 加强党风廉政建设:营造风清气正的政治生态。");
    // A heading that closes with a full stop and has no colon still heads what follows (（一）指导思想。).
    const plan = "一、总体要求\n（一）指导思想。\n坚持稳中求进工作总基调。\n（二）基本原则。\n坚持人民至上。";
    expect(enumerations(plan)[0]!.items[0]!.children![0]!.items[1]!.text).toBe("（二）基本原则。\n坚持人民至上。");
  });

  it("ends the last of an enumeration's ；-closed lines with its own line, not over the paragraph after it", () => {
    const rules = "全体会议的主要任务是：\n（一）讨论决定重大事项；\n（二）部署重要工作；\n（三）通报国内外形势。\n全体会议一般每半年召开一次。";
    expect(enumerations(rules)[0]!.items.at(-1)!.text).toBe("（三）通报国内外形势。");
    // Sections closed by 。 still head the paragraphs under them.
    const plan = "（一）指导思想。坚持稳中求进。\n（二）基本原则。\n聚焦支小支农主业。";
    expect(enumerations(plan)[0]!.items.at(-1)!.text).toBe("（二）基本原则。\n聚焦支小支农主业。");
  });

  it("carries a run-in paragraph over a line broken mid-word, up to the next item", () => {
    const text = "一、加强领导\n1、加强组织领导。由专人负责。\n2、做好宣传工作。深入农村围绕农业生产新品\n种推广提供服务。\n二、统筹兼顾";
    const [sub] = enumerations(text)[0]!.items[0]!.children!;
    expect(sub!.items[1]!.text).toBe("2、做好宣传工作。深入农村围绕农业生产新品\n种推广提供服务。");
  });

  it("leaves a release's bracketed credit out of the last item, and keeps a task's responsible unit in it", () => {
    const release = "镇党委书记作了强调，一是提高认识。二是尽快进入角色。三是做好后勤保障。(阮云亮)";
    expect(enumerations(release)[0]!.items.at(-1)!.text).toBe("三是做好后勤保障。");
    const tasks = "重点任务：\n1.加快农机检测鉴定。（农业农村部负责）\n2.营造良好氛围。（农业农村部等负责）";
    expect(enumerations(tasks)[0]!.items.at(-1)!.text).toBe("2.营造良好氛围。（农业农村部等负责）");
  });
});

describe("the conventions of notices and regulations", () => {
  it("ends a notice's last item above its closing formula and signature (特此通知。/ 发文机关 / 日期)", () => {
    const text = "现将有关事项通知如下：\n一、4月3日至5日放假。\n二、遇有突发事件，要及时报告。\n特此通知。\n学院办公室\n二○一一年三月二十九日";
    expect(enumerations(text)[0]!.items.at(-1)!.text).toBe("二、遇有突发事件，要及时报告。");
  });

  it("ends the last section at an unnumbered heading after a finished sentence (结论), not at a label the list numbers on under", () => {
    const report = "一、工作亮点\n1. 社区治理\n推行网格化管理。\n2. 疫情防控\n组建志愿者队伍。\n二、工作挑战\n1. 资源分配不均\n争取上级资源。\n2. 人员不足\n招募志愿者。\n结论\n街道办要不断创新工作方法。";
    const [list] = enumerations(report);
    expect(list!.items.at(-1)!.text).toBe("二、工作挑战\n1. 资源分配不均\n争取上级资源。\n2. 人员不足\n招募志愿者。");
    expect(list!.items.at(-1)!.children![0]!.items.at(-1)!.text).toBe("2. 人员不足\n招募志愿者。");
    const form = "1、报名方式\n（1）个人报名\n在网上报名。\n2、报名流程\n（1）个人报名\n具体请参见。\n个人在线支付流程\n（2）集体报名\n统一汇款。";
    expect(markers(enumerations(form)[0]!.items[1]!.children![0]!)).toEqual(["（1）", "（2）"]);
    // A roster line (a blank between post and name) heads nothing.
    const roster = "一、中央委员会领导\n名单如下。\n二、中央纪委领导\n书记和副书记名单如下。\n书　记　李希\n副书记　刘金国，张升民。";
    expect(enumerations(roster)[0]!.items[1]!.text).toBe(roster.slice(roster.indexOf("二、")));
  });

  it("reads articles numbered past 99, each holding its paragraphs (款) and its （一） items (项)", () => {
    const code = "第一百二十二条　起诉必须符合下列条件：\n（一）有明确的被告；\n（二）有具体的诉讼请求。\n第一百二十三条　起诉应当递交起诉状。\n书写起诉状确有困难的，可以口头起诉。";
    const [articles] = enumerations(code);
    expect(articles!.style).toBe("di-tiao");
    expect(ordinals(articles!)).toEqual([122, 123]);
    expect(childStyles(articles!.items[0]!)).toEqual(["cn-paren"]);
    expect(articles!.items[1]!.text).toBe("第一百二十三条　起诉应当递交起诉状。\n书写起诉状确有困难的，可以口头起诉。");
  });

  it("reads the articles of a page that flattened them into one line, not an article cited after a title", () => {
    const flattened = "村民代表会议制度 第一条 村民代表会议由村民委员会召集。 第二条 会议每季度召开一次。 第三条 会议由主任主持。";
    const [articles] = enumerations(flattened);
    expect(articles!.style).toBe("di-tiao");
    expect(markers(articles!)).toEqual(["第一条", "第二条", "第三条"]);
    expect(enumerations("根据《村民委员会组织法》第二十六条 村民代表会议由村民委员会召集。")).toEqual([]);
  });

  it("nests 一、 clauses under the articles of a code that opens with 第一条, and 第X条 under the 一、 sections of a notice", () => {
    const code = "第一条 常务委员会的职权如下：\n一、执行全体会议的决议；\n二、进行日常工作。\n第二条 常务委员会分设下列各组：\n一、政治法律组；\n二、财政经济组。";
    const [articles] = enumerations(code);
    expect(articles!.style).toBe("di-tiao");
    expect(articles!.items.map(childStyles)).toEqual([["cn-dun"], ["cn-dun"]]);
    const notice = "一、总则\n第一条 为规范管理，制定本办法。\n第二条 本办法适用于全县。\n二、分则\n第三条 各单位按本办法执行。";
    const [sections] = enumerations(notice);
    expect(sections!.style).toBe("cn-dun");
    expect(sections!.items.map(childStyles)).toEqual([["di-tiao"], ["di-tiao"]]);
  });

  it("keeps a lone chapter line that names its chapter over the 一、 provisions under it, and drops a bare one", () => {
    const named = "第一章 总 则\n一、本规则依据宪法制定。\n二、县政府工作的指导思想是服务人民。";
    const [chapter] = enumerations(named);
    expect(chapter!.style).toBe("di-zhang");
    expect(childStyles(chapter!.items[0]!)).toEqual(["cn-dun"]);
    const [provisions] = enumerations("第一章\n一、本规则依据宪法制定。\n二、县政府工作的指导思想是服务人民。");
    expect(provisions!.style).toBe("cn-dun");
  });

  it("runs a run-in point with a title sentence to its paragraph's end, a point that opens with a clause to its sentence's end", () => {
    const titled = "（一）认真部署安排。各党支部要提高认识。\n（二）严肃活动纪律。各党支部要严肃纪律。（三）及时记录总结。各党支部要及时记录，并上报登记表。";
    expect(enumerations(titled)[0]!.items.at(-1)!.text).toBe("（三）及时记录总结。各党支部要及时记录，并上报登记表。");
    const clauses = "原则是：（1）坚持从国情出发，建立住房模式。（2）坚持发挥政府作用，发展保障房。（3）坚持加强调控，促进健康发展。今年要采取两项措施：一要健全制度；二要增加供应。";
    const [points] = enumerations(clauses);
    expect(points!.items.at(-1)!.text).toBe("（3）坚持加强调控，促进健康发展。");
  });
});

describe("where a document or a page closes the text (real excerpts)", () => {
  it("keeps the whole paragraph of a last item whose siblings each open and fill a paragraph of their own", () => {
    const measures = "主要措施：\n一是加强领导。\n二是强化宣传。\n三是严格考核。县委将定期通报，对排名靠后的进行约谈。\n会议还研究了其他事项。";
    expect(enumerations(measures)[0]!.items.at(-1)!.text).toBe("三是严格考核。县委将定期通报，对排名靠后的进行约谈。");
    // Items closed by ； are clauses of one enumeration: the last, closed by 。, is one clause too.
    const clauses = "主要措施：\n一是加强领导；\n二是强化宣传；\n三是严格考核。县委将定期通报。";
    expect(enumerations(clauses)[0]!.items.at(-1)!.text).toBe("三是严格考核。");
  });

  it("ends the last inline item of meeting news before the meeting's or the speaker's next statement (会议还… / 他强调…)", () => {
    const release =
      "会议要求，一是提高认识。各乡镇要高度重视。二是加强领导。要成立领导小组。三是严肃纪律。对工作不力的要通报批评。会议还研究了其他事项。";
    expect(enumerations(release)[0]!.items.at(-1)!.text).toBe("三是严肃纪律。对工作不力的要通报批评。");
    const speaker = "张三要求，一是提高认识。各乡镇要高度重视。二是加强领导。要成立领导小组。三是严肃纪律。要通报批评。他强调，要抓好安全生产。";
    expect(enumerations(speaker)[0]!.items.at(-1)!.text).toBe("三是严肃纪律。要通报批评。");
  });

  it("reads 1.8月30日 as item 1 opening with a date, not as clause 1.8 (p-802, a county office's holiday notice)", () => {
    const notice =
      "现将放假安排通知如下。\n1.8月30日全县放假1天,不得串休(8月28日、29日正常休息)。\n2.各乡镇、街道和各部门在节假日来临前,要及早安排好交通运输、生产经营及值守应急工作。\n3.要确保社会稳定和政府工作有效运转。";
    const [list] = enumerations(notice);
    expect(list!.style).toBe("arabic-dot");
    expect(markers(list!)).toEqual(["1.", "2.", "3."]);
    expect(list!.items[0]!.text).toBe("1.8月30日全县放假1天,不得串休(8月28日、29日正常休息)。");
    // A year and its month open an item the same way; a contents line (a year alone), a clause number and a quantity
    // stay what they are.
    expect(markers(enumerations("1.2023年5月起实行新标准。\n2.各单位要做好衔接。")[0]!)).toEqual(["1.", "2."]);
    expect(enumerations("目录\n1.2023年白鹤镇政府工作报告\n2.2023年冲蒌镇政府工作报告\n3.2023年凤岗镇政府工作报告")).toEqual([]);
    expect(numbered(enumerations("1.1 编制目的\n规范应对突发事件。\n1.2 编制依据\n根据有关法律。"))[0]!.style).toBe("decimal");
    expect(enumerations("全年增长1.8万人次，其中1.5万人来自农村。")).toEqual([]);
    // x-536: a photo's file name under its caption is no item.
    expect(enumerations("会议现场\n图片 1.jpg\n会议对2021年度体彩工作成绩突出的县(市、区)进行了表彰。")).toEqual([]);
  });

  it("reads GB2312's one-character numbers as the styles they stand for (㈠ for （一）, ⒈ for 1., ⑴ for （1）)", () => {
    // A plan typed in a word processor keeps them (GB2312 row 2); no page of the corpus has them yet.
    const plan = "一、总体要求\n㈠指导思想。坚持稳中求进。\n㈡基本原则。坚持人民至上。\n二、主要任务\n⒈抓好项目。\n⒉抓好民生。\n⑴办好实事。\n⑵兜牢底线。";
    const [sections] = enumerations(plan);
    expect(sections!.items.map(childStyles)).toEqual([["cn-paren"], ["arabic-dot"]]);
    const [tasks] = sections!.items[1]!.children!;
    expect(markers(tasks!)).toEqual(["⒈", "⒉"]);
    expect(markers(tasks!.items[1]!.children![0]!)).toEqual(["⑴", "⑵"]);
    expect(enumerations("全年产值增长⑴成，⒉号楼已竣工。")).toEqual([]);
  });

  it("ends the last item above the signature that stands over the date (落款), not only above the date", () => {
    // p-053's closing (a university party office's notice) without its 附件 line, as a notice with no attachment ends.
    const notice =
      "四、其他事项\n列席旁听人员参加完列席旁听工作后,在10个工作日内将列席旁听情况小结发送至学校党委宣传部邮箱。\n未尽事宜,请与学校党委宣传部理论教育科联系。\n校党委宣传部\n2026年3月5日";
    const body = "一、总体要求\n坚持学用结合。\n二、列席旁听对象\n各二级单位党委。\n三、工作要求\n严格遵守规定。\n";
    const [list] = enumerations(body + notice);
    expect(list!.items.at(-1)!.text).toBe(notice.slice(0, notice.indexOf("\n校党委宣传部")));
    // Two organs on one line and a date a PDF spaced out (2023 年 5 月 1 日) close it the same way; an attachment's
    // numbered title above the signature is no part of it (h-006: 附件：1.… 2.…意见 / 国务院办公厅 / 二〇〇四年十一月四日).
    const joint = "一、提高认识\n各乡镇要高度重视。\n二、加强领导\n要成立领导小组。\n\n中共XX镇委员会　XX镇人民政府\n2023 年 5 月 1 日";
    expect(enumerations(joint)[0]!.items.at(-1)!.text).toBe("二、加强领导\n要成立领导小组。");
    const attachment = "附件：1.国土资源部关于地质险情调研情况的报告\n2.地质险情调查专家组意见\n国务院办公厅\n二〇〇四年十一月四日";
    expect(enumerations(attachment)[0]!.items.at(-1)!.text).toBe("2.地质险情调查专家组意见");
  });

  it("ends the last item above a closing formula on its own line (以上意见，请… / 妥否，请批示) and above a new part or piece", () => {
    const opinion = "一、统一思想\n各地要提高认识。\n二、加强领导\n各地要落实责任。\n以上意见如无不妥，请批转各地区、各部门贯彻执行。\n国家地震局";
    expect(enumerations(opinion)[0]!.items.at(-1)!.text).toBe("二、加强领导\n各地要落实责任。");
    // A speech closes by addressing its audience again after its last part (同志们，…让我们…).
    const speech = "下面，我讲三点意见。\n一、认清形势\n全县经济稳中有进。\n二、突出重点\n要抓好项目建设。\n三、强化保障\n要加强组织领导。\n同志们，做好今年的工作意义重大。让我们团结一心，奋力拼搏！";
    expect(enumerations(speech)[0]!.items.at(-1)!.text).toBe("三、强化保障\n要加强组织领导。");
    const pieces = "第一篇:镇年度工作总结\n一、工作开展情况\n全年完成目标。\n二、存在问题\n基础薄弱。\n第二篇:镇上半年工作总结\n今年以来，我镇认真贯彻落实。";
    expect(enumerations(pieces)[0]!.items.at(-1)!.text).toBe("二、存在问题\n基础薄弱。");
  });

  it("leaves out a page's editor credit and table border (m-140) and its footer and 会议还… line (x-043)", () => {
    const release =
      "各新闻单位、各工作组一要高度重视,全力以赴。从现在开始,要把大会新闻宣传工作作为阶段性的中心工作,抓好各项工作任务落实。二要精心组织,落实责任。进一步细化新闻宣传方案,明确各自职责。三要加强沟通,统筹协调。大会新闻宣传部以及各新闻单位、各工作组要加强与大会秘书处以及各专业部之间的联系沟通,通过联系沟通形成合力,扩大宣传效果。 (责任编辑:admin) |";
    expect(enumerations(release)[0]!.items.at(-1)!.text.endsWith("扩大宣传效果。")).toBe(true);
    // x-043 in simplified script, as the pipeline reads its traditional page; the footer keeps its own script.
    const sections =
      "一、听取了关于整治工作的情况汇报。\n要抓紧推进。\n二、听取了关于交通保障工作的情况汇报。\n各单位要按时保质完成各项任务。\n会议还研究了其他事项。\n互聯網違法和不良信息舉報電話:2780091 版權所有:斗門區人民政府門戶網站 備案號:粵ICP備05026010號 |";
    expect(enumerations(sections)[0]!.items.at(-1)!.text).toBe("二、听取了关于交通保障工作的情况汇报。\n各单位要按时保质完成各项任务。");
  });

  it("ends the last item at a closing block that a flattened page ran on after a finished sentence and a blank", () => {
    // p-834 (a county command's drill notice) as a page that joins its paragraphs with a blank would show it.
    const notice =
      "三、有关事项 1.应急演练期间,对佳园小区周围实施临时交通管制。 2.请广大群众积极配合支持应急演练顺利开展。对恶意传播不实图片、视频和言论,造成严重社会影响的,将依法追究法律责任。 特此通告 洞口县新冠肺炎疫情防控工作指挥部 2022年1月27日 扫一扫手机打开当前页";
    const flattened = "一、演练时间 2022年1月29日下午2:30至3:30 二、演练地点 文昌街道文昌社区佳园小区。 " + notice;
    const [sections] = enumerations(flattened);
    expect(markers(sections!)).toEqual(["一、", "二、", "三、"]);
    expect(sections!.items.at(-1)!.text.endsWith("将依法追究法律责任。")).toBe(true);
    expect(sections!.items.at(-1)!.children![0]!.items.at(-1)!.text.endsWith("将依法追究法律责任。")).toBe(true);
  });

  it("ends the last item where a page's download link or a preview site's notice starts (p-520, p-816)", () => {
    const download = "第五条 主席得根据工作需要邀请有关部门的负责人员列席会议。\n\n\n下载地址: 点击此处下载\n\n关于开展水土保持科技示范园区建设的通知";
    const articles = "第四条 每一委员得参加前条各组中之一组或数组。\n" + download;
    expect(enumerations(articles)[0]!.items.at(-1)!.text).toBe("第五条 主席得根据工作需要邀请有关部门的负责人员列席会议。");
    // p-816: a preview cut inside 一、's first point; the point is still a list level, cut after its first item.
    const preview =
      "一、坚持保障先行,夯实创建基础\n(一)健全组织领导机制。成立了由县委、县政府主要领导任组长的创建工作领导小组,将生态文明示范县建设的重点工程、…………\n全文共6180字,仅供站内会员学习参考(会员可打开排版规范的全部文档)\n新来的客人请【点此注册】加入会员\n刚注册会员请【刷新页面】打开全文\n未登";
    const [section] = enumerations(preview);
    expect(section!.items[0]!.text.endsWith("重点工程、…………")).toBe(true);
    // p-025: the notice in brackets, on lines of its own.
    const bracketed = "一、乡决定重大事项,实行党委书记负责制。重大事项包括以下两个方面:\n(一)涉及乡工作发展目标的重大事项;\n(二)其他人事工作重大事项。\n(未完,全文共739字,当前显示211字)\n(请认真阅读下面的提示信息)\n";
    expect(enumerations(bracketed)[0]!.items[0]!.text.endsWith("(二)其他人事工作重大事项。")).toBe(true);
    expect(section!.items[0]!.children![0]!.style).toBe("cn-paren");
    expect(section!.items[0]!.children![0]!.items[0]!.text.endsWith("重点工程、…………")).toBe(true);
  });
});

describe("numbering problems", () => {
  it("reports a gap instead of merging silently", () => {
    const [list] = enumerations("一是加强领导，压实责任；二是完善制度，健全机制；四是强化督查，严肃问责。");
    expect(ordinals(list!)).toEqual([1, 2, 4]);
    expect(list!.complete).toBe(false);
    expect(list!.problems).toEqual(["gap: 3 missing"]);
  });

  it("reports a repeat", () => {
    const [list] = enumerations("一是加强领导，压实责任；二是完善制度，健全机制；二是强化督查，严肃问责；三是总结经验。");
    expect(ordinals(list!)).toEqual([1, 2, 2, 3]);
    expect(list!.problems).toEqual(["repeat of 2"]);
  });

  it("starts a new list on a restart at 一", () => {
    const lists = enumerations("一是加强领导，压实责任；二是完善制度，健全机制。\n会议还要求，一是强化督查，严肃问责；二是总结经验，推广做法。");
    expect(lists.map(ordinals)).toEqual([[1, 2], [1, 2]]);
    expect(lists.every((l) => l.complete)).toBe(true);
  });

  it("reports a list that starts in the middle", () => {
    const [list] = enumerations("三、加强组织领导\n内容。\n四、强化督促检查\n内容。");
    expect(list!.complete).toBe(false);
    expect(list!.problems).toEqual(["starts at 3"]);
  });
});

describe("declared counts", () => {
  it("links an announcement before the list", () => {
    const [list] = enumerations("今年重点抓好三件事：一是加强公共卫生体系建设；二是深化医疗改革；三是发展中医药。");
    expect(list!.declared).toEqual({ count: 3, matches: true, span: { start: 6, end: 9, text: "三件事" } });
  });

  it("reports an announced count that the list does not reach", () => {
    const [list] = enumerations("重点抓好以下三个方面：一是加强领导，压实责任；二是完善制度，健全机制。");
    expect(list!.declared).toMatchObject({ count: 3, matches: false, span: { text: "以下三个方面" } });
  });

  it("links 以下几点 without a number", () => {
    const [list] = enumerations("重点抓好以下几点：一是加强领导，压实责任；二是完善制度，健全机制。");
    expect(list!.declared).toEqual({ span: { start: 4, end: 8, text: "以下几点" } });
  });

  it("links “三个坚持” to the parallel series it names", () => {
    const [series] = enumerations("坚持“三个坚持”：坚持党的全面领导不动摇，坚持以人民为中心不动摇，坚持改革开放不动摇。");
    expect(series!.style).toBe("parallel");
    expect(series!.items).toHaveLength(3);
    expect(series!.declared).toMatchObject({ count: 3, matches: true, span: { text: "三个坚持" } });
  });

  it("does not take a slogan as a back-reference (“三个代表”)", () => {
    const text = "主要有：一是加强领导，压实责任；二是完善制度，健全机制；三是强化督查，严肃问责。\n以“三个代表”重要思想为指导。";
    expect(enumerations(text)[0]!.declared).toBeUndefined();
  });

  itWithData("policy", "links the announcements of gwr-2004 (以下六方面工作, 三件事, 以下几个方面)", () => {
    const text = readData("policy/gwr-2004.txt");
    const declared = flat(enumerations(text)).flatMap((l) => (l.declared ? [[l.style, l.declared.span.text, l.declared.count]] : []));
    expect(declared).toEqual([
      ["cn-paren", "以下六方面工作", 6],
      ["inline-shi", "三件事", 3],
      ["di", "以下几个方面", undefined],
    ]);
  });
});

describe("ranges and the pipeline", () => {
  it("reads ranges that only a stray mark keeps apart as one text (p-810: a page's lone 。 line taken for navigation)", () => {
    const text =
      "一、“十三 五”工作回顾 回顾“十三 五”,是全镇经济快速平稳发展的五年。\n综合实力位居全市前列。\n。\n城镇建设迈出新步伐。一是加强基础设施建设,提升镇区档次。\n二是做好重点项目协调,完善镇区设施功能。完成了总投";
    const cut = text.indexOf("\n。\n");
    const [section] = enumerations(text, { ranges: [{ start: 0, end: cut }, { start: cut + 3, end: text.length }] });
    expect(section!.style).toBe("cn-dun");
    expect(childStyles(section!.items[0]!)).toEqual(["inline-shi"]);
  });
  it("looks only inside the ranges it is given", () => {
    const text = "导航：一是首页，二是新闻。\n正文：一是加强领导，压实责任；二是完善制度，健全机制。";
    const article = { start: text.indexOf("正文"), end: text.length };
    const lists = enumerations(text, { ranges: [article] });
    expect(lists).toHaveLength(1);
    expect(lists[0]!.start).toBeGreaterThan(article.start);
    expect(enumerations(text)).toHaveLength(2);
  });

  it("reads only the article when the page stage ran, and the whole text with scope all", () => {
    const text = "网站导航：一是学院首页，二是新闻中心\n\n会议要求，一是加强领导，压实责任；二是完善制度，健全机制。\n\n责任编辑：王五";
    const [start, end] = [text.indexOf("会议"), text.indexOf("\n\n责任")];
    const page: Doc["page"] = { regions: [{ kind: "article", start, end, text: text.slice(start, end) }], spam: [] };
    const pageOf: Stage = { name: "fixed page", reads: [], writes: ["page"], run: (doc) => ({ ...doc, page }) };
    const stages = [sentenceStage, pageOf, enumerationStage];
    const article = createAnalyzer({ stages }).analyze(text).enumerations!;
    expect(article.map((l) => l.items[0]!.heading?.text)).toEqual(["加强领导"]);
    const all = createAnalyzer({ stages, scope: "all" }).analyze(text).enumerations!;
    expect(all).toHaveLength(2);
  });

  it("finds the same lists in the seed's article as in its whole text", () => {
    const doc = createAnalyzer({ stages: [pageStage, sentenceStage, enumerationStage] }).analyze(seedText());
    expect(doc.enumerations).toEqual(enumerations(doc.text));
  });

  it("runs as a pipeline stage after sentences and yields a valid Doc", () => {
    expect(enumerationStage).toMatchObject({ name: "enumerations", writes: ["enumerations"], reads: ["sentences"] });
    const doc = createAnalyzer({ stages: [segmentStage, sentenceStage, enumerationStage] }).analyze(seedText());
    expectValidDoc(doc);
    expect(doc.enumerations).toEqual(enumerations(doc.text));
  });
});

describe("any input", () => {
  const pieces = ["一是", "二是", "三是", "第一，", "（一）", "(二)", "1.", "2．", "一、", "二、", "①", "首先，", "其次，",
    "以下三个方面：", "坚持", "“二十条工作重点”", "，", "；", "。", "\n", "　", "甲乙丙丁", "十四五", "（", "）", "1", "."];
  const mixedText = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 60 }).map((a) => a.join(""));

  it("always returns lists whose spans point at the text, items in order with integer ordinals", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const lists = enumerations(text);
        expectSpans(text, allSpans(lists));
        for (const list of flat(lists)) {
          expect(list.items.length).toBeGreaterThan(0);
          list.items.forEach((item, k) => {
            expect(Number.isInteger(item.ordinal)).toBe(true);
            expect(item.start).toBe(item.marker.start);
            expect(item.end).toBeGreaterThanOrEqual(item.marker.end);
            if (k > 0) expect(item.start).toBeGreaterThanOrEqual(list.items[k - 1]!.end);
          });
          expect(list.complete).toBe(!list.problems);
        }
      }),
      { numRuns: 300 },
    );
  });
});
