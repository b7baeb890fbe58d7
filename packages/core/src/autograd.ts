/**
 * Reverse-mode automatic differentiation in PyTorch's idiom (`np.autograd`):
 * the gradient $\nabla_\theta L$ is what `loss.backward()` leaves in `theta.grad`.
 *
 * ```ts
 * const x = np.autograd.tensor(2, { requiresGrad: true });
 * const y = np.autograd.mul(x, x);
 * y.backward();
 * x.grad; // 4 (0-d NDArray)
 * np.autograd.grad((x) => np.autograd.mul(x, x))(2); // 4
 * ```
 *
 * How it works: every operation computes its value with the core's ufuncs and
 * reductions (so values are exactly what the same NumPy expression gives where
 * those are bit-exact) and, when an input requires a gradient, records its
 * parents and a vector–Jacobian product (VJP) closure on the result. `backward`
 * sorts the recorded graph topologically and sweeps it in reverse, summing
 * cotangents. The VJPs are themselves written with these differentiable
 * operations, so a sweep run with `createGraph` records a graph of the gradient:
 * that is how {@link hessian} is exact (reverse over reverse), with no finite
 * differences anywhere.
 *
 * Broadcasting in binary operations is NumPy's; the cotangent of a broadcast
 * operand is summed back over the broadcast axes. JS numbers, nested arrays and
 * NDArrays mix with tensors as constants. Everything is float64.
 */
import { arange, asarray, ones, zeros } from "./creation.ts";
import { axisFlags } from "./iter.ts";
import { matmul as npMatmul } from "./linalg.ts";
import { greater_equal as npGreaterEqual, less_equal as npLessEqual, logical_and as npLogicalAnd, logical_or as npLogicalOr, where as npWhere } from "./logic.ts";
import {
  broadcast_to, concatenate as npConcatenate, reshape as npReshape, stack as npStack, transpose as npTranspose, type AxisOption,
} from "./manipulation.ts";
import {
  clip as npClip, cos as npCos, expm1 as npExpm1, log1p as npLog1p, sign as npSign, sin as npSin, square as npSquare, tanh as npTanh,
} from "./math.ts";
import { copyToC, NDArray, type ArrayLike, type Scalar } from "./ndarray.ts";
import type { IndexElement } from "./indexing.ts";
import { max as npMax, mean as npMean, min as npMin, sum as npSum } from "./reductions.ts";
import { expit, log_softmax as npLogSoftmax, logsumexp as npLogsumexp, softmax as npSoftmax } from "./special.ts";
import {
  abs as npAbs, add as npAdd, divide as npDivide, equal as npEqual, exp as npExp, greater as npGreater, isnan as npIsnan,
  less as npLess, log as npLog, maximum as npMaximum, minimum as npMinimum, multiply as npMultiply, negative as npNegative,
  power as npPower, sqrt as npSqrt, subtract as npSubtract,
} from "./ufunc.ts";

// ------------------------------------------------------------------ the Tensor

/** Options of {@link tensor}. */
export interface TensorOptions {
  /** Record operations on this tensor so that gradients flow to it (PyTorch `requires_grad`). */
  requiresGrad?: boolean;
}

/** Options of {@link Tensor.backward}. */
export interface BackwardOptions {
  /** The cotangent to start from (default: ones; required in PyTorch for non-scalar outputs). */
  gradient?: ArrayLike;
}

type VJP = (g: Tensor) => (Tensor | null)[];

/** Anything an operation accepts: a tensor, or a constant (number, nested array, NDArray). */
export type TensorLike = Tensor | ArrayLike;

let gradEnabled = true;

function withGradMode<T>(enabled: boolean, fn: () => T): T {
  const prev = gradEnabled;
  gradEnabled = enabled;
  try {
    return fn();
  } finally {
    gradEnabled = prev;
  }
}

function f64(x: NDArray | Scalar): NDArray {
  const a = asarray(x);
  return a.dtype === "float64" ? a : new NDArray(copyToC(a, "float64"), a.shape);
}

/**
 * A float64 array that records the operations applied to it (PyTorch's
 * `torch.Tensor`). `data` is the value, `grad` the accumulated gradient of
 * the last `backward()` calls (leaves only, as PyTorch), `requiresGrad`
 * whether gradients flow to it.
 *
 * Special cases: `grad` is `null` until a backward sweep reaches the tensor;
 * gradients accumulate over several `backward()` calls until `zeroGrad()`.
 *
 * @example
 * const x = np.autograd.tensor([1, 2, 3], { requiresGrad: true });
 * np.autograd.sum(np.autograd.mul(x, x)).backward();
 * x.grad; // [2. 4. 6.]
 * @numpy 2 * np.array([1.0, 2.0, 3.0])
 */
export class Tensor {
  /** The value. */
  readonly data: NDArray;
  /** Whether gradients flow to this tensor. */
  readonly requiresGrad: boolean;
  /** The gradient accumulated by `backward()` (leaves only), or `null`. */
  grad: NDArray | null = null;
  /** @internal inputs of the operation that produced this tensor. */
  readonly _parents: readonly Tensor[];
  /** @internal VJP of that operation (`null` for leaves and constants). */
  readonly _vjp: VJP | null;

  constructor(data: NDArray, requiresGrad = false, parents: readonly Tensor[] = [], vjp: VJP | null = null) {
    this.data = data;
    this.requiresGrad = requiresGrad;
    this._parents = parents;
    this._vjp = vjp;
  }

  get shape(): number[] {
    return this.data.shape;
  }
  get ndim(): number {
    return this.data.ndim;
  }
  get size(): number {
    return this.data.size;
  }
  /** True for tensors created by the user (no recorded operation). */
  get isLeaf(): boolean {
    return this._vjp === null;
  }
  /** The value of a size-1 tensor as a JS number. */
  item(): number {
    if (this.data.size !== 1) throw new RangeError("can only convert an array of size 1 to a Python scalar");
    return Number(this.data.item(...new Array<number>(this.data.ndim).fill(0)));
  }
  /** A tensor with the same value that records nothing (PyTorch `detach`). */
  detach(): Tensor {
    return new Tensor(this.data);
  }
  /** Resets `grad` to `null` (PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    this.grad = null;
  }
  /**
   * Accumulates $\partial\,\text{this}/\partial\,\text{leaf}$ into every leaf's
   * `grad`. The tensor must have one element unless `gradient` is given
   * (PyTorch: "grad can be implicitly created only for scalar outputs").
   */
  backward(options: BackwardOptions = {}): void {
    let seed: NDArray;
    if (options.gradient === undefined) {
      if (this.size !== 1) throw new RangeError("grad can be implicitly created only for scalar outputs");
      seed = ones(this.shape);
    } else {
      seed = f64(asarray(options.gradient));
      if (seed.shape.join() !== this.shape.join()) seed = f64(broadcast_to(seed, this.shape).copy());
    }
    if (!this.requiresGrad) throw new TypeError("element 0 of tensors does not require grad and does not have a grad_fn");
    const grads = sweep(this, new Tensor(seed), false);
    for (const [t, g] of grads) {
      if (!t.isLeaf || !t.requiresGrad) continue;
      t.grad = t.grad === null ? g.data.copy() : (npAdd(t.grad, g.data) as NDArray);
    }
  }
  toString(): string {
    return `tensor(${String(this.data)}${this.requiresGrad ? ", requiresGrad=true" : ""})`;
  }

