import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findSpam, SPAM_THRESHOLD } from "../src/text/spam.js";
import { seedText } from "./helpers/data.js";
import { growth } from "./helpers/timing.js";

const SEED = seedText();

describe("findSpam", () => {
  it("flags the seed's injected banner, and nothing else in the seed", () => {
    const findings = findSpam(SEED);
    expect(findings.map((f) => [f.text, f.category])).toEqual([["欢迎访问122cc太阳集成游戏!", "gambling"]]);
    const [banner] = findings;
    expect(SEED.slice(banner!.start, banner!.end)).toBe(banner!.text);
    expect(banner!.score).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
    expect(banner!.evidence.map((e) => e.text)).toEqual(["欢迎访问", "122cc", "太阳集成", "游戏", "!"]);
    for (const e of banner!.evidence) expect(SEED.slice(e.start, e.end)).toBe(e.text);
  });

  // Invented banners in the seed's style (brands, domains and numbers made up).
  const banners: Array<[string, string]> = [
    ["澳门新葡京娱乐场官网，注册送38元彩金！", "gambling"],
    ["bet365体育投注最新网址，首存即送100%！", "gambling"],
    ["欢迎光临vns8888威尼斯人娱乐城，真人荷官在线发牌！", "gambling"],
    ["欢迎访问太阳城集团官网，百家乐、老虎机、时时彩，注册即送彩金", "gambling"],
    ["午夜福利视频免费观看，欢迎访问xx99.com", "porn"],
    ["成人视频在线观看 www.av99.cc", "porn"],
    ["黑户贷款秒到账，无视征信，加微信 dk8888", "loan"],
    ["欢迎访问51dai网贷平台，无抵押秒批，当天放款！", "loan"],
    ["代开发票，刻章办证，加微信 fp6688", "fraud"],
    ["兼职刷单日赚500元，欢迎来到88job官网！", "fraud"],
  ];
  it.each(banners)("flags %s as %s", (banner, category) => {
    const page = `${banner}\n学院首页 > 新闻中心 > 正文\n学院召开党委会议\n5月17日,学院党委书记主持召开会议。`;
    expect(findSpam(page).map((f) => [f.text, f.category])).toEqual([[banner, category]]);
  });

  it("reads a contact hook as selling, whatever the brand: a WeChat id, a QQ number or a mobile number after a lure", () => {
    const page = (banner: string) => findSpam(`${banner}\n学院召开党委会议\n5月17日,学院党委书记主持召开会议。`);
    expect(page("无视征信黑户贷款，秒下款，加微信号:dai8888")[0]).toMatchObject({ category: "loan" });
    expect(page("网贷秒批不看征信 QQ:88886666")[0]?.evidence.map((e) => e.text)).toContain("QQ:88886666");
    expect(page("网贷秒批不看征信 13812345678")[0]?.evidence.map((e) => e.text)).toContain("13812345678");
    // without the hook the same words stay below the threshold
    expect(page("网贷秒批不看征信")).toEqual([]);
  });

  // Legitimate text with the same words: one keyword, or news about the crime, is not spam.
  const clean = [
    "红太阳集团向学院捐赠图书",
    "中国福利彩票发行管理中心公布彩票公益金使用情况。",
    "娱乐新闻：网络游戏防沉迷新规发布",
    "校园文化娱乐活动丰富多彩！",
    "警方提醒：警惕刷单返利诈骗，不要下载陌生APP。",
    "严厉打击网络赌博、百家乐等犯罪活动。",
    "17日，北约成员国军队在芬兰举行炮兵实弹射击演习。另据芬兰海军官网发布的消息，演习持续一周。",
    "南非太阳城的春节庆祝活动上，舞龙舞狮表演吸引了当地民众。",
    "杭州亚运会公众售票官网正式上线！",
    "欢迎访问学院官网www.example.edu.cn！",
    "伟大时代孕育伟大理论，伟大思想引领伟大征程。",
    "欢迎各位来宾莅临2023年中国国际彩票博览会！",
    "澳门特区政府稳妥处理博彩法律修订和新一轮博彩经营权竞投。",
    "小额贷款公司监管办法发布，欢迎访问官网查询。",
    // a notice gives a phone number beside a loan's words: a contact hook only adds to what spam sells
    "创业担保贷款申请咨询电话：13812345678，额度最高20万元。",
  ];
  it.each(clean)("does not flag %s", (text) => {
    expect(findSpam(text)).toEqual([]);
  });

  it("narrows a flagged line to the spam sentence pasted after the news", () => {
    const text = "11月1日，市政府召开安全生产工作会议。午夜福利视频免费观看，欢迎访问xx99.com";
    expect(findSpam(text).map((f) => f.text)).toEqual(["午夜福利视频免费观看，欢迎访问xx99.com"]);
  });

  it("reads a hijacked title by its words alone: the keyword segments a hijacker wrote over the page's first line", () => {
    const dev = (id: string) => readFileSync(`test/fixtures/realworld/dev/${id}.txt`, "utf8");
    // dev item x-039: a shipbuilder's news page whose title is a porn site's keyword list; no selling signal in it
    const tags = dev("x-039");
    expect(findSpam(tags).map((f) => [f.text, f.category])).toEqual([["亚洲真人无码永久在线观看-亚洲欧美精品伊人久久-在线观看午夜亚洲一区", "porn"]]);
    // dev item x-067: the State Council's headline kept, the site string after its | is the finding
    const headline = dev("x-067");
    const [finding] = findSpam(headline);
    expect(finding).toMatchObject({ text: "成人毛片无码一区二区三区", category: "porn" });
    expect(headline.slice(finding!.start, finding!.end)).toBe(finding!.text);
    // a first line that reports (博彩 news), names one weak word (激情满怀), or is a sentence is not a hijacked title
    expect(findSpam(dev("m-190"))).toEqual([]);
    for (const text of ["【喜迎二十大】神州大地处处新 激情满怀向未来\n正文", "警方查处网络赌博 赌场老板被抓获\n正文", "他说,百家乐是赌场里最常见的游戏。\n正文"]) {
      expect(findSpam(text)).toEqual([]);
    }
    // a megabyte-long first line of separators and tags is judged in linear time
    const line = (n: number) => `${"无码-_|,".repeat(n / 6)}\n正文`;
    expect(growth(findSpam, line(100_000), line(1_000_000), { floorMs: 5 }).ratio).toBeLessThan(30);
    // the line is judged as a title only where a page opens
    expect(findSpam(`学院召开党委会议\n${tags.split("\n")[0]}`)).toEqual([]);
  });
});
