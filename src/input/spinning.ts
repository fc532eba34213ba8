/**
 * The spinning reader: SEO copy sites run an official text through a synonym spinner ("伪原创") that swaps words for
 * dictionary synonyms one at a time (会议→聚会, 发展→生长, 改革→刷新, 负责→认真, 建设→创造, 核心→焦点). Each swap alone
 * can be a word of Chinese, but inside the fixed collocations of official writing it makes a phrase no official text
 * uses: 圆桌聚会, 高质量生长, 深化刷新, 认真同志, 校园文化创造. The reader looks for those broken collocations in the
 * simplified view (it runs after the script reader, so a spun traditional page is read too), reports them as
 * `spinning` and puts the collocation back in the view the stages read (圆桌聚会 is read as 圆桌会议).
 *
 * A homophone spinner works the same way with characters of the same sound (政府→正府, 会议→汇议, 发展→发站): read
 * in the same collocations and reported the same way.
 *
 * A site posing as a company swaps a college's words for its own (学院经理蒋永穆教授): company-titles.ts finds those.
 *
 * A report needs two different broken collocations: one could be a writer's slip, two are a spinner's dictionary.
 * None of them occurs in the 19,541 CCTV items, the policy documents or the seed (bench/pollution-flags.ts).
 */
import type { InputInfo, Span } from "../core/schema.js";
import { ViewBuilder, inputEnd, inputStart, type TextView, type ViewStep } from "../core/view.js";
import { PairIndex } from "../core/chars.js";
import { StringSet } from "../core/words.js";
import { readDictLines } from "../dict.js";
import { findCompanyTitles } from "./company-titles.js";

/**
 * Collocations and what a spinner writes for one of their words: `[before, word, spun, after]` stands for every
 * `before + spun` and every `spun + after` (read as `before + word`, `word + after`).
 */
const COLLOCATIONS: readonly (readonly [readonly string[], string, readonly string[], readonly string[]])[] = [
  [
    ["常务", "全体", "工作", "专题", "圆桌", "联席", "办公", "调度", "推进", "动员", "部署", "党组", "常委", "座谈", "视频", "电话"],
    "会议",
    ["聚会", "集会"],
    ["精神", "强调", "指出", "审议", "听取", "认为", "传达", "议定", "纪要", "议程"],
  ],
  [["政府", "重点", "各项", "当前", "下一步", "日常", "本职", "三夏"], "工作", ["事情"], ["会议", "部署", "步伐", "报告", "职员", "人员", "作风", "机制", "方案", "任务", "成效"]],
  [["三夏", "政府"], "工作", ["事业"], ["会议", "司令部", "部署", "职员", "作风"]],
  [["高质量", "经济社会", "刷新", "改革", "可持续", "可一连", "立异", "协调", "企业", "工业"], "发展", ["生长"], ["战略", "理念", "规划", "成果", "新局面"]],
  [["深化", "企业", "国企", "制度", "体制"], "改革", ["刷新"], ["开放", "生长", "发展", "立异", "创新", "事情", "措施", "使命", "举措"]],
  [["主要", "有关"], "负责", ["认真"], ["同志"]],
  [["要害", "关键"], "核心", ["焦点"], ["竞争力", "手艺", "技术", "功效", "价值观"]],
  [[], "关键", ["要害"], ["焦点", "手艺", "核心技术"]],
  [["科学", "要害", "焦点"], "技术", ["手艺"], ["立异", "攻关"]],
  [["科技", "手艺", "刷新", "自主", "技术", "制度"], "创新", ["立异"], ["驱动", "生长", "能力", "体系", "发展"]],
  [["能源资源", "粮食", "国家", "能源", "生产", "食品"], "安全", ["清静"], ["生产", "稳定", "形势"]],
  [["能源资源", "粮食", "国家"], "安全", ["宁静"], ["生产"]],
  [[], "传统", ["古板"], ["制造业", "产业", "工业"]],
  [[""], "大力", ["鼎力大举"], []],
  [["党的"], "建设", ["修建", "扶植"], []],
  [["校园文化", "企业文化", "廉政文化", "走廊文化", "系部文化", "生态文明", "精神文明", "廉政", "作风", "班子", "队伍", "法治"], "建设", ["修建", "扶植", "创造"], []],
  [[], "发布", ["宣布"], ["时间:", "时间：", "日期:", "日期："]],
  [[], "来源", ["泉源"], [":", "："]],
  [["决策", "事情", "工作"], "部署", ["摆设"], []],
  [[], "积极", ["起劲"], ["推进", "战胜", "资助", "应对", "作为"]],
  [["主要", "重要"], "论述", ["叙述"], ["精神"]],
  [[], "不利", ["倒运"], ["影响"]],
  [["市级", "县级", "省级", "校级"], "领导", ["带领"], []],
  [["主要", "市级", "县级", "省级", "分管"], "领导", ["向导"], ["干部", "班子", "小组"]],
  [["会议"], "强调", ["夸大"], []],
  [["突出"], "问题", ["题目"], ["导向", "清单"]],
  [["人民"], "群众", ["民众"], []],
  [["党"], "中央", ["中心"], ["决策部署", "精神"]],
  [["为人民", "政务", "公共"], "服务", ["效劳"], ["保障", "体系", "群众"]],
  [["民生", "服务", "有力"], "保障", ["包管"], ["能源", "民生", "体系", "机制"]],
  [[], "有效", ["有用"], ["维护", "推进", "防范", "应对", "落实", "衔接"]],
  [["充分"], "肯定", ["一定"], []],
  [[], "广大", ["宽大"], ["干部", "党员", "人民群众", "职工", "农民", "青年"]],
  [[], "目前", ["目今"], ["企业", "经济", "形势"]],
  [[], "机遇", ["时机"], ["和挑战", "与挑战"]],
  [["战略性新兴"], "产业", ["工业", "财富"], ["链供应链"]],
  [[], "重要", ["主要"], ["讲话精神", "指示精神"]],
  [["主题", "党史学习", "思想政治", "警示"], "教育", ["教诲"], ["实践活动"]],
  [[""], "关注", ["存眷"], []],
  [[], "参加", ["插手"], ["会议", "培训"]],
  [[], "围绕", ["环绕"], ["中心工作", "主题", "目标任务", "党中央"]],
  [["谋"], "发展", ["生长"], []],
];

