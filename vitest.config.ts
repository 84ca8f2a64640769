import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // wink-nlp loads its model once per worker; a few workers keep memory and start-up modest.
    pool: "forks",
    testTimeout: 60_000,
  },
});
