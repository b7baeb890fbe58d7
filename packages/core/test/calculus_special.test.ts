/**
 * Calculus, signals and special functions against fixtures/calculus_special.json
 * (fixtures/generate_calculus_special.py: NumPy 2.4.6, Python's math module and
 * decimal references — never this library). Prints, per function, the number of
 * element comparisons, how many are bit-identical and the largest ulp distance.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { decode, flatten, loadFixture, ulpDistance, type Encoded } from "./helpers.ts";

type Arg =
  | { array: { shape: number[]; dtype: np.DType; data: Encoded[] }; T: boolean }
  | { scalar: string } | { int: number } | { none: true } | { str: string } | { list: number[] } | { bool: boolean };
type Exp =
  | { scalar: Encoded; dtype: string }
  | { shape: number[]; data: Encoded[]; dtype: string }
  | { list: Exp[] }
  | { bigint: string }
  | { error: string; type: string };
interface Case { fn: string; group: string; args: Arg[]; kwargs: Record<string, Arg>; expected: Exp; tol: "exact" | "ulp" }

const fixture = loadFixture<Case>("calculus_special.json");

/** Allowed ulp per group for "ulp" cases (the measured maxima are printed). */
const ULP_BOUND: Record<string, number> = {
  erf: 2, erfc: 4, erfinv: 2, erfinv_special: 0, expit: 2, logit: 2, softmax: 4, log_softmax: 8, logsumexp: 4,
  xlogy: 2, xlog1py: 2, gamma: 16, gamma_hp: 16, factorial: 16, entr: 2, rel_entr: 2,
  // fdlibm lgamma: ≤ 2 ulp for x > 0 (roots 1, 2 included); the 68 is at x ≈ −2.4608, next to a
  // negative root, where the reflection formula cancels (absolute error ~1e-16). The reference is
  // decimal (math.lgamma itself is up to 644 ulp off on these points).
  gammaln: 68, gammaln_hp: 2,
  // cancelling results: the ulp distance of a result near 0 overstates the error (see the README)
  kl_div: 64, convolve: 4096, correlate: 4096,
  // betaln: R/TOMS 708 Stirling-correction form for max(a, b) >= 10; comb for min(k, N-k) >= 20
  // is exp(betaln) beyond N = 170 (the 320 is at comb(1029, 514) ≈ 1.4e308, where exp amplifies)
  betaln: 19, comb: 320,
};

function arg(a: Arg): unknown {
  if ("array" in a) {
    const { shape, dtype, data } = a.array;
    const buf = dtype === "bool" ? Uint8Array.from(data, (v) => (v === true ? 1 : 0)) : Float64Array.from(data, (v) => Number(v));
    const arr = new np.NDArray(buf, shape, undefined, 0, dtype);
    return a.T ? arr.T : arr;
  }
  if ("scalar" in a) return Number(a.scalar);
  if ("int" in a) return a.int;
  if ("none" in a) return null;
  if ("str" in a) return a.str;
  if ("bool" in a) return a.bool;
  return a.list;
}

function kwargs(k: Record<string, Arg>): Record<string, unknown> {
  // values are either encoded arguments ({"array": …}, {"scalar": …}, …) or plain JSON (numbers, lists)
  return Object.fromEntries(Object.entries(k).map(([key, v]) => [key, typeof v === "object" && v !== null && !Array.isArray(v) ? arg(v) : v]));
}

