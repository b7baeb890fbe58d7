/**
 * Goldens: what NumPy computed for every case of an entry, committed as
 * corpus/goldens/<id>.json by `pnpm goldens`. Numbers are round-trip strings
 * (see values.ts) so NaN, ±Infinity and −0 survive.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DtypeName } from "./schema.ts";

export const GOLDEN_FORMAT = 1;
export const REQUIRED_NUMPY = "2.4.6";
export const GOLDENS_COMMAND = "pnpm goldens";

export interface GoldenArray {
  dtype: DtypeName;
  shape: number[];
  values: (string | boolean)[];
}

/** A complex element: its real and imaginary parts as round-trip strings. */
export interface GoldenComplex {
  complex: [string, string];
}

/** One element of a golden output: a number token, a boolean, or a complex pair. */
export type GoldenToken = string | boolean | GoldenComplex;

export interface GoldenOutput {
  /** NumPy's dtype name, e.g. float64, int64, bool. */
  dtype: string;
  /** NumPy's dtype kind: f (float), i (signed int), u (unsigned int), b (bool), c (complex). */
  kind: string;
  /** `[]` for a NumPy scalar or a 0-d result. */
  shape: number[];
  /** Row-major elements; kind c stores each as `{ "complex": [re, im] }`. */
  values: GoldenToken[];
  /** What `print(value)` shows in NumPy. */
  printed: string;
}

export interface GoldenCase {
  name: string;
  inputs: Record<string, GoldenArray>;
  outputs: Record<string, GoldenOutput>;
  /** Present when NumPy raised (the case's outcome must be error). */
  error?: { type: string; message: string };
  warnings: string[];
}

export interface Golden {
  format: number;
  entry: string;
  entry_file: string;
  entry_sha256: string;
  numpy_version: string;
  python_version: string;
  cases: GoldenCase[];
}

export function goldenPath(corpusDir: string, id: string): string {
  return path.join(corpusDir, "goldens", `${id}.json`);
}

export function readGolden(corpusDir: string, id: string): Golden | undefined {
  const file = goldenPath(corpusDir, id);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Golden) : undefined;
}

/**
 * Deterministic JSON: two-space indentation, but arrays of scalars on one line, so a
 * 1,000-element random input is one line in a diff rather than a thousand.
 */
export function stringifyGolden(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + stringifyGolden(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return "{}";
    const inner = indent + "  ";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyGolden(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
