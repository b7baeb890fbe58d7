/**
 * Discrete convolution and correlation of 1-D sequences (NumPy's
 * `np.convolve`, `np.correlate`) and strided sliding-window views
 * (`np.lib.stride_tricks.sliding_window_view`).
 */
import { allocStorage, int53Error, MAX_INT, promoteTypes, type DType } from "./dtype.ts";
import { asarray } from "./creation.ts";
import { AxisError } from "./errors.ts";
import { fma } from "./kernels/libm.ts";
import { copyToC, NDArray, type ArrayLike } from "./ndarray.ts";

/** `"valid"` (only full overlaps), `"same"` (length of the longer input), `"full"` (every overlap). */
export type ConvolveMode = "valid" | "same" | "full";

function modeCode(mode: unknown): 0 | 1 | 2 {
  if (mode === "valid" || mode === "v" || mode === 0) return 0;
  if (mode === "same" || mode === "s" || mode === 1) return 1;
  if (mode === "full" || mode === "f" || mode === 2) return 2;
  const shown = typeof mode === "string" ? `'${mode}'` : String(mode);
  throw new RangeError(`mode must be one of 'valid', 'same', or 'full' (got ${shown})`);
}

function oneD(v: ArrayLike, ndmin: boolean): NDArray {
  let a = asarray(v);
  if (a.ndim === 0 && ndmin) a = new NDArray(a.data, [1], [0], a.offset, a.dtype);
  if (a.ndim === 0) throw new RangeError("object of too small depth for desired array");
  if (a.ndim > 1) throw new RangeError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
  return a;
}

/**
 * NumPy's `_pyarray_correlate` (numpy/_core/src/multiarray/multiarraymodule.c)
 * on contiguous float64 copies: `n_left` partial overlaps, the full
 * overlaps, `n_right` partial overlaps. The full overlaps of kernels of ≤ 11
 * elements are NumPy's `small_correlate` (sequential multiply-then-add from
 * +0); every other dot product is OpenBLAS `ddot` in NumPy (see `blasDot`).
 */
function correlateCore(x: Float64Array, k: Float64Array, mode: 0 | 1 | 2): Float64Array {
  const n1 = x.length;
  const n2 = k.length;
  let length = n1;
  let n = n2;
  let nLeft: number, nRight: number;
  if (mode === 0) {
    length = length - n + 1;
    nLeft = nRight = 0;
  } else if (mode === 1) {
    nLeft = Math.floor(n / 2);
    nRight = n - nLeft - 1;
  } else {
    nRight = n - 1;
    nLeft = n - 1;
    length = length + n - 1;
  }
  const out = new Float64Array(length);
  let o = 0;
  let ip1 = 0;
  let ip2 = nLeft;
  n = n - nLeft;
  for (let i = 0; i < nLeft; i++) {
    out[o++] = blasDot(x, ip1, k, ip2, n);
    n++;
    ip2--;
  }
  const full = n1 - n2 + 1;
  if (n <= 11) {
    // small_correlate: plain multiply-then-add, sequential
    for (let i = 0; i < full; i++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += x[ip1 + t] * k[ip2 + t];
      out[o++] = s;
      ip1++;
    }
  } else {
    for (let i = 0; i < full; i++) {
      out[o++] = blasDot(x, ip1, k, ip2, n);
      ip1++;
    }
  }
  for (let i = 0; i < nRight; i++) {
    n--;
    out[o++] = blasDot(x, ip1, k, ip2, n);
    ip1++;
  }
  return out;
}

/**
 * NumPy's `DOUBLE_dot` → OpenBLAS `ddot` (SkylakeX build, FMA): below 16 terms its C tail loop
 * `dot += y[i] * x[i]` is compiled to a fused multiply-add chain from +0 — reproduced exactly. From
 * 16 terms the AVX-512 kernel reorders the sum; that part is sequential here (a few ulp, README).
 */
function blasDot(x: Float64Array, ix: number, k: Float64Array, ik: number, n: number): number {
  let s = 0;
  if (n < 16) {
    for (let t = 0; t < n; t++) s = fma(k[ik + t], x[ix + t], s);
  } else {
    for (let t = 0; t < n; t++) s += x[ix + t] * k[ik + t];
  }
  return s;
}

