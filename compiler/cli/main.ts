// The `route` command line: parses arguments and dispatches to one command.
// Exit codes: 0 fine, 1 the input has a problem (an error, a failing test),
// 2 the command line itself is wrong. No stack trace for anything a user did.

import { parseArgs } from "node:util";
import { checkCommand } from "./check-command";
import { compileCommand } from "./compile-command";
import { fmtCommand } from "./fmt-command";
import { lspCommand } from "./lsp-command";
import { UsageError } from "./files";
import type { Io } from "./io";
import { matchCommand } from "./match-command";
import type { Format } from "./output";
import { testCommand } from "./test-command";

export const version = "0.1.0";

const usage = `route — routing rules as code

Usage:
  route check <files or folders…> [--format text|json] [--no-overlaps]
  route compile <entry.route> [-o table.json] [--format text|json]
  route match <entry.route | table.json> --router <id> [--record '<json>' | stdin]
              [--at <ISO instant>] [--format text|json] [--ndjson] [--coerce]
              [--assign [--unavailable alice,bob]]   choose the person too
  route test <files or folders…> [--format text|json]
  route fmt [--check] [--print-width N] <files or folders…>
  route lsp --stdio                      the language server, for editors
  route --help | --version

Exit status: 0 fine, 1 an error in the rules or a failing test, 2 a wrong command line.
`;

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      io.stderr(`route: ${(error as Error).message}\nRun \`route --help\` for usage.\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`internal-error: this is a bug in route, please report it with the input that caused it\n${detail}\n`);
    return 70;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.stdout(`${version}\n`);
    return 0;
  }
  switch (command) {
    case "check": {
      const { values, positionals } = parse(rest, { format: { type: "string" }, "no-overlaps": { type: "boolean" } });
      need(positionals, "`route check` needs at least one file or folder");
      return checkCommand(io, positionals, format(values.format), { overlaps: !values["no-overlaps"] });
    }
    case "compile": {
      const { values, positionals } = parse(rest, { output: { type: "string", short: "o" }, format: { type: "string" } });
      need(positionals, "`route compile` needs the entry file: route compile <entry.route> [-o table.json]");
      if (positionals.length > 1) throw new UsageError("`route compile` takes one entry file (its imports come along)");
      return compileCommand(io, positionals[0]!, values.output as string | undefined, format(values.format));
    }
    case "match": {
      const { values, positionals } = parse(rest, {
        router: { type: "string" },
        record: { type: "string" },
        at: { type: "string" },
        format: { type: "string" },
        ndjson: { type: "boolean" },
        coerce: { type: "boolean" },
        assign: { type: "boolean" },
        unavailable: { type: "string" },
      });
      need(positionals, "`route match` needs a .route entry file or a compiled table.json");
      if (positionals.length > 1) throw new UsageError("`route match` takes one entry file or table");
      return matchCommand(io, positionals[0]!, {
        router: values.router as string | undefined,
        record: values.record as string | undefined,
        at: values.at as string | undefined,
        format: format(values.format),
        ndjson: Boolean(values.ndjson),
        coerce: Boolean(values.coerce),
        assign: Boolean(values.assign),
        unavailable: typeof values.unavailable === "string" ? values.unavailable.split(",").map((rep) => rep.trim()).filter((rep) => rep !== "") : undefined,
      });
    }
    case "test": {
      const { values, positionals } = parse(rest, { format: { type: "string" } });
      need(positionals, "`route test` needs at least one file or folder");
      return testCommand(io, positionals, format(values.format));
    }
    case "lsp": {
      const { values } = parse(rest, { stdio: { type: "boolean" } });
      return lspCommand(Boolean(values.stdio));
    }
    case "fmt": {
      const { values, positionals } = parse(rest, { check: { type: "boolean" }, "print-width": { type: "string" } });
      need(positionals, "`route fmt` needs at least one file or folder");
      return fmtCommand(io, positionals, { check: Boolean(values.check), ...printWidth(values["print-width"]) });
    }
    default:
      throw new UsageError(`unknown command \`${command}\`; commands: check, compile, match, test, fmt, lsp`);
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

function parse(args: string[], options: Options) {
  return parseArgs({ args, options: options!, allowPositionals: true, strict: true });
}

function need(positionals: string[], message: string): void {
  if (positionals.length === 0) throw new UsageError(message);
}

function printWidth(value: unknown): { printWidth?: number } {
  if (value === undefined) return {};
  const width = Number(value);
  if (!Number.isInteger(width) || width < 20 || width > 1000) throw new UsageError(`\`--print-width ${String(value)}\` is not a width: use a whole number from 20 to 1000`);
  return { printWidth: width };
}

function format(value: unknown): Format {
  if (value === undefined || value === "text") return "text";
  if (value === "json") return "json";
  throw new UsageError(`\`--format ${String(value)}\` is not a format: use text or json`);
}

// node:util parseArgs reports unknown flags and missing values with these codes.
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
