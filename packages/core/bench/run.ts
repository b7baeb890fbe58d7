/**
 * `pnpm bench`: the core against NumPy (one BLAS thread) and a plain JavaScript loop, side by side in
 * one run, on the same bytes. Prints the environment, each implementation's median time (and the spread
 * of round medians), the ratio to NumPy, and whether the core's result agrees with NumPy's — a fast
 * wrong answer is reported as a failure, not a win. Exit code 1 if any result disagrees.
 *
 *   pnpm bench                 # every case
 *   pnpm bench sum matmul      # only these
 *   BENCH_ROUNDS=7 pnpm bench  # more rounds (default 5)
 *
 * Baseline and peers measured before the project existed: ../shared/benchmarks-baseline.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as np from "../dist/index.js";
import { ulpDistance } from "@maths-as-code/corpus";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** mulberry32 + Box–Muller: the same normal draws on every run, without depending on Math.random. */
function normals(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const a = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

type Check = "bit-exact" | { ulp: number } | { rtol: number };
interface Case {
  name: string;
  op: string;
  shapes: number[][];
  reps: number;
  check: Check;
  core: (...a: np.NDArray[]) => unknown;
  plain?: (...a: Float64Array[]) => unknown;
}

const N = 1_000_000;
const M = 256;
const CASES: Case[] = [
  { name: "sum", op: "sum", shapes: [[N]], reps: 21, check: "bit-exact", core: (a) => np.sum(a), plain: (a) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; } },
  { name: "mean", op: "mean", shapes: [[N]], reps: 21, check: "bit-exact", core: (a) => np.mean(a), plain: (a) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s / a.length; } },
  { name: "var", op: "var", shapes: [[N]], reps: 11, check: "bit-exact", core: (a) => np.var(a), plain: (a) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; const m = s / a.length; let q = 0; for (let i = 0; i < a.length; i++) q += (a[i] - m) ** 2; return q / a.length; } },
  { name: "exp", op: "exp", shapes: [[N]], reps: 11, check: { ulp: 1 }, core: (a) => np.exp(a), plain: (a) => { const o = new Float64Array(a.length); for (let i = 0; i < a.length; i++) o[i] = Math.exp(a[i]); return o; } },
  { name: "dot", op: "dot", shapes: [[N], [N]], reps: 21, check: { rtol: 1e-12 }, core: (a, b) => np.dot(a, b), plain: (a, b) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; } },
  { name: "norm", op: "norm", shapes: [[N]], reps: 21, check: { rtol: 1e-12 }, core: (a) => np.linalg.norm(a), plain: (a) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * a[i]; return Math.sqrt(s); } },
  { name: "softmax", op: "softmax", shapes: [[1000, 1000]], reps: 7, check: { ulp: 8 }, core: (a) => np.special.softmax(a, { axis: -1 }) }, // NumPy's AVX-512 exp is ≤ 1 ulp from V8's; the row sum and the division compound it
  { name: "sort", op: "sort", shapes: [[N]], reps: 5, check: "bit-exact", core: (a) => np.sort(a), plain: (a) => Float64Array.from(a).sort() },
  { name: "argsort", op: "argsort", shapes: [[N]], reps: 3, check: "bit-exact", core: (a) => np.argsort(a, { kind: "stable" }) },
  { name: "matmul 256", op: "matmul", shapes: [[M, M], [M, M]], reps: 7, check: { rtol: 1e-12 }, core: (a, b) => np.matmul(a, b), plain: (a, b) => { const o = new Float64Array(M * M); for (let i = 0; i < M; i++) for (let k = 0; k < M; k++) { const x = a[i * M + k]; for (let j = 0; j < M; j++) o[i * M + j] += x * b[k * M + j]; } return o; } },
  { name: "solve 256", op: "solve", shapes: [[M, M], [M]], reps: 7, check: { rtol: 1e-9 }, core: (a, b) => np.linalg.solve(a, b) },
];

function flat(v: unknown): Float64Array {
  if (typeof v === "number") return Float64Array.of(v);
  if (v instanceof Float64Array) return v;
  const arr = v as np.NDArray;
  return Float64Array.from(arr.ravel().tolist() as number[]);
}

