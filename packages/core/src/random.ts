/**
 * NumPy's `np.random.default_rng`: a `Generator` on the PCG64 bit generator,
 * seeded through `SeedSequence`, that draws the same numbers as NumPy 2.4.6
 * bit for bit — `default_rng(42).standard_normal(3)` here is NumPy's
 * `default_rng(42).standard_normal(3)`.
 *
 * Ported from numpy/random: `bit_generator.pyx` (SeedSequence), `_pcg64.pyx`
 * and `src/pcg64/pcg64.h` (PCG64 XSL-RR), `src/distributions/distributions.c`
 * (uniform doubles, the ziggurat normal, Lemire's bounded integers,
 * `random_interval`), `_bounded_integers.pyx.in` and `_generator.pyx`
 * (argument handling, Fisher–Yates `shuffle`, `choice`). Measured against
 * fixtures/random.json (fixtures/generate_random.py).
 *
 * The 128-bit LCG state lives in eight 16-bit limbs so that every partial
 * product of the multiplication is exact in a double; no BigInt and no
 * allocation per draw. BigInt is used only for integer ranges wider than
 * 2^32, which need a 64×64-bit product.
 */
import { FI_DOUBLE, KI_DOUBLE, WI_DOUBLE, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from "./kernels/ziggurat.ts";
import { exp as glibcExp, log1p as glibcLog1p } from "./kernels/libm.ts";
import { NDArray, type ArrayLike, type Scalar } from "./ndarray.ts";
import { asarray, arange } from "./creation.ts";
import { normalizeAxis } from "./iter.ts";
import { take } from "./indexing.ts";
import { INT53_MESSAGE, allocStorage } from "./dtype.ts";

// ------------------------------------------------------------ SeedSequence

// bit_generator.pyx constants.
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** A seed as `default_rng` takes it: a non-negative integer or a flat list of them. */
export type Seed = number | bigint | readonly (number | bigint)[];

/** `_int_to_uint32_array`: 32-bit words, lowest first; 0 is one zero word. */
function intToWords(n: number | bigint, out: number[]): void {
  if (typeof n === "number") {
    if (!Number.isInteger(n)) throw new TypeError("seed must be integer");
    // A JS number above 2^53 has lost the integer the caller meant; NumPy would see the exact Python int.
    if (!Number.isSafeInteger(n) && n >= 0) throw new RangeError("seed exceeds 2^53 as a JS number: pass a bigint");
    n = BigInt(n);
  }
  if (n < 0n) throw new RangeError("expected non-negative integer");
  if (n === 0n) {
    out.push(0);
    return;
  }
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
}

/** `_coerce_to_uint32_array` for an int or a flat sequence of ints. */
function seedWords(seed: Seed): number[] {
  const out: number[] = [];
  if (typeof seed === "number" || typeof seed === "bigint") intToWords(seed, out);
  else for (const v of seed) {
    if (typeof v !== "number" && typeof v !== "bigint") throw new TypeError("SeedSequence does not accept nested sequences.");
    intToWords(v, out);
  }
  return out;
}

/**
 * `SeedSequence(entropy).generate_state(4, np.uint64)` as eight uint32
 * words (little-endian halves of the four uint64 words).
 */
function seedSequenceState(entropy: readonly number[]): Uint32Array {
  let hc = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hc) >>> 0;
    hc = Math.imul(hc, MULT_A) >>> 0;
    value = Math.imul(value, hc) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = new Uint32Array(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
  }
  const state = new Uint32Array(8);
  let hb = INIT_B;
  for (let i = 0; i < 8; i++) {
    let v = (pool[i % POOL_SIZE] ^ hb) >>> 0;
    hb = Math.imul(hb, MULT_B) >>> 0;
    v = Math.imul(v, hb) >>> 0;
    state[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return state;
}

// ------------------------------------------------------------------ PCG64

// 0x2360ed051fc65da44385df649fccf645 in 16-bit limbs, lowest first.
// Multiplier 0x2360ed051fc65da44385df649fccf645, as 16-bit limbs (lowest first) inlined in `step`.
const TWO16 = 65536;
const INV_TWO16 = 1 / 65536;
const TWO_M53 = 1 / 9007199254740992;

/**
 * PCG64 (`pcg_setseq_128_xsl_rr_64`) with NumPy's 32-bit half-buffer
 * (`pcg64_next32` hands out the high half of a 64-bit draw on the next call).
 */
class PCG64 {
  /** State and increment, 16-bit limbs, lowest first. */
  private readonly s = new Float64Array(8);
  private readonly inc = new Float64Array(8);
  /** The last 64-bit output: high and low uint32 halves (avoids returning a pair). */
  hi = 0;
  lo = 0;
  private hasUint32 = false;
  private uinteger = 0;

  /** `pcg64_set_seed(seed = words 0..3, inc = words 4..7)` from `generate_state(4, uint64)`. */
  constructor(words: Uint32Array) {
    // uint64 k is words[2k] | words[2k+1] << 32; seed = (u64[0] << 64) | u64[1], inc likewise from u64[2], u64[3].
    const seed32 = [words[2], words[3], words[0], words[1]];
    const seq32 = [words[6], words[7], words[4], words[5]];
    // inc = (initseq << 1) | 1, mod 2^128.
    const inc32 = [0, 0, 0, 0];
    for (let k = 3; k >= 0; k--) inc32[k] = ((seq32[k] << 1) | (k > 0 ? seq32[k - 1] >>> 31 : 1)) >>> 0;
    for (let k = 0; k < 4; k++) {
      this.inc[2 * k] = inc32[k] & 0xffff;
      this.inc[2 * k + 1] = inc32[k] >>> 16;
    }
    this.step();
    // state += initstate
    let carry = 0;
    for (let k = 0; k < 4; k++) {
      for (const [j, part] of [[2 * k, seed32[k] & 0xffff], [2 * k + 1, seed32[k] >>> 16]]) {
        const t = this.s[j] + part + carry;
        carry = t >= TWO16 ? 1 : 0;
        this.s[j] = t - carry * TWO16;
      }
    }
    this.step();
  }

  /** state = state · multiplier + inc (mod 2^128), by columns of 16×16-bit products (each column sum < 2^36, exact). */
  private step(): void {
    // Unrolled: column k sums a_i · MUL_(k−i), i ≤ k (< 2^36 with the carry, exact); about 2.5x faster than a loop.
    const s = this.s, c = this.inc;
    const a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7];
    let t: number, q: number;
    t = c[0] + a0 * 0xf645;
    q = Math.floor(t * INV_TWO16);
    s[0] = t - q * TWO16;
    t = c[1] + a0 * 0x9fcc + a1 * 0xf645 + q;
    q = Math.floor(t * INV_TWO16);
    s[1] = t - q * TWO16;
    t = c[2] + a0 * 0xdf64 + a1 * 0x9fcc + a2 * 0xf645 + q;
    q = Math.floor(t * INV_TWO16);
    s[2] = t - q * TWO16;
    t = c[3] + a0 * 0x4385 + a1 * 0xdf64 + a2 * 0x9fcc + a3 * 0xf645 + q;
    q = Math.floor(t * INV_TWO16);
    s[3] = t - q * TWO16;
    t = c[4] + a0 * 0x5da4 + a1 * 0x4385 + a2 * 0xdf64 + a3 * 0x9fcc + a4 * 0xf645 + q;
    q = Math.floor(t * INV_TWO16);
    s[4] = t - q * TWO16;
    t = c[5] + a0 * 0x1fc6 + a1 * 0x5da4 + a2 * 0x4385 + a3 * 0xdf64 + a4 * 0x9fcc + a5 * 0xf645 + q;
    q = Math.floor(t * INV_TWO16);
    s[5] = t - q * TWO16;
    t = c[6] + a0 * 0xed05 + a1 * 0x1fc6 + a2 * 0x5da4 + a3 * 0x4385 + a4 * 0xdf64 + a5 * 0x9fcc + a6 * 0xf645 + q;
    q = Math.floor(t * INV_TWO16);
    s[6] = t - q * TWO16;
    t = c[7] + a0 * 0x2360 + a1 * 0xed05 + a2 * 0x1fc6 + a3 * 0x5da4 + a4 * 0x4385 + a5 * 0xdf64 + a6 * 0x9fcc + a7 * 0xf645 + q;
    s[7] = t - Math.floor(t * INV_TWO16) * TWO16;
  }

  /** `pcg64_next64`: step, then XSL-RR output into `hi`/`lo`. */
  next64(): void {
    this.step();
    const s = this.s;
    const xh = (((s[7] << 16) | s[6]) ^ ((s[3] << 16) | s[2])) >>> 0;
    const xl = (((s[5] << 16) | s[4]) ^ ((s[1] << 16) | s[0])) >>> 0;
    const rot = s[7] >>> 10; // state >> 122
    if (rot === 0) {
      this.hi = xh;
      this.lo = xl;
    } else if (rot < 32) {
      this.hi = ((xh >>> rot) | (xl << (32 - rot))) >>> 0;
      this.lo = ((xl >>> rot) | (xh << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      this.hi = xl;
      this.lo = xh;
    } else {
      const r = rot - 32;
      this.hi = ((xl >>> r) | (xh << (32 - r))) >>> 0;
      this.lo = ((xh >>> r) | (xl << (32 - r))) >>> 0;
    }
  }

  /** `pcg64_next32`: the low half now, the high half on the next call. */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** `uint64_to_double`: (next64 >> 11) · 2^-53. */
  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
  }

  nextBig(): bigint {
    this.next64();
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }
}

// ---------------------------------------------------------- distributions

/** How often the ziggurat left its fast path (tail, wedge); for tests and curiosity. */
export const zigguratStats = { tail: 0, wedge: 0 };

/** `random_standard_normal`: NumPy's 256-layer ziggurat on one 64-bit draw. */
function standardNormal(g: PCG64): number {
  for (;;) {
    g.next64();
    const lo = g.lo;
    const idx = lo & 0xff;
    // r >> 9 (52 bits): bits 9..31 of lo, 0..28 of hi.
    const rabs = (g.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI_DOUBLE[idx];
    if ((lo >>> 8) & 1) x = -x;
    if (rabs < KI_DOUBLE[idx]) return x;
    if (idx === 0) {
      zigguratStats.tail++;
      for (;;) {
        // NumPy calls libm: glibc's log1p and exp (ports), not V8's, for the same bits.
        const xx = -ZIGGURAT_NOR_INV_R * glibcLog1p(-g.nextDouble());
        const yy = -glibcLog1p(-g.nextDouble());
        if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
      }
    } else {
      zigguratStats.wedge++;
      if ((FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * g.nextDouble() + FI_DOUBLE[idx] < glibcExp(-0.5 * x * x)) return x;
    }
  }
}

/** High 32 bits of the 64-bit product x · r (both uint32), exactly. */
function mulHi32(x: number, r: number): number {
  const p = (x & 0xffff) * r; // < 2^48
  const q = (x >>> 16) * r; // < 2^48
  const qh = Math.floor(q / TWO16);
  const ql = q - qh * TWO16;
  return qh + Math.floor((ql * TWO16 + p) / 4294967296);
}

/** `buffered_bounded_lemire_uint32`: uniform on [0, rng], rng < 2^32 − 1. */
function lemire32(g: PCG64, rng: number, threshold: number): number {
  const rngExcl = rng + 1;
  let x = g.next32();
  let leftover = Math.imul(x, rngExcl) >>> 0;
  if (leftover < rngExcl) {
    while (leftover < threshold) {
      x = g.next32();
      leftover = Math.imul(x, rngExcl) >>> 0;
    }
  }
  return mulHi32(x, rngExcl);
}

const U64 = (1n << 64n) - 1n;

/** `bounded_lemire_uint64`: uniform on [0, rng], 2^32 ≤ rng < 2^64 − 1. */
function lemire64(g: PCG64, rng: bigint): bigint {
  const rngExcl = rng + 1n;
  let m = g.nextBig() * rngExcl;
  let leftover = m & U64;
  if (leftover < rngExcl) {
    const threshold = (U64 - rng) % rngExcl;
    while (leftover < threshold) {
      m = g.nextBig() * rngExcl;
      leftover = m & U64;
    }
  }
  return m >> 64n;
}

/** Smallest 2^k − 1 ≥ v, for v < 2^32. */
function mask32(v: number): number {
  v |= v >>> 1;
  v |= v >>> 2;
  v |= v >>> 4;
  v |= v >>> 8;
  v |= v >>> 16;
  return v >>> 0;
}

/** `random_interval`: uniform on [0, max] by masked rejection (32-bit draws while max < 2^32). */
function randomInterval(g: PCG64, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = mask32(max);
    let v: number;
    while ((v = (g.next32() & mask) >>> 0) > max);
    return v;
  }
  const maskHi = mask32(Math.floor(max / 4294967296));
  let v: number;
  do {
    g.next64();
    v = (g.hi & maskHi) * 4294967296 + g.lo;
  } while (v > max);
  return v;
}

/** `random_bounded_uint64(off=0, rng, use_masked=False)`: uniform on [0, rng] by Lemire (32-bit draws below 2^32 − 1). */
function boundedUint64(g: PCG64, rng: number): number {
  if (rng === 0) return 0;
  if (rng < 0xffffffff) return lemire32(g, rng, (0xffffffff - rng) % (rng + 1));
  if (rng === 0xffffffff) return g.next32();
  const v = lemire64(g, BigInt(rng));
  if (v > 9007199254740991n) throw new RangeError(INT53_MESSAGE);
  return Number(v);
}

/** `_shuffle_int`: Fisher–Yates on positions n−1 down to `first`, Lemire-bounded. */
function shuffleInt(g: PCG64, n: number, first: number, data: Float64Array): void {
  for (let i = n - 1; i >= first; i--) {
    const j = boundedUint64(g, i);
    const t = data[j];
    data[j] = data[i];
    data[i] = t;
  }
}

/** `cdf.searchsorted(u, side='right')` on a non-decreasing cdf: the count of entries <= u. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0, hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `p.cumsum(); cdf /= cdf[-1]` (sequential sums, as NumPy's add.accumulate). */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s = i === 0 ? p[0] : s + p[i];
  const last = cdf[p.length - 1];
  for (let i = 0; i < p.length; i++) cdf[i] /= last;
  return cdf;
}

// -------------------------------------------------------------- Generator

/** `size` as NumPy takes it: undefined/null for one scalar, an int or a shape. */
export type Size = number | readonly number[] | null | undefined;

/** Options of {@link Generator.integers}. */
export interface IntegersOptions {
  /** Include `high` (NumPy `endpoint=True`); default false, `[low, high)`. */
  endpoint?: boolean;
  /** Only `"int64"` (NumPy's default) is supported. */
  dtype?: "int64";
}

/** Options of {@link Generator.choice}. */
export interface ChoiceOptions {
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of the entries of `a` (1-D, summing to 1 within √eps); default uniform. */
  p?: ArrayLike | null;
  /** Axis of `a` to sample along (default 0). */
  axis?: number;
  /** Without replacement and without `p`: shuffle the Floyd sample (default true). */
  shuffle?: boolean;
}

/** The `axis` option of {@link Generator.shuffle} / {@link Generator.permutation}. */
export interface ShuffleOptions {
  axis?: number;
}

function shapeOf(size: number | readonly number[]): number[] {
  const shape = typeof size === "number" ? [size] : [...size];
  for (const n of shape) {
    if (!Number.isInteger(n)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (n < 0) throw new RangeError("negative dimensions are not allowed");
  }
  return shape;
}

/** NumPy's `double_fill`/`cont`: one draw as a number, else a C-order array filled in order. */
function fill(size: Size, draw: () => number): number | NDArray {
  if (size === undefined || size === null) return draw();
  const shape = shapeOf(size);
  let n = 1;
  for (const d of shape) n *= d;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = draw();
  return new NDArray(data, shape);
}

/**
 * NumPy's `numpy.random.Generator` on PCG64: the object
 * {@link default_rng} returns. Draws are bit-identical to NumPy 2.4.6 for the
 * same seed and the same sequence of calls (the generator keeps NumPy's
 * spare 32-bit half between `integers`/`permutation` calls too).
 */
export class Generator {
  private readonly bitgen: PCG64;

  /** @internal use {@link default_rng}. */
  constructor(stateWords: Uint32Array) {
    this.bitgen = new PCG64(stateWords);
  }

  /**
   * Uniform floats on $[0, 1)$ (NumPy `Generator.random`): the top 53 bits
   * of a 64-bit draw, $\lfloor u/2^{11}\rfloor \cdot 2^{-53}$.
   *
   * Special cases: `size` undefined gives a JS number; `size` 0 or a shape
   * with a 0 gives an empty array and draws nothing.
   *
   * @example
   * np.random.default_rng(42).random(3); // [0.77395605 0.43887844 0.85859792]
   * @numpy np.random.default_rng(42).random(3)
   */
  random(size?: null): number;
  random(size: number | readonly number[]): NDArray;
  random(size?: Size): number | NDArray;
  random(size?: Size): number | NDArray {
    const g = this.bitgen;
    return fill(size, () => g.nextDouble());
  }

  /**
   * Standard normal draws (NumPy `Generator.standard_normal`), by NumPy's
   * 256-layer ziggurat: one 64-bit draw gives the layer (8 bits), the sign
   * (1 bit) and a 52-bit abscissa $x = r\,w_i$, accepted when
   * $r < k_i$ (≈ 99.3%); otherwise the wedge test
   * $f_i + (f_{i-1} - f_i)\,U < e^{-x^2/2}$ or, in layer 0, Marsaglia's tail
   * $x = r + \xi$, $\xi = -\log(1-U_1)/r$, accepted when
   * $-2\log(1-U_2) > \xi^2$.
   *
   * @example
   * np.random.default_rng(42).standard_normal(3); // [ 0.30471708 -1.03998411  0.7504512 ]
   * @numpy np.random.default_rng(42).standard_normal(3)
   */
  standard_normal(size?: null): number;
  standard_normal(size: number | readonly number[]): NDArray;
  standard_normal(size?: Size): number | NDArray;
  standard_normal(size?: Size): number | NDArray {
    const g = this.bitgen;
    return fill(size, () => standardNormal(g));
  }

  /**
   * Normal draws $\mu + \sigma Z$ (NumPy `Generator.normal`), $Z$ from
   * {@link Generator.standard_normal}, in that floating-point order.
   *
   * Special cases: scalar `loc`/`scale` only (NumPy also broadcasts
   * arrays); `scale < 0` raises "scale < 0" (NaN and −0 pass, as in NumPy).
   *
   * @example
   * np.random.default_rng(0).normal(10, 2, [2, 2]); // [[10.25146044  9.73579027]
   * //  [11.2808453  10.20980023]]
   * @numpy np.random.default_rng(0).normal(10, 2, (2, 2))
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number, scale: number, size: number | readonly number[]): NDArray;
  normal(loc?: number, scale?: number, size?: Size): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    if (!Number.isNaN(scale) && (scale < 0 || Object.is(scale, -0))) throw new RangeError("scale < 0");
    const g = this.bitgen;
    return fill(size, () => loc + scale * standardNormal(g));
  }

  /**
   * Uniform floats on $[\text{low}, \text{high})$ (NumPy
   * `Generator.uniform`): $\text{low} + (\text{high} - \text{low})\,U$.
   *
   * Special cases: scalar bounds only; `high - low` not finite raises
   * "high - low range exceeds valid bounds"; `high < low` raises
   * "high - low < 0"; rounding can return `high` itself.
   *
   * @example
   * np.random.default_rng(1).uniform(-1, 1, 3); // [ 0.02364325  0.90092739 -0.71168077]
   * @numpy np.random.default_rng(1).uniform(-1, 1, 3)
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number, high: number, size: number | readonly number[]): NDArray;
  uniform(low?: number, high?: number, size?: Size): number | NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    const range = high - low;
    if (!Number.isFinite(range)) throw new RangeError("high - low range exceeds valid bounds");
    if (range < 0 || Object.is(range, -0)) throw new RangeError("high - low < 0");
    const g = this.bitgen;
    return fill(size, () => low + range * g.nextDouble());
  }

  /**
   * Uniform integers on $[\text{low}, \text{high})$, or
   * $[\text{low}, \text{high}]$ with `endpoint` (NumPy `Generator.integers`,
   * int64). `integers(n)` is `integers(0, n)`. Lemire's multiply-and-reject
   * on 32-bit draws when $\text{high} - \text{low} < 2^{32}$ (two per 64-bit
   * output, the spare half kept for the next call, as NumPy does), on 64-bit
   * draws above.
   *
   * Special cases: non-integer bounds are truncated (NumPy's `int()`);
   * `low >= high` raises "low >= high" ("high <= 0" when `low` is 0; with
   * `endpoint`: "low > high", "high < 0"); a `size` with a 0 returns an empty
   * array before any check; results beyond ±(2^53 − 1) raise (not exact in JS).
   *
   * @example
   * np.random.default_rng(12345).integers(0, 10, 3); // [6 2 7]
   * @numpy np.random.default_rng(12345).integers(0, 10, 3)
   */
  integers(low: number, high?: number | null, size?: null, options?: IntegersOptions): number;
  integers(low: number, high: number | null | undefined, size: number | readonly number[], options?: IntegersOptions): NDArray;
  integers(low: number, high?: number | null, size?: Size, options?: IntegersOptions): number | NDArray;
  integers(low: number, high?: number | null, size?: Size, options: IntegersOptions = {}): number | NDArray {
    if (options.dtype !== undefined && options.dtype !== "int64") throw new TypeError(`Unsupported dtype '${String(options.dtype)}' for integers`);
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    const closed = options.endpoint ?? false;
    const scalar = size === undefined || size === null;
    const shape = scalar ? [] : shapeOf(size);
    let n = 1;
    for (const d of shape) n *= d;
    if (!scalar && n === 0) return new NDArray(new Float64Array(0), shape, undefined, 0, "int64");
    const lo = BigInt(Math.trunc(low));
    let hi = BigInt(Math.trunc(high));
    if (!closed) hi -= 1n;
    if (lo < -(1n << 63n)) throw new RangeError("low is out of bounds for int64");
    if (hi > (1n << 63n) - 1n) throw new RangeError("high is out of bounds for int64");
    if (lo > hi) throw new RangeError(lo === 0n ? (closed ? "high < 0" : "high <= 0") : closed ? "low > high" : "low >= high");
    const rng = hi - lo;
    const off = Number(lo);
    const g = this.bitgen;
    const data = new Float64Array(n);
    if (rng === 0n) {
      data.fill(off);
    } else if (rng < 0xffffffffn) {
      const r = Number(rng);
      const threshold = (0xffffffff - r) % (r + 1);
      for (let i = 0; i < n; i++) data[i] = off + lemire32(g, r, threshold);
    } else if (rng === 0xffffffffn) {
      for (let i = 0; i < n; i++) data[i] = off + g.next32();
    } else {
      // rng == 2^64 − 1 needs low = −2^63, not reachable from a JS number that is not ±2^63 itself.
      for (let i = 0; i < n; i++) {
        const v = rng === U64 ? g.nextBig() : lemire64(g, rng);
        const out = BigInt.asIntN(64, lo + v);
        if (out > 9007199254740991n || out < -9007199254740991n) throw new RangeError(INT53_MESSAGE);
        data[i] = Number(out);
      }
    }
    if (rng < 0xffffffffn + 1n) {
      for (let i = 0; i < n; i++) if (!Number.isSafeInteger(data[i])) throw new RangeError(INT53_MESSAGE);
    }
    return scalar ? data[0] : new NDArray(data, shape, undefined, 0, "int64");
  }

  /**
   * Shuffles in place along `axis` (NumPy `Generator.shuffle`): Fisher–Yates
   * from the last position down, $j = \texttt{random\_interval}(i)$ (masked
   * rejection) for $i = n-1, \dots, 1$, swapping whole sub-arrays.
   *
   * Special cases: takes an `NDArray` (views included, written through) or a
   * JS array (axis 0 only, NumPy's "untyped path"); a 0-d array raises an
   * AxisError.
   *
   * @example
   * const x = np.arange(5);
   * np.random.default_rng(7).shuffle(x);
   * x; // [2. 0. 4. 1. 3.]
   * @numpy x = np.arange(5.0); np.random.default_rng(7).shuffle(x); x
   */
  shuffle(x: NDArray | unknown[], options: ShuffleOptions = {}): void {
    const g = this.bitgen;
    if (!(x instanceof NDArray)) {
      if ((options.axis ?? 0) !== 0) throw new Error("Axis argument is only supported on ndarray objects");
      for (let i = x.length - 1; i >= 1; i--) {
        const j = randomInterval(g, i);
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
      }
      return;
    }
    const axis = normalizeAxis(options.axis ?? 0, x.ndim);
    if (x.size === 0) return;
    const n = x.shape[axis];
    const step = x.strides[axis];
    // Offsets of one sub-array (every axis but `axis`), relative to its first element.
    const rel: number[] = [0];
    for (let d = x.ndim - 1; d >= 0; d--) {
      if (d === axis) continue;
      const base = rel.slice();
      rel.length = 0;
      for (let k = 0; k < x.shape[d]; k++) for (const b of base) rel.push(b + k * x.strides[d]);
    }
    const data = x.data;
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(g, i);
      if (i === j) continue;
      const oi = x.offset + i * step, oj = x.offset + j * step;
      for (const r of rel) {
        const t = data[oi + r];
        data[oi + r] = data[oj + r];
        data[oj + r] = t;
      }
    }
  }

  /**
   * A shuffled copy (NumPy `Generator.permutation`): `permutation(n)` is a
   * shuffled int64 `arange(n)`; for an array, 1-D is copied and shuffled,
   * N-D takes a shuffled index along `axis`.
   *
   * Special cases: a 0-d array raises "x must be an integer or at least
   * 1-dimensional"; the input is never modified.
   *
   * @example
   * np.random.default_rng(42).permutation(10); // [5 6 0 7 3 2 4 9 1 8]
   * @numpy np.random.default_rng(42).permutation(10)
   */
  permutation(x: number | ArrayLike, options: ShuffleOptions = {}): NDArray {
    if (typeof x === "number") {
      const arr = arange(0, x, 1, { dtype: "int64" });
      this.shuffle(arr);
      return arr;
    }
    const a = asarray(x);
    if (a.ndim < 1) throw new RangeError("x must be an integer or at least 1-dimensional");
    const axis = normalizeAxis(options.axis ?? 0, a.ndim);
    if (a.ndim === 1) {
      const c = a.copy();
      this.shuffle(c);
      return c;
    }
    const idx = arange(0, a.shape[axis], 1, { dtype: "int64" });
    this.shuffle(idx);
    return take(a, idx, { axis }) as NDArray;
  }

  /**
   * A random sample from `a` (NumPy `Generator.choice`): `a` an integer $n$
   * samples `arange(n)`, an array samples its entries along `axis`.
   * With replacement: `integers(0, n, size)`, or with `p` the inverse CDF
   * `cdf.searchsorted(random(size), side='right')`, $\text{cdf} =
   * \operatorname{cumsum}(p)/\sum p$. Without replacement: Floyd's
   * algorithm (then a Fisher–Yates shuffle unless `shuffle: false`), or a
   * partial tail shuffle of `arange(n)` when $n > 10000$ and the sample is
   * over $n/50$ ($n/20$ unshuffled); with `p`, repeated inverse-CDF rounds
   * that zero out the entries already taken.
   *
   * Special cases: `size` undefined gives one scalar (a JS number); `p` is
   * checked as NumPy does ("a and p must have same size", "Probabilities
   * contain NaN", "Probabilities are not non-negative", "Probabilities do
   * not sum to 1. …" beyond $\sqrt{\varepsilon}$); `size` over `n` without
   * replacement raises "Cannot take a larger sample than population when
   * replace is False"; `n <= 0` (or an empty `a`) raises unless no samples
   * are taken.
   *
   * @example
   * np.random.default_rng(42).choice(10, 4, { replace: false }); // [4 0 5 6]
   * @numpy np.random.default_rng(42).choice(10, 4, replace=False)
   *
   * @example
   * np.random.default_rng(0).choice([1.5, 2.5, 4], 5, { p: [0.2, 0.5, 0.3] }); // [2.5 2.5 1.5 1.5 4. ]
   * @numpy np.random.default_rng(0).choice([1.5, 2.5, 4.0], 5, p=[0.2, 0.5, 0.3])
   */
  choice(a: number | ArrayLike, size?: null, options?: ChoiceOptions): Scalar | NDArray;
  choice(a: number | ArrayLike, size: number | readonly number[], options?: ChoiceOptions): NDArray;
  choice(a: number | ArrayLike, size?: Size, options?: ChoiceOptions): Scalar | NDArray;
  choice(a: number | ArrayLike, size?: Size, options: ChoiceOptions = {}): Scalar | NDArray {
    const replace = options.replace ?? true;
    const shuffle = options.shuffle ?? true;
    const axisOpt = options.axis ?? 0;
    const g = this.bitgen;
    const isScalar = size === undefined || size === null;
    // np.prod(size) before validation (None counts as nonzero).
    const prod = isScalar ? 1 : typeof size === "number" ? size : (size as readonly number[]).reduce((x, y) => x * y, 1);
    let arr: NDArray | null = null;
    let popSize: number;
    let axis = 0;
    if (typeof a === "number" || (a instanceof NDArray && a.ndim === 0)) {
      const v = typeof a === "number" ? a : (a as NDArray).item();
      const isInt = typeof a === "number" ? Number.isInteger(v) : (a as NDArray).dtype === "int64";
      if (!isInt) throw new TypeError(`a must be a sequence or an integer, not <class '${typeof a === "number" ? "float" : "numpy.ndarray"}'>`);
      popSize = v as number;
      if (popSize <= 0 && prod !== 0) throw new RangeError("a must be a positive integer unless no samples are taken");
    } else {
      arr = asarray(a);
      if (arr.ndim === 0) {
        const v = arr.item();
        if (arr.dtype !== "int64") throw new TypeError("a must be a sequence or an integer, not <class 'numpy.ndarray'>");
        popSize = v as number;
        if (popSize <= 0 && prod !== 0) throw new RangeError("a must be a positive integer unless no samples are taken");
        arr = null;
      } else {
        axis = normalizeAxis(axisOpt, arr.ndim);
        popSize = arr.shape[axis];
        if (popSize === 0 && prod !== 0) throw new RangeError("a cannot be empty unless no samples are taken");
      }
    }
    let pw: Float64Array | null = null;
    if (options.p !== undefined && options.p !== null) {
      const pa = asarray(options.p).astype("float64");
      if (pa.ndim === 0) throw new TypeError("len() of unsized object");
      if (pa.ndim !== 1) throw new RangeError("p must be 1-dimensional");
      if (pa.size !== popSize) throw new RangeError("a and p must have same size");
      pw = Float64Array.from(pa.tolist() as number[]);
      // kahan_sum
      let sum = pw.length ? pw[0] : 0, c = 0;
      for (let i = 1; i < pw.length; i++) {
        const y = pw[i] - c;
        const t = sum + y;
        c = t - sum - y;
        sum = t;
      }
      if (Number.isNaN(sum)) throw new RangeError("Probabilities contain NaN");
      if (pw.some((x) => x < 0)) throw new RangeError("Probabilities are not non-negative");
      if (Math.abs(sum - 1) > Math.sqrt(2.220446049250313e-16)) {
        throw new RangeError("Probabilities do not sum to 1. See Notes section of docstring for more information.");
      }
    }
    const shape = isScalar ? [] : shapeOf(size as number | readonly number[]);
    let n = 1;
    for (const d of shape) n *= d;
    let idx: Float64Array;
    if (replace) {
      if (pw) {
        const cdf = normalizedCdf(pw);
        const u = this.random(shape) as NDArray;
        const ud = u.data as Float64Array;
        idx = new Float64Array(n);
        for (let i = 0; i < n; i++) idx[i] = searchRight(cdf, ud[i]);
      } else {
        const r = this.integers(0, popSize, shape) as NDArray;
        idx = Float64Array.from(r.data as Float64Array);
      }
    } else {
      if (n > popSize) throw new RangeError("Cannot take a larger sample than population when replace is False");
      if (pw) {
        let nonzero = 0;
        for (const x of pw) if (x > 0) nonzero++;
        if (nonzero < n) throw new RangeError("Fewer non-zero entries in p than size");
        idx = new Float64Array(n);
        let nUniq = 0;
        while (nUniq < n) {
          const x = this.random(n - nUniq) as NDArray;
          const xd = x.data as Float64Array;
          for (let k = 0; k < nUniq; k++) pw[idx[k]] = 0;
          const cdf = normalizedCdf(pw);
          const seen = new Set<number>();
          for (let k = 0; k < xd.length; k++) {
            const v = searchRight(cdf, xd[k]);
            if (seen.has(v)) continue;
            seen.add(v);
            idx[nUniq++] = v;
          }
        }
      } else {
        const cutoff = shuffle ? 50 : 20;
        if (popSize > 10000 && n > Math.floor(popSize / cutoff)) {
          const all = new Float64Array(popSize);
          for (let i = 0; i < popSize; i++) all[i] = i;
          shuffleInt(g, popSize, Math.max(popSize - n, 1), all);
          idx = all.slice(popSize - n);
        } else {
          // Floyd's algorithm; NumPy's open-addressing hash set only answers membership.
          idx = new Float64Array(n);
          const set = new Set<number>();
          for (let j = popSize - n; j < popSize; j++) {
            const val = boundedUint64(g, j);
            const v = set.has(val) ? j : val;
            set.add(v);
            idx[j - popSize + n] = v;
          }
          if (shuffle) shuffleInt(g, n, 1, idx);
        }
      }
    }
    if (arr === null) return isScalar ? idx[0] : new NDArray(idx, shape, undefined, 0, "int64");
    if (isScalar) return take(arr, idx[0], { axis });
    if (shape.length === 0 && arr.ndim === 1) {
      const st = allocStorage(arr.dtype, 1);
      st[0] = Number(arr.item(idx[0]));
      return new NDArray(st, [], undefined, 0, arr.dtype);
    }
    return take(arr, new NDArray(idx, shape, undefined, 0, "int64"), { axis }) as NDArray;
  }
}

/**
 * A new {@link Generator} on PCG64 (NumPy `np.random.default_rng`), seeded
 * through NumPy's `SeedSequence`: the same seed gives NumPy's numbers,
 * $\text{state}_{k+1} = a\,\text{state}_k + c \bmod 2^{128}$ with
 * $a = \texttt{0x2360ed051fc65da44385df649fccf645}$, output
 * $\operatorname{rotr}_{64}(\text{hi} \oplus \text{lo},\ \text{state} \gg 122)$.
 *
 * Special cases: seeds are non-negative integers (a `bigint` for those
 * beyond 2^53) or a flat list of them; negative raises "expected
 * non-negative integer", a fraction "seed must be integer". Without a seed
 * the state comes from `crypto.getRandomValues` (128 bits, like NumPy's OS
 * entropy): such draws are not reproducible.
 *
 * @example
 * const rng = np.random.default_rng(42);
 * rng.standard_normal(); // 0.30471707975443135
 * @numpy rng = np.random.default_rng(42); rng.standard_normal()
 */
export function default_rng(seed?: Seed | null): Generator {
  let words: number[];
  if (seed === undefined || seed === null) {
    words = Array.from(globalThis.crypto.getRandomValues(new Uint32Array(POOL_SIZE)));
  } else {
    words = seedWords(seed);
  }
  return new Generator(seedSequenceState(words));
}

/** NumPy's `np.random` names implemented here (`np.random.default_rng`, `np.random.Generator`). */
export const random = { default_rng, Generator };
