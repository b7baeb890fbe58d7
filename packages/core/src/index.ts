/**
 * @maths-as-code/core — a NumPy-faithful TypeScript maths library.
 *
 * ```ts
 * import * as np from "@maths-as-code/core";
 * const x = np.array([1, 2, 3, 4]);
 * np.mean(x); // 2.5, bit-for-bit NumPy 2.4.6
 * ```
 *
 * Names follow NumPy; NumPy's keyword arguments are a trailing options
 * object with NumPy's names (`np.sum(a, { axis: 0, keepdims: true })`).
 */
export { NDArray, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";
export type { DType, Storage } from "./dtype.ts";
export { AxisError, LinAlgError } from "./errors.ts";
export { array, asarray, zeros, ones, full, eye, identity, arange, type DTypeOption, type EyeOptions } from "./creation.ts";
export { transpose, reshape } from "./manipulation.ts";
export {
  sum, mean, prod, var, std, max, min, argmax, argmin,
  type ReduceOptions, type SumOptions, type VarOptions, type ArgOptions, type AllAxes,
} from "./reductions.ts";
export {
  add, subtract, multiply, divide, negative, power, sqrt, exp, log, abs, absolute,
  maximum, minimum, equal, greater, less, isnan,
  type BinaryUfunc, type CompareUfunc, type UnaryUfunc, type PredicateUfunc,
} from "./ufunc.ts";
export { dot, matmul, linalg, type NormOrd, type NormOptions } from "./linalg.ts";
export { pi, e, inf, nan } from "./constants.ts";
// Core I families add their modules below, one line per module.
// family: arrays
export { linspace, diag, zeros_like, ones_like, full_like, copy, type LinspaceOptions, type LikeOptions } from "./creation.ts";
export { ravel, swapaxes, moveaxis, expand_dims, squeeze, atleast_1d, atleast_2d, atleast_3d, broadcast_to, broadcast_arrays, concatenate, stack, vstack, hstack, dstack, split, array_split, tile, repeat, type AxisOption, type SplitOptions } from "./manipulation.ts";
export { take, slice, Slice, newaxis, type IndexElement, type TakeOptions } from "./indexing.ts";
export { IndexError } from "./errors.ts";
export type { Order, OrderOption } from "./ndarray.ts";
// family: elementwise
export {
  true_divide, floor_divide, remainder, mod, fmod, divmod, positive, reciprocal, square, float_power, fabs, sign, floor,
  ceil, trunc, rint, round, around, cbrt, exp2, expm1, log1p, log2, log10, logaddexp, logaddexp2, sin, cos, tan, arcsin,
  arccos, arctan, arctan2, hypot, sinh, cosh, tanh, arcsinh, arccosh, arctanh, deg2rad, rad2deg, fmax, fmin, copysign,
  nextafter, heaviside, clip, nan_to_num, type RoundFunction, type ClipFunction, type NanToNumOptions, type NanToNumFunction,
} from "./math.ts";
export {
  not_equal, less_equal, greater_equal, isinf, isfinite, signbit, logical_and, logical_or, logical_xor, logical_not,
  bitwise_and, bitwise_or, bitwise_xor, invert, bitwise_not, isclose, allclose, array_equal, where,
  type IscloseOptions, type IscloseFunction,
} from "./logic.ts";
export { finfo, type FInfo } from "./finfo.ts";
export { euler_gamma } from "./constants.ts";
// family: reductions
export { all, any, count_nonzero, ptp, cumsum, cumprod, type CumOptions } from "./reductions.ts";
// NumPy keeps `amax`/`amin` as aliases of `max`/`min` (documented there).
export { max as amax, min as amin } from "./reductions.ts";
export { average, median, quantile, percentile, cov, corrcoef, bincount, histogram, digitize, type AverageOptions, type MedianOptions, type QuantileOptions, type QuantileMethod, type CovOptions, type BincountOptions, type HistogramOptions } from "./stats.ts";
export { nansum, nanprod, nanmean, nanvar, nanstd, nanmax, nanmin, nanargmax, nanargmin, nanmedian, nanquantile, nanpercentile, nancumsum, nancumprod } from "./nanfunctions.ts";
export { sort, argsort, searchsorted, type SortOptions, type SearchsortedOptions } from "./sorting.ts";
export { unique, isin, union1d, intersect1d, setdiff1d, setxor1d, type UniqueOptions, type IsinOptions, type Intersect1dOptions } from "./sets.ts";
// family: calculus-special
export { diff, gradient, trapezoid, cumulative_trapezoid, interp, type DiffOptions, type GradientOptions, type TrapezoidOptions, type CumulativeTrapezoidOptions, type InterpOptions } from "./calculus.ts";
export { convolve, correlate, sliding_window_view, lib, type ConvolveMode, type SlidingWindowOptions } from "./signal.ts";
export { special, type SoftmaxOptions, type LogsumexpOptions, type ExactOption } from "./special.ts";
// family: linalg
export {
  vdot, inner, outer, tensordot, kron, cross, trace, diagonal, tril, triu,
  type TensordotAxes, type CrossOptions, type DiagonalOptions,
} from "./linalg/products.ts";
export { einsum } from "./einsum.ts";
export type {
  CholeskyOptions, EigResult, EighResult, LstsqOptions, LstsqResult, MatrixRankOptions, PinvOptions, QROptions, QRResult,
  SlogdetResult, SVDOptions, SVDResult, VecdotOptions, VectorNormOptions, MatrixNormOptions,
} from "./linalg.ts";
// family: autograd
export { autograd, Tensor, type TensorOptions, type TensorLike, type BackwardOptions } from "./autograd.ts";
// family: complex
export { Complex, complex, real, imag, conj, conjugate, angle, type AngleOptions, type ConjFunction } from "./complex.ts";
export type { ArithmeticUfunc, ComplexUnaryUfunc, AbsUfunc } from "./ufunc.ts";
// family: random
export { random, Generator, type Seed, type Size, type IntegersOptions, type ShuffleOptions } from "./random.ts";
