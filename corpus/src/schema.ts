/**
 * The entry format, version 1 — the one schema the loader validates with and the
 * published JSON Schema is generated from (`pnpm --filter @maths-as-code/corpus schema`).
 * Field-by-field prose lives in corpus/SPEC.md.
 */
import { z } from "zod";

export const FORMAT_VERSION = 1;

/** Documented caps: a tolerance above these needs a written `why`. */
export const CAPS = { ulp: 4, rtol: 1e-9, atol: 1e-12 } as const;
/** Defaults when a case says `ulp` or `allclose` without numbers. */
export const DEFAULTS = { ulp: 4, rtol: 1e-12, atol: 0 } as const;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Names usable as variables in both Python and TypeScript, and not shadowing `np`. */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

const id = z.string().regex(ID_PATTERN, "must be kebab-case: lower-case letters, digits and single hyphens");
const text = z.string().trim().min(1, "must not be empty");

export const Dtype = z.enum(["float64", "int64", "bool"]).meta({ description: "NumPy dtype of an input; float64 by default" });

/** Any IEEE double, NaN and ±Infinity included (zod's number() rejects them; YAML's .nan and .inf are legitimate inputs). */
export const anyNumber = z.custom<number>((v) => typeof v === "number", { message: "must be a number" }).meta({ id: "AnyNumber", description: "A number; YAML .nan, .inf and -.inf allowed" });

/** A literal value: a number, boolean, or nested lists of them (YAML `.nan`, `.inf`, `-.inf`, `-0.0` allowed). */
const literalValue: z.ZodType = z.lazy(() => z.union([anyNumber, z.boolean(), z.array(literalValue)])).meta({
  description: "A number, a boolean, or nested lists of them; YAML .nan, .inf, -.inf and -0.0 are allowed",
});

export const LiteralInput = z.strictObject({
  value: literalValue,
  dtype: Dtype.optional(),
});

export const RandomInput = z.strictObject({
  random: z.enum(["normal", "uniform", "integers"]).meta({ description: "numpy.random.Generator method the golden generator calls" }),
  seed: z.int().min(0),
  shape: z.array(z.int().min(0)),
  loc: z.number().optional(),
  scale: z.number().positive().optional(),
  low: z.number().optional(),
  high: z.number().optional(),
  dtype: Dtype.optional(),
});

/** An input: a bare literal, `{ value, dtype }`, or a random draw stored in the golden. */
export const InputSpec = z.union([literalValue, LiteralInput, RandomInput]);

const why = text.meta({ description: "Why this tolerance or rule is needed; required above the caps" });

export const ExactOutcome = z.strictObject({
  rule: z.literal("exact"),
  signed_zero: z.boolean().optional().meta({ description: "Also distinguish -0.0 from +0.0" }),
  why: why.optional(),
});
export const UlpOutcome = z.strictObject({
  rule: z.literal("ulp"),
  max: z.int().min(0).optional(),
  why: why.optional(),
});
export const AllcloseOutcome = z.strictObject({
  rule: z.literal("allclose"),
  rtol: z.number().min(0).optional(),
  atol: z.number().min(0).optional(),
  why: why.optional(),
});

export const InvariantCheck = z.discriminatedUnion("check", [
  z.strictObject({ check: z.literal("sorted"), of: z.string(), order: z.enum(["ascending", "descending"]) }),
  z.strictObject({ check: z.literal("orthonormal-columns"), of: z.string(), atol: z.number().min(0).optional() }),
  z.strictObject({
    check: z.literal("reconstructs"),
    product: z.array(z.string()).min(1).meta({ description: 'Factors multiplied left to right: "Q", "Q.T", "diag(s)"; names are outputs or inputs' }),
    equals: z.string().meta({ description: 'An input or output name, or "identity" for the identity matrix of matching size' }),
    rtol: z.number().min(0).optional(),
    atol: z.number().min(0).optional(),
  }),
  z.strictObject({ check: z.literal("close"), of: z.string(), rtol: z.number().min(0).optional(), atol: z.number().min(0).optional() }),
  z.strictObject({ check: z.literal("close-up-to-column-sign"), of: z.string(), rtol: z.number().min(0).optional(), atol: z.number().min(0).optional() }),
]);

