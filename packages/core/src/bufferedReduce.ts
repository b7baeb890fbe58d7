/**
 * A port of the part of NumPy 2.4.6's buffered `nditer` that decides how a
 * reduction's inner loop is called: `npyiter_find_buffering_setup`
 * (nditer_constr.c), `npyiter_copy_to_buffers` / `npyiter_goto_iterindex`
 * (nditer_api.c) and the buffered (reduce) `iternext` (nditer_templ.c.src),
 * specialised to two operands: the result (operand 0, written, stride 0 on
 * reduced axes) and the input (operand 1, possibly cast).
 *
 * Why it matters: `np.add.reduce` sums each inner-loop call with pairwise
 * summation, so the call boundaries decide the bits. NumPy copies
 * (buffers) an input into contiguous chunks of up to 8192 elements when it
 * must be cast (int64 → float64 in `mean`) or when several axes cannot be
 * walked with one stride (e.g. `a[:, ::2].sum()` or `a[::-1].sum()`): the
 * pairwise sum then runs over the whole chunk in iteration order.
 */

/** NumPy's default buffer size (NPY_BUFSIZE), in elements. */
export const NPY_BUFSIZE = 8192;

/**
 * Called once per inner-loop invocation: `count` elements; the output is at
 * `out[oOff + k*oStr]` (oStr = 0 means a reduction into one element, where
 * NumPy uses pairwise summation); the input at `src[sOff + k*sStr]` (either
 * the caller's data or a contiguous buffer).
 */
export type InnerLoop = (count: number, oOff: number, oStr: number, src: Float64Array, sOff: number, sStr: number) => void;

/**
 * Runs a reduction's inner loops in NumPy's order and with NumPy's call
 * boundaries.
 *
 * @param shape   iterator axes after NumPy's axis sort and coalescing, innermost first
 * @param sOut    result strides per iterator axis (0 on reduced axes)
 * @param sIn     input strides per iterator axis
 * @param inCast  the input needs a cast (always buffered, like NumPy)
 * @param data    input storage (already converted to float64 if needed)
 * @param inBase  offset of the input's first element
 */
