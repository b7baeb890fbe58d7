/**
 * The built site in a real browser with JavaScript disabled: a reader needs no
 * client code to see every entry, its rendered formula, both snippets and NumPy's output.
 * Then, with JavaScript enabled, the home page's search island (Pagefind) finds entries
 * by name and by symbol, and loads nothing but its own script and Pagefind's; and the entry
 * pages' copy buttons (their only script) copy each snippet exactly.
 * Drives Debian's chromium through playwright-core. Without a browser this fails under
 * CI=true and is reported as skipped otherwise — never passed.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corpusDir, loadCorpusOrThrow, readGolden, resolveCases } from "@maths-as-code/corpus";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI === "true") throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium); under CI the browser tests never skip`);
if (!haveBrowser) console.warn(`\n*** browser tests SKIPPED: no chromium at ${CHROMIUM} (apt-get install -y chromium) ***\n`);
if (!existsSync(path.join(DIST, "index.html"))) throw new Error(`no built site in ${DIST}: run \`pnpm run build\` in apps/site first`);

const corpus = loadCorpusOrThrow();
let server: Server;
let browser: Browser;
let base = "";

/** The static files exactly as a host would serve them (directory → index.html). */
function serveDist(): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".yaml": "text/plain; charset=utf-8" };
  const s = createServer((req, res) => {
    let file = path.join(DIST, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(DIST)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

async function open(url: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
  const page = await context.newPage();
  const response = await page.goto(base + url);
  expect(response?.status(), url).toBe(200);
  return page;
}

beforeAll(async () => {
  if (!haveBrowser) return;
  server = await serveDist();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.skipIf(!haveBrowser)("the site without JavaScript", () => {
  test("the home page has no search box, and nothing in its place is broken", async () => {
    const page = await open("/");
    await expect(page.getByRole("searchbox").count()).resolves.toBe(0);
    expect(await page.locator("form[data-search]").isVisible()).toBe(false);
    await expect(page.getByRole("link", { name: "quick reference card" }).count()).resolves.toBeGreaterThan(0);
  });

  test("the home page links every entry, grouped under its section", async () => {
    const page = await open("/");
    const links = await page.locator('a[href^="/entries/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
    expect(links.sort()).toEqual(corpus.entries.map((e) => `/entries/${e.id}/`).sort());
    for (const section of corpus.sections.filter((s) => s.entries.length)) await expect(page.getByRole("heading", { name: section.title }).count()).resolves.toBeGreaterThan(0);
  });

  test("every entry page shows its title, a rendered formula and both snippets", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const entry of corpus.entries) {
      const response = await page.goto(`${base}/entries/${entry.id}/`);
      expect(response?.status(), entry.id).toBe(200);
      await expect(page.locator("h1").innerText()).resolves.toContain(entry.title);
      const formula = page.locator(".katex-display").first();
      expect(await formula.isVisible(), `${entry.id}: formula visible`).toBe(true);
      expect((await formula.boundingBox())?.width ?? 0, `${entry.id}: formula has width`).toBeGreaterThan(10);
      const code = await page.locator("pre").allInnerTexts();
      expect(code.some((c) => c.includes("import numpy as np")), `${entry.id}: NumPy snippet`).toBe(true);
      expect(code.some((c) => c.includes('import * as np from "@maths-as-code/core"')), `${entry.id}: TypeScript snippet`).toBe(true);
    }
    await context.close();
  });

  test("the Σ page shows the cheat sheet's sum of [1, 2, 3, 4] as NumPy prints it", async () => {
    const page = await open("/entries/sum/");
    await expect(page.locator("body").innerText()).resolves.toMatch(/10\.0/);
  });

  test("snippets follow the reader's dark colour scheme", async () => {
    const light = await open("/entries/sum/", "light");
    const dark = await open("/entries/sum/", "dark");
    const bg = (p: Page) => p.locator("pre").first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(light)).not.toBe(await bg(dark));
  });

  test("an entry page shows no copy button: it appears only when its script runs", async () => {
    const page = await open("/entries/sum/");
    await expect(page.locator("button[data-copy]").count()).resolves.toBe(2); // in the HTML, hidden
    await expect(page.getByRole("button").count()).resolves.toBe(0);
    for (const button of await page.locator("button[data-copy]").all()) expect(await button.isVisible()).toBe(false);
    await expect(page.locator(".code-block figcaption").allInnerTexts()).resolves.toEqual(["NumPy", "TypeScript"]);
  });

  test("the quick reference card lists every entry's one-liners", async () => {
    const page = await open("/reference/");
    const text = await page.locator("main").innerText();
    for (const e of corpus.entries.filter((x) => x.quick)) expect(text, e.id).toContain(e.quick!.numpy);
  });
});

describe.skipIf(!haveBrowser)("search, with JavaScript", () => {
  let page: Page;
  /** Every script the page requested (URL path, bytes, and the page it was on), to prove nothing else loads. */
  let scripts: { path: string; bytes: number; on: string }[];

  beforeAll(async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    page = await context.newPage();
    scripts = [];
    page.on("response", async (r) => {
      if (r.request().resourceType() !== "script") return;
      const on = new URL(page.url()).pathname; // the softmax test visits an entry page, which loads the copy buttons' script
      scripts.push({ path: new URL(r.url()).pathname, bytes: (await r.body().catch(() => Buffer.alloc(0))).length, on });
    });
    const response = await page.goto(`${base}/`);
    expect(response?.status()).toBe(200);
  });

  /** Types a query and returns the result links (hrefs, best first) once the list answers that query. */
  async function search(query: string): Promise<string[]> {
    await page.getByRole("searchbox", { name: "Search the entries" }).fill(query);
    const list = page.locator("#site-search-results").and(page.locator(`[data-query="${query.replace(/["\\]/g, "\\$&")}"]`));
    await list.waitFor({ state: "attached", timeout: 15_000 });
    return list.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  }

  test("“softmax” lists the softmax entry first, and its link opens the entry", async () => {
    const hrefs = await search("softmax");
    expect(hrefs[0]).toBe("/entries/softmax/");
    const first = page.locator("#site-search-results li").first();
    // Title and meaning, as text: results are built from text nodes, never from HTML.
    const softmax = corpus.entries.find((e) => e.id === "softmax")!;
    await expect(first.locator("strong").innerText()).resolves.toBe(softmax.title);
    expect(await first.locator("*").evaluateAll((els) => [...new Set(els.map((el) => el.tagName))].sort())).toEqual(["A", "SPAN", "STRONG"]);
    await first.locator("a").click();
    await page.waitForURL(`${base}/entries/softmax/`);
    await expect(page.locator("h1").innerText()).resolves.toContain(softmax.title);
    await page.goto(`${base}/`);
  });

  test("a symbol or its LaTeX finds the sum entry: “Σ”, “∑”, “\\sum”", async () => {
    for (const q of ["Σ", "∑", "\\sum"]) expect((await search(q))[0], q).toBe("/entries/sum/");
  });

  test("LaTeX commands, NumPy names and abbreviations find their entry first", async () => {
    const expected: [string, string][] = [
      ["\\nabla", "/entries/gradient/"],
      ["np.linalg.norm", "/entries/l2-norm/"],
      ["KL", "/entries/kl-divergence/"],
      ["attention", "/entries/scaled-dot-product-attention/"],
    ];
    for (const [q, href] of expected) expect((await search(q))[0], q).toBe(href);
  });

  test("an unknown word says so; the home page loads only the island's script and Pagefind's", async () => {
    expect(await search("☃☃☃")).toEqual([]); // no indexed word shares a prefix with it
    await expect(page.locator("#site-search-status").innerText()).resolves.toMatch(/No entry matches/);
    const paths = scripts.filter((s) => s.on === "/").map((s) => s.path);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p, "script").toMatch(/^\/(_astro\/Search\.astro_[^/]+\.js|pagefind\/pagefind(-worker)?\.js)$/);
  });

});

describe.skipIf(!haveBrowser)("copy buttons on entry pages, with JavaScript", () => {
  /** The snippets as the page shows them: the entry's example, generated from its YAML (as src/lib/corpus.ts does). */
  function snippets(id: string): { numpy: string; typescript: string } {
    const entry = corpus.entries.find((e) => e.id === id)!;
    const source = resolveCases(entry, readGolden(corpusDir(), id)!)[0].source;
    return { numpy: source.numpy.source, typescript: source.typescript.source };
  }

  test("each button copies its snippet exactly and says “Copied”", async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const page = await context.newPage();
    await page.goto(`${base}/entries/sum/`);
    const expected = snippets("sum");
    expect(expected.numpy).toContain("total = np.sum(x)"); // the entry's own line, in the generated snippet
    expect(expected.typescript).toContain("const total = np.sum(x);");
    for (const [label, text] of [["NumPy", expected.numpy], ["TypeScript", expected.typescript]] as const) {
      const block = page.locator("figure.code-block").filter({ has: page.locator("figcaption", { hasText: new RegExp(`^${label}$`) }) });
      const button = block.getByRole("button", { name: `Copy the ${label} code` });
      await button.waitFor({ state: "visible" });
      await expect(button.innerText()).resolves.toBe("Copy");
      await page.evaluate(() => navigator.clipboard.writeText("(not copied yet)"));
      await button.click();
      await block.getByRole("status").filter({ hasText: "Copied" }).waitFor({ timeout: 5_000 });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied, label).toBe(text);
      // …which is the code the page shows (Shiki's <pre> drops only the final newline).
      await expect(block.locator("pre").innerText()).resolves.toBe(text.replace(/\n$/, ""));
    }
    await context.close();
  });

  test("entry pages load only the copy buttons' script, a few hundred bytes", async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const entryPage = await context.newPage();
    const loaded: { path: string; bytes: number }[] = [];
    entryPage.on("response", async (r) => {
      if (r.request().resourceType() === "script") loaded.push({ path: new URL(r.url()).pathname, bytes: (await r.body().catch(() => Buffer.alloc(0))).length });
    });
    await entryPage.goto(`${base}/entries/sum/`);
    await entryPage.getByRole("button", { name: "Copy the NumPy code" }).waitFor({ state: "visible" });
    expect(loaded.map((s) => s.path)).toHaveLength(1);
    expect(loaded[0].path).toMatch(/^\/_astro\/CodeBlock\.astro_[^/]+\.js$/);
    expect(loaded[0].bytes).toBeGreaterThan(0);
    expect(loaded[0].bytes).toBeLessThanOrEqual(1_024);
    await context.close();
  });
});
