/**
 * Array creation: `array`, `asarray`, `zeros`, `ones`, `full`, `eye`,
 * `identity`, `arange`.
 *
 * dtype note: JavaScript has no int/float distinction, so `np.array([1, 2])`
 * is **float64** (NumPy would make it int64). Ask for integers explicitly
 * with `{ dtype: "int64" }`. Arrays of booleans only are `bool`.
 */
import { allocStorage, castValue, checkDType, type DType } from "./dtype.ts";
import { copyToC, formatShape, NDArray, shapeSize, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";

/** Options accepted by the creation functions. */
export interface DTypeOption {
  /** Element type; defaults as documented on each function. */
  dtype?: DType;
}

function inhomogeneous(depth: number, shape: readonly number[]): never {
  throw new RangeError(
    "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
      `${depth} dimensions. The detected shape was ${formatShape(shape.slice(0, depth))} + inhomogeneous part.`,
  );
}

type Node = Scalar | NDArray | readonly unknown[];

function isSeq(x: unknown): x is readonly unknown[] | NDArray {
  return Array.isArray(x) || (x instanceof NDArray && x.ndim > 0);
}

function children(x: readonly unknown[] | NDArray): readonly unknown[] {
  return x instanceof NDArray ? (x.tolist() as readonly unknown[]) : x;
}

/** Discovers the shape of nested input, raising NumPy's inhomogeneous-shape error. */
function discoverShape(x: Node): number[] {
  const shape: number[] = [];
  let level: unknown[] = [x];
  for (let depth = 0; ; depth++) {
    const seqs = level.filter(isSeq);
    if (seqs.length === 0) {
      for (const v of level) checkScalar(v);
      return shape;
    }
    if (seqs.length !== level.length) inhomogeneous(depth, shape);
    const len = children(seqs[0]).length;
    const next: unknown[] = [];
    for (const s of seqs) {
      const c = children(s);
      if (c.length !== len) {
        shape.push(len);
        inhomogeneous(depth, shape);
      }
      for (const v of c) next.push(v);
    }
    shape.push(len);
    if (len === 0) return shape;
    level = next;
  }
}

function checkScalar(v: unknown): void {
  if (typeof v === "number" || typeof v === "boolean") return;
  if (v instanceof NDArray) return; // 0-d array
  throw new TypeError(`cannot convert ${v === null ? "null" : typeof v} to an array element`);
}

function scalarOf(v: unknown): Scalar {
  if (v instanceof NDArray) return v.item();
  return v as Scalar;
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
 * np.array([[1, 2], [3, 4]]).shape;             // [2, 2]
 * np.array([1, 2], { dtype: "int64" }).dtype;   // "int64"
 * np.array([true, false]).dtype;                // "bool"
 */
export function array(object: ArrayLike, options: DTypeOption = {}): NDArray {
  const requested = options.dtype === undefined ? undefined : checkDType(options.dtype);
  if (object instanceof NDArray) {
    const dt = requested ?? object.dtype;
    return new NDArray(copyToC(object, dt), object.shape, undefined, 0, dt);
  }
  const shape = discoverShape(object as Node);
  const n = shapeSize(shape);
  const flat: Scalar[] = [];
  const walk = (v: unknown): void => {
    if (isSeq(v)) for (const c of children(v)) walk(c);
    else flat.push(scalarOf(v));
  };
  walk(object);
  let dtype: DType;
  if (requested) dtype = requested;
  else dtype = flat.length > 0 && flat.every((v) => typeof v === "boolean") ? "bool" : "float64";
  if (n === 0 && requested === undefined) dtype = typeof object === "boolean" ? "bool" : "float64";
  const data = allocStorage(dtype, n);
  for (let i = 0; i < n; i++) {
    const v = flat[i];
    data[i] = castValue(typeof v === "boolean" ? (v ? 1 : 0) : v, dtype);
  }
  return new NDArray(data, shape, undefined, 0, dtype);
}

/**
 * Converts the input to an array without copying when it already is one of
 * the requested dtype (NumPy `np.asarray`).
 *
 * $$\texttt{asarray}(a) = a \text{ (no copy) when } a \text{ is an NDArray}$$
 *
 * @example
 * const a = np.zeros(3);
 * np.asarray(a) === a;        // true
 * np.asarray(2.5).shape;      // []
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
 * np.full([2, 2], 7).tolist(); // [[7, 7], [7, 7]]
 */
export function full(shape: number | readonly number[], fill_value: Scalar, options: DTypeOption = {}): NDArray {
  const sh = shapeArg(shape);
  const dtype = options.dtype ?? (typeof fill_value === "boolean" ? "bool" : "float64");
  checkDType(dtype);
  const v = castValue(typeof fill_value === "boolean" ? (fill_value ? 1 : 0) : fill_value, dtype);
  const a = new NDArray(allocStorage(dtype, 0), sh, undefined, 0, dtype); // validates the shape
  const data = allocStorage(dtype, a.size);
  if (v !== 0) data.fill(v);
  return new NDArray(data, sh, undefined, 0, dtype);
}

/**
 * Array of zeros (NumPy `np.zeros`), float64 by default.
 *
 * $$\texttt{zeros}(s)_i = 0$$
 *
 * @example
 * np.zeros([2, 3]).shape;               // [2, 3]
 * np.zeros(3, { dtype: "int64" }).dtype; // "int64"
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
 * np.ones(3).tolist(); // [1, 1, 1]
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
 * np.eye(2).tolist();              // [[1, 0], [0, 1]]
 * np.eye(2, 3, { k: 1 }).tolist(); // [[0, 1, 0], [0, 0, 1]]
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
 * np.identity(3).item(1, 1); // 1
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
 * np.arange(4).tolist();          // [0, 1, 2, 3]
 * np.arange(1, 2, 0.25).tolist(); // [1, 1.25, 1.5, 1.75]
 * np.arange(3, { dtype: "int64" }).dtype; // "int64"
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
  if (st === 0) throw new RangeError("division by zero");
  const dtype = checkDType(options.dtype ?? "float64");
  const q = Math.ceil((s1 - s0) / st);
  if (Number.isNaN(q)) throw new RangeError("arange: cannot compute length");
  const len = Math.max(0, q);
  if (!Number.isFinite(len) || len > 2 ** 32) throw new RangeError("Maximum allowed size exceeded");
  const data = allocStorage(dtype, len);
  if (len > 0) {
    const first = castValue(s0, dtype);
    data[0] = first;
    if (len > 1) {
      const second = castValue(s0 + st, dtype);
      data[1] = second;
      if (dtype === "bool") {
        if (len > 2) throw new TypeError("no fill-function for data-type.");
      } else {
        const delta = second - first;
        for (let i = 2; i < len; i++) data[i] = first + i * delta;
        if (dtype === "int64") castValue(data[len - 1], "int64"); // range check of the last value
      }
    }
  }
  return new NDArray(data, [len], undefined, 0, dtype);
}
