/**
 * `np.einsum`: Einstein summation over labelled axes.
 */
import { asarray } from "./creation.ts";
import { int53Error, MAX_INT, promoteTypes, type DType } from "./dtype.ts";
import { matmul } from "./linalg.ts";
import { NDArray, type ArrayLike, type Scalar } from "./ndarray.ts";

interface Term {
  labels: number[]; // char codes; -1 marks the ellipsis position
  hasEllipsis: boolean;
}

function parseTerm(s: string, op: number | null): Term {
  const labels: number[] = [];
  let hasEllipsis = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === " ") continue;
    if (ch === ".") {
      if (s.slice(i, i + 3) !== "..." || hasEllipsis) {
        throw new RangeError(
          op === null
            ? "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output"
            : `einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${op}`,
        );
      }
      hasEllipsis = true;
      labels.push(-1);
      i += 2;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) throw new RangeError(`invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`);
    labels.push(ch.charCodeAt(0));
  }
  return { labels, hasEllipsis };
}

const ELL_BASE = -1000; // broadcast (ellipsis) dimensions get labels ELL_BASE + k

/** Options of {@link einsum} (NumPy's keywords). */
export interface EinsumOptions {
  /** Contraction order: false (default, one loop), or true / "greedy" / "optimal" (pairwise, greedy order). */
  optimize?: boolean | "greedy" | "optimal";
}

function isEinsumOptions(x: unknown): x is EinsumOptions {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray);
}

/**
 * Einstein summation (NumPy `np.einsum(subscripts, *operands)`): each
 * operand's axes are labelled by letters; labels repeated within an operand
 * take a diagonal, labels absent from the output are summed over, and the
 * output lists the remaining labels in the order given after `->`. Without
 * `->` (implicit mode) the output is the labels that appear exactly once, in
 * alphabetical order (uppercase before lowercase, as NumPy), preceded by the
 * broadcast dimensions. `...` stands for broadcast leading dimensions.
 *
 * $$\texttt{einsum("ij,jk->ik", A, B)}_{ik} = \sum_j A_{ij} B_{jk}$$
 *
 * Algorithm: a two-operand contraction that is a (batched) matrix product
 * after transposition (`ij,jk->ik`, `bij,bjk->bik`, `...ij,...jk->...ik`,
 * `i,i->`, …) is handed to the blocked `matmul` kernel; everything else runs a
 * strided loop over the output labels with an inner loop over the summed
 * labels (no per-element allocation). Sums are left to right: compare with
 * NumPy (which uses SIMD sum-of-products kernels) to a tolerance.
 *
 * Special cases: a full reduction returns a JS number (NumPy: a scalar).
 * Size-1 dimensions broadcast. Errors follow NumPy's wording (unknown output
 * label, repeated output label, too many subscripts, missing ellipsis,
 * operand count, mismatched sizes). Not supported: the interleaved
 * `einsum(op, [0, 1], …)` form and the `dtype` keyword; `out` is not needed
 * in a functional API (the result is always a new array).
 *
 * `optimize` (a trailing `{ optimize }` object, NumPy's keyword; default
 * false) contracts three or more operands pairwise instead of in one loop
 * over all labels: at each step the pair whose intermediate result is
 * smallest relative to its inputs (NumPy's greedy cost) is contracted, each
 * pair through the matmul kernel when it is a matrix product. `true`,
 * `"greedy"` and `"optimal"` all use this greedy order (NumPy's "optimal"
 * searches every order; the result is the same up to summation order).
 * `np.einsum_path` is not provided.
 *
 * @example
 * np.einsum("ii->", [[1, 2], [3, 4]]); // 5.0
 * @numpy np.einsum("ii->", np.array([[1.0, 2.0], [3.0, 4.0]]))
 * @example
 * np.einsum("ij,jk->ik", [[1, 2], [3, 4]], [[5, 6], [7, 8]]); // [[19. 22.]
 * //  [43. 50.]]
 * @numpy np.einsum("ij,jk->ik", np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]]))
 * @example
 * np.einsum("ji", [[1, 2, 3], [4, 5, 6]]); // [[1. 4.]
 * //  [2. 5.]
 * //  [3. 6.]]
 * @numpy np.einsum("ji", np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
 */
export function einsum(subscripts: string, ...operands: (ArrayLike | EinsumOptions)[]): NDArray | Scalar {
  let optimize: EinsumOptions["optimize"] = false;
  if (operands.length && isEinsumOptions(operands[operands.length - 1])) {
    optimize = (operands.pop() as EinsumOptions).optimize ?? false;
    if (optimize !== false && optimize !== true && optimize !== "greedy" && optimize !== "optimal") {
      throw new TypeError(`Path name ${String(optimize)} not found`);
    }
  }
  return einsumCore(subscripts, operands as ArrayLike[], optimize !== false);
}

