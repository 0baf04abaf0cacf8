// What the CLI needs from the outside world, as one object, so tests can run
// commands in-process and capture their output.

import * as fs from "node:fs";
import * as path from "node:path";

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when standard output is a terminal (colour and progress only then). */
  isTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, or null when it is a terminal / absent. */
  readStdin(): Promise<string | null>;
}

export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      if (process.stdin.isTTY) return null;
      process.stdin.setEncoding("utf8");
      let text = "";
      for await (const chunk of process.stdin) text += chunk as string;
      return text;
    },
  };
}

/** Whether colour escapes may be written: a terminal, and NO_COLOR unset (https://no-color.org). */
export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.isTTY;
}

/** Absolute POSIX path of an argument. */
export function absolute(io: Io, file: string): string {
  return path.resolve(io.cwd, file).split(path.sep).join("/");
}

/** A path as the user should see it: relative to the working directory when inside it. */
export function display(io: Io, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : file;
}

export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
