/**
 * Element-wise functions (NumPy ufuncs) with broadcasting.
 *
 * Type rules (NumPy 2 / NEP 50 adapted to JavaScript):
 * - arrays and JS booleans have a fixed dtype;
 * - a JS number is a *weak* scalar, like a Python int/float in NumPy 2: an
 *   integer-valued number keeps an int64 array int64 (and turns bool into
 *   int64), a non-integer number promotes to float64;
 * - when no array is involved, JS numbers are float64 (so `np.power(2, -1)`
 *   is 0.5, not NumPy's integer error).
 *
 * The result is a JS scalar when every input is a JS scalar (NumPy returns a
 * NumPy scalar); otherwise an NDArray, also when it is 0-d. The output is
 * laid out like NumPy's (memory order following the inputs' strides, "K"
 * order), which matters for the bit pattern of later reductions.
 */
import { allocStorage, MAX_INT, promoteTypes, type DType } from "./dtype.ts";
import { asarray } from "./creation.ts";
import {
  absF, addF, addI, andB, divF, eqF, expF, gtF, isnanF, logF, ltF, maxF, minF, mulF, mulI,
  negF, negI, orB, cpowF, powI, sqrtF, subF, subI,
  type BinaryKernel, type BoolKernel, type CompareKernel, type PredicateKernel, type UnaryKernel,
} from "./kernels/elementwise.ts";
import { bestAxisOrder, broadcastShapes, broadcastStrides, forEachLine, innerLength, makeLoop, stridesForPerm } from "./iter.ts";
import { NDArray, type ArrayLike, type NestedArray, type Scalar } from "./ndarray.ts";
import { cabs, cadd, cdiv, cexp, cmul, cneg, Complex, csqrt, csub, toComplex } from "./complex.ts";

/** An input after conversion: its array and, for a JS number, its weak kind. */
export interface Operand {
  arr: NDArray;
  weak: "int" | "float" | null;
  scalar: boolean;
}

/** @internal */
export function operand(x: ArrayLike): Operand {
  if (typeof x === "number") {
    const weak = Number.isInteger(x) && Math.abs(x) <= MAX_INT ? "int" : "float";
    return { arr: new NDArray(new Float64Array([x]), [], [], 0, "float64"), weak, scalar: true };
  }
  if (typeof x === "boolean") return { arr: new NDArray(new Uint8Array([x ? 1 : 0]), [], [], 0, "bool"), weak: null, scalar: true };
  return { arr: asarray(x), weak: null, scalar: false };
}

/** NumPy's result_type for the operands, with JS numbers as weak scalars. */
export function resultType(ops: readonly Operand[]): DType {
  let strong: DType | null = null;
  for (const op of ops) if (op.weak === null) strong = strong === null ? op.arr.dtype : promoteTypes(strong, op.arr.dtype);
  if (strong === null) return "float64";
  let dt: DType = strong;
  for (const op of ops) {
    if (op.weak === "int" && dt === "bool") dt = "int64";
    if (op.weak === "float") dt = "float64";
  }
  return dt;
}

/** Float64 storage view of an operand (bool → 0/1 copy with the same layout). */
export function f64(a: NDArray): Float64Array {
  return a.data instanceof Float64Array ? a.data : Float64Array.from(a.data);
}

export interface Layout {
  shape: number[];
  perm: number[];
  outStrides: number[];
  inStrides: number[][];
}

export function layout(arrs: readonly NDArray[]): Layout {
  const shape = broadcastShapes(arrs.map((a) => a.shape));
  const inStrides = arrs.map((a) => broadcastStrides(a, shape));
  const perm = bestAxisOrder(shape, inStrides);
  return { shape, perm, outStrides: stridesForPerm(shape, perm), inStrides };
}

export function finish(out: NDArray, ops: readonly Operand[]): NDArray | Scalar {
  return ops.every((o) => o.scalar) ? out.item() : out;
}

