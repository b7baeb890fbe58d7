/**
 * Array creation: `array`, `asarray`, `zeros`, `ones`, `full`, `eye`,
 * `identity`, `arange`, `linspace`, `diag`, `zeros_like`, `ones_like`,
 * `full_like`, `copy`.
 *
 * dtype note: JavaScript has no int/float distinction, so `np.array([1, 2])`
 * is **float64** (NumPy would make it int64). Ask for integers explicitly
 * with `{ dtype: "int64" }`. Arrays of booleans only are `bool`.
 */
import { allocStorage, castValue, checkDType, promoteTypes, type DType } from "./dtype.ts";
import { copyToC, formatShape, NDArray, shapeSize, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";
import { Complex, complexArrayError } from "./complex.ts";

/** Options accepted by the creation functions. */
export interface DTypeOption {
  /** Element type; defaults as documented on each function. */
  dtype?: DType;
}

const MAXDIMS = 64; // NPY_MAXDIMS

/**
 * Shape and dtype discovery of nested input, a port of NumPy's
 * PyArray_DiscoverDTypeAndShape (array_coercion.c): sequences are walked
 * depth first, NDArray elements contribute their whole shape (and dtype),
 * an empty sequence ends the dimensions, and any disagreement raises NumPy's
 * "inhomogeneous shape" error with the shape detected so far.
 */
class Discovery {
  maxNdim = MAXDIMS;
  readonly shape: number[] = new Array<number>(MAXDIMS).fill(0);
  reached = false; // MAX_DIMS_WAS_REACHED
  ragged = false; // FOUND_RAGGED_ARRAY
  dtype: DType | null = null;

  /** update_shape: returns false when the input is ragged. */
  private update(curr: number, newShape: readonly number[], sequence: boolean): boolean {
    let ok = true;
    let newNdim = newShape.length;
    const reached = this.reached;
    if (curr + newNdim > this.maxNdim) {
      ok = false;
      newNdim = this.maxNdim - curr;
    } else if (!sequence && this.maxNdim !== curr + newNdim) {
      this.maxNdim = curr + newNdim;
      if (reached) ok = false;
    }
    for (let i = 0; i < newNdim; i++) {
      if (!reached) this.shape[curr + i] = newShape[i];
      else if (newShape[i] !== this.shape[curr + i]) {
        ok = false;
        if (!sequence) this.maxNdim -= newNdim - i;
        else this.maxNdim = curr;
        break;
      }
    }
    if (!sequence) this.reached = true;
    return ok;
  }

  private promote(dt: DType): void {
    this.dtype = this.dtype === null ? dt : promoteTypes(this.dtype, dt);
  }

  walk(obj: unknown, curr: number): void {
    if (obj instanceof NDArray) {
      this.promote(obj.dtype);
      if (!this.update(curr, obj.shape, false)) this.ragged = true;
      return;
    }
    if (Array.isArray(obj)) {
      if (!this.update(curr, [obj.length], true)) {
        this.ragged = true;
        return;
      }
      if (obj.length === 0) {
        this.reached = true;
        this.maxNdim = curr + 1;
        return;
      }
      for (const child of obj) this.walk(child, curr + 1);
      return;
    }
    checkScalar(obj);
    this.promote(typeof obj === "boolean" ? "bool" : "float64");
    if (!this.update(curr, [], false)) this.ragged = true;
  }

  result(): number[] {
    const shape = this.shape.slice(0, this.maxNdim);
    if (this.ragged) {
      throw new RangeError(
        "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
          `${this.maxNdim} dimensions. The detected shape was ${formatShape(shape, ", ")} + inhomogeneous part.`,
      );
    }
    return shape;
  }
}

function checkScalar(v: unknown): void {
  if (typeof v === "number" || typeof v === "boolean") return;
  if (v instanceof NDArray) return; // 0-d array
  if (v instanceof Complex) throw complexArrayError(`an array element cannot be the complex number ${String(v)}`);
  throw new TypeError(`cannot convert ${v === null ? "null" : typeof v} to an array element`);
}


/**
 * Creates an array from nested JS arrays (NumPy `np.array`). Always copies.
 *
 * dtype inference: all booleans → `bool`; otherwise **float64** (JS numbers
 * carry no int/float distinction; pass `{ dtype: "int64" }` for integers —
 * floats are then truncated toward zero like NumPy's cast). Ragged input
 * raises NumPy's "setting an array element with a sequence…" error.
 *
 * $$\texttt{array}([[a_{00},\dots],[a_{10},\dots]])_{ij} = a_{ij}$$
 *
 * @example
 * np.array([[1, 2], [3, 4]]); // [[1. 2.]
 * //  [3. 4.]]
 * @numpy np.array([[1.0, 2.0], [3.0, 4.0]])
 *
 * @example
 * np.array([1.9, -1.9], { dtype: "int64" }); // [ 1 -1]
 * @numpy np.array([1.9, -1.9]).astype(np.int64)
 *
 * @example
 * np.array([true, false]); // [ True False]
 * @numpy np.array([True, False])
 *
 * @example
 * np.array(new Float64Array([0.5, -2])); // [ 0.5 -2. ]
 * @numpy np.array([0.5, -2.0])
 */
export function array(object: ArrayLike, options: DTypeOption = {}): NDArray {
  const requested = options.dtype === undefined ? undefined : checkDType(options.dtype);
  if (object instanceof Float64Array) {
    // Data that already lives in a typed array (a file, a WebGL buffer, a benchmark) is a 1-D float64 array.
    const dt = requested ?? "float64";
    const data = allocStorage(dt, object.length);
    for (let i = 0; i < object.length; i++) data[i] = castScalar(object[i], dt);
    return new NDArray(data, [object.length], undefined, 0, dt);
  }
  if (object instanceof NDArray) {
    const dt = requested ?? object.dtype;
    return new NDArray(copyToC(object, dt), object.shape, undefined, 0, dt);
  }
  const disc = new Discovery();
  disc.walk(object, 0);
  const shape = disc.result();
  const n = shapeSize(shape);
  const flat: Scalar[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const c of v) walk(c);
    else if (v instanceof NDArray) {
      if (v.ndim === 0) flat.push(v.item());
      else for (const x of (v.tolist() as unknown[]).flat(Infinity)) flat.push(x as Scalar);
    } else flat.push(v as Scalar);
  };
  if (n > 0) walk(object);
  // dtype: bool for booleans only, else the promotion of the NDArray elements' dtypes with float64 for JS numbers
  const dtype: DType = requested ?? disc.dtype ?? "float64";
  const data = allocStorage(dtype, n);
  for (let i = 0; i < n; i++) {
    const v = flat[i];
    data[i] = castScalar(typeof v === "boolean" ? (v ? 1 : 0) : v, dtype);
  }
  return new NDArray(data, shape, undefined, 0, dtype);
}

