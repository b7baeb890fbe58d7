/**
 * Property-based tests (fast-check) of identities that must hold exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const vec = (maxLength = 600) => fc.array(finite, { minLength: 1, maxLength });

describe("properties", () => {
  it("sum of a strided view equals the sum of the same values stored contiguously (bit for bit)", () => {
    fc.assert(
      fc.property(vec(), fc.integer({ min: 1, max: 4 }), (xs, step) => {
        const buf = new Float64Array(xs.length * step);
        xs.forEach((v, i) => {
          buf[i * step] = v;
          for (let j = 1; j < step; j++) buf[i * step + j] = 1e300; // garbage between elements
        });
        const view = new np.NDArray(buf, [xs.length], [step]);
        const contiguous = np.array(xs);
        return Object.is(np.sum(view), np.sum(contiguous)) && Object.is(np.mean(view), np.mean(contiguous));
      }),
    );
  });

  it("mean is sum / n and std is sqrt(var), exactly", () => {
    fc.assert(
      fc.property(vec(), (xs) => {
        const a = np.array(xs);
        return Object.is(np.mean(a), np.sum(a) / xs.length) && Object.is(np.std(a), Math.sqrt(np.var(a)));
      }),
    );
  });

  it("var is non-negative", () => {
    fc.assert(
      fc.property(vec(), fc.integer({ min: 0, max: 1 }), (xs, ddof) => {
        const v = np.var(xs, { ddof });
        return xs.length - ddof <= 0 ? !(v < 0) : v >= 0;
      }),
    );
  });

  it("transposing twice is the identity (and a view)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), (m, n, k) => {
        const a = np.arange(m * n * k).reshape(m, n, k);
        const tt = a.T.T;
        return tt.data === a.data && JSON.stringify(tt.tolist()) === JSON.stringify(a.tolist()) && JSON.stringify(tt.strides) === JSON.stringify(a.strides);
      }),
    );
  });

  it("sum over all axes of a 2-D array equals the sum of its transpose (NumPy walks memory order)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.array(finite, { minLength: 1600, maxLength: 1600 }), (m, n, pool) => {
        const a = np.array(pool.slice(0, m * n)).reshape(m, n);
        return Object.is(np.sum(a), np.sum(a.T)) && Object.is(np.sum(a, { axis: 0 }) instanceof np.NDArray, true);
      }),
      { numRuns: 50 },
    );
  });

  it("max/argmax agree and max bounds every element", () => {
    fc.assert(
      fc.property(vec(200), (xs) => {
        const m = np.max(xs);
        const i = np.argmax(xs);
        return xs[i] === m && xs.every((x) => x <= m) && xs.indexOf(m) === i;
      }),
    );
  });

  it("norm with an axis is sqrt of the pairwise sum of squares", () => {
    fc.assert(
      fc.property(vec(300), (xs) => {
        const a = np.array(xs);
        return Object.is(np.linalg.norm(a, null, 0), Math.sqrt(np.sum(np.multiply(a, a))));
      }),
    );
  });

  it("reshape round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (m, n) => {
        const a = np.arange(m * n);
        return JSON.stringify(a.reshape(m, n).reshape(-1).tolist()) === JSON.stringify(a.tolist());
      }),
    );
  });

  it("broadcast add equals an explicit double loop", () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 8 }), fc.array(finite, { minLength: 1, maxLength: 8 }), (col, row) => {
        const r = np.add(np.array(col).reshape(-1, 1), row).tolist() as number[][];
        return col.every((c, i) => row.every((v, j) => Object.is(r[i][j], c + v)));
      }),
    );
  });
});

describe("the pairwise kernel is used by every float sum path", () => {
  it("pairwise differs from a naive loop on an order-sensitive input", () => {
    // Expected value from NumPy 2.4.6: np.sum([1e16] + [1.0]*15) == 1.0000000000000014e+16
    // (accumulator r0 loses its 1.0; r1..r7 each hold 2.0).
    const xs = [1e16, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    let naive = 0;
    for (const x of xs) naive += x;
    expect(naive).toBe(1e16); // each +1 is lost left to right
    expect(np.sum(xs)).toBe(1.0000000000000014e16);
  });
});