  add(other: TensorLike): Tensor { return add(this, other); }
  sub(other: TensorLike): Tensor { return sub(this, other); }
  mul(other: TensorLike): Tensor { return mul(this, other); }
  div(other: TensorLike): Tensor { return div(this, other); }
  neg(): Tensor { return neg(this); }
  pow(p: TensorLike): Tensor { return pow(this, p); }
  matmul(other: TensorLike): Tensor { return matmul(this, other); }
  sum(options: ReduceOptions = {}): Tensor { return sum(this, options); }
  mean(options: ReduceOptions = {}): Tensor { return mean(this, options); }
  exp(): Tensor { return exp(this); }
  log(): Tensor { return log(this); }
  sqrt(): Tensor { return sqrt(this); }
  tanh(): Tensor { return tanh(this); }
  sigmoid(): Tensor { return sigmoid(this); }
  relu(): Tensor { return relu(this); }
  abs(): Tensor { return abs(this); }
  square(): Tensor { return square(this); }
  log1p(): Tensor { return log1p(this); }
  expm1(): Tensor { return expm1(this); }
  sin(): Tensor { return sin(this); }
  cos(): Tensor { return cos(this); }
  clip(lo: TensorLike | null, hi: TensorLike | null): Tensor { return clip(this, lo, hi); }
  max(options: ReduceOptions = {}): Tensor { return max(this, options); }
  min(options: ReduceOptions = {}): Tensor { return min(this, options); }
  reshape(...shape: number[]): Tensor { return reshape(this, shape); }
  transpose(...axes: number[]): Tensor { return transpose(this, axes.length ? axes : null); }
  get T(): Tensor { return transpose(this); }
  get(...index: IndexElement[]): Tensor { return get(this, ...index); }
}

/**
 * Creates a tensor (PyTorch `torch.tensor(data, requires_grad=…)`): the data is
 * copied and cast to float64.
 *
 * $$x \in \mathbb{R}^{\text{shape}}$$
 *
 * Special cases: a JS number gives a 0-d tensor; an existing `Tensor` is
 * detached and copied.
 *
 * @example
 * np.autograd.tensor([[1, 2], [3, 4]], { requiresGrad: true }).data; // [[1. 2.]
 * //  [3. 4.]]
 * @numpy np.array([[1.0, 2.0], [3.0, 4.0]])
 */
export function tensor(data: TensorLike, options: TensorOptions = {}): Tensor {
  const a = data instanceof Tensor ? data.data : asarray(data);
  return new Tensor(new NDArray(copyToC(a, "float64"), a.shape), !!options.requiresGrad);
}

function lift(x: TensorLike): Tensor {
  return x instanceof Tensor ? x : new Tensor(f64(asarray(x)));
}

/** Records `value = op(inputs)` with its VJP when some input requires a gradient. */
function record(value: NDArray | Scalar, inputs: readonly Tensor[], vjp: VJP): Tensor {
  const v = f64(value);
  if (gradEnabled && inputs.some((t) => t.requiresGrad)) return new Tensor(v, true, inputs, vjp);
  return new Tensor(v);
}

// --------------------------------------------------------------- the sweep

/** Parents-before-children order of the nodes reachable from `root` that require a gradient. */
function topoOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>([root]);
  const stack: { t: Tensor; i: number }[] = [{ t: root, i: 0 }];
  while (stack.length) {
    const fr = stack[stack.length - 1];
    if (fr.i < fr.t._parents.length) {
      const p = fr.t._parents[fr.i++];
      if (p.requiresGrad && !visited.has(p)) {
        visited.add(p);
        stack.push({ t: p, i: 0 });
      }
    } else {
      order.push(fr.t);
      stack.pop();
    }
  }
  return order;
}

/** Reverse sweep from `root` with cotangent `seed`: the cotangent of every reached node. */
function sweep(root: Tensor, seed: Tensor, createGraph: boolean): Map<Tensor, Tensor> {
  return withGradMode(createGraph, () => {
    const grads = new Map<Tensor, Tensor>([[root, seed]]);
    const order = topoOrder(root);
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k];
      const g = grads.get(t);
      if (g === undefined || t._vjp === null) continue;
      const gs = t._vjp(g);
      t._parents.forEach((p, i) => {
        const gi = gs[i];
        if (!p.requiresGrad || gi === null || gi === undefined) return;
        const prev = grads.get(p);
        grads.set(p, prev === undefined ? gi : add(prev, gi));
      });
    }
    return grads;
  });
}

// ------------------------------------------------------- shape plumbing ops

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Sums `t` down to `shape` (undoes broadcasting); VJP: broadcast back. */
function sumTo(t: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(t.shape, shape)) return t;
  const lead = t.ndim - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < t.ndim; i++) if (i < lead || (shape[i - lead] === 1 && t.shape[i] !== 1)) axes.push(i);
  const s = axes.length ? (npSum(t.data, { axis: axes, keepdims: true }) as NDArray) : t.data;
  const target = [...shape];
  return record(npReshape(s, target), [t], (g) => [broadcastTo(g, t.shape)]);
}

/** Broadcasts `t` to `shape` (a copy); VJP: sum back. */
function broadcastTo(t: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(t.shape, shape)) return t;
  return record(broadcast_to(t.data, shape).copy(), [t], (g) => [sumTo(g, t.shape)]);
}

/**
 * Reshapes a tensor (NumPy `np.reshape`; `-1` infers one dimension). The
 * gradient is reshaped back.
 *
 * $$\operatorname{vec}(\operatorname{reshape}(x)) = \operatorname{vec}(x),\qquad \bar x = \operatorname{reshape}(\bar y, \text{shape}(x))$$
 *
 * Special cases: sizes must match (NumPy's error otherwise).
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.mul(np.autograd.reshape(x, [2, 2]), [[1, 2], [3, 4]])))([0, 0, 0, 0]); // [1. 2. 3. 4.]
 * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).reshape(-1)
 */
export function reshape(t: TensorLike, shape: number | readonly number[]): Tensor {
  const a = lift(t);
  return record(npReshape(a.data, shape).copy(), [a], (g) => [reshape(g, a.shape)]);
}

/**
 * Permutes the axes (NumPy `np.transpose`; reversed by default). The gradient
 * is transposed by the inverse permutation.
 *
 * $$y = x^{\mathsf T},\qquad \bar x = \bar y^{\mathsf T}$$
 *
 * Special cases: a 1-D tensor is unchanged.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.mul(np.autograd.transpose(x), [[1, 2], [3, 4]])))([[0, 0], [0, 0]]); // [[1. 3.]
 * //  [2. 4.]]
 * @numpy np.array([[1.0, 2.0], [3.0, 4.0]]).T
 */
