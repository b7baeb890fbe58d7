/**
 * Shape manipulation: `transpose`, `reshape`, `ravel`, `swapaxes`,
 * `moveaxis`, `expand_dims`, `squeeze`, `atleast_1d/2d/3d`, `broadcast_to`,
 * `broadcast_arrays`, joining (`concatenate`, `stack`, `vstack`, `hstack`,
 * `dstack`), splitting (`split`, `array_split`) and repetition (`tile`,
 * `repeat`).
 *
 * Views where NumPy gives views (transpose, reshape when possible, ravel of
 * a contiguous array, swapaxes, moveaxis, expand_dims, squeeze, atleast_*,
 * broadcast_to, split); copies where NumPy copies (concatenate, stack, tile,
 * repeat).
 */
import { asarray } from "./creation.ts";
import { allocStorage, promoteTypes, type DType } from "./dtype.ts";
import { AxisError, IndexError } from "./errors.ts";
import { Slice, sliceIndices } from "./indexing.ts";
import { checkOrder, copyInto, formatShape, NDArray, resolveShape, shapeSize, type ArrayLike, type Order, type OrderOption } from "./ndarray.ts";

function axisError(axis: number, ndim: number, prefix = ""): never {
  throw new AxisError(`${prefix}axis ${axis} is out of bounds for array of dimension ${ndim}`);
}

