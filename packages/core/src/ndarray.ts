/**
 * The n-dimensional array: typed storage plus a strided view description,
 * exactly like NumPy's `ndarray` (strides here are counted in elements, not
 * bytes).
 */
import { allocStorage, castValue, checkDType, type DType, type Storage } from "./dtype.ts";
import { AxisError } from "./errors.ts";
import { formatArray } from "./format.ts";
import { getIndex, setIndex, type IndexElement } from "./indexing.ts";

/** Memory order of `reshape`, `ravel`, `flatten`: `"C"` row-major (last index fastest), `"F"` column-major (first index fastest). */
export type Order = "C" | "F";

/** Options of {@link NDArray.reshape} and {@link reshape}. */
export interface OrderOption {
  /** Read and write the elements in this index order (NumPy's `order`), default `"C"`. */
  order?: Order;
}

export function checkOrder(order: unknown): Order {
  if (order === undefined || order === "C") return "C";
  if (order === "F") return "F";
  throw new RangeError(`order must be one of 'C', 'F' (got ${JSON.stringify(order)})`);
}

/** A JS scalar: numbers map to float64 (or int64 when asked), booleans to bool. */
export type Scalar = number | boolean;

/** Nested JS arrays of numbers/booleans (or arrays), e.g. `[[1, 2], [3, 4]]`. */
export type NestedArray = readonly (Scalar | NDArray | NestedArray)[];

/**
 * Anything NumPy's `asarray` accepts here: an {@link NDArray}, a scalar,
 * (nested) JS arrays of scalars, or a Float64Array (a 1-D float64 array, copied).
 */
export type ArrayLike = NDArray | Scalar | NestedArray | Float64Array;