/** The levels of government and the units that put their name before an organ (县政府, 镇党委, 校党委). */
const LEVELS = ["国", "省", "市", "州", "县", "区", "镇", "乡", "村", "校", "院", "局", "全国", "街道", "人民"];

/**
 * Homophone spinning: the copy keeps each word's sound and changes one of its characters (政府→正府, 会议→汇议,
 * 发展→发站, 党委→当委), so that a duplicate-text filter does not match it. Read in the collocations official text
 * writes them in, as the synonyms above: 正协 alone is also 正协同, 当委 应当委托, 发站 始发站, but 县正协, 镇当委,
 * 高质量发站 are written by no one but a spinner. Same shape as {@link COLLOCATIONS}; `[""]` is the word anywhere.
 */
const HOMOPHONES: readonly (readonly [readonly string[], string, readonly string[], readonly string[]])[] = [
  [[...LEVELS, "地方", "各级"], "政府", ["正府", "政付", "整府", "症府", "政俯"], ["工作", "常务", "办公室", "党组", "领导", "部门", "机关", "网站"]],
  [[...LEVELS], "政协", ["正协", "政斜", "整协"], ["委员", "主席", "副主席", "常委", "会议", "秘书长", "机关"]],
  [[...LEVELS, "学院", "学校", "公司", "集团", "机关"], "党委", ["当委", "党卫", "党伟", "挡委", "档委"], ["书记", "副书记", "委员", "常委", "会议", "中心组", "班子", "办公室"]],
  [["政府", "机关"], "党组", ["当组", "挡组"], ["书记", "成员", "会议", "理论学习"]],
  [["抓", "机关", "基层", "加强"], "党建", ["当建", "挡建", "党健"], ["工作", "引领", "品牌", "阵地"]],
  [["党委", "党组", "县委", "市委", "省委", "支部", "总", "副"], "书记", ["书纪", "书计", "书既", "书技"], ["主持", "强调", "指出", "讲话", "要求"]],
  [
    ["常务", "全体", "工作", "专题", "党组", "常委", "办公", "推进", "动员", "部署", "座谈", "视频", "电话", "联席", "调度", "召开"],
    "会议",
    ["汇议", "会仪", "惠议", "绘议", "汇仪"],
    ["精神", "强调", "指出", "审议", "听取", "要求", "认为", "传达", "纪要", "议程"],
  ],
  [["重点", "各项", "政府", "党建", "日常", "当前", "中心"], "工作", ["工做", "公作", "攻作"], ["会议", "部署", "报告", "要求", "作风", "机制", "任务", "领导小组", "方案"]],
  [
    ["高质量", "经济社会", "可持续", "协调", "绿色", "融合", "科学", "加快", "推动", "促进", "谋"],
    "发展",
    ["发站", "发战", "伐展", "发斩", "发崭"],
    ["理念", "战略", "规划", "成果", "新局面", "目标", "格局", "动能"],
  ],
  [["党的", "基础设施", "法治", "生态文明", "精神文明", "作风", "队伍", "班子", "现代化", "项目"], "建设", ["见设", "健设", "建舍", "建摄"], ["工作", "进度", "成效", "任务", "规划"]],
  [["深化", "体制", "制度", "综合"], "改革", ["改格", "该革", "改隔"], ["开放", "发展", "创新", "任务", "举措", "措施", "成果", "试点"]],
  [["国民", "宏观", "实体", "数字", "县域", "区域", "民营"], "经济", ["经挤", "经继", "京济", "经剂"], ["发展", "社会", "运行", "工作", "增长", "形势", "结构"]],
  [["人民", "广大", "基层", "干部"], "群众", ["群重", "裙众", "群种"], ["路线", "工作", "利益", "满意", "反映", "来信", "身边"]],
  [["领导", "党员", "基层", "年轻", "机关"], "干部", ["干布", "赶部", "干步"], ["群众", "职工", "队伍", "作风", "培训", "大会"]],
  [["学习", "认真", "深入", "全面", "坚决"], "贯彻", ["贯澈", "惯彻", "贯撤"], ["落实", "执行", "新发展理念"]],
  [["会议", "讲话", "全会", "指示", "文件"], "精神", ["精伸", "精身"], ["实质", "要义", "内涵"]],
  [["坚强", "党的", "县", "市", "省", "校", "主要", "分管", "组织"], "领导", ["领倒", "岭导", "领岛"], ["班子", "小组", "干部", "讲话", "同志"]],
  [["书记", "县长", "市长", "主任", "院长", "校长"], "主持", ["主池", "煮持", "主驰"], ["召开", "会议"]],
  [["会议", "书记", "特别", "重点"], "强调", ["强掉", "墙调", "强吊"], []],
  [["扎实", "稳步", "加快", "全面", "深入", "有序", "协同", "统筹"], "推进", ["推近", "推劲", "推尽"], ["会", "工作", "落实", "实施"]],
  [["各项", "有关", "惠民", "优惠", "扶持", "支持", "产业", "相关"], "政策", ["正策", "政册"], ["措施", "落实", "文件", "体系", "解读", "宣传"]],
  [["党"], "中央", ["中秧", "钟央", "中殃"], ["决策部署", "精神", "政治局", "委员会", "军委"]],
  [["总书记"], "习近平", ["习近萍", "习进平", "习近瓶", "习劲平"], ["总书记", "同志", "新时代"]],
  [[], "国务院", ["国务元", "国物院"], ["总理", "常务会议", "办公厅", "关于", "印发"]],
  [["经济", "和谐", "全"], "社会", ["社汇", "设会", "社绘"], ["主义", "治理", "稳定", "保障", "组织"]],
  [["政务", "公共", "为人民", "便民", "优质"], "服务", ["服物", "福务", "服雾"], ["群众", "保障", "体系", "中心", "水平", "质量"]],
  [["党", "基层党", "精心", "党的"], "组织", ["阻织"], ["部", "生活会", "建设", "领导", "实施", "开展"]],
  [["生产", "粮食", "国家", "食品", "能源", "公共"], "安全", ["安泉"], ["生产", "稳定", "隐患", "监管", "形势"]],
  [["科技", "自主", "制度"], "创新", ["创心", "创欣"], ["驱动", "能力", "体系", "发展"]],
  [[""], "乡村振兴", ["乡村振新", "乡村震兴"], []],
  [["县", "市", "省", "镇", "区"], "纪委", ["纪伟", "记委"], ["书记", "监委", "常委"]],
  [[], "人大", ["人达"], ["常委会"]],
  [["县委", "市委", "省委", "党委"], "常委", ["常伟", "长委"], ["会议", "扩大会议"]],
  [["政协", "党委", "常委", "纪委"], "委员", ["伟员"], []],
  [["特色社会主义", "党的", "解放"], "思想", ["思响", "丝想"], ["政治", "建设", "武装", "教育", "认识"]],
  [["讲", "提高"], "政治", ["正治"], ["站位", "建设", "责任", "意识", "生态", "判断力", "领悟力", "执行力"]],
];

