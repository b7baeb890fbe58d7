/**
 * Complex scalars (NumPy's `complex128` scalar, Python's `complex`).
 *
 * Only scalars: a `Complex` is an immutable pair of float64 parts that the
 * arithmetic ufuncs (`add subtract multiply divide negative abs sqrt exp
 * isclose`) and the functions below accept. Arrays of complex values do not
 * exist yet; putting a `Complex` into an array raises "complex arrays are not
 * supported yet: …".
 *
 * Each operation is NumPy 2.4.6's algorithm as it runs on an x86-64 CPU with
 * FMA (AVX2/AVX-512 dispatch), so the parts agree bit for bit wherever NumPy's
 * own result does not depend on the C library (`multiply` and `abs` use a fused
 * multiply-add there; `divide` is Smith's method; `sqrt` and `exp` follow glibc's
 * `csqrt`/`cexp` with glibc's `hypot` (kernels/libm.ts) and V8's `Math.sqrt/exp/sin/cos/atan2` underneath).
 */
import { asarray } from "./creation.ts";
import { pyFloatRepr } from "./format.ts";
import { copysign, signbit } from "./kernels/elementwise.ts";
import { fma, hypot } from "./kernels/libm.ts";
import { NDArray, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";

/**
 * A complex number `real + imag·i` (NumPy `np.complex128`, Python `complex`),
 * immutable. Make one with {@link complex}; `String(z)` prints it as NumPy does.
 */
export class Complex {
  readonly real: number;
  readonly imag: number;

  constructor(real: number, imag: number) {
    this.real = real;
    this.imag = imag;
    Object.freeze(this);
  }

  /**
   * NumPy's `str(np.complex128)` (equal to Python's `repr(complex)`): each part
   * with the shortest round-trip digits and no trailing `.0`; a `+0` real part
   * is left out; a NaN imaginary part prints `+nan`: `(3-1j)`, `-0j`, `(nan+infj)`,
   * `(1e+20+1e-05j)` (checked against NumPy in test/complex.test.ts).
   */
  toString(): string {
    if (this.real === 0 && !signbit(this.real)) return `${part(this.imag)}j`;
    const im = Number.isNaN(this.imag) ? "+nan" : signbit(this.imag) ? part(this.imag) : `+${part(this.imag)}`;
    return `(${part(this.real)}${im}j)`;
  }
}

/** One part as NumPy prints it inside a complex: Python's float repr without a trailing `.0`. */
function part(x: number): string {
  if (Number.isNaN(x)) return "nan";
  const s = pyFloatRepr(x);
  return s.endsWith(".0") ? s.slice(0, -2) : s;
}

/**
 * Makes a complex scalar `real + imag·i` (Python `complex(real, imag)`, NumPy
 * `np.complex128(complex(real, imag))`; Python also writes it `3 - 1j`).
 * Named `complex` because `np.complex128(3, -1)` is not valid NumPy.
 *
 * $$z = a + b\,i, \qquad a = \operatorname{Re} z,\; b = \operatorname{Im} z$$
 *
 * Special cases: parts are kept as given, including `-0`, ±inf and NaN.
 *
 * @example
 * np.complex(3, -1); // (3-1j)
 * @numpy np.complex128(3-1j)
 *
 * @example
 * np.complex(2); // (2+0j)
 * @numpy np.complex128(complex(2))
 */
export function complex(real: number = 0, imag: number = 0): Complex {
  return new Complex(real, imag);
}

/** Message for every place a complex value would have to live in an array. */
export function complexArrayError(where: string): TypeError {
  return new TypeError(`complex arrays are not supported yet: ${where}; only complex scalars (np.complex(re, im)) with JS numbers work`);
}

/** A JS number/boolean or Complex as a complex value; anything array-like is refused. */
export function toComplex(x: unknown, fn: string): Complex {
  if (x instanceof Complex) return x;
  if (typeof x === "number") return new Complex(x, 0);
  if (typeof x === "boolean") return new Complex(x ? 1 : 0, 0);
  throw complexArrayError(`np.${fn} got a complex scalar together with an array`);
}

// ------------------------------------------------------------ arithmetic

/** NumPy's complex `add` (component-wise). */
export function cadd(a: Complex, b: Complex): Complex {
  return new Complex(a.real + b.real, a.imag + b.imag);
}

/** NumPy's complex `subtract` (component-wise). */
export function csub(a: Complex, b: Complex): Complex {
  return new Complex(a.real - b.real, a.imag - b.imag);
}

/**
 * NumPy's complex `multiply` loop (`simd_cmul`, `npyv_muladdsub`): each part is
 * one fused multiply-add, so `(1+2^-30)(1+i)` squared has the rounding error of
 * `a·a` as its real part where Python's `*` gives 0.
 */
export function cmul(a: Complex, b: Complex): Complex {
  return new Complex(fma(a.real, b.real, -(a.imag * b.imag)), fma(a.real, b.imag, a.imag * b.real));
}

/** NumPy's complex `divide` loop (`loops.c.src`): Smith's method, scaled by the larger divisor part. */
export function cdiv(a: Complex, b: Complex): Complex {
  const { real: ar, imag: ai } = a;
  const { real: br, imag: bi } = b;
  const brAbs = Math.abs(br);
  const biAbs = Math.abs(bi);
  if (brAbs >= biAbs) {
    // Division by zero gives a complex inf or NaN, part by part.
    if (brAbs === 0 && biAbs === 0) return new Complex(ar / brAbs, ai / biAbs);
    const rat = bi / br;
    const scl = 1.0 / (br + bi * rat);
    return new Complex((ar + ai * rat) * scl, (ai - ar * rat) * scl);
  }
  const rat = br / bi;
  const scl = 1.0 / (bi + br * rat);
  return new Complex((ar * rat + ai) * scl, (ai * rat - ar) * scl);
}

/** NumPy's complex `negative`. */
export function cneg(z: Complex): Complex {
  return new Complex(-z.real, -z.imag);
}

/**
 * NumPy's complex `absolute` loop (`simd_cabsolute`): `larger·√(1 + (smaller/larger)²)`
 * with a fused `ratio·ratio + 1`, so `1e308 + 1e308i` does not overflow; an
 * infinite part wins over NaN.
 */
export function cabs(z: Complex): number {
  const re = Math.abs(z.real);
  const im = Math.abs(z.imag);
  if (re === Infinity || im === Infinity) return Infinity;
  if (Number.isNaN(re) || Number.isNaN(im)) return NaN;
  const larger = Math.max(re, im);
  const smaller = Math.min(re, im);
  if (larger === 0) return 0;
  const ratio = smaller / larger;
  return Math.sqrt(fma(ratio, ratio, 1)) * larger;
}

/** glibc's `csqrt` (what NumPy's `np.sqrt` calls for complex input). */
export function csqrt(z: Complex): Complex {
  let x = z.real;
  let y = z.imag;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (y === Infinity || y === -Infinity) return new Complex(Infinity, y);
    if (x === Infinity || x === -Infinity) {
      if (x < 0) return new Complex(Number.isNaN(y) ? NaN : 0, copysign(Infinity, y));
      return new Complex(x, Number.isNaN(y) ? NaN : copysign(0, y));
    }
    return new Complex(NaN, NaN);
  }
  if (y === 0) {
    if (x < 0) return new Complex(0, copysign(Math.sqrt(-x), y));
    return new Complex(Math.abs(Math.sqrt(x)), copysign(0, y));
  }
  if (x === 0) {
    const r = Math.abs(y) >= 2 * MIN_NORMAL ? Math.sqrt(0.5 * Math.abs(y)) : 0.5 * Math.sqrt(2 * Math.abs(y));
    return new Complex(r, copysign(r, y));
  }
  let scale = 0;
  if (Math.abs(x) > Number.MAX_VALUE / 4) {
    scale = 1;
    x *= 0.25;
    y *= 0.25;
  } else if (Math.abs(y) > Number.MAX_VALUE / 4) {
    scale = 1;
    x = Math.abs(x) >= 4 * MIN_NORMAL ? x * 0.25 : 0;
    y *= 0.25;
  } else if (Math.abs(x) < 2 * MIN_NORMAL && Math.abs(y) < 2 * MIN_NORMAL) {
    scale = -27;
    x *= 2 ** 54;
    y *= 2 ** 54;
  }
  const d = hypot(x, y);
  let r: number;
  let s: number;
  // 2·Re·Im = Im x avoids the cancellation in d ± Re x.
  if (x > 0) {
    r = Math.sqrt(0.5 * (d + x));
    if (scale === 1 && Math.abs(y) < 1) {
      s = y / r;
      r *= 2;
      scale = 0;
    } else s = 0.5 * (y / r);
  } else {
    s = Math.sqrt(0.5 * (d - x));
    if (scale === 1 && Math.abs(y) < 1) {
      r = Math.abs(y / s);
      s *= 2;
      scale = 0;
    } else r = Math.abs(0.5 * (y / s));
  }
  if (scale) {
    r *= 2 ** scale;
    s *= 2 ** scale;
  }
  return new Complex(r, copysign(s, y));
}

