/**
 * Doc-comment examples, checked against NumPy. Every `@example` in src/ is written as
 *
 *   @example
 *   const x = np.array([[1, 2], [3, 4]]);   (optional setup lines)
 *   np.sum(x, { axis: 0 }); // [4. 6.]        (last line: expression // what NumPy prints)
 *   @numpy np.sum(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=0)
 *
 * and `@numpy(ulp=4)` / `@numpy(rtol=1e-12)` loosens the value comparison where the
 * maths demands it. `node scripts/doc-examples.ts --write` (`pnpm run examples`)
 * evaluates every NumPy twin with python3 and writes fixtures/doc-examples.json;
 * test/doc-examples.test.ts (no Python) checks the doc's printed text against NumPy's
 * and the TypeScript value against NumPy's value.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURE = path.join(PACKAGE_DIR, "fixtures", "doc-examples.json");

export interface DocExample {
  /** `src/reductions.ts:213 sum` — where the example is written. */
  where: string;
  symbol: string;
  /** TypeScript statements before the expression. */
  setup: string;
  expr: string;
  /** What the doc says NumPy prints. */
  printed: string;
  numpy: string;
  tolerance: { rule: "exact" } | { rule: "ulp"; max: number } | { rule: "allclose"; rtol: number };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts"))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** Every example in src/, in file order. Throws with the location when one is malformed. */
export function extractExamples(): DocExample[] {
  const out: DocExample[] = [];
  for (const file of sourceFiles(path.join(PACKAGE_DIR, "src"))) {
    const rel = path.relative(PACKAGE_DIR, file).split(path.sep).join("/");
    const lines = readFileSync(file, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example\b/.test(lines[i])) continue;
      const start = i + 1;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length && !/^\s*\*\s*@numpy\b/.test(lines[j]); j++) {
        if (/^\s*\*\s*@\w+|^\s*\*\//.test(lines[j])) throw new Error(`${rel}:${start}: an @example needs an @numpy line with its NumPy twin`);
        body.push(lines[j].replace(/^\s*\*\s?/, ""));
      }
      const numpyLine = /^\s*\*\s*@numpy(?:\((\w+)=([\w.+-]+)\))?\s+(.+)$/.exec(lines[j] ?? "");
      if (!numpyLine) throw new Error(`${rel}:${start}: an @example needs an @numpy line with its NumPy twin`);
      const code = body.filter((l) => l.trim());
      // The expression is the last line that is not a comment; `//` lines after it continue NumPy's printed output.
      let k = code.length - 1;
      while (k >= 0 && /^\s*\/\//.test(code[k])) k--;
      const continuation = code.slice(k + 1).map((l) => l.replace(/^\s*\/\/ ?/, ""));
      const m = /^(.*?);?\s*\/\/ ?(.*)$/.exec(code[k] ?? "");
      if (!m) throw new Error(`${rel}:${start}: the last line of an @example is \`expression; // what NumPy prints\``);
      // The documented symbol is the declaration right after the comment: a function, const or
      // class, or a class member such as `Generator.random` (methods carry examples too).
      let symbol: string;
      let end = j;
      while (end < lines.length && !lines[end].includes("*/")) end++;
      const decl = lines.slice(end + 1).find((l) => l.trim() !== "") ?? "";
      const top = /^(?:export\s+)?(?:function|const|class|let)\s+(\w+?)_?\b/.exec(decl);
      const member = /^\s+(?:(?:public|static|readonly|async|get|set)\s+)*(\w+)\s*[(<:=]/.exec(decl);
      if (top) symbol = top[1];
      else if (member) symbol = member[1];
      else throw new Error(`${rel}:${start}: this @example's doc comment does not sit on a declaration — code between the comment and its function detaches the docs (editors and the API table show them on the wrong symbol)`);
      const [, key, raw] = numpyLine;
      const tolerance: DocExample["tolerance"] =
        key === "ulp" ? { rule: "ulp", max: Number(raw) } : key === "rtol" ? { rule: "allclose", rtol: Number(raw) } : { rule: "exact" };
      const printed = [m[2], ...continuation].map((l) => l.replace(/\s+$/, ""));
      out.push({ where: `${rel}:${start}`, symbol, setup: code.slice(0, k).join("\n"), expr: m[1].trim(), printed: printed.join("\n"), numpy: numpyLine[3].trim(), tolerance });
      i = j;
    }
  }
  return out;
}

if (process.argv.includes("--write")) {
  const examples = extractExamples();
  const res = spawnSync(process.env.MAC_PYTHON ?? "python3", [path.join(PACKAGE_DIR, "fixtures", "doc_examples.py")], {
    input: JSON.stringify(examples.map((e) => e.numpy)),
    encoding: "utf8",
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1" },
    maxBuffer: 1 << 28,
  });
  if (res.status !== 0) {
    console.error(res.stderr || res.error?.message);
    process.exit(1);
  }
  const results = JSON.parse(res.stdout) as { printed: string; value: unknown; error?: string }[];
  const failed = results.map((r, i) => (r.error ? `${examples[i].where} (${examples[i].symbol}): NumPy twin failed: ${r.error}` : "")).filter(Boolean);
  if (failed.length) {
    console.error(failed.join("\n"));
    process.exit(1);
  }
  const fixture = examples.map((e, i) => ({ symbol: e.symbol, numpy: e.numpy, printed: results[i].printed, value: results[i].value }));
  writeFileSync(FIXTURE, JSON.stringify(fixture, null, 1) + "\n");
  const wrong = examples.filter((e, i) => e.printed !== results[i].printed);
  for (const e of wrong) console.error(`${e.where} (${e.symbol}): the doc says NumPy prints ${JSON.stringify(e.printed)}, NumPy prints ${JSON.stringify(results[examples.indexOf(e)].printed)}`);
  console.log(`doc examples: ${examples.length} NumPy twins evaluated, ${wrong.length} printed results differ from the docs`);
  if (wrong.length) process.exit(1);
}
