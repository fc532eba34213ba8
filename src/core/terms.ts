/**
 * The term a token stands for, shared by the keyword and summary stages and the IDF build
 * (bench/tools/build-idf.ts), so that IDF counts and lookups agree.
 */
import { createRequire } from "node:module";
import type { Token } from "./schema.js";

const HAN = /\p{Script=Han}/u;
/** Acronyms such as GDP, APEC, WTO: Latin letters only, at least one capital (122cc and 5G fail). */
const ACRONYM = /^[A-Za-zＡ-Ｚａ-ｚ]{2,10}$/u;
const CAPITAL = /[A-ZＡ-Ｚ]/u;
/**
 * A capitalised English word (Conference, Follow, The): Chinese official text writes Latin terms as acronyms (GDP,
 * CPI, APEC), so a word of one capital and lower case letters comes from English prose (a bilingual press release's
 * English half, a heading's translation), not a term of the document.
 */
const TITLE_CASE = /^[A-ZＡ-Ｚ][a-zａ-ｚ]+$/u;

let englishStopwords: ReadonlySet<string> | undefined;
/**
 * Is `text` in natural's English stopword list (THE, AND, WITH in an upper-case English heading)? Two letters never
 * are: IT, AI, UN are acronyms in Chinese text far more often than English words. The list is read through natural's
 * side-effect-free deep module, once: natural's root loads storage back-ends and runs dotenv.
 */
function isEnglishStopword(text: string): boolean {
  if (text.length < 3) return false;
  englishStopwords ??= new Set(
    (createRequire(import.meta.url)("natural/lib/natural/util/stopwords.js") as { words: string[] }).words,
  );
  return englishStopwords.has(text.toLowerCase());
}

/**
 * The term a token stands for in IDF counts and keyword candidates, or undefined: words of two or more characters
 * with a Han character, and Latin acronyms. Numbers, dates, punctuation, spaces, single characters, capitalised
 * English words and English stopwords never are.
 */
export function termShape(token: Token): string | undefined {
  if (token.kind === "word") {
    const text = token.text;
    if (text.length < 2 || (text.length === 2 && text.codePointAt(0)! > 0xffff)) return undefined;
    return HAN.test(text) && !/\d/u.test(text) ? text : undefined;
  }
  if (token.kind === "latin" && ACRONYM.test(token.text) && CAPITAL.test(token.text)) {
    return TITLE_CASE.test(token.text) || isEnglishStopword(token.text) ? undefined : token.text;
  }
  return undefined;
}
