/**
 * Reductions, statistics, sorting and sets against NumPy 2.4.6 goldens
 * (fixtures/stats.json, written by fixtures/generate_stats.py). Compared bit
 * for bit (Object.is: NaN equals NaN, +0 differs from -0) except the cases
 * tagged "blas" (cov / corrcoef: NumPy's dot is OpenBLAS), compared with
 * rtol 1e-11 of the largest magnitude. Prints per function: comparisons,
 * bit-exact count and the largest ulp distance among non-exact elements.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { buildArrays, compare, decode, flatten, loadFixture, ulpDistance, type Encoded, type Expected } from "./helpers.ts";

type Lit = number | string | boolean | null | { arr: string } | { f: string } | Lit[];
interface Case {
  fn: string;
  tag: string;
  args: Lit[];
  kwargs: Record<string, Lit>;
  expected: Expected | { tuple: Expected[] };
}

const fixture = loadFixture<Case>("stats.json");
const arrays = buildArrays(fixture);

function resolve(v: Lit): unknown {
  if (Array.isArray(v)) return v.map(resolve);
  if (v !== null && typeof v === "object") return "arr" in v ? arrays.get(v.arr)! : Number(v.f);
  return v;
}

type Fn = (...a: unknown[]) => unknown;
const F = np as unknown as Record<string, Fn>;

function run(c: Case): unknown {
  const args = c.args.map(resolve);
  const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, resolve(v)])) as Record<string, unknown>;
  switch (c.fn) {
    case "quantile":
    case "percentile":
    case "nanquantile":
    case "nanpercentile": {
      const { q, ...rest } = kw;
      return F[c.fn](args[0], q, rest);
    }
    case "digitize":
      return np.digitize(args[0] as np.NDArray, args[1] as np.NDArray, (kw.right as boolean) ?? false);
    default:
      return F[c.fn](...args, kw);
  }
}

interface Stat { total: number; exact: number; ok: number; maxUlp: number; maxRel: number }
const stats = new Map<string, Stat>();
function record(key: string, exact: boolean, ok: boolean, ulp: number, rel: number): void {
  const s = stats.get(key) ?? { total: 0, exact: 0, ok: 0, maxUlp: 0, maxRel: 0 };
  s.total++;
  if (exact) s.exact++;
  if (ok) s.ok++;
  s.maxUlp = Math.max(s.maxUlp, ulp);
  s.maxRel = Math.max(s.maxRel, rel);
  stats.set(key, s);
}

/** Largest ulp / relative (to the largest magnitude) distance between a result and its expected value. */
function distance(actual: unknown, exp: Expected): { ulp: number; rel: number } {
  if ("error" in exp) return { ulp: 0, rel: 0 };
  const got = flatten(actual).values;
  const want = "scalar" in exp ? [decode(exp.scalar)] : exp.data.map((v: Encoded) => decode(v));
  let scale = 0;
  for (const w of want) if (typeof w === "number" && Number.isFinite(w)) scale = Math.max(scale, Math.abs(w));
  let ulp = 0;
  let rel = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    if (typeof g !== "number" || typeof w !== "number" || Object.is(g, w)) continue;
    ulp = Math.max(ulp, ulpDistance(g, w));
    if (Number.isFinite(g) && Number.isFinite(w)) rel = Math.max(rel, Math.abs(g - w) / (scale || 1));
  }
  return { ulp, rel };
}

const ZERO_TIES = new Set(["unique", "union1d", "intersect1d", "setdiff1d", "setxor1d", "sort"]);
function sameUpToZeroSign(actual: unknown, exp: Expected): boolean {
  if ("error" in exp || "scalar" in exp) return false;
  const got = flatten(actual);
  if (JSON.stringify(got.shape) !== JSON.stringify(exp.shape)) return false;
  return exp.data.every((v: Encoded, i: number) => {
    const w = decode(v);
    const g = got.values[i];
    return g === w || (Number.isNaN(g) && Number.isNaN(w));
  });
}

describe("reductions / statistics / sorting / sets match NumPy 2.4.6", () => {
  it("fixture is NumPy 2.4.6", () => expect(fixture.numpy).toBe("2.4.6"));
  fixture.cases.forEach((c, i) => {
    it(`#${i} ${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(", ")}, ${JSON.stringify(c.kwargs)}) [${c.tag}]`, () => {
      const exp = c.expected;
      if ("error" in exp) {
        expect(() => run(c)).toThrow(exp.error);
        record(`${c.fn} (errors)`, true, true, 0, 0);
        return;
      }
      const tol = c.tag === "blas" || c.tag === "unstable" ? "blas" : undefined;
      const got = run(c);
      const parts: [unknown, Expected][] = "tuple" in exp ? exp.tuple.map((e, k) => [(got as unknown[])[k], e]) : [[got, exp]];
      if ("tuple" in exp) expect(Array.isArray(got) && got.length === exp.tuple.length, "tuple result").toBe(true);
      let exact = true;
      let ok = true;
      let ulp = 0;
      let rel = 0;
      let detail = "";
      for (const [g, e] of parts) {
        const cmp = compare(g, e, tol);
        // Which of -0.0 / +0.0 represents a group of equal zeros is unspecified in NumPy (hash table /
        // unstable sort); here it is the first occurrence. Accept a difference in the sign of zero only.
        if (!cmp.ok && ZERO_TIES.has(c.fn) && sameUpToZeroSign(g, e)) cmp.ok = true;
        exact &&= cmp.bitExact;
        if (!cmp.ok) {
          ok = false;
          detail ||= cmp.detail;
        }
        const d = distance(g, e);
        ulp = Math.max(ulp, d.ulp);
        rel = Math.max(rel, d.rel);
      }
      record(c.fn, exact, ok, ulp, rel);
      record(`${c.fn} / ${c.tag}`, exact, ok, ulp, rel);
      expect(ok, detail).toBe(true);
    });
  });
});

afterAll(() => {
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = rows.map(
    ([k, s]) =>
      `  ${k.padEnd(30)} ${String(s.total).padStart(5)} comparisons, bit-exact ${String(s.exact).padStart(5)}, within tolerance ${String(s.ok).padStart(5)}` +
      (s.exact < s.total ? `, max ulp ${s.maxUlp}, max rel ${s.maxRel.toExponential(2)}` : ""),
  );
  console.log(`[stats] NumPy 2.4.6 fixtures\n${lines.join("\n")}`);
});