export function transpose(t: TensorLike, axes: readonly number[] | null = null): Tensor {
  const a = lift(t);
  const perm = axes ?? a.shape.map((_, i) => a.ndim - 1 - i);
  const norm = perm.map((p) => (p < 0 ? p + a.ndim : p));
  const inv = new Array<number>(norm.length);
  norm.forEach((p, i) => (inv[p] = i));
  return record(npTranspose(a.data, norm).copy(), [a], (g) => [transpose(g, inv)]);
}

/** Gathers the flat (C-order) positions `pos` of `t` into `shape`; VJP: scatter-add. */
function gatherFlat(t: Tensor, pos: Float64Array, shape: readonly number[]): Tensor {
  const src = copyToC(t.data, "float64") as Float64Array;
  const out = new Float64Array(pos.length);
  for (let i = 0; i < pos.length; i++) out[i] = src[pos[i]];
  return record(new NDArray(out, [...shape]), [t], (g) => [scatterAddFlat(g, pos, t.shape)]);
}

/** Zeros of `shape` with `t`'s elements added at the flat positions `pos`; VJP: gather. */
function scatterAddFlat(t: Tensor, pos: Float64Array, shape: readonly number[]): Tensor {
  const src = copyToC(t.data, "float64") as Float64Array;
  const out = new Float64Array(shape.reduce((p, d) => p * d, 1));
  for (let i = 0; i < pos.length; i++) out[pos[i]] += src[i];
  return record(new NDArray(out, [...shape]), [t], (g) => [gatherFlat(g, pos, t.shape)]);
}

/**
 * Indexing (NumPy `a[...]`, the core's `a.get(...)`): basic and advanced
 * indices. The gradient scatters the cotangent back, adding where an element
 * was selected more than once (NumPy `np.add.at`).
 *
 * $$y = x[\text{index}],\qquad \bar x = \texttt{add.at}(0, \text{index}, \bar y)$$
 *
 * Special cases: an all-integer index gives a 0-d tensor.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.get(x, [0, 0, 2])))([1, 1, 1]); // [2. 0. 1.]
 * @numpy g = np.zeros(3); np.add.at(g, [0, 0, 2], 1.0); g
 */
export function get(t: TensorLike, ...index: IndexElement[]): Tensor {
  const a = lift(t);
  const value = f64(asarray(a.data.get(...index)));
  const flatPos = f64(asarray((arange(a.size).reshape(a.shape) as NDArray).get(...index)));
  const pos = copyToC(flatPos, "float64") as Float64Array;
  return record(value, [a], (g) => [scatterAddFlat(g, pos, a.shape)]);
}

// ------------------------------------------------------------- arithmetic

/**
 * Addition with NumPy broadcasting (`np.add`). Each gradient is the cotangent
 * summed over the axes its operand was broadcast along.
 *
 * $$\frac{\partial (a + b)}{\partial a} = \frac{\partial (a + b)}{\partial b} = 1$$
 *
 * Special cases: a constant operand (number, array) gets no gradient.
 *
 * @example
 * np.autograd.grad((b) => np.autograd.sum(np.autograd.add(np.ones([2, 3]), b)))([0, 0, 0]); // [2. 2. 2.]
 * @numpy np.ones((2, 3)).sum(axis=0)
 */
export function add(x: TensorLike, y: TensorLike): Tensor {
  const a = lift(x);
  const b = lift(y);
  return record(npAdd(a.data, b.data), [a, b], (g) => [sumTo(g, a.shape), sumTo(g, b.shape)]);
}

/**
 * Subtraction with broadcasting (`np.subtract`).
 *
 * $$\frac{\partial (a - b)}{\partial a} = 1,\qquad \frac{\partial (a - b)}{\partial b} = -1$$
 *
 * Special cases: as {@link add}.
 *
 * @example
 * np.autograd.grad((b) => np.autograd.sub(3, b))(1); // -1.0
 * @numpy -np.float64(1.0)
 */
export function sub(x: TensorLike, y: TensorLike): Tensor {
  const a = lift(x);
  const b = lift(y);
  return record(npSubtract(a.data, b.data), [a, b], (g) => [sumTo(g, a.shape), sumTo(neg(g), b.shape)]);
}

/**
 * Element-wise product with broadcasting (`np.multiply`).
 *
 * $$\frac{\partial (ab)}{\partial a} = b,\qquad \frac{\partial (ab)}{\partial b} = a$$
 *
 * Special cases: as {@link add}.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.mul(x, x))(2); // 4.0
 * @numpy 2 * np.float64(2.0)
 */
export function mul(x: TensorLike, y: TensorLike): Tensor {
  const a = lift(x);
  const b = lift(y);
  return record(npMultiply(a.data, b.data), [a, b], (g) => [sumTo(mul(g, b), a.shape), sumTo(mul(g, a), b.shape)]);
}

/**
 * True division with broadcasting (`np.divide`).
 *
 * $$\frac{\partial (a/b)}{\partial a} = \frac1b,\qquad \frac{\partial (a/b)}{\partial b} = -\frac{a}{b^2}$$
 *
 * Special cases: division by 0 gives ±inf/NaN values and gradients (no error), as NumPy.
 *
 * @example
 * np.autograd.grad((b) => np.autograd.div(1, b))(4); // -0.0625
 * @numpy -1.0 / np.float64(4.0) ** 2
 */
export function div(x: TensorLike, y: TensorLike): Tensor {
  const a = lift(x);
  const b = lift(y);
  return record(npDivide(a.data, b.data), [a, b], (g) => [sumTo(div(g, b), a.shape), sumTo(neg(div(mul(g, a), mul(b, b))), b.shape)]);
}

/**
 * Negation (`np.negative`).
 *
 * $$\frac{\partial (-a)}{\partial a} = -1$$
 *
 * Special cases: none.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.neg(x))(5); // -1.0
 * @numpy -np.float64(1.0)
 */
export function neg(x: TensorLike): Tensor {
  const a = lift(x);
  return record(npNegative(a.data), [a], (g) => [neg(g)]);
}

/**
 * Power with broadcasting (`np.power(a, p)`, PyTorch `torch.pow`): the
 * gradient flows to the base and, when the exponent is a tensor, to the
 * exponent too.
 *
 * $$\frac{\partial a^p}{\partial a} = p\,a^{p-1},\qquad \frac{\partial a^p}{\partial p} = a^p \ln a$$
 *
 * Special cases (PyTorch's `pow_backward_self` / `pow_backward_exponent`):
 * where `p = 0` the base gradient is +0 (even at `a = 0`; its derivative in
 * `p`, $a^{p-1}$, is kept, so Hessians stay symmetric); where `a = 0` and
 * `p ≥ 0` the exponent gradient is 0 (the one-sided limit, instead of
 * `0 · (−inf)` = NaN); `a = 0, p < 0` gives `inf · (−inf) = −inf`; a negative
 * base gives a NaN exponent gradient (`ln a`). A JS number `p` is a constant:
 * no exponent gradient, as PyTorch's scalar overload. Array exponents
 * broadcast; their gradient is summed back over the broadcast axes.
 *
 * @example
 * np.autograd.grad((y) => np.autograd.pow(2, y))(3); // 5.545177444479562
 * @numpy(ulp=1) np.float64(2.0) ** 3 * np.log(2.0)
 */
