import nodejieba from "nodejieba";
import { describe, expect, it } from "vitest";
import { engineNamed } from "../src/segment/jieba.js";
import { itWithData, readData, seedText } from "./helpers/data.js";

const { tagWords } = engineNamed("nodejieba");

/** nodejieba's own tag() as parallel arrays, the reference the tag memo must reproduce. */
function reference(text: string) {
  const tagged = nodejieba.tag(text);
  return { words: tagged.map((w) => w.word), tags: tagged.map((w) => w.tag) };
}

describe("tagWords: cut(HMM) plus the tag memo", () => {
  // first, while the memo is empty, so the fallback really runs
  it("tags a word jieba cuts differently on its own (的事 alone is 的/事) from the whole piece", () => {
    tagWords("预热"); // loads gongwen's dictionaries into the shared engine before the reference runs
    const text = "是“意料之外的事”";
    expect(reference(text).words).toContain("的事");
    expect(reference("的事").words).toEqual(["的", "事"]);
    expect(tagWords(text)).toEqual(reference(text));
  });

  itWithData(["sighan2005", "policy"], "gives exactly nodejieba's tag() on every line of the PKU test set, the seed and a policy document", () => {
    const lines = [
      ...readData("sighan2005/pku_test.utf8").split(/\r?\n/),
      ...seedText().split("\n"),
      ...readData("policy/gwr-2024.txt").split("\n"),
    ].filter((line) => line.length > 0);
    expect(lines.length).toBeGreaterThan(2000);
    // twice: the first pass fills the memo, the second reads from it
    for (const pass of [1, 2]) {
      const mismatches = lines.filter((line) => JSON.stringify(tagWords(line)) !== JSON.stringify(reference(line)));
      expect(mismatches, `pass ${pass}`).toEqual([]);
    }
  });
});