function finishType(res: Float64Array, dtype: DType): NDArray {
  if (dtype === "float64") return new NDArray(res, [res.length]);
  if (dtype === "int64") {
    for (let i = 0; i < res.length; i++) if (Math.abs(res[i]) > MAX_INT) int53Error();
    return new NDArray(res, [res.length], undefined, 0, "int64");
  }
  const b = allocStorage("bool", res.length);
  for (let i = 0; i < res.length; i++) b[i] = res[i] !== 0 ? 1 : 0;
  return new NDArray(b, [res.length], undefined, 0, "bool");
}

/**
 * Discrete linear convolution of two 1-D sequences (NumPy `np.convolve`):
 *
 * $$(a * v)_k = \sum_m a_m\, v_{k-m}.$$
 *
 * `mode`: `"full"` (default, length $N + M - 1$), `"same"` (length
 * $\max(N, M)$), `"valid"` (length $\max(N, M) - \min(N, M) + 1$).
 *
 * Algorithm: NumPy's — the arguments are swapped when `v` is longer, then
 * `correlate(a, v[::-1])` with NumPy's loop structure and a sequential
 * dot product per output. Bit-identical to NumPy when the shorter input
 * has ≤ 11 elements (NumPy's `small_correlate`) and for the partial
 * overlaps of up to 15 terms; longer dot products go through OpenBLAS in
 * NumPy and may differ by a few ulp. int64 inputs give int64, bool gives bool.
 *
 * Special cases: "a cannot be empty", "v cannot be empty"; "mode must be
 * one of 'valid', 'same', or 'full' (got 'x')".
 *
 * @example
 * np.convolve([1, 2, 3], [0, 1, 0.5]); // [0.  1.  2.5 4.  1.5]
 * @numpy np.convolve([1.0, 2.0, 3.0], [0.0, 1.0, 0.5])
 *
 * @example
 * np.convolve([1, 2, 3], [0, 1, 0.5], "same"); // [1.  2.5 4. ]
 * @numpy np.convolve([1.0, 2.0, 3.0], [0.0, 1.0, 0.5], "same")
 */
export function convolve(a: ArrayLike, v: ArrayLike, mode: ConvolveMode = "full"): NDArray {
  let aa = oneD(a, true);
  let va = oneD(v, true);
  if (aa.shape[0] === 0) throw new RangeError("a cannot be empty");
  if (va.shape[0] === 0) throw new RangeError("v cannot be empty");
  const m = modeCode(mode);
  if (va.shape[0] > aa.shape[0]) [aa, va] = [va, aa];
  const dtype = promoteTypes(aa.dtype, va.dtype);
  const x = copyToC(aa, "float64") as Float64Array;
  const k0 = copyToC(va, "float64") as Float64Array;
  const k = new Float64Array(k0.length);
  for (let i = 0; i < k.length; i++) k[i] = k0[k.length - 1 - i];
  return finishType(correlateCore(x, k, m), dtype);
}

/**
 * Cross-correlation of two 1-D sequences (NumPy `np.correlate`, i.e.
 * `multiarray.correlate2`):
 *
 * $$c_k = \sum_n a_{n+k}\, \overline{v_n}.$$
 *
 * `mode` defaults to `"valid"`. When `v` is longer than `a` NumPy computes
 * `correlate(v, a)` and reverses the output; so does this. (Real inputs
 * only, so the conjugation is the identity.)
 *
 * Algorithm and accuracy as {@link convolve}.
 *
 * Special cases: "first array argument cannot be empty", "second array
 * argument cannot be empty".
 *
 * @example
 * np.correlate([1, 2, 3], [0, 1, 0.5]); // [3.5]
 * @numpy np.correlate([1.0, 2.0, 3.0], [0.0, 1.0, 0.5])
 *
 * @example
 * np.correlate([1, 2, 3], [0, 1, 0.5], "full"); // [0.5 2.  3.5 3.  0. ]
 * @numpy np.correlate([1.0, 2.0, 3.0], [0.0, 1.0, 0.5], "full")
 */
