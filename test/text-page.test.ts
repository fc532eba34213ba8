import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { StageContext } from "../src/core/stage.js";
import type { Doc, PageInfo } from "../src/core/schema.js";
import { PageInfoSchema } from "../src/core/schema.js";
import { pageStage, readPage } from "../src/text/page.js";
import { contentRanges } from "../src/core/spans.js";
import { resourcesWith } from "../src/pipeline.js";
import { analyze } from "../src/analyzer.js";
import { itWithData, readData, seedText } from "./helpers/data.js";

const read = (url: string) => readFileSync(new URL(url, import.meta.url), "utf8");
const SEED = seedText();
const fixture = (name: string) => read(`./fixtures/page/${name}`);
const policy = (name: string) => readData(`policy/${name}`);

/** Regions are ordered, disjoint ranges of the input whose text matches, and cover every non-blank character. */
function expectValidPage(text: string, page: PageInfo): void {
  expect(PageInfoSchema.safeParse(page).success).toBe(true);
  let covered = 0;
  let previousEnd = 0;
  for (const region of page.regions) {
    expect(region.start).toBeGreaterThanOrEqual(previousEnd);
    expect(text.slice(region.start, region.end)).toBe(region.text);
    covered += region.text.replace(/\s/gu, "").length;
    previousEnd = region.end;
  }
  expect(covered).toBe(text.replace(/[\s\u200b\ufeff]/gu, "").length);
  for (const finding of page.spam) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  if (page.title) expect(text.slice(page.title.start, page.title.end)).toBe(page.title.text);
}

const kinds = (page: PageInfo) => page.regions.map((r) => [r.kind, r.text.split("\n")[0]!.slice(0, 40)]);

describe("readPage on the seed", () => {
  const page = readPage(SEED);

  it("classifies every region of the scraped page", () => {
    expectValidPage(SEED, page);
    expect(kinds(page)).toEqual([
      ["spam", "欢迎访问122cc太阳集成游戏!"],
      ["navigation", "主题教育专栏"],
      ["title", "学院召开2023年第11次党委(扩大)会议"],
      ["metadata", "发布时间:2023-05-18阅读数:"],
      ["article", "5月17日,学院党委书记雷承锋主持召开2023年第11次党委(扩大)会议,专题研"],
      ["credits", "供图:宣传统战部 \u00a0\u00a0\u00a0\u00a0供文:学院办公室 \u00a0\u00a0\u00a0\u00a0编辑:石丹 \u00a0\u00a0\u00a0\u00a0审核:于"], // spaces and NBSPs
      ["footer", "Baidu"],
    ]);
  });

  it("normalises the metadata", () => {
    expect(page.title?.text).toBe("学院召开2023年第11次党委(扩大)会议");
    expect(page.publishedAt).toBe("2023-05-18");
    expect(page.views).toBeUndefined(); // 阅读数: is empty
    expect(page.breadcrumb).toEqual(["学院首页", "专题网站", "主题教育专栏"]);
    expect(page.column).toBe("主题教育专栏");
    expect(page.credits).toEqual({ photo: ["宣传统战部"], text: ["学院办公室"], editor: ["石丹"], reviewer: ["于文金"] });
    expect(page.spam.map((f) => [f.text, f.category])).toEqual([["欢迎访问122cc太阳集成游戏!", "gambling"]]);
  });

  it("gives later stages the title and article only", () => {
    const ranges = contentRanges({ text: SEED, page });
    expect(ranges.map((r) => r.text.slice(0, 8))).toEqual(["学院召开2023", "5月17日,学院"]);
    expect(ranges.some((r) => r.text.includes("122cc") || r.text.includes("Baidu") || r.text.includes("供图"))).toBe(false);
    expect(ranges.at(-1)!.text.endsWith("几个关键问题。")).toBe(true);
  });
});

describe("readPage on invented pages", () => {
  it("reads a loan banner, labelled metadata with a view count and bracketed credits", () => {
    const text = fixture("spam-loan-banner.txt");
    const page = readPage(text);
    expectValidPage(text, page);
    expect(kinds(page).map(([kind]) => kind)).toEqual(["spam", "navigation", "title", "metadata", "article", "credits", "footer"]);
    expect(page.spam[0]).toMatchObject({ text: "黑户贷款秒到账，无视征信，加微信 dk8888", category: "loan" });
    expect(page).toMatchObject({
      title: { text: "学院举行2024年新生开学典礼" },
      publishedAt: "2024-09-06",
      views: 1234,
      source: "学生工作部",
      breadcrumb: ["首页", "新闻中心", "学院要闻"],
      column: "学院要闻",
      credits: { text: ["李文"], photo: ["赵光"], editor: ["陈静"], reviewer: ["刘明"] },
    });
  });

  it("cuts a spam sentence out of an article line and keeps the rest as article", () => {
    const text = fixture("spam-porn-inline.txt");
    const page = readPage(text);
    expectValidPage(text, page);
    expect(page.spam.map((f) => [f.text, f.category])).toEqual([["午夜福利视频免费观看，欢迎访问xx99.com", "porn"]]);
    expect(kinds(page).map(([kind]) => kind)).toEqual(["title", "metadata", "article", "spam", "article", "credits"]);
    expect(page.publishedAt).toBe("2023-11-02");
  });

  it("does not flag 红太阳集团, 彩票公益金 or 娱乐 on a legitimate page", () => {
    const text = fixture("clean-lottery-news.txt");
    const page = readPage(text);
    expectValidPage(text, page);
    expect(page.spam).toEqual([]);
    expect(kinds(page).map(([kind]) => kind)).toEqual(["navigation", "title", "metadata", "article", "navigation"]);
    expect(page).toMatchObject({ title: { text: "红太阳集团向学院捐赠体育器材" }, publishedAt: "2023-06-20", views: 356 });
  });
});

describe("readPage on plain and official text", () => {
  it("takes a plain paragraph as all article", () => {
    const text = "5月17日,学院党委书记雷承锋主持召开会议,专题研讨办学定位。全体党委委员参加会议。";
    const page = readPage(text);
    expect(page.regions).toEqual([{ start: 0, end: text.length, text, kind: "article" }]);
    expect(page.title).toBeUndefined();
    expect(contentRanges({ text, page })).toEqual([{ start: 0, end: text.length, text }]);
  });

  it("keeps footer words inside an article as article text", () => {
    const text = "关于加强信息化建设的意见\n一、总体要求\n各单位要统筹推进信息化建设。\n技术支持与运维保障\n各单位要落实运维责任。";
    const page = readPage(text);
    const at = text.indexOf("技术支持");
    expect(page.regions.find((r) => r.start <= at && at < r.end)?.kind).toBe("article");
    expect(readPage(`${text}\n技术支持：某某信息公司`).regions.at(-1)).toMatchObject({ kind: "footer", text: "技术支持：某某信息公司" });
  });

  it("keeps 时间： inside an article as article text", () => {
    const text = "关于召开党委会议的通知\n各部门：\n经研究，定于下周召开党委会议。\n时间：2023年5月17日上午9时\n地点：学院会议室";
    const page = readPage(text);
    const at = text.indexOf("时间：");
    expect(page.regions.find((r) => r.start <= at && at < r.end)?.kind).toBe("article");
    expect(page.publishedAt).toBeUndefined();
  });

  itWithData("policy", "reads a State Council notice: two-line title, document number, signature date", () => {
    const text = policy("sc-guobanfa-2018-109.txt");
    const page = readPage(text);
    expectValidPage(text, page);
    expect(page.title?.text).toBe("国务院办公厅关于调整\n国家教材委员会组成人员的通知");
    expect(page.regions.find((r) => r.kind === "metadata")?.text).toBe("国办发〔2018〕109号");
    expect(page.publishedAt).toBe("2018-11-20");
  });

  itWithData("policy", "dates a work report by the day it was delivered, not the news agency's dateline", () => {
    const page = readPage(policy("gwr-2007.txt"));
    expect(page.title?.text).toBe("2007年国务院政府工作报告");
    expect(page.publishedAt).toBe("2007-03-05");
  });

  itWithData("policy", "joins a title broken over lines only when it ends in a document type", () => {
    expect(readPage(policy("sc-guobanhan-2004-071.txt")).title?.text).toBe(
      "国务院办公厅\n关于四川省在温家宝总理考察工作时\n所提问题和建议办理情况的函",
    );
    expect(readPage(policy("gwr-2021.txt")).title?.text).toBe("政府工作报\n告"); // a hyperlink artefact of the scrape
    const release = readPage("十四届全国人大四次会议举行第二次全体会议\n习近平李强等出席\n赵乐际作全国人大常委会工作报告\n央视网消息（新闻联播）：会议听取了报告。");
    expect(release.title?.text).toBe("十四届全国人大四次会议举行第二次全体会议");
  });

  itWithData("policy", "takes a news release's headline as its title", () => {
    const page = readPage(policy("meeting-20221207-politburo-meeting.txt"));
    expect(page.title?.text.startsWith("中共中央政治局召开会议 分析研究2023年经济工作")).toBe(true);
    expect(page.spam).toEqual([]);
  });
});

