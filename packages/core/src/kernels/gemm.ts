/**
 * Dense float64 matrix-product kernel on typed storage: C += A·B with A (n×k),
 * B (k×m), C (n×m), all row-major and contiguous from the given offsets.
 *
 * A cache-blocked i-k-j loop (Golub & Van Loan, *Matrix Computations*, 4th
 * ed., §1.5 "blocking"): panels of `KB` rows of B (and the matching columns of
 * A) and `JB` columns of C are reused while hot, and the innermost loop is a
 * unit-stride axpy `C[i, j:j+JB] += A[i, p] · B[p, j:j+JB]` that V8 compiles to
 * a tight loop. No allocation. The summation order over `k` is plain
 * left-to-right per element (blocks are visited in increasing `p`), so the
 * result does not depend on the block sizes.
 */

const KB = 128;
const JB = 512;

/** C[cOff..] += A[aOff..] · B[bOff..] for row-major n×k and k×m operands. */
export function gemmF64(
  a: Float64Array, aOff: number,
  b: Float64Array, bOff: number,
  c: Float64Array, cOff: number,
  n: number, k: number, m: number,
): void {
  if (n === 0 || m === 0 || k === 0) return;
  if (k <= KB && m <= JB) {
    for (let i = 0; i < n; i++) {
      const crow = cOff + i * m;
      const arow = aOff + i * k;
      for (let p = 0; p < k; p++) {
        const aip = a[arow + p];
        const brow = bOff + p * m;
        for (let j = 0; j < m; j++) c[crow + j] += aip * b[brow + j];
      }
    }
    return;
  }
  for (let j0 = 0; j0 < m; j0 += JB) {
    const j1 = Math.min(m, j0 + JB);
    for (let p0 = 0; p0 < k; p0 += KB) {
      const p1 = Math.min(k, p0 + KB);
      for (let i = 0; i < n; i++) {
        const crow = cOff + i * m;
        const arow = aOff + i * k;
        for (let p = p0; p < p1; p++) {
          const aip = a[arow + p];
          const brow = bOff + p * m;
          for (let j = j0; j < j1; j++) c[crow + j] += aip * b[brow + j];
        }
      }
    }
  }
}

/** Returns A·B (row-major n×m) for row-major A (n×k) and B (k×m) starting at offset 0. */
export function matmulF64(a: Float64Array, b: Float64Array, n: number, k: number, m: number): Float64Array {
  const c = new Float64Array(n * m);
  gemmF64(a, 0, b, 0, c, 0, n, k, m);
  return c;
}
