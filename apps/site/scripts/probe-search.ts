/**
 * Search quality at a glance: types each query into the home page's search box in Debian's chromium
 * (playwright-core) and prints the entries listed, best first — exactly what a reader sees.
 *   pnpm run build && node scripts/probe-search.ts [query …]
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";

const DIST = path.resolve(import.meta.dirname, "..", process.env.MAC_SITE_OUT_DIR ?? "dist");
const QUERIES = ["Σ", "∑", "\\sum", "np.sum", "∇", "\\nabla", "nabla", "softmax", "np.linalg.norm", "KL", "KL divergence", "attention", "argmax", "‖", "𝔼", "expectation", "ℓ2", "cross entropy", "sigmoid", "∂"];
const queries = process.argv.length > 2 ? process.argv.slice(2) : QUERIES;
const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".css": "text/css" };
const server = createServer((req, res) => {
  let file = path.join(DIST, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const input = page.getByRole("searchbox", { name: "Search the entries" });
  for (const q of queries) {
    await input.fill(q);
    const list = page.locator(`#site-search-results[data-query="${q.replace(/["\\]/g, "\\$&")}"]`);
    await list.waitFor({ state: "attached", timeout: 10_000 });
    const ids = await list.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.replace(/^\/entries\/|\/$/g, "")));
    const status = await page.locator("#site-search-status").innerText();
    console.log(`${JSON.stringify(q).padEnd(17)} ${status.replace(/;.*|:$/, "").padEnd(12)} ${ids.slice(0, 5).join("  ")}`);
  }
} finally {
  await browser.close();
  server.close();
}
