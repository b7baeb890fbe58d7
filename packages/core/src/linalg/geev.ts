/**
 * The real non-symmetric eigenproblem as LAPACK `dgeev` solves it, routine by
 * routine (Reference-LAPACK 3.12, the version OpenBLAS 0.3.31 bundles and so
 * NumPy 2.4.6 calls): `dgebal` (permute, then scale by powers of 2), `dgehd2`
 * (Householder reduction to Hessenberg form with `dlarfg`/`dlarf`), `dorghr`
 * (`dorg2r`), `dhseqr` → `dlahqr` (double-shift QR with LAPACK's deflation
 * tests and exceptional shifts, `dlanv2` for 2×2 blocks), `dtrevc3` (back
 * substitution on the Schur factor, back-transformed), `dgebak`, and the final
 * unit-2-norm scaling. Copying the control flow, not just the mathematics,
 * is what makes the eigenvalues come out in NumPy's order (the order they
 * deflate on the Schur diagonal) and the eigenvectors with NumPy's signs.
 *
 * Matrices here are column-major with leading dimension n and are addressed
 * with 1-based (Fortran) indices through `ix`, so each line can be checked
 * against the Fortran source. BLAS calls are written as the reference BLAS
 * loops; OpenBLAS's kernels sum in other orders, so results agree with NumPy
 * to rounding, not bit for bit.
 *
 * Deviations: `dhseqr` switches to the multishift `dlaqr0` (aggressive early
 * deflation, which reorders eigenvalues) for n > 75; this port keeps `dlahqr`
 * at every size, so for n > 75 the eigenvalue order may differ from NumPy's.
 * `dgehrd`/`dorgqr` use blocked code for n ≥ 128: the same reflectors,
 * another rounding order. Only real Schur forms reach `dtrevc3` (complex
 * pairs are rejected by the caller), so its 2×2-block paths are omitted.
 */
import { LinAlgError } from "../errors.ts";

const SAFMIN = 2.2250738585072014e-308; // dlamch('S')
const ULP = 2.220446049250313e-16; // dlamch('P') = ε·β
const EPS_E = 1.1102230246251565e-16; // dlamch('E'), the unit roundoff

/** Fortran SIGN(a, b): |a| with the sign of b, −0 counting as negative (gfortran). */
function sign(a: number, b: number): number {
  return b > 0 || Object.is(b, 0) ? Math.abs(a) : -Math.abs(a);
}

/** dlapy2: √(x² + y²) without needless overflow, NaN-propagating (LAPACK 3.10+). */
function dlapy2(x: number, y: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  const xa = Math.abs(x);
  const ya = Math.abs(y);
  const w = Math.max(xa, ya);
  const z = Math.min(xa, ya);
  if (z === 0 || w > Number.MAX_VALUE) return w;
  const q = z / w;
  return w * Math.sqrt(1 + q * q);
}

/**
 * 2-norm as OpenBLAS's x86-64 `dnrm2` kernel computes it: the sum of squares
 * in extended precision, rounded once. Emulated with a double-double sum
 * (Dekker's two-product) and one correction step of the square root.
 */
function dnrm2(x: Float64Array, off: number, n: number, inc: number): number {
  let amax = 0;
  for (let k = 0; k < n; k++) amax = Math.max(amax, Math.abs(x[off + k * inc]));
  if (amax === 0 || !Number.isFinite(amax)) return amax;
  // Out of the safe range the squares would under/overflow: scale by a power of 2 (exact).
  const e = amax > 1e150 || amax < 1e-150 ? 2 ** -Math.round(Math.log2(amax)) : 1;
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < n; k++) {
    const v = x[off + k * inc] * e;
    const p = v * v;
    const c = 134217729 * v; // Veltkamp split for the exact square
    const vh = c - (c - v);
    const vl = v - vh;
    const pe = vh * vh - p + 2 * vh * vl + vl * vl;
    const s = hi + p;
    const bb = s - hi;
    lo += hi - (s - bb) + (p - bb) + pe;
    hi = s;
  }
  const t = hi + lo;
  const tl = lo - (t - hi);
  let r = Math.sqrt(t);
  // One Newton step on the double-double t: r += (t − r²) / 2r.
  const c = 134217729 * r;
  const rh = c - (c - r);
  const rl = r - rh;
  const rr = r * r;
  const rre = rh * rh - rr + 2 * rh * rl + rl * rl;
  r += (t - rr - rre + tl) / (2 * r);
  return r / e;
}

