import { defineConfig } from "vitest/config";

// Browser tests of the built site (run `pnpm run build` first); see e2e/.
export default defineConfig({ test: { include: ["e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 } });
