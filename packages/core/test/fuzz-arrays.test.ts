/**
 * Differential fuzz of the arrays family (creation, shape manipulation,
 * indexing) against NumPy 2.4.6: replays fixtures/fuzz_arrays.json (written
 * by fixtures/generate_fuzz_arrays.py, seeded) through the public API.
 *
 * Every comparison is bit-exact (these functions copy, arrange or fill
 * values; `arange`/`linspace` are NumPy's arithmetic, bit-exact per the
 * README): values (Object.is: NaN = NaN, +0 ≠ −0), dtype and shape. Errors:
 * our message must contain NumPy's message, and the error class must be the
 * JS counterpart of NumPy's (ValueError → RangeError, TypeError → TypeError,
 * IndexError → IndexError, AxisError → AxisError). View-or-copy is compared
 * with np.shares_memory where NumPy returned arrays.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { compare, decode, loadFixture, thrownText, ulpDistance, type Encoded, type Expected } from "./helpers.ts";

interface ArraySpec {
  dtype: np.DType;
  buf: Encoded[];
  shape: number[];
  strides: number[];
  offset: number;
}

type Exp = Expected | { list: Expected[] } | { tolist: unknown };

interface Case {
  fn: string;
  a?: ArraySpec;
  arrays?: ArraySpec[];
  expected: Exp;
  shares?: boolean[];
  [key: string]: unknown;
}

const fixture = loadFixture<Case>(process.env.FUZZ_ARRAYS_FIXTURE ?? "fuzz_arrays.json");

function build(spec: ArraySpec): { view: np.NDArray; data: Float64Array | Uint8Array } {
  const data =
    spec.dtype === "bool" ? Uint8Array.from(spec.buf, (v) => (v === true ? 1 : 0)) : Float64Array.from(spec.buf, (v) => Number(v));
  return { view: new np.NDArray(data, spec.shape, spec.strides, spec.offset, spec.dtype), data };
}

/** Nested enc'd values → nested JS numbers / booleans. */
function decodeNested(x: unknown): unknown {
  if (x !== null && typeof x === "object" && !Array.isArray(x) && "ndarray" in x) return build((x as { ndarray: ArraySpec }).ndarray).view;
  return Array.isArray(x) ? x.map(decodeNested) : decode(x as Encoded);
}

function decodeIndex(ix: unknown[]): np.IndexElement[] {
  return ix.map((e) => {
    if (e !== null && typeof e === "object" && !Array.isArray(e) && "slice" in e) {
      const [start, stop, step] = (e as { slice: (number | null)[] }).slice;
      return np.slice(start, stop, step);
    }
    if (e !== null && typeof e === "object" && !Array.isArray(e)) {
      const { nd, dtype } = e as { nd: unknown; dtype: np.DType };
      return np.array(nd as np.NestedArray, { dtype });
    }
    return e as np.IndexElement;
  });
}

function dtypeOpt(c: Case): { dtype?: np.DType } {
  return c.dtype === undefined ? {} : { dtype: c.dtype as np.DType };
}

function shapeArg(s: unknown): number | number[] {
  return s as number | number[];
}

interface Run {
  result: unknown;
  input?: np.NDArray;
}

