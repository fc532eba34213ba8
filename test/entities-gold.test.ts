// Integrity of the hand-annotated entity gold set (test/fixtures/entities/*.json): every span must
// point at its text in the source file, carry a known type and the attributes its type requires,
// and never overlap another span of the same type. The gold is what extractors are scored against,
// so a broken offset here would silently corrupt every precision/recall figure.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataFile, describeEachSource } from "./helpers/data.js";

const fixtureDir = path.resolve(__dirname, "fixtures/entities");
const fixtureFiles = fs.readdirSync(fixtureDir).filter((f) => f.endsWith(".json")).sort();

type GoldEntity = {
  type: string;
  start: number;
  end: number;
  text: string;
  titles?: unknown;
  titleOrgs?: unknown;
  org?: unknown;
  value?: unknown;
};
type GoldFixture = { source: string; origin: string; note: string; docDate: string; entities: GoldEntity[] };

const isoDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

describe("entity gold set", () => {
  it("has at least 16 annotated documents", () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(16);
  });

  const fixtures = fixtureFiles.map((file) => ({ file, fixture: JSON.parse(fs.readFileSync(path.join(fixtureDir, file), "utf8")) as GoldFixture }));
  describeEachSource(fixtures, ({ fixture }) => fixture.source, ({ file }) => file, ({ file, fixture }) => {
    const sourcePath = dataFile(fixture.source);

    it("names an existing source with provenance, and the file name matches it", () => {
      expect(fs.existsSync(sourcePath)).toBe(true);
      expect(path.basename(fixture.source, ".txt")).toBe(path.basename(file, ".json"));
      expect(fixture.origin.length).toBeGreaterThan(0);
      expect(fixture.docDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(fixture.entities.length).toBeGreaterThan(0);
    });

    it("has spans whose text is exactly the source slice", () => {
      const text = fs.readFileSync(sourcePath, "utf8");
      const wrong = fixture.entities.filter(
        (e) => !(Number.isInteger(e.start) && e.start >= 0 && e.end > e.start && e.end <= text.length)
          || text.slice(e.start, e.end) !== e.text,
      );
      expect(wrong).toEqual([]);
    });

    it("uses only known types, each with the attributes it requires", () => {
      for (const e of fixture.entities) {
        expect(["person", "org", "place", "date"]).toContain(e.type);
        if (e.type === "person") {
          expect(Array.isArray(e.titles)).toBe(true);
          expect(Array.isArray(e.titleOrgs)).toBe(true);
          expect((e.titleOrgs as unknown[]).length).toBe((e.titles as unknown[]).length);
          expect(e.org === null || typeof e.org === "string").toBe(true);
          for (const t of e.titles as unknown[]) expect(t).toMatch(/^\S+$/);
        }
        if (e.type === "date") expect(e.value).toMatch(isoDate);
      }
    });

    it("is sorted by start and has no overlapping spans of the same type", () => {
      const starts = fixture.entities.map((e) => e.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      const lastEndByType = new Map<string, number>();
      const overlaps: GoldEntity[] = [];
      for (const e of fixture.entities) {
        if (e.start < (lastEndByType.get(e.type) ?? 0)) overlaps.push(e);
        lastEndByType.set(e.type, Math.max(e.end, lastEndByType.get(e.type) ?? 0));
      }
      expect(overlaps).toEqual([]);
    });

    it("never nests a place, person or org inside another of those spans", () => {
      // Convention: a place inside an org name (山西省人民政府) belongs to the org only.
      const named = fixture.entities.filter((e) => e.type !== "date");
      const nested = named.filter((a) => named.some((b) => b !== a && b.start <= a.start && a.end <= b.end));
      expect(nested).toEqual([]);
    });
  });
});