/** Every broken collocation and the collocation it stands for. */
const SPUN = new Map<string, string>();
/** The homophone corruptions (正府) and their words (政府): on a page shown to be spun, read wherever they stand. */
const CORRUPTIONS = new Map<string, string>();
/**
 * Where each broken collocation breaks, a part of it that official text hardly writes: a synonym with the character
 * before it (圆桌聚会: 桌聚会) or its last two with the character after it (刷新发展: 刷新发), a homophone's changed
 * character with its neighbour (正府, 近萍 in 习近萍). A text with none of them holds no broken collocation (3.3% of the
 * CCTV items hold one, mostly 要认真), and the scan for the collocations is skipped.
 */
const BREAKS = new Set<string>();
/** The changed character of a homophone `corruption` of `word` with the one after it (the one before, at the end). */
function changedPair(corruption: string, word: string): string {
  let k = 0;
  while (k < corruption.length - 1 && corruption[k] === word[k]) k++;
  return k + 1 < corruption.length ? corruption.slice(k, k + 2) : corruption.slice(k - 1, k + 1);
}
for (const [table, homophones] of [[COLLOCATIONS, false], [HOMOPHONES, true]] as const) {
  for (const [before, word, spun, after] of table) {
    for (const synonym of spun) {
      for (const b of before) SPUN.set(b + synonym, b + word);
      for (const a of after) SPUN.set(synonym + a, word + a);
      if (homophones) {
        CORRUPTIONS.set(synonym, word);
        BREAKS.add(changedPair(synonym, word));
        continue;
      }
      for (const b of before) BREAKS.add(b === "" ? synonym : b.at(-1)! + synonym.slice(0, 2));
      for (const a of after) BREAKS.add(synonym.slice(-2) + a[0]);
    }
  }
}
const BREAK_INDEX = new PairIndex([...BREAKS].map((tell) => [tell, 1] as const));
/**
 * Corruptions that clean text also writes across two words (应当委托, 正协同, 始发站, 大会仪式, 建设会议, 世纪伟人, 个人达到,
 * 部长委员会, 人群重新, 已经挤, 松赞干布, 平安泉州, 习惯彻底, 引发战争, 步伐展现): read alone only where the page used
 * them in a collocation first.
 */