export function pow(x: TensorLike, p: TensorLike): Tensor {
  const a = lift(x);
  if (typeof p === "number") {
    return record(npPower(a.data, p), [a], (g) => [p === 0 ? mul(g, 0) : mul(g, mul(pow(a, p - 1), p))]);
  }
  const e = lift(p);
  const out = record(npPower(a.data, e.data), [a, e], (g) => {
    // Masked entries get harmless inputs inside the formula as well as a 0 outside it ("double
    // where"): else a second sweep multiplies their zero cotangent by an inf/NaN partial derivative.
    // PyTorch masks the base gradient wherever p = 0; only a = 0 (0 · inf) and a = NaN need it: elsewhere
    // p·a^(p−1) is already ±0 and keeps its p-derivative a^(p−1), so the Hessian stays symmetric
    // (PyTorch's would have a 0 there). `+ 0` turns −0 into PyTorch's +0.
    const pZero = npEqual(e.data, 0);
    const singular = npLogicalAnd(pZero, npLogicalOr(npEqual(a.data, 0), npIsnan(a.data)));
    const v = mul(g, mul(e, pow(where(singular, 1, a), sub(e, 1))));
    const ga = where(singular, 0, where(pZero, add(v, 0), v));
    const zeroBase = npLogicalAnd(npEqual(a.data, 0), npGreaterEqual(e.data, 0));
    const ge = mul(g, where(zeroBase, 0, mul(out, log(where(zeroBase, 1, a)))));
    return [sumTo(ga, a.shape), sumTo(ge, e.shape)];
  });
  return out;
}

/**
 * Matrix product (`np.matmul` / `@`) for 1-D and n-D operands (batch axes broadcast).
 *
 * $$C = AB,\qquad \bar A = \bar C B^{\mathsf T},\qquad \bar B = A^{\mathsf T}\bar C$$
 *
 * Special cases: a 1-D operand is promoted to a row (left) or column (right)
 * matrix and the inserted axis removed, as NumPy; 0-d operands raise NumPy's error.
 *
 * @example
 * np.autograd.grad((A) => np.autograd.sum(np.autograd.matmul(A, [1, 2])))([[0, 0], [0, 0]]); // [[1. 2.]
 * //  [1. 2.]]
 * @numpy np.outer(np.ones(2), np.array([1.0, 2.0]))
 */
export function matmul(x: TensorLike, y: TensorLike): Tensor {
  const a = lift(x);
  const b = lift(y);
  if (a.ndim === 0 || b.ndim === 0) npMatmul(a.data, b.data); // NumPy's error
  const a2 = a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a;
  const b2 = b.ndim === 1 ? reshape(b, [b.shape[0], 1]) : b;
  const c = matmulND(a2, b2);
  if (a.ndim > 1 && b.ndim > 1) return c;
  const shape = c.shape.slice();
  if (b.ndim === 1) shape.splice(shape.length - 1, 1);
  if (a.ndim === 1) shape.splice(shape.length - (b.ndim === 1 ? 1 : 2), 1);
  return reshape(c, shape);
}

function swapLast(t: Tensor): Tensor {
  const axes = t.shape.map((_, i) => i);
  [axes[t.ndim - 2], axes[t.ndim - 1]] = [axes[t.ndim - 1], axes[t.ndim - 2]];
  return transpose(t, axes);
}

function matmulND(a: Tensor, b: Tensor): Tensor {
  return record(npMatmul(a.data, b.data), [a, b], (g) => [sumTo(matmulND(g, swapLast(b)), a.shape), sumTo(matmulND(swapLast(a), g), b.shape)]);
}

// -------------------------------------------------------------- reductions

/** `axis` and `keepdims` of {@link sum}, {@link mean}, {@link logsumexp}. */
export interface ReduceOptions {
  /** Axis or axes to reduce (default: all). */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes with length 1. */
  keepdims?: boolean;
}

function keptShape(shape: readonly number[], flags: readonly boolean[]): number[] {
  return shape.map((d, i) => (flags[i] ? 1 : d));
}

/** The cotangent of a reduction, reshaped to keepdims form and broadcast to the input. */
function unreduce(g: Tensor, inShape: readonly number[], flags: readonly boolean[]): Tensor {
  return broadcastTo(reshape(g, keptShape(inShape, flags)), inShape);
}

/**
 * Sum over axes (`np.sum`, NumPy's pairwise summation). The gradient is the
 * cotangent broadcast back over the summed axes.
 *
 * $$\frac{\partial}{\partial x_i}\sum_j x_j = 1$$
 *
 * Special cases: all axes without `keepdims` give a 0-d tensor.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(x))([[1, 2], [3, 4]]); // [[1. 1.]
 * //  [1. 1.]]
 * @numpy np.ones((2, 2))
 */
export function sum(x: TensorLike, options: ReduceOptions = {}): Tensor {
  const a = lift(x);
  const flags = axisFlags(options.axis as number | number[] | null | undefined, a.ndim);
  const value = npSum(a.data, { axis: options.axis as number | number[] | null | undefined, keepdims: !!options.keepdims });
  return record(value, [a], (g) => [unreduce(g, a.shape, flags)]);
}

/**
 * Mean over axes (`np.mean`: pairwise sum / n). The gradient is the cotangent
 * divided by n, broadcast back.
 *
 * $$\frac{\partial}{\partial x_i}\frac1n\sum_j x_j = \frac1n$$
 *
 * Special cases: an empty reduction gives NaN (as NumPy, without its warning).
 *
 * @example
 * np.autograd.grad((x) => np.autograd.mean(x))([1, 2, 3, 4]); // [0.25 0.25 0.25 0.25]
 * @numpy np.full(4, 1 / 4)
 */
export function mean(x: TensorLike, options: ReduceOptions = {}): Tensor {
  const a = lift(x);
  const flags = axisFlags(options.axis as number | number[] | null | undefined, a.ndim);
  const n = a.shape.reduce((p, d, i) => (flags[i] ? p * d : p), 1);
  const value = npMean(a.data, { axis: options.axis as number | number[] | null | undefined, keepdims: !!options.keepdims });
  return record(value, [a], (g) => [div(unreduce(g, a.shape, flags), n)]);
}

// ------------------------------------------------------------ element-wise

/**
 * Exponential (`np.exp`).
 *
 * $$\frac{d}{dx}e^x = e^x$$
 *
 * Special cases: the gradient reuses the computed value, so it is exactly `np.exp(x)` times the cotangent.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.exp(x))(1); // 2.718281828459045
 * @numpy(ulp=1) np.exp(1.0)
 */
export function exp(x: TensorLike): Tensor {
  const a = lift(x);
  const out = record(npExp(a.data), [a], (g) => [mul(g, out)]);
  return out;
}

