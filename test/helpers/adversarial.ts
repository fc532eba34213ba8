/**
 * Hostile but realistic input shapes that reach every stage: meeting reports whose attendee lists, decisions,
 * agenda and statements run on (the meeting brief reads them), rosters of thousands of 、-separated names, runs
 * of titles and deep outlines. Each shape builds a text of any size, so a test or bench can compare sizes.
 */

/** Common surnames and given names: realistic names, so the person rules take the paths they take on rosters. */
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"];
const GIVEN_NAMES = [
  "建国", "海涛", "丽", "志强", "国华", "敏", "卫东", "秀英", "晓明", "军", "红梅", "永刚", "立新", "春生", "德胜",
  "玉兰", "文斌", "洪", "桂芳", "振华", "明", "小平", "学军", "静", "宏伟", "淑珍", "光荣", "鹏", "雪梅", "国强",
];
const ORG_UNITS = ["办公室", "组织人事部", "宣传统战部", "财务部", "教务科技部", "学工部", "保卫部", "后勤服务中心", "招生就业指导中心", "计算机工程系"];
const UNIT_KINDS = ["工程局", "中学", "研究院", "人民医院", "管理委员会", "办公室"];
const TITLES = ["书记", "副书记", "常委", "委员", "主任", "副主任", "部长", "副部长", "秘书长", "主席", "副主席", "省长", "副省长", "局长", "处长"];
const TOPICS = ["深化职业教育改革", "加强基层党组织建设", "推进产教融合", "做好安全生产工作", "完善内部控制制度", "加强人才队伍建设"];
const CN_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** The k-th name of a roster: surname and given name walk their lists at different strides, so names rarely repeat. */
export const rosterName = (k: number): string =>
  SURNAMES[k % SURNAMES.length]! + GIVEN_NAMES[(k * 7 + Math.floor(k / SURNAMES.length)) % GIVEN_NAMES.length]!;

/** 1 … 99 in Chinese numerals (一, 十二, 九十九). */
const cnNumber = (n: number): string => (n < 10 ? CN_DIGITS[n]! : `${n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : ""}十${CN_DIGITS[n % 10]}`);

/** `head`, then `unit(0)`, `unit(1)`… until the text reaches `size` characters, then `tail` (the result is `size` long). */
function framed(size: number, head: string, unit: (k: number) => string, tail: string): string {
  const parts = [head];
  let length = head.length + tail.length;
  for (let k = 0; length < size; k++) {
    const part = unit(k);
    parts.push(part);
    length += part.length;
  }
  const body = parts.join("");
  return body.slice(0, Math.max(head.length, size - tail.length)) + tail;
}

const LEAD = "5月17日，学院党委书记雷承锋主持召开2023年第11次党委（扩大）会议。";

/** The lead in traditional script, and the tone-marked readings an SEO mirror writes after its characters. */
const TRADITIONAL_LEAD = "5月17日，學院黨委書記雷承鋒主持召開2023年第11次黨委（擴大）會議。";
const TONED_READINGS = ["xué", "yuàn", "dǎng", "wěi", "shū", "jì", "huì", "yì", "kāi", "zhǔ"];

/** `text` with a reading in brackets after each Chinese character and an emoji or zero-width space after some. */
const injected = (text: string, k: number): string =>
  [...text].map((c, i) => (/\p{Script=Han}/u.test(c) ? `${c}(${TONED_READINGS[(i + k) % TONED_READINGS.length]})${(i + k) % 7 === 0 ? "🎐" : (i + k) % 5 === 0 ? "\u200b" : ""}` : c)).join("");

/** A shape: its name and a builder of a text of exactly `size` characters. */
export interface Shape {
  name: string;
  build(size: number): string;
}

