/**
 * One KaTeX configuration for the linter and the site, so a formula that lints
 * clean is exactly a formula the site can render. LaTeX comes from strangers'
 * pull requests: `trust: false` keeps \href, \includegraphics and friends inert.
 */
import katex, { type KatexOptions, type ParseError } from "katex";

const MACROS: Record<string, string> = {};

export function katexOptions(displayMode: boolean): KatexOptions {
  return {
    displayMode,
    output: "htmlAndMathml",
    throwOnError: true,
    trust: false,
    strict: "ignore",
    maxSize: 20,
    maxExpand: 1000,
    // KaTeX writes user-defined macros into this object: a fresh copy per call.
    macros: { ...MACROS },
  };
}

export function renderLatex(latex: string, displayMode = true): string {
  return katex.renderToString(latex, katexOptions(displayMode));
}

export interface LatexProblem {
  message: string;
  /** Character offset in the LaTeX source, when KaTeX knows it. */
  position?: number;
}

export function checkLatex(latex: string, displayMode = true): LatexProblem | undefined {
  try {
    renderLatex(latex, displayMode);
    return undefined;
  } catch (err) {
    if (err instanceof katex.ParseError) {
      const e = err as ParseError;
      return { message: e.rawMessage ?? e.message, position: e.position };
    }
    return { message: String(err instanceof Error ? err.message : err) };
  }
}
