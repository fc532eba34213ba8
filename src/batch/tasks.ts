/**
 * The operations the CLI and the worker pool run on one text, and the output formats they print. A worker
 * formats its own result, so serialising runs in parallel too and only a string crosses the thread boundary.
 */
import { isGongwenError } from "../core/errors.js";
import { render } from "../render/html.js";
import { docAsText, summaryAsText, tagsAsText, tokensAsText } from "../render/text.js";
import { DocSchema, type Doc, type Token } from "../core/schema.js";
import { outline } from "../enumerate/outline.js";
import { enumerationTags, type TagOptions, type Tags } from "../tag/index.js";
import { EnumerationTagsSchema, TagsSchema } from "../tag/schema.js";
import { parseRecordLine } from "./jsonl.js";
import type { SharedResources, TaskOutcome } from "./protocol.js";

/** The operations a task can run (the CLI's commands of the same names). */
export const OPERATIONS = ["analyze", "tag", "segment", "summarize", "outline"] as const;
/** What to compute for each text. */
export type Operation = (typeof OPERATIONS)[number];

/** The formats a task can print its result in. */
export const FORMATS = ["json", "jsonl", "text", "html"] as const;
/** How a result is printed; `value` hands back the plain object (for `analyzeMany`). */
export type Format = (typeof FORMATS)[number] | "value";

/** The top-level fields of each operation's JSON value, the names `--fields` accepts. */
export const FIELDS: Record<Operation, readonly string[]> = {
  analyze: DocSchema.keyof().options,
  tag: TagsSchema.keyof().options,
  segment: ["tokens"],
  summarize: ["summary", "meeting"],
  outline: EnumerationTagsSchema.keyof().options,
};

/** What a JSON result carries: only `fields` (the id is always kept); `compact` is one line, without `analyze`'s tokens. */
export interface Selection {
  fields?: readonly string[];
  compact?: boolean;
}

/** One text for a worker: the operation to run, the format of the result and the record's id. */
export interface Task extends Selection {
  op: Operation;
  text: string;
  /** The record's id (file name or the `id` of a JSONL line): put first in `json`/`jsonl`/`value` results, caption in `html`. */
  id?: string | number;
  format: Format;
}

/** One record of a batch: a text with the id to print, or a raw JSON Lines line that the worker parses. */
export type TaskInput = { text: string; id?: string | number } | { line: string; number: number };

/** Several records under one operation and format: one message to a worker, one array of outcomes back. */
export interface Batch extends Selection {
  op: Operation;
  format: Format;
  inputs: TaskInput[];
}

/**
 * What a pool sends a worker thread: a batch and the pool's shared resources. They travel with every batch (a
 * clone of a SharedArrayBuffer view is a view of the same memory: nothing is copied), so that the pool reads them
 * while its threads start, not before.
 */
export interface ThreadTask {
  batch: Batch;
  shared: SharedResources;
}

/** What a task needs of an analyzer (`createAnalyzer`'s has it): tags come from it, so they equal `gw.tag`'s. */
export interface TaskAnalyzer {
  analyze(text: string): Doc;
  segment(text: string): Token[];
  tag(doc: Doc, options?: TagOptions): Tags;
}

/** What running a batch needs: the analyzer (built on first use), tag options, the longest JSON Lines text. */
export interface BatchContext {
  analyzer: () => TaskAnalyzer;
  tag?: TagOptions;
  maxLength: number;
}

/** The JSON value of an operation: always an object, so a `jsonl` line can carry the record's id beside it. */
function valueOf(analyzer: TaskAnalyzer, op: Operation, doc: Doc, tagOptions: TagOptions | undefined): object {
  switch (op) {
    case "analyze":
      return doc;
    case "tag":
      return analyzer.tag(doc, tagOptions);
    case "segment":
      return { tokens: doc.tokens };
    case "summarize":
      return { summary: doc.summary ?? { sentences: [], spans: [], text: "" }, ...(doc.meeting ? { meeting: doc.meeting } : {}) };
    case "outline":
      return enumerationTags(doc);
  }
}

function textOf(analyzer: TaskAnalyzer, op: Operation, doc: Doc, tagOptions: TagOptions | undefined): string {
  switch (op) {
    case "analyze":
      return docAsText(doc);
    case "summarize":
      return summaryAsText(doc);
    case "tag":
      return tagsAsText(analyzer.tag(doc, tagOptions));
    case "segment":
      return tokensAsText(doc.tokens);
    case "outline":
      return outline(doc);
  }
}

/** The value cut down to the selected fields: `--fields` names them; `--compact` drops the per-word tokens (half the bytes). */
function select(op: Operation, value: object, { fields, compact }: Selection): object {
  const keep = fields ?? (compact && op === "analyze" ? FIELDS.analyze.filter((field) => field !== "tokens") : undefined);
  if (keep === undefined) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key === "id" || keep.includes(key)));
}

/** `segment` needs tokens only: the other stages are skipped for it. */
function docFor(analyzer: TaskAnalyzer, op: Operation, text: string): Doc {
  return op === "segment" ? { text, tokens: analyzer.segment(text), sentences: [] } : analyzer.analyze(text);
}

/**
 * Runs one task and formats its result: a string for the printable formats, the plain value for `value`.
 *
 * @example
 * runTask(createAnalyzer(), undefined, { op: "segment", text: "指导组成员王鹏", format: "text" }); // → "指导组 成员 王鹏"
 */
export function runTask(analyzer: TaskAnalyzer, tagOptions: TagOptions | undefined, task: Task): string | object {
  const doc = docFor(analyzer, task.op, task.text);
  const selected = () => {
    const value = valueOf(analyzer, task.op, doc, tagOptions);
    return select(task.op, task.id === undefined ? value : { id: task.id, ...value }, task);
  };
  switch (task.format) {
    case "value":
      return selected();
    case "json":
      return JSON.stringify(selected(), null, task.compact ? undefined : 2);
    case "jsonl":
      return JSON.stringify(selected());
    case "text":
      return textOf(analyzer, task.op, doc, tagOptions);
    case "html":
      return render(doc, task.id === undefined ? {} : { caption: String(task.id) });
  }
}

/**
 * Runs every record of a batch; each fails alone, as data: `{ ok: false, code, message }` (an error that is no
 * GongwenError, i.e. a bug, comes back as `WORKER_FAILED`). The worker threads and the CLI's own thread both run
 * batches through this.
 *
 * @example
 * runBatch({ analyzer: () => createAnalyzer(), maxLength: 1000 }, { op: "segment", format: "text", inputs: [{ line: '{"text":"王鹏"}', number: 1 }] });
 * // → [{ ok: true, value: "王鹏", id: 1 }]
 */
export function runBatch(context: BatchContext, batch: Batch): TaskOutcome[] {
  return batch.inputs.map((input): TaskOutcome => {
    try {
      const fromLine = "line" in input;
      const { text, id } = fromLine ? parseRecordLine(input.line, input.number, context.maxLength) : input;
      const task: Task = {
        op: batch.op,
        text,
        format: batch.format,
        ...(id === undefined ? {} : { id }),
        ...(batch.fields ? { fields: batch.fields } : {}),
        ...(batch.compact ? { compact: true } : {}),
      };
      const value = runTask(context.analyzer(), context.tag, task);
      return fromLine && id !== undefined ? { ok: true, value, id } : { ok: true, value };
    } catch (error) {
      return {
        ok: false,
        code: isGongwenError(error) ? error.code : "WORKER_FAILED",
        message: error instanceof Error ? error.message : String(error),
      };
    }
  });
}
