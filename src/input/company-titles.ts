/**
 * A hijacker whose site poses as a company rewrites a college's page into its own terms (学院→公司, 院长→经理,
 * 校长→董事长) and leaves the academic words around them: the same person is then a company's head and a professor
 * (`学院经理蒋永穆教授`, `公司副董事长肖庆伟教授`, `公司党委副书记何艺新教授`). No CCTV item, policy document or clean page
 * gives one person both titles; two such people make a report (the spinning reader's, as the words were swapped).
 * What the company's word stood for (院长 or 校长, 学院 or 学校) is not known: it is left out of the text read, which
 * keeps the name and what is the college's (`学院蒋永穆教授`, `党委副书记何艺新教授`).
 */

/** A company's word (its title, or 公司 before a party title), a name of two or three characters, a professor's title. */
const COMPANY_TITLE_BEFORE_PROFESSOR =
  /(?:公司(?=(?:党委|党总支)副?书记)|副?总?经理|副?董事长)(?=(?:(?:党委|党总支)副?书记)?[\u4e00-\u9fff]{2,3}(?:教授|副教授|讲师))/g;
const MIN_COMPANY_TITLES = 2;

/** The company titles given to professors in `text`, when there are enough of them; else none. */
export function findCompanyTitles(text: string): { index: number; text: string }[] {
  if (!text.includes("教授") && !text.includes("讲师")) return [];
  const found = [...text.matchAll(COMPANY_TITLE_BEFORE_PROFESSOR)].map((m) => ({ index: m.index, text: m[0] }));
  return found.length >= MIN_COMPANY_TITLES ? found : [];
}
