/**
 * Vector, matrix and tensor products and matrix structure helpers:
 * `vdot`, `inner`, `outer`, `tensordot`, `kron`, `cross`, `trace`,
 * `diagonal`, `tril`, `triu` — NumPy's semantics and error wording.
 *
 * Products that contract go through `matmul`/`dot` (blocked i-k-j kernel,
 * not BLAS: compare with NumPy to a tolerance); `outer`, `kron`, `cross`,
 * `tril`, `triu`, `diagonal` are exact (single IEEE operations or copies);
 * `trace` sums the diagonal view with NumPy's reduction, as NumPy does.
 */
import { asarray } from "../creation.ts";
import { AxisError } from "../errors.ts";
import { broadcastShapes } from "../iter.ts";
import { copyToC, formatShape, NDArray, type ArrayLike, type Scalar } from "../ndarray.ts";
import { sum } from "../reductions.ts";
import { multiply, negative, subtract } from "../ufunc.ts";
import { asOperand, dot, dot1d } from "../linalg.ts";
import { promoteTypes } from "../dtype.ts";

function norm1(axis: number, ndim: number, name?: string): number {
  if (!Number.isInteger(axis)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (axis < -ndim || axis >= ndim) throw new AxisError(`${name ? name + ": " : ""}axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

function moveToEnd(a: NDArray, axis: number): NDArray {
  const order = a.shape.map((_, i) => i).filter((i) => i !== axis);
  order.push(axis);
  return a.transpose(order);
}

/**
 * Dot product of two arrays flattened to vectors (NumPy `np.vdot`; real
 * arrays, so no conjugation). Sizes must match.
 *
 * $$\operatorname{vdot}(a, b) = \sum_i a_i b_i \quad (\text{over the flattened arrays})$$
 *
 * @example
 * np.vdot([[1, 2], [3, 4]], [[1, 0], [0, 1]]); // 5.0
 * @numpy np.vdot([[1.0, 2.0], [3.0, 4.0]], [[1.0, 0.0], [0.0, 1.0]])
 */
export function vdot(a: ArrayLike, b: ArrayLike): Scalar {
  const A = asOperand(a).ravel();
  const B = asOperand(b).ravel();
  if (A.size !== B.size) throw new RangeError(`cannot reshape array of size ${B.size} into shape (${A.size},)`);
  return dot1d(A, B, promoteTypes(A.dtype, B.dtype)); // (BLAS ddot, even for one element)
}

/**
 * Inner product over the last axes (NumPy `np.inner`): for 1-D arrays the
 * ordinary dot product (a scalar), otherwise a sum over the last axis of both.
 * A scalar operand multiplies.
 *
 * $$\operatorname{inner}(a, b)_{I, J} = \sum_k a_{I k}\, b_{J k}$$
 *
 * Special cases: last dimensions must agree ("shapes (2,) and (3,) not
 * aligned: 2 (dim 0) != 3 (dim 0)").
 *
 * @example
 * np.inner([1, 2, 3], [0, 1, 0]); // 2.0
 * @numpy np.inner([1.0, 2.0, 3.0], [0.0, 1.0, 0.0])
 * @example
 * np.inner([[1, 2], [3, 4]], [[1, 0], [0, 1]]); // [[1. 2.]
 * //  [3. 4.]]
 * @numpy np.inner([[1.0, 2.0], [3.0, 4.0]], [[1.0, 0.0], [0.0, 1.0]])
 */
export function inner(a: ArrayLike, b: ArrayLike): NDArray | Scalar {
  const A = asOperand(a);
  const B = asOperand(b);
  if (A.ndim === 0 || B.ndim === 0) return dot(A, B);
  const k = A.shape[A.ndim - 1];
  const k2 = B.shape[B.ndim - 1];
  if (k !== k2) {
    // NumPy swaps b's last two axes and calls dot, whose message names the swapped shape.
    const bs = B.shape.slice();
    if (bs.length >= 2) [bs[bs.length - 2], bs[bs.length - 1]] = [bs[bs.length - 1], bs[bs.length - 2]];
    throw new RangeError(`shapes ${formatShape(A.shape)} and ${formatShape(bs)} not aligned: ${k} (dim ${A.ndim - 1}) != ${k2} (dim ${Math.max(B.ndim - 2, 0)})`);
  }
  // NumPy: dot(a, b with its last two axes swapped) — the same BLAS path as dot for ≤ 2-D.
  if (A.ndim <= 2 && B.ndim <= 2) return dot(A, B.ndim === 2 ? B.T : B);
  const rows = (x: NDArray): number => x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  const r = dot(A.reshape(rows(A), k), B.reshape(rows(B), k).T) as NDArray;
  return r.reshape([...A.shape.slice(0, -1), ...B.shape.slice(0, -1)]);
}

/**
 * Outer product of two vectors (NumPy `np.outer`; inputs are flattened).
 *
 * $$\operatorname{outer}(a, b)_{ij} = a_i b_j$$
 *
 * @example
 * np.outer([1, 2], [3, 4, 5]); // [[ 3.  4.  5.]
 * //  [ 6.  8. 10.]]
 * @numpy np.outer([1.0, 2.0], [3.0, 4.0, 5.0])
 */
export function outer(a: ArrayLike, b: ArrayLike): NDArray {
  const A = asOperand(a).ravel();
  const B = asOperand(b).ravel();
  return multiply(A.reshape(A.size, 1), B.reshape(1, B.size)) as NDArray;
}

/** `axes` argument of {@link tensordot}: a count N, or explicit axis lists `[axesA, axesB]`. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/**
 * Tensor dot product over the given axes (NumPy `np.tensordot`): with an
 * integer N, sums over the last N axes of `a` and the first N of `b`; with
 * `[axesA, axesB]`, over those pairs. Like NumPy, transposes both operands,
 * reshapes them to matrices and multiplies (blocked i-k-j kernel). The result
 * is always an NDArray (0-d for a full contraction, as NumPy).
 *
 * $$\operatorname{tensordot}(a, b)_{I J} = \sum_{K} a_{I K}\, b_{K J}$$
 *
 * Special cases: mismatched summed dimensions raise "shape-mismatch for sum".
 *
 * @example
 * np.tensordot([[1, 2], [3, 4]], [[1, 2], [3, 4]]); // 30.0
 * @numpy np.tensordot([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]])
 * @example
 * np.tensordot([1, 2], [3, 4], 0); // [[3. 4.]
 * //  [6. 8.]]
 * @numpy np.tensordot([1.0, 2.0], [3.0, 4.0], 0)
 */
export function tensordot(a: ArrayLike, b: ArrayLike, axes: TensordotAxes = 2): NDArray {
  const A = asOperand(a);
  const B = asOperand(b);
  let axesA: number[];
  let axesB: number[];
  if (typeof axes === "number") {
    if (!Number.isInteger(axes)) throw new TypeError("'float' object cannot be interpreted as an integer");
    axesA = [];
    for (let i = -axes; i < 0; i++) axesA.push(i);
    axesB = [];
    for (let i = 0; i < axes; i++) axesB.push(i);
  } else {
    axesA = typeof axes[0] === "number" ? [axes[0]] : axes[0].slice();
    axesB = typeof axes[1] === "number" ? [axes[1]] : axes[1].slice();
  }
  const nda = A.ndim;
  const ndb = B.ndim;
  let equal = axesA.length === axesB.length;
  if (equal) {
    for (let k = 0; k < axesA.length; k++) {
      const sa = A.shape.at(axesA[k]);
      const sb = B.shape.at(axesB[k]);
      if (sa === undefined || sb === undefined || sa !== sb) {
        equal = false;
        break;
      }
      if (axesA[k] < 0) axesA[k] += nda;
      if (axesB[k] < 0) axesB[k] += ndb;
    }
  }
  if (!equal) throw new RangeError("shape-mismatch for sum");
  const notinA = A.shape.map((_, i) => i).filter((i) => !axesA.includes(i));
  const notinB = B.shape.map((_, i) => i).filter((i) => !axesB.includes(i));
  let N2 = 1;
  for (const ax of axesA) N2 *= A.shape[ax];
  let PA = 1;
  for (const ax of notinA) PA *= A.shape[ax];
  let PB = 1;
  for (const ax of notinB) PB *= B.shape[ax];
  const at = A.transpose([...notinA, ...axesA]).reshape(PA, N2);
  const bt = B.transpose([...axesB, ...notinB]).reshape(N2, PB);
  const r = dot(at, bt) as NDArray; // NumPy: dot of the 2-D reshapes
  return r.reshape([...notinA.map((i) => A.shape[i]), ...notinB.map((i) => B.shape[i])]);
}

/**
 * Kronecker product (NumPy `np.kron`): the block array whose (I, J) block is
 * a[I]·b, for arrays of any rank (the shorter shape is padded with leading
 * 1s). Exact (one multiplication per element).
 *
 * $$(A \otimes B)_{(i p)(j q)} = a_{ij}\, b_{pq}$$
 *
 * @example
 * np.kron([1, 10], [1, 2, 3]); // [ 1.  2.  3. 10. 20. 30.]
 * @numpy np.kron([1.0, 10.0], [1.0, 2.0, 3.0])
 */
export function kron(a: ArrayLike, b: ArrayLike): NDArray | Scalar {
  const A = asOperand(a);
  const B = asOperand(b);
  if (A.ndim === 0 || B.ndim === 0) {
    // NumPy: multiply(a, b), a scalar when both are 0-d.
    const r = multiply(A, B) as NDArray;
    return r.ndim === 0 ? r.item() : r;
  }
  const nd = Math.max(A.ndim, B.ndim);
  const as = [...new Array<number>(nd - A.ndim).fill(1), ...A.shape];
  const bs = [...new Array<number>(nd - B.ndim).fill(1), ...B.shape];
  const aShape: number[] = [];
  const bShape: number[] = [];
  for (let i = 0; i < nd; i++) {
    aShape.push(as[i], 1);
    bShape.push(1, bs[i]);
  }
  const r = multiply(A.reshape(aShape), B.reshape(bShape)) as NDArray;
  return r.reshape(as.map((x, i) => x * bs[i]));
}

/** Options of {@link cross} (NumPy's keyword arguments). */
export interface CrossOptions {
  axisa?: number;
  axisb?: number;
  axisc?: number;
  /** Overrides `axisa`, `axisb` and `axisc`. */
  axis?: number;
}

/**
 * Cross product of (arrays of) 3-vectors (NumPy `np.cross`); 2-vectors are
 * taken with a zero z-component, and the cross product of two 2-vectors is
 * the scalar z-component (a 0-d array for single vectors; NumPy 2 deprecates
 * 2-vectors but still computes them). Vectors lie along `axisa`/`axisb`
 * (default last), the leading axes broadcast, the result's vector axis is
 * `axisc`.
 *
 * $$a \times b = (a_2 b_3 - a_3 b_2,\; a_3 b_1 - a_1 b_3,\; a_1 b_2 - a_2 b_1)$$
 *
 * Special cases: vector lengths other than 2 or 3 raise "incompatible
 * dimensions for cross product\n(dimension must be 2 or 3)"; bool inputs raise
 * NumPy's boolean-subtract TypeError. Same IEEE operation order as NumPy: exact.
 *
 * @example
 * np.cross([1, 0, 0], [0, 1, 0]); // [0. 0. 1.]
 * @numpy np.cross([1.0, 0.0, 0.0], [0.0, 1.0, 0.0])
 */
export function cross(a: ArrayLike, b: ArrayLike, options: CrossOptions = {}): NDArray {
  let A = asarray(a);
  let B = asarray(b);
  const axisa = options.axis ?? options.axisa ?? -1;
  const axisb = options.axis ?? options.axisb ?? -1;
  const axisc = options.axis ?? options.axisc ?? -1;
  A = moveToEnd(A, norm1(axisa, A.ndim, "axisa"));
  B = moveToEnd(B, norm1(axisb, B.ndim, "axisb"));
  const na = A.shape[A.ndim - 1];
  const nb = B.shape[B.ndim - 1];
  if ((na !== 2 && na !== 3) || (nb !== 2 && nb !== 3)) throw new RangeError("incompatible dimensions for cross product\n(dimension must be 2 or 3)");
  let bshape: number[];
  try {
    bshape = broadcastShapes([A.shape.slice(0, -1), B.shape.slice(0, -1)]);
  } catch {
    throw new RangeError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${formatShape(A.shape.slice(0, -1))} and arg 1 with shape ${formatShape(B.shape.slice(0, -1))}.`,
    );
  }
  // NumPy's order: axes, vector lengths, broadcasting, axisc, then the arithmetic (where bool fails:
  // `negative` first when one operand is a 2-vector and the other a 3-vector, else `cp -= …`).
  if (na === 3 || nb === 3) norm1(axisc, bshape.length + 1, "axisc");
  if (A.dtype === "bool" && B.dtype === "bool") {
    if (na !== nb) throw new TypeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
    throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  }
  const a0 = A.get("...", 0) as NDArray;
  const a1 = A.get("...", 1) as NDArray;
  const b0 = B.get("...", 0) as NDArray;
  const b1 = B.get("...", 1) as NDArray;
  const cp2 = subtract(multiply(a0, b1), multiply(a1, b0)) as NDArray;
  if (na === 2 && nb === 2) return cp2;
  let cp0: NDArray;
  let cp1: NDArray;
  if (na === 3 && nb === 3) {
    const a2 = A.get("...", 2) as NDArray;
    const b2 = B.get("...", 2) as NDArray;
    cp0 = subtract(multiply(a1, b2), multiply(a2, b1)) as NDArray;
    cp1 = subtract(multiply(a2, b0), multiply(a0, b2)) as NDArray;
  } else if (na === 3) {
    const a2 = A.get("...", 2) as NDArray;
    cp0 = negative(multiply(a2, b1)) as NDArray;
    cp1 = multiply(a2, b0) as NDArray;
  } else {
    const b2 = B.get("...", 2) as NDArray;
    cp0 = multiply(a1, b2) as NDArray;
    cp1 = negative(multiply(a0, b2)) as NDArray;
  }
  const shape = cp2.shape;
  const n = cp2.size;
  const d0 = copyToC(cp0);
  const d1 = copyToC(cp1);
  const d2 = copyToC(cp2);
  const out = cp2.dtype === "bool" ? new Uint8Array(n * 3) : new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[3 * i] = d0[i];
    out[3 * i + 1] = d1[i];
    out[3 * i + 2] = d2[i];
  }
  const res = new NDArray(out, [...shape, 3], undefined, 0, cp2.dtype);
  const c = norm1(axisc, res.ndim, "axisc");
  if (c === res.ndim - 1) return res;
  const order = res.shape.map((_, i) => i).slice(0, -1);
  order.splice(c, 0, res.ndim - 1);
  return res.transpose(order);
}

