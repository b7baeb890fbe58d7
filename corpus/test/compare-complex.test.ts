/** Complex outputs (NumPy kind c): goldens store {"complex": [re, im]}, compared part by part. */
import { describe, expect, test } from "vitest";
import { compareOutput, serialise } from "../src/compare.ts";
import type { GoldenOutput } from "../src/golden.ts";

const golden = (re: string, im: string): GoldenOutput => ({ dtype: "complex128", kind: "c", shape: [], values: [{ complex: [re, im] }], printed: "" });
const z = (real: number, imag: number) => serialise({ real, imag });

describe("complex outputs", () => {
  test("a { real, imag } object crosses as a complex scalar", () => {
    expect(z(1, 3)).toEqual({ kind: "scalar", value: { real: 1, imag: 3 } });
  });
  test("exact compares both parts; the sign of zero only when asked", () => {
    expect(compareOutput("z", z(1, 3), golden("1.0", "3.0"), { rule: "exact" })).toEqual([]);
    expect(compareOutput("z", z(2, 0), golden("2.0", "-0.0"), { rule: "exact" })).toEqual([]);
    expect(compareOutput("z", z(2, 0), golden("2.0", "-0.0"), { rule: "exact", signed_zero: true })).toEqual([
      "z: imaginary part: got 0, expected -0 (sign of zero differs, and this case asks for it)",
    ]);
  });
  test("ulp applies to each part; NaN and infinities as for reals", () => {
    expect(compareOutput("z", z(-1, 1.2246467991473532e-16 * (1 + 2 * Number.EPSILON)), golden("-1.0", "1.2246467991473532e-16"), { rule: "ulp", max: 2 })).toEqual([]);
    expect(compareOutput("z", z(NaN, Infinity), golden("NaN", "Infinity"), { rule: "exact" })).toEqual([]);
    expect(compareOutput("z", z(1, -Infinity), golden("1.0", "Infinity"), { rule: "ulp" })).toHaveLength(1);
  });
  test("a real result against a complex golden, and the reverse, is a type mismatch", () => {
    expect(compareOutput("z", { kind: "scalar", value: 1 }, golden("1.0", "0.0"), { rule: "exact" })[0]).toMatch(/got real numbers, expected complex128 scalar/);
    const real: GoldenOutput = { dtype: "float64", kind: "f", shape: [], values: ["1.0"], printed: "1.0" };
    expect(compareOutput("x", z(1, 0), real, { rule: "exact" })[0]).toMatch(/got a complex number, expected float64 scalar/);
  });
});
