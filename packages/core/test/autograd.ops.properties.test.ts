/**
 * Property-based tests (fast-check, the repo's fixed seed) of the np.autograd operations
 * added after the core set: on random inputs, gradients agree with central finite
 * differences of the same function written with plain NumPy-style calls (never autograd),
 * and the Hessian of x^y agrees with its analytic formula.
 *
 * Tolerance of the central differences (step h = 1e-5): truncation error h²·|f'''|/6 and
 * rounding error ≈ ε·|f|/h. Inputs are bounded (|x| ≤ 1 or x ∈ [0.3, 3], y ∈ [−2, 2]) and
 * programs have ≤ 4 steps, so |f'''| stays ≲ 10³ of the gradient's scale and the truncation
 * part is ≲ 2e-8 of it; 1e-5·scale plus 1e-13·|f|/h (the rounding part with a 400× margin)
 * leaves room without hiding a wrong derivative (those are off by O(scale)). Random points
 * closer than 1e-3 to a kink (abs at 0, a clip bound, a where switch, a tie in max) are
 * discarded: there the one-sided slopes differ and central differences measure neither.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import type { NDArray } from "../src/index.ts";

const ag = np.autograd;
type T = np.Tensor;

let worst = 0;
let compared = 0;
afterAll(() => console.log(`autograd ops properties: ${compared} derivatives compared, max |grad − central difference| / scale ${worst.toExponential(2)}`));

const H = 1e-5;
const KINK = 1e-3;

/** Central difference of plain f along coordinate i of xs (absolute step h). */
function cdiff(f: (xs: number[]) => number, xs: number[], i: number): number {
  const p = xs.slice();
  const m = xs.slice();
  p[i] += H;
  m[i] -= H;
  return (f(p) - f(m)) / (p[i] - m[i]);
}

function agrees(g: number[], f: (xs: number[]) => number, xs: number[]): boolean {
  const scale = Math.max(1, ...g.map(Math.abs));
  const f0 = Math.abs(f(xs));
  for (let i = 0; i < xs.length; i++) {
    const err = Math.abs(g[i] - cdiff(f, xs, i));
    worst = Math.max(worst, err / scale);
    compared++;
    if (!(err <= 1e-5 * scale + (1e-13 * f0) / H)) return false;
  }
  return true;
}

type Kind = "abs" | "square" | "sin" | "cos" | "expm1" | "log1p" | "clip" | "where" | "mulx" | "cat" | "stack";
type Step = { kind: Kind; c: number };

/** Applies the steps to tensors (the autograd side). */
function applyT(steps: Step[], x: T, last: "sum" | "max" | "min"): T {
  let v: T = x;
  for (const s of steps) {
    if (s.kind === "abs") v = ag.abs(v);
    else if (s.kind === "square") v = ag.square(v);
    else if (s.kind === "sin") v = ag.sin(v);
    else if (s.kind === "cos") v = ag.cos(v);
    else if (s.kind === "expm1") v = ag.expm1(v);
    else if (s.kind === "log1p") v = ag.log1p(ag.abs(v));
    else if (s.kind === "clip") v = ag.clip(v, -0.5, s.c);
    else if (s.kind === "where") v = ag.where(np.greater(v.data, s.c), v, ag.mul(v, -2));
    else if (s.kind === "mulx") v = ag.mul(v, x);
    else if (s.kind === "cat") v = ag.get(ag.concatenate([v, ag.sin(v)]), `${v.size - 1}:${2 * v.size - 1}`); // [v_last, sin v_0, …]
    else v = ag.sum(ag.mul(ag.stack([v, ag.cos(v)], { axis: 1 }), [0.5, s.c]), { axis: 1 });
  }
  return last === "sum" ? ag.sum(v) : ag[last](v);
}

/** The same program on plain arrays; `near` collects distances to kinks. */
function applyPlain(steps: Step[], x: NDArray, last: "sum" | "max" | "min", near: number[]): number {
  let v: NDArray = x;
  const dist = (a: NDArray, k: number) => near.push(...(np.ravel(a).tolist() as number[]).map((e) => Math.abs(e - k)));
  for (const s of steps) {
    if (s.kind === "abs") (dist(v, 0), (v = np.abs(v) as NDArray));
    else if (s.kind === "square") v = np.square(v) as NDArray;
    else if (s.kind === "sin") v = np.sin(v) as NDArray;
    else if (s.kind === "cos") v = np.cos(v) as NDArray;
    else if (s.kind === "expm1") v = np.expm1(v) as NDArray;
    else if (s.kind === "log1p") (dist(v, 0), (v = np.log1p(np.abs(v)) as NDArray));
    else if (s.kind === "clip") (dist(v, -0.5), dist(v, s.c), (v = np.clip(v, -0.5, s.c) as NDArray));
    else if (s.kind === "where") (dist(v, s.c), (v = np.where(np.greater(v, s.c), v, np.multiply(v, -2)) as NDArray));
    else if (s.kind === "mulx") v = np.multiply(v, x) as NDArray;
    else if (s.kind === "cat") v = np.concatenate([v, np.sin(v) as NDArray]).get(`${v.size - 1}:${2 * v.size - 1}`) as NDArray;
    else v = np.sum(np.multiply(np.stack([v, np.cos(v) as NDArray], { axis: 1 }), [0.5, s.c]), { axis: 1 }) as NDArray;
  }
  if (last === "sum") return np.sum(v);
  const sorted = (np.ravel(v).tolist() as number[]).sort((a, b) => a - b);
  const gap = last === "max" ? sorted[sorted.length - 1] - sorted[sorted.length - 2] : sorted[1] - sorted[0];
  if (sorted.length > 1) near.push(gap);
  return last === "max" ? np.max(v) : np.min(v);
}