export const SHAPES: readonly Shape[] = [
  {
    // names, then units, with the spaces and commas people paste into lists
    name: "meeting: attendee list",
    build: (size) =>
      framed(size, `${LEAD}中共中央政治局常委`, (k) => (k % 3 ? `${rosterName(k)}、 ` : `${ORG_UNITS[k % ORG_UNITS.length]}, `), "等相关负责同志出席会议。"),
  },
  {
    name: "meeting: decisions",
    build: (size) => framed(size, LEAD, (k) => `会议审议通过《关于${TOPICS[k % TOPICS.length]}的意见》， 决定${TOPICS[(k + 1) % TOPICS.length]}，`, "。"),
  },
  {
    name: "meeting: agenda",
    build: (size) =>
      framed(size, LEAD, (k) => `会议听取了${ORG_UNITS[k % ORG_UNITS.length]}关于${TOPICS[k % TOPICS.length]}的汇报， 研究了${TOPICS[(k + 2) % TOPICS.length]}工作，`, "。"),
  },
  {
    name: "meeting: statement",
    build: (size) => framed(size, `${LEAD}雷承锋强调，`, (k) => `要${TOPICS[k % TOPICS.length]}， `, "。全体党委委员参加会议。"),
  },
  // careless pastes: one long run of blanks or commas inside a decision, an agenda item or a list
  {
    name: "meeting: blanks in a decision",
    build: (size) => framed(size, `${LEAD}会议审议通过`, () => " ", "《意见》，决定成立工作小组。"),
  },
  {
    name: "meeting: blanks in an agenda item",
    build: (size) => framed(size, `${LEAD}会议听取了`, (k) => (k % 2 ? "\u3000" : " "), "汇报，研究了工作。"),
  },
  {
    name: "meeting: commas in an attendee list",
    build: (size) => framed(size, `${LEAD}办公室`, () => "， ", "财务部负责同志列席会议。"),
  },
  {
    name: "meeting: commas after 出席…的有",
    build: (size) => framed(size, `${LEAD}出席这次会议的有张三`, () => "，", "李四，列席会议的有王五。"),
  },
  {
    name: "meeting: commas in a decision",
    build: (size) => framed(size, `${LEAD}会议决定成立工作小组`, () => "，", "听取了汇报。"),
  },
  {
    // thousands of distinct organisations: abbreviations are linked, and the guests' organisations aliased, by name
    name: "meeting: thousands of units as guests",
    build: (size) => framed(size, LEAD, (k) => `第${k + 1}${UNIT_KINDS[k % UNIT_KINDS.length]}、`, "负责同志到会指导。"),
  },
  {
    name: "roster: 治丧委员会名单",
    build: (size) => framed(size, "治丧委员会名单\n主任委员：", (k) => `${rosterName(k)}、`, `${rosterName(1)}\n`),
  },
  {
    name: "roster: delegates, one a line",
    build: (size) => framed(size, "第十四届全国人民代表大会代表名单\n", (k) => `${rosterName(k)}　　${ORG_UNITS[k % ORG_UNITS.length]}${TITLES[k % TITLES.length]}\n`, ""),
  },
  {
    // a region per line: entities are kept by the regions they lie in
    name: "page: credit lines between paragraphs",
    build: (size) => framed(size, "", (k) => (k % 2 ? "编辑：石丹 审核：于文金\n" : `学院党委书记雷承锋主持会议，${rosterName(k)}、${rosterName(k + 1)}出席。\n`), ""),
  },
  {
    name: "titles: 书记、副书记、常委…",
    build: (size) => framed(size, "中共中央政治局", (k) => `${TITLES[k % TITLES.length]}、`, "雷承锋出席会议。"),
  },
  {
    // an SEO mirror: traditional script, a tone-marked reading after every character, emoji and zero-width spaces
    name: "pollution: pinyin after every traditional character",
    build: (size) => framed(size, injected(TRADITIONAL_LEAD, 0), (k) => injected(`會議聽取了${ORG_UNITS[k % ORG_UNITS.length]}的匯報，${rosterName(k)}同志發言。`, k), "。"),
  },
  {
    // traditional and simplified sentences in turns (a mirror that converted part of a page): the mixed-script path
    name: "script: traditional and simplified sentences in turns",
    build: (size) => framed(size, TRADITIONAL_LEAD, (k) => (k % 2 ? `會議審議通過《關於${TOPICS[k % TOPICS.length]}的意見》。` : `会议决定${TOPICS[k % TOPICS.length]}。`), ""),
  },
  {
    // a CMS page whose tags are never closed (read as HTML by format auto): the reader tracks no element stack
    name: "html: unclosed tags",
    build: (size) =>
      framed(size, "<html><body>", (k) => `<div><p style="text-indent: 2em;"><span>${rosterName(k)}主持会议<b>&nbsp;一、`, ""),
  },
  {
    name: "outline: 一、（一）1.（1）① nested",
    build: (size) =>
      framed(
        size,
        "关于全面推进工作的意见\n",
        (k) => `${cnNumber((k % 99) + 1)}、总体要求\n（${cnNumber((k % 9) + 1)}）指导思想。\n${(k % 9) + 1}.主要内容：\n（${(k % 9) + 1}）细则；\n${String.fromCharCode(0x2460 + (k % 20))}具体措施。\n`,
        "",
      ),
  },
];
