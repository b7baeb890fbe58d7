/**
 * Reads the corpus: sections.yaml and every entries/<section>/<id>.yaml. Nothing
 * is dropped silently: each problem becomes a located Diagnostic and all of them
 * are collected in one pass, so a contributor fixes everything in one round.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar as YamlScalar, type Document, type Node } from "yaml";
import type { z } from "zod";
import { checkLatex } from "./latex.ts";
import { CorpusError, type Diagnostic, type RuleCode } from "./diagnostics.ts";
import { CAPS, EntrySchema, NAME_PATTERN, SectionsFile, type EntryData, type OutcomeData, type SectionData } from "./schema.ts";
import { dtypeProblem, shapeOf, type Nested } from "./values.ts";

export const DEFAULT_CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where the corpus lives: `MAC_CORPUS_DIR` lets tests point every tool at a scratch copy. */
export function corpusDir(): string {
  return process.env.MAC_CORPUS_DIR ? path.resolve(process.env.MAC_CORPUS_DIR) : DEFAULT_CORPUS_DIR;
}

type YamlPath = readonly (string | number)[];

/** Maps paths inside a YAML file back to line and column. */
export class SourceLocator {
  readonly file: string;
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;
  constructor(file: string, doc: Document.Parsed, lines: LineCounter) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
  }

  private pos(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** The node at `p`, or the nearest existing ancestor. */
  node(p: YamlPath): Node | undefined {
    for (let n = p.length; n >= 0; n--) {
      const node = this.doc.getIn(p.slice(0, n), true) as Node | undefined;
      if (node && typeof node === "object" && "range" in node && node.range) return node;
      if (n === 0) return this.doc.contents ?? undefined;
    }
    return undefined;
  }

  at(p: YamlPath): { line: number; column: number } {
    const node = this.node(p);
    return node?.range ? this.pos(node.range[0]) : { line: 1, column: 1 };
  }

  /** Position of the key `key` inside the map at `p` (for unknown fields). */
  keyAt(p: YamlPath, key: string): { line: number; column: number } {
    const map = this.node(p);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return this.pos(pair.key.range[0]);
      }
    }
    return this.at(p);
  }

  /** Position of character `index` inside the string scalar at `p` (block scalars included). */
  inString(p: YamlPath, index: number): { line: number; column: number } {
    const node = this.doc.getIn(p, true);
    if (!isScalar(node) || !node.range) return this.at(p);
    const text = String(node.value);
    const before = text.slice(0, index);
    const lineInValue = before.split("\n").length - 1;
    const colInLine = before.length - (before.lastIndexOf("\n") + 1);
    const start = this.pos(node.range[0]);
    if (node.type === YamlScalar.BLOCK_LITERAL || node.type === YamlScalar.BLOCK_FOLDED) {
      const src = this.lines.lineStarts;
      const firstContentLine = start.line + 1;
      const lineStart = src[firstContentLine - 1 + lineInValue];
      const raw = this.sourceLine(lineStart);
      const indent = raw.length - raw.trimStart().length;
      return { line: firstContentLine + lineInValue, column: indent + colInLine + 1 };
    }
    const quote = node.type === YamlScalar.QUOTE_SINGLE || node.type === YamlScalar.QUOTE_DOUBLE ? 1 : 0;
    return lineInValue === 0 ? { line: start.line, column: start.column + quote + colInLine } : { line: start.line + lineInValue, column: colInLine + 1 };
  }

  /** 1-based line of the first line of a block scalar's content (for mapping snippet lines). */
  blockFirstLine(p: YamlPath): number | undefined {
    const node = this.doc.getIn(p, true);
    if (!isScalar(node) || !node.range) return undefined;
    const start = this.pos(node.range[0]).line;
    return node.type === YamlScalar.BLOCK_LITERAL || node.type === YamlScalar.BLOCK_FOLDED ? start + 1 : start;
  }

  scalarType(p: YamlPath): string | undefined {
    const node = this.doc.getIn(p, true);
    return isScalar(node) ? node.type : undefined;
  }

  private sourceText?: string;
  private sourceLine(offset: number | undefined): string {
    if (offset === undefined || this.sourceText === undefined) return "";
    const end = this.sourceText.indexOf("\n", offset);
    return this.sourceText.slice(offset, end < 0 ? undefined : end);
  }
  withSource(text: string): this {
    this.sourceText = text;
    return this;
  }
}

