// Architecture invariants from ARCHITECTURE.md that a test can hold: which
// folder may import which, and what the runtime and language core never touch.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "..");

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(full);
    }
  };
  walk(join(root, folder));
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/g)) found.push(match[1]!);
  for (const match of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]!);
  return found;
}

/** The top-level folder an import lands in, or the package name for bare imports. */
function landsIn(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return `package:${specifier}`;
  return relative(root, resolve(dirname(file), specifier)).split(/[\\/]/)[0]!;
}

describe("import directions", () => {
  it("the runtime imports nothing outside runtime/, not even node: modules (the Redis store may import ioredis and node:)", () => {
    // runtime/stores/redis.ts is its own bundle (dist/redis-store.js); the core stays browser-safe.
    const redisStore = join(root, "runtime/stores/redis.ts");
    const allowedThere = (s: string) => s === "ioredis" || s.startsWith("node:");
    const bad = sourceFiles("runtime").flatMap((file) =>
      imports(file)
        .filter((s) => landsIn(file, s) !== "runtime" && !(file === redisStore && allowedThere(s)))
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it("only runtime/stores/redis.ts imports a Redis client, and nothing in the runtime core imports it", () => {
    const bad = ["runtime", "compiler", "language"].flatMap((folder) =>
      sourceFiles(folder).flatMap((file) =>
        imports(file)
          .filter((s) => s === "ioredis" || s.endsWith("stores/redis"))
          .filter((s) => !(relative(root, file) === "runtime/stores/redis.ts" && s === "ioredis"))
          .map((s) => `${relative(root, file)} imports ${s}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it("language/ imports neither compiler/, runtime/, lsp/ nor node: modules", () => {
    const bad = sourceFiles("language").flatMap((file) =>
      imports(file)
        .filter((s) => {
          const where = landsIn(file, s);
          return where === "compiler" || where === "runtime" || where === "lsp" || where.startsWith("package:node:");
        })
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it("compiler/ imports only language/, runtime/, itself and packages", () => {
    const bad = sourceFiles("compiler").flatMap((file) =>
      imports(file)
        .filter((s) => !["compiler", "language", "runtime"].includes(landsIn(file, s)) && !landsIn(file, s).startsWith("package:"))
        .map((s) => `${relative(root, file)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it("only the CLI reads the disk in compiler/", () => {
    const bad = sourceFiles("compiler")
      .filter((file) => !relative(root, file).startsWith("compiler/cli/") && !relative(root, file).endsWith("hash.ts"))
      .flatMap((file) => imports(file).filter((s) => s === "node:fs" || s === "fs").map((s) => `${relative(root, file)} imports ${s}`));
    expect(bad).toEqual([]);
  });
});
