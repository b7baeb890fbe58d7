/**
 * Long lanes (≥ 512) are argsorted by a radix sort on order-preserving keys; it must give exactly
 * the stable order NumPy's kind="stable" defines: ascending by `<`, NaN last, −0 equal to +0, and
 * equal values in index order. The reference is a comparator sort (JS sorts are stable).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { npLess } from "../src/sorting.ts";

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];
const value = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.integer({ min: -4, max: 4 }), // many ties
  fc.double({ noNaN: false }),
);

function stableOrder(v: number[]): number[] {
  return v.map((_, i) => i).sort((a, b) => (npLess(v[a], v[b]) ? -1 : npLess(v[b], v[a]) ? 1 : 0));
}

describe("argsort of long lanes (radix path)", () => {
  it("equals the stable comparator order, ties, NaN and ±0 included", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 512, maxLength: 3000 }), (v) => {
        expect((np.argsort(v, { kind: "stable" }).tolist() as number[])).toEqual(stableOrder(v));
      }),
      { numRuns: 60 },
    );
  });
  it("sorts each row of a 2-D array on its own (axis -1) and columns (axis 0)", () => {
    const rows = Array.from({ length: 3 }, (_, r) => Array.from({ length: 700 }, (_, i) => ((i * 7919 + r * 13) % 101) - 50));
    const got = np.argsort(rows, { kind: "stable" }).tolist() as number[][];
    rows.forEach((row, r) => expect(got[r]).toEqual(stableOrder(row)));
    const cols = np.argsort(np.array(rows).T, { axis: 0, kind: "stable" }).T.tolist() as number[][];
    rows.forEach((row, r) => expect(cols[r]).toEqual(stableOrder(row)));
  });
});
