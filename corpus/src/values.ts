/**
 * Values as the corpus stores them. Goldens carry every number as a round-trip
 * string so NaN, ±Infinity and −0 survive JSON: `Number(token)` in JavaScript and
 * `float(token)` in Python both read them back to the same bits.
 */
import type { DtypeName } from "./schema.ts";

export type Scalar = number | boolean;
export type Nested = Scalar | Nested[];

/** An input after resolution: literal from the YAML, or drawn by the golden generator. */
export interface ResolvedInput {
  dtype: DtypeName;
  /** `[]` for a scalar (rendered as a plain literal, not an array). */
  shape: number[];
  /** Row-major (C order) flat values. */
  values: Scalar[];
}

/** Encodes a number the way goldens store it; booleans stay booleans. */
export function encodeScalar(v: Scalar): string | boolean {
  if (typeof v === "boolean") return v;
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (Object.is(v, -0)) return "-0.0";
  return String(v);
}

export function decodeScalar(token: string | boolean): Scalar {
  if (typeof token === "boolean") return token;
  const v = Number(token);
  if (Number.isNaN(v) && token !== "NaN") throw new Error(`not a number token: ${JSON.stringify(token)}`);
  return v;
}

export type ShapeResult = { ok: true; shape: number[]; flat: Scalar[] } | { ok: false; message: string };

/** The shape of a nested literal, or why it is not rectangular. */
export function shapeOf(value: Nested): ShapeResult {
  const shape: number[] = [];
  for (let v = value; Array.isArray(v); v = v[0]) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  const flat: Scalar[] = [];
  const where = (path: number[]) => (path.length ? `[${path.join("][")}]` : "the top level");
  const check = (v: Nested, depth: number, path: number[]): string | undefined => {
    if (depth === shape.length) {
      if (Array.isArray(v)) return `the element at ${where(path)} is a list where a number is expected: arrays must be rectangular`;
      flat.push(v);
      return undefined;
    }
    if (!Array.isArray(v)) return `the element at ${where(path)} is a number where a list of ${shape[depth]} is expected: arrays must be rectangular`;
    if (v.length !== shape[depth]) return `the list at ${where(path)} has ${v.length} elements where ${shape[depth]} are expected: arrays must be rectangular`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i], depth + 1, [...path, i]);
      if (problem) return problem;
    }
    return undefined;
  };
  const problem = check(value, 0, []);
  return problem ? { ok: false, message: problem } : { ok: true, shape, flat };
}

/** Why a flat list cannot hold the dtype, or undefined when it can. */
export function dtypeProblem(flat: readonly Scalar[], dtype: DtypeName): string | undefined {
  for (const v of flat) {
    if (dtype === "bool") {
      if (typeof v !== "boolean") return `dtype bool needs true/false, found ${String(v)}`;
    } else if (typeof v === "boolean") {
      return `dtype ${dtype} needs numbers, found ${v}; declare dtype: bool for a boolean input`;
    } else if (dtype === "int64") {
      if (!Number.isInteger(v)) return `dtype int64 needs whole numbers, found ${String(v)}`;
      if (!Number.isSafeInteger(v)) return `int64 value ${v} is beyond 2^53 and not exact in JavaScript`;
    }
  }
  return undefined;
}

/** Row-major flat values back into nested lists. */
export function nest(shape: readonly number[], flat: readonly Scalar[]): Nested {
  if (shape.length === 0) return flat[0];
  let i = 0;
  const build = (d: number): Nested[] => {
    const out: Nested[] = [];
    for (let k = 0; k < shape[d]; k++) out.push(d === shape.length - 1 ? flat[i++] : build(d + 1));
    return out;
  };
  return build(0);
}