export function correlate(a: ArrayLike, v: ArrayLike, mode: ConvolveMode = "valid"): NDArray {
  const m = modeCode(mode);
  const aa = oneD(a, false);
  const va = oneD(v, false);
  const dtype = promoteTypes(aa.dtype, va.dtype);
  if (aa.shape[0] === 0) throw new RangeError("first array argument cannot be empty");
  if (va.shape[0] === 0) throw new RangeError("second array argument cannot be empty");
  let x = copyToC(aa, "float64") as Float64Array;
  let k = copyToC(va, "float64") as Float64Array;
  const inverted = x.length < k.length;
  if (inverted) [x, k] = [k, x];
  const res = correlateCore(x, k, m);
  if (inverted) res.reverse();
  return finishType(res, dtype);
}

/** Options of {@link sliding_window_view}. */
export interface SlidingWindowOptions {
  /** Axis or axes the windows slide along (default: all axes, one window size each). */
  axis?: number | readonly number[] | null;
}

/**
 * A sliding-window view of an array (NumPy
 * `np.lib.stride_tricks.sliding_window_view`): for a 1-D `x` and window
 * $w$, `out[i, j] = x[i + j]`, shape $(n - w + 1, w)$. In general the
 * windowed axes shrink by $w - 1$ and the window dimensions are appended
 * at the end; the same axis may be windowed several times.
 *
 * The result is a **view** sharing `x`'s memory (no copy), built from
 * strides exactly as NumPy's `as_strided` call. NumPy marks it read-only;
 * here it is writable — writing through overlapping windows writes the
 * shared elements.
 *
 * Special cases: "window shape cannot be larger than input array shape";
 * "`window_shape` cannot contain negative values"; window/axis count
 * mismatches raise NumPy's messages.
 *
 * @example
 * np.lib.stride_tricks.sliding_window_view(np.arange(6), 3); // [[0. 1. 2.]
 * //  [1. 2. 3.]
 * //  [2. 3. 4.]
 * //  [3. 4. 5.]]
 * @numpy np.lib.stride_tricks.sliding_window_view(np.arange(6.0), 3)
 *
 * @example
 * np.lib.stride_tricks.sliding_window_view(np.arange(6).reshape(2, 3), 2, { axis: 1 }).shape; // (2, 2, 2)
 * @numpy np.lib.stride_tricks.sliding_window_view(np.arange(6.0).reshape(2, 3), 2, axis=1).shape
 */
export function sliding_window_view(x: ArrayLike, window_shape: number | readonly number[], options: SlidingWindowOptions = {}): NDArray {
  const ws = typeof window_shape === "number" ? [window_shape] : window_shape.slice();
  const xa = asarray(x);
  const nd = xa.ndim;
  for (const w of ws) {
    if (!Number.isInteger(w)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (w < 0) throw new RangeError("`window_shape` cannot contain negative values");
  }
  let axes: number[];
  if (options.axis === null || options.axis === undefined) {
    axes = [];
    for (let i = 0; i < nd; i++) axes.push(i);
    if (ws.length !== axes.length) {
      throw new RangeError(`Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${ws.length} window_shape elements and \`x.ndim\` is ${nd}.`);
    }
  } else {
    const list = typeof options.axis === "number" ? [options.axis] : options.axis;
    axes = list.map((ax) => {
      if (!Number.isInteger(ax)) throw new TypeError("'float' object cannot be interpreted as an integer");
      if (ax < -nd || ax >= nd) throw new AxisError(`axis ${ax} is out of bounds for array of dimension ${nd}`);
      return ax < 0 ? ax + nd : ax;
    });
    if (ws.length !== axes.length) {
      throw new RangeError(`Must provide matching length window_shape and axis; got ${ws.length} window_shape elements and ${axes.length} axes elements.`);
    }
  }
  const strides = xa.strides.concat(axes.map((ax) => xa.strides[ax]));
  const trimmed = xa.shape.slice();
  for (let i = 0; i < axes.length; i++) {
    if (trimmed[axes[i]] < ws[i]) throw new RangeError("window shape cannot be larger than input array shape");
    trimmed[axes[i]] -= ws[i] - 1;
  }
  return new NDArray(xa.data, trimmed.concat(ws), strides, xa.offset, xa.dtype);
}

/** NumPy's `np.lib` namespace (the parts implemented here). */
export const lib = {
  /** `np.lib.stride_tricks`. */
  stride_tricks: { sliding_window_view },
};
