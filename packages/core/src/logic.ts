/**
 * Element-wise comparisons, predicates, logical and bitwise functions,
 * `isclose` / `allclose` / `array_equal` and `where` (NumPy names and semantics).
 *
 * Bitwise functions on int64 work on the exact integers this library stores
 * (|x| ≤ 2^53 − 1, two's complement semantics as NumPy's int64); a result
 * outside that range raises the int64 precision error.
 */
import { asarray } from "./creation.ts";
import { MAX_INT } from "./dtype.ts";
import {
  andB, andI, geF, invertI, iscloseF, isfiniteF, isinfF, landF, leF, lorF, lxorF, neF, notF, orB, orI, signbitF, whereF,
  xorB, xorI,
} from "./kernels/elementwise.ts";
import { forEachLine, innerLength, makeLoop } from "./iter.ts";
import { runTernary } from "./math.ts";
import { NDArray, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";
import {
  f64, finish, innerStrides, layout, operand, runBinary, runBoolCopy, runCompare, runPredicate, runUnary, sizeOf,
  type BinarySpec, type BinaryUfunc, type CompareUfunc, type PredicateUfunc, type UnaryUfunc,
} from "./ufunc.ts";
import { ciscloseScalar, Complex, toComplex } from "./complex.ts";

// ================================================================ comparisons

/**
 * Element-wise `x1 != x2` (NumPy `np.not_equal`); NaN ≠ NaN is true.
 *
 * $$\texttt{not\_equal}(x_1, x_2)_i = [x_{1,i} \ne x_{2,i}]$$
 *
 * @example
 * np.not_equal([1, NaN], [1, NaN]); // [False  True]
 * @numpy np.not_equal([1.0, np.nan], [1.0, np.nan])
 */
export const not_equal = ((x1: ArrayLike, x2: ArrayLike) => runCompare(neF, x1, x2)) as CompareUfunc;

/**
 * Element-wise `x1 <= x2` (NumPy `np.less_equal`); false when either is NaN.
 *
 * $$\texttt{less\_equal}(x_1, x_2)_i = [x_{1,i} \le x_{2,i}]$$
 *
 * @example
 * np.less_equal([1, 2, 3], 2); // [ True  True False]
 * @numpy np.less_equal([1.0, 2.0, 3.0], 2)
 */
export const less_equal = ((x1: ArrayLike, x2: ArrayLike) => runCompare(leF, x1, x2)) as CompareUfunc;

/**
 * Element-wise `x1 >= x2` (NumPy `np.greater_equal`); false when either is NaN.
 *
 * $$\texttt{greater\_equal}(x_1, x_2)_i = [x_{1,i} \ge x_{2,i}]$$
 *
 * @example
 * np.greater_equal([1, 2, 3], 2); // [False  True  True]
 * @numpy np.greater_equal([1.0, 2.0, 3.0], 2)
 */
export const greater_equal = ((x1: ArrayLike, x2: ArrayLike) => runCompare(geF, x1, x2)) as CompareUfunc;

// ================================================================ predicates

/**
 * Infinity test (NumPy `np.isinf`), bool result; false for int64/bool.
 *
 * $$\texttt{isinf}(x)_i = [x_i = \pm\infty]$$
 *
 * @example
 * np.isinf([1, Infinity, -Infinity, NaN]); // [False  True  True False]
 * @numpy np.isinf([1.0, np.inf, -np.inf, np.nan])
 */
export const isinf = ((x: ArrayLike) => runPredicate(isinfF, x)) as PredicateUfunc;

/**
 * Finiteness test (NumPy `np.isfinite`): false for ±inf and NaN.
 *
 * $$\texttt{isfinite}(x)_i = [x_i \notin \{\pm\infty, \mathrm{NaN}\}]$$
 *
 * @example
 * np.isfinite([1, Infinity, NaN]); // [ True False False]
 * @numpy np.isfinite([1.0, np.inf, np.nan])
 */
export const isfinite = ((x: ArrayLike) => runPredicate(isfiniteF, x)) as PredicateUfunc;

/**
 * Sign-bit test (NumPy `np.signbit`): true for negative numbers and `-0.0`.
 *
 * $$\texttt{signbit}(x)_i = [\text{sign bit of } x_i \text{ is set}]$$
 *
 * @example
 * np.signbit([-0.0, 0, -2]); // [ True False  True]
 * @numpy np.signbit([-0.0, 0.0, -2.0])
 */
export const signbit = ((x: ArrayLike) => runPredicate(signbitF, x)) as PredicateUfunc;

// ================================================================ logical

/**
 * Logical AND of truth values (NumPy `np.logical_and`): non-zero (and NaN) is true.
 *
 * $$\texttt{logical\_and}(x_1, x_2)_i = x_{1,i} \ne 0 \wedge x_{2,i} \ne 0$$
 *
 * @example
 * np.logical_and([true, true, false], [true, false, false]); // [ True False False]
 * @numpy np.logical_and([True, True, False], [True, False, False])
 */
export const logical_and = ((x1: ArrayLike, x2: ArrayLike) => runCompare(landF, x1, x2)) as CompareUfunc;

/**
 * Logical OR of truth values (NumPy `np.logical_or`).
 *
 * $$\texttt{logical\_or}(x_1, x_2)_i = x_{1,i} \ne 0 \vee x_{2,i} \ne 0$$
 *
 * @example
 * np.logical_or([0, 2, 0], [0, 0, NaN]); // [False  True  True]
 * @numpy np.logical_or([0.0, 2.0, 0.0], [0.0, 0.0, np.nan])
 */
export const logical_or = ((x1: ArrayLike, x2: ArrayLike) => runCompare(lorF, x1, x2)) as CompareUfunc;

/**
 * Logical XOR of truth values (NumPy `np.logical_xor`).
 *
 * $$\texttt{logical\_xor}(x_1, x_2)_i = (x_{1,i} \ne 0) \oplus (x_{2,i} \ne 0)$$
 *
 * @example
 * np.logical_xor([true, true], [true, false]); // [False  True]
 * @numpy np.logical_xor([True, True], [True, False])
 */
export const logical_xor = ((x1: ArrayLike, x2: ArrayLike) => runCompare(lxorF, x1, x2)) as CompareUfunc;

/**
 * Logical NOT (NumPy `np.logical_not`): true where `x == 0`.
 *
 * $$\texttt{logical\_not}(x)_i = [x_i = 0]$$
 *
 * @example
 * np.logical_not([0, 1, NaN]); // [ True False False]
 * @numpy np.logical_not([0.0, 1.0, np.nan])
 */
export const logical_not = ((x: ArrayLike) => runPredicate(notF, x)) as PredicateUfunc;

// ================================================================ bitwise

const bitwiseError = (name: string): string =>
  `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`;

const BITWISE_AND: BinarySpec = { name: "bitwise_and", float: andI, int: andI, bool: andB, floatError: bitwiseError("bitwise_and"), scalarInt: true };
const BITWISE_OR: BinarySpec = { name: "bitwise_or", float: orI, int: orI, bool: orB, floatError: bitwiseError("bitwise_or"), scalarInt: true };
const BITWISE_XOR: BinarySpec = { name: "bitwise_xor", float: xorI, int: xorI, bool: xorB, floatError: bitwiseError("bitwise_xor"), scalarInt: true };

/**
 * Bitwise AND (NumPy `np.bitwise_and`, `&`) of int64 or bool; float input is
 * NumPy's TypeError. JS integers are int64 here (also when all inputs are JS numbers).
 *
 * $$\texttt{bitwise\_and}(x_1, x_2)_i = x_{1,i} \mathbin{\&} x_{2,i}$$
 *
 * @example
 * np.bitwise_and(np.array([12, -1], { dtype: "int64" }), 10); // [ 8 10]
 * @numpy np.bitwise_and(np.array([12, -1]), 10)
 */
export const bitwise_and = ((x1: ArrayLike, x2: ArrayLike) => runBinary(BITWISE_AND, x1, x2)) as BinaryUfunc;

/**
 * Bitwise OR (NumPy `np.bitwise_or`, `|`) of int64 or bool.
 *
 * $$\texttt{bitwise\_or}(x_1, x_2)_i = x_{1,i} \mathbin{|} x_{2,i}$$
 *
 * @example
 * np.bitwise_or(np.array([12, -16], { dtype: "int64" }), 3); // [ 15 -13]
 * @numpy np.bitwise_or(np.array([12, -16]), 3)
 */
export const bitwise_or = ((x1: ArrayLike, x2: ArrayLike) => runBinary(BITWISE_OR, x1, x2)) as BinaryUfunc;

/**
 * Bitwise XOR (NumPy `np.bitwise_xor`, `^`) of int64 or bool.
 *
 * $$\texttt{bitwise\_xor}(x_1, x_2)_i = x_{1,i} \oplus x_{2,i}$$
 *
 * @example
 * np.bitwise_xor([true, false], [true, true]); // [False  True]
 * @numpy np.bitwise_xor([True, False], [True, True])
 */
export const bitwise_xor = ((x1: ArrayLike, x2: ArrayLike) => runBinary(BITWISE_XOR, x1, x2)) as BinaryUfunc;

/**
 * Bitwise NOT (NumPy `np.invert`, `~`): `-x - 1` for int64, logical not for
 * bool; float input is NumPy's TypeError.
 *
 * $$\texttt{invert}(x)_i = \lnot x_i = -x_i - 1$$
 *
 * @example
 * np.invert(np.array([0, 5, -3], { dtype: "int64" })); // [-1 -6  2]
 * @numpy np.invert(np.array([0, 5, -3]))
 */
export const invert = ((x0: ArrayLike) => {
  if (typeof x0 === "number" && Number.isInteger(x0) && Math.abs(x0) <= MAX_INT) return runUnary(invertI, "int64", x0); // a weak int
  if (typeof x0 === "boolean") return runBoolCopy(x0, true);
  const x = x0 instanceof NDArray ? x0 : asarray(x0);
  if (x.dtype === "bool") return runBoolCopy(x, true);
  if (x.dtype === "int64") return runUnary(invertI, "int64", x);
  throw new TypeError(bitwiseError("invert"));
}) as UnaryUfunc;

/**
 * Alias of {@link invert} (NumPy `np.bitwise_not`).
 *
 * $$\texttt{bitwise\_not}(x)_i = -x_i - 1$$
 *
 * @example
 * np.bitwise_not([true, false]); // [False  True]
 * @numpy np.bitwise_not([True, False])
 */
export const bitwise_not: UnaryUfunc = invert;

// ================================================================ closeness

/** Options of {@link isclose} and {@link allclose} (NumPy's keyword arguments). */
export interface IscloseOptions {
  /** relative tolerance (default 1e-05) */
  rtol?: number;
  /** absolute tolerance (default 1e-08) */
  atol?: number;
  /** treat NaN as equal to NaN (default false) */
  equal_nan?: boolean;
}

/** Call signatures of {@link isclose}. */
export interface IscloseFunction {
  (a: Scalar, b: Scalar, options?: IscloseOptions): boolean;
  (a: Scalar | Complex, b: Scalar | Complex, options?: IscloseOptions): boolean;
  (a: NDArray | NestedArray, b: ArrayLike, options?: IscloseOptions): NDArray;
  (a: ArrayLike, b: NDArray | NestedArray, options?: IscloseOptions): NDArray;
  (a: ArrayLike, b: ArrayLike, options?: IscloseOptions): NDArray | boolean;
}

/**
 * Element-wise closeness (NumPy `np.isclose`), asymmetric in `b` like NumPy:
 * computed in float64 exactly as NumPy's expression
 * `(|a - b| <= atol + rtol * |b|) & isfinite(b) | (a == b)`, so infinities are
 * close only to themselves and NaN only with `equal_nan`.
 *
 * $$\texttt{isclose}(a, b)_i = \left[\,|a_i - b_i| \le \mathrm{atol} + \mathrm{rtol}\,|b_i|\,\right]$$
 *
 * @example
 * np.isclose([1, 1e-9, NaN], [1.000001, 2e-9, NaN]); // [ True  True False]
 * @numpy np.isclose([1.0, 1e-9, np.nan], [1.000001, 2e-9, np.nan])
 */
export const isclose = ((a: ArrayLike | Complex, b: ArrayLike | Complex, options: IscloseOptions = {}): NDArray | boolean => {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  const equalNan = options.equal_nan ?? false;
  if (a instanceof Complex || b instanceof Complex) return ciscloseScalar(toComplex(a, "isclose"), toComplex(b, "isclose"), rtol, atol, equalNan);
  const ops = [operand(a), operand(b)];
  const [x, y] = ops.map((o) => o.arr);
  const L = layout([x, y]);
  const out = new Uint8Array(sizeOf(L.shape));
  const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
  const n = innerLength(loop);
  const xd = f64(x);
  const yd = f64(y);
  const [so, sx, sy] = innerStrides(loop);
  forEachLine(loop, [0, x.offset, y.offset], (o) => iscloseF(n, out, o[0], so, xd, o[1], sx, yd, o[2], sy, rtol, atol, equalNan));
  return finish(new NDArray(out, L.shape, L.outStrides, 0, "bool"), ops) as NDArray | boolean;
}) as IscloseFunction;

/**
 * True when every element pair is {@link isclose} (NumPy `np.allclose`), a JS boolean.
 *
 * $$\texttt{allclose}(a, b) = \bigwedge_i \texttt{isclose}(a, b)_i$$
 *
 * @example
 * np.allclose([1e10, 1e-8], [1.00001e10, 1e-9]); // True
 * @numpy np.allclose([1e10, 1e-8], [1.00001e10, 1e-9])
 */
export function allclose(a: ArrayLike, b: ArrayLike, options: IscloseOptions = {}): boolean {
  const r = isclose(a, b, options);
  if (typeof r === "boolean") return r;
  const d = r.data;
  for (let i = 0; i < d.length; i++) if (d[i] === 0) return false;
  return true;
}

/**
 * True when both inputs have the same shape and equal elements (NumPy
 * `np.array_equal`), a JS boolean; NaN ≠ NaN unless `equal_nan`.
 *
 * $$\texttt{array\_equal}(a, b) = [\operatorname{shape}(a) = \operatorname{shape}(b)] \wedge \bigwedge_i [a_i = b_i]$$
 *
 * @example
 * np.array_equal([1, 2], [1, 2]); // True
 * @numpy np.array_equal([1, 2], [1, 2])
 */
export function array_equal(a1: ArrayLike, a2: ArrayLike, options: { equal_nan?: boolean } = {}): boolean {
  const a = a1 instanceof NDArray ? a1 : asarray(a1);
  const b = a2 instanceof NDArray ? a2 : asarray(a2);
  if (a.shape.length !== b.shape.length || a.shape.some((s, i) => s !== b.shape[i])) return false;
  const r = isclose(a, b, { rtol: 0, atol: 0, equal_nan: options.equal_nan ?? false }) as NDArray;
  const d = r.data;
  for (let i = 0; i < d.length; i++) if (d[i] === 0) return false;
  return true;
}

// ================================================================ where

/** Indices of the non-zero elements, one int64 array per dimension, C order (NumPy `nonzero`). */
function nonzeroOf(c: NDArray): NDArray[] {
  const nd = c.ndim;
  if (nd === 0) throw new RangeError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.");
  const size = c.size;
  const idx = new Array<number>(nd).fill(0);
  const hits: number[][] = Array.from({ length: nd }, () => []);
  const d = c.data;
  let off = c.offset;
  for (let k = 0; k < size; k++) {
    if (d[off] !== 0) for (let j = 0; j < nd; j++) hits[j].push(idx[j]);
    for (let j = nd - 1; j >= 0; j--) {
      idx[j]++;
      off += c.strides[j];
      if (idx[j] < c.shape[j]) break;
      off -= c.strides[j] * c.shape[j];
      idx[j] = 0;
    }
  }
  return hits.map((h) => new NDArray(Float64Array.from(h), [h.length], [1], 0, "int64"));
}

/**
 * Choose from `x` where `condition` is true, else from `y` (NumPy `np.where`),
 * broadcasting all three; the dtype is the promotion of `x` and `y` (JS
 * numbers are weak scalars; two JS numbers give float64 where NumPy gives
 * int64 for Python ints). Always an NDArray (0-d for scalar inputs), like
 * NumPy. With only `condition`, returns the indices of its non-zero elements
 * (NumPy `np.nonzero`): one int64 array per dimension.
 *
 * $$\texttt{where}(c, x, y)_i = \begin{cases} x_i & c_i \ne 0 \\ y_i & \text{otherwise} \end{cases}$$
 *
 * @example
 * np.where([true, false, true], [1, 2, 3], -1); // [ 1. -1.  3.]
 * @numpy np.where([True, False, True], [1.0, 2.0, 3.0], -1)
 *
 * @example
 * np.where([[0, 1], [2, 0]])[1]; // [1 0]
 * @numpy np.where([[0, 1], [2, 0]])[1]
 */
export function where(condition: ArrayLike): NDArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzeroOf(condition instanceof NDArray ? condition : asarray(condition));
  if (x === undefined || y === undefined) throw new TypeError("either both or neither of x and y should be given");
  // always an array, with the promoted dtype also for scalar inputs (`where(c, true, -3)` is int64)
  return runTernary(whereF, [condition, x, y], [1, 2], true) as NDArray;
}
