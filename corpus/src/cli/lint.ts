/** `pnpm lint`: validates every entry and prints all problems, located. Exit 1 on any. */
import { formatDiagnostics } from "../diagnostics.ts";
import { loadCorpus } from "../load.ts";
import { staleGoldenDiagnostics } from "../staleness.ts";

const corpus = loadCorpus();
// A golden cannot be judged for a file that is already broken: report the breakage only.
const broken = new Set(corpus.diagnostics.map((d) => d.file));
const diagnostics = [...corpus.diagnostics, ...staleGoldenDiagnostics(corpus).filter((d) => !broken.has(d.file))];
if (diagnostics.length) {
  console.error(formatDiagnostics(diagnostics));
  process.exit(1);
}
const cases = corpus.entries.reduce((n, e) => n + 1 + (e.cases?.length ?? 0), 0);
console.log(`corpus ok: ${corpus.entries.length} entries, ${cases} cases, ${corpus.sections.length} sections`);
