import { fileURLToPath } from "node:url";

/**
 * The package's `data/` folder. This module sits one level below the package root both as
 * source (`src/paths.ts`, used by the tests) and as build output (`dist/paths.js`), so the same
 * relative URL works for both.
 */
export const dataDir: string = fileURLToPath(new URL("../data/", import.meta.url));

export function dataPath(relative: string): string {
  return dataDir + relative;
}
