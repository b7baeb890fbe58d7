/**
 * `pnpm drift`: regenerates every golden in memory and compares it with the
 * committed one by each case's outcome rule — bits may differ on another CPU
 * (BLAS kernels, libm), values must not. Under CI=true a missing python3 or
 * NumPy fails the check; it never skips there.
 */
import { planCases } from "../cases.ts";
import { compareOutput, decodeGolden, type TsValue } from "../compare.ts";
import { formatDiagnostics } from "../diagnostics.ts";
import { generateGoldens, PythonUnavailable } from "../generate.ts";
import { readGolden, type GoldenOutput } from "../golden.ts";
import { loadCorpusOrThrow } from "../load.ts";
import { CAPS, type OutcomeData } from "../schema.ts";

const DTYPE_OF_KIND: Record<string, string> = { f: "float64", i: "int64", u: "int64", b: "bool", c: "complex128" };

function asValue(out: GoldenOutput): TsValue {
  return { kind: "ndarray", dtype: DTYPE_OF_KIND[out.kind] ?? out.dtype, shape: out.shape, values: out.values.map(decodeGolden) };
}

/** Invariant cases compare NumPy with itself at the documented cap. */
function valueRule(outcome: OutcomeData): OutcomeData {
  return outcome.rule === "invariant" ? { rule: "allclose", rtol: CAPS.rtol, atol: CAPS.atol } : outcome;
}

try {
  const corpus = loadCorpusOrThrow();
  const started = performance.now();
  const { goldens, diagnostics } = generateGoldens(corpus);
  if (diagnostics.length) {
    console.error(formatDiagnostics(diagnostics));
    process.exit(1);
  }
  const problems: string[] = [];
  let compared = 0;
  let bitIdentical = 0;
  for (const entry of corpus.entries) {
    const fresh = goldens.get(entry.id);
    const committed = readGolden(corpus.dir, entry.id);
    const plans = planCases(entry);
    if (!plans.length) continue;
    if (!committed || !fresh) {
      problems.push(`${entry.id}: no committed golden; run \`pnpm goldens\``);
      continue;
    }
    for (const plan of plans) {
      const now = fresh.cases.find((c) => c.name === plan.name);
      const then = committed.cases.find((c) => c.name === plan.name);
      const label = `${entry.id} › case "${plan.name}"`;
      if (!now || !then) {
        problems.push(`${label}: missing from the committed golden; run \`pnpm goldens\``);
        continue;
      }
      compared++;
      if (JSON.stringify(now) === JSON.stringify(then)) bitIdentical++;
      for (const [name, input] of Object.entries(then.inputs)) {
        if (JSON.stringify(now.inputs[name]) !== JSON.stringify(input)) problems.push(`${label} › input ${name}: NumPy drew different values than the committed golden holds`);
      }
      if (then.error || now.error) {
        if (then.error?.type !== now.error?.type || then.error?.message !== now.error?.message)
          problems.push(`${label}: error changed from ${JSON.stringify(then.error ?? null)} to ${JSON.stringify(now.error ?? null)}`);
        continue;
      }
      for (const [name, out] of Object.entries(then.outputs)) {
        const regenerated = now.outputs[name];
        if (!regenerated) {
          problems.push(`${label} › ${name}: no longer produced`);
          continue;
        }
        problems.push(...compareOutput(name, asValue(regenerated), out, valueRule(plan.outcome)).map((p) => `${label} › ${p}`));
      }
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length) {
    console.error(problems.join("\n"));
    console.error(`drift: ${problems.length} difference(s) between NumPy now and the committed goldens (${compared} cases, ${seconds} s)`);
    process.exit(1);
  }
  console.log(`drift: none — ${compared} cases agree with the committed goldens by their outcome rules (${bitIdentical} bit-identical), ${seconds} s`);
} catch (err) {
  if (err instanceof PythonUnavailable) {
    if (process.env.CI === "true") {
      console.error(`drift check FAILED: ${err.message} (CI=true: the drift check never skips)`);
      process.exit(1);
    }
    console.error(`drift check NOT RUN: ${err.message}`);
    process.exit(2);
  }
  console.error(err instanceof Error && err.name === "CorpusError" ? err.message : err);
  process.exit(1);
}
