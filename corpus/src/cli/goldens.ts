/**
 * `pnpm goldens [id…]`: regenerates corpus/goldens/<id>.json with NumPy.
 * Byte-identical on re-runs on the same machine. Removes goldens of deleted entries.
 */
import { readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { formatDiagnostics } from "../diagnostics.ts";
import { generateGoldens, PythonUnavailable } from "../generate.ts";
import { goldenPath, stringifyGolden } from "../golden.ts";
import { loadCorpusOrThrow } from "../load.ts";

const only = process.argv.slice(2);
try {
  const corpus = loadCorpusOrThrow();
  const unknown = only.filter((id) => !corpus.entries.some((e) => e.id === id));
  if (unknown.length) throw new Error(`no such entries: ${unknown.join(", ")}`);
  const entries = only.length ? corpus.entries.filter((e) => only.includes(e.id)) : corpus.entries;
  const started = performance.now();
  const { goldens, diagnostics, numpyVersion } = generateGoldens(corpus, entries);
  if (diagnostics.length) {
    console.error(formatDiagnostics(diagnostics));
    console.error("No goldens were written.");
    process.exit(1);
  }
  mkdirSync(path.join(corpus.dir, "goldens"), { recursive: true });
  let cases = 0;
  for (const [id, golden] of goldens) {
    if (!golden.cases.length) continue;
    cases += golden.cases.length;
    writeFileSync(goldenPath(corpus.dir, id), stringifyGolden(golden) + "\n");
  }
  if (!only.length) {
    const keep = new Set([...goldens].filter(([, g]) => g.cases.length).map(([id]) => `${id}.json`));
    for (const f of readdirSync(path.join(corpus.dir, "goldens"))) if (f.endsWith(".json") && !keep.has(f)) rmSync(path.join(corpus.dir, "goldens", f));
  }
  console.log(`goldens: ${goldens.size} entries, ${cases} cases, NumPy ${numpyVersion}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(err instanceof PythonUnavailable || (err instanceof Error && err.name === "CorpusError") ? err.message : err);
  process.exit(1);
}
