/**
 * Set routines: `unique`, `isin`, `union1d`, `intersect1d`, `setdiff1d`,
 * `setxor1d` — NumPy 2.4.6's `numpy/lib/_arraysetops_impl.py` on sorted
 * typed lanes (stable sort, NaN last). Equality is IEEE `==`: `-0.0` equals
 * `0.0`, NaN equals nothing, except in `unique` where NumPy 2's default
 * `equal_nan=True` collapses all NaNs into one.
 */
import { asarray } from "./creation.ts";
import { AxisError } from "./errors.ts";
import { promoteTypes, type DType } from "./dtype.ts";
import { copyToC, NDArray, type ArrayLike } from "./ndarray.ts";
import { argsortLane, sortLaneInPlace } from "./sorting.ts";

function flat(a: ArrayLike): { v: Float64Array; arr: NDArray } {
  const arr = asarray(a);
  return { v: Float64Array.from(copyToC(arr)), arr };
}

function make(v: Float64Array, dtype: DType): NDArray {
  return new NDArray(dtype === "bool" ? Uint8Array.from(v) : v, [v.length], undefined, 0, dtype);
}

function sorted(v: Float64Array): Float64Array {
  const s = Float64Array.from(v);
  sortLaneInPlace(s, s.length, new Uint8Array(s.length));
  return s;
}

/** Keeps the first of each run of equal values of a sorted lane (`equalNan`: one NaN). */
function dedupSorted(s: Float64Array, equalNan: boolean): Float64Array {
  const out = new Float64Array(s.length);
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const v = s[i];
    if (i === 0 || v !== s[i - 1]) {
      if (v !== v && equalNan && m > 0 && out[m - 1] !== out[m - 1]) continue;
      out[m++] = v;
    }
  }
  return out.slice(0, m);
}

/** Options of {@link unique}. */
export interface UniqueOptions {
  /** Also return the index of the first occurrence of each unique value. */
  return_index?: boolean;
  /** Also return the indices that rebuild the input (shape of the input). */
  return_inverse?: boolean;
  /** Also return how often each unique value occurs. */
  return_counts?: boolean;
  /**
   * Unique sub-arrays along this axis (NumPy: the axis is moved to the front and each
   * slice compared as one row — lexicographic order, NaN last; rows containing NaN are
   * never equal to each other, so `equal_nan` does not apply). `null`/omitted: flattened.
   */
  axis?: number | null;
  /** Collapse all NaNs into one (NumPy 2 default true). */
  equal_nan?: boolean;
}

/**
 * Sorted unique elements of the flattened array (NumPy `np.unique`), with
 * optionally `[values, index, inverse, counts]` (only those requested, in
 * that order). NaNs collapse into one (`equal_nan`); of `-0.0` and `0.0`
 * the first occurrence is kept. int64 results for the index arrays;
 * `inverse` has the input's shape (NumPy 2).
 *
 * $$\texttt{unique}(a) = \operatorname{sort}\{ a_i \}$$
 *
 * @example
 * np.unique([3, 1, NaN, 1, NaN]); // [ 1.  3. nan]
 * @numpy np.unique(np.array([3.0, 1.0, np.nan, 1.0, np.nan]))
 *
 * @example
 * np.unique([[1, 0], [0, 2], [1, 0]], { axis: 0 }); // [[0. 2.]
 * //  [1. 0.]]
 * @numpy np.unique(np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 0.0]]), axis=0)
 *
 * @example
 * np.unique([2, 1, 2], { return_inverse: true, return_counts: true })[2]; // [1 2]
 * @numpy np.unique(np.array([2.0, 1.0, 2.0]), return_inverse=True, return_counts=True)[2]
 */
