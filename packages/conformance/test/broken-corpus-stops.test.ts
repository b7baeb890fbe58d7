/**
 * A malformed entry stops both the suite and the site build with its located error.
 * Uses the corpus package's fixture of broken entries (one mistake per file).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PACKAGE_DIR } from "../src/runner.ts";

const REPO = path.resolve(PACKAGE_DIR, "../..");
const BROKEN = path.join(REPO, "corpus/test/fixtures/broken/corpus");
const EXPECTED = [
  "corpus/entries/linear-algebra/bad-yaml.yaml:10:1 error MAC001",
  "corpus/entries/linear-algebra/missing-field.yaml:1:1 error MAC003",
  "corpus/entries/linear-algebra/unknown-field.yaml:7:1 error MAC004",
  "corpus/entries/linear-algebra/id-mismatch.yaml:1:5 error MAC006",
  "corpus/entries/calculus/twin.yaml:1:5 error MAC007",
  "corpus/entries/linear-algebra/bad-latex.yaml:5:16 error MAC008",
  "corpus/entries/linear-algebra/double-quoted-latex.yaml:4:8 error MAC002",
];

function run(args: string[], cwd: string) {
  const res = spawnSync("pnpm", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, MAC_CORPUS_DIR: BROKEN, MAC_SITE_OUT_DIR: mkdtempSync(path.join(tmpdir(), "mac-broken-site-")), ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
    timeout: 180_000,
  });
  return { status: res.status, output: `${res.stdout}\n${res.stderr}` };
}

describe("a broken corpus", () => {
  test("stops the suite, listing every located error", () => {
    const { status, output } = run(["exec", "vitest", "run", "test/corpus.test.ts"], PACKAGE_DIR);
    expect(status).not.toBe(0);
    for (const line of EXPECTED) expect(output).toContain(line);
  });

  test("stops the site build, listing every located error", () => {
    const { status, output } = run(["run", "build"], path.join(REPO, "apps/site"));
    expect(status).not.toBe(0);
    for (const line of EXPECTED) expect(output).toContain(line);
  });
});
