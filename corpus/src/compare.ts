/**
 * Outcome rules: how a TypeScript result is judged against NumPy's golden.
 *
 * - exact: same value bit for bit; NaN equals NaN; −0 equals +0 unless `signed_zero`.
 * - ulp: at most `max` (default 4) units in the last place apart; NaN equals NaN;
 *   an infinity only equals itself.
 * - allclose: |actual − expected| ≤ atol + rtol·|expected| (NumPy's asymmetric
 *   isclose, the golden as the reference), defaults rtol 1e-12, atol 0; NaN equals NaN.
 * - invariant: named mathematical checks for results unique only up to sign or order.
 * - error: both languages raise.
 * Integer and boolean results are always compared exactly. Complex results (kind c)
 * are compared part by part with the same rule.
 */
import type { GoldenOutput, GoldenToken } from "./golden.ts";
export type { GoldenOutput };
import { DEFAULTS, type InvariantCheckData, type OutcomeData } from "./schema.ts";
import { decodeScalar, type ResolvedInput, type Scalar } from "./values.ts";

/** A complex number as plain data: NumPy's `.real` and `.imag`. */
export interface ComplexValue {
  real: number;
  imag: number;
}

export type TsScalar = number | boolean | ComplexValue;

/** A TypeScript result after it crossed the worker boundary. */
export type TsValue =
  | { kind: "scalar"; value: TsScalar }
  | { kind: "ndarray"; dtype: string; shape: number[]; values: TsScalar[] }
  | { kind: "list"; shape: number[]; values: (number | boolean)[] }
  | { kind: "other"; description: string };

function isComplexValue(v: unknown): v is ComplexValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as ComplexValue).real === "number" && typeof (v as ComplexValue).imag === "number";
}

/** A golden element as a value: a number, a boolean, or a complex pair. */
export function decodeGolden(token: GoldenToken): TsScalar {
  if (typeof token === "object") return { real: decodeScalar(token.complex[0]) as number, imag: decodeScalar(token.complex[1]) as number };
  return decodeScalar(token);
}

/** A golden element where only real values make sense (invariant checks). */
function decodeReal(token: GoldenToken): Scalar {
  if (typeof token === "object") throw new Error("invariant checks take real values, not complex ones");
  return decodeScalar(token);
}

function shapeOfList(v: unknown[]): { shape: number[]; values: (number | boolean)[] } | undefined {
  const shape: number[] = [];
  for (let x: unknown = v; Array.isArray(x); x = x[0]) {
    shape.push(x.length);
    if (!x.length) break;
  }
  const flat = v.flat(Infinity) as unknown[];
  if (flat.length !== shape.reduce((a, b) => a * b, 1) || flat.some((x) => typeof x !== "number" && typeof x !== "boolean")) return undefined;
  return { shape, values: flat as (number | boolean)[] };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `an object (${(value as object).constructor?.name ?? "Object"})`;
  return `a ${typeof value}`;
}

