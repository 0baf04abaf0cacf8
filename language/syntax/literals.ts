// Reading literal tokens: decoding strings (escapes), checking numbers and
// instants, and the numeric value of a number. The lexer reports the problems;
// the lowering uses the values.

/** A problem inside one token, in offsets relative to the token's start. */
export interface TokenProblem {
  start: number;
  end: number;
  message: string;
}

/**
 * Decodes a string token's image (quotes included). An unterminated string or
 * a bad escape yields one problem; the value is still the best reading.
 */
export function decodeString(image: string): { value: string; problem?: TokenProblem } {
  let value = "";
  let problem: TokenProblem | undefined;
  if (image.startsWith("'")) {
    // A single-quoted string reaches here as a string so the parser goes on.
    const closed = image.length >= 2 && image.endsWith("'");
    const message = "strings use double quotes: write `\"…\"`";
    return { value: image.slice(1, closed ? -1 : undefined), problem: { start: 0, end: image.length, message } };
  }
  const terminated = image.length >= 2 && image.endsWith('"') && !endsInsideEscape(image);
  const end = terminated ? image.length - 1 : image.length;
  for (let i = 1; i < end; i++) {
    const char = image[i]!;
    if (char !== "\\") {
      value += char;
      continue;
    }
    const next = image[i + 1];
    if (next === '"' || next === "\\") {
      value += next;
      i++;
    } else if (next === "n") {
      value += "\n";
      i++;
    } else if (next === "t") {
      value += "\t";
      i++;
    } else if (next === "u") {
      const match = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(image.slice(i));
      const code = match ? parseInt(match[1]!, 16) : NaN;
      if (match && code <= 0x10ffff) {
        value += String.fromCodePoint(code);
        i += match[0].length - 1;
      } else {
        const length = match ? match[0].length : 2;
        problem ??= {
          start: i,
          end: i + length,
          message: "a `\\u` escape needs a hex code point in braces, such as `\\u{e9}`",
        };
        i += length - 1;
      }
    } else {
      const shown = next === undefined ? "\\" : "\\" + next;
      problem ??= {
        start: i,
        end: i + shown.length,
        message: `unknown escape \`${shown}\` in a string: use \`\\"\`, \`\\\\\`, \`\\n\`, \`\\t\` or \`\\u{…}\``,
      };
      if (next !== undefined) {
        value += next;
        i++;
      }
    }
  }
  if (!terminated) {
    // The unterminated string outranks an escape problem: it explains both.
    problem = { start: 0, end: image.length, message: 'this string has no closing `"` before the end of the line' };
  }
  return problem ? { value, problem } : { value };
}

/** True when the final quote of `image` is escaped (`"abc\"`). */
function endsInsideEscape(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Checks that `_` sits only between digits in a number token. */
export function checkNumber(image: string): TokenProblem | undefined {
  if (/^\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?$/.test(image)) return undefined;
  return {
    start: 0,
    end: image.length,
    message: `\`${image}\` is not a number: \`_\` may only stand between two digits, as in \`10_000\``,
  };
}

/** The value of a number token (underscores removed); NaN never escapes as a value. */
export function numberValue(image: string): number {
  const value = Number(image.replace(/_/g, ""));
  return Number.isFinite(value) ? value : 0;
}

/** Checks that an instant carries its zone (`Z` or `±HH:MM`). */
export function checkInstant(image: string): TokenProblem | undefined {
  if (/(?:Z|[+-]\d{2}:\d{2})$/.test(image)) return undefined;
  return {
    start: 0,
    end: image.length,
    message: `the instant \`${image}\` needs a time zone: add \`Z\` for UTC or an offset such as \`+01:00\``,
  };
}
