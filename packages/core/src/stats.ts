/**
 * Statistics: `average`, `median`, `quantile`, `percentile`, `cov`,
 * `corrcoef`, `bincount`, `histogram`, `digitize` — ports of NumPy 2.4.6's
 * `numpy/lib/_function_base_impl.py` / `_histograms_impl.py` with NumPy's
 * operation order, so the results are NumPy's bits (except `cov` /
 * `corrcoef`, whose `dot` is BLAS in NumPy).
 */
import { asarray, linspace } from "./creation.ts";
import { int53Error, MAX_INT, promoteTypes, type DType } from "./dtype.ts";
import { AxisError, IndexError } from "./errors.ts";
import { axisFlags, bestAxisOrder, normalizeAxis, stridesForPerm } from "./iter.ts";
import { copyInto, copyToC, NDArray, shapeSize, type ArrayLike } from "./ndarray.ts";
import { mean, sum } from "./reductions.ts";
import { argsortLane, searchLane, sortLaneInPlace } from "./sorting.ts";
import { rint } from "./kernels/elementwise.ts";
import { concatenate } from "./manipulation.ts";
import { divide, multiply } from "./ufunc.ts";

// ------------------------------------------------------------------ helpers

/** A float64 copy of `a` in NumPy's K order (the layout `np.array(a, copy=True)` keeps). */
export function copyK(a: NDArray, dtype: DType = "float64"): NDArray {
  const perm = bestAxisOrder(a.shape, [a.strides]);
  const st = stridesForPerm(a.shape, perm);
  const out = new NDArray(dtype === "bool" ? new Uint8Array(a.size) : new Float64Array(a.size), a.shape, st, 0, dtype);
  copyInto(out, a);
  return out;
}

/** `a` viewed as float64 with the same layout (NumPy's cast inside a ufunc keeps the iteration order). */
function asFloat(a: NDArray): NDArray {
  if (a.dtype === "float64") return a;
  return new NDArray(Float64Array.from(a.data), a.shape, a.strides, a.offset, "float64");
}

/**
 * The reduced elements grouped per output position: a C-order copy with the
 * kept axes first and the reduced axes last (NumPy's `_ureduce` moves the
 * reduced axes to the end and merges them). Lane `l` is `data[l*n .. (l+1)*n)`.
 */
export interface Groups {
  data: Float64Array;
  n: number;
  lanes: number;
  /** output shape without the q dimensions (keepdims applied) */
  outShape: number[];
  /** all axes reduced and keepdims false */
  scalar: boolean;
}

export function groupLanes(a: NDArray, axis: number | readonly number[] | null | undefined, keepdims: boolean): Groups {
  const flags = axisFlags(axis, a.ndim);
  const kept: number[] = [];
  const red: number[] = [];
  for (let d = 0; d < a.ndim; d++) (flags[d] ? red : kept).push(d);
  const view = a.transpose(...kept, ...red);
  const data = Float64Array.from(copyToC(view));
  let n = 1;
  for (const d of red) n *= a.shape[d];
  const outShape: number[] = [];
  for (let d = 0; d < a.ndim; d++) {
    if (!flags[d]) outShape.push(a.shape[d]);
    else if (keepdims) outShape.push(1);
  }
  const lanes = shapeSize(kept.map((d) => a.shape[d]));
  return { data, n, lanes, outShape, scalar: !keepdims && kept.length === 0 };
}

/**
 * NumPy's `_ureduce` merges several reduced axes with `reshape(kept + (-1,))`, which raises when
 * the kept dimensions hold no element (size 0 makes `-1` ambiguous). `median`/`quantile` only:
 * the nan-variants return `nanmean` of an empty array before reaching `_ureduce`.
 */
function ureduceReshapeCheck(a: NDArray, axis: number | readonly number[] | null | undefined): void {
  if (axis === null || axis === undefined || typeof axis === "number" || axis.length < 2) return;
  const flags = axisFlags(axis, a.ndim);
  const kept: number[] = [];
  for (let d = 0; d < a.ndim; d++) if (!flags[d]) kept.push(a.shape[d]);
  if (kept.length > 0 && shapeSize(kept) === 0) {
    throw new RangeError(`cannot reshape array of size 0 into shape (${kept.join(",")},newaxis)`);
  }
}

const BOOL_SUBTRACT =
  "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.";

/** Quantile interpolation methods supported (NumPy's `method`). */
export type QuantileMethod = "linear" | "lower" | "higher" | "nearest" | "midpoint";

/** Python's `round` half to even on a non-negative value. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * NumPy's `_quantile` for one sorted lane `s[o .. o+n)` (NaNs, if any, last).
 * Virtual index `(n−1)q`; `_lerp(a, b, t) = a + (b−a)t`, or `b − (b−a)(1−t)`
 * when `t ≥ 0.5`. `checkNaN`: a NaN at the end gives NaN.
 */
export function quantileSorted(s: Float64Array, o: number, n: number, q: number, method: QuantileMethod, checkNaN: boolean): number {
  if (n === 0) throw new IndexError("index -1 is out of bounds for axis 0 with size 0");
  const last = s[o + n - 1];
  if (checkNaN && last !== last) return last;
  const x = (n - 1) * q;
  if (method === "lower") return s[o + Math.floor(x)];
  if (method === "higher") return s[o + Math.ceil(x)];
  if (method === "nearest") return s[o + roundHalfEven(x)];
  let vi = x;
  if (method === "midpoint") vi = 0.5 * (Math.floor(x) + Math.ceil(x));
  let prev = Math.floor(vi);
  let next = prev + 1;
  if (vi >= n - 1) {
    prev = -1;
    next = -1;
  }
  if (vi < 0) {
    prev = 0;
    next = 0;
  }
  let t = vi - prev;
  if (method === "midpoint") t = vi % 1 === 0 ? 0 : 0.5;
  const a = s[o + (prev < 0 ? n + prev : prev)];
  const b = s[o + (next < 0 ? n + next : next)];
  const diff = b - a;
  if (t >= 0.5) return b - diff * (1 - t);
  return a + diff * t;
}

