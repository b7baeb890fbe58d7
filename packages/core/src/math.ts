/**
 * Element-wise mathematical functions (NumPy ufuncs): arithmetic, rounding,
 * exponentials and logarithms, trigonometric and hyperbolic functions,
 * floating-point manipulation, `clip`, `nan_to_num`.
 *
 * Type rules and scalar results as in ufunc.ts: JS numbers are weak scalars,
 * a JS scalar comes back when every input is a JS scalar.
 *
 * Accuracy: the correctly rounded operations (arithmetic, sqrt, rounding,
 * fmod/remainder/floor_divide, comparisons, copysign, nextafter) are
 * bit-exact with NumPy. Transcendental functions use V8's fdlibm-derived
 * `Math.*` (with C's special cases restored where JS differs); NumPy's
 * AVX-512 SVML loops differ by a few ulp (measured maxima in the README).
 */
import { allocStorage, int53Error, type DType } from "./dtype.ts";
import { asarray } from "./creation.ts";
import {
  absF, acosF, acoshF, asinF, asinhF, atan2F, atanF, atanhF, cbrtF, ceilF, clipF, copyF, copysignF, cosF, coshF,
  cpowF, deg2radF, exp2F, expm1F, floorDivF, floorDivI, floorF, fmaxF, fminF, fmodF, fmodI, heavisideF, hypotF,
  kernelParams, log10F, log1pF, log2F, logaddexp2F, logaddexpF, nanToNumF, nextafterF, orB, andB, rad2degF,
  reciprocalF, reciprocalI, remF, remI, rintF, roundDivF, roundMulF, signF, signI, sinF, sinhF, squareF, squareI,
  tanF, tanhF, truncF, type TernaryKernel, type UnaryKernel,
} from "./kernels/elementwise.ts";
import { forEachLine, innerLength, makeLoop } from "./iter.ts";
import { NDArray, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";
import {
  divide, finish, f64, innerStrides, layout, maximum, minimum, operand, resultType, runBinary, runBoolCopy, runUnary,
  sizeOf, type BinarySpec, type BinaryUfunc, type UnaryUfunc,
} from "./ufunc.ts";

/** What a unary function does with int64 and bool input. */
interface UnarySpec {
  name: string;
  float: UnaryKernel;
  /** int64 input: "float" = float64 result (default), "copy" = int64 unchanged, a kernel = int64 result */
  int?: "float" | "copy" | UnaryKernel;
  /** bool input: "float" = float64 result (default; NumPy gives float16), "copy" = bool unchanged, "int" = the int64 path, or a TypeError message */
  bool?: "float" | "copy" | "int" | { error: string };
}

/** Converts a nested list once (a JS scalar stays a scalar, so the result kind is decided later). */
function prep(x: ArrayLike): NDArray | Scalar {
  return typeof x === "number" || typeof x === "boolean" || x instanceof NDArray ? x : asarray(x);
}

function dtypeOf(x: NDArray | Scalar): DType {
  return typeof x === "number" ? "float64" : typeof x === "boolean" ? "bool" : x.dtype;
}

function unary(spec: UnarySpec): UnaryUfunc {
  return ((x0: ArrayLike) => {
    const x = prep(x0);
    let dt = dtypeOf(x);
    if (dt === "bool") {
      const b = spec.bool ?? "float";
      if (typeof b === "object") throw new TypeError(b.error);
      if (b === "copy") return runBoolCopy(x);
      if (b === "float") return runUnary(spec.float, "float64", x);
      dt = "int64";
    }
    if (dt === "int64") {
      const i = spec.int ?? "float";
      if (i === "float") return runUnary(spec.float, "float64", x);
      return runUnary(i === "copy" ? copyF : i, "int64", x);
    }
    return runUnary(spec.float, "float64", x);
  }) as UnaryUfunc;
}

const floatLoop = (): DType => "float64";
const boolToInt = (dt: DType): DType => (dt === "bool" ? "int64" : dt);
const noBoolLoop = (name: string) => ({
  error: `ufunc '${name}' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None`,
});

// ================================================================ arithmetic

/**
 * Alias of {@link divide} (NumPy `np.true_divide`): always float64.
 *
 * $$\texttt{true\_divide}(x_1, x_2)_i = x_{1,i} / x_{2,i}$$
 *
 * @example
 * np.true_divide([1, 2, 3], 2); // [0.5 1.  1.5]
 * @numpy np.true_divide([1, 2, 3], 2)
 */
export const true_divide: BinaryUfunc = divide;

const FLOOR_DIVIDE: BinarySpec = { name: "floor_divide", float: floorDivF, int: floorDivI, loop: boolToInt };
/**
 * Floor division (NumPy `np.floor_divide`, Python's `//`), NumPy's exact
 * algorithm: `div = (x1 - fmod(x1, x2)) / x2`, corrected towards −∞ and
 * rounded to the nearest integer.
 *
 * $$\texttt{floor\_divide}(x_1, x_2)_i = \left\lfloor x_{1,i} / x_{2,i} \right\rfloor$$
 *
 * Special cases: `x / 0` is `x / 0` (±inf or NaN); a zero quotient takes the
 * sign of `x1 / x2`; int64 division by 0 gives 0 (NumPy warns); bool inputs
 * give int64 (NumPy: int8).
 *
 * @example
 * np.floor_divide([7, -7, 7.5], 2); // [ 3. -4.  3.]
 * @numpy np.floor_divide([7.0, -7.0, 7.5], 2)
 */
export const floor_divide = ((x1: ArrayLike, x2: ArrayLike) => runBinary(FLOOR_DIVIDE, x1, x2)) as BinaryUfunc;

const REMAINDER: BinarySpec = { name: "remainder", float: remF, int: remI, loop: boolToInt };
/**
 * Floored remainder (NumPy `np.remainder` / `np.mod`, Python's `%`): the
 * result has the sign of the divisor. NumPy's algorithm: `fmod`, then add
 * `x2` when the signs differ; a zero result is `copysign(0, x2)`.
 *
 * $$\texttt{remainder}(x_1, x_2)_i = x_{1,i} - x_{2,i} \left\lfloor x_{1,i} / x_{2,i} \right\rfloor$$
 *
 * Special cases: `x % 0` and `±inf % y` are NaN; `-5 % inf` is `inf` and
 * `5 % -inf` is `-inf` (as NumPy); int64 `x % 0` is 0.
 *
 * @example
 * np.remainder([-7, 7, -0.0], 3); // [2. 1. 0.]
 * @numpy np.remainder([-7.0, 7.0, -0.0], 3)
 */
export const remainder = ((x1: ArrayLike, x2: ArrayLike) => runBinary(REMAINDER, x1, x2)) as BinaryUfunc;

/**
 * Alias of {@link remainder} (NumPy `np.mod`).
 *
 * $$\texttt{mod}(x_1, x_2)_i = x_{1,i} - x_{2,i} \left\lfloor x_{1,i} / x_{2,i} \right\rfloor$$
 *
 * @example
 * np.mod([-7, 7], -3); // [-1. -2.]
 * @numpy np.mod([-7.0, 7.0], -3)
 */
export const mod: BinaryUfunc = remainder;

const FMOD: BinarySpec = { name: "fmod", float: fmodF, int: fmodI, loop: boolToInt };
/**
 * C's truncated remainder (NumPy `np.fmod`): the result has the sign of the
 * dividend. Exact (JavaScript's `%` is C `fmod`).
 *
 * $$\texttt{fmod}(x_1, x_2)_i = x_{1,i} - x_{2,i}\,\operatorname{trunc}(x_{1,i} / x_{2,i})$$
 *
 * Special cases: `fmod(x, 0)` and `fmod(±inf, y)` are NaN; `fmod(x, ±inf)` is
 * `x`; int64 `fmod(x, 0)` is 0.
 *
 * @example
 * np.fmod([-7, 7], 3); // [-1.  1.]
 * @numpy np.fmod([-7.0, 7.0], 3)
 */
export const fmod = ((x1: ArrayLike, x2: ArrayLike) => runBinary(FMOD, x1, x2)) as BinaryUfunc;

/**
 * Quotient and remainder at once (NumPy `np.divmod`): `[floor_divide(x1, x2), remainder(x1, x2)]`.
 *
 * $$\texttt{divmod}(x_1, x_2) = \left(\lfloor x_1 / x_2 \rfloor,\; x_1 - x_2 \lfloor x_1 / x_2 \rfloor\right)$$
 *
 * @example
 * np.divmod([7, -7], 2)[1]; // [1. 1.]
 * @numpy np.divmod([7.0, -7.0], 2)[1]
 */
export function divmod(x1: ArrayLike, x2: ArrayLike): [NDArray | Scalar, NDArray | Scalar] {
  return [floor_divide(x1, x2 as NDArray), remainder(x1, x2 as NDArray)];
}

/**
 * Numerical positive (NumPy `np.positive`): a copy. Not defined for bool (NumPy's TypeError).
 *
 * $$\texttt{positive}(x)_i = +x_i$$
 *
 * @example
 * np.positive([-1.5, 0]); // [-1.5  0. ]
 * @numpy np.positive([-1.5, 0.0])
 */
export const positive = unary({ name: "positive", float: copyF, int: "copy", bool: noBoolLoop("positive") });

/**
 * Reciprocal (NumPy `np.reciprocal`). For int64 it is C's `(int)(1.0 / x)`
 * (0 for |x| > 1); int64 0 raises (NumPy's result is undefined); bool gives
 * int64 (NumPy: int8).
 *
 * $$\texttt{reciprocal}(x)_i = 1 / x_i$$
 *
 * Special cases: `1/±0` is ±inf, `1/±inf` is ±0.
 *
 * @example
 * np.reciprocal([2, 0.5, -0.0]); // [ 0.5  2.  -inf]
 * @numpy np.reciprocal([2.0, 0.5, -0.0])
 */
export const reciprocal = unary({ name: "reciprocal", float: reciprocalF, int: reciprocalI, bool: "int" });

/**
 * Square (NumPy `np.square`): `x * x`, exact rounding; int64 stays int64
 * (raises beyond 2^53); bool gives int64 (NumPy: int8).
 *
 * $$\texttt{square}(x)_i = x_i^2$$
 *
 * @example
 * np.square([1.5, -3]); // [2.25 9.  ]
 * @numpy np.square([1.5, -3.0])
 */
export const square = unary({ name: "square", float: squareF, int: squareI, bool: "int" });

const FLOAT_POWER: BinarySpec = { name: "float_power", float: cpowF, loop: floatLoop };
/**
 * Power computed in float64 for every input type (NumPy `np.float_power`).
 * C `pow` special cases: `pow(1, y)` and `pow(x, ±0)` are 1 (even for NaN),
 * `pow(-1, ±inf)` is 1, `pow(±0, y<0)` is ±inf, a negative base with a
 * non-integer exponent is NaN. Within a few ulp of NumPy (V8's `pow`).
 *
 * $$\texttt{float\_power}(x_1, x_2)_i = x_{1,i}^{\,x_{2,i}}$$
 *
 * @example
 * np.float_power([2, 4], -1); // [0.5  0.25]
 * @numpy(ulp=4) np.float_power([2, 4], -1)
 */
export const float_power = ((x1: ArrayLike, x2: ArrayLike) => runBinary(FLOAT_POWER, x1, x2)) as BinaryUfunc;

// ================================================================ absolute value, sign, rounding

/**
 * Absolute value as float64 (NumPy `np.fabs`); int64 input gives float64.
 *
 * $$\texttt{fabs}(x)_i = |x_i|$$
 *
 * @example
 * np.fabs([-1.5, -0.0, 2]); // [1.5 0.  2. ]
 * @numpy np.fabs([-1.5, -0.0, 2.0])
 */
export const fabs = unary({ name: "fabs", float: absF });

/**
 * Sign (NumPy `np.sign`): −1, 0 or 1; `sign(-0.0)` is `0.0`; NaN stays NaN.
 * int64 stays int64; bool is a TypeError (as NumPy).
 *
 * $$\texttt{sign}(x)_i = \begin{cases} -1 & x_i < 0 \\ 0 & x_i = 0 \\ 1 & x_i > 0 \end{cases}$$
 *
 * @example
 * np.sign([-2.5, -0.0, 3, NaN]); // [-1.  0.  1. nan]
 * @numpy np.sign([-2.5, -0.0, 3.0, np.nan])
 */
export const sign = unary({ name: "sign", float: signF, int: signI, bool: noBoolLoop("sign") });

/**
 * Floor (NumPy `np.floor`): the largest integer ≤ x, sign of zero kept; int64
 * and bool are returned unchanged (same dtype, as NumPy).
 *
 * $$\texttt{floor}(x)_i = \lfloor x_i \rfloor$$
 *
 * @example
 * np.floor([-1.5, -0.5, 1.5]); // [-2. -1.  1.]
 * @numpy np.floor([-1.5, -0.5, 1.5])
 */
export const floor = unary({ name: "floor", float: floorF, int: "copy", bool: "copy" });

/**
 * Ceiling (NumPy `np.ceil`): the smallest integer ≥ x; `ceil(-0.5)` is `-0.0`.
 *
 * $$\texttt{ceil}(x)_i = \lceil x_i \rceil$$
 *
 * @example
 * np.ceil([-1.5, -0.5, 1.5]); // [-1. -0.  2.]
 * @numpy np.ceil([-1.5, -0.5, 1.5])
 */
export const ceil = unary({ name: "ceil", float: ceilF, int: "copy", bool: "copy" });

/**
 * Truncation toward zero (NumPy `np.trunc`).
 *
 * $$\texttt{trunc}(x)_i = \operatorname{sgn}(x_i) \lfloor |x_i| \rfloor$$
 *
 * @example
 * np.trunc([-1.7, 1.7]); // [-1.  1.]
 * @numpy np.trunc([-1.7, 1.7])
 */
export const trunc = unary({ name: "trunc", float: truncF, int: "copy", bool: "copy" });

/**
 * Round to the nearest integer, ties to even (NumPy `np.rint`, C `rint`);
 * float64 result also for int64 input. Unlike `Math.round`, 2.5 → 2.
 *
 * $$\texttt{rint}(x)_i = \operatorname{round\_half\_even}(x_i)$$
 *
 * @example
 * np.rint([0.5, 1.5, 2.5, -2.5]); // [ 0.  2.  2. -2.]
 * @numpy np.rint([0.5, 1.5, 2.5, -2.5])
 */
export const rint = unary({ name: "rint", float: rintF });

/** NumPy's `power_of_ten` (calculation.c): exact table up to 1e8, then repeated multiplication. */
function powerOfTen(n: number): number {
  const p10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
  if (n < 9) return p10[n];
  let r = 1e9;
  while (n-- > 9) r *= 10.0;
  return r;
}

/** Call signatures of {@link round}. */
export interface RoundFunction {
  (a: number, decimals?: number): number;
  (a: NDArray | NestedArray, decimals?: number): NDArray;
  (a: ArrayLike, decimals?: number): NDArray | Scalar;
}

/**
 * Evenly round to `decimals` places (NumPy `np.round` / `np.around`), with
 * NumPy's algorithm: for `decimals ≥ 0`, `rint(x * 10**d) / 10**d`; for
 * negative `decimals`, `rint(x / 10**-d) * 10**-d` (so `round(2.675, 2)` is
 * 2.68, as in NumPy: `2.675 * 100` rounds to the tie 267.5). int64 input is
 * returned unchanged for `decimals ≥ 0` and rounded in float64 then cast back
 * otherwise (`decimals ≤ -309`, where NumPy casts NaN to −2^63, raises the int64
 * precision error). bool input gives float64 for `decimals = 0` (NumPy:
 * float16) and NumPy's TypeError otherwise.
 *
 * $$\texttt{round}(x, d)_i = \operatorname{rint}(x_i \cdot 10^{d}) / 10^{d}$$
 *
 * @example
 * np.round([0.5, 1.5, 2.5, 2.675], 2); // [0.5  1.5  2.5  2.68]
 * @numpy np.round([0.5, 1.5, 2.5, 2.675], 2)
 *
 * @example
 * np.round([1234.5, -15, 25], -1); // [1230.  -20.   20.]
 * @numpy np.round([1234.5, -15.0, 25.0], -1)
 */
export const round = ((a0: ArrayLike, decimals: number = 0): NDArray | Scalar => {
  if (!Number.isInteger(decimals)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const a = prep(a0);
  const dt = dtypeOf(a);
  if (dt === "int64" && decimals >= 0) return runUnary(copyF, "int64", a);
  if (dt === "bool" && decimals !== 0) {
    // NumPy multiplies (divides) in place into the bool input's dtype
    throw new TypeError(`Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'`);
  }
  const scale = powerOfTen(Math.abs(decimals));
  // int64 with 10**-decimals = inf: rint(x / inf) * inf is NaN, which NumPy casts to -2^63
  if (dt === "int64" && scale === Infinity && (a as NDArray).size > 0) int53Error();
  kernelParams.scale = scale;
  const r = runUnary(decimals >= 0 ? roundMulF : roundDivF, "float64", a);
  return dt === "int64" && r instanceof NDArray ? r.astype("int64") : r;
}) as RoundFunction;

/**
 * Alias of {@link round} (NumPy `np.around`).
 *
 * $$\texttt{around}(x, d)_i = \operatorname{rint}(x_i \cdot 10^{d}) / 10^{d}$$
 *
 * @example
 * np.around([0.125, 0.375], 2); // [0.12 0.38]
 * @numpy np.around([0.125, 0.375], 2)
 */
export const around: RoundFunction = round;

// ================================================================ exponentials and logarithms

/**
 * Cube root (NumPy `np.cbrt`), float64; negative inputs give negative roots.
 *
 * $$\texttt{cbrt}(x)_i = \sqrt[3]{x_i}$$
 *
 * @example
 * np.cbrt([27, -8]); // [ 3. -2.]
 * @numpy(ulp=4) np.cbrt([27.0, -8.0])
 */
export const cbrt = unary({ name: "cbrt", float: cbrtF });

/**
 * Base-2 exponential (NumPy `np.exp2`).
 *
 * $$\texttt{exp2}(x)_i = 2^{x_i}$$
 *
 * @example
 * np.exp2([3, -1]); // [8.  0.5]
 * @numpy(ulp=4) np.exp2([3.0, -1.0])
 */
export const exp2 = unary({ name: "exp2", float: exp2F });

/**
 * `exp(x) - 1`, accurate for small x (NumPy `np.expm1`).
 *
 * $$\texttt{expm1}(x)_i = e^{x_i} - 1$$
 *
 * @example
 * np.expm1([1e-10, 0]); // [1.e-10 0.e+00]
 * @numpy(ulp=4) np.expm1([1e-10, 0.0])
 */
export const expm1 = unary({ name: "expm1", float: expm1F });

/**
 * `log(1 + x)`, accurate for small x (NumPy `np.log1p`). `log1p(-1)` is -inf.
 *
 * $$\texttt{log1p}(x)_i = \ln(1 + x_i)$$
 *
 * @example
 * np.log1p([1e-10, -1]); // [1.e-10   -inf]
 * @numpy(ulp=4) np.log1p([1e-10, -1.0])
 */
export const log1p = unary({ name: "log1p", float: log1pF });

/**
 * Base-2 logarithm (NumPy `np.log2`).
 *
 * $$\texttt{log2}(x)_i = \log_2 x_i$$
 *
 * @example
 * np.log2([8, 0.5, 0]); // [  3.  -1. -inf]
 * @numpy(ulp=4) np.log2([8.0, 0.5, 0.0])
 */
export const log2 = unary({ name: "log2", float: log2F });

/**
 * Base-10 logarithm (NumPy `np.log10`).
 *
 * $$\texttt{log10}(x)_i = \log_{10} x_i$$
 *
 * @example
 * np.log10([1000, 0.01]); // [ 3. -2.]
 * @numpy(ulp=4) np.log10([1000.0, 0.01])
 */
export const log10 = unary({ name: "log10", float: log10F });

const LOGADDEXP: BinarySpec = { name: "logaddexp", float: logaddexpF, loop: floatLoop };
/**
 * `log(exp(x1) + exp(x2))` without overflow (NumPy `np.logaddexp`, NumPy's
 * `npy_logaddexp`: `max + log1p(exp(-|x1 - x2|))`).
 *
 * $$\texttt{logaddexp}(x_1, x_2)_i = \ln\left(e^{x_{1,i}} + e^{x_{2,i}}\right)$$
 *
 * Equal inputs give `x + ln 2` (so two `-inf` give `-inf`), `inf` with
 * anything but NaN gives `inf`, NaN propagates. `exp` and `log1p` are ports
 * of the glibc 2.36 routines NumPy calls here (see `kernels/libm.ts`), not
 * V8's: where the result cancels to ≈ 0 a 1-ulp difference in `log1p`
 * would be many ulp of the result. Bit-identical to NumPy on this machine's
 * glibc (x86-64 with FMA); another libm may differ in the last bits.
 *
 * @example
 * np.logaddexp([0, 1000, -0.3133], [0, 1000, -1.3133]); // [ 6.93147181e-01  1.00069315e+03 -3.83124818e-05]
 * @numpy np.logaddexp([0.0, 1000.0, -0.3133], [0.0, 1000.0, -1.3133])
 */
export const logaddexp = ((x1: ArrayLike, x2: ArrayLike) => runBinary(LOGADDEXP, x1, x2)) as BinaryUfunc;

const LOGADDEXP2: BinarySpec = { name: "logaddexp2", float: logaddexp2F, loop: floatLoop };
/**
 * `log2(2**x1 + 2**x2)` without overflow (NumPy `np.logaddexp2`, NumPy's
 * `npy_logaddexp2`: `max + log2e * log1p(exp2(-|x1 - x2|))`).
 *
 * $$\texttt{logaddexp2}(x_1, x_2)_i = \log_2\left(2^{x_{1,i}} + 2^{x_{2,i}}\right)$$
 *
 * Equal inputs give `x + 1`; infinities and NaN as {@link logaddexp}.
 * `exp2` and `log1p` are glibc ports, as in {@link logaddexp}.
 *
 * @example
 * np.logaddexp2([1, 3, -0.5], [1, 3, -1.5]); // [2.        4.        0.0849625]
 * @numpy np.logaddexp2([1.0, 3.0, -0.5], [1.0, 3.0, -1.5])
 */
export const logaddexp2 = ((x1: ArrayLike, x2: ArrayLike) => runBinary(LOGADDEXP2, x1, x2)) as BinaryUfunc;

// ================================================================ trigonometric and hyperbolic

/**
 * Sine (NumPy `np.sin`), argument in radians; `sin(±inf)` is NaN.
 *
 * $$\texttt{sin}(x)_i = \sin x_i$$
 *
 * @example
 * np.sin([0, np.pi / 2]); // [0. 1.]
 * @numpy(ulp=4) np.sin([0.0, np.pi / 2])
 */
export const sin = unary({ name: "sin", float: sinF });

/**
 * Cosine (NumPy `np.cos`), argument in radians.
 *
 * $$\texttt{cos}(x)_i = \cos x_i$$
 *
 * @example
 * np.cos([0, np.pi]); // [ 1. -1.]
 * @numpy(ulp=4) np.cos([0.0, np.pi])
 */
export const cos = unary({ name: "cos", float: cosF });

/**
 * Tangent (NumPy `np.tan`), argument in radians.
 *
 * $$\texttt{tan}(x)_i = \tan x_i$$
 *
 * @example
 * np.tan([0, np.pi / 4]); // [0. 1.]
 * @numpy(ulp=4) np.tan([0.0, np.pi / 4])
 */
export const tan = unary({ name: "tan", float: tanF });

/**
 * Inverse sine (NumPy `np.arcsin`) in [−π/2, π/2]; NaN outside [−1, 1].
 *
 * $$\texttt{arcsin}(x)_i = \sin^{-1} x_i$$
 *
 * @example
 * np.arcsin([0, 1]); // [0.         1.57079633]
 * @numpy(ulp=4) np.arcsin([0.0, 1.0])
 */
export const arcsin = unary({ name: "arcsin", float: asinF });

/**
 * Inverse cosine (NumPy `np.arccos`) in [0, π]; NaN outside [−1, 1].
 *
 * $$\texttt{arccos}(x)_i = \cos^{-1} x_i$$
 *
 * @example
 * np.arccos([1, -1]); // [0.         3.14159265]
 * @numpy(ulp=4) np.arccos([1.0, -1.0])
 */
export const arccos = unary({ name: "arccos", float: acosF });

/**
 * Inverse tangent (NumPy `np.arctan`) in (−π/2, π/2).
 *
 * $$\texttt{arctan}(x)_i = \tan^{-1} x_i$$
 *
 * @example
 * np.arctan([0, Infinity]); // [0.         1.57079633]
 * @numpy(ulp=4) np.arctan([0.0, np.inf])
 */
export const arctan = unary({ name: "arctan", float: atanF });

const ARCTAN2: BinarySpec = { name: "arctan2", float: atan2F, loop: floatLoop };
/**
 * Quadrant-aware inverse tangent of `x1 / x2` (NumPy `np.arctan2`, C `atan2`
 * special cases for zeros and infinities).
 *
 * $$\texttt{arctan2}(x_1, x_2)_i = \operatorname{atan2}(x_{1,i}, x_{2,i}) \in [-\pi, \pi]$$
 *
 * @example
 * np.arctan2([1, -1], [-1, -1]); // [ 2.35619449 -2.35619449]
 * @numpy(ulp=4) np.arctan2([1.0, -1.0], [-1.0, -1.0])
 */
export const arctan2 = ((x1: ArrayLike, x2: ArrayLike) => runBinary(ARCTAN2, x1, x2)) as BinaryUfunc;

const HYPOT: BinarySpec = { name: "hypot", float: hypotF, loop: floatLoop };
/**
 * Hypotenuse without overflow (NumPy `np.hypot`); `hypot(inf, NaN)` is inf.
 *
 * $$\texttt{hypot}(x_1, x_2)_i = \sqrt{x_{1,i}^2 + x_{2,i}^2}$$
 *
 * @example
 * np.hypot([3, 1e300], [4, 1e300]); // [5.00000000e+000 1.41421356e+300]
 * @numpy(ulp=4) np.hypot([3.0, 1e300], [4.0, 1e300])
 */
export const hypot = ((x1: ArrayLike, x2: ArrayLike) => runBinary(HYPOT, x1, x2)) as BinaryUfunc;

/**
 * Hyperbolic sine (NumPy `np.sinh`).
 *
 * $$\texttt{sinh}(x)_i = \tfrac{1}{2}\left(e^{x_i} - e^{-x_i}\right)$$
 *
 * @example
 * np.sinh([0, 1]); // [0.         1.17520119]
 * @numpy(ulp=4) np.sinh([0.0, 1.0])
 */
export const sinh = unary({ name: "sinh", float: sinhF });

/**
 * Hyperbolic cosine (NumPy `np.cosh`).
 *
 * $$\texttt{cosh}(x)_i = \tfrac{1}{2}\left(e^{x_i} + e^{-x_i}\right)$$
 *
 * @example
 * np.cosh([0, 1]); // [1.         1.54308063]
 * @numpy(ulp=4) np.cosh([0.0, 1.0])
 */
export const cosh = unary({ name: "cosh", float: coshF });

/**
 * Hyperbolic tangent (NumPy `np.tanh`).
 *
 * $$\texttt{tanh}(x)_i = \frac{e^{x_i} - e^{-x_i}}{e^{x_i} + e^{-x_i}}$$
 *
 * @example
 * np.tanh([0, 0.5, 20]); // [0.         0.46211716 1.        ]
 * @numpy(ulp=4) np.tanh([0.0, 0.5, 20.0])
 */
export const tanh = unary({ name: "tanh", float: tanhF });

/**
 * Inverse hyperbolic sine (NumPy `np.arcsinh`).
 *
 * $$\texttt{arcsinh}(x)_i = \ln\left(x_i + \sqrt{x_i^2 + 1}\right)$$
 *
 * @example
 * np.arcsinh([0, 1]); // [0.         0.88137359]
 * @numpy(ulp=4) np.arcsinh([0.0, 1.0])
 */
export const arcsinh = unary({ name: "arcsinh", float: asinhF });

/**
 * Inverse hyperbolic cosine (NumPy `np.arccosh`); NaN below 1.
 *
 * $$\texttt{arccosh}(x)_i = \ln\left(x_i + \sqrt{x_i^2 - 1}\right)$$
 *
 * @example
 * np.arccosh([1, 2]); // [0.        1.3169579]
 * @numpy(ulp=4) np.arccosh([1.0, 2.0])
 */
export const arccosh = unary({ name: "arccosh", float: acoshF });

/**
 * Inverse hyperbolic tangent (NumPy `np.arctanh`); ±inf at ±1, NaN outside.
 *
 * $$\texttt{arctanh}(x)_i = \tfrac{1}{2} \ln\frac{1 + x_i}{1 - x_i}$$
 *
 * @example
 * np.arctanh([0, 0.5, 1]); // [0.         0.54930614        inf]
 * @numpy(ulp=4) np.arctanh([0.0, 0.5, 1.0])
 */
export const arctanh = unary({ name: "arctanh", float: atanhF });

/**
 * Degrees to radians (NumPy `np.deg2rad` / `np.radians`): `x * (π / 180)`,
 * bit-exact with NumPy.
 *
 * $$\texttt{deg2rad}(x)_i = x_i \cdot \frac{\pi}{180}$$
 *
 * @example
 * np.deg2rad([180, 90]); // [3.14159265 1.57079633]
 * @numpy np.deg2rad([180.0, 90.0])
 */
export const deg2rad = unary({ name: "deg2rad", float: deg2radF });

/**
 * Radians to degrees (NumPy `np.rad2deg` / `np.degrees`): `x * (180 / π)`.
 *
 * $$\texttt{rad2deg}(x)_i = x_i \cdot \frac{180}{\pi}$$
 *
 * @example
 * np.rad2deg([np.pi, 1]); // [180.          57.29577951]
 * @numpy np.rad2deg([np.pi, 1.0])
 */
export const rad2deg = unary({ name: "rad2deg", float: rad2degF });

// ================================================================ floating-point manipulation, extrema

const FMAX: BinarySpec = { name: "fmax", float: fmaxF, bool: orB };
/**
 * Element-wise maximum ignoring NaN (NumPy `np.fmax`): NaN only when both are NaN.
 *
 * $$\texttt{fmax}(x_1, x_2)_i = \max(x_{1,i}, x_{2,i}) \text{, NaN ignored}$$
 *
 * @example
 * np.fmax([1, NaN, NaN], [NaN, 2, NaN]); // [ 1.  2. nan]
 * @numpy np.fmax([1.0, np.nan, np.nan], [np.nan, 2.0, np.nan])
 */
export const fmax = ((x1: ArrayLike, x2: ArrayLike) => runBinary(FMAX, x1, x2)) as BinaryUfunc;

const FMIN: BinarySpec = { name: "fmin", float: fminF, bool: andB };
/**
 * Element-wise minimum ignoring NaN (NumPy `np.fmin`).
 *
 * $$\texttt{fmin}(x_1, x_2)_i = \min(x_{1,i}, x_{2,i}) \text{, NaN ignored}$$
 *
 * @example
 * np.fmin([1, NaN], [NaN, 2]); // [1. 2.]
 * @numpy np.fmin([1.0, np.nan], [np.nan, 2.0])
 */
export const fmin = ((x1: ArrayLike, x2: ArrayLike) => runBinary(FMIN, x1, x2)) as BinaryUfunc;

const COPYSIGN: BinarySpec = { name: "copysign", float: copysignF, loop: floatLoop };
/**
 * Magnitude of `x1` with the sign bit of `x2` (NumPy `np.copysign`); `-0.0`
 * counts as negative.
 *
 * $$\texttt{copysign}(x_1, x_2)_i = |x_{1,i}| \cdot \operatorname{sgn}(x_{2,i})$$
 *
 * @example
 * np.copysign([1, 2], [-0.0, 3]); // [-1.  2.]
 * @numpy np.copysign([1.0, 2.0], [-0.0, 3.0])
 */
export const copysign = ((x1: ArrayLike, x2: ArrayLike) => runBinary(COPYSIGN, x1, x2)) as BinaryUfunc;

const NEXTAFTER: BinarySpec = { name: "nextafter", float: nextafterF, loop: floatLoop };
/**
 * The next float64 after `x1` towards `x2` (NumPy `np.nextafter`, C `nextafter`).
 *
 * $$\texttt{nextafter}(x_1, x_2)_i = x_{1,i} \pm \operatorname{ulp} \text{ towards } x_{2,i}$$
 *
 * @example
 * np.nextafter(1, 2) - 1; // 2.220446049250313e-16
 * @numpy np.nextafter(1.0, 2.0) - 1
 */
export const nextafter = ((x1: ArrayLike, x2: ArrayLike) => runBinary(NEXTAFTER, x1, x2)) as BinaryUfunc;

const HEAVISIDE: BinarySpec = { name: "heaviside", float: heavisideF, loop: floatLoop };
/**
 * Heaviside step function (NumPy `np.heaviside`); `x2` is the value at 0; NaN stays NaN.
 *
 * $$\texttt{heaviside}(x_1, x_2)_i = \begin{cases} 0 & x_{1,i} < 0 \\ x_{2,i} & x_{1,i} = 0 \\ 1 & x_{1,i} > 0 \end{cases}$$
 *
 * @example
 * np.heaviside([-1.5, 0, 2], 0.5); // [0.  0.5 1. ]
 * @numpy np.heaviside([-1.5, 0.0, 2.0], 0.5)
 */
export const heaviside = ((x1: ArrayLike, x2: ArrayLike) => runBinary(HEAVISIDE, x1, x2)) as BinaryUfunc;

/** Call signatures of {@link clip}. */
export interface ClipFunction {
  (a: number, a_min: number | null, a_max: number | null): number;
  (a: NDArray | NestedArray, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray;
  (a: ArrayLike, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray | Scalar;
}

/**
 * Limit values to `[a_min, a_max]` (NumPy `np.clip`), broadcasting all three.
 * NaN in `a` or in a bound propagates; `a_min > a_max` gives `a_max`. With
 * only one bound it is {@link maximum} / {@link minimum}, with none
 * {@link positive} (a TypeError for bool), as in NumPy.
 *
 * $$\texttt{clip}(a, l, h)_i = \min(\max(a_i, l_i), h_i)$$
 *
 * @example
 * np.clip([-2, 0.5, 3, NaN], 0, 1); // [0.  0.5 1.  nan]
 * @numpy np.clip([-2.0, 0.5, 3.0, np.nan], 0, 1)
 */
export const clip = ((a: ArrayLike, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray | Scalar => {
  if (a_min === null || a_min === undefined) {
    if (a_max === null || a_max === undefined) return positive(a); // NumPy: np.positive(a) (a TypeError for bool)
    return minimum(a, a_max as NDArray);
  }
  if (a_max === null || a_max === undefined) return maximum(a, a_min as NDArray);
  return runTernary(clipF, [a, a_min, a_max], null);
}) as ClipFunction;

/**
 * Runs a ternary float64 kernel with broadcasting; `dtypeFrom` picks the
 * operands that decide the result dtype (null = all). A bool result is
 * computed in float64 and converted.
 * @internal
 */
export function runTernary(
  kernel: TernaryKernel, args: readonly ArrayLike[], dtypeFrom: readonly number[] | null, keepArray = false,
): NDArray | Scalar {
  const ops = args.map(operand);
  const dt = resultType(dtypeFrom === null ? ops : dtypeFrom.map((i) => ops[i]));
  const [a, b, c] = ops.map((o) => o.arr);
  const L = layout([a, b, c]);
  const out = new Float64Array(sizeOf(L.shape));
  const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
  const n = innerLength(loop);
  const ad = f64(a);
  const bd = f64(b);
  const cd = f64(c);
  const [so, sa, sb, sc] = innerStrides(loop);
  forEachLine(loop, [0, a.offset, b.offset, c.offset], (o) => kernel(n, out, o[0], so, ad, o[1], sa, bd, o[2], sb, cd, o[3], sc));
  let res = new NDArray(out, L.shape, L.outStrides, 0, dt === "bool" ? "float64" : dt);
  if (dt === "bool") {
    const u = allocStorage("bool", out.length) as Uint8Array;
    for (let i = 0; i < out.length; i++) u[i] = out[i] !== 0 ? 1 : 0;
    res = new NDArray(u, L.shape, L.outStrides, 0, "bool");
  }
  return keepArray ? res : finish(res, ops);
}

/** Options of {@link nan_to_num} (NumPy's keyword arguments). */
export interface NanToNumOptions {
  /** value for NaN (default 0.0) */
  nan?: number;
  /** value for +inf (default: the largest float64) */
  posinf?: number | null;
  /** value for -inf (default: the most negative float64) */
  neginf?: number | null;
}

/** Call signatures of {@link nan_to_num}. */
export interface NanToNumFunction {
  (x: number, options?: NanToNumOptions): number;
  (x: NDArray | NestedArray, options?: NanToNumOptions): NDArray;
  (x: ArrayLike, options?: NanToNumOptions): NDArray | Scalar;
}

/**
 * Replace NaN and infinities by finite numbers (NumPy `np.nan_to_num`,
 * always a copy here): NaN → `nan` (0.0), +inf → `posinf` (1.797…e308),
 * −inf → `neginf` (−1.797…e308). int64 and bool are returned unchanged.
 *
 * $$\texttt{nan\_to\_num}(x)_i = \begin{cases} \text{nan} & x_i = \mathrm{NaN} \\ \text{posinf} & x_i = +\infty \\ \text{neginf} & x_i = -\infty \\ x_i & \text{otherwise} \end{cases}$$
 *
 * @example
 * np.nan_to_num([NaN, Infinity, -Infinity, 1.5], { posinf: 9 }); // [ 0.00000000e+000  9.00000000e+000 -1.79769313e+308  1.50000000e+000]
 * @numpy np.nan_to_num([np.nan, np.inf, -np.inf, 1.5], posinf=9)
 */
export const nan_to_num = ((x0: ArrayLike, options: NanToNumOptions = {}): NDArray | Scalar => {
  const x = prep(x0);
  const dt = dtypeOf(x);
  if (dt === "bool") return runBoolCopy(x);
  if (dt === "int64") return runUnary(copyF, "int64", x);
  kernelParams.nan = options.nan ?? 0.0;
  kernelParams.posinf = options.posinf ?? Number.MAX_VALUE;
  kernelParams.neginf = options.neginf ?? -Number.MAX_VALUE;
  return runUnary(nanToNumF, "float64", x);
}) as NanToNumFunction;