function normAxis(axis: number, ndim: number, prefix = ""): number {
  if (!Number.isInteger(axis)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (axis < -ndim || axis >= ndim) axisError(axis, ndim, prefix);
  return axis < 0 ? axis + ndim : axis;
}

/** NumPy's `normalize_axis_tuple`. */
function normAxes(axis: number | readonly number[], ndim: number, argname?: string): number[] {
  const list = typeof axis === "number" ? [axis] : axis;
  const out = list.map((ax) => normAxis(ax, ndim, argname ? `${argname}: ` : ""));
  if (new Set(out).size !== out.length) throw new RangeError(argname ? `repeated axis in \`${argname}\` argument` : "repeated axis");
  return out;
}

function view(a: NDArray, shape: number[], strides: number[], offset = a.offset): NDArray {
  return new NDArray(a.data, shape, strides, offset, a.dtype);
}

/**
 * Permutes the axes (NumPy `np.transpose`): a view, no copy. Without `axes`
 * the order is reversed (so a 2-D array is the matrix transpose, like `.T`).
 * Negative axes count from the end.
 *
 * $$\texttt{transpose}(a, p)[i_{p_0}, \dots, i_{p_{n-1}}] = a[i_0, \dots, i_{n-1}]$$
 *
 * Special cases: `axes` that are not a permutation raise "axes don't match array".
 *
 * @example
 * np.transpose(np.zeros([2, 3, 4])).shape; // (4, 3, 2)
 * @numpy np.transpose(np.zeros((2, 3, 4))).shape
 *
 * @example
 * np.transpose(np.zeros([2, 3, 4]), [1, 0, 2]).shape; // (3, 2, 4)
 * @numpy np.transpose(np.zeros((2, 3, 4)), (1, 0, 2)).shape
 */
export function transpose(a: ArrayLike, axes?: readonly number[] | null): NDArray {
  return asarray(a).transpose(axes);
}

/**
 * Gives a new shape to an array without changing its data (NumPy
 * `np.reshape`): a view when possible, else a copy. One dimension may be -1
 * and is inferred. `order: "F"` reads and writes the elements with the first
 * index changing fastest.
 *
 * $$\texttt{reshape}(a, s)\texttt{.ravel(order)} = a\texttt{.ravel(order)}$$
 *
 * Special cases: "cannot reshape array of size 6 into shape (4,)".
 *
 * @example
 * np.reshape(np.arange(6), [2, 3]); // [[0. 1. 2.]
 * //  [3. 4. 5.]]
 * @numpy np.reshape(np.arange(6.0), (2, 3))
 *
 * @example
 * np.reshape(np.arange(6), [2, 3], { order: "F" }); // [[0. 2. 4.]
 * //  [1. 3. 5.]]
 * @numpy np.reshape(np.arange(6.0), (2, 3), order="F")
 */
export function reshape(a: ArrayLike, shape: number | readonly number[], options: OrderOption = {}): NDArray {
  const arr = asarray(a);
  return arr.reshape(typeof shape === "number" ? [shape] : shape, { order: checkOrder(options.order) });
}

/**
 * The elements as a 1-D array in C or F index order (NumPy `np.ravel`): a
 * view when `a` is contiguous in that order, otherwise a copy.
 *
 * $$\texttt{ravel}(a)_{\sum_d i_d c_d} = a[i_0, \dots, i_{n-1}],\quad c_d = \textstyle\prod_{e>d} s_e \text{ (C order)}$$
 *
 * @example
 * np.ravel(np.arange(6).reshape(2, 3), "F"); // [0. 3. 1. 4. 2. 5.]
 * @numpy np.ravel(np.arange(6.0).reshape(2, 3), "F")
 */
export function ravel(a: ArrayLike, order: Order = "C"): NDArray {
  return asarray(a).ravel(order);
}

/**
 * Interchanges two axes (NumPy `np.swapaxes`), a view.
 *
 * $$\texttt{swapaxes}(a, i, j) = \texttt{transpose}(a, (0, \dots, j, \dots, i, \dots))$$
 *
 * Special cases: AxisError "axis2: axis 2 is out of bounds for array of dimension 2".
 *
 * @example
 * np.swapaxes(np.zeros([2, 3, 4]), 0, 2).shape; // (4, 3, 2)
 * @numpy np.swapaxes(np.zeros((2, 3, 4)), 0, 2).shape
 */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const arr = asarray(a);
  const i = normAxis(axis1, arr.ndim, "axis1: ");
  const j = normAxis(axis2, arr.ndim, "axis2: ");
  const perm = arr.shape.map((_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return arr.transpose(perm);
}

/**
 * Moves axes to new positions, the others keeping their order (NumPy
 * `np.moveaxis`), a view.
 *
 * $$\texttt{moveaxis}(a, s, d) = \texttt{transpose}(a, p) \text{ with } p_{d_k} = s_k$$
 *
 * Special cases: "`source` and `destination` arguments must have the same
 * number of elements"; "repeated axis in `source` argument"; AxisError
 * "source: axis 3 is out of bounds for array of dimension 2".
 *
 * @example
 * np.moveaxis(np.zeros([3, 4, 5]), 0, -1).shape; // (4, 5, 3)
 * @numpy np.moveaxis(np.zeros((3, 4, 5)), 0, -1).shape
 */
export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const src = normAxes(source, arr.ndim, "source");
  const dst = normAxes(destination, arr.ndim, "destination");
  if (src.length !== dst.length) throw new RangeError("`source` and `destination` arguments must have the same number of elements");
  const order: number[] = [];
  for (let k = 0; k < arr.ndim; k++) if (!src.includes(k)) order.push(k);
  const pairs = dst.map((d, k) => [d, src[k]] as const).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return arr.transpose(order);
}

/**
 * Inserts axes of length 1 at the given positions of the result (NumPy
 * `np.expand_dims`), a view. `axis` is one position or several.
 *
 * $$\texttt{expand\_dims}(a, k).\text{shape} = (s_0, \dots, s_{k-1}, 1, s_k, \dots)$$
 *
 * Special cases: positions are checked against the result's dimension
 * (AxisError "axis 3 is out of bounds for array of dimension 3"); "repeated axis".
 *
 * @example
 * np.expand_dims(np.array([1, 2]), [0, 2]).shape; // (1, 2, 1)
 * @numpy np.expand_dims(np.array([1.0, 2.0]), (0, 2)).shape
 */
export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const n = typeof axis === "number" ? 1 : axis.length;
  const out = normAxes(axis, arr.ndim + n);
  const shape: number[] = [];
  const strides: number[] = [];
  let k = 0;
  for (let d = 0; d < arr.ndim + n; d++) {
    if (out.includes(d)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(arr.shape[k]);
      strides.push(arr.strides[k++]);
    }
  }
  return view(arr, shape, strides);
}