/**
 * Converts one JS number written by the user (a Python scalar in NumPy's
 * terms: `np.array([x], dtype)`, `a[i] = x`) to `dtype`. Like `castValue`,
 * plus NumPy's Python-int conversion error for floats outside int64's range
 * (NumPy's array-to-array casts wrap there instead; here values beyond 2^53
 * raise, see dtype.ts).
 */
export function castScalar(x: number, dtype: DType): number {
  if (dtype === "int64" && Number.isFinite(x) && (x >= 9223372036854775808 || x < -9223372036854775808)) {
    throw new RangeError("Python int too large to convert to C long");
  }
  return castValue(x, dtype);
}

/**
 * Converts the input to an array without copying when it already is one of
 * the requested dtype (NumPy `np.asarray`).
 *
 * $$\texttt{asarray}(a) = a \text{ (no copy) when } a \text{ is an NDArray}$$
 *
 * @example
 * const a = np.zeros(3);
 * np.asarray(a) === a; // True
 * @numpy a = np.zeros(3); np.asarray(a) is a
 *
 * @example
 * np.asarray(2.5).shape; // ()
 * @numpy np.asarray(2.5).shape
 */
export function asarray(a: ArrayLike, options: DTypeOption = {}): NDArray {
  if (a instanceof NDArray && (options.dtype === undefined || options.dtype === a.dtype)) return a;
  return array(a, options);
}

