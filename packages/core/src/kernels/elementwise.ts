/**
 * Element-wise line kernels. Each one processes one strided line of `n`
 * elements; the iterator (see iter.ts) calls it once per inner line, so a
 * contiguous array is a single call. Every operation has its own function,
 * which keeps each hot loop monomorphic in V8 (no per-element callbacks, no
 * allocation).
 */
import { int53Error, MAX_INT } from "../dtype.ts";

/** Binary kernel over float64 storage producing float64 storage. */
export type BinaryKernel = (
  n: number,
  out: Float64Array, o: number, os: number,
  a: Float64Array, ai: number, as: number,
  b: Float64Array, bi: number, bs: number,
) => void;

/** Binary kernel over float64 storage producing bool storage. */
export type CompareKernel = (
  n: number,
  out: Uint8Array, o: number, os: number,
  a: Float64Array, ai: number, as: number,
  b: Float64Array, bi: number, bs: number,
) => void;

/** Binary kernel over bool storage. */
export type BoolKernel = (
  n: number,
  out: Uint8Array, o: number, os: number,
  a: Uint8Array, ai: number, as: number,
  b: Uint8Array, bi: number, bs: number,
) => void;

/** Unary kernel over float64 storage. */
export type UnaryKernel = (n: number, out: Float64Array, o: number, os: number, a: Float64Array, ai: number, as: number) => void;

/** Unary predicate kernel: float64 in, bool out. */
export type PredicateKernel = (n: number, out: Uint8Array, o: number, os: number, a: Float64Array, ai: number, as: number) => void;

// ---------------------------------------------------------------- float64
export const addF: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] + b[bi];
};
export const subF: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] - b[bi];
};
export const mulF: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] * b[bi];
};
export const divF: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] / b[bi];
};
export const powF: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = Math.pow(a[ai], b[bi]);
};
/** NumPy's maximum: NaN propagates; on equal values (±0) the second operand wins. */
export const maxF: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x > y || x !== x ? x : y;
  }
};
/** NumPy's minimum: NaN propagates; on equal values (±0) the second operand wins. */
export const minF: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) {
    const x = a[ai];
    const y = b[bi];
    out[o] = x < y || x !== x ? x : y;
  }
};

// ---------------------------------------------------------------- int64 (exact, checked)
export const addI: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) {
    const r = a[ai] + b[bi];
    if (r > MAX_INT || r < -MAX_INT) int53Error();
    out[o] = r;
  }
};
export const subI: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) {
    const r = a[ai] - b[bi];
    if (r > MAX_INT || r < -MAX_INT) int53Error();
    out[o] = r;
  }
};
export const mulI: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) {
    const r = a[ai] * b[bi];
    if (r > MAX_INT || r < -MAX_INT) int53Error();
    out[o] = r === 0 ? 0 : r; // integers have no -0
  }
};

/** Exact integer power by squaring; NumPy's error for negative exponents. */
export function intPow(base: number, exp: number): number {
  if (exp < 0) throw new RangeError("Integers to negative integer powers are not allowed.");
  let result = 1;
  let b = base;
  let e = exp;
  while (e > 0) {
    if (e % 2 === 1) {
      result *= b;
      if (result > MAX_INT || result < -MAX_INT) int53Error();
    }
    e = Math.floor(e / 2);
    if (e > 0) {
      b *= b;
      if (b > MAX_INT) int53Error();
    }
  }
  return result === 0 ? 0 : result;
}
export const powI: BinaryKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = intPow(a[ai], b[bi]);
};

// ---------------------------------------------------------------- comparisons
export const eqF: CompareKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] === b[bi] ? 1 : 0;
};
export const gtF: CompareKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] > b[bi] ? 1 : 0;
};
export const ltF: CompareKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] < b[bi] ? 1 : 0;
};

// ---------------------------------------------------------------- bool
export const orB: BoolKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] | b[bi];
};
export const andB: BoolKernel = (n, out, o, os, a, ai, as, b, bi, bs) => {
  for (let k = 0; k < n; k++, o += os, ai += as, bi += bs) out[o] = a[ai] & b[bi];
};

// ---------------------------------------------------------------- unary
export const negF: UnaryKernel = (n, out, o, os, a, ai, as) => {
  for (let k = 0; k < n; k++, o += os, ai += as) out[o] = -a[ai];
};
export const negI: UnaryKernel = (n, out, o, os, a, ai, as) => {
  for (let k = 0; k < n; k++, o += os, ai += as) out[o] = 0 - a[ai]; // no -0 for integers
};
export const absF: UnaryKernel = (n, out, o, os, a, ai, as) => {
  for (let k = 0; k < n; k++, o += os, ai += as) out[o] = Math.abs(a[ai]);
};
export const sqrtF: UnaryKernel = (n, out, o, os, a, ai, as) => {
  for (let k = 0; k < n; k++, o += os, ai += as) out[o] = Math.sqrt(a[ai]);
};
export const expF: UnaryKernel = (n, out, o, os, a, ai, as) => {
  for (let k = 0; k < n; k++, o += os, ai += as) out[o] = Math.exp(a[ai]);
};
export const logF: UnaryKernel = (n, out, o, os, a, ai, as) => {
  for (let k = 0; k < n; k++, o += os, ai += as) out[o] = Math.log(a[ai]);
};
export const isnanF: PredicateKernel = (n, out, o, os, a, ai, as) => {
  for (let k = 0; k < n; k++, o += os, ai += as) out[o] = a[ai] !== a[ai] ? 1 : 0;
};
