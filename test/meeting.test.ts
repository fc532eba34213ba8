// The meeting brief on real text: the seed report field by field, the stage contract, and documents that are not
// meeting reports (a State Council notice, a notice that mentions a meeting, a government work report).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meetingAnalyzer } from "../bench/lib/meeting-score.js";
import { entityStage } from "../src/entities/index.js";
import { isGongwenError } from "../src/core/errors.js";
import { createAnalyzer } from "../src/analyzer.js";
import { segmentStage } from "../src/segment/index.js";
import { sentenceStage } from "../src/text/sentences.js";
import { pageStage } from "../src/text/page.js";
import { enumerationStage } from "../src/enumerate/index.js";
import { MeetingBriefSchema } from "../src/core/schema.js";
import { meetingBrief, meetingStage } from "../src/summarize/meeting.js";
import { allSpans, expectSpans, expectValidDoc } from "./helpers/doc.js";
import { describeWithData, readData, seedText } from "./helpers/data.js";

const text = seedText();
// no referenceDate: the seed's own 发布时间:2023-05-18 line resolves 5月17日
const doc = meetingAnalyzer().analyze(text);
const brief = doc.meeting!;
const at = (s: string, from = 0) => {
  const start = text.indexOf(s, from);
  return { start, end: start + s.length, text: s };
};

describe("meeting brief of the seed report", () => {
  it("is a valid Doc whose every span slices the input", () => {
    expect(brief).toBeDefined();
    expectValidDoc(doc);
    expect(MeetingBriefSchema.safeParse(brief).success).toBe(true);
    expectSpans(text, allSpans(brief));
  });

  it("takes the headline line as the title, not the spam banner or the breadcrumb", () => {
    expect(brief.title).toEqual(at("学院召开2023年第11次党委(扩大)会议"));
  });

  it("resolves 5月17日 against the publication date", () => {
    expect(brief.date).toBe("2023-05-17");
    expect(brief.dateEnd).toBeUndefined();
    expect(brief.dateSpan).toEqual(at("5月17日"));
  });

  it("names and numbers the meeting where the lead names it", () => {
    expect(brief.meeting).toEqual({ ...at("2023年第11次党委(扩大)会议", 97), name: "2023年第11次党委(扩大)会议", number: 11 });
  });

  it("gives the chair with title and organisation", () => {
    expect(brief.chair).toEqual({ name: "雷承锋", titles: ["党委书记"], org: "学院", span: at("雷承锋") });
  });

  it("reads 参加 as participants and the 列席 list as attendees, 等相关负责同志 dropped", () => {
    expect(brief.participants.map((s) => s.text)).toEqual(["全体党委委员"]);
    expect(brief.attendees.map((s) => s.text)).toEqual([
      "办公室", "组织人事部", "宣传统战部", "人才工作办公室", "财务部", "教务科技部", "学工部", "保卫部", "后勤服务中心",
      "国有资产管理中心", "质量控制中心", "产教融合发展中心", "招生就业指导中心", "继续教育与培训部", "电子与通信工程系",
      "计算机工程系", "智能制造工程系", "高层次人才代表",
    ]);
  });

  it("gives the 到会指导 guests, expanding 指导组 to the group named before", () => {
    const org = "省委主题教育第二十四巡回指导组";
    expect(brief.guests).toEqual([
      { name: "李国臣", titles: ["组长"], org, span: at("李国臣") },
      { name: "王鹏", titles: ["成员"], org, span: at("王鹏") },
    ]);
  });

  it("lists the topic as agenda and the vote as the decision (专题研讨决定 is no decision)", () => {
    expect(brief.agenda.map((s) => s.text)).toEqual(["专题研讨决定“学院把握服务转型发展的办学定位”发展任务"]);
    expect(brief.decisions).toHaveLength(1);
    expect(brief.decisions[0]!.text).toMatch(/^会议表决通过了“把握服务转型发展的办学定位”发展任务.*几个关键问题。$/u);
  });

  it("finds every statement with its speaker, resolving 他指出 to 雷承锋", () => {
    expect(brief.statements.map((s) => [s.speaker, s.verb, s.span.start, s.span.end, s.speakerSpan?.text])).toEqual([
      ["宋海宏", "说明", 345, 469, "宋海宏"],
      ["雷承锋", "指出", 557, 807, "他"],
      ["雷承锋", "强调", 809, 1605, "雷承锋"],
      ["雷承锋", "强调", 1607, 1876, "雷承锋"],
      ["雷承锋", "要求", 1878, 2345, "雷承锋"],
    ]);
    expect(brief.statements[0]!.span.text.startsWith("会上,院党委委员、宣传统战部部长兼办公室主任宋海宏")).toBe(true);
    expect(brief.statements[4]!.span.text.endsWith("确定学院办学定位的工作特色。")).toBe(true);
  });

  it("is the same through meetingBrief() on the analysed doc", () => {
    expect(meetingBrief(doc)).toEqual(brief);
  });
});

describe("meeting stage", () => {
  it("declares what it needs and fills doc.meeting", () => {
    expect(meetingStage).toMatchObject({ name: "meeting", writes: ["meeting"] });
    expect([...meetingStage.reads].sort()).toEqual(["entities", "enumerations", "page", "sentences"]);
  });

  it("refuses to run before the page stage", () => {
    try {
      createAnalyzer({ stages: [segmentStage, sentenceStage, entityStage, meetingStage] });
      expect.fail("expected STAGE_ORDER");
    } catch (error) {
      expect(isGongwenError(error) && error.code).toBe("STAGE_ORDER");
    }
  });
});

describeWithData("policy", "documents that are not meeting reports get no brief", () => {
  it.each([
    ["a State Council notice", "policy/sc-guobanfa-2018-109.txt"],
    ["a notice citing 国务院第54次常务会议 (召开的: a meeting mentioned, not reported)", "policy/sc-guofa-2004-018.txt"],
    ["a government work report (党的二十届三中全会胜利召开 in passing)", "policy/gwr-2025.txt"],
  ])("%s", (_what, path) => {
    const analysed = meetingAnalyzer("2025-03-05").analyze(readData(path));
    expect(analysed.meeting).toBeUndefined();
    expect("meeting" in analysed).toBe(false);
  });
});

describe("robustness", () => {
  // pieces of meeting reports, shuffled: whatever the order, the brief never throws and every span slices the input
  const pieces = [
    "会议", "全会", "召开", "举行", "主持", "指出", "强调", "要求", "表示", "说明", "决定", "同意", "审议通过", "出席",
    "参加", "列席", "到会指导", "由", "在", "就", "等", "和", "、", "，", "。", "；", "：", "\n", "他", "他们", "一致",
    "5月17日", "17日", "至", "18日", "雷承锋", "学院党委书记", "中共中央政治局", "第11次", "一是", "要", "此前",
  ];
  // a headline, then the seed's lead sentence
  const lead = "学院召开2023年第11次党委(扩大)会议\n5月17日,学院党委书记雷承锋主持召开2023年第11次党委(扩大)会议,专题研讨发展任务。";
  const gw = meetingAnalyzer("2023-05-18");
  it("holds for random arrangements of meeting vocabulary after a real lead", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const input = lead + parts.join("");
        const analysed = gw.analyze(input);
        expect(analysed.meeting?.date).toBe("2023-05-17");
        expect(MeetingBriefSchema.safeParse(analysed.meeting).success).toBe(true);
        expectSpans(input, allSpans(analysed.meeting));
      }),
      { numRuns: 150 },
    );
  });

  it("holds for short arrangements with no lead before them: a headline alone (3月1日召开会议) crashed the chair's window", () => {
    const headlineish = [...pieces, "3月1日", "主持人：", "共同主持", "分别由"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...headlineish), { minLength: 1, maxLength: 8 }), (parts) => {
        const input = parts.join("");
        const analysed = gw.analyze(input);
        if (analysed.meeting) expect(MeetingBriefSchema.safeParse(analysed.meeting).success).toBe(true);
        expectSpans(input, allSpans(analysed.meeting));
      }),
      { numRuns: 400, examples: [[["3月1日", "召开", "会议"]]] },
    );
  });
});

