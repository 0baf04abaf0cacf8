// Text tests beyond equality: `starts with`, `ends with` and `contains`
// constants as boolean features, the implications between them, and the
// witness string that realises a consistent set of features.
//
// NOTE: why this is exact. For a set T of features that hold, the string
// F(T) = P + f + c1 + f + c2 … + f + S (P the longest required prefix, S the
// longest required suffix, c the required contains pieces, f a filler
// character no constant contains) satisfies T, and every feature F(T) has
// holds in every string that satisfies T: a constant never spans a filler,
// so it lies inside one piece, which every such string contains (at its start
// for P, at its end for S). So T is realisable by some string iff the prefixes
// of T are prefixes of one another, so are its suffixes, and T holds every
// feature implied by one of its members — pairwise facts, checked once.

import { foldText } from "../../language/semantics/evaluate";

export type FeatureOp = "startsWith" | "endsWith" | "contains";

export interface TextFeature {
  op: FeatureOp;
  /** Folded (NFC, lower case) constant. */
  value: string;
}

/** Whether `text` (folded) has the feature. */
export function hasFeature(text: string, feature: TextFeature): boolean {
  if (feature.op === "startsWith") return text.startsWith(feature.value);
  if (feature.op === "endsWith") return text.endsWith(feature.value);
  return text.includes(feature.value);
}

/** Whether `a` holding forces `b` to hold, for every string. */
export function implies(a: TextFeature, b: TextFeature): boolean {
  if (b.value === "") return true;
  if (a.op === "startsWith" && b.op === "startsWith") return a.value.startsWith(b.value);
  if (a.op === "endsWith" && b.op === "endsWith") return a.value.endsWith(b.value);
  if (b.op === "contains") return a.value.includes(b.value);
  return false;
}

/** Whether `a` and `b` can never hold together. */
export function excludes(a: TextFeature, b: TextFeature): boolean {
  if (a.op === "startsWith" && b.op === "startsWith") return !a.value.startsWith(b.value) && !b.value.startsWith(a.value);
  if (a.op === "endsWith" && b.op === "endsWith") return !a.value.endsWith(b.value) && !b.value.endsWith(a.value);
  return false;
}

/** A lower-case character that occurs in none of `constants`. */
export function fillerFor(constants: readonly string[]): string {
  for (let code = 0x78; code < 0x78 + 5000; code++) {
    const candidate = String.fromCodePoint(code);
    if (foldText(candidate) !== candidate) continue;
    if (!constants.some((constant) => constant.includes(candidate))) return candidate;
  }
  return "\u{1F4E8}";
}

/** The least string with exactly the features in `holding` (which must be consistent), not equal to any constant. */
export function stringWith(holding: readonly TextFeature[], filler: string): string {
  let prefix = "";
  let suffix = "";
  const pieces: string[] = [];
  for (const feature of holding) {
    if (feature.op === "startsWith" && feature.value.length > prefix.length) prefix = feature.value;
    else if (feature.op === "endsWith" && feature.value.length > suffix.length) suffix = feature.value;
    else if (feature.op === "contains" && feature.value !== "") pieces.push(feature.value);
  }
  return [prefix, ...pieces, suffix].join(filler);
}
