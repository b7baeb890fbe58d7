/**
 * Golden staleness without Python: an entry whose bytes changed since its golden
 * was generated (or that has no golden) is reported with the command that fixes it.
 */
import { planCases } from "./cases.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { GOLDENS_COMMAND, readGolden } from "./golden.ts";
import type { Corpus, Entry } from "./load.ts";

export function goldenProblem(corpus: Corpus, entry: Entry): string | undefined {
  if (!planCases(entry).length) return undefined; // notation-only: nothing to compute
  const golden = readGolden(corpus.dir, entry.id);
  if (!golden) return `${entry.id} has no golden (corpus/goldens/${entry.id}.json): run \`${GOLDENS_COMMAND}\` and commit the result.`;
  if (golden.entry_sha256 !== entry.sha256)
    return `${entry.id} changed since its golden was generated (sha256 ${entry.sha256.slice(0, 12)}… ≠ ${golden.entry_sha256.slice(0, 12)}… in corpus/goldens/${entry.id}.json): run \`${GOLDENS_COMMAND}\` and commit the result.`;
  return undefined;
}

export function staleGoldenDiagnostics(corpus: Corpus): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of corpus.entries) {
    const message = goldenProblem(corpus, entry);
    if (message) out.push({ file: entry.file, line: 1, column: 1, code: "MAC013", message });
  }
  return out;
}
