/**
 * The shared resources stages read through their context (`context.resources`), as plain data types. By default
 * each is loaded from dict/ once per process, on first use, and shared by every analyzer; `createAnalyzer({
 * resources })` gives one analyzer others (e.g. tagger weights under evaluation). The jieba engines are not among
 * them: one per process each, chosen by name (segment/jieba.ts).
 */

/** A term's inverse document frequency. */
export interface IdfTable {
  /** IDF of `term`; a word the table has not seen scores the table's maximum (it is rarer than any kept word). */
  idf(term: string): number;
}

/** How a stopword is treated: never a keyword (`stop`), or never the head of a phrase (`modifier`). */
export type StopwordKind = "stop" | "modifier";

/**
 * The entity tagger's weights in their compact form: one bit per hashed feature id in `known` (plus ranks), the
 * weights of known features in `rows` (int16 hundredths, O's weight subtracted), and the label transitions.
 */
export interface TaggerWeights {
  /** Pairs of uint32 per 32 feature ids: the number of known features before them, then their bits. */
  known: Uint32Array;
  /** ROW int16s per known feature, in feature id order. */
  rows: Int16Array;
  /** transitions[from * LABEL_COUNT + to]; row LABEL_COUNT is the sentence start. */
  transitions: Float32Array;
}

/** What the built-in stages load besides the Doc. */
export interface Resources {
  /** Keyword and summary term weights (dict/idf.txt). */
  idf: IdfTable;
  /** Words that are no keywords, or only modifiers (dict/stopwords.txt). */
  stopwords: ReadonlyMap<string, StopwordKind>;
  /** The entity tagger's weights (dict/entity-tagger.txt). */
  taggerWeights: TaggerWeights;
}