function run(c: Case): Run {
  const A = c.a ? build(c.a) : undefined;
  const a = A?.view as np.NDArray;
  const many = (c.arrays ?? []).map((s) => build(s).view);
  const num = (k: string): number => decode(c[k] as Encoded) as number;
  switch (c.fn) {
    case "array":
      return { result: np.array(decodeNested(c.obj) as np.ArrayLike, dtypeOpt(c)) };
    case "asarray":
      return { result: np.asarray(decodeNested(c.obj) as np.ArrayLike, dtypeOpt(c)) };
    case "array_nd":
      return { result: c.which === "array" ? np.array(a, dtypeOpt(c)) : np.asarray(a, dtypeOpt(c)), input: a };
    case "zeros":
      return { result: np.zeros(shapeArg(c.shape), dtypeOpt(c)) };
    case "ones":
      return { result: np.ones(shapeArg(c.shape), dtypeOpt(c)) };
    case "full":
      return { result: np.full(shapeArg(c.shape), decode(c.value as Encoded), dtypeOpt(c)) };
    case "eye":
      return { result: np.eye(c.N as number, c.M as number | null, { k: c.k as number, ...dtypeOpt(c) }) };
    case "identity":
      return { result: np.identity(c.N as number, dtypeOpt(c)) };
    case "arange": {
      const args = (c.args as Encoded[]).map((x) => decode(x) as number);
      const o = dtypeOpt(c);
      const r = args.length === 1 ? np.arange(args[0], o) : args.length === 2 ? np.arange(args[0], args[1], o) : np.arange(args[0], args[1], args[2], o);
      return { result: r };
    }
    case "linspace":
      return { result: np.linspace(num("start"), num("stop"), c.num as number, { endpoint: c.endpoint as boolean, ...dtypeOpt(c) }) };
    case "diag":
      return { result: np.diag(a, c.k as number), input: a };
    case "zeros_like":
    case "ones_like": {
      const o = { ...dtypeOpt(c), ...(c.shape !== undefined ? { shape: shapeArg(c.shape) } : {}) };
      return { result: c.fn === "zeros_like" ? np.zeros_like(a, o) : np.ones_like(a, o), input: a };
    }
    case "full_like": {
      const o = { ...dtypeOpt(c), ...(c.shape !== undefined ? { shape: shapeArg(c.shape) } : {}) };
      return { result: np.full_like(a, decode(c.value as Encoded), o), input: a };
    }
    case "reshape":
      return {
        result: c.method ? a.reshape(c.shape as number[], { order: c.order as np.Order }) : np.reshape(a, c.shape as number[], { order: c.order as np.Order }),
        input: a,
      };
    case "transpose":
      return { result: np.transpose(a, c.axes as number[] | null), input: a };
    case "swapaxes":
      return { result: np.swapaxes(a, c.axis1 as number, c.axis2 as number), input: a };
    case "moveaxis":
      return { result: np.moveaxis(a, c.source as number | number[], c.destination as number | number[]), input: a };
    case "T":
      return { result: a.T, input: a };
    case "copy":
      return { result: a.copy(), input: a };
    case "tolist":
      return { result: a.tolist(), input: a };
    case "expand_dims":
      return { result: np.expand_dims(a, c.axis as number | number[]), input: a };
    case "squeeze":
      return { result: np.squeeze(a, c.axis as number | number[] | null), input: a };
    case "ravel":
      return { result: np.ravel(a, c.order as np.Order), input: a };
    case "flatten":
      return { result: a.flatten(c.order as np.Order), input: a };
    case "concatenate":
      return { result: np.concatenate(many, { axis: c.axis as number | null }) };
    case "stack":
      return { result: np.stack(many, { axis: c.axis as number }) };
    case "vstack":
      return { result: np.vstack(many) };
    case "hstack":
      return { result: np.hstack(many) };
    case "split":
      return { result: np.split(a, c.ios as number | number[], { axis: c.axis as number }), input: a };
    case "array_split":
      return { result: np.array_split(a, c.ios as number | number[], { axis: c.axis as number }), input: a };
    case "tile":
      return { result: np.tile(a, c.reps as number | number[]) };
    case "repeat":
      return { result: np.repeat(a, c.repeats as number | number[], { axis: c.axis as number | null }) };
    case "broadcast_to":
      return { result: np.broadcast_to(a, c.shape as number[]), input: a };
    case "get":
      return { result: a.get(...decodeIndex(c.index as unknown[])), input: a };
    case "set": {
      const v = c.value as { scalar?: Encoded; list?: unknown; array?: ArraySpec };
      const value: np.ArrayLike =
        v.array !== undefined ? build(v.array).view : v.list !== undefined ? (decodeNested(v.list) as np.NestedArray) : (decode(v.scalar!) as number | boolean);
      a.set(...decodeIndex(c.index as unknown[]), value);
      return { result: new np.NDArray(A!.data, [A!.data.length], [1], 0, a.dtype) };
    }
    default:
      throw new Error(`unknown fixture function ${c.fn}`);
  }
}

