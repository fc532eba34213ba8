/**
 * The spinning reader: SEO copy sites run an official text through a synonym spinner ("伪原创") that swaps words for
 * dictionary synonyms one at a time (会议→聚会, 发展→生长, 改革→刷新, 负责→认真, 建设→创造, 核心→焦点). Each swap alone
 * can be a word of Chinese, but inside the fixed collocations of official writing it makes a phrase no official text
 * uses: 圆桌聚会, 高质量生长, 深化刷新, 认真同志, 校园文化创造. The reader looks for those broken collocations in the
 * simplified view (it runs after the script reader, so a spun traditional page is read too), reports them as
 * `spinning` and puts the collocation back in the view the stages read (圆桌聚会 is read as 圆桌会议).
 *
 * A report needs two different broken collocations: one could be a writer's slip, two are a spinner's dictionary.
 * None of them occurs in the 19,541 CCTV items, the policy documents or the seed (bench/pollution-flags.ts).
 */
import type { InputInfo } from "../core/schema.js";
import { ViewBuilder, inputEnd, inputStart, type TextView, type ViewStep } from "../core/view.js";

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

/** Every broken collocation and the collocation it stands for. */
const SPUN = new Map<string, string>();
for (const [before, word, spun, after] of COLLOCATIONS) {
  for (const synonym of spun) {
    for (const b of before) SPUN.set(b + synonym, b + word);
    for (const a of after) SPUN.set(synonym + a, word + a);
  }
}
/** The broken collocations, longest first so that 要害焦点手艺 is read before 焦点手艺. */
const SPUN_PATTERN = new RegExp([...SPUN.keys()].sort((a, b) => b.length - a.length).join("|"), "g");

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
 * Finds the broken collocations of the text read so far; when there are enough, reports them (evidence on the input)
 * and reads each as its collocation.
 */
export function readSpinning(view: TextView): { step: ViewStep; info: Partial<InputInfo> } | undefined {
  const text = view.text;
  const found = [...text.matchAll(SPUN_PATTERN)];
  if (new Set(found.map((m) => m[0])).size < MIN_DISTINCT) return undefined;
  const builder = new ViewBuilder(text);
  let kept = 0;
  for (const match of found) {
    builder.keep(kept, match.index);
    readAs(builder, SPUN.get(match[0])!, match[0], match.index);
    kept = match.index + match[0].length;
  }
  builder.keep(kept, text.length);
  let han = 0;
  for (const c of text) if (/\p{Script=Han}/u.test(c)) han++;
  const evidence = found.slice(0, MAX_EVIDENCE).map((m) => {
    const start = inputStart(view, m.index);
    const end = inputEnd(view, m.index + m[0].length);
    return { start, end, text: view.input.slice(start, end), normalized: SPUN.get(m[0])! };
  });
  const score = Math.round((found.length / Math.max(1, han)) * 1000) / 1000;
  return { step: builder.finish(), info: { pollution: [{ kind: "spinning", count: found.length, score, evidence }] } };
}