const MIN_NORMAL = 2.2250738585072014e-308;

/** glibc's cexp threshold `(int)((DBL_MAX_EXP − 1)·ln 2)`: beyond it e^x is applied in steps. */
const EXP_T = 709;

/** glibc's `cexp` (what NumPy's `np.exp` calls for complex input). */
export function cexp(z: Complex): Complex {
  let x = z.real;
  const y = z.imag;
  if (Number.isFinite(x)) {
    if (!Number.isFinite(y)) return new Complex(NaN, NaN);
    let sin: number;
    let cos: number;
    if (Math.abs(y) > MIN_NORMAL) {
      sin = Math.sin(y);
      cos = Math.cos(y);
    } else {
      sin = y;
      cos = 1;
    }
    if (x > EXP_T) {
      const expT = Math.exp(EXP_T);
      x -= EXP_T;
      sin *= expT;
      cos *= expT;
      if (x > EXP_T) {
        x -= EXP_T;
        sin *= expT;
        cos *= expT;
      }
    }
    if (x > EXP_T) return new Complex(Number.MAX_VALUE * cos, Number.MAX_VALUE * sin);
    const ev = Math.exp(x);
    return new Complex(ev * cos, ev * sin);
  }
  if (Number.isNaN(x)) return new Complex(NaN, y === 0 ? y : NaN);
  // x = ±inf
  if (Number.isFinite(y)) {
    const value = x < 0 ? 0 : Infinity;
    if (y === 0) return new Complex(value, y);
    return new Complex(copysign(value, Math.cos(y)), copysign(value, Math.sin(y)));
  }
  return x > 0 ? new Complex(Infinity, y - y) : new Complex(0, copysign(0, y));
}

