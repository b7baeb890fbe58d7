/**
 * Signed-zero ties in max/min/ptp/nanmax/nanmin against NumPy 2.4.6 on an
 * AVX-512 machine (fixtures/minmax_zero.json, written by
 * fixtures/generate_minmax_zero.py), compared bit for bit (Object.is: +0
 * differs from -0). "fmax"/"fmin" cases run NumPy's `np.fmax.reduce` /
 * `np.fmin.reduce` on the caller's array through `reduceCore`, which is
 * what `nanmax`/`nanmin` are in NumPy. Prints per family: comparisons and
 * bit-exact count.
 *
 * `nanmax`/`nanmin` are `fmax.reduce`/`fmin.reduce` of the array itself, as in
 * NumPy, so they are held to the sign of zero too.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { axisFlags } from "../src/iter.ts";
import { reduceCore, unwrap } from "../src/reductions.ts";
import { buildArrays, compare, loadFixture, type Expected } from "./helpers.ts";

interface Case {
  family: string;
  fn: "max" | "min" | "ptp" | "nanmax" | "nanmin" | "fmax" | "fmin";
  array: string;
  kwargs: { axis?: number | number[] | null; keepdims?: boolean };
  expected: Expected;
}

const fixture = loadFixture<Case>("minmax_zero.json");
const arrays = buildArrays(fixture);
const counts = new Map<string, [number, number]>();
function run(c: Case): unknown {
  const a = arrays.get(c.array)!;
  const opts = { axis: c.kwargs.axis ?? null, keepdims: !!c.kwargs.keepdims };
  switch (c.fn) {
    case "fmax":
    case "fmin": {
      const flags = axisFlags(opts.axis, a.ndim);
      return unwrap(reduceCore(a, flags, c.fn, "float64", opts.keepdims), flags, opts.keepdims);
    }
    default:
      return np[c.fn](a, opts);
  }
}

describe("signed-zero ties in max/min reductions (NumPy 2.4.6, AVX-512)", () => {
  for (const c of fixture.cases) {
    it(`${c.family} ${c.fn} ${c.array} ${JSON.stringify(c.kwargs)}`, () => {
      const cmp = compare(run(c), c.expected);
      for (const key of [`${c.fn} / ${c.family}`, `${c.fn} (all)`]) {
        const t = counts.get(key) ?? [0, 0];
        t[0]++;
        if (cmp.bitExact) t[1]++;
        counts.set(key, t);
      }
      expect(cmp.ok, cmp.detail).toBe(true);
    });
  }
});

afterAll(() => {
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(["minmax-zero: comparisons / bit-exact", ...rows.map(([k, [n, e]]) => `  ${k}: ${n} / ${e}`)].join("\n"));
});