/** Options of {@link quantile} / {@link percentile} (and the nan-variants). */
export interface QuantileOptions {
  /** Axis or axes (negative counts from the end); `null`/omitted = all. */
  axis?: number | readonly number[] | null;
  /** NumPy's `method` (default `"linear"`). */
  method?: QuantileMethod;
  keepdims?: boolean;
}

function checkMethod(m: unknown): QuantileMethod {
  if (m === "linear" || m === "lower" || m === "higher" || m === "nearest" || m === "midpoint") return m;
  throw new RangeError(`'${String(m)}' is not a valid method. Use one of: inverted_cdf, averaged_inverted_cdf, closest_observation, interpolated_inverted_cdf, hazen, weibull, linear, median_unbiased, normal_unbiased, lower, higher, midpoint, nearest`);
}

/**
 * Shared driver: sorts every lane, then evaluates `f(lane, offset, n)` per q.
 * `nan`: drop the NaNs of each lane first (nan-variants).
 */
export function quantileDriver(
  a: ArrayLike, q: ArrayLike, options: QuantileOptions, scale: number, message: string, nan: boolean,
): NDArray | number {
  const arr = asarray(a);
  const method = checkMethod(options.method ?? "linear");
  const qarr = asarray(q);
  const qs = Float64Array.from(copyToC(qarr));
  // NumPy's _quantile_is_valid: a loop for 1-D q of < 10 elements, else q.min()/q.max()
  if (qs.length === 0 && qarr.ndim !== 1) throw new RangeError("zero-size array to reduction operation minimum which has no identity");
  for (let i = 0; i < qs.length; i++) {
    const v = scale === 1 ? qs[i] : qs[i] / scale;
    qs[i] = v;
    if (!(v >= 0 && v <= 1)) throw new RangeError(message);
  }
  const keepdims = !!options.keepdims;
  if (nan && arr.size === 0) {
    // NumPy's _nanquantile_unchecked: an empty array gives nanmean(a, axis) (q ignored)
    const g0 = groupLanes(arr, options.axis, keepdims);
    if (g0.scalar) return NaN;
    return new NDArray(new Float64Array(g0.lanes).fill(NaN), g0.outShape, undefined, 0, "float64");
  }
  if (!nan) ureduceReshapeCheck(arr, options.axis);
  const g = groupLanes(arr, options.axis, keepdims);
  const { data, n, lanes } = g;
  const nq = qs.length;
  // An integer q (int64/bool array; quantile only — percentile divides by 100 first) with "linear" gives
  // integer virtual indices (n−1)·q: NumPy then takes the element (`take`, the input's dtype), no _lerp.
  const takeLinear = method === "linear" && scale === 1 && qarr.dtype !== "float64";
  const interpolates = (method === "linear" && !takeLinear) || method === "midpoint";
  // _lerp subtracts: bool arrays raise NumPy's TypeError (once the lanes are non-empty)
  if (arr.dtype === "bool" && interpolates && n > 0) throw new TypeError(BOOL_SUBTRACT);
  const intResult = arr.dtype !== "float64" && !interpolates;
  // an empty reduced axis: NumPy's partition with kth −1 raises even for an empty q (its integer `take`
  // path without the NaN check partitions at q's indices only, so an empty q passes there)
  if (!nan && n === 0 && (nq > 0 || arr.dtype === "float64" || interpolates)) {
    throw new IndexError("index -1 is out of bounds for axis 0 with size 0");
  }
  const out = new Float64Array(nq * lanes);
  const zs = new Uint8Array(n);
  for (let l = 0; l < lanes; l++) {
    const lane = data.subarray(l * n, (l + 1) * n);
    sortLaneInPlace(lane, n, zs);
    let m = n;
    if (nan) while (m > 0 && lane[m - 1] !== lane[m - 1]) m--;
    for (let j = 0; j < nq; j++) {
      if (nan && m === 0) out[j * lanes + l] = NaN;
      else out[j * lanes + l] = quantileSorted(lane, 0, m, qs[j], takeLinear ? "lower" : method, !nan);
    }
  }
  const dtype: DType = intResult ? (arr.dtype === "bool" ? "bool" : "int64") : "float64";
  const shape = [...qarr.shape, ...g.outShape];
  if (shape.length === 0) return dtype === "bool" ? ((out[0] !== 0) as unknown as number) : out[0];
  return new NDArray(dtype === "bool" ? Uint8Array.from(out) : out, shape, undefined, 0, dtype);
}

// ------------------------------------------------------------------ average

/** Options of {@link average}. */
export interface AverageOptions {
  axis?: number | readonly number[] | null;
  /** Weights: the shape of `a`, or 1-D along a single `axis` (or the shape of the axes). */
  weights?: ArrayLike | null;
  /** Also return the sum of weights (NumPy's `returned=True`). */
  returned?: boolean;
  keepdims?: boolean;
}

/**
 * Weighted average (NumPy `np.average`), NumPy's algorithm:
 * `multiply(a, w).sum(axis) / w.sum(axis)`; without weights `mean(a)`.
 * Bit-exact. With `returned: true` gives `[avg, sum_of_weights]`.
 *
 * $$\bar a_w = \frac{\sum_i w_i a_i}{\sum_i w_i}$$
 *
 * Special cases: weights summing to 0 raise "Weights sum to zero, can't be
 * normalized"; weights of another shape need `axis`.
 *
 * @example
 * np.average([1, 2, 3, 4], { weights: [4, 3, 2, 1] }); // 2.0
 * @numpy np.average(np.array([1.0, 2.0, 3.0, 4.0]), weights=np.array([4.0, 3.0, 2.0, 1.0]))
 *
 * @example
 * np.average([[1, 2], [3, 4]], { axis: 1, weights: [1, 3] }); // [1.75 3.75]
 * @numpy np.average(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=1, weights=np.array([1.0, 3.0]))
 */