/** Options of {@link diagonal} and {@link trace}. */
export interface DiagonalOptions {
  /** Diagonal offset: > 0 above the main diagonal, < 0 below (default 0). */
  offset?: number;
  /** First axis of the 2-D sub-arrays (default 0). */
  axis1?: number;
  /** Second axis (default 1). */
  axis2?: number;
}

/**
 * The diagonal `a[i, i + offset]` of the 2-D sub-arrays spanned by `axis1`
 * and `axis2` (NumPy `np.diagonal`): those two axes are removed and the
 * diagonal becomes the last axis. Returns a view (NumPy's is read-only;
 * this one writes through).
 *
 * $$\operatorname{diagonal}(A)_i = A_{i,\, i + \text{offset}}$$
 *
 * Special cases: fewer than 2 dimensions raise "diag requires an array of at
 * least two dimensions"; equal axes raise "axis1 and axis2 cannot be the
 * same"; an offset beyond the matrix gives an empty diagonal.
 *
 * @example
 * np.diagonal([[1, 2, 3], [4, 5, 6]], { offset: 1 }); // [2. 6.]
 * @numpy np.diagonal([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], offset=1)
 */
export function diagonal(a: ArrayLike, options: DiagonalOptions = {}): NDArray {
  const A = asarray(a);
  if (A.ndim < 2) throw new RangeError("diag requires an array of at least two dimensions");
  const offset = options.offset ?? 0;
  const ax1 = norm1(options.axis1 ?? 0, A.ndim, "axis1");
  const ax2 = norm1(options.axis2 ?? 1, A.ndim, "axis2");
  if (ax1 === ax2) throw new RangeError("axis1 and axis2 cannot be the same");
  const n1 = A.shape[ax1];
  const n2 = A.shape[ax2];
  let start = A.offset;
  let len: number;
  if (offset >= 0) {
    len = Math.max(0, Math.min(n1, n2 - offset));
    if (len > 0) start += offset * A.strides[ax2];
  } else {
    len = Math.max(0, Math.min(n1 + offset, n2));
    if (len > 0) start += -offset * A.strides[ax1];
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < A.ndim; i++) {
    if (i === ax1 || i === ax2) continue;
    shape.push(A.shape[i]);
    strides.push(A.strides[i]);
  }
  shape.push(len);
  strides.push(A.strides[ax1] + A.strides[ax2]);
  return new NDArray(A.data, shape, strides, start, A.dtype);
}