/**
 * Natural logarithm (`np.log`).
 *
 * $$\frac{d}{dx}\log x = \frac1x$$
 *
 * Special cases: `log(0) = -inf` with gradient `inf`; negative inputs give NaN.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.log(x))(4); // 0.25
 * @numpy 1 / np.float64(4.0)
 */
export function log(x: TensorLike): Tensor {
  const a = lift(x);
  return record(npLog(a.data), [a], (g) => [div(g, a)]);
}

/**
 * Square root (`np.sqrt`).
 *
 * $$\frac{d}{dx}\sqrt x = \frac{1}{2\sqrt x}$$
 *
 * Special cases: the gradient at 0 is `inf`.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sqrt(x))(4); // 0.25
 * @numpy 1 / (2 * np.sqrt(4.0))
 */
export function sqrt(x: TensorLike): Tensor {
  const a = lift(x);
  const out = record(npSqrt(a.data), [a], (g) => [div(g, mul(out, 2))]);
  return out;
}

/**
 * Hyperbolic tangent (`np.tanh`).
 *
 * $$\frac{d}{dx}\tanh x = 1 - \tanh^2 x$$
 *
 * Special cases: the gradient is computed from the value, `1 − y²` (0 once `tanh` rounds to ±1).
 *
 * @example
 * np.autograd.grad((x) => np.autograd.tanh(x))(0.5); // 0.7864477329659274
 * @numpy(ulp=4) 1 - np.tanh(0.5) ** 2
 */
export function tanh(x: TensorLike): Tensor {
  const a = lift(x);
  const out = record(npTanh(a.data), [a], (g) => [mul(g, sub(1, mul(out, out)))]);
  return out;
}

/**
 * The logistic sigmoid (`scipy.special.expit`, `1 / (1 + exp(-x))`).
 *
 * $$\sigma'(x) = \sigma(x)\,(1 - \sigma(x))$$
 *
 * Special cases: saturates to 0 and 1 without NaN; the gradient is then 0.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sigmoid(x))(0); // 0.25
 * @numpy s = 1 / (1 + np.exp(-0.0)); s * (1 - s)
 */
export function sigmoid(x: TensorLike): Tensor {
  const a = lift(x);
  const out = record(expit(a.data), [a], (g) => [mul(g, mul(out, sub(1, out)))]);
  return out;
}

/**
 * Rectified linear unit, `np.maximum(x, 0)`.
 *
 * $$\operatorname{relu}'(x) = \begin{cases}1 & x > 0\\ 0 & x \le 0\end{cases}$$
 *
 * Special cases: the gradient at exactly 0 is 0 (as PyTorch); NaN propagates.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.relu(x)))([-1, 0, 2]); // [0. 0. 1.]
 * @numpy (np.array([-1.0, 0.0, 2.0]) > 0).astype(float)
 */
export function relu(x: TensorLike): Tensor {
  const a = lift(x);
  const mask = new Tensor(f64(npGreater(a.data, 0)));
  return record(npMaximum(a.data, 0), [a], (g) => [mul(g, mask)]);
}

/**
 * Element-wise maximum with broadcasting (`np.maximum`, NaN propagates).
 *
 * $$\frac{\partial \max(a, b)}{\partial a} = [a > b] + \tfrac12[a = b]$$
 *
 * Special cases: ties split the gradient equally between the operands (as PyTorch's `torch.maximum`).
 *
 * @example
 * np.autograd.grad((a) => np.autograd.sum(np.autograd.maximum(a, [0, 1, 5])))([1, 1, 1]); // [1.  0.5 0. ]
 * @numpy np.array([1.0, 0.5, 0.0])
 */
export function maximum(x: TensorLike, y: TensorLike): Tensor {
  return pick(x, y, npMaximum, npGreater);
}

/** `maximum`/`minimum`: the winner by `beats` takes the cotangent, ties split it ½–½ (PyTorch). */
function pick(x: TensorLike, y: TensorLike, op: typeof npMaximum, beats: typeof npGreater): Tensor {
  const a = lift(x);
  const b = lift(y);
  const tie = npMultiply(f64(npEqual(a.data, b.data)), 0.5);
  const ma = new Tensor(f64(npAdd(f64(beats(a.data, b.data)), tie)));
  const mb = new Tensor(f64(npAdd(f64(beats(b.data, a.data)), tie)));
  return record(op(a.data, b.data), [a, b], (g) => [sumTo(mul(g, ma), a.shape), sumTo(mul(g, mb), b.shape)]);
}

/**
 * Element-wise minimum with broadcasting (`np.minimum`, NaN propagates).
 *
 * $$\frac{\partial \min(a, b)}{\partial a} = [a < b] + \tfrac12[a = b]$$
 *
 * Special cases: ties split the gradient equally between the operands (as PyTorch's `torch.minimum`).
 *
 * @example
 * np.autograd.grad((a) => np.autograd.sum(np.autograd.minimum(a, [0, 1, 5])))([1, 1, 1]); // [0.  0.5 1. ]
 * @numpy np.array([0.0, 0.5, 1.0])
 */
export function minimum(x: TensorLike, y: TensorLike): Tensor {
  return pick(x, y, npMinimum, npLess);
}

/**
 * Absolute value (`np.abs`).
 *
 * $$\frac{d}{dx}|x| = \operatorname{sign}(x)$$
 *
 * Special cases: the gradient at 0 is 0 (PyTorch's `grad · sgn(x)`), at NaN it
 * is NaN (`np.sign`); the second derivative is 0 (the sign is a constant).
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.abs(x)))([-2, 0, 3]); // [-1.  0.  1.]
 * @numpy np.sign(np.array([-2.0, 0.0, 3.0]))
 */
export function abs(x: TensorLike): Tensor {
  const a = lift(x);
  const s = new Tensor(f64(npSign(a.data)));
  return record(npAbs(a.data), [a], (g) => [mul(g, s)]);
}

/**
 * Square (`np.square`).
 *
 * $$\frac{d}{dx}x^2 = 2x$$
 *
 * Special cases: none (the value is `np.square`, bit-exact; the gradient `g · 2x`).
 *
 * @example
 * np.autograd.grad((x) => np.autograd.square(x))(-1.5); // -3.0
 * @numpy 2 * np.float64(-1.5)
 */
export function square(x: TensorLike): Tensor {
  const a = lift(x);
  return record(npSquare(a.data), [a], (g) => [mul(g, mul(a, 2))]);
}

/**
 * $\log(1 + x)$, accurate for small $x$ (`np.log1p`).
 *
 * $$\frac{d}{dx}\log(1 + x) = \frac{1}{1 + x}$$
 *
 * Special cases: `x = −1` gives `−inf` with gradient `inf`; `x < −1` gives NaN.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.log1p(x))(0.25); // 0.8
 * @numpy 1 / (1 + np.float64(0.25))
 */
export function log1p(x: TensorLike): Tensor {
  const a = lift(x);
  return record(npLog1p(a.data), [a], (g) => [div(g, add(a, 1))]);
}

