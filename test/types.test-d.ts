/** What a strict TypeScript user sees: the Doc's fields follow the stages, entities narrow by `type`. */
import { describe, expectTypeOf, it } from "vitest";
import {
  analyze,
  createAnalyzer,
  entityStage,
  segmentStage,
  sentenceStage,
  type CountEntity,
  type DateEntity,
  type Doc,
  type Entity,
  type EntityOf,
  type FullDoc,
  type Keyword,
  type PageInfo,
  type PersonEntity,
  type Stage,
  type Summary,
} from "../src/index.js";

describe("the Doc of analyze() and createAnalyzer()", () => {
  it("analyze(text) has every default field, meeting still optional", () => {
    const doc = analyze("");
    expectTypeOf(doc).toEqualTypeOf<FullDoc>();
    expectTypeOf(doc.entities).toEqualTypeOf<Entity[]>();
    expectTypeOf(doc.keywords).toEqualTypeOf<Keyword[]>();
    expectTypeOf(doc.summary).toEqualTypeOf<Summary>();
    expectTypeOf(doc.page).toEqualTypeOf<PageInfo>();
    expectTypeOf(doc.meeting).toBeNullable();
    expectTypeOf(analyze("", { referenceDate: "2023-05-18" })).toEqualTypeOf<FullDoc>();
    expectTypeOf(createAnalyzer().analyze("")).toEqualTypeOf<FullDoc>();
    const [outcome] = createAnalyzer().analyzeBlock([""]);
    if (outcome?.ok) expectTypeOf(outcome.doc).toEqualTypeOf<FullDoc>();
  });

  it("with stages, exactly the fields they fill are required", () => {
    const doc = createAnalyzer({ stages: ["segment", "sentences", "entities"] }).analyze("");
    expectTypeOf(doc.entities).toEqualTypeOf<Entity[]>();
    expectTypeOf(doc.clauses).toEqualTypeOf<FullDoc["clauses"]>();
    expectTypeOf(doc.keywords).toBeNullable();
    expectTypeOf(doc.summary).toBeNullable();
    expectTypeOf(analyze("", { stages: ["segment", "keywords"] }).keywords).toEqualTypeOf<Keyword[]>();
    expectTypeOf(analyze("", { stages: ["segment", "keywords"] }).entities).toBeNullable();
  });

  it("stage objects count too; a stage typed only as Stage promises nothing", () => {
    expectTypeOf(createAnalyzer({ stages: [segmentStage, sentenceStage, entityStage] }).analyze("").entities).toEqualTypeOf<Entity[]>();
    const mine: Stage = { ...entityStage, name: "mine" };
    expectTypeOf(createAnalyzer({ stages: [segmentStage, mine] }).analyze("").entities).toBeNullable();
  });

  it("stages chosen at run time guarantee only the always-present fields", () => {
    const stages: ("segment" | "entities")[] = ["segment"];
    expectTypeOf(createAnalyzer({ stages }).analyze("")).toEqualTypeOf<Doc>();
  });

  it("analyzeMany yields the analyzer's Doc", () => {
    expectTypeOf(createAnalyzer().analyzeMany([])).toEqualTypeOf<AsyncGenerator<FullDoc>>();
  });
});

describe("entities narrow by type", () => {
  it("a person's attrs are required and typed", () => {
    const entity = {} as Entity;
    if (entity.type === "person") {
      expectTypeOf(entity).toEqualTypeOf<PersonEntity>();
      expectTypeOf(entity.attrs.titles).toEqualTypeOf<string[]>();
      expectTypeOf(entity.attrs.titleOrgs).toEqualTypeOf<(string | null)[]>();
      expectTypeOf(entity.attrs.org).toEqualTypeOf<string | null>();
    }
  });

  it("a count's value is a number, a date's an ISO string with precision and relative", () => {
    expectTypeOf<CountEntity["value"]>().toEqualTypeOf<number>();
    expectTypeOf<CountEntity["attrs"]>().toEqualTypeOf<{ noun: string; classifier: string }>();
    expectTypeOf<DateEntity["value"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DateEntity["attrs"]["relative"]>().toEqualTypeOf<boolean>();
    expectTypeOf<EntityOf<"count">>().toEqualTypeOf<CountEntity>();
  });

  it("find with a type guard gives the narrowed entity", () => {
    const doc = analyze("");
    const person = doc.entities.find((e): e is PersonEntity => e.type === "person");
    expectTypeOf(person).toEqualTypeOf<PersonEntity | undefined>();
  });

  it("a quote has neither value nor attrs", () => {
    expectTypeOf<EntityOf<"quote">>().not.toHaveProperty("attrs");
    expectTypeOf<EntityOf<"quote">>().not.toHaveProperty("value");
  });
});