export function average(a: ArrayLike, options: AverageOptions & { returned: true }): [NDArray | number, NDArray | number];
export function average(a: ArrayLike, options?: AverageOptions): NDArray | number;
export function average(a: ArrayLike, options: AverageOptions = {}): NDArray | number | [NDArray | number, NDArray | number] {
  const arr = asarray(a);
  let axis: number[] | null = null;
  if (options.axis !== null && options.axis !== undefined) {
    const list = typeof options.axis === "number" ? [options.axis] : options.axis;
    try {
      axisFlags(list, arr.ndim); // checks range and duplicates
    } catch (e) {
      // NumPy: normalize_axis_tuple(axis, a.ndim, argname="axis") prefixes the argument name
      if (e instanceof AxisError) throw new AxisError(`axis: ${e.message}`);
      throw e;
    }
    axis = list.map((x) => normalizeAxis(x, arr.ndim));
  }
  const keepdims = !!options.keepdims;
  const ro = { axis, keepdims };
  let avg: NDArray | number;
  let scl: NDArray | number;
  if (options.weights === null || options.weights === undefined) {
    avg = mean(arr, ro);
    const asz = typeof avg === "number" ? 1 : avg.size;
    // NumPy computes `a.size / avg.size` in Python even when `returned` is false
    if (asz === 0) throw new RangeError("division by zero");
    scl = arr.size / asz;
  } else {
    let wgt = asarray(options.weights);
    if (JSON.stringify(arr.shape) !== JSON.stringify(wgt.shape)) {
      if (axis === null) throw new TypeError("Axis must be specified when shapes of a and weights differ.");
      const want = axis.map((ax) => arr.shape[ax]);
      if (JSON.stringify(wgt.shape) !== JSON.stringify(want)) {
        throw new RangeError("Shape of weights must be consistent with shape of a along specified axis.");
      }
      const order = axis.map((_, i) => i).sort((i, j) => axis![i] - axis![j]);
      wgt = wgt.transpose(...order);
      wgt = wgt.reshape(arr.shape.map((s, d) => (axis!.includes(d) ? s : 1)));
    }
    scl = sum(wgt, { ...ro, dtype: "float64" });
    const sd = typeof scl === "number" ? [scl] : (scl.data as Float64Array);
    for (let i = 0; i < sd.length; i++) if (sd[i] === 0) throw new RangeError("Weights sum to zero, can't be normalized");
    const prodArr = multiply(asFloat(arr), asFloat(wgt)) as NDArray;
    avg = (divide as (x1: ArrayLike, x2: ArrayLike) => NDArray | number)(sum(prodArr, ro), scl);
  }
  if (!options.returned) return avg;
  if (typeof avg !== "number") {
    const sc = scl;
    const sh = avg.shape;
    if (typeof sc === "number" || JSON.stringify(sc.shape) !== JSON.stringify(sh)) {
      const o = new NDArray(new Float64Array(shapeSize(sh)), sh, undefined, 0, "float64");
      const src = typeof sc === "number" ? new NDArray(new Float64Array([sc]), [], undefined, 0, "float64") : sc;
      const bst = sh.map((_, i) => {
        const k = i - (sh.length - src.ndim);
        return k < 0 || src.shape[k] === 1 ? 0 : src.strides[k];
      });
      copyInto(o, new NDArray(src.data, sh, bst, src.offset, "float64"));
      scl = o;
    }
  }
  return [avg, scl];
}

// ------------------------------------------------------------------ median / quantile

/** Options of {@link median}. */
export interface MedianOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/** NumPy's `mean` of the one or two middle elements: `(+0 + lo + hi) / 2` or `+0 + x`. */
function middle(s: Float64Array, o: number, n: number): number {
  const h = n >> 1;
  if (n % 2 === 1) return 0 + s[o + h];
  return (0 + (s[o + h - 1] + s[o + h])) / 2;
}

/** Shared by `median` / `nanmedian`: `kind` 0 = np.median, 1 = nanmedian. */
export function medianDriver(a: ArrayLike, options: MedianOptions, nan: boolean): NDArray | number {
  const arr = asarray(a);
  const keepdims = !!options.keepdims;
  if (!nan) ureduceReshapeCheck(arr, options.axis);
  const g = groupLanes(arr, options.axis, keepdims);
  const { data, n, lanes } = g;
  // nanmedian on n-d input along an axis of < 600 goes through np.ma.median: (lo + hi) / 2 also for odd counts
  const maPath = nan && arr.ndim > 1 && options.axis !== null && options.axis !== undefined && n < 600 && arr.size > 0;
  const out = new Float64Array(lanes);
  for (let l = 0; l < lanes; l++) {
    const lane = data.subarray(l * n, (l + 1) * n);
    lane.sort();
    let m = n;
    if (nan) while (m > 0 && lane[m - 1] !== lane[m - 1]) m--;
    if (m === 0) out[l] = NaN;
    else if (!nan && lane[m - 1] !== lane[m - 1]) out[l] = NaN;
    else if (maPath) {
      const h = m >> 1;
      const lo = m % 2 === 1 ? lane[h] : lane[h - 1];
      out[l] = (0 + (lo + lane[h])) / 2;
    } else out[l] = middle(lane, 0, m);
  }
  if (g.scalar) return out[0];
  return new NDArray(out, g.outShape, undefined, 0, "float64");
}