/**
 * $e^x - 1$, accurate for small $x$ (`np.expm1`).
 *
 * $$\frac{d}{dx}(e^x - 1) = e^x$$
 *
 * Special cases: the gradient is computed from the value as `y + 1` (PyTorch), so it is 1 at 0 exactly.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.expm1(x))(1); // 2.7182818284590455
 * @numpy(ulp=1) np.expm1(1.0) + 1
 */
export function expm1(x: TensorLike): Tensor {
  const a = lift(x);
  const out = record(npExpm1(a.data), [a], (g) => [mul(g, add(out, 1))]);
  return out;
}

/**
 * Sine (`np.sin`).
 *
 * $$\frac{d}{dx}\sin x = \cos x$$
 *
 * Special cases: `±inf` and NaN give NaN values and gradients.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sin(x))(0.5); // 0.8775825618903728
 * @numpy(ulp=1) np.cos(0.5)
 */
export function sin(x: TensorLike): Tensor {
  const a = lift(x);
  return record(npSin(a.data), [a], (g) => [mul(g, cos(a))]);
}

/**
 * Cosine (`np.cos`).
 *
 * $$\frac{d}{dx}\cos x = -\sin x$$
 *
 * Special cases: `±inf` and NaN give NaN values and gradients.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.cos(x))(0.5); // -0.479425538604203
 * @numpy(ulp=1) -np.sin(0.5)
 */
export function cos(x: TensorLike): Tensor {
  const a = lift(x);
  return record(npCos(a.data), [a], (g) => [mul(g, neg(sin(a)))]);
}

/**
 * Clips to `[lo, hi]` (`np.clip`, PyTorch `torch.clamp`); a bound may be `null`
 * (absent) or a tensor, which then gets a gradient too.
 *
 * $$\frac{\partial\,\mathrm{clip}(x, l, h)}{\partial x} = [\,l \le x \le h\,],\qquad
 * \frac{\partial}{\partial l} = [\,x < l < h\,],\qquad \frac{\partial}{\partial h} = [\,x > h \;\lor\; h < l\,]$$
 *
 * Special cases (PyTorch's `clamp_backward`): at a boundary (`x = l` or
 * `x = h`) the gradient goes to `x` (subgradient 1), not to the bound; with
 * `l > h` the value is `h` (NumPy) and only `h` gets the gradient; NaN in `x`
 * gives a NaN value and gradient 0.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.clip(x, 0, 1)))([-1, 0, 0.5, 1, 2]); // [0. 1. 1. 1. 0.]
 * @numpy x = np.array([-1.0, 0.0, 0.5, 1.0, 2.0]); ((x >= 0) & (x <= 1)).astype(float)
 */
export function clip(x: TensorLike, lo: TensorLike | null, hi: TensorLike | null): Tensor {
  const a = lift(x);
  const l = lo === null || lo === undefined ? null : lift(lo);
  const h = hi === null || hi === undefined ? null : lift(hi);
  const value = npClip(a.data, l === null ? null : l.data, h === null ? null : h.data);
  const parents = [a, ...(l ? [l] : []), ...(h ? [h] : [])];
  return record(value, parents, (g) => {
    const ad = a.data;
    let inside: NDArray | boolean = true;
    if (l) inside = npGreaterEqual(ad, l.data);
    if (h) inside = inside === true ? npLessEqual(ad, h.data) : npLogicalAnd(inside, npLessEqual(ad, h.data));
    const grads = [inside === true ? g : sumTo(where(inside, g, 0), a.shape)];
    if (l) {
      const below = h ? npLogicalAnd(npLess(ad, l.data), npLess(l.data, h.data)) : npLess(ad, l.data);
      grads.push(sumTo(where(below, g, 0), l.shape));
    }
    if (h) {
      const above = l ? npLogicalOr(npGreater(ad, h.data), npLess(h.data, l.data)) : npGreater(ad, h.data);
      grads.push(sumTo(where(above, g, 0), h.shape));
    }
    return grads;
  });
}

// ------------------------------------------------- selection and joining

/**
 * Selects `x` where `condition` is true and `y` elsewhere (`np.where(c, x, y)`,
 * PyTorch `torch.where`), with broadcasting. The condition is a constant.
 *
 * $$\frac{\partial}{\partial x_i}\,\mathrm{where}(c, x, y)_i = [c_i],\qquad \frac{\partial}{\partial y_i} = [\lnot c_i]$$
 *
 * Special cases: the unselected branch receives a zero cotangent, but its own
 * VJP still runs, so a branch whose derivative is inf/NaN at the unselected
 * points gives NaN (`0 · inf`) exactly as in PyTorch and JAX: make its input
 * safe with a second `where` (e.g. `sqrt(where(x > 0, x, 1))`).
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.where([true, false, true], x, np.autograd.mul(x, 3))))([1, 1, 1]); // [1. 3. 1.]
 * @numpy np.where([True, False, True], 1.0, 3.0)
 */
export function where(condition: TensorLike, x: TensorLike, y: TensorLike): Tensor {
  const c = condition instanceof Tensor ? condition.data : asarray(condition);
  const a = lift(x);
  const b = lift(y);
  return record(npWhere(c, a.data, b.data), [a, b], (g) => [sumTo(where(c, g, 0), a.shape), sumTo(where(c, 0, g), b.shape)]);
}

/** `":"` for each axis before `axis`, then `last`: an index along one axis. */
function alongAxis(axis: number, last: IndexElement): IndexElement[] {
  return [...new Array<IndexElement>(axis).fill(":"), last];
}

/**
 * Joins tensors along an existing axis (`np.concatenate`, PyTorch `torch.cat`);
 * `axis: null` flattens them first. The gradient is the cotangent cut back
 * into the inputs' slices.
 *
 * $$y = [x^{(1)}, \dots, x^{(k)}]_{\text{axis}},\qquad \bar x^{(j)} = \bar y[\dots, o_j : o_j + n_j]$$
 *
 * Special cases: NumPy's errors for mismatched shapes; constants among the inputs get no gradient.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.mul(np.autograd.concatenate([x, [0]]), [1, 2, 3])))([5, 5]); // [1. 2.]
 * @numpy np.array([1.0, 2.0, 3.0])[:2]
 */
export function concatenate(tensors: readonly TensorLike[], options: AxisOption = {}): Tensor {
  const ts = tensors.map(lift);
  const value = npConcatenate(ts.map((t) => t.data), options);
  const flatten = options.axis === null;
  const axis = flatten ? 0 : (options.axis ?? 0) < 0 ? (options.axis ?? 0) + value.ndim : (options.axis ?? 0);
  return record(value, ts, (g) => {
    let offset = 0;
    return ts.map((t) => {
      const n = flatten ? t.size : t.shape[axis];
      const piece = get(g, ...alongAxis(axis, `${offset}:${offset + n}`));
      offset += n;
      return flatten ? reshape(piece, t.shape) : piece;
    });
  });
}