export function unique(ar: ArrayLike, options?: { return_index?: false; return_inverse?: false; return_counts?: false; axis?: number | null; equal_nan?: boolean }): NDArray;
export function unique(ar: ArrayLike, options: UniqueOptions): NDArray | NDArray[];
export function unique(ar: ArrayLike, options: UniqueOptions = {}): NDArray | NDArray[] {
  if (options.axis !== null && options.axis !== undefined) {
    const a0 = asarray(ar);
    const nd = a0.ndim;
    const ax = options.axis;
    if (!Number.isInteger(ax) || ax < -nd || ax >= nd) throw new AxisError(`axis ${ax} is out of bounds for array of dimension ${nd}`);
    if (nd > 1) return uniqueAxis(a0, ax < 0 ? ax + nd : ax, options);
  }
  const { v, arr } = flat(ar);
  const equalNan = options.equal_nan ?? true;
  const extra = !!(options.return_index || options.return_inverse || options.return_counts);
  if (!extra) return make(dedupSorted(sorted(v), equalNan), arr.dtype);
  const n = v.length;
  const perm = new Float64Array(n);
  argsortLane(v, n, perm, new Float64Array(n));
  const aux = new Float64Array(n);
  for (let i = 0; i < n; i++) aux[i] = v[perm[i]];
  const mask = new Uint8Array(n);
  if (n > 0) mask[0] = 1;
  for (let i = 1; i < n; i++) {
    const x = aux[i];
    const p = aux[i - 1];
    mask[i] = x !== p && !(equalNan && x !== x && p !== p) ? 1 : 0;
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += mask[i];
  const vals = new Float64Array(m);
  const index = new Float64Array(m);
  const counts = new Float64Array(m);
  const inverse = new Float64Array(n);
  let k = -1;
  for (let i = 0; i < n; i++) {
    if (mask[i]) {
      k++;
      vals[k] = aux[i];
      index[k] = perm[i];
    }
    counts[k]++;
    inverse[perm[i]] = k;
  }
  const out: NDArray[] = [make(vals, arr.dtype)];
  if (options.return_index) out.push(new NDArray(index, [m], undefined, 0, "int64"));
  if (options.return_inverse) out.push(new NDArray(inverse, arr.shape, undefined, 0, "int64"));
  if (options.return_counts) out.push(new NDArray(counts, [m], undefined, 0, "int64"));
  return out;
}

/** NumPy's structured-row path of `unique(axis=k)` for `ndim > 1`. */
function uniqueAxis(arr: NDArray, axis: number, options: UniqueOptions): NDArray | NDArray[] {
  const buf = copyToC(arr);
  const shape = arr.shape;
  const n = shape[axis];
  let pre = 1;
  for (let i = 0; i < axis; i++) pre *= shape[i];
  let post = 1;
  for (let i = axis + 1; i < shape.length; i++) post *= shape[i];
  const w = pre * post;
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const r = new Float64Array(w);
    for (let p = 0; p < pre; p++) for (let q = 0; q < post; q++) r[p * post + q] = Number(buf[(p * n + i) * post + q]);
    rows.push(r);
  }
  // Field-by-field compare of the structured rows: `<`, NaN sorts after everything, NaN ties NaN.
  const cmp = (a: Float64Array, b: Float64Array): number => {
    for (let j = 0; j < w; j++) {
      const x = a[j];
      const y = b[j];
      if (x < y) return -1;
      if (x > y) return 1;
      const xn = x !== x;
      const yn = y !== y;
      if (xn && !yn) return 1;
      if (!xn && yn) return -1;
    }
    return 0;
  };
  const perm = Array.from({ length: n }, (_, i) => i).sort((i, j) => cmp(rows[i], rows[j]) || i - j);
  const mask = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    if (k === 0) {
      mask[k] = 1;
      continue;
    }
    const a = rows[perm[k]];
    const b = rows[perm[k - 1]];
    let eq = true;
    for (let j = 0; j < w && eq; j++) eq = a[j] === b[j];
    mask[k] = eq ? 0 : 1;
  }
  const keep: number[] = [];
  const counts: number[] = [];
  const inverse = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (mask[k]) {
      keep.push(perm[k]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[perm[k]] = keep.length - 1;
  }
  const u = keep.length;
  const vals = new Float64Array(pre * u * post);
  for (let p = 0; p < pre; p++)
    for (let j = 0; j < u; j++) {
      const r = rows[keep[j]];
      for (let q = 0; q < post; q++) vals[(p * u + j) * post + q] = r[p * post + q];
    }
  const outShape = shape.slice();
  outShape[axis] = u;
  const values = new NDArray(arr.dtype === "bool" ? Uint8Array.from(vals) : vals, outShape, undefined, 0, arr.dtype);
  if (!(options.return_index || options.return_inverse || options.return_counts)) return values;
  const out: NDArray[] = [values];
  if (options.return_index) out.push(new NDArray(Float64Array.from(keep), [u], undefined, 0, "int64"));
  // NumPy 2.x: with `axis` given the inverse stays 1-D (length of that axis).
  if (options.return_inverse) out.push(new NDArray(inverse, [n], undefined, 0, "int64"));
  if (options.return_counts) out.push(new NDArray(Float64Array.from(counts), [u], undefined, 0, "int64"));
  return out;
}