/**
 * Median (NumPy `np.median`): the middle of the sorted values, the mean of
 * the two middle values for an even count, computed as NumPy does
 * (`mean(part[mid])`: `(0 + lo + hi)/2`), bit-exact.
 *
 * $$\operatorname{median}(a) = \begin{cases} s_{(n-1)/2} & n \text{ odd} \\ \tfrac{1}{2}(s_{n/2-1} + s_{n/2}) & n \text{ even}\end{cases}$$
 *
 * Special cases: any NaN in a slice → NaN; empty → NaN; never −0.
 *
 * @example
 * np.median([3, 1, 4, 2]); // 2.5
 * @numpy np.median(np.array([3.0, 1.0, 4.0, 2.0]))
 *
 * @example
 * np.median([[1, 5, 2], [8, NaN, 0]], { axis: 1 }); // [ 2. nan]
 * @numpy np.median(np.array([[1.0, 5.0, 2.0], [8.0, np.nan, 0.0]]), axis=1)
 */
export function median(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function median(a: ArrayLike, options?: MedianOptions): NDArray | number;
export function median(a: ArrayLike, options: MedianOptions = {}): NDArray | number {
  return medianDriver(a, options, false);
}

/**
 * Quantiles (NumPy `np.quantile`), `method: "linear"` by default (also
 * `"lower"`, `"higher"`, `"nearest"`, `"midpoint"`): virtual index
 * `(n−1)q` into the sorted values and NumPy's `_lerp` (`a + (b−a)t`, or
 * `b − (b−a)(1−t)` for `t ≥ 0.5`), bit-exact. An array `q` puts its
 * dimensions first in the result.
 *
 * $$Q(q) = s_{\lfloor h \rfloor} + (h - \lfloor h \rfloor)(s_{\lfloor h \rfloor + 1} - s_{\lfloor h \rfloor}),\quad h = (n-1)q$$
 *
 * Special cases: NaN in a slice → NaN; `q` outside [0, 1] raises
 * "Quantiles must be in the range [0, 1]"; empty input raises NumPy's IndexError.
 *
 * @example
 * np.quantile([1, 2, 3, 4], 0.3); // 1.9
 * @numpy np.quantile(np.array([1.0, 2.0, 3.0, 4.0]), 0.3)
 *
 * @example
 * np.quantile([[1, 2, 3], [4, 6, 9]], [0.25, 0.5], { axis: 1 }); // [[1.5 5. ]
 * //  [2.  6. ]]
 * @numpy np.quantile(np.array([[1.0, 2.0, 3.0], [4.0, 6.0, 9.0]]), [0.25, 0.5], axis=1)
 */
export function quantile(a: ArrayLike, q: number, options?: { axis?: null; keepdims?: false; method?: QuantileMethod }): number;
export function quantile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray | number;
export function quantile(a: ArrayLike, q: ArrayLike, options: QuantileOptions = {}): NDArray | number {
  return quantileDriver(a, q, options, 1, "Quantiles must be in the range [0, 1]", false);
}

/**
 * Percentiles (NumPy `np.percentile`): `quantile(a, q / 100)` with NumPy's
 * `true_divide(q, 100)` first, bit-exact.
 *
 * $$P(p) = Q(p / 100)$$
 *
 * Special cases: `q` outside [0, 100] raises "Percentiles must be in the range [0, 100]".
 *
 * @example
 * np.percentile([1, 2, 3, 4], 30); // 1.9
 * @numpy np.percentile(np.array([1.0, 2.0, 3.0, 4.0]), 30)
 */
export function percentile(a: ArrayLike, q: number, options?: { axis?: null; keepdims?: false; method?: QuantileMethod }): number;
export function percentile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray | number;
export function percentile(a: ArrayLike, q: ArrayLike, options: QuantileOptions = {}): NDArray | number {
  return quantileDriver(a, q, options, 100, "Percentiles must be in the range [0, 100]", false);
}

// ------------------------------------------------------------------ cov / corrcoef

/** Options of {@link cov}. */
export interface CovOptions {
  /** Rows are variables (default true); false: columns are. */
  rowvar?: boolean;
  /** Normalise by N (true) instead of N − 1 (default false). */
  bias?: boolean;
  /** Overrides `bias`: the divisor is N − ddof (or the weighted equivalent). */
  ddof?: number | null;
  /** Integer frequency weights, one per observation. */
  fweights?: ArrayLike | null;
  /** Observation ("analytic") weights, one per observation. */
  aweights?: ArrayLike | null;
}

/** Whether the second argument of cov/corrcoef is the options object rather than `y`. */
function isOptions(v: unknown): boolean {
  return v !== null && typeof v === "object" && !(v instanceof NDArray) && !Array.isArray(v);
}

/** A weights argument of cov as float64 values, with NumPy's checks in NumPy's order. */
function covWeights(w: ArrayLike, kind: "fweights" | "aweights", n: number): Float64Array {
  const arr = asarray(w);
  const vals = Float64Array.from(copyToC(arr));
  if (kind === "fweights" && !vals.every((v) => v === rint(v))) throw new TypeError("fweights must be integer");
  if (arr.ndim > 1) throw new Error(`cannot handle multidimensional ${kind}`);
  if (arr.ndim === 0) throw new IndexError("tuple index out of range");
  if (arr.shape[0] !== n) throw new Error(`incompatible numbers of samples and ${kind}`);
  if (vals.some((v) => v < 0)) throw new RangeError(`${kind} cannot be negative`);
  return vals;
}

/**
 * Covariance matrix (NumPy `np.cov(m, y, rowvar, bias, ddof, fweights,
 * aweights)`), NumPy's algorithm: `X` the float64 copy of `m` (2-D,
 * variables in rows) with the rows of `y` appended, `w = fweights *
 * aweights`, `avg = average(X, axis=1, weights=w)`, `X -= avg`,
 * `c = X·(X·w)ᵀ`, `c *= 1/fact`, squeezed. The product is BLAS in NumPy
 * (summation order CPU-dependent), so compare with a relative tolerance
 * (≈1e-12); the average and the scaling are NumPy's exact operations.
 *
 * $$C_{ij} = \frac{\sum_k w_k (x_{ik} - \bar x_i)(x_{jk} - \bar x_j)}{\text{fact}},\quad
 * \text{fact} = \begin{cases} N - \text{ddof} & \text{no weights} \\
 * \sum_k w_k - \text{ddof}\,\frac{\sum_k w_k a_k}{\sum_k w_k} & \text{otherwise} \end{cases}$$
 *
 * (`ddof` = 1, or 0 with `bias`; with `ddof` = 0 the divisor is `Σw`; with
 * only `fweights` it is `Σw − ddof`.)
 *
 * Special cases: a single variable gives a 0-d NDArray (as NumPy); no
 * variables give a 0×0 array; `fact ≤ 0` gives inf/NaN (NumPy only warns).
 * Errors with NumPy's messages: "m has more than 2 dimensions", "y has more
 * than 2 dimensions", "ddof must be integer", "fweights must be integer",
 * "fweights cannot be negative", "incompatible numbers of samples and
 * aweights", "cannot handle multidimensional fweights", "Weights sum to
 * zero, can't be normalized", and concatenate's shape mismatch for `y`.
 *
 * @example
 * np.cov([[0, 1, 2], [2, 1, 0]]); // [[ 1. -1.]
 * //  [-1.  1.]]
 * @numpy(rtol=1e-12) np.cov(np.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]))
 *
 * @example
 * np.cov([1, 2, 4], [3, 1, 2], { fweights: [1, 2, 1], aweights: [0.5, 1, 2] }); // [[1.85714286 0.21428571]
 * //  [0.21428571 0.64285714]]
 * @numpy(rtol=1e-12) np.cov(np.array([1.0, 2.0, 4.0]), np.array([3.0, 1.0, 2.0]), fweights=np.array([1, 2, 1]), aweights=np.array([0.5, 1.0, 2.0]))
 */
export function cov(m: ArrayLike, options?: CovOptions): NDArray;
export function cov(m: ArrayLike, y: ArrayLike | null, options?: CovOptions): NDArray;
export function cov(m: ArrayLike, yOrOptions?: ArrayLike | CovOptions | null, maybeOptions?: CovOptions): NDArray {
  const [yIn, options] = isOptions(yOrOptions)
    ? [null, yOrOptions as CovOptions]
    : [(yOrOptions ?? null) as ArrayLike | null, maybeOptions ?? {}];
  const rowvar = options.rowvar ?? true;
  const ddofIn = options.ddof ?? null;
  if (ddofIn !== null && !Number.isInteger(ddofIn)) throw new RangeError("ddof must be integer");
  const src = asarray(m);
  if (src.ndim > 2) throw new RangeError("m has more than 2 dimensions");
  const ysrc = yIn === null ? null : asarray(yIn);
  if (ysrc !== null && ysrc.ndim > 2) throw new RangeError("y has more than 2 dimensions");
  let X = copyK(src.ndim === 2 ? src : src.reshape(1, src.size));
  if (!rowvar && src.ndim !== 1) X = X.T;
  if (X.shape[0] === 0) return new NDArray(new Float64Array(0), [0, 0], undefined, 0, "float64");
  if (ysrc !== null) {
    let Y = ysrc.ndim === 2 ? ysrc : ysrc.reshape(1, ysrc.size);
    if (!rowvar && Y.shape[0] !== 1) Y = Y.T;
    X = concatenate([X, Y.dtype === "float64" ? Y : copyK(Y)], { axis: 0 });
  }
  const ddof = ddofIn ?? (options.bias ? 0 : 1);
  const [p, n] = X.shape;

  let w: Float64Array | null = null;
  if (options.fweights !== null && options.fweights !== undefined) w = covWeights(options.fweights, "fweights", n);
  const aw = options.aweights === null || options.aweights === undefined ? null : covWeights(options.aweights, "aweights", n);
  if (aw !== null) {
    if (w === null) w = aw;
    else for (let k = 0; k < n; k++) w[k] *= aw[k];
  }

  let avg: NDArray;
  let fact: number;
  if (w === null) {
    avg = mean(X, { axis: 1 }) as NDArray;
    fact = n - ddof;
  } else {
    const wArr = new NDArray(w, [n], undefined, 0, "float64");
    const [a, scl] = average(X, { axis: 1, weights: wArr, returned: true });
    avg = a as NDArray;
    const wSum = ((scl as NDArray).data as Float64Array)[0];
    if (ddof === 0) fact = wSum;
    else if (aw === null) fact = wSum - ddof;
    else {
      const wa = new Float64Array(n);
      for (let k = 0; k < n; k++) wa[k] = w[k] * aw[k];
      fact = wSum - (ddof * (sum(new NDArray(wa, [n], undefined, 0, "float64")) as number)) / wSum;
    }
  }
  if (fact <= 0) fact = 0; // NumPy warns "Degrees of freedom <= 0 for slice"

  const av = avg.data as Float64Array;
  // X -= avg[:, None] into a dense row-major scratch (same values as NumPy's in-place subtract)
  const xd = new Float64Array(p * n);
  const data = X.data as Float64Array;
  for (let i = 0; i < p; i++) {
    for (let k = 0; k < n; k++) xd[i * n + k] = data[X.offset + i * X.strides[0] + k * X.strides[1]] - av[i];
  }
  // X_T = (X * w).T: the weighted factor is rounded before the product, so c need not be symmetric.
  let xw = xd;
  if (w !== null) {
    xw = new Float64Array(p * n);
    for (let i = 0; i < p; i++) for (let k = 0; k < n; k++) xw[i * n + k] = xd[i * n + k] * w[k];
  }
  const c = new Float64Array(p * p);
  const inv = 1 / fact;
  for (let i = 0; i < p; i++) {
    for (let j = w === null ? i : 0; j < p; j++) {
      let s = 0;
      for (let k = 0, pi = i * n, pj = j * n; k < n; k++) s += xd[pi + k] * xw[pj + k];
      c[i * p + j] = s * inv;
      if (w === null) c[j * p + i] = s * inv;
    }
  }
  // NumPy squeezes: one variable gives a 0-d array
  return new NDArray(c, p === 1 ? [] : [p, p], undefined, 0, "float64");
}

/**
 * Pearson correlation coefficients (NumPy `np.corrcoef(x, y, rowvar)`):
 * `c = cov(x, y, rowvar)`, divided by `sqrt(diag(c))` per row and then per
 * column, clipped to [−1, 1]. Tolerance as {@link cov} (BLAS product in
 * NumPy).
 *
 * $$R_{ij} = \frac{C_{ij}}{\sqrt{C_{ii} C_{jj}}}$$
 *
 * Special cases: a single variable gives the number `c / c` (1, or NaN for
 * zero variance), as NumPy gives a scalar; a zero-variance variable gives
 * NaN in its row and column. Two 1-D JS arrays always give a 2×2 NDArray
 * (typed so).
 *
 * @example
 * np.corrcoef([[1, 2, 3, 4], [2, 4, 5, 9]]); // [[1.         0.96476382]
 * //  [0.96476382 1.        ]]
 * @numpy(rtol=1e-12) np.corrcoef(np.array([[1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 9.0]]))
 *
 * @example
 * np.corrcoef([1, 2, 3, 4], [2, 4, 5, 9]); // [[1.         0.96476382]
 * //  [0.96476382 1.        ]]
 * @numpy(rtol=1e-12) np.corrcoef(np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 4.0, 5.0, 9.0]))
 */
export function corrcoef(x: readonly number[], y: readonly number[], options?: { rowvar?: boolean }): NDArray;
export function corrcoef(x: ArrayLike, options?: { rowvar?: boolean }): NDArray | number;
export function corrcoef(x: ArrayLike, y: ArrayLike | null, options?: { rowvar?: boolean }): NDArray | number;
export function corrcoef(x: ArrayLike, yOrOptions?: ArrayLike | { rowvar?: boolean } | null, maybeOptions?: { rowvar?: boolean }): NDArray | number {
  const [y, options] = isOptions(yOrOptions)
    ? [null, yOrOptions as { rowvar?: boolean }]
    : [(yOrOptions ?? null) as ArrayLike | null, maybeOptions ?? {}];
  const c = cov(x, y, { rowvar: options.rowvar });
  if (c.ndim === 0) {
    const v = (c.data as Float64Array)[0];
    return v / v;
  }
  const p = c.shape[0];
  const d = c.data as Float64Array;
  const sd = new Float64Array(p);
  for (let i = 0; i < p; i++) sd[i] = Math.sqrt(d[i * p + i]);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) d[i * p + j] /= sd[i];
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) d[i * p + j] /= sd[j];
  for (let k = 0; k < d.length; k++) {
    const v = d[k];
    d[k] = v < -1 ? -1 : v > 1 ? 1 : v;
  }
  return c;
}

