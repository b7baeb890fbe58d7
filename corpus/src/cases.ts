/**
 * An entry's runnable cases: the example (the entry's own inputs) followed by its
 * `cases`, each with inputs resolved to concrete values — literals from the YAML,
 * random draws from the golden — and its outcome rule filled in.
 */
import type { Entry } from "./load.ts";
import type { Golden } from "./golden.ts";
import type { CaseData, DtypeName, OutcomeData } from "./schema.ts";
import { decodeScalar, shapeOf, type Nested, type ResolvedInput } from "./values.ts";
import { renderSource, type Language, type RenderedSource } from "./render.ts";

export const EXAMPLE_CASE = "example";

export type InputSpecData = CaseData["inputs"][string];

export interface RandomSpec {
  random: "normal" | "uniform" | "integers";
  seed: number;
  shape: number[];
  loc?: number;
  scale?: number;
  low?: number;
  high?: number;
  dtype: DtypeName;
}

export interface CasePlan {
  name: string;
  why?: string;
  /** Index in the entry's `cases` list; -1 for the example. */
  index: number;
  /** Literal inputs resolved now; random ones only carry their spec until the golden supplies values. */
  inputs: Record<string, { literal: ResolvedInput } | { random: RandomSpec }>;
  outcome: OutcomeData;
  /** Substrings; every NumPy warning of the case must contain one of them, and each must be seen. */
  expectWarning?: string[];
}

export interface ResolvedCase extends Omit<CasePlan, "inputs"> {
  inputs: Record<string, ResolvedInput>;
  source: Record<Language, RenderedSource>;
}

function isRandom(spec: InputSpecData): spec is Omit<RandomSpec, "dtype"> & { dtype?: DtypeName } {
  return typeof spec === "object" && spec !== null && !Array.isArray(spec) && "random" in spec;
}

function declaredDtype(spec: InputSpecData | undefined): DtypeName | undefined {
  return typeof spec === "object" && spec !== null && !Array.isArray(spec) ? (spec as { dtype?: DtypeName }).dtype : undefined;
}

function resolveSpec(spec: InputSpecData, declared: DtypeName | undefined): { literal: ResolvedInput } | { random: RandomSpec } {
  if (isRandom(spec)) return { random: { ...spec, dtype: spec.dtype ?? declared ?? (spec.random === "integers" ? "int64" : "float64") } };
  const lit = typeof spec === "object" && spec !== null && !Array.isArray(spec) ? (spec as { value: Nested; dtype?: DtypeName }) : { value: spec as Nested, dtype: undefined };
  const shaped = shapeOf(lit.value);
  if (!shaped.ok) throw new Error(shaped.message); // the loader reported it already
  const inferred = shaped.flat.length && shaped.flat.every((v) => typeof v === "boolean") ? "bool" : "float64";
  return { literal: { dtype: lit.dtype ?? declared ?? inferred, shape: shaped.shape, values: shaped.flat } };
}

function outcomeOf(o: CaseData["outcome"] | undefined): OutcomeData | undefined {
  if (o === undefined) return undefined;
  return typeof o === "string" ? ({ rule: o } as OutcomeData) : o;
}

/** The cases of an entry before any golden is read. Empty for notation-only entries. */
export function planCases(entry: Entry): CasePlan[] {
  const entryOutcome = outcomeOf(entry.outcome) ?? { rule: "exact" };
  if (entryOutcome.rule === "notation-only" || !entry.inputs) return [];
  const declared = Object.fromEntries(Object.entries(entry.inputs).map(([k, v]) => [k, declaredDtype(v)]));
  const base = Object.fromEntries(Object.entries(entry.inputs).map(([k, v]) => [k, resolveSpec(v, declared[k])]));
  const plans: CasePlan[] = [{ name: EXAMPLE_CASE, index: -1, inputs: base, outcome: entryOutcome }];
  (entry.cases ?? []).forEach((c, index) => {
    const inputs = { ...base };
    for (const [k, v] of Object.entries(c.inputs)) inputs[k] = resolveSpec(v, declared[k]);
    plans.push({ name: c.name, why: c.why, index, inputs, outcome: outcomeOf(c.outcome) ?? entryOutcome, expectWarning: c.expect_warning === undefined ? undefined : [c.expect_warning].flat() });
  });
  return plans;
}

/** Fills random inputs from the golden and renders both languages' source. */
export function resolveCases(entry: Entry, golden: Golden | undefined): ResolvedCase[] {
  return planCases(entry).map((plan) => {
    const inputs: Record<string, ResolvedInput> = {};
    for (const [name, spec] of Object.entries(plan.inputs)) {
      if ("literal" in spec) {
        inputs[name] = spec.literal;
        continue;
      }
      const stored = golden?.cases.find((c) => c.name === plan.name)?.inputs[name];
      if (!stored) throw new Error(`${entry.file}: case "${plan.name}" draws input "${name}" at random, but its golden has no values for it: run \`pnpm goldens\`.`);
      inputs[name] = { dtype: stored.dtype, shape: stored.shape, values: stored.values.map(decodeScalar) };
    }
    return {
      ...plan,
      inputs,
      source: {
        numpy: renderSource("numpy", inputs, entry.numpy ?? ""),
        typescript: renderSource("typescript", inputs, entry.typescript ?? ""),
      },
    };
  });
}
