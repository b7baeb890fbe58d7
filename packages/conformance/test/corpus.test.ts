/**
 * The corpus is valid and every golden is fresh. Needs no Python: a golden is
 * stale when its recorded SHA-256 differs from the entry file's bytes.
 */
import { describe, expect, test } from "vitest";
import { formatDiagnostics, goldenProblem, loadCorpus } from "@maths-as-code/corpus";

const corpus = loadCorpus();

test("every entry file is valid (all problems listed at once)", () => {
  if (corpus.diagnostics.length) throw new Error(formatDiagnostics(corpus.diagnostics));
  expect(corpus.entries.length).toBeGreaterThan(0);
});

describe("goldens are fresh", () => {
  for (const entry of corpus.entries) {
    test(entry.id, () => {
      const problem = goldenProblem(corpus, entry);
      if (problem) throw new Error(problem);
      expect(problem).toBeUndefined();
    });
  }
});
