/**
 * Indexing: NumPy's `a[...]` and `a[...] = value`, spelled `a.get(...)` and
 * `a.set(..., value)`, plus `np.take`, `np.slice` and `np.newaxis`.
 *
 * The algorithm follows NumPy's `prepare_index` / `mapiter`: basic indices
 * (integers, slices, Ellipsis, newaxis) only change shape, strides and
 * offset (a view); integer and boolean arrays ("advanced" indices) are
 * broadcast together and gather a copy. The advanced dimensions replace the
 * indexed axes in place when all advanced indices (integers included) are
 * adjacent in the index, otherwise they come first.
 */
import { array, asarray, castScalar } from "./creation.ts";
import { allocStorage, type DType, type Storage } from "./dtype.ts";
import { AxisError, IndexError } from "./errors.ts";
import { broadcastShapes } from "./iter.ts";
import { copyToC, formatShape, NDArray, shapeSize, writeC, type ArrayLike, type Scalar } from "./ndarray.ts";

/**
 * A Python slice `start:stop:step` (any part may be `null`, meaning the
 * default). Usually written as a string (`"1:3"`); {@link slice} builds one
 * from numbers.
 */
export class Slice {
  readonly start: number | null;
  readonly stop: number | null;
  readonly step: number | null;
  constructor(start: number | null = null, stop: number | null = null, step: number | null = null) {
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  toString(): string {
    const f = (x: number | null): string => (x === null ? "" : String(x));
    return `${f(this.start)}:${f(this.stop)}${this.step === null ? "" : `:${this.step}`}`;
  }
}

/**
 * Python's `slice(stop)` / `slice(start, stop, step)` for indexing with
 * computed bounds: `a.get(np.slice(i, j))` is `a[i:j]`; `null` or
 * `undefined` take the default.
 *
 * $$\texttt{slice}(b, e, s) \text{ selects } b, b+s, b+2s, \dots \text{ before } e$$
 *
 * Special cases: a step of 0 raises "slice step cannot be zero" when used.
 *
 * @example
 * np.arange(10).get(np.slice(2, 8, 3)); // [2. 5.]
 * @numpy np.arange(10.0)[slice(2, 8, 3)]
 */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  if (stop === undefined && step === undefined) return new Slice(null, start ?? null, null);
  return new Slice(start ?? null, stop ?? null, step ?? null);
}

/**
 * `np.newaxis`: an index element inserting an axis of length 1. As in NumPy
 * (where `np.newaxis is None`), it is `null`.
 *
 * @example
 * np.array([1, 2]).get(":", np.newaxis).shape; // (2, 1)
 * @numpy np.array([1.0, 2.0])[:, np.newaxis].shape
 */
export const newaxis = null;

/**
 * One element of an index: integer, slice string (`"1:3"`, `"::-1"`),
 * `"..."`, {@link Slice}, `null` (newaxis), integer array or boolean mask.
 */
export type IndexElement = number | boolean | string | null | Slice | NDArray | readonly unknown[];

const ONLY =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

const INT = 0, SLICE = 1, NEWAXIS = 2, ELLIPSIS = 3, FANCY = 4, BOOL = 5;

interface Item {
  kind: number;
  /** INT: the integer. */
  value: number;
  slice: Slice | null;
  /** FANCY: int64 array; BOOL: bool array. */
  arr: NDArray | null;
}

const SLICE_RE = /^\s*([+-]?\d+)?\s*:\s*([+-]?\d+)?\s*(?::\s*([+-]?\d+)?\s*)?$/;

function parseSlice(s: string): Slice {
  const m = SLICE_RE.exec(s);
  if (!m) throw new IndexError(ONLY);
  const n = (x: string | undefined): number | null => (x === undefined ? null : Number(x));
  return new Slice(n(m[1]), n(m[2]), n(m[3]));
}

/** A nested JS array as an int64 or bool NDArray index. */
function nestedIndex(x: readonly unknown[]): NDArray {
  const shape: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur.length ? cur[0] : undefined;
  }
  const n = shapeSize(shape);
  const flat: unknown[] = [];
  const walk = (v: unknown, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(v)) throw new IndexError(ONLY);
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[d]) throw new IndexError(ONLY);
    for (const c of v) walk(c, d + 1);
  };
  walk(x, 0);
  const isBool = n > 0 && typeof flat[0] === "boolean";
  const data = allocStorage(isBool ? "bool" : "int64", n);
  for (let i = 0; i < n; i++) {
    const v = flat[i];
    if (isBool) {
      if (typeof v !== "boolean") throw new IndexError(ONLY);
      data[i] = v ? 1 : 0;
    } else {
      if (typeof v !== "number" || !Number.isInteger(v)) throw new IndexError(ONLY);
      data[i] = v;
    }
  }
  return new NDArray(data, shape, undefined, 0, isBool ? "bool" : "int64");
}