/** Turns a TypeScript result into a TsValue, reading arrays through their public API only (dtype, shape, tolist). */
export function serialise(value: unknown): TsValue {
  if (typeof value === "number" || typeof value === "boolean") return { kind: "scalar", value };
  // A complex scalar (the core's Complex, or any { real, imag } of numbers) crosses as plain data.
  if (isComplexValue(value)) return { kind: "scalar", value: { real: value.real, imag: value.imag } };
  if (value && typeof value === "object" && "dtype" in value && "shape" in value && typeof (value as { tolist?: unknown }).tolist === "function") {
    const arr = value as { dtype: string; shape: number[]; tolist(): unknown };
    const list = arr.tolist();
    const values = (Array.isArray(list) ? list.flat(Infinity) : [list]) as (number | boolean)[];
    return { kind: "ndarray", dtype: String(arr.dtype), shape: [...arr.shape], values };
  }
  if (Array.isArray(value)) {
    const shaped = shapeOfList(value);
    return shaped ? { kind: "list", ...shaped } : { kind: "other", description: "a ragged or non-numeric list" };
  }
  return { kind: "other", description: describe(value) };
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Position of a double on the number line of representable doubles (−0 and +0 share 0). */
function ordinal(x: number): bigint {
  f64[0] = x;
  const bits = i64[0];
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** Units in the last place between two doubles; Infinity when incomparable (NaN against a number). */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

export function formatNumber(v: TsScalar): string {
  if (typeof v === "boolean") return String(v);
  if (typeof v === "object") return `(${formatNumber(v.real)}, ${formatNumber(v.imag)}j)`;
  return Object.is(v, -0) ? "-0" : String(v);
}

function elementProblem(got: TsScalar, want: TsScalar, outcome: OutcomeData, integral: boolean): string | undefined {
  if (typeof want === "object" || typeof got === "object") {
    if (typeof want !== "object" || typeof got !== "object") return `got ${formatNumber(got)}, expected ${formatNumber(want)} (complex against real)`;
    const re = elementProblem(got.real, want.real, outcome, false);
    const im = elementProblem(got.imag, want.imag, outcome, false);
    if (!re && !im) return undefined;
    return [re && `real part: ${re}`, im && `imaginary part: ${im}`].filter(Boolean).join("; ");
  }
  if (typeof want === "boolean" || typeof got === "boolean") {
    return got === want ? undefined : `got ${formatNumber(got)}, expected ${formatNumber(want)}`;
  }
  const miss = (why: string) => `got ${formatNumber(got)}, expected ${formatNumber(want)} (${why})`;
  if (Number.isNaN(want) || Number.isNaN(got)) return Number.isNaN(want) && Number.isNaN(got) ? undefined : miss("NaN on one side only");
  const rule = integral ? "exact" : outcome.rule;
  if (rule === "ulp") {
    const max = outcome.rule === "ulp" ? (outcome.max ?? DEFAULTS.ulp) : DEFAULTS.ulp;
    const d = ulpDistance(got, want);
    return d <= max ? undefined : miss(`${Number.isFinite(d) ? d : "∞"} ulp > ${max} allowed`);
  }
  if (rule === "allclose") {
    const rtol = outcome.rule === "allclose" ? (outcome.rtol ?? DEFAULTS.rtol) : DEFAULTS.rtol;
    const atol = outcome.rule === "allclose" ? (outcome.atol ?? DEFAULTS.atol) : DEFAULTS.atol;
    if (!Number.isFinite(want) || !Number.isFinite(got)) return got === want ? undefined : miss("infinities must match exactly");
    const err = Math.abs(got - want);
    const allowed = atol + rtol * Math.abs(want);
    return err <= allowed ? undefined : miss(`|difference| ${err.toPrecision(3)} > atol ${atol} + rtol ${rtol} × |expected|`);
  }
  // exact (and the element-wise part of anything else)
  if (got === want) {
    const signed = outcome.rule === "exact" && outcome.signed_zero;
    if (signed && got === 0 && !Object.is(got, want)) return miss("sign of zero differs, and this case asks for it");
    return undefined;
  }
  return miss(integral ? "integers must match exactly" : `${Number.isFinite(ulpDistance(got, want)) ? ulpDistance(got, want) : "∞"} ulp > 0 allowed`);
}

function indexLabel(name: string, shape: readonly number[], flat: number): string {
  if (shape.length === 0) return name;
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return `${name}[${idx.join(", ")}]`;
}

const KIND_FOR_DTYPE: Record<string, string> = { float64: "f", int64: "i", bool: "b", complex128: "c" };
const MAX_REPORTED = 3;

/** Everything wrong with one output, as readable lines; empty when it matches. */
export function compareOutput(name: string, got: TsValue, want: GoldenOutput, outcome: OutcomeData): string[] {
  const wantKind = want.kind === "u" ? "i" : want.kind;
  const wantText = `${want.dtype}${want.shape.length ? ` array of shape (${want.shape.join(", ")})` : " scalar"}`;
  if (got.kind === "other") return [`${name}: got ${got.description}, expected a ${wantText}`];
  const shape = got.kind === "scalar" ? [] : got.shape;
  const values = got.kind === "scalar" ? [got.value] : got.values;
  if (got.kind === "ndarray") {
    const kind = KIND_FOR_DTYPE[got.dtype];
    if (kind !== wantKind) return [`${name}: got dtype ${got.dtype}, expected ${want.dtype} (NumPy dtype kind "${want.kind}")`];
  } else {
    const isBool = values.length > 0 && typeof values[0] === "boolean";
    const isComplex = values.length > 0 && typeof values[0] === "object";
    if (values.length && isComplex !== (wantKind === "c")) return [`${name}: got ${isComplex ? "a complex number" : isBool ? "booleans" : "real numbers"}, expected ${wantText}`];
    if (values.length && isBool !== (wantKind === "b")) return [`${name}: got ${isBool ? "booleans" : "numbers"}, expected ${wantText}`];
  }
  if (shape.length !== want.shape.length || shape.some((s, i) => s !== want.shape[i])) {
    return [`${name}: got shape (${shape.join(", ")}), expected (${want.shape.join(", ")})`];
  }
  const integral = wantKind === "i" || wantKind === "b";
  const problems: string[] = [];
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const p = elementProblem(values[i], decodeGolden(want.values[i]), outcome, integral);
    if (!p) continue;
    if (count++ < MAX_REPORTED) problems.push(`${indexLabel(name, shape, i)}: ${p}`);
  }
  if (count > MAX_REPORTED) problems.push(`${name}: ${count - MAX_REPORTED} more element${count - MAX_REPORTED === 1 ? "" : "s"} differ (${count} of ${values.length})`);
  return problems;
}

/* ---------- invariant checks: small, independent linear algebra ---------- */

interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

function asMatrix(label: string, v: { shape: number[]; values: TsScalar[] }): Matrix {
  if (v.values.some((x) => typeof x === "object")) throw new Error(`${label} is complex; invariant checks take real values`);
  const [rows, cols] = v.shape.length === 2 ? v.shape : v.shape.length === 1 ? [v.shape[0], 1] : [1, 1];
  if (v.shape.length > 2) throw new Error(`${label} has ${v.shape.length} dimensions; invariant checks take vectors and matrices`);
  return { rows, cols, data: Float64Array.from(v.values, Number) };
}

function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`cannot multiply ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k];
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j] += aik * b.data[k * b.cols + j];
    }
  return { rows: a.rows, cols: b.cols, data: out };
}

function transpose(a: Matrix): Matrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data: out };
}

function identity(n: number): Matrix {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { rows: n, cols: n, data };
}

function closeMatrices(label: string, got: Matrix, want: Matrix, rtol: number, atol: number): string[] {
  if (got.rows !== want.rows || got.cols !== want.cols) return [`${label}: shape ${got.rows}×${got.cols}, expected ${want.rows}×${want.cols}`];
  const scale = want.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  for (let i = 0; i < got.data.length; i++) {
    const err = Math.abs(got.data[i] - want.data[i]);
    // Invariants compare whole matrices: the tolerance scales with the largest entry.
    if (!(err <= atol + rtol * scale)) return [`${label}: element ${i} is ${got.data[i]}, expected ${want.data[i]} (|difference| ${err.toPrecision(3)} > atol ${atol} + rtol ${rtol} × max|expected| ${scale})`];
  }
  return [];
}

export interface InvariantContext {
  outputs: Record<string, TsValue>;
  inputs: Record<string, ResolvedInput>;
  golden: Record<string, GoldenOutput>;
}

function valueOf(ctx: InvariantContext, name: string): { shape: number[]; values: TsScalar[] } {
  const out = ctx.outputs[name];
  if (out) {
    if (out.kind === "other") throw new Error(`${name} is ${out.description}`);
    return out.kind === "scalar" ? { shape: [], values: [out.value] } : out;
  }
  const input = ctx.inputs[name];
  if (input) return { shape: input.shape, values: input.values };
  throw new Error(`no output or input named ${name}`);
}

function factor(ctx: InvariantContext, term: string): Matrix {
  const diag = /^diag\((\w+)\)$/.exec(term);
  if (diag) {
    const v = valueOf(ctx, diag[1]).values.map(Number);
    const data = new Float64Array(v.length * v.length);
    v.forEach((x, i) => (data[i * v.length + i] = x));
    return { rows: v.length, cols: v.length, data };
  }
  const t = /^(\w+)\.T$/.exec(term);
  return t ? transpose(asMatrix(t[1], valueOf(ctx, t[1]))) : asMatrix(term, valueOf(ctx, term));
}

export function checkInvariant(check: InvariantCheckData, ctx: InvariantContext): string[] {
  try {
    switch (check.check) {
      case "sorted": {
        const v = valueOf(ctx, check.of).values.map(Number);
        for (let i = 1; i < v.length; i++) {
          const ok = check.order === "ascending" ? v[i - 1] <= v[i] : v[i - 1] >= v[i];
          if (!ok) return [`${check.of}: not ${check.order} at ${i - 1}, ${i} (${v[i - 1]}, ${v[i]})`];
        }
        return [];
      }
      case "orthonormal-columns": {
        const q = asMatrix(check.of, valueOf(ctx, check.of));
        const qtq = matmul(transpose(q), q);
        return closeMatrices(`${check.of}ᵀ${check.of} = I`, qtq, identity(q.cols), 0, check.atol ?? 1e-12 * Math.max(1, q.rows));
      }
      case "reconstructs": {
        const product = check.product.map((t) => factor(ctx, t)).reduce(matmul);
        const target = check.equals === "identity" ? identity(product.rows) : asMatrix(check.equals, valueOf(ctx, check.equals));
        return closeMatrices(`${check.product.join(" @ ")} = ${check.equals}`, product, target, check.rtol ?? 1e-12, check.atol ?? 0);
      }
      case "close":
      case "close-up-to-column-sign": {
        const got = asMatrix(check.of, valueOf(ctx, check.of));
        const golden = ctx.golden[check.of];
        if (!golden) return [`${check.of}: no golden output to compare with`];
        const want = asMatrix(check.of, { shape: golden.shape, values: golden.values.map(decodeReal) });
        if (check.check === "close-up-to-column-sign" && got.rows === want.rows && got.cols === want.cols) {
          for (let j = 0; j < got.cols; j++) {
            let dot = 0;
            for (let i = 0; i < got.rows; i++) dot += got.data[i * got.cols + j] * want.data[i * want.cols + j];
            if (dot < 0) for (let i = 0; i < got.rows; i++) got.data[i * got.cols + j] = -got.data[i * got.cols + j];
          }
        }
        return closeMatrices(check.of, got, want, check.rtol ?? 1e-12, check.atol ?? 0);
      }
    }
  } catch (err) {
    return [`invariant ${check.check}: ${err instanceof Error ? err.message : String(err)}`];
  }
}
