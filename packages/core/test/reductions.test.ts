/**
 * Reductions against NumPy 2.4.6 goldens, compared bit for bit
 * (Object.is: NaN equals NaN, +0 differs from -0).
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { buildArrays, compare, loadFixture, Tally, type Expected } from "./helpers.ts";

interface Case {
  fn: "sum" | "mean" | "prod" | "var" | "std" | "max" | "min" | "argmax" | "argmin";
  array: string;
  kwargs: { axis?: number | number[] | null; keepdims?: boolean; ddof?: number; dtype?: np.DType };
  expected: Expected;
}

const fixture = loadFixture<Case>("reductions.json");
const arrays = buildArrays(fixture);
const tally = new Tally("reductions");

/** Layout family of a fixture array, for the per-layout counts. */
export function family(name: string): string {
  if (name.startsWith("sp_")) return "special";
  if (name.startsWith("v_")) return "1d-strided";
  if (name.startsWith("1d_")) return "1d";
  if (name.startsWith("prod2dT")) return "2d-T";
  if (name.startsWith("prod2d")) return "2d";
  if (name.startsWith("prod_")) return "1d";
  if (name.startsWith("2dT_")) return "2d-T";
  if (name.startsWith("2d_colstep")) return "2d-colstep";
  if (name.startsWith("2d_rowrev")) return "2d-rowrev";
  if (name.startsWith("2d_")) return "2d";
  if (name.startsWith("3d")) return "3d";
  if (name.startsWith("buf_")) return "buffered-view";
  if (name.startsWith("int")) return "int64";
  if (name.startsWith("bool")) return "bool";
  return "other";
}

const fns = {
  sum: np.sum, mean: np.mean, prod: np.prod, var: np.var, std: np.std,
  max: np.max, min: np.min, argmax: np.argmax, argmin: np.argmin,
} as Record<Case["fn"], (a: np.NDArray, o: object) => unknown>;

describe("reductions match NumPy 2.4.6 bit for bit", () => {
  expect(fixture.numpy).toBe("2.4.6");
  for (const c of fixture.cases) {
    const label = `${c.fn}(${c.array}, ${JSON.stringify(c.kwargs)})`;
    it(label, () => {
      const a = arrays.get(c.array)!;
      const run = () => fns[c.fn](a, c.kwargs);
      if ("error" in c.expected) {
        expect(run).toThrow(c.expected.error);
        return;
      }
      const cmp = compare(run(), c.expected);
      tally.add(c.fn, cmp);
      tally.add(`${c.fn} / ${family(c.array)}`, cmp);
      expect(cmp.ok, cmp.detail).toBe(true);
    });
  }
});

afterAll(() => tally.report());
