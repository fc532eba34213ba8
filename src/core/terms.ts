/**
 * The term a token stands for, shared by the keyword and summary stages and the IDF build
 * (bench/tools/build-idf.ts), so that IDF counts and lookups agree.
 */
import type { Token } from "./schema.js";

const HAN = /\p{Script=Han}/u;
/** Acronyms such as GDP, APEC, WTO: Latin letters only, at least one capital (122cc and 5G fail). */
const ACRONYM = /^[A-Za-zＡ-Ｚａ-ｚ]{2,10}$/u;
const CAPITAL = /[A-ZＡ-Ｚ]/u;

/**
 * The term a token stands for in IDF counts and keyword candidates, or undefined: words of two or more characters
 * with a Han character, and Latin acronyms. Numbers, dates, punctuation, spaces and single characters never are.
 */
export function termShape(token: Token): string | undefined {
  if (token.kind === "word") {
    const text = token.text;
    if (text.length < 2 || (text.length === 2 && text.codePointAt(0)! > 0xffff)) return undefined;
    return HAN.test(text) && !/\d/u.test(text) ? text : undefined;
  }
  if (token.kind === "latin" && ACRONYM.test(token.text) && CAPITAL.test(token.text)) return token.text;
  return undefined;
}