/**
 * Sum along a diagonal (NumPy `np.trace`): `diagonal(a, …).sum(-1)`, which
 * is exactly how NumPy computes it (same pairwise summation, so bit-exact).
 * A 2-D input gives a number; higher ranks an array over the other axes.
 * int64 and bool give int64.
 *
 * $$\operatorname{tr} A = \sum_i A_{i,\, i + \text{offset}}$$
 *
 * @example
 * np.trace([[1, 2], [3, 4]]); // 5.0
 * @numpy np.trace([[1.0, 2.0], [3.0, 4.0]])
 */
export function trace(a: ArrayLike, options: DiagonalOptions = {}): NDArray | number {
  return sum(diagonal(a, options), { axis: -1 });
}

function triangle(m: ArrayLike, k: number, lower: boolean): NDArray {
  const M = asarray(m);
  if (!Number.isInteger(k)) throw new TypeError("'float' object cannot be interpreted as an integer");
  let src = M;
  if (M.ndim === 0) throw new RangeError("tril/triu requires an array of at least one dimension");
  if (M.ndim === 1) src = new NDArray(M.data, [M.shape[0], M.shape[0]], [0, M.strides[0]], M.offset, M.dtype);
  const data = copyToC(src);
  const r = src.shape[src.ndim - 2];
  const c = src.shape[src.ndim - 1];
  const count = r * c === 0 ? 0 : data.length / (r * c);
  for (let b = 0; b < count; b++) {
    const off = b * r * c;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < c; j++) {
        if (lower ? j - i > k : j - i < k) data[off + i * c + j] = 0;
      }
    }
  }
  return new NDArray(data, src.shape, undefined, 0, src.dtype);
}

