/**
 * `np.linalg` decompositions and solvers on NDArrays: `solve`, `slogdet`,
 * `cholesky`, `qr`, `eigh`, `eigvalsh`, `eig`, `eigvals`, `svd`, `pinv`,
 * `lstsq`, `matrix_rank`. Each accepts a matrix or (where NumPy 2 does) a
 * stack of matrices over the leading axes, computes in float64, and uses
 * NumPy's `LinAlgError` wording. The kernels are in `lapack.ts`.
 *
 * NumPy calls LAPACK, whose blocking and pivoting details depend on the
 * build: results agree to a tolerance (about 1e-12 relative for
 * well-conditioned inputs, scaled by the condition number otherwise), not
 * bit for bit. Eigenvectors and singular vectors are unique only up to sign
 * (and, for repeated values, up to a rotation within the eigenspace): compare
 * them through invariants such as A·V = V·diag(w).
 */
import { asarray } from "../creation.ts";
import { LinAlgError } from "../errors.ts";
import { broadcastShapes } from "../iter.ts";
import { copyToC, formatShape, NDArray, type ArrayLike } from "../ndarray.ts";
import {
  choleskyInPlace, completeOrthonormal, formQ, householderQR, luInPlace, luSolveInPlace, svdJacobi, symmetricEig,
} from "./lapack.ts";
import { dgeev } from "./geev.ts";

const EPS = 2.220446049250313e-16;

/** A stack of m×n float64 matrices in C order. */
export interface MatrixStack {
  batch: number[];
  m: number;
  n: number;
  count: number;
  data: Float64Array;
}

/** NumPy's `_assert_stacked_2d`. */
export function assertStacked2d(a: NDArray): void {
  if (a.ndim < 2) throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
}

/** NumPy's `_assert_stacked_square` (also checks 2-d). */
export function assertStackedSquare(a: NDArray): void {
  assertStacked2d(a);
  if (a.shape[a.ndim - 1] !== a.shape[a.ndim - 2]) throw new LinAlgError("Last 2 dimensions of the array must be square");
}

/** C-order float64 copy of a (stack of) matrices. */
export function toStack(a: NDArray): MatrixStack {
  assertStacked2d(a);
  const batch = a.shape.slice(0, -2);
  let count = 1;
  for (const d of batch) count *= d;
  return { batch, m: a.shape[a.ndim - 2], n: a.shape[a.ndim - 1], count, data: copyToC(a, "float64") as Float64Array };
}

function f64(data: Float64Array, shape: number[]): NDArray {
  return new NDArray(data, shape, undefined, 0, "float64");
}

function scalarOr(r: NDArray): NDArray | number {
  return r.ndim === 0 ? (r.item() as number) : r;
}

function maxAbsOf(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const v = Math.abs(x[i]);
    if (v > m || Number.isNaN(v)) m = v;
  }
  return m;
}

function assertFinite(s: MatrixStack): void {
  for (let i = 0; i < s.data.length; i++) if (!Number.isFinite(s.data[i])) throw new LinAlgError("Array must not contain infs or NaNs");
}

// ------------------------------------------------------------------ solve

/**
 * Solves the linear system A·x = b (NumPy `np.linalg.solve`) by LU with
 * partial pivoting (GVL Algorithm 3.4.1, then forward and back substitution,
 * 3.1). As in NumPy 2, a 1-D `b` is one right-hand side (shape (M,)); any
 * other `b` is a (stack of) M×K matrices; the leading axes of `a` and `b`
 * broadcast.
 *
 * $$x = A^{-1} b, \qquad A \in \mathbb{R}^{M\times M}$$
 *
 * Special cases: a singular A (an exactly zero pivot) raises
 * `LinAlgError("Singular matrix")`; non-square A raises "Last 2 dimensions of
 * the array must be square"; mismatched sizes raise NumPy's gufunc message.
 *
 * @example
 * np.linalg.solve([[3, 1], [1, 2]], [9, 8]); // [2. 3.]
 * @numpy(rtol=1e-12) np.linalg.solve([[3.0, 1.0], [1.0, 2.0]], [9.0, 8.0])
 */
