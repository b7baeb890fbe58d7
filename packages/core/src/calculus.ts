/**
 * Numerical calculus: finite differences, gradients, trapezoidal integration
 * and linear interpolation — ports of NumPy 2.4.6's `np.diff`,
 * `np.gradient`, `np.trapezoid`, `np.interp` (and SciPy's
 * `cumulative_trapezoid`), with NumPy's operation order so the results are
 * the same bits.
 */
import { allocStorage, MAX_INT } from "./dtype.ts";
import { asarray } from "./creation.ts";
import { IndexError } from "./errors.ts";
import { bestAxisOrder, normalizeAxis, stridesForPerm } from "./iter.ts";
import { concatenate } from "./manipulation.ts";
import { copyToC, NDArray, shapeSize, type ArrayLike } from "./ndarray.ts";
import { not_equal } from "./logic.ts";
import { sum } from "./reductions.ts";
import { add, divide, multiply, subtract } from "./ufunc.ts";

// ------------------------------------------------------------------ helpers

/** A view of `a` restricted to `[start, stop)` along `axis` (no copy). */
function sliceAxis(a: NDArray, axis: number, start: number, stop: number): NDArray {
  const n = a.shape[axis];
  const s = Math.max(0, Math.min(n, start < 0 ? start + n : start));
  const e = Math.max(s, Math.min(n, stop < 0 ? stop + n : stop));
  const shape = a.shape.slice();
  shape[axis] = e - s;
  return new NDArray(a.data, shape, a.strides, a.offset + s * a.strides[axis], a.dtype);
}

/** A JS number as NumPy's weak scalar next to `like`: integer-valued numbers keep an int64 array int64. */
function weakScalarArray(v: ArrayLike, like: NDArray): NDArray {
  if (typeof v === "number" && like.dtype === "int64" && Number.isInteger(v) && Math.abs(v) <= MAX_INT) {
    return new NDArray(new Float64Array([v]), [], [], 0, "int64");
  }
  return asarray(v);
}

/** A fresh array of `shape` laid out like `like` (NumPy's `empty_like`, K order). */
function emptyLike(like: NDArray): NDArray {
  const perm = bestAxisOrder(like.shape, [like.strides]);
  const strides = stridesForPerm(like.shape, perm);
  return new NDArray(allocStorage("float64", shapeSize(like.shape)), like.shape, strides, 0, "float64");
}

