/**
 * Linear algebra: `dot`, `matmul` and the `linalg` namespace (`norm`,
 * `inv`, `det`).
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
import { LinAlgError } from "./errors.ts";
import { broadcastShapes, normalizeAxis } from "./iter.ts";
import { pairwiseSum } from "./kernels/pairwise.ts";
import { copyToC, formatShape, NDArray, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";
import { maxminArray, sumArray } from "./reductions.ts";
import { abs, multiply } from "./ufunc.ts";

export { LinAlgError };

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
  const a = A as Float64Array;
  const b = B as Float64Array;
  const c = C as Float64Array;
  for (let i = 0; i < n; i++) {
    const crow = cOff + i * m;
    for (let p = 0; p < k; p++) {
      const aip = a[aOff + i * k + p];
      const brow = bOff + p * m;
      for (let j = 0; j < m; j++) c[crow + j] += aip * b[brow + j];
    }
  }
  if (dtype === "int64") {
    for (let i = 0; i < n * m; i++) {
      const v = c[cOff + i];
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
  const batch = broadcastShapes([aBatch, bBatch]);
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
  const A = asarray(a);
  const B = asarray(b);
  if (A.ndim === 0 || B.ndim === 0) {
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
  if (A.ndim === 1 && B.ndim === 1) {
    if (dtype === "float64") {
      const prodv = multiply(A, B) as NDArray;
      return 0.0 + pairwiseSum(prodv.data as Float64Array, prodv.offset, prodv.size, prodv.strides[0] ?? 1);
    }
    return matmul(A, B);
  }
  if (A.ndim <= 2 && B.ndim <= 2) return matmul(A, B);
  // General N-d: a → (P, K); b → (K, Q) with b's axis -2 moved to the front.
  const A2 = A.reshape(-1, kA);
  let Bmoved: NDArray;
  if (B.ndim === 1) {
    Bmoved = B.reshape(kB, 1);
  } else {
    const axes = [bAxis, ...B.shape.map((_, i) => i).filter((i) => i !== bAxis)];
    const Bt = new NDArray(B.data, axes.map((i) => B.shape[i]), axes.map((i) => B.strides[i]), B.offset, B.dtype);
    Bmoved = Bt.reshape(kB, -1);
  }
  const C = matmul(A2, Bmoved) as NDArray;
  const outShape = [...A.shape.slice(0, -1), ...(B.ndim === 1 ? [] : [...B.shape.slice(0, -2), B.shape[B.ndim - 1]])];
  return C.reshape(outShape);
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
 * Infinity/-Infinity → max/min row sum (2, -2, "nuc" need an SVD: not yet).
 *
 * $$\|x\|_2 = \sqrt{\textstyle\sum_i x_i^2}, \qquad \|A\|_F = \sqrt{\textstyle\sum_{ij} A_{ij}^2}$$
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
    if (ord === Infinity) r = maxminArray(abs(X) as NDArray, ax, keepdims, true);
    else if (ord === -Infinity) r = maxminArray(abs(X) as NDArray, ax, keepdims, false);
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
      if (colAxis > rowAxis) colAxis -= 1;
      r = maxminArray(sumArray(abs(X) as NDArray, rowAxis, false), colAxis, false, ord === 1);
    } else if (ord === Infinity || ord === -Infinity) {
      if (rowAxis > colAxis) rowAxis -= 1;
      r = maxminArray(sumArray(abs(X) as NDArray, colAxis, false), rowAxis, false, ord === Infinity);
    } else if (ord === null || ord === undefined || ord === "fro" || ord === "f") {
      r = sqrtInPlace(sumArray(multiply(X, X) as NDArray, axes, false));
    } else if (ord === 2 || ord === -2 || ord === "nuc") {
      throw new RangeError(`norm: ord=${String(ord)} for matrices needs an SVD, which is not implemented yet`);
    } else {
      throw new RangeError("Invalid norm order for matrices.");
    }
    if (keepdims) r = r.reshape(keepdimsShape(X.shape, axes));
    return result(r);
  }
  throw new RangeError("Improper number of dimensions to norm.");
}

function assertStackedSquare(a: NDArray): void {
  if (a.ndim < 2) throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
  if (a.shape[a.ndim - 1] !== a.shape[a.ndim - 2]) throw new LinAlgError("Last 2 dimensions of the array must be square");
}

/**
 * LU factorisation with partial pivoting (LAPACK `dgetrf` semantics: the
 * pivot is the first entry of largest magnitude in the column). Works in
 * place on an n×n row-major matrix starting at `off`; returns the number of
 * row swaps, or -1 when an exactly zero pivot is met (singular).
 */
function luInPlace(m: Float64Array, off: number, n: number, piv: Int32Array): number {
  let swaps = 0;
  let singular = false;
  for (let j = 0; j < n; j++) {
    let p = j;
    let best = Math.abs(m[off + j * n + j]);
    for (let i = j + 1; i < n; i++) {
      const v = Math.abs(m[off + i * n + j]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[j] = p;
    if (p !== j) {
      swaps++;
      for (let c = 0; c < n; c++) {
        const t = m[off + j * n + c];
        m[off + j * n + c] = m[off + p * n + c];
        m[off + p * n + c] = t;
      }
    }
    const d = m[off + j * n + j];
    if (d === 0) {
      singular = true;
      continue;
    }
    // LAPACK (dgetf2) scales the column by the reciprocal of the pivot,
    // dividing instead only when the pivot is below the safe minimum.
    const useRecip = Math.abs(d) >= 2.2250738585072014e-308;
    const r = 1 / d;
    for (let i = j + 1; i < n; i++) {
      const l = useRecip ? m[off + i * n + j] * r : m[off + i * n + j] / d;
      m[off + i * n + j] = l;
      if (l !== 0) for (let c = j + 1; c < n; c++) m[off + i * n + c] -= l * m[off + j * n + c];
    }
  }
  return singular ? -1 : swaps;
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
 * NumPy's `np.linalg` namespace: `np.linalg.norm`, `np.linalg.inv`,
 * `np.linalg.det`, and the `LinAlgError` class.
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
  LinAlgError,
};