function parseItem(x: IndexElement): Item {
  const item: Item = { kind: INT, value: 0, slice: null, arr: null };
  if (typeof x === "boolean") {
    // a scalar boolean is a 0-d mask (NumPy: `a[True]` adds an axis of length 1, `a[False]` of length 0)
    item.kind = BOOL;
    item.arr = new NDArray(Uint8Array.of(x ? 1 : 0), [], [], 0, "bool");
  } else if (typeof x === "number") {
    if (!Number.isInteger(x)) throw new IndexError(ONLY);
    item.value = x;
  } else if (x === null || x === undefined) {
    item.kind = NEWAXIS;
  } else if (typeof x === "string") {
    if (x.trim() === "...") item.kind = ELLIPSIS;
    else {
      item.kind = SLICE;
      item.slice = parseSlice(x);
    }
  } else if (x instanceof Slice) {
    for (const v of [x.start, x.stop, x.step]) {
      if (v !== null && !Number.isInteger(v)) throw new TypeError("slice indices must be integers or None or have an __index__ method");
    }
    item.kind = SLICE;
    item.slice = x;
  } else if (x instanceof NDArray) {
    if (x.dtype === "float64") throw new IndexError("arrays used as indices must be of integer (or boolean) type");
    if (x.dtype === "int64" && x.ndim === 0) item.value = x.data[x.offset];
    else {
      item.kind = x.dtype === "bool" ? BOOL : FANCY;
      item.arr = x;
    }
  } else if (Array.isArray(x)) {
    const arr = nestedIndex(x);
    item.kind = arr.dtype === "bool" ? BOOL : FANCY;
    item.arr = arr;
  } else {
    throw new IndexError(ONLY);
  }
  return item;
}

/** Start, step and length of a slice over an axis of length n (Python's `PySlice_AdjustIndices`). */
export function sliceIndices(s: Slice, n: number): [number, number, number] {
  const step = s.step ?? 1;
  if (step === 0) throw new RangeError("slice step cannot be zero");
  const neg = step < 0;
  const adjust = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) {
      v += n;
      if (v < 0) v = neg ? -1 : 0;
    } else if (v >= n) {
      v = neg ? n - 1 : n;
    }
    return v;
  };
  const start = adjust(s.start, neg ? n - 1 : 0);
  const stop = adjust(s.stop, neg ? -1 : n);
  let len = 0;
  if (neg) {
    if (stop < start) len = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    len = Math.floor((stop - start - 1) / step) + 1;
  }
  return [start, step, len];
}

function outOfBounds(i: number, axis: number, n: number): never {
  throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
}

interface Prepared {
  items: Item[];
  /** True when some array index is present. */
  fancy: boolean;
  /** True when the index is integers only, one per axis (the result is a scalar). */
  scalar: boolean;
  /** True when the index is one boolean mask of the array's full dimension (NumPy's boolean-assignment path). */
  singleBool: boolean;
}

