import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { entityStage } from "../src/entities/index.js";
import { createAnalyzer, entities, tag } from "../src/analyzer.js";
import { segmentStage } from "../src/segment/index.js";
import { sentenceStage } from "../src/text/sentences.js";
import { pageStage } from "../src/text/page.js";
import { EntitySchema, type Entity, type EntityOf, type EntityType } from "../src/core/schema.js";
import { expectSpans } from "./helpers/doc.js";
import { itWithData, readData, seedText } from "./helpers/data.js";
import { growth } from "./helpers/timing.js";

const of = <T extends EntityType>(found: Entity[], type: T) => found.filter((e): e is EntityOf<T> => e.type === type);
const texts = (found: Entity[], type: EntityType) => of(found, type).map((e) => e.text);
const person = (found: Entity[], name: string) => of(found, "person").find((e) => e.text === name);

describe("entities on the seed meeting report", () => {
  const seed = seedText();
  const found = entities(seed, { referenceDate: "2023-05-18" });

  it("gives valid spans that point into the original text", () => {
    expectSpans(seed, found);
    for (const e of found) expect(EntitySchema.safeParse(e).success).toBe(true);
  });

  it("reads the chair's title and organisation from the chain before his name", () => {
    expect(person(found, "雷承锋")?.attrs).toMatchObject({ titles: ["党委书记"], titleOrgs: ["学院"], org: "学院" });
  });

  it("reads three titles from 院党委委员、宣传统战部部长兼办公室主任宋海宏", () => {
    expect(person(found, "宋海宏")?.attrs).toMatchObject({
      titles: ["党委委员", "部长", "主任"],
      titleOrgs: ["院", "宣传统战部", "办公室"],
      org: "院",
    });
  });

  it("keeps the steering group whole and gives both its members their roles", () => {
    expect(texts(found, "org")).toContain("省委主题教育第二十四巡回指导组");
    expect(person(found, "李国臣")?.attrs).toMatchObject({ titles: ["组长"], org: "省委主题教育第二十四巡回指导组" });
    expect(person(found, "王鹏")?.attrs).toMatchObject({ titles: ["成员"], org: "指导组" });
  });

  it("finds the credits as people", () => {
    expect(person(found, "石丹")?.attrs).toMatchObject({ titles: ["编辑"] });
    expect(person(found, "于文金")?.attrs).toMatchObject({ titles: ["审核"] });
  });

  it("links later mentions (雷承锋强调) to the first by id", () => {
    const mentions = of(found, "person").filter((e) => e.text === "雷承锋");
    expect(mentions.length).toBeGreaterThanOrEqual(4);
    expect(new Set(mentions.map((e) => e.id))).toEqual(new Set(["person:雷承锋"]));
  });

  it("lists the departments of the attendance list as organisations, and links 院党委 to 学院党委", () => {
    for (const org of ["办公室", "组织人事部", "宣传统战部", "电子与通信工程系", "继续教育与培训部", "智能制造工程系"]) {
      expect(texts(found, "org")).toContain(org);
    }
    const short = of(found, "org").find((e) => e.text === "院党委");
    const full = of(found, "org").find((e) => e.text === "学院党委");
    expect(short?.id).toBe(full?.id);
  });

  it("finds 山西 as a place with its full name, and no place in 全局中非常必要", () => {
    expect(of(found, "place").find((e) => e.text === "山西")?.value).toBe("山西省");
    expect(new Set(texts(found, "place"))).toEqual(new Set(["山西"]));
  });

  it("takes no organisation from words running into 学院 or 大学 (把握指导学院办学定位, 建成本科层次职业大学)", () => {
    const orgs = texts(found, "org");
    for (const phrase of ["指导学院", "科学总结学院", "全体党委委员聚焦学院", "职业大学"]) expect(orgs).not.toContain(phrase);
    expect(orgs.filter((o) => o.endsWith("学院") || o.endsWith("大学"))).toEqual([]);
    // the same words at a clause start, where the grammar would otherwise take the whole run
    const clause = texts(entities("会议指出,指导学院办学定位能够始终保持正确方向。"), "org");
    expect(clause).toEqual([]);
  });

  it("still names a college built on a name word or a strong start", () => {
    const found = entities("他先后在中国新闻学院和黑龙江大学任教,后到协和公共卫生学院进修。");
    expect(texts(found, "org")).toEqual(expect.arrayContaining(["中国新闻学院", "黑龙江大学", "协和公共卫生学院"]));
  });

  it("finds the meeting, the dates, the counts and the slogans", () => {
    expect(texts(found, "meeting")).toContain("2023年第11次党委(扩大)会议");
    expect(of(found, "date").find((e) => e.text === "5月17日")?.value).toBe("2023-05-17");
    expect(of(found, "count").find((e) => e.text.startsWith("26项"))).toMatchObject({ value: 26, attrs: { noun: "制度保障" } });
    expect(texts(found, "quote")).toContain("一个目标、两手硬");
  });
});

