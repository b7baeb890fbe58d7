/**
 * NaN-ignoring reductions, ports of NumPy 2.4.6's
 * `numpy/lib/_nanfunctions_impl.py` with its operation order:
 * `_replace_nan` copies the array (NumPy's `np.array(a, copy=True)`, which
 * keeps the memory order) with NaN replaced by 0 (sum, mean, var, cumsum),
 * 1 (prod) or ∓inf (argmax/argmin); the ordinary reductions then run on the
 * copy, so the bits are NumPy's. int64/bool input has no NaN: the plain
 * function is used, as in NumPy.
 */
import { asarray } from "./creation.ts";
import { axisFlags, bestAxisOrder, forEachLine, innerLength, innerStride, makeLoop } from "./iter.ts";
import { NDArray, type ArrayLike } from "./ndarray.ts";
import { accumulate, argmax, argmin, mean, prod, reduceCore, std, sum, unwrap, var as var_, type AllAxes, type ArgOptions, type CumOptions, type ReduceOptions, type SumOptions, type VarOptions } from "./reductions.ts";
import { copyK, medianDriver, quantileDriver, type MedianOptions, type QuantileMethod, type QuantileOptions } from "./stats.ts";

/** NumPy's `_replace_nan`: a K-order float64 copy with NaN → `val`, and the NaN mask (same buffer positions). */
function replaceNan(a: NDArray, val: number): { arr: NDArray; mask: Uint8Array } {
  const arr = copyK(a);
  const d = arr.data as Float64Array;
  const mask = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== d[i]) {
      mask[i] = 1;
      d[i] = val;
    }
  }
  return { arr, mask };
}

/** Number of non-NaN elements per output (NumPy's `np.sum(~mask, axis, dtype=intp)`). */
function countValid(arr: NDArray, mask: Uint8Array, flags: boolean[], keepdims: boolean): NDArray {
  const valid = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) valid[i] = mask[i] ^ 1;
  return reduceCore(new NDArray(valid, arr.shape, arr.strides, arr.offset, "bool"), flags, "sum", "int64", keepdims);
}

/**
 * Sum ignoring NaN (NumPy `np.nansum`): NaN replaced by 0, then `sum`
 * (pairwise, bit-exact).
 *
 * $$\texttt{nansum}(a) = \sum_{i : a_i \ne \text{NaN}} a_i$$
 *
 * Special cases: all-NaN or empty → 0.
 *
 * @example
 * np.nansum([1, NaN, 2.5]); // 3.5
 * @numpy np.nansum(np.array([1.0, np.nan, 2.5]))
 */
export function nansum(a: ArrayLike, options?: SumOptions & AllAxes): number;
export function nansum(a: ArrayLike, options?: SumOptions): NDArray | number;
export function nansum(a: ArrayLike, options: SumOptions = {}): NDArray | number {
  const arr = asarray(a);
  if (arr.dtype !== "float64") return sum(arr, options);
  return sum(replaceNan(arr, 0).arr, options);
}

/**
 * Product ignoring NaN (NumPy `np.nanprod`): NaN replaced by 1, then `prod`.
 *
 * $$\texttt{nanprod}(a) = \prod_{i : a_i \ne \text{NaN}} a_i$$
 *
 * Special cases: all-NaN or empty → 1.
 *
 * @example
 * np.nanprod([2, NaN, 3]); // 6.0
 * @numpy np.nanprod(np.array([2.0, np.nan, 3.0]))
 */
export function nanprod(a: ArrayLike, options?: SumOptions & AllAxes): number;
export function nanprod(a: ArrayLike, options?: SumOptions): NDArray | number;
export function nanprod(a: ArrayLike, options: SumOptions = {}): NDArray | number {
  const arr = asarray(a);
  if (arr.dtype !== "float64") return prod(arr, options);
  return prod(replaceNan(arr, 1).arr, options);
}

/**
 * Mean ignoring NaN (NumPy `np.nanmean`): `nansum / count` of the non-NaN
 * elements, bit-exact.
 *
 * $$\texttt{nanmean}(a) = \frac{1}{|V|}\sum_{i \in V} a_i,\quad V = \{ i : a_i \ne \text{NaN} \}$$
 *
 * Special cases: all-NaN slice → NaN (NumPy warns "Mean of empty slice").
 *
 * @example
 * np.nanmean([[1, NaN], [3, 4]], { axis: 0 }); // [2. 4.]
 * @numpy np.nanmean(np.array([[1.0, np.nan], [3.0, 4.0]]), axis=0)
 */
