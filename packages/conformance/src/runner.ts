/**
 * Prepares every entry's TypeScript cases as modules on disk — the shown source,
 * types stripped in place (line numbers survive), plus one `export { … }` line
 * so the suite can read the outputs — and judges results against the goldens.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { threadId } from "node:worker_threads";
import {
  checkInvariant,
  compareOutput,
  readGolden,
  resolveCases,
  type Corpus,
  type Entry,
  type Golden,
  type GoldenCase,
  type ResolvedCase,
} from "@maths-as-code/corpus";
import type { JobResult } from "./pool.ts";
import { WorkerPool } from "./pool.ts";

export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * A snippet directory of this process and thread: inside the package, so `@maths-as-code/core`
 * resolves through its node_modules, and private, so runs in parallel (several people testing in
 * one checkout) do not delete each other's modules. Removed when the process exits.
 */
export function scratchSnippetRoot(name: string): string {
  const parent = path.join(PACKAGE_DIR, ".snippets");
  // Test workers may be killed without an exit event: sweep directories of processes that are gone.
  for (const dir of existsSync(parent) ? readdirSync(parent) : []) {
    const pid = Number(/-(\d+)-\d+$/.exec(dir)?.[1]);
    if (pid && !isAlive(pid)) rmSync(path.join(parent, dir), { recursive: true, force: true });
  }
  const root = path.join(parent, `${name}-${process.pid}-${threadId}`);
  process.once("exit", () => rmSync(root, { recursive: true, force: true }));
  return root;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
export const DEFAULT_TIMEOUT_MS = Number(process.env.MAC_CASE_TIMEOUT_MS ?? 5000);

export interface PreparedCase {
  entry: Entry;
  case: ResolvedCase;
  golden?: GoldenCase;
  /** Absolute path of the module the worker imports. */
  modulePath: string;
  timeoutMs: number;
  /** Set when the case could not even be prepared (no golden, bad syntax). */
  setupProblem?: string;
}

export interface PrepareOptions {
  snippetRoot?: string;
  /** Replace an entry's TypeScript body (used by the must-fail tests). */
  typescriptOverride?: (entry: Entry) => string | undefined;
  /** Per-case time limit for every case (default: the entry's timeout_ms, else MAC_CASE_TIMEOUT_MS or 5000). */
  timeoutMs?: number;
}

export function goldenFor(corpus: Corpus, entry: Entry): Golden | undefined {
  return readGolden(corpus.dir, entry.id);
}

export function prepareCases(corpus: Corpus, options: PrepareOptions = {}): PreparedCase[] {
  const root = options.snippetRoot ?? scratchSnippetRoot("run");
  rmSync(root, { recursive: true, force: true });
  const out: PreparedCase[] = [];
  for (const original of corpus.entries) {
    const override = options.typescriptOverride?.(original);
    const entry = override === undefined ? original : { ...original, typescript: override };
    const golden = goldenFor(corpus, entry);
    let cases: ResolvedCase[];
    try {
      cases = resolveCases(entry, golden);
    } catch (err) {
      cases = [];
      out.push({ entry, case: { name: "example", index: -1, inputs: {}, outcome: { rule: "exact" }, source: { numpy: { source: "", bodyLine: 1 }, typescript: { source: "", bodyLine: 1 } } }, modulePath: "", timeoutMs: 0, setupProblem: (err as Error).message });
    }
    const dir = path.join(root, entry.id);
    mkdirSync(dir, { recursive: true });
    for (const c of cases) {
      const modulePath = path.join(dir, `${c.name}.mjs`);
      const prepared: PreparedCase = { entry, case: c, golden: golden?.cases.find((g) => g.name === c.name), modulePath, timeoutMs: options.timeoutMs ?? entry.timeout_ms ?? DEFAULT_TIMEOUT_MS };
      if (!prepared.golden) prepared.setupProblem = `no golden for this case in corpus/goldens/${entry.id}.json: run \`pnpm goldens\`.`;
      try {
        const js = stripTypeScriptTypes(c.source.typescript.source, { mode: "strip" });
        writeFileSync(modulePath, `${js}\nexport { ${(entry.outputs ?? []).join(", ")} };\n`);
      } catch (err) {
        prepared.setupProblem = `the TypeScript cannot be transpiled: ${(err as Error).message}`;
      }
      out.push(prepared);
    }
  }
  return out;
}

/** The YAML line of a line in the rendered TypeScript source, for readable errors. */
export function yamlLine(p: PreparedCase, sourceLine: number | undefined): string {
  if (sourceLine === undefined) return "";
  const first = p.entry.locate.blockFirstLine(["typescript"]);
  const offset = sourceLine - p.case.source.typescript.bodyLine;
  return first !== undefined && offset >= 0 ? ` (${p.entry.file}:${first + offset})` : ` (line ${sourceLine} of the prelude)`;
}

/** What is wrong with a case's result; empty when it passes. */
export function judge(p: PreparedCase, result: JobResult): string[] {
  if (p.setupProblem) return [p.setupProblem];
  const golden = p.golden!;
  const outcome = p.case.outcome;
  if (!result.ok) {
    const e = result.error;
    if ("timedOut" in result) return [e.message];
    if (outcome.rule === "error") {
      if (outcome.message && !e.message.includes(outcome.message)) return [`threw ${e.name}: "${e.message}", which does not contain "${outcome.message}"`];
      return [];
    }
    return [`threw ${e.name}: ${e.message}${yamlLine(p, "line" in e ? e.line : undefined)}`];
  }
  if (outcome.rule === "error") return [`returned normally, but NumPy raised ${golden.error?.type}: ${golden.error?.message}`];
  if (outcome.rule === "invariant") {
    return outcome.checks.flatMap((check) => checkInvariant(check, { outputs: result.outputs, inputs: p.case.inputs, golden: golden.outputs }));
  }
  return Object.entries(golden.outputs).flatMap(([name, want]) => compareOutput(name, result.outputs[name] ?? { kind: "other", description: "nothing" }, want, outcome));
}

export function caseLabel(p: PreparedCase): string {
  return `${p.entry.id} › case "${p.case.name}"`;
}

export interface CaseReport {
  prepared: PreparedCase;
  problems: string[];
}

/** Runs every prepared case and returns all reports (the must-fail tests use this). */
export async function runAll(prepared: PreparedCase[], poolSize = 2): Promise<CaseReport[]> {
  const pool = new WorkerPool(poolSize);
  try {
    return await Promise.all(
      prepared.map(async (p) => {
        if (p.setupProblem) return { prepared: p, problems: [p.setupProblem] };
        const result = await pool.run({ url: pathToFileURL(p.modulePath).href, outputs: p.entry.outputs ?? [] }, p.timeoutMs);
        return { prepared: p, problems: judge(p, result) };
      }),
    );
  } finally {
    await pool.close();
  }
}