function einsumCore(subscripts: string, operands: ArrayLike[], optimize: boolean): NDArray | Scalar {
  if (typeof subscripts !== "string") throw new TypeError("einsum: the first argument must be the subscripts string (the interleaved operand/sublist form is not supported)");
  const parts = subscripts.split("->");
  if (parts.length > 2) throw new RangeError("einstein sum subscripts string includes output subscript '-' multiple times");
  const inputs = parts[0].split(",");
  // (NumPy's wording: "more operands" when the subscripts name more operands than were passed, and vice versa.)
  if (inputs.length > operands.length) throw new RangeError("more operands provided to einstein sum function than specified in the subscripts string");
  if (inputs.length < operands.length) throw new RangeError("fewer operands provided to einstein sum function than specified in the subscripts string");
  const ops = operands.map((o) => asarray(o));
  const terms = inputs.map((s, i) => parseTerm(s, i));
  // Expand each operand's labels to one label per axis.
  let nEll = 0;
  const axisLabels: number[][] = [];
  terms.forEach((t, i) => {
    const nd = ops[i].ndim;
    const named = t.labels.filter((l) => l !== -1).length;
    if (named > nd) throw new RangeError(`einstein sum subscripts string contains too many subscripts for operand ${i}`);
    if (!t.hasEllipsis && named < nd) {
      throw new RangeError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    }
    const ne = nd - named;
    nEll = Math.max(nEll, ne);
    const out: number[] = [];
    for (const l of t.labels) {
      if (l === -1) for (let k = 0; k < ne; k++) out.push(0); // placeholder, filled below
      else out.push(l);
    }
    axisLabels.push(out);
  });
  // Ellipsis dims are right-aligned across operands: operand dim k of ne maps to ELL_BASE + (nEll - ne + k).
  terms.forEach((t, i) => {
    const nd = ops[i].ndim;
    const named = t.labels.filter((l) => l !== -1).length;
    const ne = nd - named;
    let pos = t.labels.indexOf(-1);
    if (pos < 0) return;
    for (let k = 0; k < ne; k++) axisLabels[i][pos + k] = ELL_BASE + (nEll - ne + k);
  });
  const counts = new Map<number, number>();
  for (const ls of axisLabels) for (const l of ls) counts.set(l, (counts.get(l) ?? 0) + 1);
  const ellLabels = Array.from({ length: nEll }, (_, k) => ELL_BASE + k);
  let outLabels: number[];
  if (parts.length === 2) {
    const t = parseTerm(parts[1], null);
    outLabels = [];
    const seen = new Set<number>();
    for (const l of t.labels) {
      if (l === -1) {
        outLabels.push(...ellLabels);
        continue;
      }
      if (seen.has(l)) throw new RangeError(`einstein sum subscripts string includes output subscript '${String.fromCharCode(l)}' multiple times`);
      seen.add(l);
      if (!counts.has(l)) throw new RangeError(`einstein sum subscripts string included output subscript '${String.fromCharCode(l)}' which never appeared in an input`);
      outLabels.push(l);
    }
    if (!t.hasEllipsis && nEll > 0) {
      throw new RangeError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    }
  } else {
    const once = [...counts.entries()].filter(([l, c]) => l >= 0 && c === 1).map(([l]) => l).sort((x, y) => x - y);
    outLabels = [...ellLabels, ...once];
  }
  // Sizes per label (size-1 broadcasts), and the diagonal check within an operand.
  const size = new Map<number, number>();
  const mismatch = (): never => {
    const iterLabels = [...outLabels, ...[...counts.keys()].filter((l) => !outLabels.includes(l)).sort((x, y) => x - y)];
    const remapped = ops.map((o, i) => {
      const dims = iterLabels.map((l) => {
        const ax = axisLabels[i].indexOf(l);
        return ax < 0 ? "newaxis" : String(o.shape[ax]);
      });
      const full = dims.length;
      while (dims.length && dims[0] === "newaxis") dims.shift();
      // NumPy prints the operand after its repeated labels are collapsed (one axis per label, in
      // order of first appearance) as a tuple, and the remapped shape without a trailing comma.
      const seen: number[] = [];
      const collapsed: number[] = [];
      axisLabels[i].forEach((l, ax) => {
        if (!seen.includes(l)) {
          seen.push(l);
          collapsed.push(o.shape[ax]);
        }
      });
      const orig = collapsed.length === 1 ? `(${collapsed[0]},)` : `(${collapsed.join(",")})`;
      // (NumPy's convert_shape_to_string: a trailing comma only when the full shape has one entry.)
      return `${orig}->(${dims.join(",")}${full === 1 && dims.length === 1 ? "," : ""})`;
    });
    throw new RangeError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${remapped.join(" ")} `);
  };
  if (ops.length === 1) {
    // NumPy first tries to return a view for one operand (get_single_op_view): walking the axes in
    // order until a label that is summed away, a repeated label of another size raises its own wording.
    const seenDim = new Map<number, number>();
    for (let ax = 0; ax < ops[0].ndim; ax++) {
      const l = axisLabels[0][ax];
      if (l < 0) continue; // an ellipsis dimension (always kept)
      if (!outLabels.includes(l)) break;
      const d = ops[0].shape[ax];
      const prev = seenDim.get(l);
      if (prev !== undefined && prev !== 0 && prev !== d) {
        throw new RangeError(`dimensions in single operand for collapsing index '${String.fromCharCode(l)}' don't match (${prev} != ${d})`);
      }
      seenDim.set(l, d);
    }
  }
  ops.forEach((o, i) => {
    const own = new Map<number, number>();
    axisLabels[i].forEach((l, ax) => {
      const d = o.shape[ax];
      const prev = own.get(l);
      if (prev !== undefined && prev !== d) {
        throw new RangeError(`dimensions in operand ${i} for collapsing index '${String.fromCharCode(l)}' don't match (${prev} != ${d})`);
      }
      own.set(l, d);
    });
  });
  ops.forEach((o, i) => {
    axisLabels[i].forEach((l, ax) => {
      const d = o.shape[ax];
      const cur = size.get(l);
      if (cur === undefined || cur === 1) size.set(l, d);
      else if (d !== 1 && d !== cur) mismatch();
    });
  });
  for (const l of ellLabels) if (!size.has(l)) size.set(l, 1);
  let dtype: DType = ops.length ? ops[0].dtype : "float64";
  for (const o of ops) dtype = promoteTypes(dtype, o.dtype);
  const sumLabels = [...counts.keys()].filter((l) => !outLabels.includes(l)).sort((x, y) => x - y);
  const outShape = outLabels.map((l) => size.get(l)!);
  if (optimize && ops.length > 2) {
    const r = contractGreedy(ops, axisLabels, outLabels, size);
    if (r) return r;
  }

  const fast = ops.length === 2 && dtype !== "bool" ? viaMatmul(ops, axisLabels, outLabels, sumLabels, size) : null;
  if (fast) return outShape.length === 0 ? fast.item() : fast.astype(dtype);

  // General strided loop.
  const iterLabels = [...outLabels, ...sumLabels];
  const nIter = iterLabels.length;
  const dims = iterLabels.map((l) => size.get(l)!);
  const strides = ops.map((o, i) =>
    iterLabels.map((l) => {
      let s = 0;
      axisLabels[i].forEach((al, ax) => {
        if (al === l && o.shape[ax] !== 1) s += o.strides[ax];
      });
      return s;
    }),
  );
  const datas = ops.map((o) => o.data);
  let outSize = 1;
  for (const d of outShape) outSize *= d;
  const out = new Float64Array(outSize);
  const nOut = outLabels.length;
  let inner = 1;
  for (let k = nOut; k < nIter; k++) inner *= dims[k];
  const offs = ops.map((o) => o.offset);
  const idx = new Array<number>(nIter).fill(0);
  const nop = ops.length;
  if (outSize > 0 && inner > 0) {
    for (let o = 0; o < outSize; o++) {
      // offsets at the start of this output element (summed indices zero)
      let acc = 0;
      const cur = offs.slice();
      const sIdx = new Array<number>(nIter - nOut).fill(0);
      for (let t = 0; t < inner; t++) {
        let p = 1;
        for (let q = 0; q < nop; q++) p *= datas[q][cur[q]];
        acc += p;
        // advance summed odometer (last summed label fastest)
        for (let k = nIter - 1; k >= nOut; k--) {
          const j = k - nOut;
          sIdx[j]++;
          for (let q = 0; q < nop; q++) cur[q] += strides[q][k];
          if (sIdx[j] < dims[k]) break;
          for (let q = 0; q < nop; q++) cur[q] -= strides[q][k] * dims[k];
          sIdx[j] = 0;
        }
      }
      out[o] = acc;
      // advance output odometer
      for (let k = nOut - 1; k >= 0; k--) {
        idx[k]++;
        for (let q = 0; q < nop; q++) offs[q] += strides[q][k];
        if (idx[k] < dims[k]) break;
        for (let q = 0; q < nop; q++) offs[q] -= strides[q][k] * dims[k];
        idx[k] = 0;
      }
    }
  }
  return finish(out, outShape, dtype);
}