describe("entities in policy text", () => {
  itWithData("policy", "reads a leading-group name list (role, name padded with spaces, chain after the name)", () => {
    const text = readData("policy/sc-guobanhan-2018-074.txt");
    const found = entities(text);
    expect(person(found, "韩　正")?.attrs).toMatchObject({ titles: ["组长", "副总理"], titleOrgs: [null, "国务院"] });
    expect(person(found, "郭卫民")?.attrs).toMatchObject({
      titles: ["成员", "部务会议成员", "副主任"],
      titleOrgs: [null, "中央宣传部", "新闻办"],
    });
    expect(person(found, "韩　正")?.id).toBe("person:韩正");
  });

  it("shares one title chain among the names listed after it", () => {
    const found = entities("中共中央政治局常委李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议。");
    expect(texts(found, "person")).toEqual(["李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希"]);
    for (const p of of(found, "person")) expect(p.attrs).toMatchObject({ titles: ["常委"], org: "中共中央政治局" });
  });

  it("reads 中共中央总书记、国家主席、中央军委主席习近平 as three titles, 国家主席 without an organisation", () => {
    const found = entities("中共中央总书记、国家主席、中央军委主席习近平出席会议并发表重要讲话。");
    expect(person(found, "习近平")?.attrs).toMatchObject({
      titles: ["总书记", "国家主席", "主席"],
      titleOrgs: ["中共中央", null, "中央军委"],
    });
  });

  it("takes a title right after a name (习近平总书记) and keeps 中国式现代化 from being a place", () => {
    const found = entities("深入学习贯彻习近平总书记重要讲话精神，以中国式现代化全面推进强国建设。");
    expect(person(found, "习近平")?.attrs).toMatchObject({ titles: ["总书记"] });
    expect(texts(found, "place")).not.toContain("中国");
  });

  it("lists 党中央 and 国务院, not the clause before them, from 贯彻党中央、国务院部署", () => {
    for (const text of ["今年4月份以来，贯彻党中央、国务院部署，应对超预期因素冲击。", "各地各部门贯彻党中央、国务院部署，扎实推进。"]) {
      expect(texts(entities(text), "org")).toEqual(["党中央", "国务院"]);
    }
    expect(texts(entities("坚持党的全面领导、坚持以人民为中心、坚持守正创新。"), "org")).toEqual([]);
  });

  it("reads 会同 as joining two bodies, also where jieba glues it to the first (财政部会同/n 农业部)", () => {
    expect(texts(entities("发展改革委会同水利部研究提出了办理意见。"), "org")).toEqual(["发展改革委", "水利部"]);
    expect(texts(entities("财政部会同农业部等有关部门研究提出。"), "org")).toEqual(["财政部", "农业部"]);
  });

  it("keeps 第二次 inside a name and takes no organisation from the generic address 各省、自治区、直辖市人民政府", () => {
    expect(texts(entities("国务院决定对国务院第二次全国污染源普查领导小组组成人员进行调整。"), "org")).toContain(
      "国务院第二次全国污染源普查领导小组",
    );
    expect(texts(entities("各省、自治区、直辖市人民政府，国务院各部委、各直属机构："), "org")).toEqual(["国务院"]);
  });

  it("splits an organisation word that holds two known names (中央纪委国家监委)", () => {
    expect(texts(entities("听取中央纪委国家监委工作汇报。"), "org")).toEqual(["中央纪委", "国家监委"]);
  });

  it("keeps a town or village named after a known place whole (河南村 is no province, 辽阳镇 no city)", () => {
    const text = "山西左权县河南村煤矿发生事故，左权县辽阳镇镇长甄贵清受到处分。";
    const places = entities(text).filter((e) => e.type === "place").map((e) => e.text);
    expect(places).toEqual(["山西", "左权县", "河南村", "左权县", "辽阳镇"]);
  });

  it("reads meetings by their numbers, and the 党的二十大 form", () => {
    const found = entities("十四届全国人大二次会议期间，学习贯彻党的二十大和二十届三中全会精神。");
    expect(texts(found, "meeting")).toEqual(expect.arrayContaining(["十四届全国人大二次会议", "党的二十大"]));
  });

  it("parses counted policy items with Chinese numerals", () => {
    const found = entities("会议提出六个关键问题，部署二十条主要工作重点。");
    expect(of(found, "count").map((c) => [c.value, c.attrs.noun])).toEqual([
      [6, "关键问题"],
      [20, "主要工作重点"],
    ]);
  });

  it("reads document titles in 《》", () => {
    const found = entities("会议审议了《关于进一步推动长江三角洲区域一体化发展的若干政策措施》。");
    expect(texts(found, "document")).toEqual(["关于进一步推动长江三角洲区域一体化发展的若干政策措施"]);
  });
});

