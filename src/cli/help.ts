/**
 * The help texts: `gongwen --help` lists every command; `gongwen <command> --help` prints that command's usage,
 * options and examples (the queue's commands keep theirs beside their code, in src/queue/cli.ts).
 */
import { FIELDS, type Operation } from "../batch/tasks.js";
import type { QueueCommand } from "../queue/cli.js";
import { DEFAULT_MAX_INPUT_LENGTH } from "../core/schema.js";

const SUMMARIES: Record<Operation | QueueCommand, string> = {
  analyze: "the whole document model (tokens, sentences, enumerations, entities, keywords, summary…)",
  tag: "CMS tags (schema: gongwen/dict/tags.schema.json)",
  segment: "words with offsets and parts of speech",
  summarize: "the summary and, for meeting reports, the meeting brief",
  outline: "the enumerations as a nested outline",
  worker: "tag jobs from a Redis queue (gongwen/queue; needs bullmq and ioredis installed)",
  enqueue: 'add a JSONL file of {"id", "text"} records to the queue',
  results: "print finished tags from the queue as JSONL (--failed: the failures)",
};

/** Every command, in the order the help lists them. */
export const COMMANDS = Object.keys(SUMMARIES) as (keyof typeof SUMMARIES)[];

const EXIT_STATUS = `Exit status: 0 when every input was read and every record succeeded, 1 when any failed (each is reported on
stderr as "place: CODE: message" and the others are still written), 2 on a usage error.`;

export const USAGE = `Usage: gongwen <command> [files, globs or - for stdin] [options]
       gongwen <command> --help     that command's options and examples

Commands:
${COMMANDS.map((command) => `  ${command.padEnd(11)} ${SUMMARIES[command]}`).join("\n")}

Input: files and globs, or text piped to stdin, in UTF-8, UTF-16, GB18030/GBK or Big5 (detected; --encoding to
name it); HTML is read as the page's text; --sample reads the bundled sample (a meeting report).

  -h, --help             this help (after a command: that command's help)
  -v, --version          the version

${EXIT_STATUS}`;

const INPUT_OPTIONS = `Input and output:
      --sample           read the bundled sample (dict/samples/meeting-report.txt) instead of files or stdin
      --jsonl            input is JSON Lines, one {"id", "text"} per line; output is one result per line
  -f, --format <f>       json | jsonl | text | html (default: jsonl with --jsonl, json otherwise)
  -c, --concurrency <n>  workers for several documents (default and most: the number of cores)
      --isolation <i>    thread (default) | process: the workers are threads of one process or processes
  -q, --quiet            no progress bar and no closing summary on stderr
      --encoding <name>  read files and stdin in this encoding (utf-8, gb18030, gbk, big5, utf-16le…), not detected
      --verbose          say on stderr which encoding each file was read in
      --max-length <n>   longest text accepted, in UTF-16 units (default ${DEFAULT_MAX_INPUT_LENGTH})
      --user-words <file>  extra words kept whole, one per line (e.g. a CMS's section names)
      --engine <name>    nodejieba (default) | node-rs (needs the optional package @node-rs/jieba)`;

const selection = (op: Operation) => `What JSON carries (json and jsonl formats):
      --fields <a,b,…>   keep only these top-level fields (the id is always kept):
                         ${FIELDS[op].join(", ")}
      --compact          one line per result${op === "analyze" ? ", without the per-word tokens (half the bytes)" : ""}`;

const TAG_OPTIONS = `Tag options:
      --max-tags <n>     most tags per kind
      --min-score <x>    drop tags scoring below x, 0…1
      --allow <file>     keep only these tags, one per line
      --deny <file>      never return these tags, one per line`;

const EXAMPLES: Record<Operation, string[]> = {
  analyze: [
    "gongwen analyze --sample --format text",
    "gongwen analyze report.txt --fields entities,summary",
    "gongwen analyze 'reports/**/*.txt' --format html > review.html",
  ],
  tag: [
    "gongwen tag --jsonl articles.jsonl > tags.jsonl",
    "gongwen tag report.txt --max-tags 5 --min-score 0.3 --format text",
    "cat report.txt | gongwen tag --fields people,organizations --compact",
  ],
  segment: ["gongwen segment report.txt --format text", "echo 指导组成员王鹏 | gongwen segment --format text"],
  summarize: ["gongwen summarize --sample --format text", "gongwen summarize --jsonl reports.jsonl --fields meeting"],
  outline: ["gongwen outline report.txt --format text", "gongwen outline 'docs/*.txt' --format jsonl"],
};

/**
 * The help of one of the document commands (analyze, tag, segment, summarize, outline).
 *
 * @example
 * commandHelp("segment").split("\n")[0]; // → "Usage: gongwen segment [files, globs or - for stdin] [options]"
 */
export function commandHelp(op: Operation): string {
  return [
    `Usage: gongwen ${op} [files, globs or - for stdin] [options]`,
    "",
    `Prints ${SUMMARIES[op]}, for each input.`,
    "",
    INPUT_OPTIONS,
    "",
    selection(op),
    ...(op === "tag" ? ["", TAG_OPTIONS] : []),
    "",
    "Examples:",
    ...EXAMPLES[op].map((example) => `  ${example}`),
    "",
    EXIT_STATUS,
  ].join("\n");
}
