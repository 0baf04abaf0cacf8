// Pure POSIX path helpers for resolving `import "x.route"`: language/ also runs
// in browsers and the language server, so it must not import node:path.

/** The folder part of a path: "a/b/c.route" → "a/b", "c.route" → "". */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf("/");
  if (slash < 0) return "";
  if (slash === 0) return "/";
  return path.slice(0, slash);
}

/** Joins `relative` onto `directory` and removes `.` and `..` segments. An absolute `relative` wins. */
export function joinPath(directory: string, relative: string): string {
  if (relative.startsWith("/")) return normalizePath(relative);
  if (directory === "") return normalizePath(relative);
  return normalizePath(`${directory}/${relative}`);
}

/** Collapses `.`, `..` and repeated slashes; keeps a leading `/` and leading `..` of a relative path. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(segment);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined === "" ? "." : joined;
}

/** Resolves an import written in `importer` to the path the host is asked for. */
export function resolveImport(importer: string, written: string): string {
  return joinPath(directoryOf(importer), written);
}

/** The last segment of a path, for messages: "/x/people.route" → "people.route". */
export function baseName(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? path : path.slice(slash + 1);
}
