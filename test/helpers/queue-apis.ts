/**
 * Calls every gongwen/queue function that needs Redis once and prints, as one JSON line, the error code each one
 * fails with (or "none"): what a program gets when a peer dependency is missing (run with hide-packages.ts).
 *
 *   node --import tsx --import ./test/helpers/hide-packages.ts test/helpers/queue-apis.ts redis://127.0.0.1:PORT
 */
import { createTaggingWorker, enqueueDocuments, readFailures, readResults } from "../../src/queue/index.js";

const connection = process.argv[2]!;
const options = { connection, queue: "apis" };
const calls: Record<string, () => Promise<unknown>> = {
  enqueueDocuments: () => enqueueDocuments([{ id: 1, text: "国务院召开常务会议。" }], options),
  readResults: () => readResults({ ...options, wait: true }).next(),
  readFailures: () => readFailures(options).next(),
  createTaggingWorker: () => createTaggingWorker(options),
};
const codes: Record<string, string> = {};
for (const [name, call] of Object.entries(calls)) {
  codes[name] = await call().then(
    () => "none",
    (error: { code?: string }) => error.code ?? String(error),
  );
}
console.log(JSON.stringify(codes));