export const InvariantOutcome = z.strictObject({
  rule: z.literal("invariant"),
  checks: z.array(InvariantCheck).min(1),
  why: why.optional(),
});
export const ErrorOutcome = z.strictObject({
  rule: z.literal("error"),
  message: z.string().optional().meta({ description: "Text both the NumPy and the TypeScript error messages must contain" }),
  why: why.optional(),
});
export const NotationOnlyOutcome = z.strictObject({
  rule: z.literal("notation-only"),
  reason: text.meta({ description: "Why this entry computes nothing" }),
});

export const OutcomeObject = z.discriminatedUnion("rule", [ExactOutcome, UlpOutcome, AllcloseOutcome, InvariantOutcome, ErrorOutcome, NotationOnlyOutcome]);
/** Shorthand: `outcome: exact` means `{ rule: exact }`. */
export const OutcomeShorthand = z.enum(["exact", "ulp", "allclose", "error"]);
export const Outcome = z.union([OutcomeShorthand, OutcomeObject]);

export const Case = z.strictObject({
  name: id.meta({ description: "Says why the case exists: with-nan, empty-sum-is-zero, large-logits-overflow" }),
  why: text.optional(),
  inputs: z.record(z.string(), InputSpec),
  outcome: Outcome.optional(),
  expect_warning: z.union([z.string(), z.array(z.string()).min(1)]).optional().meta({ description: "Substring(s) of the NumPy warnings this case is expected to raise; every warning must match one" }),
});

export const LegendItem = z.strictObject({ symbol: text.meta({ description: "LaTeX" }), meaning: text });
export const Reference = z.strictObject({ title: text, url: z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).optional(), locator: z.string().optional().meta({ description: "Section, page or equation number" }) });

export const EntrySchema = z.strictObject({
  id,
  title: text,
  section: id,
  order: z.int().min(1).optional().meta({ description: "Position within its section; entries without one follow, by title" }),
  latex: text.meta({ description: "The notation as papers print it; a YAML block scalar (|)" }),
  meaning: text,
  ml_use: text.optional(),
  legend: z.array(LegendItem).optional(),
  aliases: z.array(text).optional(),
  quick: z.strictObject({ latex: text.optional().meta({ description: "Short notation for the card, when the formula is long" }), numpy: text, typescript: text }).optional().meta({ description: "One-line equivalents for the quick reference card" }),
  pitfall: text.optional(),
  related: z.array(id).optional(),
  references: z.array(Reference).optional(),
  plot: z.strictObject({ variable: z.string(), range: z.tuple([z.number(), z.number()]), output: z.string().optional() }).optional(),
  tags: z.array(id).optional(),
  inputs: z.record(z.string(), InputSpec).optional(),
  outputs: z.array(z.string()).optional(),
  numpy: z.string().optional().meta({ description: "Python body using the inputs and assigning the outputs" }),
  typescript: z.string().optional().meta({ description: "TypeScript body using the inputs and declaring the outputs" }),
  outcome: Outcome.optional(),
  timeout_ms: z.int().positive().max(60000).optional(),
  cases: z.array(Case).optional(),
});

export const SectionSchema = z.strictObject({
  id,
  title: text,
  order: z.int().min(1),
  mental_model: text,
  seed: z.boolean().optional().meta({ description: "One of the original cheat sheet's six sections" }),
});
export const SectionsFile = z.strictObject({ sections: z.array(SectionSchema).min(1) });

export type EntryData = z.infer<typeof EntrySchema>;
export type SectionData = z.infer<typeof SectionSchema>;
export type CaseData = z.infer<typeof Case>;
export type OutcomeData = z.infer<typeof OutcomeObject>;
export type InvariantCheckData = z.infer<typeof InvariantCheck>;
export type DtypeName = z.infer<typeof Dtype>;