function shapeArg(shape: number | readonly number[]): number[] {
  return typeof shape === "number" ? [shape] : shape.slice();
}

/**
 * New array of the given shape filled with `fill_value` (NumPy `np.full`).
 * dtype defaults to `bool` for a boolean fill value, else float64 (NumPy
 * would pick int64 for a Python int).
 *
 * $$\texttt{full}(s, v)_{i} = v \quad \forall i$$
 *
 * @example
 * np.full([2, 2], 7); // [[7. 7.]
 * //  [7. 7.]]
 * @numpy np.full((2, 2), 7.0)
 */
export function full(shape: number | readonly number[], fill_value: Scalar, options: DTypeOption = {}): NDArray {
  const sh = shapeArg(shape);
  const dtype = options.dtype ?? (typeof fill_value === "boolean" ? "bool" : "float64");
  checkDType(dtype);
  const a = new NDArray(allocStorage(dtype, 0), sh, undefined, 0, dtype); // validates the shape
  // NumPy casts the fill value only while copying it in: an empty array takes any value
  const v = a.size === 0 ? 0 : castValue(typeof fill_value === "boolean" ? (fill_value ? 1 : 0) : fill_value, dtype);
  const data = allocStorage(dtype, a.size);
  if (!Object.is(v, 0)) data.fill(v); // -0.0 fills too
  return new NDArray(data, sh, undefined, 0, dtype);
}

/**
 * Array of zeros (NumPy `np.zeros`), float64 by default.
 *
 * $$\texttt{zeros}(s)_i = 0$$
 *
 * @example
 * np.zeros([2, 3]); // [[0. 0. 0.]
 * //  [0. 0. 0.]]
 * @numpy np.zeros((2, 3))
 *
 * @example
 * np.zeros(3, { dtype: "int64" }); // [0 0 0]
 * @numpy np.zeros(3, dtype=np.int64)
 */
export function zeros(shape: number | readonly number[], options: DTypeOption = {}): NDArray {
  return full(shape, 0, { dtype: options.dtype ?? "float64" });
}

/**
 * Array of ones (NumPy `np.ones`), float64 by default.
 *
 * $$\texttt{ones}(s)_i = 1$$
 *
 * @example
 * np.ones(3); // [1. 1. 1.]
 * @numpy np.ones(3)
 */
export function ones(shape: number | readonly number[], options: DTypeOption = {}): NDArray {
  return full(shape, 1, { dtype: options.dtype ?? "float64" });
}

/** Options of {@link eye}. */
export interface EyeOptions extends DTypeOption {
  /** Index of the diagonal: 0 main, > 0 upper, < 0 lower. */
  k?: number;
}

/**
 * 2-D array with ones on the k-th diagonal and zeros elsewhere (NumPy `np.eye`).
 *
 * $$\texttt{eye}(N, M, k)_{ij} = [\,j - i = k\,]$$
 *
 * @example
 * np.eye(2); // [[1. 0.]
 * //  [0. 1.]]
 * @numpy np.eye(2)
 *
 * @example
 * np.eye(2, 3, { k: 1 }); // [[0. 1. 0.]
 * //  [0. 0. 1.]]
 * @numpy np.eye(2, 3, k=1)
 */