export function solve(a: ArrayLike, b: ArrayLike): NDArray {
  const A = asarray(a);
  const B = asarray(b);
  assertStackedSquare(A);
  const M = A.shape[A.ndim - 1];
  const vector = B.ndim === 1;
  if (B.ndim === 0) throw new RangeError("solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)");
  const bm = vector ? B.shape[0] : B.shape[B.ndim - 2];
  if (bm !== M) {
    const sig = vector ? "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m)" : "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n)";
    throw new RangeError(`${sig} (size ${bm} is different from ${M})`);
  }
  const K = vector ? 1 : B.shape[B.ndim - 1];
  const aBatch = A.shape.slice(0, -2);
  const bBatch = vector ? [] : B.shape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes([aBatch, bBatch]);
  } catch {
    const remap = (x: NDArray, core: number): string => `${formatShape(x.shape)}->(${[...x.shape.slice(0, -core), ...new Array<string>(core).fill("newaxis")].join(",")})`;
    throw new RangeError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(A, 2)} ${remap(B, 2)}  and requested shape (${M},${K})`);
  }
  const Ad = copyToC(A, "float64") as Float64Array;
  const Bd = copyToC(B, "float64") as Float64Array;
  let count = 1;
  for (const d of batch) count *= d;
  const out = new Float64Array(count * M * K);
  const lu = new Float64Array(M * M);
  const piv = new Int32Array(M);
  const aStr = batchStrides(aBatch, batch, M * M);
  const bStr = batchStrides(bBatch, batch, M * K);
  for (let t = 0; t < count; t++) {
    let ao = 0;
    let bo = 0;
    let rem = t;
    for (let d = batch.length - 1; d >= 0; d--) {
      const i = rem % batch[d];
      rem = (rem - i) / batch[d];
      ao += i * aStr[d];
      bo += i * bStr[d];
    }
    lu.set(Ad.subarray(ao, ao + M * M));
    if (luInPlace(lu, 0, M, piv) < 0) throw new LinAlgError("Singular matrix");
    out.set(Bd.subarray(bo, bo + M * K), t * M * K);
    luSolveInPlace(lu, 0, M, piv, out, t * M * K, K);
  }
  return f64(out, vector ? [...batch, M] : [...batch, M, K]);
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

// ------------------------------------------------------------------ slogdet

/** Result of {@link slogdet} (NumPy's `SlogdetResult`). */
export interface SlogdetResult<T = number | NDArray> {
  /** +1, -1, or 0 for a singular matrix. */
  sign: T;
  /** log|det A| (−∞ for a singular matrix). */
  logabsdet: T;
}

/**
 * Sign and natural logarithm of the absolute determinant (NumPy
 * `np.linalg.slogdet`), from LU with partial pivoting (GVL 3.4): the sign of
 * the permutation times the signs of the pivots, and Σ log|uᵢᵢ|, which does
 * not overflow where `det` would. Returns `{ sign, logabsdet }` (numbers for a
 * single matrix, arrays over the leading axes for a stack).
 *
 * $$\det A = \operatorname{sign}\cdot e^{\operatorname{logabsdet}}$$
 *
 * Special cases: singular → `{ sign: 0, logabsdet: -Infinity }`; 0×0 →
 * `{ sign: 1, logabsdet: 0 }`.
 *
 * @example
 * np.linalg.slogdet([[1, 2], [3, 4]]).logabsdet; // 0.6931471805599455
 * @numpy(rtol=1e-12) np.linalg.slogdet([[1.0, 2.0], [3.0, 4.0]]).logabsdet
 */
export function slogdet(a: ArrayLike): SlogdetResult {
  const A = asarray(a);
  assertStackedSquare(A);
  const s = toStack(A);
  const n = s.n;
  const sign = new Float64Array(s.count);
  const logdet = new Float64Array(s.count);
  const piv = new Int32Array(n);
  for (let b = 0; b < s.count; b++) {
    const off = b * n * n;
    const swaps = luInPlace(s.data, off, n, piv);
    if (swaps < 0) {
      sign[b] = 0;
      logdet[b] = -Infinity;
      continue;
    }
    let sg = swaps % 2 === 0 ? 1 : -1;
    let ld = 0;
    for (let i = 0; i < n; i++) {
      const u = s.data[off + i * n + i];
      if (u < 0) sg = -sg;
      ld += Math.log(Math.abs(u));
    }
    sign[b] = sg;
    logdet[b] = ld;
  }
  return { sign: scalarOr(f64(sign, s.batch)), logabsdet: scalarOr(f64(logdet, s.batch)) };
}

// ------------------------------------------------------------------ cholesky

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /** Return the upper factor U = Lᵀ (A = Uᵀ·U) instead of L (NumPy 2's `upper`). */
  upper?: boolean;
}

/**
 * Cholesky factor of a symmetric positive-definite matrix (NumPy
 * `np.linalg.cholesky`): the lower-triangular L with A = L·Lᵀ, by the
 * column (gaxpy) Cholesky algorithm (GVL Algorithm 4.2.1). Only the lower
 * triangle of A is read, as LAPACK `dpotrf('L')` (the upper one with
 * `upper: true`, as `dpotrf('U')`). Stacks are factorised
 * matrix by matrix.
 *
 * $$A = L L^{\mathsf T}, \quad \ell_{jj} = \sqrt{a_{jj} - \textstyle\sum_{k<j} \ell_{jk}^2}$$
 *
 * Special cases: a non-positive pivot raises
 * `LinAlgError("Matrix is not positive definite")`; a NaN pivot gives NaN
 * entries instead (as NumPy with OpenBLAS, whose `potf2` tests `ajj <= 0`).
 *
 * @example
 * np.linalg.cholesky([[4, 2], [2, 3]]); // [[2.         0.        ]
 * //  [1.         1.41421356]]
 * @numpy(rtol=1e-12) np.linalg.cholesky([[4.0, 2.0], [2.0, 3.0]])
 */
export function cholesky(a: ArrayLike, options: CholeskyOptions = {}): NDArray {
  const A = asarray(a);
  assertStackedSquare(A);
  // upper: NumPy calls LAPACK potrf('U'), which reads the upper triangle: factor Aᵀ's lower one.
  const s = toStack(options.upper ? A.transpose([...A.shape.slice(0, -2).map((_, i) => i), A.ndim - 1, A.ndim - 2]) : A);
  const n = s.n;
  for (let b = 0; b < s.count; b++) {
    if (!choleskyInPlace(s.data, b * n * n, n)) throw new LinAlgError("Matrix is not positive definite");
  }
  const L = f64(s.data, A.shape);
  if (!options.upper) return L;
  const U = new Float64Array(s.data.length);
  for (let b = 0; b < s.count; b++) {
    const off = b * n * n;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) U[off + j * n + i] = s.data[off + i * n + j];
  }
  return f64(U, A.shape);
}

// ------------------------------------------------------------------ qr

/** Result of {@link qr} in modes "reduced" and "complete" (NumPy's `QRResult`). */
export interface QRResult {
  Q: NDArray;
  R: NDArray;
}

/** Options of {@link qr}. */
export interface QROptions {
  /** "reduced" (default: Q m×k, R k×n, k = min(m, n)), "complete" (Q m×m, R m×n) or "r" (R only). */
  mode?: "reduced" | "complete" | "r";
}

/**
 * QR decomposition A = Q·R (NumPy `np.linalg.qr`) by Householder reflections
 * (GVL Algorithm 5.2.1) with LAPACK's `dgeqrf`/`dorgqr` sign conventions
 * (each reflector maps the column onto −sign(aₖₖ)·‖x‖·e₁, so R's diagonal is
 * typically negative, like NumPy's). Stacks are decomposed matrix by matrix.
 *
 * $$A = QR, \quad Q^{\mathsf T} Q = I, \quad R \text{ upper triangular}$$
 *
 * Special cases: mode "r" returns R alone (an NDArray), as NumPy; Q and R are
 * unique only up to the signs of Q's columns / R's rows when A has full
 * column rank.
 *
 * @example
 * np.linalg.qr([[3, 1], [4, 2]]).R; // [[-5.  -2.2]
 * //  [ 0.   0.4]]
 * @numpy(rtol=1e-12) np.linalg.qr([[3.0, 1.0], [4.0, 2.0]]).R
 */
export function qr(a: ArrayLike, options: { mode: "r" }): NDArray;
export function qr(a: ArrayLike, options?: QROptions): QRResult;
export function qr(a: ArrayLike, options: QROptions = {}): QRResult | NDArray {
  const mode = options.mode ?? "reduced";
  if (mode !== "reduced" && mode !== "complete" && mode !== "r") throw new RangeError(`Unrecognized mode '${String(mode)}'`);
  const A = asarray(a);
  const s = toStack(A);
  const { m, n } = s;
  const k = Math.min(m, n);
  const qc = mode === "complete" ? m : k;
  const rr = mode === "complete" ? m : k;
  const Qd = new Float64Array(s.count * m * qc);
  const Rd = new Float64Array(s.count * rr * n);
  const tau = new Float64Array(k);
  for (let b = 0; b < s.count; b++) {
    const w = s.data.subarray(b * m * n, (b + 1) * m * n);
    householderQR(w, m, n, tau);
    const ro = b * rr * n;
    for (let i = 0; i < Math.min(rr, m); i++) for (let j = i; j < n; j++) Rd[ro + i * n + j] = w[i * n + j];
    if (mode !== "r") Qd.set(formQ(w, m, n, tau, qc), b * m * qc);
  }
  const R = f64(Rd, [...s.batch, rr, n]);
  if (mode === "r") return R;
  return { Q: f64(Qd, [...s.batch, m, qc]), R };
}

// ------------------------------------------------------------------ eigh

/** Result of {@link eigh} (NumPy's `EighResult`). */
export interface EighResult {
  /** Eigenvalues in ascending order, shape (..., M). */
  eigenvalues: NDArray;
  /** Orthonormal eigenvectors: column `[:, i]` belongs to `eigenvalues[i]`. */
  eigenvectors: NDArray;
}

function uploOf(UPLO: string | { UPLO?: string } | undefined): "L" | "U" {
  const u = typeof UPLO === "object" ? UPLO.UPLO : UPLO;
  if (u === undefined || u === "L") return "L";
  if (u === "U") return "U";
  throw new RangeError("UPLO argument must be 'L' or 'U'");
}

function eighCore(a: ArrayLike, UPLO: "L" | "U", wantV: boolean): { w: NDArray; v: NDArray | null } {
  const A = asarray(a);
  assertStackedSquare(A);
  const s = toStack(A);
  const n = s.n;
  const W = new Float64Array(s.count * n);
  const d = new Float64Array(n);
  for (let b = 0; b < s.count; b++) {
    const v = s.data.subarray(b * n * n, (b + 1) * n * n);
    // Symmetrise from the chosen triangle (LAPACK reads only that one).
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (UPLO === "L") v[i * n + j] = v[j * n + i];
        else v[j * n + i] = v[i * n + j];
      }
    }
    // Scale to max |a_ij| = 1 so that tiny and huge matrices neither underflow nor overflow.
    const sc = maxAbsOf(v);
    if (sc !== 0 && sc !== 1 && Number.isFinite(sc)) for (let i = 0; i < v.length; i++) v[i] /= sc;
    symmetricEig(v, n, d);
    if (sc !== 0 && sc !== 1 && Number.isFinite(sc)) for (let i = 0; i < n; i++) d[i] *= sc;
    W.set(d, b * n);
  }
  return { w: f64(W, [...s.batch, n]), v: wantV ? f64(s.data, A.shape) : null };
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix (NumPy
 * `np.linalg.eigh(a, UPLO='L')`), reading only the lower (`"L"`) or upper
 * (`"U"`) triangle: Householder tridiagonalisation and the implicit QL
 * algorithm with Wilkinson shifts (GVL §8.3; EISPACK `tred2`/`tql2`).
 * Returns `{ eigenvalues, eigenvectors }`, eigenvalues ascending (as NumPy),
 * eigenvectors orthonormal columns. Stacks over the leading axes.
 *
 * $$A = V \operatorname{diag}(w) V^{\mathsf T}, \quad V^{\mathsf T}V = I, \quad w_1 \le \dots \le w_n$$
 *
 * Special cases: each eigenvector's sign is arbitrary (may differ from
 * NumPy's), and for a repeated eigenvalue any orthonormal basis of its
 * eigenspace is valid. NaN input gives NaN (NumPy's LAPACK output is
 * unspecified there).
 *
 * @example
 * np.linalg.eigh([[2, 1], [1, 2]]).eigenvalues; // [1. 3.]
 * @numpy(rtol=1e-12) np.linalg.eigh([[2.0, 1.0], [1.0, 2.0]]).eigenvalues
 */
export function eigh(a: ArrayLike, UPLO?: "L" | "U" | { UPLO?: "L" | "U" }): EighResult {
  const r = eighCore(a, uploOf(UPLO), true);
  return { eigenvalues: r.w, eigenvectors: r.v! };
}

/**
 * Eigenvalues of a real symmetric matrix, ascending (NumPy
 * `np.linalg.eigvalsh(a, UPLO='L')`); same algorithm as {@link eigh}
 * (GVL §8.3) without accumulating the eigenvectors.
 *
 * $$\det(A - \lambda I) = 0, \quad \lambda_1 \le \dots \le \lambda_n$$
 *
 * @example
 * np.linalg.eigvalsh([[2, 0], [0, -1]]); // [-1.  2.]
 * @numpy(rtol=1e-12) np.linalg.eigvalsh([[2.0, 0.0], [0.0, -1.0]])
 */
export function eigvalsh(a: ArrayLike, UPLO?: "L" | "U" | { UPLO?: "L" | "U" }): NDArray {
  return eighCore(a, uploOf(UPLO), false).w;
}

// ------------------------------------------------------------------ eig

/** Result of {@link eig} (NumPy's `EigResult`), real spectra only. */
export interface EigResult {
  eigenvalues: NDArray;
  /** Unit-norm right eigenvectors: column `[:, i]` belongs to `eigenvalues[i]`. */
  eigenvectors: NDArray;
}

function complexError(re: number, im: number): never {
  throw new LinAlgError(
    `eig: the matrix has complex eigenvalues (e.g. ${re}${im < 0 ? "-" : "+"}${Math.abs(im)}j); this library has no complex dtype, so only real spectra are supported (use eigh for symmetric matrices)`,
  );
}

function eigCore(a: ArrayLike, wantV: boolean): { w: NDArray; v: NDArray | null } {
  const A = asarray(a);
  assertStackedSquare(A);
  const s = toStack(A);
  assertFinite(s);
  const n = s.n;
  const W = new Float64Array(s.count * n);
  const Vd = wantV ? new Float64Array(s.count * n * n) : null;
  const h = new Float64Array(n * n);
  for (let b = 0; b < s.count; b++) {
    // dgeev works on the column-major matrix: transpose in, and the eigenvector columns back out.
    const off = b * n * n;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i + j * n] = s.data[off + i * n + j];
    const r = dgeev(h, n, wantV);
    for (let i = 0; i < n; i++) if (r.wi[i] !== 0) complexError(r.wr[i], r.wi[i]);
    W.set(r.wr, b * n);
    if (Vd) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Vd[off + i * n + j] = r.vr![i + j * n];
  }
  return { w: f64(W, [...s.batch, n]), v: Vd ? f64(Vd, A.shape) : null };
}

/**
 * Eigenvalues and right eigenvectors of a general real square matrix (NumPy
 * `np.linalg.eig`) when its spectrum is real, computed as LAPACK `dgeev`
 * does (a routine-by-routine port, `geev.ts`): balancing (`dgebal`),
 * Householder reduction to Hessenberg form, the double-shift QR algorithm
 * (`dlahqr`) to the real Schur form T = QᵀAQ, back substitution for the
 * eigenvectors of T, back-transformation, and each vector scaled to unit
 * 2-norm. Eigenvalues come in NumPy's order (as they appear on T's
 * diagonal, not sorted) and eigenvectors with NumPy's signs. Returns
 * `{ eigenvalues, eigenvectors }`. Stacks over the leading axes.
 *
 * $$A v_i = \lambda_i v_i, \quad \|v_i\|_2 = 1$$
 *
 * Special cases: complex eigenvalues raise a `LinAlgError` naming the
 * limitation (no complex dtype here; NumPy would return complex arrays);
 * NaN/Inf raise "Array must not contain infs or NaNs" as in NumPy. Order
 * and signs can still differ from NumPy's where NumPy's own result flips
 * under a 1-ulp change of the input (a deflation decided at rounding
 * level; typical for repeated eigenvalues, where a double eigenvalue may
 * even come out as a complex pair ±1e-15j on one side and real on the
 * other), and for n > 75, where LAPACK switches to the multishift `dlaqr0`
 * and this port keeps `dlahqr`. For a defective matrix the returned
 * vectors are (numerically) parallel, as NumPy's.
 *
 * @example
 * np.linalg.eig([[2, 0], [0, 3]]).eigenvalues; // [2. 3.]
 * @numpy(rtol=1e-12) np.linalg.eig([[2.0, 0.0], [0.0, 3.0]]).eigenvalues
 * @example
 * np.linalg.eig([[2, 1], [1, 2]]).eigenvectors; // [[ 0.70710678 -0.70710678]
 * //  [ 0.70710678  0.70710678]]
 * @numpy(rtol=1e-12) np.linalg.eig([[2.0, 1.0], [1.0, 2.0]]).eigenvectors
 */
export function eig(a: ArrayLike): EigResult {
  const r = eigCore(a, true);
  return { eigenvalues: r.w, eigenvectors: r.v! };
}

/**
 * Eigenvalues of a general real square matrix with a real spectrum (NumPy
 * `np.linalg.eigvals`): as {@link eig} (LAPACK `dgeev` without vectors, so
 * `dlahqr` updates only the active block) in NumPy's order. Complex
 * eigenvalues raise a `LinAlgError`.
 *
 * $$\det(A - \lambda I) = 0$$
 *
 * @example
 * np.linalg.eigvals([[1, 2], [0, 3]]); // [1. 3.]
 * @numpy(rtol=1e-12) np.linalg.eigvals([[1.0, 2.0], [0.0, 3.0]])
 */
export function eigvals(a: ArrayLike): NDArray {
  return eigCore(a, false).w;
}

// ------------------------------------------------------------------ svd

/** Result of {@link svd} (NumPy's `SVDResult`). */
export interface SVDResult {
  /** Left singular vectors as columns, (..., M, M) or (..., M, K). */
  U: NDArray;
  /** Singular values, descending, (..., K) with K = min(M, N). */
  S: NDArray;
  /** Right singular vectors as rows, (..., N, N) or (..., K, N). */
  Vh: NDArray;
}

/** Options of {@link svd}. */
export interface SVDOptions {
  /** Square U and Vh (default true) or the reduced K-column / K-row factors. */
  full_matrices?: boolean;
  /** Compute U and Vh (default true); false returns S alone. */
  compute_uv?: boolean;
  /** A is symmetric: decompose it through {@link eigh} instead (NumPy's `hermitian`). */
  hermitian?: boolean;
}

/**
 * NumPy's `svd(a, hermitian=True)`: s = |λ| of `eigh` (lower triangle) in
 * descending order, U the eigenvectors in that order and Vh = (U·sign(λ))ᵀ,
 * so each negative eigenvalue's sign moves into Vh. U is square whatever
 * `full_matrices` says, as in NumPy.
 */
function svdHermitian(A: NDArray, wantUV: boolean): SVDResult | NDArray {
  const r = eighCore(A, "L", wantUV);
  const n = A.shape[A.ndim - 1];
  const batch = A.shape.slice(0, -2);
  const w = r.w.data as Float64Array;
  const count = n === 0 ? 0 : w.length / n;
  const S = new Float64Array(w.length);
  const U = wantUV ? new Float64Array(count * n * n) : null;
  const Vh = wantUV ? new Float64Array(count * n * n) : null;
  const v = wantUV ? (r.v!.data as Float64Array) : null;
  const order = new Array<number>(n);
  for (let b = 0; b < count; b++) {
    const o = b * n;
    // argsort(|λ|)[::-1]: NumPy's small-array argsort is stable, so ties come out last index first.
    for (let j = 0; j < n; j++) order[j] = j;
    order.sort((x, y) => Math.abs(w[o + x]) - Math.abs(w[o + y]) || x - y).reverse();
    for (let j = 0; j < n; j++) S[o + j] = Math.abs(w[o + order[j]]);
    if (!U || !Vh || !v) continue;
    const mo = b * n * n;
    for (let j = 0; j < n; j++) {
      const src = order[j];
      const sgn = w[o + src] < 0 || Object.is(w[o + src], -0) ? -1 : 1; // np.copysign(1.0, λ)
      for (let i = 0; i < n; i++) {
        const u = v[mo + i * n + src];
        U[mo + i * n + j] = u;
        Vh[mo + j * n + i] = u * sgn;
      }
    }
  }
  const Sd = f64(S, [...batch, n]);
  if (!U || !Vh) return Sd;
  return { U: f64(U, [...batch, n, n]), S: Sd, Vh: f64(Vh, [...batch, n, n]) };
}

/**
 * Singular value decomposition A = U·diag(S)·Vh (NumPy `np.linalg.svd`) by
 * the one-sided Jacobi method (Hestenes; GVL §8.6.4; Demmel & Veselić 1992),
 * which converges for rank-deficient inputs, repeated singular values and any
 * scale (the input is scaled to max|aᵢⱼ| = 1 first). Singular values are
 * descending (as NumPy); the singular vectors of zero singular values, and
 * the extra columns of `full_matrices`, complete an orthonormal basis.
 * Stacks over the leading axes.
 *
 * $$A = U \Sigma V^{\mathsf T}, \quad \sigma_1 \ge \dots \ge \sigma_K \ge 0$$
 *
 * With `hermitian: true` the symmetric A is decomposed through {@link eigh}
 * as NumPy does: S = |λ| descending, U = eigenvectors, Vh = (U·sign(λ))ᵀ
 * (U and Vh square even when `full_matrices` is false; only the lower
 * triangle is read; eigenvector signs may differ from NumPy's, see `eigh`).
 *
 * Special cases: `compute_uv: false` returns S alone (an NDArray). Pairs
 * (uᵢ, vᵢ) are unique only up to a common sign, and only up to a rotation
 * for repeated σ. NaN anywhere raises "SVD did not converge" (as NumPy); a
 * matrix with ±Inf (no NaN) gives S all NaN, as NumPy's LAPACK does, and U/Vh
 * filled with NaN (NumPy's U/Vh for such input depend on LAPACK's internal
 * path: often NaN, sometimes a permutation).
 *
 * @example
 * np.linalg.svd([[3, 0], [0, 4]]).S; // [4. 3.]
 * @numpy(rtol=1e-12) np.linalg.svd([[3.0, 0.0], [0.0, 4.0]]).S
 */
export function svd(a: ArrayLike, options: SVDOptions & { compute_uv: false }): NDArray;
export function svd(a: ArrayLike, options?: SVDOptions): SVDResult;
export function svd(a: ArrayLike, options: SVDOptions = {}): SVDResult | NDArray {
  const full = options.full_matrices ?? true;
  const wantUV = options.compute_uv ?? true;
  const A = asarray(a);
  if (options.hermitian) return svdHermitian(A, wantUV);
  const st = toStack(A);
  const { m, n } = st;
  const k = Math.min(m, n);
  const Sd = new Float64Array(st.count * k);
  const uc = full ? m : k;
  const vr = full ? n : k;
  const Ud = wantUV ? new Float64Array(st.count * m * uc) : null;
  const Vd = wantUV ? new Float64Array(st.count * vr * n) : null;
  // LAPACK's dgesdd rejects a NaN norm (any NaN in the stack → NumPy raises); an Inf norm scales
  // the matrix by 0 (Inf·0 = NaN), so S comes back all NaN and NumPy raises nothing.
  for (let i = 0; i < st.data.length; i++) if (st.data[i] !== st.data[i]) throw new LinAlgError("SVD did not converge");
  for (let b = 0; b < st.count; b++) {
    const mat = st.data.subarray(b * m * n, (b + 1) * m * n);
    if (k > 0 && mat.some((x) => !Number.isFinite(x))) {
      Sd.fill(NaN, b * k, (b + 1) * k);
      if (Ud) Ud.fill(NaN, b * m * uc, (b + 1) * m * uc);
      if (Vd) Vd.fill(NaN, b * vr * n, (b + 1) * vr * n);
      continue;
    }
    if (k === 0) {
      for (let i = 0; i < mat.length; i++) if (!Number.isFinite(mat[i])) throw new LinAlgError("SVD did not converge");
      if (Ud && full) for (let i = 0; i < m; i++) Ud[b * m * uc + i * uc + i] = 1;
      if (Vd && full) for (let i = 0; i < n; i++) Vd[b * vr * n + i * n + i] = 1;
      continue;
    }
    const r = svdJacobi(mat, m, n, wantUV);
    Sd.set(r.s, b * k);
    if (!Ud || !Vd) continue;
    // Column-major U (m×k) → m×uc, completed when full.
    let Uc = r.u!;
    if (uc > k) {
      Uc = new Float64Array(m * uc);
      Uc.set(r.u!);
      completeOrthonormal(Uc, m, uc, Array.from({ length: uc }, (_, j) => j < k));
    }
    const uo = b * m * uc;
    for (let i = 0; i < m; i++) for (let j = 0; j < uc; j++) Ud[uo + i * uc + j] = Uc[j * m + i];
    let Vc = r.v!;
    if (vr > k) {
      Vc = new Float64Array(n * vr);
      Vc.set(r.v!);
      completeOrthonormal(Vc, n, vr, Array.from({ length: vr }, (_, j) => j < k));
    }
    // Vh row j = V column j (contiguous in the column-major V).
    Vd.set(Vc.subarray(0, vr * n), b * vr * n);
  }
  const S = f64(Sd, [...st.batch, k]);
  if (!wantUV) return S;
  return { U: f64(Ud!, [...st.batch, m, uc]), S, Vh: f64(Vd!, [...st.batch, vr, n]) };
}

// ------------------------------------------------------------------ pinv

/** Options of {@link pinv}. */
export interface PinvOptions {
  /** Singular values ≤ rcond·σ_max are treated as zero (NumPy's default 1e-15). */
  rcond?: number | null;
  /** NumPy 2's `rtol` (same meaning; default when given as null: max(M, N)·ε). */
  rtol?: number | null;
  /** A is symmetric: use the eigendecomposition (`svd(a, { hermitian: true })`). */
  hermitian?: boolean;
}

/**
 * Moore–Penrose pseudo-inverse (NumPy `np.linalg.pinv`) from the SVD
 * (GVL §5.5.2): A⁺ = V·diag(1/σᵢ for σᵢ > rcond·σ_max, else 0)·Uᵀ. Stacks
 * over the leading axes.
 *
 * $$A^{+} = V \Sigma^{+} U^{\mathsf T}$$
 *
 * Special cases: an empty M×N input gives an empty N×M result; `rcond` and
 * `rtol` together raise NumPy's ValueError (a `RangeError` here);
 * `hermitian: true` takes the SVD from {@link eigh}.
 *
 * @example
 * np.linalg.pinv([[1, 0], [0, 0]]); // [[1. 0.]
 * //  [0. 0.]]
 * @numpy(rtol=1e-12) np.linalg.pinv([[1.0, 0.0], [0.0, 0.0]])
 */
export function pinv(a: ArrayLike, options: PinvOptions = {}): NDArray {
  const A = asarray(a);
  assertStacked2d(A);
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  let rcond = options.rcond ?? undefined;
  if (options.rcond == null && options.rtol === null && A.dtype !== "float64") {
    // NumPy evaluates finfo(a.dtype).eps for the default rtol, which fails for integer/bool input.
    throw new RangeError(`data type <class 'numpy.${A.dtype === "bool" ? "bool" : "int64"}'> not inexact`);
  }
  if (rcond === undefined) rcond = options.rtol === undefined ? 1e-15 : options.rtol === null ? Math.max(m, n) * EPS : options.rtol;
  else if (options.rtol !== undefined) throw new RangeError("`rtol` and `rcond` can't be both set.");
  const batch = A.shape.slice(0, -2);
  // NumPy: `empty((..., n, m), dtype=a.dtype)` — the input's dtype, even int64 or bool.
  if (m === 0 || n === 0) return new NDArray(A.dtype === "bool" ? new Uint8Array(0) : new Float64Array(0), [...batch, n, m], undefined, 0, A.dtype);
  const { U, S, Vh } = svd(A, { full_matrices: false, hermitian: options.hermitian });
  const k = Math.min(m, n);
  const u = U.data as Float64Array;
  const s = S.data as Float64Array;
  const vh = Vh.data as Float64Array;
  let count = 1;
  for (const d of batch) count *= d;
  const out = new Float64Array(count * n * m);
  const inv = new Float64Array(k);
  for (let b = 0; b < count; b++) {
    let smax = 0;
    for (let j = 0; j < k; j++) smax = Math.max(smax, s[b * k + j]);
    const cutoff = rcond * smax;
    for (let j = 0; j < k; j++) inv[j] = s[b * k + j] > cutoff ? 1 / s[b * k + j] : 0;
    const uo = b * m * k;
    const vo = b * k * n;
    const oo = b * n * m;
    // ±Inf input: S (and here U, Vh) all NaN; NumPy's Vhᵀ·(0·Uᵀ) then is all NaN.
    if (smax !== smax) {
      out.fill(NaN, oo, oo + n * m);
      continue;
    }
    // out[i][c] = Σ_j Vh[j][i] · inv[j] · U[c][j]
    for (let j = 0; j < k; j++) {
      if (inv[j] === 0) continue;
      for (let i = 0; i < n; i++) {
        const f = vh[vo + j * n + i] * inv[j];
        if (f === 0) continue;
        const row = oo + i * m;
        for (let c = 0; c < m; c++) out[row + c] += f * u[uo + c * k + j];
      }
    }
  }
  return f64(out, [...batch, n, m]);
}

// ------------------------------------------------------------------ lstsq

/** Result of {@link lstsq} (NumPy returns the tuple `(x, residuals, rank, s)`). */
export interface LstsqResult {
  /** Least-squares solution, shape (N,) or (N, K). */
  x: NDArray;
  /** Squared 2-norm of each column of b − A·x when rank = N and M > N, else an empty array. */
  residuals: NDArray;
  /** Effective rank of A. */
  rank: number;
  /** Singular values of A, descending. */
  s: NDArray;
}

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /** Singular values ≤ rcond·σ_max count as zero; default ε·max(M, N) (NumPy ≥ 2.0). */
  rcond?: number | null;
}

/**
 * Least-squares solution of A·x ≈ b (NumPy `np.linalg.lstsq`) through the
 * SVD, like LAPACK `dgelsd` (GVL §5.5.2): x = V·Σ⁺·Uᵀ·b, the minimum-norm
 * solution when A is rank-deficient. Returns `{ x, residuals, rank, s }`.
 * 2-D `a` only (as NumPy); `b` of shape (M,) or (M, K).
 *
 * $$x = \arg\min_x \|b - Ax\|_2 \ (\text{minimum } \|x\|_2)$$
 *
 * Special cases: mismatched row counts raise `LinAlgError("Incompatible
 * dimensions")`; M = 0 gives x = 0.
 *
 * @example
 * np.linalg.lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 4]).x; // [0.83333333 1.5       ]
 * @numpy(rtol=1e-12) np.linalg.lstsq([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]], [1.0, 2.0, 4.0])[0]
 */