/** Result of {@link dlarfg}: the new α (β) and τ of H = I − τ·[1; v]·[1; v]ᵀ. */
interface Reflector {
  beta: number;
  tau: number;
}

/** dlarfg on α and the n−1 values x[off + k·inc]; x is overwritten with v(2:n). */
function dlarfg(n: number, alpha: number, x: Float64Array, off: number, inc: number): Reflector {
  if (n <= 1) return { beta: alpha, tau: 0 };
  let xnorm = dnrm2(x, off, n - 1, inc);
  if (xnorm === 0) return { beta: alpha, tau: 0 };
  let beta = -sign(dlapy2(alpha, xnorm), alpha);
  const safmin = SAFMIN / EPS_E;
  let knt = 0;
  if (Math.abs(beta) < safmin) {
    // β may be inaccurate when it is tiny: rescale x and α until it is not (at most 20 times).
    const rsafmn = 1 / safmin;
    do {
      knt++;
      for (let k = 0; k < n - 1; k++) x[off + k * inc] *= rsafmn;
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(beta) < safmin && knt < 20);
    xnorm = dnrm2(x, off, n - 1, inc);
    beta = -sign(dlapy2(alpha, xnorm), alpha);
  }
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let k = 0; k < n - 1; k++) x[off + k * inc] *= scal;
  for (let j = 0; j < knt; j++) beta *= SAFMIN / EPS_E;
  return { beta, tau };
}

/**
 * dlarf with v(1) = 1 implied (`dlarf1f`): C ← H·C ("L") or C·H ("R") for the
 * m×nc block of `c` whose (1,1) is at 0-based `c0`, leading dimension `ld`;
 * v(2:) is read at `v[voff + k]`, k = 0, 1, …
 */
function dlarf1f(side: "L" | "R", m: number, nc: number, v: Float64Array, voff: number, tau: number, c: Float64Array, c0: number, ld: number, work: Float64Array): void {
  if (tau === 0) return;
  const vk = (k: number): number => (k === 0 ? 1 : v[voff + k - 1]);
  if (side === "L") {
    // w = Cᵀ v (dgemv 'T'), then C −= τ v wᵀ (dger, column by column).
    for (let j = 0; j < nc; j++) {
      let t = 0;
      for (let i = 0; i < m; i++) t += c[c0 + i + j * ld] * vk(i);
      work[j] = t;
    }
    for (let j = 0; j < nc; j++) {
      const t = -tau * work[j];
      for (let i = 0; i < m; i++) c[c0 + i + j * ld] += vk(i) * t;
    }
  } else {
    // w = C v (dgemv 'N'), then C −= τ w vᵀ.
    for (let i = 0; i < m; i++) work[i] = 0;
    for (let j = 0; j < nc; j++) {
      const t = vk(j);
      for (let i = 0; i < m; i++) work[i] += t * c[c0 + i + j * ld];
    }
    for (let j = 0; j < nc; j++) {
      const t = -tau * vk(j);
      for (let i = 0; i < m; i++) c[c0 + i + j * ld] += work[i] * t;
    }
  }
}

/** Output of {@link dgebal}: the balanced block is rows/columns ilo..ihi (1-based). */
interface Balance {
  ilo: number;
  ihi: number;
  /** scale[j] (1-based): permutation index outside ilo..ihi, scaling factor inside. */
  scale: Float64Array;
}