describe("readPage on page metadata written the ways real pages write it", () => {
  it("takes a date-and-time stamp under the headline as metadata and its day as the publication date", () => {
    const text = "区法院召开党组会议\n\n2021-11-22 16:29\n来源: 区法院\n\n11月15日,区法院召开党组会议,传达学习全会精神。";
    const page = readPage(text);
    expect(page.title?.text).toBe("区法院召开党组会议");
    expect(page.regions.find((r) => r.text.startsWith("2021"))?.kind).toBe("metadata");
    expect(page.publishedAt).toBe("2021-11-22");
  });

  it("takes the headline after an e-paper's date, weekday, paper name and edition line", () => {
    const text = "星期五\n2022年09月09日\n某某日报 数字报纸\n第A2版:综合新闻\n\n市检察院召开基层院建设推进会\n\n本报讯 9月6日,市检察院召开基层院建设推进会。\n(下转四版)";
    const page = readPage(text);
    expect(page.title?.text).toBe("市检察院召开基层院建设推进会");
    expect(page.regions.find((r) => r.text.includes("第A2版"))?.kind).toBe("metadata");
    expect(page.regions.at(-1)).toMatchObject({ kind: "metadata", text: "(下转四版)" });
    expect(page.publishedAt).toBe("2022-09-09");
  });

  it("reads traditional-script labels: 發佈時間, 來源, 責任編輯", () => {
    const text = "縣政協召開主席會議\n發佈時間：2019-03-05 來源：縣政協辦公室\n3月4日下午,縣政協召開主席會議。\n責任編輯：王明";
    const page = readPage(text);
    expect(page.title?.text).toBe("縣政協召開主席會議");
    expect(page.publishedAt).toBe("2019-03-05");
    expect(page.source).toBe("縣政協辦公室");
    expect(page.credits?.editor).toEqual(["王明"]);
  });

  it("reads a time stamp that opens a line of labelled fields as the publication date", () => {
    const text = "开发区管理体制调整宣布会议召开\n2017-08-09 10:12:58 来源:某某新闻网 责任编辑:王明 我来说两句 |\n8月8日上午,开发区召开管理体制调整宣布会议。";
    const page = readPage(text);
    expect(page.title?.text).toBe("开发区管理体制调整宣布会议召开");
    expect(page.publishedAt).toBe("2017-08-09");
    expect(page.source).toBe("某某新闻网");
    expect(page.regions[1]).toMatchObject({ kind: "metadata", text: text.split("\n")[1] });
    // a date opening an article sentence is not a stamp: no label follows it
    expect(readPage("2017年8月8日上午,开发区召开会议。").regions[0]!.kind).toBe("article");
  });

  it("never takes a button (返回顶部, 朗读) above the headline for it", () => {
    expect(readPage("返回顶部\n\n某某县人民政府工作规则\n\n第一条 为规范政府工作,制定本规则。").title?.text).toBe("某某县人民政府工作规则");
    expect(readPage("朗读\n关于组织参加全县教育发展大会的通知\n各学校:\n县政府决定召开全县教育发展大会。").title?.text).toBe(
      "关于组织参加全县教育发展大会的通知",
    );
    // a headline that holds a footer word is still a headline
    expect(readPage("学校举办经典朗读比赛\n\n5月17日,学校举办经典朗读比赛。").title?.text).toBe("学校举办经典朗读比赛");
  });

  it("reads labels after a list bullet or a table cell's bar", () => {
    const page = readPage("• 当前位置:\n 县委常委(扩大)会召开\n来源:县委宣传部 | 发布时间: 2021-01-06 | 668 次浏览:\n1月5日,县委召开常委(扩大)会。");
    expect(page.regions[0]).toMatchObject({ kind: "navigation", text: "• 当前位置:" });
    expect(page.title?.text).toBe("县委常委(扩大)会召开");
    expect(readPage("| 发文日期: | 2022-03-07 | 发布部门: | 学校办公室 |\n2022年3月4日下午,学校召开校长办公会。").publishedAt).toBe("2022-03-07");
  });

  it("reads a breadcrumb from the home page with one separator, and an English column name, as navigation", () => {
    const crumb = readPage("首页>机关建设\n\n机关党支部召开成立大会暨学习研讨会\n\n2月25日下午,机关党支部召开成立大会。");
    expect(crumb.breadcrumb).toEqual(["首页", "机关建设"]);
    expect(crumb.title?.text).toBe("机关党支部召开成立大会暨学习研讨会");
    const english = readPage("依法治校\n\nRule of law\n\n学校召开校务委员会全体会议\n发布时间: 2020年01月03日\n\n12月31日下午,学校召开校务委员会全体会议。");
    expect(english.title?.text).toBe("学校召开校务委员会全体会议");
    expect(english.publishedAt).toBe("2020-01-03");
  });

  it("reads a trail from a channel's name with one separator as navigation, not as the headline", () => {
    const text = "地方频道>/ 政治要闻\n某县首个流动党委党校在沪成立\n\nUpdated: 2019-05-23 15:49\n\n某县在沪流动党委党校15日举行成立仪式。";
    const page = readPage(text);
    expectValidPage(text, page);
    expect(page.breadcrumb).toEqual(["地方频道", "/ 政治要闻"]);
    expect(page.title?.text).toBe("某县首个流动党委党校在沪成立");
    // a headline is no trail, whatever its > says
    expect(readPage("学校召开2023年度工作会议>\n\n1月5日，学校召开工作会议。").breadcrumb).toBeUndefined();
  });

  it("takes the last of a trail's bulleted entries as the headline, never the entries run together", () => {
    const text = "当前位置:首页 >\n  • 最新公开信息\n  • 关于2026年元旦放假安排的通知\n\n    发布时间:2025-12-18 19:00:23浏览次数:0\n\n各处室、学院:\n现将2026年元旦放假安排通知如下。";
    const page = readPage(text);
    expectValidPage(text, page);
    expect(page.title?.text).toBe("关于2026年元旦放假安排的通知");
    expect(page.publishedAt).toBe("2025-12-18");
  });

  it("never takes a law database's section heads (發布信息, 內容全文) for the headline", () => {
    const text = "發布信息\n2023年12月,省委辦公廳、省政府辦公廳發布《某省實施細則》,自發布之日起施行。\n內容全文\n第一章 總 則\n第一條 為了落實責任制,制定本細則。";
    const page = readPage(text);
    expectValidPage(text, page);
    expect(page.title).toBeUndefined();
    expect(page.regions[0]).toMatchObject({ kind: "navigation", text: "發布信息" });
  });

  it("reads a Markdown mirror's front matter as metadata and the headline from its title, without the site name", () => {
    const text = "---\ntitle: 某某大学->党委常委会研究部署安全工作 | example.edu.cn\ndate: 2021-10-16 01:22:03\ntags:\n- 某某大学\n---\n**新闻网讯** （记者 王明\n\n摄影报道）10月12日，学校召开党委常委会。";
    const page = readPage(text);
    expect(page.title?.text).toBe("党委常委会研究部署安全工作");
    expect(text.slice(page.title!.start, page.title!.end)).toBe(page.title!.text);
    expect(page.regions[0]).toMatchObject({ kind: "metadata", start: 0 });
    expect(page.regions[0]!.text.endsWith("---")).toBe(true);
    expect(page.publishedAt).toBeUndefined(); // the mirror's date, not the page's
    // an unclosed fence is not front matter
    expect(readPage("---\ntitle: 标题\n正文。").regions.some((r) => r.kind === "metadata")).toBe(false);
  });

  it("reads a gov.cn metadata table: spaced-out labels, the 标题 field as the title, 发布日期 before 成文日期", () => {
    // the table of realworld dev h-001, one row a line as the HTML reader writes it
    const text = [
      "索 引 号： 000014349/2019-00002 主题分类： 科技、教育\\教育",
      "发文机关： 国务院办公厅 成文日期： 2019年01月09日",
      "标　　题： 国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知",
      "发文字号： 国办发〔2019〕3号 发布日期： 2019年01月22日",
      "主 题 词：",
      "国务院办公厅关于开展",
      "城镇小区配套幼儿园治理工作的通知",
      "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    ].join("\n");
    const page = readPage(text);
    expect(page.title?.text).toBe("国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知");
    expect(page.title!.start).toBe(text.indexOf("国务院办公厅关于开展城镇"));
    expect(page.publishedAt).toBe("2019-01-22");
    expect(page.regions.slice(0, 1)).toEqual([expect.objectContaining({ kind: "metadata", start: 0 })]);
  });

  it("keeps a ——subtitle with its headline, and reads a browser title and a menu over the page as navigation", () => {
    const subtitled = readPage("不忘初心跟党走\n感恩母亲，让青春更美绽放\n——开封十四中2017年十四岁集体生日暨离队入团仪式活动\n日期: 2017年09月29日 09:22\n5月14日上午，学校举行活动。");
    expect(subtitled.title?.text).toBe("不忘初心跟党走");
    const text = "学院召开党委会议_学院新闻网\n2023-05-18\n首页|学院新闻\n学院召开党委会议\n发布时间：2023-05-18\n5月17日，学院召开党委会议。";
    const page = readPage(text);
    expect(page.title?.text).toBe("学院召开党委会议");
    expect(page.title!.start).toBe(text.indexOf("\n学院召开党委会议\n") + 1);
    expect(page.regions.map((r) => r.kind)).toEqual(["navigation", "metadata", "navigation", "title", "metadata", "article"]);
  });

  it("reads a browser title that puts the site and column before the headline (站名-栏目-标题) as navigation", () => {
    const text = "某某县人民政府-政务要闻-县政府召开第七次常务会议\n县政府召开第七次常务会议\n3月5日，县政府召开第七次常务会议。";
    const page = readPage(text);
    expect(page.title?.text).toBe("县政府召开第七次常务会议");
    expect(page.title!.start).toBe(text.indexOf("\n县政府召开") + 1);
    expect(page.regions[0]).toEqual(expect.objectContaining({ kind: "navigation", text: "某某县人民政府-政务要闻-县政府召开第七次常务会议" }));
  });

  it("takes the line the browser title repeats for the headline, over a banner or a deck", () => {
    const text = "县政府召开第七次常务会议_某某县人民政府门户网站\n坚持以习近平新时代中国特色社会主义思想为指导 全面贯彻落实党的二十大精神\n\n县政府召开第七次常务会议\n\n奋力谱写高质量发展新篇章\n\n发布时间：2024-03-05\n会议强调，要狠抓落实。";
    expect(readPage(text).title?.text).toBe("县政府召开第七次常务会议");
  });

  it("takes the longest line a browser title names on a CMS page in HTML, not the site's name nor a banner run into it", () => {
    const html =
      "<html><head><title>某某县人民政府-政务要闻-县政府召开第七次常务会议</title></head><body><div>某某县人民政府</div>" +
      "<div>网站首页 政务公开 新闻中心 办事服务 互动交流</div><div class=\"banner\">坚持以人民为中心 奋力谱写新篇章</div>" +
      "<h2>县政府召开第七次常务会议</h2><p class=\"info\">2023-05-06 10:20 某某县人民政府</p><p>5月5日，县政府召开第七次常务会议。</p></body></html>";
    const page = analyze(html, { format: "html", referenceDate: "2024-01-01" }).page;
    expect([page?.title?.text, page?.publishedAt]).toEqual(["县政府召开第七次常务会议", "2023-05-06"]);
    // a browser title that names the column (栏目_站名) names no headline
    const column = readPage("通知公告_某某学院\n\n通知公告\n\n关于做好节日值班工作的通知\n\n发布时间：2024-01-01\n各部门：现将有关事项通知如下。");
    expect(column.title?.text).toBe("关于做好节日值班工作的通知");
  });

  it("never takes a site's name, today's date or a widget's row over the page for its headline", () => {
    // the site's name alone over a menu and the day's date line: the headline is still the line over the 发布日期 line
    const site = readPage("某某县人民政府\n首页 | 政务公开 | 新闻中心 | 办事服务\n2023年03月29日 星期三\n\n市委常委会召开扩大会议\n\n发布日期:2020-01-27\n1月26日下午,市委常委会召开扩大会议。");
    expect(site.title?.text).toBe("市委常委会召开扩大会议");
    expect(site.publishedAt).toBe("2020-01-27");
    // today's date, a login bar and a search box run together over the headline
    const portal = readPage("今天是：2024年3月5日 星期二\n登录 | 注册\n请输入关键字 搜索\n县政协召开十届二次常委会议\n3月4日，县政协召开十届二次常委会议。");
    expect(portal.title?.text).toBe("县政协召开十届二次常委会议");
    // share buttons under the headline are no deck, and a headline holding a footer word is still the headline
    const shared = readPage("省技术支持中心召开年度工作会议\n分享到：微信 微博 QQ空间\n3月4日，省技术支持中心召开年度工作会议。");
    expect(shared.title?.text).toBe("省技术支持中心召开年度工作会议");
  });

  it("reads the meta line however a CMS labels its date, and never takes a date line for the headline", () => {
    const body = "5月5日上午，县政府召开第七次常务会议，研究部署当前重点工作。";
    for (const meta of ["发布时间 2023-05-06", "发布日期 2023年05月06日", "发布于 2023-05-06 10:20", "提交时间：2023-05-06", "Release time：2023-05-06", "[ 2023-05-06 ]", "某某县人民政府 2023-05-06", "2023-05-06 某某县人民政府"]) {
      for (const text of [`县政府召开第七次常务会议\n${meta}\n${body}`, `${meta}\n县政府召开第七次常务会议\n${body}`]) {
        const page = readPage(text, { referenceDate: "2024-01-01" });
        expect([meta, page.title?.text, page.publishedAt]).toEqual([meta, "县政府召开第七次常务会议", "2023-05-06"]);
      }
    }
    // under the text the same name-and-day line is a document's 落款: the day the site filed the page comes first
    const signed = readPage("关于做好节日值班工作的通知\n各乡镇：\n经研究，现将有关事项通知如下。\n某某县人民政府 2023-05-06", { url: "http://x.gov.cn/2023-05-08/1.html", referenceDate: "2024-01-01" });
    expect(signed.publishedAt).toBe("2023-05-08");
    // a credit with the day after it, on the meta line over the text
    const credited = readPage(`县政府召开第七次常务会议\n编辑：张三 2023-05-06\n${body}`, { referenceDate: "2024-01-01" });
    expect(credited.publishedAt).toBe("2023-05-06");
  });

  it("with no meta line, takes the run the lead echoes over a banner or a hijacker's title above it", () => {
    const body = "最高人民法院新闻发言人孙军工14日透露，最高人民法院新闻发布会将实行月度例会制度。";
    const banner = readPage(`坚持以习近平新时代中国特色社会主义思想为指导 全面贯彻落实党的二十大精神\n\n最高人民法院将实行月度例会制度\n\n${body}`);
    expect(banner.title?.text).toBe("最高人民法院将实行月度例会制度");
    // the first run stays the headline when the lead echoes it (a subtitle echoed more is not the headline)
    const report = readPage("2007年国务院政府工作报告\n\n——2007年3月5日在第十届全国人民代表大会第五次会议上\n\n3月5日，第十届全国人民代表大会第五次会议开幕。国务院总理温家宝向大会作政府工作报告。");
    expect(report.title?.text).toBe("2007年国务院政府工作报告");
  });

  it("keeps a byline, a widget's word and a run-on day off the end of the headline", () => {
    const body = "【明報專訊】上周五新一屆國務院召開第一次全體會議，國務院各組成部門首腦悉數出席。";
    // a byline after a slash is credits (and the slash does not make the headline a trail of links)
    expect(readPage(`中國\n\n中國要聞\n\n中國評論:夏寶龍出席國務院會的信息 /文:孫嘉業\n\n${body}`).title?.text).toBe("中國評論:夏寶龍出席國務院會的信息");
    // the share widget's word run on after the headline
    const shared = readPage(`首頁 -> 港澳 ->社會\n香港第八屆立法會首次會議將動議火災重建議案分享到:\n${body}`);
    expect(shared.title?.text).toBe("香港第八屆立法會首次會議將動議火災重建議案");
    // a list entry's day run on with no blank: the headline that carries it, and the page's date
    const listed = readPage("意见反馈 手机随时随地看行情\n  • 公司公告\n\n公司公告\n\n[临时公告]威博液压:股东大会议事规则(草案)(上市后适用)2021-11-17\n\n公告编号:2021-109\n\n本公司及董事会全体成员保证公告内容的真实、准确和完整。");
    expect(listed.title?.text).toBe("[临时公告]威博液压:股东大会议事规则(草案)(上市后适用)");
    expect(listed.publishedAt).toBe("2021-11-17");
  });

  it("reads no headline in a subtitle or a run of questions, and a headline over a meta line that ends the excerpt", () => {
    expect(readPage("——2021年12月16日在洪山区第十六届人民代表大会第一次会议上\n洪山区人民检察院代理检察长 匡正\n各位代表:\n现在，我代表洪山区人民检察院向大会报告工作。").title).toBeUndefined();
    expect(readPage("来源:作者:点击:\n西安教育困境问题在哪儿?上学难如何解决?校外培训如何看待?\n为了更加全面深入地剖析西安教育问题，记者邀请50名校长参与问答。").title).toBeUndefined();
    const cut = readPage("办事指南\n\n关于通知公告等发布的规范与要求\n发布日期:2022-10-20    作者:徐丽娟");
    expect([cut.title?.text, cut.publishedAt]).toEqual(["关于通知公告等发布的规范与要求", "2022-10-20"]);
  });

  it("takes the line the page repeats, a chapter's heading or the trail's last entry for the headline, and a source's name for none", () => {
    // an e-paper lists its headlines over the article and repeats the article's under a deck
    const paper = readPage("星期三\n2023年03月29日\n第A11版:澳聞\n澳門虛擬圖書館\n\n粵港澳高校聯盟商開放合作\n\n粵港澳高校聯盟工作會議於澳大舉行\n\n粵港澳高校聯盟商開放合作\n\n【本報消息】粵港澳高校聯盟昨日召開年度工作會議。");
    expect(paper.title?.text).toBe("粵港澳高校聯盟商開放合作");
    // a novel's chapter under a hijacker's tag line; a trail that ends with the chapter, no heading under it
    expect(readPage("第147章 第二屆古城縣官府工作會議\n\n  古城縣,凡爾賽宮,一樓會議室。").title?.text).toBe("第147章 第二屆古城縣官府工作會議");
    expect(readPage("第一章 总则\n第一条 为规范会议管理，制定本办法。").title).toBeUndefined();
    const trail = readPage("墨韵阁>玄幻>同人小说 > 第二十一章 下县\n    五月下旬,中央对昌江省委进行了人事调整。");
    expect(trail.title?.text).toBe("第二十一章 下县");
    // who posted it, its view count and its stamp, one a line under the headline
    const source = readPage("-\n浙江全省福利彩票工作会议在绍兴市召开\n-\n浙江福彩中心\n1391\n2011-02-28 10:03\n2月24日,浙江全省福利彩票工作会议在绍兴市召开。");
    expect([source.title?.text, source.publishedAt]).toEqual(["浙江全省福利彩票工作会议在绍兴市召开", "2011-02-28"]);
  });

  it("reads a meta line behind an icon the scrape lost (?發布時間:) and a portal's yy/MMdd/HH path", () => {
    const icons = readPage("集团公司与江苏交通工程集团座谈交流\n?發布時間:2019-08-23 ?瀏覽:\n8月22日下午，江蘇省交通工程集團一行來集團公司座談。");
    expect([icons.title?.text, icons.publishedAt]).toEqual(["集团公司与江苏交通工程集团座谈交流", "2019-08-23"]);
    const body = "11月10日,山海关区人大常委会组织部分人大代表来到区人民检察院调研。";
    expect(readPage(body, { url: "https://hebei.news.163.com/22/1112/09/HLVBJ2PJ041591O2.html", referenceDate: "2026-12-06" }).publishedAt).toBe("2022-11-12");
    // an id that only looks so (no hour folder, or not a day of the calendar) dates nothing
    expect(readPage(body, { url: "https://example.com/22/1112/HLVBJ2PJ.html" }).publishedAt).toBeUndefined();
    expect(readPage(body, { url: "https://example.com/22/1340/09/HLVBJ2PJ.html" }).publishedAt).toBeUndefined();
  });

  it("tells a deck under the headline from a kicker over it by what the lead restates", () => {
    const lead = "3月5日，县委常委会召开会议，传达学习全国两会精神。";
    const deck = readPage(`县委常委会召开会议传达学习全国两会精神\n\n奋力谱写高质量发展新篇章\n\n发布时间：2024-03-05\n${lead}`);
    expect(deck.title?.text).toBe("县委常委会召开会议传达学习全国两会精神");
    const kicker = readPage(`奋力谱写高质量发展新篇章\n\n县委常委会召开会议传达学习全国两会精神\n\n发布时间：2024-03-05\n${lead}`);
    expect(kicker.title?.text).toBe("县委常委会召开会议传达学习全国两会精神");
  });

  it("reads a column's name run into a document's title and the viewing day under the site's menus as chrome", () => {
    const column = readPage("政务要闻\n关于召开2021年全区体育工作会议的通知\n各乡镇人民政府，街道办事处：\n经研究，决定召开全区体育工作会议。");
    expect(column.title?.text).toBe("关于召开2021年全区体育工作会议的通知");
    const viewed = readPage("某某县人民政府\n首页 | 政务公开 | 新闻中心 | 办事服务\n2026年1月22日 星期四\n\n县政府召开常务会议\n\n2025-02-03\n2月3日，县政府召开常务会议。");
    expect([viewed.title?.text, viewed.publishedAt]).toEqual(["县政府召开常务会议", "2025-02-03"]);
  });

  it("takes the headline under the breadcrumb, not a site name or banner above it", () => {
    const page = readPage("某某新闻网\n图片\n当前位置: 首页 >动态要闻 >区县新闻\n\n区政协召开助推高质量发展协商座谈会\n\n7月20日,区政协召开协商座谈会。");
    expect(page.title?.text).toBe("区政协召开助推高质量发展协商座谈会");
    expect(page.breadcrumb).toEqual(["首页", "动态要闻", "区县新闻"]);
    // 您所在的位置 leads a breadcrumb too; a mail-login bar above it is no headline
    const portal = readPage("邮箱登录: 集团邮箱 员工邮箱\n您所在的位置: 首页新闻中心集团新闻 → 正文\n集团党组召开会议传达学习全会精神\n来源:集团网站     日期:2021-10-22\n10月22日,集团党组召开会议。");
    expect(portal.title?.text).toBe("集团党组召开会议传达学习全会精神");
    expect(portal.publishedAt).toBe("2021-10-22");
  });

  it("takes the line over the 发布日期 line as the headline under a long menu of short lines", () => {
    const menu = ["某某区人民政府", "法定主动", "公开内容", "政策", "试点领域", "信息公开", "政府信息", "公开年报", "依申请", "公开", "政府网站", "年度报表", "地方部门", "链接"];
    const text = [...menu, "某某区人民政府关于印发某某区人民政府工作规则的通知", "发布日期:2022-01-21", "某政发〔2021〕25号", "各街道办事处,区直各部门:", "现将《某某区人民政府工作规则》印发给你们,请遵照执行。"].join("\n\n");
    const page = readPage(text);
    expect(page.title?.text).toBe("某某区人民政府关于印发某某区人民政府工作规则的通知");
    expect(page.publishedAt).toBe("2022-01-21");
    // a column's label ending in a colon (通知公告:) above the breadcrumb is chrome as well
    const rule = readPage("通知公告:\n制度建设当前位置:首页 > 自身建设 > 制度建设\n\n关于委员会全体会议请假的规定\n\n 发布时间:2008年11月29日  人气:\n委员应按时出席全体会议。");
    expect(rule.title?.text).toBe("关于委员会全体会议请假的规定");
  });

  it("takes the 原标题 over a reprint that shows no headline, and the headline when one stands over it", () => {
    const reprint = readPage("原标题:新一届政府第一次常务会议释放政策信号\n3月18日 国务院常务会议研究推进政府职能转变\n会议研究确定了工作分工。");
    expect(reprint.title?.text).toBe("新一届政府第一次常务会议释放政策信号");
    expect(reprint.regions.find((r) => r.text.startsWith("3月18日"))?.kind).toBe("article");
    const headed = readPage("常务会议释放政策信号\n原标题:新一届政府第一次常务会议释放政策信号\n会议研究确定了工作分工。");
    expect(headed.title?.text).toBe("常务会议释放政策信号");
  });

  it("never takes a news lead that opens with its dateline for the headline", () => {
    expect(readPage("某某日报济南3月21日讯 今天上午,省政协十一届三次\n主席会议召开。省政协主席主持会议并讲话。").title).toBeUndefined();
    expect(readPage("本报北京5月6日电 记者王明报道\n国务院新闻办公室今天举行发布会。").title).toBeUndefined();
    // 日电视 is not a dateline
    expect(readPage("5月6日电视台举办开放日活动\n\n5月6日,电视台举办开放日活动。").title?.text).toBe("5月6日电视台举办开放日活动");
  });

  it("reads a stamp line with an English label or a chrome word as metadata and its day as the publication date", () => {
    const page = readPage(" date 2025-09-29 快讯\n\n中共中央政治局开会决定四中全会10月20日召开\n\n中共中央政治局今天召开会议。");
    expect(page.title?.text).toBe("中共中央政治局开会决定四中全会10月20日召开");
    expect(page.publishedAt).toBe("2025-09-29");
    expect(page.regions[0]).toMatchObject({ kind: "metadata", text: "date 2025-09-29 快讯" });
    // a machine-written date opening the page's first line dates it
    expect(readPage("2026-01-08 中共中央政治局常务委员会今日召开会议。\n会议强调,要坚持党的领导。").publishedAt).toBe("2026-01-08");
    // so does a label the vocabulary lacks, ending in 时间, above the text
    expect(readPage("来源:某某网站\n浏览量:\n上传时间:2023-07-06\n7月5日,某某委员会召开会议。").publishedAt).toBe("2023-07-06");
    // but not a meeting's time inside a notice, nor a date written in 年月日 after such a label
    expect(readPage("关于召开工作会议的通知\n各部门:\n经研究,定于下周召开工作会议。\n会议时间:2023-05-17 9:00").publishedAt).toBeUndefined();
    expect(readPage("某某会议召开\n会议时间:2023年5月17日\n5月17日,某某会议召开。").publishedAt).toBeUndefined();
  });

  it("reads spaced table labels (文 号:) and keeps a bracket that belongs to the value", () => {
    const text = "| 发文日期: | 2022-03-07 | 发布部门: | 学校办公室 |\n| 文 号: | 院办发〔2022〕5号 | 文件名称: | 院办发〔2022〕5号(第十次校长办公会纪要) |\n2022年3月4日下午,学校召开校长办公会。";
    const page = readPage(text);
    expect(page.title?.text).toBe("院办发〔2022〕5号(第十次校长办公会纪要)");
    expect(text.slice(page.title!.start, page.title!.end)).toBe(page.title!.text);
    expect(page.regions[0]).toMatchObject({ kind: "metadata" });
    expect(page.regions[0]!.text.endsWith("纪要) |")).toBe(true);
    // a bracket around the field is not part of its value
    expect(readPage("学院召开党委会议\n【来源:学院办公室】\n5月17日,学院召开党委会议。").source).toBe("学院办公室");
  });

  it("dates a page by a stamp line with its weekday under the headline, not by an attachment's upload stamp", () => {
    const page = readPage("县政协召开主席会议\n2019年03月22日 星期五\n3月21日下午,县政协召开主席会议。");
    expect(page.title?.text).toBe("县政协召开主席会议");
    expect(page.publishedAt).toBe("2019-03-22");
    const forum = readPage("20170503100346.jpg (129.46 KB, 下载次数: 73)\n下载附件\n2017-5-3 19:43 上传\n4月28日下午,县指挥部召开调度会。");
    expect(forum.publishedAt).toBeUndefined();
  });

  it("reads an official document's masthead over its number as metadata, and its title under the number", () => {
    const text = "某某省人民政府办公厅文件\n\n某政办发〔2009〕24号\n\n某某省人民政府办公厅关于加强普通高等学校\n毕业生就业工作的通知\n\n各市州人民政府:\n现就有关问题通知如下:\n一、充分认识做好就业工作的重要性。\n\n某某省人民政府办公厅\n二〇〇九年三月十日";
    const page = readPage(text);
    expect(page.title?.text).toBe("某某省人民政府办公厅关于加强普通高等学校\n毕业生就业工作的通知");
    expect(page.regions[0]).toMatchObject({ kind: "metadata", text: "某某省人民政府办公厅文件\n\n某政办发〔2009〕24号" });
    expect(page.publishedAt).toBe("2009-03-10"); // the 落款 in Chinese numerals
    // a headline that ends in 文件 with no number under it stays the headline
    expect(readPage("学校印发三个管理文件\n\n3月5日,学校印发三个管理文件。").title?.text).toBe("学校印发三个管理文件");
  });

  it("reads the labels of older CMSs: 录入时间, 人气, 字体", () => {
    const page = readPage("县委召开常委会议\n录入时间:2011-2-17 8:42  人气:356  字体:【大】【中】【小】\n2月16日,县委召开常委会议。");
    expect(page.title?.text).toBe("县委召开常委会议");
    expect(page.publishedAt).toBe("2011-02-17");
    expect(page.views).toBe(356);
    expect(page.regions[1]).toMatchObject({ kind: "metadata" });
    // a font-size switch on its own line is page chrome, not article text
    const switched = readPage("2024-01-24 09:19\n来源:某某新闻\n字号\n\n全国检察长会议闭幕\n\n在圆满完成各项议程后,会议闭幕。\n【字号 大 中 小】");
    expect(switched.regions.filter((r) => r.kind === "metadata").map((r) => r.text)).toEqual(["2024-01-24 09:19\n来源:某某新闻\n字号", "【字号 大 中 小】"]);
    expect(switched.title?.text).toBe("全国检察长会议闭幕");
  });

  it("never takes an image line or a sentence cut after its comma for the headline", () => {
    expect(readPage("![](/__local/4/99/A4/0CCAB47E.jpg?e=.jpg)\n3月27日上午,学院开展党委中心组理论学习。学习会由党委书记主持。").title).toBeUndefined();
    expect(readPage("![](/upload/logo.png)\n学院召开党委中心组学习会\n发布时间:2015-03-27\n3月27日上午,学院开展学习。").title?.text).toBe("学院召开党委中心组学习会");
    expect(readPage("4月14日,\n党委理论学习中心组召开专题学习研讨会议。会议由宣传部部长主持。").title).toBeUndefined();
  });

  it("reads the column's name repeated under the breadcrumb as navigation, and leaves a list bullet out of the headline", () => {
    const text = "當前位置:首頁 >> 資訊中心 >> 學校要聞\n學校要聞\n  • 學院召開黨總支書記專題會議\n  •   瀏覽:16120   時間:2012年12月17日\n  • 12月14日上午,學院召開黨總支書記會議。";
    const page = readPage(text);
    expect(page.title?.text).toBe("學院召開黨總支書記專題會議");
    expect(page.column).toBe("學校要聞");
    expect(page.publishedAt).toBe("2012-12-17");
    // a breadcrumb that ends with the headline itself keeps it the headline
    const ending = readPage("首页 > 学院新闻 > 学院召开党委会议\n学院召开党委会议\n发布时间:2023-05-18\n5月17日,学院召开党委会议。");
    expect(ending.title?.text).toBe("学院召开党委会议");
  });

  it("reads an organ's masthead (…局文件) as metadata even without a document number under it", () => {
    const page = readPage("某某市文化局文件\n关于加强公共文化服务的指导意见\n各有关单位:\n现就加强公共文化服务提出以下意见。");
    expect(page.title?.text).toBe("关于加强公共文化服务的指导意见");
    expect(page.regions[0]).toMatchObject({ kind: "metadata", text: "某某市文化局文件" });
  });

  it("dates a notice by its 落款, not by the meeting's time inside it", () => {
    const text = "关于召开2021年全区体育工作会议的通知\n各乡镇人民政府:\n定于6月3日下午召开全区体育工作会议。现将有关事项通知如下:\n一、会议时间:\n2021年6月3日下午16:00\n二、会议地点:\n区政府第九会议室\n\n区体育局\n2021年6月2日";
    expect(readPage(text).publishedAt).toBe("2021-06-02");
  });

  it("dates a page by its address when its text gives no date, never after the reference date", () => {
    const text = "县政协召开主席会议\n\n3月4日下午,县政协召开主席会议。";
    const dated = (url: string, referenceDate?: string) => readPage(text, { url, ...(referenceDate ? { referenceDate } : {}) }).publishedAt;
    expect(dated("http://big5.www.gov.cn/gate/big5/www.gov.cn/gzdt/2009-09/22/content_1422951.htm")).toBe("2009-09-22");
    expect(dated("http://example.gov.cn/djycxwh/202409/t20240926_7381832.html")).toBe("2024-09-26");
    expect(dated("http://news.example.edu.cn/ywsd/system/2021/12/13/030049429.shtml")).toBe("2021-12-13");
    expect(dated("http://politics.example.com/BIG5/n/2013/0831/c1001-22759851-22.html")).toBe("2013-08-31");
    expect(dated("http://www.example.com/art/2025/1/9/art_45327_4273018.html")).toBe("2025-01-09");
    expect(dated("http://www.example.com/xwzx/001001/20230319/dfabf493.html")).toBe("2023-03-19");
    expect(dated("http://www.example.com/paper/pc/con/202501/09/content_493718.html")).toBe("2025-01-09");
    expect(dated("http://www.example.com/2021_07/20_19/content-331726.html")).toBeUndefined(); // not a date's shape
    expect(dated("http://www.example.com/news/2019/13/45/1.html")).toBeUndefined(); // no such day
    expect(dated("http://www.example.com/news/2019-03-04/1.html?date=2020-01-01", "2019-03-03")).toBeUndefined(); // after it was fetched
    expect(dated("https://www.example.com/info/1141/68172.htm")).toBeUndefined();
    // the page's own date line wins
    expect(readPage("县政协召开主席会议\n发布时间:2019-03-05\n3月4日下午,县政协召开主席会议。", { url: "http://x.cn/2019-03-08/1.html" }).publishedAt).toBe("2019-03-05");
  });

  itWithData("policy", "keeps an official document's 落款 date inside the text as article", () => {
    const text = policy("sc-guobanfa-2018-109.txt");
    const page = readPage(text);
    const signature = text.lastIndexOf("2018年11月");
    expect(page.regions.find((r) => r.start <= signature && signature < r.end)?.kind).toBe("article");
  });
});

describe("readPage on the header conventions of government, party, university, news and e-paper pages", () => {
  // one invented release under each convention: the headline and the day must come out whatever the chrome around them
  const HEADLINE = "县委常委会传达学习全国两会精神";
  const BODY =
    "3月4日上午，县委书记张三主持召开县委常委会会议，传达学习全国两会精神，研究部署我县贯彻落实工作。会议指出，要把思想和行动统一到中央决策部署上来。\n会议强调，要抓好各项工作落实，推动经济社会高质量发展。";
  const pages: [string, string, string][] = [
    ["a gov site: breadcrumb, 发布时间/来源/作者/浏览次数 line, 字号 大中小 and 打印/关闭 buttons, footer", `当前位置：首页 > 政务公开 > 通知公告\n${HEADLINE}\n发布时间：2024-03-05 10:20  来源：县政府办  作者：张三  浏览次数：1234\n【字号 大 中 小】 【打印】 【关闭】\n${BODY}\n主办：某县人民政府  版权所有`, "2024-03-05"],
    ["a news site: stamp line with its source, then a 新华社…电 dateline", `${HEADLINE}\n2024年03月05日 10:20  来源：新华网\n新华社北京3月5日电（记者 王五）${BODY}`, "2024-03-05"],
    ["a university: >> breadcrumb, 作者/来源/发布时间 2024/3/5/点击数 line", `学校首页 >> 新闻中心 >> 综合新闻\n${HEADLINE}\n作者：李四  来源：宣传部  发布时间：2024/3/5  点击数：356\n${BODY}`, "2024-03-05"],
    ["an e-paper: edition line, the day in Chinese numerals, a continuation note", `第01版：要闻\n${HEADLINE}\n二〇二四年三月五日\n${BODY}\n（下转四版）`, "2024-03-05"],
    ["【字体：大 中 小】 on its own line and a bare 时间： line", `${HEADLINE}\n【字体：大 中 小】\n时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["日期 with 字号 and 打印 关闭 on one line", `${HEADLINE}\n日期：2024年3月5日 字号：大 中 小 打印 关闭\n${BODY}`, "2024-03-05"],
    ["a two-digit year in a date field (24-03-05)", `${HEADLINE}\n发布日期：24-03-05\n${BODY}`, "2024-03-05"],
    ["the site's name over the headline, the day unlabelled between 来源 and 浏览", `某某县人民政府\n${HEADLINE}\n来源：县委办 | 2024-03-05 | 浏览：88\n${BODY}`, "2024-03-05"],
    ["the column 通知公告 over the headline, on the line right above it", `通知公告\n${HEADLINE}\n发布日期：2024-03-05\n${BODY}`, "2024-03-05"],
    ["a list page's day after the headline on its line", `${HEADLINE} 2024-03-05\n${BODY}`, "2024-03-05"],
    ["a byline row: the site's name and address, the day, then 来源", `${HEADLINE}\n某某县人民政府网 www.example.gov.cn   2024年03月05日   来源：县委办\n${BODY}`, "2024-03-05"],
    ["a menu scraped as bullets right over the headline, the column 通知公告 its last entry", `• 首页\n• 新闻中心\n• 通知公告\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["an English Updated: line", `${HEADLINE}\nUpdated: 2024-03-05 10:20\n${BODY}`, "2024-03-05"],
    ["chrome run into the headline's line: a tag (原创)", `原创\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["chrome run into the headline's line: a trail written with slashes", `首页 / 要闻 / 正文\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["chrome run into the headline's line: today's date with its weekday", `今天是：2024年3月6日 星期三\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["chrome run into the headline's line: an outlet's name, accessibility switches", `无障碍浏览 长者模式\n某某县融媒体中心\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["a row of buttons (打印本页 关闭窗口) over the headline", `分享到：\n打印本页 关闭窗口\n${HEADLINE}\n2024-03-05 来源：县融媒体中心\n${BODY}`, "2024-03-05"],
    ["【发布时间：】【来源：】 in brackets", `${HEADLINE}\n【发布时间：2024-03-05】【来源：县政府】\n${BODY}`, "2024-03-05"],
    ["a stamp with its weekday", `${HEADLINE}\n2024年3月5日 星期二\n${BODY}`, "2024-03-05"],
    ["日期： at the foot", `${HEADLINE}\n${BODY}\n（县委办公室）\n日期：2024-03-05`, "2024-03-05"],
    ["a 2024/3/5 line at the foot", `${HEADLINE}\n${BODY}\n某县委办\n2024/3/5`, "2024-03-05"],
    ["a 新华社…电 dateline without its year, fetched later that year (not the nearer day of next year)", `${HEADLINE}\n新华社北京3月5日电\n${BODY}`, "2024-03-05"],
    ["扫一扫在手机打开当前页 over the headline", `扫一扫在手机打开当前页\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["来源 with the day written in 年月日 after it", `${HEADLINE}\n来源：人民网－人民日报  2024年03月05日08:21\n${BODY}`, "2024-03-05"],
    ["a stamp followed by the font switch", `${HEADLINE}\n2024-03-05 【字体：大 中 小】\n${BODY}`, "2024-03-05"],
    ["a stamp followed by the publisher's name", `${HEADLINE}\n2024-03-05 10:20 某某县人民政府\n${BODY}`, "2024-03-05"],
    ["a column's name over the headline (县委动态)", `县委动态\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["an e-paper reader: 通版 buttons, 当前版:01版, the day with 上一版/下一版, 文章字数 under the headline", `通版阅读请点击:\n展开通版\n收缩通版\n当前版:01版\n发布日期:2024年03月05日 上一版  下一版\n${HEADLINE}\n文章字数:364\n${BODY}`, "2024-03-05"],
    ["an e-paper's edition without 第 (二版:要闻总第1495期 >…编印), 刊发日期 line", `二版:要闻总第1495期 >2024-03-05编印\n\n${HEADLINE}\n刊发日期:2024-03-05 阅读次数: 作者:xw\n${BODY}`, "2024-03-05"],
    ["a menu scraped as bullets, one with its blurb; a bulletin's issue and editor lines; 发布:… 时间:…", `• 医院主站\n  • 医院新闻 24小时更新医疗健康领域的要闻,打造最及时、最鲜活的资讯平台。\n    2024年03月 总第113期 主办:党委宣传部\n    本期责任编辑:王五\n    ${HEADLINE}\n    发布:党委宣传部 时间:2024-03-05\n${BODY}`, "2024-03-05"],
    ["a submenu written with blanks between its entries, the day as a bullet under the headline", `当前: 首页 > 新闻 > 医院要闻 > 正文\n医院要闻 科室快报 业界资讯 媒体关注 光荣榜\n${HEADLINE}\n  • 2024-03-05\n  • 张三┃李四\n${BODY}`, "2024-03-05"],
    ["a microblog's `author / stamp 发布` line under the headline", `-\n${HEADLINE}\n王五 / 2024-03-05 16:19 发布\n${BODY}`, "2024-03-05"],
    ["a document-sharing site's file card, its size line with a tag's source", `格式:pdf\n大小:<span class="size">296KB\n页数: 1页\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`, "2024-03-05"],
    ["a forum's printable page: 标题: … [打印本页], 作者/时间 line", `某某论坛\n\n标题: ${HEADLINE} [打印本页]\n\n作者: admin    时间: 2024-3-5 23:12:09\n${BODY}`, "2024-03-05"],
  ];
  it.each(pages)("%s", (_, text, day) => {
    const page = readPage(text, { referenceDate: "2024-12-01" });
    expectValidPage(text, page);
    expect([page.title?.text, page.publishedAt]).toEqual([HEADLINE, day]);
  });

  it("reads spaced table labels without a colon only for a table's labels, never a notice's spaced 时 间", () => {
    const text = `全县教育大会会议安排\n时  间 2024年3月5日上午9:00\n地  点 县委小礼堂\n参会人员：各乡镇、各学校主要负责人。\n某某县人民政府办公室\n2024年3月1日`;
    const page = readPage(text);
    expectValidPage(text, page);
    expect(page.regions.find((r) => r.text.includes("时  间"))?.kind).toBe("article");
    expect(page.publishedAt).toBe("2024-03-01");
  });

  it("reads a menu spaced out letter by letter as navigation, a document's title spaced so as the title", () => {
    const notice = "关 于 印 发 工 作 要 点 的 通 知\n各乡镇人民政府：\n现将《工作要点》印发给你们，请认真贯彻执行。";
    expect(readPage(notice).title?.text).toBe("关 于 印 发 工 作 要 点 的 通 知");
    const menu = `首     页 政 务 公 开 网 上 办 事 互 动 交 流\n${HEADLINE}\n发布时间：2024-03-05\n${BODY}`;
    expect(readPage(menu).regions[0]).toMatchObject({ kind: "navigation", text: "首     页 政 务 公 开 网 上 办 事 互 动 交 流" });
  });

  it("takes the first run that is not chrome for the headline of a page that gives no metadata line", () => {
    for (const chrome of ["原创", "某某县融媒体中心", "欢迎访问某某县人民政府网站！", "简体 | 繁體"]) {
      expect(readPage(`${chrome}\n\n${HEADLINE}\n\n${BODY}`).title?.text).toBe(HEADLINE);
    }
  });

  it("takes an e-paper's headline after the edition's index and navigation, and its day from the masthead line", () => {
    const lead = "本报讯（记者 张三）昨日下午，市委书记李四主持召开市委常委会会议，传达学习全省两会精神。会议指出，要把思想和行动统一到省委决策部署上来。";
    const indexed = `第A02版：要闻 上一版  下一版\n加快建设现代化产业体系\n市委常委会昨日召开会议\n全市安全生产工作会议召开\n返回主页 | 某某晚报 | 标题导航 | 某某日报\n上一期  下一期\n市委常委会昨日召开会议\n传达学习贯彻全省两会精神\n${lead}`;
    expect(readPage(indexed).title?.text).toBe("市委常委会昨日召开会议");
    expect(readPage(indexed).title?.start).toBe(indexed.lastIndexOf("市委常委会昨日召开会议"));
    const masthead = readPage(`某某日报 2024年03月05日 第01版\n版面导航\n市委常委会昨日召开会议\n${lead}`);
    expect([masthead.title?.text, masthead.publishedAt]).toEqual(["市委常委会昨日召开会议", "2024-03-05"]);
  });

  it("reads a meeting's name over two lines, the second opening with 暨, as one headline", () => {
    const page = readPage(`某县召开2024年全县经济工作会议\n暨优化营商环境大会\n发布时间：2024-03-05\n${BODY}`);
    expect(page.title?.text).toBe("某县召开2024年全县经济工作会议\n暨优化营商环境大会");
  });

  it("reads a photo page's captions and a byline over the text as no headline, and keeps a headline split by one blank", () => {
    // a carousel's captions (会议现场 / who does what) open the scrape; the headline stayed on the carousel
    const captions = readPage(`会议现场\n县委书记张三传达全国两会精神\n县长李四讲话\n${BODY}`);
    expect(captions.title).toBeUndefined();
    expect(readPage(`${HEADLINE}\n会议现场\n${BODY}`).title?.text).toBe(HEADLINE);
    const byline = readPage(`墨新闻|记者张三/台北报导\n\n${BODY}`);
    expect(byline.title).toBeUndefined();
    expect(byline.regions[0]).toMatchObject({ kind: "credits", text: "墨新闻|记者张三/台北报导" });
    expect(readPage(`联合报／ 特派记者王五／北京报导\n${BODY}`).title).toBeUndefined();
    // two parts are a headline, not a menu
    expect(readPage(`某县融媒体建设 现场会召开\n发布时间：2024-03-05\n${BODY}`).title?.text).toBe("某县融媒体建设 现场会召开");
  });

  it("reads a mirror's promotion, its summary and a compilation's entry heading as chrome over the headline", () => {
    // a WeChat account's promotion, the page's 摘要, the document number, then the notice's title over its text
    const mirror = readPage(`公众号:exam\n及时发布考试资讯\n分享考试技巧、复习经验\n摘要:2024年考试报名时间为3月5日。\n某人社考〔2024〕5号\n关于2024年度某某考试工作的通知\n各市人力资源和社会保障局:\n${BODY}`);
    expect(mirror.title?.text).toBe("关于2024年度某某考试工作的通知");
    const compiled = readPage(`第一篇:普及义务教育评估验收暂行办法[大全]\n普及义务教育评估验收暂行办法\n第一章 总则\n第一条 为保障普及义务教育，制定本办法。`);
    expect(compiled.title?.text).toBe("普及义务教育评估验收暂行办法");
    expect(readPage(`正文复制\n镇年终会议主持词\n同志们:\n${BODY}`).title?.text).toBe("镇年终会议主持词");
    // a summary that holds the whole text stays the text: the headline over it is still the headline
    const summary = readPage(`当前位置:首页 > 新闻\n\n${HEADLINE}\n\n发布日期:2024-03-05\n摘要:  ${BODY.split("\n")[0]}`);
    expect([summary.title?.text, summary.regions.at(-1)?.kind]).toEqual([HEADLINE, "article"]);
  });

  it("dates a page by a file name that is its time stamp (yyyyMMddHHmmss and a serial)", () => {
    expect(readPage(BODY, { url: "http://example.com/news/mj/2024030518122215788.htm", referenceDate: "2024-12-01" }).publishedAt).toBe("2024-03-05");
    // not a time of day after the eight digits: a serial, not a stamp
    expect(readPage(BODY, { url: "http://example.com/news/2024030599999999.htm", referenceDate: "2024-12-01" }).publishedAt).toBeUndefined();
  });

  it("does not date a page by an attachment's upload stamp under its headline", () => {
    expect(readPage(`${HEADLINE}\n2017-5-3 19:43 上传\n${BODY}`).publishedAt).toBeUndefined();
  });

  it("reads a menu's entry repeated over the headline (首页 | 新闻中心 / 新闻中心) as the column, not the headline", () => {
    const page = readPage(`首页 | 学校概况 | 新闻中心\n新闻中心\n我校召开2024年党风廉政建设工作会议\n发布者：党委宣传部 | 发布时间：2024-03-05 | 浏览次数：356\n${BODY}`);
    expect([page.title?.text, page.publishedAt, page.column]).toEqual(["我校召开2024年党风廉政建设工作会议", "2024-03-05", "新闻中心"]);
  });

  it("keeps an organ's name with 关于…的通知 as one broken title, and dates the notice by its 落款 in any form", () => {
    const notice = (signature: string) =>
      `某县人民政府办公室关于印发\n某县2024年重点工作任务分工方案的通知\n某政办发〔2024〕5号\n各乡镇人民政府，县政府各部门：\n现将方案印发给你们，请认真贯彻执行。\n某县人民政府办公室\n${signature}`;
    for (const signature of ["2024年3月5日", "二〇二四年三月五日", "2024-03-05"]) {
      const page = readPage(notice(signature));
      expect([page.title?.text, page.publishedAt]).toEqual(["某县人民政府办公室关于印发\n某县2024年重点工作任务分工方案的通知", "2024-03-05"]);
    }
  });
});

describe("contentRanges and pageStage", () => {
  it("returns the whole text without a page or with scope all", () => {
    const doc: Doc = { text: SEED, tokens: [], sentences: [] };
    expect(contentRanges(doc)).toEqual([{ start: 0, end: SEED.length, text: SEED }]);
    expect(contentRanges({ ...doc, page: readPage(SEED) }, "all")).toEqual([{ start: 0, end: SEED.length, text: SEED }]);
  });

  it("fills doc.page without touching the rest of the doc", () => {
    const doc: Doc = { text: SEED, tokens: [], sentences: [] };
    const context: StageContext = {
      config: { mode: "default", engine: "nodejieba", maxInputLength: 1e7, userWords: [], scope: "article", format: "auto" },
      segment: () => [],
      resources: resourcesWith(),
    };
    const next = pageStage.run(doc, context);
    expect(next).not.toBe(doc);
    expect(doc.page).toBeUndefined();
    expect(next.page?.publishedAt).toBe("2023-05-18");
    expect(pageStage).toMatchObject({ name: "page", writes: ["page"], reads: [] });
  });

  it("takes the page's address from the analyzer's url option", () => {
    const text = "县政协召开主席会议\n\n3月4日下午,县政协召开主席会议。";
    const options = { stages: ["segment", "sentences", "page"] } as const;
    expect(analyze(text, { ...options, url: "http://www.example.gov.cn/qynews/system/2019/03/04/031495131.shtml" }).page?.publishedAt).toBe("2019-03-04");
    expect(analyze(text, options).page?.publishedAt).toBeUndefined();
    expect(() => analyze(text, { url: 42 as unknown as string })).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
  });
});

describe("readPage on the heads of real CMS pages (dev part of test/fixtures/realworld)", () => {
  const dev = (id: string) => read(`./fixtures/realworld/dev/${id}.txt`);
  const RETRIEVED = { referenceDate: "2026-12-06" };
  // traditional-script pages go through the analyzer, which reads their simplified view
  const traditional = (id: string) => analyze(dev(id), RETRIEVED).page!;

  it("never takes a skip link (跳至主要內容) or a row of asterisks under the headline for chrome around it", () => {
    const page = traditional("t-506");
    expect(page.title?.text).toBe("立法會將辯論《施政報告》");
    expect(page.publishedAt).toBe("2018-11-05");
  });

  it("reads an ROC-calendar date (114年01月13日) and takes the headline under it when only section names stand above", () => {
    const page = traditional("t-508");
    expect(page.publishedAt).toBe("2025-01-13");
    expect(page.title?.text).toBe("總統接見鳳凰獎楷模 盼共同打造更全方位、更具韌性的防救災體系");
  });

  it("reads the viewing day over a portal's menus as chrome, and the bare stamp under the headline as its date", () => {
    const page = traditional("t-509");
    expect(page.title?.text).toBe("中市府陽明市政大樓新春聯合團拜 盧秀燕市長:讓市民家人繼續幸福");
    expect(page.publishedAt).toBe("2025-02-03");
  });

  it("reads a Taiwanese site's browser notice, weather and content-rating gate as chrome, and a stamp before the byline as the date", () => {
    expect(traditional("t-501")).toMatchObject({ title: { text: "因疫延宕2年 全國大學校長會議今雲林登場" }, publishedAt: "2022-01-13" });
    expect(traditional("t-502")).toMatchObject({ title: { text: "台中陽明市政大樓新春團拜 一級主管帶「姆明」宣傳中台灣燈會" }, publishedAt: "2026-02-23" });
  });

  it("takes the one line of a page kept as a list entry for its headline, but no word or name alone", () => {
    const text = read("./fixtures/realworld/dev/x-509.txt");
    expect(readPage(text).title?.text).toBe("伟德国际1946bv家庭经济困难学生认定办法(修订)");
    expect(readPage("学校召开会议").title).toBeUndefined();
    // the page's chrome around the entry (a browser title, buttons) leaves it the headline
    expect(readPage(`${text.trim()}_某某学院\n${text.trim()}\n打印本页 关闭窗口`).title?.text).toBe("伟德国际1946bv家庭经济困难学生认定办法(修订)");
  });

  it("reads a metadata row whose first cell is the column's name (澳門快訊 | 發佈時間: …)", () => {
    expect(traditional("t-505").publishedAt).toBe("2025-01-08");
  });

  it("finds no headline where a forum shows only its section, buttons and the poster's handle", () => {
    const page = traditional("t-510");
    expect(page.title).toBeUndefined();
    expect(page.publishedAt).toBe("2023-01-30");
  });

  it("reads the office under a news list's date as its source, not as the headline", () => {
    const page = traditional("t-503");
    expect(page.title).toBeUndefined();
    expect(page.publishedAt).toBe("2025-02-21");
  });

  it("reads a column's name with its English rendering beside it (MEDIA CENTER / 媒体中心) as navigation", () => {
    const text = dev("h-120");
    const page = readPage(text, RETRIEVED);
    expectValidPage(text, page);
    expect(page.title?.text).toBe("集团公司召开6月份月度工作推进会");
    expect(page.column).toBe("媒体中心");
  });

  it("reads metadata written as a dashed list entry, and a stamp before an unlabelled view count", () => {
    expect(readPage(dev("h-110"), RETRIEVED)).toMatchObject({ publishedAt: "2023-03-07", views: 2079 });
    expect(readPage(dev("h-115"), RETRIEVED)).toMatchObject({ publishedAt: "2010-01-06", title: { text: "区政府各部门积极参加清雪活动" } });
  });

  it("reads a disclosure table's spaced labels without colons: 名称 as the title, 上载日期 (posted) before 发文日期", () => {
    const text = dev("h-116");
    const page = readPage(text, RETRIEVED);
    expectValidPage(text, page);
    expect(page.publishedAt).toBe("2019-12-02");
    // the table's 名称 names the document; the link bar and the spaced menu over it are one navigation region
    expect(page.title?.text).toBe("齐齐哈尔市人民政府办公室关于印发《齐齐哈尔市政务云平台管理实施细则》等三个文件的通知");
    expect(page.regions[0]).toMatchObject({ kind: "navigation", text: expect.stringMatching(/^中国政府网 .*\n首 {5}页 政 务 公 开 .*走 进 鹤 城$/) });
  });

  it("takes the headline over its decks, not the deck naming who presided and attended", () => {
    const page = readPage(dev("m-706"), RETRIEVED);
    expect(page.title?.text).toBe("市委常委会召开扩大会议");
    expect(page.publishedAt).toBe("2020-01-27");
  });
});