/**
 * Lower triangle (NumPy `np.tril(m, k=0)`): a copy with the entries above
 * the k-th diagonal zeroed, applied to the last two axes (a 1-D input is
 * first repeated into a square matrix, as NumPy). dtype preserved.
 *
 * $$\operatorname{tril}(M, k)_{ij} = M_{ij} \text{ if } j - i \le k \text{ else } 0$$
 *
 * @example
 * np.tril([[1, 2], [3, 4]]); // [[1. 0.]
 * //  [3. 4.]]
 * @numpy np.tril([[1.0, 2.0], [3.0, 4.0]])
 */
export function tril(m: ArrayLike, k = 0): NDArray {
  return triangle(m, k, true);
}

/**
 * Upper triangle (NumPy `np.triu(m, k=0)`): a copy with the entries below
 * the k-th diagonal zeroed, on the last two axes (1-D input repeated into a
 * square matrix, as NumPy). dtype preserved.
 *
 * $$\operatorname{triu}(M, k)_{ij} = M_{ij} \text{ if } j - i \ge k \text{ else } 0$$
 *
 * @example
 * np.triu([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 1); // [[0. 2. 3.]
 * //  [0. 0. 6.]
 * //  [0. 0. 0.]]
 * @numpy np.triu([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], 1)
 */
export function triu(m: ArrayLike, k = 0): NDArray {
  return triangle(m, k, false);
}