export type BinarySpec = {
  name: string;
  float: BinaryKernel;
  int?: BinaryKernel;
  bool?: BoolKernel;
  /** forced loop dtype, e.g. float64 for true division */
  loop?: (dt: DType) => DType;
  boolError?: string;
  /** TypeError message when the loop dtype is float64 (bitwise functions) */
  floatError?: string;
  /** all-JS-integer inputs run the int64 loop (bitwise functions) */
  scalarInt?: boolean;
  /** int64 loop only, non-empty output: validates the second operand before the loop runs (power's negative exponents) */
  intCheck?: (b: NDArray) => void;
};

export function runBinary(spec: BinarySpec, x1: ArrayLike, x2: ArrayLike): NDArray | Scalar {
  const ops = [operand(x1), operand(x2)];
  let dt = resultType(ops);
  if (spec.scalarInt && ops.every((o) => o.weak === "int")) dt = "int64";
  if (spec.loop) dt = spec.loop(dt);
  // NumPy resolves the loop (and raises its TypeErrors) before it broadcasts.
  if (dt === "float64" && spec.floatError) throw new TypeError(spec.floatError);
  if (dt === "bool" && !spec.bool) throw new TypeError(spec.boolError ?? `ufunc '${spec.name}' not supported for the input types`);
  const a = ops[0].arr;
  const b = ops[1].arr;
  const L = layout([a, b]);
  if (dt === "int64" && spec.intCheck && sizeOf(L.shape) > 0) spec.intCheck(b);
  if (dt === "bool") {
    const out = allocStorage("bool", sizeOf(L.shape)) as Uint8Array;
    const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
    const n = innerLength(loop);
    const k = spec.bool!; // checked above
    const ad = a.data as Uint8Array;
    const bd = b.data as Uint8Array;
    const [so, sa, sb] = innerStrides(loop);
    forEachLine(loop, [0, a.offset, b.offset], (o) => k(n, out, o[0], so, ad, o[1], sa, bd, o[2], sb));
    return finish(new NDArray(out, L.shape, L.outStrides, 0, "bool"), ops);
  }
  const kernel = dt === "int64" ? (spec.int ?? spec.float) : spec.float;
  const out = new Float64Array(sizeOf(L.shape));
  const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
  const n = innerLength(loop);
  const ad = f64(a);
  const bd = f64(b);
  const [so, sa, sb] = innerStrides(loop);
  forEachLine(loop, [0, a.offset, b.offset], (o) => kernel(n, out, o[0], so, ad, o[1], sa, bd, o[2], sb));
  return finish(new NDArray(out, L.shape, L.outStrides, 0, dt), ops);
}

export function runCompare(kernel: CompareKernel, x1: ArrayLike, x2: ArrayLike): NDArray | Scalar {
  const ops = [operand(x1), operand(x2)];
  const a = ops[0].arr;
  const b = ops[1].arr;
  const L = layout([a, b]);
  const out = new Uint8Array(sizeOf(L.shape));
  const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
  const n = innerLength(loop);
  const ad = f64(a);
  const bd = f64(b);
  const [so, sa, sb] = innerStrides(loop);
  forEachLine(loop, [0, a.offset, b.offset], (o) => kernel(n, out, o[0], so, ad, o[1], sa, bd, o[2], sb));
  return finish(new NDArray(out, L.shape, L.outStrides, 0, "bool"), ops);
}

export function runUnary(kernel: UnaryKernel, outDType: DType, x: ArrayLike): NDArray | Scalar {
  const ops = [operand(x)];
  const a = ops[0].arr;
  const L = layout([a]);
  const out = new Float64Array(sizeOf(L.shape));
  const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
  const n = innerLength(loop);
  const ad = f64(a);
  const [so, sa] = innerStrides(loop);
  forEachLine(loop, [0, a.offset], (o) => kernel(n, out, o[0], so, ad, o[1], sa));
  return finish(new NDArray(out, L.shape, L.outStrides, 0, outDType), ops);
}

export function runPredicate(kernel: PredicateKernel, x: ArrayLike): NDArray | Scalar {
  const ops = [operand(x)];
  const a = ops[0].arr;
  const L = layout([a]);
  const out = new Uint8Array(sizeOf(L.shape));
  const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
  const n = innerLength(loop);
  const ad = f64(a);
  const [so, sa] = innerStrides(loop);
  forEachLine(loop, [0, a.offset], (o) => kernel(n, out, o[0], so, ad, o[1], sa));
  return finish(new NDArray(out, L.shape, L.outStrides, 0, "bool"), ops);
}

