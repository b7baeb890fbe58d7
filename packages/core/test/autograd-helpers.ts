/**
 * Shared by the np.autograd suites: deterministic inputs, central differences of
 * plain (non-autograd) forward passes, and a relative-error recorder that prints
 * each suite's measured maxima.
 */
import { afterAll, expect } from "vitest";
import * as np from "../src/index.ts";
import type { NDArray } from "../src/index.ts";

/** Deterministic uniform(-1, 1) values (an LCG), so failures reproduce. */
export function rand(shape: number[], seed: number): NDArray {
  let s = seed >>> 0;
  const n = shape.reduce((p, d) => p * d, 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push((s / 2 ** 32) * 2 - 1);
  }
  return np.reshape(np.array(out), shape);
}

export function flat(a: NDArray | number): number[] {
  return typeof a === "number" ? [a] : (np.ravel(a).tolist() as number[]);
}

/** max_i |got − want| / |want| (|want| floored at `floor` to skip exact zeros); equal non-finite values count as 0. */
export function maxRel(got: NDArray | number, want: NDArray | number, floor = 0): number {
  const g = flat(got);
  const w = flat(want);
  expect(g.length).toBe(w.length);
  let m = 0;
  for (let i = 0; i < g.length; i++) {
    if (Object.is(g[i], w[i]) || (Number.isNaN(g[i]) && Number.isNaN(w[i]))) continue;
    const d = Math.abs(g[i] - w[i]);
    m = Math.max(m, d === 0 ? 0 : Number.isNaN(d) ? Infinity : d / Math.max(Math.abs(w[i]), floor));
  }
  return m;
}

/** `check(name, got, want, rtol, floor)` asserts and records maxRel; the maxima are printed after the suite under `title`. */
export function recorder(title: string): { measured: [string, number][]; check: (name: string, got: NDArray | number, want: NDArray | number, rtol: number, floor?: number) => void } {
  const measured: [string, number][] = [];
  afterAll(() => {
    console.log(`${title}\n` + measured.map(([k, v]) => `  ${k.padEnd(58)} ${v.toExponential(2)}`).join("\n"));
  });
  const check = (name: string, got: NDArray | number, want: NDArray | number, rtol: number, floor = 0): void => {
    if (typeof got !== "number") expect(got.shape).toEqual(typeof want === "number" ? [] : want.shape);
    const r = maxRel(got, want, floor);
    measured.push([name, r]);
    expect(r, name).toBeLessThanOrEqual(rtol);
  };
  return { measured, check };
}

/** Central differences of a plain (non-autograd) f: R^shape → R, step h·max(1, |x_i|). */
export function centralDiff(f: (x: NDArray) => number, x: NDArray, h = 1e-5): NDArray {
  const base = flat(x);
  const out = base.map((xi, i) => {
    const step = h * Math.max(1, Math.abs(xi));
    const plus = base.slice();
    const minus = base.slice();
    plus[i] = xi + step;
    minus[i] = xi - step;
    const fp = f(np.reshape(np.array(plus), x.shape));
    const fm = f(np.reshape(np.array(minus), x.shape));
    return (fp - fm) / (plus[i] - minus[i]);
  });
  return np.reshape(np.array(out), x.shape);
}
