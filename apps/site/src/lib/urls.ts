/**
 * Every internal link goes through here, so the site still works if it is ever
 * served under a base path. BASE_URL ends with "/" (trailingSlash: "always").
 */
const BASE = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function url(pathname = ""): string {
  return BASE + pathname.replace(/^\/+/, "");
}

export const homeUrl = (): string => url();
export const referenceUrl = (): string => url("reference/");
export const aboutUrl = (): string => url("about/");
export const entryUrl = (id: string): string => url(`entries/${id}/`);
export const sectionUrl = (id: string): string => url(`#${id}`);
/** The raw file as published by src/pages/corpus/[...file].ts; `file` is repo-relative ("corpus/entries/…"). */
export const sourceUrl = (file: string): string => url(file);

/**
 * Reference URLs come from contributors: the schema accepts any URL, including
 * `javascript:`. Only http(s) URLs become links; anything else is shown as text.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const parsed = new URL(href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