/** Bool → bool copy in NumPy's output layout (abs of a bool array). */
export function runBoolCopy(x: ArrayLike, invert = false): NDArray | Scalar {
  const ops = [operand(x)];
  const a = ops[0].arr;
  const L = layout([a]);
  const out = new Uint8Array(sizeOf(L.shape));
  const loop = makeLoop(L.shape, [L.outStrides, ...L.inStrides], L.perm);
  const n = innerLength(loop);
  const ad = a.data as Uint8Array;
  const [so, sa] = innerStrides(loop);
  forEachLine(loop, [0, a.offset], (o) => {
    if (invert) for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += so, q += sa) out[p] = 1 - ad[q];
    else for (let k = 0, p = o[0], q = o[1]; k < n; k++, p += so, q += sa) out[p] = ad[q];
  });
  return finish(new NDArray(out, L.shape, L.outStrides, 0, "bool"), ops);
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

export function innerStrides(loop: { shape: number[]; strides: number[][] }): number[] {
  return loop.strides.map((s) => (loop.shape.length === 0 ? 0 : s[0]));
}

/** Call signatures of an arithmetic binary ufunc. */
export interface BinaryUfunc {
  (x1: number, x2: number): number;
  (x1: NDArray | NestedArray, x2: ArrayLike): NDArray;
  (x1: ArrayLike, x2: NDArray | NestedArray): NDArray;
  (x1: Scalar, x2: Scalar): Scalar;
  // Results typed as a union (matmul, a.get) still compose: the answer is an array or a scalar, as at run time.
  (x1: ArrayLike, x2: ArrayLike): NDArray | Scalar;
}

/** Call signatures of `add`, `subtract`, `multiply`, `divide`: a complex scalar with a JS number or another complex scalar gives a complex scalar. */
export interface ArithmeticUfunc extends BinaryUfunc {
  (x1: Complex, x2: Complex | number | boolean): Complex;
  (x1: Complex | number | boolean, x2: Complex): Complex;
}

/** Call signatures of `negative`, `sqrt`, `exp`: complex in, complex out. */
export interface ComplexUnaryUfunc extends UnaryUfunc {
  (x: Complex): Complex;
}

/** Call signatures of `abs`: the modulus of a complex scalar is a JS number. */
export interface AbsUfunc extends UnaryUfunc {
  (x: Complex): number;
}

/** Routes a call with a complex scalar to its complex loop (a JS number joins as `x + 0i`, as NumPy casts it). */
function arithmetic(name: string, op: (a: Complex, b: Complex) => Complex, spec: BinarySpec): ArithmeticUfunc {
  return ((x1: ArrayLike | Complex, x2: ArrayLike | Complex) =>
    x1 instanceof Complex || x2 instanceof Complex ? op(toComplex(x1, name), toComplex(x2, name)) : runBinary(spec, x1, x2)) as ArithmeticUfunc;
}

/** Call signatures of a comparison ufunc (bool result). */
export interface CompareUfunc {
  (x1: Scalar, x2: Scalar): boolean;
  (x1: NDArray | NestedArray, x2: ArrayLike): NDArray;
  (x1: ArrayLike, x2: NDArray | NestedArray): NDArray;
  (x1: ArrayLike, x2: ArrayLike): NDArray | boolean;
}

/** Call signatures of a unary ufunc. */
export interface UnaryUfunc {
  (x: number): number;
  (x: NDArray | NestedArray): NDArray;
  (x: Scalar): Scalar;
  (x: ArrayLike): NDArray | Scalar;
}

/** Call signatures of a unary predicate (bool result). */
export interface PredicateUfunc {
  (x: Scalar): boolean;
  (x: NDArray | NestedArray): NDArray;
  (x: ArrayLike): NDArray | boolean;
}