describe("entities in news text (the tagger)", () => {
  it("finds people, places and organisations without titles", () => {
    const found = entities("新华社北京１月１日电　国家主席江泽民今天在人民大会堂会见了美国总统克林顿和联合国秘书长安南。");
    expect(texts(found, "person")).toEqual(expect.arrayContaining(["江泽民", "克林顿", "安南"]));
    expect(texts(found, "place")).toContain("北京");
    expect(texts(found, "org")).toEqual(expect.arrayContaining(["新华社", "联合国"]));
  });

  it("splits a tagged run of known places as every gold standard here does (广东连州市 → 广东, 连州市)", () => {
    expect(texts(entities("12月又相继发生了广东连州市“12·21”特大事故。"), "place")).toEqual(["广东", "连州市"]);
  });

  it("takes one-character places from pairs of places (中美), never from 中华", () => {
    expect(texts(entities("中美双方同意加强合作。"), "place")).toEqual(["中", "美"]);
    expect(texts(entities("形成中华风范、淀泊风光、创新风尚的城市风貌。"), "place")).toEqual([]);
  });

  it("takes no one-character person from a surname with a title (江主席, 王院长) or a surname alone (蒋 of 蒋探探)", () => {
    expect(texts(entities("江主席先后访问了檀香山、华盛顿和纽约。"), "person")).not.toContain("江");
    expect(texts(entities("进行了具体安排。王院长要求，一要认真落实。"), "person")).toEqual([]);
    expect(texts(entities("代表王子灿同学、蒋探探的妈妈先后上台发言。"), "person")).not.toContain("蒋");
  });

  it("takes no person from a slogan: a short quotation it does not fill, a series of four-character items that open alike", () => {
    expect(texts(entities("做到学史明理、学史增信、学史崇德、学史力行。"), "person")).toEqual([]);
    expect(texts(entities("以“打防管控建、严廉精爱锻”十字要求为主线。"), "person")).toEqual([]);
    expect(texts(entities("把“知行合一”、“明道修身”融入到理论学习中。"), "person")).toEqual([]);
    // a roster's names fill their items
    expect(texts(entities("张建国、李红梅、王志强出席。"), "person")).toEqual(["张建国", "李红梅", "王志强"]);
  });

  it("takes no two-character person ending like a unit's short form (中条林局 is a forestry bureau)", () => {
    expect(texts(entities("依然是林局今后亟待破解的短板和难题；林局当前工作离目标还有差距。"), "person")).toEqual([]);
  });

  it("reads a one-character surname word before a titled name word as part of the name (孙/黎明/书记 → 孙黎明)", () => {
    expect(texts(entities("参加会议。孙黎明书记传达了中共陕西省委全会精神。"), "person")).toEqual(["孙黎明"]);
  });

  it("takes no verb phrase for an organisation (严肃查处银行, 鼓励银行, 市委常委会听取市人大)", () => {
    expect(texts(entities("要严肃查处银行违规行为。"), "org")).toEqual([]);
    expect(texts(entities("鼓励银行、保险机构参与。"), "org")).toEqual([]);
    expect(texts(entities("会议指出，市委常委会听取市人大、政府工作汇报。"), "org")).not.toContain("市委常委会听取市人大");
    expect(texts(entities("所有机关要带头执行。"), "org")).toEqual([]);
  });

  it("takes no fragment for a place: floors, numbered schools, pointers and kinds of unit (四楼, 各县区, 镇乡)", () => {
    expect(texts(entities("会议在四楼会议室举行。"), "place")).toEqual([]);
    expect(texts(entities("学习会在局三楼会议室召开。"), "place")).toEqual([]);
    expect(texts(entities("副市长及各县区、有关部门负责人参加。"), "place")).toEqual([]);
    expect(texts(entities("到联系的镇乡街道调研。"), "place")).toEqual([]);
  });

  it("keeps the tagger's foreign cities jieba reads as names, regions before 地区, and countries after 对 or before 政府", () => {
    expect(texts(entities("开始修建莫斯科到圣彼得堡的铁路。"), "place")).toContain("莫斯科");
    expect(texts(entities("以维护南亚地区的和平。"), "place")).toEqual(["南亚"]);
    expect(texts(entities("中央对巴朗山隧道建设予以支持。"), "place")).not.toContain("巴");
  });

  it("reads a titled transliterated name to the tagger's end, and no function character onto a foreign name", () => {
    expect(texts(entities("人民同盟总书记贾亚拉莉达称病拒绝出席。"), "person")).toEqual(["贾亚拉莉达"]);
    expect(texts(entities("司法部长卡洛斯·阿马特在表决前说。"), "person")).toEqual(["卡洛斯·阿马特"]);
  });

  it("takes no name with markup characters (>福建)", () => {
    // raw markup characters before a name stay out of it
    expect(texts(entities('class="a">福建省'), "place")).toEqual(["福建省"]);
    expect(texts(entities("价格>福建省的"), "place")).toEqual(["福建省"]);
    // read as HTML, the name is the shown text's (福建省); its span in the input holds the tag between 福建 and 省
    expect(of(entities('<span class="a">福建</span>省'), "place").map((p) => p.value)).toEqual(["福建省"]);
  });

  it("takes no place from two characters jieba does not know (超算, 联治) but keeps listed ones (白洋淀)", () => {
    expect(texts(entities("对租用超算中心服务器并用于研发的企业给予补助。"), "place")).toEqual([]);
    expect(texts(entities("加强生态环境共保联治和区域绿色发展协作。"), "place")).toEqual([]);
    expect(texts(entities("加快白洋淀治理。"), "place")).toEqual(["白洋淀"]);
  });

  it("takes no Latin markup or page chrome for a person, but a Latin name with a title (Smith先生)", () => {
    // shapes of realworld dev m-166 (a page title) and h-001 (raw HTML)
    const chrome = entities("title: 南开大学->我校召开党委常委会（扩大）会议 | nankai.info\n党委书记杨庆山主持会议。");
    expect(texts(chrome, "person")).toEqual(["杨庆山"]);
    const html = entities('<p style="margin-top: 0px; margin-bottom: 0px; text-align: center; font-family: 宋体;">各省、自治区人民政府：</p>');
    expect(texts(html, "person").filter((name) => /[a-z]/iu.test(name))).toEqual([]);
    expect(texts(entities("Smith先生会见了王小明。"), "person")).toEqual(["Smith", "王小明"]);
  });
});