export function nanmean(a: ArrayLike, options?: AllAxes): number;
export function nanmean(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function nanmean(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  const src = asarray(a);
  if (src.dtype !== "float64") return mean(src, options);
  const keepdims = !!options.keepdims;
  const flags = axisFlags(options.axis, src.ndim);
  const { arr, mask } = replaceNan(src, 0);
  const cnt = countValid(arr, mask, flags, keepdims).data as Float64Array;
  const tot = reduceCore(arr, flags, "sum", "float64", keepdims);
  const t = tot.data as Float64Array;
  for (let i = 0; i < t.length; i++) t[i] = t[i] / cnt[i];
  return unwrap(tot, flags, keepdims);
}

function nanvarCore(src: NDArray, options: VarOptions): { r: NDArray; flags: boolean[]; keepdims: boolean } {
  const keepdims = !!options.keepdims;
  const ddof = options.ddof ?? 0;
  const flags = axisFlags(options.axis, src.ndim);
  const { arr, mask } = replaceNan(src, 0);
  const cnt = countValid(arr, mask, flags, true);
  const avg = reduceCore(arr, flags, "sum", "float64", true);
  const av = avg.data as Float64Array;
  const cn = cnt.data as Float64Array;
  for (let i = 0; i < av.length; i++) av[i] = av[i] / cn[i];
  // arr = where(mask, 0, arr - avg) ** 2, in place (NumPy: subtract, copyto, multiply)
  const shape = arr.shape;
  const aSt = shape.map((n, i) => (n === 1 ? 0 : arr.strides[i]));
  const mSt = shape.map((n, i) => (n === 1 || flags[i] ? 0 : avg.strides[i]));
  const perm = bestAxisOrder(shape, [aSt]);
  const loop = makeLoop(shape, [aSt, mSt], perm);
  const n = innerLength(loop);
  const s0 = innerStride(loop, 0);
  const s1 = innerStride(loop, 1);
  const d = arr.data as Float64Array;
  if (arr.size > 0) {
    forEachLine(loop, [0, 0], (o) => {
      for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += s0, q += s1) {
        const x = mask[p] ? 0 : d[p] - av[q];
        d[p] = x * x;
      }
    });
  }
  const r = reduceCore(arr, flags, "sum", "float64", keepdims);
  const rd = r.data as Float64Array;
  for (let i = 0; i < rd.length; i++) {
    const dof = cn[i] - ddof;
    rd[i] = dof <= 0 ? NaN : rd[i] / dof;
  }
  return { r, flags, keepdims };
}

/**
 * Variance ignoring NaN (NumPy `np.nanvar`), NumPy's two passes on the
 * NaN-zeroed copy: `avg = nansum/cnt`, `d = where(nan, 0, a − avg)`,
 * `sum(d²) / (cnt − ddof)`, bit-exact.
 *
 * $$\texttt{nanvar}(a) = \frac{1}{|V| - \text{ddof}}\sum_{i \in V} (a_i - \bar a_V)^2$$
 *
 * Special cases: `cnt − ddof ≤ 0` (incl. all-NaN) → NaN.
 *
 * @example
 * np.nanvar([1, NaN, 2, 4]); // 1.5555555555555554
 * @numpy np.nanvar(np.array([1.0, np.nan, 2.0, 4.0]))
 */
export function nanvar(a: ArrayLike, options?: Omit<VarOptions, "axis" | "keepdims"> & AllAxes): number;
export function nanvar(a: ArrayLike, options?: VarOptions): NDArray | number;
export function nanvar(a: ArrayLike, options: VarOptions = {}): NDArray | number {
  const src = asarray(a);
  if (src.dtype !== "float64") return var_(src, options);
  const { r, flags, keepdims } = nanvarCore(src, options);
  return unwrap(r, flags, keepdims);
}

/**
 * Standard deviation ignoring NaN (NumPy `np.nanstd`): `sqrt(nanvar)`.
 *
 * $$\texttt{nanstd}(a) = \sqrt{\texttt{nanvar}(a)}$$
 *
 * @example
 * np.nanstd([1, NaN, 3]); // 1.0
 * @numpy np.nanstd(np.array([1.0, np.nan, 3.0]))
 */
export function nanstd(a: ArrayLike, options?: Omit<VarOptions, "axis" | "keepdims"> & AllAxes): number;
export function nanstd(a: ArrayLike, options?: VarOptions): NDArray | number;
export function nanstd(a: ArrayLike, options: VarOptions = {}): NDArray | number {
  const src = asarray(a);
  if (src.dtype !== "float64") return std(src, options);
  const { r, flags, keepdims } = nanvarCore(src, options);
  const d = r.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]);
  return unwrap(r, flags, keepdims);
}

