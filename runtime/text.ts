// Small helpers shared by the runtime: case-insensitive text keys, JSON paths
// for messages, and short descriptions of incoming values for traces.

/** The key two texts are compared by: NFC, then lower case without locale (brief §5). */
export function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `base.name` when name is an identifier, else `base["a b"]`, so every path reads back unambiguously. */
export function member(base: string, name: string): string {
  return IDENTIFIER.test(name) ? `${base}.${name}` : `${base}[${JSON.stringify(name)}]`;
}

export function index(base: string, position: number): string {
  return `${base}[${position}]`;
}

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** A plain JSON-like object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A record's fields are its own enumerable members — what JSON.stringify and
 * Object.keys see — so `constructor` or `__proto__` are never inherited values.
 */
export function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.propertyIsEnumerable.call(object, key) ? object[key] : undefined;
}

/** "text \"500\"", "a number 5", "an array", … — what a rev-ops reader needs to see in a note. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `text ${JSON.stringify(value)}`;
    case "number":
      return Number.isFinite(value) ? `the number ${value}` : `the number ${String(value)}`;
    case "boolean":
      return `${value}`;
    case "object":
      return "a record";
    default:
      return `a ${typeof value}`;
  }
}

/** A JSON-safe copy of an incoming value for traces (NaN and functions become strings). */
export function shown(value: unknown): unknown {
  if (value === undefined) return "missing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol") return String(value);
  return value;
}
