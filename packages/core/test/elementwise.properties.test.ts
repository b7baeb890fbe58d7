/**
 * Property-based tests (fast-check) of element-wise identities that must hold exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const nonzero = finite.filter((x) => x !== 0);

describe("element-wise properties", () => {
  it("mod(a, b) has the sign of b (or is ±0) and |mod| ≤ |b|", () => {
    fc.assert(
      fc.property(finite, nonzero, (a, b) => {
        const m = np.mod(a, b);
        return Math.abs(m) <= Math.abs(b) && (m === 0 || Math.sign(m) === Math.sign(b)) && (m !== 0 || Object.is(m, b < 0 ? -0 : 0));
      }),
    );
  });

  it("fmod(a, b) has the sign of a and |fmod| < |b|", () => {
    fc.assert(fc.property(finite, nonzero, (a, b) => {
      const m = np.fmod(a, b);
      return Math.abs(m) < Math.abs(b) && (m === 0 || Math.sign(m) === Math.sign(a));
    }));
  });

  it("rint is integral, within 0.5, and ties go to even", () => {
    fc.assert(
      fc.property(finite, (x) => {
        const r = np.rint(x);
        const d = Math.abs(r - x);
        return Number.isInteger(r) && d <= 0.5 && (d !== 0.5 || r % 2 === 0) && np.signbit(r) === np.signbit(x);
      }),
    );
  });

  it("isclose is reflexive for finite values", () => {
    fc.assert(fc.property(finite, (x) => np.isclose(x, x) === true && np.isclose(np.array([x]), x).item(0) === true));
  });

  it("clip stays within its bounds", () => {
    fc.assert(
      fc.property(finite, finite, finite, (x, a, b) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const c = np.clip(x, lo, hi);
        return c >= lo && c <= hi && (x < lo || x > hi || c === x);
      }),
    );
  });

  it("nextafter moves by exactly one representable step", () => {
    fc.assert(fc.property(finite, (x) => {
      const up = np.nextafter(x, Infinity);
      return up > x && np.nextafter(up, -Infinity) === x;
    }));
  });

  it("floor_divide and remainder reconstruct small integers exactly", () => {
    const int = fc.integer({ min: -1e6, max: 1e6 });
    fc.assert(fc.property(int, int.filter((b) => b !== 0), (a, b) => {
      const [q, r] = np.divmod(a, b) as [number, number];
      return q * b + r === a;
    }));
  });

  it("int64 bitwise ops agree with BigInt within 2^53 (and raise beyond)", () => {
    const big = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const MAX = BigInt(Number.MAX_SAFE_INTEGER);
    const ops: [np.BinaryUfunc, (x: bigint, y: bigint) => bigint][] = [
      [np.bitwise_and, (x, y) => x & y],
      [np.bitwise_or, (x, y) => x | y],
      [np.bitwise_xor, (x, y) => x ^ y],
    ];
    fc.assert(
      fc.property(big, big, (a, b) => {
        const A = np.array([a], { dtype: "int64" });
        for (const [f, ref] of ops) {
          const want = ref(BigInt(a), BigInt(b));
          if (want > MAX || want < -MAX) expect(() => f(A, b)).toThrow("int64 value exceeds 2^53");
          else expect(BigInt(f(A, b).item(0) as number)).toBe(want);
        }
      }),
    );
  });

  it("round with decimals=0 equals rint", () => {
    fc.assert(fc.property(finite, (x) => Object.is(np.round(x), np.rint(x))));
  });

  it("broadcasting error wording", () => {
    expect(() => np.hypot(np.zeros([2, 3]), np.zeros([4]))).toThrow("operands could not be broadcast together with shapes (2,3) (4,) ");
  });
});
