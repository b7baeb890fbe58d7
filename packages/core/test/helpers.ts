/**
 * Fixture loading and bit-level comparison helpers for the tests.
 * Expected values always come from fixtures/*.json (written by NumPy through
 * fixtures/generate.py), never from the implementation.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NDArray, type DType } from "../src/index.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, "..", "fixtures");

export type Encoded = string | boolean;

export interface Buffer {
  dtype: DType;
  data: Encoded[];
}

export interface ArraySpec {
  buffer: string;
  shape: number[];
  strides: number[];
  offset: number;
}

export type Expected =
  | { scalar: Encoded; dtype: DType }
  | { shape: number[]; data: Encoded[]; dtype: DType }
  | { error: string; type: string };

export interface FixtureFile<C> {
  numpy: string;
  buffers?: Record<string, Buffer>;
  arrays?: Record<string, ArraySpec>;
  cases: C[];
}

export function loadFixture<C>(name: string): FixtureFile<C> {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as FixtureFile<C>;
}

/** Decodes one fixture value: "NaN", "Infinity", "-0.0", "1e-05", … or a boolean. */
export function decode(v: Encoded): number | boolean {
  return typeof v === "boolean" ? v : Number(v);
}

/** Rebuilds every array of a fixture file as an NDArray view over its own buffer (the same layout NumPy had). */
export function buildArrays(f: FixtureFile<unknown>): Map<string, NDArray> {
  const storage = new Map<string, { dtype: DType; data: Float64Array | Uint8Array }>();
  for (const [id, b] of Object.entries(f.buffers ?? {})) {
    const data =
      b.dtype === "bool" ? Uint8Array.from(b.data, (v) => (v === true ? 1 : 0)) : Float64Array.from(b.data, (v) => Number(v));
    storage.set(id, { dtype: b.dtype, data });
  }
  const out = new Map<string, NDArray>();
  for (const [name, a] of Object.entries(f.arrays ?? {})) {
    const s = storage.get(a.buffer)!;
    out.set(name, new NDArray(s.data, a.shape, a.strides, a.offset, s.dtype));
  }
  return out;
}

/** Bit-level equality: Object.is semantics (NaN equals NaN, +0 differs from -0). */
export function sameBits(a: number | boolean, b: number | boolean): boolean {
  return Object.is(a, b);
}

const f64 = new Float64Array(1);
const u64 = new BigInt64Array(f64.buffer);
function ordered(x: number): bigint {
  f64[0] = x;
  const b = u64[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Distance in units in the last place between two float64 values (NaN vs NaN = 0, NaN vs number = Infinity). */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

/** Flattened C-order values and shape of a JS result (scalar or NDArray). */
export function flatten(r: unknown): { shape: number[] | null; values: (number | boolean)[]; dtype: string | null } {
  if (r instanceof NDArray) {
    const l = r.tolist();
    const values: (number | boolean)[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) for (const y of x) walk(y);
      else values.push(x as number | boolean);
    };
    walk(l);
    return { shape: r.shape, values, dtype: r.dtype };
  }
  return { shape: null, values: [r as number | boolean], dtype: null };
}

export interface Comparison {
  ok: boolean;
  bitExact: boolean;
  detail: string;
}

/**
 * Compares a JS result with a fixture's expected value. `tol` chooses the
 * comparison: undefined = bit-exact; "ulp" ≤ 4 ulp; "blas" / "lapack" =
 * relative tolerance against the largest expected magnitude.
 */
export function compare(actual: unknown, exp: Expected, tol?: string | null): Comparison {
  if ("error" in exp) return { ok: false, bitExact: false, detail: `expected error ${exp.error}` };
  const got = flatten(actual);
  const expShape = "scalar" in exp ? null : exp.shape;
  const expVals = "scalar" in exp ? [decode(exp.scalar)] : exp.data.map(decode);
  if (expShape === null && got.shape !== null) return { ok: false, bitExact: false, detail: `expected a scalar, got shape ${JSON.stringify(got.shape)}` };
  if (expShape !== null && (got.shape === null || JSON.stringify(got.shape) !== JSON.stringify(expShape))) {
    return { ok: false, bitExact: false, detail: `shape ${JSON.stringify(got.shape)} != ${JSON.stringify(expShape)}` };
  }
  if (got.dtype !== null && got.dtype !== exp.dtype) return { ok: false, bitExact: false, detail: `dtype ${got.dtype} != ${exp.dtype}` };
  let bitExact = true;
  let ok = true;
  let detail = "";
  let scale = 0;
  for (const v of expVals) if (typeof v === "number" && Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < expVals.length; i++) {
    const e = expVals[i];
    const g = got.values[i];
    if (sameBits(g, e)) continue;
    bitExact = false;
    let pass = false;
    if (typeof e === "number" && typeof g === "number") {
      if (tol === "ulp") pass = ulpDistance(g, e) <= 4;
      else if (tol === "blas") pass = Math.abs(g - e) <= 1e-11 * Math.max(Math.abs(e), scale) || (Number.isNaN(g) && Number.isNaN(e));
      else if (tol === "lapack") pass = Math.abs(g - e) <= 1e-8 * Math.max(Math.abs(e), scale);
    }
    if (!pass) {
      ok = false;
      if (!detail) detail = `element ${i}: got ${String(g)} expected ${String(e)} (${typeof g === "number" && typeof e === "number" ? ulpDistance(g, e) + " ulp" : ""})`;
    }
  }
  return { ok, bitExact, detail };
}

/** Records per-function bit-exact counts and prints them (and writes test-results/…json, git-ignored). */
export class Tally {
  private counts = new Map<string, { exact: number; total: number; ok: number }>();
  private readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  add(key: string, c: Comparison): void {
    const t = this.counts.get(key) ?? { exact: 0, total: 0, ok: 0 };
    t.total++;
    if (c.bitExact) t.exact++;
    if (c.ok) t.ok++;
    this.counts.set(key, t);
  }
  report(): void {
    const rows = [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b));
    const lines = rows.map(([k, t]) => `  ${k.padEnd(28)} bit-exact ${String(t.exact).padStart(5)} / ${String(t.total).padEnd(5)} within tolerance ${t.ok} / ${t.total}`);
    console.log(`[${this.name}] NumPy 2.4.6 fixtures\n${lines.join("\n")}`);
    try {
      const dir = join(HERE, "..", "test-results");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(Object.fromEntries(rows), null, 2) + "\n");
    } catch {
      // read-only checkout: printing is enough
    }
  }
}

/** `"Name: message"` of what `f` throws, or `"no error"` — for asserting NumPy's error class and wording. */
export function thrownText(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return "no error";
}
