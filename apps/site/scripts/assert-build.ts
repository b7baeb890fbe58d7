/**
 * Runs after `astro build` (see package.json): checks the built site against the
 * corpus it was built from, independently of how the pages were generated.
 *
 * - one dist/entries/<id>/index.html for every entry YAML file in the corpus
 *   (counted from the corpus folder, not from the build), whose <h1> is the
 *   entry's title and which contains a KaTeX-rendered formula (class="katex");
 * - the home page links every entry; the quick reference page exists and links
 *   every entry that has a `quick` line; each entry's source file is published;
 * - zero client JavaScript except two islands, each its own module file: the home page loads exactly one
 *   script, the search island (src/components/Search.astro → dist/_astro/Search.astro_…js, which imports
 *   Pagefind); every entry page with code loads exactly one, the copy buttons (src/components/CodeBlock.astro
 *   → dist/_astro/CodeBlock.astro_…js, ≤ 1 kB), and its buttons are rendered hidden; no other page has a
 *   <script; the only other JavaScript in dist is Pagefind's pagefind.js and its worker;
 * - the Pagefind index (scripts/search-index.ts) exists and covers exactly the entry pages: every entry page
 *   has data-pagefind-body, no other page does, and Pagefind's page count equals the number of entries.
 *
 * Exits 1 with the list of every failure. Plain Node 22 (type stripping): erasable
 * TypeScript only, `.ts` in relative imports. Honours MAC_CORPUS_DIR like the build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { corpusDir, formatDiagnostics, loadCorpus } from "@maths-as-code/corpus";

const dist = path.resolve(import.meta.dirname, "..", process.env.MAC_SITE_OUT_DIR ?? "dist");
const dir = corpusDir();
const failures: string[] = [];
const fail = (message: string): void => {
  failures.push(message);
};

function walk(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

function h1Text(html: string): string | undefined {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return m ? squash(decodeEntities(m[1].replace(/<[^>]*>/g, ""))) : undefined;
}

const linksTo = (html: string, id: string): boolean => new RegExp(`href="[^"]*/entries/${id}/"`).test(html);

function read(rel: string): string | undefined {
  const abs = path.join(dist, rel);
  if (!existsSync(abs)) {
    fail(`dist/${rel} is missing`);
    return undefined;
  }
  return readFileSync(abs, "utf8");
}

// 1. The entries, counted from the corpus folder.
const entryFiles = walk(path.join(dir, "entries")).filter((f) => /\.ya?ml$/.test(f));
const ids = entryFiles.map((f) => path.basename(f).replace(/\.ya?ml$/, ""));
if (!existsSync(dist)) fail(`${dist} does not exist: run astro build first`);
if (!entryFiles.length) fail(`no entry files under ${path.join(dir, "entries")}`);

// Titles come from the corpus's own loader; a corpus it rejects should never have built.
const corpus = loadCorpus(dir);
if (corpus.diagnostics.length) fail(`the corpus has problems, yet the build succeeded:\n${formatDiagnostics(corpus.diagnostics)}`);
const byId = new Map(corpus.entries.map((e) => [e.id, e]));

const home = read("index.html");
const reference = read("reference/index.html");

for (const id of ids) {
  const entry = byId.get(id);
  const html = read(`entries/${id}/index.html`);
  if (!html) continue;
  if (!entry) {
    fail(`entries/${id}: the corpus loader returned no entry "${id}"`);
    continue;
  }
  const h1 = h1Text(html);
  if (h1 !== squash(entry.title)) fail(`entries/${id}/index.html: <h1> is ${JSON.stringify(h1)}, expected the title ${JSON.stringify(entry.title)}`);
  if (!html.includes('class="katex"')) fail(`entries/${id}/index.html: no class="katex" element — the formula was not rendered`);
  if (home && !linksTo(home, id)) fail(`index.html does not link to entries/${id}/`);
  if (reference && entry.quick && !linksTo(reference, id)) fail(`reference/index.html does not link to entries/${id}/ although the entry has a quick line`);
  if (!existsSync(path.join(dist, entry.file)) || !statSync(path.join(dist, entry.file)).isFile()) fail(`dist/${entry.file} is missing: the entry page's source link is broken`);
}

// Pages for entries that no longer exist mean a stale or foreign dist.
const built = existsSync(path.join(dist, "entries")) ? readdirSync(path.join(dist, "entries")) : [];
for (const id of built) if (!ids.includes(id)) fail(`dist/entries/${id}/ has no entry file in ${path.join(dir, "entries")}`);