/** How the core's result compares with NumPy's, and whether that meets the case's rule. */
function agreement(got: Float64Array, want: Float64Array, check: Check): { ok: boolean; text: string } {
  if (got.length !== want.length) return { ok: false, text: `length ${got.length} ≠ ${want.length}` };
  let maxUlp = 0;
  let maxRel = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < want.length; i++) {
    if (Object.is(got[i], want[i])) continue;
    maxUlp = Math.max(maxUlp, ulpDistance(got[i], want[i]));
    maxRel = Math.max(maxRel, Math.abs(got[i] - want[i]) / (scale || 1));
  }
  if (check === "bit-exact") return { ok: maxUlp === 0, text: maxUlp === 0 ? "bit-exact" : `${maxUlp} ulp (bit-exact required)` };
  if ("ulp" in check) return { ok: maxUlp <= check.ulp, text: maxUlp === 0 ? "bit-exact" : `≤ ${maxUlp} ulp` };
  return { ok: maxRel <= check.rtol, text: maxUlp === 0 ? "bit-exact" : `rel ${maxRel.toExponential(1)}` };
}

function time(f: () => unknown, reps: number): number[] {
  for (let i = 0; i < 3; i++) f();
  const medians: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      f();
      t.push(performance.now() - t0);
    }
    medians.push(t.sort((x, y) => x - y)[t.length >> 1]);
  }
  return medians;
}

const median = (v: number[]) => [...v].sort((x, y) => x - y)[v.length >> 1];
const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

const only = process.argv.slice(2);
const cases = only.length ? CASES.filter((c) => only.includes(c.name) || only.includes(c.op)) : CASES;
const dir = mkdtempSync(path.join(tmpdir(), "mac-bench-"));
try {
  const inputs = new Map<string, Float64Array[]>();
  const job = { dir, rounds: ROUNDS, cases: [] as object[] };
  cases.forEach((c) => {
    const arrays = c.shapes.map((s, j) => {
      // Seeded by the case's name, so a subset run (`pnpm bench matmul`) times the same bytes.
      const a = normals(s.reduce((x, y) => x * y, 1), [...c.name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 17) + j);
      // solve: a well-conditioned system (diagonally dominant), so both sides answer the same question.
      if (c.op === "solve" && j === 0) for (let i = 0; i < s[0]; i++) a[i * s[0] + i] += s[0];
      return a;
    });
    inputs.set(c.name, arrays);
    const files = arrays.map((a, j) => {
      const f = path.join(dir, `${c.name.replace(/\W/g, "_")}.${j}.f64`);
      writeFileSync(f, new Uint8Array(a.buffer));
      return f;
    });
    job.cases.push({ name: c.name, op: c.op, inputs: files, shapes: c.shapes, reps: c.reps });
  });
  const py = JSON.parse(
    execFileSync("python3", [path.join(HERE, "numpy_bench.py")], { input: JSON.stringify(job), env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" }, maxBuffer: 1 << 26 }).toString(),
  ) as { env: Record<string, string>; results: Record<string, { ms: number[]; out: string }> };

  console.log(`environment: Node ${process.version} (${process.arch}), ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, NumPy ${py.env.numpy} (Python ${py.env.python}, ${py.env.blas}, 1 BLAS thread), ${ROUNDS} rounds, ${new Date().toISOString()}`);
  console.log("");
  console.log("| case | implementation | median ms | spread of round medians | × NumPy | result vs NumPy |");
  console.log("|---|---|---|---|---|---|");
  let failures = 0;
  for (const c of cases) {
    const arrays = inputs.get(c.name)!;
    const nd = arrays.map((a, j) => np.array(a).reshape(c.shapes[j]));
    const ref = py.results[c.name];
    const bytes = readFileSync(ref.out); // small files share Node's buffer pool: copy exactly this file's bytes
    const want = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const npMs = median(ref.ms);
    const rows: [string, number[], string][] = [["numpy (1 thread)", ref.ms, "—"]];
    const check = agreement(flat(c.core(...nd)), want, c.check);
    if (!check.ok) failures++;
    rows.push(["core", time(() => c.core(...nd), c.reps), check.ok ? check.text : `FAIL: ${check.text}`]);
    if (c.plain) rows.push(["plain JS loop", time(() => c.plain!(...arrays), c.reps), "(baseline, not checked)"]);
    for (const [impl, ms, result] of rows) {
      const m = median(ms);
      console.log(`| ${c.name} | ${impl} | ${fmt(m)} | ${fmt(Math.min(...ms))}..${fmt(Math.max(...ms))} | ${(m / npMs).toFixed(2)} | ${result} |`);
    }
  }
  console.log("");
  console.log(failures ? `${failures} case(s) disagree with NumPy` : "every core result agrees with NumPy by its rule");
  process.exitCode = failures ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
