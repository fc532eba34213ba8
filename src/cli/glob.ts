/**
 * Just enough globbing for file arguments (`*`, `?`, `**`) without a dependency: Node 20 has no `fs.glob`.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * True when `name` matches `pattern` (`*` any run, `?` one character): greedy scan, O(n·m) at worst, no regex.
 *
 * @example
 * wildcardMatch("*.txt", "a.txt"); // → true
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      resume = n;
    } else if (star !== -1) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

export const hasGlob = (path: string) => /[*?]/.test(path);

/**
 * Files matching `pattern` (relative to `cwd` unless absolute), sorted so runs are reproducible. Hidden entries
 * are matched only by a pattern segment that starts with a dot.
 *
 * @example
 * expandGlob("corpus/**\/*.txt"); // → ["corpus/a.txt", "corpus/sub/b.txt"]
 */
export function expandGlob(pattern: string, cwd = process.cwd()): string[] {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((segment, i) => segment !== "" || (i === 0 && absolute));
  const out: string[] = [];
  const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  const walk = (base: string, shown: string, rest: string[]): void => {
    const [head, ...tail] = rest;
    if (head === undefined) {
      if (isFile(base)) out.push(shown);
      return;
    }
    if (head === "**") {
      walk(base, shown, tail);
      for (const entry of entries(base)) {
        if (entry.startsWith(".")) continue;
        const path = join(base, entry);
        if (isDirectory(path)) walk(path, join(shown, entry), rest);
      }
      return;
    }
    if (!hasGlob(head)) {
      walk(join(base, head), shown === "" ? head : join(shown, head), tail);
      return;
    }
    for (const entry of entries(base)) {
      if (entry.startsWith(".") && !head.startsWith(".")) continue;
      if (wildcardMatch(head, entry)) walk(join(base, entry), shown === "" ? entry : join(shown, entry), tail);
    }
  };
  if (absolute) walk("/", "/", segments.slice(1));
  else walk(cwd, "", segments);
  return [...new Set(out)].sort();
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}