export function lstsq(a: ArrayLike, b: ArrayLike, options: LstsqOptions = {}): LstsqResult {
  const A = asarray(a);
  const B = asarray(b);
  const vector = B.ndim === 1;
  if (A.ndim !== 2) throw new LinAlgError(`${A.ndim}-dimensional array given. Array must be two-dimensional`);
  if (!vector && B.ndim !== 2) throw new LinAlgError(`${B.ndim}-dimensional array given. Array must be two-dimensional`);
  const [m, n] = A.shape;
  const m2 = B.shape[0];
  const K = vector ? 1 : B.shape[1];
  if (m !== m2) throw new LinAlgError("Incompatible dimensions");
  const rcond = options.rcond ?? EPS * Math.max(m, n);
  const k = Math.min(m, n);
  const Ad = copyToC(A, "float64") as Float64Array;
  const Bd = copyToC(B, "float64") as Float64Array;
  const x = new Float64Array(n * K);
  let rank = 0;
  let sv: Float64Array = new Float64Array(0);
  if (k > 0) {
    const { U, S, Vh } = svd(f64(Ad, [m, n]), { full_matrices: false });
    const u = U.data as Float64Array;
    const vh = Vh.data as Float64Array;
    sv = S.data as Float64Array;
    const cutoff = rcond * sv[0];
    const utb = new Float64Array(K);
    for (let j = 0; j < k; j++) {
      if (!(sv[j] > cutoff)) continue;
      rank++;
      utb.fill(0);
      for (let r = 0; r < m; r++) {
        const ur = u[r * k + j];
        for (let c = 0; c < K; c++) utb[c] += ur * Bd[r * K + c];
      }
      for (let c = 0; c < K; c++) utb[c] /= sv[j];
      for (let i = 0; i < n; i++) {
        const v = vh[j * n + i];
        for (let c = 0; c < K; c++) x[i * K + c] += v * utb[c];
      }
    }
  }
  let residuals: NDArray = f64(new Float64Array(0), [0]);
  if (rank === n && m > n) {
    const res = new Float64Array(K);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < K; c++) {
        let acc = Bd[r * K + c];
        for (let i = 0; i < n; i++) acc -= Ad[r * n + i] * x[i * K + c];
        res[c] += acc * acc;
      }
    }
    residuals = f64(res, [K]);
  }
  return { x: f64(x, vector ? [n] : [n, K]), residuals, rank, s: f64(sv.slice(), [k]) };
}

