/**
 * Dense linear-algebra kernels on row-major `Float64Array` matrices (no
 * NDArray here): LU, Cholesky, Householder QR, the symmetric eigenvalue
 * problem and the SVD (the non-symmetric one, a port of LAPACK `dgeev`, is in
 * `geev.ts`). Every routine works on one matrix; the
 * NDArray wrappers in `decompositions.ts` loop over stacks.
 *
 * References: G. H. Golub & C. F. Van Loan, *Matrix Computations* (4th ed.,
 * "GVL"); Wilkinson & Reinsch, *Handbook for Automatic Computation II*
 * (EISPACK `tred2`, `tql2`, as restated in the public-domain
 * JAMA package); Demmel & Veselić, "Jacobi's method is more accurate than
 * QR" (SIAM J. Matrix Anal. Appl. 13, 1992) for the one-sided Jacobi SVD.
 */
import { LinAlgError } from "../errors.ts";

const EPS = 2.220446049250313e-16;
const SAFMIN = 2.2250738585072014e-308;

/**
 * LU factorisation with partial pivoting, P·A = L·U (GVL Algorithm 3.4.1;
 * LAPACK `dgetf2` semantics: the pivot is the first entry of largest
 * magnitude in the column, the column is scaled by the reciprocal of the
 * pivot). In place on the n×n matrix at `off`; `piv[j]` is the row swapped
 * with row j. Returns the number of row swaps, or -1 when a pivot is exactly
 * zero (singular; factorisation continues past it as LAPACK does).
 */
export function luInPlace(m: Float64Array, off: number, n: number, piv: Int32Array): number {
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
    const useRecip = Math.abs(d) >= SAFMIN;
    const r = 1 / d;
    for (let i = j + 1; i < n; i++) {
      const l = useRecip ? m[off + i * n + j] * r : m[off + i * n + j] / d;
      m[off + i * n + j] = l;
      if (l !== 0) {
        const ri = off + i * n;
        const rj = off + j * n;
        for (let c = j + 1; c < n; c++) m[ri + c] -= l * m[rj + c];
      }
    }
  }
  return singular ? -1 : swaps;
}

/**
 * Solves L·U·X = P·B in place for the row-major n×k right-hand side `b`
 * (offset `bOff`), given the output of {@link luInPlace} (GVL 3.4.4:
 * permutation, forward then back substitution, row-oriented).
 */