// ------------------------------------------------------------------ bincount / histogram / digitize

/** Integer values of an index-like input (int64/bool NDArray or JS integers), NumPy's safe-cast rule. */
function intValues(x: ArrayLike): { vals: Float64Array; shape: number[] } {
  const arr = asarray(x);
  const vals = Float64Array.from(copyToC(arr));
  if (arr.dtype === "float64" && (x instanceof NDArray || !vals.every((v) => Number.isInteger(v)))) {
    throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  return { vals, shape: arr.shape };
}

/** Options of {@link bincount}. */
export interface BincountOptions {
  /** Weights, one per element of `x` (float64 sums instead of counts). */
  weights?: ArrayLike | null;
  /** Minimum number of bins. */
  minlength?: number;
}

/**
 * Counts of each non-negative integer (NumPy `np.bincount`): `out[x[i]] += 1`,
 * or `+= weights[i]` sequentially in input order (bit-exact). Length
 * `max(max(x) + 1, minlength)`. Input: an int64/bool array or JS integers
 * (a float64 NDArray raises NumPy's casting TypeError).
 *
 * $$\texttt{bincount}(x)_k = \#\{ i : x_i = k \},\qquad \texttt{bincount}(x, w)_k = \sum_{i : x_i = k} w_i$$
 *
 * Special cases: negative values raise "'list' argument must have no
 * negative elements"; empty x → `minlength` zeros.
 *
 * @example
 * np.bincount([0, 1, 1, 3, 1]); // [1 3 0 1]
 * @numpy np.bincount([0, 1, 1, 3, 1])
 *
 * @example
 * np.bincount([0, 1, 1], { weights: [0.5, 0.25, 2] }); // [0.5  2.25]
 * @numpy np.bincount([0, 1, 1], weights=[0.5, 0.25, 2.0])
 */
export function bincount(x: ArrayLike, options: BincountOptions = {}): NDArray {
  const { vals, shape } = intValues(x);
  if (shape.length !== 1) throw new RangeError(shape.length === 0 ? "object of too small depth for desired array" : "object too deep for desired array");
  const minlength = options.minlength ?? 0;
  if (minlength < 0) throw new RangeError("'minlength' must not be negative");
  let mx = -1;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v < 0) throw new RangeError("'list' argument must have no negative elements");
    if (v > mx) mx = v;
  }
  const len = Math.max(mx + 1, minlength);
  const out = new Float64Array(len);
  if (vals.length === 0) return new NDArray(out, [len], undefined, 0, "int64"); // NumPy returns int64 zeros before looking at weights
  if (options.weights === null || options.weights === undefined) {
    for (let i = 0; i < vals.length; i++) out[vals[i]]++;
    return new NDArray(out, [len], undefined, 0, "int64");
  }
  const w = Float64Array.from(copyToC(asarray(options.weights)));
  if (w.length !== vals.length) throw new RangeError("The weights and list don't have the same length.");
  for (let i = 0; i < vals.length; i++) out[vals[i]] += w[i];
  return new NDArray(out, [len], undefined, 0, "float64");
}

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** Number of equal-width bins (default 10) or the monotonically increasing bin edges. */
  bins?: number | ArrayLike;
  /** `[lo, hi]` of the equal-width bins (default `[min(a), max(a)]`). */
  range?: readonly [number, number] | null;
  /** One weight per element (float64 sums instead of counts). */
  weights?: ArrayLike | null;
  /** Normalise to a probability density. */
  density?: boolean;
}