const ADD: BinarySpec = { name: "add", float: addF, int: addI, bool: orB };
const SUBTRACT: BinarySpec = {
  name: "subtract",
  float: subF,
  int: subI,
  boolError:
    "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
};
const MULTIPLY: BinarySpec = { name: "multiply", float: mulF, int: mulI, bool: andB };
const DIVIDE: BinarySpec = { name: "divide", float: divF, loop: () => "float64" };
/**
 * NumPy's integer power loop raises on the first negative exponent it meets and
 * wraps on overflow; here an overflow raises the int64 precision error, so the
 * exponents are checked first: a negative one anywhere (every element of the
 * exponent reaches a non-empty output) is NumPy's ValueError, whatever overflows.
 */
function checkIntExponents(b: NDArray): void {
  const d = b.data;
  const nd = b.ndim;
  const idx = new Array<number>(nd).fill(0);
  let off = b.offset;
  for (let k = 0, n = b.size; k < n; k++) {
    if (d[off] < 0) throw new RangeError("Integers to negative integer powers are not allowed.");
    for (let j = nd - 1; j >= 0; j--) {
      off += b.strides[j];
      if (++idx[j] < b.shape[j]) break;
      off -= b.strides[j] * b.shape[j];
      idx[j] = 0;
    }
  }
}
const POWER: BinarySpec = { name: "power", float: cpowF, int: powI, loop: (dt) => (dt === "bool" ? "int64" : dt), intCheck: checkIntExponents };
const MAXIMUM: BinarySpec = { name: "maximum", float: maxF, bool: orB };
const MINIMUM: BinarySpec = { name: "minimum", float: minF, bool: andB };

/**
 * Element-wise sum (NumPy `np.add`), broadcasting. bool + bool is logical or.
 *
 * $$\texttt{add}(x_1, x_2)_i = x_{1,i} + x_{2,i}$$
 *
 * Special cases: IEEE-754 (`inf + -inf` is NaN; `-0 + -0` is `-0`); int64
 * results beyond 2^53 raise.
 *
 * @example
 * np.add([1, 2], 3); // [4. 5.]
 * @numpy np.add([1.0, 2.0], 3)
 *
 * @example
 * np.add(1, 2); // 3.0
 * @numpy np.add(1.0, 2.0)
 */
export const add = arithmetic("add", cadd, ADD);

/**
 * Element-wise difference (NumPy `np.subtract`). Not defined for two bools
 * (NumPy's TypeError).
 *
 * $$\texttt{subtract}(x_1, x_2)_i = x_{1,i} - x_{2,i}$$
 *
 * @example
 * np.subtract([[5, 5]], [1, 2]); // [[4. 3.]]
 * @numpy np.subtract([[5.0, 5.0]], [1.0, 2.0])
 */
export const subtract = arithmetic("subtract", csub, SUBTRACT);

/**
 * Element-wise product (NumPy `np.multiply`). bool · bool is logical and.
 *
 * $$\texttt{multiply}(x_1, x_2)_i = x_{1,i}\,x_{2,i}$$
 *
 * @example
 * np.multiply([1, 2, 3], 2); // [2. 4. 6.]
 * @numpy np.multiply([1.0, 2.0, 3.0], 2)
 *
 * A complex scalar ({@link complex}) uses NumPy's complex loop, each part one
 * fused multiply-add: $(a+bi)(c+di) = (ac - bd) + (ad + bc)\,i$.
 *
 * @example
 * np.multiply(np.complex(3, -1), np.complex(0, 1)); // (1+3j)
 * @numpy np.multiply(3-1j, 1j)
 */
export const multiply = arithmetic("multiply", cmul, MULTIPLY);

/**
 * True division (NumPy `np.divide`): always float64.
 *
 * $$\texttt{divide}(x_1, x_2)_i = x_{1,i} / x_{2,i}$$
 *
 * Special cases: `x/0` is ±inf, `0/0` is NaN (NumPy also warns).
 *
 * @example
 * np.divide([1, 2], 4); // [0.25 0.5 ]
 * @numpy np.divide([1.0, 2.0], 4)
 *
 * A complex scalar uses NumPy's Smith's method (divide by the larger divisor
 * part first), so huge or tiny divisor parts do not overflow.
 *
 * @example
 * np.divide(np.complex(1, 1), np.complex(1e-300, 1e300)); // (1e-300-1e-300j)
 * @numpy np.divide(1+1j, 1e-300+1e300j)
 */
export const divide = arithmetic("divide", cdiv, DIVIDE);

