// How a container's body is laid out: blocks that are always one entry per
// line (routers, rules, tests), and groups that keep the user's choice of one
// line or several (rep bodies, record literals, lists) and break when too long.

import type { Sequence, Slot } from "./context";
import { builders, type Doc } from "./doc";

const { group, hardline, ifBreak, indent, line, softline } = builders;

/** `{` entries one per line `}`; `{}` when there is nothing inside. */
export function block(body: Sequence): Doc {
  if (body.slots.length === 0 && body.opening.length === 0) return "{}";
  if (body.slots.length === 0) return ["{", ...body.opening, hardline, "}"];
  return ["{", ...body.opening, indent([hardline, joinSlots(body.slots, hardline, true, () => "")]), hardline, "}"];
}

export interface GroupStyle {
  open: string;
  close: string;
  /** A space inside the brackets on one line: `{ a }` rather than `[a]`. */
  padded: boolean;
  /**
   * Between entries: `,` always (`[a, b]`), `,` only on one line (record
   * literals, record fields: one per line needs none), or nothing (rep bodies).
   */
  separator: "comma" | "comma-when-flat" | "none";
  /** A trailing `,` after the last entry when broken (lists and enums). */
  trailingComma: boolean;
  /** Keep blank lines between entries when broken (bodies, not lists). */
  blankLines: boolean;
}

/** One line when the user wrote it on one line and it fits; else one entry per line. */
export function keepChoice(body: Sequence, style: GroupStyle): Doc {
  if (body.slots.length === 0 && body.opening.length === 0) return style.open + style.close;
  if (body.slots.length === 0) return [style.open, ...body.opening, hardline, style.close];
  const hasComment = body.slots.some((slot) => slot.kind === "comment");
  const lastElement = lastIndexOf(body.slots, (slot) => slot.kind === "element");
  const separator = (index: number): Doc => {
    if (style.separator === "none") return "";
    if (index === lastElement) return style.trailingComma ? ifBreak(",", "") : "";
    return style.separator === "comma" ? "," : ifBreak("", ",");
  };
  const edge = style.padded ? line : softline;
  return group(
    [style.open, ...body.opening, indent([edge, joinSlots(body.slots, line, style.blankLines, separator)]), edge, style.close],
    { shouldBreak: body.brokenByUser || hasComment },
  );
}

function joinSlots(slots: readonly Slot[], between: Doc, blankLines: boolean, separator: (index: number) => Doc): Doc[] {
  const parts: Doc[] = [];
  slots.forEach((slot, index) => {
    if (index > 0) {
      if (slot.blankBefore && blankLines) parts.push(softline);
      parts.push(between);
    }
    // A comment on its own line ends that line whatever the group decides.
    parts.push(slot.kind === "comment" ? [slot.doc, builders.breakParent] : [slot.doc, separator(index)]);
  });
  return parts;
}

function lastIndexOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
