// An in-memory FileHost for tests: a map of path → text, with the
// `# file: NAME.route` convention that splits one text into several files.
import type { FileHost } from "../../language/semantics/check";

export class MemoryHost implements FileHost {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  readFile(path: string): string | undefined {
    return this.files.get(path);
  }
}

/**
 * Splits a block into files: the text before the first `# file: x.route`
 * line is `main.route`; each such line starts a new file in the same folder.
 */
export function splitFiles(text: string, folder = "/docs"): Record<string, string> {
  const files: Record<string, string> = {};
  let name = "main.route";
  let lines: string[] = [];
  const flush = () => {
    files[`${folder}/${name}`] = lines.join("\n") + "\n";
  };
  for (const line of text.split("\n")) {
    const match = /^#\s*file:\s*(\S+)\s*$/.exec(line);
    if (match) {
      flush();
      name = match[1]!;
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return files;
}