/**
 * NumPy's greedy contraction order (`_greedy_path`, cost = size of the
 * intermediate minus the sizes of its two inputs, ties to the first pair),
 * each step an explicit two-operand einsum; a final one-operand einsum puts
 * the labels in output order. Returns null when the labels (ellipsis
 * dimensions included) do not fit in the 52 letters of a subscripts string.
 */
function contractGreedy(ops: NDArray[], axisLabels: number[][], outLabels: number[], size: Map<number, number>): NDArray | Scalar | null {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const all = [...new Set(axisLabels.flat())];
  if (all.length > letters.length) return null;
  const letter = new Map(all.map((l, i) => [l, letters[i]]));
  const str = (ls: number[]): string => ls.map((l) => letter.get(l)!).join("");
  const sizeOf = (ls: Iterable<number>): number => {
    let p = 1;
    for (const l of ls) p *= size.get(l)!;
    return p;
  };
  let terms = axisLabels.map((ls) => ls.slice());
  let arrs: NDArray[] = ops.slice();
  while (arrs.length > 1) {
    let best: { i: number; j: number; keep: number[]; cost: number } | null = null;
    for (let i = 0; i < arrs.length; i++) {
      for (let j = i + 1; j < arrs.length; j++) {
        // Labels still needed: by the output or by an operand outside the pair.
        const needed = new Set(outLabels);
        terms.forEach((t, k) => {
          if (k !== i && k !== j) for (const l of t) needed.add(l);
        });
        const keep = [...new Set([...terms[i], ...terms[j]])].filter((l) => needed.has(l));
        const cost = sizeOf(keep) - sizeOf(new Set(terms[i])) - sizeOf(new Set(terms[j]));
        if (!best || cost < best.cost) best = { i, j, keep, cost };
      }
    }
    const { i, j, keep } = best!;
    const r = einsumCore(`${str(terms[i])},${str(terms[j])}->${str(keep)}`, [arrs[i], arrs[j]], false);
    const rr = r instanceof NDArray ? r : asarray(r);
    terms = [...terms.filter((_, k) => k !== i && k !== j), keep];
    arrs = [...arrs.filter((_, k) => k !== i && k !== j), rr];
  }
  return einsumCore(`${str(terms[0])}->${str(outLabels)}`, [arrs[0]], false);
}