export function bufferedReduce(
  shape: readonly number[],
  sOut: readonly number[],
  sIn: readonly number[],
  inCast: boolean,
  data: Float64Array,
  inBase: number,
  body: InnerLoop,
): void {
  if (shape.length === 0) {
    shape = [1];
    sOut = [0];
    sIn = [0];
  }
  const ndim = shape.length;
  let itersize = 1;
  for (const n of shape) itersize *= n;
  if (itersize === 0) return;

  const strides = [sOut, sIn];
  const cast = [false, inCast];
  // The result is a reduction operand when some (non-trivial) axis has stride 0 in it.
  const reduceFlag = [sOut.some((s, k) => s === 0 && shape[k] > 1), false];

  // ---- npyiter_find_buffering_setup (GROWINNER is set for reductions)
  const maximum = NPY_BUFSIZE;
  let cost = 1 + (inCast ? 1 : 0);
  const single = [1, 1];
  const redOuter = [0, 0];
  let outerReduceDim = 0;
  let size = shape[0];
  let bestDim = 0;
  let bestCost = cost;
  let bestSize = size;
  let bestCore = 1;
  for (let idim = 1; idim < ndim; idim++) {
    if (outerReduceDim) break;
    if (size >= maximum && cost > 1) break;
    const prevShape = shape[idim - 1];
    for (let op = 0; op < 2; op++) {
      const st = strides[op];
      if (single[op] === idim) {
        if (st[idim - 1] * prevShape === st[idim]) {
          single[op]++;
          continue;
        }
        if (!cast[op]) cost++;
      }
      if (reduceFlag[op] && (st[idim] === 0 || st[idim - 1] === 0)) {
        redOuter[op] = idim;
        outerReduceDim = idim;
      }
    }
    const coresize = size;
    size *= shape[idim];
    if (size === 0) break;
    let bufsize = size;
    if (size > maximum && cost > 1) bufsize = maximum;
    if (cost * bestSize <= bestCost * bufsize) {
      bestCost = cost;
      bestCore = coresize;
      bestSize = size;
      bestDim = idim;
    }
  }
  const usingReduce = outerReduceDim !== 0 && bestDim === outerReduceDim;
  let mustBuffer = false;
  const buffered = [false, false];
  const innerStride = [0, 0];
  const outerStride = [0, 0];
  for (let op = 0; op < 2; op++) {
    const st = strides[op];
    let isRed: boolean;
    if (!usingReduce) isRed = false;
    else if (redOuter[op] === bestDim) isRed = true;
    else if (single[op] === bestDim && !cast[op]) isRed = true;
    else isRed = st[outerReduceDim] === 0 && single[op] <= bestDim;
    const singleStride = single[op] + (isRed ? 1 : 0) > bestDim;
    const isBuf = cast[op] || !singleStride;
    if (isBuf) {
      if (isRed) {
        if (st[outerReduceDim] === 0) {
          innerStride[op] = 1;
          outerStride[op] = 0;
        } else {
          innerStride[op] = 0;
          outerStride[op] = 1;
        }
      } else if (singleStride && st[0] === 0) {
        innerStride[op] = 0;
        outerStride[op] = 0;
      } else {
        innerStride[op] = 1;
        outerStride[op] = bestCore;
      }
    } else {
      innerStride[op] = st[0];
      outerStride[op] = st[outerReduceDim];
    }
    buffered[op] = isBuf;
    if (isBuf) mustBuffer = true;
  }
  if (buffered[0]) {
    // Never happens for a freshly allocated result of the accumulation dtype.
    throw new Error("internal: buffered reduction output is not supported");
  }
  if (mustBuffer && maximum < bestSize) bestSize = bestCore * Math.floor(maximum / bestCore);
  const buffersize = bestSize;

  // ---- iteration (npyiter_copy_to_buffers + buffered reduce iternext)
  const index = new Array<number>(ndim).fill(0);
  const buf = buffered[1] ? new Float64Array(buffersize) : null;
  let iterindex = 0;
  let coreoffset = 0;
  for (;;) {
    let transfer = buffersize;
    const remainingOuter = shape[bestDim] - index[bestDim];
    if (coreoffset) transfer = bestCore - coreoffset;
    else if (transfer > bestCore * remainingOuter) transfer = bestCore * remainingOuter;
    if (transfer > itersize - iterindex) transfer = itersize - iterindex;
    let innerSize = transfer;
    let outersize = 1;
    if (usingReduce) {
      outersize = Math.floor(transfer / bestCore);
      if (outersize > 1) innerSize = bestCore;
    }
    let oPtr = 0;
    let iPtr = inBase;
    for (let k = 0; k < ndim; k++) {
      oPtr += index[k] * sOut[k];
      iPtr += index[k] * sIn[k];
    }
    let src = data;
    if (buf) {
      gather(data, iPtr, shape, sIn, index, transfer, buf);
      src = buf;
      iPtr = 0;
    }
    for (let pos = 0; ; ) {
      body(innerSize, oPtr, innerStride[0], src, iPtr, innerStride[1]);
      iterindex += innerSize;
      if (usingReduce && ++pos < outersize) {
        oPtr += outerStride[0];
        iPtr += outerStride[1];
        continue;
      }
      break;
    }
    if (iterindex >= itersize) return;
    // npyiter_goto_iterindex
    let rest = iterindex;
    for (let k = 0; k < ndim; k++) {
      const q = Math.floor(rest / shape[k]);
      index[k] = rest - q * shape[k];
      rest = q;
    }
    coreoffset = iterindex % bestCore;
  }
}

/** Copies `n` elements in iteration order (innermost axis fastest) starting at multi-index `start`. */
function gather(
  data: Float64Array, ptr: number, shape: readonly number[], st: readonly number[],
  start: readonly number[], n: number, out: Float64Array,
): void {
  const ndim = shape.length;
  const idx = start.slice();
  let p = ptr;
  let i = 0;
  while (i < n) {
    // run along the innermost axis
    const run = Math.min(shape[0] - idx[0], n - i);
    const s0 = st[0];
    for (let k = 0; k < run; k++, p += s0) out[i++] = data[p];
    idx[0] += run;
    if (i >= n) break;
    // carry
    p -= shape[0] * s0;
    idx[0] = 0;
    for (let d = 1; d < ndim; d++) {
      idx[d]++;
      p += st[d];
      if (idx[d] < shape[d]) break;
      p -= st[d] * shape[d];
      idx[d] = 0;
    }
  }
}
