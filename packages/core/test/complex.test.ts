/**
 * Complex scalars against NumPy 2.4.6 (fixtures/complex.json from
 * fixtures/generate_complex.py): every part of every result compared bit for bit
 * (signed zeros included; any NaN matches any NaN — NaN payloads are not modelled),
 * with the measured maximum ulp printed per function.
 */
import { describe, expect, test } from "vitest";
import * as np from "../src/index.ts";
import { fma } from "../src/kernels/libm.ts";
import { loadFixture, ulpDistance } from "./helpers.ts";

type Enc = string | { complex: [string, string] };
interface ComplexFixture {
  numpy: string;
  values: Enc[];
  unary: Record<string, (Enc | string)[]>;
  pairs: [Enc, Enc][];
  binary: Record<string, Enc[]>;
  mixed: ({ z: Enc; x: Enc } & Record<string, [Enc, Enc]>)[];
  isclose: { a: Enc; b: Enc; plain: boolean; equal_nan: boolean; tight: boolean }[];
  python_repr: string[];
}

const fx = loadFixture<never>("complex.json") as unknown as ComplexFixture;

function dec(e: Enc): np.Complex | number {
  return typeof e === "string" ? Number(e) : np.complex(Number(e.complex[0]), Number(e.complex[1]));
}
const cx = (e: Enc) => dec(e) as np.Complex;

/** Parts of a result as [re, im] (a real result has no imaginary part). */
function parts(v: unknown): number[] {
  if (v instanceof np.Complex) return [v.real, v.imag];
  if (typeof v === "number") return [v];
  throw new Error(`not a scalar: ${String(v)}`);
}

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

interface Tally {
  n: number;
  exact: number;
  maxUlp: number;
  first: string;
}
const tallies = new Map<string, Tally>();

function check(fn: string, got: unknown, want: Enc, label: string): void {
  const t = tallies.get(fn) ?? { n: 0, exact: 0, maxUlp: 0, first: "" };
  tallies.set(fn, t);
  t.n++;
  const g = parts(got);
  const w = parts(dec(want));
  if (g.length !== w.length) {
    t.maxUlp = Infinity;
    t.first ||= `${label}: got ${String(got)}, NumPy ${JSON.stringify(want)} (complex vs real)`;
    return;
  }
  if (g.every((x, i) => same(x, w[i]))) {
    t.exact++;
    return;
  }
  const ulp = Math.max(...g.map((x, i) => (x === 0 && w[i] === 0 ? Infinity : ulpDistance(x, w[i]))));
  if (ulp > t.maxUlp) {
    t.maxUlp = ulp;
    t.first = `${label}: got ${String(got)}, NumPy ${String(dec(want))} (${ulp} ulp)`;
  }
}

/** Functions whose NumPy loop is reproduced operation for operation: every part bit-identical. */
const BIT_EXACT = ["negative", "conj", "abs", "real", "imag", "add", "subtract", "multiply", "divide"];
/** libm-backed: V8's Math.* against glibc (sin/cos/exp/atan2/hypot). */
const ULP_BOUND: Record<string, number> = { angle: 1, angle_deg: 2, exp: 2, sqrt: 1 };

