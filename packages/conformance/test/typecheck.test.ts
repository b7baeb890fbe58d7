/** Every entry's shown TypeScript compiles against @maths-as-code/core's published types. */
import { describe, expect, test } from "vitest";
import { formatDiagnostic, loadCorpus } from "@maths-as-code/corpus";
import { prepareCases, scratchSnippetRoot } from "../src/runner.ts";
import { typecheck } from "../src/typecheck.ts";

const corpus = loadCorpus();
const results = typecheck(prepareCases(corpus, { snippetRoot: scratchSnippetRoot("typecheck") }));

describe("TypeScript snippets type-check", () => {
  for (const [id, diagnostics] of results) {
    test(id, () => {
      if (diagnostics.length) throw new Error(diagnostics.map(formatDiagnostic).join("\n"));
      expect(diagnostics).toEqual([]);
    });
  }
});