const kinds: Kind[] = ["abs", "square", "sin", "cos", "expm1", "log1p", "clip", "where", "mulx", "cat", "stack"];
const step: fc.Arbitrary<Step> = fc.record({ kind: fc.constantFrom(...kinds), c: fc.double({ min: 0, max: 1.5, noNaN: true }) });
const unit = fc.double({ min: -1, max: 1, noNaN: true });

describe("np.autograd ops properties", () => {
  it("grad of random programs over abs/square/sin/cos/expm1/log1p/clip/where/concatenate/stack, ending in sum/max/min, matches central differences", () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 5 }),
        fc.array(step, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("sum", "max", "min") as fc.Arbitrary<"sum" | "max" | "min">,
        (xs, steps, last) => {
          const plain = (v: number[]) => applyPlain(steps, np.array(v), last, []);
          const near: number[] = [];
          applyPlain(steps, np.array(xs), last, near);
          fc.pre(near.every((d) => d > KINK));
          const [value, g] = ag.valueAndGrad((t) => applyT(steps, t, last))(np.array(xs));
          expect(value).toBe(plain(xs)); // the same core functions compute both values
          return agrees(np.ravel(g as NDArray).tolist() as number[], plain, xs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("pow with a broadcast tensor exponent: ∂/∂x and ∂/∂y of Σ w ⊙ x^y match central differences", () => {
    const pos = fc.double({ min: 0.3, max: 3, noNaN: true });
    const expo = fc.double({ min: -2, max: 2, noNaN: true });
    fc.assert(
      fc.property(fc.array(pos, { minLength: 6, maxLength: 6 }), fc.array(expo, { minLength: 3, maxLength: 3 }), fc.boolean(), (xs, ys, column) => {
        // x is (2, 3); y is a row (3,) or a column (2, 1) broadcast against it
        const yShape = column ? [2, 1] : [3];
        const yv = column ? ys.slice(0, 2) : ys;
        const w = np.array([[1, -0.5, 0.25], [2, 0.75, -1]]);
        const plain = (xa: number[], ya: number[]) => np.sum(np.multiply(w, np.power(np.reshape(np.array(xa), [2, 3]), np.reshape(np.array(ya), yShape))) as NDArray);
        const x = ag.tensor(np.reshape(np.array(xs), [2, 3]), { requiresGrad: true });
        const y = ag.tensor(np.reshape(np.array(yv), yShape), { requiresGrad: true });
        ag.sum(ag.mul(w, ag.pow(x, y))).backward();
        expect(y.grad!.shape).toEqual(yShape);
        return (
          agrees(np.ravel(x.grad!).tolist() as number[], (v) => plain(v, yv), xs) &&
          agrees(np.ravel(y.grad!).tolist() as number[], (v) => plain(xs, v), yv)
        );
      }),
      { numRuns: 200 },
    );
  });

  it("the Hessian of x^y equals the analytic [[y(y−1)x^(y−2), x^(y−1)(1 + y ln x)], [·, x^y ln² x]]", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 3, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (x, y) => {
        const Hm = ag.hessian((t) => ag.pow(ag.get(t, 0), ag.get(t, 1)))([x, y]) as NDArray;
        const lx = Math.log(x);
        const want = [
          [y * (y - 1) * Math.pow(x, y - 2), Math.pow(x, y - 1) * (1 + y * lx)],
          [Math.pow(x, y - 1) * (1 + y * lx), Math.pow(x, y) * lx * lx],
        ];
        const scale = Math.max(1e-300, ...want.flat().map(Math.abs));
        const got = Hm.tolist() as number[][];
        // a handful of roundings in each formula: 1e-14 of the largest entry
        return [0, 1].every((i) => [0, 1].every((j) => Math.abs(got[i][j] - want[i][j]) <= 1e-14 * scale));
      }),
      { numRuns: 200 },
    );
  });
});