/**
 * Removes axes of length 1 (NumPy `np.squeeze`), a view: all of them, or
 * only those named by `axis`.
 *
 * $$\texttt{squeeze}(a).\text{shape} = (s_d : s_d \ne 1)$$
 *
 * Special cases: naming an axis whose length is not 1 raises "cannot select
 * an axis to squeeze out which has size not equal to one".
 *
 * @example
 * np.squeeze(np.zeros([1, 3, 1])).shape; // (3,)
 * @numpy np.squeeze(np.zeros((1, 3, 1))).shape
 *
 * @example
 * np.squeeze(np.zeros([1, 3, 1]), 0).shape; // (3, 1)
 * @numpy np.squeeze(np.zeros((1, 3, 1)), 0).shape
 */
export function squeeze(a: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  const arr = asarray(a);
  let drop: boolean[];
  if (axis === undefined || axis === null) drop = arr.shape.map((n) => n === 1);
  else if (arr.ndim === 0 && (axis === 0 || axis === -1)) {
    // NumPy's PyArray_ConvertMultiAxis lets a 0-d array take an integer axis 0 or -1 (not a tuple)
    drop = [];
  } else {
    drop = arr.shape.map(() => false);
    // PyArray_ConvertMultiAxis checks each axis in turn: bounds, then repetition
    const seen: number[] = [];
    for (const ax of typeof axis === "number" ? [axis] : axis) {
      const k = normAxis(ax, arr.ndim);
      if (seen.includes(k)) throw new RangeError("duplicate value in 'axis'");
      seen.push(k);
    }
    for (const ax of seen) {
      if (arr.shape[ax] !== 1) throw new RangeError("cannot select an axis to squeeze out which has size not equal to one");
      drop[ax] = true;
    }
  }
  return view(
    arr,
    arr.shape.filter((_, d) => !drop[d]),
    arr.strides.filter((_, d) => !drop[d]),
  );
}

/**
 * Views with at least one dimension (NumPy `np.atleast_1d`): 0-d becomes
 * shape (1,). One argument gives one array, several give a list.
 *
 * $$\texttt{atleast\_1d}(x).\text{shape} = (1,) \text{ for a scalar}$$
 *
 * @example
 * np.atleast_1d(5); // [5.]
 * @numpy np.atleast_1d(5.0)
 */
export function atleast_1d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const out = arys.map((x) => {
    const a = asarray(x);
    return a.ndim === 0 ? view(a, [1], [0]) : a;
  });
  return out.length === 1 ? out[0] : out;
}

/**
 * Views with at least two dimensions (NumPy `np.atleast_2d`): 0-d → (1, 1),
 * 1-D (n) → (1, n).
 *
 * $$\texttt{atleast\_2d}(v).\text{shape} = (1, n) \text{ for } v \in \mathbb{R}^n$$
 *
 * @example
 * np.atleast_2d([1, 2]); // [[1. 2.]]
 * @numpy np.atleast_2d([1.0, 2.0])
 */
export function atleast_2d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const out = arys.map((x) => atleast2(asarray(x)));
  return out.length === 1 ? out[0] : out;
}

function atleast2(a: NDArray): NDArray {
  if (a.ndim === 0) return view(a, [1, 1], [0, 0]);
  if (a.ndim === 1) return view(a, [1, a.shape[0]], [0, a.strides[0]]);
  return a;
}

function atleast3(a: NDArray): NDArray {
  if (a.ndim === 0) return view(a, [1, 1, 1], [0, 0, 0]);
  if (a.ndim === 1) return view(a, [1, a.shape[0], 1], [0, a.strides[0], 0]);
  if (a.ndim === 2) return view(a, [a.shape[0], a.shape[1], 1], [a.strides[0], a.strides[1], 0]);
  return a;
}

