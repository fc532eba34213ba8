/**
 * Shared by the queue tests and bench/queue-throughput.ts: news items streamed from the corpus, and tagging
 * worker processes (test/helpers/queue-worker.ts, i.e. `gongwen worker`'s code path) started and watched.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const XWLB_ITEMS = fileURLToPath(new URL("../../../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl", import.meta.url));

export interface NewsItem {
  id: string;
  text: string;
  title?: string;
  date?: string;
}

/** The first `count` items of a JSONL file, read line by line (the file is never read whole). */
export async function firstItems(count: number, file = XWLB_ITEMS): Promise<NewsItem[]> {
  const items: NewsItem[] = [];
  const input = createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (items.length >= count) break;
    if (line.trim() !== "") items.push(JSON.parse(line) as NewsItem);
  }
  lines.close();
  input.destroy();
  return items;
}

export interface WorkerProcessOptions {
  redisUrl: string;
  queue: string;
  /** Stored on each job it takes (`processedBy`). */
  name: string;
  concurrency?: number;
  /** BullMQ lock duration and stalled-check interval, shortened so that a killed worker's jobs return quickly. */
  lockMs?: number;
  stalledMs?: number;
  /**
   * The built CLI (`dist/cli.js`) to run as `node <program> worker …` instead of queue-worker.ts under tsx (the
   * benchmark measures the package as users run it; lockMs and stalledMs apply to queue-worker.ts only).
   */
  program?: string;
  /** `--isolation`: tagging threads (the default) or tagging processes. */
  isolation?: "thread" | "process";
}

export interface WorkerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves when the worker says it is ready (dictionaries loaded, Redis connected). */
  readonly ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the worker wrote on stderr so far. */
  stderr(): string;
}

/** Starts `node --import tsx test/helpers/queue-worker.ts …` with the given settings. */
export function spawnWorker(options: WorkerProcessOptions): WorkerProcess {
  const { redisUrl, queue, name, concurrency = 1, lockMs, stalledMs, program, isolation } = options;
  const args = ["--redis", redisUrl, "--queue", queue, "--concurrency", String(concurrency), ...(isolation ? ["--isolation", isolation] : [])];
  const child = spawn(
    process.execPath,
    program ? [program, "worker", ...args] : ["--import", "tsx", "test/helpers/queue-worker.ts", ...args],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        QUEUE_WORKER_NAME: name,
        ...(lockMs ? { QUEUE_LOCK_MS: String(lockMs) } : {}),
        ...(stalledMs ? { QUEUE_STALLED_MS: String(stalledMs) } : {}),
      },
    },
  );
  let stderr = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      stderr += chunk;
      if (stderr.includes("gongwen worker: ready")) resolve();
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`worker ${name} exited (${code ?? signal}) before it was ready:\n${stderr}`)),
    );
  });
  ready.catch(() => undefined);
  return { name, child, ready, exited, stderr: () => stderr };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Packages the process cannot resolve, as if they were not installed (test/helpers/hide-packages.ts). */
  hide?: string[];
  stdin?: string;
  /** Gets the child as soon as it is spawned, to signal it. */
  onSpawn?: (child: ChildProcess) => void;
}

/** Runs a TypeScript file of the project (`node --import tsx <script> …`) in a process of its own. */
export function runScript(script: string, args: string[], options: RunOptions = {}): Promise<CliRun> {
  const hooks = options.hide ? ["--import", "./test/helpers/hide-packages.ts"] : [];
  const child = spawn(process.execPath, ["--import", "tsx", ...hooks, script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, GONGWEN_HIDE_PACKAGES: options.hide?.join(",") ?? "" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? "");
  options.onSpawn?.(child);
  return new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Runs the `gongwen` CLI from source (src/cli/main.ts) in a process of its own. */
export const runGongwen = (args: string[], options: RunOptions = {}): Promise<CliRun> => runScript("src/cli/main.ts", args, options);

/** Polls `check` every `intervalMs` until it returns true; throws after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
