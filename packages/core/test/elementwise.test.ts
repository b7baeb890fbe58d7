/**
 * Element-wise functions against NumPy 2.4.6 goldens: bit-exact for the
 * IEEE-exact operations (+ − × ÷, sqrt, abs, comparisons, max/min), within
 * 4 ulp for exp/log/power (V8's libm versus NumPy's SIMD code).
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { buildArrays, compare, loadFixture, Tally, type Expected } from "./helpers.ts";

interface Case {
  fn: string;
  args: ({ array: string } | { scalar: string })[];
  axis?: number | null;
  expected: Expected;
  tolerance?: string;
}

const fixture = loadFixture<Case>("elementwise.json");
const arrays = buildArrays(fixture);
const tally = new Tally("elementwise");

const table: Record<string, (...a: never[]) => unknown> = {
  add: np.add, subtract: np.subtract, multiply: np.multiply, divide: np.divide, power: np.power,
  maximum: np.maximum, minimum: np.minimum, equal: np.equal, greater: np.greater, less: np.less,
  negative: np.negative, sqrt: np.sqrt, abs: np.abs, isnan: np.isnan, exp: np.exp, log: np.log,
};

function arg(a: Case["args"][number]): np.NDArray | number {
  return "array" in a ? arrays.get(a.array)! : Number(a.scalar);
}

function run(c: Case): unknown {
  const args = c.args.map(arg);
  const axis = c.axis ?? null;
  if (c.fn === "sum_of_multiply") return np.sum(np.multiply(args[0] as np.NDArray, args[1]), { axis });
  if (c.fn === "sum_of_subtract_self") {
    const v = args[0] as np.NDArray;
    return np.sum(np.subtract(v, np.mean(v, { axis: 0, keepdims: true })), { axis });
  }
  return (table[c.fn] as (...a: unknown[]) => unknown)(...args);
}

describe("element-wise functions match NumPy 2.4.6", () => {
  for (const c of fixture.cases) {
    const label = `${c.fn}(${c.args.map((a) => ("array" in a ? a.array : a.scalar)).join(", ")}${c.axis !== undefined ? `, axis=${c.axis}` : ""})`;
    it(label, () => {
      if ("error" in c.expected) {
        expect(() => run(c)).toThrow(c.expected.error);
        return;
      }
      const cmp = compare(run(c), c.expected, c.tolerance);
      tally.add(c.fn, cmp);
      expect(cmp.ok, cmp.detail).toBe(true);
    });
  }
});

afterAll(() => tally.report());
