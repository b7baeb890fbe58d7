/**
 * The built package (dist/, from `pnpm run build`) exposes the same API as
 * the sources and computes the same bits. Skipped when dist/ is missing.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as src from "../src/index.ts";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
const hasDist = existsSync(DIST);

describe.skipIf(!hasDist)("dist build", () => {
  it("exports the same names as src", async () => {
    const dist = (await import(DIST)) as Record<string, unknown>;
    expect(Object.keys(dist).sort()).toEqual(Object.keys(src).sort());
  });
  it("computes the same bits", async () => {
    const dist = (await import(DIST)) as typeof src;
    const xs = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10 ** ((i % 9) - 4));
    expect(Object.is(dist.sum(xs), src.sum(xs))).toBe(true);
    expect(Object.is(dist.var(xs), src.var(xs))).toBe(true);
    expect(dist.linalg.norm([3, 4])).toBe(5);
  });
  it("dist has .d.ts and .js imports", () => {
    expect(existsSync(join(dirname(DIST), "index.d.ts"))).toBe(true);
    expect(existsSync(join(dirname(DIST), "kernels", "pairwise.js"))).toBe(true);
  });
});
