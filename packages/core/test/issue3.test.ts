/**
 * Issue 3 against NumPy 2.4.6 goldens (fixtures/issue3.json, written by
 * fixtures/generate_issue3.py): logaddexp / logaddexp2 bit for bit (glibc's
 * exp, exp2 and log1p ported), including where the result cancels to ≈ 0;
 * cov / corrcoef with y, bias, ddof, fweights, aweights within rtol 1e-11 of
 * the largest magnitude (NumPy's dot is OpenBLAS). Prints per function the
 * element comparisons, how many are bit-identical and the largest ulp
 * distance.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { decode, flatten, loadFixture, ulpDistance, type Encoded, type Expected } from "./helpers.ts";

type Arg = { a: { shape: number[]; data: Encoded[]; dtype: "float64" | "int64" } } | number | boolean | null;
interface Case {
  fn: "logaddexp" | "logaddexp2" | "cov" | "corrcoef";
  tag: string;
  args: Arg[];
  kwargs: Record<string, Arg>;
  expected: Expected;
}

const fixture = loadFixture<Case>("issue3.json");

function resolve(v: Arg): unknown {
  if (v !== null && typeof v === "object") return new np.NDArray(Float64Array.from(v.a.data, (x) => Number(x)), v.a.shape, undefined, 0, v.a.dtype);
  return v;
}

type Fn = (...a: unknown[]) => unknown;
const F = np as unknown as Record<string, Fn>;

function run(c: Case): unknown {
  const args = c.args.map(resolve);
  const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, resolve(v)]));
  if (c.fn === "logaddexp" || c.fn === "logaddexp2") return F[c.fn](args[0], args[1]);
  return F[c.fn](...args, kw);
}

const stats = new Map<string, { comparisons: number; exact: number; maxUlp: number }>();

function check(c: Case, r: unknown): string {
  const exp = c.expected as Exclude<Expected, { error: string }>;
  const got = flatten(r);
  const expShape = "scalar" in exp ? null : exp.shape;
  const expVals = ("scalar" in exp ? [exp.scalar] : exp.data).map((v: Encoded) => decode(v) as number);
  if (JSON.stringify(got.shape) !== JSON.stringify(expShape)) return `shape ${JSON.stringify(got.shape)} != ${JSON.stringify(expShape)}`;
  let scale = 0;
  for (const v of expVals) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  const st = stats.get(c.fn) ?? { comparisons: 0, exact: 0, maxUlp: 0 };
  stats.set(c.fn, st);
  let msg = "";
  for (let i = 0; i < expVals.length; i++) {
    const e = expVals[i];
    const g = got.values[i] as number;
    st.comparisons++;
    if (Object.is(g, e) || (Number.isNaN(g) && Number.isNaN(e))) {
      st.exact++;
      continue;
    }
    const u = ulpDistance(g, e);
    st.maxUlp = Math.max(st.maxUlp, u);
    const ok = c.tag === "blas" && Math.abs(g - e) <= 1e-11 * Math.max(Math.abs(e), scale);
    if (!ok && !msg) msg = `element ${i}: got ${Object.is(g, -0) ? "-0" : g} expected ${Object.is(e, -0) ? "-0" : e} (${u} ulp)`;
  }
  return msg;
}

describe("issue 3: logaddexp cancellation, cov/corrcoef options (NumPy 2.4.6)", () => {
  fixture.cases.forEach((c, k) => {
    it(`${k}: ${c.fn} ${c.tag} ${Object.keys(c.kwargs).join(",")}`, () => {
      if ("error" in c.expected) {
        expect(() => run(c)).toThrow(c.expected.error);
        return;
      }
      expect(check(c, run(c))).toBe("");
    });
  });

  it("types: cov(x, y) and corrcoef of two 1-D arrays are NDArrays without a cast", () => {
    const c = np.cov([1, 2, 4], [3, 1, 2]);
    const r = np.corrcoef([1, 2, 4], [3, 1, 2]);
    expect(c.shape).toEqual([2, 2]);
    expect(r.shape).toEqual([2, 2]);
    expect(typeof c.get(0, 1)).toBe("number");
  });
});

afterAll(() => {
  const lines = [...stats.entries()].map(
    ([k, s]) => `  ${k.padEnd(12)} comparisons ${String(s.comparisons).padStart(5)}  bit-exact ${String(s.exact).padStart(5)}  max ulp ${s.maxUlp}`,
  );
  console.log(`[issue3] NumPy 2.4.6 fixtures\n${lines.join("\n")}`);
});
