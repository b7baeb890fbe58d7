/**
 * Linear algebra: `dot`, `matmul` and the `linalg` namespace (`norm`,
 * `inv`, `det`, `matrix_power`, `cond`, plus the decompositions and solvers
 * of `linalg/decompositions.ts`).
 *
 * NumPy delegates these to OpenBLAS/LAPACK, whose summation order depends on
 * the CPU kernel and thread count, so NumPy itself is not bit-reproducible
 * across machines here: compare with a relative tolerance (~1e-12 for
 * products, ~1e-9 for inv/det of well-conditioned matrices). The exception is
 * `linalg.norm` with an explicit `axis` (or `ord` 1, ±inf, 0), which NumPy
 * computes with ufuncs and which is bit-exact here.
 */
import { asarray } from "./creation.ts";
import { int53Error, MAX_INT, promoteTypes, type DType } from "./dtype.ts";
import { AxisError, LinAlgError } from "./errors.ts";
import { broadcastShapes, normalizeAxis } from "./iter.ts";
import { gemmF64 } from "./kernels/gemm.ts";
import { pairwiseSum } from "./kernels/pairwise.ts";
import {
  assertStackedSquare, cholesky, eig, eigh, eigvals, eigvalsh, lstsq, matrix_rank, pinv, qr, slogdet, solve, svd, toStack,
} from "./linalg/decompositions.ts";
import { luInPlace } from "./linalg/lapack.ts";
import { copyToC, formatShape, NDArray, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";
import { cross as crossCore, diagonal as diagonalCore, outer as outerCore, trace as traceCore } from "./linalg/products.ts";
import { maxminArray, sumArray } from "./reductions.ts";
import { abs, multiply } from "./ufunc.ts";

export { LinAlgError };
export type {
  CholeskyOptions, EigResult, EighResult, LstsqOptions, LstsqResult, MatrixRankOptions, PinvOptions, QROptions, QRResult,
  SlogdetResult, SVDOptions, SVDResult,
} from "./linalg/decompositions.ts";

/** C-contiguous float64 (or bool) copy of the data, or the storage itself when already contiguous from 0. */
function contiguous(a: NDArray, dtype: DType): Float64Array | Uint8Array {
  return copyToC(a, dtype);
}

/**
 * Batched matrix product kernel: C[b] = A[b] @ B[b] with A (n×k), B (k×m),
 * all C-contiguous; batch offsets given per product.
 */
function gemm(
  dtype: DType,
  A: Float64Array | Uint8Array, aOff: number,
  B: Float64Array | Uint8Array, bOff: number,
  C: Float64Array | Uint8Array, cOff: number,
  n: number, k: number, m: number,
): void {
  if (dtype === "bool") {
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < k; p++) {
        if (!A[aOff + i * k + p]) continue;
        const brow = bOff + p * m;
        const crow = cOff + i * m;
        for (let j = 0; j < m; j++) C[crow + j] |= B[brow + j];
      }
    }
    return;
  }
  gemmF64(A as Float64Array, aOff, B as Float64Array, bOff, C as Float64Array, cOff, n, k, m);
  if (dtype === "int64") {
    for (let i = 0; i < n * m; i++) {
      const v = C[cOff + i];
      if (v > MAX_INT || v < -MAX_INT) int53Error();
    }
  }
}

const SIGNATURE = "(n?,k),(k,m?)->(n?,m?)";

/**
 * Matrix product (NumPy `np.matmul`, the `@` operator) with NumPy's rules:
 * 1-D first argument is promoted to a row (and the added dimension removed
 * afterwards), 1-D second argument to a column; N-d arguments are stacks of
 * matrices broadcast over the leading dimensions. Scalars are rejected.
 *
 * $$(AB)_{ij} = \sum_k A_{ik} B_{kj}$$
 *
 * Special cases: mismatched inner dimensions raise NumPy's gufunc message
 * ("matmul: Input operand 1 has a mismatch in its core dimension 0, …").
 * 1-D @ 1-D gives a scalar. Not bit-exact with NumPy (BLAS): use a tolerance.
 *
 * @example
 * np.matmul([[1, 2], [3, 4]], [[5], [6]]); // [[17.]
 * //  [39.]]
 * @numpy np.matmul([[1.0, 2.0], [3.0, 4.0]], [[5.0], [6.0]])
 * @example
 * np.matmul([1, 2], [3, 4]); // 11.0
 * @numpy np.matmul([1.0, 2.0], [3.0, 4.0])
 */