/**
 * Views with at least three dimensions (NumPy `np.atleast_3d`): 0-d →
 * (1, 1, 1), 1-D (n) → (1, n, 1), 2-D (m, n) → (m, n, 1).
 *
 * $$\texttt{atleast\_3d}(A).\text{shape} = (m, n, 1) \text{ for } A \in \mathbb{R}^{m \times n}$$
 *
 * @example
 * np.atleast_3d([1, 2]).shape; // (1, 2, 1)
 * @numpy np.atleast_3d([1.0, 2.0]).shape
 */
export function atleast_3d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const out = arys.map((x) => atleast3(asarray(x)));
  return out.length === 1 ? out[0] : out;
}

/**
 * A read-as-broadcast view of `a` with the given shape (NumPy
 * `np.broadcast_to`): broadcast dimensions get stride 0, so every element
 * of the view aliases one of `a`. (NumPy marks the view read-only; here it
 * is writable, and a write reaches every aliased position.)
 *
 * $$\texttt{broadcast\_to}(a, s)[i] = a[i \bmod \text{broadcast}]$$
 *
 * Special cases: "operands could not be broadcast together with remapped
 * shapes [original->remapped]: (3,)  and requested shape (4,)".
 *
 * @example
 * np.broadcast_to([1, 2, 3], [2, 3]); // [[1. 2. 3.]
 * //  [1. 2. 3.]]
 * @numpy np.broadcast_to([1.0, 2.0, 3.0], (2, 3))
 */
export function broadcast_to(a: ArrayLike, shape: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const sh = typeof shape === "number" ? [shape] : shape.slice();
  for (const n of sh) {
    if (!Number.isInteger(n)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (n < 0) throw new RangeError("all elements of broadcast shape must be non-negative");
  }
  if (sh.length === 0 && arr.ndim > 0) throw new RangeError("cannot broadcast a non-scalar to a scalar array");
  if (arr.ndim > sh.length) throw new RangeError("input operand has more dimensions than allowed by the axis remapping");
  const off = sh.length - arr.ndim;
  const strides = new Array<number>(sh.length).fill(0);
  for (let i = 0; i < arr.ndim; i++) {
    if (arr.shape[i] === sh[off + i]) strides[off + i] = arr.shape[i] === 1 ? 0 : arr.strides[i];
    else if (arr.shape[i] !== 1) {
      throw new RangeError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(arr.shape)}  and requested shape ${formatShape(sh)}`,
      );
    }
  }
  return view(arr, sh, strides);
}

/**
 * Broadcasts arrays against each other (NumPy `np.broadcast_arrays`):
 * views with the common shape.
 *
 * $$\text{shape} = \text{broadcast}(s^{(0)}, \dots, s^{(k)})$$
 *
 * Special cases: "shape mismatch: objects cannot be broadcast to a single
 * shape.  Mismatch is between arg 0 with shape (3,) and arg 1 with shape (4,)."
 *
 * @example
 * np.broadcast_arrays([1, 2], [[3], [4]])[0]; // [[1. 2.]
 * //  [1. 2.]]
 * @numpy np.broadcast_arrays([1.0, 2.0], [[3.0], [4.0]])[0]
 */
export function broadcast_arrays(...arrays: ArrayLike[]): NDArray[] {
  const arrs = arrays.map((x) => asarray(x));
  let nd = 0;
  for (const a of arrs) nd = Math.max(nd, a.ndim);
  const shape = new Array<number>(nd).fill(1);
  const from = new Array<number>(nd).fill(-1);
  arrs.forEach((a, k) => {
    const off = nd - a.ndim;
    for (let i = 0; i < a.ndim; i++) {
      const n = a.shape[i];
      if (n === shape[off + i] || n === 1) continue;
      if (shape[off + i] === 1) {
        shape[off + i] = n;
        from[off + i] = k;
      } else {
        const j = from[off + i];
        throw new RangeError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${j} with shape ${formatShape(arrs[j].shape, ", ")} and arg ${k} with shape ${formatShape(a.shape, ", ")}.`,
        );
      }
    }
  });
  return arrs.map((a) => broadcast_to(a, shape));
}

/** Options of {@link concatenate}. */
export interface AxisOption {
  /** The axis; for `concatenate`, `null` flattens the inputs first. */
  axis?: number | null;
}

