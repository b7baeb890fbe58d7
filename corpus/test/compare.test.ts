/** Outcome rules, checked against facts about IEEE doubles that can be stated independently. */
import { describe, expect, test } from "vitest";
import { checkInvariant, compareOutput, ulpDistance, type TsValue } from "../src/compare.ts";
import type { GoldenOutput } from "../src/golden.ts";

const scalar = (value: number | boolean): TsValue => ({ kind: "scalar", value });
const golden = (values: string[], shape: number[] = [], dtype = "float64", kind = "f"): GoldenOutput => ({ dtype, kind, shape, values, printed: "" });

describe("ulpDistance", () => {
  test("adjacent doubles are one ulp apart", () => {
    expect(ulpDistance(1, 1 + Number.EPSILON)).toBe(1);
    expect(ulpDistance(0.1 + 0.2, 0.3)).toBe(1); // 0.30000000000000004 is the next double after 0.3
  });
  test("the distance crosses zero: the smallest subnormals either side are two apart", () => {
    expect(ulpDistance(-Number.MIN_VALUE, Number.MIN_VALUE)).toBe(2);
    expect(ulpDistance(-0, 0)).toBe(0);
  });
  test("NaN matches only NaN; infinities only themselves", () => {
    expect(ulpDistance(NaN, NaN)).toBe(0);
    expect(ulpDistance(NaN, 1)).toBe(Infinity);
    expect(ulpDistance(Infinity, Number.MAX_VALUE)).toBe(Infinity);
  });
});

describe("exact", () => {
  test("reports the element, both values and the ulp distance", () => {
    expect(compareOutput("out", { kind: "list", shape: [3], values: [1, 2, 0.1 + 0.2] }, golden(["1.0", "2.0", "0.3"], [3]), { rule: "exact" })).toEqual([
      "out[2]: got 0.30000000000000004, expected 0.3 (1 ulp > 0 allowed)",
    ]);
  });
  test("−0 equals +0 unless the case asks for the sign", () => {
    expect(compareOutput("s", scalar(-0), golden(["0.0"]), { rule: "exact" })).toEqual([]);
    expect(compareOutput("s", scalar(-0), golden(["0.0"]), { rule: "exact", signed_zero: true })).toHaveLength(1);
  });
  test("NaN equals NaN", () => {
    expect(compareOutput("s", scalar(NaN), golden(["NaN"]), { rule: "exact" })).toEqual([]);
    expect(compareOutput("s", scalar(1), golden(["NaN"]), { rule: "exact" })).toEqual(["s: got 1, expected NaN (NaN on one side only)"]);
  });
  test("multi-dimensional positions are written as indices", () => {
    const got: TsValue = { kind: "ndarray", dtype: "float64", shape: [2, 2], values: [1, 2, 3, 5] };
    expect(compareOutput("A", got, golden(["1", "2", "3", "4"], [2, 2]), { rule: "exact" })[0]).toMatch(/^A\[1, 1\]: got 5, expected 4/);
  });
});

describe("ulp and allclose", () => {
  test("ulp allows up to max units", () => {
    const next = 1 + 3 * Number.EPSILON;
    expect(compareOutput("y", scalar(next), golden(["1.0"]), { rule: "ulp", max: 3 })).toEqual([]);
    expect(compareOutput("y", scalar(next), golden(["1.0"]), { rule: "ulp", max: 2 })).toEqual([`y: got ${next}, expected 1 (3 ulp > 2 allowed)`]);
  });
  test("allclose is NumPy's asymmetric isclose, relative to the golden", () => {
    // |a - b| <= rtol * |b| with b the golden: 1.0 against a golden of 2.0 passes with rtol 0.5,
    // while 2.0 against a golden of 1.0 (the same pair, roles swapped) does not.
    expect(compareOutput("y", scalar(1.0), golden(["2.0"]), { rule: "allclose", rtol: 0.5 })).toEqual([]);
    expect(compareOutput("y", scalar(2.0), golden(["1.0"]), { rule: "allclose", rtol: 0.5 })).toHaveLength(1);
  });
  test("infinities must match exactly under allclose", () => {
    expect(compareOutput("y", scalar(Number.MAX_VALUE), golden(["Infinity"]), { rule: "allclose", rtol: 1 })).toHaveLength(1);
  });
});