describe("persons on real meeting releases (test/fixtures/realworld, dev part)", () => {
  const page = (id: string) => readFileSync(`test/fixtures/realworld/dev/${id}`, "utf8");
  const persons = (id: string) => of(createAnalyzer().analyze(page(id)).entities ?? [], "person");
  const pairs = (found: EntityOf<"person">[], name: string) =>
    found.filter((p) => p.text === name).flatMap((p) => p.attrs.titles.map((t, k) => `${p.attrs.titleOrgs[k] ?? ""}${t}`));

  it("reads a roster's padded name as one person: the span as written, the name without the padding", () => {
    const text = page("h-017.html");
    const found = of(createAnalyzer().analyze(text).entities ?? [], "person");
    const you = found.find((p) => p.normalized === "尤权");
    expect(you).toMatchObject({ text: "尤　权", id: "person:尤权" });
    expect(text.slice(you!.start, you!.end)).toBe("尤　权");
    expect(you!.attrs.titles).toEqual(["主任", "副秘书长"]);
    // a continuation line of the roster, indented to the names' column
    expect(found.find((p) => p.normalized === "王伟")?.attrs).toMatchObject({ titles: ["执行副主席"], titleOrgs: ["北京奥组委"] });
  });

  it("takes no person with whitespace but a padded name: single spaces separate the names of a byline", () => {
    for (const id of ["h-017.html", "m-082.txt", "t-029.txt"]) {
      const read = persons(id).map((p) => p.normalized ?? p.text);
      expect(read.filter((name) => /\s/u.test(name)), id).toEqual([]);
    }
    // …where every item of the byline is a surname, a space and one character, the names are padded (fixtures README:
    // 冯 艳 is 冯艳 written to the width of three), read without the padding
    expect(persons("m-082.txt").filter((p) => p.text === "冯 艳").map((p) => p.normalized)).toEqual(["冯艳"]);
  });

  it("gives every name of a titled roster the title, however jieba cuts the names (邓/nr 先/d 同/p, 征书和)", () => {
    const found = persons("m-030.txt");
    for (const name of ["陈社教", "楼伟成", "曹迎春", "朱智青", "王政", "邓先同", "程军才"]) expect(pairs(found, name), name).toEqual(["市委常委"]);
    const deputies = persons("m-020.txt");
    for (const name of ["谭庚山", "丁兴俊", "征书和", "徐学坤"]) expect(pairs(deputies, name), name).toEqual(["副主任"]);
  });

  it("keeps the title's body as written: 县政协 with its level character, no body for 该院", () => {
    const found = persons("m-085.txt");
    expect(pairs(found, "吴其珍")).toEqual(["县政协副主席"]);
    expect(pairs(found, "胡宁")).toEqual(["县政协副主席"]);
    expect(pairs(persons("m-069.txt"), "朱雅频")).toEqual(["党组书记", "检察长"]);
  });

  it("reads bylines with their outlet and every name set off by a space", () => {
    expect(pairs(persons("m-107.txt"), "方蓉")).toEqual(["记者"]);
    expect(pairs(persons("m-107.txt"), "朱波")).toEqual(["记者"]);
    expect(pairs(persons("m-072.txt"), "樊如钧")).toEqual(["新华社记者"]);
  });

  it("joins titles with a comma or 兼, and reads 代表 after a name as the verb", () => {
    expect(pairs(persons("m-104.txt"), "徐建役")).toEqual(["副市长", "市公安局党委书记", "局长"]);
    expect(pairs(persons("m-155.txt"), "夏宝龙")).toEqual(["副主席", "秘书长"]);
    expect(persons("m-096.txt").flatMap((p) => p.attrs.titles)).not.toContain("代表");
  });
});