/**
 * Joins same-shape tensors along a new axis (`np.stack`, PyTorch `torch.stack`).
 * The gradient of input `j` is the cotangent's slice `j` along that axis.
 *
 * $$y[\dots, j, \dots] = x^{(j)},\qquad \bar x^{(j)} = \bar y[\dots, j, \dots]$$
 *
 * Special cases: NumPy's errors ("all input arrays must have the same shape"); `axis` ranges over `ndim + 1` positions.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.mul(np.autograd.stack([x, np.autograd.mul(x, 10)], { axis: 1 }), [[1, 2], [3, 4]])))([0, 0]); // [21. 43.]
 * @numpy w = np.array([[1.0, 2.0], [3.0, 4.0]]); w[:, 0] + 10 * w[:, 1]
 */
export function stack(tensors: readonly TensorLike[], options: { axis?: number } = {}): Tensor {
  const ts = tensors.map(lift);
  const value = npStack(ts.map((t) => t.data), options);
  const axis = (options.axis ?? 0) < 0 ? (options.axis ?? 0) + value.ndim : (options.axis ?? 0);
  return record(value, ts, (g) => ts.map((_, j) => get(g, ...alongAxis(axis, j))));
}

// ------------------------------------------------------ max / min reductions

/**
 * A max/min reduction whose gradient is shared evenly by the elements equal to
 * the result (PyTorch's `amax`/`amin` and full `max()`/`min()` backward); in a
 * slice whose result is NaN the NaN elements share it (PyTorch's `evenly_distribute_backward`).
 */
function extremum(x: TensorLike, options: ReduceOptions, reduce: typeof npMax): Tensor {
  const a = lift(x);
  const axis = (options.axis ?? null) as number | number[] | null;
  const flags = axisFlags(axis, a.ndim);
  const value = reduce(a.data, { axis, keepdims: !!options.keepdims });
  const kept = npReshape(f64(value), keptShape(a.shape, flags));
  const hit = npLogicalOr(npEqual(a.data, kept), npLogicalAnd(npIsnan(a.data), npIsnan(kept)));
  const mask = new Tensor(f64(hit));
  const count = new Tensor(f64(npSum(f64(hit), { axis, keepdims: true })));
  // PyTorch's order, (ḡ / count) · mask, so shared gradients are the same bits.
  return record(value, [a], (g) => [mul(div(unreduce(g, a.shape, flags), count), mask)]);
}

/**
 * Maximum over axes (`np.max` = `np.amax`, PyTorch `torch.amax`). The gradient
 * goes to the maximal elements, shared evenly among ties.
 *
 * $$\frac{\partial}{\partial x_i}\max_j x_j = \frac{[x_i = \max x]}{\#\{j : x_j = \max x\}}$$
 *
 * Special cases: ties share the gradient (PyTorch's `amax` and `max()`; not
 * `torch.max(x, dim)`, which picks one index); a NaN maximum sends the
 * gradient to the NaN elements (as `max()`; `torch.amax` gives NaN there); an
 * empty reduction raises NumPy's error.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.max(x))([1, 3, 2, 3]); // [0.  0.5 0.  0.5]
 * @numpy np.array([0.0, 0.5, 0.0, 0.5])
 */
export function max(x: TensorLike, options: ReduceOptions = {}): Tensor {
  return extremum(x, options, npMax);
}

/**
 * Minimum over axes (`np.min` = `np.amin`, PyTorch `torch.amin`). The gradient
 * goes to the minimal elements, shared evenly among ties.
 *
 * $$\frac{\partial}{\partial x_i}\min_j x_j = \frac{[x_i = \min x]}{\#\{j : x_j = \min x\}}$$
 *
 * Special cases: as {@link max}.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.sum(np.autograd.min(x, { axis: 1 })))([[1, 1], [2, 0]]); // [[0.5 0.5]
 * //  [0.  1. ]]
 * @numpy np.array([[0.5, 0.5], [0.0, 1.0]])
 */
export function min(x: TensorLike, options: ReduceOptions = {}): Tensor {
  return extremum(x, options, npMin);
}

// ------------------------------------------------ softmax family (SciPy's)

/** Options of {@link softmax} and {@link log_softmax}. */
export interface AxisOptions {
  /** Axis or axes to normalise over (default: all, as SciPy). */
  axis?: number | readonly number[] | null;
}

/**
 * Softmax (`scipy.special.softmax`, max-shifted).
 *
 * $$y = \operatorname{softmax}(x),\qquad \bar x = y \odot \left(\bar y - \textstyle\sum \bar y \odot y\right)$$
 *
 * Special cases: `axis` defaults to all axes (SciPy; PyTorch requires `dim`).
 *
 * @example
 * np.autograd.grad((z) => np.autograd.get(np.autograd.softmax(z), 0))([0, 0]); // [ 0.25 -0.25]
 * @numpy s = np.array([0.5, 0.5]); s[0] * (np.array([1.0, 0.0]) - s)
 */
export function softmax(x: TensorLike, options: AxisOptions = {}): Tensor {
  const a = lift(x);
  const axis = options.axis ?? null;
  const out = record(npSoftmax(a.data, { axis }), [a], (g) => [mul(out, sub(g, sum(mul(g, out), { axis, keepdims: true })))]);
  return out;
}

/**
 * Log-softmax (`scipy.special.log_softmax`).
 *
 * $$y = x - \operatorname{logsumexp}(x),\qquad \bar x = \bar y - e^{y}\textstyle\sum \bar y$$
 *
 * Special cases: `axis` defaults to all axes. With $\bar y = -\text{onehot}$
 * (cross-entropy) the gradient is $\operatorname{softmax}(x) - \text{onehot}$.
 *
 * @example
 * np.autograd.grad((z) => np.autograd.neg(np.autograd.get(np.autograd.log_softmax(z), 1)))([0, 0]); // [ 0.5 -0.5]
 * @numpy np.array([0.5, 0.5]) - np.array([0.0, 1.0])
 */
export function log_softmax(x: TensorLike, options: AxisOptions = {}): Tensor {
  const a = lift(x);
  const axis = options.axis ?? null;
  const out = record(npLogSoftmax(a.data, { axis }), [a], (g) => [sub(g, mul(exp(out), sum(g, { axis, keepdims: true })))]);
  return out;
}

/**
 * $\log\sum e^{x}$ (`scipy.special.logsumexp`, max-shifted).
 *
 * $$\frac{\partial}{\partial x_i}\log\sum_j e^{x_j} = e^{x_i - \operatorname{logsumexp}(x)} = \operatorname{softmax}(x)_i$$
 *
 * Special cases: no weights `b` (the core's `logsumexp` has them; not differentiated here).
 *
 * @example
 * np.autograd.grad((x) => np.autograd.logsumexp(x))([0, 0, 0, 0]); // [0.25 0.25 0.25 0.25]
 * @numpy np.full(4, 0.25)
 */