export function luSolveInPlace(lu: Float64Array, off: number, n: number, piv: Int32Array, b: Float64Array, bOff: number, k: number): void {
  for (let j = 0; j < n; j++) {
    const p = piv[j];
    if (p !== j) {
      for (let c = 0; c < k; c++) {
        const t = b[bOff + j * k + c];
        b[bOff + j * k + c] = b[bOff + p * k + c];
        b[bOff + p * k + c] = t;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const bi = bOff + i * k;
    for (let j = 0; j < i; j++) {
      const l = lu[off + i * n + j];
      if (l === 0) continue;
      const bj = bOff + j * k;
      for (let c = 0; c < k; c++) b[bi + c] -= l * b[bj + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const bi = bOff + i * k;
    for (let j = i + 1; j < n; j++) {
      const u = lu[off + i * n + j];
      if (u === 0) continue;
      const bj = bOff + j * k;
      for (let c = 0; c < k; c++) b[bi + c] -= u * b[bj + c];
    }
    const d = lu[off + i * n + i];
    for (let c = 0; c < k; c++) b[bi + c] /= d;
  }
}

/**
 * Cholesky factorisation A = L·Lᵀ (GVL Algorithm 4.2.1, the "gaxpy"
 * form), reading only the lower triangle of the n×n matrix at `off` and
 * overwriting it with L (the strict upper triangle is zeroed). Returns false
 * when a pivot is not positive (or NaN): the matrix is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, off: number, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = off + j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (d <= 0) return false; // OpenBLAS potf2: a NaN pivot passes (NaN factor, no error)
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = off + i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
    for (let c = j + 1; c < n; c++) a[rj + c] = 0;
  }
  return true;
}

/** Euclidean norm of `n` values `x[off + i*stride]`, scaled against overflow/underflow (like BLAS `dnrm2`). */
function nrm2(x: Float64Array, off: number, n: number, stride: number): number {
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[off + i * stride]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = x[off + i * stride] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/**
 * Householder QR, A = Q·R (GVL Algorithm 5.2.1 with LAPACK's `dgeqr2` /
 * `dlarfg` conventions: reflector H = I − τ·v·vᵀ with v₀ = 1, β = −sign(α)·‖x‖,
 * and τ = 0 when the column below the diagonal is already zero), in place on
 * the row-major m×n matrix: R on and above the diagonal, v below it. `tau`
 * receives min(m, n) scalars.
 */
export function householderQR(a: Float64Array, m: number, n: number, tau: Float64Array): void {
  const k = Math.min(m, n);
  const w = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const alpha = a[j * n + j];
    const xnorm = nrm2(a, (j + 1) * n + j, m - j - 1, n);
    if (xnorm === 0) {
      tau[j] = 0;
      continue;
    }
    let alphaS = alpha;
    let beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
    // dlarfg: when β is tiny, rescale x and α by 1/safmin (up to 20 times) so 1/(α − β) stays finite.
    const safmin = SAFMIN / EPS;
    let knt = 0;
    if (Math.abs(beta) < safmin) {
      const rsafmn = 1 / safmin;
      do {
        knt++;
        for (let i = j + 1; i < m; i++) a[i * n + j] *= rsafmn;
        beta *= rsafmn;
        alphaS *= rsafmn;
      } while (Math.abs(beta) < safmin && knt < 20);
      beta = -(alphaS >= 0 ? 1 : -1) * Math.hypot(alphaS, nrm2(a, (j + 1) * n + j, m - j - 1, n));
    }
    tau[j] = (beta - alphaS) / beta;
    const scal = 1 / (alphaS - beta);
    for (let i = j + 1; i < m; i++) a[i * n + j] *= scal;
    for (let t = 0; t < knt; t++) beta *= safmin;
    a[j * n + j] = beta;
    // Apply H to A[j:, j+1:]: w = vᵀ A, A -= τ v w.
    const t = tau[j];
    if (j + 1 < n) {
      for (let c = j + 1; c < n; c++) w[c] = a[j * n + c];
      for (let i = j + 1; i < m; i++) {
        const vi = a[i * n + j];
        if (vi === 0) continue;
        const ri = i * n;
        for (let c = j + 1; c < n; c++) w[c] += vi * a[ri + c];
      }
      for (let c = j + 1; c < n; c++) a[j * n + c] -= t * w[c];
      for (let i = j + 1; i < m; i++) {
        const f = t * a[i * n + j];
        if (f === 0) continue;
        const ri = i * n;
        for (let c = j + 1; c < n; c++) a[ri + c] -= f * w[c];
      }
    }
  }
}

/**
 * Forms the first `qc` columns of Q = H₀·H₁⋯H_{k−1} (m×qc, row-major) from
 * the output of {@link householderQR} (LAPACK `dorg2r`: backward
 * accumulation, GVL 5.1.6).
 */
export function formQ(a: Float64Array, m: number, n: number, tau: Float64Array, qc: number): Float64Array {
  const k = Math.min(m, n);
  const q = new Float64Array(m * qc);
  for (let i = 0; i < Math.min(m, qc); i++) q[i * qc + i] = 1;
  const w = new Float64Array(qc);
  for (let j = k - 1; j >= 0; j--) {
    const t = tau[j];
    if (t === 0) continue;
    // Q[j:, j:] = H_j · Q[j:, j:]
    for (let c = j; c < qc; c++) w[c] = q[j * qc + c];
    for (let i = j + 1; i < m; i++) {
      const vi = a[i * n + j];
      if (vi === 0) continue;
      for (let c = j; c < qc; c++) w[c] += vi * q[i * qc + c];
    }
    for (let c = j; c < qc; c++) q[j * qc + c] -= t * w[c];
    for (let i = j + 1; i < m; i++) {
      const f = t * a[i * n + j];
      if (f === 0) continue;
      for (let c = j; c < qc; c++) q[i * qc + c] -= f * w[c];
    }
  }
  return q;
}

/**
 * Symmetric eigenproblem A = V·diag(d)·Vᵀ for the full symmetric n×n matrix
 * `v` (overwritten with the eigenvectors, column j for d[j]): Householder
 * tridiagonalisation (EISPACK `tred2`, GVL 8.3.1) then the implicit QL
 * iteration with Wilkinson's shift (EISPACK `tql2`, GVL 8.3.3). Eigenvalues
 * ascending. Throws "Eigenvalues did not converge" after 30·n sweeps of one
 * eigenvalue (never seen for finite input).
 */
export function symmetricEig(v: Float64Array, n: number, d: Float64Array): void {
  if (n === 0) return;
  const e = new Float64Array(n);
  const V = (i: number, j: number): number => v[i * n + j];
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j];
  // tred2
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V(i - 1, j);
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[j * n + i] = f;
        g = e[j] + V(j, j) * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V(k, j) * d[k];
          e[k] += V(k, j) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) v[k * n + j] -= f * e[k] + g * d[k];
        d[j] = V(i - 1, j);
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = V(i, i);
    v[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V(k, i + 1) / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V(k, i + 1) * V(k, j);
        for (let k = 0; k <= i; k++) v[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V(n - 1, j);
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
  // tql2
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  // Deflation threshold ε·max(|dᵢ| + |eᵢ|) over the whole tridiagonal matrix (EISPACK uses the
  // running maximum, which lets a zero leading diagonal meet subnormal off-diagonals and overflow).
  let tst1 = 0;
  for (let i = 0; i < n; i++) tst1 = Math.max(tst1, Math.abs(d[i]) + Math.abs(e[i]));
  for (let l = 0; l < n; l++) {
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= EPS * tst1) break;
      m++;
    }
    if (m === n) m = n - 1; // NaN input: nothing is small; stop at the end
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 30 * n + 30) throw new LinAlgError("Eigenvalues did not converge");
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            const ki = k * n + i;
            h = v[ki + 1];
            v[ki + 1] = s * v[ki] + c * h;
            v[ki] = c * v[ki] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  // Sort ascending (selection sort keeps the vectors paired; NaN stays put).
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      for (let j = 0; j < n; j++) {
        const t = v[j * n + i];
        v[j * n + i] = v[j * n + k];
        v[j * n + k] = t;
      }
    }
  }
}

