/// <reference types="astro/client" />

/** The corpus directory, fixed by astro.config.mjs (MAC_CORPUS_DIR or ../../corpus). */
declare const __MAC_CORPUS_DIR__: string;