/** NumPy's complex `isclose` for one pair: NumPy's expression with complex `abs`, `isfinite`, `==`, `isnan`. */
export function ciscloseScalar(a: Complex, b: Complex, rtol: number, atol: number, equalNan: boolean): boolean {
  const finiteB = Number.isFinite(b.real) && Number.isFinite(b.imag);
  const close = cabs(csub(a, b)) <= atol + rtol * cabs(b);
  const equal = a.real === b.real && a.imag === b.imag;
  const isnan = (z: Complex) => Number.isNaN(z.real) || Number.isNaN(z.imag);
  return (close && finiteB) || equal || (equalNan && isnan(a) && isnan(b));
}

// ------------------------------------------------------------ parts, conjugate, angle

function realArray(z: NDArray | NestedArray): NDArray {
  return z instanceof NDArray ? z : asarray(z as ArrayLike);
}

function scalarOf(z: Complex | Scalar): Complex {
  return typeof z === "boolean" ? new Complex(z ? 1 : 0, 0) : typeof z === "number" ? new Complex(z, 0) : z;
}

/**
 * Real part (NumPy `np.real`, `z.real`). A real array comes back as itself,
 * as in NumPy; a JS number as itself.
 *
 * $$\operatorname{Re}(a + b\,i) = a$$
 *
 * @example
 * np.real(np.complex(3, -1)); // 3.0
 * @numpy np.real(np.complex128(3-1j))
 */