/**
 * Joins arrays along an existing axis (NumPy `np.concatenate`), a new
 * array. The dtype is the promotion of the inputs' (bool < int64 < float64).
 * `axis: null` concatenates the flattened arrays.
 *
 * $$\texttt{concatenate}((A, B), 0) = \begin{pmatrix} A \\ B \end{pmatrix}$$
 *
 * Special cases: "need at least one array to concatenate"; "zero-dimensional
 * arrays cannot be concatenated"; "all the input arrays must have same
 * number of dimensions, …"; "all the input array dimensions except for the
 * concatenation axis must match exactly, but along dimension 1, the array at
 * index 0 has size 2 and the array at index 1 has size 3".
 *
 * @example
 * np.concatenate([[[1, 2]], [[3, 4]]], { axis: 1 }); // [[1. 2. 3. 4.]]
 * @numpy np.concatenate([[[1.0, 2.0]], [[3.0, 4.0]]], axis=1)
 *
 * @example
 * np.concatenate([[[1, 2]], [[3, 4]]], { axis: null }); // [1. 2. 3. 4.]
 * @numpy np.concatenate([[[1.0, 2.0]], [[3.0, 4.0]]], axis=None)
 */
export function concatenate(arrays: readonly ArrayLike[], options: AxisOption = {}): NDArray {
  let arrs = arrays.map((x) => asarray(x));
  if (arrs.length === 0) throw new RangeError("need at least one array to concatenate");
  let axis = options.axis === undefined ? 0 : options.axis;
  if (axis === null) {
    arrs = arrs.map((a) => a.ravel());
    axis = 0;
  }
  const first = arrs[0];
  const nd = first.ndim;
  if (nd === 0) throw new RangeError("zero-dimensional arrays cannot be concatenated");
  const ax = normAxis(axis, nd);
  let dtype: DType = first.dtype;
  const shape = first.shape.slice();
  for (let k = 1; k < arrs.length; k++) {
    const a = arrs[k];
    if (a.ndim !== nd) {
      throw new RangeError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${k} has ${a.ndim} dimension(s)`,
      );
    }
    for (let d = 0; d < nd; d++) {
      if (d !== ax && a.shape[d] !== shape[d]) {
        throw new RangeError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${shape[d]} and the array at index ${k} has size ${a.shape[d]}`,
        );
      }
    }
    shape[ax] += a.shape[ax];
    dtype = promoteTypes(dtype, a.dtype);
  }
  const out = new NDArray(allocStorage(dtype, shapeSize(shape)), shape, undefined, 0, dtype);
  let pos = 0;
  for (const a of arrs) {
    const n = a.shape[ax];
    if (n > 0) {
      const sh = shape.slice();
      sh[ax] = n;
      copyInto(new NDArray(out.data, sh, out.strides, pos * out.strides[ax], dtype), a);
    }
    pos += n;
  }
  return out;
}

/**
 * Joins arrays of the same shape along a new axis (NumPy `np.stack`).
 *
 * $$\texttt{stack}((a, b), \text{axis}=0)[0] = a,\; [1] = b$$
 *
 * Special cases: "need at least one array to stack"; "all input arrays must
 * have the same shape"; `axis` ranges over `ndim + 1` positions.
 *
 * @example
 * np.stack([[1, 2], [3, 4]], { axis: 1 }); // [[1. 3.]
 * //  [2. 4.]]
 * @numpy np.stack([[1.0, 2.0], [3.0, 4.0]], axis=1)
 */
export function stack(arrays: readonly ArrayLike[], options: { axis?: number } = {}): NDArray {
  const arrs = arrays.map((x) => asarray(x));
  if (arrs.length === 0) throw new RangeError("need at least one array to stack");
  const sh = formatShape(arrs[0].shape);
  for (const a of arrs) if (formatShape(a.shape) !== sh) throw new RangeError("all input arrays must have the same shape");
  const ax = normAxis(options.axis ?? 0, arrs[0].ndim + 1);
  return concatenate(
    arrs.map((a) => expand_dims(a, ax)),
    { axis: ax },
  );
}

