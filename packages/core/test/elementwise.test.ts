/**
 * Element-wise functions against NumPy 2.4.6 goldens (fixtures/elementwise.json,
 * written by fixtures/generate_elementwise.py): bit-exact for the correctly
 * rounded operations, within 4 ulp for the transcendental ones (V8's libm
 * versus NumPy's SIMD code). Prints, per function, the number of element
 * comparisons, how many were bit-identical and the largest ulp distance.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { buildArrays, decode, flatten, loadFixture, ulpDistance, type Encoded, type Expected } from "./helpers.ts";

type Arg = { array: string } | { scalar: string } | { bool: boolean } | { none: true } | { str: string };
type Exp = Expected | { tuple: Expected[] };
interface Case {
  fn: string;
  args: Arg[];
  axis?: number | null;
  kwargs?: Record<string, unknown>;
  attr?: string;
  expected: Exp;
  tolerance?: string;
}

const fixture = loadFixture<Case>("elementwise.json");
const arrays = buildArrays(fixture);
const stats = new Map<string, { cases: number; comparisons: number; exact: number; maxUlp: number }>();

function arg(a: Arg): unknown {
  if ("array" in a) return arrays.get(a.array)!;
  if ("bool" in a) return a.bool;
  if ("none" in a) return null;
  if ("str" in a) return a.str;
  return Number(a.scalar);
}

const KWARG_FNS = new Set(["isclose", "allclose", "array_equal", "nan_to_num"]);

function run(c: Case): unknown {
  const args = c.args.map(arg);
  const axis = c.axis ?? null;
  if (c.fn === "sum_of_multiply") return np.sum(np.multiply(args[0] as np.NDArray, args[1] as number), { axis });
  if (c.fn === "sum_of_subtract_self") {
    const v = args[0] as np.NDArray;
    return np.sum(np.subtract(v, np.mean(v, { axis: 0, keepdims: true })), { axis });
  }
  if (c.fn === "finfo") return np.finfo(args[0] as string)[c.attr as keyof np.FInfo];
  const f = (np as unknown as Record<string, (...a: unknown[]) => unknown>)[c.fn];
  if (typeof f !== "function") throw new Error(`np.${c.fn} is missing`);
  if (KWARG_FNS.has(c.fn)) return f(...args, c.kwargs ?? {});
  return f(...args);
}

/** Compares one result; returns a failure message or "" and feeds the statistics. */
function check(fn: string, actual: unknown, exp: Expected, tol: string | undefined): string {
  if ("error" in exp) return `expected error ${exp.error}`;
  const st = stats.get(fn)!;
  const got = flatten(actual);
  const expShape = "scalar" in exp ? null : exp.shape;
  const expVals = "scalar" in exp ? [decode(exp.scalar)] : exp.data.map((v: Encoded) => decode(v));
  // NumPy returns a NumPy scalar for 0-d array input; this library keeps a 0-d NDArray (documented).
  if (expShape === null && got.shape !== null && got.shape.length > 0) return `expected a scalar, got shape ${JSON.stringify(got.shape)}`;
  if (expShape !== null && JSON.stringify(got.shape) !== JSON.stringify(expShape)) return `shape ${JSON.stringify(got.shape)} != ${JSON.stringify(expShape)}`;
  if (got.dtype !== null && got.dtype !== exp.dtype) return `dtype ${got.dtype} != ${exp.dtype}`;
  let msg = "";
  for (let i = 0; i < expVals.length; i++) {
    const e = expVals[i];
    const g = got.values[i];
    st.comparisons++;
    const bothNaN = typeof e === "number" && typeof g === "number" && Number.isNaN(e) && Number.isNaN(g);
    if (Object.is(g, e) || bothNaN) {
      st.exact++;
      continue;
    }
    const u = typeof e === "number" && typeof g === "number" ? ulpDistance(g, e) : Infinity;
    st.maxUlp = Math.max(st.maxUlp, u);
    if ((tol !== "ulp" || u > 4) && !msg) msg = `element ${i}: got ${Object.is(g, -0) ? "-0" : String(g)} expected ${Object.is(e, -0) ? "-0" : String(e)} (${u} ulp)`;
  }
  return msg;
}

describe("element-wise functions match NumPy 2.4.6", () => {
  for (const c of fixture.cases) {
    const label = `${c.fn}(${c.args.map((a) => JSON.stringify(Object.values(a)[0])).join(", ")}${c.kwargs ? ", " + JSON.stringify(c.kwargs) : ""}${c.attr ? "." + c.attr : ""}${c.axis !== undefined ? `, axis=${c.axis}` : ""})`;
    if (!stats.has(c.fn)) stats.set(c.fn, { cases: 0, comparisons: 0, exact: 0, maxUlp: 0 });
    it(label, () => {
      stats.get(c.fn)!.cases++;
      if ("error" in c.expected) {
        expect(() => run(c)).toThrow(c.expected.error);
        return;
      }
      const r = run(c);
      if ("tuple" in c.expected) {
        expect(Array.isArray(r), "a tuple result").toBe(true);
        const parts = r as unknown[];
        expect(parts.length).toBe(c.expected.tuple.length);
        c.expected.tuple.forEach((e, k) => expect(check(c.fn, parts[k], e, c.tolerance)).toBe(""));
        return;
      }
      expect(check(c.fn, r, c.expected, c.tolerance)).toBe("");
    });
  }
});

afterAll(() => {
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = rows.map(
    ([k, s]) => `  ${k.padEnd(22)} cases ${String(s.cases).padStart(4)}  comparisons ${String(s.comparisons).padStart(5)}  bit-exact ${String(s.exact).padStart(5)}  max ulp ${s.maxUlp}`,
  );
  console.log(`[elementwise] NumPy 2.4.6 fixtures\n${lines.join("\n")}`);
});