/** Calls `body(fOff, oOff)` for the start of every 1-D line along `axis` of two same-shape arrays. */
function forEachAxisLine(shape: readonly number[], axis: number, fs: readonly number[], f0: number, os: readonly number[], o0: number, body: (fOff: number, oOff: number) => void): void {
  const nd = shape.length;
  for (let d = 0; d < nd; d++) if (d !== axis && shape[d] === 0) return;
  const axes: number[] = [];
  for (let d = 0; d < nd; d++) if (d !== axis) axes.push(d);
  const idx = new Array<number>(axes.length).fill(0);
  let fo = f0;
  let oo = o0;
  for (;;) {
    body(fo, oo);
    let k = axes.length - 1;
    for (; k >= 0; k--) {
      const d = axes[k];
      idx[k]++;
      fo += fs[d];
      oo += os[d];
      if (idx[k] < shape[d]) break;
      fo -= fs[d] * shape[d];
      oo -= os[d] * shape[d];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

// --------------------------------------------------------------------- diff

/** Options of {@link diff}. */
export interface DiffOptions {
  /** Number of times values are differenced (default 1; 0 returns the input). */
  n?: number;
  /** Axis along which to difference (default −1, the last). */
  axis?: number;
  /** Values to prepend along `axis` before differencing (a scalar is broadcast to length 1). */
  prepend?: ArrayLike;
  /** Values to append along `axis` before differencing. */
  append?: ArrayLike;
}

/**
 * The n-th discrete difference along an axis (NumPy `np.diff`):
 *
 * $$\mathrm{out}_i = a_{i+1} - a_i,$$
 *
 * applied `n` times; the result is one element shorter along `axis` per
 * round. Algorithm: NumPy's — `subtract(a[1:], a[:-1])` (bit-exact; bool
 * arrays use `not_equal`, as NumPy does); `prepend`/`append` are
 * concatenated first (scalars broadcast to one slice).
 *
 * Special cases: `n = 0` returns the input; "order must be non-negative but
 * got -1"; "diff requires input that is at least one dimensional"; int64
 * stays int64 (no wrap-around here: results beyond 2^53 raise).
 *
 * @example
 * np.diff([1, 2, 4, 7, 0]); // [ 1.  2.  3. -7.]
 * @numpy np.diff(np.array([1.0, 2.0, 4.0, 7.0, 0.0]))
 *
 * @example
 * np.diff([[1, 3, 6, 10], [0, 5, 6, 8]], { n: 2 }); // [[ 1.  1.]
 * //  [-4.  1.]]
 * @numpy np.diff(np.array([[1.0, 3.0, 6.0, 10.0], [0.0, 5.0, 6.0, 8.0]]), n=2)
 */
export function diff(a: ArrayLike, options: DiffOptions = {}): NDArray {
  const n = options.n ?? 1;
  if (!Number.isInteger(n)) throw new TypeError("'float' object cannot be interpreted as an integer");
  let arr = asarray(a);
  if (n === 0) return arr;
  if (n < 0) throw new RangeError(`order must be non-negative but got ${n}`);
  const nd = arr.ndim;
  if (nd === 0) throw new RangeError("diff requires input that is at least one dimensional");
  const axis = normalizeAxis(options.axis ?? -1, nd);
  const parts: NDArray[] = [];
  const edge = (v: ArrayLike): NDArray => {
    let p = weakScalarArray(v, arr);
    if (p.ndim === 0) {
      const shape = arr.shape.slice();
      shape[axis] = 1;
      const data = allocStorage(p.dtype, shapeSize(shape));
      data.fill(p.data[p.offset]);
      p = new NDArray(data, shape, undefined, 0, p.dtype);
    }
    return p;
  };
  if (options.prepend !== undefined) parts.push(edge(options.prepend));
  parts.push(arr);
  if (options.append !== undefined) parts.push(edge(options.append));
  if (parts.length > 1) arr = concatenate(parts, { axis });
  for (let k = 0; k < n; k++) {
    const len = arr.shape[axis];
    const hi = sliceAxis(arr, axis, 1, len);
    const lo = sliceAxis(arr, axis, 0, Math.max(len - 1, 0));
    arr = (arr.dtype === "bool" ? not_equal(hi, lo) : subtract(hi, lo)) as NDArray;
  }
  return arr;
}

// ----------------------------------------------------------------- gradient

/** Options of {@link gradient}: NumPy's keyword arguments. */
export interface GradientOptions {
  /** Axis or axes to differentiate along (default: all). */
  axis?: number | readonly number[] | null;
  /** Order of the one-sided differences at the boundaries, 1 (default) or 2. */
  edge_order?: number;
}

type Spacing = number | ArrayLike;

function isOptions(v: unknown): v is GradientOptions {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof NDArray);
}

/**
 * The gradient of an N-dimensional array (NumPy `np.gradient`): second-order
 * central differences in the interior and first- or second-order one-sided
 * differences at the boundaries. With uniform spacing $h$
 *
 * $$g_i = \frac{f_{i+1} - f_{i-1}}{2h},\qquad g_0 = \frac{f_1 - f_0}{h},$$
 *
 * and with coordinates ($h_s = x_i - x_{i-1}$, $h_d = x_{i+1} - x_i$)
 *
 * $$g_i = -\frac{h_d}{h_s(h_s + h_d)} f_{i-1} + \frac{h_d - h_s}{h_s h_d} f_i + \frac{h_s}{h_d(h_s + h_d)} f_{i+1}.$$
 *
 * Spacing arguments follow NumPy: none (1 on every axis), one scalar for all
 * axes, or one scalar or 1-D coordinate array per differentiated axis;
 * coordinates whose differences are all equal reduce to the scalar case, as
 * in NumPy. Options: `axis` (int or list) and `edge_order` (1 or 2).
 *
 * Algorithm: a port of NumPy 2.4.6's `gradient` (numpy/lib/_function_base_impl.py)
 * with the same expressions and evaluation order, so results are
 * bit-identical. int64 input is converted to float64 first.
 *
 * Returns one array when one axis is differentiated, otherwise an array per
 * axis (NumPy's tuple).
 *
 * Special cases: "Shape of array too small to calculate a numerical
 * gradient, at least (edge_order + 1) elements are required."; "'edge_order'
 * greater than 2 not supported"; "invalid number of arguments"; bool input
 * raises NumPy's "numpy boolean subtract …" TypeError.
 *
 * @example
 * np.gradient([1, 2, 4, 7, 11]); // [1.  1.5 2.5 3.5 4. ]
 * @numpy np.gradient(np.array([1.0, 2.0, 4.0, 7.0, 11.0]))
 *
 * @example
 * np.gradient([1, 2, 4, 7, 11, 16], [0, 1, 1.5, 3.5, 4, 6]); // [1.  3.  3.5 6.7 6.9 2.5]
 * @numpy np.gradient(np.array([1.0, 2.0, 4.0, 7.0, 11.0, 16.0]), np.array([0.0, 1.0, 1.5, 3.5, 4.0, 6.0]))
 *
 * @example
 * np.gradient([0, 1, 4, 9, 16], { edge_order: 2 }); // [0. 2. 4. 6. 8.]
 * @numpy np.gradient(np.array([0.0, 1.0, 4.0, 9.0, 16.0]), edge_order=2)
 *
 * @example
 * np.gradient([[1, 2, 6], [3, 4, 5]], 2, [1, 1.5, 3.5])[1]; // [[2.  2.  2. ]
 * //  [2.  1.7 0.5]]
 * @numpy np.gradient(np.array([[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]]), 2.0, np.array([1.0, 1.5, 3.5]))[1]
 */
export function gradient(f: ArrayLike, ...args: (Spacing | GradientOptions)[]): NDArray | NDArray[] {
  let options: GradientOptions = {};
  if (args.length > 0 && isOptions(args[args.length - 1])) options = args.pop() as GradientOptions;
  const varargs = args as Spacing[];
  let fa = asarray(f);
  const N = fa.ndim;
  let axes: number[];
  if (options.axis === null || options.axis === undefined) {
    axes = [];
    for (let i = 0; i < N; i++) axes.push(i);
  } else {
    const list = typeof options.axis === "number" ? [options.axis] : options.axis;
    axes = list.map((ax) => normalizeAxis(ax, N));
    if (new Set(axes).size !== axes.length) throw new RangeError("repeated axis");
  }
  const lenAxes = axes.length;
  const n = varargs.length;
  const dx: (number | Float64Array)[] = [];
  const scalarOf = (v: Spacing): number | null => {
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    const a = asarray(v);
    return a.ndim === 0 ? (a.data[a.offset] as number) : null;
  };
  if (n === 0) {
    for (let i = 0; i < lenAxes; i++) dx.push(1.0);
  } else if (n === 1 && scalarOf(varargs[0]) !== null) {
    const s = scalarOf(varargs[0]) as number;
    for (let i = 0; i < lenAxes; i++) dx.push(s);
  } else if (n === lenAxes) {
    for (let i = 0; i < n; i++) {
      const s = scalarOf(varargs[i]);
      if (s !== null) {
        dx.push(s);
        continue;
      }
      const d = asarray(varargs[i]);
      if (d.ndim !== 1) throw new RangeError("distances must be either scalars or 1d");
      if (d.shape[0] !== fa.shape[axes[i]]) throw new RangeError("when 1d, distances must match the length of the corresponding dimension");
      const m = d.shape[0];
      const diffx = new Float64Array(Math.max(m - 1, 0));
      if (d.dtype === "bool") {
        // np.diff of bool is not_equal: 0/1, then (diffx == diffx[0]) as below
        for (let k = 0; k < m - 1; k++) diffx[k] = d.data[d.offset + (k + 1) * d.strides[0]] !== d.data[d.offset + k * d.strides[0]] ? 1 : 0;
      } else {
        for (let k = 0; k < m - 1; k++) diffx[k] = (d.data[d.offset + (k + 1) * d.strides[0]] as number) - (d.data[d.offset + k * d.strides[0]] as number);
      }
      if (diffx.length === 0) throw new IndexError("index 0 is out of bounds for axis 0 with size 0");
      let uniform = true;
      for (let k = 1; k < diffx.length && uniform; k++) if (!(diffx[k] === diffx[0])) uniform = false;
      if (!(diffx[0] === diffx[0])) uniform = false;
      dx.push(uniform ? diffx[0] : diffx);
    }
  } else {
    throw new TypeError("invalid number of arguments");
  }
  const edgeOrder = options.edge_order ?? 1;
  if (edgeOrder > 2) throw new RangeError("'edge_order' greater than 2 not supported");
  if (fa.dtype === "int64") fa = new NDArray(copyToC(fa, "float64"), fa.shape, undefined, 0, "float64");

  const outvals: NDArray[] = [];
  for (let k = 0; k < lenAxes; k++) {
    const axis = axes[k];
    const axDx = dx[k];
    const len = fa.shape[axis];
    if (len < edgeOrder + 1) {
      throw new RangeError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.");
    }
    if (fa.dtype === "bool") {
      throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
    }
    const out = emptyLike(fa);
    const fd = fa.data as Float64Array;
    const od = out.data as Float64Array;
    const fs = fa.strides[axis];
    const os = out.strides[axis];
    const uniform = typeof axDx === "number";
    // interior coefficients (non-uniform): a, b, c per interior point
    let ca: Float64Array | null = null, cb: Float64Array | null = null, cc: Float64Array | null = null;
    if (!uniform) {
      const h = axDx as Float64Array;
      const m = Math.max(len - 2, 0);
      ca = new Float64Array(m);
      cb = new Float64Array(m);
      cc = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        const dx1 = h[i];
        const dx2 = h[i + 1];
        ca[i] = -dx2 / (dx1 * (dx1 + dx2));
        cb[i] = (dx2 - dx1) / (dx1 * dx2);
        cc[i] = dx1 / (dx2 * (dx1 + dx2));
      }
    }
    const twoDx = uniform ? 2.0 * (axDx as number) : 0;
    // edge coefficients
    let e0a = 0, e0b = 0, e0c = 0, ena = 0, enb = 0, enc = 0, dx0 = 0, dxn = 0;
    if (edgeOrder === 1) {
      dx0 = uniform ? (axDx as number) : (axDx as Float64Array)[0];
      dxn = uniform ? (axDx as number) : (axDx as Float64Array)[(axDx as Float64Array).length - 1];
    } else if (uniform) {
      const h = axDx as number;
      e0a = -1.5 / h; e0b = 2.0 / h; e0c = -0.5 / h;
      ena = 0.5 / h; enb = -2.0 / h; enc = 1.5 / h;
    } else {
      const h = axDx as Float64Array;
      let dx1 = h[0], dx2 = h[1];
      e0a = -(2.0 * dx1 + dx2) / (dx1 * (dx1 + dx2));
      e0b = (dx1 + dx2) / (dx1 * dx2);
      e0c = -dx1 / (dx2 * (dx1 + dx2));
      dx1 = h[h.length - 2];
      dx2 = h[h.length - 1];
      ena = dx2 / (dx1 * (dx1 + dx2));
      enb = -(dx2 + dx1) / (dx1 * dx2);
      enc = (2.0 * dx2 + dx1) / (dx2 * (dx1 + dx2));
    }
    forEachAxisLine(fa.shape, axis, fa.strides, fa.offset, out.strides, out.offset, (fo, oo) => {
      if (uniform) {
        for (let i = 1; i < len - 1; i++) od[oo + i * os] = (fd[fo + (i + 1) * fs] - fd[fo + (i - 1) * fs]) / twoDx;
      } else {
        const A = ca!, B = cb!, C = cc!;
        for (let i = 1; i < len - 1; i++) {
          od[oo + i * os] = A[i - 1] * fd[fo + (i - 1) * fs] + B[i - 1] * fd[fo + i * fs] + C[i - 1] * fd[fo + (i + 1) * fs];
        }
      }
      const l1 = len - 1;
      if (edgeOrder === 1) {
        od[oo] = (fd[fo + fs] - fd[fo]) / dx0;
        od[oo + l1 * os] = (fd[fo + l1 * fs] - fd[fo + (l1 - 1) * fs]) / dxn;
      } else {
        od[oo] = e0a * fd[fo] + e0b * fd[fo + fs] + e0c * fd[fo + 2 * fs];
        od[oo + l1 * os] = ena * fd[fo + (l1 - 2) * fs] + enb * fd[fo + (l1 - 1) * fs] + enc * fd[fo + l1 * fs];
      }
    });
    outvals.push(out);
  }
  return lenAxes === 1 ? outvals[0] : outvals;
}

// ---------------------------------------------------------------- trapezoid

/** Options of {@link trapezoid} and {@link cumulative_trapezoid}. */
export interface TrapezoidOptions {
  /** Sample points (1-D along `axis`, or the shape of `y`); default: spacing `dx`. */
  x?: ArrayLike | null;
  /** Spacing when `x` is not given (default 1.0). */
  dx?: number;
  /** Axis to integrate along (default −1). */
  axis?: number;
}

/** `d * (y[1:] + y[:-1]) / 2.0` along `axis`, NumPy's expression and layout. */
function trapezoidTerms(y: NDArray, x: ArrayLike | null | undefined, dx: number, axis: number): NDArray {
  let d: NDArray | number;
  if (x === null || x === undefined) {
    d = dx;
  } else {
    const xa = asarray(x);
    if (xa.ndim === 1) {
      const dd = diff(xa);
      const shape = new Array<number>(y.ndim).fill(1);
      shape[axis] = dd.shape[0];
      d = dd.reshape(shape);
    } else {
      d = diff(xa, { axis });
    }
  }
  const len = y.shape[axis];
  const s1 = sliceAxis(y, axis, 1, len);
  const s2 = sliceAxis(y, axis, 0, Math.max(len - 1, 0));
  // a JS 1.0 would be a weak *integer* scalar here; NumPy's dx=1.0 is a float
  const dArr = typeof d === "number" ? new NDArray(new Float64Array([d]), [], [], 0, "float64") : d;
  return divide(multiply(dArr, add(s1, s2)), 2.0) as NDArray;
}

/**
 * Integral by the composite trapezoidal rule (NumPy 2 `np.trapezoid`,
 * formerly `trapz`):
 *
 * $$\int y\,dx \approx \sum_{i} \frac{(x_{i+1} - x_i)(y_{i+1} + y_i)}{2}.$$
 *
 * Algorithm: NumPy's expression `(d * (y[1:] + y[:-1]) / 2.0).sum(axis)`
 * with NumPy's pairwise summation (`np.sum`), so bit-identical to NumPy.
 * `x` may be 1-D (its differences broadcast along `axis`) or shaped like `y`.
 * Returns a JS number when the result is a scalar.
 *
 * @example
 * np.trapezoid([1, 2, 3]); // 4.0
 * @numpy np.trapezoid(np.array([1.0, 2.0, 3.0]))
 *
 * @example
 * np.trapezoid([1, 2, 3], { x: [4, 6, 8] }); // 8.0
 * @numpy np.trapezoid(np.array([1.0, 2.0, 3.0]), x=np.array([4.0, 6.0, 8.0]))
 *
 * @example
 * np.trapezoid([[0, 1, 2], [3, 4, 5]], { axis: 0 }); // [1.5 2.5 3.5]
 * @numpy np.trapezoid(np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), axis=0)
 */
export function trapezoid(y: ArrayLike, options: TrapezoidOptions = {}): NDArray | number {
  const ya = asarray(y);
  const ax = options.axis ?? -1;
  if (!(ax >= -ya.ndim && ax < ya.ndim)) {
    // NumPy indexes Python lists with `axis` (`slice1[axis] = …`): an IndexError, after `diff(x, axis=axis)`
    // for an n-d `x` (which raises its AxisError first when `axis` is out of range for `x` too)
    if (options.x !== null && options.x !== undefined) {
      const xa = asarray(options.x);
      if (xa.ndim !== 1) diff(xa, { axis: ax });
    }
    throw new IndexError("list assignment index out of range");
  }
  const axis = normalizeAxis(ax, ya.ndim);
  const terms = trapezoidTerms(ya, options.x, options.dx ?? 1.0, axis);
  return sum(terms, { axis });
}

/** Options of {@link cumulative_trapezoid}. */
export interface CumulativeTrapezoidOptions extends TrapezoidOptions {
  /** `0` inserts a leading 0 so the result has the length of `y` (SciPy accepts only `0` or `null`). */
  initial?: number | null;
}

/**
 * Running integral by the trapezoidal rule (SciPy's
 * `scipy.integrate.cumulative_trapezoid`):
 *
 * $$F_k = \sum_{i < k} \frac{(x_{i+1} - x_i)(y_{i+1} + y_i)}{2},\qquad k = 1, \dots, n-1.$$
 *
 * Algorithm: SciPy's — `np.cumsum(d * (y[1:] + y[:-1]) / 2.0, axis)`
 * (sequential running sum), optionally prefixed by `initial = 0`; bit-exact
 * with that NumPy expression. The result is one shorter than `y` along
 * `axis` unless `initial` is given.
 *
 * Special cases: "At least one point is required along `axis`.";
 * "If given, shape of x must be 1-D or the same as y."; "If given, length of
 * x along axis must be the same as y."; "`initial` must be `None` or `0`.".
 *
 * @example
 * np.cumulative_trapezoid([1, 2, 3, 4], { initial: 0 }); // [0.  1.5 4.  7.5]
 * @numpy y = np.array([1.0, 2.0, 3.0, 4.0]); np.concatenate([[0.0], np.cumsum((y[1:] + y[:-1]) / 2.0)])
 */
export function cumulative_trapezoid(y: ArrayLike, options: CumulativeTrapezoidOptions = {}): NDArray {
  const ya = asarray(y);
  const axis = normalizeAxis(options.axis ?? -1, ya.ndim);
  if (ya.shape[axis] === 0) throw new RangeError("At least one point is required along `axis`.");
  if (options.x !== null && options.x !== undefined) {
    const xa = asarray(options.x);
    if (xa.ndim !== 1 && xa.ndim !== ya.ndim) throw new RangeError("If given, shape of x must be 1-D or the same as y.");
    const xl = xa.ndim === 1 ? xa.shape[0] : xa.shape[axis];
    if (xl !== ya.shape[axis]) throw new RangeError("If given, length of x along axis must be the same as y.");
  }
  const initial = options.initial;
  if (initial !== null && initial !== undefined && initial !== 0) throw new RangeError("`initial` must be `None` or `0`.");
  const terms = trapezoidTerms(ya, options.x, options.dx ?? 1.0, axis);
  // sequential running sum along axis (np.cumsum)
  const pre = initial === 0 ? 1 : 0;
  const shape = terms.shape.slice();
  const m = shape[axis];
  shape[axis] = m + pre;
  const out = new NDArray(new Float64Array(shapeSize(shape)), shape);
  const td = terms.data;
  const od = out.data as Float64Array;
  const ts = terms.strides[axis];
  const os = out.strides[axis];
  forEachAxisLine(terms.shape, axis, terms.strides, terms.offset, out.strides, 0, (to, oo) => {
    let acc = 0;
    if (pre) od[oo] = 0;
    for (let i = 0; i < m; i++) {
      acc = i === 0 ? (td[to] as number) : acc + (td[to + i * ts] as number);
      od[oo + (i + pre) * os] = acc;
    }
  });
  return out;
}

// ------------------------------------------------------------------- interp

/** Options of {@link interp}. */
export interface InterpOptions {
  /** Value for `x < xp[0]` (default `fp[0]`). */
  left?: number | null;
  /** Value for `x > xp[-1]` (default `fp[-1]`). */
  right?: number | null;
  /** Period of the x-coordinates: `xp` is then taken modulo `period` (and `left`/`right` ignored). */
  period?: number | null;
}

function contiguous1d(v: ArrayLike): Float64Array {
  const a = asarray(v);
  if (a.ndim === 0) throw new RangeError("object of too small depth for desired array");
  if (a.ndim > 1) throw new RangeError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
  return copyToC(a, "float64") as Float64Array;
}

/** NumPy's `binary_search_with_guess` (numpy/_core/src/multiarray/compiled_base.c). */
function searchWithGuess(key: number, arr: Float64Array, len: number, guess: number): number {
  let imin = 0;
  let imax = len;
  if (key > arr[len - 1]) return len;
  if (key < arr[0]) return -1;
  if (len <= 4) {
    let i = 1;
    for (; i < len && key >= arr[i]; i++);
    return i - 1;
  }
  if (guess > len - 3) guess = len - 3;
  if (guess < 1) guess = 1;
  if (key < arr[guess]) {
    if (key < arr[guess - 1]) {
      imax = guess - 1;
      if (guess > 8 && key >= arr[guess - 8]) imin = guess - 8;
    } else {
      return guess - 1;
    }
  } else {
    if (key < arr[guess + 1]) return guess;
    if (key < arr[guess + 2]) return guess + 1;
    imin = guess + 2;
    if (guess < len - 8 - 1 && key < arr[guess + 8]) imax = guess + 8;
  }
  while (imin < imax) {
    const imid = imin + ((imax - imin) >> 1);
    if (key >= arr[imid]) imin = imid + 1;
    else imax = imid;
  }
  return imin - 1;
}

/** NumPy's float `remainder` (npy_divmod) for a positive divisor. */
function pmod(a: number, p: number): number {
  let m = a % p;
  if (m !== 0) {
    if (m < 0) m += p;
  } else {
    m = 0;
  }
  return m;
}

/**
 * One-dimensional piecewise-linear interpolation (NumPy `np.interp`): for
 * $x_j \le x < x_{j+1}$
 *
 * $$y = s_j\,(x - x_j) + f_j,\qquad s_j = \frac{f_{j+1} - f_j}{x_{j+1} - x_j},$$
 *
 * `left`/`right` outside `[xp[0], xp[-1]]`. Algorithm: a port of NumPy's C
 * `arr_interp` (compiled_base.c) — the same guessed binary search, slopes
 * precomputed when `len(xp) <= len(x)`, `fp[j]` returned exactly when
 * `x == xp[j]`, and the NaN fallback that interpolates from the right end
 * point — so bit-identical. With `period`, NumPy's normalisation
 * (`x % period`, sorted `xp % period`, one point wrapped on each side).
 * `xp` must be increasing (not checked, as in NumPy).
 *
 * Special cases: NaN `x` gives NaN; "array of sample points is empty";
 * "fp and xp are not of the same length."; "period must be a non-zero value".
 * A JS number `x` gives a JS number.
 *
 * @example
 * np.interp(2.5, [1, 2, 3], [3, 2, 0]); // 1.0
 * @numpy np.interp(2.5, [1.0, 2.0, 3.0], [3.0, 2.0, 0.0])
 *
 * @example
 * np.interp([0, 1, 1.5, 2.72, 3.14], [1, 2, 3], [3, 2, 0]); // [3.   3.   2.5  0.56 0.  ]
 * @numpy np.interp([0.0, 1.0, 1.5, 2.72, 3.14], [1.0, 2.0, 3.0], [3.0, 2.0, 0.0])
 *
 * @example
 * np.interp([-180, -170, 185], [-170, 170, 190], [10, 20, 5], { period: 360 }); // [15.   5.  12.5]
 * @numpy np.interp([-180.0, -170.0, 185.0], [-170.0, 170.0, 190.0], [10.0, 20.0, 5.0], period=360)
 */
export function interp(x: ArrayLike, xp: ArrayLike, fp: ArrayLike, options: InterpOptions = {}): NDArray | number {
  let dy = contiguous1d(fp);
  let dx = contiguous1d(xp);
  const xa = asarray(x);
  let left = options.left ?? null;
  let right = options.right ?? null;
  let dz = copyToC(xa, "float64") as Float64Array;
  if (options.period !== null && options.period !== undefined) {
    if (options.period === 0) throw new RangeError("period must be a non-zero value");
    const period = Math.abs(options.period);
    left = null;
    right = null;
    if (dx.length !== dy.length) throw new RangeError("fp and xp are not of the same length");
    const zz = new Float64Array(dz.length);
    for (let i = 0; i < dz.length; i++) zz[i] = pmod(dz[i], period);
    dz = zz;
    const m = dx.length;
    const xm = new Float64Array(m);
    for (let i = 0; i < m; i++) xm[i] = pmod(dx[i], period);
    const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => {
      const a = xm[i], b = xm[j];
      if (a < b || (a === a && b !== b)) return -1;
      if (b < a || (b === b && a !== a)) return 1;
      return i - j;
    });
    const nx = new Float64Array(m + 2);
    const ny = new Float64Array(m + 2);
    for (let i = 0; i < m; i++) {
      nx[i + 1] = xm[order[i]];
      ny[i + 1] = dy[order[i]];
    }
    if (m > 0) {
      nx[0] = nx[m] - period;
      ny[0] = ny[m];
      nx[m + 1] = nx[1] + period;
      ny[m + 1] = ny[1];
    }
    dx = m > 0 ? nx : new Float64Array(0);
    dy = m > 0 ? ny : new Float64Array(0);
  }
  const lenxp = dx.length;
  if (lenxp === 0) throw new RangeError("array of sample points is empty");
  if (dy.length !== lenxp) throw new RangeError("fp and xp are not of the same length.");
  const lenx = dz.length;
  const res = new Float64Array(lenx);
  const lval = left === null ? dy[0] : left;
  const rval = right === null ? dy[lenxp - 1] : right;
  if (lenxp === 1) {
    const xv0 = dx[0];
    const fv0 = dy[0];
    for (let i = 0; i < lenx; i++) {
      const v = dz[i];
      res[i] = v < xv0 ? lval : v > xv0 ? rval : fv0;
    }
  } else {
    let slopes: Float64Array | null = null;
    if (lenxp <= lenx) {
      slopes = new Float64Array(lenxp - 1);
      for (let i = 0; i < lenxp - 1; i++) slopes[i] = (dy[i + 1] - dy[i]) / (dx[i + 1] - dx[i]);
    }
    let j = 0;
    for (let i = 0; i < lenx; i++) {
      const v = dz[i];
      if (v !== v) {
        res[i] = v;
        continue;
      }
      j = searchWithGuess(v, dx, lenxp, j);
      if (j === -1) res[i] = lval;
      else if (j === lenxp) res[i] = rval;
      else if (j === lenxp - 1) res[i] = dy[j];
      else if (dx[j] === v) res[i] = dy[j];
      else {
        const slope = slopes !== null ? slopes[j] : (dy[j + 1] - dy[j]) / (dx[j + 1] - dx[j]);
        let r = slope * (v - dx[j]) + dy[j];
        if (r !== r) {
          r = slope * (v - dx[j + 1]) + dy[j + 1];
          if (r !== r && dy[j] === dy[j + 1]) r = dy[j];
        }
        res[i] = r;
      }
    }
  }
  if (typeof x === "number" || typeof x === "boolean") return res[0];
  return new NDArray(res, xa.shape);
}
