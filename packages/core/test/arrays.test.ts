/**
 * Arrays family (creation, shape manipulation, indexing) against NumPy 2.4.6
 * goldens in fixtures/arrays.json (written by fixtures/generate_arrays.py).
 *
 * Each case rebuilds its input arrays over fresh copies of the stored
 * buffers (same shape, strides and offset as in NumPy), so writes through
 * views are checked against the buffer NumPy ended up with.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { compare, decode, loadFixture, Tally, type Buffer, type Encoded, type Expected } from "./helpers.ts";

type ListExpected = { list: Expected[] };

interface Case {
  fn: string;
  a?: string;
  arrays?: string[];
  index?: unknown[];
  ndarray_index?: boolean;
  value?: unknown;
  expected: Expected | ListExpected;
  shares?: boolean[];
  written?: Encoded[];
  [key: string]: unknown;
}

const fixture = loadFixture<Case>("arrays.json");
const tally = new Tally("arrays");

/** A fresh copy of a stored buffer and a view of it with NumPy's layout. */
function build(name: string): { view: np.NDArray; data: Float64Array | Uint8Array } {
  const spec = fixture.arrays![name];
  const b = (fixture.buffers as Record<string, Buffer>)[spec.buffer];
  const data = b.dtype === "bool" ? Uint8Array.from(b.data, (v) => (v === true ? 1 : 0)) : Float64Array.from(b.data, (v) => Number(v));
  return { view: new np.NDArray(data, spec.shape, spec.strides, spec.offset, b.dtype), data };
}

function toNDArrayIndex(ix: unknown[]): np.IndexElement[] {
  return ix.map((e) => {
    if (!Array.isArray(e)) return e as np.IndexElement;
    const flat = (e as unknown[]).flat(Infinity);
    return flat.length > 0 && typeof flat[0] === "boolean" ? np.array(e as boolean[]) : np.array(e as number[], { dtype: "int64" });
  });
}

function run(c: Case): { result: unknown; data?: Float64Array | Uint8Array; input?: np.NDArray } {
  const A = c.a !== undefined ? build(c.a) : undefined;
  const a = A?.view as np.NDArray;
  const many = (c.arrays ?? []).map((n) => build(n).view);
  const num = (k: string): number => decode(c[k] as Encoded) as number;
  let result: unknown;
  switch (c.fn) {
    case "get": {
      const ix = c.ndarray_index ? toNDArrayIndex(c.index!) : (c.index as np.IndexElement[]);
      result = a.get(...ix);
      break;
    }
    case "set": {
      const ix = c.ndarray_index ? toNDArrayIndex(c.index!) : (c.index as np.IndexElement[]);
      a.set(...ix, c.value as np.ArrayLike);
      result = new np.NDArray(A!.data, [A!.data.length], [1], 0, a.dtype);
      break;
    }
    case "take":
      result = np.take(a, c.indices as number[], { axis: c.axis as number | null });
      break;
    case "linspace":
      result = np.linspace(num("start"), num("stop"), c.num as number, { endpoint: c.endpoint as boolean, dtype: c.dtype as np.DType | undefined });
      break;
    case "diag":
      result = np.diag(a, c.k as number);
      break;
    case "zeros_like":
      result = np.zeros_like(a);
      break;
    case "ones_like":
      result = np.ones_like(a);
      break;
    case "full_like":
      result = np.full_like(a, c.value as number);
      break;
    case "copy":
      result = np.copy(a);
      break;
    case "reshape":
      result = np.reshape(a, c.shape as number[], { order: c.order as np.Order });
      break;
    case "ravel":
      result = np.ravel(a, c.order as np.Order);
      break;
    case "flatten":
      result = a.flatten(c.order as np.Order);
      break;
    case "transpose":
      result = np.transpose(a, c.axes as number[] | null);
      break;
    case "swapaxes":
      result = np.swapaxes(a, c.axis1 as number, c.axis2 as number);
      break;
    case "moveaxis":
      result = np.moveaxis(a, c.source as number, c.destination as number);
      break;
    case "expand_dims":
      result = np.expand_dims(a, c.axis as number);
      break;
    case "squeeze":
      result = np.squeeze(a, c.axis as number | null);
      break;
    case "broadcast_to":
      result = np.broadcast_to(a, c.shape as number[]);
      break;
    case "broadcast_arrays":
      result = np.broadcast_arrays(...many);
      break;
    case "atleast_1d":
      result = np.atleast_1d(a);
      break;
    case "atleast_2d":
      result = np.atleast_2d(a);
      break;
    case "atleast_3d":
      result = np.atleast_3d(a);
      break;
    case "concatenate":
      result = np.concatenate(many, { axis: c.axis as number | null });
      break;
    case "stack":
      result = np.stack(many, { axis: c.axis as number });
      break;
    case "vstack":
      result = np.vstack(many);
      break;
    case "hstack":
      result = np.hstack(many);
      break;
    case "dstack":
      result = np.dstack(many);
      break;
    case "split":
      result = np.split(a, c.ios as number, { axis: c.axis as number });
      break;
    case "array_split":
      result = np.array_split(a, c.ios as number, { axis: c.axis as number });
      break;
    case "tile":
      result = np.tile(a, c.reps as number);
      break;
    case "repeat":
      result = np.repeat(a, c.repeats as number, { axis: c.axis as number | null });
      break;
    default:
      throw new Error(`unknown fixture function ${c.fn}`);
  }
  return { result, data: A?.data, input: a };
}

