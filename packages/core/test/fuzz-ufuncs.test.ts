/**
 * Differential fuzz of the element-wise ufuncs against NumPy 2.4.6
 * (fixtures/fuzz_ufuncs.json, written by fixtures/generate_fuzz_ufuncs.py):
 * random dtypes (float64 / int64 / bool mixes, weak JS scalars), shapes (0-d,
 * empty, broadcasting, mismatches), memory layouts and special values.
 *
 * Comparisons: dtype and shape always exact; values bit-exact (Object.is, NaN
 * equal to NaN) except for the transcendental functions, which get the ulp
 * bound the README states (recorded per case as `tol`); int64 and bool results
 * are always bit-exact. Errors: our message must contain NumPy's. `int53`
 * cases expect this library's documented int64 precision error (NumPy wraps).
 * Prints a per-function table: calls, element comparisons, bit-exact, max ulp.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { INT53_MESSAGE } from "../src/dtype.ts";
import { decode, flatten, loadFixture, ulpDistance, type Encoded } from "./helpers.ts";

type Arg = { a: [np.DType, number[], number[], number, Encoded[]] } | { s: string } | { b: boolean } | { n: 1 };
type Res =
  | { scalar: Encoded; dtype: np.DType }
  | { shape: number[]; data: Encoded[]; dtype: np.DType }
  | { error: string; type: string }
  | { int53: true }
  | { tuple: Res[] }
  | { list: Res[] };
interface Case {
  fn: string;
  args: Arg[];
  kwargs?: Record<string, Encoded>;
  expected: Res;
  tol?: number;
  /** set on the fixed regression calls (a disagreement this fuzz found, now fixed) */
  note?: string;
}

const fixture = loadFixture<Case>(process.env.FUZZ_FIXTURE ?? "fuzz_ufuncs.json");

function arg(a: Arg): unknown {
  if ("a" in a) {
    const [dt, shape, strides, offset, buf] = a.a;
    const data = dt === "bool" ? Uint8Array.from(buf, (v) => (v === true ? 1 : 0)) : Float64Array.from(buf, (v) => Number(v));
    return new np.NDArray(data, shape, strides, offset, dt);
  }
  if ("s" in a) return Number(a.s);
  if ("b" in a) return a.b;
  return null;
}

function run(c: Case): unknown {
  const args = c.args.map(arg);
  const kw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.kwargs ?? {})) kw[k] = typeof v === "boolean" ? v : Number(v);
  const f = (np as unknown as Record<string, (...a: unknown[]) => unknown>)[c.fn];
  if (typeof f !== "function") throw new Error(`np.${c.fn} is missing`);
  if (c.fn === "isclose" || c.fn === "allclose" || c.fn === "nan_to_num") return f(...args, kw);
  return f(...args);
}

interface Stat {
  calls: number;
  errors: number;
  comparisons: number;
  exact: number;
  maxUlp: number;
  failures: string[];
}
const stats = new Map<string, Stat>();

/** Compares one (non-tuple) result; returns "" or a failure message. */
function check(st: Stat, actual: unknown, exp: Res, tol: number, anyArray: boolean): string {
  if ("tuple" in exp || "list" in exp || "error" in exp || "int53" in exp) return "unexpected expected-kind";
  const got = flatten(actual);
  const isScalar = "scalar" in exp;
  if (isScalar) {
    // NumPy returns a NumPy scalar for 0-d input; a 0-d NDArray input gives a 0-d NDArray here (README).
    if (got.shape !== null && !(anyArray && got.shape.length === 0)) return `expected a scalar, got shape ${JSON.stringify(got.shape)}`;
  } else if (got.shape === null || JSON.stringify(got.shape) !== JSON.stringify(exp.shape)) {
    return `shape ${JSON.stringify(got.shape)} != ${JSON.stringify(exp.shape)}`;
  }
  if (got.dtype !== null && got.dtype !== exp.dtype) return `dtype ${got.dtype} != ${exp.dtype}`;
  if (got.dtype === null) {
    // a JS scalar: its JS type must match NumPy's kind
    const want = exp.dtype === "bool" ? "boolean" : "number";
    if (typeof got.values[0] !== want) return `JS ${typeof got.values[0]} for NumPy ${exp.dtype}`;
  }
  const vals = isScalar ? [decode(exp.scalar)] : exp.data.map(decode);
  const bound = exp.dtype === "float64" ? tol : 0;
  let msg = "";
  for (let i = 0; i < vals.length; i++) {
    const e = vals[i];
    const g = got.values[i];
    st.comparisons++;
    if (Object.is(g, e) || (typeof g === "number" && typeof e === "number" && Number.isNaN(g) && Number.isNaN(e))) {
      st.exact++;
      continue;
    }
    const u = typeof e === "number" && typeof g === "number" ? ulpDistance(g, e) : Infinity;
    if (u <= bound) st.maxUlp = Math.max(st.maxUlp, u);
    else if (!msg) msg = `element ${i}: got ${Object.is(g, -0) ? "-0" : String(g)} expected ${Object.is(e, -0) ? "-0" : String(e)} (${u} ulp > ${bound})`;
  }
  return msg;
}

