import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    exclude: ["test/fixtures/**", "node_modules/**", "generated-examples/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Absolute: nested vitest runs on generated projects (rooted elsewhere) may pick this config up.
    setupFiles: [fileURLToPath(new URL("./test/setup/fast-check.ts", import.meta.url))],
  },
});
