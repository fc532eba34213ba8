/**
 * Tags: a Doc projected onto the flat, versioned tag lists a CMS stores (project.ts), with their schemas. The
 * `tag()` function that analyses a string first is the analyzer's (analyzer.ts).
 */
export * from "./schema.js";
export { enumerationTags } from "./project.js";
