/**
 * The corpus as the site shows it. Loaded once per build with the corpus's own
 * loader, so a malformed entry stops the build with the same located
 * `file:line:col error MACnnn` lines the linter prints — never zero pages.
 */
import {
  CorpusError,
  DEFAULTS,
  EXAMPLE_CASE,
  GOLDENS_COMMAND,
  loadCorpusOrThrow,
  planCases,
  readGolden,
  renderInput,
  resolveCases,
  staleGoldenDiagnostics,
  type CasePlan,
  type Diagnostic,
  type GoldenCase,
  type InvariantCheckData,
  type OutcomeData,
  type ResolvedCase,
} from "@maths-as-code/corpus";

export type { Entry, Section } from "@maths-as-code/corpus";
import type { Entry, Section } from "@maths-as-code/corpus";

export interface PrintedOutput {
  /** The output variable, as the code names it. */
  name: string;
  /** What `print(name)` shows in NumPy, from the golden. */
  printed: string;
}

export interface CaseView {
  name: string;
  why?: string;
  isExample: boolean;
  /** How this case is judged, in words ("exact", "within 4 ulp"). */
  rule: string;
  /** The inputs this case sets, as NumPy lines (or a description of a random draw). */
  inputs: string[];
  printed: PrintedOutput[];
  /** When NumPy raised: "ValueError: …". */
  error?: string;
  warnings: string[];
}

export interface CheckView {
  numpyVersion: string;
  caseCount: number;
  /** "exact", or per-rule counts when cases differ: "exact (6 cases); exact, sign of zero included (1 case)". */
  summary: string;
  cases: CaseView[];
}

export interface EntryView {
  entry: Entry;
  section: Section;
  /** Set for notation-only entries: why the entry computes nothing. */
  notationOnlyReason?: string;
  /** Exactly the code the golden generator and the conformance suite run for the example. */
  code?: { numpy: string; typescript: string };
  /** NumPy's printed output for the example. */
  example?: CaseView;
  check?: CheckView;
  related: Entry[];
  previous?: Entry;
  next?: Entry;
}

export interface SiteData {
  corpusDir: string;
  /** Sections in reading order, only those with entries. */
  sections: Section[];
  /** All sections, empty ones included (for counts). */
  allSections: Section[];
  /** Entries in reading order: by section, then by order within it. */
  entries: EntryView[];
  byId: Map<string, EntryView>;
}