/** Whether `x` equals some element of the sorted lane `s` (IEEE equality). */
function member(s: Float64Array, x: number): boolean {
  if (x !== x) return false;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < s.length && s[lo] === x;
}

/** Options of {@link isin}. */
export interface IsinOptions {
  /** Return `!isin` (NumPy's `invert`). */
  invert?: boolean;
  /** Accepted for NumPy compatibility; the result does not depend on it. */
  assume_unique?: boolean;
}

/**
 * Element-wise membership (NumPy `np.isin`): whether each element of
 * `element` equals some element of `test_elements`; the shape of `element`.
 *
 * $$\texttt{isin}(e, T)_i = \exists t \in T : e_i = t$$
 *
 * Special cases: NaN is never in anything; `-0.0` is in `[0.0]`.
 *
 * @example
 * np.isin([[1, 2], [NaN, 4]], [4, 1, NaN]); // [[ True False]
 * //  [False  True]]
 * @numpy np.isin(np.array([[1.0, 2.0], [np.nan, 4.0]]), np.array([4.0, 1.0, np.nan]))
 */
export function isin(element: number | boolean, test_elements: ArrayLike, options?: IsinOptions): boolean;
export function isin(element: ArrayLike, test_elements: ArrayLike, options?: IsinOptions): NDArray | boolean;
export function isin(element: ArrayLike, test_elements: ArrayLike, options: IsinOptions = {}): NDArray | boolean {
  const { v, arr } = flat(element);
  const s = sorted(flat(test_elements).v);
  const inv = !!options.invert;
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = member(s, v[i]) !== inv ? 1 : 0;
  if (arr.ndim === 0 && !(element instanceof NDArray)) return out[0] === 1;
  return new NDArray(out, arr.shape, undefined, 0, "bool");
}

/**
 * Sorted union of the flattened inputs (NumPy `np.union1d`):
 * `unique(concatenate(a, b))`.
 *
 * $$A \cup B$$
 *
 * @example
 * np.union1d([-1, 0, 1], [-2, 0, 2]); // [-2. -1.  0.  1.  2.]
 * @numpy np.union1d(np.array([-1.0, 0.0, 1.0]), np.array([-2.0, 0.0, 2.0]))
 */
export function union1d(ar1: ArrayLike, ar2: ArrayLike): NDArray {
  const a = flat(ar1);
  const b = flat(ar2);
  const v = new Float64Array(a.v.length + b.v.length);
  v.set(a.v);
  v.set(b.v, a.v.length);
  return make(dedupSorted(sorted(v), true), promoteTypes(a.arr.dtype, b.arr.dtype));
}

/** Options of {@link intersect1d}. */
export interface Intersect1dOptions {
  /** The inputs are already unique (skips `unique`). */
  assume_unique?: boolean;
  /** Also return the indices into `ar1` and `ar2` (first occurrences). */
  return_indices?: boolean;
}