const ACROSS_WORDS = new Set(["正协", "当委", "当建", "当组", "发站", "发战", "伐展", "会仪", "设会", "纪伟", "记委", "人达", "长委", "群重", "经挤", "干布", "安泉", "惯彻"]);

/** The broken collocations: the longest at each position, so that 要害焦点手艺 is read before 焦点手艺. */
const SPUN_STRINGS = new StringSet(SPUN.keys());

/**
 * Writes `collocation` for the broken one at `from`, character by character (a collocation is never longer than what
 * the spinner wrote), so that the words read over it map to disjoint input ranges: 圆桌聚会 is kept as 圆桌 and read
 * as 会议 over 聚会; the last character of a shorter collocation takes the rest (鼎力大举 is read as 大 over 鼎, 力 over 力大举).
 */
function readAs(builder: ViewBuilder, collocation: string, spun: string, from: number): void {
  for (let k = 0; k < collocation.length; k++) {
    const end = k === collocation.length - 1 ? from + spun.length : from + k + 1;
    if (collocation[k] === spun[k] && end === from + k + 1) builder.keep(from + k, end);
    else builder.put(collocation[k]!, from + k, end);
  }
}

/** Fewest different broken collocations that make a report. */
const MIN_DISTINCT = 2;
const MAX_EVIDENCE = 50;

/**
 * A variant-character spinner writes a rare variant for a common character (縂结 for 总结, 分琯 for 分管, 鄕镇, 经騐, 蓡观,
 * 成勣, 复囌, 方曏, 掌控侷, 滙报): the script reader reads a few of them (侷 → 局), the others break the words they stand
 * in. Each is read as the character it stands for, `勣` also as the character opencc makes of it.
 */
const VARIANTS = new Map([..."縂总琯管鄕乡騐验蓡参勣绩囌苏曏向侷局滙汇睏困"].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!] as const] : [])));
VARIANTS.set("\u{2a7dd}", "绩");
/**
 * The variants that make a report: written in no clean text, simplified or traditional (侷限, 滙豐 and 睏 are Taiwan's
 * and Hong Kong's, read only on a page that shows these); a page needs three different ones, as a name may hold one.
 */
const VARIANT_TELLS = new Set([..."縂琯鄕騐蓡勣囌曏"]);
const MIN_VARIANT_TELLS = 3;

