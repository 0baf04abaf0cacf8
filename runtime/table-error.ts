// The one error `loadTable` throws: every problem found in a table, each
// prefixed with the JSON path of the member concerned.

export class TableError extends Error {
  /** One line per problem, e.g. `table.routers.inbound.rules[3].condition: unknown op "iz"`. */
  readonly problems: string[];

  constructor(problems: string[]) {
    const shown = problems.length === 1 ? problems[0]! : `${problems.length} problems in the table:\n  ${problems.join("\n  ")}`;
    super(shown);
    this.name = "TableError";
    this.problems = problems;
  }
}