export interface Entry extends EntryData {
  /** Path relative to the repository root (the corpus folder's parent). */
  file: string;
  /** SHA-256 of the file's raw bytes; goldens record it. */
  sha256: string;
  locate: SourceLocator;
}

export interface Section extends SectionData {
  entries: Entry[];
}

export interface Corpus {
  dir: string;
  sections: Section[];
  entries: Entry[];
  diagnostics: Diagnostic[];
}

const PY_KEYWORDS = new Set("False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield print len sum min max abs range list dict set tuple".split(" "));
const TS_RESERVED = new Set("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await undefined NaN Infinity Math Number Array Object".split(" "));

function suggest(key: string, known: readonly string[]): string | undefined {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = dist(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function shapeKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Known fields of the object at a YAML path, for "did you mean" hints. */
function knownKeysAt(p: YamlPath, value: unknown): string[] {
  const top = shapeKeys(EntrySchema);
  const last = p[p.length - 1];
  if (p.length === 0) return top;
  if (p[0] === "cases" && p.length === 2) return ["name", "why", "inputs", "outcome", "expect_warning"];
  if (last === "outcome" || (typeof value === "object" && value !== null && "rule" in value)) return ["rule", "signed_zero", "max", "rtol", "atol", "checks", "message", "reason", "why"];
  if (p.includes("inputs")) return ["value", "dtype", "random", "seed", "shape", "loc", "scale", "low", "high"];
  if (p[0] === "legend") return ["symbol", "meaning"];
  if (p[0] === "references") return ["title", "url", "locator"];
  if (p[0] === "quick") return ["latex", "numpy", "typescript"];
  if (p[0] === "plot") return ["variable", "range", "output"];
  return [];
}

function getAt(value: unknown, p: YamlPath): unknown {
  let v = value;
  for (const k of p) v = v == null ? undefined : (v as Record<string | number, unknown>)[k];
  return v;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: Issue[][];
  expected?: string;
  note?: string;
}

/** Turns zod issues into located diagnostics with contributor-facing messages. */
function issuesToDiagnostics(issues: Issue[], data: unknown, loc: SourceLocator, prefix: YamlPath = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (code: RuleCode, where: { line: number; column: number }, message: string) =>
    out.push({ file: loc.file, line: where.line, column: where.column, code, message });
  for (const issue of issues) {
    const p = [...prefix, ...issue.path.map((k) => (typeof k === "symbol" ? String(k) : k))] as (string | number)[];
    const value = getAt(data, p);
    const field = p.length ? p.join(".") : "the entry";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys ?? []) {
        const hint = suggest(key, knownKeysAt(p, value));
        push("MAC004", loc.keyAt(p, key), `unknown field "${key}" in ${p.length ? p.join(".") : "the entry"}${hint ? `: did you mean "${hint}"?` : ""} Remove it or rename it to a field in corpus/SPEC.md.`);
      }
    } else if (issue.code === "invalid_type" && value === undefined) {
      push("MAC003", loc.at(p.slice(0, -1)), `missing required field "${String(p[p.length - 1])}"${p.length > 1 ? ` in ${p.slice(0, -1).join(".")}` : ""}: add it (see corpus/SPEC.md).`);
    } else if (issue.code === "invalid_union") {
      const branches = issue.errors ?? [];
      const isObj = typeof value === "object" && value !== null && !Array.isArray(value);
      // Report the branch that fits the value's shape: an object with `rule` is an outcome, with `random` a random input…
      const fitting = branches.filter((b) => !b.some((i) => i.path.length === 0 && i.code === "invalid_type"));
      if (fitting.length === 1 && fitting[0].length) {
        out.push(...issuesToDiagnostics(fitting[0], data, loc, p));
      } else if (p.includes("inputs")) {
        push("MAC014", loc.at(p), `${field} must be a literal (a number, true/false, or nested lists), { value, dtype } or { random, seed, shape }; found ${show(value)}.`);
      } else if (isObj && issue.note) {
        const disc = "rule" in (value as object) ? "rule" : "check" in (value as object) ? "check" : undefined;
        push("MAC005", loc.at(disc ? [...p, disc] : p), `${field}${disc ? `.${disc}` : ""}: ${show(disc ? (value as Record<string, unknown>)[disc] : value)} is not one of the allowed values (see corpus/SPEC.md).`);
      } else {
        push("MAC005", loc.at(p), `${field}: ${issue.message}; found ${show(value)} (see corpus/SPEC.md).`);
      }
    } else {
      push("MAC005", loc.at(p), `${field}: ${issue.message}${value !== undefined ? `; found ${show(value)}` : ""}.`);
    }
  }
  return out;
}