/**
 * Stacks arrays row-wise (NumPy `np.vstack`): 1-D inputs become rows, then
 * they are concatenated along axis 0.
 *
 * $$\texttt{vstack}(a, b) = \texttt{concatenate}(\texttt{atleast\_2d}(a), \texttt{atleast\_2d}(b), 0)$$
 *
 * @example
 * np.vstack([[1, 2], [3, 4]]); // [[1. 2.]
 * //  [3. 4.]]
 * @numpy np.vstack([[1.0, 2.0], [3.0, 4.0]])
 */
export function vstack(tup: readonly ArrayLike[]): NDArray {
  return concatenate(
    tup.map((x) => atleast2(asarray(x))),
    { axis: 0 },
  );
}

/**
 * Stacks arrays column-wise (NumPy `np.hstack`): along axis 0 for 1-D
 * inputs, axis 1 otherwise.
 *
 * $$\texttt{hstack}(A, B) = (A \;\; B)$$
 *
 * @example
 * np.hstack([[1, 2], [3]]); // [1. 2. 3.]
 * @numpy np.hstack([[1.0, 2.0], [3.0]])
 */
export function hstack(tup: readonly ArrayLike[]): NDArray {
  const arrs = tup.map((x) => {
    const a = asarray(x);
    return a.ndim === 0 ? view(a, [1], [0]) : a;
  });
  if (arrs.length === 0) throw new RangeError("need at least one array to concatenate");
  return concatenate(arrs, { axis: arrs[0].ndim === 1 ? 0 : 1 });
}

/**
 * Stacks arrays depth-wise (NumPy `np.dstack`): `atleast_3d` then
 * concatenation along axis 2.
 *
 * $$\texttt{dstack}(a, b)[i, j] = (a_{ij}, b_{ij})$$
 *
 * @example
 * np.dstack([[1, 2], [3, 4]]); // [[[1. 3.]
 * //   [2. 4.]]]
 * @numpy np.dstack([[1.0, 2.0], [3.0, 4.0]])
 */
export function dstack(tup: readonly ArrayLike[]): NDArray {
  return concatenate(
    tup.map((x) => atleast3(asarray(x))),
    { axis: 2 },
  );
}

/** Options of {@link split} and {@link array_split}. */
export interface SplitOptions {
  /** Axis to split along (default 0). */
  axis?: number;
}

function splitAt(a: NDArray, points: number[], ax: number): NDArray[] {
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, step, len] = sliceIndices(new Slice(points[i], points[i + 1], null), a.shape[ax]);
    const shape = a.shape.slice();
    shape[ax] = len;
    const strides = a.strides.slice();
    strides[ax] *= step;
    out.push(view(a, shape, strides, len > 0 ? a.offset + start * a.strides[ax] : a.offset));
  }
  return out;
}

/** `ary.shape[axis]` as NumPy's split functions read it: a Python tuple index. */
function splitAxis(arr: NDArray, axis: number): number {
  if (!Number.isInteger(axis)) throw new TypeError("tuple indices must be integers or slices, not float");
  if (axis < -arr.ndim || axis >= arr.ndim) throw new IndexError("tuple index out of range");
  return axis < 0 ? axis + arr.ndim : axis;
}

/**
 * Splits into sub-arrays, views of `a` (NumPy `np.array_split`): `k`
 * sections of sizes differing by at most one (the first `n % k` get one
 * more), or split before each given index (Python slice semantics, so
 * indices past the end give empty pieces).
 *
 * $$\text{sizes} = (\lceil n/k \rceil)^{n \bmod k} \,(\lfloor n/k \rfloor)^{k - n \bmod k}$$
 *
 * Special cases: "number sections must be larger than 0.".
 *
 * @example
 * np.array_split(np.arange(5), 3)[0]; // [0. 1.]
 * @numpy np.array_split(np.arange(5.0), 3)[0]
 */
