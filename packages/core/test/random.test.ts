/**
 * np.random.default_rng against NumPy 2.4.6 (fixtures/random.json, written by
 * fixtures/generate_random.py): per seed, the same program of calls on one
 * Generator, every value bit-identical; long streams by SHA-256 of the float64
 * bytes, sampled values, every tail value, and the number of 64-bit draws NumPy
 * consumed (so the ziggurat's wedge and tail rejections line up draw for draw).
 */
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import * as np from "../src/index.ts";
import { zigguratStats } from "../src/random.ts";
import { loadFixture, sameBits } from "./helpers.ts";

type Enc = string;
type Arg = Enc | { shape: number[] } | { array: { shape: number[]; data: Enc[] } };
type Out = { scalar: Enc; type: string } | { shape: number[]; dtype: string; data: Enc[] };
interface Step {
  method: string;
  args: Arg[];
  kwargs: Record<string, unknown>;
  out: Out;
}
interface Long {
  n: number;
  sha256: string;
  every97: Enc[];
  raw_used: number;
  tail?: [number, Enc][];
}
interface Case {
  seed: string | string[];
  steps: Step[];
  long: Record<string, Long>;
}
interface ErrCase {
  method: string;
  args: Enc[];
  kwargs: Record<string, unknown>;
  error?: string;
  type?: string;
  out?: Out;
}

interface ChoiceErrCase {
  a: Enc | Enc[];
  size: number | null;
  kwargs: { replace?: boolean; p?: Enc[]; shuffle?: boolean };
  error?: string;
  type?: string;
  out?: Out;
}

const fx = loadFixture<Case>("random.json") as ReturnType<typeof loadFixture<Case>> & { errors: ErrCase[]; choice_errors: ChoiceErrCase[] };
const counts: Record<string, [number, number]> = {};
const tally = (k: string, ok: boolean) => {
  const c = (counts[k] ??= [0, 0]);
  c[0] += ok ? 1 : 0;
  c[1] += 1;
};

function seedOf(s: string | string[]): np.Seed {
  const one = (v: string) => (Number.isSafeInteger(Number(v)) ? Number(v) : BigInt(v));
  return Array.isArray(s) ? s.map(one) : one(s);
}

function argOf(a: Arg): unknown {
  if (typeof a === "string") return Number(a);
  if ("shape" in a) return a.shape;
  return np.array(a.array.data.map(Number)).reshape(a.array.shape);
}

function call(rng: np.Generator, s: Step): unknown {
  const args = s.args.map(argOf);
  const kw = s.kwargs as { endpoint?: boolean; axis?: number };
  switch (s.method) {
    case "random":
      return rng.random(args[0] as number);
    case "standard_normal":
      return rng.standard_normal(args[0] as number);
    case "normal":
      return rng.normal(...(args as [number, number, number]));
    case "uniform":
      return rng.uniform(...(args as [number, number, number]));
    case "integers":
      return rng.integers(args[0] as number, args[1] as number, args[2] as number, { endpoint: kw.endpoint });
    case "permutation":
      return rng.permutation(args[0] as np.NDArray, { axis: kw.axis });
    case "choice": {
      const ck = s.kwargs as { replace?: boolean; p?: string[]; shuffle?: boolean; axis?: number };
      return rng.choice(args[0] as number | np.NDArray, args[1] as number | number[] | undefined, {
        replace: ck.replace,
        shuffle: ck.shuffle,
        axis: ck.axis,
        p: ck.p?.map(Number),
      });
    }
    case "shuffle":
      rng.shuffle(args[0] as np.NDArray, { axis: kw.axis });
      return args[0];
  }
  throw new Error(s.method);
}

function matches(actual: unknown, out: Out): boolean {
  if ("scalar" in out) return typeof actual === "number" && sameBits(actual, Number(out.scalar));
  if (!(actual instanceof np.NDArray)) return false;
  if (JSON.stringify(actual.shape) !== JSON.stringify(out.shape)) return false;
  if (actual.dtype !== (out.dtype === "int64" ? "int64" : "float64")) return false;
  const flat = actual.ravel();
  return out.data.every((v, i) => sameBits(flat.item(i) as number, Number(v)));
}