/** A value as a contributor wrote it (JSON.stringify would print NaN as null). */
function show(value: unknown): string {
  if (typeof value === "number") return Number.isNaN(value) ? ".nan" : value === Infinity ? ".inf" : value === -Infinity ? "-.inf" : String(value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (value && typeof value === "object") return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(", ")} }`;
  return JSON.stringify(value);
}

function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

function parseYamlFile(abs: string, rel: string): { raw: Buffer; doc?: Document.Parsed; loc?: SourceLocator; diagnostics: Diagnostic[] } {
  const raw = readFileSync(abs);
  const text = raw.toString("utf8");
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  for (const err of [...doc.errors]) {
    const { line, col } = lines.linePos(err.pos[0]);
    diagnostics.push({ file: rel, line, column: col, code: "MAC001", message: `YAML syntax: ${err.message.split("\n")[0]}. Check indentation and quoting near here.` });
  }
  if (diagnostics.length) return { raw, diagnostics };
  return { raw, doc, loc: new SourceLocator(rel, doc, lines).withSource(text), diagnostics };
}

function loadSections(dir: string, root: string, diagnostics: Diagnostic[]): SectionData[] {
  const abs = path.join(dir, "sections.yaml");
  const rel = relativeTo(root, abs);
  if (!existsSync(abs)) {
    diagnostics.push({ file: rel, line: 1, column: 1, code: "MAC016", message: "sections.yaml is missing: every entry's section is declared there." });
    return [];
  }
  const { doc, loc, diagnostics: ds } = parseYamlFile(abs, rel);
  diagnostics.push(...ds);
  if (!doc || !loc) return [];
  const data = doc.toJS();
  const parsed = SectionsFile.safeParse(data);
  if (!parsed.success) {
    diagnostics.push(...issuesToDiagnostics(parsed.error.issues as unknown as Issue[], data, loc).map((d) => ({ ...d, code: d.code === "MAC005" ? ("MAC016" as const) : d.code })));
    return [];
  }
  const seen = new Map<string, number>();
  const orders = new Map<number, string>();
  parsed.data.sections.forEach((s, i) => {
    const where = loc.at(["sections", i, "id"]);
    if (seen.has(s.id)) diagnostics.push({ file: rel, ...where, code: "MAC016", message: `section id "${s.id}" is declared twice: section ids must be unique.` });
    if (orders.has(s.order)) diagnostics.push({ file: rel, ...loc.at(["sections", i, "order"]), code: "MAC016", message: `order ${s.order} is used by "${orders.get(s.order)}" and "${s.id}": give each section its own order.` });
    seen.set(s.id, i);
    orders.set(s.order, s.id);
  });
  return [...parsed.data.sections].sort((a, b) => a.order - b.order);
}

function listEntryFiles(dir: string): string[] {
  const entriesDir = path.join(dir, "entries");
  if (!existsSync(entriesDir)) return [];
  return (readdirSync(entriesDir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

function outcomeOf(o: EntryData["outcome"]): OutcomeData | undefined {
  if (o === undefined) return undefined;
  return typeof o === "string" ? ({ rule: o } as OutcomeData) : o;
}

/** Semantic rules the schema cannot express. */
function checkEntry(entry: EntryData, loc: SourceLocator, fileBase: string, sectionDir: string, sectionIds: Set<string>, out: Diagnostic[]): void {
  const file = loc.file;
  const push = (code: RuleCode, where: { line: number; column: number }, message: string) => out.push({ file, ...where, code, message });

  if (entry.id !== fileBase) push("MAC006", loc.at(["id"]), `id "${entry.id}" does not match the file name "${fileBase}.yaml": rename the file to ${entry.id}.yaml or set id: ${fileBase}.`);
  if (sectionIds.size && !sectionIds.has(entry.section)) {
    const hint = suggest(entry.section, [...sectionIds]);
    push("MAC009", loc.at(["section"]), `section "${entry.section}" is not declared in corpus/sections.yaml${hint ? `: did you mean "${hint}"?` : ""}`);
  } else if (entry.section !== sectionDir) {
    push("MAC009", loc.at(["section"]), `section "${entry.section}" does not match the folder "entries/${sectionDir}/": move the file to entries/${entry.section}/ or fix the section.`);
  }

  // LaTeX: block scalar or single quotes, and KaTeX must accept it.
  const latexFields: YamlPath[] = [["latex"], ...(entry.quick?.latex ? [["quick", "latex"] as YamlPath] : []), ...(entry.legend ?? []).map((_, i) => ["legend", i, "symbol"] as YamlPath)];
  for (const p of latexFields) {
    const value = getAt(entry, p);
    if (typeof value !== "string") continue;
    if (loc.scalarType(p) === YamlScalar.QUOTE_DOUBLE || /[\f\b\v]/.test(value)) {
      push("MAC002", loc.at(p), `${p.join(".")} is in double quotes, where "\\f" in "\\frac" becomes a form feed and "\\b" a backspace: write LaTeX as a block scalar (${p.join(".")}: |) or in single quotes.`);
      continue;
    }
    const problem = checkLatex(value, p[0] === "latex");
    if (problem) push("MAC008", problem.position !== undefined ? loc.inString(p, problem.position) : loc.at(p), `KaTeX cannot render ${p.join(".")}: ${problem.message}. Fix the LaTeX (KaTeX supports https://katex.org/docs/supported).`);
  }

  const entryOutcome = outcomeOf(entry.outcome);
  const notationOnly = entryOutcome?.rule === "notation-only";
  const codeFields = ["inputs", "outputs", "numpy", "typescript", "cases"] as const;
  if (notationOnly) {
    for (const f of codeFields) if (entry[f] !== undefined) push("MAC005", loc.keyAt([], f), `"${f}" is not allowed in a notation-only entry: it computes nothing. Remove "${f}" or give the entry a checkable outcome.`);
  } else {
    for (const f of ["inputs", "outputs", "numpy", "typescript"] as const) {
      if (entry[f] === undefined) push("MAC003", loc.at([]), `missing required field "${f}": an entry that computes something needs inputs, outputs, numpy and typescript (or outcome: { rule: notation-only, reason: … }).`);
    }
    if ((entry.cases?.length ?? 0) < 2) push("MAC003", loc.at(entry.cases ? ["cases"] : []), `an entry needs at least two cases beyond the example (found ${entry.cases?.length ?? 0}): add cases for special values, edge shapes and magnitudes that break a naive formula.`);
    if (entry.tags?.includes("reduction")) {
      const long = (entry.cases ?? []).some((c) => Object.values(c.inputs).some((i) => typeof i === "object" && i !== null && "random" in i && (i as unknown as { shape: number[] }).shape.reduce((a, b) => a * b, 1) > 128));
      if (!long) push("MAC003", loc.at(entry.cases ? ["cases"] : []), `a reduction needs a random case with more than 128 elements (e.g. inputs: { x: { random: normal, seed: 1, shape: [1000] } }) to exercise pairwise summation.`);
    }
  }

  // Names: valid in both languages, not shadowing np, no collisions.
  const inputNames = Object.keys(entry.inputs ?? {});
  const names = [...inputNames.map((n) => ["inputs", n] as const), ...(entry.outputs ?? []).map((n, i) => ["outputs", i, n] as const)];
  const seen = new Set<string>();
  for (const item of names) {
    const name = item[item.length - 1] as string;
    const p = item.length === 2 ? ["inputs", name] : ["outputs", item[1]];
    const where = item.length === 2 ? loc.keyAt(["inputs"], name) : loc.at(p);
    if (!NAME_PATTERN.test(name)) push("MAC010", where, `"${name}" is not a valid variable name in Python and TypeScript: use letters, digits and underscores, starting with a letter.`);
    else if (name === "np" || PY_KEYWORDS.has(name) || TS_RESERVED.has(name)) push("MAC010", where, `"${name}" is reserved or a built-in in Python or TypeScript: choose another name.`);
    if (seen.has(name)) push("MAC010", where, `"${name}" is used twice among inputs and outputs: each name must be unique.`);
    seen.add(name);
  }

  const checkInputValue = (p: YamlPath, spec: unknown, declaredDtype: string | undefined) => {
    if (spec === null || spec === undefined) return;
    if (typeof spec === "object" && !Array.isArray(spec) && "random" in spec) {
      const r = spec as { random: string; low?: number; high?: number; loc?: number; scale?: number; dtype?: string };
      const dt = r.dtype ?? declaredDtype ?? (r.random === "integers" ? "int64" : "float64");
      if (r.random === "integers" && (r.low === undefined || r.high === undefined)) push("MAC014", loc.at(p), `random: integers needs low and high (high exclusive).`);
      if (r.random === "integers" && dt !== "int64") push("MAC014", loc.at(p), `random: integers draws int64 values; declare dtype: int64.`);
      if (r.random !== "integers" && dt !== "float64") push("MAC014", loc.at(p), `random: ${r.random} draws float64 values; remove dtype: ${dt}.`);
      if (r.random === "normal" && (r.low !== undefined || r.high !== undefined)) push("MAC014", loc.at(p), `random: normal takes loc and scale, not low/high.`);
      if (r.random !== "normal" && (r.loc !== undefined || r.scale !== undefined)) push("MAC014", loc.at(p), `random: ${r.random} takes low and high, not loc/scale.`);
      if (r.low !== undefined && r.high !== undefined && !(r.low < r.high)) push("MAC014", loc.at(p), `low must be below high.`);
      return;
    }
    const literal = typeof spec === "object" && !Array.isArray(spec) ? (spec as { value: Nested; dtype?: string }) : { value: spec as Nested };
    const shaped = shapeOf(literal.value);
    const where = loc.at(literal === spec ? [...p, "value"] : p);
    if (!shaped.ok) return push("MAC014", where, `${p.join(".")}: ${shaped.message}.`);
    const dtype = (literal.dtype ?? declaredDtype ?? (shaped.flat.length && shaped.flat.every((v) => typeof v === "boolean") ? "bool" : "float64")) as "float64";
    const problem = dtypeProblem(shaped.flat, dtype);
    if (problem) push("MAC014", where, `${p.join(".")}: ${problem}.`);
  };
  const declared = new Map<string, string | undefined>();
  for (const [name, spec] of Object.entries(entry.inputs ?? {})) {
    const dt = typeof spec === "object" && spec !== null && !Array.isArray(spec) ? (spec as { dtype?: string }).dtype : undefined;
    declared.set(name, dt);
    checkInputValue(["inputs", name], spec, dt);
  }

  const checkOutcome = (p: YamlPath, o: OutcomeData | undefined) => {
    if (!o) return;
    if (o.rule === "notation-only" && p[0] === "cases") push("MAC005", loc.at(p), `notation-only applies to a whole entry, not to one case: move it to the entry's outcome.`);
    const over: string[] = [];
    if (o.rule === "ulp" && (o.max ?? 0) > CAPS.ulp) over.push(`max ${o.max} ulp > ${CAPS.ulp}`);
    if (o.rule === "allclose" && (o.rtol ?? 0) > CAPS.rtol) over.push(`rtol ${o.rtol} > ${CAPS.rtol}`);
    if (o.rule === "allclose" && (o.atol ?? 0) > CAPS.atol) over.push(`atol ${o.atol} > ${CAPS.atol}`);
    if (o.rule === "invariant")
      for (const c of o.checks) {
        if ("rtol" in c && (c.rtol ?? 0) > CAPS.rtol) over.push(`${c.check} rtol ${c.rtol} > ${CAPS.rtol}`);
        if ("atol" in c && (c.atol ?? 0) > CAPS.atol) over.push(`${c.check} atol ${c.atol} > ${CAPS.atol}`);
      }
    if (over.length && !("why" in o && o.why)) push("MAC011", loc.at(p), `${over.join(", ")} is above the documented cap: add why: explaining where the error comes from, or tighten the tolerance.`);
    if (o.rule === "invariant") {
      const known = new Set([...(entry.outputs ?? []), ...inputNames]);
      o.checks.forEach((c, i) => {
        const refs = c.check === "reconstructs" ? [...c.product.map((f) => f.replace(/^diag\((.*)\)$/, "$1").replace(/\.T$/, "")), ...(c.equals === "identity" ? [] : [c.equals])] : [c.of];
        for (const r of refs) if (!known.has(r)) push("MAC010", loc.at([...p, "checks", i]), `invariant check ${c.check} refers to "${r}", which is neither an input nor an output.`);
      });
    }
  };
  checkOutcome(["outcome"], entryOutcome);

  const caseNames = new Set<string>(["example"]);
  (entry.cases ?? []).forEach((c, i) => {
    if (caseNames.has(c.name)) push("MAC015", loc.at(["cases", i, "name"]), `case name "${c.name}" is used twice${c.name === "example" ? ' ("example" is the entry\'s own inputs)' : ""}: case names must be unique within an entry.`);
    caseNames.add(c.name);
    for (const [name, spec] of Object.entries(c.inputs)) {
      if (!declared.has(name)) push("MAC010", loc.keyAt(["cases", i, "inputs"], name), `case "${c.name}" sets input "${name}", which the entry does not declare${inputNames.length ? ` (inputs: ${inputNames.join(", ")})` : ""}.`);
      else checkInputValue(["cases", i, "inputs", name], spec, declared.get(name));
    }
    checkOutcome(["cases", i, "outcome"], outcomeOf(c.outcome));
  });
}