function argText(a: Arg): string {
  if ("a" in a) {
    const [dt, shape, strides, offset, buf] = a.a;
    const nd = new np.NDArray(
      dt === "bool" ? Uint8Array.from(buf, (v) => (v === true ? 1 : 0)) : Float64Array.from(buf, (v) => Number(v)),
      shape, strides, offset, dt,
    );
    return `${dt}${JSON.stringify(shape)}(st ${JSON.stringify(strides)})=${JSON.stringify(nd.tolist(), (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? "-0" : v))}`;
  }
  if ("s" in a) return a.s;
  if ("b" in a) return String(a.b);
  return "null";
}

function runCase(c: Case, st: Stat): string {
  st.calls++;
  const exp = c.expected;
  if ("error" in exp || "int53" in exp) {
    st.errors++;
    const want = "error" in exp ? exp.error : INT53_MESSAGE;
    let r: unknown;
    try {
      r = run(c);
    } catch (e) {
      const m = (e as Error).message;
      return m.includes(want) ? "" : `error "${m}" does not contain NumPy's "${want}"`;
    }
    return `expected error "${want}", got ${String(r)}`;
  }
  let r: unknown;
  try {
    r = run(c);
  } catch (e) {
    return `threw ${(e as Error).message}`;
  }
  const anyArray = c.args.some((a) => "a" in a);
  const tol = c.tol ?? 0;
  if ("tuple" in exp || "list" in exp) {
    const parts = "tuple" in exp ? exp.tuple : exp.list;
    if (!Array.isArray(r) || r.length !== parts.length) return `expected ${parts.length} results`;
    for (let k = 0; k < parts.length; k++) {
      const m = check(st, r[k], parts[k], tol, anyArray);
      if (m) return `[${k}] ${m}`;
    }
    return "";
  }
  return check(st, r, exp, tol, anyArray);
}

describe("differential fuzz of the element-wise ufuncs against NumPy 2.4.6", () => {
  const byFn = new Map<string, Case[]>();
  for (const c of fixture.cases) {
    if (!byFn.has(c.fn)) byFn.set(c.fn, []);
    byFn.get(c.fn)!.push(c);
  }
  for (const [fn, cs] of byFn) {
    it(`${fn} (${cs.length} calls)`, () => {
      const st: Stat = { calls: 0, errors: 0, comparisons: 0, exact: 0, maxUlp: 0, failures: [] };
      stats.set(fn, st);
      for (const c of cs) {
        const m = runCase(c, st);
        if (m) st.failures.push(`${fn}(${c.args.map(argText).join(", ")}${c.kwargs ? ", " + JSON.stringify(c.kwargs) : ""}): ${m}`);
      }
      expect(st.failures.slice(0, 8).join("\n")).toBe("");
    });
  }
});

afterAll(() => {
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  let calls = 0;
  let comps = 0;
  let exact = 0;
  let fails = 0;
  const lines = rows.map(([k, s]) => {
    calls += s.calls;
    comps += s.comparisons;
    exact += s.exact;
    fails += s.failures.length;
    return `  ${k.padEnd(14)} calls ${String(s.calls).padStart(4)} (errors ${String(s.errors).padStart(3)})  comparisons ${String(s.comparisons).padStart(5)}  bit-exact ${String(s.exact).padStart(5)}  max ulp ${s.maxUlp}${s.failures.length ? `  FAILED ${s.failures.length}` : ""}`;
  });
  console.log(`[fuzz-ufuncs] NumPy 2.4.6 differential fuzz (seed ${(fixture as unknown as { seed: number }).seed})\n${lines.join("\n")}\n  total: ${calls} calls, ${comps} comparisons, ${exact} bit-exact, ${fails} failing calls`);
});
