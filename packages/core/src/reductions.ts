/**
 * Reductions: `sum`, `mean`, `prod`, `var`, `std`, `max`, `min`, `argmax`,
 * `argmin`, `all`, `any`, `count_nonzero`, `ptp`, `cumsum`, `cumprod`.
 *
 * How NumPy 2.4.6 computes them, and so how this module does (bit-exact for
 * float64):
 * - `np.add.reduce` allocates the result filled with the identity (+0.0),
 *   then its iterator hands the inner loop one line at a time. The iterator
 *   sorts the axes by stride (smallest innermost) and merges (coalesces)
 *   axes that are contiguous with each other.
 * - When the innermost axis is reduced, the inner loop is NumPy's pairwise
 *   summation of that line (`out += pairwise_sum(line)`); otherwise it adds
 *   the line element-wise into the output (`out[j] += in[j]`), so the
 *   reduced elements are summed sequentially in memory order (C-order 2-D
 *   `axis=0`: row after row).
 * - When the input must be cast (int64/bool summed as float64, as in `mean`
 *   and `var` of integers), a buffered iterator feeds the pairwise loop in
 *   chunks of 8192 elements along each line: `out += pw(chunk)` per chunk.
 * - `prod` multiplies sequentially from 1.0 in the same iteration order.
 * - `max`/`min` start from the first element; NaN propagates. Which of +0/-0
 *   a zero tie returns follows NumPy's SIMD lane order on AVX-512 x86
 *   (`kernels/minmaxTies.ts`), so these reductions also go through the
 *   buffered iterator's inner-loop calls.
 * - `cumsum`/`cumprod` (`add`/`multiply.accumulate`): sequential along the
 *   axis starting from the first element (no +0.0 identity).
 * - `all`/`any`: logical and/or of `x != 0` (NaN is true); `ptp` = max − min.
 * - `mean` = sum / n; `var` = two passes (mean with keepdims, then the sum of
 *   squared deviations, both pairwise) / max(n − ddof, 0); `std` = sqrt(var).
 */
import { asarray } from "./creation.ts";
import { checkDType, int53Error, MAX_INT, type DType } from "./dtype.ts";
import { bestAxisOrder, axisFlags, forEachLine, innerLength, innerStride, makeLoop, normalizeAxis } from "./iter.ts";
import { bufferedReduce } from "./bufferedReduce.ts";
import { pairwiseSum } from "./kernels/pairwise.ts";
import { elementwiseRun, FMAX, FMIN, MAXIMUM, MINIMUM, reduceRun, type MinMaxOp } from "./kernels/minmaxTies.ts";
import { copyToC, isCContiguous, NDArray, type ArrayLike } from "./ndarray.ts";
import { laneOffsets } from "./sorting.ts";
import { subtract } from "./ufunc.ts";

/** `axis` and `keepdims`, as in NumPy. */
export interface ReduceOptions {
  /** Axis or axes to reduce (negative counts from the end); `null`/omitted = all. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
}

/** Options of `sum` / `prod`. */
export interface SumOptions extends ReduceOptions {
  /** Accumulator and result dtype (default: int64 for int64/bool input, else the input's). */
  dtype?: DType;
}

/** Options of `var` / `std`. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `N - ddof` (default 0). */
  ddof?: number;
}

/** Options that reduce everything to a scalar. */
export interface AllAxes {
  axis?: null;
  keepdims?: false;
}

type Kind = "sum" | "prod" | "max" | "min" | "fmax" | "fmin" | "all" | "any";
type ArrayLikeData = Float64Array | Uint8Array;

/** Output shape of a reduction. */
function reducedShape(shape: readonly number[], flags: readonly boolean[], keepdims: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (!flags[i]) out.push(shape[i]);
    else if (keepdims) out.push(1);
  }
  return out;
}

/**
 * The reduction engine: mirrors NumPy's iterator (see the module comment).
 * `acc` is the accumulation dtype; float64 accumulation of int64/bool input
 * is a casting reduction (8192-element chunks).
 */