/**
 * Fills the columns `j` of the column-major m×c matrix `q` (column j at
 * `q[j*m ..]`) with `good[j]` false so that all c columns are orthonormal,
 * given that the good columns already are: each new column is the unit
 * vector least represented in the current span, orthogonalised twice
 * (classical Gram–Schmidt with reorthogonalisation, GVL 5.2.8).
 */
export function completeOrthonormal(q: Float64Array, m: number, c: number, good: boolean[]): void {
  const rowNorm = new Float64Array(m);
  const have: number[] = [];
  for (let j = 0; j < c; j++) {
    if (!good[j]) continue;
    have.push(j);
    for (let i = 0; i < m; i++) rowNorm[i] += q[j * m + i] * q[j * m + i];
  }
  const used = new Uint8Array(m);
  for (let j = 0; j < c; j++) {
    if (good[j]) continue;
    let best = -1;
    for (let i = 0; i < m; i++) if (!used[i] && (best < 0 || rowNorm[i] < rowNorm[best])) best = i;
    used[best] = 1;
    const col = j * m;
    for (let i = 0; i < m; i++) q[col + i] = i === best ? 1 : 0;
    for (let pass = 0; pass < 2; pass++) {
      for (const h of have) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q[h * m + i] * q[col + i];
        for (let i = 0; i < m; i++) q[col + i] -= dot * q[h * m + i];
      }
    }
    const nr = nrm2(q, col, m, 1);
    for (let i = 0; i < m; i++) {
      q[col + i] /= nr;
      rowNorm[i] += q[col + i] * q[col + i];
    }
    have.push(j);
  }
}

/** Result of {@link svdJacobi}: column-major U (m×k) and V (n×k), k = min(m, n), s descending. */
export interface SvdKernelResult {
  s: Float64Array;
  u: Float64Array | null;
  v: Float64Array | null;
}

/**
 * Singular value decomposition of the row-major m×n matrix `a` by the
 * one-sided Jacobi method (Hestenes 1958; GVL 8.6.4; Demmel & Veselić 1992):
 * orthogonalise the columns of A (or of Aᵀ when m < n) by plane rotations
 * until every pair satisfies |aᵢ·aⱼ| ≤ ε‖aᵢ‖‖aⱼ‖; then σⱼ = ‖aⱼ‖,
 * uⱼ = aⱼ/σⱼ and V accumulates the rotations. The input is scaled to
 * max |aᵢⱼ| = 1 first, so tiny and huge scales neither underflow nor
 * overflow. Converges for every finite input (including repeated and zero
 * singular values); singular vectors of zero (or negligible, < ε·σ₀·max(m,n))
 * singular values are completed to an orthonormal basis.
 * Throws "SVD did not converge" for non-finite input.
 */