/**
 * Element-wise power (NumPy `np.power`). int64 ** int64 is exact and
 * refuses negative exponents ("Integers to negative integer powers are not
 * allowed."); float64 uses `Math.pow` (may differ from C `pow` by 1 ulp).
 *
 * $$\texttt{power}(x_1, x_2)_i = x_{1,i}^{\,x_{2,i}}$$
 *
 * @example
 * np.power([1, 2, 3], 2); // [1. 4. 9.]
 * @numpy(ulp=4) np.power([1.0, 2.0, 3.0], 2)
 */
export const power = ((x1: ArrayLike, x2: ArrayLike) => runBinary(POWER, x1, x2)) as BinaryUfunc;

/**
 * Element-wise maximum (NumPy `np.maximum`): NaN propagates (either side).
 *
 * $$\texttt{maximum}(x_1, x_2)_i = \max(x_{1,i}, x_{2,i})$$
 *
 * Special cases: for equal values (`0` vs `-0`) NumPy returns the second
 * argument, and so does this.
 *
 * @example
 * np.maximum([1, 5, NaN], [3, 2, 0]); // [ 3.  5. nan]
 * @numpy np.maximum([1.0, 5.0, np.nan], [3.0, 2.0, 0.0])
 */
export const maximum = ((x1: ArrayLike, x2: ArrayLike) => runBinary(MAXIMUM, x1, x2)) as BinaryUfunc;

/**
 * Element-wise minimum (NumPy `np.minimum`): NaN propagates.
 *
 * $$\texttt{minimum}(x_1, x_2)_i = \min(x_{1,i}, x_{2,i})$$
 *
 * @example
 * np.minimum([1, 5], [3, 2]); // [1. 2.]
 * @numpy np.minimum([1.0, 5.0], [3.0, 2.0])
 */
export const minimum = ((x1: ArrayLike, x2: ArrayLike) => runBinary(MINIMUM, x1, x2)) as BinaryUfunc;

/**
 * Element-wise `x1 == x2` (NumPy `np.equal`), bool result. NaN ≠ NaN; 0 == -0.
 *
 * $$\texttt{equal}(x_1, x_2)_i = [x_{1,i} = x_{2,i}]$$
 *
 * @example
 * np.equal([1, 2], 2); // [False  True]
 * @numpy np.equal([1.0, 2.0], 2)
 */
export const equal = ((x1: ArrayLike, x2: ArrayLike) => runCompare(eqF, x1, x2)) as CompareUfunc;

/**
 * Element-wise `x1 > x2` (NumPy `np.greater`); comparisons with NaN are false.
 *
 * $$\texttt{greater}(x_1, x_2)_i = [x_{1,i} > x_{2,i}]$$
 *
 * @example
 * np.greater([1, 3], 2); // [False  True]
 * @numpy np.greater([1.0, 3.0], 2)
 */
export const greater = ((x1: ArrayLike, x2: ArrayLike) => runCompare(gtF, x1, x2)) as CompareUfunc;

/**
 * Element-wise `x1 < x2` (NumPy `np.less`); comparisons with NaN are false.
 *
 * $$\texttt{less}(x_1, x_2)_i = [x_{1,i} < x_{2,i}]$$
 *
 * @example
 * np.less([1, 3], 2); // [ True False]
 * @numpy np.less([1.0, 3.0], 2)
 */
export const less = ((x1: ArrayLike, x2: ArrayLike) => runCompare(ltF, x1, x2)) as CompareUfunc;

/**
 * Numerical negative (NumPy `np.negative`). Not defined for bool (NumPy's TypeError).
 *
 * $$\texttt{negative}(x)_i = -x_i$$
 *
 * @example
 * np.negative([1, -2]); // [-1.  2.]
 * @numpy np.negative([1.0, -2.0])
 */
export const negative = ((x: ArrayLike | Complex) => {
  if (x instanceof Complex) return cneg(x);
  const a = operand(x).arr;
  if (a.dtype === "bool") {
    throw new TypeError(
      "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
    );
  }
  return a.dtype === "int64" ? runUnary(negI, "int64", x) : runUnary(negF, "float64", x);
}) as ComplexUnaryUfunc;