describe("persons by the conventions of official writing (sentences written for the test)", () => {
  /** Each title of the person as the page writes it: the unit before the post, then the post. */
  const written = (text: string, name: string) => {
    const attrs = person(entities(text), name)?.attrs;
    return attrs?.titles.map((t, k) => `${attrs.titleOrgs[k] ?? ""}${t}`);
  };

  it("writes the unit before a post in full at every level (单位+职务+姓名)", () => {
    expect(written("传达了省林业和草原局党组书记、局长张云龙的讲话。", "张云龙")).toEqual(["省林业和草原局党组书记", "局长"]);
    expect(written("区十五届人大常委会主任范大玉出席会议。", "范大玉")).toEqual(["区十五届人大常委会主任"]);
    expect(written("浙江宁波滕头村党委书记傅平均说。", "傅平均")).toEqual(["浙江宁波滕头村党委书记"]);
    expect(written("辛家庙派出所指导员李海蔚参加。", "李海蔚")).toEqual(["辛家庙派出所指导员"]);
    // a unit named in quotation marks, marks and all; a one-character quotation is a word, not a unit
    expect(written("“大工委”书记、街道党工委书记李建新讲话。", "李建新")).toEqual(["“大工委”书记", "街道党工委书记"]);
    expect(written("大家喊“好”书记王建国带头鼓掌。", "王建国")).toEqual(["书记"]);
    // a session's 会议 and a unit's word that jieba glues to the post (主席团常务主席/n)
    expect(written("全国政协十三届一次会议主席团常务主席、秘书长张庆黎作了说明。", "张庆黎")).toEqual(["全国政协十三届一次会议主席团常务主席", "秘书长"]);
  });

  it("ends the unit at the clause before it: a verb or preposition jieba tags as a noun, a tense, a session number", () => {
    expect(written("经中共中央政治局常委、中央纪委书记赵乐际批准。", "赵乐际")).toEqual(["中共中央政治局常委", "中央纪委书记"]);
    expect(written("李克强在京会见蒙古国总统呼日勒。", "呼日勒")).toEqual(["蒙古国总统"]);
    expect(written("时任中国人民银行党委委员、副行长范一飞落马。", "范一飞")).toEqual(["中国人民银行党委委员", "副行长"]);
    expect(written("经十一届县政协副主席张红提议。", "张红")).toEqual(["县政协副主席"]);
    // …but a term that opens its segment is the post's (十二屆市政協主席張少軍, realworld p-861; 七届政协主席提名人选, m-669)
    expect(written("十一届县政协副主席张红出席会议。", "张红")).toEqual(["十一届县政协副主席"]);
    expect(written("市委副书记、市长孟凡利，十二届市政协主席张少军出席。", "张少军")).toEqual(["十二届市政协主席"]);
    expect(written("这是重庆市大渡口区检察院检察官梅玫。", "梅玫")).toEqual(["重庆市大渡口区检察院检察官"]);
    // 和 joins two fields of one department, not a clause to a unit named by its place
    expect(written("学习精神和营口市委书记李强讲话。", "李强")).toEqual(["营口市委书记"]);
  });

  it("reads a name whose surname is a preposition's character right after a post (院长于昌明, 副主席向太然)", () => {
    expect(written("认真学习了党组书记、院长于昌明的讲话。", "于昌明")).toEqual(["党组书记", "院长"]);
    expect(written("县政协副主席向太然，县法院领导列席会议。", "向太然")).toEqual(["县政协副主席"]);
    // a preposition before a common word is the clause going on
    expect(of(entities("由秘书长向大会报告。"), "person")).toEqual([]);
  });

  it("reads a three-character name right after a post whatever its surname, never over a function character", () => {
    expect(written("教育部党组书记、部长怀进鹏主持会议。", "怀进鹏")).toEqual(["教育部党组书记", "部长"]);
    expect(of(entities("印尼总统佐科致电祝贺。"), "person").map((p) => p.text)).not.toContain("佐科致");
  });

  it("gives a rank the body that gave it (南京大学教授) and goes on with a chain over a line break after its 、", () => {
    expect(written("中国科学院院士、南京大学教授张国华作报告。", "张国华")).toEqual(["中国科学院院士", "南京大学教授"]);
    expect(written("县委常委、\n副县长李卫东出席。", "李卫东")).toEqual(["县委常委", "副县长"]);
    expect(written("县长助理刘海出席。", "刘海")).toEqual(["县长助理"]);
    expect(written("市委组织部一级调研员王平出席。", "王平")).toEqual(["市委组织部一级调研员"]);
    expect(written("院审判委员会委员、审判员李明担任审判长。", "李明")).toEqual(["院审判委员会委员", "审判员"]);
    expect(written("湖南大学法学院教授、市政府法律顾问屈茂辉作讲座。", "屈茂辉")).toEqual(["湖南大学法学院教授", "市政府法律顾问"]);
    expect(written("学院院长、博士生导师王刚教授作报告。", "王刚")).toEqual(["学院院长", "博士生导师", "教授"]);
  });

  it("gives two bodies joined by 、 that share one post the whole phrase as the title (县委、县政府办公室主任)", () => {
    expect(written("县委、县政府办公室主任张三出席。", "张三")).toEqual(["县委、县政府办公室主任"]);
    expect(written("理事会、工会主席高战华出席。", "高战华")).toEqual(["理事会、工会主席"]);
    // two posts joined by 、 stay two
    expect(written("副市长、市委常委张红出席。", "张红")).toEqual(["副市长", "市委常委"]);
  });

  it("keeps a level character before a body in the unit, so the chain goes on (县政协副主席、县工商联主席)", () => {
    expect(written("县政协副主席、县工商联主席李华出席。", "李华")).toEqual(["县政协副主席", "县工商联主席"]);
  });

  it("reads a one-character byline role with its mark at the very start of the text (文/张三 图/李四)", () => {
    expect(written("文/张三 图/李四", "张三")).toEqual(["文"]);
    expect(written("文/张三 图/李四", "李四")).toEqual(["图"]);
  });

  it("reads the unit, the name, then the post (单位+姓名+职务), however jieba cuts the given name (省法院田/n 平利/a 副院长)", () => {
    expect(written("传达了省法院田平利副院长的总结讲话精神。", "田平利")).toEqual(["副院长"]);
  });

  it("shares a post with a roster whose first name has a surname outside the list (部党组成员库热西、汪民)", () => {
    const found = entities("部党组成员库热西、汪民、王世元出席会议。");
    for (const name of ["库热西", "汪民", "王世元"]) expect(person(found, name)?.attrs.titles, name).toEqual(["党组成员"]);
  });

  it("adds a rank written after the name to the posts before it, but not a post that goes with the next name", () => {
    expect(written("全国人大代表、延边大学校长金雄教授传达了会议精神。", "金雄")).toEqual(["全国人大代表", "延边大学校长", "教授"]);
    expect(written("向全国教书育人楷模杨士莪院士学习。", "杨士莪")).toEqual(["院士"]);
    expect(written("国家主席习近平特别代表、国务院副总理孙春兰出席。", "习近平")).toEqual(["国家主席"]);
  });

  it("reads a session's ordinal and the congress's presidium into the unit (大会主席团常务主席、第一次全体会议执行主席)", () => {
    const text = "大会主席团常务主席、第一次全体会议执行主席李明、王平在主席台就座。";
    for (const name of ["李明", "王平"]) expect(written(text, name), name).toEqual(["大会主席团常务主席", "第一次全体会议执行主席"]);
    // an ordinal after a post names the meeting, never a person (第 is also a surname)
    expect(texts(entities("县政协举行主席团常务主席第三次会议。"), "person")).toEqual([]);
  });

  it("names a unit sent into another with both (中纪委驻…纪检组) and a unit working as one with another by both names", () => {
    expect(written("中纪委驻教育部纪检组组长张明出席。", "张明")).toEqual(["中纪委驻教育部纪检组组长"]);
    expect(written("党委宣传部(统战部)部长王刚主持会议。", "王刚")).toEqual(["党委宣传部(统战部)部长"]);
  });

  it("gives a post after a unit pointed back to (我院, 本校) no unit, and starts a unit after a clause glued to it (领导有/校)", () => {
    expect(written("我院党委副书记、院长李明主持会议。", "李明")).toEqual(["党委副书记", "院长"]);
    expect(written("出席仪式的领导有校党委副书记王平，处长张明。", "王平")).toEqual(["校党委副书记"]);
  });

  it("shares a post with the last name joined by 和, and ends a roster at the place that opens the next person's unit", () => {
    const found = entities("副院长李洪军和黄林安分别作了部署。");
    for (const name of ["李洪军", "黄林安"]) expect(person(found, name)?.attrs.titles, name).toEqual(["副院长"]);
    const roster = entities("市一医院党委书记刘强、华容县人民医院党委书记李建华相继发言。");
    expect(texts(roster, "person")).toEqual(["刘强", "李建华"]);
    expect(written("市一医院党委书记刘强、华容县人民医院党委书记李建华相继发言。", "李建华")).toEqual(["华容县人民医院党委书记"]);
  });

  it("reads the whole name right after a post where jieba makes a word of its given name (刘/胡同/nr, 彭/纲要/n + 主持)", () => {
    expect(written("纪委书记刘胡同对新任干部提出要求。", "刘胡同")).toEqual(["纪委书记"]);
    expect(written("市卫健委党组书记、主任彭纲要主持座谈。", "彭纲要")).toEqual(["市卫健委党组书记", "主任"]);
  });

  it("reads credits written as on the page: a spaced role, roles joined by 、, the role after the name (张军/文)", () => {
    expect(written("编 辑 杨晓娟", "杨晓娟")).toEqual(["编 辑"]);
    expect(written("（记 者：吴阳明 张志华）", "张志华")).toEqual(["记 者"]);
    expect(written("（撰稿：吴梅 摄影、编辑：王季平）", "王季平")).toEqual(["摄影", "编辑"]);
    const found = entities("（张军/文 李珂新/图 何斌/审核）");
    expect(of(found, "person").map((p) => [p.text, p.attrs.titles])).toEqual([["张军", ["文"]], ["李珂新", ["图"]], ["何斌", ["审核"]]]);
  });

  it("reads a 任前公示 line (姓名，性别，民族，…，现任…，拟任…): the posts after 现任 are the person's, the proposed one is not", () => {
    const text = "现将拟任职人选公示如下：\n张明，女，汉族，1975年3月生，中共党员，大学学历，现任县财政局副局长兼县国库支付中心主任，拟任县审计局局长。";
    expect(written(text, "张明")).toEqual(["县财政局副局长", "县国库支付中心主任"]);
    expect(written("正在家中的武伟(现任浦东新区陆家嘴管委会副主任)接到电话。", "武伟")).toEqual(["浦东新区陆家嘴管委会副主任"]);
    // the place before a post that names its body (陆家嘴管委会副主任) is no person
    expect(texts(entities("正在家中的武伟(现任浦东新区陆家嘴管委会副主任)接到电话。"), "person")).toEqual(["武伟"]);
  });

  it("keeps a tense, a pointing word and an award out of the post, and a predicate 任 out of the name", () => {
    expect(written("北京市新任市委常委杨晋柏和靳伟此前均担任副市长。", "靳伟")).toEqual(["市委常委"]);
    expect(written("该市领导罗云峰、马军参加。", "马军")).toEqual(["市领导"]);
    expect(person(entities("全国优秀县委书记黄维群已前往合肥。"), "黄维群")?.attrs.titles ?? []).toEqual([]);
    expect(texts(entities("蔡奇任副市长、代市长。"), "person")).not.toContain("蔡奇任");
    expect(texts(entities("担任市长时也不是市委常委。"), "person")).toEqual([]);
  });

  it("reads a name jieba takes for a place right after a post (天津市原市长黄兴国/ns) and a byline of two outlets joined by a hyphen", () => {
    expect(written("天津市原市长黄兴国是唯一因违纪落马的。", "黄兴国")).toEqual(["天津市原市长"]);
    expect(written("封面新闻-华西都市报记者 王国平", "王国平")).toEqual(["封面新闻-华西都市报记者"]);
  });

  it("reads 和 right after a post as joining the next person, and no post where the word after it names a body", () => {
    expect(texts(entities("李强表示，习近平主席和普京总统前不久在北京举行会晤。"), "person")).toEqual(expect.arrayContaining(["习近平", "普京"]));
    expect(texts(entities("李强表示，习近平主席和普京总统前不久在北京举行会晤。"), "person")).not.toContain("和普京");
    expect(written("乌克兰总统办公室主任叶尔马克证实了这一说法。", "叶尔马克")).toEqual(["乌克兰总统办公室主任"]);
    expect(written("湖南科技大学海洋实验室主任万步炎带领团队。", "万步炎")).toEqual(["湖南科技大学海洋实验室主任"]);
  });

  it("reads a transliterated name after a post to its end, and takes a country before a post for the post's country", () => {
    expect(written("白俄罗斯总统卢卡申科会见。", "卢卡申科")).toEqual(["白俄罗斯总统"]);
    expect(written("联合国秘书长古特雷斯表示。", "古特雷斯")).toEqual(["联合国秘书长"]);
    expect(written("乌兹别克斯坦总统米尔济约耶夫出席。", "米尔济约耶夫")).toEqual(["乌兹别克斯坦总统"]);
    // a Chinese name stays three characters
    expect(written("书记李雷斯在会上讲话。", "李雷斯")).toEqual(["书记"]);
    const found = entities("致电祝贺英国国王查尔斯三世和王后卡米拉加冕。");
    expect(person(found, "卡米拉")?.attrs.titles).toEqual(["王后"]);
    expect(texts(found, "person")).not.toContain("王后卡米拉");
  });

  it("ends a chain at a post written after another name (马克龙总统、欧盟委员会主席冯德莱恩), not at a country's post", () => {
    expect(written("习近平同马克龙总统、欧盟委员会主席冯德莱恩举行会晤。", "冯德莱恩")).toEqual(["欧盟委员会主席"]);
    expect(written("据俄罗斯媒体援引俄罗斯第一副总理别洛乌索夫的表态报道。", "别洛乌索夫")).toEqual(["俄罗斯第一副总理"]);
  });

  it("takes no person from a doctrine named after its author, the author's post written inside", () => {
    expect(texts(entities("坚持以习近平总书记新时代中国特色社会主义思想为指导。"), "person")).toEqual([]);
    expect(texts(entities("习近平总书记指出，要坚持人民至上。"), "person")).toEqual(["习近平"]);
  });
});