/**
 * Sorted intersection of the flattened inputs (NumPy `np.intersect1d`):
 * sort the concatenated unique inputs and keep values equal to their
 * successor. With `return_indices: true` gives `[values, idx1, idx2]`
 * (first occurrences).
 *
 * $$A \cap B$$
 *
 * Special cases: NaN is never in the intersection.
 *
 * @example
 * np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]); // [1. 3.]
 * @numpy np.intersect1d(np.array([1.0, 3.0, 4.0, 3.0]), np.array([3.0, 1.0, 2.0, 1.0]))
 */
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options?: { assume_unique?: boolean; return_indices?: false }): NDArray;
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options: Intersect1dOptions): NDArray | NDArray[];
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options: Intersect1dOptions = {}): NDArray | NDArray[] {
  const a = flat(ar1);
  const b = flat(ar2);
  const dtype = promoteTypes(a.arr.dtype, b.arr.dtype);
  let u1 = a.v;
  let u2 = b.v;
  let i1: Float64Array | null = null;
  let i2: Float64Array | null = null;
  if (!options.assume_unique) {
    if (options.return_indices) {
      const r1 = unique(a.arr, { return_index: true }) as NDArray[];
      const r2 = unique(b.arr, { return_index: true }) as NDArray[];
      u1 = Float64Array.from(r1[0].data);
      i1 = r1[1].data as Float64Array;
      u2 = Float64Array.from(r2[0].data);
      i2 = r2[1].data as Float64Array;
    } else {
      u1 = dedupSorted(sorted(u1), true);
      u2 = dedupSorted(sorted(u2), true);
    }
  }
  const n1 = u1.length;
  const aux = new Float64Array(n1 + u2.length);
  aux.set(u1);
  aux.set(u2, n1);
  const n = aux.length;
  const perm = new Float64Array(n);
  argsortLane(aux, n, perm, new Float64Array(n));
  const vals: number[] = [];
  const idx1: number[] = [];
  const idx2: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const x = aux[perm[i]];
    if (x === aux[perm[i + 1]]) {
      vals.push(x);
      idx1.push(perm[i]);
      idx2.push(perm[i + 1] - n1);
    }
  }
  const values = make(Float64Array.from(vals), dtype);
  if (!options.return_indices) return values;
  const f1 = Float64Array.from(idx1, (k) => (i1 ? i1[k] : k));
  const f2 = Float64Array.from(idx2, (k) => (i2 ? i2[k] : k));
  return [values, new NDArray(f1, [f1.length], undefined, 0, "int64"), new NDArray(f2, [f2.length], undefined, 0, "int64")];
}

/**
 * Sorted unique values of `ar1` that are not in `ar2` (NumPy `np.setdiff1d`).
 *
 * $$A \setminus B$$
 *
 * @example
 * np.setdiff1d([1, 2, 3, 2, 4, 1], [3, 4, 5, 6]); // [1. 2.]
 * @numpy np.setdiff1d(np.array([1.0, 2.0, 3.0, 2.0, 4.0, 1.0]), np.array([3.0, 4.0, 5.0, 6.0]))
 */
export function setdiff1d(ar1: ArrayLike, ar2: ArrayLike, options: { assume_unique?: boolean } = {}): NDArray {
  const a = flat(ar1);
  const u1 = options.assume_unique ? a.v : dedupSorted(sorted(a.v), true);
  const s2 = sorted(flat(ar2).v);
  const out: number[] = [];
  for (let i = 0; i < u1.length; i++) if (!member(s2, u1[i])) out.push(u1[i]);
  return make(Float64Array.from(out), a.arr.dtype);
}

/**
 * Sorted values in exactly one of the inputs (NumPy `np.setxor1d`): sort
 * the concatenated unique inputs, keep values different from both
 * neighbours.
 *
 * $$A \,\triangle\, B$$
 *
 * Special cases: a NaN in both inputs appears twice (NaN ≠ NaN), as in NumPy.
 *
 * @example
 * np.setxor1d([1, 2, 3, 2, 4], [2, 3, 5, 7, 5]); // [1. 4. 5. 7.]
 * @numpy np.setxor1d(np.array([1.0, 2.0, 3.0, 2.0, 4.0]), np.array([2.0, 3.0, 5.0, 7.0, 5.0]))
 */
export function setxor1d(ar1: ArrayLike, ar2: ArrayLike, options: { assume_unique?: boolean } = {}): NDArray {
  const a = flat(ar1);
  const b = flat(ar2);
  const dtype = promoteTypes(a.arr.dtype, b.arr.dtype);
  const u1 = options.assume_unique ? a.v : dedupSorted(sorted(a.v), true);
  const u2 = options.assume_unique ? b.v : dedupSorted(sorted(b.v), true);
  const aux = new Float64Array(u1.length + u2.length);
  aux.set(u1);
  aux.set(u2, u1.length);
  const s = sorted(aux);
  const n = s.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const left = i === 0 || s[i] !== s[i - 1];
    const right = i === n - 1 || s[i] !== s[i + 1];
    if (left && right) out.push(s[i]);
  }
  return make(Float64Array.from(out), dtype);
}
