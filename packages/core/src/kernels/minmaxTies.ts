/**
 * Inner loops of `maximum`/`minimum`/`fmax`/`fmin` reductions that give the
 * same sign of zero as NumPy 2.4.6 on an x86-64 AVX-512 machine (the
 * X86_V4 build of `loops_minmax.dispatch.c.src`, GCC, glibc).
 *
 * Why: the value of a max/min does not depend on the order of evaluation,
 * except when the extreme is a tie between +0.0 and −0.0. x86 `maxpd`/`minpd`
 * (and NumPy's SSE scalar `scalar_max_d`) return their *second* operand on
 * such a tie, and NumPy combines the elements in an order set by its SIMD
 * lanes, so the winning zero is the one that comes last in that order, not
 * the last one in memory. The value is computed by a plain loop first; the
 * lane order is replayed only when the result is a zero (`resolveZero*`), so
 * the common case costs nothing extra.
 *
 * The orders, read from NumPy's sources and confirmed against NumPy on this
 * machine (fixtures/generate_minmax_zero.py):
 * - reduction of a unit-stride run (`simd_reduce_c`): the output element
 *   (the line's first element, copied by NumPy before the loop) is broadcast
 *   to 8 lanes; 64-element blocks are folded as `acc = op(acc,
 *   op(op(op(v0,v1), op(v2,v3)), op(op(v4,v5), op(v6,v7))))`, then 8-element
 *   vectors `acc = op(acc, v)`; the lanes are combined like GCC's
 *   `_mm512_reduce_max_pd` (upper half with lower half, second operand the
 *   lower); the last `len % 8` elements one at a time.
 * - reduction of a strided run: NumPy's scalar unroll — 8 running values
 *   from the first 8 elements, `m[k] = op(m[k], x)` per block of 8, a tree
 *   `((m0,m1),(m2,m3)),((m4,m5),(m6,m7))`, `out = op(out, tree)`, then the
 *   rest one at a time.
 * - element-wise (`out[j] = op(out[j], x[j])`, reducing an outer axis):
 *   `maximum`/`minimum` always take the new element on a tie.
 * - `fmax`/`fmin` scalar steps call libm's `fmax`, which GCC treats as
 *   commutative, so its operand order (and which zero wins) depends on the
 *   call site: the tail of `simd_reduce_c` keeps the running value; the
 *   strided unroll keeps the running value in its 8 accumulators and takes
 *   the second operand everywhere else; the element-wise tails behave per
 *   position (see `FMAX_CCC_TAIL_KEEPS`).
 * NumPy built for AVX2-only, SSE-only or non-x86 CPUs uses other lane
 * counts and instructions, so its zero signs on such ties differ.
 */

/** Reduction flavours: NaN-propagating `maximum`/`minimum`, NaN-ignoring `fmax`/`fmin`. */
export const MAXIMUM = 0;
export const MINIMUM = 1;
export const FMAX = 2;
export const FMIN = 3;
export type MinMaxOp = typeof MAXIMUM | typeof MINIMUM | typeof FMAX | typeof FMIN;

/** x86 `maxpd`/`minpd` (`a OP b ? a : b`): the second operand wins ties and NaNs. */
function pick(a: number, b: number, isMax: boolean): number {
  return isMax ? (a > b ? a : b) : a < b ? a : b;
}

/** `npyv_maxn`/`npyv_minn` and NumPy's SSE `scalar_max_d`: NaN in `a` is kept, else `pick`. */
function opN(a: number, b: number, isMax: boolean): number {
  return a !== a ? a : pick(a, b, isMax);
}

/** `npyv_maxp`/`npyv_minp`: NaN in `b` keeps `a`, else `pick`. */
function opP(a: number, b: number, isMax: boolean): number {
  return b !== b ? a : pick(a, b, isMax);
}

/** C `fmax`/`fmin` compiled with the running value first: it wins ties. */
function opKeep(a: number, b: number, isMax: boolean): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return isMax ? (a >= b ? a : b) : a <= b ? a : b;
}

/** C `fmax`/`fmin` compiled with the operands swapped: the new value wins ties. */
function opTake(a: number, b: number, isMax: boolean): number {
  if (a !== a) return b;
  if (b !== b) return a;
  return pick(a, b, isMax);
}

const acc = new Float64Array(8);
const tmp = new Float64Array(8);

/** GCC's `_mm512_reduce_max_pd` / `_min_pd` lane order. */
function horizontal(v: Float64Array, isMax: boolean): number {
  const t0 = pick(v[4], v[0], isMax);
  const t1 = pick(v[5], v[1], isMax);
  const t2 = pick(v[6], v[2], isMax);
  const t3 = pick(v[7], v[3], isMax);
  return pick(pick(t2, t0, isMax), pick(t3, t1, isMax), isMax);
}