// ------------------------------------------------------------------ matrix_rank

/** Options of {@link matrix_rank}. */
export interface MatrixRankOptions {
  /** Absolute threshold: singular values > tol count. */
  tol?: number | null;
  /** Relative threshold (times σ_max); default max(M, N)·ε. */
  rtol?: number | null;
  /** A is symmetric: count |eigenvalues| (`svd(A, { hermitian: true })`). */
  hermitian?: boolean;
}

/**
 * Rank of a matrix (NumPy `np.linalg.matrix_rank`): the number of singular
 * values (one-sided Jacobi SVD, GVL §5.4.1, 8.6.4) above
 * `tol = σ_max · max(M, N) · ε` unless given. A 1-D input has rank 1 unless
 * all zero. Stacks give an int64 array. `hermitian: true` takes the
 * singular values as |eigenvalues| of {@link eigvalsh}; `tol` and `rtol`
 * together raise NumPy's ValueError (a `RangeError` here).
 *
 * $$\operatorname{rank} A = \#\{\, i : \sigma_i > \text{tol} \,\}$$
 *
 * @example
 * np.linalg.matrix_rank([[1, 2], [2, 4]]); // 1
 * @numpy np.linalg.matrix_rank([[1.0, 2.0], [2.0, 4.0]])
 */
