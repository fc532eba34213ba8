/**
 * The pollution reader: what SEO mirrors inject into a copied text — pinyin after characters (`国(guo)务院(yuan)`,
 * `區(qū)`), emoji and symbols, zero-width and bidi controls, full-width letters or digits mixed into half-width ones
 * (`20２3`), a forum's jammer scraps, a betting or porn site's string in place of a name, the characters a mirror lost
 * to a wrong encoding (mojibake.ts) — is found in one pass,
 * reported on `doc.input.pollution` (kind, score, evidence spans on the input) and left out of the view the stages
 * read (width mixing is read as half-width), the masks a copy site wrote where names and years were too.
 * Synonym spinning is the spinning reader's (spinning.ts).
 *
 * A kind is reported only past a count no clean text reaches, and each is found as a class, by how the injection
 * works: a bilingual `北京(Beijing)`, an enumeration `(a)`, a ★ before a headline, one stray zero-width space, a
 * lottery 投注站 open 365天 or a withheld `XXX元` are not pollution (bench/pollution-flags.ts counts flags over the
 * CCTV items, the policy documents and the seed, and over the clean and polluted real-world pages).
 *
 * A hijacked name is found by its brand words (lists below, for the brands seen) and, whatever the brand, by its
 * shape: a lower-case Latin run glued into the Chinese written twice, a pinyin name, a code beside a brand or slot
 * ({@link findGluedNames}), a number standing for a name, a site's name ending in 官网/入口 written twice
 * ({@link findSiteNames}); a line of such tags is left out whole.
 */
import type { Doc, InputInfo, Span } from "../core/schema.js";
import { ViewBuilder, inputEnd, inputStart, type TextView, type ViewStep } from "../core/view.js";
import { PairIndex, isIdeograph } from "../core/chars.js";
import { MOJIBAKE_STARTS, findMojibake } from "./mojibake.js";

/** What was injected. */
export type PollutionKind = "pinyin" | "emoji" | "invisible" | "width" | "seo" | "placeholder" | "jammer" | "mojibake";

interface Finding {
  kind: PollutionKind;
  start: number;
  end: number;
  /** How much the finding counts toward its kind's {@link MIN_FINDINGS} (1 when not given). */
  weight?: number;
}

/** Fewest findings of a kind that make a report; below it the text is read as it is. */
const MIN_FINDINGS: Record<PollutionKind, number> = { pinyin: 3, emoji: 2, invisible: 2, width: 2, seo: 1, placeholder: 3, jammer: 2, mojibake: 2 };

/**
 * A hijacked page keeps the official text and writes a betting or porn site's string where the institution's name
 * was (`开云手机官网入口·(中国)官方网站召开…`, `bwin必赢党委`, `伟德国际1946源于英国召开…`, `…的通知|成人毛片无码一区二区三区`).
 * Its words come in three classes:
 * - templates no clean text writes: a site string's tail (`(中国)官方网站`, cut short as `开云(中国)官方`, `官网入口`,
 *   `登录入口`, `网页版登录`, access words stuffed twice: `官方官网`, a betting search phrase: `十大电子正规游戏网站`), the bet365 family and the casinos' Latin domain names (`dafa888`), a lottery draw
 *   (`021期10-03-40-06-39`), porn-site tags (`无码a片`, also in the traditional script a mirror converts to, `超碰`,
 *   `日韩无码`); one is a finding;
 * - brands and vice words (`必赢`, `开云`, `伟德`, `365`, `无码`, `开奖结果`); one is not enough (365天, 开云见日): a finding
 *   needs another brand or access word within {@link SEO_GAP} characters, or an institution's slot right after it
 *   (`…党委`, `…召开`) with no punctuation between;
 * - access words (`官网`, `登录`, `入口`), which count only beside a brand (a notice says 登录官方网站 too).
 */
const SEO_TEMPLATE =
  /(?:bet|best|beat)\s?365|365bet|bets365|betway|bwin|dafa\d{2,4}|[(（]中国[)）]官方|官网入口|登录入口|网页版登录|官方官网|官网官方|十大(?:电子|娱乐|博彩|网投)|正规(?:电子|游戏|娱乐|博彩|网投)(?:游戏)?(?:网站|平台)|体育官网|娱乐官网|毛片|一区二区|[无無][码碼][aA]片|超碰|日韩无码|久久精品|午夜视频|精品国产|\d{2,3}期\d{2}(?:-\d{2}){3,}/gi;
