/**
 * Property-based tests (fast-check) of np.autograd: on random small inputs and
 * random compositions of exp/tanh/mul/add/sum, the reverse-mode gradient agrees
 * with central finite differences of the same function evaluated with plain
 * NumPy-style calls (never with autograd); exact identities hold exactly.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import type { NDArray } from "../src/index.ts";

const ag = np.autograd;
type T = np.Tensor;

let worst = 0;
afterAll(() => console.log(`autograd properties: max relative error of grad vs central differences ${worst.toExponential(2)}`));

/** One step of a random program: the same step written for tensors and for plain arrays. */
type Step = { kind: "exp" | "tanh" | "mulx" | "addx" | "mulc" | "addc"; c: number };

function applyT(steps: Step[], x: T): T {
  let v: T = x;
  for (const s of steps) {
    if (s.kind === "exp") v = ag.exp(v);
    else if (s.kind === "tanh") v = ag.tanh(v);
    else if (s.kind === "mulx") v = ag.mul(v, x);
    else if (s.kind === "addx") v = ag.add(v, x);
    else if (s.kind === "mulc") v = ag.mul(v, s.c);
    else v = ag.add(v, s.c);
  }
  return ag.sum(v);
}

function applyPlain(steps: Step[], x: NDArray): number {
  let v: NDArray = x;
  for (const s of steps) {
    if (s.kind === "exp") v = np.exp(v) as NDArray;
    else if (s.kind === "tanh") v = np.tanh(v) as NDArray;
    else if (s.kind === "mulx") v = np.multiply(v, x) as NDArray;
    else if (s.kind === "addx") v = np.add(v, x) as NDArray;
    else if (s.kind === "mulc") v = np.multiply(v, s.c) as NDArray;
    else v = np.add(v, s.c) as NDArray;
  }
  return np.sum(v);
}

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom("exp", "tanh", "mulx", "addx", "mulc", "addc") as fc.Arbitrary<Step["kind"]>,
  c: fc.double({ min: -2, max: 2, noNaN: true }),
});
const unit = fc.double({ min: -1, max: 1, noNaN: true });
const vec = fc.array(unit, { minLength: 1, maxLength: 5 });

describe("np.autograd properties", () => {
  it("grad of a random composition of exp/tanh/mul/add/sum matches central differences", () => {
    fc.assert(
      fc.property(vec, fc.array(step, { minLength: 1, maxLength: 4 }), (xs, steps) => {
        const x = np.array(xs);
        const g = ag.grad((t) => applyT(steps, t))(x) as NDArray;
        const f0 = applyPlain(steps, x);
        expect(ag.valueAndGrad((t) => applyT(steps, t))(x)[0]).toBe(f0); // same ufuncs: same value
        const gs = np.ravel(g).tolist() as number[];
        const scale = Math.max(1, ...gs.map(Math.abs));
        for (let i = 0; i < xs.length; i++) {
          // h = 1e-5: truncation h²·|f'''|/6 and rounding ε·|f|/h; inputs in [−1, 1] and ≤ 4 steps keep
          // f''' modest, so the difference is ~1e-9 of the gradient's scale; allow 1e-5·scale + rounding.
          const h = 1e-5;
          const p = xs.slice();
          const m = xs.slice();
          p[i] += h;
          m[i] -= h;
          const fd = (applyPlain(steps, np.array(p)) - applyPlain(steps, np.array(m))) / (p[i] - m[i]);
          const err = Math.abs(gs[i] - fd);
          const tol = 1e-5 * scale + (1e-13 * Math.abs(f0)) / h;
          worst = Math.max(worst, err / scale);
          if (!(err <= tol)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it("exact identities: ∇ Σ x⊙y = y, ∇ Σ (x + c) = 1, ∇ Σ exp(x) = exp(x) bit for bit", () => {
    fc.assert(
      fc.property(vec, vec, (xs, ys) => {
        const n = Math.min(xs.length, ys.length);
        const x = np.array(xs.slice(0, n));
        const y = np.array(ys.slice(0, n));
        const g1 = ag.grad((t) => ag.sum(ag.mul(t, y)))(x) as NDArray;
        const g2 = ag.grad((t) => ag.sum(ag.add(t, y)))(x) as NDArray;
        const g3 = ag.grad((t) => ag.sum(ag.exp(t)))(x) as NDArray;
        expect(g1.tolist()).toEqual(y.tolist());
        expect(g2.tolist()).toEqual(np.ones([n]).tolist());
        expect(g3.tolist()).toEqual((np.exp(x) as NDArray).tolist());
      }),
    );
  });

  it("the Hessian is symmetric and equals the Jacobian of the gradient computed by central differences", () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 3 }), fc.array(step, { minLength: 1, maxLength: 3 }), (xs, steps) => {
        const f = (t: T) => applyT(steps, t);
        const x = np.array(xs);
        const H = ag.hessian(f)(x) as NDArray;
        const n = xs.length;
        const scale = Math.max(1, ...(np.ravel(H).tolist() as number[]).map(Math.abs));
        for (let j = 0; j < n; j++) {
          const h = 1e-5;
          const p = xs.slice();
          const m = xs.slice();
          p[j] += h;
          m[j] -= h;
          const gp = (ag.grad(f)(np.array(p)) as NDArray).tolist() as number[];
          const gm = (ag.grad(f)(np.array(m)) as NDArray).tolist() as number[];
          for (let i = 0; i < n; i++) {
            const fd = (gp[i] - gm[i]) / (p[j] - m[j]);
            if (!(Math.abs(H.item(i, j) as number - fd) <= 1e-5 * scale)) return false;
            if (!(Math.abs((H.item(i, j) as number) - (H.item(j, i) as number)) <= 1e-13 * scale)) return false;
          }
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });
});