function run(c: Case): unknown {
  const args = c.args.map(arg);
  const kw = kwargs(c.kwargs);
  const s = np.special as unknown as Record<string, (...a: unknown[]) => unknown>;
  switch (c.fn) {
    case "gradient": return np.gradient(args[0] as np.ArrayLike, ...(args.slice(1) as number[]), kw);
    case "diff": return np.diff(args[0] as np.ArrayLike, kw);
    case "trapezoid": return np.trapezoid(args[0] as np.ArrayLike, kw);
    case "cumulative_trapezoid": return np.cumulative_trapezoid(args[0] as np.ArrayLike, kw);
    case "interp": return np.interp(args[0] as np.ArrayLike, args[1] as np.ArrayLike, args[2] as np.ArrayLike, kw);
    case "convolve": return np.convolve(args[0] as np.ArrayLike, args[1] as np.ArrayLike, args[2] as np.ConvolveMode | undefined);
    case "correlate": return np.correlate(args[0] as np.ArrayLike, args[1] as np.ArrayLike, args[2] as np.ConvolveMode | undefined);
    case "sliding_window_view": return np.lib.stride_tricks.sliding_window_view(args[0] as np.ArrayLike, args[1] as number, kw);
    case "comb_exact": return np.special.comb(args[0] as number, args[1] as number, { exact: true });
    case "factorial_exact": return np.special.factorial(args[0] as number, { exact: true });
    default: {
      const f = s[c.fn];
      if (typeof f !== "function") throw new Error(`special.${c.fn} is missing`);
      return Object.keys(kw).length ? f(...args, kw) : f(...args);
    }
  }
}

const stats = new Map<string, { comparisons: number; exact: number; maxUlp: number }>();

function compareValues(group: string, actual: unknown, exp: Exp, tol: string): string {
  const st = stats.get(group) ?? { comparisons: 0, exact: 0, maxUlp: 0 };
  stats.set(group, st);
  if ("list" in exp) {
    if (!Array.isArray(actual) || actual.length !== exp.list.length) return `expected a list of ${exp.list.length}`;
    for (let i = 0; i < exp.list.length; i++) {
      const m = compareValues(group, actual[i], exp.list[i], tol);
      if (m) return `[${i}] ${m}`;
    }
    return "";
  }
  if ("bigint" in exp) {
    st.comparisons++;
    if (actual === BigInt(exp.bigint)) {
      st.exact++;
      return "";
    }
    return `got ${String(actual)} expected ${exp.bigint}`;
  }
  if ("error" in exp) return `expected error ${exp.error}`;
  const got = flatten(actual);
  const expShape = "scalar" in exp ? null : exp.shape;
  const expVals = "scalar" in exp ? [decode(exp.scalar)] : exp.data.map((v) => decode(v));
  if (expShape === null && got.shape !== null && got.shape.length > 0) return `expected a scalar, got shape ${JSON.stringify(got.shape)}`;
  if (expShape !== null && JSON.stringify(got.shape) !== JSON.stringify(expShape)) return `shape ${JSON.stringify(got.shape)} != ${JSON.stringify(expShape)}`;
  if (got.dtype !== null && got.dtype !== exp.dtype) return `dtype ${got.dtype} != ${exp.dtype}`;
  const bound = tol === "ulp" ? (ULP_BOUND[group] ?? 4) : 0;
  let msg = "";
  for (let i = 0; i < expVals.length; i++) {
    const e = expVals[i];
    const g = got.values[i];
    st.comparisons++;
    if (Object.is(g, e) || (typeof e === "number" && typeof g === "number" && Number.isNaN(e) && Number.isNaN(g))) {
      st.exact++;
      continue;
    }
    const u = typeof e === "number" && typeof g === "number" ? ulpDistance(g, e) : Infinity;
    if (u !== Infinity) st.maxUlp = Math.max(st.maxUlp, u);
    if (u > bound && !msg) msg = `element ${i}: got ${Object.is(g, -0) ? "-0" : String(g)} expected ${Object.is(e, -0) ? "-0" : String(e)} (${u} ulp)`;
  }
  return msg;
}

