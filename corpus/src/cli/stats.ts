/**
 * `pnpm corpus-stats`: what the corpus holds, for release notes and issue notes —
 * entries and cases per section, cases per entry, how every case is judged, and
 * every tolerance looser than the defaults.
 */
import { planCases } from "../cases.ts";
import { CAPS, DEFAULTS } from "../schema.ts";
import { loadCorpusOrThrow } from "../load.ts";

const corpus = loadCorpusOrThrow();
const rules = new Map<string, number>();
const loose: string[] = [];
let cases = 0;
console.log("section                              entries  cases");
for (const section of corpus.sections) {
  const entries = corpus.entries.filter((e) => e.section === section.id);
  let n = 0;
  for (const entry of entries) {
    for (const c of planCases(entry)) {
      n++;
      rules.set(c.outcome.rule, (rules.get(c.outcome.rule) ?? 0) + 1);
      const o = c.outcome as { rule: string; max?: number; rtol?: number; atol?: number };
      if ((o.rule === "ulp" && (o.max ?? DEFAULTS.ulp) > CAPS.ulp) || (o.rule === "allclose" && ((o.rtol ?? DEFAULTS.rtol) > CAPS.rtol || (o.atol ?? DEFAULTS.atol) > CAPS.atol)))
        loose.push(`${entry.id} › ${c.name}: ${JSON.stringify(o)}`);
    }
    if (!planCases(entry).length) rules.set("notation-only", (rules.get("notation-only") ?? 0) + 1);
  }
  cases += n;
  console.log(`${section.id.padEnd(36)} ${String(entries.length).padStart(7)} ${String(n).padStart(6)}`);
}
const perEntry = corpus.entries.map((e) => planCases(e).length);
console.log(`${"total".padEnd(36)} ${String(corpus.entries.length).padStart(7)} ${String(cases).padStart(6)}`);
console.log(`cases per entry: min ${Math.min(...perEntry)}, mean ${(cases / corpus.entries.length).toFixed(1)}, max ${Math.max(...perEntry)}`);
console.log(`outcome rules (per case): ${[...rules].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(", ")}`);
console.log(loose.length ? `tolerances above the caps:\n  ${loose.join("\n  ")}` : "tolerances above the caps: none");