export function reduceCore(a: NDArray, flags: readonly boolean[], kind: Kind, acc: DType, keepdims: boolean): NDArray {
  const shape = a.shape;
  const nd = shape.length;
  const inStrides = shape.map((n, i) => (n === 1 ? 0 : a.strides[i]));
  const perm = bestAxisOrder(shape, [inStrides]);
  // Result allocated densely in the iterator's order (NumPy allocates it in K order).
  const outFull = new Array<number>(nd).fill(0);
  let outSize = 1;
  for (const ax of perm) {
    if (!flags[ax]) {
      outFull[ax] = outSize;
      outSize *= shape[ax];
    }
  }
  let count = 1;
  for (let i = 0; i < nd; i++) if (flags[i]) count *= shape[i];
  const outShape = reducedShape(shape, flags, keepdims);
  const outStrides: number[] = [];
  for (let i = 0; i < nd; i++) {
    if (!flags[i]) outStrides.push(outFull[i]);
    else if (keepdims) outStrides.push(0);
  }

  // NumPy (reduction.c) raises as soon as a reduced axis has length 0, even when the result is empty.
  if (kind !== "sum" && kind !== "prod" && kind !== "all" && kind !== "any" && count === 0 && flags.some((f, i) => f && shape[i] === 0)) {
    const name = kind === "max" ? "maximum" : kind === "min" ? "minimum" : kind;
    throw new RangeError(`zero-size array to reduction operation ${name} which has no identity`);
  }

  const loop = makeLoop(shape, [outFull, inStrides], perm);
  const n = innerLength(loop);
  const os = innerStride(loop, 0);
  const is = innerStride(loop, 1);
  const reduceInner = os === 0;

  if (acc === "bool") {
    // max/min of bool: logical or / and (all/any: the same with an identity)
    const out = new Uint8Array(outSize).fill(kind === "min" || kind === "all" ? 1 : 0);
    const src = a.data as Uint8Array;
    if (kind === "max" || kind === "fmax" || kind === "any") {
      forEachLine(loop, [0, a.offset], (o) => {
        for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += os, q += is) out[p] |= src[q];
      });
    } else {
      forEachLine(loop, [0, a.offset], (o) => {
        for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += os, q += is) out[p] &= src[q];
      });
    }
    return new NDArray(out, outShape, outStrides, 0, "bool");
  }

  const src = a.data instanceof Float64Array ? a.data : Float64Array.from(a.data);
  const out = new Float64Array(outSize);
  const cast = a.dtype !== acc;
  if (kind === "sum" && acc === "float64") {
    // NumPy's buffered iterator decides the inner-loop calls; each call is
    // `out += pairwise(line)` (reduction into one element) or `out[j] += in[j]`.
    bufferedReduce(loop.shape, loop.strides[0], loop.strides[1], cast, src, a.offset, (count, o, oStr, s, p, sStr) => {
      if (oStr === 0) {
        out[o] += pairwiseSum(s, p, count, sStr);
      } else {
        for (let k = 0; k < count; k++, o += oStr, p += sStr) out[o] += s[p];
      }
    });
  } else if (kind === "sum") {
    // exact integer accumulation (int64 / bool input)
    const trunc = a.dtype === "float64";
    forEachLine(loop, [0, a.offset], (o) => {
      for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += os, q += is) {
        const r = out[p] + (trunc ? Math.trunc(src[q]) : src[q]);
        if (r > MAX_INT || r < -MAX_INT) int53Error();
        out[p] = r;
      }
    });
  } else if (kind === "prod") {
    out.fill(1);
    if (acc === "int64") {
      const trunc = a.dtype === "float64";
      forEachLine(loop, [0, a.offset], (o) => {
        for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += os, q += is) {
          const r = out[p] * (trunc ? Math.trunc(src[q]) : src[q]);
          if (r > MAX_INT || r < -MAX_INT) int53Error();
          out[p] = r === 0 ? 0 : r;
        }
      });
    } else if (reduceInner) {
      forEachLine(loop, [0, a.offset], (o) => {
        let r = out[o[0]];
        for (let k = 0, q = o[1]; k < n; k++, q += is) r *= src[q];
        out[o[0]] = r;
      });
    } else {
      forEachLine(loop, [0, a.offset], (o) => {
        for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += os, q += is) out[p] *= src[q];
      });
    }
  } else if (kind !== "all" && kind !== "any" && a.dtype === "float64") {
    // NumPy's inner-loop calls decide which of +0/-0 wins a tie (see kernels/minmaxTies.ts),
    // so they are replayed with NumPy's call boundaries, like sum's.
    const op: MinMaxOp = kind === "max" ? MAXIMUM : kind === "min" ? MINIMUM : kind === "fmax" ? FMAX : FMIN;
    // An outer-axis step copies its first row when it starts from these (NumPy copies it).
    out.fill(op === MAXIMUM ? -Infinity : op === MINIMUM ? Infinity : NaN);
    // NumPy copies the first element of each output before the loop; a reducing call that
    // starts an output therefore covers one element fewer.
    const started = new Uint8Array(outSize);
    bufferedReduce(loop.shape, loop.strides[0], loop.strides[1], false, src, a.offset, (cnt, o, oStr, s, p, sStr) => {
      if (oStr !== 0) {
        elementwiseRun(out, o, oStr, s, p, sStr, cnt, op);
        return;
      }
      let init = out[o];
      if (!started[o]) {
        started[o] = 1;
        init = s[p];
        p += sStr;
        cnt--;
      }
      out[o] = reduceRun(init, s, p, cnt, sStr, op);
    });
  } else if (kind === "max" || kind === "fmax") {
    // maximum(acc, x): NaN propagates, ties go to the later element; -inf start
    // is equivalent to NumPy's "copy the first element" start.
    out.fill(-Infinity);
    forEachLine(loop, [0, a.offset], (o) => {
      for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += os, q += is) {
        const x = out[p];
        const y = src[q];
        out[p] = x > y || x !== x ? x : y;
      }
    });
  } else {
    out.fill(Infinity);
    forEachLine(loop, [0, a.offset], (o) => {
      for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += os, q += is) {
        const x = out[p];
        const y = src[q];
        out[p] = x < y || x !== x ? x : y;
      }
    });
  }
  return new NDArray(out, outShape, outStrides, 0, acc);
}