describe("types and shapes", () => {
  test("a float golden rejects an int64 array and a bool golden rejects numbers", () => {
    expect(compareOutput("x", { kind: "ndarray", dtype: "int64", shape: [1], values: [1] }, golden(["1.0"], [1]), { rule: "exact" })[0]).toMatch(/got dtype int64, expected float64/);
    expect(compareOutput("b", scalar(1), golden([true as unknown as string], [], "bool", "b"), { rule: "exact" })[0]).toMatch(/got numbers, expected bool/);
  });
  test("a plain number matches an integer golden by value", () => {
    expect(compareOutput("n", scalar(3), golden(["3"], [], "int64", "i"), { rule: "exact" })).toEqual([]);
  });
  test("shape mismatch is reported before values", () => {
    expect(compareOutput("x", { kind: "list", shape: [2], values: [1, 2] }, golden(["1", "2"], [1, 2]), { rule: "exact" })).toEqual(["x: got shape (2), expected (1, 2)"]);
  });
});

describe("invariants", () => {
  const A = { dtype: "float64" as const, shape: [2, 2], values: [4, 7, 2, 6] };
  const inverse: TsValue = { kind: "ndarray", dtype: "float64", shape: [2, 2], values: [0.6, -0.7, -0.2, 0.4] };
  test("A times its inverse reconstructs the identity", () => {
    expect(checkInvariant({ check: "reconstructs", product: ["A", "Ainv"], equals: "identity", atol: 1e-12 }, { outputs: { Ainv: inverse }, inputs: { A }, golden: {} })).toEqual([]);
  });
  test("a wrong inverse does not", () => {
    const wrong: TsValue = { ...inverse, values: [0.6, -0.7, -0.2, 0.5] } as TsValue;
    expect(checkInvariant({ check: "reconstructs", product: ["A", "Ainv"], equals: "identity" }, { outputs: { Ainv: wrong }, inputs: { A }, golden: {} })).toHaveLength(1);
  });
  test("a rotation has orthonormal columns; a shear does not", () => {
    const c = Math.cos(0.3), s = Math.sin(0.3);
    const rot: TsValue = { kind: "list", shape: [2, 2], values: [c, -s, s, c] };
    const shear: TsValue = { kind: "list", shape: [2, 2], values: [1, 1, 0, 1] };
    expect(checkInvariant({ check: "orthonormal-columns", of: "Q" }, { outputs: { Q: rot }, inputs: {}, golden: {} })).toEqual([]);
    expect(checkInvariant({ check: "orthonormal-columns", of: "Q" }, { outputs: { Q: shear }, inputs: {}, golden: {} })).toHaveLength(1);
  });
  test("columns may differ in sign from NumPy's under close-up-to-column-sign, not under close", () => {
    const got: TsValue = { kind: "list", shape: [2, 2], values: [-1, 2, -3, 4] };
    const ctx = { outputs: { V: got }, inputs: {}, golden: { V: golden(["1", "2", "3", "4"], [2, 2]) } };
    expect(checkInvariant({ check: "close-up-to-column-sign", of: "V" }, ctx)).toEqual([]);
    expect(checkInvariant({ check: "close", of: "V" }, ctx)).toHaveLength(1);
  });
  test("sorted detects the first out-of-order pair", () => {
    const w: TsValue = { kind: "list", shape: [3], values: [1, 3, 2] };
    expect(checkInvariant({ check: "sorted", of: "w", order: "ascending" }, { outputs: { w }, inputs: {}, golden: {} })).toEqual(["w: not ascending at 1, 2 (3, 2)"]);
  });
});