describe("genre templates of meeting news (minimal repros)", () => {
  const briefOf = (report: string) => meetingAnalyzer("2024-12-31").analyze(report).meeting;

  it("reads a wire dateline as no part of the subject, the chair named in the next sentence", () => {
    const report = "新华社北京3月9日电 政协第十四届全国委员会第五次主席会议9日下午在北京召开。全国政协主席王某某主持会议。";
    const got = briefOf(report)!;
    expect(got.meeting?.name).toBe("政协第十四届全国委员会第五次主席会议");
    expect(got.chair?.name).toBe("王某某");
    expect(got.date).toMatch(/-03-09$/u);
  });

  it.each([
    ["碰头会", "12月15日，市委副书记、市长张某某主持召开市长碰头会，听取各副市长工作汇报。", "市长碰头会"],
    ["(扩大)会", "12月6日，县委书记李某某主持召开县委常委(扩大)会，传达学习有关会议精神。", "县委常委(扩大)会"],
    ["办公会", "3月4日下午，学校召开校长办公会，校长赵某某主持会议。", "校长办公会"],
  ])("takes a working meeting ending in %s as the object of 召开", (_noun, report, name) => {
    expect(briefOf(report)?.meeting?.name).toBe(name);
  });

  it("lists members on leave (请假, 因公请假, 因公缺席会议) apart from those present", () => {
    const roll = briefOf(
      "12月6日，县委书记刘文华主持召开县委常委会会议。县委常委王海涛、赵丽娟出席会议，县人大常委会主任孙立新列席会议，钱志明、周红梅因公请假。与会人员应在会前向会议主持人请假。",
    )!;
    expect(roll.participants.map((s) => s.text)).toEqual(["王海涛", "赵丽娟"]);
    expect(roll.attendees.map((s) => s.text)).toEqual(["孙立新"]);
    expect(roll.onLeave.map((s) => s.text)).toEqual(["钱志明", "周红梅"]);
    const office = briefOf("3月4日下午，学校召开校长办公会。会议由张志强校长主持，李建国副书记因公缺席会议，其他校长办公会成员参加会议。")!;
    expect(office.onLeave.map((s) => s.text)).toEqual(["李建国"]);
    expect(office.participants.map((s) => s.text)).toEqual(["其他校长办公会成员"]);
  });

  it.each([
    ["an adverbial before the verb (在…时, 应邀)", "副市长张艳、司学军在研究相关议题时列席会议，县长吴海宏应邀列席会议。", ["张艳", "司学军", "吴海宏"]],
    ["及 after the named people", "县人大常委会党组副书记周才德、罗均发及机关各委、室(中心)负责人列席会议。", ["周才德", "罗均发", "机关各委、室(中心)负责人"]],
    ["a name in a list with a shared head", "部总工程师彭齐鸣、相关司局和事业单位负责人列席会议。", ["彭齐鸣", "相关司局和事业单位负责人"]],
  ])("names those who sit in: %s", (_form, sentence, names) => {
    const got = briefOf(`12月6日，县委书记刘文华主持召开县委常委会会议。${sentence}`)!;
    expect(got.attendees.map((s) => s.text)).toEqual(names);
  });

  it("starts the people after a clause that reports an act (召开, 学习贯彻, 主持)", () => {
    const got = briefOf("10月27日，市中级法院院长袁荷刚主持召开党组扩大会议，认真学习贯彻全会精神，中院党组成员参加会议。")!;
    expect(got.participants.map((s) => s.text)).toEqual(["中院党组成员"]);
  });

  it("takes 到会 and an object ending in a meeting noun or 学习 as taking part", () => {
    const got = briefOf("10月4日，学校召开党委常委会（扩大）会议。校领导曹雪涛、许京军参加学习，区委常委孙国梁到会并讲话，教授王新生参加了调研座谈会。")!;
    expect(got.participants.map((s) => s.text)).toEqual(["曹雪涛", "许京军", "孙国梁", "王新生"]);
  });

  it.each([
    ["审议通过了《…》", "会议审议通过了《县政府工作规则（修订稿）》。", "会议审议通过了《县政府工作规则（修订稿）》。"],
    ["审议并原则通过", "会议审议并原则通过了《县城市更新实施方案》。", "会议审议并原则通过了《县城市更新实施方案》。"],
    ["研究并原则同意", "会议研究并原则同意县委办公室提交的《关于召开县委全会的请示》。", "会议研究并原则同意县委办公室提交的《关于召开县委全会的请示》。"],
    ["认真听取并审议通过", "会议认真听取并审议通过了《镇政府工作报告》。", "会议认真听取并审议通过了《镇政府工作报告》。"],
    ["协商通过", "会议协商通过了县政协十一届一次会议议程。", "会议协商通过了县政协十一届一次会议议程。"],
  ])("takes %s after the meeting as a decision", (_form, sentence, decision) => {
    const got = briefOf(`12月6日，县委书记刘文华主持召开县委常委会会议。${sentence}`)!;
    expect(got.decisions.map((s) => s.text)).toEqual([decision]);
  });

  it("takes each item of a ；-chain as its own decision, bare 通过 only with a document or a list", () => {
    const got = briefOf("12月6日，县人大常委会召开主任会议。会议听取了有关汇报；听取并通过议案处理意见的报告；通过大会各项决议(草案)；指定了计票人；通过视频形式通报了情况。")!;
    expect(got.decisions.map((s) => s.text)).toEqual(["听取并通过议案处理意见的报告", "通过大会各项决议(草案)"]);
  });

  it("takes an election as a decision (会议选举…为…, 会议顺利选举产生了…)", () => {
    const got = briefOf("3月2日，临江镇第十八届人民代表大会第五次会议召开。会议选举周荣华同志为临江镇人大主席。会议听取了报告，会议顺利选举产生了副镇长一名。")!;
    expect(got.decisions.map((s) => s.text)).toEqual(["会议选举周荣华同志为临江镇人大主席。", "会议顺利选举产生了副镇长一名。"]);
  });

  it("calls a congress 大会 in its own report (大会选举产生了…)", () => {
    const congress = briefOf("3月2日，中共文昌镇第十次党员代表大会召开。大会选举产生了新一届镇党委委员。")!;
    expect(congress.decisions.map((s) => s.text)).toEqual(["大会选举产生了新一届镇党委委员。"]);
  });

  it.each([
    ["要求 with its addressee, no comma", "县委书记刘文华要求全体干部要切实扛起责任。", ["刘文华", "要求"]],
    ["书记强调 after the name", "刘文华书记强调：各部门要狠抓落实。", ["刘文华", "强调"]],
    ["提出…要求 after a long adverbial", "县长王海涛就深入推进安全生产专项整治提出四点要求，一要压实责任，二要排查隐患。", ["王海涛", "提出四点要求"]],
    ["并提出了…要求 after another clause", "王海涛对会议的成功召开表示祝贺，并提出了三点具体的要求：一要学深悟透，二要抓好落实。", ["王海涛", "提出了三点具体的要求"]],
  ])("finds a statement: %s", (_form, sentence, pair) => {
    const got = briefOf(`12月6日，县委书记刘文华主持召开县委常委会会议。${sentence}`)!;
    expect(got.statements.map((s) => [s.speaker, s.verb])).toEqual([pair]);
  });

  it.each([
    ["会议 + verb with no comma", "会议要求全校各部门必须严防死守。", ["会议", "要求"]],
    ["并/同时 chaining the subject's verb", "镇党委书记黄治平同志对人大工作表示肯定，同时要求全体代表履职尽责。", ["黄治平", "要求"]],
    ["提出…要求 with the numbered demands after it", "会上，县委常委连云进对大会的召开表示祝贺，并提出了四点具体的要求。一要加强学习，二要抓好落实。", ["连云进", "提出了四点具体的要求"]],
  ])("finds a statement: %s", (_form, sentence, pair) => {
    const got = briefOf(`12月6日，县委书记刘文华主持召开县委常委会会议。${sentence}`)!;
    expect(got.statements.map((s) => [s.speaker, s.verb])).toEqual([pair]);
  });

  it("reads 会议指出 alone on its line as the heading of the paragraph after it", () => {
    const got = briefOf("12月6日，县委书记刘文华主持召开县委常委会会议。\n会议指出\n市委常委会听取各党组工作汇报，目的是统一思想。")!;
    expect(got.statements.map((s) => [s.speaker, s.verb, s.span.text])).toEqual([["会议", "指出", "会议指出\n市委常委会听取各党组工作汇报，目的是统一思想。"]]);
  });

  it("takes 提出要求 closing a sentence as a statement of the person who puts the demands forward, and 提出 only with what is put forward", () => {
    const lead = "12月6日，县委书记刘文华主持召开县委常委会会议。";
    const closing = briefOf(`${lead}王海涛作总结讲话，对做好明年工作提出要求。`)!;
    expect(closing.statements.map((s) => [s.speaker, s.verb])).toEqual([["王海涛", "提出要求"]]);
    const directive = briefOf(`${lead}院长张琦提出要全面、系统学习领会《意见》精神。`)!;
    expect(directive.statements.map((s) => [s.speaker, s.verb])).toEqual([["张琦", "提出"]]);
    // 提出 with another object proposes nothing said
    expect(briefOf(`${lead}王海涛提出三项议案。`)!.statements).toEqual([]);
    // the owner of the subject (习近平总书记的贺信…提出…) and a roll of attendees (…参加会议，提出…) name no speaker
    expect(briefOf(`${lead}县委常委王海涛、副县长李卫东参加会议，提出工作要求。`)!.statements).toEqual([]);
    expect(briefOf(`${lead}习近平总书记的贺信对共建网上美好精神家园提出明确要求。`)!.statements).toEqual([]);
  });

  it("takes 会议认为/会议提出 as the meeting's statements, as 会议指出 is, and a person's 认为 as the person's", () => {
    const lead = "12月6日，县委书记刘文华主持召开县委常委会会议。";
    const pairs = (body: string) => briefOf(`${lead}${body}`)!.statements.map((s) => [s.speaker, s.verb, s.span.text]);
    expect(pairs("会议认为，今年全县经济稳中有进。\n会议提出，到2029年完成改革任务。")).toEqual([
      ["会议", "认为", "会议认为，今年全县经济稳中有进。"],
      ["会议", "提出", "会议提出，到2029年完成改革任务。"],
    ]);
    expect(pairs("周孝棠认为，要把好事办好。")).toEqual([["周孝棠", "认为", "周孝棠认为，要把好事办好。"]]);
    // the meeting's call to the public is no statement; nor is 提出 with an aspect marker and an object
    expect(pairs("会议号召全县干部群众团结奋斗。会议提出了三项任务。")).toEqual([]);
  });

  it("splits a paragraph at 一致表示 after 一致认为: two statements of the paragraph's subject", () => {
    const got = briefOf("12月6日，县委书记刘文华主持召开县委常委会会议。\n会议认真学习了讲话。一致认为，讲话意义重大。一致表示，将坚决贯彻落实。")!;
    expect(got.statements.map((s) => [s.speaker, s.verb, s.span.text])).toEqual([
      ["会议", "认为", "一致认为，讲话意义重大。"],
      ["会议", "表示", "一致表示，将坚决贯彻落实。"],
    ]);
  });

  it("takes the subject of the sentence for a later clause's verb, a pronoun opening a clause, a light verb and a role as speakers", () => {
    const lead = "12月6日，县委书记刘文华主持召开县委常委会会议。";
    const pairs = (sentence: string) => briefOf(`${lead}${sentence}`)!.statements.map((s) => [s.speaker, s.verb, s.speakerSpan?.text]);
    expect(pairs("会上，副镇长张力传达了县秸秆禁烧调度会精神，指出当前工作有所松懈。")).toEqual([["张力", "指出", "张力"]]);
    expect(pairs("副县长李卫东作了发言。他要求各督查组要认真落实会议精神。")).toEqual([["李卫东", "要求", "他"]]);
    expect(pairs("院长胡国林作重要讲话，首先他针对两个通知精神，对全院干警提出四点要求。")).toEqual([["胡国林", "提出四点要求", "他"]]);
    expect(pairs("同时，县委书记陆晓延对当前重点工作进行了强调：一是加强安全生产。")).toEqual([["陆晓延", "强调", "陆晓延"]]);
    expect(pairs("镇党委主要负责人在大会上指出：牛镇正处于蓄势待发的重要时期。")).toEqual([["镇党委主要负责人", "指出", "镇党委主要负责人"]]);
    expect(pairs("参会人员表示，将以更加务实的举措推进工作。")).toEqual([["参会人员", "表示", "参会人员"]]);
    // 指出了… names what was found; it introduces no speech
    expect(pairs("副县长李卫东指出了存在的短板和不足。")).toEqual([]);
    // a later sentence whose speaker follows a short opening clause starts a statement of its own
    expect(pairs("副县长高岩指出，脱贫成果要巩固。针对下一步的工作，高岩提出三点要求。")).toEqual([["高岩", "指出", "高岩"], ["高岩", "提出三点要求", "高岩"]]);
  });

  it("reads a day without a year against the page's own date, never after it (a report tells of a meeting held)", () => {
    const dated = "学校召开党委常委会\n发布时间：2017-01-17 09:00\n16日上午，学校召开党委常委会，校党委书记张某某主持会议。";
    expect(meetingAnalyzer("2024-12-31").analyze(dated).meeting?.date).toBe("2017-01-16");
    const undated = "4月27日上午，学校召开党委常委会，校党委书记张某某主持会议。";
    expect(meetingAnalyzer("2024-01-10").analyze(undated).meeting?.date).toBe("2023-04-27");
  });

  it("finds an undated lead when the sentence or the next names who presided, dated by a line above that opens with the day", () => {
    const chaired = briefOf("新年伊始，中共中央政治局常委会昨召开会议，由中共中央总书记习近平主持并讲话。会议指出，要坚持稳中求进。")!;
    expect(chaired.chair?.name).toBe("习近平");
    expect(briefOf("新年伊始，中共中央政治局常委会召开会议，研究部署明年工作。会议指出，要坚持稳中求进。")).toBeUndefined();
    const above = briefOf("党委中心组专题学习研讨\n4月14日，学校新闻网\n党委理论学习中心组召开专题学习研讨会议。会议由党委书记张志强主持。")!;
    expect([above.date, above.chair?.name]).toEqual(["2024-04-14", "张志强"]);
  });

  it("takes the month of a lead that writes only the day from a line above that opens with that day (3月18日 …\n…18日主持召开…)", () => {
    const got = briefOf("3月18日 国务院常务会议研究推进政府职能转变\n国务院总理李克强18日主持召开国务院常务会议，研究加快推进机构改革。")!;
    expect(got.date).toBe("2024-03-18");
  });

  it("reads the chair written after a unit without a title (会议由党委宣传统战部高建兴主持), and no name from a unit alone", () => {
    const lead = "4月14日，党委理论学习中心组召开专题学习研讨会议。";
    expect(briefOf(`${lead}会议由党委宣传统战部高建兴主持。`)!.chair?.name).toBe("高建兴");
    expect(briefOf(`${lead}会议由区人大常委会办公室主持。`)!.chair?.name).toBe("区人大常委会办公室");
  });

  it("takes the meeting a headline names alone as the subject of a first sentence without one (【…会议】 / 8月7日在…举行)", () => {
    const got = briefOf("【政协年中工作会议】\n\n8月7日在区图书馆举行。与会委员听取了区政府上半年工作报告。")!;
    expect([got.meeting?.name, got.date]).toEqual(["政协年中工作会议", "2024-08-07"]);
  });

  it("reads a day without a year against the month the page's address files it under (…/n/201403/…), never a later one", () => {
    const report = "2月28日上午，县委书记张某某主持召开县委常委会会议。";
    const stages = [pageStage, segmentStage, sentenceStage, enumerationStage, entityStage, meetingStage];
    const dated = (url: string, referenceDate = "2026-12-06") => createAnalyzer({ stages, referenceDate, url }).analyze(report).meeting?.date;
    expect(dated("http://m.news.wmxa.cn/n/201403/88883.html")).toBe("2014-02-28");
    expect(dated("http://fzsfy.nmgfy.gov.cn/article/detail/2020/06/id/5263845.shtml")).toBe("2020-02-28");
    // a month after the caller's reference date is no bound, nor a number that is no month (…/201599/…)
    expect(dated("http://m.news.wmxa.cn/n/201403/88883.html", "2013-05-01")).toBe("2013-02-28");
    expect(dated("http://example.cn/n/201599/1.html")).toBe("2026-02-28");
  });

  it("reads a day without a year against the folders of the page's address: a year alone (…/html/2012/…, …/2022-638/…), a day, a hyphenated month", () => {
    const report = "7月5日上午，大龙山镇召开社区换届选举工作动员会，会议由镇党委书记杨某某主持。";
    const stages = [pageStage, segmentStage, sentenceStage, enumerationStage, entityStage, meetingStage];
    const dated = (url: string) => createAnalyzer({ stages, referenceDate: "2026-12-06", url }).analyze(report).meeting?.date;
    expect(dated("http://www.aqyx.gov.cn/html/2012/dlsz_1217/3482.html")).toBe("2012-07-05");
    expect(dated("http://e.sxxycmw.com/jrfs/2022-638/news-1-3.html")).toBe("2022-07-05");
    expect(dated("http://example.cn/info/1047/15692.htm")).toBe("2026-07-05");
    // a folder of the day (…/2021/1020/…, …/20230310/…) or of the month written with a hyphen (…/2019-04/17/…)
    expect(dated("http://www.yxxf.gov.cn/html/dangjiangongzuo/2012/0720/96443.html")).toBe("2012-07-05");
    expect(dated("http://news.example.cn/fzxw/20130710/sj9VX191RC.shtml")).toBe("2013-07-05");
    expect(dated("http://www.example.com/2014-07/17/content_883017.htm")).toBe("2014-07-05");
  });

  it("reads the year from the page's date line above the lead (day first, 日 dropped before the clock), never from a sentence", () => {
    const lead = "\n7月27日，国土资源部部长姜某某主持召开第25次部党组会议。";
    const dated = (above: string) => meetingAnalyzer("2026-12-06").analyze(above + lead).meeting?.date;
    expect(dated("部党组会传达学习中央党的群团工作会议精神\n\n28.07.2015  19:41")).toBe("2015-07-27");
    expect(dated("胡集回族乡第九届人民代表大会第二次会议胜利召开\n2013年08月02 15:50:29 来源:民权网")).toBe("2013-07-27");
    // a dated sentence of the article above the lead is no date line
    expect(dated("部党组会议召开\n2015年3月5日，部里开展了一次调研活动，调研组走访了三个单位。")).toBe("2026-07-27");
  });

  it("reads a lead whose 月 was dropped (319日, 33日) by the page's own day, and the year of a headline's meeting when the body lost its digits", () => {
    const dated = (page: string) => meetingAnalyzer("2026-12-06").analyze(page).meeting?.date;
    expect(dated("凉水实验林场召开中层干部工作会议\n发布时间:2019-03-21\n319日，凉水实验林场召开中层干部工作会议，会议由刘某某书记主持。")).toBe("2019-03-19");
    expect(dated("区政府召开区长办公会议\n发布日期:2025-03-04\n33日，区长赵某某主持召开区长办公会议。")).toBe("2025-03-03");
    // with no day of the page's own, which split is meant is unknown
    expect(dated("区政府召开区长办公会议\n33日，区长赵某某主持召开区长办公会议。")).toBeUndefined();
    expect(dated("灯塔市教育系统召开2017年教育工作会议\n年2月21日上午9点，市教育局在实验中学报告厅召开年教育工作会议，局长吴某某主持。")).toBe("2017-02-21");
  });

  it("takes the year the article writes of its own time when the report has no day of its own", () => {
    const year = (body: string) => meetingAnalyzer("2026-12-06").analyze(`12月3日上午，西演镇召开人民代表大会第五次会议，会议由镇党委书记王某主持。${body}`).meeting?.date;
    expect(year("会议指出，2020年是全面建成小康社会和“十三五”规划收官之年。")).toBe("2020-12-03");
    expect(year("会议传达学习了习近平总书记在十三届全国人大二次会议闭幕式上的讲话精神。")).toBe("2019-12-03");
    expect(year("会议学习了《求是》2023年第1期发表的署名文章。")).toBe("2023-12-03");
    // a year written of another time (a plan, a review) says nothing of the report's
    expect(year("会议审议了2017年工作总结和到2035年的远景目标。")).toBe("2026-12-03");
  });

  it("keeps a day soon after the page's own day (an announcement), and takes no lead from a notice's numbered provision", () => {
    const soon = "学校召开党委常委会\n发布时间：2017-01-17 09:00\n1月20日上午，学校召开党委常委会，校党委书记张某某主持会议。";
    expect(meetingAnalyzer("2024-12-31").analyze(soon).meeting?.date).toBe("2017-01-20");
    expect(briefOf("治丧委员会公告\n现决定：\n（一）12月6日上午10时，党中央在北京人民大会堂隆重举行追悼大会。\n（二）追悼大会当天，全国下半旗志哀。")).toBeUndefined();
  });

  it("reads 昨天 against the dateline of a paper (大众日报济南3月21日讯)", () => {
    const got = briefOf("大众日报济南3月21日讯 昨天上午，省政协召开主席会议。省政协主席刘某某主持会议。")!;
    expect([got.date, got.dateSpan?.text, got.chair?.name]).toEqual(["2024-03-20", "昨天", "刘某某"]);
  });

  it.each([
    ["全委会 (a committee's plenary)", "6月25日下午，2021年第二次校纪委全委会在414会议室召开，纪委书记谢某某主持。", "2021年第二次校纪委全委会"],
    ["以…形式召开 (the manner is no part of the subject)", "3月6日，全市公安局长会议以视频会形式召开，副市长王某某出席会议并讲话。", "全市公安局长会议"],
    ["a session number without 第 (108次常委会会议)", "3月20日，二届市委召开108次常委会会议，市委书记余某某主持会议。", "108次常委会会议"],
    ["an aside in nested brackets after the name", "9月30日上午，在区政务服务中心召开区政府全体(扩大)会议暨项目投资工作推进会(区安全生产委员会(扩大)2025年第四次会议)。区长李某主持并讲话。", "区政府全体(扩大)会议暨项目投资工作推进会"],
    ["开展 with a meeting noun", "2019年2月26日，南樊林场开展了大讨论动员部署会，场长董某主持会议。", "大讨论动员部署会"],
  ])("finds the lead: %s", (_form, report, name) => {
    expect(briefOf(report)?.meeting?.name).toBe(name);
  });

  it("names who took part however the roll writes them: 一行, 出席，并…, 出席论坛, 参加此次活动, 同志 after the name, the post after it", () => {
    const roll = (body: string) => briefOf(`5月28日，镇党委召开教育实践活动动员大会，会议由镇党委书记尚某某主持。${body}`)!.participants.filter((p) => !p.group).map((p) => p.text);
    expect(roll("县督导组副组长常彦斌一行出席会议。")).toEqual(["常彦斌"]);
    expect(roll("高院副院长沈志先出席，并作了题为《稳中求实》的工作报告。")).toEqual(["沈志先"]);
    expect(roll("大学联盟主席王希勤，北京大学副校长王博等成员大学领导出席论坛。")).toEqual(["王希勤", "王博"]);
    expect(roll("区委组织部副部长施德林，区农水局副局长庄延平等参加此次活动。")).toEqual(["施德林", "庄延平"]);
    expect(roll("该镇党委书记李伟华同志出席会议并讲话。")).toEqual(["李伟华"]);
    expect(roll("李文友副场长、全场中层干部参加了会议。")).toEqual(["李文友"]);
    // an activity of others, or a meeting to be attended later, is no roll of this one
    expect(roll("全体党员参加志愿服务活动。县长王某将出席，并致辞。")).toEqual([]);
  });

  it("reads 提出 with what is put forward — demands, hopes, points in quotes — and 会议对…提出 with the matter before the verb", () => {
    const said = (body: string) => briefOf(`7月5日上午，大龙山镇召开换届选举工作动员会，会议由镇党委书记杨某某主持。${body}`)!.statements.map((s) => [s.speaker, s.verb]);
    expect(said("镇长王一中在会议上提出“四要”：一要严明态度；二要严格条件。")).toEqual([["王一中", "提出“四要”"]]);
    expect(said("会议对做好当前迎峰度夏工作提出三个方面的要求：一是要认清形势。")).toEqual([["会议", "提出三个方面的要求"]]);
    expect(said("区长赵玉勋对下一步工作提出三点希望。")).toEqual([["赵玉勋", "提出三点希望"]]);
    // opinions and advice are what members contribute to the discussion
    expect(said("区长赵玉勋逐一点评，委员王某提出了修改意见。")).toEqual([]);
    // a plan handed in is no statement
    expect(said("镇长王一中汇报了工作，提出了下一步工作打算和整改建议。")).toEqual([]);
  });

  it("finds the lead past lines of page chrome, and in …现场会在…召开 (a subject in 会 with 召开)", () => {
    const chrome = "• 设为首页\n• 加入收藏\n• 无障碍阅读\n• 长者版\n区委理论学习中心组第二次(扩大)学习\n";
    const body = "2020年3月23日晚，下陆区组织学习了中央有关会议精神。区委理论中心组成员参加了学习。吴某某等作了中心发言。会议指出，要做好以下工作。一是抓好防控。二是抓好复工。三是维护稳定。区委书记郭某某主持会议，并做了总结发言。";
    expect(briefOf(chrome + body)?.chair?.name).toBe("郭某某");
    const got = briefOf("华商报讯(记者 贺某某)9月11日，延安市县级融媒体建设现场会在富县召开。市委常委、宣传部部长柯某某出席。")!;
    expect([got.meeting?.name, got.date]).toEqual(["延安市县级融媒体建设现场会", "2024-09-11"]);
  });

  it("gives no brief for a speech opening with its salutation on the line, nor for a notice addressed to its recipients", () => {
    expect(briefOf("同志们：今天，我们召开本届县政府第一次全体会议，主要任务是动员安排重点工作。")).toBeUndefined();
    expect(briefOf("各镇(街道)、市直各单位：\n经市政协常委会议研究决定，政协第八届委员会第二次会议于2008年1月14日在市区召开。现将有关事项通知如下。")).toBeUndefined();
  });

  it("reads 会议明确，… as a statement (not 明确目标), and a later sentence whose speaker comes after a clause and titles", () => {
    const said = (body: string) => briefOf(`9月2日，区政协召开专题办公会议，区政协主席周某某主持会议。${body}`)!.statements.map((s) => [s.speaker, s.verb]);
    expect(said("会议明确，9月份重点工作还包括开展系列活动。")).toEqual([["会议", "明确"]]);
    expect(said("会议要求，要明确目标，打造教育之乡。")).toEqual([["会议", "要求"]]);
    expect(said("最后，县委书记陆某某要求相关部门抓好落实。同时，县委书记陆某某对当前重点工作进行了强调：一是加强安全生产。")).toEqual([
      ["陆某某", "要求"],
      ["陆某某", "强调"],
    ]);
  });

  it("reads the roll after its verb (出席会议的有…, 参加会议的还有…, a roster's 出席：…), posts in brackets, and 参会", () => {
    const roll = (body: string) => briefOf(`5月8日上午，县委常委会召开会议，县委书记王某某主持会议。${body}`)!.participants.filter((p) => !p.group).map((p) => p.text);
    expect(roll("出席会议的有县委副书记张明华、副县长李国强。")).toEqual(["张明华", "李国强"]);
    expect(roll("参加会议的还有县委副书记张明华、副县长李国强。")).toEqual(["张明华", "李国强"]);
    expect(roll("出席：张明华、李国强。")).toEqual(["张明华", "李国强"]);
    expect(roll("张明华（县委副书记）、李国强（副县长）参加会议。")).toEqual(["张明华", "李国强"]);
    expect(roll("县委常委、宣传部部长张明华参会。")).toEqual(["张明华"]);
    // 参加会议的有关单位 names the units, not a list after the verb; 参会人员 is a noun
    expect(roll("参加会议的有关单位负责人作了发言。全体参会人员认真学习了文件。")).toEqual([]);
  });

  it("takes the whole name between the last title and 主持 (由学校党委书记章顺来主持), not a shorter person found in it", () => {
    const got = briefOf("4月3日下午，学校召开党委中心组第三次扩大学习会。学习会由学校党委书记章顺来主持。\n章顺来强调，要提高政治站位。")!;
    expect(got.chair?.name).toBe("章顺来");
    expect(briefOf("4月3日，公司召开安全生产会议。会议由安徽省公司总工程师杜贵和同志主持。")!.chair?.name).toBe("杜贵和");
    // and the speaker the same name, cut short the same way, is the chair
    expect(got.statements.map((s) => [s.speaker, s.speakerSpan?.text])).toEqual([["章顺来", "章顺来"]]);
  });

  it("reads the chair of a roster line (主持人：…) and the first of co-chairs (由…和…共同主持)", () => {
    const chair = (body: string) => briefOf(`5月8日上午，县委常委会召开会议。${body}`)?.chair?.name;
    expect(chair("主持人：县委副书记张明华。")).toBe("张明华");
    expect(chair("会议由张明华和李国强共同主持。")).toBe("张明华");
  });

  it("reads a guest who 应邀出席 before the line of who presided, 共同参会, and a name closed by 和 before a group (边祥慧和市委常委)", () => {
    const roll = (body: string) => briefOf(`2月27日下午，我院召开机关党员大会。${body}`)!.participants.filter((p) => !p.group).map((p) => p.text);
    expect(roll("区委组织部副部长宫绍辉应邀出席，大会由政治处主任潘某某主持。")).toEqual(["宫绍辉"]);
    expect(roll("侨联主任赵宇宏、民盟主任曾亮及学生代表共同参会。")).toEqual(["赵宇宏", "曾亮"]);
    expect(roll("市委副书记、市长孙述涛，市委副书记边祥慧和市委常委出席会议。")).toEqual(["孙述涛", "边祥慧"]);
  });

  it("ends sentences at 。 inside quotation marks typed the wrong way round (”…“), so a roll after them is read", () => {
    const got = briefOf("9月28日，学校党委召开”同心庆双节 奋进建新功“中秋国庆座谈会。党委书记胡某某出席会议并讲话，部长黎某某主持会议。教务处处长张俊林、人事处处长黄志华共同参会。")!;
    expect(got.participants.filter((p) => !p.group).map((p) => p.text)).toEqual(["胡某某", "张俊林", "黄志华"]);
  });

  it("names both of a list of names that share a count and a post (张明华、李国强两位副县长)", () => {
    const got = briefOf("5月8日上午，县委常委会召开会议，县委书记王某某主持会议。张明华、李国强两位副县长参加会议。")!;
    expect(got.participants.filter((p) => !p.group).map((p) => p.text)).toEqual(["张明华", "李国强"]);
  });

  it("takes an occasion with a chair as a meeting held (活动由…主持, 仪式由…主持)", () => {
    const got = briefOf("2020年4月7日上午，第五党支部在二楼审委会议室开展了4月份主题党日暨周例行学习活动。活动由支部书记霍某某主持，第五党支部全体党员参加了活动。")!;
    expect([got.date, got.chair?.name]).toEqual(["2020-04-07", "霍某某"]);
    expect(briefOf("日前，市委决定在全市开展向朱某某同志学习活动。活动要求各单位认真组织。")).toBeUndefined();
  });

  it("takes what the meeting approved (批准), a work plan adopted after 经表决, and stops a decision before its follow-up (会后由…)", () => {
    const decided = (body: string) => briefOf(`5月8日上午，县委常委会召开会议，县委书记李某某主持会议。${body}`)!.decisions.map((d) => d.text);
    expect(decided("会议批准了县财政预算调整方案。")).toEqual(["会议批准了县财政预算调整方案。"]);
    expect(decided("经表决，会议通过了县人大常委会工作要点。")).toEqual(["会议通过了县人大常委会工作要点。"]);
    expect(decided("会议原则通过了《A方案》，会后由县发改局修改完善后印发。")).toEqual(["会议原则通过了《A方案》"]);
    expect(decided("会议原则同意进行公示，由评建办负责按规定落实。")).toEqual(["会议原则同意进行公示"]);
    // the adoption of what the clause before dealt with, and an adoption chained to the next act by 并
    expect(decided("会议讨论了《政府工作报告（讨论稿）》，并原则通过。")).toEqual(["会议讨论了《政府工作报告（讨论稿）》，并原则通过。"]);
    expect(decided("会议原则通过《实施方案》并提交县委全会审议。")).toEqual(["会议原则通过《实施方案》并提交县委全会审议。"]);
    expect(decided("会议通过视频形式召开，并通过。")).toEqual([]);
  });

  it("reads the meeting as the speaker with an adverb before its verb (会议还强调, 会议并要求, 会议一致认为)", () => {
    const said = (body: string) => briefOf(`5月8日上午，县委常委会召开会议，县委书记李某某主持会议。${body}`)!.statements.map((s) => [s.speaker, s.verb]);
    expect(said("会议还强调，要抓好安全生产。")).toEqual([["会议", "强调"]]);
    expect(said("会议并要求，各部门要抓好落实。")).toEqual([["会议", "要求"]]);
    expect(said("会议一致认为，报告实事求是。")).toEqual([["会议", "认为"]]);
    // the meeting's own business is no adverb
    expect(said("会议研究强调了安全生产的重要性。")).toEqual([]);
  });

  it("takes a leader named by post alone who opens the sentence before the matter (督导组副组长对…完全同意，要求…)", () => {
    const got = briefOf("5月28日，全镇教育实践活动动员大会召开。会议由镇党委书记尚某某主持。督导组副组长对我镇活动的总体安排完全同意，要求既要做好规定动作，又要凸显自选动作。")!;
    expect(got.statements.map((s) => [s.speaker, s.verb])).toEqual([["督导组副组长", "要求"]]);
  });

  it("takes a leader named again by surname and title (胡院长要求) as the person of that surname named before", () => {
    const got = briefOf("1月8日，市法院召开全院干警大会，院长胡国林主持会议并作重要讲话。最后，胡院长要求全体干警要公正执法。")!;
    expect(got.statements.map((s) => [s.speaker, s.speakerSpan?.text, s.verb])).toEqual([["胡国林", "胡院长", "要求"]]);
    // a title alone is no surname
    expect(briefOf("1月8日，市法院召开全院干警大会，院长胡国林主持会议。副院长要求全体干警要公正执法。")!.statements).toEqual([]);
  });

  it("gives no brief for a meeting announced (将于…举行) and no roll from a plan or a directive (将出席, 要列席)", () => {
    expect(briefOf("江泽民同志追悼大会将于12月6日上午10时在人民大会堂隆重举行。")).toBeUndefined();
    const got = briefOf("12月6日，县委书记刘文华主持召开县委常委会会议。县长王海涛将出席此次峰会，国务院部门负责人要列席或旁听会议。")!;
    expect([got.participants, got.attendees]).toEqual([[], []]);
  });

  it("reads the object of 出席 whole before taking it as this meeting (出席第十四届全国人民代表大会代表…会议召集人)", () => {
    const got = briefOf("12月29日，委员长会议在北京召开。会议听取了杨振武作的关于调整台湾省出席第十四届全国人民代表大会代表协商选举会议召集人有关情况的汇报。")!;
    expect(got.participants).toEqual([]);
  });

  it("takes the chair from the 主持 that names one (主持学校党委工作的副书记、校长张华主持并讲话)", () => {
    const got = briefOf("2月26日，校党委理论学习中心组2026年第2次集体学习举行。主持学校党委工作的副书记、校长张华主持并讲话。")!;
    expect(got.chair?.name).toBe("张华");
  });

  it("dates a broadcaster's report by its dateline (…10月27日消息) and calls a preparatory session 预备会", () => {
    const got = briefOf("中广网北京10月27日消息 中国妇女第十次全国代表大会今天下午在人民大会堂举行预备会。预备会首先通过了大会议程。")!;
    expect([got.date, got.meeting?.name]).toEqual(["2024-10-27", "预备会"]);
    expect(got.decisions.map((s) => s.text)).toEqual(["预备会首先通过了大会议程。"]);
  });

  it("takes the headline as the lead of an e-paper page continued from another, dated by the article when it can be", () => {
    const continued = briefOf("市政协召开八届十三次常委会会议\n\n(紧接第1版)市政协八届四次全会开幕在即，政协要深入学习强引领。")!;
    expect([continued.meeting?.name, continued.date]).toEqual(["八届十三次常委会会议", undefined]);
    expect(briefOf("9月6日，市文化馆开展了迎国庆文艺活动。")).toBeUndefined();
  });

  it("marks roll members named by role, body or count as groups, names as people", () => {
    const got = briefOf("12月6日，县委书记刘文华主持召开县委常委会会议。县委常委王海涛、赵丽娟，全体党委委员出席会议，办公室负责人列席会议。")!;
    expect(got.participants.map((s) => [s.text, s.group ?? false])).toEqual([["王海涛", false], ["赵丽娟", false], ["全体党委委员", true]]);
    expect(got.attendees.map((s) => [s.text, s.group ?? false])).toEqual([["办公室负责人", true]]);
  });

  it("dates a report with no day of its own by the year in the meeting's name, but not by a 年度 review", () => {
    const named = "3月30日，党委书记王某主持召开2023年第9次党委会会议，传达学习有关精神。";
    expect(meetingAnalyzer("2026-12-06").analyze(named).meeting?.date).toBe("2023-03-30");
    // a relative day keeps no year from the name
    expect(meetingAnalyzer().analyze("日前，学院召开2022年第5次党委会会议。").meeting?.date).toBeUndefined();
    const review = "1月15日，学院召开2025年度民主生活会，党委书记王某主持会议。";
    expect(meetingAnalyzer("2026-12-06").analyze(review).meeting?.date).toBe("2026-01-15");
    const headline = "3月18日 国务院常务会议研究有关事项\n国务院总理李某某18日主持召开国务院常务会议，研究有关事项。";
    expect(meetingAnalyzer("2026-12-06").analyze(headline).meeting?.date).toBe("2026-03-18");
    const news = "赵某某主持召开委员长会议 决定常委会会议12月27日至30日在京举行\n委员长会议9日在北京召开。";
    expect(meetingAnalyzer("2022-12-09").analyze(news).meeting?.date).toBe("2022-12-09");
  });

  it.each([
    ["召开会议 by any convener (我市)", "1月20日下午，我市召开会议，传达学习省两会精神。市委书记李某某主持会议。", "我市会议"],
    ["举办 with a meeting noun", "9月8日下午，我校举办教师节庆祝大会。会议由副校长张某某主持。", "教师节庆祝大会"],
    ["拉开帷幕 (the press's 开幕)", "2月17日，为期四天的2006年春季局党组中心组学习会议在北京拉开帷幕。", "2006年春季局党组中心组学习会议"],
    ["组织 a study session", "10月29日，学院组织党委理论学习中心组第五期集中学习。党委书记华某某主持了学习。", "党委理论学习中心组第五期集中学习"],
    ["组织开展 a study session on one topic", "5月8日，公司党委组织开展专题学习，党委书记李某某主持。", "专题学习"],
    ["拉开序幕 (the press's 开幕, as 拉开帷幕)", "12月29日下午，大栗港镇第三届人民代表大会第三次会议在庄严的国歌声中拉开序幕。", "大栗港镇第三届人民代表大会第三次会议"],
    ["举行 a ceremony someone presides over (开学典礼)", "4月19日，我校第七期业余党校开学典礼在教学楼正式举行。开学典礼由乐某某老师主持。", "我校第七期业余党校开学典礼"],
    ["举行 a working meeting of the genre (现场会)", "9月11日上午，全市在富县举行县级融媒体建设现场会，市委常委柯某某出席。", "县级融媒体建设现场会"],
    ["举行 a working meeting of the genre (报告会)", "3月5日，学校举行形势政策报告会，党委书记王某某主持。", "形势政策报告会"],
    ["a study group's 研学活动", "6月30日，集团召开党委理论学习中心组专题研学活动。党委书记蘆某主持会议。", "党委理论学习中心组专题研学活动"],
  ])("finds the lead of a study session or an event-verb meeting: %s", (_form, report, name) => {
    expect(briefOf(report)?.meeting?.name).toBe(name);
  });

  it("keeps a statement made in one item of minutes (一、…二、…) out of the next item", () => {
    const got = briefOf("3月4日下午，学校召开校长办公会，校长李某某主持会议。\n一、会议学习了有关讲话。会议强调，要扎实做好评估工作。\n二、副校长金某某对疫情防控工作进行了部署。会议决定学校从3月4日起实行封闭管理。会议要求全校各部门必须严防死守。")!;
    expect(got.statements.map((s) => s.verb)).toEqual(["强调", "要求"]);
    expect(got.decisions.map((s) => s.text)).toEqual(["会议决定学校从3月4日起实行封闭管理。"]);
  });

  it("takes the name after the last office title in 由…主持 as the chair (由县人大常委会常务副主任洪自成主持)", () => {
    const got = briefOf("12月5日，县人大会议召开。会议由县人大常委会常务副主任洪自成主持。")!;
    // 洪 is a surname the entity stage knows, so the chair keeps the post and unit written before the name
    expect(got.chair).toEqual({ name: "洪自成", titles: ["常务副主任"], org: "县人大常委会", span: expect.objectContaining({ text: "洪自成" }) });
    expect(briefOf("2月25日，林场召开动员会议，会议由支部书记主持。")?.chair).toBeUndefined();
  });

  it("takes a report that says who presided (会议由…主持) as a meeting report, dated by the sentence before, but not the meeting studied", () => {
    const got = briefOf("9月25日上午，调研组到研究所调研。研究所领导班子成员参加了调研座谈会。会议由党委书记王齐华主持。")!;
    expect([got.meeting?.name, got.date, got.chair?.name]).toEqual(["调研座谈会", "2024-09-25", "王齐华"]);
    const studied = briefOf("3月5日，全局干部传达学习中央经济工作会议精神。会议由局长李某某主持。")!;
    expect(studied.meeting?.name).toBe("会议");
    expect(briefOf("会议由局长李某某主持。要认真学习。")).toBeUndefined();
    expect(briefOf("日前，市委决定在全市开展向朱某某同志学习活动。")).toBeUndefined();
    expect(briefOf("各单位：定于3月5日上午在市政府召开安全生产工作会议。会议由副市长李某某主持。")).toBeUndefined();
    const study = briefOf("3月27日上午，我院在大会议室开展新学期党委中心组第一次理论学习。学习会由党委书记杨四海主持。")!;
    expect([study.meeting?.name, study.chair?.name]).toEqual(["学习会", "杨四海"]);
    const lecture = briefOf("10月31日，中央宣传部举办中央宣讲团首场报告会。他阐述了党的二十大的重大意义。报告会由副书记吴某某主持。")!;
    // 报告会 is a kind of working meeting: 举办 names it whole
    expect([lecture.meeting?.name, lecture.chair?.name]).toEqual(["中央宣讲团首场报告会", "吴某某"]);
  });

  it("keeps the title written after the speaker's name in where the speaker is named (谢华生书记强调)", () => {
    const got = briefOf("6月2日上午，学院召开党委会议，党委书记谢华生主持会议。\n谢华生书记强调，要加强学习。")!;
    expect(got.statements.map((s) => [s.speaker, s.speakerSpan?.text])).toEqual([["谢华生", "谢华生书记"]]);
    const demands = briefOf("6月2日上午，市公安局召开党委会议。\n王海涛副市长就深入推进教育整顿提出四点要求，一要提高站位。")!;
    expect(demands.statements.map((s) => [s.speaker, s.speakerSpan?.text])).toEqual([["王海涛", "王海涛副市长"]]);
  });

  it("resolves 他 opening 提出…要求 to the person named before (他提出几点要求，一是…)", () => {
    const got = briefOf("3月1日，镇党委召开会议。镇党委书记张渊主持会议并讲话。\n张渊指出，换届时间紧。\n他提出几点要求，一是要充分认识换届的重要性，二是要严肃纪律。")!;
    expect(got.statements.map((s) => [s.speaker, s.verb, s.speakerSpan?.text])).toEqual([["张渊", "指出", "张渊"], ["张渊", "提出几点要求", "他"]]);
  });

  it("takes the decisions of a ；-chain before a statement in its last item (…；表决通过了大会日程；…杨武…作了说明)", () => {
    const got = briefOf("12月5日，县人大主席团召开第一次会议。会议推定了执行主席分组名单；表决通过了大会日程；表决通过了大会选举办法(草案)；县委常委杨武宣读了县委关于候选人的建议名单并作了说明。")!;
    expect(got.decisions.map((s) => s.text)).toEqual(["表决通过了大会日程", "表决通过了大会选举办法(草案)"]);
    expect(got.statements.map((s) => [s.speaker, s.span.text.slice(0, 4)])).toEqual([["杨武", "县委常委"]]);
  });

  it("takes an approval in principle (会议原则同意…) and a co-option (增选…为…) as decisions", () => {
    const got = briefOf("3月2日，市妇联召开十一届三次执委会议。会议原则同意《责任清单》。会议增选王某某、刘某为市妇联第十一届常委。")!;
    expect(got.decisions.map((s) => s.text)).toEqual(["会议原则同意《责任清单》。", "会议增选王某某、刘某为市妇联第十一届常委。"]);
  });

  it("ends a decision before a clause that goes on to what was said or has a subject of its own", () => {
    const lead = "12月6日，区政府召开常务会议。";
    const said = briefOf(`${lead}会议审议并同意关于改组设立区国有资本运营平台实施方案的汇报，并指出，要按照上级要求稳步推进。`)!;
    expect(said.decisions.map((s) => s.text)).toEqual(["会议审议并同意关于改组设立区国有资本运营平台实施方案的汇报"]);
    const praised = briefOf(`${lead}会议一致通过了以上报告和决议草案，并对镇党委、政府一年来的成绩表示肯定。`)!;
    expect(praised.decisions.map((s) => s.text)).toEqual(["会议一致通过了以上报告和决议草案"]);
    const person = briefOf(`${lead}会议表决通过了人事任职事项，县人大常委会主任王晋成向被任命的人员颁发了任命书。`)!;
    expect(person.decisions.map((s) => s.text)).toEqual(["会议表决通过了人事任职事项"]);
    // a name inside the object is no new subject (任命张三为…，李四为…; 免去秦刚同志…)
    const named = briefOf(`${lead}会议决定，任命张建国为区财政局局长，李卫东为区财政局副局长。`)!;
    expect(named.decisions.map((s) => s.text)).toEqual(["会议决定，任命张建国为区财政局局长，李卫东为区财政局副局长。"]);
  });

  it("takes a decision after a chain of agenda verbs (听取、审议和通过了…) or a meeting and its day (…第十六次会议24日下午表决通过了…), none inside a title or before 指出", () => {
    const chain = briefOf("1月5日，区人大常委会召开主任会议。会议听取、审议和通过了区人大法制委员会关于代表议案审查意见的报告。")!;
    expect(chain.decisions.map((s) => s.text)).toEqual(["会议听取、审议和通过了区人大法制委员会关于代表议案审查意见的报告。"]);
    const day = briefOf("2月24日，全国人大常委会召开会议。十三届全国人大常委会第十六次会议24日下午表决通过了关于推迟召开十三届全国人大三次会议的决定。")!;
    expect(day.decisions.map((s) => s.text)).toEqual(["表决通过了关于推迟召开十三届全国人大三次会议的决定。"]);
    const none = briefOf("1月8日，中央纪委召开全会。全会协助党中央修订《党组讨论和决定党员处分事项工作程序规定（试行）》等。决定指出，要从严治党。")!;
    expect(none.decisions).toEqual([]);
  });

  it("reads who sat in throughout (全程列席会议), on some items (列席有关议题) or as observers (列席旁听指导) as attendees", () => {
    const got = briefOf("4月3日，市委常委会召开会议。市人大常委会主任陈兴华、市政协主席叶梅生全程列席会议，市领导郭如盾、陈德旺列席有关议题。\n市国资委副主任马卫先列席旁听指导。")!;
    expect(got.attendees.map((s) => s.text)).toEqual(["陈兴华", "叶梅生", "郭如盾", "陈德旺", "马卫先"]);
  });

  it("takes a joint session whose first part is a meeting (…工作会议暨学习秘书培训会) as the meeting held", () => {
    const got = briefOf("昨日下午，全市党委(党组)理论学习中心组工作会议暨学习秘书培训会召开。")!;
    expect(got.meeting?.name).toBe("全市党委(党组)理论学习中心组工作会议暨学习秘书培训会");
  });

  it("takes no heading verb (会议决定：同意…；原则同意…) and no document named by its adoption (审议通过的《…》, 决定(草案)) as a decision", () => {
    const got = briefOf("12月6日，学校召开党委常委会会议。会议决定：同意成立基建工作小组；原则同意工作小组人员组成。会议学习了经市委常委会审议通过的《实施方案》。")!;
    expect(got.decisions.map((s) => s.text)).toEqual(["同意成立基建工作小组", "原则同意工作小组人员组成。"]);
    const draft = briefOf("12月6日，县政协召开主席会议。会议审议通过了关于召开县政协九届四次会议的决定(草案)，县政协九届四次会议议程(草案)。")!;
    expect(draft.decisions).toHaveLength(1);
  });

  it("takes decisions of a body or meeting named otherwise, of the members together, and of elections' results", () => {
    const body = briefOf("2月22日，县人大常委会召开会议。日前召开的县八届人大常委会第20次会议表决通过了有关报告、名单草案。")!;
    expect(body.decisions.map((s) => s.text)).toEqual(["表决通过了有关报告、名单草案。"]);
    const members = briefOf("3月2日，街道召开“大工委”成立大会。会上颁发了聘任书，同时由与会委员共同审议通过了街道“大工委”三项工作制度。")!;
    expect(members.decisions.map((s) => s.text)).toEqual(["审议通过了街道“大工委”三项工作制度。"]);
    const convened = briefOf("3月2日，市政协召开八届四十二次常委会议。会后，还召开市政协八届四十二次主席会议，审议通过市政协八届四次会议分组名单。")!;
    expect(convened.decisions.map((s) => s.text)).toEqual(["审议通过市政协八届四次会议分组名单。"]);
    const elected = briefOf("1月5日，滔溪镇第十八届人民代表大会第一次会议召开。大会听取并审议通过了《政府工作报告》。\n选举产生了新一届镇政府领导班子。谢波、杨景宪两名同志分别以全票当选为镇长和镇人大主席团主席。")!;
    expect(elected.decisions.map((s) => s.text)).toEqual([
      "审议通过了《政府工作报告》。",
      "选举产生了新一届镇政府领导班子。",
      "谢波、杨景宪两名同志分别以全票当选为镇长和镇人大主席团主席。",
    ]);
  });

  it("ends a statement before a later sentence of its paragraph that opens with its own speaker and verb", () => {
    const got = briefOf("3月1日，镇党委召开会议。镇党委书记张渊主持会议并讲话。\n张渊指出，换届时间紧。他要求，全镇干部要严守纪律。会议强调，要确保质量。")!;
    expect(got.statements.map((s) => [s.speaker, s.verb, s.span.text])).toEqual([
      ["张渊", "指出", "张渊指出，换届时间紧。"],
      ["张渊", "要求", "他要求，全镇干部要严守纪律。"],
      ["会议", "强调", "会议强调，要确保质量。"],
    ]);
  });

  it("reads titles then a name in a roll as that person (区政府办公室主任何宏伟), and the rostrum (在主席台就座) as attending", () => {
    const got = briefOf("5月6日，区人大常委会召开第十次会议。区政府办公室主任何宏伟、校长助理列席会议。\n县人大常委会副主任张文蛟、王劳旺在主席台就座。")!;
    expect(got.attendees.map((s) => [s.text, s.group ?? false])).toEqual([["何宏伟", false], ["校长助理", true]]);
    expect(got.participants.map((s) => s.text)).toEqual(["张文蛟", "王劳旺"]);
  });

  it("gives no brief for a speech or a host's script that addresses the room (同志们：…今天召开…)", () => {
    expect(briefOf("镇年终会议主持词\n同志们：\n经镇党委、政府研究决定，今天召开2020年全镇工作会议，主要任务是总结工作。")).toBeUndefined();
    expect(briefOf("今天上午，镇党委召开2020年全镇工作会议，主要任务是总结工作。")?.meeting?.name).toBe("2020年全镇工作会议");
  });

  it("takes any object of 召开 ending in 会 as the meeting, but not an event that is 举行", () => {
    expect(briefOf("9月6日，市检察院召开全市基层院建设检视剖析会，检察长张志强主持会议。")?.meeting?.name).toBe("全市基层院建设检视剖析会");
    expect(briefOf("9月6日，市文化馆举行迎国庆文艺晚会，馆长张志强主持。")).toBeUndefined();
    expect(briefOf("教育部今天（11月11日）召开新闻发布会，介绍学前教育法。发布会由新闻办主任续某某主持。")).toBeUndefined();
  });
});

