/**
 * Property tests (fast-check) of the arrays family: identities that must hold exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";

/** A random shape (1–4 dims, each 0–4) and matching float values. */
const shaped = fc
  .array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 })
  .chain((shape) => {
    const n = shape.reduce((p, x) => p * x, 1);
    return fc.tuple(fc.constant(shape), fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }));
  });

const build = (shape: number[], xs: number[]): np.NDArray => np.array(xs).reshape(shape);

const same = (a: np.NDArray, b: np.NDArray): boolean =>
  JSON.stringify(a.shape) === JSON.stringify(b.shape) && a.dtype === b.dtype && (a.flatten().tolist() as number[]).every((v, i) => Object.is(v, (b.flatten().tolist() as number[])[i]));

describe("arrays properties", () => {
  it("concatenate(array_split(a, k, axis), axis) == a", () => {
    fc.assert(
      fc.property(shaped, fc.integer({ min: 1, max: 5 }), fc.nat(), ([shape, xs], k, ax) => {
        const a = build(shape, xs);
        const axis = ax % shape.length;
        return same(np.concatenate(np.array_split(a, k, { axis }), { axis }), a);
      }),
    );
  });

  it("transpose by a random permutation, then by its inverse, is the identity (and a view)", () => {
    fc.assert(
      fc.property(
        shaped.chain(([shape, xs]) => fc.tuple(fc.constant(shape), fc.constant(xs), fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length, maxLength: shape.length }))),
        ([shape, xs, perm]) => {
          const a = build(shape, xs);
          const t = np.transpose(a, perm);
          const inv = perm.map((_, i) => perm.indexOf(i));
          const back = np.transpose(t, inv);
          return t.data === a.data && same(back, a) && JSON.stringify(back.strides) === JSON.stringify(a.strides);
        },
      ),
    );
  });

  it("reshape round trips in C and F order, from any layout", () => {
    fc.assert(
      fc.property(shaped, fc.boolean(), fc.constantFrom<np.Order>("C", "F"), ([shape, xs], transposed, order) => {
        const a0 = build(shape, xs);
        const a = transposed ? a0.T : a0;
        const flat = np.reshape(a, [-1], { order });
        return same(flat, a.flatten(order)) && same(np.reshape(flat, a.shape, { order }), a);
      }),
    );
  });

  it("a.get(mask) is the elements where mask holds, in C order; a.set(mask, v) writes exactly there", () => {
    fc.assert(
      fc.property(
        shaped.chain(([shape, xs]) => fc.tuple(fc.constant(shape), fc.constant(xs), fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length }))),
        ([shape, xs, bits]) => {
          const a = build(shape, xs);
          const mask = np.array(bits.length ? bits : [true]).reshape(bits.length ? shape : [1]);
          if (bits.length === 0) return true;
          const got = a.get(mask) as np.NDArray;
          const want = xs.filter((_, i) => bits[i]);
          if (!(got.shape.length === 1 && got.shape[0] === want.length && (got.tolist() as number[]).every((v, i) => Object.is(v, want[i])))) return false;
          const b = a.copy();
          b.set(mask, -1);
          return (b.flatten().tolist() as number[]).every((v, i) => Object.is(v, bits[i] ? -1 : xs[i]));
        },
      ),
    );
  });

  it("slicing with a step: a.get('s:e:k') equals taking the same positions with an index array", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { maxLength: 12 }),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.integer({ min: -4, max: 4 }).filter((k) => k !== 0),
        (xs, s, e, k) => {
          const a = np.array(xs);
          const spec = `${s ?? ""}:${e ?? ""}:${k}`;
          const v = a.get(spec) as np.NDArray;
          // Python's range over the adjusted slice bounds
          const n = xs.length;
          const adj = (x: number | null, d: number): number => {
            if (x === null) return d;
            if (x < 0) x = Math.max(x + n, k < 0 ? -1 : 0);
            else if (x >= n) x = k < 0 ? n - 1 : n;
            return x;
          };
          const start = adj(s, k > 0 ? 0 : n - 1);
          const stop = adj(e, k > 0 ? n : -1);
          const idx: number[] = [];
          for (let i = start; k > 0 ? i < stop : i > stop; i += k) idx.push(i);
          const viaTake = np.take(a, idx) as np.NDArray;
          return v.data === a.data && same(v, viaTake);
        },
      ),
    );
  });

  it("writes through basic-index views reach the base", () => {
    const a = np.zeros([3, 4]);
    const v = a.get("1:", "::-2") as np.NDArray;
    v.set("...", 5);
    expect(a.tolist()).toEqual([
      [0, 0, 0, 0],
      [0, 5, 0, 5],
      [0, 5, 0, 5],
    ]);
    const col = np.expand_dims(np.squeeze(a.get(":", 0, null) as np.NDArray), 0);
    col.set(0, 1, 9);
    expect(a.item(1, 0)).toBe(9);
  });
});
