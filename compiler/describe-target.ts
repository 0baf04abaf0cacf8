// A target as a user writes it (`team payroll_emea`, `action "book_meeting"`,
// `account.owner`), for messages of the analysis, the test runner and the CLI.

import type { TargetModel } from "../language/semantics/model";
import type { Target } from "../runtime/table-format";

export function describeTarget(target: Target | TargetModel): string {
  switch (target.kind) {
    case "team":
    case "rep":
    case "queue":
      return `${target.kind} ${target.id}`;
    case "action":
      return `action ${JSON.stringify(target.id)}`;
    case "unassigned":
      return "unassigned";
    case "field":
      return target.path.join(".");
    case "manager":
      return `manager of ${target.path.join(".")}`;
  }
}
