import { readFileSync, writeFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/analyzer.js";
import { tag } from "../src/analyzer.js";
import { tagsJsonSchema } from "../src/tag/index.js";
import { seedText } from "./helpers/data.js";

const SHIPPED = new URL("../dict/tags.schema.json", import.meta.url);
const seed = seedText();

/** Regenerate with `GONGWEN_WRITE_SCHEMA=1 npm test -- test/tag-schema.test.ts`. */
const rewrite = process.env["GONGWEN_WRITE_SCHEMA"] === "1";

describe("dict/tags.schema.json", () => {
  it("is exactly what tagsJsonSchema() generates from the zod schema (fails when stale)", () => {
    const generated = `${JSON.stringify(tagsJsonSchema(), null, 2)}\n`;
    if (rewrite) writeFileSync(SHIPPED, generated);
    expect(readFileSync(SHIPPED, "utf8")).toBe(generated);
  });

  it("validates the seed's tags with ajv, and rejects them once a field is broken", () => {
    const shipped = JSON.parse(readFileSync(SHIPPED, "utf8")) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(shipped);
        const tags = tag(createAnalyzer().analyze(seed), { userWords: ["办学定位"] });
    expect(tags.people.length).toBeGreaterThan(0);
    expect(tags.enumerations.outline.length).toBeGreaterThan(0);
    const plain = JSON.parse(JSON.stringify(tags)) as Record<string, unknown>;
    expect(validate(plain), JSON.stringify(validate.errors)).toBe(true);

    const broken = { ...plain, people: [{ ...(plain["people"] as object[])[0], score: 1.5 }] };
    expect(validate(broken)).toBe(false);
    expect(validate({ ...plain, schemaVersion: "0.9.0" })).toBe(false);
    expect(validate({ ...plain, surprise: true })).toBe(false);
  });
});
