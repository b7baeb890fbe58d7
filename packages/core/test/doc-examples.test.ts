/**
 * Every doc-comment example is true: what the doc says NumPy prints is what NumPy
 * printed for the twin (fixtures/doc-examples.json, from `pnpm run examples`), and the
 * TypeScript expression gives NumPy's value.
 */
import { readFileSync, existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compareOutput, serialise, type GoldenOutput } from "@maths-as-code/corpus/compare";
import * as np from "../src/index.ts";
import { extractExamples, FIXTURE } from "../scripts/doc-examples.ts";

const examples = extractExamples();
const fixture = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, "utf8")) as { symbol: string; numpy: string; printed: string; value: GoldenOutput }[]) : [];

test("the NumPy fixture covers exactly the examples in the sources", () => {
  expect(
    fixture.map((f) => f.numpy),
    "examples changed since fixtures/doc-examples.json was generated: run `pnpm --filter @maths-as-code/core run examples`",
  ).toEqual(examples.map((e) => e.numpy));
});

describe("doc examples", () => {
  examples.forEach((example, i) => {
    test(`${example.symbol}: ${example.expr}  (${example.where})`, () => {
      const twin = fixture[i];
      expect(twin?.numpy, "fixture out of date: run `pnpm --filter @maths-as-code/core run examples`").toBe(example.numpy);
      expect(example.printed, `the doc's printed result must be what NumPy prints for ${example.numpy}`).toBe(twin.printed);
      const value = new Function("np", `${example.setup}\nreturn (${example.expr});`)(np) as unknown;
      const problems = compareOutput("result", serialise(value), twin.value, example.tolerance);
      expect(problems).toEqual([]);
    });
  });
  test("there are examples to check", () => expect(examples.length).toBeGreaterThan(0));
});