export function array_split(a: ArrayLike, indices_or_sections: number | readonly number[], options: SplitOptions = {}): NDArray[] {
  const arr = asarray(a);
  const ax = splitAxis(arr, options.axis ?? 0);
  const n = arr.shape[ax];
  let points: number[];
  if (typeof indices_or_sections === "number") {
    const k = indices_or_sections;
    if (!Number.isInteger(k)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (k <= 0) throw new RangeError("number sections must be larger than 0.");
    const each = Math.floor(n / k);
    const extras = n % k;
    points = [0];
    for (let i = 0; i < k; i++) points.push(points[i] + (i < extras ? each + 1 : each));
  } else {
    points = [0, ...indices_or_sections, n];
  }
  return splitAt(arr, points, ax);
}

/**
 * Splits into equal sections or at indices (NumPy `np.split`), views of `a`.
 *
 * $$\texttt{split}(a, k)_j = a[jn/k : (j+1)n/k]$$
 *
 * Special cases: "array split does not result in an equal division" when
 * `k` does not divide the axis length; `k = 0` raises "integer modulo by zero".
 *
 * @example
 * np.split(np.arange(6), 3)[1]; // [2. 3.]
 * @numpy np.split(np.arange(6.0), 3)[1]
 *
 * @example
 * np.split(np.arange(6), [1, 4])[2]; // [4. 5.]
 * @numpy np.split(np.arange(6.0), [1, 4])[2]
 */
export function split(a: ArrayLike, indices_or_sections: number | readonly number[], options: SplitOptions = {}): NDArray[] {
  if (typeof indices_or_sections === "number") {
    const arr = asarray(a);
    const ax = splitAxis(arr, options.axis ?? 0);
    if (indices_or_sections === 0) throw new RangeError("integer modulo by zero");
    if (arr.shape[ax] % indices_or_sections !== 0) throw new RangeError("array split does not result in an equal division");
    return array_split(arr, indices_or_sections, options);
  }
  return array_split(a, indices_or_sections, options);
}

/**
 * Gathers `src` through one offset table per output axis:
 * `out[i0, …, ik] = src[offset + Σ maps[d][i_d]]`, C order.
 */
function gatherAxes(src: NDArray, maps: Float64Array[], shape: number[]): NDArray {
  const n = shapeSize(shape);
  const out = allocStorage(src.dtype, n);
  const nd = shape.length;
  if (n > 0) {
    if (nd === 0) out[0] = src.data[src.offset];
    else {
      const data = src.data;
      const inner = maps[nd - 1];
      const ni = shape[nd - 1];
      const idx = new Array<number>(nd).fill(0);
      let base = src.offset;
      for (let d = 0; d < nd - 1; d++) base += maps[d][0];
      let o = 0;
      for (;;) {
        for (let k = 0; k < ni; k++) out[o++] = data[base + inner[k]];
        let d = nd - 2;
        for (; d >= 0; d--) {
          const m = maps[d];
          base -= m[idx[d]];
          if (++idx[d] < shape[d]) {
            base += m[idx[d]];
            break;
          }
          idx[d] = 0;
          base += m[0];
        }
        if (d < 0) break;
      }
    }
  }
  return new NDArray(out, shape, undefined, 0, src.dtype);
}

/**
 * Repeats the whole array `reps` times along each axis (NumPy `np.tile`),
 * a new array. When `reps` is longer than `A.ndim`, `A` gets leading axes
 * of length 1; when shorter, `reps` gets leading 1s.
 *
 * $$\texttt{tile}(A, r)[i_0, \dots] = A[i_0 \bmod s_0, \dots]$$
 *
 * Special cases: a negative repetition raises "negative dimensions are not
 * allowed"; 0 gives an empty axis.
 *
 * @example
 * np.tile([1, 2], [2, 2]); // [[1. 2. 1. 2.]
 * //  [1. 2. 1. 2.]]
 * @numpy np.tile([1.0, 2.0], (2, 2))
 */
export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  let a = asarray(A);
  let r = typeof reps === "number" ? [reps] : reps.slice();
  for (const x of r) if (!Number.isInteger(x)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (r.length > a.ndim) {
    const lead = r.length - a.ndim;
    a = view(a, [...new Array<number>(lead).fill(1), ...a.shape], [...new Array<number>(lead).fill(0), ...a.strides]);
  } else if (r.length < a.ndim) {
    r = [...new Array<number>(a.ndim - r.length).fill(1), ...r];
  }
  const shape = a.shape.map((s, d) => s * r[d] + 0); // + 0: no -0 entries
  if (r.some((x) => x < 0)) {
    // NumPy's tile repeats row blocks axis by axis (`c.reshape(-1, n).repeat(nrep, 0)`), then reshapes to
    // the output shape: a negative count fails in `repeat` while rows remain, else in that final reshape
    let n = a.size;
    let cur = n;
    if (n > 0) {
      for (let d = 0; d < r.length; d++) {
        if (r[d] !== 1) {
          const rows = cur / n;
          if (r[d] < 0 && rows > 0) throw new RangeError("negative dimensions are not allowed");
          cur = rows * Math.max(r[d], 0) * n;
        }
        n = Math.floor(n / a.shape[d]);
      }
    }
    resolveShape(cur, shape);
  }
  const maps = shape.map((n, d) => {
    const m = new Float64Array(n);
    const s = a.shape[d];
    for (let i = 0; i < n; i++) m[i] = (i % s) * a.strides[d];
    return m;
  });
  return gatherAxes(a, maps, shape);
}

/**
 * Repeats each element (NumPy `np.repeat`): `repeats` is one count or one
 * per element along `axis`; without `axis` the array is flattened first.
 * A new array.
 *
 * $$\texttt{repeat}([a_0, a_1], 2) = [a_0, a_0, a_1, a_1]$$
 *
 * Special cases: "repeats may not contain negative values."; counts that
 * do not match the axis: "operands could not be broadcast together with
 * shape (3,) (2,)".
 *
 * @example
 * np.repeat([[1, 2], [3, 4]], [1, 2], { axis: 0 }); // [[1. 2.]
 * //  [3. 4.]
 * //  [3. 4.]]
 * @numpy np.repeat([[1.0, 2.0], [3.0, 4.0]], [1, 2], axis=0)
 *
 * @example
 * np.repeat([1, 2], 2); // [1. 1. 2. 2.]
 * @numpy np.repeat([1.0, 2.0], 2)
 */
export function repeat(a: ArrayLike, repeats: number | readonly number[] | NDArray, options: AxisOption = {}): NDArray {
  let arr = asarray(a);
  let axis = options.axis ?? null;
  if (axis === null) {
    arr = arr.ravel();
    axis = 0;
  } else if (arr.ndim === 0) {
    arr = arr.reshape([1]); // PyArray_CheckAxis treats a 0-d array as 1-d
  }
  const ax = normAxis(axis, arr.ndim);
  const n = arr.shape[ax];
  let counts: number[];
  const r = typeof repeats === "number" ? [repeats] : repeats instanceof NDArray ? (repeats.ravel().tolist() as number[]) : repeats.slice();
  for (const c of r) {
    if (!Number.isInteger(c)) throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  if (r.length === 1) {
    // one count for every element: NumPy allocates n·r elements ("negative dimensions" when that is < 0)
    if (r[0] < 0 && n > 0) throw new RangeError("negative dimensions are not allowed");
    counts = new Array<number>(n).fill(Math.max(r[0], 0));
  } else if (r.length !== n) {
    throw new RangeError(`operands could not be broadcast together with shape ${formatShape([n])} ${formatShape([r.length])}`);
  } else {
    counts = r;
    for (const c of counts) if (c < 0) throw new RangeError("repeats may not contain negative values.");
  }
  let total = 0;
  for (const c of counts) total += c;
  const shape = arr.shape.slice();
  shape[ax] = total;
  const maps = shape.map((len, d) => {
    const m = new Float64Array(len);
    if (d === ax) {
      let o = 0;
      for (let i = 0; i < n; i++) for (let c = 0; c < counts[i]; c++) m[o++] = i * arr.strides[d];
    } else {
      for (let i = 0; i < len; i++) m[i] = i * arr.strides[d];
    }
    return m;
  });
  return gatherAxes(arr, maps, shape);
}