export function matrix_rank(A: ArrayLike, options: MatrixRankOptions = {}): number | NDArray {
  if (options.tol != null && options.rtol != null) throw new RangeError("`tol` and `rtol` can't be both set.");
  const X = asarray(A);
  if (X.ndim < 2) {
    const d = copyToC(X, "float64");
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) return 1;
    return 0;
  }
  const m = X.shape[X.ndim - 2];
  const n = X.shape[X.ndim - 1];
  const S = svd(X, { compute_uv: false, hermitian: options.hermitian });
  const k = options.hermitian ? n : Math.min(m, n);
  const s = S.data as Float64Array;
  const batch = X.shape.slice(0, -2);
  let count = 1;
  for (const d of batch) count *= d;
  const out = new Float64Array(count);
  const rtol = options.rtol ?? Math.max(m, n) * EPS;
  for (let b = 0; b < count; b++) {
    let smax = 0;
    for (let j = 0; j < k; j++) smax = Math.max(smax, s[b * k + j]);
    const tol = options.tol ?? smax * rtol;
    let r = 0;
    for (let j = 0; j < k; j++) if (s[b * k + j] > tol) r++;
    out[b] = r;
  }
  const res = new NDArray(out, batch, undefined, 0, "int64");
  return res.ndim === 0 ? (res.item() as number) : res;
}
