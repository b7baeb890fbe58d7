/**
 * np.autograd: every expected gradient is either an analytic formula evaluated
 * with the core's NumPy functions, or a central finite difference of a forward
 * pass written with plain NumPy-style calls (no autograd). Nothing expected
 * comes from the autograd implementation itself. Each suite prints its maximum
 * relative error.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { NDArray } from "../src/index.ts";
import { centralDiff, flat, rand, recorder } from "./autograd-helpers.ts";
import { FIXTURES } from "./helpers.ts";

const ag = np.autograd;
const { measured, check } = recorder("autograd: max relative error per test");

describe("the cheat sheet's example", () => {
  it("d/dx x² at x = 2 is exactly 4 (backward and grad)", () => {
    const x = ag.tensor(2, { requiresGrad: true });
    const y = ag.mul(x, x);
    y.backward();
    expect(x.grad!.shape).toEqual([]);
    expect(x.grad!.item()).toBe(4);
    expect(ag.grad((t) => ag.pow(t, 2))(2)).toBe(4);
    expect(ag.grad((t) => t.mul(t))(2)).toBe(4);
    measured.push(["x² at 2 (exact)", 0]);
  });
});

describe("linear-regression MSE", () => {
  const n = 40;
  const X = rand([n, 3], 1);
  const y = rand([n], 2);
  const theta = np.array([0.3, -1.2, 2.5]);
  it("∇θ mean((Xθ − y)²) = (2/n) Xᵀ(Xθ − y)", () => {
    const loss = (th: np.Tensor) => ag.mean(ag.pow(ag.sub(ag.matmul(X, th), y), 2));
    const [value, g] = ag.valueAndGrad(loss)(theta);
    const r = np.subtract(np.matmul(X, theta), y) as NDArray;
    expect(value).toBe(np.mean(np.multiply(r, r) as NDArray)); // same ufuncs, same pairwise mean
    const want = np.multiply(2 / n, np.matmul(X.T, r)) as NDArray;
    check("MSE gradient vs (2/n)Xᵀ(Xθ−y)", g, want, 1e-12);
  });
  it("backward on a leaf with θ as a column, and the Hessian (2/n) XᵀX exactly", () => {
    const th = ag.tensor(np.reshape(theta, [3, 1]), { requiresGrad: true });
    ag.mean(ag.pow(ag.sub(ag.matmul(X, th), np.reshape(y, [n, 1])), 2)).backward();
    const r = np.subtract(np.matmul(X, theta), y) as NDArray;
    check("MSE gradient, θ (3,1) via backward()", th.grad!, np.reshape(np.multiply(2 / n, np.matmul(X.T, r)) as NDArray, [3, 1]), 1e-12);
    const H = ag.hessian((t) => ag.mean(ag.pow(ag.sub(ag.matmul(X, t), y), 2)))(theta);
    check("MSE Hessian vs (2/n)XᵀX", H, np.multiply(2 / n, np.matmul(X.T, X)) as NDArray, 1e-12);
  });
});

describe("softmax cross-entropy", () => {
  const z = np.multiply(3, rand([4, 5], 3)) as NDArray;
  const labels = [1, 0, 4, 2];
  const onehot = np.zeros([4, 5]);
  labels.forEach((c, i) => onehot.set(i, c, 1));
  const want = np.subtract(np.special.softmax(z, { axis: 1 }), onehot) as NDArray;
  it("∇z of −Σ onehot·log_softmax(z) = softmax(z) − onehot", () => {
    const g = ag.grad((t) => ag.neg(ag.sum(ag.mul(onehot, ag.log_softmax(t, { axis: 1 })))))(z);
    check("CE (onehot product) vs softmax − onehot", g, want, 1e-12);
  });
  it("the same loss by advanced indexing, and by logsumexp − z[y]", () => {
    const g1 = ag.grad((t) => ag.neg(ag.sum(ag.get(ag.log_softmax(t, { axis: 1 }), [0, 1, 2, 3], labels))))(z);
    check("CE (advanced indexing) vs softmax − onehot", g1, want, 1e-12);
    const g2 = ag.grad((t) => ag.sub(ag.sum(ag.logsumexp(t, { axis: 1 })), ag.sum(ag.get(t, [0, 1, 2, 3], labels))))(z);
    check("CE (logsumexp − z[y]) vs softmax − onehot", g2, want, 1e-12);
  });
  it("the values are the core's (bit for bit)", () => {
    const t = ag.tensor(z);
    expect(flat(ag.log_softmax(t, { axis: 1 }).data)).toEqual(flat(np.special.log_softmax(z, { axis: 1 })));
    expect(flat(ag.softmax(t, { axis: 1 }).data)).toEqual(flat(np.special.softmax(z, { axis: 1 })));
    expect(flat(ag.logsumexp(t, { axis: 1 }).data)).toEqual(flat(np.special.logsumexp(z, { axis: 1 })));
  });
  it("Jacobian of softmax = diag(p) − ppᵀ; Hessian of logsumexp is the same", () => {
    const v = np.array([0.2, -1, 0.7]);
    const p = np.special.softmax(v);
    const want2 = np.subtract(np.diag(p), np.outer(p, p)) as NDArray;
    check("softmax Jacobian vs diag(p) − ppᵀ", ag.jacobian((t) => ag.softmax(t))(v), want2, 1e-12, 1e-3);
    check("logsumexp Hessian vs diag(p) − ppᵀ", ag.hessian((t) => ag.logsumexp(t))(v), want2, 1e-12, 1e-3);
  });
});

describe("two-layer MLP (tanh hidden layer) vs central differences", () => {
  // Central differences with step h = 1e-5·max(1,|θ|): truncation error ~h²·|f'''|/6 ≈ 1e-11 and
  // rounding ~ε·|f|/h ≈ 1e-11 (f = O(1)), so agreement to ~1e-9 is expected; rtol 1e-6 leaves margin
  // (atol floor 1e-6·max|∇| for components near zero).
  const X = rand([6, 3], 11);
  const Y = rand([6, 2], 12);
  const shapes: Record<string, number[]> = { W1: [3, 4], b1: [4], W2: [4, 2], b2: [2] };
  const params: Record<string, NDArray> = { W1: rand([3, 4], 13), b1: rand([4], 14), W2: rand([4, 2], 15), b2: rand([2], 16) };
  const forwardPlain = (p: Record<string, NDArray>): number => {
    const h = np.tanh(np.add(np.matmul(X, p.W1), p.b1)) as NDArray;
    const out = np.add(np.matmul(h, p.W2), p.b2) as NDArray;
    const d = np.subtract(out, Y) as NDArray;
    return np.mean(np.multiply(d, d) as NDArray);
  };
  it("every parameter's gradient via backward()", () => {
    const T = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, ag.tensor(v, { requiresGrad: true })]));
    const h = ag.tanh(ag.add(ag.matmul(X, T.W1), T.b1));
    const loss = ag.mean(ag.pow(ag.sub(ag.add(ag.matmul(h, T.W2), T.b2), Y), 2));
    expect(loss.item()).toBe(forwardPlain(params));
    loss.backward();
    for (const k of Object.keys(shapes)) {
      const fd = centralDiff((v) => forwardPlain({ ...params, [k]: v }), params[k]);
      const scale = Math.max(...flat(fd).map(Math.abs));
      check(`MLP ∂L/∂${k} vs central differences`, T[k].grad!, fd, 1e-6, 1e-6 * scale);
    }
  });
});

describe("broadcasting, relu, accumulation", () => {
  it("sum(a + b), a (2,3), b (3,): ones and [2, 2, 2]", () => {
    const a = ag.tensor(rand([2, 3], 5), { requiresGrad: true });
    const b = ag.tensor([1, 2, 3], { requiresGrad: true });
    ag.sum(ag.add(a, b)).backward();
    expect(a.grad!.tolist()).toEqual([[1, 1, 1], [1, 1, 1]]);
    expect(b.grad!.tolist()).toEqual([2, 2, 2]);
  });
  it("size-1 axes broadcast: mul (2,1) by (1,3)", () => {
    const a = ag.tensor([[1], [2]], { requiresGrad: true });
    const b = ag.tensor([[10, 20, 30]], { requiresGrad: true });
    ag.sum(ag.mul(a, b)).backward();
    expect(a.grad!.tolist()).toEqual([[60], [60]]);
    expect(b.grad!.tolist()).toEqual([[3, 3, 3]]);
  });
  it("relu's gradient at 0 is 0; maximum splits ties", () => {
    expect(ag.grad((x) => ag.relu(x))(0)).toBe(0);
    expect(flat(ag.grad((x) => ag.sum(ag.relu(x)))([-2, 0, 3]))).toEqual([0, 0, 1]);
    expect(flat(ag.grad((x) => ag.sum(ag.maximum(x, 1)))([0, 1, 2]))).toEqual([0, 0.5, 1]);
  });
  it("gradients accumulate over two backward calls; zeroGrad resets", () => {
    const x = ag.tensor([1, -2], { requiresGrad: true });
    const loss = () => ag.sum(ag.mul(x, x));
    loss().backward();
    expect(x.grad!.tolist()).toEqual([2, -4]);
    loss().backward();
    expect(x.grad!.tolist()).toEqual([4, -8]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
    loss().backward();
    expect(x.grad!.tolist()).toEqual([2, -4]);
  });
  it("a tensor used twice gets the sum of both paths; constants get no grad", () => {
    const x = ag.tensor(3, { requiresGrad: true });
    const c = ag.tensor(5);
    ag.add(ag.mul(x, c), ag.exp(x)).backward();
    expect(x.grad!.item()).toBe(5 + Math.exp(3));
    expect(c.grad).toBeNull();
  });
  it("backward needs a single element (or an explicit gradient)", () => {
    const x = ag.tensor([1, 2], { requiresGrad: true });
    expect(() => ag.mul(x, 2).backward()).toThrow("grad can be implicitly created only for scalar outputs");
    ag.mul(x, 2).backward({ gradient: [1, 10] });
    expect(x.grad!.tolist()).toEqual([2, 20]);
    expect(() => ag.tensor(1).backward()).toThrow(/does not require grad/);
  });
  it("noGrad records nothing", () => {
    const x = ag.tensor(1, { requiresGrad: true });
    expect(ag.noGrad(() => ag.exp(x)).requiresGrad).toBe(false);
    expect(ag.exp(x).requiresGrad).toBe(true);
  });
});

describe("each operation against its analytic derivative", () => {
  const x = np.array([0.3, 1.7, 2.2]);
  const y = np.array([-0.4, 0.9, 1.5]);
  const cases: [string, (t: np.Tensor) => np.Tensor, NDArray][] = [
    ["exp", (t) => ag.sum(ag.exp(t)), np.exp(x) as NDArray],
    ["log", (t) => ag.sum(ag.log(t)), np.divide(1, x) as NDArray],
    ["sqrt", (t) => ag.sum(ag.sqrt(t)), np.divide(0.5, np.sqrt(x)) as NDArray],
    ["tanh", (t) => ag.sum(ag.tanh(t)), np.subtract(1, np.square(np.tanh(x))) as NDArray],
    ["sigmoid", (t) => ag.sum(ag.sigmoid(t)), np.multiply(np.special.expit(x), np.subtract(1, np.special.expit(x))) as NDArray],
    ["pow 3.5", (t) => ag.sum(ag.pow(t, 3.5)), np.multiply(3.5, np.power(x, 2.5)) as NDArray],
    ["div x/y (wrt x)", (t) => ag.sum(ag.div(t, y)), np.divide(1, y) as NDArray],
    ["div y/x (wrt x)", (t) => ag.sum(ag.div(y, t)), np.negative(np.divide(y, np.square(x))) as NDArray],
    ["sub y − x", (t) => ag.sum(ag.sub(y, t)), np.full(3, -1)],
    ["mean", (t) => ag.mean(t), np.full(3, 1 / 3)],
    ["get(\"::-1\")·[1,2,3]", (t) => ag.sum(ag.mul(ag.get(t, "::-1"), [1, 2, 3])), np.array([3, 2, 1])],
    ["matmul 1-D·1-D", (t) => ag.matmul(t, y), y],
    ["matmul 2-D @ 1-D", (t) => ag.sum(ag.matmul(np.outer(y, [1, 2, 3]), t)), np.multiply(np.sum(y), np.array([1, 2, 3])) as NDArray],
    ["sum(axis, keepdims) then weights", (t) => ag.sum(ag.mul(ag.sum(ag.reshape(t, [3, 1]), { axis: 1, keepdims: true }), [[1], [2], [3]])), np.array([1, 2, 3])],
  ];
  for (const [name, f, want] of cases) {
    it(name, () => check(`op ${name}`, ag.grad(f)(x), want, 4 * 2.220446049250313e-16));
  }
  it("matmul 2-D @ 2-D gradients: Ḡ Bᵀ and Aᵀ Ḡ", () => {
    const A = ag.tensor(rand([2, 3], 21), { requiresGrad: true });
    const B = ag.tensor(rand([3, 4], 22), { requiresGrad: true });
    const W = rand([2, 4], 23);
    ag.sum(ag.mul(ag.matmul(A, B), W)).backward();
    check("matmul ∂A = W Bᵀ", A.grad!, np.matmul(W, B.data.T) as NDArray, 1e-14);
    check("matmul ∂B = Aᵀ W", B.grad!, np.matmul(A.data.T, W) as NDArray, 1e-14);
  });
  it("transpose and reshape move the gradient back", () => {
    const W = rand([3, 2], 31);
    check("transpose", ag.grad((t) => ag.sum(ag.mul(ag.transpose(t), W)))(rand([2, 3], 32)), W.T, 0);
    check("reshape", ag.grad((t) => ag.sum(ag.mul(ag.reshape(t, [3, 2]), W)))(rand([6], 33)), np.ravel(W), 0);
  });
});

describe("jacobian and hessian (exact, reverse over reverse)", () => {
  it("Hessian of Σx³ + x₀x₁ is diag(6x) + offdiag 1", () => {
    const H = ag.hessian((t) => ag.add(ag.sum(ag.pow(t, 3)), ag.mul(ag.get(t, 0), ag.get(t, 1))))([1, 2, 3]);
    expect((H as NDArray).tolist()).toEqual([[6, 1, 0], [1, 12, 0], [0, 0, 18]]);
  });
  it("second derivatives of exp, tanh, sigmoid, log, sqrt of a number", () => {
    const x = 0.7;
    const t = Math.tanh(x);
    const s = 1 / (1 + Math.exp(-x));
    check("hessian exp", ag.hessian((v) => ag.exp(v))(x), Math.exp(x), 2.3e-16);
    check("hessian tanh", ag.hessian((v) => ag.tanh(v))(x), -2 * t * (1 - t * t), 1e-15);
    check("hessian sigmoid", ag.hessian((v) => ag.sigmoid(v))(x), s * (1 - s) * (1 - 2 * s), 1e-14);
    check("hessian log", ag.hessian((v) => ag.log(v))(x), -1 / (x * x), 2.3e-16);
    check("hessian sqrt", ag.hessian((v) => ag.sqrt(v))(x), -0.25 * Math.pow(x, -1.5), 1e-15);
  });
  it("Hessian of the MLP loss in one weight matrix vs central differences of the exact gradient", () => {
    const X = rand([5, 2], 41);
    const W2 = rand([3], 42);
    const f = (w: np.Tensor) => ag.sum(ag.pow(ag.matmul(ag.tanh(ag.matmul(X, ag.reshape(w, [2, 3]))), W2), 2));
    const w0 = rand([6], 43);
    const H = ag.hessian(f)(w0) as NDArray;
    const cols = [0, 1, 2, 3, 4, 5].map((j) => centralDiff((w) => flat(ag.grad(f)(w))[j], w0));
    const fd = np.stack(cols);
    check("MLP Hessian vs central differences of grad", H, fd, 1e-6, 1e-6 * Math.max(...flat(fd).map(Math.abs)));
    check("Hessian symmetric", H, (H as NDArray).T, 1e-14, 1e-12);
  });
  it("jacobian shape is shape(f(x)) + shape(x); a constant f has zero derivatives", () => {
    const J = ag.jacobian((t) => ag.matmul(np.ones([2, 3]), ag.reshape(t, [3, 2])))(rand([6], 51)) as NDArray;
    expect(J.shape).toEqual([2, 2, 6]);
    expect(ag.grad(() => ag.tensor(3))([1, 2])).toEqual(np.zeros([2]));
    expect(ag.hessian((t) => ag.sum(t))(2)).toBe(0);
  });
});

describe("NumPy references (fixtures/autograd.json, hand-derived gradients evaluated by NumPy 2.4.6)", () => {
  type Enc = { shape: number[]; data: string[] };
  const F = JSON.parse(readFileSync(`${FIXTURES}/autograd.json`, "utf8"));
  const arr = (e: Enc) => np.reshape(np.array(e.data.map(Number)), e.shape);
  // NumPy's matmul is OpenBLAS (FMA, its own summation order): rtol 1e-12 relative to each result's
  // largest magnitude covers the reordering; the measured maxima are printed.
  const scaled = (want: NDArray) => 1e-3 * Math.max(...flat(want).map(Math.abs));
  it("MSE: loss, gradient (2/n)Xᵀ(Xθ − y) and Hessian (2/n)XᵀX", () => {
    const m = F.mse;
    const X = arr(m.X), y = arr(m.y);
    const f = (t: np.Tensor) => ag.mean(ag.pow(ag.sub(ag.matmul(X, t), y), 2));
    const [value, g] = ag.valueAndGrad(f)(arr(m.theta));
    check("fixture MSE loss", value, Number(m.loss), 1e-12);
    check("fixture MSE gradient", g, arr(m.grad), 1e-12, scaled(arr(m.grad)));
    check("fixture MSE Hessian", ag.hessian(f)(arr(m.theta)), arr(m.hessian), 1e-12, scaled(arr(m.hessian)));
  });
  it("cross-entropy: softmax(z) − onehot", () => {
    const c = F.ce;
    const rows = c.labels.map((_: number, i: number) => i);
    const f = (t: np.Tensor) => ag.neg(ag.sum(ag.get(ag.log_softmax(t, { axis: 1 }), rows, c.labels)));
    const [value, g] = ag.valueAndGrad(f)(arr(c.z));
    check("fixture CE loss", value, Number(c.loss), 1e-12);
    check("fixture CE gradient", g, arr(c.grad), 1e-12, scaled(arr(c.grad)));
  });
  it("MLP: hand backprop in NumPy", () => {
    const m = F.mlp;
    const P = Object.fromEntries(["W1", "b1", "W2", "b2"].map((k) => [k, ag.tensor(arr(m[k]), { requiresGrad: true })]));
    const h = ag.tanh(ag.add(ag.matmul(arr(m.X), P.W1), P.b1));
    const loss = ag.mean(ag.pow(ag.sub(ag.add(ag.matmul(h, P.W2), P.b2), arr(m.Y)), 2));
    loss.backward();
    check("fixture MLP loss", loss.item(), Number(m.loss), 1e-12);
    for (const k of ["W1", "b1", "W2", "b2"]) {
      const want = arr(m.grads[k]);
      check(`fixture MLP ∂L/∂${k}`, P[k].grad!, want, 1e-12, scaled(want));
    }
  });
});

describe("second order through the softmax family", () => {
  it("Hessian of cross-entropy via log_softmax is diag(p) − ppᵀ", () => {
    const z = np.array([0.5, -1.5, 2.0, 0.1]);
    const p = np.special.softmax(z);
    const want = np.subtract(np.diag(p), np.outer(p, p)) as NDArray;
    const H = ag.hessian((t) => ag.neg(ag.get(ag.log_softmax(t), 2)))(z);
    check("CE Hessian (log_softmax) vs diag(p) − ppᵀ", H, want, 1e-12, 1e-3);
  });
  it("Hessian of w·softmax(z) vs central differences of the exact gradient", () => {
    const z = np.array([0.3, -0.2, 1.1]);
    const w = np.array([1.0, -2.0, 0.5]);
    const f = (t: np.Tensor) => ag.sum(ag.mul(ag.softmax(t), w));
    const H = ag.hessian(f)(z) as NDArray;
    const fd = np.stack([0, 1, 2].map((j) => centralDiff((v) => flat(ag.grad(f)(v))[j], z)));
    check("softmax Hessian vs central differences of grad", H, fd, 1e-6, 1e-6 * Math.max(...flat(fd).map(Math.abs)));
  });
});

describe("more shapes and errors", () => {
  it("batched matmul with a broadcast right operand: ∂B = Σ_batch A_iᵀ W_i", () => {
    const A = ag.tensor(rand([2, 2, 3], 61), { requiresGrad: true });
    const B = ag.tensor(rand([3, 4], 62), { requiresGrad: true });
    const W = rand([2, 2, 4], 63);
    ag.sum(ag.mul(ag.matmul(A, B), W)).backward();
    const Ad = A.data;
    const want = np.add(np.matmul((Ad.get(0) as NDArray).T, W.get(0) as NDArray), np.matmul((Ad.get(1) as NDArray).T, W.get(1) as NDArray)) as NDArray;
    check("batched matmul ∂B", B.grad!, want, 1e-15, 1e-3);
    check("batched matmul ∂A", A.grad!, np.matmul(W, B.data.T) as NDArray, 1e-15, 1e-3);
  });
  it("boolean-mask indexing scatters back", () => {
    const g = ag.grad((t) => ag.sum(ag.mul(ag.get(t, [true, false, true]), [5, 7])))([1, 2, 3]);
    expect(flat(g)).toEqual([5, 0, 7]);
  });
  it("methods mirror the functions", () => {
    const x = ag.tensor([[1, 2], [3, 4]], { requiresGrad: true });
    x.T.matmul([1, 1]).exp().sum().backward();
    // y_j = exp(Σ_i x_ij): ∂/∂x_ij = exp(column sum j)
    expect(x.grad!.tolist()).toEqual([[Math.exp(4), Math.exp(6)], [Math.exp(4), Math.exp(6)]]);
  });
  it("grad refuses non-scalar outputs", () => {
    expect(() => ag.grad((t) => ag.mul(t, 2))([1, 2])).toThrow(/single-element/);
  });
});