export function svdJacobi(a: Float64Array, m0: number, n0: number, wantUV: boolean): SvdKernelResult {
  const trans = m0 < n0;
  const m = trans ? n0 : m0; // rows of the working matrix (m >= n)
  const n = trans ? m0 : n0;
  // Column-major working copy W (m×n) of A or Aᵀ: column j at w[j*m ..].
  const w = new Float64Array(m * n);
  let amax = 0;
  let aminNonzero = Infinity;
  for (let i = 0; i < m0; i++) {
    for (let j = 0; j < n0; j++) {
      const x = a[i * n0 + j];
      if (!Number.isFinite(x)) throw new LinAlgError("SVD did not converge");
      amax = Math.max(amax, Math.abs(x));
      if (x !== 0) aminNonzero = Math.min(aminNonzero, Math.abs(x));
      if (trans) w[i * m + j] = x; // Aᵀ column i is A row i
      else w[j * m + i] = x;
    }
  }
  const scale = amax === 0 ? 1 : amax;
  if (scale !== 1) for (let i = 0; i < w.length; i++) w[i] /= scale;
  // Entries spanning more than ~1e120 (after scaling the largest to 1): squares of the small ones
  // underflow, so the pair's norms and inner product are formed on normalised columns instead
  // (slower: two scaled norms per pair). Keeps small singular values of graded matrices accurate.
  const careful = aminNonzero / scale < 2 ** -400;
  const NOISE = 2 ** -960;
  const v = wantUV ? new Float64Array(n * n) : null;
  if (v) for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += w[j * m + i] * w[j * m + i];
    norms[j] = s;
  }
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const cp = p * m;
        const cq = q * m;
        let zeta: number;
        if (careful) {
          const an = nrm2(w, cp, m, 1);
          const bn = nrm2(w, cq, m, 1);
          // Below 2^-960 (relative to the largest entry) a column is rounding noise near the
          // subnormal range: it cannot be orthogonalised reliably and counts as zero.
          if (an < NOISE || bn < NOISE) continue;
          let cosine = 0;
          for (let i = 0; i < m; i++) cosine += (w[cp + i] / an) * (w[cq + i] / bn);
          if (Math.abs(cosine) <= EPS) continue;
          // (β − α) / 2γ with α = an², β = bn², γ = cosine·an·bn, without forming the squares.
          zeta = (bn / an - an / bn) / (2 * cosine);
        } else {
          let gamma = 0;
          for (let i = 0; i < m; i++) gamma += w[cp + i] * w[cq + i];
          const alpha = norms[p];
          const beta = norms[q];
          if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
          zeta = (beta - alpha) / (2 * gamma);
        }
        rotated = true;
        const t = Math.abs(zeta) > 1e150 ? 1 / (2 * zeta) : (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        let np_ = 0;
        let nq = 0;
        for (let i = 0; i < m; i++) {
          const x = w[cp + i];
          const y = w[cq + i];
          const xp = c * x - s * y;
          const yq = s * x + c * y;
          w[cp + i] = xp;
          w[cq + i] = yq;
          np_ += xp * xp;
          nq += yq * yq;
        }
        norms[p] = np_;
        norms[q] = nq;
        if (v) {
          const vp = p * n;
          const vq = q * n;
          for (let i = 0; i < n; i++) {
            const x = v[vp + i];
            const y = v[vq + i];
            v[vp + i] = c * x - s * y;
            v[vq + i] = s * x + c * y;
          }
        }
      }
    }
    if (!rotated) break;
  }
  // Singular values (exact column norms), sorted descending.
  const sv = new Float64Array(n);
  for (let j = 0; j < n; j++) sv[j] = nrm2(w, j * m, m, 1);
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => sv[y] - sv[x] || x - y);
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) s[j] = sv[order[j]] * scale;
  if (!v) return trans ? { s, u: null, v: null } : { s, u: null, v: null };
  const U = new Float64Array(m * n);
  const Vs = new Float64Array(n * n);
  const good: boolean[] = [];
  const tiny = sv[order[0]] * EPS * Math.max(m, n);
  for (let j = 0; j < n; j++) {
    const src = order[j];
    const sj = sv[src];
    // A graded matrix's small singular values are genuine: their columns were orthogonalised
    // relative to their own norms, so they are kept however small (careful mode).
    const ok = sj > 0 && (sj > tiny || (careful && sj >= NOISE));
    good.push(ok);
    if (ok) for (let i = 0; i < m; i++) U[j * m + i] = w[src * m + i] / sj;
    for (let i = 0; i < n; i++) Vs[j * n + i] = v[src * n + i];
  }
  if (good.some((g) => !g)) completeOrthonormal(U, m, n, good);
  // Working matrix was Aᵀ = U S Vᵀ  ⇒  A = V S Uᵀ.
  return trans ? { s, u: Vs, v: U } : { s, u: U, v: Vs };
}
