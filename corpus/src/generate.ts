/**
 * The golden generator: runs every case's NumPy source with python3 (NumPy 2.4.6,
 * one BLAS thread) and assembles the goldens. Rendering and validation stay in
 * TypeScript so the code NumPy runs is exactly the code the site shows.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { planCases, resolveCases, type RandomSpec } from "./cases.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { GOLDEN_FORMAT, REQUIRED_NUMPY, type Golden, type GoldenArray, type GoldenCase, type GoldenOutput } from "./golden.ts";
import type { Corpus, Entry } from "./load.ts";
import { encodeScalar, type ResolvedInput } from "./values.ts";

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../python/goldens.py");
export const PYTHON = process.env.MAC_PYTHON ?? "python3";

export class PythonUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PythonUnavailable";
  }
}

interface PythonReply<T> {
  numpy_version: string;
  python_version: string;
  reply: Record<string, T>;
}

function callPython<T>(request: unknown): PythonReply<T> {
  const res = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(request),
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", PYTHONHASHSEED: "0" },
  });
  if (res.error) throw new PythonUnavailable(`cannot run ${PYTHON}: ${res.error.message}. Goldens need python3 with NumPy ${REQUIRED_NUMPY}.`);
  if (res.status === 3) throw new PythonUnavailable(res.stderr.trim());
  if (res.status !== 0) {
    if (/No module named .?numpy/.test(res.stderr)) throw new PythonUnavailable(`${PYTHON} has no NumPy: goldens need NumPy ${REQUIRED_NUMPY}.`);
    throw new Error(`${PYTHON} ${SCRIPT} failed (exit ${res.status}):\n${res.stderr}`);
  }
  return JSON.parse(res.stdout) as PythonReply<T>;
}

interface RunResult {
  outputs: Record<string, GoldenOutput>;
  warnings: string[];
  error?: { type: string; message: string };
  error_line?: number;
  failure?: string;
}

export interface Generated {
  goldens: Map<string, Golden>;
  diagnostics: Diagnostic[];
  numpyVersion: string;
  pythonVersion: string;
}

function toGoldenArray(input: ResolvedInput): GoldenArray {
  return { dtype: input.dtype, shape: input.shape, values: input.values.map(encodeScalar) };
}

/** Runs NumPy for `entries` (default: all) and returns goldens plus any located problems. */
export function generateGoldens(corpus: Corpus, entries: Entry[] = corpus.entries): Generated {
  const draws: Record<string, RandomSpec> = {};
  const plans = entries.map((entry) => ({ entry, plans: planCases(entry) }));
  for (const { entry, plans: ps } of plans)
    for (const p of ps)
      for (const [name, spec] of Object.entries(p.inputs)) if ("random" in spec) draws[`${entry.id}\u0000${p.name}\u0000${name}`] = spec.random;

  const drawn = Object.keys(draws).length ? callPython<GoldenArray>({ mode: "draw", draws }).reply : {};

  // Resolve with the drawn values, through the same path the suite uses with a golden.
  const pending: { entry: Entry; golden: Golden }[] = [];
  const runs: Record<string, { source: string; filename: string; outputs: string[]; timeout_s: number }> = {};
  for (const { entry, plans: ps } of plans) {
    const stub: Golden = {
      format: GOLDEN_FORMAT,
      entry: entry.id,
      entry_file: entry.file,
      entry_sha256: entry.sha256,
      numpy_version: "",
      python_version: "",
      cases: ps.map((p) => ({
        name: p.name,
        inputs: Object.fromEntries(
          Object.entries(p.inputs).map(([name, spec]) => [name, "literal" in spec ? toGoldenArray(spec.literal) : drawn[`${entry.id}\u0000${p.name}\u0000${name}`]]),
        ),
        outputs: {},
        warnings: [],
      })),
    };
    for (const c of resolveCases(entry, stub)) {
      runs[`${entry.id}\u0000${c.name}`] = {
        source: c.source.numpy.source,
        filename: `${entry.file} (case ${c.name})`,
        outputs: entry.outputs ?? [],
        timeout_s: Math.ceil((entry.timeout_ms ?? 10000) / 1000),
      };
    }
    pending.push({ entry, golden: stub });
  }
  const ran = callPython<RunResult>({ mode: "run", cases: runs });

  const diagnostics: Diagnostic[] = [];
  const goldens = new Map<string, Golden>();
  for (const { entry, golden } of pending) {
    const cases = resolveCases(entry, golden);
    golden.numpy_version = ran.numpy_version;
    golden.python_version = ran.python_version;
    golden.cases = cases.map((c, i): GoldenCase => {
      const r = ran.reply[`${entry.id}\u0000${c.name}`];
      const loc = c.index < 0 ? entry.locate.at(["numpy"]) : entry.locate.at(["cases", c.index, "name"]);
      const problem = (message: string, where = loc) => diagnostics.push({ file: entry.file, ...where, code: "MAC018", message: `case "${c.name}": ${message}` });
      const bodyWhere = (line: number | undefined) => {
        const first = entry.locate.blockFirstLine(["numpy"]);
        const offset = line === undefined ? -1 : line - c.source.numpy.bodyLine;
        return first !== undefined && offset >= 0 ? { line: first + offset, column: 1 } : loc;
      };
      if (r.failure) problem(`${r.failure}.`, bodyWhere(undefined));
      if (r.error && c.outcome.rule !== "error") problem(`NumPy raised ${r.error.type}: ${r.error.message}. Fix the body, or give the case outcome: error if raising is the point.`, bodyWhere(r.error_line));
      if (!r.error && !r.failure && c.outcome.rule === "error") problem(`the case expects an error but NumPy returned normally: fix the inputs or the outcome.`);
      if (r.error && c.outcome.rule === "error" && c.outcome.message && !r.error.message.includes(c.outcome.message))
        problem(`NumPy's error message "${r.error.message}" does not contain "${c.outcome.message}".`);
      const expected = c.expectWarning ?? [];
      const unexpected = r.warnings.filter((w) => !expected.some((e) => w.includes(e)));
      if (unexpected.length) problem(`NumPy warned (${unexpected.join("; ")}). If the warning is the point of the case, add expect_warning: "${unexpected[0].split(": ").slice(1).join(": ")}".`);
      for (const e of expected) if (!r.warnings.some((w) => w.includes(e))) problem(`expect_warning "${e}" but NumPy gave no such warning${r.warnings.length ? ` (it warned: ${r.warnings.join("; ")})` : ""}.`);
      return { ...golden.cases[i], outputs: r.outputs, ...(r.error ? { error: r.error } : {}), warnings: r.warnings };
    });
    goldens.set(entry.id, golden);
  }
  return { goldens, diagnostics, numpyVersion: ran.numpy_version, pythonVersion: ran.python_version };
}