export function logsumexp(x: TensorLike, options: ReduceOptions = {}): Tensor {
  const a = lift(x);
  const axis = options.axis ?? null;
  const flags = axisFlags(axis as number | number[] | null, a.ndim);
  const out = record(npLogsumexp(a.data, { axis, keepdims: !!options.keepdims }), [a], (g) => {
    const kept = keptShape(a.shape, flags);
    return [mul(unreduce(g, a.shape, flags), exp(sub(a, reshape(out, kept))))];
  });
  return out;
}

// --------------------------------------------------------- functional API

type GradValue = NDArray | number;

function asInput(x: ArrayLike | Tensor): { t: Tensor; scalar: boolean } {
  const scalar = typeof x === "number";
  return { t: tensor(x instanceof Tensor ? x.data : x, { requiresGrad: true }), scalar };
}

function outOf(g: Tensor | undefined, like: Tensor, scalar: boolean): GradValue {
  const v = g === undefined ? zeros(like.shape) : g.data.copy();
  return scalar ? Number(v.item()) : v;
}

function checkScalar(y: unknown, who: string): Tensor {
  if (!(y instanceof Tensor)) throw new TypeError(`${who}: f must return a Tensor`);
  if (y.size !== 1) throw new RangeError(`${who}: f must return a single-element Tensor, got shape (${y.shape.join(",")})`);
  return y;
}

/**
 * The gradient of a scalar function (JAX `jax.grad`; PyTorch's `backward` on a fresh input).
 *
 * $$\operatorname{grad}(f)(x) = \nabla f(x)$$
 *
 * Special cases: a JS number in gives a JS number; anything else gives an NDArray
 * of the input's shape. An `f` that ignores its input has gradient 0.
 *
 * @example
 * np.autograd.grad((x) => np.autograd.mul(x, x))(2); // 4.0
 * @numpy 2 * np.float64(2.0)
 */
export function grad(f: (x: Tensor) => Tensor): (x: ArrayLike | Tensor) => GradValue {
  return (x) => valueAndGrad(f)(x)[1];
}

/**
 * The value and the gradient of a scalar function in one pass (JAX `jax.value_and_grad`).
 *
 * $$x \mapsto \bigl(f(x), \nabla f(x)\bigr)$$
 *
 * Special cases: the value is a JS number; the gradient as {@link grad}.
 *
 * @example
 * np.autograd.valueAndGrad((x) => np.autograd.sum(np.autograd.pow(x, 2)))([1, 2])[1]; // [2. 4.]
 * @numpy 2 * np.array([1.0, 2.0])
 */
export function valueAndGrad(f: (x: Tensor) => Tensor): (x: ArrayLike | Tensor) => [number, GradValue] {
  return (x) => {
    const { t, scalar } = asInput(x);
    const y = checkScalar(withGradMode(true, () => f(t)), "grad");
    const grads = y.requiresGrad ? sweep(y, new Tensor(ones(y.shape)), false) : new Map<Tensor, Tensor>();
    return [y.item(), outOf(grads.get(t), t, scalar)];
  };
}

/** Rows ∂y_i/∂x by one reverse sweep per output element. */
function jacobianRows(y: Tensor, x: Tensor): NDArray {
  const m = y.size;
  const n = x.size;
  const out = new Float64Array(m * n);
  if (y.requiresGrad) {
    for (let i = 0; i < m; i++) {
      const seed = new Float64Array(m);
      seed[i] = 1;
      const g = sweep(y, new Tensor(new NDArray(seed, y.shape)), false).get(x);
      if (g !== undefined) out.set(copyToC(g.data, "float64") as Float64Array, i * n);
    }
  }
  return new NDArray(out, [...y.shape, ...x.shape]);
}

/**
 * The Jacobian of a function (JAX `jax.jacrev`, PyTorch `torch.autograd.functional.jacobian`),
 * one reverse sweep per output element.
 *
 * $$J_{ij} = \frac{\partial f_i}{\partial x_j},\qquad \text{shape} = \text{shape}(f(x)) + \text{shape}(x)$$
 *
 * Special cases: a JS number in and a 0-d output give a JS number.
 *
 * @example
 * np.autograd.jacobian((x) => np.autograd.mul(x, [1, 2]))([5, 5]); // [[1. 0.]
 * //  [0. 2.]]
 * @numpy np.diag([1.0, 2.0])
 */
export function jacobian(f: (x: Tensor) => Tensor): (x: ArrayLike | Tensor) => GradValue {
  return (x) => {
    const { t, scalar } = asInput(x);
    const y = withGradMode(true, () => f(t));
    if (!(y instanceof Tensor)) throw new TypeError("jacobian: f must return a Tensor");
    const J = jacobianRows(y, t);
    return scalar && y.ndim === 0 ? Number(J.item()) : J;
  };
}

/**
 * The Hessian of a scalar function, exactly: the Jacobian of the gradient by
 * reverse over reverse (the gradient sweep records its own graph, which is
 * then swept once per input element). No finite differences.
 *
 * $$H_{ij} = \frac{\partial^2 f}{\partial x_i\,\partial x_j},\qquad \text{shape} = \text{shape}(x) + \text{shape}(x)$$
 *
 * Special cases: a JS number in gives a JS number. `relu`, `maximum`,
 * `minimum`, `abs`, `clip`, `where` and `max`/`min` contribute 0 second
 * derivatives (their masks are constants).
 *
 * @example
 * np.autograd.hessian((x) => np.autograd.sum(np.autograd.pow(x, 3)))([1, 2]); // [[ 6.  0.]
 * //  [ 0. 12.]]
 * @numpy np.diag(6 * np.array([1.0, 2.0]))
 */
export function hessian(f: (x: Tensor) => Tensor): (x: ArrayLike | Tensor) => GradValue {
  return (x) => {
    const { t, scalar } = asInput(x);
    const gx = withGradMode(true, () => {
      const y = checkScalar(f(t), "hessian");
      if (!y.requiresGrad) return undefined;
      return sweep(y, new Tensor(ones(y.shape)), true).get(t);
    });
    const H = gx === undefined ? new NDArray(new Float64Array(t.size * t.size), [...t.shape, ...t.shape]) : jacobianRows(gx, t);
    return scalar ? Number(H.item()) : H;
  };
}

/**
 * Runs `fn` without recording operations (PyTorch `torch.no_grad()`).
 *
 * $$\text{results are constants: } \partial(\cdot)/\partial x = 0$$
 *
 * Special cases: nests; the previous mode is restored even if `fn` throws.
 *
 * @example
 * np.autograd.noGrad(() => np.autograd.mul(np.autograd.tensor(3, { requiresGrad: true }), 2)).requiresGrad; // False
 * @numpy False
 */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/** The `np.autograd` namespace. */
export const autograd = {
  Tensor, tensor, add, sub, mul, div, neg, pow, matmul, sum, mean, exp, log, sqrt, tanh, sigmoid, relu, maximum,
  softmax, log_softmax, logsumexp, get, reshape, transpose, grad, valueAndGrad, jacobian, hessian, noGrad,
  minimum, abs, absolute: abs, square, log1p, expm1, sin, cos, clip, where, concatenate, stack, max, min, amax: max, amin: min,
};
