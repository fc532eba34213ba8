/**
 * A real, private redis-server for the queue tests and benchmark: Debian's binary on a free loopback port, in a
 * temporary directory, without persistence (`--save "" --appendonly no`) unless asked for an append-only file,
 * stopped afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** True when a `redis-server` binary can be run here (`apt-get install -y redis-server` provides it). */
export const redisServerAvailable: boolean = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

/** Prints a warning nobody can miss: tests that need Redis are skipped, not passed. */
export function warnRedisMissing(what: string): void {
  if (redisServerAvailable) return;
  const line = "!".repeat(100);
  console.warn(`\n${line}\n!!! redis-server not found: ${what} SKIPPED (apt-get install -y redis-server)\n${line}\n`);
}

/**
 * How the server goes down before it starts again: `save` as a production Redis with persistence comes back
 * (`SHUTDOWN SAVE` writes the data set, the new process loads it); `wipe` as one without persistence (everything is
 * gone); `kill` with SIGKILL, keeping only what the append-only file holds (nothing without one).
 */
export type RestartHow = "save" | "wipe" | "kill";

export interface RedisServer {
  url: string;
  port: number;
  /**
   * Stops the server (see {@link RestartHow}) and starts it again on the same port and directory; clients see their
   * connections drop. `downtimeMs` keeps it down that long.
   */
  restart(options?: { how?: RestartHow; downtimeMs?: number }): Promise<void>;
  /** Sends one command (inline protocol) and returns the raw reply. */
  command(line: string): Promise<string>;
  stop(): Promise<void>;
}

/** A TCP port nothing listens on (at the time of asking). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function sendCommand(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    socket.setEncoding("utf8");
    socket.once("error", reject);
    socket.on("data", (chunk: string) => {
      reply += chunk;
      if (reply.endsWith("\r\n")) socket.end();
    });
    socket.on("close", () => resolve(reply));
    socket.write(`${line}\r\n`);
  });
}

async function waitUntilReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const reply = await sendCommand(port, "PING").catch(() => "");
    if (reply.startsWith("+PONG")) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}

/**
 * Starts a private redis-server; call `stop()` when done. `appendfsync` turns on the append-only file with that
 * fsync policy (`everysec`, the production default, or `always`).
 */
export async function startRedis(options: { appendfsync?: "everysec" | "always" } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "gongwen-redis-"));
  const persistence = options.appendfsync ? ["--appendonly", "yes", "--appendfsync", options.appendfsync] : ["--appendonly", "no"];
  const args = [
    "--port", String(port), "--bind", "127.0.0.1", "--dir", dir,
    "--save", "", ...persistence,
    // BullMQ needs keys never evicted.
    "--maxmemory-policy", "noeviction",
    "--loglevel", "warning",
  ];
  let child: ChildProcess;
  const launch = async () => {
    child = spawn("redis-server", args, { stdio: ["ignore", "ignore", "inherit"] });
    await waitUntilReady(port, child);
  };
  const exited = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    command: (line) => sendCommand(port, line),
    async restart({ how = "save", downtimeMs = 0 } = {}) {
      const gone = exited();
      if (how === "kill") child.kill("SIGKILL");
      else await sendCommand(port, how === "save" ? "SHUTDOWN SAVE" : "SHUTDOWN NOSAVE").catch(() => "");
      await gone;
      // A dump left by an earlier "save" restart would bring the data back.
      if (how === "wipe") {
        rmSync(join(dir, "dump.rdb"), { force: true });
        rmSync(join(dir, "appendonlydir"), { recursive: true, force: true });
      }
      if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs));
      await launch();
    },
    async stop() {
      const gone = exited();
      child.kill("SIGTERM");
      await gone;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