// 2. No client JavaScript but two islands, each emitted as its own file: the search box (home page only, which
//    imports the Pagefind bundle) and the code blocks' copy buttons (entry pages only, a few hundred bytes).
const files = walk(dist);
interface Island {
  name: string;
  /** The one <script> tag that loads it. */
  tag: RegExp;
  /** Something its code must contain, to be sure the allowlisted file is the island it claims to be. */
  mustContain: string;
  /** An upper bound on the script's size, in bytes. */
  maxBytes: number;
}
const SEARCH: Island = {
  name: "search island",
  tag: /^<script type="module" src="([^"]*\/_astro\/Search\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js)"><\/script>$/,
  mustContain: "pagefind/pagefind.js",
  maxBytes: 8_192,
};
const COPY: Island = {
  name: "copy-button island",
  tag: /^<script type="module" src="([^"]*\/_astro\/CodeBlock\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js)"><\/script>$/,
  mustContain: "clipboard.writeText",
  maxBytes: 1_024,
};
const PAGEFIND_JS = new Set(["pagefind/pagefind.js", "pagefind/pagefind-worker.js"]);
const islandFiles = new Set<string>();
for (const file of files.filter((f) => f.endsWith(".html"))) {
  const rel = path.relative(dist, file).split(path.sep).join("/");
  const html = readFileSync(file, "utf8");
  const tags = html.match(/<script\b[\s\S]*?(?:<\/script\s*>|$)/gi) ?? [];
  if (/<script/i.test(html) && !tags.length) fail(`dist/${rel}: contains <script`);
  const isEntry = /^entries\/[^/]+\/index\.html$/.test(rel);
  // The one island a page may load, and how many of its <script> tags it must have (exactly 1, or 0).
  let island: Island | undefined;
  let expected = 0;
  if (rel === "index.html") {
    island = SEARCH;
    expected = 1;
    if (!/<form\b[^>]*\bdata-search\b[^>]*\bhidden\b/.test(html)) fail("index.html: no search island (<form data-search hidden>: hidden until its script runs)");
  } else if (isEntry) {
    // Every code block carries one copy button, rendered hidden: without JavaScript there is no button.
    const blocks = (html.match(/<figure class="code-block">/g) ?? []).length;
    // Attribute values (the snippet, in data-copy) may contain ">": match quoted values whole.
    const buttons = (html.match(/<button\b(?:[^>"']|"[^"]*"|'[^']*')*>/g) ?? []).filter((b) => /\sdata-copy=/.test(b));
    if (buttons.length !== blocks) fail(`dist/${rel}: ${blocks} code blocks but ${buttons.length} copy buttons (<button data-copy>), expected one each`);
    for (const b of buttons) if (!/\shidden(?:[\s>=]|$)/.test(b.replace(/"[^"]*"|'[^']*'/g, '""'))) fail(`dist/${rel}: a copy button that is not hidden (it must appear only when its script runs): ${b.slice(0, 80)}`);
    island = COPY;
    expected = buttons.length ? 1 : 0; // an entry without code (notation only) loads nothing
  }
  if (tags.length !== expected) {
    const allowed = island && expected ? `exactly the ${island.name}'s one` : "none";
    fail(`dist/${rel}: ${tags.length} <script> tags, expected ${allowed}${island ? "" : " (only the home page and entry pages may load JavaScript)"}`);
  }
  for (const tag of tags) {
    const m = island ? island.tag.exec(tag) : null;
    if (!island || !m) {
      fail(`dist/${rel}: a <script> that is not ${island ? `the ${island.name}'s module` : "allowed on this page"}: ${tag.slice(0, 120)}`);
      continue;
    }
    const src = path.join(dist, m[1].replace(/^.*?\/_astro\//, "_astro/"));
    if (!existsSync(src)) {
      fail(`dist/${rel}: the ${island.name}'s script ${m[1]} is missing`);
      continue;
    }
    const code = readFileSync(src);
    if (!code.toString("utf8").includes(island.mustContain)) fail(`dist/${path.relative(dist, src)}: the ${island.name}'s script does not contain ${island.mustContain}`);
    if (code.length > island.maxBytes) fail(`dist/${path.relative(dist, src)}: the ${island.name}'s script is ${code.length} bytes, over its budget of ${island.maxBytes}`);
    islandFiles.add(path.relative(dist, src).split(path.sep).join("/"));
  }
}
for (const file of files.filter((f) => /\.(m?js|cjs)$/.test(f))) {
  const rel = path.relative(dist, file).split(path.sep).join("/");
  if (!islandFiles.has(rel) && !PAGEFIND_JS.has(rel)) fail(`dist/${rel}: JavaScript file in the output that is neither an island's script (search, copy buttons) nor Pagefind's`);
}

// 3. The search index covers exactly the entry pages.
const entryJson = path.join(dist, "pagefind", "pagefind-entry.json");
if (!existsSync(entryJson)) fail("dist/pagefind/pagefind-entry.json is missing: run scripts/search-index.ts after astro build");
else {
  const meta = JSON.parse(readFileSync(entryJson, "utf8")) as { languages?: Record<string, { page_count?: number }> };
  const indexed = Object.values(meta.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
  if (indexed !== ids.length) fail(`the search index holds ${indexed} pages, expected one per entry (${ids.length})`);
  for (const p of PAGEFIND_JS) if (!existsSync(path.join(dist, p))) fail(`dist/${p} is missing: the search island cannot load Pagefind`);
}
for (const file of files.filter((f) => f.endsWith(".html"))) {
  const rel = path.relative(dist, file).split(path.sep).join("/");
  const isEntry = /^entries\/[^/]+\/index\.html$/.test(rel);
  const body = (readFileSync(file, "utf8").match(/\sdata-pagefind-body\b/g) ?? []).length;
  if (isEntry && body !== 1) fail(`dist/${rel}: ${body} data-pagefind-body elements, expected 1 (entry pages are what search indexes)`);
  if (!isEntry && body) fail(`dist/${rel}: data-pagefind-body on a page that is not an entry (search indexes entries only)`);
}

if (failures.length) {
  console.error(`site build check failed (${failures.length} problem${failures.length === 1 ? "" : "s"}):`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
const pages = files.filter((f) => f.endsWith(".html")).length;
console.log(`site ok: ${ids.length} entry page${ids.length === 1 ? "" : "s"}, home, reference, search index of ${ids.length} (${pages} HTML pages; JavaScript: the search island on home, the copy buttons on entry pages)`);
