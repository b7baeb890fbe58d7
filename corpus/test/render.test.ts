/** The prelude a reader pastes: literal, runnable, faithful to the declared dtype. */
import { describe, expect, test } from "vitest";
import { renderSource, renderInput } from "../src/render.ts";
import { decodeScalar, encodeScalar, shapeOf } from "../src/values.ts";

describe("preludes", () => {
  test("float64 arrays stay float in Python, plain numbers in TypeScript", () => {
    const x = { dtype: "float64" as const, shape: [3], values: [1, 2.5, -0] };
    expect(renderInput("numpy", "x", x)).toBe("x = np.array([1.0, 2.5, -0.0])");
    expect(renderInput("typescript", "x", x)).toBe("const x = np.array([1, 2.5, -0]);");
  });
  test("int64 is declared in TypeScript; NaN and infinities are spelled per language", () => {
    expect(renderInput("typescript", "n", { dtype: "int64", shape: [2], values: [1, 2] })).toBe('const n = np.array([1, 2], { dtype: "int64" });');
    expect(renderInput("numpy", "x", { dtype: "float64", shape: [3], values: [NaN, Infinity, -Infinity] })).toBe("x = np.array([np.nan, np.inf, -np.inf])");
    expect(renderInput("typescript", "x", { dtype: "float64", shape: [3], values: [NaN, Infinity, -Infinity] })).toBe("const x = np.array([NaN, Infinity, -Infinity]);");
  });
  test("empty int64 and bool arrays carry their dtype in both languages", () => {
    expect(renderInput("numpy", "m", { dtype: "bool", shape: [0], values: [] })).toBe("m = np.array([], dtype=bool)");
    expect(renderInput("typescript", "m", { dtype: "bool", shape: [0], values: [] })).toBe('const m = np.array([], { dtype: "bool" });');
    expect(renderInput("numpy", "n", { dtype: "int64", shape: [0], values: [] })).toBe("n = np.array([], dtype=np.int64)");
  });
  test("an empty array whose zero is not the last axis keeps its shape (a nested [] would be (0,))", () => {
    const x = { dtype: "float64" as const, shape: [0, 3], values: [] };
    expect(renderInput("numpy", "x", x)).toBe("x = np.zeros((0, 3), dtype=np.float64)");
    expect(renderInput("typescript", "x", x)).toBe('const x = np.zeros([0, 3], { dtype: "float64" });');
    expect(renderInput("numpy", "x", { ...x, shape: [2, 0] })).toBe("x = np.array([[], []])");
  });
  test("scalars are plain literals", () => {
    expect(renderInput("numpy", "lr", { dtype: "float64", shape: [], values: [3] })).toBe("lr = 3.0");
    expect(renderInput("typescript", "flag", { dtype: "bool", shape: [], values: [true] })).toBe("const flag = true;");
  });
  test("the body follows the prelude after a blank line, and its first line is known", () => {
    const r = renderSource("numpy", { x: { dtype: "float64", shape: [2], values: [1, 2] } }, "s = np.sum(x)\n");
    expect(r.source).toBe("import numpy as np\n\nx = np.array([1.0, 2.0])\n\ns = np.sum(x)\n");
    expect(r.source.split("\n")[r.bodyLine - 1]).toBe("s = np.sum(x)");
  });
  test("long vectors wrap and stay valid literals", () => {
    const values = Array.from({ length: 40 }, (_, i) => i / 7);
    const text = renderInput("typescript", "x", { dtype: "float64", shape: [40], values });
    expect(text.split("\n").every((l) => l.length <= 88)).toBe(true);
    expect(Function(`return ${text.replace(/^const x = np\.array\(|\);$/g, "")}`)()).toEqual(values);
  });
});

describe("golden value tokens", () => {
  test("round-trip every special double", () => {
    for (const v of [0.1, -0, 0, NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, 1e-310]) {
      expect(Object.is(decodeScalar(encodeScalar(v)), v)).toBe(true);
    }
  });
  test("Python's spellings parse too", () => {
    expect(Object.is(decodeScalar("-0.0"), -0)).toBe(true);
    expect(decodeScalar("1e+300")).toBe(1e300);
  });
});

describe("shapes of literals", () => {
  test("rectangular nested lists have a shape; ragged ones are refused with the place", () => {
    expect(shapeOf([[1, 2], [3, 4], [5, 6]])).toEqual({ ok: true, shape: [3, 2], flat: [1, 2, 3, 4, 5, 6] });
    expect(shapeOf([[], []])).toEqual({ ok: true, shape: [2, 0], flat: [] });
    expect(shapeOf([[1, 2], [3]])).toEqual({ ok: false, message: "the list at [1] has 1 elements where 2 are expected: arrays must be rectangular" });
  });
});
