/**
 * Located, coded problems in the corpus. Every tool (linter, golden generator,
 * conformance suite, site build) reports through these so a contributor sees the
 * same `file:line:col error MACnnn message` wherever the problem surfaces.
 */

/** The stable rule codes. Never renumber: contributors and CI logs refer to them. */
export const RULES = {
  MAC001: "YAML syntax",
  MAC002: "LaTeX in a double-quoted string",
  MAC003: "missing required field",
  MAC004: "unknown field",
  MAC005: "invalid value",
  MAC006: "id does not match the file name",
  MAC007: "duplicate id",
  MAC008: "LaTeX rejected by KaTeX",
  MAC009: "unknown or mismatched section",
  MAC010: "invalid input or output name",
  MAC011: "tolerance above the cap without a reason",
  MAC012: "unknown related id",
  MAC013: "golden missing or stale",
  MAC014: "inconsistent input value",
  MAC015: "duplicate case name",
  MAC016: "sections file problem",
  MAC017: "TypeScript snippet does not type-check",
  MAC018: "NumPy body failed, warned or disagreed with the case's outcome",
} as const;

export type RuleCode = keyof typeof RULES;

export interface Diagnostic {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line and column; 1:1 when a problem concerns the whole file. */
  line: number;
  column: number;
  code: RuleCode;
  /** What is wrong and how to fix it, written for a contributor. */
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} error ${d.code} ${d.message}`;
}

export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(ds).map(formatDiagnostic);
  const files = new Set(ds.map((d) => d.file)).size;
  lines.push(`${ds.length} problem${ds.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`);
  return lines.join("\n");
}

export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** Thrown by the `…OrThrow` loaders: its message is the full formatted list. */
export class CorpusError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`The corpus has problems:\n${formatDiagnostics(diagnostics)}`);
    this.name = "CorpusError";
    this.diagnostics = diagnostics;
  }
}
