/**
 * Preloaded with `node --import tsx --import ./test/helpers/hide-packages.ts …`: the packages named in
 * $GONGWEN_HIDE_PACKAGES (comma-separated) cannot be resolved, by `import` or by `require`, exactly as if they were
 * not installed. BullMQ loads ioredis with `require`, gongwen loads its peers with `import`: both paths are covered.
 */
import Module, { register } from "node:module";

const hidden = (process.env["GONGWEN_HIDE_PACKAGES"] ?? "").split(",").filter(Boolean);

const hooks = `
let hidden = [];
export function initialize(data) { hidden = data; }
export async function resolve(specifier, context, next) {
  if (hidden.some((name) => specifier === name || specifier.startsWith(name + "/"))) {
    throw Object.assign(new Error("Cannot find package '" + specifier + "' (hidden by the test)"), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: hidden });

type Resolve = (request: string, ...rest: unknown[]) => string;
const cjs = Module as unknown as { _resolveFilename: Resolve };
const resolveFilename = cjs._resolveFilename;
cjs._resolveFilename = function (this: unknown, request, ...rest) {
  if (hidden.some((name) => request === name || request.startsWith(`${name}/`))) {
    throw Object.assign(new Error(`Cannot find module '${request}' (hidden by the test)`), { code: "MODULE_NOT_FOUND" });
  }
  return resolveFilename.call(this, request, ...rest);
};
