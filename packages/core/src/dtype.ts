/**
 * Data types.
 *
 * JavaScript has a single number type (IEEE-754 binary64), so:
 * - `float64` is stored in a `Float64Array`;
 * - `int64` is also stored in a `Float64Array`, holding exact integers. Any
 *   int64 value (input or result) beyond ±(2^53 − 1) raises
 *   "int64 value exceeds 2^53: not exactly representable in JavaScript"
 *   instead of silently losing precision (NumPy itself would wrap at 2^63);
 * - `bool` is stored in a `Uint8Array` of 0/1.
 */

/** The dtypes currently supported, named as in NumPy. */
export type DType = "float64" | "int64" | "bool";

/** Typed storage backing an {@link NDArray}. */
export type Storage = Float64Array | Uint8Array;

export const INT53_MESSAGE = "int64 value exceeds 2^53: not exactly representable in JavaScript";

/** Largest magnitude an int64 value may have here (2^53 − 1). */
export const MAX_INT = Number.MAX_SAFE_INTEGER;

/** Throws the int64 precision error. */
export function int53Error(): never {
  throw new RangeError(INT53_MESSAGE);
}

/** Validates a dtype name (throws NumPy's wording on an unknown one). */
export function checkDType(dtype: unknown): DType {
  if (dtype === "float64" || dtype === "int64" || dtype === "bool") return dtype;
  throw new TypeError(`data type '${String(dtype)}' not understood`);
}

/** Allocates zeroed storage for `n` elements of `dtype`. */
export function allocStorage(dtype: DType, n: number): Storage {
  return dtype === "bool" ? new Uint8Array(n) : new Float64Array(n);
}

/** NumPy's type promotion for the three supported dtypes (bool < int64 < float64). */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === "float64" || b === "float64") return "float64";
  if (a === "int64" || b === "int64") return "int64";
  return "bool";
}

/**
 * Converts one JS value to the numeric representation of `dtype`, with
 * NumPy's casting semantics: float → int64 truncates toward zero (NaN/Inf
 * raise), anything → bool is `x != 0` (NaN is true).
 */
export function castValue(x: number, dtype: DType): number {
  if (dtype === "float64") return x;
  if (dtype === "bool") return x !== 0 ? 1 : 0; // NaN !== 0 → true, as NumPy
  // int64
  if (Number.isNaN(x)) throw new RangeError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new RangeError("cannot convert float infinity to integer");
  const t = Math.trunc(x);
  if (t > MAX_INT || t < -MAX_INT) int53Error();
  return t === 0 ? 0 : t; // no -0 in integers
}
