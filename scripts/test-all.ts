/**
 * `pnpm test`: everything the project checks, in one run, ending with one line
 * `N passed, N failed, N skipped` (our CI reads that line, not Vitest's summary).
 * Vitest suites count their individual tests; every other step counts as one check.
 * Steps run one after another (the machines have two cores) and all of them run
 * even after a failure, so one run shows every problem.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };
const reports = mkdtempSync(path.join(tmpdir(), "mac-test-"));

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];
const timings: string[] = [];

function run(cmd: string, args: string[], cwd: string): number {
  const res = spawnSync(cmd, args, { cwd: path.join(ROOT, cwd), stdio: "inherit", env });
  if (res.error) console.error(`cannot run ${cmd}: ${res.error.message}`);
  return res.status ?? 1;
}

function step(name: string, cmd: string, args: string[], cwd = "."): void {
  console.log(`\n━━ ${name} ━━`);
  const t = performance.now();
  const code = run(cmd, args, cwd);
  timings.push(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (code === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
}

function vitest(name: string, cwd: string, extra: string[] = []): void {
  console.log(`\n━━ ${name} ━━`);
  const out = path.join(reports, `${name.replace(/\W+/g, "-")}.json`);
  const t = performance.now();
  const code = run("pnpm", ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], cwd);
  timings.push(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (!existsSync(out)) {
    failed++;
    failures.push(`${name} (no report: Vitest did not run)`);
    return;
  }
  const r = JSON.parse(readFileSync(out, "utf8")) as VitestJson;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  // A test file that fails to load has no tests to count: count it as a failure.
  const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0);
  failed += broken.length;
  for (const f of broken) failures.push(`${name}: ${path.relative(ROOT, f.name)} did not load`);
  if (r.numFailedTests) failures.push(`${name}: ${r.numFailedTests} failed`);
  if (code !== 0 && !r.numFailedTests && !broken.length) {
    failed++;
    failures.push(`${name}: exited with ${code}`);
  }
}

step("corpus lint (every entry valid, goldens fresh)", "node", ["corpus/src/cli/lint.ts"]);
step("JSON Schema matches the loader's schema", "node", ["corpus/src/cli/schema.ts", "--check"]);
step("build (core, site with page assertions)", "pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"]);
step("type-check: corpus", "pnpm", ["exec", "tsc", "-p", "tsconfig.json"], "corpus");
step("type-check: core", "pnpm", ["exec", "tsc", "-p", "tsconfig.json", "--noEmit"], "packages/core");
step("type-check: conformance", "pnpm", ["exec", "tsc", "-p", "tsconfig.json"], "packages/conformance");
step("type-check: site (astro check)", "pnpm", ["exec", "astro", "check"], "apps/site");
vitest("unit: corpus tooling", "corpus");
vitest("unit: core", "packages/core");
vitest("conformance", "packages/conformance");
vitest("e2e: the built site in Chromium (pages with JavaScript off, search with it on)", "apps/site");

console.log(`\n${timings.join("\n")}`);
if (failures.length) console.log(`\nFailed:\n- ${failures.join("\n- ")}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