describe("complex scalars against NumPy", () => {
  const unaryFns: Record<string, (z: np.Complex) => unknown> = {
    negative: np.negative,
    conj: np.conj,
    abs: np.abs,
    real: np.real,
    imag: np.imag,
    angle: np.angle,
    angle_deg: (z) => np.angle(z, { deg: true }),
    exp: np.exp,
    sqrt: np.sqrt,
  };
  for (const [name, f] of Object.entries(unaryFns)) {
    test(`${name}: ${fx.values.length} values (signed zeros, subnormals, ±1e308, ±inf, NaN, random)`, () => {
      fx.values.forEach((v, i) => check(name, f(cx(v)), fx.unary[name][i] as Enc, `${name}(${String(cx(v))})`));
      const t = tallies.get(name)!;
      if (BIT_EXACT.includes(name)) expect(t.first, `${t.n - t.exact} of ${t.n} differ`).toBe("");
      else expect(t.maxUlp, t.first).toBeLessThanOrEqual(ULP_BOUND[name]);
    });
  }

  const binaryFns = { add: np.add, subtract: np.subtract, multiply: np.multiply, divide: np.divide };
  for (const [name, f] of Object.entries(binaryFns)) {
    test(`${name}: ${fx.pairs.length} pairs (special grid, random magnitudes, cancelling products, huge/tiny divisors) and real operands`, () => {
      fx.pairs.forEach(([p, q], i) => check(name, f(cx(p), cx(q)), fx.binary[name][i], `${name}(${String(cx(p))}, ${String(cx(q))})`));
      for (const m of fx.mixed) {
        const x = dec(m.x) as number;
        check(name, f(cx(m.z), x), m[name][0], `${name}(${String(cx(m.z))}, ${x})`);
        check(name, f(x, cx(m.z)), m[name][1], `${name}(${x}, ${String(cx(m.z))})`);
      }
      const t = tallies.get(name)!;
      expect(t.first, `${t.n - t.exact} of ${t.n} differ`).toBe("");
    });
  }

  test("str: NumPy's str(np.complex128), which equals Python's repr(complex)", () => {
    const wrong = fx.values.map((v, i) => [String(cx(v)), fx.unary.str[i], fx.python_repr[i]]).filter(([g, w]) => g !== w);
    expect(wrong).toEqual([]);
    expect(fx.unary.str).toEqual(fx.python_repr);
  });

  test("isclose: NumPy's asymmetric formula with the complex modulus", () => {
    for (const c of fx.isclose) {
      const [a, b] = [cx(c.a), cx(c.b)];
      expect(np.isclose(a, b), `isclose(${String(a)}, ${String(b)})`).toBe(c.plain);
      expect(np.isclose(a, b, { equal_nan: true })).toBe(c.equal_nan);
      expect(np.isclose(a, b, { rtol: 0, atol: 0 })).toBe(c.tight);
    }
  });

  test("report", () => {
    const rows = [...tallies].map(([fn, t]) => `${fn.padEnd(10)} ${String(t.exact).padStart(5)} / ${String(t.n).padEnd(5)} bit-identical, max ${t.maxUlp} ulp`);
    console.log(`complex scalars vs NumPy ${fx.numpy}:\n${rows.join("\n")}`);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe("fma (single rounding)", () => {
  test("keeps the rounding error a separate multiply and add lose", () => {
    const a = 1 + 2 ** -30;
    expect(fma(a, a, -(a * a))).toBe(2 ** -60); // exact: (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17); // 0.1 is 0.1000000000000000055511151231257827…
  });
  test("IEEE special cases", () => {
    expect(fma(Infinity, 0, 1)).toBeNaN();
    expect(fma(1e308, 10, -Infinity)).toBe(-Infinity); // the exact product is finite
    expect(Object.is(fma(-1, 0, 0), 0)).toBe(true);
    expect(Object.is(fma(-1e-200, 1e-200, 0), -0)).toBe(true); // rounds to zero with the product's sign
    expect(fma(5e-324, 0.5, 5e-324)).toBe(5e-324 * 2); // 1.5 · 2^-1074 ties to even
    expect(fma(Number.MAX_VALUE, 2, -Number.MAX_VALUE)).toBe(Number.MAX_VALUE); // no intermediate overflow
  });
});

describe("complex scalars: API", () => {
  test("complex values refuse to go into arrays, naming the limitation", () => {
    expect(() => np.array([np.complex(1, 2) as unknown as number])).toThrow(/^complex arrays are not supported yet: /);
    expect(() => np.add(np.complex(1, 2), [1, 2] as unknown as number)).toThrow(/^complex arrays are not supported yet: /);
    expect(() => np.multiply(np.zeros(2) as unknown as number, np.complex(0, 1))).toThrow(/^complex arrays are not supported yet: /);
  });
  test("immutable", () => {
    const z = np.complex(3, -1);
    expect(Object.isFrozen(z)).toBe(true);
    expect(() => {
      (z as { real: number }).real = 5;
    }).toThrow(TypeError);
  });
  test("real input to real/imag/conj/angle follows NumPy", () => {
    expect(np.real(2.5)).toBe(2.5);
    expect(np.imag(2.5)).toBe(0);
    expect(np.conj(-3)).toBe(-3);
    expect(np.angle(-1)).toBe(Math.PI);
    const a = np.array([1, -2]);
    expect(np.real(a)).toBe(a);
    expect(np.imag(a).tolist()).toEqual([0, 0]);
    expect(np.angle(a).tolist()).toEqual([0, Math.PI]);
    expect(np.conj(a).tolist()).toEqual([1, -2]);
  });
});