const VARIANT_IN_VIEW = new RegExp(`[${[...VARIANTS.keys()].join("")}]`, "gu");

/**
 * A variant spinner's characters in the input, when it writes three different tells or more; else none. Called only
 * where the {@link firstPass} saw a tell (never on a clean simplified text).
 */
function variantsIn(input: string): { start: number; text: string }[] {
  const tells = new Set<string>();
  const found: { start: number; text: string }[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (!VARIANTS.has(c)) continue;
    if (VARIANT_TELLS.has(c)) tells.add(c);
    found.push({ start: i, text: c });
  }
  return tells.size >= MIN_VARIANT_TELLS ? found : [];
}

/**
 * A variant spinner is also known by its rate, whatever its dictionary: the characters of a page that official writing
 * writes in neither script (outside `dict/official-chars.txt`: the characters of the 19,541 CCTV items and opencc's
 * traditional forms of them). Clean pages write a few (a name, a species, rare-earth elements: 钐钆铽镝镥钪钇 is 7 in a
 * CCTV item, and at most 7 in an item of a half of the items the set was not built from); the spun chapter of x-424
 * writes 15 different ones, 4.6% of its characters. A page is reported when it writes {@link MIN_RARE_DISTINCT}
 * different ones or more and they are {@link MIN_RARE_SHARE} of its Chinese characters; those the spinner's known
 * variants do not name are reported, not read differently.
 */
const OFFICIAL_CHARS_FILE = "official-chars.txt";
const MIN_RARE_DISTINCT = 8;
const MIN_RARE_SHARE = 0.02;
const UNIFIED_FIRST = 0x4e00;
const UNIFIED_LAST = 0x9fff;
const OFFICIAL = 1;
const VARIANT_TELL = 2;
let characterClasses: Uint8Array | undefined;

/**
 * One byte per unified ideograph: {@link OFFICIAL} where official writing writes it (read from the dict file on first
 * use), {@link VARIANT_TELL} for the tells, so that one pass over the input reads both.
 */
function classesOfCharacters(): Uint8Array {
  if (!characterClasses) {
    characterClasses = new Uint8Array(UNIFIED_LAST - UNIFIED_FIRST + 1);
    for (const entry of readDictLines(OFFICIAL_CHARS_FILE)) for (const c of entry.fields.join("")) characterClasses[c.charCodeAt(0) - UNIFIED_FIRST] = OFFICIAL;
    for (const c of VARIANT_TELLS) characterClasses[c.charCodeAt(0) - UNIFIED_FIRST]! |= VARIANT_TELL;
  }
  return characterClasses;
}

/**
 * A Japanese text writes kana between its kanji, and its kanji in Japanese forms (経済, 込, 剣) no Chinese text writes:
 * they are its script, not a spinner's (x-637, a city's Japanese page). A Chinese page quotes kana rarely (の in a
 * shop's name): a text is Japanese when its kana are this share of its ideographs or more.
 */
const MIN_KANA_SHARE = 0.1;
const isKana = (c: number): boolean => c >= 0x3041 && c <= 0x30ff && c !== 0x30fb;

/**
 * The first pass, what rules the reader out on a clean text in one scan of the input: its characters outside official
 * writing, when there are enough of them to be a spinner's (else none), whether a variant spinner's tell is among its
 * characters, and whether the text read holds a collocation's break (scanned apart when the view is not the input).
 */
function firstPass(view: TextView): { rare: { start: number; text: string }[]; tells: boolean; breaks: boolean } {
  const { input } = view;
  const readAsWritten = view.text === input;
  const classes = classesOfCharacters();
  const rare: { start: number; text: string }[] = [];
  const distinct = new Set<number>();
  let han = 0;
  let tells = false;
  let breaks = false;
  for (let i = 0, next = input.charCodeAt(0); i < input.length; i++) {
    const c = next;
    next = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
    if (readAsWritten && !breaks && BREAK_INDEX.bitsOfPair(input, i, c, next) !== 0) breaks = true;
    if (c < UNIFIED_FIRST || c > UNIFIED_LAST) continue;
    han++;
    const kind = classes[c - UNIFIED_FIRST]!;
    if (kind & VARIANT_TELL) tells = true;
    if (kind & OFFICIAL) continue;
    distinct.add(c);
    rare.push({ start: i, text: input[i]! });
  }
  let enough = distinct.size >= MIN_RARE_DISTINCT && distinct.size >= han * MIN_RARE_SHARE;
  // the kana are counted only on a text the rare characters would report
  if (enough) {
    let kana = 0;
    for (let i = 0; i < input.length; i++) if (isKana(input.charCodeAt(i))) kana++;
    enough = kana < han * MIN_KANA_SHARE;
  }
  return { rare: enough ? rare : [], tells, breaks: readAsWritten ? breaks : BREAK_INDEX.occursIn(view.text) };
}

