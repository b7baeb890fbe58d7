/**
 * NumPy's pairwise summation kernel — a line-for-line port of
 * `@TYPE@_pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src
 * (NumPy 2.4.6), for float64.
 *
 * This module holds the algorithm and nothing else: every float64 sum in
 * the library (sum, mean, var, std, linalg.norm with an axis, the squared
 * sum behind norm without an axis, dot of 1-D vectors) calls it. Do not
 * inline it elsewhere.
 *
 * Convention: the result is `pairwise_sum(a, n, stride)` exactly as NumPy's
 * C function returns it, **without** the `+0.0` identity that
 * `np.add.reduce` starts from. Callers add it to their accumulator, which
 * starts at `+0.0` — so `np.sum([-0.0])` is `0.0 + (-0.0) = +0.0`.
 *
 * Algorithm (n elements starting at `data[offset]`, `stride` apart):
 * - n < 8: left to right starting from −0.0;
 * - n ≤ 128 (PW_BLOCKSIZE): eight accumulators `r[j] = a[j]`, then
 *   `r[j] += a[i + j]` for i = 8, 16, … while i < n − n % 8; combined as
 *   ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)); the last n % 8
 *   elements added one at a time;
 * - otherwise split at n2 = n/2 − (n/2) % 8 and return
 *   pairwise(a, n2) + pairwise(a + n2, n − n2).
 *
 * $$\mathrm{pw}(a_{0..n}) = \mathrm{pw}(a_{0..n_2}) + \mathrm{pw}(a_{n_2..n}),\quad n_2 = \lfloor n/2 \rfloor - (\lfloor n/2 \rfloor \bmod 8)$$
 */

const PW_BLOCKSIZE = 128;

/**
 * NumPy's `pairwise_sum` of `n` float64 values `data[offset + i*stride]`.
 * Returns the sum without the `+0.0` start (see the module comment).
 *
 * Special cases: `n = 0` gives `-0.0`; NaN and ±Infinity propagate by IEEE
 * arithmetic exactly as in NumPy.
 *
 * `pairwiseSum(new Float64Array([1, 2, 3]), 0, 3, 1)` is 6;
 * `0.0 + pairwiseSum(new Float64Array([-0]), 0, 1, 1)` is +0, which is why:
 *
 * @example
 * np.sum([-0]); // 0.0
 * @numpy np.sum(np.array([-0.0]))
 */
export function pairwiseSum(data: Float64Array, offset: number, n: number, stride: number): number {
  if (n < 8) {
    let res = -0.0;
    for (let i = 0; i < n; i++) res += data[offset + i * stride];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = data[offset];
    let r1 = data[offset + stride];
    let r2 = data[offset + 2 * stride];
    let r3 = data[offset + 3 * stride];
    let r4 = data[offset + 4 * stride];
    let r5 = data[offset + 5 * stride];
    let r6 = data[offset + 6 * stride];
    let r7 = data[offset + 7 * stride];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = offset + i * stride;
      r0 += data[p];
      r1 += data[p + stride];
      r2 += data[p + 2 * stride];
      r3 += data[p + 3 * stride];
      r4 += data[p + 4 * stride];
      r5 += data[p + 5 * stride];
      r6 += data[p + 6 * stride];
      r7 += data[p + 7 * stride];
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += data[offset + i * stride];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(data, offset, n2, stride) + pairwiseSum(data, offset + n2 * stride, n - n2, stride);
}
