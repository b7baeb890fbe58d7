/**
 * fast-check properties of the linear-algebra family: inverse, QR, SVD,
 * eigh and einsum identities on random matrices (no NumPy involved).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "../src/index.ts";

const finite = fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });
const matrix = (rows: number, cols: number) => fc.array(fc.array(finite, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const dims = fc.record({ m: fc.integer({ min: 1, max: 7 }), n: fc.integer({ min: 1, max: 7 }) });
const withMatrix = dims.chain(({ m, n }) => matrix(m, n));

function maxAbsDiff(a: np.NDArray, b: np.NDArray): number {
  const x = a.copy().data as Float64Array;
  const y = b.copy().data as Float64Array;
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}
const scale = (a: number[][]): number => Math.max(1, ...a.flat().map(Math.abs));

describe("linalg properties", () => {
  it("inv(A) @ A ≈ I for diagonally dominant A", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => matrix(n, n)), (rows) => {
        const n = rows.length;
        const A = rows.map((r, i) => r.map((v, j) => (i === j ? r.reduce((s, x) => s + Math.abs(x), 0) + 1 : v)));
        const P = np.matmul(np.linalg.inv(A), A) as np.NDArray;
        expect(maxAbsDiff(P, np.eye(n))).toBeLessThan(1e-12 * n);
      }),
      { numRuns: 60 },
    );
  });
  it("Q @ R = A, QᵀQ = I, R upper triangular", () => {
    fc.assert(
      fc.property(withMatrix, (rows) => {
        const A = np.array(rows);
        const { Q, R } = np.linalg.qr(A);
        expect(maxAbsDiff(np.matmul(Q, R) as np.NDArray, A)).toBeLessThan(1e-13 * scale(rows) * 8);
        expect(maxAbsDiff(np.matmul(Q.T, Q) as np.NDArray, np.eye(Q.shape[1]))).toBeLessThan(1e-13 * 8);
        expect(maxAbsDiff(np.triu(R), R)).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
  it("U @ diag(S) @ Vh = A with orthonormal U, Vh and descending S ≥ 0 (also rank-deficient)", () => {
    fc.assert(
      fc.property(withMatrix, fc.boolean(), (rows, dup) => {
        // Optionally duplicate the first row to force rank deficiency.
        const data = dup && rows.length > 1 ? [rows[0], ...rows.slice(1, -1), rows[0]] : rows;
        const A = np.array(data);
        const { U, S, Vh } = np.linalg.svd(A, { full_matrices: false });
        const s = Array.from(S.data as Float64Array);
        for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
        for (const v of s) expect(v).toBeGreaterThanOrEqual(0);
        const US = np.multiply(U, S) as np.NDArray; // scales U's columns
        expect(maxAbsDiff(np.matmul(US, Vh) as np.NDArray, A)).toBeLessThan(1e-13 * scale(data) * 8);
        expect(maxAbsDiff(np.matmul(U.T, U) as np.NDArray, np.eye(U.shape[1]))).toBeLessThan(1e-13 * 8);
        expect(maxAbsDiff(np.matmul(Vh, Vh.T) as np.NDArray, np.eye(Vh.shape[0]))).toBeLessThan(1e-13 * 8);
        const full = np.linalg.svd(A);
        expect(maxAbsDiff(np.matmul(full.U.T, full.U) as np.NDArray, np.eye(A.shape[0]))).toBeLessThan(1e-13 * 8);
        expect(maxAbsDiff(np.matmul(full.Vh, full.Vh.T) as np.NDArray, np.eye(A.shape[1]))).toBeLessThan(1e-13 * 8);
      }),
      { numRuns: 60 },
    );
  });
  it("eigh: V diag(w) Vᵀ = A, ascending w", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }).chain((n) => matrix(n, n)), (rows) => {
        const A = np.array(rows.map((r, i) => r.map((v, j) => (i >= j ? v : rows[j][i]))));
        const { eigenvalues: w, eigenvectors: V } = np.linalg.eigh(A);
        const wv = Array.from(w.data as Float64Array);
        for (let i = 1; i < wv.length; i++) expect(wv[i]).toBeGreaterThanOrEqual(wv[i - 1]);
        const R = np.matmul(np.multiply(V, w), V.T) as np.NDArray;
        expect(maxAbsDiff(R, A)).toBeLessThan(1e-13 * scale(rows) * 8);
      }),
      { numRuns: 60 },
    );
  });
  it('einsum("ij,jk->ik") equals matmul; einsum("ij->ji") equals transpose; einsum("ii") equals trace', () => {
    fc.assert(
      fc.property(dims, fc.integer({ min: 1, max: 6 }), (d, k) => {
        const a = np.array(Array.from({ length: d.m }, (_, i) => Array.from({ length: d.n }, (_, j) => Math.sin(i * 7 + j * 3 + k))));
        const b = np.array(Array.from({ length: d.n }, (_, i) => Array.from({ length: k }, (_, j) => Math.cos(i * 5 + j))));
        const e = np.einsum("ij,jk->ik", a, b) as np.NDArray;
        expect(maxAbsDiff(e, np.matmul(a, b) as np.NDArray)).toBeLessThan(1e-14 * d.n);
        expect(maxAbsDiff(np.einsum("ij->ji", a) as np.NDArray, a.T)).toBe(0);
        const sq = np.matmul(a, a.T) as np.NDArray;
        expect(Math.abs((np.einsum("ii", sq) as number) - (np.trace(sq) as number))).toBeLessThan(1e-12 * d.m * d.n);
      }),
      { numRuns: 60 },
    );
  });
  it("solve(A, b) satisfies A x = b for diagonally dominant A", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(matrix(n, n), fc.array(finite, { minLength: n, maxLength: n }))), ([rows, b]) => {
        const A = rows.map((r, i) => r.map((v, j) => (i === j ? r.reduce((s, x) => s + Math.abs(x), 0) + 1 : v)));
        const x = np.linalg.solve(A, b);
        expect(maxAbsDiff(np.matmul(A, x) as np.NDArray, np.array(b))).toBeLessThan(1e-12 * scale(A));
      }),
      { numRuns: 60 },
    );
  });
});