describe("when the meeting was held and who chaired it, on excerpts of real pages (issue 19)", () => {
  const briefAt = (report: string, referenceDate = "2026-12-06", url?: string) =>
    createAnalyzer({ referenceDate, ...(url ? { url } : {}) }).analyze(report).meeting;

  it("takes the day of a sentence a copy broke over two lines from the open clause above (大眾日報…訊 今天上午,…)", () => {
    const report = "大眾日報濟南3月21日訊 今天上午,省政協(xié)十一屆三次\n主席會議召開。省政協(xié)主席劉偉主持會議并講話。";
    const brief = briefAt(report);
    expect(brief?.date?.slice(5)).toBe("03-21");
    expect(brief?.dateSpan?.text).toBe("今天");
  });

  it("dates the meeting by the day the prose writes (周一（22日）), not by the page's numeric stamp opening the line", () => {
    const report =
      " date 2025-12-23 【on.cc東網專訊】中共中央政治局常委、國務院總理李強周一（22日）主持召開國務院「十五五」規劃《綱要草案》編制工作領導小組會議，深入研究《綱要草案》編制工作。";
    expect(briefAt(report)?.date).toBe("2025-12-22");
  });

  it("gives the year of a Central Committee plenum relayed to a report with no day of its own (二十届四中全会 → 2025)", () => {
    const report =
      "学校召开党委(扩大)会议传达学习党的二十届四中全会精神\n\n10月27日下午,学校召开党委(扩大)会议,传达学习党的二十届四中全会和全市领导干部会议精神。党委书记梁跃主持会议并讲话。";
    expect(briefAt(report)?.date).toBe("2025-10-27");
    // a year the report writes of its own time still wins over an older plenum it mentions
    const later = "3月2日,学院召开党委会,学习党的十九届六中全会精神。2022年是学院发展的关键之年。院长张某某主持会议。";
    expect(briefAt(later)?.date).toBe("2022-03-02");
  });

  it("reads the year in the meeting's name when the CMS spaced it (召开 2018 年安全生产工作会)", () => {
    const report = "1 月 18 日,者腊乡召开 2018 年安全生产工作会,乡党委书记王跃昆参会,会议由分管安全生产的副乡长周家磊主持。";
    const brief = briefAt(report);
    expect(brief?.date).toBe("2018-01-18");
    expect(brief?.chair?.name).toBe("周家磊");
  });

  it("dates a range whose first day drops its 日 (8月5--7日) by the first day, the last as its end", () => {
    const report = "2011-08-03\n8月5--7日,由湖北省人民医院医疗集团主办的湖北省人民医院医疗集团第七次领导人峰会在我州隆重召开。";
    const brief = briefAt(report);
    expect([brief?.date, brief?.dateEnd]).toEqual(["2011-08-05", "2011-08-07"]);
  });

  it("names no chair when parts of the meeting had their own (分别由…主持, 第一阶段由…主持)", () => {
    const parts = "3月8日上午,2022年度第四次学院工作会议在二层会议室召开,各阶段议程分别由王飞副书记、肖娟副经理、赵雪花副经理主持。";
    expect(briefAt(parts)?.chair).toBeUndefined();
    const phase = "12月14日上午,學院在行政樓三樓會議室召開黨總支書記會議。會議分兩個階段進行,第壹階段由宣傳部長蔡後界主持。";
    expect(briefAt(phase)?.chair).toBeUndefined();
    // the whole meeting's chair is still read after a part's (会议由…主持)
    const whole = "5月6日,学院召开工作会议。第一阶段由副院长王某某主持。会议由院长李建国主持。";
    expect(briefAt(whole)?.chair?.name).toBe("李建国");
  });

  it("takes the chair a headline names with the bare name before 主持召开, the meeting ended by the headline's blank", () => {
    const report = "李强主持召开国务院常务会议 对抓紧做好春节假期后政府工作作出部署等\n新华社·2026-02-24 20:57\n\n政府工作部署 - 国务院要求各部门迅速进入工作状态";
    const brief = briefAt(report);
    expect(brief?.chair?.name).toBe("李强");
    expect(brief?.meeting?.name).toBe("国务院常务会议");
    // the report never says when the meeting was held
    expect(brief?.date).toBeUndefined();
  });

  it("reports a session by the vote it took on its day (…第十六次会议24日下午表决通过了…), not by a meeting put off (推迟召开)", () => {
    const report =
      "第A7版:国内国际\n2020年02月25日 星期二\n全国人大常委会决定\n推迟召开十三届全国人大三次会议\n    据新华社北京2月24日电(记者杨维汉 陈菲)十三届全国人大常委会第十六次会议24日下午表决通过了关于推迟召开十三届全国人大三次会议的决定。";
    const brief = briefAt(report);
    expect(brief?.meeting?.name).toBe("十三届全国人大常委会第十六次会议");
    expect(brief?.date).toBe("2020-02-24");
  });

  it("dates a lead that goes on with 随后 by the day the account gave before (11月28日上午,…调研。…随后,…主持召开座谈会)", () => {
    const report =
      "发布时间:2023-11-29  来源:越城区融媒体中心\n\n  11月28日上午,绍兴市委常委、越城区委书记徐军赴浙江省人民医院越城院区开展主题教育蹲点调研。\n\n  徐军一行首先来到门诊大楼,详细了解医护人员配备情况。\n\n  随后,徐军主持召开座谈会。他充分肯定了医院建设取得的成效。";
    const brief = briefAt(report);
    expect([brief?.date, brief?.chair?.name]).toEqual(["2023-11-28", "徐军"]);
  });

  it("reads a meeting's minutes: the time line, the 主持人 line and the name in the headline (…会议纪要)", () => {
    const labelled = "县委常委会会议纪要\n【时间】2023年5月17日上午\n【地点】县委常委会议室\n【主持人】县委书记王建国\n会议研究了有关事项。";
    const brief = briefAt(labelled);
    expect([brief?.date, brief?.chair?.name, brief?.meeting?.name]).toEqual(["2023-05-17", "王建国", "县委常委会会议"]);
    const colons = "镇党委会议纪要\n会议名称：十届镇党委第12次会议\n会议时间：2023年5月17日\n主持人：镇党委书记王建国";
    expect(briefAt(colons)?.meeting?.name).toBe("十届镇党委第12次会议");
    // a time line with no chair line is a notice's, not a record of a meeting held
    expect(briefAt("关于召开全镇安全生产会议的通知\n会议时间：2023年5月17日\n会议地点：镇政府三楼会议室")).toBeUndefined();
    // nor is a notice that names the chair of the meeting it calls
    expect(briefAt("关于召开全镇安全生产会议的通知\n会议时间：2023年5月17日\n会议地点：镇政府三楼会议室\n主持人：镇长李明")).toBeUndefined();
  });

  it("takes the first of co-chairs written before 共同主持 (县委书记王建国、县长李明共同主持会议)", () => {
    expect(briefAt("3月5日，县委常委会召开会议。县委书记王建国、县长李明共同主持会议。")?.chair?.name).toBe("王建国");
  });

  it("takes a study session as what 召开 convened (召开周一例会学习, 召开专题中心组学习《…》 without the title studied)", () => {
    const weekly = "7月27日中午,地城镇召开周一例会学习,会议传达学习了县委常委扩大会议关于防汛工作的会议精神。";
    expect(briefAt(weekly)?.meeting?.name).toBe("周一例会学习");
    const group = "近日,江口局组织中层以上干部召开专题中心组学习《关于转发省委省政府做好有关工作要求的通知》,江口供电局局长陈继华在会上发表了重要讲话。";
    expect(briefAt(group)?.meeting?.name).toBe("专题中心组学习");
  });

  it("dates a meeting known by its chair line by the day the prose writes, not the page's stamp above (發布時間:2019-08-23)", () => {
    const report =
      "?發布時間:2019-08-23 ?瀏覽:\n8月22日下午,江蘇省交通工程集團董事長張曉宇一行五人來集團公司進行工作交流座談。集團公司董事長劉前進、總經理魏道平參加座談。會議由劉前進董事長主持。";
    expect(briefAt(report)?.date).toBe("2019-08-22");
  });

  it("reads the chair past a photo caption and two roll paragraphs (…出席會議並在主席臺就座。…楊宏鈞主持會議。)", () => {
    const report =
      "5月15日上午,中國人民政治協商會議第十三屆青島市委員會第四次會議在市人民會堂隆重開幕。\n▲市政協十三屆四次會議開幕現場。楊志文 攝\n市政協主席楊軍,副主席楊宏鈞、李眾民,秘書長王紀剛出席會議并在主席臺前排就座。\n省委常委、市委書記王清憲,市委副書記、市長孟凡利出席會議并在主席臺就座。\n上午9時,大會在雄壯的國歌聲中開幕。楊宏鈞主持會議。";
    expect(briefAt(report)?.chair?.name).toBe("楊宏鈞");
  });
});

