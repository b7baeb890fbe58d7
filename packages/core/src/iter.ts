/**
 * A small model of NumPy's `nditer` as used by ufuncs and reductions:
 * broadcasting, the "K order" axis sort (`npyiter_find_best_axis_ordering`),
 * axis coalescing (`npyiter_coalesce_axes`) and the outer loop that hands
 * one inner line at a time to a kernel.
 *
 * Reproducing NumPy's iteration order is what makes reductions bit-exact:
 * the inner loop of the iterator is what NumPy's pairwise summation sees.
 */
import { AxisError } from "./errors.ts";
import { formatShape } from "./ndarray.ts";
import type { NDArray } from "./ndarray.ts";

/**
 * Broadcasts shapes by NumPy's rules; on mismatch throws `mismatch(listed)` (`listed`: the shapes as
 * NumPy prints them), by default the ufuncs' "operands could not be broadcast together" error.
 */
export function broadcastShapes(
  shapes: readonly (readonly number[])[],
  mismatch: (listed: string) => Error = (listed) => new RangeError(`operands could not be broadcast together with shapes ${listed} `),
): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const n = s[i];
      const cur = out[off + i];
      if (n === cur || n === 1) continue;
      if (cur === 1) out[off + i] = n;
      else throw mismatch(shapes.map((x) => formatShape(x)).join(" "));
    }
  }
  return out;
}

/** Strides (in elements) of `a` viewed with the broadcast `shape`: 0 on broadcast and size-1 axes. */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length;
  const off = nd - a.shape.length;
  const st = new Array<number>(nd).fill(0);
  for (let i = 0; i < a.shape.length; i++) st[off + i] = a.shape[i] === 1 ? 0 : a.strides[i];
  return st;
}

/**
 * NumPy's `npyiter_find_best_axis_ordering` (stable insertion sort of the
 * axes by absolute stride, innermost first; operands with a zero stride on
 * either axis abstain; on conflicts C order wins).
 *
 * @returns array axes, innermost (fastest) first
 */
export function bestAxisOrder(shape: readonly number[], opStrides: readonly (readonly number[])[]): number[] {
  const nd = shape.length;
  const perm: number[] = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  for (let i0 = 1; i0 < nd; i0++) {
    let ipos = i0;
    const ax0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const ax1 = perm[i1];
      let ambig = true;
      let shouldSwap = false;
      for (const st of opStrides) {
        const s0 = shape[ax0] === 1 ? 0 : st[ax0];
        const s1 = shape[ax1] === 1 ? 0 : st[ax1];
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) shouldSwap = false;
          else if (ambig) shouldSwap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldSwap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      perm.splice(i0, 1);
      perm.splice(ipos, 0, ax0);
    }
  }
  return perm;
}

/** Dense strides for `shape` with memory laid out in `perm` order (innermost first): NumPy's allocation in K order. */
export function stridesForPerm(shape: readonly number[], perm: readonly number[]): number[] {
  const st = new Array<number>(shape.length).fill(0);
  let acc = 1;
  for (const ax of perm) {
    st[ax] = acc;
    acc *= Math.max(shape[ax], 1);
  }
  return st;
}

/**
 * An iteration plan: iterator axes innermost first, after dropping size-1
 * axes and coalescing; `strides[op][k]` is operand `op`'s stride on axis `k`.
 * The inner loop is axis 0 (length `shape[0]`, or 1 when there is no axis).
 */
export interface Loop {
  shape: number[];
  strides: number[][];
}

/** Builds a {@link Loop} from a full-rank description, in `perm` order, coalescing like NumPy. */
export function makeLoop(shape: readonly number[], opStrides: readonly (readonly number[])[], perm: readonly number[]): Loop {
  const nop = opStrides.length;
  const lshape: number[] = [];
  const lstrides: number[][] = opStrides.map(() => []);
  for (const ax of perm) {
    const n = shape[ax];
    if (n === 1) continue;
    const k = lshape.length;
    if (k > 0) {
      const prev = lshape[k - 1];
      let can = true;
      for (let op = 0; op < nop; op++) {
        if (lstrides[op][k - 1] * prev !== opStrides[op][ax]) {
          can = false;
          break;
        }
      }
      if (can) {
        lshape[k - 1] = prev * n;
        continue;
      }
    }
    lshape.push(n);
    for (let op = 0; op < nop; op++) lstrides[op].push(opStrides[op][ax]);
  }
  return { shape: lshape, strides: lstrides };
}

/** Inner-loop length of a plan. */
export function innerLength(loop: Loop): number {
  return loop.shape.length === 0 ? 1 : loop.shape[0];
}

/** Inner-loop stride of operand `op`. */
export function innerStride(loop: Loop, op: number): number {
  return loop.shape.length === 0 ? 0 : loop.strides[op][0];
}

/**
 * Runs `body` once per inner line, in NumPy's outer iteration order, with the
 * current element offsets of every operand (the array is reused: read it,
 * don't keep it). Nothing runs when any dimension is 0.
 */
export function forEachLine(loop: Loop, base: readonly number[], body: (offs: number[]) => void): void {
  const { shape, strides } = loop;
  for (const n of shape) if (n === 0) return;
  const nax = shape.length;
  const nop = base.length;
  const offs = base.slice();
  if (nax <= 1) {
    body(offs);
    return;
  }
  const idx = new Array<number>(nax).fill(0);
  for (;;) {
    body(offs);
    let d = 1;
    for (; d < nax; d++) {
      idx[d]++;
      for (let op = 0; op < nop; op++) offs[op] += strides[op][d];
      if (idx[d] < shape[d]) break;
      for (let op = 0; op < nop; op++) offs[op] -= strides[op][d] * shape[d];
      idx[d] = 0;
    }
    if (d === nax) return;
  }
}

/** Normalises one axis (negative counts from the end); NumPy's `AxisError` wording. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (axis < -ndim || axis >= ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** Normalises an `axis` argument (number, list, null/undefined = all) into flags per dimension. */
export function axisFlags(axis: number | readonly number[] | null | undefined, ndim: number): boolean[] {
  const flags = new Array<boolean>(ndim).fill(axis === null || axis === undefined);
  if (axis === null || axis === undefined) return flags;
  const list = typeof axis === "number" ? [axis] : axis;
  for (const a of list) {
    const ax = normalizeAxis(a, ndim);
    if (flags[ax]) throw new RangeError("duplicate value in 'axis'");
    flags[ax] = true;
  }
  return flags;
}