const BLOCK = 65536;

/**
 * Histogram (NumPy `np.histogram`) → `[hist, bin_edges]`. Equal-width bins
 * use NumPy's fast path exactly: edges from `linspace(lo, hi, bins + 1)`,
 * index `trunc((x − lo) / (hi − lo) · bins)` corrected by ±1 against the
 * edges, the last bin closed on the right, counted in blocks of 65536.
 * Explicit edges: sorted data and `searchsorted` (left, last edge right).
 *
 * $$h_k = \#\{ i : e_k \le a_i < e_{k+1} \}\ (k < K-1),\qquad h_{K-1} = \#\{ i : e_{K-1} \le a_i \le e_K \}$$
 *
 * Special cases: NaN is ignored only with an explicit `range`/edges (the
 * automatic range raises "autodetected range of [nan, nan] is not finite");
 * `lo == hi` widens the range by ±0.5; empty input uses [0, 1].
 *
 * @example
 * np.histogram([1, 2, 1, 4], { bins: 3 })[0]; // [2 1 1]
 * @numpy np.histogram(np.array([1.0, 2.0, 1.0, 4.0]), bins=3)[0]
 *
 * @example
 * np.histogram([1, 2, 1, 4], { bins: 3 })[1]; // [1. 2. 3. 4.]
 * @numpy np.histogram(np.array([1.0, 2.0, 1.0, 4.0]), bins=3)[1]
 */
