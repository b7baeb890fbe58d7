/**
 * dot / matmul / linalg against NumPy 2.4.6 goldens. BLAS/LAPACK results
 * are compared with a relative tolerance (NumPy is not bit-reproducible
 * across CPUs there); `norm` with an axis (or ord 1, ±inf, 0) is bit-exact.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { buildArrays, compare, loadFixture, Tally, type Expected } from "./helpers.ts";

interface Case {
  fn: "dot" | "matmul" | "norm" | "inv" | "det";
  args: string[];
  kwargs?: { ord?: number | string; axis?: number | number[]; keepdims?: boolean };
  expected: Expected;
  tolerance?: string | null;
}

const fixture = loadFixture<Case>("linalg.json");
const arrays = buildArrays(fixture);
const tally = new Tally("linalg");

function ordOf(o: number | string | undefined): np.NormOrd {
  if (o === "Infinity") return Infinity;
  if (o === "-Infinity") return -Infinity;
  return o as np.NormOrd;
}

function run(c: Case): unknown {
  const a = c.args.map((n) => arrays.get(n)!);
  switch (c.fn) {
    case "dot":
      return np.dot(a[0], a[1]);
    case "matmul":
      return np.matmul(a[0], a[1]);
    case "inv":
      return np.linalg.inv(a[0]);
    case "det":
      return np.linalg.det(a[0]);
    case "norm": {
      const k = c.kwargs ?? {};
      return np.linalg.norm(a[0], ordOf(k.ord), k.axis ?? null, k.keepdims ?? false);
    }
  }
}

describe("linear algebra matches NumPy 2.4.6", () => {
  for (const c of fixture.cases) {
    const label = `${c.fn}(${c.args.join(", ")}${c.kwargs ? ", " + JSON.stringify(c.kwargs) : ""})`;
    it(label, () => {
      if ("error" in c.expected) {
        expect(() => run(c)).toThrow(c.expected.error);
        if (c.expected.type === "LinAlgError") {
          try {
            run(c);
          } catch (e) {
            expect(e).toBeInstanceOf(np.LinAlgError);
            expect((e as Error).name).toBe("LinAlgError");
          }
        }
        return;
      }
      const cmp = compare(run(c), c.expected, c.tolerance);
      const kind = c.fn === "norm" ? `norm${c.tolerance ? " (BLAS path)" : " (exact path)"}` : c.fn;
      tally.add(kind, cmp);
      expect(cmp.ok, cmp.detail).toBe(true);
    });
  }
});

afterAll(() => tally.report());