export function real(z: Complex | number | boolean): number;
export function real(z: NDArray | NestedArray): NDArray;
export function real(z: Complex | Scalar | NDArray | NestedArray): number | NDArray {
  if (z instanceof Complex) return z.real;
  if (typeof z === "number" || typeof z === "boolean") return Number(z);
  return realArray(z);
}

/**
 * Imaginary part (NumPy `np.imag`, `z.imag`): 0 for real input (zeros of the
 * array's dtype for an array).
 *
 * $$\operatorname{Im}(a + b\,i) = b$$
 *
 * @example
 * np.imag(np.complex(3, -1)); // -1.0
 * @numpy np.imag(np.complex128(3-1j))
 */
export function imag(z: Complex | number | boolean): number;
export function imag(z: NDArray | NestedArray): NDArray;
export function imag(z: Complex | Scalar | NDArray | NestedArray): number | NDArray {
  if (z instanceof Complex) return z.imag;
  if (typeof z === "number" || typeof z === "boolean") return 0;
  const a = realArray(z);
  const out = a.astype(a.dtype);
  out.data.fill(0);
  return out;
}

/** Call signatures of {@link conj}. */
export interface ConjFunction {
  (z: Complex): Complex;
  (z: number): number;
  (z: NDArray | NestedArray): NDArray;
  (z: Complex | number): Complex | number;
}

/**
 * Complex conjugate (NumPy `np.conj` / `np.conjugate`): flips the sign of the
 * imaginary part; real input is returned unchanged (an array as a copy).
 *
 * $$\bar z = \overline{a + b\,i} = a - b\,i$$
 *
 * Special cases: the imaginary part's sign flips also for `0` (giving `-0`),
 * ±inf and NaN.
 *
 * @example
 * np.conj(np.complex(3, -1)); // (3+1j)
 * @numpy np.conj(np.complex128(3-1j))
 *
 * @example
 * np.conj(np.complex(2, 0)); // (2-0j)
 * @numpy np.conj(np.complex128(2+0j))
 */
export const conj = ((z: Complex | Scalar | NDArray | NestedArray): Complex | number | NDArray => {
  if (z instanceof Complex) return new Complex(z.real, -z.imag);
  if (typeof z === "number" || typeof z === "boolean") return Number(z);
  return realArray(z).copy();
}) as ConjFunction;

/**
 * Alias of {@link conj} (NumPy `np.conjugate`).
 *
 * $$\operatorname{conjugate}(a + b\,i) = a - b\,i$$
 *
 * @example
 * np.conjugate(np.complex(0, 1)); // -1j
 * @numpy np.conjugate(1j)
 */
export const conjugate: ConjFunction = conj;

/** Options of {@link angle}. */
export interface AngleOptions {
  /** return degrees instead of radians (default false) */
  deg?: boolean;
}

/**
 * Argument (phase) of a complex number (NumPy `np.angle(z, deg=False)`):
 * `arctan2(imag, real)`, in (−π, π].
 *
 * $$\arg(a + b\,i) = \operatorname{atan2}(b, a)$$
 *
 * Special cases: as `arctan2` — `angle(-1)` is π, `angle(-1 - 0i)` is −π,
 * `angle(0)` is 0; a real array gives float64 angles (0 or π).
 *
 * @example
 * np.angle(np.complex(0, 1)); // 1.5707963267948966
 * @numpy(ulp=2) np.angle(1j)
 *
 * @example
 * np.angle(np.complex(-1, -1), { deg: true }); // -135.0
 * @numpy(ulp=2) np.angle(-1-1j, deg=True)
 */
export function angle(z: Complex | number | boolean, options?: AngleOptions): number;
export function angle(z: NDArray | NestedArray, options?: AngleOptions): NDArray;
export function angle(z: Complex | Scalar | NDArray | NestedArray, options: AngleOptions = {}): number | NDArray {
  const fact = options.deg ? 180 / Math.PI : 1;
  if (z instanceof Complex || typeof z === "number" || typeof z === "boolean") {
    const c = scalarOf(z);
    const a = Math.atan2(c.imag, c.real);
    return options.deg ? a * fact : a;
  }
  const out = realArray(z).astype("float64");
  const d = out.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] = options.deg ? Math.atan2(0, d[i]) * fact : Math.atan2(0, d[i]);
  return out;
}