function nanExtreme(a: ArrayLike, options: ReduceOptions, isMax: boolean): NDArray | number {
  const src = asarray(a);
  const flags = axisFlags(options.axis, src.ndim);
  const keepdims = !!options.keepdims;
  let count = 1;
  let outSize = 1;
  for (let i = 0; i < src.ndim; i++) (flags[i] ? (count *= src.shape[i]) : (outSize *= src.shape[i]));
  if (count === 0 && outSize !== 0) throw new RangeError(`zero-size array to reduction operation ${isMax ? "fmax" : "fmin"} which has no identity`);
  if (src.dtype !== "float64") return unwrap(reduceCore(src, flags, isMax ? "max" : "min", src.dtype, keepdims), flags, keepdims);
  // NumPy's nanmax/nanmin of an ndarray is fmax/fmin.reduce of the array itself.
  return unwrap(reduceCore(src, flags, isMax ? "fmax" : "fmin", "float64", keepdims), flags, keepdims);
}

/**
 * Maximum ignoring NaN (NumPy `np.nanmax`, `fmax.reduce`).
 *
 * $$\texttt{nanmax}(a) = \max_{i : a_i \ne \text{NaN}} a_i$$
 *
 * Special cases: all-NaN slice → NaN (NumPy warns); empty raises
 * "zero-size array to reduction operation fmax which has no identity".
 *
 * @example
 * np.nanmax([1, NaN, 3]); // 3.0
 * @numpy np.nanmax(np.array([1.0, np.nan, 3.0]))
 */
