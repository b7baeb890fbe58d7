/**
 * NumPy-compatible printing (`str(a)` / `np.array2string` with default
 * options: precision 8, floatmode "maxprec", linewidth 75, threshold 1000,
 * edgeitems 3, separator " ").
 *
 * Digits come from JavaScript's shortest round-trip conversion, which is the
 * same "unique" digit string NumPy's Dragon4 produces; exact decimal ties at
 * the 8-digit cutoff are rounded half-to-even like Dragon4.
 */
import type { DType } from "./dtype.ts";
import type { NDArray } from "./ndarray.ts";

const PRECISION = 8;
const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/** Shortest round-trip digits of |x| (x finite, non-zero): digit string and decimal exponent. */
function shortestDigits(ax: number): { digits: string; exp: number } {
  const s = ax.toExponential(); // e.g. "1.2345e-7": shortest unique digits
  const e = s.indexOf("e");
  const mant = s.slice(0, e).replace(".", "");
  return { digits: mant, exp: Number(s.slice(e + 1)) };
}

/** Strips trailing zeros of a digit string. */
function stripZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

/**
 * Positional digits of |x| with at most `precision` fractional digits, in
 * Dragon4 "unique" mode: shortest digits, or rounded at the cutoff (ties to
 * even on the exact binary value).
 */
function positionalParts(ax: number, precision: number): { int: string; frac: string } {
  if (ax === 0) return { int: "0", frac: "" };
  const { digits, exp } = shortestDigits(ax);
  let int: string;
  let frac: string;
  if (exp >= 0) {
    int = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits + "0".repeat(exp + 1 - digits.length);
    frac = digits.length > exp + 1 ? digits.slice(exp + 1) : "";
  } else {
    int = "0";
    frac = "0".repeat(-exp - 1) + digits;
  }
  if (frac.length <= precision) return { int, frac };
  // Needs rounding at the cutoff. toFixed rounds the exact value half-up;
  // Dragon4 rounds exact ties to even. A tie at digit p+1 happens exactly
  // when |x|·2^(p+1) is an odd integer.
  let fixed: string;
  const t = ax * 2 ** (precision + 1);
  if (Number.isInteger(t) && t % 2 === 1) {
    const longer = ax.toFixed(precision + 1);
    const truncated = longer.slice(0, -1);
    const lastDigit = truncated.charCodeAt(truncated.length - 1) - 48;
    fixed = lastDigit >= 0 && lastDigit % 2 === 0 ? truncated : ax.toFixed(precision);
  } else {
    fixed = ax.toFixed(precision);
  }
  const dot = fixed.indexOf(".");
  if (dot < 0) return { int: fixed, frac: "" };
  return { int: fixed.slice(0, dot), frac: stripZeros(fixed.slice(dot + 1)) };
}

/** Scientific parts of |x|: one integer digit, fraction digits (≤ precision), exponent. */
function scientificParts(ax: number, precision: number): { int: string; frac: string; exp: number } {
  if (ax === 0) return { int: "0", frac: "", exp: 0 };
  let { digits, exp } = shortestDigits(ax);
  if (digits.length - 1 > precision) {
    const s = ax.toExponential(precision);
    const e = s.indexOf("e");
    digits = stripZeros(s.slice(0, e).replace(".", ""));
    exp = Number(s.slice(e + 1));
  }
  return { int: digits[0], frac: digits.slice(1), exp };
}

function formatExp(exp: number, minDigits: number): string {
  const a = String(Math.abs(exp));
  return (exp < 0 ? "-" : "+") + (a.length < minDigits ? "0".repeat(minDigits - a.length) + a : a);
}

/** Python's `repr(float)` (and NumPy's `str(np.float64)`): shortest digits, scientific outside [1e-4, 1e16). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const ax = Math.abs(x);
  if (ax === 0) return sign + "0.0";
  const { digits, exp } = shortestDigits(ax);
  if (exp >= -4 && exp < 16) {
    const p = positionalParts(ax, 400);
    return sign + p.int + "." + (p.frac === "" ? "0" : p.frac);
  }
  const mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  return sign + mant + "e" + formatExp(exp, 2);
}

/** The element formatter NumPy builds for a float64 array (`FloatingFormat`). */
class FloatFormat {
  private expFormat = false;
  private precision = PRECISION;
  private minDigits = 0;
  private padLeft = 0;
  private padRight = 0;
  private expSize = -1;

