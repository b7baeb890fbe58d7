import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    setupFiles: ["test/setup-fast-check.ts"],
    include: ["test/**/*.test.ts"],
    // Fixture suites are CPU-light but some arrays are long; keep a generous timeout.
    testTimeout: 60_000,
    // Machine has 2 cores: never run more than 2 workers.
    maxWorkers: 2,
  },
});
