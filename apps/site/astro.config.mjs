// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

/**
 * The corpus the site is built from. `MAC_CORPUS_DIR` points the build at another
 * copy (a test's scratch corpus); the loader itself honours it too, but its own
 * default is computed from `import.meta.url`, which bundling moves — so the site
 * always passes the directory explicitly (see src/lib/corpus.ts).
 */
const corpusDir = process.env.MAC_CORPUS_DIR
  ? path.resolve(process.env.MAC_CORPUS_DIR)
  : fileURLToPath(new URL("../../corpus/", import.meta.url)).replace(/[\\/]$/, "");

/** Code blocks in MDX pages use the same dual themes as <Code> on entry pages. */
const shikiThemes = /** @type {const} */ ({ light: "github-light", dark: "github-dark" });

/** In `astro dev`, editing a YAML entry or a golden reloads the page. */
function watchCorpus() {
  return {
    name: "maths-as-code:watch-corpus",
    /** @param {{ watcher: { add(p: string): unknown; on(event: string, listener: (file: string) => void): unknown }; ws: { send(payload: { type: "full-reload" }): void } }} server */
    configureServer(server) {
      server.watcher.add(corpusDir);
      const reload = (/** @type {string} */ file) => {
        if (file.startsWith(corpusDir + path.sep) && /\.(ya?ml|json)$/.test(file)) server.ws.send({ type: "full-reload" });
      };
      server.watcher.on("change", reload);
      server.watcher.on("add", reload);
      server.watcher.on("unlink", reload);
    },
  };
}

export default defineConfig({
  output: "static",
  // A test that builds a deliberately broken corpus writes elsewhere, so it never wipes the real build.
  outDir: process.env.MAC_SITE_OUT_DIR ?? "./dist",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx()],
  markdown: {
    shikiConfig: { themes: shikiThemes },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Never inline a script: each island (the search box; the entry pages' copy buttons) is emitted as its own
      // file, which scripts/assert-build.ts can check. (Inlined, its dynamic import of pagefind.js also kept Vite's
      // unreplaced __VITE_PRELOAD__ marker.) Other assets keep Vite's default 4 kB rule.
      assetsInlineLimit: (file) => (file.endsWith(".js") ? false : undefined),
    },
    define: {
      __MAC_CORPUS_DIR__: JSON.stringify(corpusDir),
    },
    plugins: [watchCorpus()],
  },
});