  constructor(values: readonly number[]) {
    const finite = values.filter((v) => Number.isFinite(v));
    let maxVal = -Infinity;
    let minVal = Infinity;
    for (const v of finite) {
      const a = Math.abs(v);
      if (a !== 0) {
        if (a > maxVal) maxVal = a;
        if (a < minVal) minVal = a;
      }
    }
    if (maxVal !== -Infinity && (maxVal >= 1e8 || minVal < 0.0001 || maxVal / minVal > 1000)) this.expFormat = true;

    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.expSize = -1;
      this.minDigits = 0;
    } else if (this.expFormat) {
      let maxFrac = 0;
      let maxExpLen = 0;
      let maxInt = 0;
      for (const v of finite) {
        const p = scientificParts(Math.abs(v), this.precision);
        maxFrac = Math.max(maxFrac, p.frac.length);
        maxExpLen = Math.max(maxExpLen, formatExp(p.exp, 2).length);
        maxInt = Math.max(maxInt, p.int.length + (v < 0 || Object.is(v, -0) ? 1 : 0));
      }
      this.expSize = maxExpLen - 1;
      this.precision = maxFrac;
      this.minDigits = maxFrac;
      this.padLeft = maxInt;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      let maxInt = 0;
      let maxFrac = 0;
      for (const v of finite) {
        const p = positionalParts(Math.abs(v), this.precision);
        maxInt = Math.max(maxInt, p.int.length + (v < 0 || Object.is(v, -0) ? 1 : 0));
        maxFrac = Math.max(maxFrac, p.frac.length);
      }
      this.padLeft = maxInt;
      this.padRight = maxFrac;
      this.minDigits = 0;
    }
    if (finite.length !== values.length) {
      const negInf = values.some((v) => v === -Infinity);
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
    }
  }

  format(x: number): string {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
      return " ".repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret;
    }
    const sign = x < 0 || Object.is(x, -0) ? "-" : "";
    const ax = Math.abs(x);
    if (this.expFormat) {
      const p = scientificParts(ax, this.precision);
      let frac = p.frac;
      if (frac.length < this.minDigits) frac += "0".repeat(this.minDigits - frac.length);
      const int = sign + p.int;
      return " ".repeat(Math.max(0, this.padLeft - int.length)) + int + "." + frac + "e" + formatExp(p.exp, Math.max(this.expSize, 2));
    }
    const p = positionalParts(ax, this.precision);
    let frac = p.frac;
    if (frac.length < this.minDigits) frac += "0".repeat(this.minDigits - frac.length);
    const int = sign + p.int;
    return " ".repeat(Math.max(0, this.padLeft - int.length)) + int + "." + frac + " ".repeat(Math.max(0, this.padRight - frac.length));
  }
}

function intFormatter(values: readonly number[]): (x: number) => string {
  let width = 0;
  for (const v of values) width = Math.max(width, String(v).length);
  return (x) => {
    const s = String(x);
    return s.length < width ? " ".repeat(width - s.length) + s : s;
  };
}

/** Formats one scalar as NumPy's `str()` of the corresponding NumPy scalar. */
export function scalarToString(x: number, dtype: DType): string {
  if (dtype === "bool") return x !== 0 ? "True" : "False";
  if (dtype === "int64") return String(x);
  return pyFloatRepr(x);
}

/** NumPy's `str(a)` for an NDArray. */
export function formatArray(a: NDArray): string {
  const { shape, strides, data, dtype } = a;
  const nd = shape.length;
  if (nd === 0) return scalarToString(data[a.offset], dtype);
  if (a.size === 0) return "[]";
  const summarize = a.size > THRESHOLD;

  // indices shown along each axis
  const shown: number[][] = shape.map((n) => {
    if (summarize && n > 2 * EDGE_ITEMS) {
      const idx: number[] = [];
      for (let i = 0; i < EDGE_ITEMS; i++) idx.push(i);
      for (let i = n - EDGE_ITEMS; i < n; i++) idx.push(i);
      return idx;
    }
    return Array.from({ length: n }, (_, i) => i);
  });
  const values: number[] = [];
  const collect = (d: number, off: number): void => {
    if (d === nd) {
      values.push(data[off]);
      return;
    }
    for (const i of shown[d]) collect(d + 1, off + i * strides[d]);
  };
  collect(0, a.offset);

  let fmt: (x: number) => string;
  if (dtype === "bool") fmt = (x) => (x !== 0 ? " True" : "False");
  else if (dtype === "int64") fmt = intFormatter(values);
  else {
    const ff = new FloatFormat(values);
    fmt = (x) => ff.format(x);
  }

  const separator = " ";
  const extendLine = (s: string, line: string, word: string, width: number, prefix: string): [string, string] => {
    let needsWrap = line.length + word.length > width;
    if (line.length <= prefix.length) needsWrap = false;
    if (needsWrap) {
      s += line.trimEnd() + "\n";
      line = prefix;
    }
    return [s, line + word];
  };

  const recurse = (d: number, off: number, hanging: string, currWidth: number): string => {
    if (d === nd) return fmt(data[off]);
    const nextHanging = hanging + " ";
    const nextWidth = currWidth - 1;
    const n = shape[d];
    const showSummary = summarize && 2 * EDGE_ITEMS < n;
    const leading = showSummary ? EDGE_ITEMS : 0;
    const trailing = showSummary ? EDGE_ITEMS : n;
    let s = "";
    if (nd - d === 1) {
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1);
      let line = hanging;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, recurse(d + 1, off + i * strides[d], nextHanging, nextWidth), elemWidth, hanging);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, "...", elemWidth, hanging);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, recurse(d + 1, off + (n - i) * strides[d], nextHanging, nextWidth), elemWidth, hanging);
        line += separator;
      }
      [s, line] = extendLine(s, line, recurse(d + 1, off + (n - 1) * strides[d], nextHanging, nextWidth), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = separator.trimEnd() + "\n".repeat(nd - d - 1);
      for (let i = 0; i < leading; i++) {
        s += hanging + recurse(d + 1, off + i * strides[d], nextHanging, nextWidth) + lineSep;
      }
      if (showSummary) s += hanging + "..." + lineSep;
      for (let i = trailing; i > 1; i--) {
        s += hanging + recurse(d + 1, off + (n - i) * strides[d], nextHanging, nextWidth) + lineSep;
      }
      s += hanging + recurse(d + 1, off + (n - 1) * strides[d], nextHanging, nextWidth);
    }
    return "[" + s.slice(hanging.length) + "]";
  };
  return recurse(0, a.offset, " ", LINE_WIDTH);
}