/** dgebal(JOB='B') on the column-major n×n `a` (LAPACK ≥ 3.12 loop structure). */
function dgebal(a: Float64Array, n: number): Balance {
  const ix = (i: number, j: number): number => i - 1 + (j - 1) * n;
  const scale = new Float64Array(n + 1);
  if (n === 0) return { ilo: 1, ihi: 0, scale };
  const swap = (i: number, j: number, k: number, l: number): void => {
    for (let r = 1; r <= l; r++) {
      const t = a[ix(r, i)];
      a[ix(r, i)] = a[ix(r, j)];
      a[ix(r, j)] = t;
    }
    for (let c = k; c <= n; c++) {
      const t = a[ix(i, c)];
      a[ix(i, c)] = a[ix(j, c)];
      a[ix(j, c)] = t;
    }
  };
  let k = 1;
  let l = n;
  // Rows isolating an eigenvalue go to the bottom. The scan continues downward after a swap
  // (LAPACK < 3.12 restarted it at row L), which decides the order of the isolated eigenvalues.
  let noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = l; i >= 1; i--) {
      let canswap = true;
      for (let j = 1; j <= l; j++) {
        if (i !== j && a[ix(i, j)] !== 0) {
          canswap = false;
          break;
        }
      }
      if (canswap) {
        scale[l] = i;
        if (i !== l) swap(i, l, k, l);
        noconv = true;
        if (l === 1) return { ilo: 1, ihi: 1, scale };
        l--;
      }
    }
  }
  // Columns isolating an eigenvalue go to the left.
  noconv = true;
  while (noconv) {
    noconv = false;
    for (let j = k; j <= l; j++) {
      let canswap = true;
      for (let i = k; i <= l; i++) {
        if (i !== j && a[ix(i, j)] !== 0) {
          canswap = false;
          break;
        }
      }
      if (canswap) {
        scale[k] = j;
        if (j !== k) swap(j, k, k, l);
        noconv = true;
        k++;
      }
    }
  }
  for (let i = k; i <= l; i++) scale[i] = 1;
  // Scale rows and columns k..l by powers of 2 until their norms are within a factor 0.95.
  const sclfac = 2;
  const sfmin1 = SAFMIN / ULP;
  const sfmax1 = 1 / sfmin1;
  const sfmin2 = sfmin1 * sclfac;
  const sfmax2 = 1 / sfmin2;
  noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = dnrm2(a, ix(k, i), l - k + 1, 1);
      let r = dnrm2(a, ix(i, k), l - k + 1, n);
      let ca = 0;
      for (let q = 1; q <= l; q++) ca = Math.max(ca, Math.abs(a[ix(q, i)]));
      let ra = 0;
      for (let q = k; q <= n; q++) ra = Math.max(ra, Math.abs(a[ix(i, q)]));
      if (c === 0 || r === 0) continue;
      let g = r / sclfac;
      let f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < sfmax2 && Math.min(r, g, ra) > sfmin2) {
        f *= sclfac;
        c *= sclfac;
        ca *= sclfac;
        r /= sclfac;
        g /= sclfac;
        ra /= sclfac;
      }
      g = c / sclfac;
      while (g >= r && Math.max(r, ra) < sfmax2 && Math.min(f, c, g, ca) > sfmin2) {
        f /= sclfac;
        c /= sclfac;
        g /= sclfac;
        ca /= sclfac;
        r *= sclfac;
        ra *= sclfac;
      }
      if (c + r >= 0.95 * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= sfmin1) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= sfmax1 / f) continue;
      g = 1 / f;
      scale[i] *= f;
      noconv = true;
      for (let q = k; q <= n; q++) a[ix(i, q)] *= g;
      for (let q = 1; q <= l; q++) a[ix(q, i)] *= f;
    }
  }
  return { ilo: k, ihi: l, scale };
}

/** dgehd2: Hessenberg reduction of rows/columns ilo..ihi; reflectors below the subdiagonal, τ in `tau` (1-based). */
function dgehd2(a: Float64Array, n: number, ilo: number, ihi: number, tau: Float64Array): void {
  const ix = (i: number, j: number): number => i - 1 + (j - 1) * n;
  const work = new Float64Array(n);
  for (let i = ilo; i <= ihi - 1; i++) {
    const r = dlarfg(ihi - i, a[ix(i + 1, i)], a, ix(Math.min(i + 2, n), i), 1);
    a[ix(i + 1, i)] = r.beta;
    tau[i] = r.tau;
    dlarf1f("R", ihi, ihi - i, a, ix(i + 2, i), r.tau, a, ix(1, i + 1), n, work);
    dlarf1f("L", ihi - i, n - i, a, ix(i + 2, i), r.tau, a, ix(i + 1, i + 1), n, work);
  }
}

/** dorghr (via dorg2r): the orthogonal Q of {@link dgehd2}, column-major n×n. */
function dorghr(a: Float64Array, n: number, ilo: number, ihi: number, tau: Float64Array): Float64Array {
  const q = new Float64Array(n * n);
  const ix = (i: number, j: number): number => i - 1 + (j - 1) * n;
  // Shift the reflectors one column right and set the rows/columns outside ilo+1..ihi to the identity.
  for (let j = ihi; j >= ilo + 1; j--) for (let i = j + 1; i <= ihi; i++) q[ix(i, j)] = a[ix(i, j - 1)];
  for (let j = 1; j <= ilo; j++) q[ix(j, j)] = 1;
  for (let j = ihi + 1; j <= n; j++) q[ix(j, j)] = 1;
  const nh = ihi - ilo;
  if (nh <= 0) return q;
  // dorg2r on the nh×nh block at (ilo+1, ilo+1) with τ(ilo..ihi−1).
  const o = ilo; // block row/column i is global ilo + i
  const B = (i: number, j: number): number => ix(o + i, o + j);
  const work = new Float64Array(n);
  for (let i = nh; i >= 1; i--) {
    const t = tau[o + i - 1];
    if (i < nh) dlarf1f("L", nh - i + 1, nh - i, q, B(i + 1, i), t, q, B(i, i + 1), n, work);
    for (let r = i + 1; r <= nh; r++) q[B(r, i)] *= -t;
    q[B(i, i)] = 1 - t;
    for (let r = 1; r <= i - 1; r++) q[B(r, i)] = 0;
  }
  return q;
}

