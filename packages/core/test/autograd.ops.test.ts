/**
 * np.autograd operations beyond the core set: pow with a tensor exponent, abs, square,
 * log1p, expm1, sin, cos, clip, minimum, where, concatenate, stack and the max/min
 * reductions. Expected values are analytic derivatives (stated next to each test)
 * evaluated with plain NumPy-style calls or by NumPy (fixtures/generate_autograd.py →
 * fixtures/autograd.json); none comes from the autograd implementation. PyTorch's
 * conventions at the non-differentiable points (0, ties, clip boundaries) are
 * checked exactly.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import type { NDArray } from "../src/index.ts";
import { flat, rand, recorder } from "./autograd-helpers.ts";
import { FIXTURES } from "./helpers.ts";

const ag = np.autograd;
const EPS = 2.220446049250313e-16;
const { check } = recorder("autograd ops: max relative error per test");

type Enc = { shape: number[]; data: string[] };
const F = JSON.parse(readFileSync(`${FIXTURES}/autograd.json`, "utf8"));
const arr = (e: Enc) => np.reshape(np.array(e.data.map(Number)), e.shape);

describe("pow: the gradient with respect to the exponent", () => {
  it("d/dy x^y = x^y ln x and d/dx x^y = y x^(y−1) at (x, y) = (2, 3): 8 ln 2 and 12", () => {
    const x = ag.tensor(2, { requiresGrad: true });
    const y = ag.tensor(3, { requiresGrad: true });
    ag.pow(x, y).backward();
    expect(x.grad!.item()).toBe(12);
    check("pow ∂/∂y at (2, 3) vs 8 ln 2", Number(y.grad!.item()), 8 * Math.log(2), EPS);
    // a constant base: d/dy 2.5^y = 2.5^y ln 2.5
    check("pow(2.5, y) at y = −0.7", ag.grad((t) => ag.pow(2.5, t))(-0.7), Math.pow(2.5, -0.7) * Math.log(2.5), 2 * EPS);
    // x^x: d/dx = x^x (ln x + 1)
    check("x^x at 1.3", ag.grad((t) => ag.pow(t, t))(1.3), Math.pow(1.3, 1.3) * (Math.log(1.3) + 1), 2 * EPS);
  });

  it("a JS number exponent stays a constant (the old behaviour, PyTorch's scalar overload)", () => {
    expect(ag.grad((t) => ag.pow(t, 3))(2)).toBe(12);
    expect(ag.grad((t) => ag.pow(t, 0))(0)).toBe(0);
    const e = ag.tensor(3);
    const x = ag.tensor(2, { requiresGrad: true });
    ag.pow(x, e).backward();
    expect(x.grad!.item()).toBe(12);
    expect(e.grad).toBeNull();
  });

  const P = F.pow;
  // Both sides evaluate x^y (V8 vs NumPy's libm, ≤ 1 ulp each), log (≤ 1 ulp) and a few products, and the
  // exponent gradient sums ≤ 3 terms of mixed sign: rtol 1e-14 of the largest magnitude covers it.
  for (const name of ["row", "col", "scalar", "full"]) {
    it(`broadcasting: x (2,3) ** y ${JSON.stringify(P.cases[name].y.shape)}, L = Σ W ⊙ x^y (fixture)`, () => {
      const c = P.cases[name];
      const x = ag.tensor(arr(P.x), { requiresGrad: true });
      const y = ag.tensor(arr(c.y), { requiresGrad: true });
      const loss = ag.sum(ag.mul(arr(P.W), ag.pow(x, y)));
      loss.backward();
      check(`pow ${name}: loss`, loss.item(), Number(c.loss), 1e-14);
      check(`pow ${name}: ∂L/∂x = W y x^(y−1)`, x.grad!, arr(c.grad_x), 1e-14);
      const gy = arr(c.grad_y);
      check(`pow ${name}: ∂L/∂y = Σ W x^y ln x`, y.grad!, gy, 1e-14, Math.max(...flat(gy).map(Math.abs)));
    });
  }
  it("a constant base broadcast against a tensor exponent: ∂/∂y Σ W 2.5^y = W 2.5^y ln 2.5 (fixture)", () => {
    const g = ag.grad((t) => ag.sum(ag.mul(arr(P.W), ag.pow(2.5, t))))(arr(P.const_base.y));
    check("pow const base: W 2.5^y ln 2.5", g, arr(P.const_base.grad_y), 1e-14);
  });

  it("PyTorch's conventions at zero and negative bases (fixture: NumPy's np.where of the rules)", () => {
    // base:     where(p = 0, 0, p a^(p−1))       → 0 at p = 0 even for a = 0; ±inf for a = 0, p < 1
    // exponent: where(a = 0 ∧ p ≥ 0, 0, a^p ln a) → −inf at a = 0, p < 0; NaN for a < 0
    const C = F.pow_conventions;
    const a = ag.tensor(arr(C.a), { requiresGrad: true });
    const p = ag.tensor(arr(C.p), { requiresGrad: true });
    ag.sum(ag.pow(a, p)).backward();
    expect(flat(a.grad!).map(String)).toEqual(C.grad_a.data.map((s: string) => String(Number(s))));
    const gp = flat(p.grad!);
    const want = C.grad_p.data.map(Number) as number[];
    want.forEach((w, i) => (Number.isFinite(w) && w !== 0 ? expect(Math.abs(gp[i] - w) / Math.abs(w)).toBeLessThanOrEqual(EPS) : expect(gp[i]).toBe(w)));
  });

  it("the Hessian of Σ w_i t_i^(t_{i+1}) against the analytic one (fixture)", () => {
    // g(x, y) = x^y: g_xx = y(y−1)x^(y−2), g_xy = x^(y−1)(1 + y ln x), g_yy = x^y ln² x, summed along the chain.
    const H = F.pow_hessian;
    const w = arr(H.w);
    const f = (t: np.Tensor) => ag.sum(ag.mul(w, ag.pow(ag.get(t, ":-1"), ag.get(t, "1:"))));
    const t = arr(H.t);
    const scale = (e: Enc) => Math.max(...e.data.map((v) => Math.abs(Number(v))));
    check("pow chain gradient", ag.grad(f)(t), arr(H.grad), 1e-14, scale(H.grad));
    const got = ag.hessian(f)(t) as NDArray;
    check("pow chain Hessian vs analytic", got, arr(H.hessian), 1e-14, scale(H.hessian));
    check("pow chain Hessian symmetric", got, got.T, 1e-15, scale(H.hessian));
  });

  it("second derivatives stay finite where a masked branch is infinite (the double where)", () => {
    // f(a, p) = a^p at a = 0, p = 2: ∂²f/∂a² = p(p−1)a^(p−2) = 2, ∂²f/∂a∂p = a^(p−1)(1 + p ln a) → 0 (one-sided), and
    // the exponent's gradient is the constant 0 on the masked point, so ∂²f/∂p² = 0.
    const H = ag.hessian((t) => ag.pow(ag.get(t, 0), ag.get(t, 1)))([0, 2]) as NDArray;
    expect(H.tolist()).toEqual([[2, 0], [0, 0]]);
    // at p = 0 the base gradient is +0 (PyTorch) but still depends on p: at (a, p) = (2, 0) the Hessian is
    // [[p(p−1)a^(p−2), a^(p−1)(1 + p ln a)], [·, a^p ln² a]] = [[0, ½], [½, ln² 2]]
    const H0 = ag.hessian((t) => ag.pow(ag.get(t, 0), ag.get(t, 1)))([2, 0]) as NDArray;
    expect(flat(H0).slice(0, 3)).toEqual([0, 0.5, 0.5]);
    check("Hessian of a^p at (2, 0): ln² 2", H0.item(1, 1) as number, Math.log(2) ** 2, EPS);
    expect(Object.is(ag.grad((t) => ag.pow(t, ag.tensor(0)))(-2), 0)).toBe(true);
    expect(Object.is(ag.grad((t) => ag.pow(t, ag.tensor(0)))(NaN), 0)).toBe(true);
    // x^x at 0.5: (x^x)'' = x^x ((ln x + 1)² + 1/x)
    const x = 0.5;
    check("Hessian of x^x at 0.5", ag.hessian((t) => ag.pow(t, t))(x), Math.pow(x, x) * ((Math.log(x) + 1) ** 2 + 1 / x), 4 * EPS);
  });
});

describe("element-wise ops (fixture: L = Σ W ⊙ op(x), ∂L/∂x = W ⊙ op'(x))", () => {
  const O = F.ops;
  const X = arr(O.x);
  const W = arr(O.W);
  const ops: [string, (t: np.Tensor) => np.Tensor, NDArray, number][] = [
    // exact: W·sign(x), W·2x are single roundings on both sides
    ["abs", (t) => ag.abs(t), X, 0],
    ["square", (t) => ag.square(t), X, 0],
    // libm differences: V8's cos/sin vs NumPy's, ≤ 1 ulp each, then one product
    ["sin", (t) => ag.sin(t), X, 3 * EPS],
    ["cos", (t) => ag.cos(t), X, 3 * EPS],
    // W / (1 + u) is exact on both sides up to the order (W/(1+u) vs W·(1/(1+u))): 2 roundings
    ["log1p", (t) => ag.log1p(t), np.abs(X) as NDArray, 2 * EPS],
    // expm1(x) + 1 vs exp(x): cancellation-free for x ≥ −2.5 within a few ulp
    ["expm1", (t) => ag.expm1(t), X, 8 * EPS],
  ];
  for (const [name, op, input, rtol] of ops) {
    it(name, () => check(`op ${name}`, ag.grad((t) => ag.sum(ag.mul(W, op(t))))(input), arr(O.grads[name]), rtol));
  }
  it("hand-picked points: |x|' = sign x (0 at 0), sin' 0 = 1, cos' 0 = −0, log1p' 0 = 1, expm1' 0 = 1, (x²)' = 2x", () => {
    expect(flat(ag.grad((t) => ag.sum(ag.abs(t)))([-3, -0, 0, 2]))).toEqual([-1, 0, 0, 1]);
    expect(ag.grad((t) => ag.sin(t))(0)).toBe(1);
    expect(ag.grad((t) => ag.cos(t))(0)).toBe(-0);
    expect(ag.grad((t) => ag.log1p(t))(0)).toBe(1);
    expect(ag.grad((t) => ag.expm1(t))(0)).toBe(1);
    expect(ag.grad((t) => ag.square(t))(-1.5)).toBe(-3);
    expect(ag.grad((t) => ag.log1p(t))(-1)).toBe(Infinity);
  });
  it("second derivatives: sin'' = −sin, cos'' = −cos, log1p'' = −1/(1+x)², expm1'' = eˣ, (x²)'' = 2, |x|'' = 0", () => {
    const x = 0.7;
    check("hessian sin", ag.hessian((t) => ag.sin(t))(x), -Math.sin(x), EPS);
    check("hessian cos", ag.hessian((t) => ag.cos(t))(x), -Math.cos(x), EPS);
    check("hessian log1p", ag.hessian((t) => ag.log1p(t))(x), -1 / (1 + x) ** 2, 2 * EPS);
    check("hessian expm1", ag.hessian((t) => ag.expm1(t))(x), Math.exp(x), 2 * EPS);
    expect(ag.hessian((t) => ag.square(t))(x)).toBe(2);
    expect(ag.hessian((t) => ag.abs(t))(x)).toBe(0);
  });
  it("methods mirror the functions", () => {
    const t = ag.tensor([0.5, -1], { requiresGrad: true });
    t.abs().square().sin().cos().log1p().expm1().sum().backward();
    const plain = ag.grad((v) => ag.sum(ag.expm1(ag.log1p(ag.cos(ag.sin(ag.square(ag.abs(v))))))))([0.5, -1]);
    expect(flat(t.grad!)).toEqual(flat(plain));
  });
});

describe("clip (PyTorch clamp_backward)", () => {
  const O = F.ops;
  it("the gradient passes where lo ≤ x ≤ hi, boundaries included (fixture)", () => {
    const g = ag.grad((t) => ag.sum(ag.mul(arr(O.W), ag.clip(t, Number(O.lo), Number(O.hi)))))(arr(O.xclip));
    check("clip W ⊙ [lo ≤ x ≤ hi]", g, arr(O.clip), 0);
  });
  it("one bound, tensor bounds get the rest, lo > hi gives everything to hi", () => {
    expect(flat(ag.grad((t) => ag.sum(ag.clip(t, 0, null)))([-1, 0, 1]))).toEqual([0, 1, 1]);
    expect(flat(ag.grad((t) => ag.sum(ag.clip(t, null, 0)))([-1, 0, 1]))).toEqual([1, 1, 0]);
    const x = ag.tensor([-2, 0.5, 3, 0.5, 1], { requiresGrad: true });
    const lo = ag.tensor([0, 0, 0, 2, 1], { requiresGrad: true });
    const hi = ag.tensor(1, { requiresGrad: true });
    // x below lo → lo; inside → x; above hi → hi; lo = 2 > hi = 1 → hi (NumPy's value); x = lo = hi = 1 → x
    const y = ag.clip(x, lo, hi);
    expect(flat(y.data)).toEqual([0, 0.5, 1, 1, 1]);
    ag.sum(ag.mul(y, [1, 2, 3, 4, 5])).backward();
    expect(flat(x.grad!)).toEqual([0, 2, 0, 0, 5]);
    expect(flat(lo.grad!)).toEqual([1, 0, 0, 0, 0]);
    expect(hi.grad!.item()).toBe(3 + 4); // summed over the broadcast
    expect(flat(ag.grad((t) => ag.sum(ag.clip(t, 0, 1)))([NaN]))).toEqual([0]);
  });
});

describe("max / min reductions (PyTorch amax/amin: ties share evenly)", () => {
  const O = F.ops;
  const X = arr(O.xties);
  for (const name of ["max", "min"] as const) {
    for (const axis of [null, 0, 1]) {
      it(`${name}(axis=${axis}) with ties (fixture: V / #ties on the extremal elements)`, () => {
        const c = O[`${name}_${axis === null ? "None" : axis}`];
        const V = arr(c.V);
        const g = ag.grad((t) => ag.sum(ag.mul(V, ag[name](t, { axis, keepdims: true }))))(X);
        // (V / count)·1: one rounding on both sides, in the same order as PyTorch's (ḡ / count)·mask
        check(`${name} axis ${axis} ties`, g, arr(c.grad), 0);
      });
    }
  }
  it("hand-picked: max [1, 3, 2, 3] → [0, ½, 0, ½]; amax/amin are aliases; keepdims false; NaN takes the gradient", () => {
    expect(flat(ag.grad((t) => ag.max(t))([1, 3, 2, 3]))).toEqual([0, 0.5, 0, 0.5]);
    expect(flat(ag.grad((t) => ag.amin(t))([2, 1, 1, 1]))).toEqual([0, 1 / 3, 1 / 3, 1 / 3]);
    expect(ag.amax).toBe(ag.max);
    const m = ag.max(ag.tensor([[1, 5], [7, 2]]), { axis: 1 });
    expect(m.shape).toEqual([2]);
    expect(flat(m.data)).toEqual([5, 7]);
    expect(flat(ag.grad((t) => ag.max(t))([1, NaN, 3, NaN]))).toEqual([0, 0.5, 0, 0.5]);
    expect(ag.max(ag.tensor([1, NaN])).item()).toBeNaN();
    expect(ag.hessian((t) => ag.max(t))([1, 2])).toEqual(np.zeros([2, 2]));
    const t = ag.tensor([[1, 5], [7, 2]], { requiresGrad: true });
    t.max({ axis: 0 }).sum().backward();
    expect(t.grad!.tolist()).toEqual([[0, 1], [1, 0]]);
  });
  it("minimum splits ties ½–½ like maximum", () => {
    expect(flat(ag.grad((t) => ag.sum(ag.minimum(t, [0, 1, 5])))([1, 1, 1]))).toEqual([0, 0.5, 1]);
    const b = ag.tensor(1, { requiresGrad: true });
    ag.sum(ag.minimum([0, 1, 5], b)).backward();
    expect(b.grad!.item()).toBe(0 + 0.5 + 1);
  });
});

describe("where, concatenate, stack", () => {
  it("where: the gradient flows to the selected branch only; the condition broadcasts", () => {
    // d/dx Σ where(c, x, 3x) = [c] + 3[¬c]
    expect(flat(ag.grad((t) => ag.sum(ag.where([true, false, true], t, ag.mul(t, 3))))([1, 1, 1]))).toEqual([1, 3, 1]);
    const a = ag.tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    const b = ag.tensor(0, { requiresGrad: true });
    ag.sum(ag.mul(ag.where([[true], [false]], a, b), [[1, 2, 3]])).backward();
    expect(a.grad!.tolist()).toEqual([[1, 2, 3], [0, 0, 0]]);
    expect(b.grad!.item()).toBe(6);
    const c = ag.tensor([true, false]);
    expect(() => ag.where(c, 1, 2)).not.toThrow();
  });
  it("where's 0·inf pitfall (as PyTorch/JAX) and the double-where fix", () => {
    // sqrt'(0) = inf: the unselected branch still multiplies its zero cotangent by inf
    const naive = flat(ag.grad((t) => ag.sum(ag.where(np.greater(t.data, 0), ag.sqrt(t), 0)))([0, 4]));
    expect(naive[0]).toBeNaN();
    expect(naive[1]).toBe(0.25);
    const safe = ag.grad((t) => {
      const pos = np.greater(t.data, 0);
      return ag.sum(ag.where(pos, ag.sqrt(ag.where(pos, t, 1)), 0));
    })([0, 4]);
    expect(flat(safe)).toEqual([0, 0.25]);
  });
  it("concatenate splits the cotangent back by slices (axis 0, 1, −1, null)", () => {
    const a = ag.tensor(rand([2, 3], 71), { requiresGrad: true });
    const b = ag.tensor(rand([2, 1], 72), { requiresGrad: true });
    const W = np.reshape(np.arange(8), [2, 4]);
    ag.sum(ag.mul(ag.concatenate([a, b], { axis: 1 }), W)).backward();
    expect(a.grad!.tolist()).toEqual([[0, 1, 2], [4, 5, 6]]);
    expect(b.grad!.tolist()).toEqual([[3], [7]]);
    const g0 = ag.grad((t) => ag.sum(ag.mul(ag.concatenate([t, np.ones([1, 2]), t]), np.reshape(np.arange(10), [5, 2]))))([[0, 0], [0, 0]]);
    expect((g0 as NDArray).tolist()).toEqual([[0 + 6, 1 + 7], [2 + 8, 3 + 9]]);
    const gm = ag.grad((t) => ag.sum(ag.mul(ag.concatenate([[[9]], t], { axis: -1 }), [[1, 2, 3]])))([[0, 0]]);
    expect((gm as NDArray).tolist()).toEqual([[2, 3]]);
    const gn = ag.grad((t) => ag.sum(ag.mul(ag.concatenate([t, [7]], { axis: null }), [1, 2, 3, 4, 5])))([[0, 0], [0, 0]]);
    expect((gn as NDArray).tolist()).toEqual([[1, 2], [3, 4]]);
    expect(() => ag.concatenate([ag.tensor([[1]]), ag.tensor([1])])).toThrow(/same number of dimensions/);
  });
  it("stack: input j gets slice j along the new axis (axis 0, 1, 2, −1)", () => {
    // Σ W ⊙ stack([a, b], axis): ∂/∂a = W[…, 0, …], ∂/∂b = W[…, 1, …] (index 0/1 on the stacked axis)
    for (const axis of [0, 1, 2, -1]) {
      const ax = axis < 0 ? axis + 3 : axis;
      const shape = [3, 2];
      shape.splice(ax, 0, 2);
      const W = np.reshape(np.arange(12), shape);
      const a = ag.tensor(np.zeros([3, 2]), { requiresGrad: true });
      const b = ag.tensor(np.zeros([3, 2]), { requiresGrad: true });
      ag.sum(ag.mul(ag.stack([a, b], { axis }), W)).backward();
      const at = (j: number) => (W.get(...new Array<string>(ax).fill(":"), j) as NDArray).tolist();
      expect(a.grad!.tolist(), `axis ${axis}`).toEqual(at(0));
      expect(b.grad!.tolist(), `axis ${axis}`).toEqual(at(1));
    }
    const g = ag.grad((t) => ag.sum(ag.mul(ag.stack([t, ag.mul(t, 10)], { axis: 1 }), [[1, 2], [3, 4]])))([0, 0]);
    expect(flat(g)).toEqual([1 + 20, 3 + 40]);
    expect(() => ag.stack([ag.tensor([1, 2]), ag.tensor([1])])).toThrow("all input arrays must have the same shape");
  });
  it("second order through concatenate and where: Hessian of Σ concatenate([x², x³]) = diag(2 + 6x)", () => {
    const x = [0.5, -1.5];
    const H = ag.hessian((t) => ag.sum(ag.concatenate([ag.square(t), ag.pow(t, 3)])))(x) as NDArray;
    expect(H.tolist()).toEqual([[2 + 6 * 0.5, 0], [0, 2 - 9]]);
  });
});