function label(c: Case): string {
  const rest = Object.entries(c)
    .filter(([k]) => !["fn", "expected", "shares", "written"].includes(k))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(" ");
  return `${c.fn} ${rest}`;
}

let comparisons = 0;
let exact = 0;

describe("arrays family matches NumPy 2.4.6", () => {
  fixture.cases.forEach((c, i) => {
    it(`#${i} ${label(c)}`.slice(0, 200), () => {
      const exp = c.expected;
      if ("error" in exp) {
        let message = "";
        try {
          run(c);
        } catch (e) {
          message = (e as Error).message;
        }
        const ok = message === exp.error;
        tally.add(`${c.fn} (errors)`, { ok, bitExact: ok, detail: "" });
        comparisons++;
        if (ok) exact++;
        expect(message, `NumPy raised ${exp.type}: ${exp.error}`).toBe(exp.error);
        return;
      }
      const { result, data, input } = run(c);
      const results = "list" in exp ? (result as unknown[]) : [result];
      const expected = "list" in exp ? exp.list : [exp];
      expect(results.length).toBe(expected.length);
      expected.forEach((e, k) => {
        const cmp = compare(results[k], e);
        tally.add(c.fn, cmp);
        comparisons++;
        if (cmp.bitExact) exact++;
        expect(cmp.ok, cmp.detail).toBe(true);
        expect(cmp.bitExact, cmp.detail).toBe(true);
      });
      // Known deviation: np.diag of a 2-D array is a read-only view in NumPy, a copy here.
      if (c.shares && c.fn !== "diag") {
        // a view exactly when NumPy gives a view (empty results share nothing in NumPy)
        results.forEach((r, k) => {
          const arr = r as np.NDArray;
          const shares = arr.data === input!.data && arr.size > 0;
          tally.add("view vs copy", { ok: shares === c.shares![k], bitExact: shares === c.shares![k], detail: "" });
          expect(shares, `result ${k} shares memory with the input in NumPy: ${c.shares![k]}`).toBe(c.shares![k]);
        });
      }
      if (c.written) {
        (results[0] as np.NDArray).set("...", -7);
        const got = Array.from(data!, (v) => (input!.dtype === "bool" ? v !== 0 : v));
        const want = c.written.map(decode);
        const ok = got.length === want.length && got.every((v, j) => Object.is(v, want[j]));
        tally.add("write through view", { ok, bitExact: ok, detail: "" });
        expect(got).toEqual(want);
      }
    });
  });
});

afterAll(() => {
  tally.report();
  console.log(`[arrays] ${exact} / ${comparisons} comparisons exact`);
});