/**
 * Finds the broken collocations of the text read so far; when there are enough, reports them (evidence on the input)
 * and reads each as its collocation.
 */
export function readSpinning(view: TextView): { step: ViewStep; info: Partial<InputInfo> } | undefined {
  const text = view.text;
  const { rare, tells, breaks } = firstPass(view);
  const variants = tells ? variantsIn(view.input) : [];
  if (rare.length > 0) {
    const known = new Set(variants.map((v) => v.start));
    for (const character of rare) if (!known.has(character.start)) variants.push(character);
  }
  const spun = breaks ? SPUN_STRINGS.findAll(text) : [];
  const collocations = spun.length > 0 && new Set(spun.map((m) => m.text)).size >= MIN_DISTINCT ? spun : [];
  const companyTitles = findCompanyTitles(text);
  if (collocations.length === 0 && variants.length === 0 && companyTitles.length === 0) return undefined;
  // A spinner swaps a word everywhere, not only where its collocation gives it away: once a page shows homophones in
  // collocations, its corruptions are read wherever else they stand (汇议 alone, 书纪 after 当委), except those that
  // clean text writes across words, which are read alone only when the page used them in a collocation.
  const homophones = [...CORRUPTIONS.keys()].filter((corruption) => collocations.some((m) => m.text.includes(corruption)));
  const used = homophones.length === 0 ? [] : [...CORRUPTIONS.keys()].filter((corruption) => !ACROSS_WORDS.has(corruption) || homophones.includes(corruption));
  const found = collocations.map((m) => ({ ...m, normalized: SPUN.get(m.text)! }));
  if (used.length > 0) {
    for (const m of new StringSet(used).findAll(text)) {
      if (!collocations.some((c) => m.index < c.index + c.text.length && c.index < m.index + m.text.length)) found.push({ ...m, normalized: CORRUPTIONS.get(m.text)! });
    }
  }
  // the variants the script reader left as they are, read as what they stand for (collocations never hold one)
  if (variants.length > 0) {
    for (const m of text.matchAll(VARIANT_IN_VIEW)) found.push({ index: m.index, text: m[0], normalized: VARIANTS.get(m[0])! });
  }
  found.sort((a, b) => a.index - b.index);
  // what is read differently, and the company's words, read as nothing
  const edits = [...found, ...companyTitles.map((m) => ({ ...m, normalized: "" }))].sort((a, b) => a.index - b.index);
  const builder = new ViewBuilder(text);
  let kept = 0;
  for (const match of edits) {
    if (match.index < kept) continue;
    builder.keep(kept, match.index);
    readAs(builder, match.normalized, match.text, match.index);
    kept = match.index + match.text.length;
  }
  builder.keep(kept, text.length);
  let han = 0;
  for (const c of text) if (/\p{Script=Han}/u.test(c)) han++;
  const evidence: Span[] = found.map((m) => {
    const start = inputStart(view, m.index);
    const end = inputEnd(view, m.index + m.text.length);
    return { start, end, text: view.input.slice(start, end), normalized: m.normalized };
  });
  // a variant the script reader already read (侷 as 局) is evidence too, on the input; a rare character no known
  // variant names is evidence as it is
  const seen = new Set(evidence.map((e) => e.start));
  for (const v of variants) {
    if (seen.has(v.start)) continue;
    const normalized = VARIANTS.get(v.text);
    evidence.push({ start: v.start, end: v.start + v.text.length, text: v.text, ...(normalized === undefined ? {} : { normalized }) });
  }
  // a company's word given to a professor is evidence as written
  for (const m of companyTitles) {
    const start = inputStart(view, m.index);
    const end = inputEnd(view, m.index + m.text.length);
    evidence.push({ start, end, text: view.input.slice(start, end) });
  }
  evidence.sort((a, b) => a.start - b.start);
  const score = Math.round((evidence.length / Math.max(1, han)) * 1000) / 1000;
  return { step: builder.finish(), info: { pollution: [{ kind: "spinning", count: evidence.length, score, evidence: evidence.slice(0, MAX_EVIDENCE) }] } };
}