export function eye(N: number, M?: number | null | EyeOptions, options: EyeOptions = {}): NDArray {
  let cols: number;
  if (typeof M === "object" && M !== null) {
    options = M;
    cols = N;
  } else {
    cols = M ?? N;
  }
  const k = options.k ?? 0;
  if (!Number.isInteger(k)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const a = zeros([N, cols], { dtype: options.dtype ?? "float64" });
  for (let i = 0; i < N; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) a.data[i * cols + j] = 1;
  }
  return a;
}

/**
 * Square identity matrix (NumPy `np.identity`).
 *
 * $$I_{ij} = \delta_{ij}$$
 *
 * @example
 * np.identity(3); // [[1. 0. 0.]
 * //  [0. 1. 0.]
 * //  [0. 0. 1.]]
 * @numpy np.identity(3)
 */
export function identity(n: number, options: DTypeOption = {}): NDArray {
  return eye(n, n, { dtype: options.dtype ?? "float64" });
}

/**
 * Evenly spaced values in `[start, stop)` (NumPy `np.arange`), computed the
 * way NumPy does: length `ceil((stop − start)/step)`, `v[0] = start`,
 * `v[1] = start + step`, then `v[i] = start + i·δ` with `δ = v[1] − v[0]`
 * (bit-for-bit NumPy's float64 result). float64 unless `{ dtype: "int64" }`.
 *
 * $$v_i = \text{start} + i\,\delta,\quad 0 \le i < \lceil (\text{stop}-\text{start})/\text{step} \rceil$$
 *
 * @example
 * np.arange(4); // [0. 1. 2. 3.]
 * @numpy np.arange(4.0)
 *
 * @example
 * np.arange(1, 2, 0.25); // [1.   1.25 1.5  1.75]
 * @numpy np.arange(1, 2, 0.25)
 *
 * @example
 * np.arange(3, { dtype: "int64" }); // [0 1 2]
 * @numpy np.arange(3)
 */
export function arange(
  start: number,
  stop?: number | DTypeOption | null,
  step?: number | DTypeOption,
  options: DTypeOption = {},
): NDArray {
  if (typeof stop === "object" && stop !== null) {
    options = stop;
    stop = undefined;
  } else if (typeof step === "object") {
    options = step;
    step = undefined;
  }
  let s0 = start;
  let s1: number;
  const st = (step as number | undefined) ?? 1;
  if (stop === undefined || stop === null) {
    s1 = start;
    s0 = 0;
  } else {
    s1 = stop as number;
  }
  const dtype = checkDType(options.dtype ?? "float64");
  if (st === 0) {
    // Python's message: int arithmetic says "division by zero", float arithmetic "float division by zero".
    // JS numbers are Python floats here unless an integer dtype was asked for (README, dtypes).
    const ints = dtype !== "float64" && Number.isInteger(s0) && Number.isInteger(s1) && Number.isInteger(st);
    throw new RangeError(ints ? "division by zero" : "float division by zero");
  }
  // NumPy's PyArray_ArangeObj: len = ceil(delta/step), except a quotient that underflows to ±0
  // with delta ≠ 0 gives 1 (+0) or 0 (−0); NaN and lengths beyond intp raise.
  const delta = s1 - s0;
  const quot = delta / st;
  let q: number;
  if (quot === 0 && delta !== 0) q = Object.is(quot, -0) ? 0 : 1;
  else {
    q = Math.ceil(quot);
    if (Number.isNaN(q)) throw new RangeError("arange: cannot compute length");
    if (!(q >= -9223372036854775808 && q <= 9223372036854775807)) throw new RangeError("Maximum allowed size exceeded");
  }
  const len = Math.max(0, q);
  if (len > 2 ** 32) throw new RangeError("Maximum allowed size exceeded");
  const data = allocStorage(dtype, len);
  if (len > 0) {
    const first = castValue(s0, dtype);
    data[0] = first;
    if (len > 1) {
      const second = castValue(s0 + st, dtype);
      data[1] = second;
      if (dtype === "bool") {
        if (len > 2) throw new TypeError("arange() is only supported for booleans when the result has at most length 2.");
      } else {
        const delta = second - first;
        for (let i = 2; i < len; i++) data[i] = first + i * delta;
        if (dtype === "int64") castValue(data[len - 1], "int64"); // range check of the last value
      }
    }
  }
  return new NDArray(data, [len], undefined, 0, dtype);
}