/** NumPy's `prepare_index`: classifies the elements, checks the count, expands boolean masks. */
function prepare(a: NDArray, index: readonly IndexElement[]): Prepared {
  const raw = index.map(parseItem);
  let used = 0;
  let ellipsis = false;
  let fancy = false;
  let allInt = true;
  for (const it of raw) {
    if (it.kind === ELLIPSIS) {
      if (ellipsis) throw new IndexError("an index can only have a single ellipsis ('...')");
      ellipsis = true;
    } else if (it.kind === BOOL) used += it.arr!.ndim;
    else if (it.kind !== NEWAXIS) used++;
    if (it.kind === FANCY || it.kind === BOOL) fancy = true;
    if (it.kind !== INT) allInt = false;
  }
  const nd = a.ndim;
  if (used > nd) throw new IndexError(`too many indices for array: array is ${nd}-dimensional, but ${used} were indexed`);
  const items: Item[] = [];
  let axis = 0;
  for (const it of raw) {
    if (it.kind === ELLIPSIS) {
      it.value = nd - used; // axes it covers
      axis += it.value;
      items.push(it);
    } else if (it.kind === BOOL) {
      const m = it.arr!;
      for (let k = 0; k < m.ndim; k++) {
        // NumPy checks only mask axes of non-zero length (prepare_index: `indices[i].value > 0`);
        // an empty mask axis acts as an empty integer index
        if (m.shape[k] !== 0 && m.shape[k] !== a.shape[axis + k]) {
          throw new IndexError(
            `boolean index did not match indexed array along axis ${axis + k}; size of axis is ${a.shape[axis + k]} but size of corresponding boolean axis is ${m.shape[k]}`,
          );
        }
      }
      if (m.ndim === 0) {
        // a 0-d mask adds an axis of length 1 (true) or 0 (false)
        const data = allocStorage("int64", m.data[m.offset] ? 1 : 0);
        items.push({ kind: FANCY, value: 0, slice: null, arr: new NDArray(data, [data.length], undefined, 0, "int64"), zeroD: true } as Item);
        continue;
      }
      for (const ix of nonzeroArrays(m)) items.push({ kind: FANCY, value: 0, slice: null, arr: ix });
      axis += m.ndim;
    } else {
      if (it.kind !== NEWAXIS) axis++;
      items.push(it);
    }
  }
  // a single mask of the array's own rank (a 0-d array's `a[True]` included) takes NumPy's boolean-assignment path
  const singleBool = raw.length === 1 && raw[0].kind === BOOL && raw[0].arr!.ndim === nd && raw[0].arr!.shape.every((n, k) => n === a.shape[k]);
  return { items, fancy, scalar: allInt && used === nd, singleBool };
}

/** Indices of the true elements of a mask, one int64 array per axis, in C order (`np.nonzero`). */
export function nonzeroArrays(m: NDArray): NDArray[] {
  const bools = copyToC(m, "bool");
  let count = 0;
  for (let i = 0; i < bools.length; i++) count += bools[i];
  const nd = m.ndim;
  const outs = m.shape.map(() => new Float64Array(count));
  const idx = new Array<number>(nd).fill(0);
  let c = 0;
  for (let i = 0; i < bools.length; i++) {
    if (bools[i]) {
      for (let d = 0; d < nd; d++) outs[d][c] = idx[d];
      c++;
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < m.shape[d]) break;
      idx[d] = 0;
    }
  }
  return outs.map((o) => new NDArray(o, [count], [1], 0, "int64"));
}

/** Shape, strides and offset after the basic part of the index (advanced items keep their axis). */
interface BasicView {
  shape: number[];
  strides: number[];
  offset: number;
  /** For each view dimension: the advanced item (index into items) or -1. */
  fancyOf: number[];
  /** For each view dimension: the array axis it comes from (-1 for newaxis). */
  axisOf: number[];
}

function basicView(a: NDArray, items: readonly Item[]): BasicView {
  const shape: number[] = [];
  const strides: number[] = [];
  const fancyOf: number[] = [];
  const axisOf: number[] = [];
  let offset = a.offset;
  let d = 0;
  const keep = (ax: number, f: number): void => {
    shape.push(a.shape[ax]);
    strides.push(a.strides[ax]);
    fancyOf.push(f);
    axisOf.push(ax);
  };
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    switch (it.kind) {
      case INT: {
        const n = a.shape[d];
        let i = it.value;
        if (i < -n || i >= n) outOfBounds(i, d, n);
        if (i < 0) i += n;
        offset += i * a.strides[d];
        d++;
        break;
      }
      case SLICE: {
        const [start, step, len] = sliceIndices(it.slice!, a.shape[d]);
        if (len > 0) offset += start * a.strides[d];
        shape.push(len);
        strides.push(a.strides[d] * step);
        fancyOf.push(-1);
        axisOf.push(d);
        d++;
        break;
      }
      case NEWAXIS:
        shape.push(1);
        strides.push(0);
        fancyOf.push(-1);
        axisOf.push(-1);
        break;
      case ELLIPSIS:
        for (let j = 0; j < it.value; j++) keep(d++, -1);
        break;
      case FANCY:
        if ((it as Item & { zeroD?: boolean }).zeroD) {
          shape.push(1);
          strides.push(0);
          fancyOf.push(k);
          axisOf.push(-1);
        } else keep(d++, k);
        break;
    }
  }
  while (d < a.ndim) keep(d++, -1);
  return { shape, strides, offset, fancyOf, axisOf };
}