const JS_ERROR: Record<string, string[]> = {
  ValueError: ["RangeError"],
  TypeError: ["TypeError"],
  IndexError: ["IndexError"],
  AxisError: ["AxisError"],
  ZeroDivisionError: ["RangeError"],
  OverflowError: ["RangeError"],
};

interface Stat {
  calls: number;
  comparisons: number;
  exact: number;
  maxUlp: number;
  errors: number;
}
const stats = new Map<string, Stat>();
function stat(fn: string): Stat {
  let s = stats.get(fn);
  if (!s) stats.set(fn, (s = { calls: 0, comparisons: 0, exact: 0, maxUlp: 0, errors: 0 }));
  return s;
}

function label(c: Case): string {
  const rest = Object.entries(c)
    .filter(([k]) => !["fn", "expected", "shares"].includes(k))
    .map(([k, v]) => (typeof v === "object" && v !== null && "buf" in (v as object) ? `${k}=${JSON.stringify({ ...(v as ArraySpec), buf: (v as ArraySpec).buf.length })}` : `${k}=${JSON.stringify(v)}`))
    .join(" ");
  return `${c.fn} ${rest}`;
}

function sameNested(g: unknown, e: unknown): boolean {
  if (Array.isArray(e)) return Array.isArray(g) && g.length === e.length && e.every((x, i) => sameNested(g[i], x));
  return !Array.isArray(g) && Object.is(g, e);
}

describe("arrays family: differential fuzz against NumPy 2.4.6", () => {
  fixture.cases.forEach((c, i) => {
    it(`#${i} ${label(c)}`.slice(0, 300), () => {
      const s = stat(c.fn);
      s.calls++;
      const exp = c.expected;
      if ("error" in exp) {
        let err: Error | null = null;
        try {
          run(c);
        } catch (e) {
          err = e as Error;
        }
        s.comparisons++;
        s.errors++;
        const ok = err !== null && err.message.includes(exp.error) && (JS_ERROR[exp.type] ?? [exp.type]).includes(err.name);
        if (ok) s.exact++;
        expect(ok, `NumPy raised ${exp.type}: ${exp.error} — we ${err ? `raised ${err.name}: ${err.message}` : "returned normally"}`).toBe(true);
        return;
      }
      const { result, input } = run(c);
      if ("tolist" in exp) {
        s.comparisons++;
        const want = decodeNested(exp.tolist);
        const ok = sameNested(result, want);
        if (ok) s.exact++;
        expect(ok, `tolist ${JSON.stringify(result)} != ${JSON.stringify(want)}`).toBe(true);
        return;
      }
      const results = "list" in exp ? (result as unknown[]) : [result];
      const expected = "list" in exp ? exp.list : [exp];
      expect(Array.isArray(results) && results.length, "number of results").toBe(expected.length);
      expected.forEach((e, k) => {
        const r = results[k];
        s.comparisons++;
        if ("scalar" in e) {
          // NumPy returned a scalar: so must we (a JS number, or a boolean for bool)
          expect(r instanceof np.NDArray, `expected a scalar, got an NDArray`).toBe(false);
          expect(typeof r, "scalar type").toBe(e.dtype === "bool" ? "boolean" : "number");
        }
        const cmp = compare(r, e as Expected);
        if (cmp.bitExact) s.exact++;
        else if (r instanceof np.NDArray && "data" in e) {
          const got = (r.tolist() as unknown[]).flat(Infinity) as number[];
          e.data.forEach((x, j) => {
            const d = decode(x);
            if (typeof d === "number" && typeof got[j] === "number") s.maxUlp = Math.max(s.maxUlp, ulpDistance(got[j], d));
          });
        }
        expect(cmp.bitExact, cmp.detail).toBe(true);
      });
      // view or copy, as np.shares_memory (diag of a matrix: a copy here, a read-only view in NumPy — README)
      if (c.shares && input && c.fn !== "diag") {
        c.shares.forEach((want, k) => {
          const arr = results[k] as np.NDArray;
          const shares = arr.data === input.data && arr.size > 0 && input.size > 0;
          s.comparisons++;
          if (shares === want) s.exact++;
          expect(shares, `result ${k} shares memory with the input in NumPy: ${want}`).toBe(want);
        });
      }
    });
  });
});