/** Result of {@link dlanv2}: the standardised 2×2 block, its eigenvalues and the rotation. */
interface Lanv2 {
  a: number;
  b: number;
  c: number;
  d: number;
  rt1r: number;
  rt1i: number;
  rt2r: number;
  rt2i: number;
  cs: number;
  sn: number;
}

const SAFMN2 = 2 ** Math.trunc(Math.log(SAFMIN / ULP) / Math.log(2) / 2);
const SAFMX2 = 1 / SAFMN2;

/** dlanv2: Schur factorisation of a real 2×2 matrix in standardised form (LAPACK 3.10+). */
function dlanv2(a: number, b: number, c: number, d: number): Lanv2 {
  const multpl = 4;
  let cs: number;
  let sn: number;
  if (c === 0) {
    cs = 1;
    sn = 0;
  } else if (b === 0) {
    cs = 0;
    sn = 1;
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d === 0 && sign(1, b) !== sign(1, c)) {
    cs = 1;
    sn = 0;
  } else {
    let temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    let scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= multpl * ULP) {
      // Real eigenvalues: compute a and d accurately.
      z = p + sign(Math.sqrt(scale) * Math.sqrt(z), p);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = dlapy2(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      // Complex or nearly equal real eigenvalues: make the diagonal equal.
      let count = 0;
      let sigma = b + c;
      for (;;) {
        count++;
        scale = Math.max(Math.abs(temp), Math.abs(sigma));
        if (scale >= SAFMX2) {
          sigma *= SAFMN2;
          temp *= SAFMN2;
          if (count <= 20) continue;
        }
        if (scale <= SAFMN2) {
          sigma *= SAFMX2;
          temp *= SAFMX2;
          if (count <= 20) continue;
        }
        break;
      }
      p = 0.5 * temp;
      let tau = dlapy2(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -(aa * sn) + cc * cs;
      d = -bb * sn + dd * cs;
      temp = 0.5 * (a + d);
      a = temp;
      d = temp;
      if (c !== 0) {
        if (b !== 0) {
          if (sign(1, b) === sign(1, c)) {
            // Real eigenvalues: reduce to upper triangular form.
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = sign(sab * sac, c);
            tau = 1 / Math.sqrt(Math.abs(b + c));
            a = temp + p;
            d = temp - p;
            b = b - c;
            c = 0;
            const cs1 = sab * tau;
            const sn1 = sac * tau;
            temp = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = temp;
          }
        } else {
          b = -c;
          c = 0;
          temp = cs;
          cs = -sn;
          sn = temp;
        }
      }
    }
  }
  const rt1r = a;
  const rt2r = d;
  let rt1i = 0;
  let rt2i = 0;
  if (c !== 0) {
    rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    rt2i = -rt1i;
  }
  return { a, b, c, d, rt1r, rt1i, rt2r, rt2i, cs, sn };
}

/** drot on n pairs (x[xo + k·xs], y[yo + k·ys]). */
function drot(n: number, v: Float64Array, xo: number, xs: number, yo: number, ys: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const x = v[xo + k * xs];
    const y = v[yo + k * ys];
    v[xo + k * xs] = c * x + s * y;
    v[yo + k * ys] = c * y - s * x;
  }
}

/**
 * dlahqr: eigenvalues of the Hessenberg block ilo..ihi of `h` (and, with
 * `wantt`, the full Schur form; with `z`, the Schur vectors accumulated into
 * rows ilo..ihi of z). Eigenvalue k (1-based) is wr[k] + i·wi[k]. Returns
 * LAPACK's INFO: 0, or the row i where QR failed to converge.
 */