/**
 * Absolute value (NumPy `np.absolute` / `np.abs`); keeps int64 and bool.
 *
 * $$\texttt{abs}(x)_i = |x_i|$$
 *
 * @example
 * np.abs([-1.5, 2]); // [1.5 2. ]
 * @numpy np.abs([-1.5, 2.0])
 *
 * The modulus of a complex scalar, $|a + bi| = \sqrt{a^2 + b^2}$, is a JS number,
 * computed as NumPy does without overflow: `larger·√(1 + (smaller/larger)²)`;
 * an infinite part gives inf even with a NaN part.
 *
 * @example
 * np.abs(np.complex(3e307, 4e307)); // 5e+307
 * @numpy np.abs(3e307+4e307j)
 */
export const abs = ((x: ArrayLike | Complex) => {
  if (x instanceof Complex) return cabs(x);
  const a = operand(x).arr;
  if (a.dtype === "bool") return runBoolCopy(x);
  return runUnary(absF, a.dtype, x);
}) as AbsUfunc;

/**
 * Alias of {@link abs} (NumPy `np.absolute`).
 *
 * $$\texttt{absolute}(x)_i = |x_i|$$
 *
 * @example
 * np.absolute([-2]); // [2.]
 * @numpy np.absolute([-2.0])
 */
export const absolute = abs;

/**
 * Square root (NumPy `np.sqrt`), float64 result (IEEE correctly rounded,
 * bit-exact with NumPy). `sqrt(-1)` is NaN; `sqrt(-0)` is `-0`.
 * (NumPy gives float16 for bool input; here it is float64.)
 *
 * $$\texttt{sqrt}(x)_i = \sqrt{x_i}$$
 *
 * @example
 * np.sqrt([4, 9]); // [2. 3.]
 * @numpy np.sqrt([4.0, 9.0])
 *
 * A complex scalar gets the principal root (glibc's `csqrt`, as NumPy):
 * `sqrt(-4 + 0i)` is `2i`, `sqrt(-4 - 0i)` is `-2i`.
 *
 * @example
 * np.sqrt(np.complex(-4, 0)); // 2j
 * @numpy np.sqrt(-4+0j)
 */
export const sqrt = ((x: ArrayLike | Complex) => (x instanceof Complex ? csqrt(x) : runUnary(sqrtF, "float64", x))) as ComplexUnaryUfunc;

/**
 * Exponential (NumPy `np.exp`), float64. V8's `Math.exp` may differ from
 * NumPy's SIMD exp by 1 ulp on a few percent of inputs.
 *
 * $$\texttt{exp}(x)_i = e^{x_i}$$
 *
 * @example
 * np.exp([0, 1]); // [1.         2.71828183]
 * @numpy(ulp=4) np.exp([0.0, 1.0])
 *
 * A complex scalar gives $e^{a}(\cos b + i \sin b)$ (glibc's `cexp`, as NumPy).
 *
 * @example
 * np.exp(np.complex(0, np.pi)); // (-1+1.2246467991473532e-16j)
 * @numpy(ulp=2) np.exp(1j*np.pi)
 */
export const exp = ((x: ArrayLike | Complex) => (x instanceof Complex ? cexp(x) : runUnary(expF, "float64", x))) as ComplexUnaryUfunc;

/**
 * Natural logarithm (NumPy `np.log`), float64. `log(0)` is -inf, negative
 * inputs give NaN (NumPy also warns). May differ from NumPy by 1 ulp.
 *
 * $$\texttt{log}(x)_i = \ln x_i$$
 *
 * @example
 * np.log([1, np.e]); // [0. 1.]
 * @numpy(ulp=4) np.log([1.0, np.e])
 */
export const log = ((x: ArrayLike) => runUnary(logF, "float64", x)) as UnaryUfunc;

/**
 * NaN test (NumPy `np.isnan`), bool result; always false for int64/bool.
 *
 * $$\texttt{isnan}(x)_i = [x_i \text{ is NaN}]$$
 *
 * @example
 * np.isnan([1, NaN]); // [False  True]
 * @numpy np.isnan([1.0, np.nan])
 */
export const isnan = ((x: ArrayLike) => runPredicate(isnanF, x)) as PredicateUfunc;