afterAll(() => {
  let calls = 0, comparisons = 0, exact = 0;
  const rows = [...stats.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([fn, t]) => {
    calls += t.calls;
    comparisons += t.comparisons;
    exact += t.exact;
    return `  ${fn.padEnd(14)} calls ${String(t.calls).padStart(4)}  comparisons ${String(t.comparisons).padStart(4)}  bit-exact ${String(t.exact).padStart(4)}  errors ${String(t.errors).padStart(3)}  max ulp ${t.maxUlp}`;
  });
  console.log(`[fuzz-arrays] NumPy 2.4.6 differential fuzz\n${rows.join("\n")}\n  total: ${calls} calls, ${comparisons} comparisons, ${exact} bit-exact`);
});

/** Focused regressions for the disagreements this fuzz found (expected values from NumPy 2.4.6, noted per case). */
describe("arrays fuzz regressions (NumPy 2.4.6 behaviour)", () => {
  const err = thrownText;
  it("full(-0.0) fills -0.0; an empty full/full_like never casts the fill value", () => {
    // np.full((2,), -0.0) -> [-0., -0.]; np.full((3,0), 1e308, dtype=np.int64) -> empty
    expect((np.full([2], -0).tolist() as number[]).every((x) => Object.is(x, -0))).toBe(true);
    expect(np.full([3, 0], 1e308, { dtype: "int64" }).shape).toEqual([3, 0]);
    expect(np.full_like(np.zeros([0]), NaN, { dtype: "int64" }).shape).toEqual([0]);
  });
  it("arange: NumPy's length rules and messages", () => {
    expect(np.arange(0, 1, Infinity).tolist()).toEqual([0]); // np.arange(0, 1, np.inf) -> [0.]
    expect(np.arange(0, 1, -Infinity).size).toBe(0);
    expect(err(() => np.arange(-Infinity))).toBe("RangeError: Maximum allowed size exceeded");
    expect(err(() => np.arange(Infinity, Infinity))).toBe("RangeError: arange: cannot compute length");
    expect(err(() => np.arange(9, 9, 0))).toBe("RangeError: float division by zero"); // np.arange(9.0, 9.0, 0.0)
    expect(err(() => np.arange(0, 5, 0, { dtype: "int64" }))).toBe("RangeError: division by zero"); // np.arange(0, 5, 0)
    expect(err(() => np.arange(8, { dtype: "bool" }))).toBe(
      "TypeError: arange() is only supported for booleans when the result has at most length 2.",
    );
  });
  it("array(): Python-int overflow message, NDArray elements keep their dtype and shape", () => {
    expect(err(() => np.array([1e308], { dtype: "int64" }))).toBe("RangeError: Python int too large to convert to C long");
    const i = np.array([np.array([1, 2], { dtype: "int64" }), np.array([true, false])]);
    expect([i.dtype, i.shape]).toEqual(["int64", [2, 2]]); // np.array([int64 arr, bool arr]) is int64
    expect(np.array([np.zeros([0, 3])]).shape).toEqual([1, 0, 3]);
    expect(np.array([np.zeros(0, { dtype: "bool" })]).dtype).toBe("bool");
    expect(err(() => np.array([np.zeros([0, 2]), np.zeros(0)]))).toBe(
      "RangeError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 2 dimensions. The detected shape was (2, 0) + inhomogeneous part.",
    );
  });
  it("reshape: any negative entry is the unknown one; NumPy's shape text in the message", () => {
    expect(np.zeros(4).reshape(-2, 2).shape).toEqual([2, 2]);
    expect(err(() => np.zeros(0).reshape(-1, 0, 2))).toBe("RangeError: cannot reshape array of size 0 into shape (0,2)");
    expect(err(() => np.zeros(4).reshape(3, -1, 2))).toBe("RangeError: cannot reshape array of size 4 into shape (3,newaxis,2)");
  });
  it("transpose / squeeze / split / repeat / tile / broadcast_to edge cases", () => {
    expect(err(() => np.transpose(np.zeros(3), []))).toBe("RangeError: axes don't match array");
    expect(np.transpose(np.array(1), []).shape).toEqual([]);
    expect(err(() => np.zeros([3, 1, 3]).transpose([1, -2, 3]))).toBe("RangeError: repeated axis in transpose");
    expect(np.squeeze(np.array(1), 0).shape).toEqual([]); // 0-d takes an integer axis 0 / -1
    expect(err(() => np.squeeze(np.array(1), [0]))).toBe("AxisError: axis 0 is out of bounds for array of dimension 0");
    expect(err(() => np.squeeze(np.zeros([1, 1]), [0, 0, 5]))).toBe("RangeError: duplicate value in 'axis'");
    expect(err(() => np.split(np.zeros(4), 2, { axis: 1 }))).toBe("IndexError: tuple index out of range");
    expect(np.repeat(np.array(5), 3, { axis: 0 }).shape).toEqual([3]); // 0-d is 1-d for repeat with an axis
    expect(np.repeat(np.zeros(0), [-1]).shape).toEqual([0]);
    expect(err(() => np.repeat(np.zeros(2), [-1]))).toBe("RangeError: negative dimensions are not allowed");
    expect(err(() => np.tile(np.zeros([3, 1]), [1, 0, -1]))).toBe("RangeError: cannot reshape array of size 0 into shape (1,0,newaxis)");
    expect(err(() => np.broadcast_to(np.zeros(1), []))).toBe("RangeError: cannot broadcast a non-scalar to a scalar array");
  });
  it("indexing: empty masks, empty broadcast index, error order of assignments", () => {
    expect((np.zeros([2, 3]).get("...", np.array([], { dtype: "bool" })) as np.NDArray).shape).toEqual([2, 0]);
    expect((np.zeros([2, 3]).get(np.zeros([0, 3], { dtype: "bool" })) as np.NDArray).shape).toEqual([0]);
    expect((np.zeros([4, 4]).get([], [4]) as np.NDArray).shape).toEqual([0]); // empty broadcast: no bounds check
    expect(err(() => np.zeros([2, 0]).get(":", [5]))).toBe("IndexError: index 5 is out of bounds for axis 1 with size 0");
    // value broadcast is checked before index bounds; value conversion before everything but the view
    expect(err(() => np.zeros(4).set([4, 1], np.zeros(3)))).toBe(
      "RangeError: shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)",
    );
    expect(err(() => np.zeros(4, { dtype: "int64" }).set("-5:-7:1", Infinity))).toBe("RangeError: cannot convert float infinity to integer");
    expect(err(() => np.zeros([2, 2, 0]).set(1, 0, "...", "1:", null, np.zeros([1, 1, 3])))).toBe(
      "RangeError: could not broadcast input array from shape (1,3) into shape (0,1)",
    );
    // scalar slots: PyArray_Pack
    expect(err(() => np.zeros(3).set(0, np.array([1])))).toBe("RangeError: setting an array element with a sequence.");
    expect(err(() => np.zeros(3, { dtype: "int64" }).set(0, [1]))).toBe(
      "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'",
    );
    expect(np.zeros(3, { dtype: "bool" }).set(0, [0]).get(0)).toBe(true); // bool([0]) is True
    expect(np.zeros(3, { dtype: "bool" }).set(0, []).get(0)).toBe(false);
    // a 0-d array's a[True] = v is a boolean assignment
    expect(err(() => np.array(5, { dtype: "int64" }).set(true, np.zeros([1, 3], { dtype: "int64" })))).toBe(
      "TypeError: NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions",
    );
  });
});
