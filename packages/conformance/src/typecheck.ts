/**
 * Type-checks every case's TypeScript source (prelude + body) against the
 * published types of @maths-as-code/core, as a reader's project would, and maps
 * each error back to its line in the entry's YAML.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { Diagnostic } from "@maths-as-code/corpus";
import type { PreparedCase } from "./runner.ts";

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2023,
  lib: ["lib.es2023.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Snippets run through Node's type stripping: only erasable syntax.
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/** Located type errors per entry id (empty list: the entry type-checks). */
export function typecheck(prepared: PreparedCase[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, PreparedCase>();
  const result = new Map<string, Diagnostic[]>();
  for (const p of prepared) {
    result.set(p.entry.id, result.get(p.entry.id) ?? []);
    if (!p.modulePath) continue;
    const file = p.modulePath.replace(/\.mjs$/, ".ts");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, p.case.source.typescript.source);
    byFile.set(path.resolve(file), p);
  }
  const program = ts.createProgram([...byFile.keys()], COMPILER_OPTIONS);
  const seen = new Set<string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const p = d.file ? byFile.get(path.resolve(d.file.fileName)) : undefined;
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!p || !d.file || d.start === undefined) {
      // A problem outside the snippets (e.g. core's types missing) concerns every entry.
      for (const list of result.values()) list.push({ file: "packages/conformance", line: 1, column: 1, code: "MAC017", message: text });
      continue;
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const offset = line + 1 - p.case.source.typescript.bodyLine;
    const bodyLines = (p.entry.typescript ?? "").split("\n");
    const index = bodyLines.slice(0, Math.max(offset, 0)).reduce((n, l) => n + l.length + 1, 0) + character;
    const where = offset >= 0 ? p.entry.locate.inString(["typescript"], index) : p.entry.locate.at(["inputs"]);
    const message = `TS${d.code}: ${text}${offset < 0 ? ` (in the prelude of case "${p.case.name}")` : ""}`;
    const key = `${p.entry.id}:${where.line}:${message}`;
    if (seen.has(key)) continue; // the same body error repeats in every case
    seen.add(key);
    result.get(p.entry.id)!.push({ file: p.entry.file, ...where, code: "MAC017", message });
  }
  return result;
}
