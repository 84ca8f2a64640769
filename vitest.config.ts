import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // wink-nlp loads its model once per worker; a few workers keep memory and start-up modest.
    pool: "forks",
    testTimeout: 60_000,
    // Set-up hooks ingest corpora and start servers; on a busy 2-core machine that can take a while.
    hookTimeout: 120_000,
  },
});
