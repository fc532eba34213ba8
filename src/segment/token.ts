import type { Token, TokenKind } from "../core/schema.js";

/**
 * Every token is built here, so all of them share one object shape (property order included): V8 then keeps the
 * code that reads tokens monomorphic instead of throwing optimised code away when a token of another shape turns
 * up, and each new process or worker thread compiles that code once rather than again and again.
 */
export function makeToken(start: number, end: number, text: string, pos: string, kind: TokenKind): Token {
  return { start, end, text, pos, kind };
}
