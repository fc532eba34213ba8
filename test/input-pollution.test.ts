import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import { tag } from "../src/index.js";
import type { Doc } from "../src/core/schema.js";
import { expectValidDoc, shown, shownTexts } from "./helpers/doc.js";
import { seedText } from "./helpers/data.js";
import { growth } from "./helpers/timing.js";
import { identityView } from "../src/core/view.js";
import { readPollution } from "../src/input/pollution.js";
import { findCompanyTitles } from "../src/input/company-titles.js";

const analyzer = createAnalyzer();
const kinds = (doc: Doc) => (doc.input?.pollution ?? []).map((p) => p.kind);
const PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,7}[)）]/u;

describe("pollution reader", () => {
  it("reports pinyin after characters on a real SEO mirror, with evidence on the input, and reads the text without it", () => {
    // dev part of the real-world corpus: a mirror of a Xinhua release with (guo) after characters and emoji
    const input = readFileSync("test/fixtures/realworld/dev/x-005.txt", "utf8");
    const doc = analyzer.analyze(input);
    expectValidDoc(doc);
    const pinyin = doc.input!.pollution!.find((p) => p.kind === "pinyin")!;
    expect(pinyin.count).toBeGreaterThan(100);
    expect(pinyin.evidence.slice(0, 3).map((e) => e.text)).toEqual(["(guo)", "(guo)", "(yuan)"]);
    for (const e of pinyin.evidence) expect(input.slice(e.start, e.end)).toBe(e.text);
    expect(doc.meeting?.chair).toMatchObject({ name: "李强", span: { text: "李(li)强", normalized: "李强" } });
    expect(shownTexts(doc).filter((t) => PINYIN.test(t))).toEqual([]);
    // a word keeps the pollution inside its range (the range is the input's); what lies between words is skipped
    expect(doc.tokens[0]).toMatchObject({ text: "国(guo)⛦(guo)务院(yuan)(yuan)总理", normalized: "国务院总理" });
    expect(doc.tokens.filter((t) => t.kind === "skipped").length).toBeGreaterThan(50);
  });

  it("reports a word written as tone-marked pinyin in place of its characters, and not a Latin-script language", () => {
    // dev item x-628: a novel site's copy of a forum's opening writes 中央 as zhōngyāng, glued into the sentence
    const doc = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-628.txt", "utf8"));
    expect(doc.input?.pollution?.find((p) => p.kind === "pinyin")?.evidence.map((e) => e.text)).toEqual(["zhōngyāng"]);
    expect(shownTexts(doc).filter((t) => PINYIN.test(t) || /ō/u.test(t))).toEqual([]);
    // dev item x-635: a Portuguese page writes its accents (plenária, Confúcio) apart from the Chinese
    expect(analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-635.txt", "utf8")).input?.pollution).toBeUndefined();
    // a toned run that spells no syllables, or one set apart by blanks, is not a reading
    expect(kinds(analyzer.analyze("来自Besançon的代表团和 Běijīng 代表出席。"))).toEqual([]);
  });

  it("reports bars fenced around one character of a word, and not a site's separator between words", () => {
    // dev item x-616: a novel site writes 城关镇丨党丨委书记 so that a filter does not find 党委
    const doc = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-616.txt", "utf8"));
    expect(doc.input?.pollution?.find((p) => p.kind === "emoji")?.evidence.map((e) => e.text)).toEqual(["丨", "丨"]);
    expect(shownTexts(doc).filter((t) => t.includes("丨"))).toEqual([]);
    expect(kinds(analyzer.analyze("新闻联播丨习近平出席会议｜两会丨代表委员热议"))).toEqual([]);
  });

  it("keeps pollution out of CMS tags: a tag is the text read", () => {
    const tags = tag("国(guo)务院(yuan)总理李(li)强(qiang)3月17日主(zhu)持召开国务院常务会议。");
    expect(tags.people.map((t) => t.tag)).toEqual(["李强"]);
    expect(tags.people[0]!.spans[0]).toEqual({ start: 16, end: 22, text: "李(li)强", normalized: "李强" });
    expect(tags.keywords.map((t) => t.tag).filter((t) => PINYIN.test(t))).toEqual([]);
  });

  it("reads tone-marked pinyin over traditional characters before the script is judged", () => {
    // the opening of a real mirror (dev part of the real-world corpus, x-003), with a date added before it
    const doc = analyzer.analyze("3月21日上午，省政協(xié)十一屆三次主席會議召開。省政協(xié)主席劉偉主持會(huì )議并講話。會(huì )議傳達(dá)學(xué)習(xí)了全國兩會精神。");
    expect(doc.input).toMatchObject({ script: "traditional", pollution: [{ kind: "pinyin", count: 7 }] });
    expect(doc.meeting?.chair).toMatchObject({ name: "劉偉", normalized: "刘伟" });
    // a tone-marked reading after a mirror's mojibake letter (dev item x-042) is pollution too
    const mojibake = analyzer.analyze("偩诸I(lǐng)導班子成員、各部門(mén)負責人出席會(huì)議(yì)。");
    expect(mojibake.input?.pollution?.[0]?.evidence.map((e) => e.text)).toEqual(["(lǐng)", "(mén)", "(huì)", "(yì)"]);
    // a mirror saved in GBK wrote ? for a character and for a reading's opening bracket (dev item x-418)
    const lost = analyzer.analyze("市委書(shū)記主持召開(kāi)會(huì)議,強(qiáng)調(diào)要?jiǎng)?chuàng)新機(jī)制。請問?是否");
    expect(lost.input?.pollution?.[0]?.evidence.map((e) => e.text)).toContain("?jiǎng)");
    expect(shownTexts(lost).filter((t) => PINYIN.test(t))).toEqual([]);
    // a question mark before an untoned word is no reading
    expect(analyzer.analyze("这是什么?ma)不是注音。").input?.pollution).toBeUndefined();
  });

  it("reports emoji, zero-width characters, width mixing and hijacked names", () => {
    expect(kinds(analyzer.analyze("国务院🎐总理李强✨主持召开国务院常务会议。"))).toEqual(["emoji"]);
    expect(kinds(analyzer.analyze("国务\u200b院总理李\u200d强主持召开会议。"))).toEqual(["invisible"]);
    const width = analyzer.analyze("2０23年GDＰ增长5%，20２4年目标6%。");
    expect(kinds(width)).toEqual(["width"]);
    expect(width.tokens.find((t) => t.text === "2０23年")?.normalized).toBe("2023年");
    // a betting site's string in place of a county's name (dev item x-004), reported where its words are
    const seo = analyzer.analyze("6月20日晚6时,开云手机官网入口·(中国)官方网站召开第七次常务会议。");
    expect(seo.input?.pollution).toEqual([{ kind: "seo", count: 1, score: 0.037, evidence: [{ start: 9, end: 26, text: "开云手机官网入口·(中国)官方网站" }] }]);
    expect(kinds(analyzer.analyze("全省体育彩票投注站一年365天照常营业。"))).toEqual([]);
  });

  it("reports hijacked names by class: site-string templates, brands beside a brand or before an institution's slot", () => {
    // dev items of the real-world corpus, each a different kind of hijack
    const evidence = (id: string) => {
      const doc = analyzer.analyze(readFileSync(`test/fixtures/realworld/dev/${id}.txt`, "utf8"));
      return doc.input?.pollution?.find((p) => p.kind === "seo")?.evidence.map((e) => e.text);
    };
    expect(evidence("x-057")).toEqual(["bwin必赢"]); // bwin必赢党委: a template word, and a brand before 党委
    expect(evidence("x-059")).toEqual(["伟德国际1946"]); // 伟德国际1946源于英国召开…: a brand before 召开
    expect(evidence("x-060")?.[1]).toBe("千亿体育在线(中国)官方网站"); // brand and template, five times
    expect(evidence("x-067")).toEqual(["|成人毛片无码一区二区三区"]); // a porn site's tags after a State Council headline
    expect(evidence("x-068")).toEqual(["021期10-03-40-06-39-20"]); // a lottery draw in a fake government document
    // a number brand written everywhere a county congress's name stood: 248365365公告, 《248365365议事规则》
    expect(evidence("x-050")?.slice(0, 3)).toEqual(["248365365", "248365365", "248365365"]);
    // the hijacked string is left out of the text read: the meeting is the 党委's, the decision the 方案's
    const seo = analyzer.analyze("4月26日下午,bwin必赢党委在综合实验楼召开意识形态工作专题会。会议审议通过了《开云手机官网入口·(中国)官方网站2022年乡村振兴实施方案》。");
    for (const e of seo.input!.pollution![0]!.evidence) expect(seo.text.slice(e.start, e.end)).toBe(e.text);
    expect(shownTexts(seo).filter((t) => /bwin|必赢|开云|官网/u.test(t))).toEqual([]);
    expect(seo.meeting?.decisions?.map(shown)).toEqual(["会议审议通过了《2022年乡村振兴实施方案》。"]);
  });

  it("reports a site string cut short, a casino's Latin domain name and a porn tag in traditional script", () => {
    const evidence = (text: string) => analyzer.analyze(text).input?.pollution?.find((p) => p.kind === "seo")?.evidence.map((e) => e.text);
    // dev items x-407, x-408, x-409 of the real-world corpus
    expect(evidence("开云(中国)官方成功举办全国中学健美操比赛。本次比赛是开云(中国)官方首次承接国家级赛事。")).toEqual(["开云(中国)官方", "开云(中国)官方"]);
    expect(evidence("当前位置: 大发dafa888_dafa888手机登录-官网 > 新闻中心 > 正文")).toEqual(["dafa888_dafa888手机登录-官网"]);
    expect(evidence("通过“党建引领無碼a片公共美育教育思政课程体系建设”介绍了课程思政建设情况。")).toEqual(["無碼a片"]);
    // porn tags appended to a mirrored release (dev item x-410), a brand before an institution's slot
    expect(evidence("牢固树立廉洁行医意识。\nA级毛片真人版,超碰最新免费上传,视频一区日韩无码")?.length).toBeGreaterThan(0);
    expect(evidence("新葡京党委召开会议。")).toEqual(["新葡京"]);
    expect(analyzer.analyze("打造国产品牌，推出精品。澳门新葡京酒店附近交通管制。").input?.pollution).toBeUndefined();
    // a traditional-script copy of a hijacked page writes the hijacker's words in traditional characters
    expect(evidence("開雲(中國)官方網站黨委召開會議。")).toEqual(["開雲(中國)官方網站"]);
    expect(analyzer.analyze("會議強調，要堅持開雲見日的信心。").input?.pollution).toBeUndefined();
    // a site's bars between names and between a hospital and its college are page furniture, not emoji
    expect(analyzer.analyze("恩施州中心医院│武汉大学恩施临床学院 祝您健康!\n铁强┃侯丹丹\n州长杨天然出席会议。").input?.pollution).toBeUndefined();
    // the planning of zone A, and the words of a notice that names an official site, are not hijacks
    expect(analyzer.analyze("A片区规划由市政府审议。请登录中国政府网官方网站查询。").input?.pollution).toBeUndefined();
  });

  it("gives the page's headline as its line is written: the reading after its last character, a hijacked name before it", () => {
    // dev items x-405 (a traditional mirror with readings) and x-407 (a hijacked college page)
    const mirror = readFileSync("test/fixtures/realworld/dev/x-405.txt", "utf8");
    const title = analyzer.analyze(mirror).page?.title;
    expect(title).toMatchObject({ start: 0, text: "第二屆周商大會(huì)籌備工作推進(jìn)會(huì)召開(kāi)", normalized: "第二届周商大会筹备工作推进会召开" });
    expect(mirror.slice(title!.start, title!.end)).toBe(title!.text);
    const hijacked = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-407.txt", "utf8")).page?.title;
    expect(hijacked?.text.startsWith("开云(中国)官方成功举办")).toBe(true);
    expect(hijacked?.normalized?.startsWith("成功举办")).toBe(true);
  });

  it("reads a megabyte of readings and gives the title the readings after it, in linear time", () => {
    // a title 召開 followed by a megabyte of readings, each one right after the one before: the title takes in them all
    const run = (text: string) => {
      const result = readPollution(identityView(text))!;
      return result.restore({ text, tokens: [], sentences: [], page: { regions: [], spam: [], title: { start: 0, end: 2, text: "召開" } } });
    };
    const make = (n: number) => `召開${"(kāi)(huì)".repeat(Math.ceil(n / 10))}`;
    expect(run(make(1_000)).page?.title?.end).toBe(make(1_000).length);
    expect(growth(run, make(100_000), make(1_000_000), { floorMs: 5 }).ratio).toBeLessThan(30);
    // a megabyte of each new pattern's near misses: fenced bars, codes before names, masked years, search phrases
    for (const make of [
      (n: number) => "中丨中丨".repeat(n / 4),
      (n: number) => "9728太阳太阳".repeat(n / 8),
      (n: number) => "1234567890".repeat(n / 10),
      (n: number) => "202x202x".repeat(n / 8),
      (n: number) => "十大正规游戏".repeat(n / 6),
    ]) {
      expect(growth((text) => readPollution(identityView(text)), make(100_000), make(1_000_000), { floorMs: 5 }).ratio).toBeLessThan(30);
    }
    // whole site strings, each glued to the next: every hit grew over the whole run (quadratic: 100,000 characters
    // took 84 s), and a megabyte of search phrases gave ~100,000 findings whose spread into push() overflowed the stack
    for (const make of [(n: number) => "官方官网".repeat(n / 4), (n: number) => "十大电子正规游戏网站".repeat(n / 10)]) {
      expect(growth((text) => readPollution(identityView(text)), make(100_000), make(1_000_000), { floorMs: 5 }).ratio).toBeLessThan(30);
    }
    const professors = (n: number) => "公司党委副书记经理董事长张三".repeat(n / 14);
    expect(growth(findCompanyTitles, professors(100_000), professors(1_000_000), { floorMs: 5 }).ratio).toBeLessThan(30);
    // a megabyte of tone-marked letters glued to characters: runs of 24 at most, each spelled in bounded time
    const toned = (n: number) => `中${"zhōngyāng".repeat(Math.ceil(n / 9))}中`;
    expect(growth((text) => readPollution(identityView(text)), toned(100_000), toned(1_000_000), { floorMs: 5 }).ratio).toBeLessThan(30);
  });

  it("does not read gambling news, sports bureaus, hotlines or a notice's login as a hijack", () => {
    for (const text of [
      readFileSync("test/fixtures/realworld/dev/m-190.txt", "utf8"), // 博彩 news: a gaming association's meeting
      readFileSync("test/fixtures/realworld/dev/p-060.txt", "utf8"), // a district's sports work meeting
      "请登录国家政务服务平台官方网站入口办理，或拨打12365热线。全年365天受理。",
      "投诉请拨打12365热线。12365热线全天受理，12365热线也受理咨询。",
      "市体育局党组召开会议，研究体育彩票公益金使用。澳门特区政府博彩监察协调局局长出席。",
      "会议强调，要坚持开云见日的信心。",
      "教练表示，必赢的比赛也要认真对待。",
    ]) {
      expect(analyzer.analyze(text).input?.pollution).toBeUndefined();
    }
  });

  it("reports a synonym-spun copy by its broken collocations and reads each as the collocation", () => {
    // dev item x-053: a SASAC release through a spinner (会议→聚会, 改革→刷新, 发展→生长, 负责→认真)
    const input = readFileSync("test/fixtures/realworld/dev/x-053.txt", "utf8");
    const doc = analyzer.analyze(input);
    expectValidDoc(doc);
    const spinning = doc.input!.pollution!.find((p) => p.kind === "spinning")!;
    expect(spinning.count).toBeGreaterThan(20);
    expect(spinning.evidence.slice(0, 3)).toEqual([
      { start: 0, end: 3, text: "泉源:", normalized: "来源:" },
      { start: 17, end: 22, text: "宣布时间:", normalized: "发布时间:" },
      { start: 61, end: 65, text: "圆桌聚会", normalized: "圆桌会议" },
    ]);
    for (const e of spinning.evidence) expect(input.slice(e.start, e.end)).toBe(e.text);
    expect(doc.tokens.find((t) => t.text === "圆桌聚会")?.normalized).toBe("圆桌会议");
    expect(shownTexts(doc).some((t) => t.includes("高质量生长"))).toBe(false);
    // a spun traditional page is read after the script reader (dev item x-062: 建设→創造)
    const tw = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-062.txt", "utf8"));
    expect(tw.input).toMatchObject({ script: "traditional", pollution: [{ kind: "spinning", count: 8 }] });
    expect(tw.input!.pollution![0]!.evidence[0]).toMatchObject({ text: "校園文化創造", normalized: "校园文化建设" });
  });

  it("reports a variant-character spinner by three different tells and reads each variant as its character", () => {
    // dev item x-424: 縂結, 分琯, 經騐, 蓡觀, 成勣, 複囌, 方曏 (opencc reads 侷 and 曏 itself, not 縂 or 琯)
    const doc = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-424.txt", "utf8"));
    const spinning = doc.input?.pollution?.find((p) => p.kind === "spinning");
    expect(spinning?.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(["縂", "琯", "騐", "蓡"]));
    expect(doc.tokens.filter((t) => t.text.includes("縂")).map(shown)).toContain("总结");
    for (const e of spinning!.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
    // Hong Kong's 滙豐 and Taiwan's 侷限 and 睏 are no spinner; nor is one rare character in a name
    for (const clean of ["滙豐銀行宣佈,市場侷限於本地,員工睏了。", "市長陳琯出席會議,強調要總結經驗。"]) {
      expect(analyzer.analyze(clean).input?.pollution).toBeUndefined();
    }
  });

  it("reports a variant spinner by its rate of characters official writing writes in no script, whatever its dictionary", () => {
    // x-424 also writes 裡, 遊, 佈, 複: characters outside dict/official-chars.txt that no known variant names
    const doc = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-424.txt", "utf8"));
    const rare = doc.input!.pollution!.find((p) => p.kind === "spinning")!.evidence.filter((e) => e.normalized === undefined);
    expect(rare.map((e) => e.text)).toEqual(expect.arrayContaining(["裡", "遊", "佈", "複"]));
    // eight rare characters in a short text: a spinner's rate, though none is a known variant
    const spun = "會議強調,要認眞紥實做好蒐集彙縂工作,推進鄕村振興,加強敎育,完善綫路,確保糧食安全。";
    expect(analyzer.analyze(spun).input?.pollution?.map((p) => p.kind)).toEqual(["spinning"]);
    // a CCTV item's seven rare-earth elements in a long report are no spinner (rate below 2%)
    const elements = `我国对钐、钆、铽、镝、镥、钪、钇等中重稀土相关物项实施出口管制措施。${"会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。".repeat(10)}`;
    expect(analyzer.analyze(elements).input?.pollution).toBeUndefined();
    // dev item x-637: a city's Japanese page writes its kanji in Japanese forms (経済, 込, 剣) between kana: its script
    expect(analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-637.txt", "utf8")).input?.pollution).toBeUndefined();
  });

  it("reports a company's words given to a college's professors and leaves them out of the text read", () => {
    // dev item x-610: a college's page rewritten by a site posing as a company (学院经理蒋永穆教授, 公司党委副书记何艺新教授)
    const doc = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-610.txt", "utf8"));
    const spinning = doc.input!.pollution!.find((p) => p.kind === "spinning")!;
    expect(spinning.evidence.map((e) => [e.text, e.normalized])).toEqual([["公司", undefined], ["经理", undefined], ["公司", undefined]]);
    // what they stood for is not known: the name and the college's words are read (党委副书记何艺新教授, 学院蒋永穆教授)
    expect(shownTexts(doc).filter((t) => /公司党委副书记|学院经理/u.test(t))).toEqual([]);
    expect(doc.summary.spans.map(shown).join("")).toContain("党委副书记何艺新教授");
    // one such person could be a company's head who teaches; a professor and a chairman side by side are two people
    for (const text of ["集团董事长张三教授出席。", "集团董事长王五、清华大学李四教授出席会议。"]) expect(kinds(analyzer.analyze(text))).toEqual([]);
  });

  it("needs two different broken collocations: one is a slip, and real words that look alike are none", () => {
    for (const text of [
      "会议在圆桌聚会厅召开，研究校园文化建设。",
      "要激发全民族文化创造活力，鼓励标新立异，让青少年健康生长。",
      "会议指出，要深化改革，推动高质量发展，保障能源资源安全。",
    ]) {
      expect(kinds(analyzer.analyze(text))).toEqual([]);
    }
  });

  it("reports a homophone-spun copy (正府, 汇议, 发站) and reads it as the text it copies: same meeting brief, summary and keywords", () => {
    // what a homophone spinner makes of the seed: each word swapped everywhere for one of the same sound
    const swaps = [["政府", "正府"], ["会议", "汇议"], ["发展", "发站"], ["党委", "当委"], ["书记", "书纪"], ["精神", "精伸"], ["领导", "领倒"]] as const;
    const seed = seedText();
    const spun = swaps.reduce((text, [word, homophone]) => text.split(word).join(homophone), seed);
    const [clean, doc] = [analyzer.analyze(seed), analyzer.analyze(spun)];
    expectValidDoc(doc);
    const spinning = doc.input!.pollution!.find((p) => p.kind === "spinning")!;
    expect(spinning.evidence.slice(0, 3).map((e) => [e.text, e.normalized])).toEqual([["当委", "党委"], ["汇议", "会议"], ["学院当委", "学院党委"]]);
    for (const e of spinning.evidence) expect(spun.slice(e.start, e.end)).toBe(e.text);
    // a span of the brief reads as its normalised text where that differs from what the input writes
    const read = (value: unknown) => JSON.stringify(value, (_, v: { text?: string; normalized?: string; start?: number }) => (v && typeof v === "object" && v.start !== undefined ? (v.normalized ?? v.text) : v));
    expect(clean.meeting?.chair?.name).toBe("雷承锋");
    expect(read(doc.meeting)).toBe(read(clean.meeting));
    expect(doc.summary?.text).toBe(clean.summary?.text);
    expect(doc.keywords?.map((k) => k.text)).toEqual(clean.keywords?.map((k) => k.text));
    // a spun page in traditional script is read after the script reader, its evidence in the input's script
    const tw = analyzer.analyze("3月4日，縣正府召開常務匯議，縣委書紀張三主持。會議強調，要推動經濟社會高質量發站。");
    expect(tw.input!.pollution![0]!.evidence.map((e) => [e.text, e.normalized])).toEqual([
      ["縣正府", "县政府"],
      ["常務匯議", "常务会议"],
      ["縣委書紀", "县委书记"],
      ["高質量發站", "高质量发展"],
    ]);
  });

  it("does not read words that meet across a boundary as homophones (应当委托, 正协同, 始发站, 大会仪式), nor one slip", () => {
    for (const text of [
      "项目测试应当委托具有法定资质的机构，供需两端正协同发力。",
      "列车从始发站开出，纪念大会仪式在广场举行，世纪伟人的故居对外开放。",
      "县政府召开常务会议，县正府办公室负责落实。",
    ]) {
      expect(kinds(analyzer.analyze(text))).toEqual([]);
    }
  });

  it("reports hijacked names by their shape when their brand is in no list: glued Latin runs, pinyin, codes, numbers", () => {
    const seo = (id: string) => {
      const doc = analyzer.analyze(readFileSync(`test/fixtures/realworld/dev/${id}.txt`, "utf8"));
      return { doc, evidence: doc.input?.pollution?.find((p) => p.kind === "seo")?.evidence.map((e) => e.text) };
    };
    // x-510: an English brand glued where the college's name stood, twice; grown over what stands beside both alike
    const english = seo("x-510");
    expect(english.evidence).toEqual(["williamhill英国", "williamhill英国"]);
    expect(shownTexts(english.doc).filter((t) => /williamhill/u.test(t))).toEqual([]);
    // x-501: a code (151amjs) glued four times, grown over the casino's name written after it each time
    expect(seo("x-501").evidence?.slice(0, 2)).toEqual(["151amjs澳金沙门", "151amjs澳金沙门"]);
    // x-507: a brand's pinyin glued before its Chinese, once: the name is the pinyin and its three characters
    expect(seo("x-507").evidence).toEqual(["jinnianhui今年会"]);
    expect(shownTexts(seo("x-507").doc).filter((t) => /jinnianhui|今年会/u.test(t))).toEqual([]);
    // x-509: a code beside a listed brand (伟德国际1946bv), once
    expect(seo("x-509").evidence).toEqual(["伟德国际1946bv"]);
    // x-610: a betting search phrase written into a congress's theme (…努力创建重点澳门十大电子正规游戏网站)
    expect(seo("x-610").evidence).toEqual(["澳门十大电子正规游戏网站"]);
    // x-614: a betting site's name line stuffed with access words (官方官网), grown over the company name it glues on
    expect(seo("x-614").evidence).toEqual(["OB体育官方官网·中国有限公司官方"]);
    // x-623, x-624: a casino's number code glued before its name, once (9728太阳集团主页地址) or in a planted question
    expect(seo("x-623").evidence).toEqual(["9728太阳集团"]);
    expect(seo("x-624").evidence).toEqual(["8455新葡萄娱乐场", "8455新葡萄娱乐场"]);
    // a year before an event's name, a quantity with its unit and a model's number are no codes
    expect(kinds(analyzer.analyze("2023中国国际大数据产业博览会开幕，1500多个职教集团参加，C919执飞国际航线。"))).toEqual([]);
    // x-504: a line of porn tags over a novel's chapter is left out whole, not only the tags that were found
    const tags = seo("x-504");
    expect(tags.evidence?.[0]).toBe("日韩片欧美片,亚洲激情五月,美女视频第一区二区三区免费观看网站,精品国产欧美一区二区五十路");
    expect(shownTexts(tags.doc).filter((t) => /欧美|激情/u.test(t))).toEqual([]);
    // x-058: a date before a brand is not a tag line; the date stays in the text read
    expect(seo("x-058").evidence).toEqual(["betway官网"]);
    // p-851: a search query planted in a copy's source line (来源:不详北京中科医院骗人 http://…)
    expect(seo("p-851").evidence).toEqual(["不详北京中科医院骗人"]);
    // x-511: a number where the name was, followed each time by a different word
    expect(seo("x-511").evidence?.slice(0, 3)).toEqual(["威尼斯5994", "威尼斯5994", "威尼斯5994"]);
    // what official writing glues: capitalised names, one letter, a slogan's word once, units, codes and years with their unit
    for (const text of [
      "视听新未来，央young新风尚。12306App上线，DeepSeek与TikTok发布，5g网络覆盖。",
      "拨打12345热线，12345热线已受理。全国119消防日，119消防宣传，119消防演练。",
      "国务院令第707号、第707号令，计满183天，满183天，满183天后。",
      "欢迎访问122cc太阳集成游戏!",
      // two syllables are the Latin names sites go by (the property below once glued 认真 after the seed's sogou)
      "Baidu\nsogou认真同志,baidu百度",
      // dev item t-557: a Latin word that closes its clause each time is slang, not a name (一圖get!, 一起來get!)
      readFileSync("test/fixtures/realworld/dev/t-557.txt", "utf8"),
    ]) {
      expect(analyzer.analyze(text).input?.pollution).toBeUndefined();
    }
  });

  it("leaves masks where names and years were, and a forum's jammer, out of the text read", () => {
    // dev item x-066: a township meeting script with 党 masked as X and the years as 20**
    const masked = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-066.txt", "utf8"));
    expect(masked.input?.pollution?.[0]).toMatchObject({ kind: "placeholder", count: 7 });
    expect(masked.input!.pollution![0]!.evidence.slice(0, 2).map((e) => e.text)).toEqual(["X", "20**"]);
    // no summary sentence, keyword or name shows a mask: 镇X委书记 is read as 镇委书记
    expect(masked.summary.spans.length).toBeGreaterThan(0);
    expect(shownTexts(masked).filter((t) => /X委|\*\*/u.test(t))).toEqual([]);
    expect(masked.summary.spans.map(shown).join("")).toContain("经镇委、政府研究决定");
    // dev item x-309: on a page that masks, a star pair after a comma is a mask too (`,**镇的文化体育工作`); on its own,
    // beside a line's start, it is markdown's bold (dev m-166: **南开新闻网讯**)
    const starred = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-309.txt", "utf8"));
    expect(shownTexts(starred).filter((t) => t.includes("**"))).toEqual([]);
    expect(analyzer.analyze(readFileSync("test/fixtures/realworld/dev/m-166.txt", "utf8")).input?.pollution).toBeUndefined();
    // dev items p-801 and p-110, a template site's documents: a masked year (20xx年, 202x年) is a mask, not a
    // hijacker's Latin name glued to the text
    const template = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/p-801.txt", "utf8"));
    expect(template.input?.pollution?.map((p) => [p.kind, p.evidence.map((e) => e.text)])).toEqual([["placeholder", ["20xx", "20xx"]]]);
    const digit = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/p-110.txt", "utf8")).input!.pollution!;
    expect(digit.map((p) => p.kind)).toEqual(["placeholder"]);
    expect(digit[0]!.evidence.map((e) => e.text)).toContain("202x");
    // a document that withholds an amount, and X-rays, are not masked copies
    expect(kinds(analyzer.analyze("国家每年拨付XXX元用于勘探，另拨XXX元，再拨XXX元。卫星做X射线和X光观测。"))).toEqual([]);
    // a masked year counts twice: two of them make a report, two masked names (XX报, XX新闻 in a CCTV item) do not
    expect(kinds(analyzer.analyze("即将过去的20XX年，是我镇加快发展的一年。回顾20**年，成绩显著。"))).toEqual(["placeholder"]);
    expect(kinds(analyzer.analyze("一些网络账号以“XX报”“XX新闻”等名义发布信息。"))).toEqual([]);
    expect(kinds(analyzer.analyze("即将过去的20XX年，是我镇加快发展的一年。"))).toEqual([]);
    // dev item x-069: a Discuz jammer between the lines of an article
    const input = readFileSync("test/fixtures/realworld/dev/x-069.txt", "utf8");
    const jammed = analyzer.analyze(input);
    expect(jammed.input?.pollution?.[0]).toMatchObject({ kind: "jammer", count: 14 });
    expect(shownTexts(jammed).filter((t) => /[A-Za-z][%#^;]/u.test(t))).toEqual([]);
    expect(jammed.tokens.filter((t) => t.kind !== "skipped").map(shown).join("")).not.toContain("W%");
    // dev item x-305: a phpwind jammer opens each line with one scrap (` |L-- j    (1) 个人报名`)
    const scraps = analyzer.analyze(readFileSync("test/fixtures/realworld/dev/x-305.txt", "utf8"));
    const jammer = scraps.input!.pollution!.find((p) => p.kind === "jammer")!;
    // (a scrap of letters alone, YxA nh, could be a name: only scraps with a symbol count)
    expect(jammer.evidence.slice(0, 3).map((e) => e.text)).toEqual(["|L-- j", 'zx"0^r}', "gq~`!tW'"]);
    expect(scraps.tokens.map(shown).join("")).not.toContain("|L--");
    // list markers and abbreviations set off at the start of lines are text
    expect(kinds(analyzer.analyze("(1)    个人报名\n(2)    集体报名\nA.    网上报名\nGDP    增长5%\nC-919    首飞成功\nQ&A    问答"))).toEqual([]);
  });

  it("reports emoji a mirror puts before a clause's punctuation", () => {
    const doc = analyzer.analyze("中共中央政治局4月30日召开会议🐴🤛，决定召开全会✸。总书记考察调研🧎⏬，听取意见。");
    expect(doc.input?.pollution).toMatchObject([{ kind: "emoji", count: 5 }]);
  });

  it("flags nothing in clean text: the seed, bilingual names, list markers, ○ as zero, one stray zero-width space", () => {
    for (const text of [
      seedText(),
      "北京(Beijing)、上海(Shanghai)和广州(Guangzhou)的代表出席会议。",
      "条款(a)、条款(a)和附件(a)另有规定；长度(m)与重量(kg)。",
      "二○二三年五月十七日，会议在北京召开。气温25℃。",
      "学院召开\u200b会议。★新闻★",
      "全年ＧＤＰ增长５．２％，２０２３年目标实现。",
    ]) {
      expect(analyzer.analyze(text).input?.pollution).toBeUndefined();
    }
  });

  it("keeps every span exact through random injections into real text, and reads the clean text (property)", () => {
    const seed = seedText();
    const sentences = seed.split(/(?<=。)/u).filter((s) => s.length > 10).slice(0, 30);
    const insert = fc.constantFrom("(guo)", "(qū)", "（huì）", "🎐", "✨", "\u200b", "\u202e", "(yi)(yi)");
    const segmenter = createAnalyzer({ stages: ["segment", "sentences", "entities"] });
    fc.assert(
      fc.property(fc.nat(sentences.length - 1), fc.array(fc.tuple(fc.nat(), insert), { minLength: 6, maxLength: 30 }), (k, injections) => {
        const clean = sentences[k]!;
        const chars = [...clean];
        const han = chars.flatMap((c, i) => (/\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(chars[i + 1] ?? "") ? [i] : []));
        for (const [at, what] of injections) chars[han[at % han.length]!] += what;
        const input = chars.join("");
        const doc = segmenter.analyze(input);
        expectValidDoc(doc);
        const flagged = doc.input?.pollution !== undefined;
        if (flagged && doc.input!.pollution!.length === new Set(injections.map(([, what]) => kindOf(what))).size) {
          expect(doc.tokens.filter((t) => t.kind !== "skipped").map(shown).join("")).toBe(clean);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps every span exact when spun collocations are written into real text, and reads the collocations (property)", () => {
    const sentences = seedText().split(/(?<=。)/u).filter((s) => s.length > 10).slice(0, 30);
    const spun = fc.constantFrom(["圆桌聚会", "圆桌会议"], ["深化刷新", "深化改革"], ["鼎力大举", "大力"], ["认真同志", "负责同志"], ["泉源：", "来源："]);
    const segmenter = createAnalyzer({ stages: ["segment", "sentences", "entities"] });
    fc.assert(
      fc.property(fc.nat(sentences.length - 1), fc.array(fc.tuple(fc.nat(), spun), { minLength: 2, maxLength: 8 }), (k, insertions) => {
        const chars = [...sentences[k]!];
        for (const [at, [written]] of insertions) chars[at % chars.length] += written;
        const doc = segmenter.analyze(chars.join(""));
        expectValidDoc(doc);
        if (new Set(insertions.map(([, [written]]) => written)).size >= 2) {
          const read = doc.tokens.map(shown).join("");
          for (const [, [, collocation]] of insertions) expect(read).toContain(collocation);
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** The pollution kind an injected string is. */
const kindOf = (what: string) => (what.startsWith("(") || what.startsWith("（") ? "pinyin" : /[\u200b\u202e]/u.test(what) ? "invisible" : "emoji");