export function nanmax(a: ArrayLike, options?: AllAxes): number;
export function nanmax(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function nanmax(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  return nanExtreme(a, options, true);
}

/**
 * Minimum ignoring NaN (NumPy `np.nanmin`, `fmin.reduce`).
 *
 * $$\texttt{nanmin}(a) = \min_{i : a_i \ne \text{NaN}} a_i$$
 *
 * Special cases: all-NaN slice → NaN; empty raises (no identity).
 *
 * @example
 * np.nanmin([[NaN, 2], [NaN, NaN]], { axis: 1 }); // [ 2. nan]
 * @numpy np.nanmin(np.array([[np.nan, 2.0], [np.nan, np.nan]]), axis=1)
 */
export function nanmin(a: ArrayLike, options?: AllAxes): number;
export function nanmin(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function nanmin(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  return nanExtreme(a, options, false);
}

function nanArg(a: ArrayLike, options: ArgOptions, isMax: boolean): NDArray | number {
  const src = asarray(a);
  if (src.dtype !== "float64") return isMax ? argmax(src, options) : argmin(src, options);
  const { arr, mask } = replaceNan(src, isMax ? -Infinity : Infinity);
  if (arr.size > 0) {
    const ax = options.axis ?? null;
    const flags = axisFlags(ax, arr.ndim);
    const valid = new Uint8Array(mask.length);
    for (let i = 0; i < mask.length; i++) valid[i] = mask[i] ^ 1;
    const anyValid = reduceCore(new NDArray(valid, arr.shape, arr.strides, 0, "bool"), flags, "any", "bool", false).data;
    for (let i = 0; i < anyValid.length; i++) if (!anyValid[i]) throw new RangeError("All-NaN slice encountered");
  }
  return isMax ? argmax(arr, options) : argmin(arr, options);
}

/**
 * Index of the maximum ignoring NaN (NumPy `np.nanargmax`): NaN replaced by
 * −inf, then `argmax` (first of ties).
 *
 * $$\texttt{nanargmax}(a) = \min\{ i : a_i = \texttt{nanmax}(a) \}$$
 *
 * Special cases: an all-NaN slice raises "All-NaN slice encountered".
 *
 * @example
 * np.nanargmax([NaN, 4, 2, 4]); // 1
 * @numpy np.nanargmax(np.array([np.nan, 4.0, 2.0, 4.0]))
 */
export function nanargmax(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function nanargmax(a: ArrayLike, options?: ArgOptions): NDArray | number;
export function nanargmax(a: ArrayLike, options: ArgOptions = {}): NDArray | number {
  return nanArg(a, options, true);
}

/**
 * Index of the minimum ignoring NaN (NumPy `np.nanargmin`): NaN replaced by
 * +inf, then `argmin`.
 *
 * $$\texttt{nanargmin}(a) = \min\{ i : a_i = \texttt{nanmin}(a) \}$$
 *
 * Special cases: an all-NaN slice raises "All-NaN slice encountered".
 *
 * @example
 * np.nanargmin([[NaN, 3], [2, 1]], { axis: 1 }); // [1 1]
 * @numpy np.nanargmin(np.array([[np.nan, 3.0], [2.0, 1.0]]), axis=1)
 */
export function nanargmin(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function nanargmin(a: ArrayLike, options?: ArgOptions): NDArray | number;
export function nanargmin(a: ArrayLike, options: ArgOptions = {}): NDArray | number {
  return nanArg(a, options, false);
}

/**
 * Median ignoring NaN (NumPy `np.nanmedian`): the median of the non-NaN
 * values of each slice. Along an axis of an n-d array shorter than 600,
 * NumPy goes through `np.ma.median`, which computes `(lo + hi)/2` also for
 * an odd count (so `1e308` overflows there); reproduced.
 *
 * $$\texttt{nanmedian}(a) = \operatorname{median}\{ a_i : a_i \ne \text{NaN} \}$$
 *
 * Special cases: all-NaN slice → NaN.
 *
 * @example
 * np.nanmedian([[3, NaN, 1], [NaN, NaN, NaN]], { axis: 1 }); // [ 2. nan]
 * @numpy np.nanmedian(np.array([[3.0, np.nan, 1.0], [np.nan, np.nan, np.nan]]), axis=1)
 */
export function nanmedian(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function nanmedian(a: ArrayLike, options?: MedianOptions): NDArray | number;
export function nanmedian(a: ArrayLike, options: MedianOptions = {}): NDArray | number {
  return medianDriver(a, options, true);
}

/**
 * Quantiles ignoring NaN (NumPy `np.nanquantile`): {@link quantile} of the
 * non-NaN values of each slice.
 *
 * $$Q_{\text{nan}}(q) = Q(q;\ \{ a_i : a_i \ne \text{NaN} \})$$
 *
 * Special cases: all-NaN slice → NaN.
 *
 * @example
 * np.nanquantile([1, NaN, 2, 3, 4], 0.3); // 1.9
 * @numpy np.nanquantile(np.array([1.0, np.nan, 2.0, 3.0, 4.0]), 0.3)
 */
export function nanquantile(a: ArrayLike, q: number, options?: { axis?: null; keepdims?: false; method?: QuantileMethod }): number;
export function nanquantile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray | number;
export function nanquantile(a: ArrayLike, q: ArrayLike, options: QuantileOptions = {}): NDArray | number {
  return quantileDriver(a, q, options, 1, "Quantiles must be in the range [0, 1]", true);
}

/**
 * Percentiles ignoring NaN (NumPy `np.nanpercentile`): `nanquantile(a, q/100)`.
 *
 * $$P_{\text{nan}}(p) = Q_{\text{nan}}(p / 100)$$
 *
 * @example
 * np.nanpercentile([1, NaN, 2, 3, 4], [30, 50]); // [1.9 2.5]
 * @numpy np.nanpercentile(np.array([1.0, np.nan, 2.0, 3.0, 4.0]), [30, 50])
 */
export function nanpercentile(a: ArrayLike, q: number, options?: { axis?: null; keepdims?: false; method?: QuantileMethod }): number;
export function nanpercentile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray | number;
export function nanpercentile(a: ArrayLike, q: ArrayLike, options: QuantileOptions = {}): NDArray | number {
  return quantileDriver(a, q, options, 100, "Percentiles must be in the range [0, 100]", true);
}

/**
 * Cumulative sum treating NaN as 0 (NumPy `np.nancumsum`): sequential, bit-exact.
 *
 * $$\texttt{nancumsum}(a)_k = \sum_{i \le k,\ a_i \ne \text{NaN}} a_i$$
 *
 * @example
 * np.nancumsum([1, NaN, 2]); // [1. 1. 3.]
 * @numpy np.nancumsum(np.array([1.0, np.nan, 2.0]))
 */
export function nancumsum(a: ArrayLike, options: CumOptions = {}): NDArray {
  const arr = asarray(a);
  return accumulate(arr.dtype === "float64" ? replaceNan(arr, 0).arr : arr, options.axis, false, options.dtype);
}

/**
 * Cumulative product treating NaN as 1 (NumPy `np.nancumprod`).
 *
 * $$\texttt{nancumprod}(a)_k = \prod_{i \le k,\ a_i \ne \text{NaN}} a_i$$
 *
 * @example
 * np.nancumprod([2, NaN, 3]); // [2. 2. 6.]
 * @numpy np.nancumprod(np.array([2.0, np.nan, 3.0]))
 */
export function nancumprod(a: ArrayLike, options: CumOptions = {}): NDArray {
  const arr = asarray(a);
  return accumulate(arr.dtype === "float64" ? replaceNan(arr, 1).arr : arr, options.axis, true, options.dtype);
}

