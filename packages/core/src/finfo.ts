/**
 * Machine limits for floating-point types (NumPy `np.finfo`).
 */

/** The limits NumPy's `finfo` reports for float64. */
export interface FInfo {
  /** number of bits (64) */
  readonly bits: number;
  /** 2^-52, the gap between 1 and the next float */
  readonly eps: number;
  /** 2^-53, the gap between 1 and the previous float */
  readonly epsneg: number;
  /** largest finite value */
  readonly max: number;
  /** most negative finite value (−max) */
  readonly min: number;
  /** smallest positive normal value (alias of `smallest_normal`) */
  readonly tiny: number;
  /** smallest positive normal value, 2^-1022 */
  readonly smallest_normal: number;
  /** smallest positive subnormal value, 2^-1074 */
  readonly smallest_subnormal: number;
  /** 10^-precision */
  readonly resolution: number;
  /** approximate number of exact decimal digits (15) */
  readonly precision: number;
  /** exponent of eps (−52) */
  readonly machep: number;
  /** exponent of epsneg (−53) */
  readonly negep: number;
  /** smallest exponent (−1022) */
  readonly minexp: number;
  /** exponent overflow threshold (1024) */
  readonly maxexp: number;
  /** mantissa bits (52) */
  readonly nmant: number;
  /** exponent bits (11) */
  readonly nexp: number;
  /** exponent bits (11) */
  readonly iexp: number;
  /** the dtype name ("float64") */
  readonly dtype: "float64";
}

const FLOAT64: FInfo = Object.freeze({
  bits: 64,
  eps: 2.220446049250313e-16,
  epsneg: 1.1102230246251565e-16,
  max: 1.7976931348623157e308,
  min: -1.7976931348623157e308,
  tiny: 2.2250738585072014e-308,
  smallest_normal: 2.2250738585072014e-308,
  smallest_subnormal: 5e-324,
  resolution: 1e-15,
  precision: 15,
  machep: -52,
  negep: -53,
  minexp: -1022,
  maxexp: 1024,
  nmant: 52,
  nexp: 11,
  iexp: 11,
  dtype: "float64",
});

const NAMES = new Set(["float64", "f8", "d", "double", "float", "<f8"]);

/**
 * Machine limits of float64 (NumPy `np.finfo("float64")`; also `"f8"`, `"d"`,
 * `"double"`, `"float"`). Integer dtypes raise NumPy's `not inexact` error.
 *
 * $$\varepsilon = 2^{-52}, \quad \text{max} = (2 - 2^{-52}) \cdot 2^{1023}, \quad \text{tiny} = 2^{-1022}$$
 *
 * @example
 * np.finfo("float64").eps; // 2.220446049250313e-16
 * @numpy np.finfo("float64").eps
 *
 * @example
 * np.finfo("float64").max; // 1.7976931348623157e+308
 * @numpy np.finfo("float64").max
 */
export function finfo(dtype: string = "float64"): FInfo {
  if (NAMES.has(dtype)) return FLOAT64;
  if (dtype === "int64" || dtype === "bool" || dtype === "int" || dtype === "i8") {
    const cls = dtype === "bool" ? "bool" : "int64";
    throw new RangeError(`data type <class 'numpy.${cls}'> not inexact`);
  }
  throw new TypeError(`data type '${dtype}' not understood`);
}
