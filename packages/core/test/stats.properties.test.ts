/**
 * Property-based tests (fast-check) for the statistics / sorting / sets family.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";

const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1, 1) },
);
const vec = (minLength = 0, maxLength = 300) => fc.array(value, { minLength, maxLength });
const finiteVec = (minLength = 1) => fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength, maxLength: 300 });

/** NumPy's order: NaN after everything. */
const le = (a: number, b: number): boolean => a <= b || Number.isNaN(b);

describe("sorting / statistics / sets properties", () => {
  it("sort is an ordered permutation (NaN last); argsort (stable) indexes it and keeps ties in input order", () => {
    fc.assert(
      fc.property(vec(), (xs) => {
        const s = np.sort(xs).tolist() as number[];
        const p = np.argsort(xs, { kind: "stable" }).tolist() as number[];
        for (let i = 1; i < s.length; i++) if (!le(s[i - 1], s[i])) return false;
        // permutation: the multiset of values is preserved
        const key = (v: number) => (Number.isNaN(v) ? "NaN" : Object.is(v, -0) ? "-0" : String(v));
        const count = new Map<string, number>();
        for (const v of xs) count.set(key(v), (count.get(key(v)) ?? 0) + 1);
        for (const v of s) count.set(key(v), (count.get(key(v)) ?? 0) - 1);
        if ([...count.values()].some((c) => c !== 0)) return false;
        if (new Set(p).size !== xs.length) return false;
        for (let i = 0; i < p.length; i++) if (!Object.is(xs[p[i]], s[i])) return false;
        for (let i = 1; i < p.length; i++) {
          const a = xs[p[i - 1]];
          const b = xs[p[i]];
          const tie = a === b || (Number.isNaN(a) && Number.isNaN(b));
          if (tie && p[i - 1] > p[i]) return false;
        }
        return true;
      }),
    );
  });

  it("unique with inverse reconstructs the input; counts sum to the length; index points at the first occurrence", () => {
    fc.assert(
      fc.property(vec(), (xs) => {
        const [u, idx, inv, cnt] = np.unique(xs, { return_index: true, return_inverse: true, return_counts: true }) as np.NDArray[];
        const uv = u.tolist() as number[];
        const iv = inv.tolist() as number[];
        for (let i = 0; i < xs.length; i++) {
          const r = uv[iv[i]];
          if (!(r === xs[i] || (Number.isNaN(r) && Number.isNaN(xs[i])))) return false;
        }
        for (let i = 1; i < uv.length; i++) if (!(le(uv[i - 1], uv[i]) && !(uv[i - 1] === uv[i]))) return false;
        const ix = idx.tolist() as number[];
        for (let k = 0; k < ix.length; k++) if (!Object.is(xs[ix[k]], uv[k])) return false;
        return (cnt.tolist() as number[]).reduce((a, b) => a + b, 0) === xs.length;
      }),
    );
  });

  it("the last element of cumsum is the sequential (left-to-right) sum", () => {
    fc.assert(
      fc.property(vec(1), (xs) => {
        const c = np.cumsum(xs).tolist() as number[];
        let s = xs[0];
        for (let i = 1; i < xs.length; i++) s += xs[i];
        return Object.is(c[c.length - 1], s);
      }),
    );
  });

  it("quantile is monotone in q (linear and the discrete methods)", () => {
    fc.assert(
      fc.property(finiteVec(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }), (xs, qs) => {
        const q = [...qs].sort((a, b) => a - b);
        for (const method of ["linear", "lower", "higher", "nearest", "midpoint"] as const) {
          const r = np.quantile(xs, q, { method }) as np.NDArray;
          const v = r.tolist() as number[];
          for (let i = 1; i < v.length; i++) if (v[i] < v[i - 1]) return false;
        }
        return true;
      }),
    );
  });

  it("bincount sums to the length; weighted bincount of ones equals bincount", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), (xs, minlength) => {
        const c = np.bincount(xs, { minlength }).tolist() as number[];
        const w = np.bincount(xs, { minlength, weights: xs.map(() => 1) }).tolist() as number[];
        return c.reduce((a, b) => a + b, 0) === xs.length && c.length >= minlength && c.every((v, i) => v === w[i]);
      }),
    );
  });

  it("histogram counts every in-range value exactly once", () => {
    fc.assert(
      fc.property(finiteVec(), fc.integer({ min: 1, max: 30 }), (xs, bins) => {
        // A range narrower than `bins` representable steps (e.g. [-5e-324, 0] in 2 bins) is an error in
        // NumPy too ("Too many bins for data range"): nothing to count there.
        let h;
        try {
          [h] = np.histogram(xs, { bins });
        } catch (e) {
          const width = (Math.max(...xs) - Math.min(...xs)) / bins;
          return /Too many bins for data range/.test((e as Error).message) && width < 1e-300;
        }
        return (h.tolist() as number[]).reduce((a, b) => a + b, 0) === xs.length;
      }),
    );
  });

  it("searchsorted keeps the array sorted on insertion", () => {
    fc.assert(
      fc.property(vec(0, 100), value, fc.boolean(), (xs, v, right) => {
        const s = np.sort(xs).tolist() as number[];
        const i = np.searchsorted(s, v, { side: right ? "right" : "left" });
        const t = [...s.slice(0, i), v, ...s.slice(i)];
        for (let k = 1; k < t.length; k++) if (!le(t[k - 1], t[k])) return false;
        return true;
      }),
    );
  });

  it("set identities: union ⊇ both, intersection ⊆ both, setdiff ∪ intersection = unique(a) (finite values)", () => {
    const ints = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 });
    fc.assert(
      fc.property(ints, ints, (a, b) => {
        const u = new Set(np.union1d(a, b).tolist() as number[]);
        const i = np.intersect1d(a, b).tolist() as number[];
        const d = np.setdiff1d(a, b).tolist() as number[];
        const x = np.setxor1d(a, b).tolist() as number[];
        const ua = np.unique(a).tolist() as number[];
        if (![...a, ...b].every((v) => u.has(v))) return false;
        if (!i.every((v) => a.includes(v) && b.includes(v))) return false;
        if (JSON.stringify([...d, ...i].sort((p, q) => p - q)) !== JSON.stringify(ua)) return false;
        const inA = (np.isin(a, b) as np.NDArray).tolist() as boolean[];
        if (!a.every((v, k) => inA[k] === b.includes(v))) return false;
        return x.every((v) => a.includes(v) !== b.includes(v));
      }),
    );
  });

  it("nanmean equals mean of the non-NaN values when they are stored contiguously", () => {
    fc.assert(
      fc.property(vec(1), (xs) => {
        const kept = xs.filter((v) => !Number.isNaN(v));
        if (kept.length === 0) return Number.isNaN(np.nanmean(xs));
        // nansum replaces NaN by 0 (same positions), so compare with that, not with the compacted array
        const zeroed = xs.map((v) => (Number.isNaN(v) ? 0 : v));
        return Object.is(np.nanmean(xs), np.sum(zeroed) / kept.length);
      }),
    );
  });
});

it("all/any treat NaN as true", () => {
  expect(np.all([NaN])).toBe(true);
  expect(np.any([0, -0])).toBe(false);
});