/**
 * A 0-d result is returned as a JS number/boolean (NumPy's scalar) when every axis is reduced
 * without `keepdims`. With `keepdims` on a 0-d input NumPy also returns a scalar; here that
 * holds for a JS scalar input (`scalarIn`), while a 0-d NDArray input keeps a 0-d NDArray, as the
 * `keepdims: true` overloads promise (README, "Differences from NumPy").
 */
export function unwrap(r: NDArray, _flags: readonly boolean[], keepdims: boolean, scalarIn = false): NDArray | number {
  return r.ndim === 0 && (!keepdims || scalarIn) ? (r.item() as number) : r;
}

/** The input was a JS number/boolean (NumPy: a Python scalar). */
const isScalarIn = (a: ArrayLike): boolean => typeof a === "number" || typeof a === "boolean";

/**
 * Axis flags of a ufunc reduction (`add`/`multiply`/`maximum`/`minimum`/`logical_*.reduce`):
 * NumPy accepts an integer axis 0 or −1 on a 0-d array as "no axis" (a tuple still raises).
 * `mean`/`var`/`std` count items with `normalize_axis_index` first and do not have this.
 */
function ufuncAxisFlags(axis: number | readonly number[] | null | undefined, ndim: number): boolean[] {
  if (ndim === 0 && (axis === 0 || axis === -1)) return [];
  return axisFlags(axis, ndim);
}

/** NumPy's error for a tuple axis where one integer is expected (argmax, cumsum, …). */
function checkIntAxis(axis: unknown): void {
  if (Array.isArray(axis)) throw new TypeError("'tuple' object cannot be interpreted as an integer");
}

function defaultSumDType(a: NDArray): DType {
  return a.dtype === "bool" ? "int64" : a.dtype;
}

/**
 * Sum of array elements over the given axes (NumPy `np.sum`), bit-exact with
 * NumPy for float64: pairwise summation along the innermost reduced memory
 * axis, sequential across the others, starting from +0.0.
 *
 * $$\texttt{sum}(a) = \sum_i a_i$$
 *
 * Special cases: empty → 0; `sum([-0.0])` is +0.0; NaN/±inf propagate; int64
 * and bool sum to int64 (exact; beyond 2^53 raises).
 *
 * @example
 * np.sum([1, 2, 3]); // 6.0
 * @numpy np.sum(np.array([1.0, 2.0, 3.0]))
 *
 * @example
 * np.sum([[1, 2], [3, 4]], { axis: 0 }); // [4. 6.]
 * @numpy np.sum(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=0)
 *
 * @example
 * np.sum(np.ones([2, 2]), { axis: 1, keepdims: true }).shape; // [2, 1]
 * @numpy list(np.sum(np.ones((2, 2)), axis=1, keepdims=True).shape)
 */
export function sum(a: ArrayLike, options?: SumOptions & AllAxes): number;
export function sum(a: ArrayLike, options: SumOptions & { keepdims: true }): NDArray;
export function sum(a: ArrayLike, options?: SumOptions): NDArray | number;
export function sum(a: ArrayLike, options: SumOptions = {}): NDArray | number {
  const arr = asarray(a);
  const flags = ufuncAxisFlags(options.axis, arr.ndim);
  const acc = options.dtype === undefined ? defaultSumDType(arr) : checkDType(options.dtype);
  // add on bool is logical or (NumPy casts the input to bool, NaN is true)
  if (acc === "bool") return unwrap(reduceCore(truthOf(arr), flags, "any", "bool", !!options.keepdims), flags, !!options.keepdims, isScalarIn(a));
  return unwrap(reduceCore(arr, flags, "sum", acc, !!options.keepdims), flags, !!options.keepdims, isScalarIn(a));
}

/**
 * Product of array elements (NumPy `np.prod`): sequential multiplication
 * from 1.0 in NumPy's iteration order (bit-exact).
 *
 * $$\texttt{prod}(a) = \prod_i a_i$$
 *
 * Special cases: empty → 1; int64 results beyond 2^53 raise (NumPy wraps).
 *
 * @example
 * np.prod([1, 2, 3, 4]); // 24.0
 * @numpy np.prod(np.array([1.0, 2.0, 3.0, 4.0]))
 */