export function matmul(a: number, b: ArrayLike): never;
export function matmul(a: NDArray | NestedArray, b: NDArray | NestedArray): NDArray | Scalar;
// Union-typed results (another matmul, a.get) compose; a scalar operand still raises at run time, as in NumPy.
export function matmul(a: ArrayLike, b: ArrayLike): NDArray | Scalar;
export function matmul(a: ArrayLike, b: ArrayLike): NDArray | Scalar {
  const A = asarray(a);
  const B = asarray(b);
  for (const [i, x] of [A, B].entries()) {
    if (x.ndim === 0) {
      throw new RangeError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIGNATURE} requires 1)`,
      );
    }
  }
  const dtype = promoteTypes(A.dtype, B.dtype);
  const aShape = A.ndim === 1 ? [1, A.shape[0]] : A.shape;
  const bShape = B.ndim === 1 ? [B.shape[0], 1] : B.shape;
  const n = aShape[aShape.length - 2];
  const k = aShape[aShape.length - 1];
  const k2 = bShape[bShape.length - 2];
  const m = bShape[bShape.length - 1];
  if (k !== k2) {
    throw new RangeError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIGNATURE} (size ${k2} is different from ${k})`,
    );
  }
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes([aBatch, bBatch]);
  } catch {
    const remap = (x: NDArray): string => `${formatShape(x.shape)}->(${[...x.shape.slice(0, -2), "newaxis", "newaxis"].join(",")})`;
    throw new RangeError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(A)} ${remap(B)}  and requested shape (${n},${m})`);
  }
  const Ad = contiguous(A, dtype);
  const Bd = contiguous(B, dtype);
  let nb = 1;
  for (const d of batch) nb *= d;
  const outShape = [...batch, n, m];
  const C = dtype === "bool" ? new Uint8Array(nb * n * m) : new Float64Array(nb * n * m);
  // batch index → offsets in A and B (broadcast: size-1 batch dims repeat)
  const idx = new Array<number>(batch.length).fill(0);
  const aStr = batchStrides(aBatch, batch, n * k);
  const bStr = batchStrides(bBatch, batch, k * m);
  for (let t = 0; t < nb; t++) {
    let ao = 0;
    let bo = 0;
    let rem = t;
    for (let d = batch.length - 1; d >= 0; d--) {
      idx[d] = rem % batch[d];
      rem = (rem - idx[d]) / batch[d];
      ao += idx[d] * aStr[d];
      bo += idx[d] * bStr[d];
    }
    gemm(dtype, Ad, ao, Bd, bo, C, t * n * m, n, k, m);
  }
  let finalShape = outShape;
  if (A.ndim === 1 && B.ndim === 1) finalShape = batch;
  else if (A.ndim === 1) finalShape = [...batch, m];
  else if (B.ndim === 1) finalShape = [...batch, n];
  const res = new NDArray(C, finalShape, undefined, 0, dtype);
  return finalShape.length === 0 ? res.item() : res;
}

function batchStrides(own: readonly number[], full: readonly number[], matSize: number): number[] {
  const st = new Array<number>(full.length).fill(0);
  const off = full.length - own.length;
  let acc = matSize;
  for (let i = own.length - 1; i >= 0; i--) {
    st[off + i] = own[i] === 1 ? 0 : acc;
    acc *= own[i];
  }
  return st;
}

/**
 * Dot product (NumPy `np.dot`): 1-D·1-D is the inner product (a scalar),
 * 2-D·2-D the matrix product, N-d·1-D sums over the last axis of `a`, and
 * N-d·M-d sums over the last axis of `a` and the second-to-last of `b`.
 * A scalar operand multiplies element-wise.
 *
 * $$a \cdot b = \sum_i a_i b_i, \qquad \operatorname{dot}(a, b)_{\dots i, \dots j} = \sum_k a_{\dots i k}\, b_{\dots k j}$$
 *
 * Special cases: length mismatch raises "shapes (3,) and (2,) not aligned:
 * 3 (dim 0) != 2 (dim 0)". The 1-D inner product here sums the products with
 * NumPy's pairwise summation; NumPy uses BLAS (compare with a tolerance).
 *
 * @example
 * np.dot([1, 2, 3], [4, 5, 6]); // 32.0
 * @numpy np.dot([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
 * @example
 * np.dot([[1, 0], [0, 1]], [2, 3]); // [2. 3.]
 * @numpy np.dot([[1.0, 0.0], [0.0, 1.0]], [2.0, 3.0])
 */
export function dot(a: number, b: number): number;
export function dot(a: NDArray | NestedArray, b: NDArray | NestedArray): NDArray | Scalar;
export function dot(a: ArrayLike, b: ArrayLike): NDArray | Scalar;
export function dot(a: ArrayLike, b: ArrayLike): NDArray | Scalar {
  const A = asOperand(a);
  const B = asOperand(b);
  if (A.ndim === 0 || B.ndim === 0) {
    if (promoteTypes(A.dtype, B.dtype) === "float64" && A.ndim <= 2 && B.ndim <= 2) return blasScalarDot(A, B);
    const r = multiply(A, B);
    return r.ndim === 0 ? r.item() : r;
  }
  const kA = A.shape[A.ndim - 1];
  const bAxis = B.ndim === 1 ? 0 : B.ndim - 2;
  const kB = B.shape[bAxis];
  if (kA !== kB) {
    throw new RangeError(
      `shapes ${formatShape(A.shape)} and ${formatShape(B.shape)} not aligned: ${kA} (dim ${A.ndim - 1}) != ${kB} (dim ${bAxis})`,
    );
  }
  const dtype = promoteTypes(A.dtype, B.dtype);
  if (dtype === "float64" && A.ndim <= 2 && B.ndim <= 2 && (scalarShaped(A) || scalarShaped(B))) return blasScalarDot(A, B);
  if (A.ndim === 1 && B.ndim === 1) return dot1d(A, B, dtype);
  if (A.ndim <= 2 && B.ndim <= 2) return matmul(A, B);
  // General N-d: a → (P, K); b → (K, Q) with b's axis -2 moved to the front.
  // (Explicit sizes, not -1: a size-0 array cannot infer a -1 dimension.)
  const A2 = A.reshape(A.size === 0 ? prodOf(A.shape.slice(0, -1)) : A.size / kA, kA);
  let Bmoved: NDArray;
  if (B.ndim === 1) {
    Bmoved = B.reshape(kB, 1);
  } else {
    const axes = [bAxis, ...B.shape.map((_, i) => i).filter((i) => i !== bAxis)];
    const Bt = new NDArray(B.data, axes.map((i) => B.shape[i]), axes.map((i) => B.strides[i]), B.offset, B.dtype);
    Bmoved = Bt.reshape(kB, prodOf(axes.slice(1).map((i) => B.shape[i])));
  }
  const C = matmul(A2, Bmoved) as NDArray;
  const outShape = [...A.shape.slice(0, -1), ...(B.ndim === 1 ? [] : [...B.shape.slice(0, -2), B.shape[B.ndim - 1]])];
  return C.reshape(outShape);
}

/** 1-D·1-D inner product (NumPy `ddot`-like for float64: +0.0 plus the sum of the products). */
export function dot1d(A: NDArray, B: NDArray, dtype: DType): Scalar {
  if (dtype === "float64") {
    const prodv = multiply(A, B) as NDArray;
    return 0.0 + pairwiseSum(prodv.data as Float64Array, prodv.offset, prodv.size, prodv.strides[0] ?? 1);
  }
  return matmul(A, B) as Scalar;
}

/** NumPy's `_select_matrix_shape(a) == _scalar`: a 0-d, (1,) or (1, 1) operand. */
function scalarShaped(a: NDArray): boolean {
  return a.ndim === 0 || (a.ndim === 1 && a.shape[0] === 1) || (a.ndim === 2 && a.shape[0] === 1 && a.shape[1] === 1);
}

/**
 * NumPy's `cblas_matrixproduct` when an operand of a float64 `dot` (≤ 2-D
 * each) has one element: the product is "multiplication by a scalar". With a
 * one-element result it is the plain product; otherwise BLAS `daxpy` into a
 * zeroed output, which skips alpha = 0 entirely (so `dot([inf, 1], 0.0)` is
 * `[0, 0]`, not `[nan, 0]`) and adds to +0 (so −0 becomes +0).
 */
function blasScalarDot(A: NDArray, B: NDArray): NDArray | Scalar {
  const [X, S] = scalarShaped(A) ? [B, A] : [A, B];
  const alpha = (S.astype("float64").data as Float64Array)[S.offset];
  const shape = A.ndim === 0 || B.ndim === 0 ? (A.ndim === 0 ? B : A).shape.slice() : [...A.shape.slice(0, -1), ...(B.ndim === 1 ? [] : [B.shape[B.ndim - 1]])];
  const x = copyToC(X, "float64") as Float64Array;
  const out = new Float64Array(x.length);
  if (x.length === 1) out[0] = alpha * x[0];
  else if (alpha !== 0) for (let i = 0; i < x.length; i++) out[i] = alpha * x[i] + 0;
  const r = new NDArray(out, shape, undefined, 0, "float64");
  return shape.length === 0 ? r.item() : r;
}

function prodOf(shape: readonly number[]): number {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}

/**
 * An operand of a product: a JS number is a weak scalar as in NumPy 2's
 * `np.dot(int_arr, 2)` (int64 result): integer-valued → int64, otherwise
 * float64 (for float64/int64/bool this is also what NumPy's strong Python-int
 * conversion gives); booleans → bool.
 */
export function asOperand(x: ArrayLike): NDArray {
  if (typeof x === "number" && Number.isInteger(x) && Math.abs(x) <= MAX_INT) return new NDArray(new Float64Array([x]), [], [], 0, "int64");
  return asarray(x);
}

/** `ord` values accepted by {@link norm}. */
export type NormOrd = number | "fro" | "f" | "nuc" | null | undefined;

/** Options form of {@link norm}'s trailing arguments. */
export interface NormOptions {
  ord?: NormOrd;
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

function asFloat(a: NDArray): NDArray {
  return a.dtype === "float64" ? a : a.astype("float64");
}

function sqrtInPlace(r: NDArray): NDArray {
  const d = r.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]);
  return r;
}

function keepdimsShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

function result(r: NDArray): NDArray | number {
  return r.ndim === 0 ? (r.item() as number) : r;
}

/**
 * Matrix or vector norm (NumPy `np.linalg.norm(x, ord=None, axis=None,
 * keepdims=False)`). Arguments are positional as in NumPy, or an options
 * object `{ ord, axis, keepdims }` as the second argument.
 *
 * Vectors: `ord` undefined/2 → Euclidean; 1 → Σ|x|; Infinity → max|x|;
 * -Infinity → min|x|; 0 → count of non-zeros; other p → (Σ|x|^p)^(1/p).
 * Matrices: undefined/"fro" → Frobenius; 1/-1 → max/min column sum;
 * Infinity/-Infinity → max/min row sum; 2/-2 → largest/smallest singular
 * value; "nuc" → sum of singular values (one-sided Jacobi SVD, see
 * {@link linalg.svd}; NumPy's `_multi_svd_norm`).
 *
 * $$\|x\|_p = \Big(\sum_i |x_i|^p\Big)^{1/p}, \quad \|A\|_F = \sqrt{\textstyle\sum_{ij} A_{ij}^2}, \quad \|A\|_2 = \sigma_{\max}(A), \quad \|A\|_* = \textstyle\sum_i \sigma_i$$
 *
 * Bit-exactness: with `axis` given (or `ord` 1, ±inf, 0) NumPy uses ufuncs
 * and this matches it bit for bit (sqrt of the pairwise sum of x·x). With
 * no `axis` and `ord` undefined/2/"fro", NumPy calls BLAS `dot(x, x)`; this
 * uses the pairwise sum of squares instead (compare with a tolerance).
 *
 * @example
 * np.linalg.norm([3, 4]); // 5.0
 * @numpy np.linalg.norm([3.0, 4.0])
 * @example
 * np.linalg.norm([[1, 2], [3, 4]], "fro"); // 5.477225575051661
 * @numpy(rtol=1e-12) np.linalg.norm([[1.0, 2.0], [3.0, 4.0]], "fro")
 * @example
 * np.linalg.norm([[1, 0], [0, -3]], 2); // 3.0
 * @numpy(rtol=1e-12) np.linalg.norm([[1.0, 0.0], [0.0, -3.0]], 2)
 * @example
 * np.linalg.norm([[3, 4], [6, 8]], null, 1); // [ 5. 10.]
 * @numpy np.linalg.norm([[3.0, 4.0], [6.0, 8.0]], None, 1)
 */
function norm(x: ArrayLike, ord?: NormOrd | NormOptions, axis?: number | readonly number[] | null, keepdims = false): NDArray | number {
  if (typeof ord === "object" && ord !== null) {
    axis = ord.axis;
    keepdims = !!ord.keepdims;
    ord = ord.ord;
  }
  const X = asFloat(asarray(x));
  const nd = X.ndim;
  if (axis === null || axis === undefined) {
    if (ord === null || ord === undefined || ((ord === "fro" || ord === "f") && nd === 2) || (ord === 2 && nd === 1)) {
      // NumPy: sqrt(dot(ravel_K(x), ravel_K(x))) through BLAS.
      const sq = multiply(X, X) as NDArray;
      const r = sqrtInPlace(sumArray(sq, null, keepdims));
      return result(r);
    }
  }
  let axes: number[];
  if (axis === null || axis === undefined) axes = X.shape.map((_, i) => i);
  else if (typeof axis === "number") axes = [axis];
  else axes = axis.slice();
  axes = axes.map((a) => normalizeAxis(a, nd));
  if (axes.length === 1) {
    const ax = axes[0];
    let r: NDArray;
    if (ord === Infinity && X.shape[ax] === 0) r = sumArray(abs(X) as NDArray, ax, keepdims); // NumPy: max(initial=0)
    else if (ord === Infinity) r = maxminArray(abs(X) as NDArray, ax, keepdims, true);
    else if (ord === -Infinity) r = minmax(abs(X) as NDArray, ax, false, keepdims);
    else if (ord === 0) {
      const nz = X.astype("bool").astype("float64");
      r = sumArray(nz, ax, keepdims);
    } else if (ord === 1) r = sumArray(abs(X) as NDArray, ax, keepdims);
    else if (ord === null || ord === undefined || ord === 2) r = sqrtInPlace(sumArray(multiply(X, X) as NDArray, ax, keepdims));
    else if (typeof ord === "string") throw new RangeError(`Invalid norm order '${ord}' for vectors`);
    else {
      const p = ord;
      const absx = abs(X) as NDArray;
      const d = absx.data as Float64Array;
      for (let i = 0; i < d.length; i++) d[i] = Math.pow(d[i], p);
      r = sumArray(absx, ax, keepdims);
      const rd = r.data as Float64Array;
      const inv = 1 / p;
      for (let i = 0; i < rd.length; i++) rd[i] = Math.pow(rd[i], inv);
    }
    return result(r);
  }
  if (axes.length === 2) {
    let [rowAxis, colAxis] = axes;
    if (rowAxis === colAxis) throw new RangeError("Duplicate axes given.");
    let r: NDArray;
    if (ord === 1 || ord === -1) {
      const emptyMax = ord === 1 && X.shape[colAxis] === 0; // NumPy: max(initial=0)
      if (colAxis > rowAxis) colAxis -= 1;
      const cs = sumArray(abs(X) as NDArray, rowAxis, false);
      r = emptyMax ? sumArray(cs, colAxis, false) : minmax(cs, colAxis, ord === 1);
    } else if (ord === Infinity || ord === -Infinity) {
      const emptyMax = ord === Infinity && X.shape[rowAxis] === 0;
      if (rowAxis > colAxis) rowAxis -= 1;
      const rs = sumArray(abs(X) as NDArray, colAxis, false);
      r = emptyMax ? sumArray(rs, rowAxis, false) : minmax(rs, rowAxis, ord === Infinity);
    } else if (ord === null || ord === undefined || ord === "fro" || ord === "f") {
      r = sqrtInPlace(sumArray(multiply(X, X) as NDArray, axes, false));
    } else if (ord === 2 || ord === -2 || ord === "nuc") {
      r = svdNorm(X, rowAxis, colAxis, ord);
    } else {
      throw new RangeError("Invalid norm order for matrices.");
    }
    if (keepdims) r = r.reshape(keepdimsShape(X.shape, axes));
    return result(r);
  }
  throw new RangeError("Improper number of dimensions to norm.");
}

/**
 * `x.max(axis)` / `x.min(axis)`; NumPy raises for an empty reduced axis even
 * when the result is empty too (e.g. `zeros((0, 0)).min(axis=0)`).
 */
function minmax(x: NDArray, axis: number, isMax: boolean, keepdims = false): NDArray {
  if (x.shape[axis] === 0) throw new RangeError(`zero-size array to reduction operation ${isMax ? "maximum" : "minimum"} which has no identity`);
  return maxminArray(x, axis, keepdims, isMax);
}

/** NumPy's `_multi_svd_norm`: max / min / sum of the singular values over the (row, col) axes. */
function svdNorm(X: NDArray, rowAxis: number, colAxis: number, ord: 2 | -2 | "nuc"): NDArray {
  const rest = X.shape.map((_, i) => i).filter((i) => i !== rowAxis && i !== colAxis);
  const Y = X.transpose([...rest, rowAxis, colAxis]);
  const S = svd(Y, { compute_uv: false });
  const k = S.shape[S.ndim - 1];
  const batch = S.shape.slice(0, -1);
  const s = S.data as Float64Array;
  const count = s.length === 0 ? batch.reduce((p, d) => p * d, 1) : s.length / k;
  if (ord === -2 && k === 0) throw new RangeError("zero-size array to reduction operation minimum which has no identity");
  const out = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    let acc = ord === -2 ? Infinity : 0;
    for (let j = 0; j < k; j++) {
      const v = s[b * k + j];
      if (ord === 2) acc = Math.max(acc, v);
      else if (ord === -2) acc = Math.min(acc, v);
      else acc += v;
    }
    out[b] = acc;
  }
  return new NDArray(out, batch, undefined, 0, "float64");
}

/**
 * Inverse of a square matrix, or of each matrix in a stack (NumPy
 * `np.linalg.inv`), by LU with partial pivoting. Result float64.
 *
 * $$A^{-1} A = A A^{-1} = I$$
 *
 * Special cases: raises `LinAlgError("Singular matrix")` when a pivot is
 * exactly zero (as LAPACK), `LinAlgError("Last 2 dimensions of the array
 * must be square")` for non-square input. Compare with a tolerance.
 *
 * @example
 * np.linalg.inv([[2, 0], [0, 4]]); // [[0.5  0.  ]
 * //  [0.   0.25]]
 * @numpy np.linalg.inv([[2.0, 0.0], [0.0, 4.0]])
 */
function inv(a: ArrayLike): NDArray {
  const A = asarray(a);
  assertStackedSquare(A);
  const n = A.shape[A.ndim - 1];
  const data = copyToC(A, "float64") as Float64Array;
  const count = n === 0 ? 0 : data.length / (n * n);
  const out = new Float64Array(data.length);
  const piv = new Int32Array(n);
  const col = new Float64Array(n);
  for (let b = 0; b < count; b++) {
    const off = b * n * n;
    if (luInPlace(data, off, n, piv) < 0) throw new LinAlgError("Singular matrix");
    // Solve L U X = P I column by column.
    for (let c = 0; c < n; c++) {
      col.fill(0);
      col[c] = 1;
      for (let j = 0; j < n; j++) {
        const p = piv[j];
        if (p !== j) {
          const t = col[j];
          col[j] = col[p];
          col[p] = t;
        }
      }
      for (let i = 0; i < n; i++) {
        let s = col[i];
        for (let j = 0; j < i; j++) s -= data[off + i * n + j] * col[j];
        col[i] = s;
      }
      for (let i = n - 1; i >= 0; i--) {
        let s = col[i];
        for (let j = i + 1; j < n; j++) s -= data[off + i * n + j] * col[j];
        col[i] = s / data[off + i * n + i];
      }
      for (let i = 0; i < n; i++) out[off + i * n + c] = col[i];
    }
  }
  return new NDArray(out, A.shape, undefined, 0, "float64");
}

/**
 * Determinant of a square matrix or stack of matrices (NumPy
 * `np.linalg.det`): LU with partial pivoting, then — like NumPy's
 * umath_linalg — `sign · exp(Σ log|u_ii|)` (which is why NumPy prints
 * `det([[1, 2], [3, 4]])` as -2.0000000000000004).
 *
 * $$\det A = (-1)^{s} \prod_i u_{ii}$$
 *
 * Special cases: a singular matrix (zero pivot) gives 0.0 (no error).
 * Compare with a tolerance.
 *
 * @example
 * np.linalg.det([[1, 2], [3, 4]]); // -2.0000000000000004
 * @numpy(rtol=1e-12) np.linalg.det([[1.0, 2.0], [3.0, 4.0]])
 */
function det(a: ArrayLike): NDArray | number {
  const A = asarray(a);
  assertStackedSquare(A);
  const n = A.shape[A.ndim - 1];
  const data = copyToC(A, "float64") as Float64Array;
  const batchShape = A.shape.slice(0, -2);
  let count = 1;
  for (const d of batchShape) count *= d;
  const out = new Float64Array(count);
  const piv = new Int32Array(n);
  for (let b = 0; b < count; b++) {
    const off = b * n * n;
    const swaps = luInPlace(data, off, n, piv);
    if (swaps < 0) {
      out[b] = 0;
      continue;
    }
    let sign = swaps % 2 === 0 ? 1 : -1;
    let logdet = 0;
    for (let i = 0; i < n; i++) {
      const u = data[off + i * n + i];
      if (u < 0) sign = -sign;
      logdet += Math.log(Math.abs(u));
    }
    out[b] = sign * Math.exp(logdet);
  }
  const r = new NDArray(out, batchShape, undefined, 0, "float64");
  return result(r);
}

/**
 * Integer power of a square matrix, or of each matrix in a stack (NumPy
 * `np.linalg.matrix_power`): repeated squaring (binary powering, Knuth
 * TAOCP 4.6.3) with NumPy's exact multiplication order (n ≤ 3 directly,
 * otherwise the bits of n from the lowest), each product by the blocked
 * matmul kernel. n = 0 gives the identity (same dtype), n < 0 the power of
 * the inverse (float64).
 *
 * $$A^n = \underbrace{A A \cdots A}_{n}, \qquad A^{-n} = (A^{-1})^n$$
 *
 * Special cases: a non-integer exponent raises TypeError "exponent must be
 * an integer"; n < 0 of a singular matrix raises "Singular matrix".
 *
 * @example
 * np.linalg.matrix_power([[1, 1], [1, 0]], 10); // [[89. 55.]
 * //  [55. 34.]]
 * @numpy np.linalg.matrix_power(np.array([[1.0, 1.0], [1.0, 0.0]]), 10)
 */
function matrix_power(a: ArrayLike, n: number): NDArray {
  const A = asarray(a);
  assertStackedSquare(A);
  if (!Number.isInteger(n)) throw new TypeError("exponent must be an integer");
  const m = A.shape[A.ndim - 1];
  if (n === 0) {
    const out = new NDArray(A.dtype === "bool" ? new Uint8Array(A.size) : new Float64Array(A.size), A.shape, undefined, 0, A.dtype);
    const d = out.data;
    for (let off = 0; off < A.size; off += m * m) for (let i = 0; i < m; i++) d[off + i * m + i] = 1;
    return out;
  }
  let M = A;
  if (n < 0) {
    M = inv(A);
    n = -n;
  }
  const mm = (x: NDArray, y: NDArray): NDArray => matmul(x, y) as NDArray;
  if (n === 1) return M === A ? A.copy() : M;
  if (n === 2) return mm(M, M);
  if (n === 3) return mm(mm(M, M), M);
  let z: NDArray | null = null;
  let result: NDArray | null = null;
  while (n > 0) {
    z = z === null ? M : mm(z, z);
    const bit = n % 2;
    n = (n - bit) / 2;
    if (bit) result = result === null ? z : mm(result, z);
  }
  return result!;
}

/**
 * Condition number of a matrix, or of each matrix in a stack (NumPy
 * `np.linalg.cond(x, p=None)`). For p undefined/null/2/−2 it is the ratio of
 * the extreme singular values (one-sided Jacobi SVD, GVL §2.6.2, 8.6.4); for
 * the other norms ("fro", "nuc", ±1, ±Infinity) ‖A‖·‖A⁻¹‖ with the inverse
 * by LU (GVL 3.4).
 *
 * $$\kappa_p(A) = \|A\|_p \, \|A^{-1}\|_p, \qquad \kappa_2(A) = \sigma_{\max} / \sigma_{\min}$$
 *
 * Special cases: a singular matrix gives Infinity (as NumPy: NaN results are
 * turned into inf unless the input had NaN); empty input raises
 * `LinAlgError("cond is not defined on empty arrays")`.
 *
 * @example
 * np.linalg.cond([[1, 0], [0, 1e-3]]); // 1000.0
 * @numpy(rtol=1e-12) np.linalg.cond([[1.0, 0.0], [0.0, 1e-3]])
 */
function cond(x: ArrayLike, p?: NormOrd): NDArray | number {
  const X = asFloat(asarray(x));
  if (X.size === 0 && X.ndim >= 2 && X.shape[X.ndim - 1] * X.shape[X.ndim - 2] === 0) throw new LinAlgError("cond is not defined on empty arrays");
  const st = toStack(X);
  const out = new Float64Array(st.count);
  if (p === null || p === undefined || p === 2 || p === -2) {
    const S = svd(X, { compute_uv: false });
    const s = S.data as Float64Array;
    const k = Math.min(st.m, st.n);
    for (let b = 0; b < st.count; b++) out[b] = p === -2 ? s[b * k + k - 1] / s[b * k] : s[b * k] / s[b * k + k - 1];
  } else {
    assertStackedSquare(X);
    const mn = st.m * st.n;
    for (let b = 0; b < st.count; b++) {
      const mat = new NDArray(st.data.slice(b * mn, (b + 1) * mn), [st.m, st.n], undefined, 0, "float64");
      try {
        const Ai = inv(mat);
        out[b] = (norm(mat, p) as number) * (norm(Ai, p) as number);
      } catch (e) {
        if (!(e instanceof LinAlgError)) throw e;
        // NumPy's inverse of a singular matrix is all NaN; its nuclear norm then fails inside the SVD.
        if (p === "nuc") throw new LinAlgError("SVD did not converge");
        out[b] = NaN;
      }
    }
  }
  for (let b = 0; b < st.count; b++) {
    if (!Number.isNaN(out[b])) continue;
    let hasNaN = false;
    for (let i = b * st.m * st.n; i < (b + 1) * st.m * st.n; i++) if (Number.isNaN(st.data[i])) hasNaN = true;
    if (!hasNaN) out[b] = Infinity;
  }
  return result(new NDArray(out, st.batch, undefined, 0, "float64"));
}

// ------------------------------------------------------------------ NumPy 2 array-API names

/**
 * Transpose of each matrix in a stack (NumPy 2 `np.linalg.matrix_transpose`,
 * `x.mT`): swaps the last two axes. Returns a view.
 *
 * $$(X^{\mathsf T})_{\dots ij} = X_{\dots ji}$$
 *
 * Special cases: fewer than 2 dimensions raise "Input array must be at least
 * 2-dimensional, but it is 1".
 *
 * @example
 * np.linalg.matrix_transpose([[1, 2, 3], [4, 5, 6]]); // [[1. 4.]
 * //  [2. 5.]
 * //  [3. 6.]]
 * @numpy np.linalg.matrix_transpose(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
 */
function matrix_transpose(x: ArrayLike): NDArray {
  const X = asarray(x);
  if (X.ndim < 2) throw new RangeError(`Input array must be at least 2-dimensional, but it is ${X.ndim}`);
  const order = X.shape.map((_, i) => i);
  order[X.ndim - 2] = X.ndim - 1;
  order[X.ndim - 1] = X.ndim - 2;
  return X.transpose(order);
}

/** Options of {@link linalg.vecdot}. */
export interface VecdotOptions {
  /** The vector axis of each operand (default -1); the other axes broadcast. */
  axis?: number;
}

/**
 * Vector dot product along an axis, broadcast over the others (NumPy 2
 * `np.linalg.vecdot(x1, x2, axis=-1)`, the gufunc `(n),(n)->()`; real
 * inputs, so no conjugation). int64 gives int64, bool gives bool (any of
 * the ands), as NumPy. Computed through the matmul kernel: compare with a
 * tolerance.
 *
 * $$\operatorname{vecdot}(x, y)_{\dots} = \sum_i x_{\dots i}\, y_{\dots i}$$
 *
 * Special cases: mismatched vector lengths raise NumPy's gufunc message
 * ("vecdot: Input operand 1 has a mismatch in its core dimension 0, …");
 * 0-d operands raise "… does not have enough dimensions …".
 *
 * @example
 * np.linalg.vecdot([[1, 2], [3, 4]], [1, 1]); // [3. 7.]
 * @numpy np.linalg.vecdot(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, 1.0]))
 */
function vecdot(x1: ArrayLike, x2: ArrayLike, options: VecdotOptions = {}): NDArray | Scalar {
  const ops = [asOperand(x1), asOperand(x2)];
  const sig = "(n),(n)->()";
  ops.forEach((o, i) => {
    if (o.ndim === 0) throw new RangeError(`vecdot: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${sig} requires 1)`);
  });
  const axis = options.axis ?? -1;
  const moved = ops.map((o) => {
    if (axis < -o.ndim || axis >= o.ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${o.ndim}`);
    const ax = axis < 0 ? axis + o.ndim : axis;
    const order = o.shape.map((_, i) => i).filter((i) => i !== ax);
    order.push(ax);
    return o.transpose(order);
  });
  const [A, B] = moved;
  const n = A.shape[A.ndim - 1];
  const n2 = B.shape[B.ndim - 1];
  if (n !== n2) throw new RangeError(`vecdot: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${n2} is different from ${n})`);
  const ra = A.shape.slice(0, -1);
  const rb = B.shape.slice(0, -1);
  try {
    broadcastShapes([ra, rb]);
  } catch {
    throw new RangeError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(ops[0].shape)}->${formatShape(ra)} ${formatShape(ops[1].shape)}->${formatShape(rb)}  and requested shape ()`,
    );
  }
  const r = matmul(A.reshape([...ra, 1, n]), B.reshape([...rb, n, 1])) as NDArray;
  const out = r.reshape(r.shape.slice(0, -2));
  return out.ndim === 0 ? out.item() : out;
}

/** Options of {@link linalg.vector_norm}. */
export interface VectorNormOptions {
  /** Axis or axes (any number: they are flattened into one vector); default all (the flattened array). */
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  /** Vector norm order (default 2): any p, ±Infinity, 0. */
  ord?: number;
}

/**
 * Vector norm over one or several axes (NumPy 2 `np.linalg.vector_norm(x,
 * axis=None, keepdims=False, ord=2)`): the axes are flattened into one vector
 * (all of them by default), then {@link linalg.norm}'s vector norm with an
 * explicit axis — NumPy's ufunc path, so bit-exact here.
 *
 * $$\|x\|_p = \Big(\sum_i |x_i|^p\Big)^{1/p}$$
 *
 * @example
 * np.linalg.vector_norm([[3, 4], [0, 12]]); // 13.0
 * @numpy np.linalg.vector_norm(np.array([[3.0, 4.0], [0.0, 12.0]]))
 * @example
 * np.linalg.vector_norm([[3, 4], [0, 12]], { axis: 1, ord: 1 }); // [ 7. 12.]
 * @numpy np.linalg.vector_norm(np.array([[3.0, 4.0], [0.0, 12.0]]), axis=1, ord=1)
 */
function vector_norm(x: ArrayLike, options: VectorNormOptions = {}): NDArray | number {
  let X = asarray(x);
  const shape = X.shape.slice();
  const axis = options.axis ?? null;
  const ord = options.ord ?? 2;
  let ax: number;
  if (axis === null) {
    X = X.ravel();
    ax = 0;
  } else if (typeof axis !== "number") {
    const norm = axis.map((a) => normalizeAxis(a, X.ndim));
    if (new Set(norm).size !== norm.length) throw new RangeError("repeated axis");
    const rest = X.shape.map((_, i) => i).filter((i) => !norm.includes(i));
    X = X.transpose([...norm, ...rest]).copy();
    X = X.reshape([norm.reduce((p, i) => p * shape[i], 1), ...rest.map((i) => shape[i])]);
    ax = 0;
  } else {
    ax = axis;
  }
  const res = norm(X, ord, ax);
  // (NumPy reshapes its result: a 0-d input stays a scalar.)
  if (!options.keepdims || shape.length === 0) return res;
  const axes = axis === null ? shape.map((_, i) => i) : (typeof axis === "number" ? [axis] : axis).map((a) => normalizeAxis(a, shape.length));
  for (const i of axes) shape[i] = 1;
  return asarray(res).reshape(shape);
}

/** Options of {@link linalg.matrix_norm}. */
export interface MatrixNormOptions {
  keepdims?: boolean;
  /** "fro" (default), "nuc", ±1, ±2, ±Infinity. */
  ord?: NormOrd;
}

/**
 * Matrix norm of a matrix or stack of matrices over the last two axes
 * (NumPy 2 `np.linalg.matrix_norm(x, keepdims=False, ord='fro')`), i.e.
 * {@link linalg.norm} with `axis: [-2, -1]`.
 *
 * $$\|A\|_F = \sqrt{\textstyle\sum_{ij} A_{ij}^2}$$
 *
 * @example
 * np.linalg.matrix_norm([[1, 2], [3, 4]], { ord: 1 }); // 6.0
 * @numpy np.linalg.matrix_norm(np.array([[1.0, 2.0], [3.0, 4.0]]), ord=1)
 */
function matrix_norm(x: ArrayLike, options: MatrixNormOptions = {}): NDArray | number {
  return norm(x, options.ord ?? "fro", [-2, -1], options.keepdims ?? false);
}

/**
 * Singular values of a matrix or stack (NumPy 2 `np.linalg.svdvals`), i.e.
 * `svd(x, { compute_uv: false })`, descending.
 *
 * $$\sigma_1 \ge \dots \ge \sigma_K \ge 0$$
 *
 * @example
 * np.linalg.svdvals([[3, 0], [0, 4]]); // [4. 3.]
 * @numpy(rtol=1e-12) np.linalg.svdvals(np.array([[3.0, 0.0], [0.0, 4.0]]))
 */
function svdvals(x: ArrayLike): NDArray {
  return svd(x, { compute_uv: false });
}

/**
 * Diagonals of the matrices in a stack (NumPy 2 `np.linalg.diagonal(x,
 * offset=0)`): {@link diagonal} over the last two axes. A view.
 *
 * @example
 * np.linalg.diagonal([[1, 2], [3, 4]]); // [1. 4.]
 * @numpy np.linalg.diagonal(np.array([[1.0, 2.0], [3.0, 4.0]]))
 */
function linalgDiagonal(x: ArrayLike, options: { offset?: number } = {}): NDArray {
  return diagonalCore(x, { offset: options.offset ?? 0, axis1: -2, axis2: -1 });
}

/**
 * Traces of the matrices in a stack (NumPy 2 `np.linalg.trace(x, offset=0)`):
 * {@link trace} over the last two axes (bit-exact, NumPy's summation).
 *
 * @example
 * np.linalg.trace([[1, 2], [3, 4]]); // 5.0
 * @numpy np.linalg.trace(np.array([[1.0, 2.0], [3.0, 4.0]]))
 */
function linalgTrace(x: ArrayLike, options: { offset?: number } = {}): NDArray | number {
  return traceCore(x, { offset: options.offset ?? 0, axis1: -2, axis2: -1 });
}

/**
 * Outer product of two 1-D arrays (NumPy 2 `np.linalg.outer`; unlike
 * {@link outer} it does not flatten: other ranks raise "Input arrays must be
 * one-dimensional, but they are x1.ndim=2 and x2.ndim=1.").
 *
 * @example
 * np.linalg.outer([1, 2], [1, 10]); // [[ 1. 10.]
 * //  [ 2. 20.]]
 * @numpy np.linalg.outer(np.array([1.0, 2.0]), np.array([1.0, 10.0]))
 */
function linalgOuter(x1: ArrayLike, x2: ArrayLike): NDArray {
  const A = asarray(x1);
  const B = asarray(x2);
  if (A.ndim !== 1 || B.ndim !== 1) throw new RangeError(`Input arrays must be one-dimensional, but they are x1.ndim=${A.ndim} and x2.ndim=${B.ndim}.`);
  return outerCore(A, B);
}

/**
 * Cross product of (arrays of) 3-vectors along `axis` (NumPy 2
 * `np.linalg.cross(x1, x2, axis=-1)`; unlike {@link cross}, 2-vectors raise
 * "Both input arrays must be (arrays of) 3-dimensional vectors, …").
 *
 * @example
 * np.linalg.cross([1, 0, 0], [0, 1, 0]); // [0. 0. 1.]
 * @numpy np.linalg.cross(np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0]))
 */
function linalgCross(x1: ArrayLike, x2: ArrayLike, options: { axis?: number } = {}): NDArray {
  const A = asarray(x1);
  const B = asarray(x2);
  const axis = options.axis ?? -1;
  const da = A.shape.at(axis);
  const db = B.shape.at(axis);
  if (da === undefined || db === undefined) throw new RangeError(`tuple index out of range`);
  if (da !== 3 || db !== 3) throw new RangeError(`Both input arrays must be (arrays of) 3-dimensional vectors, but they are ${da} and ${db} dimensional instead.`);
  return crossCore(A, B, { axis });
}

/**
 * NumPy's `np.linalg` namespace: `norm`, `cond`, `det`, `slogdet`, `inv`,
 * `pinv`, `solve`, `lstsq`, `matrix_rank`, `matrix_power`, `cholesky`,
 * `qr`, `eigh`, `eigvalsh`, `eig`, `eigvals`, `svd`, NumPy 2's array-API
 * names (`svdvals`, `matrix_transpose`, `vecdot`, `vector_norm`,
 * `matrix_norm`, `diagonal`, `trace`, `outer`, `cross`), and the
 * `LinAlgError` class. NumPy's named-tuple results are objects with the same field names
 * (`svd(a).S`, `qr(a).R`, `eigh(a).eigenvalues`, `slogdet(a).logabsdet`;
 * `lstsq` gives `{ x, residuals, rank, s }`).
 *
 * @example
 * np.linalg.inv([[4, 7], [2, 6]]); // [[ 0.6 -0.7]
 * //  [-0.2  0.4]]
 * @numpy(rtol=1e-12) np.linalg.inv([[4.0, 7.0], [2.0, 6.0]])
 */
export const linalg = {
  norm: norm as {
    (x: ArrayLike, ord?: NormOrd, axis?: null, keepdims?: false): number;
    (x: ArrayLike, options: NormOptions): NDArray | number;
    (x: ArrayLike, ord?: NormOrd, axis?: number | readonly number[] | null, keepdims?: boolean): NDArray | number;
  },
  inv,
  det: det as {
    (a: NDArray | NestedArray): NDArray | number;
  },
  slogdet,
  solve,
  pinv,
  lstsq,
  matrix_rank,
  matrix_power,
  cond,
  cholesky,
  qr,
  eigh,
  eigvalsh,
  eig,
  eigvals,
  svd,
  svdvals,
  matrix_transpose,
  vecdot,
  vector_norm,
  matrix_norm,
  diagonal: linalgDiagonal,
  trace: linalgTrace,
  outer: linalgOuter,
  cross: linalgCross,
  LinAlgError,
};

