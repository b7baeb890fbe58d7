/**
 * `pnpm goldens [id…]`: regenerates corpus/goldens/<id>.json with NumPy.
 * Byte-identical on re-runs on the same machine. Removes goldens of deleted entries.
 * With ids, only problems in those entries' files (or in corpus-wide files) stop it: several
 * people write entries at once, and one half-written file must not block the others' goldens.
 */
import { readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { CorpusError, formatDiagnostics } from "../diagnostics.ts";
import { generateGoldens, PythonUnavailable } from "../generate.ts";
import { goldenPath, stringifyGolden } from "../golden.ts";
import { loadCorpus, loadCorpusOrThrow, type Corpus } from "../load.ts";

const only = process.argv.slice(2);
try {
  const corpus = only.length ? loadCorpusFor(only) : loadCorpusOrThrow();
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

/** The corpus, failing only on diagnostics that concern the named entries or no entry at all. */
function loadCorpusFor(ids: string[]): Corpus {
  const corpus = loadCorpus();
  const named = new Set(ids.map((id) => `${id}.yaml`));
  const concerns = (file: string) => !file.includes("entries/") || named.has(path.basename(file));
  const blocking = corpus.diagnostics.filter((d) => concerns(d.file));
  if (blocking.length) throw new CorpusError(blocking);
  const others = new Set(corpus.diagnostics.map((d) => d.file)).size;
  if (others) console.error(`goldens: ${others} other entry file(s) have problems (not blocking: \`pnpm lint\` lists them).`);
  return corpus;
}