/** Loads and validates the whole corpus, collecting every problem. */
export function loadCorpus(dir = corpusDir()): Corpus {
  const root = path.dirname(dir);
  const diagnostics: Diagnostic[] = [];
  const sectionList = loadSections(dir, root, diagnostics);
  const sectionIds = new Set(sectionList.map((s) => s.id));
  const entries: Entry[] = [];
  const byId = new Map<string, Entry[]>();

  const files = listEntryFiles(dir);
  if (!files.length) diagnostics.push({ file: relativeTo(root, path.join(dir, "entries")), line: 1, column: 1, code: "MAC003", message: "no entry files found: entries live in corpus/entries/<section>/<id>.yaml." });
  for (const abs of files) {
    const rel = relativeTo(root, abs);
    if (abs.endsWith(".yml")) {
      diagnostics.push({ file: rel, line: 1, column: 1, code: "MAC005", message: `entry files end in .yaml: rename ${path.basename(abs)} to ${path.basename(abs, ".yml")}.yaml.` });
      continue;
    }
    const sectionDir = path.relative(path.join(dir, "entries"), path.dirname(abs)).split(path.sep).join("/");
    const { raw, doc, loc, diagnostics: ds } = parseYamlFile(abs, rel);
    diagnostics.push(...ds);
    if (!doc || !loc) continue;
    const data = doc.toJS();
    const parsed = EntrySchema.safeParse(data);
    const before = diagnostics.length;
    if (!parsed.success) diagnostics.push(...issuesToDiagnostics(parsed.error.issues as unknown as Issue[], data, loc));
    // Semantic checks run even when the schema failed, on what can be read, so one run reports everything.
    const entryData = (parsed.success ? parsed.data : data) as EntryData;
    if (entryData && typeof entryData === "object" && !parsed.success) {
      try {
        checkEntry(entryData, loc, path.basename(abs, ".yaml"), sectionDir, sectionIds, diagnostics);
      } catch {
        // The shape was too broken for semantic checks; the schema diagnostics already say why.
      }
    } else if (parsed.success) checkEntry(parsed.data, loc, path.basename(abs, ".yaml"), sectionDir, sectionIds, diagnostics);
    if (!parsed.success && diagnostics.length === before) diagnostics.push({ file: rel, line: 1, column: 1, code: "MAC005", message: "the entry does not match the schema." });
    if (!parsed.success) continue;
    const entry: Entry = { ...parsed.data, file: rel, sha256: createHash("sha256").update(raw).digest("hex"), locate: loc };
    entries.push(entry);
    const list = byId.get(entry.id) ?? [];
    list.push(entry);
    byId.set(entry.id, list);
  }

  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const e of list) {
      const others = list.filter((o) => o !== e).map((o) => o.file).join(", ");
      diagnostics.push({ file: e.file, ...e.locate.at(["id"]), code: "MAC007", message: `id "${id}" is also used by ${others}: ids must be unique across the corpus.` });
    }
  }
  for (const e of entries) {
    (e.related ?? []).forEach((r, i) => {
      if (!byId.has(r)) diagnostics.push({ file: e.file, ...e.locate.at(["related", i]), code: "MAC012", message: `related id "${r}" is not an entry${suggest(r, [...byId.keys()]) ? `: did you mean "${suggest(r, [...byId.keys()])}"?` : "."}` });
    });
  }

  const sections: Section[] = sectionList.map((s) => ({ ...s, entries: entries.filter((e) => e.section === s.id).sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title)) }));
  return { dir, sections, entries: entries.sort((a, b) => a.id.localeCompare(b.id)), diagnostics };
}

/** For tools that cannot go on with a broken corpus: throws with every problem listed. */
export function loadCorpusOrThrow(dir = corpusDir()): Corpus {
  const corpus = loadCorpus(dir);
  if (corpus.diagnostics.length) throw new CorpusError(corpus.diagnostics);
  return corpus;
}