/** Element offsets (relative to 0) of a strided block, in C order. */
function blockOffsets(shape: readonly number[], strides: readonly number[]): Float64Array {
  const n = shapeSize(shape);
  const out = new Float64Array(n);
  if (n === 0) return out;
  const nd = shape.length;
  if (nd === 0) return out;
  const idx = new Array<number>(nd).fill(0);
  const inner = shape[nd - 1];
  const is = strides[nd - 1];
  let off = 0;
  let o = 0;
  for (;;) {
    for (let k = 0; k < inner; k++) out[o++] = off + k * is;
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

/** The plan of an advanced index: output shape, start offset of each inner block, offsets inside a block. */
interface Plan {
  shape: number[];
  starts: Float64Array;
  inner: Float64Array;
}

function advancedPlan(a: NDArray, items: readonly Item[], beforeBounds?: (shape: readonly number[]) => void): Plan {
  const v = basicView(a, items);
  // integers become 0-d index arrays once an array index is present
  const fancyDims: number[] = [];
  const arrays: NDArray[] = [];
  const arrayAxis: number[] = [];
  const arraySize: number[] = [];
  const arrayStride: number[] = [];
  let consecStatus = -1;
  let consec = true;
  let firstPos = 0;
  let viewDim = 0;
  let extraInt = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const advanced = it.kind === FANCY || it.kind === INT;
    if (advanced) {
      if (consecStatus === -1) {
        firstPos = viewDim;
        consecStatus = 0;
      } else if (consecStatus === 1) {
        consecStatus = 2;
        consec = false;
      }
    } else if (consecStatus === 0) {
      consecStatus = 1;
    }
    if (it.kind === INT) {
      // The integer was already applied by basicView (offset); it takes part in broadcasting as a 0-d array.
      extraInt++;
    } else if (it.kind === FANCY) {
      const vd = v.fancyOf.indexOf(k);
      fancyDims.push(vd);
      arrays.push(it.arr!);
      arrayAxis.push(v.axisOf[vd]);
      arraySize.push(v.shape[vd]);
      arrayStride.push(v.strides[vd]);
      viewDim++;
    } else if (it.kind === SLICE || it.kind === NEWAXIS) viewDim++;
    else if (it.kind === ELLIPSIS) viewDim += it.value;
  }
  void extraInt;
  const bshape = broadcastShapes(
    arrays.map((x) => x.shape),
    (listed) => new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${listed} `),
  );
  const bsize = shapeSize(bshape);
  // plain (non-advanced) view dimensions, split around the advanced block
  const preShape: number[] = [];
  const preStrides: number[] = [];
  const postShape: number[] = [];
  const postStrides: number[] = [];
  for (let d = 0; d < v.shape.length; d++) {
    if (v.fancyOf[d] >= 0) continue;
    if (consec && d < firstPos) {
      preShape.push(v.shape[d]);
      preStrides.push(v.strides[d]);
    } else {
      postShape.push(v.shape[d]);
      postStrides.push(v.strides[d]);
    }
  }
  const shape = [...preShape, ...bshape, ...postShape];
  // NumPy's MapIter checks the value's broadcast before the index bounds (which it checks while iterating)
  if (beforeBounds) beforeBounds(shape);
  // bounds-check and pre-multiply each index array by its stride (nothing is checked when the
  // broadcast index is empty: NumPy's iteration never visits those values)
  const scaled: Float64Array[] = [];
  for (let j = 0; j < arrays.length; j++) {
    const vals = copyToC(arrays[j], "int64") as Float64Array;
    const n = arraySize[j];
    const st = arrayStride[j];
    const axis = arrayAxis[j];
    for (let i = 0; i < vals.length; i++) {
      let x = vals[i];
      if (x < -n || x >= n) {
        if (bsize === 0) continue;
        outOfBounds(x, axis < 0 ? 0 : axis, n);
      }
      if (x < 0) x += n;
      vals[i] = x * st;
    }
    scaled.push(vals);
  }
  // table of summed offsets over the broadcast shape
  const table = new Float64Array(bsize);
  for (let j = 0; j < arrays.length; j++) {
    const sh = arrays[j].shape;
    const off = bshape.length - sh.length;
    const st = new Array<number>(bshape.length).fill(0);
    let acc = 1;
    for (let d = sh.length - 1; d >= 0; d--) {
      st[off + d] = sh[d] === 1 ? 0 : acc;
      acc *= sh[d];
    }
    const rel = blockOffsets(bshape, st);
    const vals = scaled[j];
    for (let i = 0; i < bsize; i++) table[i] += vals[rel[i]];
  }
  const pre = blockOffsets(preShape, preStrides);
  const starts = new Float64Array(pre.length * bsize);
  let o = 0;
  for (let p = 0; p < pre.length; p++) {
    const base = v.offset + pre[p];
    for (let b = 0; b < bsize; b++) starts[o++] = base + table[b];
  }
  return { shape, starts, inner: blockOffsets(postShape, postStrides) };
}

/** `a[index]`: see {@link NDArray.get}. */
export function getIndex(a: NDArray, index: readonly IndexElement[]): NDArray | Scalar {
  const p = prepare(a, index);
  if (!p.fancy) {
    const v = basicView(a, p.items);
    if (p.scalar) {
      const x = a.data[v.offset];
      return a.dtype === "bool" ? x !== 0 : x;
    }
    return new NDArray(a.data, v.shape, v.strides, v.offset, a.dtype);
  }
  const plan = advancedPlan(a, p.items);
  const out = allocStorage(a.dtype, plan.starts.length * plan.inner.length);
  gather(a.data, plan.starts, plan.inner, out);
  return new NDArray(out, plan.shape, undefined, 0, a.dtype);
}

function gather(src: Storage, starts: Float64Array, inner: Float64Array, out: Storage): void {
  const ni = inner.length;
  let o = 0;
  if (ni === 1) {
    for (let b = 0; b < starts.length; b++) out[o++] = src[starts[b]];
    return;
  }
  for (let b = 0; b < starts.length; b++) {
    const base = starts[b];
    for (let q = 0; q < ni; q++) out[o++] = src[base + inner[q]];
  }
}

function scatter(dst: Storage, starts: Float64Array, inner: Float64Array, vals: Storage): void {
  const ni = inner.length;
  let o = 0;
  for (let b = 0; b < starts.length; b++) {
    const base = starts[b];
    for (let q = 0; q < ni; q++) dst[base + inner[q]] = vals[o++];
  }
}

/**
 * The value of an assignment as C-order storage of `dtype` broadcast to `shape`
 * (value dimensions may have extra leading 1s, as NumPy allows).
 */
/**
 * The value of `a[index] = value` as an array of `a`'s dtype, converted the
 * way NumPy converts it before broadcasting: JS numbers and nested lists are
 * Python scalars/sequences (`np.asarray(value, dtype=a.dtype)`: NaN, ±inf and
 * values beyond int64 raise for int64), NDArrays are cast later.
 */
function convertValue(value: ArrayLike, a: NDArray): NDArray {
  return value instanceof NDArray ? value : array(value, { dtype: a.dtype });
}

function valueFor(v: NDArray, a: NDArray, shape: readonly number[], fancy: boolean): Storage {
  let vs = v.shape;
  let vst = v.strides;
  const fail = (): never => {
    throw new RangeError(
      fancy
        ? `shape mismatch: value array of shape ${formatShape(v.shape)} could not be broadcast to indexing result of shape ${formatShape(shape)}`
        : `could not broadcast input array from shape ${formatShape(vs)} into shape ${formatShape(shape)}`,
    );
  };
  while (vs.length > shape.length) {
    if (vs[0] !== 1) fail();
    vs = vs.slice(1);
    vst = vst.slice(1);
  }
  const off = shape.length - vs.length;
  const st = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < vs.length; i++) {
    if (vs[i] === shape[off + i]) st[off + i] = vs[i] === 1 ? 0 : vst[i];
    else if (vs[i] !== 1) fail();
  }
  return copyToC(new NDArray(v.data, shape, st, v.offset, v.dtype), a.dtype);
}

function broadcastTo1(v: NDArray, n: number): NDArray {
  return new NDArray(v.data, [n], [v.ndim === 1 && v.size === n && n !== 1 ? v.strides[0] : 0], v.offset, v.dtype);
}

/** `a[index] = value`: see {@link NDArray.set}. */
/** NumPy's PyArray_Pack of `value` into one element of dtype `dtype` (`a[i, j] = value`). */
function packScalar(value: ArrayLike, dtype: DType): number {
  const SEQ = "setting an array element with a sequence.";
  if (typeof value === "number") return castScalar(value, dtype);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof NDArray) {
    // an array with dimensions is a sequence, except that bool takes the truth value of a 1-element array
    if (value.ndim > 0 && !(dtype === "bool" && value.size === 1)) throw new RangeError(SEQ);
    return copyToC(value, dtype)[0];
  }
  // a JS array is a Python list: bool takes its truth value (non-empty), int() rejects it, float is a sequence
  if (dtype === "bool") return (value as readonly unknown[]).length > 0 ? 1 : 0;
  if (dtype === "int64") throw new TypeError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
  throw new RangeError(SEQ);
}

export function setIndex(a: NDArray, index: readonly IndexElement[], value: ArrayLike): void {
  const p = prepare(a, index);
  if (!p.fancy) {
    const v = basicView(a, p.items);
    if (p.scalar) {
      a.data[v.offset] = packScalar(value, a.dtype);
      return;
    }
    if (Array.isArray(value)) {
      // basic assignment: NumPy converts a sequence with at most as many dimensions as the target
      let depth = 0;
      for (let x: unknown = value; Array.isArray(x); x = x.length ? x[0] : undefined) depth++;
      if (depth > v.shape.length) {
        throw new RangeError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${v.shape.length}.`);
      }
    }
    const view = new NDArray(a.data, v.shape, v.strides, v.offset, a.dtype);
    writeC(view, valueFor(convertValue(value, a), a, v.shape, false));
    return;
  }
  // NumPy's order: integer indices (the view), then the value's conversion, then the index arrays
  if (!p.singleBool) basicView(a, p.items);
  const converted = convertValue(value, a);
  let values: Storage | null = null;
  const plan = advancedPlan(a, p.items, p.singleBool ? undefined : (shape) => (values = valueFor(converted, a, shape, true)));
  if (p.singleBool) {
    // NumPy's boolean-assignment path: a 0-d or 1-d value of 1 or `count` elements
    const v = converted;
    const count = plan.starts.length * plan.inner.length;
    if (v.ndim > 1) throw new TypeError(`NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${v.ndim} dimensions`);
    if (v.ndim === 1 && v.size !== count && v.size !== 1) {
      throw new RangeError(`NumPy boolean array indexing assignment cannot assign ${v.size} input values to the ${count} output values where the mask is true`);
    }
    scatter(a.data, plan.starts, plan.inner, copyToC(broadcastTo1(v, count), a.dtype));
    return;
  }
  scatter(a.data, plan.starts, plan.inner, values!);
}