/** Replays `simd_reduce_c`: reduces `n` unit-stride elements from `s[p]` into `init`. */
function simdReduce(init: number, s: Float64Array, p: number, n: number, op: MinMaxOp): number {
  const isMax = op === MAXIMUM || op === FMAX;
  const nanProp = op <= MINIMUM;
  const V = nanProp ? opN : opP;
  acc.fill(init);
  for (; n >= 64; n -= 64, p += 64) {
    for (let l = 0; l < 8; l++) {
      const q = p + l;
      const r01 = V(s[q], s[q + 8], isMax);
      const r23 = V(s[q + 16], s[q + 24], isMax);
      const r45 = V(s[q + 32], s[q + 40], isMax);
      const r67 = V(s[q + 48], s[q + 56], isMax);
      acc[l] = V(acc[l], V(V(r01, r23, isMax), V(r45, r67, isMax), isMax), isMax);
    }
  }
  for (; n >= 8; n -= 8, p += 8) {
    for (let l = 0; l < 8; l++) acc[l] = V(acc[l], s[p + l], isMax);
  }
  let r: number;
  if (nanProp) {
    let nan = false;
    for (let l = 0; l < 8; l++) if (acc[l] !== acc[l]) nan = true;
    r = nan ? NaN : horizontal(acc, isMax);
  } else {
    // npyv_reduce_maxp: all-NaN gives lane 0, else NaN lanes become ∓inf
    let any = false;
    for (let l = 0; l < 8; l++) {
      const x = acc[l];
      if (x === x) any = true;
      tmp[l] = x === x ? x : isMax ? -Infinity : Infinity;
    }
    r = any ? horizontal(tmp, isMax) : acc[0];
  }
  const S = nanProp ? opN : opKeep;
  for (let k = 0; k < n; k++) r = S(r, s[p + k], isMax);
  return r;
}

/** Replays NumPy's scalar 8-way unroll for a strided reduction. */
function scalarReduce(init: number, s: Float64Array, p: number, n: number, st: number, op: MinMaxOp): number {
  const isMax = op === MAXIMUM || op === FMAX;
  const nanProp = op <= MINIMUM;
  const A = nanProp ? opN : opKeep;
  const S = nanProp ? opN : opTake;
  let out = init;
  let i = 0;
  if (n >= 8) {
    for (let l = 0; l < 8; l++) acc[l] = s[p + l * st];
    for (i = 8; i + 8 <= n; i += 8) {
      for (let l = 0; l < 8; l++) acc[l] = A(acc[l], s[p + (i + l) * st], isMax);
    }
    const m0 = S(acc[0], acc[1], isMax);
    const m2 = S(acc[2], acc[3], isMax);
    const m4 = S(acc[4], acc[5], isMax);
    const m6 = S(acc[6], acc[7], isMax);
    out = S(out, S(S(m0, m2, isMax), S(m4, m6, isMax), isMax), isMax);
  }
  for (; i < n; i++) out = S(out, s[p + i * st], isMax);
  return out;
}

/**
 * Reduces `n` elements `s[p + k*st]` into `init` (NumPy's inner loop of
 * `op.reduce` for one output element, called after NumPy copied the first
 * element into the output); bit-exact including the sign of a zero result.
 */
export function reduceRun(init: number, s: Float64Array, p: number, n: number, st: number, op: MinMaxOp): number {
  let r = init;
  if (op === MAXIMUM) {
    for (let k = 0, q = p; k < n; k++, q += st) {
      const x = s[q];
      r = r > x || r !== r ? r : x;
    }
  } else if (op === MINIMUM) {
    for (let k = 0, q = p; k < n; k++, q += st) {
      const x = s[q];
      r = r < x || r !== r ? r : x;
    }
  } else if (op === FMAX) {
    for (let k = 0, q = p; k < n; k++, q += st) {
      const x = s[q];
      r = x > r || r !== r ? x : r;
    }
  } else {
    for (let k = 0, q = p; k < n; k++, q += st) {
      const x = s[q];
      r = x < r || r !== r ? x : r;
    }
  }
  if (r !== 0) return r;
  return st === 1 ? simdReduce(init, s, p, n, op) : scalarReduce(init, s, p, n, st, op);
}

/**
 * Which tail positions of `simd_binary_ccc_fmax/fmin` (the last `len % 8`
 * elements of a unit-stride element-wise call) keep the running value on a
 * tie; measured, it is GCC's unrolling of the `fmax` calls.
 */
const FMAX_CCC_TAIL_KEEPS = [true, true, true, false, true, true, false];

/**
 * Element-wise step `out[o + k*os] = op(out[...], s[p + k*st])` for `n`
 * elements (NumPy reducing an outer axis). The output must start as −inf
 * (`MAXIMUM`), +inf (`MINIMUM`) or NaN (`FMAX`/`FMIN`) so that the first
 * step copies, like NumPy's copy of the first element.
 */
export function elementwiseRun(out: Float64Array, o: number, os: number, s: Float64Array, p: number, st: number, n: number, op: MinMaxOp): void {
  if (op === MAXIMUM) {
    for (let k = 0; k < n; k++, o += os, p += st) {
      const x = out[o];
      const y = s[p];
      out[o] = x > y || x !== x ? x : y;
    }
    return;
  }
  if (op === MINIMUM) {
    for (let k = 0; k < n; k++, o += os, p += st) {
      const x = out[o];
      const y = s[p];
      out[o] = x < y || x !== x ? x : y;
    }
    return;
  }
  const isMax = op === FMAX;
  const simdEnd = n - (n % 8);
  const ccc = os === 1 && st === 1;
  for (let k = 0; k < n; k++, o += os, p += st) {
    if (k < simdEnd) out[o] = opP(out[o], s[p], isMax);
    else {
      const t = k - simdEnd;
      const keep = ccc ? FMAX_CCC_TAIL_KEEPS[t] : t === 0;
      out[o] = keep ? opKeep(out[o], s[p], isMax) : opTake(out[o], s[p], isMax);
    }
  }
}