/** Formats a shape the way NumPy prints tuples: `(2,3)`, `(4,)`, `()`. */
export function formatShape(shape: readonly number[], sep = ","): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(sep)})`;
}

/** Product of the entries of `shape` (1 for a 0-d shape). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** C-order (row-major) strides in elements for `shape`. */
export function cStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return s;
}

/** True when `a` is C-contiguous (dims of size 1 ignored, as NumPy's flag). */
export function isCContiguous(a: NDArray): boolean {
  let expect = 1;
  for (let i = a.shape.length - 1; i >= 0; i--) {
    const n = a.shape[i];
    if (n === 0) return true;
    if (n !== 1) {
      if (a.strides[i] !== expect) return false;
      expect *= n;
    }
  }
  return true;
}

/** True when `a` is F-contiguous (column-major; dims of size 1 ignored, as NumPy's flag). */
export function isFContiguous(a: NDArray): boolean {
  let expect = 1;
  for (let i = 0; i < a.shape.length; i++) {
    const n = a.shape[i];
    if (n === 0) return true;
    if (n !== 1) {
      if (a.strides[i] !== expect) return false;
      expect *= n;
    }
  }
  return true;
}

/**
 * Writes `src` (C-order values, already of `dst.dtype`, `dst.size` of them)
 * into the strided array `dst`.
 */
export function writeC(dst: NDArray, src: Storage): void {
  const n = dst.size;
  if (n === 0) return;
  const out = dst.data;
  const nd = dst.shape.length;
  if (nd === 0) {
    out[dst.offset] = src[0];
    return;
  }
  const shape = dst.shape;
  const strides = dst.strides;
  const inner = shape[nd - 1];
  const is = strides[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let off = dst.offset;
  let o = 0;
  for (;;) {
    if (is === 1) {
      for (let k = 0; k < inner; k++) out[off + k] = src[o++];
    } else {
      for (let k = 0, p = off; k < inner; k++, p += is) out[p] = src[o++];
    }
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) break;
  }
}

/**
 * Copies the elements of `src` into `dst` (same shape; `src` may have zero
 * strides), casting to `dst.dtype`.
 */
export function copyInto(dst: NDArray, src: NDArray): void {
  if (dst.size === 0) return;
  if (src.dtype !== dst.dtype || dst.shape.length === 0) {
    writeC(dst, copyToC(src, dst.dtype));
    return;
  }
  const out = dst.data;
  const inp = src.data;
  const nd = dst.shape.length;
  const shape = dst.shape;
  const ds = dst.strides;
  const ss = src.strides;
  const inner = shape[nd - 1];
  const dis = ds[nd - 1];
  const sis = ss[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let doff = dst.offset;
  let soff = src.offset;
  for (;;) {
    if (dis === 1 && sis === 1) {
      for (let k = 0; k < inner; k++) out[doff + k] = inp[soff + k];
    } else {
      for (let k = 0, p = doff, q = soff; k < inner; k++, p += dis, q += sis) out[p] = inp[q];
    }
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      doff += ds[d];
      soff += ss[d];
      if (idx[d] < shape[d]) break;
      doff -= ds[d] * shape[d];
      soff -= ss[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) break;
  }
}

function checkShape(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i];
    if (!Number.isInteger(n)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (n < 0) throw new RangeError("negative dimensions are not allowed");
    out[i] = n;
  }
  return out;
}

/**
 * Copies the logical contents of a strided array into fresh C-order storage
 * (optionally casting to `dtype`).
 */
export function copyToC(a: NDArray, dtype: DType = a.dtype): Storage {
  const n = a.size;
  const out = allocStorage(dtype, n);
  if (n === 0) return out;
  const src = a.data;
  const needCast = dtype !== a.dtype && dtype !== "float64" && a.dtype !== "bool";
  const nd = a.shape.length;
  if (!needCast && a.dtype === dtype && isCContiguous(a)) {
    out.set(src.subarray(a.offset, a.offset + n));
    return out;
  }
  if (nd === 0) {
    out[0] = needCast ? castValue(src[a.offset], dtype) : src[a.offset];
    return out;
  }
  const shape = a.shape;
  const strides = a.strides;
  const inner = shape[nd - 1];
  const is = strides[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let off = a.offset;
  let o = 0;
  for (;;) {
    if (needCast) {
      for (let k = 0, p = off; k < inner; k++, p += is) out[o++] = castValue(src[p], dtype);
    } else if (dtype === "bool" && a.dtype !== "bool") {
      for (let k = 0, p = off; k < inner; k++, p += is) out[o++] = src[p] !== 0 ? 1 : 0;
    } else {
      for (let k = 0, p = off; k < inner; k++, p += is) out[o++] = src[p];
    }
    // advance the odometer over the outer axes
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) break;
  }
  return out;
}

/**
 * NumPy's `_attempt_nocopy_reshape`: new strides for viewing `a` with
 * `newShape` without copying, or `null` when a copy is required.
 */
function attemptNoCopyReshape(a: NDArray, newShape: number[]): number[] | null {
  const oldDims: number[] = [];
  const oldStrides: number[] = [];
  for (let i = 0; i < a.shape.length; i++) {
    if (a.shape[i] !== 1) {
      oldDims.push(a.shape[i]);
      oldStrides.push(a.strides[i]);
    }
  }
  const oldnd = oldDims.length;
  const newnd = newShape.length;
  const newStrides = new Array<number>(newnd).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np_ = newShape[ni];
    let op = oldDims[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= newShape[nj++];
      else op *= oldDims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (oldStrides[ok] !== oldDims[ok + 1] * oldStrides[ok + 1]) return null;
    }
    newStrides[nj - 1] = oldStrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * newShape[nk];
    ni = nj++;
    oi = oj++;
  }
  // trailing size-1 dimensions
  const last = ni >= 1 ? newStrides[ni - 1] : 1;
  for (let k = ni; k < newnd; k++) newStrides[k] = last;
  return newStrides;
}

/** Resolves a requested shape containing at most one `-1` (NumPy rules and wording). */
export function resolveShape(size: number, shape: readonly number[]): number[] {
  let unknown = -1;
  let known = 1;
  const out = shape.slice();
  for (let i = 0; i < out.length; i++) {
    const n = out[i];
    if (!Number.isInteger(n)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (n < 0) {
      // NumPy's _fix_unknown_dimension: any negative entry is the unknown one
      if (unknown >= 0) throw new RangeError("can only specify one unknown dimension");
      unknown = i;
    } else {
      known *= n;
    }
  }
  const fail = (): never => {
    // NumPy's convert_shape_to_string: leading negative entries are dropped, later ones print "newaxis"
    let first = 0;
    while (first < shape.length && shape[first] < 0) first++;
    const shown = shape.slice(first).map((n) => (n < 0 ? "newaxis" : String(n)));
    const text = shown.length === 0 ? "()" : shape.length === 1 ? `(${shown[0]},)` : `(${shown.join(",")})`;
    throw new RangeError(`cannot reshape array of size ${size} into shape ${text}`);
  };
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) fail();
    out[unknown] = size / known;
  } else if (known !== size) {
    fail();
  }
  return out;
}

/**
 * An n-dimensional array over typed storage.
 *
 * `data` is the whole buffer; the array's element at multi-index
 * `(i0, …, ik)` is `data[offset + Σ ij·strides[j]]`. Views (`.T`,
 * `transpose`, `reshape` when possible) share `data`, as in NumPy.
 *
 * Storage: `float64` and `int64` use a `Float64Array` (int64 values are exact
 * integers below 2^53), `bool` a `Uint8Array` of 0/1.
 *
 * @example
 * const a = np.array([[1, 2, 3], [4, 5, 6]]);
 * a.shape; // (2, 3)
 * @numpy a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]); a.shape
 *
 * @example
 * const a = np.array([[1, 2, 3], [4, 5, 6]]);
 * a.T; // [[1. 4.]
 * //  [2. 5.]
 * //  [3. 6.]]
 * @numpy a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]); a.T
 */
export class NDArray {
  /** Backing storage (shared between views). */
  readonly data: Storage;
  /** Dimensions. */
  readonly shape: number[];
  /** Step in `data` (in elements, may be negative or 0) per index along each axis. */
  readonly strides: number[];
  /** Index in `data` of the element at multi-index (0, …, 0). */
  readonly offset: number;
  /** Element type. */
  readonly dtype: DType;

  /**
   * Low-level constructor: wraps existing storage without copying. Prefer
   * {@link array}, {@link zeros}, … Strides default to C order.
   */
  constructor(data: Storage, shape: readonly number[], strides?: readonly number[], offset = 0, dtype?: DType) {
    this.data = data;
    this.shape = checkShape(shape);
    this.strides = strides ? strides.slice() : cStrides(this.shape);
    if (this.strides.length !== this.shape.length) throw new RangeError("strides must have one entry per dimension");
    this.offset = offset;
    const dt = dtype ?? (data instanceof Uint8Array ? "bool" : "float64");
    this.dtype = checkDType(dt);
    if ((dt === "bool") !== data instanceof Uint8Array) {
      throw new TypeError(`dtype ${dt} needs a ${dt === "bool" ? "Uint8Array" : "Float64Array"} for storage`);
    }
  }

  /** Number of dimensions (NumPy `ndarray.ndim`). */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements, the product of the shape (NumPy `ndarray.size`). */
  get size(): number {
    return shapeSize(this.shape);
  }

  /**
   * The transposed array: a view with reversed shape and strides, no copy
   * (NumPy `ndarray.T`). For a 1-D array it is the array itself (as a view).
   *
   * @example
   * np.array([[1, 2], [3, 4]]).T; // [[1. 3.]
   * //  [2. 4.]]
   * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).T
   */
  get T(): NDArray {
    return new NDArray(this.data, this.shape.slice().reverse(), this.strides.slice().reverse(), this.offset, this.dtype);
  }

  /**
   * Permutes the axes, a view (NumPy `ndarray.transpose`): no argument
   * reverses them; otherwise a permutation (as arguments or one array,
   * negative axes allowed).
   *
   * @example
   * np.zeros([2, 3, 4]).transpose(1, 0, 2).shape; // (3, 2, 4)
   * @numpy np.zeros((2, 3, 4)).transpose(1, 0, 2).shape
   */
  transpose(...axes: number[] | [readonly number[] | null | undefined]): NDArray {
    const nd = this.shape.length;
    const req = axes.length === 1 && (Array.isArray(axes[0]) || axes[0] === null || axes[0] === undefined)
      ? (axes[0] as readonly number[] | null | undefined)
      : (axes as number[]);
    let perm: number[];
    // `a.transpose()` reverses; an explicit empty tuple `a.transpose([])` must match a 0-d array
    if (req === null || req === undefined || (axes.length === 0 && req.length === 0)) {
      perm = [];
      for (let i = nd - 1; i >= 0; i--) perm.push(i);
    } else {
      if (req.length !== nd) throw new RangeError("axes don't match array");
      // PyArray_Transpose checks each axis in turn: bounds, then repetition
      perm = [];
      for (const ax of req) {
        if (!Number.isInteger(ax)) throw new TypeError("'float' object cannot be interpreted as an integer");
        if (ax < -nd || ax >= nd) throw new AxisError(`axis ${ax} is out of bounds for array of dimension ${nd}`);
        const k = ax < 0 ? ax + nd : ax;
        if (perm.includes(k)) throw new RangeError("repeated axis in transpose");
        perm.push(k);
      }
    }
    return new NDArray(this.data, perm.map((i) => this.shape[i]), perm.map((i) => this.strides[i]), this.offset, this.dtype);
  }

  /**
   * Gives a new shape without changing the data (NumPy `ndarray.reshape`).
   * The shape is given as arguments or as one array; one dimension may be
   * `-1` (inferred). A trailing `{ order: "F" }` reads and places the
   * elements in column-major index order. Returns a view when the strides
   * allow it (always for a contiguous array), otherwise a copy.
   *
   * $$\texttt{a.reshape}(s)\texttt{.ravel}() = \texttt{a.ravel}()$$
   *
   * Special cases: "cannot reshape array of size 6 into shape (4,)";
   * "can only specify one unknown dimension".
   *
   * @example
   * np.arange(6).reshape(2, 3); // [[0. 1. 2.]
   * //  [3. 4. 5.]]
   * @numpy np.arange(6.0).reshape(2, 3)
   *
   * @example
   * np.arange(6).reshape([3, -1], { order: "F" }); // [[0. 3.]
   * //  [1. 4.]
   * //  [2. 5.]]
   * @numpy np.arange(6.0).reshape((3, -1), order="F")
   */
  reshape(...args: (number | readonly number[] | OrderOption)[]): NDArray {
    let order: Order = "C";
    let parts = args;
    const last = args[args.length - 1];
    if (typeof last === "object" && last !== null && !Array.isArray(last)) {
      order = checkOrder((last as OrderOption).order);
      parts = args.slice(0, -1);
    }
    const req: readonly number[] = parts.length === 1 && Array.isArray(parts[0]) ? (parts[0] as readonly number[]) : (parts as number[]);
    const newShape = resolveShape(this.size, req);
    if (order === "F") {
      // F order is C order on the reversed axes.
      const r = this.transpose().reshape(newShape.slice().reverse());
      return r.transpose();
    }
    if (this.size === 0 || isCContiguous(this)) {
      return new NDArray(this.data, newShape, cStrides(newShape), this.offset, this.dtype);
    }
    const st = attemptNoCopyReshape(this, newShape);
    if (st) return new NDArray(this.data, newShape, st, this.offset, this.dtype);
    return new NDArray(copyToC(this), newShape, cStrides(newShape), 0, this.dtype);
  }

  /**
   * The elements as a 1-D array, always a copy (NumPy `ndarray.flatten`),
   * read in C (row-major) or F (column-major) index order.
   *
   * @example
   * np.array([[1, 2], [3, 4]]).flatten("F"); // [1. 3. 2. 4.]
   * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).flatten("F")
   */
  flatten(order: Order = "C"): NDArray {
    const src = checkOrder(order) === "F" ? this.transpose() : this;
    return new NDArray(copyToC(src), [this.size], [1], 0, this.dtype);
  }

  /**
   * The elements as a 1-D array (NumPy `ndarray.ravel`): a view when the
   * array is contiguous in the requested order, otherwise a copy.
   *
   * @example
   * np.array([[1, 2], [3, 4]]).ravel(); // [1. 2. 3. 4.]
   * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).ravel()
   */
  ravel(order: Order = "C"): NDArray {
    const o = checkOrder(order);
    if (o === "C" ? isCContiguous(this) : isFContiguous(this)) return this.reshape([this.size], { order: o });
    return this.flatten(o);
  }

  /**
   * Indexing, NumPy's `a[i, j, …]`. Each argument is one index element:
   *
   * - an integer (negative counts from the end) selects and removes an axis;
   * - a slice string with Python's syntax — `":"`, `"1:3"`, `"::2"`,
   *   `"::-1"`, `"-2:"` — or {@link slice}`(start, stop, step)`;
   * - `"..."` (Ellipsis) stands for as many `":"` as needed;
   * - `null` (= {@link newaxis}) inserts an axis of length 1;
   * - an integer array (`number[]`, nested, or an int64 `NDArray`) —
   *   advanced ("fancy") indexing, several arrays broadcast together;
   * - a boolean mask (`boolean[]` or a bool `NDArray`) selects where true.
   *
   * Basic indexing (integers, slices, `"..."`, `null`) returns a **view**
   * that shares memory with `a`; any array index returns a **copy**; when
   * every axis gets an integer the result is a JS `number` (`boolean` for
   * bool arrays). Advanced index dimensions go where the first array index
   * was when the advanced indices are adjacent, otherwise first (NumPy's
   * rule; integers count as advanced when an array index is present).
   *
   * Errors (IndexError): "index 5 is out of bounds for axis 0 with size 3",
   * "too many indices for array: array is 1-dimensional, but 2 were indexed",
   * "boolean index did not match indexed array along axis 0; size of axis is
   * 3 but size of corresponding boolean axis is 2".
   *
   * @example
   * const a = np.arange(12).reshape(3, 4);
   * a.get(1, "::-2"); // [7. 5.]
   * @numpy a = np.arange(12.0).reshape(3, 4); a[1, ::-2]
   *
   * @example
   * const a = np.arange(12).reshape(3, 4);
   * a.get([0, 2], [1, 3]); // [ 1. 11.]
   * @numpy a = np.arange(12.0).reshape(3, 4); a[[0, 2], [1, 3]]
   *
   * @example
   * const a = np.array([1, -2, 3, -4]);
   * a.get([true, false, true, false]); // [1. 3.]
   * @numpy a = np.array([1.0, -2.0, 3.0, -4.0]); a[[True, False, True, False]]
   *
   * @example
   * np.arange(12).reshape(3, 4).get(-1, 2); // 10.0
   * @numpy np.arange(12.0).reshape(3, 4)[-1, 2]
   */
  get(...index: IndexElement[]): NDArray | Scalar {
    return getIndex(this, index);
  }

  /**
   * Assignment through an index, NumPy's `a[i, j, …] = value`: the last
   * argument is the value, the others are index elements exactly as in
   * {@link NDArray.get}. The value (scalar, nested array or NDArray) is
   * broadcast to the indexed shape and cast to `a.dtype` (float → int64
   * truncates toward zero). Writes through views; with repeated advanced
   * indices the last write wins. Returns `a`.
   *
   * Errors: "could not broadcast input array from shape (4,) into shape
   * (2,3)"; with array indices "shape mismatch: value array of shape (4,)
   * could not be broadcast to indexing result of shape (2,3)".
   *
   * @example
   * const a = np.zeros([2, 3]);
   * a.set(":", 1, [5, 6]); // [[0. 5. 0.]
   * //  [0. 6. 0.]]
   * @numpy a = np.zeros((2, 3)); a[:, 1] = [5, 6]; a
   */
  set(...args: [...index: IndexElement[], value: ArrayLike]): NDArray {
    const value = args[args.length - 1] as ArrayLike;
    setIndex(this, args.slice(0, -1) as IndexElement[], value);
    return this;
  }

  /**
   * Converts to nested JS arrays of numbers (booleans for `bool`); a 0-d
   * array gives its scalar (NumPy `ndarray.tolist`).
   *
   * @example
   * np.array([[1, 2], [3, 4]]).tolist(); // [[1.0, 2.0], [3.0, 4.0]]
   * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).tolist()
   */
  tolist(): Scalar | NestedArray {
    const { data, shape, strides, dtype } = this;
    const isBool = dtype === "bool";
    const rec = (d: number, off: number): Scalar | NestedArray => {
      if (d === shape.length) return isBool ? data[off] !== 0 : data[off];
      const out: (Scalar | NestedArray)[] = new Array(shape[d]);
      for (let i = 0; i < shape[d]; i++) out[i] = rec(d + 1, off + i * strides[d]);
      return out;
    };
    return rec(0, this.offset);
  }

  /**
   * A C-ordered copy with its own storage (NumPy `ndarray.copy()`).
   *
   * @example
   * const a = np.array([1, 2]);
   * const b = a.copy();
   * b.set(0, 9);
   * a; // [1. 2.]
   * @numpy a = np.array([1.0, 2.0]); b = a.copy(); b[0] = 9; a
   */
  copy(): NDArray {
    return new NDArray(copyToC(this), this.shape, undefined, 0, this.dtype);
  }

  /**
   * Copy cast to another dtype (NumPy `ndarray.astype`, `order="C"`).
   * float → int64 truncates toward zero; → bool is `x != 0`.
   *
   * @example
   * np.array([1.7, -1.7]).astype("int64"); // [ 1 -1]
   * @numpy np.array([1.7, -1.7]).astype("int64")
   */
  astype(dtype: DType): NDArray {
    return new NDArray(copyToC(this, checkDType(dtype)), this.shape, undefined, 0, dtype);
  }

  /**
   * One element as a JS scalar (NumPy `ndarray.item`): with no argument the
   * array must have exactly one element; one argument is a flat C-order index;
   * `ndim` arguments are a multi-index. Negative indices count from the end.
   *
   * @example
   * np.array([[1, 2], [3, 4]]).item(1, 0); // 3.0
   * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).item(1, 0)
   *
   * @example
   * np.array([[1, 2], [3, 4]]).item(3); // 4.0
   * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).item(3)
   */
  item(...index: number[]): Scalar {
    let off = this.offset;
    const { shape, strides } = this;
    if (index.length === 0) {
      if (this.size !== 1) throw new RangeError("can only convert an array of size 1 to a Python scalar");
    } else if (index.length === 1 && shape.length !== 1) {
      const n = this.size;
      let flat = index[0];
      if (flat < 0) flat += n;
      if (!Number.isInteger(flat) || flat < 0 || flat >= n) throw new RangeError(`index ${index[0]} is out of bounds for size ${n}`);
      for (let d = shape.length - 1; d >= 0; d--) {
        const i = flat % shape[d];
        flat = (flat - i) / shape[d];
        off += i * strides[d];
      }
    } else {
      if (index.length !== shape.length) throw new RangeError("incorrect number of indices for array");
      for (let d = 0; d < shape.length; d++) {
        let i = index[d];
        if (i < 0) i += shape[d];
        if (!Number.isInteger(i) || i < 0 || i >= shape[d]) {
          throw new RangeError(`index ${index[d]} is out of bounds for axis ${d} with size ${shape[d]}`);
        }
        off += i * strides[d];
      }
    }
    const v = this.data[off];
    return this.dtype === "bool" ? v !== 0 : v;
  }

  /**
   * NumPy's `str(a)`: same digits, padding, line wrapping at 75 characters
   * and `...` summarisation above 1000 elements.
   *
   * @example
   * np.array([1, 2.5]); // [1.  2.5]
   * @numpy np.array([1.0, 2.5])
   */
  toString(): string {
    return formatArray(this);
  }
}