/** Options of {@link take}. */
export interface TakeOptions {
  /** Axis to take along; `null`/omitted takes from the flattened array. */
  axis?: number | null;
}

/**
 * Elements of `a` at `indices` along an axis (NumPy `np.take`, `mode="raise"`):
 * `take(a, idx, { axis })` is `a[:, …, :, idx]` with `axis` colons; without
 * `axis` it indexes the flattened array. A copy; a scalar index removes the
 * axis (a JS scalar when the result is 0-d).
 *
 * $$\texttt{take}(a, j, \text{axis}=k)[i_0, \dots, J, \dots] = a[i_0, \dots, j[J], \dots]$$
 *
 * Special cases: "index 5 is out of bounds for axis 0 with size 3".
 *
 * @example
 * np.take(np.array([4, 3, 5, 7, 6, 8]), [0, 1, 4]); // [4. 3. 6.]
 * @numpy np.take(np.array([4.0, 3.0, 5.0, 7.0, 6.0, 8.0]), [0, 1, 4])
 *
 * @example
 * np.take(np.arange(6).reshape(2, 3), [[0, 2]], { axis: 1 }); // [[[0. 2.]]
 * //
 * //  [[3. 5.]]]
 * @numpy np.take(np.arange(6.0).reshape(2, 3), [[0, 2]], axis=1)
 */
export function take(a: ArrayLike, indices: number | readonly unknown[] | NDArray, options: TakeOptions = {}): NDArray | Scalar {
  let arr = asarray(a);
  let axis = options.axis ?? null;
  if (axis === null) {
    arr = arr.ravel();
    axis = 0;
  } else {
    if (!Number.isInteger(axis)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (axis < -arr.ndim || axis >= arr.ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${arr.ndim}`);
    if (axis < 0) axis += arr.ndim;
  }
  let idx: IndexElement;
  if (typeof indices === "number") idx = indices;
  else if (indices instanceof NDArray) {
    if (indices.dtype !== "int64") throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
    idx = indices;
  } else {
    const ix = nestedIndex(indices);
    if (ix.dtype === "bool") throw new TypeError("Cannot cast array data from dtype('bool') to dtype('int64') according to the rule 'safe'");
    idx = ix;
  }
  const index: IndexElement[] = [];
  for (let d = 0; d < axis; d++) index.push(":");
  index.push(idx);
  const r = getIndex(arr, index);
  if (typeof idx === "number" && r instanceof NDArray) return r.copy();
  return r;
}