/** Options of {@link linspace}. */
export interface LinspaceOptions extends DTypeOption {
  /** Include `stop` as the last sample (default true). */
  endpoint?: boolean;
}

/**
 * `num` evenly spaced samples over `[start, stop]` (or `[start, stop)` with
 * `endpoint: false`), NumPy's `np.linspace` with its exact arithmetic:
 * `div = endpoint ? num − 1 : num`, `step = (stop − start)/div`,
 * `y[i] = i·step + start` (two roundings, no FMA), and the last sample is
 * set to `stop` when `endpoint`. When `step` underflows to 0 NumPy computes
 * `(i/div)·delta + start` instead; when `div` is 0, `i·delta + start`.
 * float64 unless `dtype` is given (int64 takes the floor, as NumPy).
 *
 * $$y_i = \text{start} + i\,\frac{\text{stop} - \text{start}}{\text{div}},\quad 0 \le i < \text{num}$$
 *
 * Special cases: `num` must be a non-negative integer ("Number of samples,
 * -1, must be non-negative."); `num = 0` gives an empty array; `num = 1`
 * gives `[start]`. Only scalar `start`/`stop` (NumPy also broadcasts arrays).
 *
 * @example
 * np.linspace(0, 1, 5); // [0.   0.25 0.5  0.75 1.  ]
 * @numpy np.linspace(0, 1, 5)
 *
 * @example
 * np.linspace(2, 3, 4, { endpoint: false }); // [2.   2.25 2.5  2.75]
 * @numpy np.linspace(2, 3, 4, endpoint=False)
 */
