/**
 * arange / eye and str() printing against NumPy 2.4.6 goldens.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { buildArrays, compare, loadFixture, Tally, type Expected } from "./helpers.ts";

interface CreationCase {
  fn: "arange" | "eye";
  args?: string[];
  dtype?: np.DType;
  N?: number;
  M?: number | null;
  k?: number;
  expected: Expected;
}

interface PrintCase {
  array: string;
  str: string;
}

const creation = loadFixture<CreationCase>("creation.json");
const printing = loadFixture<PrintCase>("printing.json");
const printArrays = buildArrays(printing);
const tally = new Tally("creation");

describe("creation matches NumPy 2.4.6 bit for bit", () => {
  for (const c of creation.cases) {
    const label = c.fn === "arange" ? `arange(${c.args!.join(", ")}${c.dtype ? `, ${c.dtype}` : ""})` : `eye(${c.N}, ${c.M}, k=${c.k})`;
    it(label, () => {
      let r: unknown;
      if (c.fn === "arange") {
        const [a, b, s] = c.args!.map(Number);
        const opts = c.dtype ? { dtype: c.dtype } : {};
        r = c.args!.length === 1 ? np.arange(a, opts) : c.args!.length === 2 ? np.arange(a, b, opts) : np.arange(a, b, s, opts);
      } else {
        r = np.eye(c.N!, c.M, { k: c.k });
      }
      const cmp = compare(r, c.expected);
      tally.add(c.fn, cmp);
      expect(cmp.ok, cmp.detail).toBe(true);
    });
  }
});

describe("toString matches NumPy's str()", () => {
  for (const c of printing.cases) {
    it(`str(${c.array})`, () => {
      const s = String(printArrays.get(c.array)!);
      tally.add("toString", { ok: s === c.str, bitExact: s === c.str, detail: "" });
      expect(s).toBe(c.str);
    });
  }
});

afterAll(() => tally.report());