/** A betting search phrase's words (`澳门十大电子正规游戏网站`): ranked or vouched-for gambling sites. */
const SEARCH_PHRASE_ANCHORS = ["十大电子", "十大娱乐", "十大博彩", "十大网投", ..."电子游戏娱乐博彩网投".match(/../g)!.map((word) => `正规${word}`)];
const BRAND_WORDS = [
  "必赢|必威|必发|开云|伟德|威尼斯人|千亿体育|华体会|乐鱼体育|九游|球友会|太阳城|葡京|金沙娱乐|银河娱乐|永利娱乐|皇冠体育",
  "沙巴体育|亚博体育|半岛体育|星空体育|江南体育|火狐体育|欧宝体育|天博体育|米乐体育|博鱼体育|雷火电竞|开元棋牌|爱游戏|尊龙凯时",
  "凯发娱乐|博天堂|AG真人|真人视讯|娱乐城|澳门彩|六合彩|开奖结果|最精准|无码|在线观看|金年会",
  "新葡京|澳门银河|澳门永利|澳门金沙|金沙js|金宝博|雷竞技|利记|明升|威廉希尔|万博体育|乐动体育|优发国际|凯时|杏彩|彩神",
  "manbetx|dafabet|kaiyun|leyu|yabo|vwin",
].join("|");
const SEO_BRAND = new RegExp(`bet(?:s)?(?![a-z])|(?<!\\d)365(?![\\d天日])|(?<![\\d.])\\d{3,}365\\d*(?=[\\u4e00-\\u9fff])(?![年月日号元万亿个次])|${BRAND_WORDS}`, "gi");
/** A website's access words: beside a brand they make a finding; a site's name ends in one (or in 手机版). */
const ACCESS_WORDS = ["官网", "官方网站", "登录", "入口", "网页版", "app下载"];
const SEO_ACCESS = new RegExp(ACCESS_WORDS.join("|"), "gi");
const SEO_GAP = 20;
/** Where a hijacked string stands for a name: before the organ that meets or the meeting it holds. */
const NAME_SLOT = /^[^\s，。、；：！？,.;:!?“”"|]{0,12}?(?:党委|党总支|党支部|党组|召开|举行|校长|学院|人民政府)/u;

/**
 * What a site string glues to its brand: Latin, digits and separators (not a date's digits: `官方网站2022年`),
 * `(中国)`, other brands, and the words of a site's name and tags.
 */
const SITE_WORDS = "体育|娱乐|官网|官方网站|官方|网站|平台|手机版|手机|网页版|入口|登录|注册|下载|在线|国际|投注|游戏|电子|成人|免费|高清|毛片|一区二区|三区|中国有限公司|有限公司";
const GLUE_AFTER = new RegExp(`^(?:(?=([A-Za-z0-9_\\-·|]+))\\1(?![年月日号])|[(（]中国[)）]|${SITE_WORDS}|${BRAND_WORDS})`, "i");
const GLUE_BEFORE = new RegExp(`(?:[A-Za-z0-9_\\-·|]+|下载|手机|体育|在线|成人|免费|高清|澳门|${BRAND_WORDS})$`, "i");

/**
 * A number brand (`248365365`) glued to the word after it: a hijacker writes its brand everywhere the name stood
 * (`248365365公告`, `《248365365关于修改〈248365365议事规则〉的决定》`), so one written this often is a finding each time,
 * with no slot or access word beside it. A hotline (12365) is too short to be one.
 */
const NUMBER_BRAND = /(?<![\d.])\d{3,}365\d*(?=[\u4e00-\u9fff])(?![年月日号元万亿个次])/g;
const MIN_BRAND_REPEATS = 3;

/**
 * What every template and every brand word holds (`bet365` holds `bet`, `（中国）官方网站` holds 官方网站, a draw
 * `021期10-03-…` holds `期10-`, `AG真人` holds 真人): a text with none of them has no hijacked name, and the scans below
 * are skipped. The Chinese words are tells of the first pass ({@link firstPass}), as an alternation of them costs
 * several times more.
 */
const SEO_LATIN_ANCHOR = /[bB](?:[eE][tTsSaA]|[wW][iI][nN])|365|[dD][aA][fF][aA]|manbetx|kaiyun|leyu|yabo|vwin|期\d{2}-/i;
const SEO_WORD_ANCHORS = ["官网", "官方网站", "国)官方", "国）官方", "登录入口", "网页版登录", ...SEARCH_PHRASE_ANCHORS, "毛片", "一区二区", "码a片", "碼a片", "码A片", "碼A片", "超碰", "日韩无码", "久久精品", "午夜视频", "精品国产", ...BRAND_WORDS.split("|").map((word) => word.replace(/^[A-Za-z]+/, "")).filter((word) => word !== "")];

/**
 * A traditional-script copy of a hijacked page writes the hijacker's words in traditional characters too (`德信體育官網`,
 * `開雲(中國)官方網站`, `…黨委召開`), and the pollution reader runs before the script is converted: the characters of
 * the words above and of the institution's slot are read as their simplified forms, one for one, so offsets hold.
 */
const HIJACK_FOLD = new Map(
  [..."體体娛娱樂乐網网錄录頁页國国區区開开雲云偉伟贏赢億亿華华會会魚鱼遊游陽阳銀银亞亚島岛歐欧寶宝電电競竞愛爱戲戏龍龙凱凯發发視视訊讯門门獎奖結结準准無无碼码線线觀观臺台機机註注冊册載载際际費费黨党總总組组舉举長长學学團团"]
    .reduce<[string, string][]>((pairs, c, i, all) => (i % 2 === 0 ? [...pairs, [c, all[i + 1]!]] : pairs), []),
);
const HIJACK_FOLDED = new RegExp(`[${[...HIJACK_FOLD.keys()].join("")}]`, "g");
const foldHijackWords = (text: string): string => text.replace(HIJACK_FOLDED, (c) => HIJACK_FOLD.get(c)!);

/**
 * How far a site string grows on either side of its brand: real ones are a few dozen characters
 * (`开云手机官网入口·(中国)官方网站`); without a bound, every hit inside a megabyte of glued words (`官方官网` repeated)
 * would grow over all of it, and the reader would be quadratic. Spans that touch are joined afterwards anyway.
 */
const MAX_GLUE = 64;

/** The range of `start`–`end` grown over what glues to it on either side (`开云` → `开云手机官网入口·(中国)官方网站`). */
function glued(text: string, start: number, end: number): Finding {
  const [from, to] = [start, end];
  for (let m = GLUE_AFTER.exec(text.slice(end, end + 12)); m && end - to < MAX_GLUE; m = GLUE_AFTER.exec(text.slice(end, end + 12))) end += m[0].length;
  for (let m = GLUE_BEFORE.exec(text.slice(Math.max(0, start - 12), start)); m && from - start < MAX_GLUE; m = GLUE_BEFORE.exec(text.slice(Math.max(0, start - 12), start))) {
    start -= m[0].length;
  }
  return { kind: "seo", start, end };
}

/**
 * Hijacked names: every template word, each brand word with another brand or access word close by, and each brand
 * word right before an institution's slot, each grown over what glues to it and joined where they touch
 * (`bwin必赢`). They are left out of the text read: `bwin必赢党委召开…` is read as `党委召开…`, a decision on
 * `《开云手机官网入口·(中国)官方网站供水…办法》` as one on `《供水…办法》`.
 */
function findSeoStrings(text: string, seen: number): Finding[] {
  const tokens = seen & HAS_LOWER_PAIR ? gluedTokens(text) : [];
  const spans = [
    ...findGluedNames(text, tokens),
    ...(seen & HAS_NUMBER_NAMES ? findNumberNames(text) : []),
    ...(seen & HAS_ACCESS_WORD ? findSiteNames(text) : []),
    ...(seen & HAS_QUERY_WORD ? findSearchQueries(text) : []),
    ...(seen & HAS_CODE ? findCodeNames(text) : []),
  ];
  // access words alone make no finding: every other span needs a template, a brand word or a glued Latin run
  if (tokens.length > 0 || (seen & HAS_LATIN_ANCHOR && SEO_LATIN_ANCHOR.test(text)) || seen & HAS_BRAND_WORD) for (const span of findBrandedNames(text, tokens)) spans.push(span);
  return joinedWithTagLines(text, spans);
}

/**
 * A line of a porn or betting site's tags (`日韩片欧美片,亚洲激情五月,美女视频第一区二区三区免费观看网站,…`) is the hijacker's
 * whole: when the line is a list of three tags or more (split at , - _ | 、) that writes no sentence (no 。！？) and the
 * strings found cover a third of it or more, all of it is left out, not only the words found. A headline with a site
 * string after it (`…的通知|成人毛片无码一区二区三区`), a date before a brand (`4月14日,betway官网`) and a breadcrumb keep
 * what is theirs.
 */
const MIN_TAG_LINE_SHARE = 1 / 3;
const MIN_TAGS = 3;
const TAG_SEPARATOR = /[,，\-_|、]+/u;

/** The spans in order, joined where they touch, each grown to its line where the line is a tag line. */
function joinedWithTagLines(text: string, spans: Finding[]): Finding[] {
  spans.sort((x, y) => x.start - y.start);
  const joined: Finding[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else joined.push({ ...span });
  }
  const grown: Finding[] = [];
  for (let i = 0; i < joined.length; ) {
    const lineStart = text.lastIndexOf("\n", joined[i]!.start - 1) + 1;
    const newline = text.indexOf("\n", joined[i]!.start);
    const lineEnd = newline < 0 ? text.length : newline;
    let found = 0;
    let j = i;
    for (; j < joined.length && joined[j]!.start < lineEnd; j++) found += Math.min(joined[j]!.end, lineEnd) - joined[j]!.start;
    const line = text.slice(lineStart, lineEnd);
    const start = lineStart + (line.length - line.trimStart().length);
    const end = lineEnd - (line.length - line.trimEnd().length);
    // the tags are counted in what is left of the line when the strings found are taken out (a site string's own
    // separators, dafa888_dafa888手机登录-官网, make no tags)
    let rest = "";
    let at = lineStart;
    for (const span of joined.slice(i, j)) {
      rest += text.slice(at, span.start) + " ";
      at = Math.min(span.end, lineEnd);
    }
    rest += text.slice(at, lineEnd);
    const tagLine = !/[。！？]/u.test(line) && rest.trim().split(TAG_SEPARATOR).filter((tag) => tag.trim() !== "").length >= MIN_TAGS;
    if (tagLine && found >= (end - start) * MIN_TAG_LINE_SHARE) grown.push({ kind: "seo", start, end: Math.max(end, joined[j - 1]!.end) });
    else for (let k = i; k < j; k++) grown.push(joined[k]!);
    i = j;
  }
  return grown;
}

/** Every template word, each brand word with another brand or access word close by or before a slot, grown. */
function findBrandedNames(text: string, tokens: Span[]): Finding[] {
  const spans: Finding[] = [];
  for (const match of text.matchAll(SEO_TEMPLATE)) spans.push(glued(text, match.index, match.index + match[0].length));
  const numbers = [...text.matchAll(NUMBER_BRAND)];
  const written = new Map<string, number>();
  for (const m of numbers) written.set(m[0], (written.get(m[0]) ?? 0) + 1);
  for (const m of numbers) if (written.get(m[0])! >= MIN_BRAND_REPEATS) spans.push(glued(text, m.index, m.index + m[0].length));
  const hits = [...text.matchAll(SEO_BRAND)].map((m) => ({ start: m.index, end: m.index + m[0].length, brand: true, weak: false }));
  for (const m of text.matchAll(SEO_ACCESS)) hits.push({ start: m.index, end: m.index + m[0].length, brand: false, weak: false });
  // a Latin run glued to Chinese stands for a brand too (beside another brand or an access word, or before a slot);
  // one of letters alone is weaker: two such names side by side are a bilingual mention (sogou搜狗, baidu百度).
  // Weakness belongs to the run, not its position: a listed brand starting there too (`ag真人`) stays strong.
  for (const token of tokens) hits.push({ start: token.start, end: token.end, brand: true, weak: !/\d/.test(token.text) });
  hits.sort((a, b) => a.start - b.start);
  let cluster: typeof hits = [];
  const close = () => {
    const [first] = cluster;
    const branded = cluster.some((hit) => hit.brand && !hit.weak) || (cluster.some((hit) => hit.brand) && cluster.some((hit) => !hit.brand));
    if (cluster.length >= 2 && branded) for (const hit of cluster) spans.push(glued(text, hit.start, hit.end));
    else if (cluster.length === 1 && first!.brand && NAME_SLOT.test(text.slice(first!.end, first!.end + 16))) spans.push(glued(text, first!.start, first!.end));
  };
  for (const hit of hits) {
    if (cluster.length > 0 && hit.start - cluster.at(-1)!.end > SEO_GAP) {
      close();
      cluster = [];
    }
    cluster.push(hit);
  }
  close();
  return spans;
}

/**
 * A run of lower-case Latin letters and digits written against a Chinese character (`williamhill英国第一届教职工大会`,
 * `151amjs澳金沙门大楼`, `jinnianhui今年会`, `伟德国际1946bv家庭`). Official writing glues almost no such run to its words:
 * what it writes in Latin is capitalised or an acronym (App, DeepSeek, 5G, C919); over the 19,541 CCTV items and the
 * policy documents only `vivo` and `young` stand so, once each. A hijacker writes its name in Latin, pinyin or a code
 * where the institution's name was. Runs of one letter (`5g`, `x`) are not names.
 */
const GLUED_RUN = /(?<![A-Za-z0-9])[a-z0-9]*[a-z]{2}[a-z0-9]*(?![A-Za-z0-9])/g;
const isHanBefore = (text: string, i: number): boolean => i > 0 && isHan(text.charCodeAt(i - 1));

const MASK_LETTERS = /^(?:19|20)?x+$/;

function gluedTokens(text: string): Span[] {
  const tokens: Span[] = [];
  for (const m of text.matchAll(GLUED_RUN)) {
    const end = m.index + m[0].length;
    // a run of x alone, or in a year, is a copy site's mask (xx县, 20xx年), not a name: the placeholder reader's
    if (MASK_LETTERS.test(m[0])) continue;
    if (isHanBefore(text, m.index) || isHanAt(text, end)) tokens.push({ start: m.index, end, text: m[0] });
  }
  return tokens;
}

/**
 * How many pinyin syllables spell `word` (lower case) and nothing else, at least {@link MIN_NAME_SYLLABLES} (a
 * romanised name: jinnianhui); 0 when it is no such name.
 */
function pinyinSyllables(word: string): number {
  const syllables = spelling(word);
  return syllables !== undefined && syllables.length >= MIN_NAME_SYLLABLES ? syllables.length : 0;
}

/** The fewest pinyin syllables that spell `word` (lower case, no tone marks), in order; undefined when none do. */
function spelling(word: string): string[] | undefined {
  // reach[i]: the least number of syllables that spell word.slice(0, i), Infinity when none do; from[i]: where the last starts
  const reach = new Array<number>(word.length + 1).fill(Infinity);
  const from = new Array<number>(word.length + 1).fill(0);
  reach[0] = 0;
  for (let i = 0; i < word.length; i++) {
    if (reach[i] === Infinity) continue;
    for (let j = i + 1; j <= Math.min(word.length, i + 6); j++) {
      if (SYLLABLE.test(word.slice(i, j)) && reach[i]! + 1 < reach[j]!) {
        reach[j] = reach[i]! + 1;
        from[j] = i;
      }
    }
  }
  if (reach[word.length] === Infinity) return undefined;
  const syllables: string[] = [];
  for (let end = word.length; end > 0; end = from[end]!) syllables.unshift(word.slice(from[end]!, end));
  return syllables;
}

/**
 * A word written as tone-marked pinyin inside Chinese text, in place of its characters (`主持,zhōngyāng政治局常委`): no
 * text writes tone marks but a reading, and a Latin-script language writes its accented words apart from Chinese
 * (`Reunião plenária`). Glued to a Chinese character and spelled by syllables, it counts as three readings.
 */
const TONED_WORD = /[a-zü\u00e0-\u00fc\u0101-\u01dc]{2,24}/g;
const TONED_WORD_WEIGHT = 3;
const TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

function findTonedWords(text: string): { findings: Finding[]; syllables: string[] } {
  const findings: Finding[] = [];
  const syllables: string[] = [];
  for (const m of text.matchAll(TONED_WORD)) {
    const end = m.index + m[0].length;
    if (!isHanAt(text, m.index - 1) && !isHanAt(text, end)) continue;
    let plain = "";
    let toned = false;
    for (const c of m[0]) {
      const tone = TONED.indexOf(c);
      if (tone >= 0) toned = true;
      plain += tone >= 0 ? PLAIN[tone] : c === "ü" ? "v" : c;
    }
    const spelled = toned ? spelling(plain) : undefined;
    if (!spelled) continue;
    syllables.push(...spelled);
    findings.push({ kind: "pinyin", start: m.index, end, weight: TONED_WORD_WEIGHT });
  }
  return { findings, syllables };
}
/** A pinyin name shorter than this may be an English word that happens to spell syllables (wifi, hehe). */
const MIN_PINYIN_NAME = 5;
/**
 * Two syllables are also the Latin names sites and firms go by (sogou, baidu, taobao: the seed ends with `Baidu` and
 * `sogou` lines, and a page may write 搜狗 right after one): a hijacker's pinyin name has three or more.
 */
const MIN_NAME_SYLLABLES = 3;

/**
 * A number written where a name was (`对威尼斯5994进行了考察`, `在威尼斯5994会议室`, `威尼斯5994常务副院长`): three digits or more
 * between Chinese characters, the same two characters before it each time, followed by different words. A quantity,
 * a year or a code is followed by its unit or by one word (`2022年`, `153人`, `119消防`, `第7240号`).
 * The two ideographs before the number are checked in code (`isIdeograph`): a lookbehind made the pattern the
 * reader's slowest on every clean text.
 */
const NUMBER_BEFORE_HAN = /\d{3,}(?=[\u4e00-\u9fff])/g;
const UNIT_AFTER = new Set([..."年月日时号人个次元万亿周天届期名亩平米吨家项座件条所批位千百余多台辆户套份张间栋公克斤岁部艘架"]);
const MIN_NUMBER_NAMES = 3;
/** Whether the digit run from `start` to `end`, a Chinese character after it, may stand for a name. */
const mayBeNumberName = (text: string, start: number, end: number): boolean =>
  start >= 2 && isIdeograph(text.charCodeAt(start - 1)) && isIdeograph(text.charCodeAt(start - 2)) && !UNIT_AFTER.has(text[end]!);

/** Appends `value` to the list of `key`, in place: a copy per occurrence made a megabyte of one name quadratic. */
function appendTo<T>(lists: Map<string, T[]>, key: string, value: T): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** The span of `occurrences` (equal strings) grown over the Chinese characters that stand beside every one of them alike. */
function grownOverCommonContext(text: string, occurrences: Span[], maxGrowth = 6): Finding[] {
  let left = 0;
  while (left < maxGrowth && occurrences.every((o) => isHanAt(text, o.start - left - 1) && text[o.start - left - 1] === text[occurrences[0]!.start - left - 1])) left++;
  let right = 0;
  while (right < maxGrowth && occurrences.every((o) => isHanAt(text, o.end + right) && text[o.end + right] === text[occurrences[0]!.end + right])) right++;
  // one occurrence has nothing to compare with: it is only itself
  if (occurrences.length === 1) left = right = 0;
  return occurrences.map((o) => ({ kind: "seo", start: o.start - left, end: o.end + right }));
}

/**
 * Hijacked names found by their shape rather than their brand: a glued Latin run written twice or more (the hijacker
 * writes its string everywhere the name stood), a glued pinyin name right before Chinese, and ({@link findNumberNames})
 * a number in a name's place written three times or more. Each is grown over the Chinese characters that stand beside
 * all its occurrences alike (`151amjs` → `151amjs澳金沙门`, `5994` → `威尼斯5994`).
 */
function findGluedNames(text: string, tokens: Span[]): Finding[] {
  const findings: Finding[] = [];
  const byText = new Map<string, Span[]>();
  for (const token of tokens) appendTo(byText, token.text, token);
  for (const [word, occurrences] of byText) {
    const syllables = word.length >= MIN_PINYIN_NAME && !/\d/.test(word) ? pinyinSyllables(word) : 0;
    if (syllables > 0 && occurrences.some((o) => isHanAt(text, o.end))) {
      // a romanised name is written before its characters, one a syllable (jinnianhui今年会): they are the name too
      for (const o of occurrences) {
        let end = o.end;
        while (end < o.end + syllables && isHanAt(text, end)) end++;
        findings.push({ kind: "seo", start: o.start, end: end - o.end === syllables ? end : o.end });
      }
    } else if (occurrences.length >= 2 && occurrences.some((o) => isHanAt(text, o.end))) {
      // a name runs on into the words after it (williamhill英国); a word that closes its clause each time is a
      // writer's slang (一圖get!, 一起來get!)
      for (const finding of grownOverCommonContext(text, occurrences)) findings.push(finding);
    }
  }
  return findings;
}

function findNumberNames(text: string): Finding[] {
  const findings: Finding[] = [];
  const numbers = new Map<string, Span[]>();
  for (const m of text.matchAll(NUMBER_BEFORE_HAN)) {
    // the match is a whole run of digits (only its last digit can have a character after it), so its start is the run's
    if (!mayBeNumberName(text, m.index, m.index + m[0].length)) continue;
    const key = text.slice(m.index - 2, m.index) + m[0];
    appendTo(numbers, key, { start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const occurrences of numbers.values()) {
    const followers = new Set(occurrences.map((o) => text[o.end]));
    if (occurrences.length >= MIN_NUMBER_NAMES && followers.size >= 2) for (const finding of grownOverCommonContext(text, occurrences)) findings.push(finding);
  }
  return findings;
}

/**
 * A site's name where an institution's was: a name ending in a website's access words (`开云手机官网入口`,
 * `千亿体育在线(中国)官方网站`, `威尼斯9499登录入口`, `ld体育官网`), written twice or more, each time run on into the sentence
 * (`…官方网站召开`, `…登录入口2022年`). The name is read back to the punctuation or blank before it; a notice's
 * `请登录…` or `教育部官网发布` is a different string each time, and no CCTV item, policy document or clean page writes one
 * name so twice.
 */
const SITE_ACCESS = new RegExp([...ACCESS_WORDS, "手机版"].join("|"), "gi");
const NAME_START = /[\s，。、；：！？,.;:!?“”"'《》〈〉「」【】|>]/;
const MAX_SITE_NAME = 16;

function findSiteNames(text: string): Finding[] {
  const byName = new Map<string, Finding[]>();
  for (const m of text.matchAll(SITE_ACCESS)) {
    let start = m.index;
    while (start > Math.max(0, m.index - MAX_SITE_NAME) && !NAME_START.test(text[start - 1]!)) start--;
    const end = m.index + m[0].length;
    // the name has words before its access word and runs on into the sentence
    if (m.index - start < 2 || !/[\u4e00-\u9fff\dA-Za-z·(（]/u.test(text[end] ?? "")) continue;
    const name = text.slice(start, end);
    appendTo(byName, name, glued(text, start, end));
  }
  return [...byName.values()].filter((names) => names.length >= 2).flat();
}

/**
 * A casino site goes by its domain's number and its name (`9728太阳集团`, `8455新葡萄娱乐场`): a code of three to five
 * digits glued before a name that ends in what the site offers. A year before an event's name (`2023中国国际…`), a
 * quantity with its unit (`1500多个职教集团`) and a model's number (`C919`) are not codes; no CCTV item, policy document
 * or clean page writes one. Each is a finding alone.
 */
const CODE_NAME =
  /\d{3,5}(?![\d年月日时号人个次元万亿周天届期名亩平米吨家项座件条所批位千百余多台辆户套份张间栋公克斤岁部艘架强班倍种列])[\u4e00-\u9fff]{1,4}?(?:集团|娱乐场|娱乐城|娱乐|体育|棋牌|彩票|真人|官网)/g;
const YEAR = /^(?:19|20)\d\d$/;

function findCodeNames(text: string): Finding[] {
  const findings: Finding[] = [];
  // what stands before the code is checked in code: a leading lookbehind makes V8 try the pattern at every position
  for (const m of text.matchAll(CODE_NAME)) {
    const digits = /^\d+/.exec(m[0])![0];
    if (m.index > 0 && /[\dA-Za-z.]/.test(text[m.index - 1]!)) continue;
    if (!YEAR.test(digits)) findings.push(glued(text, m.index, m.index + m[0].length));
  }
  return findings;
}

/**
 * A search query an SEO site plants to catch people checking on a clinic or a company (`北京中科医院骗人`, `…医院怎么样`,
 * `…公司靠谱吗`): the name of what is looked up, glued to the words typed after it. A release does not ask of its
 * own subject whether it is a fraud; no CCTV item, policy document or clean page writes one. The name is read back
 * over the Chinese characters before it, at most {@link MAX_QUERY_NAME}.
 */
const QUERY_WORDS = ["骗人", "是骗子", "靠谱吗", "靠不靠谱", "怎么样", "好不好", "正规吗", "正不正规", "哪家好", "收费贵吗", "收费高吗"];
const SEARCH_QUERY = new RegExp(`(?:医院|诊所|门诊|医生|公司|平台|机构)(?:${QUERY_WORDS.join("|")})`, "g");
const MAX_QUERY_NAME = 8;

function findSearchQueries(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(SEARCH_QUERY)) {
    let start = m.index;
    while (start > m.index - MAX_QUERY_NAME && isHanAt(text, start - 1)) start--;
    // a query names what it looks up: the noun alone at a line's start is none
    if (m.index - start >= 2) findings.push({ kind: "seo", start, end: m.index + m[0].length });
  }
  return findings;
}

/** The findings in order, each one that overlaps an earlier (longer-first) one dropped. */
function disjoint(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of findings) if (kept.length === 0 || finding.start >= kept.at(-1)!.end) kept.push(finding);
  return kept;
}

/**
 * Copy sites that mask what they copy write a run of x, X or * where a name, a year or a word was (`镇X委`, `20**年`,
 * `**局局长`, `xxx副市长`): a mask between Chinese characters, or in a year. An amount a document withholds
 * (`拨付XXX元`) and the X of X射线 are not masks. What a mask stood for is not known: it is left out of the text read
 * (`镇X委书记` is read as 镇委书记), so no summary, keyword or name shows it.
 */
const MASK_RUN = /[xX*＊]{1,4}/g;
/**
 * A masked year (`20XX年`, `20**年`, `202x年`) is a template's: no CCTV item, policy document or clean page writes one. It counts
 * twice, so two of them, or one and another mask, make a report where lone name masks need three (`XX报`, `XX新闻` in a
 * CCTV item about fake news accounts are two).
 */
const YEAR_MASK_WEIGHT = 2;
/** A year with its last digit masked (`202x年`, `201X/X/XX`): a template's too, and counted as a masked year. */
const YEAR_DIGIT_MASK = /(?:19|20)\d[xX*＊](?=[年/.\-])/g;
/** What follows X in a word (X射线, X光, X型) or a withheld amount (XXX元). */
const NOT_MASKED_BEFORE = new Set([..."射光线型元万亿"]);
const isHanAt = (text: string, i: number): boolean => i >= 0 && i < text.length && isHan(text.charCodeAt(i));

function findPlaceholders(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(YEAR_DIGIT_MASK)) {
    if (!/\d/.test(text[m.index - 1] ?? "")) findings.push({ kind: "placeholder", start: m.index, end: m.index + m[0].length, weight: YEAR_MASK_WEIGHT });
  }
  for (const match of text.matchAll(MASK_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const year = /^[xX*＊]{2}$/.test(match[0]) && text[end] === "年" && /(?:^|\D)(?:19|20)$/.test(text.slice(Math.max(0, start - 3), start));
    if (year) {
      findings.push({ kind: "placeholder", start: start - 2, end, weight: YEAR_MASK_WEIGHT });
      continue;
    }
    if (match[0].length > 3 || NOT_MASKED_BEFORE.has(text[end] ?? "") || /[A-Za-z]/.test(text[end] ?? "") || /[A-Za-z]/.test(text[start - 1] ?? "")) continue;
    const letters = !/[*＊]/.test(match[0]);
    const left = isHanAt(text, start - 1);
    const right = isHanAt(text, end);
    // one-sided masks are x runs (xx县, 请xxx副市长); a lone * beside one character is a footnote mark, and a star pair
    // beside one may be markdown's bold (**南开新闻网讯**): on a page that masks, it is a mask too (`,**镇的`), counting for nothing
    if ((left && right) || (letters && match[0].length >= 2 && (left || right))) findings.push({ kind: "placeholder", start, end });
    else if (match[0].length >= 2 && (left || right)) findings.push({ kind: "placeholder", start, end, weight: 0 });
  }
  return findings;
}

/**
 * A forum's anti-copy jammer (Discuz) writes runs of one- and two-character ASCII scraps between and inside lines
 * (`/ G- k; W% a% |( ^# n% J3 n I/ @ 9 |8`): eight or more such scraps in a row, at least four with a symbol. They are
 * left out of the text read.
 */
const MIN_RUN_SCRAPS = 7;
const JAMMER_RUN = new RegExp(`(?:[!-~]{1,2} ){${MIN_RUN_SCRAPS},}[!-~]{1,2}`, "g");
const SYMBOL = /[!-/:-@[-`{-~]/g;

/**
 * Another forum's jammer (phpwind) opens each line with one scrap of random ASCII before the text (` |L-- j    (1) 个人报名`,
 * ` zx"0^r}    任何…`): a scrap of symbols, letters and digits, not a list marker, set off by two blanks or more. One
 * line could be an abbreviation; four different scraps are the jammer.
 */
const LINE_SCRAP = /^[ \t]*([!-~]{2,10}(?: [!-~]{1,6})?)[ \t]{2,}(?=[\u4e00-\u9fff(（])/gm;
const LIST_MARKER = /^[(（]?[0-9A-Za-z]{1,2}[)）.、]?$/;
const MIN_LINE_SCRAPS = 4;

function findJammer(text: string): Finding[] {
  const runs = [...text.matchAll(JAMMER_RUN)]
    .filter((m) => (m[0].match(SYMBOL)?.length ?? 0) >= 4)
    .map((m) => ({ kind: "jammer" as const, start: m.index, end: m.index + m[0].length }));
  const scraps = (text.includes("  ") || text.includes("\t") ? [...text.matchAll(LINE_SCRAP)] : []).filter((m) => /[!-/:-@[-`{-~]/.test(m[1]!) && !LIST_MARKER.test(m[1]!));
  if (new Set(scraps.map((m) => m[1])).size < MIN_LINE_SCRAPS) return runs;
  const start = (m: RegExpExecArray) => m.index + m[0].indexOf(m[1]!);
  return [...runs, ...scraps.map((m) => ({ kind: "jammer" as const, start: start(m), end: start(m) + m[1]!.length }))];
}
/**
 * A bar set on both sides of one character inside a word (`城关镇丨党丨委书记`) breaks the word for a filter that looks
 * for it: a site's separator stands between words (`新闻联播丨…`), never around one character of a word. Each bar is a
 * symbol between characters.
 */
const FENCED_CHARACTER = /(?<=[\u4e00-\u9fff])([丨|｜])[\u4e00-\u9fff]\1(?=[\u4e00-\u9fff])/g;

const BARS = "丨|｜";

function findFencedCharacters(text: string): Finding[] {
  return [...text.matchAll(FENCED_CHARACTER)].flatMap((m): Finding[] => [
    { kind: "emoji", start: m.index, end: m.index + 1 },
    { kind: "emoji", start: m.index + 2, end: m.index + 3 },
  ]);
}

/**
 * The characters the later finders start from, one bit a finder: one scan of a text tells which of them can find
 * anything (most texts have none of these characters, and a scan per finder cost more than the finders did).
 */
const TONED_TRIGGER = 1;
const BAR_TRIGGER = 2;
const MOJIBAKE_TRIGGER = 4;
const TRIGGERS = new Uint8Array(0x10000);
for (const [chars, bit] of [[[...TONE_MARKED], TONED_TRIGGER], [[...BARS], BAR_TRIGGER], [MOJIBAKE_STARTS, MOJIBAKE_TRIGGER]] as const) {
  for (const c of chars) TRIGGERS[c.charCodeAt(0)]! |= bit;
}

function triggersIn(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= TRIGGERS[text.charCodeAt(i)]!;
  return bits;
}

/** A report lists at most this many evidence spans (`count` says how many there are). */
const MAX_EVIDENCE = 50;

/** A CJK ideograph (BMP blocks, or the high surrogate of one in the supplementary planes). */
const isHan = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f);

/** Zero-width characters, soft hyphen, bidi embeddings, overrides and isolates, and a BOM inside the text. */
const isInvisible = (c: number): boolean =>
  (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0xad;

const PICTURE = /^[\p{Extended_Pictographic}\p{So}\u{1f3fb}-\u{1f3ff}\ufe0f]$/u;
/** Symbols that Chinese text writes between characters: ○ as a zero (二○一七年), degrees. */
const WRITTEN_SYMBOLS = new Set(["○", "◯", "℃", "℉"]);
/** Box-drawing bars (U+2500–U+257F) a site writes as separators between names (某医院│某学院, 铁强┃侯丹丹): not injected. */
const isBoxDrawing = (c: number): boolean => c >= 0x2500 && c <= 0x257f;

/** The length (1 or 2) of an emoji or symbol starting at `i`, else 0. */
function symbolLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  // ASCII, Latin, CJK and full-width punctuation, box-drawing bars
  if (c < 0x2000 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || isBoxDrawing(c)) return 0;
  const point = text.codePointAt(i)!;
  const symbol = String.fromCodePoint(point);
  return PICTURE.test(symbol) && !WRITTEN_SYMBOLS.has(symbol) ? symbol.length : 0;
}

const TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
const PLAIN = "aaaaeeeeiiiioooouuuuvvvvnnnm";

/**
 * A pinyin syllable (no tone marks, ü written v): an initial and a final, or a final that stands alone. The
 * pattern is anchored and its input at most a few letters long, so it cannot backtrack far.
 */
const SYLLABLE =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)|a|o|e|ai|ei|ao|ou|an|en|ang|eng|er)$/;

/**
 * The end of a pinyin annotation `(guo)`, `（qū）`, `(huì )` opening at `i` (emoji inside it are part of it), its
 * syllable and whether it carries a tone mark; undefined when the brackets hold anything else.
 */
function annotationEnd(text: string, i: number): { end: number; syllable: string; toned: boolean } | undefined {
  let syllable = "";
  let toned = false;
  for (let j = i + 1; j < text.length && j <= i + 16; ) {
    const c = text[j]!;
    if (c === ")" || c === "）") {
      const plain = syllable.trimEnd();
      return plain.length > 0 && !plain.includes(" ") && SYLLABLE.test(plain) ? { end: j + 1, syllable: plain, toned } : undefined;
    }
    const tone = TONED.indexOf(c);
    if (tone >= 0) toned = true;
    if ((c >= "a" && c <= "z") || c === "ü" || tone >= 0 || (c === " " && syllable !== "")) {
      syllable += tone >= 0 ? PLAIN[tone] : c === "ü" ? "v" : c;
      j++;
      continue;
    }
    const symbol = symbolLength(text, j);
    if (symbol === 0) return undefined;
    j += symbol;
  }
  return undefined;
}

/** Punctuation that closes a clause or a quotation, after which emoji count as they do between characters. */
const CLAUSE_PUNCTUATION = new Set([..."，。、；：！？,.;:!?”’）」』》"]);

const isLetterOrDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
const isFullWidthLetterOrDigit = (c: number): boolean => (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);

/** Whether each BMP character is an emoji or symbol symbolLength counts, filled in as met: 1 yes, 2 no, 0 not known. */
const SYMBOL_CHARACTER = new Uint8Array(0x10000);

/** Whether the letter-and-digit run around the full-width character at `i` has a half-width one. */
function mixesWidths(text: string, i: number): boolean {
  const inRun = (c: number) => isLetterOrDigit(c) || isFullWidthLetterOrDigit(c);
  for (let j = i - 1; j >= 0 && inRun(text.charCodeAt(j)); j--) if (isLetterOrDigit(text.charCodeAt(j))) return true;
  for (let j = i + 1; j < text.length && inRun(text.charCodeAt(j)); j++) if (isLetterOrDigit(text.charCodeAt(j))) return true;
  return false;
}

/** Whether a candidate may start from the unit at `i`, one of the {@link mayStartCandidate} units. */
function candidateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // the brackets of `（一）` and `（新闻联播）` hold no annotation
  if (c === 0x28 || c === 0xff08 || c === 0x3f) return annotationEnd(text, i)?.toned === true || (c !== 0x3f && annotationEnd(text, i) !== undefined);
  // full-width digits not mixed with half-width ones are a text's own
  if (isFullWidthLetterOrDigit(c)) return mixesWidths(text, i);
  if (isInvisible(c)) return true;
  if (c >= 0xd800 && c <= 0xdbff) return symbolLength(text, i) > 0;
  // symbols like ° that symbolLength does not count
  if (SYMBOL_CHARACTER[c] === 0) SYMBOL_CHARACTER[c] = symbolLength(text, i) > 0 ? 1 : 2;
  return SYMBOL_CHARACTER[c] === 1;
}

/**
 * The units a candidate may start from: below U+2000 the bracket, ? and the soft hyphen; above it all but Chinese
 * characters, CJK punctuation and a pair's second half.
 */
const mayStartCandidate = (c: number): boolean =>
  c < 0x2000 ? c === 0x28 || c === 0x3f || c === 0xad : !(isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xdc00 && c <= 0xdfff));

/**
 * Every pollution candidate of `text`, in order: annotations after a Chinese character (a tone-marked one anywhere),
 * emoji and invisible characters with Chinese characters on both sides or between a character and the punctuation
 * that closes its clause (other candidates between them do not count as sides), and the full-width characters of a letter-and-digit run that mixes both widths.
 */
function findCandidates(text: string): { findings: Finding[]; syllables: Set<string> } {
  const findings: Finding[] = [];
  const syllables = new Set<string>();
  let pending: Finding[] = [];
  let afterHan = false;
  let runStart = -1;
  let half = false;
  let full = false;
  const endRun = (end: number) => {
    if (runStart >= 0 && half && full) {
      for (let k = runStart; k < end; k++) if (isFullWidthLetterOrDigit(text.charCodeAt(k))) findings.push({ kind: "width", start: k, end: k + 1 });
    }
    runStart = -1;
    half = full = false;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const halfWidth = isLetterOrDigit(c);
    if (halfWidth || isFullWidthLetterOrDigit(c)) {
      if (runStart < 0) runStart = i;
      if (halfWidth) half = true;
      else full = true;
    } else {
      endRun(i);
    }
    if (isHan(c)) {
      for (const finding of pending) findings.push(finding);
      pending = [];
      afterHan = true;
      i += c >= 0xd800 ? 2 : 1;
      continue;
    }
    if (c === 0x28 || c === 0xff08 || c === 0x3f) {
      const annotation = annotationEnd(text, i);
      // a tone-marked reading is an annotation wherever it stands (a mirror's mojibake may precede it: 偩诸I(lǐng)导);
      // a mirror saved in GBK writes ? for what it cannot encode, the opening bracket of a reading too (要?jiǎng)?chuàng)新)
      if (annotation && (annotation.toned || (afterHan && c !== 0x3f))) {
        findings.push({ kind: "pinyin", start: i, end: annotation.end });
        syllables.add(annotation.syllable);
        i = annotation.end;
        continue;
      }
    }
    const symbol = afterHan ? (isInvisible(c) ? 1 : symbolLength(text, i)) : 0;
    if (symbol > 0) {
      pending.push({ kind: isInvisible(c) ? "invisible" : "emoji", start: i, end: i + symbol });
      i += symbol;
      continue;
    }
    // emoji a mirror puts at the end of a clause sit between a character and its punctuation (会议🐴🤛，)
    if (pending.length > 0 && CLAUSE_PUNCTUATION.has(text[i]!)) for (const finding of pending) findings.push(finding);
    pending = [];
    afterHan = false;
    i++;
  }
  endRun(text.length);
  findings.sort((a, b) => a.start - b.start);
  return { findings, syllables };
}

const HALF_WIDTH_OFFSET = 0xff10 - 0x30;
const NO_CANDIDATES: { findings: readonly Finding[]; syllables: ReadonlySet<string> } = { findings: [], syllables: new Set() };

/**
 * The first pass: one scan of the text records what each finder looks for — a candidate's character, two lower-case
 * Latin letters in a row (a glued run), digit runs between Chinese characters (number names), an access word, a
 * search query's words, a brand's or template's word or Latin anchor, a mask character, the jammer's blanks (two in a
 * row, or enough ASCII scraps each followed by one: a multiline ^ pattern costs V8 a try at every line start, and half
 * the CCTV items write a blank between names) — and readPollution runs only the finders whose trigger is there. A
 * clean text holds almost none of them: it is read once, not once per finder's pattern.
 */
const HAS_ACCESS_WORD = 1;
const HAS_QUERY_WORD = 2;
const HAS_BRAND_WORD = 4;
const HAS_LATIN_ANCHOR = 8;
const HAS_CANDIDATE = 16;
const HAS_LOWER_PAIR = 32;
const HAS_MASK = 64;
const HAS_JAMMER_BLANKS = 128;
const HAS_NUMBER_NAMES = 256;
const HAS_FOLDED = 512;
/** A character of the later finders (a tone mark, a bar, mojibake's); which ones is read by {@link triggersIn}. */
const HAS_LATE = 1024;
/** Three digits or more before a Chinese character that is not their unit (a casino's code before its name). */
const HAS_CODE = 2048;

/** The words the first pass looks for, each with its trigger (Latin spelt in any case is left out: `app下载` is 下载). */
const TELLS = new PairIndex([
  ...[...ACCESS_WORDS, "手机版"].map((word) => [word.replace(/^[A-Za-z]+/, ""), HAS_ACCESS_WORD] as const),
  ...QUERY_WORDS.map((word) => [word, HAS_QUERY_WORD] as const),
  ...SEO_WORD_ANCHORS.map((word) => [word, HAS_BRAND_WORD] as const),
  ...["365", ..."0123456789".split("").map((digit) => `期${digit}`)].map((anchor) => [anchor, HAS_LATIN_ANCHOR] as const),
]);

/** Per unit, the triggers it may set: bits of {@link UNIT_CANDIDATE} and the others below. */
const UNIT_CANDIDATE = 1;
const UNIT_LOWER = 2;
const UNIT_DIGIT = 4;
const UNIT_MASK = 8;
const UNIT_BLANK = 16;
const UNIT_LATIN_ANCHOR = 32;
const UNIT_VISIBLE_ASCII = 64;
const UNIT_LATE = 128;
const UNITS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (mayStartCandidate(c)) UNITS[c] = UNIT_CANDIDATE;
for (let c = 0x21; c <= 0x7e; c++) UNITS[c]! |= UNIT_VISIBLE_ASCII;
for (const [chars, bit] of [["abcdefghijklmnopqrstuvwxyz", UNIT_LOWER], ["0123456789", UNIT_DIGIT], ["xX*＊", UNIT_MASK], [" \t", UNIT_BLANK], ["bBdDmMkKlLyYvV", UNIT_LATIN_ANCHOR]] as const) {
  for (const c of chars) UNITS[c.charCodeAt(0)]! |= bit;
}
/** The Chinese characters among the later finders' (丨, 锟), marked beside the hijacker's traditional ones. */
const FOLDED_MARK = 1;
const LATE_MARK = 2;
const IDEOGRAPH_TRIGGERS = new Uint8Array(0x10000);
for (const c of HIJACK_FOLD.keys()) IDEOGRAPH_TRIGGERS[c.charCodeAt(0)] = FOLDED_MARK;
for (let c = 0; c < 0x10000; c++) {
  if (TRIGGERS[c] === 0) continue;
  if (isIdeograph(c)) IDEOGRAPH_TRIGGERS[c]! |= LATE_MARK;
  else UNITS[c]! |= UNIT_LATE;
}

/** The triggers `text` holds (HAS_ bits). */
function firstPass(text: string): number {
  let seen = 0;
  let previous = 0;
  let digits = 0;
  let numberNames = 0;
  let scraps = 0;
  for (let i = 0, next = text.charCodeAt(0); i < text.length; i++) {
    const c = next;
    next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    seen |= TELLS.bitsOfPair(text, i, c, next);
    // a Chinese character (most of a text) sets no trigger but the hijacker's words in traditional script, the later
    // finders' few characters, and a code of digits before it
    if (isIdeograph(c)) {
      const mark = IDEOGRAPH_TRIGGERS[c]!;
      if (mark !== 0) seen |= (mark & FOLDED_MARK ? HAS_FOLDED : 0) | (mark & LATE_MARK ? HAS_LATE : 0);
      if (digits >= 3) {
        if (mayBeNumberName(text, i - digits, i)) numberNames++;
        if (!UNIT_AFTER.has(text[i]!)) seen |= HAS_CODE;
      }
      previous = digits = 0;
      continue;
    }
    const unit = UNITS[c]!;
    digits = unit & UNIT_DIGIT ? digits + 1 : 0;
    if (unit & UNIT_LOWER && previous & UNIT_LOWER) seen |= HAS_LOWER_PAIR;
    if (unit & UNIT_MASK) seen |= HAS_MASK;
    if (unit & UNIT_BLANK) {
      if (previous & UNIT_BLANK) seen |= HAS_JAMMER_BLANKS;
      else if (previous & UNIT_VISIBLE_ASCII && c === 0x20 && ++scraps >= MIN_RUN_SCRAPS) seen |= HAS_JAMMER_BLANKS;
    }
    if (unit & UNIT_LATIN_ANCHOR) seen |= HAS_LATIN_ANCHOR;
    if (unit & UNIT_LATE) seen |= HAS_LATE;
    if (unit & UNIT_CANDIDATE && (seen & HAS_CANDIDATE) === 0 && candidateAt(text, i)) seen |= HAS_CANDIDATE;
    previous = unit;
  }
  return numberNames >= MIN_NUMBER_NAMES ? seen | HAS_NUMBER_NAMES : seen;
}

/**
 * Finds the pollution of the text read so far; when some kind is past its count, reports it (evidence on the input)
 * and leaves it out of the view.
 */
export function readPollution(view: TextView): { step: ViewStep; info: Partial<InputInfo>; restore: (doc: Doc) => Doc } | undefined {
  const text = view.text;
  let folded = text;
  let seen = firstPass(text);
  // the hijacker's words are read in simplified characters: a text that writes some in traditional ones is read again
  // folded (the other finders' triggers are not Chinese characters)
  if (seen & HAS_FOLDED) seen = firstPass((folded = foldHijackWords(text)));
  const { findings: candidates, syllables } = seen & HAS_CANDIDATE ? findCandidates(text) : NO_CANDIDATES;
  // which of the later finders' characters the text holds, read only where the first pass saw one of them
  const late = seen & HAS_LATE ? triggersIn(text) : 0;
  const toned = late & TONED_TRIGGER ? findTonedWords(text) : { findings: [], syllables: [] };
  // concatenated, not pushed as arguments: a megabyte of findings is more than a call's arguments can hold
  const findings = [
    ...candidates,
    ...findSeoStrings(folded, seen),
    ...(seen & HAS_MASK ? findPlaceholders(text) : []),
    ...(seen & HAS_JAMMER_BLANKS ? findJammer(text) : []),
    ...toned.findings,
    ...(late & BAR_TRIGGER ? findFencedCharacters(text) : []),
    ...(late & MOJIBAKE_TRIGGER ? findMojibake(text).map((run): Finding => ({ kind: "mojibake", ...run })) : []),
  ];
  if (findings.length === 0) return undefined;
  const counts = new Map<PollutionKind, number>();
  for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + (finding.weight ?? 1));
  // one syllable repeated is a list marker or a unit, e.g. (a) or (m); injection writes the reading of many characters
  const readings = toned.syllables.length === 0 ? syllables.size : new Set([...syllables, ...toned.syllables]).size;
  const flagged = new Set([...counts].filter(([kind, n]) => n >= MIN_FINDINGS[kind] && (kind !== "pinyin" || readings >= 2)).map(([kind]) => kind));
  if (flagged.size === 0) return undefined;
  const reported = findings.filter((finding) => flagged.has(finding.kind));
  const builder = new ViewBuilder(text);
  let kept = 0;
  const dropped = disjoint(reported);
  for (const finding of dropped) {
    builder.keep(kept, finding.start);
    if (finding.kind === "width") builder.put(String.fromCharCode(text.charCodeAt(finding.start) - HALF_WIDTH_OFFSET), finding.start, finding.end);
    kept = finding.end;
  }
  builder.keep(kept, text.length);
  let han = 0;
  for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) han++;
  const evidenceSpan = ({ start, end }: Finding): Span => {
    const from = inputStart(view, start);
    const to = inputEnd(view, end);
    return { start: from, end: to, text: view.input.slice(from, to) };
  };
  const pollution: NonNullable<InputInfo["pollution"]> = [...flagged].map((kind) => {
    const ofKind = reported.filter((finding) => finding.kind === kind);
    return {
      kind,
      count: ofKind.length,
      // findings per Chinese character: about 1 when every character carries an annotation
      score: Math.round((ofKind.length / Math.max(1, han)) * 1000) / 1000,
      evidence: ofKind.slice(0, MAX_EVIDENCE).map(evidenceSpan),
    };
  });
  return { step: builder.finish(), info: { pollution }, restore: titleAsWritten(view.input, dropped.filter((f) => f.kind !== "width").map(evidenceSpan)) };
}

/**
 * The page's headline as its line is written: a hijacked name that opens it (`开云(中国)官方成功举办…`) and the
 * reading after its last character (`…召開(kāi)`) are part of the line the page shows, though not of the text read.
 */
function titleAsWritten(input: string, dropped: Span[]): (doc: Doc) => Doc {
  const endingAt = new Map(dropped.map((span) => [span.end, span.start]));
  const startingAt = new Map(dropped.map((span) => [span.start, span.end]));
  const oneLine = (from: number, to: number) => !/[\n\r]/.test(input.slice(from, to));
  return (doc) => {
    const title = doc.page?.title;
    if (!title) return doc;
    let { start, end } = title;
    for (let before = endingAt.get(start); before !== undefined && oneLine(before, start); before = endingAt.get(start)) start = before;
    for (let after = startingAt.get(end); after !== undefined && oneLine(end, after); after = startingAt.get(end)) end = after;
    if (start === title.start && end === title.end) return doc;
    const written = { ...title, start, end, text: input.slice(start, end), normalized: title.normalized ?? title.text };
    return { ...doc, page: { ...doc.page!, title: written } };
  };
}
