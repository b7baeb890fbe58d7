/**
 * Publishes each entry's YAML and golden JSON at its repository path
 * (/corpus/entries/<section>/<id>.yaml, /corpus/goldens/<id>.json), so an entry
 * page can link to its source without knowing where the repository is hosted.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { goldenPath } from "@maths-as-code/corpus";
import { siteData } from "../../lib/corpus.ts";

export const getStaticPaths = (() => {
  const { corpusDir, entries } = siteData();
  const repoRoot = path.dirname(corpusDir);
  const files = entries.flatMap(({ entry, code }) => {
    const list = [{ file: entry.file, abs: path.join(repoRoot, entry.file), type: "text/yaml; charset=utf-8" }];
    const golden = goldenPath(corpusDir, entry.id);
    if (code) list.push({ file: path.relative(repoRoot, golden).split(path.sep).join("/"), abs: golden, type: "application/json; charset=utf-8" });
    return list;
  });
  // The route is /corpus/[...file]: strip the leading "corpus/".
  return files.map(({ file, abs, type }) => ({ params: { file: file.replace(/^[^/]+\//, "") }, props: { abs, type } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { abs, type } = props as { abs: string; type: string };
  return new Response(readFileSync(abs), { headers: { "Content-Type": type } });
};
