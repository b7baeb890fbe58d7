/**
 * Differential fuzz of the linear-algebra family against NumPy 2.4.6
 * (fixtures/fuzz_linalg.json, written by fixtures/generate_fuzz_linalg.py:
 * seeded random calls with random dtypes, shapes, axes, options and special
 * values; every expected value and error message from NumPy).
 *
 * Comparisons:
 * * dtype and shape: exact (a NumPy scalar must come back as a JS scalar, a
 *   0-d NumPy array as a 0-d NDArray).
 * * int64 / bool results: exact.
 * * float products (dot, matmul, einsum, …): |ours − NumPy| ≤ 1e-12 · Σ|terms|
 *   (the generator stores NumPy's same product on |inputs|), non-finite
 *   results identical; copies/single operations (outer, kron, cross, tril,
 *   diagonal, trace, …): bit-exact.
 * * decompositions: NumPy's values within tolerances scaled by NumPy's
 *   condition number, plus invariants (A·V = V·Λ, U·S·Vh = A, QᵀQ = I, …);
 *   vectors compared up to sign; for inputs with NaN/Inf only the
 *   error/no-error outcome, dtype and shape are compared (LAPACK's NaN
 *   propagation is unspecified).
 * * errors: same class (ValueError → RangeError/Error, LinAlgError,
 *   AxisError, TypeError) and our message contains NumPy's.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { decode, loadFixture, type Encoded } from "./helpers.ts";

type NDArray = np.NDArray;
interface ArrArg { dtype: np.DType; shape: number[]; data: Encoded[] }
interface PyArg { py: "int" | "float" | "bool"; v: Encoded }
type Arg = ArrArg | PyArg | string | number | (number | number[])[];
interface ArrOut { shape: number[]; dtype: np.DType; data: Encoded[] }
interface ScalarOut { scalar: Encoded; dtype: np.DType; pyscalar: boolean }
type Out = ArrOut | ScalarOut | { error: string; type: string } | { tuple: Record<string, ArrOut | ScalarOut> } | { complex: true };
interface Case { fn: string; args: Arg[]; kw: Record<string, unknown>; out: Out; scale?: ArrOut | ScalarOut; meta?: { cond: Encoded | null } }

// FUZZ_LINALG_FIXTURE: replay a larger private run (see the generator's FUZZ_OUT).
const fx = process.env.FUZZ_LINALG_FIXTURE
  ? (JSON.parse(readFileSync(process.env.FUZZ_LINALG_FIXTURE, "utf8")) as ReturnType<typeof loadFixture<Case>>)
  : loadFixture<Case>("fuzz_linalg.json");

// ------------------------------------------------------------------ decoding

function isArr(a: Arg): a is ArrArg { return typeof a === "object" && a !== null && !Array.isArray(a) && "shape" in a; }
function isPy(a: Arg): a is PyArg { return typeof a === "object" && a !== null && !Array.isArray(a) && "py" in a; }

function toArray(a: ArrArg): NDArray {
  const data = a.dtype === "bool" ? Uint8Array.from(a.data, (v) => (v === true ? 1 : 0)) : Float64Array.from(a.data, (v) => Number(v));
  return new np.NDArray(data, a.shape, undefined, 0, a.dtype);
}
function arg(a: Arg): unknown {
  if (isArr(a)) return toArray(a);
  if (isPy(a)) return a.py === "bool" ? a.v === true : Number(a.v);
  return a;
}
function kwNum(v: unknown): unknown {
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "nan") return NaN;
  return v;
}
function opts(kw: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kw)) o[k] = kwNum(v);
  return o;
}

// ------------------------------------------------------------------ dispatch

/* eslint-disable @typescript-eslint/no-explicit-any */
const L = np.linalg as any;
const N = np as any;
function call(c: Case): unknown {
  const a = c.args.map(arg) as any[];
  const kw = opts(c.kw);
  const k = (name: string): any => kw[name];
  switch (c.fn) {
    case "dot": case "vdot": case "inner": case "outer": case "matmul": case "kron": return N[c.fn](a[0], a[1]);
    case "tensordot": return np.tensordot(a[0], a[1], a[2]);
    case "einsum": return np.einsum(a[0] as string, ...a.slice(1));
    case "cross": return np.cross(a[0], a[1], kw);
    case "trace": return np.trace(a[0], kw);
    case "diagonal": return np.diagonal(a[0], kw);
    case "tril": case "triu": return N[c.fn](...a);
    case "det": case "slogdet": case "inv": case "eig": case "eigvals": case "svdvals": case "matrix_transpose": return L[c.fn](a[0]);
    case "cholesky": return L.cholesky(a[0], kw);
    case "eigh": case "eigvalsh": return L[c.fn](a[0], k("UPLO"));
    case "svd": case "qr": case "pinv": case "matrix_rank": return L[c.fn](a[0], kw);
    case "lstsq": return L.lstsq(a[0], a[1], kw);
    case "solve": return L.solve(a[0], a[1]);
    case "matrix_power": return L.matrix_power(a[0], a[1]);
    case "norm": return L.norm(a[0], kw);
    case "cond": return L.cond(a[0], k("p"));
    case "vecdot": case "linalg.cross": return L[c.fn.replace("linalg.", "")](a[0], a[1], kw);
    case "vector_norm": case "matrix_norm": return L[c.fn](a[0], kw);
    case "linalg.diagonal": case "linalg.trace": return L[c.fn.slice(7)](a[0], kw);
    case "linalg.outer": return L.outer(a[0], a[1]);
  }
  throw new Error(`no dispatch for ${c.fn}`);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

// ------------------------------------------------------------------ comparison helpers

interface Got { kind: "scalar" | "array"; shape: number[]; dtype: string | null; values: number[] }
function got(r: unknown): Got {
  if (r instanceof np.NDArray) {
    const c = r.dtype === "bool" ? r : r;
    const flat = c.size === 0 ? [] : (c.reshape(-1).tolist() as (number | boolean)[]);
    return { kind: "array", shape: r.shape.slice(), dtype: r.dtype, values: flat.map((v) => (typeof v === "boolean" ? +v : v)) };
  }
  if (typeof r === "boolean") return { kind: "scalar", shape: [], dtype: "bool", values: [+r] };
  if (typeof r === "number") return { kind: "scalar", shape: [], dtype: null, values: [r] };
  throw new Error(`unexpected result ${String(r)}`);
}
function expVals(o: ArrOut | ScalarOut): number[] {
  return ("scalar" in o ? [o.scalar] : o.data).map((v) => { const d = decode(v); return typeof d === "boolean" ? +d : d; });
}
const fail = (msg: string): never => { throw new Error(msg); };

/** dtype and shape (and scalar-vs-array) exactly. */
function checkMeta(g: Got, e: ArrOut | ScalarOut, where: string): void {
  if ("scalar" in e) {
    if (g.kind !== "scalar") fail(`${where}: NumPy returns a scalar (${e.dtype}), got an array of shape (${g.shape}) ${g.dtype}`);
    if (g.dtype === "bool" && e.dtype !== "bool") fail(`${where}: got a boolean, NumPy ${e.dtype}`);
    if (e.dtype === "bool" && g.dtype !== "bool") fail(`${where}: NumPy returns a bool scalar, got a number`);
  } else {
    if (g.kind !== "array") fail(`${where}: NumPy returns an array of shape (${e.shape}) ${e.dtype}, got a scalar`);
    if (JSON.stringify(g.shape) !== JSON.stringify(e.shape)) fail(`${where}: shape (${g.shape}) != NumPy (${e.shape})`);
    if (g.dtype !== e.dtype) fail(`${where}: dtype ${g.dtype} != NumPy ${e.dtype}`);
  }
}

const stats = new Map<string, { calls: number; comparisons: number; exact: number; maxErr: number; failures: number }>();
function stat(fn: string) {
  let s = stats.get(fn);
  if (!s) stats.set(fn, (s = { calls: 0, comparisons: 0, exact: 0, maxErr: 0, failures: 0 }));
  return s;
}

/**
 * Element-wise comparison. tol(i) = allowed absolute error of element i, or 0 for bit-exact.
 * Non-finite expected values must be reproduced exactly (NaN ↔ NaN, ±inf sign); the relative error
 * (error / tolerance-scale) goes into the per-function maximum.
 */
function compareValues(fn: string, g: number[], e: number[], tol: (i: number) => number, where: string, relTo?: (i: number) => number): void {
  const s = stat(fn);
  if (g.length !== e.length) fail(`${where}: ${g.length} values != ${e.length}`);
  for (let i = 0; i < e.length; i++) {
    s.comparisons++;
    if (Object.is(g[i], e[i])) { s.exact++; continue; }
    const t = tol(i);
    const err = Math.abs(g[i] - e[i]);
    if (!Number.isFinite(e[i]) || !Number.isFinite(g[i]) || t === 0 || !(err <= t)) {
      if (t !== 0 && e[i] === 0 && g[i] === 0) { s.exact++; continue; } // ±0 inside a tolerance comparison
      fail(`${where}: element ${i}: got ${g[i]}, NumPy ${e[i]} (tolerance ${t})`);
    }
    const ref = relTo ? relTo(i) : Math.abs(e[i]);
    s.maxErr = Math.max(s.maxErr, ref > 0 ? err / ref : err);
  }
}

function errorClassOk(pyType: string, e: Error): boolean {
  switch (pyType) {
    case "LinAlgError": return e.name === "LinAlgError";
    case "AxisError": return e.name === "AxisError";
    case "TypeError": return e instanceof TypeError;
    case "IndexError": return e.name === "IndexError" || e instanceof RangeError;
    default: return e instanceof RangeError || e.name === "Error" || e.name === "LinAlgError";
  }
}

// ------------------------------------------------------------------ per-family checks

const PRODUCTS = new Set(["dot", "vdot", "inner", "matmul", "tensordot", "einsum", "vecdot", "matrix_power"]);
const EXACT = new Set(["outer", "kron", "cross", "trace", "diagonal", "tril", "triu", "matrix_transpose", "linalg.diagonal", "linalg.trace", "linalg.outer", "linalg.cross"]);

function hasNonFinite(c: Case): boolean {
  return c.args.some((a) => isArr(a) && a.dtype === "float64" && a.data.some((v) => !Number.isFinite(Number(v))));
}
function inputMat(c: Case): { A: NDArray; maxAbs: number } {
  const A = toArray(c.args[0] as ArrArg).astype("float64");
  let maxAbs = 0;
  for (const v of A.data as Float64Array) maxAbs = Math.max(maxAbs, Math.abs(v));
  return { A, maxAbs };
}
const condOf = (c: Case): number => (c.meta?.cond == null ? Infinity : Number(c.meta.cond));
const maxAbsOf = (v: number[]): number => v.reduce((m, x) => (Number.isFinite(x) ? Math.max(m, Math.abs(x)) : m), 0);
const asND = (x: unknown): NDArray => (x instanceof np.NDArray ? x : np.asarray(x as number));
const mm = (x: NDArray, y: NDArray): NDArray => np.matmul(x, y) as NDArray;
const sub = (x: NDArray, y: NDArray): NDArray => np.subtract(x, y) as NDArray;
function maxAbsND(x: NDArray): number {
  let m = 0;
  for (const v of (x.astype("float64").data as Float64Array)) m = Math.max(m, Number.isNaN(v) ? Infinity : Math.abs(v));
  return m;
}
function eyeLike(k: number): NDArray { return np.eye(k) as NDArray; }
function invariant(fn: string, err: number, bound: number, what: string): void {
  const s = stat(fn);
  s.comparisons++;
  if (!(err <= bound)) fail(`${what}: invariant error ${err} > ${bound}`);
  s.maxErr = Math.max(s.maxErr, bound > 0 ? (err / bound) * 1e-12 : 0); // reported as a fraction of the bound, scaled to 1e-12
}

/** Column-sign-insensitive comparison of vectors (columns of U/V/Q, rows of Vh). */
function compareUpToSign(fn: string, g: NDArray, e: ArrOut, tol: number, where: string, cols: boolean, count: number): void {
  const ev = expVals(e);
  const gv = got(g).values;
  const shape = e.shape;
  const r = shape[shape.length - 2];
  const cc = shape[shape.length - 1];
  const mats = r * cc === 0 ? 0 : ev.length / (r * cc);
  for (let b = 0; b < mats; b++) {
    const off = b * r * cc;
    const nvec = Math.min(count, cols ? cc : r);
    const len = cols ? r : cc;
    for (let j = 0; j < nvec; j++) {
      const at = (i: number): number => off + (cols ? i * cc + j : j * cc + i);
      let dot = 0;
      for (let i = 0; i < len; i++) dot += gv[at(i)] * ev[at(i)];
      const sg = dot < 0 ? -1 : 1;
      for (let i = 0; i < len; i++) {
        const err = Math.abs(sg * gv[at(i)] - ev[at(i)]);
        stat(fn).comparisons++;
        if (!(err <= tol)) fail(`${where}: vector ${j} element ${i}: got ${sg * gv[at(i)]}, NumPy ${ev[at(i)]} (tolerance ${tol})`);
        stat(fn).maxErr = Math.max(stat(fn).maxErr, err);
      }
    }
  }
}

function checkCase(c: Case): void {
  const s = stat(c.fn);
  s.calls++;
  const where = `${c.fn}`;
  let r: unknown;
  let thrown: Error | null = null;
  try {
    r = call(c);
  } catch (e) {
    thrown = e as Error;
  }
  const out = c.out;
  if ("complex" in out) {
    // eig/eigvals of a complex spectrum: our documented LinAlgError.
    if (!thrown || thrown.name !== "LinAlgError" || !/complex eigenvalues/.test(thrown.message)) {
      fail(`NumPy returns complex eigenvalues; expected our documented LinAlgError, got ${thrown ? thrown.message : "a result"}`);
    }
    s.comparisons++;
    s.exact++;
    return;
  }
  if ("error" in out) {
    // Numerically singular matrices: NumPy's LU may meet an exact zero pivot where ours does not (README).
    if (!thrown && out.error === "Singular matrix" && condOf(c) > 1e14) { s.comparisons++; return; }
    if (!thrown) fail(`NumPy raises ${out.type}: ${out.error}; we returned a result`);
    s.comparisons++;
    if (!thrown!.message.includes(out.error)) fail(`NumPy raises ${out.type}: ${JSON.stringify(out.error)}; we raise ${thrown!.name}: ${JSON.stringify(thrown!.message)}`);
    if (!errorClassOk(out.type, thrown!)) fail(`NumPy raises ${out.type}; we raise ${thrown!.name}`);
    s.exact++;
    return;
  }
  if (thrown) {
    // Numerically singular matrices: NumPy's LU may miss an exact zero pivot we hit (README).
    if (thrown.message === "Singular matrix" && condOf(c) > 1e14) { s.comparisons++; return; }
    fail(`NumPy returns a result; we raise ${thrown.name}: ${thrown.message}`);
  }
  const special = hasNonFinite(c);

  if ("tuple" in out) return checkTuple(c, r, out.tuple, special);
  const g = got(r);
  checkMeta(g, out, where);
  const e = expVals(out);
  if (out.dtype !== "float64") return compareValues(c.fn, g.values, e, () => 0, where);
  if (EXACT.has(c.fn)) return compareValues(c.fn, g.values, e, () => 0, where);
  if (PRODUCTS.has(c.fn) && c.scale) {
    const sc = expVals(c.scale);
    return compareValues(c.fn, g.values, e, (i) => 1e-12 * sc[i] + 1e-300, where, (i) => sc[i]);
  }
  if (c.fn === "norm" || c.fn === "vector_norm" || c.fn === "matrix_norm") {
    const o = (c.kw.ord ?? null) as unknown;
    const svdBased = o === 2 || o === -2 || o === "nuc";
    const isMatrix = c.fn === "matrix_norm" || (Array.isArray(c.kw.axis) && c.kw.axis.length === 2 && c.fn === "norm") || (c.kw.axis === undefined && (c.args[0] as ArrArg).shape.length === 2 && c.fn === "norm");
    if (special && svdBased && isMatrix) return; // LAPACK's NaN/Inf propagation in the SVD: outcome/shape only
    if (svdBased && isMatrix) {
      // singular values are accurate to ε·σ_max (σ_min of a singular matrix is rounding noise)
      const { maxAbs } = inputMat(c);
      const sh = (c.args[0] as ArrArg).shape;
      const dim = Math.max(...sh, 1);
      return compareValues(c.fn, g.values, e, (i) => 1e-13 * dim * (o === "nuc" ? Math.abs(e[i]) + maxAbs * dim : maxAbs * dim), where, (i) => Math.abs(e[i]) || 1);
    }
    return compareValues(c.fn, g.values, e, (i) => 1e-14 * Math.abs(e[i]), where);
  }
  const n = (c.args[0] as ArrArg).shape.at(-1) ?? 1;
  if (special) return;
  switch (c.fn) {
    case "det": {
      const { A } = inputMat(c);
      const nn = A.shape.at(-1)!;
      // Hadamard bound per matrix: ∏ row norms; absolute tolerance 1e-13·n·bound.
      const rows = np.linalg.norm(A, { axis: -1 }) as NDArray | number;
      const rv = typeof rows === "number" ? [rows] : Array.from(rows.data as Float64Array);
      const had: number[] = [];
      for (let b = 0; b < e.length; b++) { let p = 1; for (let i = 0; i < nn; i++) p *= rv[b * nn + i]; had.push(p); }
      return compareValues(c.fn, g.values, e, (i) => 1e-13 * Math.max(nn, 1) * had[i], where, (i) => had[i]);
    }
    case "inv": case "cholesky": case "pinv": {
      const k = condOf(c);
      const m = maxAbsOf(e);
      // numerically singular (κ·ε ≳ 1e-3): both inverses are rounding noise; dtype/shape only
      if (c.fn === "inv" && k > 1e13) return;
      const tol = k > 1e12 ? 1e-8 * m : 1e-13 * Math.max(n, 1) * Math.max(k, 1) * m;
      return compareValues(c.fn, g.values, e, () => tol, where, () => m);
    }
    case "solve": {
      const k = condOf(c);
      const m = maxAbsOf(e);
      return compareValues(c.fn, g.values, e, () => 1e-13 * Math.max(n, 1) * Math.max(k, 1) * m, where, () => m);
    }
    case "matrix_power": {
      const k = condOf(c);
      const p = Math.abs(c.args[1] as number);
      const m = maxAbsOf(e);
      // First order: A^-p inherits inv(A)'s relative error κ·ε, amplified once per factor (p·κ·ε).
      return compareValues(c.fn, g.values, e, () => 1e-13 * Math.max(n, 1) * p * Math.max(k, 1) * m, where, () => m);
    }
    case "eigvalsh": case "svdvals": case "eigvals": {
      const { maxAbs } = inputMat(c);
      const tol = (c.fn === "eigvals" ? 1e-9 : 1e-13) * Math.max(n, 1) * maxAbs;
      if (c.fn === "eigvals") {
        // LAPACK's order: compare as sorted sets (order is checked in linalg3's stable cases).
        const srt = (v: number[]) => v.slice().sort((x, y) => x - y);
        const gg = g.values, ee = e;
        const per = n || 1;
        const gs: number[] = [], es: number[] = [];
        for (let b = 0; b < ee.length; b += per) { gs.push(...srt(gg.slice(b, b + per))); es.push(...srt(ee.slice(b, b + per))); }
        return compareValues(c.fn, gs, es, () => tol, where, () => maxAbs);
      }
      return compareValues(c.fn, g.values, e, () => tol, where, () => maxAbs);
    }
    case "matrix_rank": return compareValues(c.fn, g.values, e, () => 0, where);
    case "svd": { // compute_uv=False: S
      const { maxAbs } = inputMat(c);
      const sh = (c.args[0] as ArrArg).shape;
      return compareValues(c.fn, g.values, e, () => 1e-13 * Math.max(sh.at(-1)!, sh.at(-2)!, 1) * maxAbs, where, () => maxAbs);
    }
    case "qr": { // mode "r": R rows up to sign (well-conditioned, m ≥ n), R upper triangular
      const { A, maxAbs } = inputMat(c);
      const Rr = r as NDArray;
      invariant(c.fn, maxAbsND(sub(Rr, np.triu(Rr))), 0, "qr: R upper triangular");
      const [mm_, nn] = A.shape.slice(-2);
      const kk = condOf(c);
      if (kk < 1e8 && mm_ >= nn) compareUpToSign(c.fn, Rr, out as ArrOut, 1e-13 * Math.max(mm_, nn) * kk * maxAbs, "qr.R (rows up to sign)", false, Math.min(mm_, nn));
      return;
    }
    case "cond": {
      const k = condOf(c);
      return compareValues(c.fn, g.values, e, (i) => 1e-12 * Math.max(n, 1) * Math.max(k, 1) * Math.abs(e[i]), where);
    }
  }
  fail(`no float comparison rule for ${c.fn}`);
}

function checkTuple(c: Case, r: unknown, t: Record<string, ArrOut | ScalarOut>, special: boolean): void {
  const fn = c.fn;
  const R = r as Record<string, unknown>;
  if (fn === "qr" && !(R && typeof R === "object" && "Q" in R) && "R" in t && !("Q" in t)) return; // unreachable: mode r returns an array
  for (const [name, e] of Object.entries(t)) {
    if (!(name in (R as object))) fail(`${fn}: result has no field ${name}`);
    checkMeta(got(R[name]), e, `${fn}.${name}`);
  }
  if (special) return;
  const { A, maxAbs } = inputMat(c);
  const m = A.shape.at(-2) ?? 0;
  const n = A.shape.at(-1) ?? 0;
  const dim = Math.max(m, n, 1);
  switch (fn) {
    case "slogdet": {
      const sg = got(R.sign).values, se = expVals(t.sign);
      const lg = got(R.logabsdet).values, le = expVals(t.logabsdet);
      // log of the Hadamard bound per matrix
      const rows = np.linalg.norm(A, { axis: -1 }) as NDArray | number;
      const rv = typeof rows === "number" ? [rows] : Array.from(rows.data as Float64Array);
      for (let b = 0; b < se.length; b++) {
        let logHad = 0;
        for (let i = 0; i < n; i++) logHad += Math.log(rv[b * n + i]);
        const relDet = 1e-13 * dim * Math.exp(logHad - le[b]); // allowed relative error of |det|
        stat(fn).comparisons += 2;
        if (le[b] === -Infinity && lg[b] === -Infinity && sg[b] === se[b]) continue;
        if (relDet > 1e-3 || !Number.isFinite(le[b])) {
          // (numerically) singular: both must say |det| is tiny relative to the bound
          if (!(lg[b] - logHad < Math.log(1e-10))) fail(`slogdet[${b}]: NumPy logabsdet ${le[b]} (singular), ours ${lg[b]}`);
          continue;
        }
        if (sg[b] !== se[b]) fail(`slogdet[${b}]: sign ${sg[b]} != NumPy ${se[b]}`);
        const err = Math.abs(lg[b] - le[b]);
        if (!(err <= 2 * relDet + 1e-14)) fail(`slogdet[${b}]: logabsdet ${lg[b]} vs NumPy ${le[b]}`);
        stat(fn).maxErr = Math.max(stat(fn).maxErr, err);
      }
      return;
    }
    case "eigh": case "eig": {
      const w = asND(R.eigenvalues);
      const V = asND(R.eigenvectors);
      const tolW = (fn === "eig" ? 1e-9 : 1e-13) * dim * Math.max(maxAbs, 1e-300);
      let As = A;
      if (fn === "eigh") {
        const up = c.kw.UPLO === "U";
        const tri = (up ? np.triu(A) : np.tril(A)) as NDArray;
        const d = np.diagonal(A, { axis1: -2, axis2: -1 });
        As = sub(np.add(tri, mT(tri)) as NDArray, diagEmbed(d));
        compareValues(fn, got(w).values, expVals(t.eigenvalues), () => tolW, `${fn}.eigenvalues`, () => maxAbs);
      } else {
        const srt = (v: number[]) => v.slice().sort((x, y) => x - y);
        const per = n || 1;
        const gv = got(w).values, ev = expVals(t.eigenvalues);
        const gs: number[] = [], es: number[] = [];
        for (let b = 0; b < ev.length; b += per) { gs.push(...srt(gv.slice(b, b + per))); es.push(...srt(ev.slice(b, b + per))); }
        compareValues(fn, gs, es, () => tolW, `${fn}.eigenvalues`, () => maxAbs);
      }
      if (n === 0 || A.size === 0) return;
      // A·V = V·diag(w)
      const AV = mm(As, V);
      const VW = np.multiply(V, w.reshape([...w.shape.slice(0, -1), 1, n])) as NDArray;
      invariant(fn, maxAbsND(sub(AV, VW)), (fn === "eig" ? 1e-10 : 1e-13) * dim * Math.max(maxAbs, 1e-300) * (fn === "eig" ? Math.max(1, maxAbsND(V) * 10) : 1), `${fn}: A·V − V·Λ`);
      if (fn === "eigh") invariant(fn, maxAbsND(sub(mm(mT(V), V), eyeLike(n))), 1e-13 * dim, `${fn}: VᵀV − I`);
      return;
    }
    case "svd": {
      const S = asND(R.S);
      const k = Math.min(m, n);
      compareValues(fn, got(S).values, expVals(t.S), () => 1e-13 * dim * maxAbs, "svd.S", () => maxAbs);
      if (k === 0) return;
      const U = asND(R.U), Vh = asND(R.Vh);
      const herm = c.kw.hermitian === true;
      const uk = herm ? U : (U.get("...", np.slice(0, k)) as NDArray);
      const vk = herm ? Vh : (Vh.get("...", np.slice(0, k), ":") as NDArray);
      const rec = mm(np.multiply(uk, S.reshape([...S.shape.slice(0, -1), 1, S.shape.at(-1)!])) as NDArray, vk);
      const As = herm ? sub(np.add(np.tril(A), mT(np.tril(A))) as NDArray, diagEmbed(np.diagonal(A, { axis1: -2, axis2: -1 }))) : A;
      invariant(fn, maxAbsND(sub(rec, As)), 1e-13 * dim * dim * maxAbs, "svd: U·S·Vh − A");
      invariant(fn, maxAbsND(sub(mm(mT(U), U), eyeLike(U.shape.at(-1)!))), 1e-13 * dim, "svd: UᵀU − I");
      invariant(fn, maxAbsND(sub(mm(Vh, mT(Vh)), eyeLike(Vh.shape.at(-2)!))), 1e-13 * dim, "svd: Vh·Vhᵀ − I");
      return;
    }
    case "qr": {
      const Q = asND(R.Q), Rr = asND(R.R);
      const k = Math.min(m, n);
      if (k === 0) return;
      invariant(fn, maxAbsND(sub(mm(Q, Rr), A)), 1e-13 * dim * dim * maxAbs, "qr: Q·R − A");
      invariant(fn, maxAbsND(sub(mm(mT(Q), Q), eyeLike(Q.shape.at(-1)!))), 1e-13 * dim, "qr: QᵀQ − I");
      invariant(fn, maxAbsND(sub(Rr, np.triu(Rr))), 0, "qr: R upper triangular");
      const kk = condOf(c);
      if (kk < 1e8 && m >= n) {
        compareUpToSign(fn, Rr, t.R as ArrOut, 1e-13 * dim * kk * maxAbs, "qr.R (rows up to sign)", false, k);
        compareUpToSign(fn, Q, t.Q as ArrOut, 1e-13 * dim * kk, "qr.Q (columns up to sign)", true, k);
      }
      return;
    }
    case "lstsq": {
      const ge = (name: string) => got(R[name]).values;
      compareValues(fn, ge("rank"), expVals(t.rank), () => 0, "lstsq.rank");
      compareValues(fn, ge("s"), expVals(t.s), () => 1e-13 * dim * maxAbs, "lstsq.s", () => maxAbs);
      const kk = condOf(c);
      const rankDef = expVals(t.rank)[0] < Math.min(m, n);
      const xe = expVals(t.x);
      // scale of x: max |x|, or ‖b‖∞ / (smallest singular value kept) when x cancels to ~0
      const sv = expVals(t.s);
      const rk = expVals(t.rank)[0];
      const bmax = maxAbsND(toArray(c.args[1] as ArrArg).astype("float64"));
      const mx = Math.max(maxAbsOf(xe), rk > 0 ? bmax / sv[rk - 1] : 0);
      const tol = rankDef || kk > 1e12 ? 1e-8 * mx : 1e-13 * dim * Math.max(kk, 1) * mx;
      compareValues(fn, ge("x"), xe, () => tol + 1e-300, "lstsq.x", () => mx);
      const re = expVals(t.residuals);
      const B = toArray(c.args[1] as ArrArg).astype("float64");
      const bb = maxAbsND(B) ** 2 * Math.max(m, 1);
      compareValues(fn, ge("residuals"), re, () => 1e-12 * Math.max(kk, 1) * Math.max(bb, 1e-300), "lstsq.residuals", () => bb);
      return;
    }
  }
  fail(`no tuple rule for ${fn}`);
}

function diagEmbed(d: NDArray): NDArray {
  const n = d.shape.at(-1)!;
  return np.multiply(d.reshape([...d.shape, 1]), np.eye(n)) as NDArray;
}
function mT(x: NDArray): NDArray {
  return np.swapaxes(x, -1, -2) as NDArray;
}

// ------------------------------------------------------------------ run

const failures: string[] = [];
afterAll(() => {
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  let calls = 0, comps = 0;
  const lines = rows.map(([k, s]) => {
    calls += s.calls;
    comps += s.comparisons;
    return `  ${k.padEnd(18)} calls ${String(s.calls).padStart(4)}  comparisons ${String(s.comparisons).padStart(6)}  bit-exact ${String(s.exact).padStart(6)}  max rel err ${s.maxErr.toExponential(2)}  failures ${s.failures}`;
  });
  try {
    const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "test-results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "fuzz-linalg-failures.txt"), failures.join("\n") + "\n");
  } catch {
    // read-only checkout: the assertion output is enough
  }
  console.log(`[fuzz-linalg] NumPy ${fx.numpy}: ${calls} calls, ${comps} comparisons, ${failures.length} failures\n${lines.join("\n")}`);
});

describe("fuzz: linear algebra vs NumPy 2.4.6", () => {
  const byFn = new Map<string, Case[]>();
  for (const c of fx.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);
  for (const [fn, cases] of byFn) {
    it(`${fn} (${cases.length} calls)`, () => {
      const bad: string[] = [];
      cases.forEach((c, i) => {
        try {
          checkCase(c);
        } catch (e) {
          stat(fn).failures++;
          const msg = `#${i} ${fn}(${c.args.map((a) => (isArr(a) ? `${a.dtype}${JSON.stringify(a.shape)}` : JSON.stringify(a))).join(", ")}${Object.keys(c.kw).length ? ", " + JSON.stringify(c.kw) : ""}): ${(e as Error).message}`;
          bad.push(msg);
          failures.push(msg);
        }
      });
      expect(bad.slice(0, 25).join("\n")).toBe("");
    });
  }
});

// ------------------------------------------------------------------ regressions (found by this fuzz; values from NumPy 2.4.6)

describe("fuzz-linalg regressions", () => {
  const f = (x: number[]) => np.array(x);
  const i64 = (x: unknown) => np.array(x as number[], { dtype: "int64" });
  const vals = (r: unknown) => (r instanceof np.NDArray ? (r.reshape(-1).tolist() as number[]) : [r as number]);
  const msg = (fn: () => unknown): string => { try { fn(); } catch (e) { return (e as Error).message; } return "no error"; };

  it("JS integers are weak scalars in dot/inner/outer/kron/tensordot (np.dot(int_arr, 2) is int64)", () => {
    expect((np.dot(i64([[1, 2, 3]]), 2) as NDArray).dtype).toBe("int64");
    expect((np.inner(2, np.array([true, false])) as NDArray).dtype).toBe("int64");
    expect(np.outer(i64([1, 2]), -3).dtype).toBe("int64");
    expect((np.kron(np.array([true]), -2) as NDArray).dtype).toBe("int64");
    expect(np.tensordot(3, i64([[1, 2]]), 0).dtype).toBe("int64");
    expect(np.kron(1, np.array(2.5))).toBe(2.5); // both 0-d: NumPy returns a scalar
  });
  it("dot/inner with a size-0 contraction and N-d operands", () => {
    const r = np.dot(np.zeros([2, 1, 0]), np.zeros([0, 4], { dtype: "int64" })) as NDArray;
    expect(r.shape).toEqual([2, 1, 4]);
    expect((np.inner(np.zeros([4, 0]), np.zeros([2, 0])) as NDArray).shape).toEqual([4, 2]);
  });
  it("inner's shape error names b with its last two axes swapped", () => {
    expect(msg(() => np.inner(f([1]), np.zeros([4, 2])))).toBe("shapes (1,) and (2,4) not aligned: 1 (dim 0) != 2 (dim 0)");
  });
  it("float dot by a one-element operand is BLAS axpy: 0·inf skipped, −0 → +0 (one-element result: plain product)", () => {
    expect(vals(np.dot(f([Infinity, -0, 1, NaN]), 0))).toEqual([0, 0, 0, 0]);
    expect(vals(np.dot(f([Infinity, -0, 1, NaN]), -1)).map(String)).toEqual(["-Infinity", "0", "-1", "NaN"]);
    expect(Object.is(np.dot(f([-0]), f([1])), -0)).toBe(true);
    expect(vals(np.dot(f([Infinity]), 0))).toEqual([NaN]);
    expect(vals(np.tensordot(np.array([[[false]]]), f([Infinity, 2]), 0))).toEqual([0, 0]);
    expect(Object.is(np.vdot(f([-0]), f([1])), 0)).toBe(true); // vdot is ddot: +0
  });
  it("cross with bool operands raises NumPy's error after the shape checks", () => {
    expect(msg(() => np.cross(np.array([true, false]), np.array([true, true, false])))).toContain("The numpy boolean negative");
    expect(msg(() => np.cross(np.array([true, false, true, true]), np.array([true, true, false])))).toBe("incompatible dimensions for cross product\n(dimension must be 2 or 3)");
    expect(msg(() => np.cross(np.array([true, false]), np.array([[true, true]]), { axisa: 3 }))).toBe("axisa: axis 3 is out of bounds for array of dimension 1");
  });
  it("einsum error wording (single-operand view path, remapped shapes)", () => {
    expect(msg(() => np.einsum("bb->b", np.zeros([2, 1])))).toBe("dimensions in single operand for collapsing index 'b' don't match (2 != 1)");
    expect(msg(() => np.einsum("eeb->b", np.zeros([4, 3, 3])))).toBe("dimensions in operand 0 for collapsing index 'e' don't match (4 != 3)");
    expect(msg(() => np.einsum("c,dc", np.zeros([4]), np.zeros([0, 3])))).toContain("(4,)->(4) (0,3)->(0,3) ");
    expect(msg(() => np.einsum("a,a->a", np.zeros([4]), np.zeros([3])))).toContain("(4,)->(4,) (3,)->(3,) ");
  });
  it("matmul / solve batch-broadcast errors use NumPy's remapped-shape wording", () => {
    expect(msg(() => np.matmul(np.ones([2, 3, 4]), np.ones([3, 4, 5])))).toBe("operands could not be broadcast together with remapped shapes [original->remapped]: (2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)");
    expect(msg(() => np.linalg.solve(np.ones([3, 2, 2, 2]), np.ones([3, 2, 2])))).toBe("operands could not be broadcast together with remapped shapes [original->remapped]: (3,2,2,2)->(3,2,newaxis,newaxis) (3,2,2)->(3,newaxis,newaxis)  and requested shape (2,2)");
  });
  it("cholesky: NaN pivots give NaN (OpenBLAS), upper=true reads the upper triangle", () => {
    expect(vals(np.linalg.cholesky([[4, 1], [1, NaN]])).map(String)).toEqual(["2", "0", "0.5", "NaN"]);
    expect(vals(np.linalg.cholesky([[4, -1], [5, 9]], { upper: true }))).toEqual([2, -0.5, 0, 2.958039891549808]);
  });
  it("pinv of an empty int/bool matrix keeps its dtype; rtol=null on integers raises as NumPy", () => {
    expect(np.linalg.pinv(np.zeros([0, 2], { dtype: "bool" })).dtype).toBe("bool");
    expect(msg(() => np.linalg.pinv(i64([[1, 2]]), { rtol: null }))).toBe("data type <class 'numpy.int64'> not inexact");
  });
  it("norm: min over an empty axis raises even when the result is empty", () => {
    expect(msg(() => np.linalg.norm(np.zeros([0, 0]), -Infinity, 0))).toBe("zero-size array to reduction operation minimum which has no identity");
    expect(msg(() => np.linalg.norm(np.zeros([0, 4, 0]), -2, [1, 0]))).toBe("zero-size array to reduction operation minimum which has no identity");
  });
  it("svd of a graded matrix: singular values 1e-170 below the largest keep their relative accuracy", () => {
    // NumPy 2.4.6: np.linalg.svd(A, compute_uv=False) → [1.0, 3.618033988749896e-170, 1.3819660112501047e-170];
    // squaring the scaled entries (1e-340) would underflow and leave the column norms √10e-170, √5e-170.
    const A = [[1, 0, 0], [0, 1e-170, 2e-170], [0, 3e-170, 1e-170]];
    const expected = [1.0, 3.618033988749896e-170, 1.3819660112501047e-170];
    vals(np.linalg.svd(A, { compute_uv: false })).forEach((v, i) => expect(Math.abs(v - expected[i]) / expected[i]).toBeLessThan(1e-14));
    const { U, S, Vh } = np.linalg.svd(A);
    const back = vals(np.matmul(np.matmul(U, np.diag(S)), Vh));
    A.flat().forEach((v, i) => expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(1e-14 * Math.abs(v)));
  });
  it("NumPy 2 array-API names", () => {
    expect(np.linalg.matrix_transpose(np.zeros([2, 3, 4])).shape).toEqual([2, 4, 3]);
    expect(msg(() => np.linalg.vecdot(np.ones([2, 3]), np.ones([3]), { axis: 0 }))).toBe("vecdot: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n),(n)->() (size 3 is different from 2)");
    expect(vals(np.linalg.vecdot(np.array([[true, false], [false, false]]), np.array([true, true])))).toEqual([true, false]);
    expect(np.linalg.vector_norm(np.array(true), { keepdims: true })).toBe(1);
    expect(msg(() => np.linalg.outer(np.zeros([2, 2]), np.zeros([2])))).toBe("Input arrays must be one-dimensional, but they are x1.ndim=2 and x2.ndim=1.");
  });
});
