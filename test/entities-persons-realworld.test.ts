/**
 * Persons with their posts as township, enterprise and county pages write them, on excerpts of the real-world dev
 * pages (test/fixtures/realworld/dev, issue 19): each case names the convention of official writing it checks.
 */
import { describe, expect, it } from "vitest";
import { entities } from "../src/analyzer.js";
import type { Entity, EntityOf } from "../src/core/schema.js";

const persons = (text: string) => entities(text).filter((e): e is EntityOf<"person"> => e.type === "person");
/** The person's posts with their units, as the page writes them (`${titleOrg}${title}`). */
const written = (text: string, name: string) => {
  const found: Entity | undefined = persons(text).find((e) => e.text === name);
  const attrs = found?.type === "person" ? found.attrs : undefined;
  return attrs?.titles.map((t, k) => `${attrs.titleOrgs[k] ?? ""}${t}`);
};

describe("persons on township, enterprise and county pages", () => {
  it("reads a name after a post when 同志 follows it, though jieba reads the name as a common word", () => {
    // p-862: 區委副書記洪流同志 (洪流/n, a torrent); 同志 is the form of address, never a title
    expect(written("重点传达了区委副书记洪流同志的讲话精神。", "洪流")).toEqual(["区委副书记"]);
    // …but a plural address after a post is no name (书记和同志们)
    expect(persons("党委书记和同志们一起座谈。").map((p) => p.text)).toEqual([]);
  });

  it("reads names with the rarer surnames of township rosters (戢, 茆, 宓, 巢)", () => {
    // p-856: a township chain, the head of the people's congress presidium
    expect(written("会上,乡党委书记、人大主席团主席戢运斌同志作选举动员讲话。", "戢运斌")).toEqual(["乡党委书记", "人大主席团主席"]);
    expect(written("镇党委书记陈守权讲话并提出具体要求,镇长茆龙海进行大会总结。", "茆龙海")).toEqual(["镇长"]);
  });

  it("reads the post when jieba glues its last character to the surname (董事/n 长江/ns 宇)", () => {
    // p-860: 集團黨委書記、董事長江宇 is 董事长 + 江宇, not 董事 + 长江宇
    const text = "集团党委书记、董事长江宇,党委副书记、总经理许晟陪同。";
    expect(persons(text).map((p) => p.text)).toEqual(["江宇", "许晟"]);
    expect(written(text, "江宇")).toEqual(["集团党委书记", "董事长"]);
  });

  it("writes an enterprise's unit in full before a post: a word ending like a unit (集团公司, 分公司)", () => {
    // p-854: 集团公司监事会主席宋俊文 — the board of supervisors of the group company
    expect(written("近日,集团公司监事会主席宋俊文,副总经理张小卫、吴秋生、赵正龙带队调研。", "宋俊文")).toEqual(["集团公司监事会主席"]);
    expect(written("近日,集团公司监事会主席宋俊文,副总经理张小卫、吴秋生、赵正龙带队调研。", "赵正龙")).toEqual(["副总经理"]);
  });

  it("keeps a committee's term that opens its segment as part of the post (十二届市政协主席)", () => {
    // p-861, traditional script: the chairman of the twelfth municipal CPPCC sits with the current leaders
    const text = "市委副書記、市長孟凡利,市人大常委會主任宋遠方,十二屆市政協主席張少軍,市委副書記王魯明出席會議。";
    expect(written(text, "張少軍")).toEqual(["十二屆市政協主席"]);
  });

  it("runs a chain's link back to its 、 whatever words the unit is made of (驻镇帮镇扶村工作队队长)", () => {
    // p-863: a task force sent to the town; its name holds verbs (驻, 帮, 扶) the unit grammar does not take
    const text = "镇党委副书记、驻镇帮镇扶村工作队队长林华新,镇党委副书记李伟安及相关人员陪同。";
    expect(written(text, "林华新")).toEqual(["镇党委副书记", "驻镇帮镇扶村工作队队长"]);
    // …but not over a tense of the clause: 、 there joins two people's predicates (p-652)
    expect(written("广西新任常委孙大光此前任南宁市市长、河北新任常委赵革此前任衡水市委书记。", "赵革")).toEqual(["常委"]);
  });

  it("opens a unit's name with the field jieba reads as an adjective when a unit's word follows (健康/a 分院)", () => {
    // m-661: the health school of a college
    expect(written("健康分院院长、党总支副书记竺静出席。", "竺静")).toEqual(["健康分院院长", "党总支副书记"]);
    // an honour is no unit: 优秀县委书记 is an award (fixtures README)
    expect(written("全国优秀县委书记黄维群出席。", "黄维群") ?? []).toEqual([]);
  });

  it("names no one inside a 《…》 title: a quoted headline's post is not the person's here", () => {
    // m-147: a meeting studies a central headline that names the General Secretary
    const text = "会上,张华领学了《中共中央政治局召开民主生活会强调 中共中央总书记习近平主持会议并发表重要讲话》。";
    expect(persons(text).every((p) => p.attrs.titles.length === 0)).toBe(true);
  });

  it("goes on with a roster after a note on sex or nationality in brackets (女, 藏族, 女，回族)", () => {
    // m-130 writes notes inside a roll (巴桑(藏族)、陈秀榕); a shared post then reaches every name of the roster
    expect(written("县委常委王小明（女）、李大伟、赵四海出席。", "赵四海")).toEqual(["县委常委"]);
    expect(written("副县长王小明(女,回族)、李大伟出席。", "李大伟")).toEqual(["副县长"]);
    const roll = "会议推选陈慕华、彭珮云、顾秀莲、陈至立、张梅颖、黄晴宜、巴桑(藏族)、陈秀榕、孟晓驷、谢丽娟为执行主席。";
    expect(persons(roll).map((p) => p.text)).toContain("陈秀榕");
  });

  it("gives a label or post before a roll of names set off by single spaces to every name", () => {
    expect(written("市领导 王小明 李大伟 出席会议。", "李大伟")).toEqual(["市领导"]);
    expect(written("会议由党委书记 王小明 主持。", "王小明")).toEqual(["党委书记"]);
  });

  it("reads the village as the level of its party branch, and township and enterprise posts named with a field", () => {
    expect(written("村党总支书记王小明主持。", "王小明")).toEqual(["村党总支书记"]);
    expect(written("镇长助理王小明、独立董事李大伟、安全总监赵四海参加。", "李大伟")).toEqual(["独立董事"]);
    expect(written("镇长助理王小明、独立董事李大伟、安全总监赵四海参加。", "王小明")).toEqual(["镇长助理"]);
  });

  it("reads a two-character name jieba takes for a noun when the predicate follows it (管委副主任宫权主持)", () => {
    // m-095: a development zone's roll; official news writes the predicate straight after the name
    const text = "8月18日,烟台高新区工委副书记、管委副主任宫权主持召开工委扩大会议。";
    expect(written(text, "宫权")).toEqual(["烟台高新区工委副书记", "管委副主任"]);
    // …but a role or the occasion after a post is no name (党支部书记代表发言)
    expect(persons("党支部书记代表发言。").map((p) => p.text)).toEqual([]);
  });

  it("reads a session presidium's chair and a nominee named with the post he is put up for", () => {
    // t-016 (traditional): the presidium meeting's 主持人 is a post of the session, not an occasion's role
    const session = "中共中央政治局常委、全國政協十三屆一次會議主席團會議主持人汪洋主持會議。";
    expect(written(session, "汪洋")).toEqual(["中共中央政治局常委", "全國政協十三屆一次會議主席團會議主持人"]);
    // m-669: 七届政协主席提名人选, the term opening its link
    const nominee = "区六届政协主席石含玖,区政协党组书记、七届政协主席提名人选朱永国,区委副书记张玉全参加。";
    expect(written(nominee, "朱永国")).toEqual(["区政协党组书记", "七届政协主席提名人选"]);
  });

  it("does not join a post given as a predicate to the next person's chain over a comma", () => {
    // p-864 (traditional): 以…鄧文華為組長，黨委書記、董事長寧順良 — 組長 is 鄧文華's role in the group, said as a predicate
    const text = "公司成立以總經理、黨委副書記、副董事長鄧文華為組長,黨委書記、董事長寧順良,黨委委員、工會主席曹剛云為副組長的籌備領導小組。";
    expect(written(text, "寧順良")).toEqual(["黨委書記", "董事長"]);
  });

  it("reads no person in a surname with an enterprise head's short title (胡總 for 總經理)", () => {
    // p-859 (traditional): 胡總一行 is 胡建明, named in full before
    const text = "集團公司總經理胡建明帶隊調研。胡總一行先后到灌西公司實地調研。";
    expect(persons(text).map((p) => p.text)).not.toContain("胡總");
  });

  it("keeps a section named with a verb of its work inside the unit (中组部组织二局, 大会执行主席团)", () => {
    // m-057: a bureau of the Organisation Department; p-856: the session's executive presidium
    expect(written("中组部组织二局五处处长徐森生出席会议。", "徐森生")).toEqual(["中组部组织二局五处处长"]);
    expect(written("大会执行主席团主席戢运斌同志依照选举办法宣布。", "戢运斌")).toEqual(["大会执行主席团主席"]);
    // …but a predicate after a unit is the clause's (县委/召开, 主持)
    expect(written("县委召开常委会,县委书记张宏主持。", "张宏")).toEqual(["县委书记"]);
  });

  it("goes on with a chain over a site's mask after its 、 (乡党委副书记、***乡长李承华)", () => {
    // p-856: the site hid a word before 乡长 with asterisks
    expect(written("乡党委副书记、***乡长李承华同志作《政府工作报告》。", "李承华")).toEqual(["乡党委副书记", "乡长"]);
  });

  it("reads a post written after a name jieba cut into two nouns (针对马/n 彩云/n 法官)", () => {
    // m-135: a judge who died on duty, named with her post after the name
    const text = "党组书记、院长胡国林作重要讲话,首先他针对马彩云法官因公殉职事件及两起案件提出要求。";
    expect(written(text, "马彩云")).toEqual(["法官"]);
    // …but a unit's word after a tense is no name (p-866: 原公司工會主席方俊)
    expect(persons("会上,原公司工会主席方俊代表上一届工会作了总结发言。").map((p) => p.text)).toEqual(["方俊"]);
  });

  it("reads a company board that shares a post with another body, and a field jieba tags as a name", () => {
    // m-146: he chairs both the board of supervisors and the union (fixtures README: the title is the whole phrase)
    expect(written("党委书记孙黎明出席并主持会议,监事会、工会主席高战华,党委委员出席。", "高战华")).toEqual(["监事会、工会主席"]);
    // h-039: 德育/nr is the field of a deputy head's work, no name (no surname opens it)
    expect(written("校长吕中伟、书记杜强、德育副校长李瑞全出席。", "李瑞全")).toEqual(["德育副校长"]);
  });

  it("reads two-character names padded to three in a byline, one space inside and one between (记者冯 艳 孙 敏)", () => {
    // m-082: a county paper's byline; the span is the name as written, the name read is without the padding
    const found = persons("(记者冯 艳 孙 敏 张 涛)5日晚,县第十六届人民代表大会第五次会议举行主席团第一次会议。");
    expect(found.map((p) => [p.text, p.normalized ?? p.text, p.attrs.titles])).toEqual([
      ["冯 艳", "冯艳", ["记者"]], ["孙 敏", "孙敏", ["记者"]], ["张 涛", "张涛", ["记者"]],
    ]);
    // a single character and a word after a space is a sentence, no padded name (记者王 强调)
    expect(persons("记者王 强调").map((p) => p.text)).toEqual([]);
  });

  it("reads a photo credit signed after the caption, name then 摄 (楊志文 攝)", () => {
    // p-861: the photographer signs the caption line; the role is 攝 as written
    const text = "▲市政協十三屆四次會議開幕現場。楊志文 攝\n市政協主席楊軍出席會議。";
    expect(written(text, "楊志文")).toEqual(["攝"]);
    // a byline role before the name keeps the byline's role (新华社记者 李涛 摄)
    expect(written("新华社记者 李涛 摄", "李涛")).toEqual(["新华社记者"]);
  });
});
