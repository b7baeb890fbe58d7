/**
 * API behaviour: construction, views, dtype rules, error wording (taken
 * from NumPy 2.4.6's messages), printing edge cases.
 */
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";

describe("NDArray", () => {
  it("has NumPy's attributes", () => {
    const a = np.array([[1, 2, 3], [4, 5, 6]]);
    expect(a.shape).toEqual([2, 3]);
    expect(a.strides).toEqual([3, 1]);
    expect(a.offset).toBe(0);
    expect(a.ndim).toBe(2);
    expect(a.size).toBe(6);
    expect(a.dtype).toBe("float64");
    expect(a.data).toBeInstanceOf(Float64Array);
  });

  it(".T is a strided view, no copy", () => {
    const a = np.array([[1, 2, 3], [4, 5, 6]]);
    const t = a.T;
    expect(t.data).toBe(a.data);
    expect(t.shape).toEqual([3, 2]);
    expect(t.strides).toEqual([1, 3]);
    expect(t.tolist()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(t.T.tolist()).toEqual(a.tolist());
  });

  it("reshape: views when possible, -1, copies otherwise", () => {
    const a = np.arange(6);
    const b = a.reshape(2, 3);
    expect(b.data).toBe(a.data);
    expect(a.reshape([3, -1]).shape).toEqual([3, 2]);
    const t = b.T; // not C-contiguous
    const r = t.reshape(6);
    expect(r.tolist()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(np.arange(24).reshape(2, 3, 4).transpose([1, 0, 2]).reshape(3, 8).shape).toEqual([3, 8]);
    // a no-copy reshape of a strided view
    const v = np.arange(12).reshape(3, 4).T.reshape(4, 3, 1);
    expect(v.strides[0]).toBe(1);
    expect(() => a.reshape(4)).toThrow("cannot reshape array of size 6 into shape (4,)");
    expect(() => a.reshape(2, 4)).toThrow("cannot reshape array of size 6 into shape (2,4)");
    expect(() => a.reshape(4, -1)).toThrow("cannot reshape array of size 6 into shape (4,newaxis)");
    expect(() => a.reshape(-1, -1)).toThrow("can only specify one unknown dimension");
  });

  it("tolist, item, copy, astype", () => {
    expect(np.array([true, false]).tolist()).toEqual([true, false]);
    expect(np.array(2.5).tolist()).toBe(2.5);
    const m = np.array([[1, 2], [3, 4]]);
    expect(m.item(1, 0)).toBe(3);
    expect(m.item(3)).toBe(4);
    expect(m.item(-1)).toBe(4);
    expect(m.T.item(1)).toBe(3);
    expect(np.array([7]).item()).toBe(7);
    expect(() => m.item()).toThrow("can only convert an array of size 1 to a Python scalar");
    const c = m.T.copy();
    expect(c.data).not.toBe(m.data);
    expect(c.strides).toEqual([2, 1]);
    expect(c.tolist()).toEqual([[1, 3], [2, 4]]);
    expect(np.array([1.7, -1.7]).astype("int64").tolist()).toEqual([1, -1]);
    expect(np.array([0, 2, NaN]).astype("bool").tolist()).toEqual([false, true, true]);
  });

  it("toString follows NumPy", () => {
    expect(String(np.array([1, 2.5]))).toBe("[1.  2.5]");
    expect(String(np.array(1))).toBe("1.0");
    expect(String(np.array(3, { dtype: "int64" }))).toBe("3");
    expect(String(np.array(true))).toBe("True");
    expect(String(np.zeros([2, 0]))).toBe("[]");
  });
});

describe("creation", () => {
  it("infers dtypes (JS numbers are float64)", () => {
    expect(np.array([1, 2]).dtype).toBe("float64");
    expect(np.array([true, false]).dtype).toBe("bool");
    expect(np.array([true, 2]).dtype).toBe("float64");
    expect(np.array([1, 2], { dtype: "int64" }).dtype).toBe("int64");
    expect(np.array([]).shape).toEqual([0]);
    expect(np.array([[]]).shape).toEqual([1, 0]);
    expect(np.array(5).shape).toEqual([]);
    expect(np.array([np.array([1, 2]), np.array([3, 4])]).tolist()).toEqual([[1, 2], [3, 4]]);
  });

  it("rejects ragged input with NumPy's message", () => {
    expect(() => np.array([[1, 2], [3]])).toThrow(
      "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.",
    );
    expect(() => np.array([[[1], [2]], [[3], 4]])).toThrow("inhomogeneous shape after 2 dimensions. The detected shape was (2, 2) + inhomogeneous part.");
  });

  it("int64 refuses values beyond 2^53", () => {
    expect(() => np.array([2 ** 60], { dtype: "int64" })).toThrow("int64 value exceeds 2^53: not exactly representable in JavaScript");
    expect(() => np.prod(np.arange(1, 30, { dtype: "int64" }))).toThrow("int64 value exceeds 2^53");
    expect(() => np.array([NaN], { dtype: "int64" })).toThrow("cannot convert float NaN to integer");
  });

  it("asarray does not copy", () => {
    const a = np.zeros(3);
    expect(np.asarray(a)).toBe(a);
    expect(np.asarray(a, { dtype: "int64" })).not.toBe(a);
  });

  it("zeros, ones, full, eye, identity", () => {
    expect(np.zeros([2, 3]).tolist()).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(np.ones(2, { dtype: "int64" }).dtype).toBe("int64");
    expect(np.full([2], true).dtype).toBe("bool");
    expect(np.full(2, 7).tolist()).toEqual([7, 7]);
    expect(np.eye(2, { k: 1 }).tolist()).toEqual([[0, 1], [0, 0]]);
    expect(np.identity(2, { dtype: "bool" }).tolist()).toEqual([[true, false], [false, true]]);
    expect(() => np.zeros(-1)).toThrow("negative dimensions are not allowed");
  });

  it("arange", () => {
    expect(np.arange(3).tolist()).toEqual([0, 1, 2]);
    expect(np.arange(3, { dtype: "int64" }).dtype).toBe("int64");
    expect(np.arange(0, 2, 0.5, { dtype: "int64" }).tolist()).toEqual([0, 0, 0, 0]); // NumPy's quirk
    expect(np.arange(5, 1).size).toBe(0);
    expect(() => np.arange(0, 1, 0)).toThrow("division by zero");
  });
});

describe("transpose / reshape functions", () => {
  it("transpose", () => {
    const a = np.zeros([2, 3, 4]);
    expect(np.transpose(a).shape).toEqual([4, 3, 2]);
    expect(np.transpose(a, [1, 0, 2]).shape).toEqual([3, 2, 4]);
    expect(np.transpose(a, [-1, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(np.transpose(a).data).toBe(a.data);
    expect(() => np.transpose(a, [0, 1])).toThrow("axes don't match array");
    expect(() => np.transpose(a, [0, 0, 1])).toThrow("repeated axis in transpose");
  });
  it("reshape", () => {
    expect(np.reshape(np.arange(6), [2, 3]).tolist()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(np.reshape([1, 2, 3, 4], [-1, 2]).shape).toEqual([2, 2]);
  });
});

describe("reductions API", () => {
  it("returns scalars when NumPy does", () => {
    expect(np.sum([1, 2, 3])).toBe(6);
    expect(np.sum([[1, 2], [3, 4]], { axis: [0, 1] })).toBe(10);
    expect(np.sum([1, 2, 3], { axis: 0 })).toBe(6);
    const k = np.sum([[1, 2], [3, 4]], { keepdims: true });
    expect(k.shape).toEqual([1, 1]);
    expect((np.sum([[1, 2], [3, 4]], { axis: -1 }) as np.NDArray).tolist()).toEqual([3, 7]);
  });
  it("dtypes of results", () => {
    const i = np.array([1, 2, 3], { dtype: "int64" });
    expect((np.sum(i, { keepdims: true }) as np.NDArray).dtype).toBe("int64");
    expect((np.sum([true, true, false], { keepdims: true }) as np.NDArray).dtype).toBe("int64");
    expect(np.sum([true, true, false])).toBe(2);
    expect((np.mean(i, { keepdims: true }) as np.NDArray).dtype).toBe("float64");
    expect((np.max([true, false], { keepdims: true }) as np.NDArray).dtype).toBe("bool");
    expect((np.argmax([[1, 2]], { axis: 1 }) as np.NDArray).dtype).toBe("int64");
  });
  it("special cases", () => {
    expect(Object.is(np.sum([-0]), 0)).toBe(true);
    expect(np.sum([])).toBe(0);
    expect(np.prod([])).toBe(1);
    expect(Number.isNaN(np.mean([]))).toBe(true);
    expect(np.var([1, 2], { ddof: 2 })).toBe(Infinity);
    expect(np.max([1, NaN, 3])).toBeNaN();
    expect(np.argmax([1, NaN, 3, NaN])).toBe(1);
    expect(np.argmin([2, 1, 1])).toBe(1);
    expect(() => np.max([])).toThrow("zero-size array to reduction operation maximum which has no identity");
    expect(() => np.argmax([])).toThrow("attempt to get argmax of an empty sequence");
    expect(() => np.sum(np.zeros([2, 3]), { axis: 2 })).toThrow("axis 2 is out of bounds for array of dimension 2");
    expect(() => np.sum(np.zeros([2, 3]), { axis: 2 })).toThrow(np.AxisError);
    expect(() => np.sum(np.zeros([2, 3]), { axis: [0, 0] })).toThrow("duplicate value in 'axis'");
  });
  it("ddof and keepdims", () => {
    expect(np.var([1, 2, 3, 4], { ddof: 1 })).toBe(1.6666666666666667);
    const r = np.std([[1, 2], [3, 5]], { axis: 1, keepdims: true }) as np.NDArray;
    expect(r.shape).toEqual([2, 1]);
    expect(r.tolist()).toEqual([[0.5], [1]]);
  });
});

describe("element-wise API", () => {
  it("broadcasting and NumPy's error wording", () => {
    expect(np.add([[1], [2]], [10, 20]).tolist()).toEqual([[11, 21], [12, 22]]);
    expect(() => np.add(np.zeros([2, 3]), np.zeros(4))).toThrow("operands could not be broadcast together with shapes (2,3) (4,) ");
  });
  it("scalars in, scalars out", () => {
    expect(np.add(1, 2)).toBe(3);
    expect(np.power(2, -1)).toBe(0.5); // JS numbers alone are float64
    expect(np.equal(1, 1)).toBe(true);
    expect(np.isnan(NaN)).toBe(true);
    expect(np.sqrt(np.array(4)).shape).toEqual([]); // a 0-d array stays an NDArray
  });
  it("weak JS number scalars (NEP 50)", () => {
    const i = np.array([1, 2], { dtype: "int64" });
    expect(np.add(i, 1).dtype).toBe("int64");
    expect(np.add(i, 1.5).dtype).toBe("float64");
    expect(np.add(np.array([true]), 1).dtype).toBe("int64");
    expect(np.add(np.array([true]), true).dtype).toBe("bool");
    expect(np.divide(i, 2).dtype).toBe("float64");
    expect(() => np.power(i, -1)).toThrow("Integers to negative integer powers are not allowed.");
    expect(() => np.add(np.array([2 ** 52], { dtype: "int64" }), 2 ** 52)).toThrow("int64 value exceeds 2^53");
  });
  it("bool rules", () => {
    expect(np.add([true, false], [true, true]).tolist()).toEqual([true, true]);
    expect(np.multiply([true, false], [true, true]).tolist()).toEqual([true, false]);
    expect(() => np.subtract([true], [false])).toThrow("numpy boolean subtract");
    expect(() => np.negative([true])).toThrow("The numpy boolean negative");
    expect(np.abs([true, false]).dtype).toBe("bool");
  });
  it("keeps NumPy's memory layout (K order)", () => {
    const a = np.arange(6).reshape(2, 3).T;
    const r = np.multiply(a, 2);
    expect(r.strides).toEqual([1, 3]);
    expect(r.tolist()).toEqual([[0, 6], [2, 8], [4, 10]]);
  });
});

describe("linalg API", () => {
  it("dot and matmul rules", () => {
    expect(np.dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(np.dot(2, 3)).toBe(6);
    expect((np.dot([[1, 0], [0, 1]], [2, 3]) as np.NDArray).tolist()).toEqual([2, 3]);
    expect(np.matmul([1, 2], [3, 4])).toBe(11);
    expect((np.matmul([1, 2], [[1, 0], [0, 1]]) as np.NDArray).shape).toEqual([2]);
    expect((np.matmul(np.ones([3, 2, 4]), np.ones([4, 5])) as np.NDArray).shape).toEqual([3, 2, 5]);
    expect(() => np.matmul(np.ones([2, 2]), np.ones([3, 2]))).toThrow(
      "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)",
    );
    expect(() => np.matmul([1, 2, 3] as never, 2 as never)).toThrow("matmul: Input operand 1 does not have enough dimensions");
    expect(() => np.dot([1, 2, 3], [1, 2])).toThrow("shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)");
    expect(() => np.dot([[1, 2, 3], [4, 5, 6]], [1, 2])).toThrow("shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)");
  });
  it("norm", () => {
    expect(np.linalg.norm([3, 4])).toBe(5);
    expect(np.linalg.norm([3, 4], { ord: 1 })).toBe(7);
    expect(np.linalg.norm([3, -4], Infinity)).toBe(4);
    expect(np.linalg.norm([0, 2, 0, 1], 0)).toBe(2);
    expect((np.linalg.norm([[3, 4], [6, 8]], null, 1) as np.NDArray).tolist()).toEqual([5, 10]);
    expect((np.linalg.norm([[1, 2], [3, 4]], null, [0, 1], true) as np.NDArray).shape).toEqual([1, 1]);
    expect(() => np.linalg.norm([1, 2], "fro")).toThrow("Invalid norm order 'fro' for vectors");
  });
  it("inv and det", () => {
    expect(np.linalg.inv([[2, 0], [0, 4]]).tolist()).toEqual([[0.5, 0], [0, 0.25]]);
    expect(() => np.linalg.inv([[1, 2], [2, 4]])).toThrow(np.LinAlgError);
    expect(() => np.linalg.inv([[1, 2], [2, 4]])).toThrow("Singular matrix");
    expect(() => np.linalg.inv(np.zeros([2, 3]))).toThrow("Last 2 dimensions of the array must be square");
    expect(() => np.linalg.inv(np.zeros(3))).toThrow("1-dimensional array given. Array must be at least two-dimensional");
    expect(np.linalg.det([[1, 2], [2, 4]])).toBe(0);
    expect(np.linalg.det(np.zeros([0, 0]))).toBe(1);
    expect(Math.abs((np.linalg.det([[1, 2], [3, 4]]) as number) + 2)).toBeLessThan(1e-12);
    const e = new np.LinAlgError("x");
    expect(e.name).toBe("LinAlgError");
    expect(np.linalg.LinAlgError).toBe(np.LinAlgError);
  });
});
