// The language's case-insensitive text, for the peers that cannot fold inside
// their own rules (json-rules-engine, ZEN): their constants are folded when the
// rules are built, and each record is folded on its way in, inside the timed
// route, so folding costs them what it costs every engine.

/** NFC, then lower case without locale — the language's text key, as runtime/text.ts has it (peers do not import the runtime). */
export function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/** The lead fields that hold text (enums and plain text); `products` holds a list of text. */
export const TEXT_FIELDS = ["region", "country", "industry", "source", "language"] as const;

/** A copy of the record with its text fields and product elements folded; every other value as it came. */
export function foldedRecord(record: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...record };
  for (const field of TEXT_FIELDS) {
    const value = copy[field];
    if (typeof value === "string") copy[field] = fold(value);
  }
  const products = copy.products;
  if (Array.isArray(products)) copy.products = products.map((item: unknown) => (typeof item === "string" ? fold(item) : item));
  return copy;
}