export function histogram(a: ArrayLike, options: HistogramOptions = {}): [NDArray, NDArray] {
  const arr = asarray(a);
  const x = Float64Array.from(copyToC(arr));
  let w: Float64Array | null = null;
  // NumPy's `ntype`: the counts' dtype is the weights' dtype (int64 weights → int64 counts)
  let wdtype: DType = "float64";
  if (options.weights !== null && options.weights !== undefined) {
    const wa = asarray(options.weights);
    if (JSON.stringify(wa.shape) !== JSON.stringify(arr.shape)) throw new RangeError("weights should have the same shape as a.");
    w = Float64Array.from(copyToC(wa));
    wdtype = wa.dtype;
  }
  const bins = options.bins ?? 10;
  let edges: Float64Array;
  let uniform: { first: number; last: number; nb: number } | null = null;
  if (typeof bins === "number") {
    if (!Number.isInteger(bins)) throw new TypeError("`bins` must be an integer, a string, or an array");
    if (bins < 1) throw new RangeError("`bins` must be positive, when an integer");
    let first: number;
    let last: number;
    if (options.range) {
      [first, last] = options.range;
      if (first > last) throw new RangeError("max must be larger than min in range parameter.");
      if (!(Number.isFinite(first) && Number.isFinite(last))) throw new RangeError(`supplied range of [${pyFloat(first)}, ${pyFloat(last)}] is not finite`);
    } else if (x.length === 0) {
      first = 0;
      last = 1;
    } else {
      first = Infinity;
      last = -Infinity;
      let nan = false;
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v !== v) nan = true;
        if (v < first) first = v;
        if (v > last) last = v;
      }
      if (nan) first = last = NaN;
      if (!(Number.isFinite(first) && Number.isFinite(last))) throw new RangeError(`autodetected range of [${pyFloat(first)}, ${pyFloat(last)}] is not finite`);
    }
    if (first === last) {
      first = first - 0.5;
      last = last + 0.5;
    }
    edges = linspace(first, last, bins + 1).data as Float64Array;
    for (let i = 0; i < bins; i++) {
      if (!(edges[i] < edges[i + 1])) throw new RangeError(`Too many bins for data range. Cannot create ${bins} finite-sized bins.`);
    }
    uniform = { first, last, nb: bins };
  } else {
    const e = asarray(bins);
    if (e.ndim !== 1) throw new RangeError("`bins` must be 1d, when an array");
    edges = Float64Array.from(copyToC(e));
    for (let i = 0; i + 1 < edges.length; i++) if (edges[i] > edges[i + 1]) throw new RangeError("`bins` must increase monotonically, when an array");
  }
  const isW = w !== null;
  if (isW && wdtype === "bool" && !uniform) {
    // NumPy: `cum_n += cw[bin_index]` with a bool `cum_n` and the int64 cumsum of bool weights
    throw new TypeError("Cannot cast ufunc 'add' output from dtype('int64') to dtype('bool') with casting rule 'same_kind'");
  }
  const nb = edges.length - 1;
  const hist = new Float64Array(Math.max(nb, 0));
  if (uniform) {
    const { first, last } = uniform;
    const denom = last - first;
    const blockCounts = new Float64Array(nb);
    for (let b0 = 0; b0 < x.length; b0 += BLOCK) {
      const b1 = Math.min(b0 + BLOCK, x.length);
      blockCounts.fill(0);
      for (let i = b0; i < b1; i++) {
        const v = x[i];
        if (!(v >= first && v <= last)) continue;
        let idx = Math.trunc(((v - first) / denom) * nb);
        if (idx === nb) idx -= 1;
        if (v < edges[idx]) idx -= 1;
        if (v >= edges[idx + 1] && idx !== nb - 1) idx += 1;
        blockCounts[idx] += isW ? w![i] : 1;
      }
      // bool weights: `n += bincount(...).astype(bool)` is a logical or per block
      if (wdtype === "bool") for (let k = 0; k < nb; k++) hist[k] = hist[k] !== 0 || blockCounts[k] !== 0 ? 1 : 0;
      else for (let k = 0; k < nb; k++) hist[k] += blockCounts[k];
    }
  } else {
    const cum = new Float64Array(nb + 1);
    const blk = new Float64Array(Math.min(BLOCK, x.length));
    const idx = new Float64Array(blk.length);
    const tmp = new Float64Array(blk.length);
    const zs = new Uint8Array(blk.length);
    const cw = new Float64Array(blk.length + 1);
    for (let b0 = 0; b0 < x.length; b0 += BLOCK) {
      const m = Math.min(BLOCK, x.length - b0);
      for (let i = 0; i < m; i++) blk[i] = x[b0 + i];
      if (!isW) {
        sortLaneInPlace(blk, m, zs);
        for (let k = 0; k <= nb; k++) cum[k] += searchLane(blk, m, edges[k], k === nb);
      } else {
        argsortLane(blk, m, idx, tmp);
        cw[0] = 0;
        let r = 0;
        for (let i = 0; i < m; i++) {
          r = i === 0 ? w![b0 + idx[0]] : r + w![b0 + idx[i]];
          cw[i + 1] = r;
          tmp[i] = blk[idx[i]];
        }
        for (let i = 0; i < m; i++) blk[i] = tmp[i];
        for (let k = 0; k <= nb; k++) cum[k] += cw[searchLane(blk, m, edges[k], k === nb)];
      }
    }
    for (let k = 0; k < nb; k++) hist[k] = cum[k + 1] - cum[k];
  }
  const edgesArr = new NDArray(edges, [edges.length], undefined, 0, "float64");
  const hdtype: DType = isW ? wdtype : "int64";
  if (options.density) {
    const total = sum(new NDArray(hist, [nb], undefined, 0, hdtype === "float64" ? "float64" : "int64")) as number;
    const dens = new Float64Array(nb);
    for (let k = 0; k < nb; k++) dens[k] = hist[k] / (edges[k + 1] - edges[k]) / total;
    return [new NDArray(dens, [nb], undefined, 0, "float64"), edgesArr];
  }
  if (hdtype === "int64") for (let k = 0; k < nb; k++) if (Math.abs(hist[k]) > MAX_INT) int53Error();
  if (hdtype === "bool") return [new NDArray(Uint8Array.from(hist), [nb], undefined, 0, "bool"), edgesArr];
  return [new NDArray(hist, [nb], undefined, 0, hdtype), edgesArr];
}

