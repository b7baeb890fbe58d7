/**
 * A contributor's mistakes, one per fixture file in test/fixtures/broken: each is
 * reported with its file, line, column and rule code — and all in one run.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadCorpus, formatDiagnostic } from "../src/index.ts";

const BROKEN = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/broken/corpus");
const corpus = loadCorpus(BROKEN);
const lines = corpus.diagnostics.map(formatDiagnostic);
const la = "corpus/entries/linear-algebra";

describe("a malformed entry is reported where the mistake is", () => {
  test.each([
    ["YAML syntax (an unclosed flow sequence)", `${la}/bad-yaml.yaml:10:1 error MAC001 `],
    ["a missing required field", `${la}/missing-field.yaml:1:1 error MAC003 missing required field "meaning"`],
    ["an unknown field, with a suggestion", `${la}/unknown-field.yaml:7:1 error MAC004 unknown field "ml_uses" in the entry: did you mean "ml_use"?`],
    ["an id that differs from the file name", `${la}/id-mismatch.yaml:1:5 error MAC006 id "id-mismatched" does not match the file name`],
    ["a duplicate id (first file)", `corpus/entries/calculus/twin.yaml:1:5 error MAC007 id "twin" is also used by ${la}/twin.yaml`],
    ["a duplicate id (second file)", `${la}/twin.yaml:1:5 error MAC007 id "twin" is also used by corpus/entries/calculus/twin.yaml`],
    ["LaTeX that KaTeX rejects", `${la}/bad-latex.yaml:5:`],
    ["LaTeX in double quotes", `${la}/double-quoted-latex.yaml:4:8 error MAC002 latex is in double quotes`],
  ])("%s", (_situation, expected) => {
    expect(lines.some((l) => l.startsWith(expected)), `expected a line starting with\n  ${expected}\ngot\n  ${lines.join("\n  ")}`).toBe(true);
  });

  test("KaTeX's own message is passed on", () => {
    expect(lines.find((l) => l.includes("bad-latex.yaml"))).toMatch(/MAC008 KaTeX cannot render latex: .*expected '\}'/);
  });

  test("every problem is reported in one run, and nothing else", () => {
    expect(corpus.diagnostics.map((d) => `${path.basename(d.file)} ${d.code}`).sort()).toEqual(
      [
        "bad-latex.yaml MAC008",
        "bad-yaml.yaml MAC001",
        "double-quoted-latex.yaml MAC002",
        "id-mismatch.yaml MAC006",
        "missing-field.yaml MAC003",
        "twin.yaml MAC007",
        "twin.yaml MAC007",
        "unknown-field.yaml MAC004",
      ].sort(),
    );
  });

  test("entries that are only semantically wrong are still loaded; unreadable ones are not", () => {
    expect(corpus.entries.map((e) => e.id).sort()).toEqual(["bad-latex", "double-quoted-latex", "id-mismatched", "twin", "twin"]);
  });
});
