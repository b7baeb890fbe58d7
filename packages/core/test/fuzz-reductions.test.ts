/**
 * Differential fuzz of the reductions family against fixtures/fuzz_reductions.json
 * (fixtures/generate_fuzz_reductions.py: seeded random calls recorded from NumPy 2.4.6 — never
 * this library).
 *
 * Every call is replayed through the public API and compared bit-exactly: values (Object.is: NaN
 * equals NaN, +0 differs from −0), dtype and shape; a NumPy scalar must be a JS number/boolean, an
 * array an NDArray. NumPy errors: ours must throw and its message must contain NumPy's. `amax` /
 * `amin` are replayed through our `np.amax` / `np.amin`. Prints calls, comparisons and bit-exact
 * counts per function.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { decode, loadFixture, thrownText, type Encoded } from "./helpers.ts";

type ViewOp = { T: number[] } | { idx: string[] };
type Arg =
  | { array: { shape: number[]; dtype: np.DType; data?: Encoded[]; buf?: string }; view: ViewOp[] | null }
  | { scalar: string } | { int: number } | { bool: boolean } | { none: true } | { str: string }
  | { tuple: number[] } | { list: unknown };
type Exp =
  | { scalar: Encoded; dtype: string }
  | { shape: number[]; data: Encoded[]; dtype: string }
  | { error: string; type: string };
interface Case { fn: string; args: Arg[]; kwargs: Record<string, Arg>; expected: Exp }

const fixture = loadFixture<Case>(process.env.FUZZ_REDUCTIONS_FIXTURE ?? "fuzz_reductions.json") as unknown as {
  numpy: string;
  buffers: Record<string, { dtype: np.DType; data: Encoded[] }>;
  cases: Case[];
};

const bufCache = new Map<string, Float64Array | Uint8Array>();
function storage(dtype: np.DType, data: Encoded[]): Float64Array | Uint8Array {
  return dtype === "bool" ? Uint8Array.from(data, (v) => (v === true ? 1 : 0)) : Float64Array.from(data, (v) => Number(v));
}

function decodeNested(x: unknown): unknown {
  return Array.isArray(x) ? x.map(decodeNested) : decode(x as Encoded);
}

function arg(a: Arg): unknown {
  if ("array" in a) {
    const { shape, dtype, data, buf } = a.array;
    let store: Float64Array | Uint8Array;
    if (buf !== undefined) {
      let s = bufCache.get(buf);
      if (!s) bufCache.set(buf, (s = storage(fixture.buffers[buf].dtype, fixture.buffers[buf].data)));
      store = s.slice(); // a fresh copy: a call must not see another call's writes
    } else store = storage(dtype, data!);
    let v = new np.NDArray(store, shape, undefined, 0, dtype);
    for (const op of a.view ?? []) v = "T" in op ? np.transpose(v, op.T) : (v.get(...op.idx) as np.NDArray);
    return v;
  }
  if ("scalar" in a) return Number(a.scalar);
  if ("int" in a) return a.int;
  if ("bool" in a) return a.bool;
  if ("none" in a) return null;
  if ("str" in a) return a.str;
  if ("tuple" in a) return a.tuple;
  return decodeNested(a.list);
}

type Fn = (...a: unknown[]) => unknown;
const npAny = np as unknown as Record<string, Fn>;

function run(c: Case): unknown {
  const args = c.args.map(arg);
  const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, arg(v)]));
  const f = npAny[c.fn];
  if (typeof f !== "function") throw new Error(`np.${c.fn} is missing`);
  return f(...args, kw);
}

interface Stat { calls: number; errors: number; comparisons: number; exact: number }
const stats = new Map<string, Stat>();
const stat = (fn: string): Stat => {
  let s = stats.get(fn);
  if (!s) stats.set(fn, (s = { calls: 0, errors: 0, comparisons: 0, exact: 0 }));
  return s;
};

const show = (v: unknown): string => (Object.is(v, -0) ? "-0" : String(v));

function compareValues(st: Stat, actual: unknown, exp: Exp): string {
  if ("error" in exp) return `expected error ${exp.error}`;
  let values: (number | boolean)[];
  if ("scalar" in exp) {
    const want = exp.dtype === "bool" ? "boolean" : "number";
    if (typeof actual !== want) {
      return `expected a ${exp.dtype} scalar, got ${actual instanceof np.NDArray ? `an NDArray of shape ${JSON.stringify(actual.shape)}` : `${typeof actual} ${String(actual)}`}`;
    }
    values = [actual as number | boolean];
  } else {
    if (!(actual instanceof np.NDArray)) return `expected an NDArray of shape ${JSON.stringify(exp.shape)} ${exp.dtype}, got ${typeof actual} ${String(actual)}`;
    if (JSON.stringify(actual.shape) !== JSON.stringify(exp.shape)) return `shape ${JSON.stringify(actual.shape)} != ${JSON.stringify(exp.shape)}`;
    if (actual.dtype !== exp.dtype) return `dtype ${actual.dtype} != ${exp.dtype}`;
    values = (actual.ndim === 0 ? [actual.item()] : (actual.flatten().tolist() as unknown[])) as (number | boolean)[];
  }
  const expVals = "scalar" in exp ? [decode(exp.scalar)] : exp.data.map((v) => decode(v));
  let msg = "";
  let bad = 0;
  for (let i = 0; i < expVals.length; i++) {
    st.comparisons++;
    if (Object.is(values[i], expVals[i])) st.exact++;
    else {
      bad++;
      if (!msg) msg = `element ${i}: got ${show(values[i])} expected ${show(expVals[i])}`;
    }
  }
  return msg ? `${msg} (${bad} of ${expVals.length} differ)` : "";
}

function describeArg(a: Arg): string {
  if ("array" in a) {
    const d = a.array.data ?? [];
    const data = a.array.buf ? `buffer ${a.array.buf}` : d.length > 12 ? `${d.slice(0, 12).join(",")},…` : d.join(",");
    const view = (a.view ?? []).map((op) => ("T" in op ? `.T(${op.T})` : `[${op.idx.join(",")}]`)).join("");
    return `${a.array.dtype}${JSON.stringify(a.array.shape)}[${data}]${view}`;
  }
  if ("list" in a) return JSON.stringify(a.list).slice(0, 80);
  if ("none" in a) return "None";
  return JSON.stringify(Object.values(a)[0]);
}

function label(c: Case): string {
  const kw = Object.entries(c.kwargs).map(([k, v]) => `${k}=${describeArg(v)}`);
  return `${c.fn}(${[...c.args.map(describeArg), ...kw].join(", ")})`;
}

const byFn = new Map<string, Case[]>();
for (const c of fixture.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);

describe("fuzz: reductions family vs NumPy 2.4.6", () => {
  it("fixture was generated by NumPy 2.4.6", () => {
    expect(fixture.numpy).toBe("2.4.6");
  });
  for (const [fn, list] of [...byFn].sort(([a], [b]) => a.localeCompare(b))) {
    it(`${fn} (${list.length} calls)`, () => {
      const failures: string[] = [];
      const st = stat(fn);
      for (const c of list) {
        st.calls++;
        if ("error" in c.expected) {
          st.errors++;
          let threw: unknown = null;
          try {
            run(c);
          } catch (e) {
            threw = e;
          }
          if (threw === null) failures.push(`${label(c)}: expected ${c.expected.type}: ${c.expected.error}`);
          else if (!String((threw as Error).message).includes(c.expected.error)) {
            failures.push(`${label(c)}: message "${(threw as Error).message}" does not contain NumPy's ${c.expected.type} "${c.expected.error}"`);
          }
          continue;
        }
        let actual: unknown;
        try {
          actual = run(c);
        } catch (e) {
          failures.push(`${label(c)}: threw ${(e as Error).message}`);
          continue;
        }
        const m = compareValues(st, actual, c.expected);
        if (m) failures.push(`${label(c)}: ${m}`);
      }
      if (failures.length) console.log(`[fuzz-reductions] ${fn}: ${failures.length} disagreements\n  ` + failures.join("\n  "));
      expect(failures.slice(0, 6), `${failures.length} disagreements`).toEqual([]);
    });
  }
  afterAll(() => {
    const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
    const tot = rows.reduce((t, [, s]) => ({ calls: t.calls + s.calls, errors: t.errors + s.errors, comparisons: t.comparisons + s.comparisons, exact: t.exact + s.exact }), { calls: 0, errors: 0, comparisons: 0, exact: 0 });
    console.log(
      `[fuzz-reductions] ${tot.calls} calls (${tot.errors} NumPy errors), ${tot.comparisons} comparisons, ${tot.exact} bit-exact\n` +
        "  function          calls errors  compar.  bit-exact\n" +
        rows.map(([k, s]) => `  ${k.padEnd(16)} ${String(s.calls).padStart(6)} ${String(s.errors).padStart(6)} ${String(s.comparisons).padStart(8)} ${String(s.exact).padStart(10)}`).join("\n"),
    );
  });
});

/** One focused case per disagreement the fuzz found (expected values printed by NumPy 2.4.6). */
describe("fuzz-reductions regressions", () => {
  const err = thrownText;
  it("a JS scalar input gives a scalar even with keepdims (np.sum(3.0, keepdims=True) is np.float64(3.0))", () => {
    expect(np.sum(3, { keepdims: true })).toBe(3);
    expect(np.all(1e308, { keepdims: true })).toBe(true);
    expect(np.max(true, { keepdims: true })).toBe(true);
    expect(np.ptp(Infinity, { keepdims: true })).toBeNaN();
    expect(np.count_nonzero(NaN, { axis: null, keepdims: true })).toBe(1);
    expect(np.argmax(-0, { keepdims: true })).toBe(0);
    expect(np.mean(0, { axis: null, keepdims: true })).toBe(0);
    expect(np.argmin(true, { axis: -1, keepdims: true })).toBe(0);
    // documented difference: a 0-d NDArray with keepdims stays a 0-d NDArray (NumPy: a scalar)
    const r = np.sum(np.array(3), { keepdims: true }) as np.NDArray;
    expect([r instanceof np.NDArray, r.shape, r.item()]).toEqual([true, [], 3]);
    const i = np.argmax(np.array(3), { axis: 0, keepdims: true }) as np.NDArray;
    expect([i instanceof np.NDArray, i.shape, i.dtype]).toEqual([true, [], "int64"]);
  });
  it("ufunc reductions accept axis 0 / -1 on a 0-d array; mean/var and tuples do not", () => {
    expect(np.max(false, { axis: 0 })).toBe(false);
    expect(np.min(true, { axis: -1 })).toBe(true);
    expect(np.any(false, { axis: -1 })).toBe(false);
    expect(np.prod(5e-324, { axis: -1 })).toBe(5e-324);
    expect(np.count_nonzero(false, { axis: 0, keepdims: true })).toBe(0);
    expect(err(() => np.sum(np.array(3), { axis: [0] }))).toBe("AxisError: axis 0 is out of bounds for array of dimension 0");
    expect(err(() => np.mean(np.array(3), { axis: 0 }))).toBe("AxisError: axis 0 is out of bounds for array of dimension 0");
  });
  it("argmax/argmin view a 0-d array as 1-d (axis 0/-1 valid, 'dimension 1' in the AxisError)", () => {
    expect(np.argmax(-0, { axis: 0 })).toBe(0);
    expect(np.argmin(np.array(true), { axis: -1 })).toBe(0);
    expect(err(() => np.argmax(np.array(3), { axis: 1 }))).toBe("AxisError: axis 1 is out of bounds for array of dimension 1");
  });
  it("a tuple axis where NumPy wants one integer: 'tuple' TypeError", () => {
    const msg = "TypeError: 'tuple' object cannot be interpreted as an integer";
    expect(err(() => np.argmax(np.zeros([2, 2]), { axis: [0] as unknown as number }))).toBe(msg);
    expect(err(() => np.argmin([1, 2], { axis: [0] as unknown as number }))).toBe(msg);
    expect(err(() => np.cumsum(np.zeros([2, 2]), { axis: [0] as unknown as number }))).toBe(msg);
    expect(err(() => np.cumprod([1], { axis: [0] as unknown as number }))).toBe(msg);
  });
  it("max/min/ptp/argmax raise when a reduced axis is empty even if the result is empty too", () => {
    expect(err(() => np.max(np.zeros([0, 0]), { axis: 0 }))).toBe("RangeError: zero-size array to reduction operation maximum which has no identity");
    expect(err(() => np.min(np.zeros([0, 0], { dtype: "int64" }), { axis: 1 }))).toBe("RangeError: zero-size array to reduction operation minimum which has no identity");
    expect(err(() => np.ptp(np.zeros([0, 0]), { axis: [0] }))).toBe("RangeError: zero-size array to reduction operation maximum which has no identity");
    expect(err(() => np.argmin(np.zeros([0, 0]), { axis: 0 }))).toBe("RangeError: attempt to get argmin of an empty sequence");
    expect(err(() => np.argmax(np.zeros([2, 1, 0, 0], { dtype: "bool" }), { axis: 2, keepdims: true }))).toBe("RangeError: attempt to get argmax of an empty sequence");
    // a non-empty reduced axis with an empty result is fine
    expect((np.max(np.zeros([0, 3]), { axis: 1 }) as np.NDArray).shape).toEqual([0]);
    expect((np.argmax(np.zeros([0, 3]), { axis: 1 }) as np.NDArray).shape).toEqual([0]);
  });
  it("sum/prod/cumsum/cumprod with dtype bool: logical or/and (NaN is true)", () => {
    expect(np.sum([NaN, 0], { dtype: "bool" })).toBe(true);
    expect(np.sum(np.zeros([0]), { dtype: "bool" })).toBe(false);
    expect(np.prod(np.zeros([0]), { dtype: "bool" })).toBe(true);
    const p = np.prod([[0, NaN], [0, 1]], { axis: 1, dtype: "bool" }) as np.NDArray;
    expect([p.dtype, p.tolist()]).toEqual(["bool", [false, false]]);
    const c = np.cumprod([1, 2, 0, 3], { dtype: "bool" });
    expect([c.dtype, c.tolist()]).toEqual(["bool", [true, true, false, false]]);
    expect(np.cumsum([0, 1.5, 0], { dtype: "bool" }).tolist()).toEqual([false, true, true]);
    expect(np.cumsum(np.array(3), { axis: 0, dtype: "bool" }).tolist()).toEqual([true]);
  });
  it("cumsum with dtype int64 of a float in (−1, 0) starts at +0 (int64 has no −0)", () => {
    const r = np.cumsum([-0.428, -0.692, 1.51], { dtype: "int64" });
    expect(Object.is(r.get(0), 0)).toBe(true);
    expect(r.tolist()).toEqual([0, 0, 1]);
  });
});
