/**
 * Runs after `astro build` (see package.json): builds the Pagefind search bundle in dist/pagefind/.
 *
 * Only entry pages carry data-pagefind-body, so only they are indexed. Pagefind is told to keep the
 * backslash and the corpus's symbol characters inside words (see src/lib/search.ts), so "\nabla", "∑"
 * and "‖" are searchable. The bundle's prebuilt UIs are removed: the site's own island
 * (src/components/Search.astro) uses only pagefind.js and its worker, wasm, index and fragments.
 *
 * Plain Node 22 (type stripping). Honours MAC_CORPUS_DIR and MAC_SITE_OUT_DIR like the build.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { loadCorpusOrThrow } from "@maths-as-code/corpus";
import { searchCharacters } from "../src/lib/search.ts";

const dist = path.resolve(import.meta.dirname, "..", process.env.MAC_SITE_OUT_DIR ?? "dist");
const bundle = path.join(dist, "pagefind");
const { entries } = loadCorpusOrThrow();
const includeCharacters = searchCharacters(entries);

rmSync(bundle, { recursive: true, force: true });
try {
  const { index, errors } = await pagefind.createIndex({ includeCharacters });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: dist });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  for (const ui of ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"]) rmSync(path.join(bundle, ui), { force: true });
  // Pagefind's own count of indexed pages (those with data-pagefind-body), as the browser bundle will see it.
  const entry = JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  console.log(`search index: ${indexed} pages indexed of ${added.page_count} HTML files read (${entries.length} entries), ${includeCharacters.length} extra word characters, in ${path.relative(process.cwd(), bundle) || bundle}`);
} finally {
  await pagefind.close();
}
