/**
 * The word lists entity extraction reads from `dict/` (titles, organisation suffixes and names, surnames, places,
 * regions), parsed once on first use and validated line by line.
 */
import { dictParseError, readDictLines } from "../dict.js";
import { table, type WordTable } from "../core/words.js";

export type TitleKind = "office" | "honor" | "credit" | "address";

export interface EntityLexicon {
  /** dict/entity-titles.txt: the titles the tagger reads as a feature. */
  titles: WordTable<TitleKind>;
  /** Those and dict/entity-person-titles.txt: the titles person reading takes (person.ts). */
  personTitles: WordTable<TitleKind>;
  orgSuffixes: WordTable<true>;
  /** Known organisation names → full name (the name itself when the file gives none). */
  orgNames: WordTable<string>;
  surnames: WordTable<true>;
  /** Place names → canonical full name (gazetteer plus named regions). */
  places: WordTable<string>;
  /** Words that are never person names (高水平, 瓦斯). */
  notNames: Set<string>;
  /** Names of provinces, countries and named regions: unambiguous even when glued to the next word (山西杏儿沟). */
  majorPlaces: Set<string>;
}

const TITLE_KINDS = new Set<TitleKind>(["office", "honor", "credit", "address"]);
/** Prefixes an office title can take (原副省长, 常务副市长, 前总理). */
const TITLE_PREFIXES = ["副", "常务副", "原", "原副", "前", "前副", "代", "代理", "第一副", "执行", "执行副", "临时"];

function readTitleEntries(file: string): [string, TitleKind][] {
  const entries: [string, TitleKind][] = [];
  for (const line of readDictLines(file, "\t")) {
    const [title, kind, ...rest] = line.fields;
    if (!title || rest.length > 0 || !TITLE_KINDS.has(kind as TitleKind)) {
      throw dictParseError(file, line, "expected `title<TAB>office|honor|credit|address`");
    }
    entries.push([title, kind as TitleKind]);
  }
  return entries;
}

function titleTable(entries: readonly [string, TitleKind][], prefixes: readonly string[]): WordTable<TitleKind> {
  // listed titles first, so that 党委副书记 keeps its own entry rather than becoming 党委 + 副书记
  const variants: [string, TitleKind][] = [];
  for (const [title, kind] of entries) {
    if (kind !== "office") continue;
    for (const prefix of prefixes) variants.push([prefix + title, kind]);
  }
  return table([...entries, ...variants]);
}

function readWords(file: string): string[] {
  return readDictLines(file).flatMap((line) => line.fields.filter((f) => f !== ""));
}

function readNamePairs(file: string, minimumFields: 1 | 2): [string, string][] {
  return readDictLines(file, "\t").map((line) => {
    const [name, full, ...rest] = line.fields;
    if (!name || rest.length > 0 || (minimumFields === 2 && !full)) {
      throw dictParseError(file, line, minimumFields === 2 ? "expected `name<TAB>full`" : "expected `name[<TAB>full]`");
    }
    return [name, full || name];
  });
}

interface PlaceLine {
  name: string;
  level: string;
  full: string;
}

function readPlaces(): PlaceLine[] {
  const file = "places.txt";
  return readDictLines(file, "\t").map((line) => {
    const [name, level, , full] = line.fields;
    if (!name || !level || !full) throw dictParseError(file, line, "expected `name<TAB>level<TAB>code<TAB>full`");
    return { name, level, full };
  });
}

const MAJOR_LEVELS = new Set(["province", "country"]);

let lexicon: EntityLexicon | undefined;

/**
 * The entity word lists, loaded on first use.
 *
 * @example
 * entityLexicon().surnames.words.has("欧阳") // → true
 */
export function entityLexicon(): EntityLexicon {
  if (lexicon) return lexicon;
  const places = readPlaces();
  const regions = readNamePairs("entity-regions.txt", 2);
  const titles = readTitleEntries("entity-titles.txt");
  lexicon = {
    titles: titleTable(titles, TITLE_PREFIXES),
    personTitles: titleTable([...titles, ...readTitleEntries("entity-person-titles.txt")], TITLE_PREFIXES),
    orgSuffixes: table(readWords("entity-org-suffixes.txt").map((w) => [w, true as const])),
    orgNames: table(readNamePairs("entity-orgs.txt", 1)),
    surnames: table(readWords("entity-surnames.txt").map((w) => [w, true as const])),
    notNames: new Set(readWords("entity-not-names.txt")),
    places: table([...places.map((p): [string, string] => [p.name, p.full]), ...regions]),
    majorPlaces: new Set([...places.filter((p) => MAJOR_LEVELS.has(p.level)).map((p) => p.name), ...regions.map(([name]) => name)]),
  };
  return lexicon;
}