function dlahqr(wantt: boolean, n: number, ilo: number, ihi: number, h: Float64Array, wr: Float64Array, wi: Float64Array, z: Float64Array | null): number {
  const H = (i: number, j: number): number => i - 1 + (j - 1) * n;
  if (n === 0) return 0;
  if (ilo === ihi) {
    wr[ilo] = h[H(ilo, ilo)];
    wi[ilo] = 0;
    return 0;
  }
  for (let j = ilo; j <= ihi - 3; j++) {
    h[H(j + 2, j)] = 0;
    h[H(j + 3, j)] = 0;
  }
  if (ilo <= ihi - 2) h[H(ihi, ihi - 2)] = 0;
  const nh = ihi - ilo + 1;
  const iloz = ilo;
  const nz = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  let i1 = 1;
  let i2 = n;
  const itmax = 30 * Math.max(10, nh);
  const kexsh = 10;
  const dat1 = 3 / 4;
  const dat2 = -0.4375;
  let kdefl = 0;
  const v = new Float64Array(3);
  let i = ihi;
  const abs = Math.abs;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      // Look for a single small subdiagonal element (Ahues & Tisseur's conservative test).
      let k: number;
      for (k = i; k >= l + 1; k--) {
        if (abs(h[H(k, k - 1)]) <= smlnum) break;
        let tst = abs(h[H(k - 1, k - 1)]) + abs(h[H(k, k)]);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += abs(h[H(k - 1, k - 2)]);
          if (k + 1 <= ihi) tst += abs(h[H(k + 1, k)]);
        }
        if (abs(h[H(k, k - 1)]) <= ULP * tst) {
          const ab = Math.max(abs(h[H(k, k - 1)]), abs(h[H(k - 1, k)]));
          const ba = Math.min(abs(h[H(k, k - 1)]), abs(h[H(k - 1, k)]));
          const aa = Math.max(abs(h[H(k, k)]), abs(h[H(k - 1, k - 1)] - h[H(k, k)]));
          const bb = Math.min(abs(h[H(k, k)]), abs(h[H(k - 1, k - 1)] - h[H(k, k)]));
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) h[H(l, l - 1)] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantt) {
        i1 = l;
        i2 = i;
      }
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % (2 * kexsh) === 0) {
        // Exceptional shift from the bottom of the active block.
        const s = abs(h[H(i, i - 1)]) + abs(h[H(i - 1, i - 2)]);
        h11 = dat1 * s + h[H(i, i)];
        h12 = dat2 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % kexsh === 0) {
        // Exceptional shift from the top.
        const s = abs(h[H(l + 1, l)]) + abs(h[H(l + 2, l + 1)]);
        h11 = dat1 * s + h[H(l, l)];
        h12 = dat2 * s;
        h21 = s;
        h22 = h11;
      } else {
        // Wilkinson's double shift: the eigenvalues of the trailing 2×2 block.
        h11 = h[H(i - 1, i - 1)];
        h21 = h[H(i, i - 1)];
        h12 = h[H(i - 1, i)];
        h22 = h[H(i, i)];
      }
      let s = abs(h11) + abs(h12) + abs(h21) + abs(h22);
      let rt1r: number, rt1i: number, rt2r: number, rt2i: number;
      if (s === 0) {
        rt1r = rt1i = rt2r = rt2i = 0;
      } else {
        h11 /= s;
        h21 /= s;
        h12 /= s;
        h22 /= s;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(abs(det));
        if (det >= 0) {
          rt1r = tr * s;
          rt2r = rt1r;
          rt1i = rtdisc * s;
          rt2i = -rt1i;
        } else {
          // Real shifts: use only the one closer to h22, twice.
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (abs(rt1r - h22) <= abs(rt2r - h22)) {
            rt1r *= s;
            rt2r = rt1r;
          } else {
            rt2r *= s;
            rt1r = rt2r;
          }
          rt1i = rt2i = 0;
        }
      }
      // Look for two consecutive small subdiagonals.
      let m: number;
      for (m = i - 2; m >= l; m--) {
        let h21s = h[H(m + 1, m)];
        s = abs(h[H(m, m)] - rt2r) + abs(rt2i) + abs(h21s);
        h21s = h[H(m + 1, m)] / s;
        v[0] = h21s * h[H(m, m + 1)] + (h[H(m, m)] - rt1r) * ((h[H(m, m)] - rt2r) / s) - rt1i * (rt2i / s);
        v[1] = h21s * (h[H(m, m)] + h[H(m + 1, m + 1)] - rt1r - rt2r);
        v[2] = h21s * h[H(m + 2, m + 1)];
        s = abs(v[0]) + abs(v[1]) + abs(v[2]);
        v[0] /= s;
        v[1] /= s;
        v[2] /= s;
        if (m === l) break;
        const h00 = abs(h[H(m, m - 1)]) * (abs(v[1]) + abs(v[2]));
        const h01 = ULP * abs(v[0]) * (abs(h[H(m - 1, m - 1)]) + abs(h[H(m, m)]) + abs(h[H(m + 1, m + 1)]));
        if (h00 <= h01) break;
      }
      // Double-shift QR sweep from row m.
      for (let kk = m; kk <= i - 1; kk++) {
        const nr = Math.min(3, i - kk + 1);
        if (kk > m) for (let q = 0; q < nr; q++) v[q] = h[H(kk + q, kk - 1)];
        const r = dlarfg(nr, v[0], v, 1, 1);
        v[0] = r.beta;
        const t1 = r.tau;
        if (kk > m) {
          h[H(kk, kk - 1)] = v[0];
          h[H(kk + 1, kk - 1)] = 0;
          if (kk < i - 1) h[H(kk + 2, kk - 1)] = 0;
        } else if (m > l) {
          // Not H(k,k−1) = −H(k,k−1): that fails when v(2) and v(3) underflow.
          h[H(kk, kk - 1)] = h[H(kk, kk - 1)] * (1 - t1);
        }
        const v2 = v[1];
        const t2 = t1 * v2;
        if (nr === 3) {
          const v3 = v[2];
          const t3 = t1 * v3;
          for (let j = kk; j <= i2; j++) {
            const sum = h[H(kk, j)] + v2 * h[H(kk + 1, j)] + v3 * h[H(kk + 2, j)];
            h[H(kk, j)] -= sum * t1;
            h[H(kk + 1, j)] -= sum * t2;
            h[H(kk + 2, j)] -= sum * t3;
          }
          for (let j = i1; j <= Math.min(kk + 3, i); j++) {
            const sum = h[H(j, kk)] + v2 * h[H(j, kk + 1)] + v3 * h[H(j, kk + 2)];
            h[H(j, kk)] -= sum * t1;
            h[H(j, kk + 1)] -= sum * t2;
            h[H(j, kk + 2)] -= sum * t3;
          }
          if (z) {
            for (let j = iloz; j < iloz + nz; j++) {
              const sum = z[H(j, kk)] + v2 * z[H(j, kk + 1)] + v3 * z[H(j, kk + 2)];
              z[H(j, kk)] -= sum * t1;
              z[H(j, kk + 1)] -= sum * t2;
              z[H(j, kk + 2)] -= sum * t3;
            }
          }
        } else if (nr === 2) {
          for (let j = kk; j <= i2; j++) {
            const sum = h[H(kk, j)] + v2 * h[H(kk + 1, j)];
            h[H(kk, j)] -= sum * t1;
            h[H(kk + 1, j)] -= sum * t2;
          }
          for (let j = i1; j <= i; j++) {
            const sum = h[H(j, kk)] + v2 * h[H(j, kk + 1)];
            h[H(j, kk)] -= sum * t1;
            h[H(j, kk + 1)] -= sum * t2;
          }
          if (z) {
            for (let j = iloz; j < iloz + nz; j++) {
              const sum = z[H(j, kk)] + v2 * z[H(j, kk + 1)];
              z[H(j, kk)] -= sum * t1;
              z[H(j, kk + 1)] -= sum * t2;
            }
          }
        }
      }
    }
    if (!converged) return i;
    if (l === i) {
      // One eigenvalue has converged.
      wr[i] = h[H(i, i)];
      wi[i] = 0;
    } else if (l === i - 1) {
      // A pair: standardise the 2×2 block and apply the rotation to the rest of H and to Z.
      const r = dlanv2(h[H(i - 1, i - 1)], h[H(i - 1, i)], h[H(i, i - 1)], h[H(i, i)]);
      h[H(i - 1, i - 1)] = r.a;
      h[H(i - 1, i)] = r.b;
      h[H(i, i - 1)] = r.c;
      h[H(i, i)] = r.d;
      wr[i - 1] = r.rt1r;
      wi[i - 1] = r.rt1i;
      wr[i] = r.rt2r;
      wi[i] = r.rt2i;
      if (wantt) {
        if (i2 > i) drot(i2 - i, h, H(i - 1, i + 1), n, H(i, i + 1), n, r.cs, r.sn);
        drot(i - i1 - 1, h, H(i1, i - 1), 1, H(i1, i), 1, r.cs, r.sn);
      }
      if (z) drot(nz, z, H(iloz, i - 1), 1, H(iloz, i), 1, r.cs, r.sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

/** dlascl('G') on `x[off .. off+len)`: multiply by cto/cfrom in steps that neither overflow nor underflow. */
function dlascl(cfrom: number, cto: number, x: Float64Array, off: number, len: number): void {
  const smlnum = SAFMIN;
  const bignum = 1 / smlnum;
  let cfromc = cfrom;
  let ctoc = cto;
  let done = false;
  while (!done) {
    const cfrom1 = cfromc * smlnum;
    let mul: number;
    if (cfrom1 === cfromc) {
      // cfromc is ±inf: multiply by a correctly signed zero, infinity or NaN.
      mul = ctoc / cfromc;
      done = true;
    } else {
      const cto1 = ctoc / bignum;
      if (cto1 === ctoc) {
        mul = ctoc;
        done = true;
        cfromc = 1;
      } else if (Math.abs(cfrom1) > Math.abs(ctoc) && ctoc !== 0) {
        mul = smlnum;
        cfromc = cfrom1;
      } else if (Math.abs(cto1) > Math.abs(cfromc)) {
        mul = bignum;
        ctoc = cto1;
      } else {
        mul = ctoc / cfromc;
        done = true;
        if (mul === 1) return;
      }
    }
    for (let k = off; k < off + len; k++) x[k] *= mul;
  }
}

/** Result of {@link dgeev}: eigenvalues wr + i·wi (0-based), right eigenvectors column-major or null. */
export interface GeevResult {
  wr: Float64Array;
  wi: Float64Array;
  /** Column-major n×n, column j for eigenvalue j, unit 2-norm; null unless wanted and the spectrum is real. */
  vr: Float64Array | null;
}

/**
 * LAPACK `dgeev(JOBVL='N', JOBVR=wantV ? 'V' : 'N')` on the column-major n×n
 * matrix `a` (overwritten), as NumPy's `eig` / `eigvals` call it. Throws
 * "Eigenvalues did not converge" where LAPACK returns INFO > 0. Eigenvectors
 * are computed only for real spectra (`vr` is null otherwise).
 */
export function dgeev(a: Float64Array, n: number, wantV: boolean): GeevResult {
  const wr1 = new Float64Array(n + 1);
  const wi1 = new Float64Array(n + 1);
  if (n === 0) return { wr: new Float64Array(0), wi: new Float64Array(0), vr: wantV ? new Float64Array(0) : null };
  // Scale A if its largest entry is outside [√safmin/ε, its reciprocal].
  const smlnum = Math.sqrt(SAFMIN) / ULP;
  const bignum = 1 / smlnum;
  let anrm = 0;
  for (let k = 0; k < n * n; k++) {
    const t = Math.abs(a[k]);
    if (t > anrm || t !== t) anrm = t;
  }
  let cscale = 0;
  if (anrm > 0 && anrm < smlnum) cscale = smlnum;
  else if (anrm > bignum) cscale = bignum;
  if (cscale) dlascl(anrm, cscale, a, 0, n * n);
  const { ilo, ihi, scale } = dgebal(a, n);
  const tau = new Float64Array(n + 1);
  dgehd2(a, n, ilo, ihi, tau);
  const z = wantV ? dorghr(a, n, ilo, ihi, tau) : null;
  // dhseqr: eigenvalues isolated by the balancing come straight from the diagonal.
  for (let i = 1; i < ilo; i++) wr1[i] = a[i - 1 + (i - 1) * n];
  for (let i = ihi + 1; i <= n; i++) wr1[i] = a[i - 1 + (i - 1) * n];
  const info = dlahqr(wantV, n, ilo, ihi, a, wr1, wi1, z);
  if (info > 0) throw new LinAlgError("Eigenvalues did not converge");
  // dhseqr clears what the bulge chase left below the subdiagonal.
  if (wantV) for (let j = 1; j <= n - 2; j++) for (let i = j + 2; i <= n; i++) a[i - 1 + (j - 1) * n] = 0;
  const wr = wr1.slice(1);
  const wi = wi1.slice(1);
  if (cscale) {
    dlascl(cscale, anrm, wr, 0, n);
    dlascl(cscale, anrm, wi, 0, n);
  }
  if (!z || wi.some((x) => x !== 0)) return { wr, wi, vr: null };
  dtrevcReal(a, n, z);
  dgebak(z, n, ilo, ihi, scale);
  for (let j = 0; j < n; j++) {
    const scl = 1 / dnrm2(z, j * n, n, 1);
    for (let i = 0; i < n; i++) z[j * n + i] *= scl;
  }
  return { wr, wi, vr: z };
}

/**
 * dtrevc3(SIDE='R', HOWMNY='B') for an upper triangular T (a real Schur
 * form without 2×2 blocks): solves (T − tₖₖ I)x = 0 with xₖ = 1 by back
 * substitution (`dlaln2` for each 1×1 diagonal, with its overflow guards),
 * replaces column k of `vr` by VR·x and scales it to max |·| = 1.
 */
function dtrevcReal(t: Float64Array, n: number, vr: Float64Array): void {
  const T = (i: number, j: number): number => i - 1 + (j - 1) * n;
  const unfl = SAFMIN;
  const smlnum = unfl * (n / ULP);
  const bignum = (1 - ULP) / smlnum;
  // 1-norms of the strictly upper triangular columns, for the overflow test.
  const cnorm = new Float64Array(n + 1);
  for (let j = 2; j <= n; j++) for (let i = 1; i <= j - 1; i++) cnorm[j] += Math.abs(t[T(i, j)]);
  const x = new Float64Array(n + 1);
  const lnSml = 2 * SAFMIN;
  const lnBig = 1 / lnSml;
  const col = new Float64Array(n);
  for (let ki = n; ki >= 1; ki--) {
    const wr = t[T(ki, ki)];
    const smin = Math.max(ULP * Math.abs(wr), smlnum);
    x[ki] = 1;
    for (let k = 1; k <= ki - 1; k++) x[k] = -t[T(k, ki)];
    for (let j = ki - 1; j >= 1; j--) {
      // dlaln2 with NA = NW = 1: x_j = (scale·b) / (t_jj − wr), the divisor kept ≥ smin.
      const smini = Math.max(smin, lnSml);
      let csr = t[T(j, j)] - wr;
      let cnrm = Math.abs(csr);
      if (cnrm < smini) {
        csr = smini;
        cnrm = smini;
      }
      const bnorm = Math.abs(x[j]);
      let sc = 1;
      if (cnrm < 1 && bnorm > 1 && bnorm > lnBig * cnrm) sc = 1 / bnorm;
      let xj = (x[j] * sc) / csr;
      const xnorm = Math.abs(xj);
      if (xnorm > 1 && cnorm[j] > bignum / xnorm) {
        xj /= xnorm;
        sc /= xnorm;
      }
      if (sc !== 1) for (let k = 1; k <= ki; k++) x[k] *= sc;
      x[j] = xj;
      for (let k = 1; k <= j - 1; k++) x[k] += -xj * t[T(k, j)];
    }
    // VR(:, ki) = VR(:, 1:ki−1)·x(1:ki−1) + x(ki)·VR(:, ki) (dgemv), then scale to max |·| = 1.
    const base = (ki - 1) * n;
    for (let r = 0; r < n; r++) col[r] = x[ki] * vr[base + r];
    for (let j = 1; j <= ki - 1; j++) {
      const tj = x[j];
      for (let r = 0; r < n; r++) col[r] += tj * vr[(j - 1) * n + r];
    }
    let ii = 0;
    for (let r = 1; r < n; r++) if (Math.abs(col[r]) > Math.abs(col[ii])) ii = r;
    const remax = 1 / Math.abs(col[ii]);
    for (let r = 0; r < n; r++) vr[base + r] = col[r] * remax;
  }
}

/** dgebak('B', 'R'): undo the balancing on the rows of the column-major eigenvector matrix. */
function dgebak(v: Float64Array, n: number, ilo: number, ihi: number, scale: Float64Array): void {
  if (n === 0) return;
  const V = (i: number, j: number): number => i - 1 + (j - 1) * n;
  if (ilo !== ihi) for (let i = ilo; i <= ihi; i++) for (let j = 1; j <= n; j++) v[V(i, j)] *= scale[i];
  for (let ii = 1; ii <= n; ii++) {
    let i = ii;
    if (i >= ilo && i <= ihi) continue;
    if (i < ilo) i = ilo - ii;
    const k = Math.trunc(scale[i]);
    if (k === i) continue;
    for (let j = 1; j <= n; j++) {
      const tmp = v[V(i, j)];
      v[V(i, j)] = v[V(k, j)];
      v[V(k, j)] = tmp;
    }
  }
}
