import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

/** The API's top-level paths, proxied by `vite` (dev server) to a running `parley serve`. */
const API_PATHS = ["/status", "/events", "/dyad", "/top", "/network", "/articles", "/actors", "/codes", "/code", "/openapi.json"];
const apiTarget = process.env.PARLEY_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  root: webRoot,
  // Relative asset URLs: the files work wherever `parley serve` mounts them.
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // ECharts and Cytoscape are large; one chunk each keeps the app's own code small and cacheable.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: {
          echarts: ["echarts/core", "echarts/charts", "echarts/components", "echarts/renderers"],
          cytoscape: ["cytoscape"],
        },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: apiTarget }])),
  },
});
