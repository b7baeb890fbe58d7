/**
 * Search, at build time. Pagefind (scripts/search-index.ts, run on dist/ after astro build) indexes the entry
 * pages; this module decides what it sees beyond the visible text, and which characters count as parts of words.
 *
 * Pagefind keeps only letters and digits in a word unless told otherwise, so a lone "∑", "‖" or "\sum" would not
 * be searchable. The index therefore gets, per entry, a hidden list of search terms (title, aliases, legend
 * LaTeX, and every non-ASCII character of those on its own) and the bundle is told to keep the corpus's
 * symbol characters and the backslash of LaTeX commands (`searchCharacters`). Plain Node 22 can import this
 * file (type stripping), so keep it to erasable TypeScript with no Astro imports.
 */

/** Minimal shape of a corpus entry needed here (structurally compatible with the corpus's Entry). */
export interface SearchableEntry {
  title: string;
  aliases?: readonly string[];
  legend?: readonly { symbol: string }[];
}

/** Separates the terms in the hidden field and in the `aliases` metadata. Never a corpus character. */
export const TERM_SEPARATOR = " ¦ ";

/** The Pagefind metadata key holding an entry's title and aliases, read by the search island for exact matches. */
export const ALIASES_META = "aliases";

/** Letters, digits, marks, spaces, dashes (which must still split "Kullback–Leibler") and the ellipsis. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}\s\p{Pd}…]/u;

/** Non-ASCII characters that are not letters, digits or marks: ∑ ∇ ‖ ∂ ∈ … (the separator excluded). */
function symbolChars(text: string): string[] {
  return [...text].filter((c) => c > "\u007f" && !WORD_CHAR.test(c) && !TERM_SEPARATOR.includes(c));
}

/** The names an entry is known by: title, then aliases (deduplicated). */
export function entryNames(entry: SearchableEntry): string[] {
  return [...new Set([entry.title, ...(entry.aliases ?? [])].map((s) => s.trim()).filter(Boolean))];
}

/**
 * The hidden search terms of one entry: its names, its legend's LaTeX, and each non-ASCII character of those
 * standing alone (so "∇" finds "∇ₓf" and "Σ" finds "Σᵢ xᵢ" as a whole word, not only as a prefix).
 */
export function searchTerms(entry: SearchableEntry): string {
  const terms = new Set<string>(entryNames(entry));
  for (const item of entry.legend ?? []) terms.add(item.symbol.trim());
  const singles = new Set<string>();
  for (const term of terms) for (const c of term.normalize("NFC")) if (c > "\u007f" && !/[\p{M}\s]/u.test(c) && !TERM_SEPARATOR.includes(c)) singles.add(c);
  return [...terms, ...singles].join(TERM_SEPARATOR);
}

/** Characters Pagefind must keep inside words, when indexing and when reading a query: the backslash and the corpus's symbols. */
export function searchCharacters(entries: readonly SearchableEntry[]): string {
  const chars = new Set<string>(["\\"]);
  for (const e of entries) for (const text of [e.title, ...(e.aliases ?? []), ...(e.legend ?? []).map((l) => l.symbol)]) for (const c of symbolChars(text)) chars.add(c);
  return [...chars].sort().join("");
}