function sha(x: np.NDArray): string {
  const d = Float64Array.from(x.ravel().tolist() as number[]);
  return createHash("sha256").update(new Uint8Array(d.buffer)).digest("hex");
}

describe("default_rng program: every call bit-exact, in sequence", () => {
  for (const c of fx.cases) {
    it(`seed ${JSON.stringify(c.seed)}`, () => {
      const rng = np.random.default_rng(seedOf(c.seed));
      for (const s of c.steps) {
        const ok = matches(call(rng, s), s.out);
        tally(s.method, ok);
        expect(ok, `${s.method}(${JSON.stringify(s.args).slice(0, 80)})`).toBe(true);
      }
    });
  }
});

describe("long streams: digest, samples, tail values, raw draws consumed", () => {
  for (const c of fx.cases) {
    it(`seed ${JSON.stringify(c.seed)}`, () => {
      for (const [name, L] of Object.entries(c.long)) {
        const fresh = () => np.random.default_rng(seedOf(c.seed));
        const draw = (r: np.Generator): np.NDArray =>
          name === "standard_normal" ? r.standard_normal(L.n) : name === "normal" ? r.normal(0.5, 3.0, L.n) : name === "random" ? r.random(L.n) : r.integers(-1000, 1000, L.n);
        const before = { ...zigguratStats };
        const rng = fresh();
        const x = draw(rng);
        const ok = sha(x) === L.sha256;
        tally(`${name} x${L.n}`, ok);
        expect(ok, `${name} sha256`).toBe(true);
        L.every97.forEach((v, k) => expect(sameBits(x.item(97 * k) as number, Number(v))).toBe(true));
        for (const [i, v] of L.tail ?? []) expect(sameBits(x.item(i) as number, Number(v))).toBe(true);
        // The next 64-bit output must be NumPy's stream at position raw_used.
        const ref = fresh();
        for (let k = 0; k < L.raw_used; k++) ref.random();
        expect(rng.random()).toBe(ref.random());
        if (name.endsWith("normal")) {
          expect(zigguratStats.tail - before.tail).toBeGreaterThan(0);
          expect(zigguratStats.wedge - before.wedge).toBeGreaterThan(0);
          counts[`${name} extra draws (slow paths)`] = [(counts[`${name} extra draws (slow paths)`]?.[0] ?? 0) + L.raw_used - L.n, 0];
          counts[`${name} tail values`] = [(counts[`${name} tail values`]?.[0] ?? 0) + (L.tail?.length ?? 0), 0];
        }
      }
    });
  }
});

describe("errors and edge cases", () => {
  it("matches NumPy's messages", () => {
    for (const e of fx.errors) {
      const args = e.args.map(Number);
      const run = () => {
        if (e.method === "default_rng") return np.random.default_rng(args[0]);
        const rng = np.random.default_rng(0) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return rng[e.method](...args, ...(e.kwargs.endpoint !== undefined ? [undefined, e.kwargs] : []));
      };
      if (e.error) expect(run, `${e.method}(${e.args})`).toThrow(e.error);
      else expect(matches(run(), e.out!)).toBe(true);
    }
  });
  it("choice: NumPy's messages and edge results", () => {
    for (const e of fx.choice_errors) {
      const a = Array.isArray(e.a) ? e.a.map(Number) : Number(e.a);
      const run = () => np.random.default_rng(0).choice(a, e.size, { ...e.kwargs, p: e.kwargs.p?.map(Number) });
      const label = `choice(${JSON.stringify(e.a)}, ${e.size}, ${JSON.stringify(e.kwargs)})`;
      if (e.error) expect(run, label).toThrow(e.error);
      else expect(matches(run(), e.out!), label).toBe(true);
      tally("choice errors/edges", true);
    }
  });
  it("unseeded generators draw from OS entropy", () => {
    expect(np.random.default_rng().random()).not.toBe(np.random.default_rng().random());
  });
});

afterAll(() => {
  const rows = Object.entries(counts).map(([k, [a, b]]) => (b ? `${k}: ${a} / ${b} bit-exact` : `${k}: ${a}`));
  console.log("random.json\n  " + rows.join("\n  "));
});
