/**
 * The suite must be able to fail. These tests break things on purpose — a number
 * in one entry's TypeScript, the core's summation kernel, a snippet that hangs —
 * and check that the suite notices exactly where it should.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadCorpus, type Entry } from "@maths-as-code/corpus";
import { PACKAGE_DIR, prepareCases, runAll, scratchSnippetRoot, type CaseReport } from "../src/runner.ts";

const corpus = loadCorpus();
const scratch = mkdtempSync(path.join(tmpdir(), "mac-must-fail-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const failingEntries = (reports: CaseReport[]) => [...new Set(reports.filter((r) => r.problems.length).map((r) => r.prepared.entry.id))].sort();

describe("changing one number in one entry's TypeScript", () => {
  // The sample variance's divisor: { ddof: 1 } becomes { ddof: 2 }, a one-character slip a reader could make.
  const target = corpus.entries.find((e) => e.id === "variance")!;
  const mutated = target.typescript!.replace(/ddof: 1/, "ddof: 2");

  test(`fails that entry (${target.id}) and no other`, async () => {
    expect(mutated).not.toBe(target.typescript);
    const root = scratchSnippetRoot("must-fail-number");
    const reports = await runAll(prepareCases(corpus, { snippetRoot: root, typescriptOverride: (e: Entry) => (e.id === target.id ? mutated : undefined) }));
    expect(failingEntries(reports)).toEqual([target.id]);
  });
});

describe("a core whose summation kernel is a naive left-to-right loop", () => {
  // A copy of the built core with only dist/kernels/pairwise.js replaced, installed where snippets resolve it.
  const coreDir = path.join(scratch, "node_modules", "@maths-as-code", "core");
  const builtCore = path.resolve(PACKAGE_DIR, "../core");
  mkdirSync(coreDir, { recursive: true });
  cpSync(path.join(builtCore, "dist"), path.join(coreDir, "dist"), { recursive: true });
  writeFileSync(path.join(coreDir, "package.json"), readFileSync(path.join(builtCore, "package.json")));
  const kernel = path.join(coreDir, "dist", "kernels", "pairwise.js");
  writeFileSync(
    kernel,
    `export function pairwiseSum(data, offset, n, stride) {\n  let s = 0;\n  for (let i = 0; i < n; i++) s += data[offset + i * stride];\n  return s;\n}\n`,
  );

  test("fails the entries whose results depend on NumPy's pairwise summation, and only those", async () => {
    const reports = await runAll(prepareCases(corpus, { snippetRoot: path.join(scratch, "snippets") }));
    const failing = failingEntries(reports);
    for (const id of ["sum", "mean", "variance"]) expect(failing, `${id} should fail with a naive sum`).toContain(id);
    for (const id of ["transpose", "identity", "matrix", "vector", "tensor", "scalar"]) expect(failing, `${id} does not sum`).not.toContain(id);
    // The long random cases are what catch it: short inputs sum the same either way.
    const sumFailures = reports.filter((r) => r.prepared.entry.id === "sum" && r.problems.length).map((r) => r.prepared.case.name);
    expect(sumFailures).toContain("long-random-pairwise");
  });
});

describe("a snippet that loops forever or throws", () => {
  test("fails its own cases within the time limit while the rest still run", async () => {
    const root = scratchSnippetRoot("must-fail-hang");
    const reports = await runAll(
      prepareCases(corpus, {
        snippetRoot: root,
        timeoutMs: 1500,
        typescriptOverride: (e: Entry) => (e.id === "sum" ? "while (true) {}\nconst total = 0;\n" : e.id === "vector" ? 'throw new Error("boom");\nconst shape = [];\nconst n = 0;\n' : undefined),
      }),
    );
    expect(failingEntries(reports)).toEqual(["sum", "vector"]);
    const sum = reports.filter((r) => r.prepared.entry.id === "sum");
    expect(sum.every((r) => r.problems.some((p) => p.includes("did not finish within 1500 ms")))).toBe(true);
    const vector = reports.find((r) => r.prepared.entry.id === "vector")!;
    expect(vector.problems[0]).toMatch(/^threw Error: boom \(corpus\/entries\/scalars-vectors-matrices-tensors\/vector\.yaml:\d+\)/);
  });
});