export function prod(a: ArrayLike, options?: SumOptions & AllAxes): number;
export function prod(a: ArrayLike, options: SumOptions & { keepdims: true }): NDArray;
export function prod(a: ArrayLike, options?: SumOptions): NDArray | number;
export function prod(a: ArrayLike, options: SumOptions = {}): NDArray | number {
  const arr = asarray(a);
  const flags = ufuncAxisFlags(options.axis, arr.ndim);
  const acc = options.dtype === undefined ? defaultSumDType(arr) : checkDType(options.dtype);
  // multiply on bool is logical and
  if (acc === "bool") return unwrap(reduceCore(truthOf(arr), flags, "all", "bool", !!options.keepdims), flags, !!options.keepdims, isScalarIn(a));
  return unwrap(reduceCore(arr, flags, "prod", acc, !!options.keepdims), flags, !!options.keepdims, isScalarIn(a));
}

function countOf(shape: readonly number[], flags: readonly boolean[]): number {
  let c = 1;
  for (let i = 0; i < shape.length; i++) if (flags[i]) c *= shape[i];
  return c;
}

/** In-place element-wise division (NumPy's `true_divide(ret, n, out=ret)`). */
function divideInPlace(r: NDArray, d: number): void {
  const data = r.data as Float64Array;
  for (let i = 0; i < data.length; i++) data[i] = data[i] / d;
}

/**
 * Arithmetic mean (NumPy `np.mean`): NumPy's pairwise sum divided by the
 * count, bit-exact. int64/bool input is summed as float64 through NumPy's
 * 8192-element buffered chunks.
 *
 * $$\bar a = \frac{1}{N}\sum_{i=1}^{N} a_i$$
 *
 * Special cases: empty → NaN (NumPy also warns "Mean of empty slice").
 *
 * @example
 * np.mean([1, 2, 3, 4]); // 2.5
 * @numpy np.mean(np.array([1.0, 2.0, 3.0, 4.0]))
 *
 * @example
 * np.mean([[1, 2], [3, 4]], { axis: 1 }); // [1.5 3.5]
 * @numpy np.mean(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=1)
 */
