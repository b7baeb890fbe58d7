/**
 * The search island's client code (home page only; see components/Search.astro). The site's only other
 * client JavaScript is the entry pages' copy buttons (scripts/copy.ts).
 * Pagefind ranks; then entries that are known by exactly the query (title or alias, e.g. "Σ", "\sum",
 * "softmax", "np.linalg.norm") move to the top of the first page of results. Entry text comes from
 * contributors, so results are built from text nodes only — no innerHTML, no Pagefind excerpts.
 */
import { ALIASES_META, TERM_SEPARATOR } from "../lib/search.ts";

interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { data(): Promise<PagefindData> }[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  debouncedSearch(query: string, options?: Record<string, unknown>, ms?: number): Promise<PagefindSearch | null>;
}

/** Results shown (and whose data is fetched) per query. */
const SHOWN = 10;
const BASE = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

const squash = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim();
const fold = (s: string): string => squash(s.normalize("NFKC").toLocaleLowerCase());

/** 0: known by exactly the query; 1: the same ignoring case and compatibility forms (ℓ₂ = l2); 2: otherwise. */
function nameTier(query: string, data: PagefindData): number {
  const names = (data.meta[ALIASES_META] ?? "").split(TERM_SEPARATOR.trim()).map(squash);
  if (names.includes(squash(query))) return 0;
  const q = fold(query);
  return names.some((n) => fold(n) === q) ? 1 : 2;
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-search]");
  const input = form?.querySelector<HTMLInputElement>("input[type=search]");
  const status = form?.querySelector<HTMLElement>("[role=status]");
  const list = form?.querySelector<HTMLOListElement>("ol");
  if (!form || !input || !status || !list) return;
  form.hidden = false;

  let pagefind: Promise<Pagefind> | undefined;
  const load = (): Promise<Pagefind> =>
    (pagefind ??= (import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ baseUrl: BASE });
      return pf;
    }));
  input.addEventListener("focus", () => void load().catch(() => undefined), { once: true });

  let latest = 0;
  const show = (rows: PagefindData[], total: number, query: string): void => {
    list.replaceChildren(
      ...rows.map((data) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = data.url;
        const title = document.createElement("strong");
        title.textContent = data.meta.title ?? data.url;
        a.append(title);
        li.append(a);
        if (data.meta.meaning) {
          const meaning = document.createElement("span");
          meaning.textContent = data.meta.meaning;
          li.append(" ", meaning);
        }
        return li;
      }),
    );
    list.dataset.query = query; // which query the list answers (the e2e tests wait on it)
    status.textContent = total === 0 ? `No entry matches “${query}”.` : total > rows.length ? `${total} entries; the first ${rows.length}:` : `${total} ${total === 1 ? "entry" : "entries"}:`;
  };

  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      delete list.dataset.query;
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const search = await (await load()).debouncedSearch(query, {}, 120);
      if (search === null || mine !== latest) return; // a newer keystroke took over
      const page = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
      if (mine !== latest) return;
      // Only links into this site: Pagefind's URLs are built from dist/ paths, this just makes sure.
      const rows = page
        .filter((d) => d.url.startsWith(BASE))
        .map((d, i) => ({ d, i, tier: nameTier(query, d) }))
        .sort((a, b) => a.tier - b.tier || a.i - b.i)
        .map((r) => r.d);
      show(rows, search.results.length, query);
    } catch {
      if (mine !== latest) return;
      list.replaceChildren();
      status.textContent = "Search is unavailable here; browse the sections below or the quick reference card.";
    }
  };
  input.addEventListener("input", () => void run());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });
}