function finish(out: Float64Array, shape: number[], dtype: DType): NDArray | Scalar {
  let res: NDArray;
  if (dtype === "bool") {
    const b = new Uint8Array(out.length);
    for (let i = 0; i < out.length; i++) b[i] = out[i] !== 0 ? 1 : 0;
    res = new NDArray(b, shape, undefined, 0, "bool");
  } else {
    if (dtype === "int64") for (let i = 0; i < out.length; i++) if (out[i] > MAX_INT || out[i] < -MAX_INT) int53Error();
    res = new NDArray(out, shape, undefined, 0, dtype);
  }
  return shape.length === 0 ? res.item() : res;
}

/**
 * Two-operand contraction as a batched matrix product when every label is
 * either a batch label (in both operands and the output), a free label of one
 * operand (in the output), or a summed label (in both operands, not in the
 * output), with no repeated label inside an operand and no broadcasting.
 */
function viaMatmul(
  ops: NDArray[], axisLabels: number[][], outLabels: number[], sumLabels: number[], size: Map<number, number>,
): NDArray | null {
  const [la, lb] = axisLabels;
  if (new Set(la).size !== la.length || new Set(lb).size !== lb.length) return null;
  for (let i = 0; i < 2; i++) {
    for (let ax = 0; ax < ops[i].ndim; ax++) if (ops[i].shape[ax] !== size.get(axisLabels[i][ax])) return null;
  }
  const batch = outLabels.filter((l) => la.includes(l) && lb.includes(l));
  const freeA = outLabels.filter((l) => la.includes(l) && !lb.includes(l));
  const freeB = outLabels.filter((l) => lb.includes(l) && !la.includes(l));
  for (const l of sumLabels) if (!la.includes(l) || !lb.includes(l)) return null;
  if (batch.length + freeA.length + sumLabels.length !== la.length) return null;
  if (batch.length + freeB.length + sumLabels.length !== lb.length) return null;
  const prod = (ls: number[]): number => ls.reduce((p, l) => p * size.get(l)!, 1);
  const A = ops[0].transpose([...batch, ...freeA, ...sumLabels].map((l) => la.indexOf(l)));
  const B = ops[1].transpose([...batch, ...sumLabels, ...freeB].map((l) => lb.indexOf(l)));
  const bs = batch.map((l) => size.get(l)!);
  const K = prod(sumLabels);
  const M = prod(freeA);
  const N = prod(freeB);
  const C = matmul(A.reshape([...bs, M, K]), B.reshape([...bs, K, N])) as NDArray;
  // C has labels [...batch, ...freeA, ...freeB]; permute to the output order.
  const cl = [...batch, ...freeA, ...freeB];
  const full = C.reshape([...bs, ...freeA.map((l) => size.get(l)!), ...freeB.map((l) => size.get(l)!)]);
  const perm = outLabels.map((l) => cl.indexOf(l));
  return full.transpose(perm).copy();
}
