/** The two Shiki themes; global.css switches between them with prefers-color-scheme. */
export const CODE_THEMES = { light: "github-light", dark: "github-dark" } as const;