describe("calculus, signals and special functions vs NumPy 2.4.6 / math / decimal", () => {
  it("fixture was generated by NumPy 2.4.6", () => {
    expect(fixture.numpy).toBe("2.4.6");
  });
  const byGroup = new Map<string, Case[]>();
  for (const c of fixture.cases) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
  for (const [group, list] of byGroup) {
    it(`${group} (${list.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of list) {
        const label = `${c.fn}(${JSON.stringify(c.args).slice(0, 120)}, ${JSON.stringify(c.kwargs).slice(0, 80)})`;
        if ("error" in c.expected) {
          let threw: unknown = null;
          try {
            run(c);
          } catch (e) {
            threw = e;
          }
          if (threw === null) failures.push(`${label}: expected ${c.expected.type}: ${c.expected.error}`);
          else if ((threw as Error).message !== c.expected.error) failures.push(`${label}: message ${(threw as Error).message} != ${c.expected.error}`);
          continue;
        }
        let actual: unknown;
        try {
          actual = run(c);
        } catch (e) {
          failures.push(`${label}: threw ${(e as Error).message}`);
          continue;
        }
        const m = compareValues(group, actual, c.expected, c.tol);
        if (m) failures.push(`${label}: ${m}`);
      }
      expect(failures.slice(0, 5)).toEqual([]);
    });
  }
  afterAll(() => {
    const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
    console.log(
      "[calculus_special] comparisons / bit-exact / max ulp\n" +
        rows.map(([k, s]) => `  ${k.padEnd(22)} ${String(s.comparisons).padStart(6)} ${String(s.exact).padStart(6)}  ${s.maxUlp}`).join("\n"),
    );
  });
});

describe("properties", () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  const vec = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -50, max: 50 }), { minLength: 1, maxLength: 40 });
  it("erf is odd and erfc(x) + erfc(-x) = 2 within an ulp", () => {
    fc.assert(fc.property(finite, (x) => {
      expect(Object.is(np.special.erf(-x), -(np.special.erf(x) as number))).toBe(true);
      const s = (np.special.erfc(x) as number) + (np.special.erfc(-x) as number);
      expect(Math.abs(s - 2)).toBeLessThanOrEqual(4.5e-16);
    }));
  });
  it("erf(erfinv(y)) = y within 2 ulp", () => {
    fc.assert(fc.property(fc.double({ min: -0.999, max: 0.999, noNaN: true }), (y) => {
      const x = np.special.erfinv(y) as number;
      expect(ulpDistance(np.special.erf(x) as number, y)).toBeLessThanOrEqual(Math.abs(y) < 1e-300 ? 1 : 3);
    }));
  });
  it("softmax sums to 1", () => {
    fc.assert(fc.property(vec, (v) => {
      const s = np.sum(np.special.softmax(v));
      expect(Math.abs((s as number) - 1)).toBeLessThanOrEqual(v.length * 2.3e-16);
    }));
  });
  it("logsumexp(x + c) = logsumexp(x) + c within a few ulp of the result", () => {
    fc.assert(fc.property(vec, fc.integer({ min: -100, max: 100 }), (v, c) => {
      const a = np.special.logsumexp(v.map((t) => t + c)) as number;
      const b = (np.special.logsumexp(v) as number) + c;
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(b)));
    }));
  });
  it("diff(cumsum-like running sum) recovers x", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }), (v) => {
      const cs: number[] = [];
      let acc = 0;
      for (const t of v) cs.push((acc += t));
      expect((np.diff(cs) as np.NDArray).tolist()).toEqual(v.slice(1));
    }));
  });
  it("gradient of a linear function on an exact grid is the slope exactly", () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 40 }), fc.integer({ min: -64, max: 64 }), fc.integer({ min: 1, max: 2 }), (n, k, eo) => {
      const slope = k / 4;
      const f = Array.from({ length: n }, (_, i) => slope * i + 3);
      const g = np.gradient(f, { edge_order: eo }) as np.NDArray;
      for (const t of g.tolist() as number[]) expect(t).toBe(slope);
    }));
  });
  it("sliding_window_view is a view: writes show through", () => {
    const x = np.arange(6);
    const w = np.lib.stride_tricks.sliding_window_view(x, 3);
    expect(w.data).toBe(x.data);
    w.set(1, 1, 42);
    expect(x.item(2)).toBe(42);
  });
});
