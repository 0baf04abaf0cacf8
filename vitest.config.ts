// Test runner settings: every *.test.ts beside the code or under test/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{language,compiler,runtime,lsp,test}/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