export function linspace(start: number, stop: number, num: number = 50, options: LinspaceOptions = {}): NDArray {
  if (!Number.isInteger(num)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (num < 0) throw new RangeError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = options.endpoint ?? true;
  const dtype = checkDType(options.dtype ?? "float64");
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(num);
  if (div > 0) {
    const step = delta / div;
    if (step === 0) {
      for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    } else {
      for (let i = 0; i < num; i++) y[i] = i * step + start;
    }
  } else {
    for (let i = 0; i < num; i++) y[i] = i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  if (dtype === "float64") return new NDArray(y, [num], undefined, 0, "float64");
  if (dtype === "int64") for (let i = 0; i < num; i++) y[i] = Math.floor(y[i]);
  const out = allocStorage(dtype, num);
  for (let i = 0; i < num; i++) out[i] = castValue(y[i], dtype);
  return new NDArray(out, [num], undefined, 0, dtype);
}

/**
 * Extracts a diagonal or builds a diagonal array (NumPy `np.diag`): for a
 * 1-D `v` of length n, the (n+|k|)×(n+|k|) array with `v` on the k-th
 * diagonal; for a 2-D `v`, a **copy** of its k-th diagonal (NumPy returns a
 * read-only view; the values are the same and neither can be written to `v`).
 *
 * $$\texttt{diag}(v, k)_{i, i+k} = v_i \;(v \text{ 1-D}), \qquad \texttt{diag}(A, k)_i = A_{i, i+k} \;(A \text{ 2-D})$$
 *
 * Special cases: other ranks raise "Input must be 1- or 2-d."; a `k` past
 * the edge of a matrix gives an empty diagonal.
 *
 * @example
 * np.diag([1, 2], 1); // [[0. 1. 0.]
 * //  [0. 0. 2.]
 * //  [0. 0. 0.]]
 * @numpy np.diag([1.0, 2.0], 1)
 *
 * @example
 * np.diag(np.arange(9).reshape(3, 3), -1); // [3. 7.]
 * @numpy np.diag(np.arange(9.0).reshape(3, 3), -1)
 */
export function diag(v: ArrayLike, k: number = 0): NDArray {
  if (!Number.isInteger(k)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const a = asarray(v);
  if (a.ndim === 1) {
    const n = a.shape[0] + Math.abs(k);
    const out = allocStorage(a.dtype, n * n);
    const vals = copyToC(a);
    const row0 = k >= 0 ? 0 : -k;
    const col0 = k >= 0 ? k : 0;
    for (let i = 0; i < vals.length; i++) out[(row0 + i) * n + col0 + i] = vals[i];
    return new NDArray(out, [n, n], undefined, 0, a.dtype);
  }
  if (a.ndim === 2) {
    const [r, c] = a.shape;
    const row0 = k >= 0 ? 0 : -k;
    const col0 = k >= 0 ? k : 0;
    const len = Math.max(0, Math.min(r - row0, c - col0));
    const out = allocStorage(a.dtype, len);
    let p = a.offset + row0 * a.strides[0] + col0 * a.strides[1];
    const st = a.strides[0] + a.strides[1];
    for (let i = 0; i < len; i++, p += st) out[i] = a.data[p];
    return new NDArray(out, [len], undefined, 0, a.dtype);
  }
  throw new RangeError("Input must be 1- or 2-d.");
}

/** Options of {@link zeros_like}, {@link ones_like}, {@link full_like}. */
export interface LikeOptions extends DTypeOption {
  /** Overrides the shape of the result. */
  shape?: number | readonly number[];
}

/**
 * Array of `fill_value` with the shape (and, by default, dtype) of `a`
 * (NumPy `np.full_like`). The value is cast to the dtype (3.7 → 3 for int64).
 *
 * $$\texttt{full\_like}(a, v)_i = v$$
 *
 * @example
 * np.full_like(np.zeros([2, 2], { dtype: "int64" }), 3.7); // [[3 3]
 * //  [3 3]]
 * @numpy np.full_like(np.zeros((2, 2), dtype=np.int64), 3.7)
 */
export function full_like(a: ArrayLike, fill_value: Scalar, options: LikeOptions = {}): NDArray {
  const arr = asarray(a);
  return full(options.shape ?? arr.shape, fill_value, { dtype: options.dtype ?? arr.dtype });
}

/**
 * Zeros with the shape and dtype of `a` (NumPy `np.zeros_like`).
 *
 * $$\texttt{zeros\_like}(a)_i = 0$$
 *
 * @example
 * np.zeros_like(np.array([[true], [false]])); // [[False]
 * //  [False]]
 * @numpy np.zeros_like(np.array([[True], [False]]))
 */
export function zeros_like(a: ArrayLike, options: LikeOptions = {}): NDArray {
  return full_like(a, 0, options);
}

/**
 * Ones with the shape and dtype of `a` (NumPy `np.ones_like`).
 *
 * $$\texttt{ones\_like}(a)_i = 1$$
 *
 * @example
 * np.ones_like(np.arange(3, { dtype: "int64" })); // [1 1 1]
 * @numpy np.ones_like(np.arange(3))
 */
export function ones_like(a: ArrayLike, options: LikeOptions = {}): NDArray {
  return full_like(a, 1, options);
}

/**
 * An array copy of `a` with its own C-ordered storage (NumPy `np.copy`).
 *
 * $$\texttt{copy}(a) = a, \text{ sharing no memory}$$
 *
 * @example
 * const a = np.array([1, 2, 3]);
 * const b = np.copy(a);
 * a.set(0, 10);
 * b; // [1. 2. 3.]
 * @numpy a = np.array([1.0, 2.0, 3.0]); b = np.copy(a); a[0] = 10; b
 */
export function copy(a: ArrayLike): NDArray {
  const arr = asarray(a);
  return new NDArray(copyToC(arr), arr.shape, undefined, 0, arr.dtype);
}
