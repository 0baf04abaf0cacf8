// Turns the CLI's file and folder arguments into the list of .route files to
// check, and gives the checker a host that reads them from disk once.

import * as fs from "node:fs";
import * as path from "node:path";
import type { FileHost } from "../../language/semantics/check";
import { absolute, readText, type Io } from "./io";

export class UsageError extends Error {}

/** Every .route file named or found under a named folder, sorted, absolute. */
export function collectRouteFiles(io: Io, args: string[]): string[] {
  const found = new Set<string>();
  for (const arg of args) {
    const file = absolute(io, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new UsageError(`cannot read \`${arg}\`: no such file or folder`);
    }
    if (stat.isDirectory()) walk(file, found);
    else found.add(file);
  }
  return [...found].sort();
}

function walk(folder: string, found: Set<string>): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = `${folder}/${entry.name}`;
    if (entry.isDirectory()) walk(full, found);
    else if (entry.isFile() && entry.name.endsWith(".route")) found.add(full);
  }
}

/** A FileHost over the disk that remembers what it read, for rendering later. */
export class DiskHost implements FileHost {
  private readonly texts = new Map<string, string | undefined>();

  readFile(file: string): string | undefined {
    const key = path.posix.normalize(file);
    if (!this.texts.has(key)) this.texts.set(key, readText(key));
    return this.texts.get(key);
  }

  source = (file: string): string | undefined => this.readFile(file);
}