describe("entities on bad input", () => {
  it("finds nothing in empty text and rejects what is not a string", () => {
    expect(entities("")).toEqual([]);
    expect(() => entities(42 as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  it("gives a run of surnames at most bounded person spans", () => {
    const found = entities("王".repeat(5000));
    for (const p of of(found, "person")) expect(p.end - p.start).toBeLessThanOrEqual(4);
  });

  it("gives no person to titles without names", () => {
    expect(of(entities("组长、副组长、成员、主任、书记、部长、秘书长。"), "person")).toEqual([]);
  });

  it("gives no document or quote to an unclosed 《 or “, and bounded ones when the partner comes late", () => {
    expect(of(entities(`《${"关于".repeat(200)}`), "document")).toEqual([]);
    expect(of(entities(`“${"发展".repeat(200)}”`), "quote")).toEqual([]);
    const text = `会议指出“要坚持“两个确立”。《规划》`;
    const found = entities(text);
    expect(texts(found, "quote")).toEqual(["两个确立"]);
    expect(texts(found, "document")).toEqual(["规划"]);
  });

  itWithData("policy", "stays roughly linear: 1 MB takes no more than about 20× the time of 100 KB", () => {
    const unit = readData("policy/gwr-2010.txt").slice(0, 10_000) + "王".repeat(500) + "《“" + "组长、".repeat(100);
    const small = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const large = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const smallFound = entities(small);
    const largeFound = entities(large);
    expectSpans(large, largeFound);
    expect(largeFound.length).toBeGreaterThan(smallFound.length * 5);
    const time = growth(entities, small, large, { rounds: 1 });
    expect(time.large).toBeLessThan(time.small * 20 + 2000);
  });
});

describe("the entity schema", () => {
  // one zod schema per type: the JSON Schema derived from it holds a CMS to the same shapes as the TypeScript types
  const validate = new Ajv2020({ strict: false }).compile(z.toJSONSchema(EntitySchema, { target: "draft-2020-12" }));
  const found = entities(seedText(), { referenceDate: "2023-05-18" });

  it("accepts every entity of the seed, in JSON Schema as in zod", () => {
    expect(found.filter((e) => !validate(e))).toEqual([]);
  });

  it("rejects a person without titles and a count without its number, in both", () => {
    const person = found.find((e) => e.type === "person")!;
    const count = found.find((e) => e.type === "count")!;
    for (const bad of [{ ...person, attrs: {} }, { ...count, value: "20" }]) {
      expect(validate(bad)).toBe(false);
      expect(EntitySchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("entityStage", () => {
  it("fills doc.entities in the pipeline after segmentation and sentences", () => {
    const gw = createAnalyzer({ stages: [segmentStage, sentenceStage, entityStage], referenceDate: "2023-05-18" });
    const doc = gw.analyze("5月17日，学院党委书记雷承锋主持召开会议。");
    expect(entityStage).toMatchObject({ name: "entities", writes: ["entities"], reads: ["tokens"] });
    expect(person(doc.entities ?? [], "雷承锋")?.attrs).toMatchObject({ titles: ["党委书记"] });
    expect(of(doc.entities ?? [], "date")[0]?.value).toBe("2023-05-17");
  });

  it("keeps the article, title and credits of a page and drops what the page stage classed as metadata", () => {
    const seed = seedText();
    const gw = createAnalyzer({ stages: [pageStage, segmentStage, sentenceStage, entityStage] });
    const found = gw.analyze(seed).entities ?? [];
    // 发布时间:2023-05-18 is page metadata, not a date the article states
    const published = seed.indexOf("2023-05-18");
    expect(found.some((e) => e.start === published)).toBe(false);
    // entities() builds its Doc through an analyzer with the page stage too
    expect(entities(seed)).toEqual(found);
    expect(texts(found, "meeting")).toContain("2023年第11次党委(扩大)会议");
    expect(texts(found, "person")).toEqual(expect.arrayContaining(["雷承锋", "宋海宏", "石丹", "于文金"]));
    expect(of(found, "date").find((e) => e.text === "5月17日")?.value).toBe("2023-05-17");
  });

  it("keeps a person a metadata line credits (作者：… 发布时间：…) and drops the rest of that line", () => {
    const page = "县政府召开常务会议\n作者：周晓梅  发布时间：2024-03-02  浏览次数：120\n3月1日，县长李建国主持召开县政府常务会议。";
    const gw = createAnalyzer({ stages: ["segment", "sentences", "page", "entities"] });
    const doc = gw.analyze(page);
    expect(doc.page?.regions.find((r) => r.start <= page.indexOf("作者") && r.end > page.indexOf("作者"))?.kind).toBe("metadata");
    expect(texts(doc.entities ?? [], "person")).toEqual(expect.arrayContaining(["周晓梅", "李建国"]));
    expect(of(doc.entities, "date").some((e) => e.start === page.indexOf("2024-03-02"))).toBe(false);
    // a CMS tags what the article says: the credited author is no people tag
    const tags = tag(createAnalyzer().analyze(page));
    expect(tags.people.map((p) => p.tag)).toContain("李建国");
    expect(tags.people.map((p) => p.tag)).not.toContain("周晓梅");
  });

  it("resolves a date without a year against the page's publication date before referenceDate", () => {
    const page = "发布时间：2024-03-02\n3月1日，学院党委书记雷承锋主持召开会议。";
    const gw = createAnalyzer({ stages: ["segment", "sentences", "page", "entities"], referenceDate: "2023-05-18" });
    expect(of(gw.analyze(page).entities, "date").find((e) => e.text === "3月1日")?.value).toBe("2024-03-01");
    // without a publication date, referenceDate stands in
    expect(of(gw.analyze("3月1日，学院召开会议。").entities, "date")[0]?.value).toBe("2023-03-01");
  });

  it("is refused before the segment stage", () => {
    expect(() => createAnalyzer({ stages: [entityStage] })).toThrow(expect.objectContaining({ code: "STAGE_ORDER" }));
  });
});