export function mean(a: ArrayLike, options?: AllAxes): number;
export function mean(a: ArrayLike, options: ReduceOptions & { keepdims: true }): NDArray;
export function mean(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function mean(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  const arr = asarray(a);
  const flags = axisFlags(options.axis, arr.ndim);
  const keepdims = !!options.keepdims;
  const r = reduceCore(arr, flags, "sum", "float64", keepdims);
  divideInPlace(r, countOf(arr.shape, flags));
  return unwrap(r, flags, keepdims, isScalarIn(a));
}

function varCore(arr: NDArray, options: VarOptions): { r: NDArray; flags: boolean[]; keepdims: boolean } {
  const flags = axisFlags(options.axis, arr.ndim);
  const keepdims = !!options.keepdims;
  const ddof = options.ddof ?? 0;
  const n = countOf(arr.shape, flags);
  const arrmean = reduceCore(arr, flags, "sum", "float64", true);
  divideInPlace(arrmean, n);
  let x: NDArray;
  if (arr.dtype === "float64" && flags.every(Boolean) && isCContiguous(arr)) {
    // Whole contiguous array: (a − m)² in one loop into one buffer — the same two roundings per
    // element as NumPy's subtract then multiply, so the same bits, without the ufunc machinery.
    const m = (arrmean.data as Float64Array)[0];
    const src = arr.data as Float64Array;
    const d = new Float64Array(arr.size);
    for (let i = 0, j = arr.offset; i < d.length; i++, j++) {
      const t = src[j] - m;
      d[i] = t * t;
    }
    x = new NDArray(d, arr.shape);
  } else {
    x = subtract(arr, arrmean);
    const d = x.data as Float64Array; // fresh and C-ordered: square it in place, as NumPy's umr_multiply does
    for (let i = 0; i < d.length; i++) d[i] *= d[i];
  }
  const r = reduceCore(x, flags, "sum", "float64", keepdims);
  divideInPlace(r, Math.max(n - ddof, 0));
  return { r, flags, keepdims };
}

/**
 * Variance (NumPy `np.var`), two-pass like NumPy and bit-exact:
 * `m = sum(a)/N` (kept dims), `d = (a − m)²`, `sum(d) / max(N − ddof, 0)`.
 *
 * $$\operatorname{var}(a) = \frac{1}{N-\text{ddof}}\sum_{i=1}^{N} (a_i - \bar a)^2$$
 *
 * Special cases: `N − ddof ≤ 0` gives inf or NaN (NumPy also warns); empty → NaN.
 *
 * @example
 * np.var([1, 2, 3, 4]); // 1.25
 * @numpy np.var(np.array([1.0, 2.0, 3.0, 4.0]))
 *
 * @example
 * np.var([1, 2, 3, 4], { ddof: 1 }); // 1.6666666666666667
 * @numpy np.var(np.array([1.0, 2.0, 3.0, 4.0]), ddof=1)
 */
function var_(a: ArrayLike, options?: Omit<VarOptions, "axis" | "keepdims"> & AllAxes): number;
function var_(a: ArrayLike, options: VarOptions & { keepdims: true }): NDArray;
function var_(a: ArrayLike, options?: VarOptions): NDArray | number;
function var_(a: ArrayLike, options: VarOptions = {}): NDArray | number {
  const { r, flags, keepdims } = varCore(asarray(a), options);
  return unwrap(r, flags, keepdims, isScalarIn(a));
}
export { var_ as var };

/**
 * Standard deviation (NumPy `np.std`): `sqrt(var(a))`, bit-exact.
 *
 * $$\operatorname{std}(a) = \sqrt{\frac{1}{N-\text{ddof}}\sum_{i=1}^{N} (a_i - \bar a)^2}$$
 *
 * @example
 * np.std([1, 2, 3, 4]); // 1.118033988749895
 * @numpy np.std(np.array([1.0, 2.0, 3.0, 4.0]))
 */
export function std(a: ArrayLike, options?: Omit<VarOptions, "axis" | "keepdims"> & AllAxes): number;
export function std(a: ArrayLike, options: VarOptions & { keepdims: true }): NDArray;
export function std(a: ArrayLike, options?: VarOptions): NDArray | number;
export function std(a: ArrayLike, options: VarOptions = {}): NDArray | number {
  const { r, flags, keepdims } = varCore(asarray(a), options);
  const data = r.data as Float64Array;
  for (let i = 0; i < data.length; i++) data[i] = Math.sqrt(data[i]);
  return unwrap(r, flags, keepdims, isScalarIn(a));
}

/**
 * Maximum over the given axes (NumPy `np.max` / `np.amax`). NaN propagates.
 * For a bool array the scalar result is a JS boolean at run time (NumPy's
 * `np.bool`), although TypeScript types it as `number`.
 *
 * $$\max(a) = \max_i a_i$$
 *
 * Special cases: empty raises "zero-size array to reduction operation maximum
 * which has no identity". When the maximum is a tie between +0 and -0 the
 * sign is the one NumPy 2.4.6 returns on an AVX-512 x86 CPU (its SIMD lane
 * order for unit-stride lines, its 8-way scalar unroll for strided ones);
 * NumPy on AVX2-only or non-x86 CPUs can return the other zero.
 *
 * @example
 * np.max([1, 5, 3]); // 5.0
 * @numpy np.max(np.array([1.0, 5.0, 3.0]))
 *
 * @example
 * np.max([[1, 5], [7, 2]], { axis: 0 }); // [7. 5.]
 * @numpy np.max(np.array([[1.0, 5.0], [7.0, 2.0]]), axis=0)
 */
export function max(a: ArrayLike, options?: AllAxes): number;
export function max(a: ArrayLike, options: ReduceOptions & { keepdims: true }): NDArray;
export function max(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function max(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  const arr = asarray(a);
  const flags = ufuncAxisFlags(options.axis, arr.ndim);
  return unwrap(reduceCore(arr, flags, "max", arr.dtype, !!options.keepdims), flags, !!options.keepdims, isScalarIn(a));
}

/**
 * Minimum over the given axes (NumPy `np.min` / `np.amin`). NaN propagates.
 *
 * $$\min(a) = \min_i a_i$$
 *
 * Special cases: empty raises (no identity); see {@link max} for ±0 ties.
 *
 * @example
 * np.min([4, 1, 3]); // 1.0
 * @numpy np.min(np.array([4.0, 1.0, 3.0]))
 */
export function min(a: ArrayLike, options?: AllAxes): number;
export function min(a: ArrayLike, options: ReduceOptions & { keepdims: true }): NDArray;
export function min(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function min(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  const arr = asarray(a);
  const flags = ufuncAxisFlags(options.axis, arr.ndim);
  return unwrap(reduceCore(arr, flags, "min", arr.dtype, !!options.keepdims), flags, !!options.keepdims, isScalarIn(a));
}

/** Options of `argmax` / `argmin`: a single axis or null (flattened, C order). */
export interface ArgOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/** Index of the first maximum of a strided line; the first NaN wins (NumPy's argmax). */
function scanMax(data: ArrayLikeData, off: number, n: number, s: number): number {
  let best = 0;
  let bv = data[off];
  if (bv !== bv) return 0;
  for (let k = 1, p = off + s; k < n; k++, p += s) {
    const v = data[p];
    if (v > bv) {
      bv = v;
      best = k;
    } else if (v !== v) {
      return k;
    }
  }
  return best;
}

/** Index of the first minimum of a strided line; the first NaN wins (NumPy's argmin). */
function scanMin(data: ArrayLikeData, off: number, n: number, s: number): number {
  let best = 0;
  let bv = data[off];
  if (bv !== bv) return 0;
  for (let k = 1, p = off + s; k < n; k++, p += s) {
    const v = data[p];
    if (v < bv) {
      bv = v;
      best = k;
    } else if (v !== v) {
      return k;
    }
  }
  return best;
}

function argReduce(a: ArrayLike, options: ArgOptions, isMax: boolean): NDArray | number {
  let arr = asarray(a);
  const name = isMax ? "argmax" : "argmin";
  const keepdims = !!options.keepdims;
  const scanData = isMax ? scanMax : scanMin;
  checkIntAxis(options.axis);
  if (options.axis === null || options.axis === undefined) {
    if (arr.size === 0) throw new RangeError(`attempt to get ${name} of an empty sequence`);
    const flat = arr.reshape(-1); // view when possible, C order
    const r = scanData(flat.data, flat.offset, flat.size, flat.strides[0] ?? 1);
    // keepdims: all-ones shape; a JS scalar input gives a scalar like NumPy (a 0-d NDArray stays 0-d, see unwrap)
    if (keepdims && !isScalarIn(a)) return new NDArray(new Float64Array([r]), arr.shape.map(() => 1), undefined, 0, "int64");
    return r;
  }
  // NumPy's PyArray_CheckAxis views a 0-d array as 1-d (axis 0/-1 valid; the result is a scalar)
  const zeroD = arr.ndim === 0;
  if (zeroD) arr = arr.reshape(1);
  const ax = normalizeAxis(options.axis, arr.ndim);
  const n = arr.shape[ax];
  const outerShape = arr.shape.filter((_, i) => i !== ax);
  const outerStrides = arr.strides.filter((_, i) => i !== ax);
  let outSize = 1;
  for (const d of outerShape) outSize *= d;
  // raised whenever the reduced axis is empty, even when the result is empty too
  if (n === 0) throw new RangeError(`attempt to get ${name} of an empty sequence`);
  const out = new Float64Array(outSize);
  const s = arr.strides[ax];
  // C-order walk over the other axes
  const idx = new Array<number>(outerShape.length).fill(0);
  let off = arr.offset;
  for (let o = 0; o < outSize; o++) {
    out[o] = scanData(arr.data, off, n, s);
    for (let d = outerShape.length - 1; d >= 0; d--) {
      idx[d]++;
      off += outerStrides[d];
      if (idx[d] < outerShape[d]) break;
      off -= outerStrides[d] * outerShape[d];
      idx[d] = 0;
    }
  }
  const shape = keepdims && !zeroD ? arr.shape.map((d, i) => (i === ax ? 1 : d)) : outerShape;
  const res = new NDArray(out, shape, undefined, 0, "int64");
  return unwrap(res, [], keepdims, isScalarIn(a));
}

/**
 * Index of the maximum (NumPy `np.argmax`): the first occurrence; a NaN
 * counts as the maximum (the first NaN wins). Without `axis` the index is
 * into the flattened (C-order) array. Result dtype int64.
 *
 * $$\operatorname{argmax}(a) = \min\{\, i : a_i = \max_j a_j \,\}$$
 *
 * @example
 * np.argmax([1, 5, 5, 2]); // 1
 * @numpy np.argmax(np.array([1.0, 5.0, 5.0, 2.0]))
 *
 * @example
 * np.argmax([[1, 5], [7, 2]], { axis: 1 }); // [1 0]
 * @numpy np.argmax(np.array([[1.0, 5.0], [7.0, 2.0]]), axis=1)
 */
export function argmax(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function argmax(a: ArrayLike, options?: ArgOptions): NDArray | number;
export function argmax(a: ArrayLike, options: ArgOptions = {}): NDArray | number {
  return argReduce(a, options, true);
}

/**
 * Index of the minimum (NumPy `np.argmin`): first occurrence; first NaN wins.
 *
 * $$\operatorname{argmin}(a) = \min\{\, i : a_i = \min_j a_j \,\}$$
 *
 * @example
 * np.argmin([3, 1, 1]); // 1
 * @numpy np.argmin(np.array([3.0, 1.0, 1.0]))
 */
export function argmin(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function argmin(a: ArrayLike, options?: ArgOptions): NDArray | number;
export function argmin(a: ArrayLike, options: ArgOptions = {}): NDArray | number {
  return argReduce(a, options, false);
}

/** Internal: sum over axes with a given accumulator dtype, always an NDArray (used by linalg). */
export function sumArray(a: NDArray, axis: number | readonly number[] | null | undefined, keepdims: boolean): NDArray {
  const flags = axisFlags(axis, a.ndim);
  return reduceCore(a, flags, "sum", defaultSumDType(a), keepdims);
}

/** Internal: max/min over axes, always an NDArray (used by linalg). */
export function maxminArray(a: NDArray, axis: number | readonly number[] | null | undefined, keepdims: boolean, isMax: boolean): NDArray {
  const flags = axisFlags(axis, a.ndim);
  return reduceCore(a, flags, isMax ? "max" : "min", a.dtype, keepdims);
}

// ------------------------------------------------------------------ logical reductions, ptp, cumulative

/** The truth values of `a` in its own layout (bool storage; NaN is true). */
function truthOf(a: NDArray): NDArray {
  if (a.dtype === "bool") return a;
  const src = a.data;
  const t = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) t[i] = src[i] !== 0 ? 1 : 0;
  return new NDArray(t, a.shape, a.strides, a.offset, "bool");
}

function logical(a: ArrayLike, options: ReduceOptions, kind: "all" | "any"): NDArray | boolean {
  const arr = truthOf(asarray(a));
  const flags = ufuncAxisFlags(options.axis, arr.ndim);
  const keepdims = !!options.keepdims;
  const r = reduceCore(arr, flags, kind, "bool", keepdims);
  return unwrap(r, flags, keepdims, isScalarIn(a)) as NDArray | boolean;
}

/**
 * Whether every element is true (NumPy `np.all`, `logical_and.reduce`):
 * non-zero and NaN count as true.
 *
 * $$\texttt{all}(a) = \bigwedge_i (a_i \ne 0)$$
 *
 * Special cases: empty → true.
 *
 * @example
 * np.all([1, NaN, -2]); // True
 * @numpy np.all(np.array([1.0, np.nan, -2.0]))
 *
 * @example
 * np.all([[1, 0], [1, 1]], { axis: 1 }); // [False  True]
 * @numpy np.all(np.array([[1.0, 0.0], [1.0, 1.0]]), axis=1)
 */
export function all(a: ArrayLike, options?: AllAxes): boolean;
export function all(a: ArrayLike, options: ReduceOptions & { keepdims: true }): NDArray;
export function all(a: ArrayLike, options?: ReduceOptions): NDArray | boolean;
export function all(a: ArrayLike, options: ReduceOptions = {}): NDArray | boolean {
  return logical(a, options, "all");
}

/**
 * Whether any element is true (NumPy `np.any`, `logical_or.reduce`):
 * non-zero and NaN count as true.
 *
 * $$\texttt{any}(a) = \bigvee_i (a_i \ne 0)$$
 *
 * Special cases: empty → false.
 *
 * @example
 * np.any([0, -0, NaN]); // True
 * @numpy np.any(np.array([0.0, -0.0, np.nan]))
 */
export function any(a: ArrayLike, options?: AllAxes): boolean;
export function any(a: ArrayLike, options: ReduceOptions & { keepdims: true }): NDArray;
export function any(a: ArrayLike, options?: ReduceOptions): NDArray | boolean;
export function any(a: ArrayLike, options: ReduceOptions = {}): NDArray | boolean {
  return logical(a, options, "any");
}

/**
 * Number of non-zero elements (NumPy `np.count_nonzero`); NaN counts.
 * Without `axis` a JS number, else an int64 NDArray.
 *
 * $$\texttt{count\_nonzero}(a) = \#\{ i : a_i \ne 0 \}$$
 *
 * @example
 * np.count_nonzero([[0, 1, NaN], [0, 0, 2]], { axis: 0 }); // [0 1 2]
 * @numpy np.count_nonzero(np.array([[0.0, 1.0, np.nan], [0.0, 0.0, 2.0]]), axis=0)
 */
export function count_nonzero(a: ArrayLike, options?: AllAxes): number;
export function count_nonzero(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function count_nonzero(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  const arr = truthOf(asarray(a));
  const keepdims = !!options.keepdims;
  const flags = ufuncAxisFlags(options.axis, arr.ndim);
  return unwrap(reduceCore(arr, flags, "sum", "int64", keepdims), flags, keepdims, isScalarIn(a));
}

/**
 * Range of values, maximum minus minimum (NumPy `np.ptp`): `max − min`
 * over the axes, NaN propagates. Bit-exact (one IEEE subtraction).
 *
 * $$\texttt{ptp}(a) = \max_i a_i - \min_i a_i$$
 *
 * Special cases: empty raises like `max`; bool raises NumPy's "numpy boolean
 * subtract" TypeError.
 *
 * @example
 * np.ptp([[4, 9, 2], [1, 5, 7]], { axis: 1 }); // [7. 6.]
 * @numpy np.ptp(np.array([[4.0, 9.0, 2.0], [1.0, 5.0, 7.0]]), axis=1)
 */
export function ptp(a: ArrayLike, options?: AllAxes): number;
export function ptp(a: ArrayLike, options: ReduceOptions & { keepdims: true }): NDArray;
export function ptp(a: ArrayLike, options?: ReduceOptions): NDArray | number;
export function ptp(a: ArrayLike, options: ReduceOptions = {}): NDArray | number {
  const arr = asarray(a);
  const flags = ufuncAxisFlags(options.axis, arr.ndim);
  const keepdims = !!options.keepdims;
  const hi = reduceCore(arr, flags, "max", arr.dtype, keepdims);
  const lo = reduceCore(arr, flags, "min", arr.dtype, keepdims);
  if (arr.dtype === "bool") {
    throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  }
  const h = hi.data as Float64Array;
  const l = lo.data as Float64Array;
  for (let i = 0; i < h.length; i++) h[i] = h[i] - l[i];
  return unwrap(hi, flags, keepdims, isScalarIn(a));
}

/** Options of `cumsum` / `cumprod`. */
export interface CumOptions {
  /** Axis to accumulate along; `null`/omitted = the flattened (C-order) array. */
  axis?: number | null;
  /** Accumulator and result dtype (default: int64 for int64/bool input, else the input's). */
  dtype?: DType;
}

/** NumPy's `add.accumulate` / `multiply.accumulate` along one axis: out[0] = a[0], out[k] = out[k-1] ∘ a[k]. */
export function accumulate(a: NDArray, axis: number | null | undefined, isProd: boolean, dtype: DType | undefined): NDArray {
  let arr = a;
  let ax: number;
  checkIntAxis(axis);
  if (axis === null || axis === undefined) {
    arr = new NDArray(copyToC(a), [a.size], undefined, 0, a.dtype);
    ax = 0;
  } else {
    ax = normalizeAxis(axis, Math.max(arr.ndim, 1));
    if (arr.ndim === 0) arr = arr.reshape(1);
  }
  const acc = dtype === undefined ? defaultSumDType(arr) : checkDType(dtype);
  if (acc === "bool") return accumulateBool(arr, ax, isProd);
  const out = new NDArray(new Float64Array(arr.size), arr.shape, undefined, 0, acc);
  if (arr.size === 0) return out;
  const n = arr.shape[ax];
  const s = arr.strides[ax];
  const os = out.strides[ax];
  const offs = laneOffsets(arr, ax);
  const oOffs = laneOffsets(out, ax);
  const src = arr.data;
  const od = out.data as Float64Array;
  const isInt = acc === "int64";
  const trunc = isInt && arr.dtype === "float64";
  for (let l = 0; l < offs.length; l++) {
    let p = offs[l];
    let q = oOffs[l];
    let r = trunc ? Math.trunc(src[p]) : src[p];
    if (isInt && r === 0) r = 0; // int64 has no −0 (a float −0.4 cast by dtype=int64 is 0)
    od[q] = r;
    for (let k = 1; k < n; k++) {
      p += s;
      q += os;
      const x = trunc ? Math.trunc(src[p]) : src[p];
      r = isProd ? r * x : r + x;
      if (isInt) {
        if (r > MAX_INT || r < -MAX_INT) int53Error();
        if (r === 0) r = 0;
      }
      od[q] = r;
    }
  }
  return out;
}

/** `logical_or` / `logical_and.accumulate` (cumsum/cumprod with `dtype=bool`): the input's truth values (NaN is true). */
function accumulateBool(arr: NDArray, ax: number, isProd: boolean): NDArray {
  const t = truthOf(arr);
  const out = new NDArray(new Uint8Array(arr.size), arr.shape, undefined, 0, "bool");
  if (arr.size === 0) return out;
  const n = arr.shape[ax];
  const s = t.strides[ax];
  const os = out.strides[ax];
  const offs = laneOffsets(t, ax);
  const oOffs = laneOffsets(out, ax);
  const src = t.data as Uint8Array;
  const od = out.data as Uint8Array;
  for (let l = 0; l < offs.length; l++) {
    let p = offs[l];
    let q = oOffs[l];
    let r = src[p];
    od[q] = r;
    for (let k = 1; k < n; k++) {
      p += s;
      q += os;
      r = isProd ? r & src[p] : r | src[p];
      od[q] = r;
    }
  }
  return out;
}

/**
 * Cumulative sum (NumPy `np.cumsum`, `add.accumulate`): sequential along
 * the axis, `out[0] = a[0]`, `out[k] = out[k−1] + a[k]` — bit-exact.
 * Without `axis` the flattened (C-order) array. int64/bool give int64.
 *
 * $$\texttt{cumsum}(a)_k = \sum_{i \le k} a_i$$
 *
 * Special cases: `cumsum([-0.0])` is `[-0.0]` (no +0 start); NaN/inf propagate.
 *
 * @example
 * np.cumsum([[1, 2], [3, 4]]); // [ 1.  3.  6. 10.]
 * @numpy np.cumsum(np.array([[1.0, 2.0], [3.0, 4.0]]))
 *
 * @example
 * np.cumsum([[1, 2], [3, 4]], { axis: 0 }); // [[1. 2.]
 * //  [4. 6.]]
 * @numpy np.cumsum(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=0)
 */
export function cumsum(a: ArrayLike, options: CumOptions = {}): NDArray {
  return accumulate(asarray(a), options.axis, false, options.dtype);
}

/**
 * Cumulative product (NumPy `np.cumprod`, `multiply.accumulate`):
 * sequential, `out[0] = a[0]` — bit-exact.
 *
 * $$\texttt{cumprod}(a)_k = \prod_{i \le k} a_i$$
 *
 * @example
 * np.cumprod([1, 2, 3, 4]); // [ 1.  2.  6. 24.]
 * @numpy np.cumprod(np.array([1.0, 2.0, 3.0, 4.0]))
 */
export function cumprod(a: ArrayLike, options: CumOptions = {}): NDArray {
  return accumulate(asarray(a), options.axis, true, options.dtype);
}
