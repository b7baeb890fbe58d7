/**
 * One test per entry and case: the entry's TypeScript, run in a worker with a
 * time limit, must agree with NumPy's golden under the case's outcome rule.
 */
import { afterAll, describe, expect, test } from "vitest";
import { pathToFileURL } from "node:url";
import { loadCorpus } from "@maths-as-code/corpus";
import { WorkerPool } from "../src/pool.ts";
import { caseLabel, judge, prepareCases } from "../src/runner.ts";

const corpus = loadCorpus();
const prepared = prepareCases(corpus);
const pool = new WorkerPool(2);
afterAll(() => pool.close());

const byEntry = Map.groupBy(prepared, (p) => p.entry.id);
for (const [id, cases] of byEntry) {
  describe.concurrent(id, () => {
    for (const p of cases) {
      test(`case "${p.case.name}"`, async () => {
        const result = p.setupProblem
          ? undefined
          : await pool.run({ url: pathToFileURL(p.modulePath).href, outputs: p.entry.outputs ?? [] }, p.timeoutMs);
        const problems = result ? judge(p, result) : [p.setupProblem!];
        if (problems.length) throw new Error(problems.map((m) => `${caseLabel(p)} › ${m}`).join("\n"));
        expect(problems).toEqual([]);
      });
    }
  });
}

test("the corpus has computable entries to check", () => {
  expect(prepared.length).toBeGreaterThan(0);
});