/** Python's `repr` of a float in an error message (`nan`, `inf`, `1.0`). */
function pyFloat(v: number): string {
  if (v !== v) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v);
}

/**
 * Indices of the bins each value falls in (NumPy `np.digitize`):
 * `searchsorted(bins, x, side = right ? "left" : "right")` for increasing
 * bins, `len(bins) − searchsorted(bins[::-1], x, …)` for decreasing ones.
 *
 * $$\texttt{digitize}(x)_i = k \iff b_{k-1} \le x_i < b_k \ (\text{increasing}, \texttt{right}=\text{false})$$
 *
 * Special cases: non-monotonic bins raise "bins must be monotonically
 * increasing or decreasing"; NaN goes past the last bin.
 *
 * @example
 * np.digitize([0.2, 6.4, 3.0, 1.6], [0, 1, 2.5, 4, 10]); // [1 4 3 2]
 * @numpy np.digitize(np.array([0.2, 6.4, 3.0, 1.6]), np.array([0.0, 1.0, 2.5, 4.0, 10.0]))
 */
export function digitize(x: number, bins: ArrayLike, right?: boolean): number;
export function digitize(x: ArrayLike, bins: ArrayLike, right?: boolean): NDArray | number;
export function digitize(x: ArrayLike, bins: ArrayLike, right = false): NDArray | number {
  const b = asarray(bins);
  if (b.ndim !== 1) throw new RangeError("object too deep for desired array");
  const e = Float64Array.from(copyToC(b));
  const n = e.length;
  let i = 0;
  while (i < n - 1 && e[i] === e[i + 1]) i++;
  let mono = 1;
  if (i < n - 1) {
    if (e[i] < e[i + 1]) {
      for (let j = i; j < n - 1; j++) if (!(e[j] <= e[j + 1])) mono = 0;
    } else {
      mono = -1;
      for (let j = i; j < n - 1; j++) if (!(e[j] >= e[j + 1])) mono = 0;
    }
  }
  if (mono === 0) throw new RangeError("bins must be monotonically increasing or decreasing");
  const searchRight = !right;
  if (mono === -1) e.reverse();
  const one = (v: number): number => {
    const k = searchLane(e, n, v, searchRight);
    return mono === -1 ? n - k : k;
  };
  if (typeof x === "number" || typeof x === "boolean") return one(Number(x));
  const xa = asarray(x);
  const xs = copyToC(xa);
  const out = new Float64Array(xs.length);
  for (let k = 0; k < xs.length; k++) out[k] = one(xs[k]);
  if (xa.ndim === 0) return out[0];
  return new NDArray(out, xa.shape, undefined, 0, "int64");
}

/** Result dtype of two set/concatenation inputs. */
export function joinDType(a: NDArray, b: NDArray): DType {
  return promoteTypes(a.dtype, b.dtype);
}