/** The directory astro.config.mjs resolved (MAC_CORPUS_DIR or ../../corpus). */
export function corpusDirectory(): string {
  return __MAC_CORPUS_DIR__;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function describeCheck(c: InvariantCheckData): string {
  switch (c.check) {
    case "sorted":
      return `${c.of} is sorted ${c.order}`;
    case "orthonormal-columns":
      return `${c.of} has orthonormal columns`;
    case "reconstructs":
      return `${c.product.join(" · ")} reconstructs ${c.equals}`;
    case "close":
      return `${c.of} is close to NumPy's`;
    case "close-up-to-column-sign":
      return `${c.of} is close to NumPy's up to the sign of each column`;
  }
}

/** An outcome rule in words, with the defaults the comparison uses filled in. */
export function describeOutcome(o: OutcomeData): string {
  switch (o.rule) {
    case "exact":
      return o.signed_zero ? "exact, sign of zero included" : "exact";
    case "ulp":
      return `within ${o.max ?? DEFAULTS.ulp} ulp`;
    case "allclose":
      return `close (rtol ${o.rtol ?? DEFAULTS.rtol}, atol ${o.atol ?? DEFAULTS.atol})`;
    case "invariant":
      return `invariants: ${o.checks.map(describeCheck).join("; ")}`;
    case "error":
      return o.message ? `raises an error mentioning “${o.message}”` : "raises an error";
    case "notation-only":
      return "notation only";
  }
}

function summarise(plans: CasePlan[]): string {
  const counts = new Map<string, number>();
  for (const p of plans) {
    const rule = describeOutcome(p.outcome);
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  if (counts.size === 1) return [...counts.keys()][0];
  return [...counts].map(([rule, n]) => `${rule} (${plural(n, "case")})`).join("; ");
}

/** The inputs a case sets, as a reader would write them in NumPy; random draws described. */
function caseInputs(entry: Entry, plan: CasePlan, resolved: ResolvedCase): string[] {
  const own = plan.index < 0 ? Object.keys(plan.inputs) : Object.keys(entry.cases?.[plan.index]?.inputs ?? {});
  return own.map((name) => {
    const spec = plan.inputs[name];
    if (spec && "random" in spec) {
      const r = spec.random;
      const params = [r.loc !== undefined && `loc=${r.loc}`, r.scale !== undefined && `scale=${r.scale}`, r.low !== undefined && `low=${r.low}`, r.high !== undefined && `high=${r.high}`].filter(Boolean);
      const size = r.shape.reduce((a, b) => a * b, 1);
      return `${name}: ${plural(size, "value")} from rng.${r.random}(${params.join(", ")}), shape (${r.shape.join(", ")}${r.shape.length === 1 ? "," : ""}), seed ${r.seed}`;
    }
    const input = resolved.inputs[name];
    if (input.values.length > 24) return `${name}: ${input.dtype} array of shape (${input.shape.join(", ")}${input.shape.length === 1 ? "," : ""})`;
    return renderInput("numpy", name, input);
  });
}

function caseView(entry: Entry, plan: CasePlan, resolved: ResolvedCase, golden: GoldenCase): CaseView {
  return {
    name: plan.name,
    why: plan.why,
    isExample: plan.name === EXAMPLE_CASE,
    rule: describeOutcome(plan.outcome),
    inputs: caseInputs(entry, plan, resolved),
    printed: golden.error ? [] : (entry.outputs ?? Object.keys(golden.outputs)).filter((n) => golden.outputs[n]).map((name) => ({ name, printed: golden.outputs[name].printed })),
    error: golden.error ? `${golden.error.type}: ${golden.error.message}` : undefined,
    warnings: golden.warnings ?? [],
  };
}

function build(): SiteData {
  const dir = corpusDirectory();
  // Throws CorpusError listing every located problem: the build stops here.
  const corpus = loadCorpusOrThrow(dir);
  // The site prints NumPy's output from the goldens: a missing or stale golden would show a wrong answer.
  const problems: Diagnostic[] = staleGoldenDiagnostics(corpus);
  const problem = (entry: Entry, message: string) => problems.push({ file: entry.file, line: 1, column: 1, code: "MAC013", message });

  const sections = corpus.sections;
  const order = sections.flatMap((s) => s.entries);
  const entryById = new Map(corpus.entries.map((e) => [e.id, e]));
  const views: EntryView[] = [];

  order.forEach((entry, i) => {
    const section = sections.find((s) => s.id === entry.section)!;
    const view: EntryView = {
      entry,
      section,
      related: (entry.related ?? []).map((id) => entryById.get(id)).filter((e): e is Entry => e !== undefined),
      previous: order[i - 1],
      next: order[i + 1],
    };
    views.push(view);
    const plans = planCases(entry);
    if (!plans.length) {
      const outcome = typeof entry.outcome === "object" && entry.outcome.rule === "notation-only" ? entry.outcome : undefined;
      view.notationOnlyReason = outcome?.reason ?? "This entry is notation only: it computes nothing.";
      return;
    }
    const golden = readGolden(dir, entry.id);
    if (!golden || golden.entry_sha256 !== entry.sha256) return; // reported by staleGoldenDiagnostics
    let resolved: ResolvedCase[];
    try {
      resolved = resolveCases(entry, golden);
    } catch (err) {
      problem(entry, err instanceof Error ? err.message : String(err));
      return;
    }
    const cases: CaseView[] = [];
    for (let k = 0; k < plans.length; k++) {
      const g = golden.cases.find((c) => c.name === plans[k].name);
      if (!g) {
        problem(entry, `its golden has no case "${plans[k].name}": run \`${GOLDENS_COMMAND}\` and commit the result.`);
        continue;
      }
      const missing = g.error ? [] : (entry.outputs ?? []).filter((n) => !g.outputs[n]);
      if (missing.length) problem(entry, `its golden's case "${g.name}" has no output ${missing.map((n) => `"${n}"`).join(", ")}: run \`${GOLDENS_COMMAND}\` and commit the result.`);
      cases.push(caseView(entry, plans[k], resolved[k], g));
    }
    const example = resolved[0];
    view.code = { numpy: example.source.numpy.source, typescript: example.source.typescript.source };
    view.example = cases[0];
    view.check = { numpyVersion: golden.numpy_version, caseCount: plans.length, summary: summarise(plans), cases };
  });

  if (problems.length) throw new CorpusError(problems);
  if (!views.length) throw new Error(`The corpus at ${dir} has no entries: the site would be empty.`);
  return {
    corpusDir: dir,
    sections: sections.filter((s) => s.entries.length > 0),
    allSections: sections,
    entries: views,
    byId: new Map(views.map((v) => [v.entry.id, v])),
  };
}

let cached: SiteData | undefined;

/** The site's view of the corpus; built once per build (re-read on every request in `astro dev`). */
export function siteData(): SiteData {
  if (!cached || import.meta.env.DEV) cached = build();
  return cached;
}

export function entryView(id: string): EntryView {
  const view = siteData().byId.get(id);
  if (!view) throw new Error(`no entry "${id}" in the corpus`);
  return view;
}
