/**
 * The code a reader sees and pastes — and exactly the code the golden generator
 * (Python) and the conformance suite (TypeScript) run: an import line, a literal
 * prelude defining each input, then the entry's body. No hidden shared prelude.
 */
import type { ResolvedInput, Scalar, Nested } from "./values.ts";
import { nest } from "./values.ts";

export type Language = "numpy" | "typescript";

export const IMPORT_LINE: Record<Language, string> = {
  numpy: "import numpy as np",
  typescript: 'import * as np from "@maths-as-code/core";',
};

const WIDTH = 88;

function pyScalar(v: Scalar, dtype: ResolvedInput["dtype"]): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Number.isNaN(v)) return "np.nan";
  if (v === Infinity) return "np.inf";
  if (v === -Infinity) return "-np.inf";
  if (Object.is(v, -0)) return dtype === "int64" ? "0" : "-0.0";
  const s = String(v);
  // A float64 input must stay float in Python even when it is a whole number.
  return dtype === "float64" && /^-?\d+$/.test(s) ? `${s}.0` : s;
}

function tsScalar(v: Scalar): string {
  if (typeof v === "boolean") return String(v);
  if (Object.is(v, -0)) return "-0";
  return String(v); // NaN, Infinity and -Infinity are valid TypeScript expressions.
}

/** Nested list literal; rows of 2-D+ arrays on their own lines, long rows wrapped. */
function renderNested(value: Nested, leaf: (v: Scalar) => string, column: number): string {
  if (!Array.isArray(value)) return leaf(value);
  if (value.length === 0) return "[]";
  if (!Array.isArray(value[0])) {
    const items = value.map((v) => leaf(v as Scalar));
    const lines: string[] = [];
    let line = "";
    for (const item of items) {
      const next = line ? `${line}, ${item}` : item;
      if (line && column + 1 + next.length > WIDTH) {
        lines.push(`${line},`);
        line = item;
      } else line = next;
    }
    lines.push(line);
    return `[${lines.join(`\n${" ".repeat(column + 1)}`)}]`;
  }
  const rows = value.map((row) => renderNested(row, leaf, column + 1));
  const oneLine = `[${rows.join(", ")}]`;
  if (!oneLine.includes("\n") && column + oneLine.length <= WIDTH) return oneLine;
  return `[${rows.join(`,\n${" ".repeat(column + 1)}`)}]`;
}

export function renderInput(lang: Language, name: string, input: ResolvedInput): string {
  const { dtype, shape, values } = input;
  const isEmpty = values.length === 0;
  // A nested literal cannot spell an empty array whose zero is not its last axis ([] is (0,), not (0, 3)).
  if (isEmpty && shape.slice(0, -1).includes(0)) {
    if (lang === "numpy") return `${name} = np.zeros((${shape.join(", ")}${shape.length === 1 ? "," : ""}), dtype=${dtype === "float64" ? "np.float64" : dtype === "int64" ? "np.int64" : "bool"})`;
    return `const ${name} = np.zeros([${shape.join(", ")}], { dtype: "${dtype}" });`;
  }
  if (lang === "numpy") {
    if (shape.length === 0) return `${name} = ${pyScalar(values[0], dtype)}`;
    const head = `${name} = np.array(`;
    const body = renderNested(nest(shape, values), (v) => pyScalar(v, dtype), head.length);
    const dt = isEmpty && dtype === "int64" ? ", dtype=np.int64" : isEmpty && dtype === "bool" ? ", dtype=bool" : "";
    return `${head}${body}${dt})`;
  }
  if (shape.length === 0) return `const ${name} = ${tsScalar(values[0])};`;
  const head = `const ${name} = np.array(`;
  const body = renderNested(nest(shape, values), tsScalar, head.length);
  // JavaScript numbers carry no int/float distinction: int64 is always declared; bool only when empty.
  const dt = dtype === "int64" ? ', { dtype: "int64" }' : isEmpty && dtype === "bool" ? ', { dtype: "bool" }' : "";
  return `${head}${body}${dt});`;
}

export interface RenderedSource {
  source: string;
  /** 1-based line of the source on which the entry's body begins. */
  bodyLine: number;
}

export function renderSource(lang: Language, inputs: Record<string, ResolvedInput>, body: string): RenderedSource {
  const lines = [IMPORT_LINE[lang], ""];
  for (const [name, input] of Object.entries(inputs)) lines.push(renderInput(lang, name, input));
  const prelude = lines.join("\n") + "\n\n";
  const bodyLine = prelude.split("\n").length;
  return { source: `${prelude}${body.replace(/\s+$/, "")}\n`, bodyLine };
}
