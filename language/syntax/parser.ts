// The grammar of §10, as one Chevrotain CstParser: grammar only, no actions.
// `parse.ts` drives it declaration by declaration; `lower.ts` turns its CST
// into the AST. One instance, created lazily and reused.

import { CstParser, type CstNode, type IToken } from "chevrotain";
import * as t from "./tokens";
import { errorMessageProvider } from "./messages";

const methodMessage =
  "a team method: `round robin`, `weighted round robin`, `load balance`, `broadcast` or `first available`";

export class RouteParser extends CstParser {
  constructor() {
    super(t.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      nodeLocationTracking: "none",
      errorMessageProvider,
    });
    this.performSelfAnalysis();
  }

  // -------------------------------------------------------------------------
  // File and declarations

  file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.importDecl));
    this.MANY2(() => this.SUBRULE(this.declaration));
  });

  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(t.Import);
    this.CONSUME(t.StringLiteral, { LABEL: "path" });
  });

  declaration = this.RULE("declaration", () => {
    this.OR({
      ERR_MSG:
        "a declaration: `enum`, `list`, `record`, `rep`, `team`, `queue`, `hours`, `score`, `router`, `test` or `assert`",
      DEF: [
        { ALT: () => this.SUBRULE(this.enumDecl) },
        { ALT: () => this.SUBRULE(this.listDecl) },
        { ALT: () => this.SUBRULE(this.recordDecl) },
        { ALT: () => this.SUBRULE(this.repDecl) },
        { ALT: () => this.SUBRULE(this.teamDecl) },
        { ALT: () => this.SUBRULE(this.queueDecl) },
        { ALT: () => this.SUBRULE(this.hoursDecl) },
        { ALT: () => this.SUBRULE(this.scoreDecl) },
        { ALT: () => this.SUBRULE(this.routerDecl) },
        { ALT: () => this.SUBRULE(this.testDecl) },
        { ALT: () => this.SUBRULE(this.assertDecl) },
      ],
    });
  });

  enumDecl = this.RULE("enumDecl", () => {
    this.CONSUME(t.Enum);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.CONSUME(t.LCurly);
    this.SUBRULE(this.enumMember);
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.SUBRULE2(this.enumMember);
    });
    this.OPTION(() => this.CONSUME2(t.Comma));
    this.CONSUME(t.RCurly);
  });

  enumMember = this.RULE("enumMember", () => {
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(t.Equals);
      this.CONSUME(t.StringLiteral, { LABEL: "wire" });
    });
  });

  listDecl = this.RULE("listDecl", () => {
    this.CONSUME(t.List);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.CONSUME(t.Equals);
    this.SUBRULE(this.literalList);
  });

  recordDecl = this.RULE("recordDecl", () => {
    this.CONSUME(t.Record);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.fieldDecl));
    this.CONSUME(t.RCurly);
  });

  fieldDecl = this.RULE("fieldDecl", () => {
    this.CONSUME(t.FieldName, { LABEL: "name" });
    this.CONSUME(t.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(t.Comma));
  });

  typeRef = this.RULE("typeRef", () => {
    this.OR({
      ERR_MSG: "a type: `text`, `number`, `boolean`, `rep`, `set of …`, an enum or a record",
      DEF: [
        { ALT: () => this.CONSUME(t.Rep, { LABEL: "rep" }) },
        { ALT: () => this.CONSUME(t.Identifier, { LABEL: "name" }) },
        {
          ALT: () => {
            this.CONSUME(t.Set);
            this.CONSUME(t.Of);
            this.OR2({
              ERR_MSG: "the type of the set's items: `text`, `rep` or an enum",
              DEF: [
                { ALT: () => this.CONSUME2(t.Rep, { LABEL: "rep" }) },
                { ALT: () => this.CONSUME2(t.Identifier, { LABEL: "name" }) },
              ],
            });
          },
        },
      ],
    });
    this.OPTION(() => this.CONSUME(t.Question));
  });

  repDecl = this.RULE("repDecl", () => {
    this.CONSUME(t.Rep);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.repAttribute));
    this.CONSUME(t.RCurly);
  });

  repAttribute = this.RULE("repAttribute", () => {
    this.OR({
      ERR_MSG:
        "a rep attribute: `name`, `email`, `ids`, `skills`, `languages`, `region`, `hours`, `capacity`, `cap`, `weight`, `manager` or `unavailable`",
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Name);
            this.CONSUME(t.StringLiteral, { LABEL: "string" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Email);
            this.CONSUME2(t.StringLiteral, { LABEL: "string" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Ids);
            this.CONSUME(t.LBracket);
            this.CONSUME3(t.StringLiteral, { LABEL: "string" });
            this.MANY(() => {
              this.CONSUME(t.Comma);
              this.CONSUME4(t.StringLiteral, { LABEL: "string" });
            });
            this.OPTION(() => this.CONSUME2(t.Comma));
            this.CONSUME(t.RBracket);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Skills);
            this.SUBRULE(this.nameList);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Languages);
            this.SUBRULE2(this.nameList);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Region);
            this.SUBRULE(this.nameOrString);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Hours);
            this.CONSUME(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Capacity);
            this.CONSUME(t.NumberLiteral, { LABEL: "number" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Cap);
            this.CONSUME2(t.NumberLiteral, { LABEL: "number" });
            this.CONSUME(t.Per);
            this.OR2({
              ERR_MSG: "a period: `hour`, `day`, `week` or `month`",
              DEF: [
                { ALT: () => this.CONSUME(t.Hour, { LABEL: "period" }) },
                { ALT: () => this.CONSUME(t.Day, { LABEL: "period" }) },
                { ALT: () => this.CONSUME(t.Week, { LABEL: "period" }) },
                { ALT: () => this.CONSUME(t.Month, { LABEL: "period" }) },
              ],
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Weight);
            this.CONSUME3(t.NumberLiteral, { LABEL: "number" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Manager);
            this.CONSUME2(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Unavailable);
            this.CONSUME(t.From);
            this.CONSUME(t.DateLiteral, { LABEL: "from" });
            this.CONSUME(t.To);
            this.CONSUME2(t.DateLiteral, { LABEL: "to" });
          },
        },
      ],
    });
  });

  nameList = this.RULE("nameList", () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.nameOrString);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.nameOrString);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
  });

  nameOrString = this.RULE("nameOrString", () => {
    this.OR({
      ERR_MSG: "a name or a string",
      DEF: [
        { ALT: () => this.CONSUME(t.Identifier, { LABEL: "name" }) },
        { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: "string" }) },
      ],
    });
  });

  teamDecl = this.RULE("teamDecl", () => {
    this.CONSUME(t.Team);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.CONSUME(t.LCurly);
    this.CONSUME(t.Members);
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.teamMember);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.teamMember);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
    this.CONSUME(t.RCurly);
  });

  teamMember = this.RULE("teamMember", () => {
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(t.Weight);
      this.CONSUME(t.NumberLiteral, { LABEL: "weight" });
    });
  });

  queueDecl = this.RULE("queueDecl", () => {
    this.CONSUME(t.Queue);
    this.CONSUME(t.Identifier, { LABEL: "name" });
  });

  // NOTE: `timezone` is required, but the grammar takes it as optional so the
  // lowering can say exactly that instead of failing the whole calendar.
  hoursDecl = this.RULE("hoursDecl", () => {
    this.CONSUME(t.Hours);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.CONSUME(t.LCurly);
    this.OPTION(() => {
      this.CONSUME(t.Timezone);
      this.CONSUME(t.StringLiteral, { LABEL: "timezone" });
    });
    this.MANY(() =>
      this.OR({
        ERR_MSG: "a day line such as `mon-fri 09:00-17:00`, or `closed`",
        DEF: [{ ALT: () => this.SUBRULE(this.dayLine) }, { ALT: () => this.SUBRULE(this.closedLine) }],
      }),
    );
    this.CONSUME(t.RCurly);
  });

  dayLine = this.RULE("dayLine", () => {
    this.SUBRULE(this.dayRange);
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.SUBRULE2(this.dayRange);
    });
    this.SUBRULE(this.timeWindow);
    this.MANY2(() => {
      this.CONSUME2(t.Comma);
      this.SUBRULE2(this.timeWindow);
    });
  });

  dayRange = this.RULE("dayRange", () => {
    this.CONSUME(t.Weekday, { LABEL: "from" });
    this.OPTION(() => {
      this.CONSUME(t.Minus);
      this.CONSUME2(t.Weekday, { LABEL: "to" });
    });
  });

  timeWindow = this.RULE("timeWindow", () => {
    this.CONSUME(t.TimeLiteral, { LABEL: "start" });
    this.CONSUME(t.Minus);
    this.CONSUME2(t.TimeLiteral, { LABEL: "end" });
  });

  closedLine = this.RULE("closedLine", () => {
    this.CONSUME(t.Closed);
    this.CONSUME(t.DateLiteral, { LABEL: "date" });
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.CONSUME2(t.DateLiteral, { LABEL: "date" });
    });
  });

  scoreDecl = this.RULE("scoreDecl", () => {
    this.CONSUME(t.Score);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(t.For);
      this.CONSUME2(t.Identifier, { LABEL: "record" });
    });
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.scoreLine));
    this.CONSUME(t.RCurly);
  });

  scoreLine = this.RULE("scoreLine", () => {
    this.OR({
      ERR_MSG: "a score line starting with `+` or `-`, such as `+10 when …`",
      DEF: [{ ALT: () => this.CONSUME(t.Plus, { LABEL: "sign" }) }, { ALT: () => this.CONSUME(t.Minus, { LABEL: "sign" }) }],
    });
    this.CONSUME(t.NumberLiteral, { LABEL: "weight" });
    this.CONSUME(t.When);
    this.SUBRULE(this.condition);
  });

  // -------------------------------------------------------------------------
  // Routers and rules

  routerDecl = this.RULE("routerDecl", () => {
    this.SUBRULE(this.routerHeader);
    this.MANY(() => this.SUBRULE(this.ruleDecl));
    this.OPTION(() => this.SUBRULE(this.otherwiseDecl));
    this.CONSUME(t.RCurly);
  });

  /** `router id for Record {`: its own rule so recovery can parse it alone. */
  routerHeader = this.RULE("routerHeader", () => {
    this.CONSUME(t.Router);
    this.CONSUME(t.Identifier, { LABEL: "name" });
    this.CONSUME(t.For);
    this.CONSUME2(t.Identifier, { LABEL: "record" });
    this.CONSUME(t.LCurly);
  });

  ruleDecl = this.RULE("ruleDecl", () => {
    this.CONSUME(t.Rule);
    this.CONSUME(t.StringLiteral, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(t.Priority);
      this.CONSUME(t.NumberLiteral, { LABEL: "priority" });
    });
    this.OPTION2(() => this.CONSUME(t.Disabled));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.clause));
    this.CONSUME(t.RCurly);
  });

  otherwiseDecl = this.RULE("otherwiseDecl", () => {
    this.CONSUME(t.Otherwise);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.clause));
    this.CONSUME(t.RCurly);
  });

  clause = this.RULE("clause", () => {
    this.OR({
      ERR_MSG: "a clause: `when`, `assign to`, `require`, `also notify`, `sla`, `fallback to` or `reason`",
      DEF: [
        { ALT: () => this.SUBRULE(this.whenClause) },
        { ALT: () => this.SUBRULE(this.assignClause) },
        { ALT: () => this.SUBRULE(this.requireClause) },
        { ALT: () => this.SUBRULE(this.notifyClause) },
        { ALT: () => this.SUBRULE(this.slaClause) },
        { ALT: () => this.SUBRULE(this.fallbackClause) },
        { ALT: () => this.SUBRULE(this.reasonClause) },
      ],
    });
  });

  whenClause = this.RULE("whenClause", () => {
    this.CONSUME(t.When);
    this.SUBRULE(this.condition);
  });

  assignClause = this.RULE("assignClause", () => {
    this.CONSUME(t.Assign);
    this.CONSUME(t.To);
    this.SUBRULE(this.target);
    this.OPTION(() => this.SUBRULE(this.method));
  });

  requireClause = this.RULE("requireClause", () => {
    this.CONSUME(t.Require);
    this.OR({
      ERR_MSG: "a member attribute: `skills`, `languages` or `region`",
      DEF: [
        { ALT: () => this.CONSUME(t.Skills, { LABEL: "attribute" }) },
        { ALT: () => this.CONSUME(t.Languages, { LABEL: "attribute" }) },
        { ALT: () => this.CONSUME(t.Region, { LABEL: "attribute" }) },
      ],
    });
    this.SUBRULE(this.predicate);
  });

  notifyClause = this.RULE("notifyClause", () => {
    this.CONSUME(t.Also);
    this.CONSUME(t.Notify);
    this.SUBRULE(this.target);
  });

  slaClause = this.RULE("slaClause", () => {
    this.CONSUME(t.Sla);
    this.CONSUME(t.NumberLiteral, { LABEL: "amount" });
    this.SUBRULE(this.durationUnit);
    this.OPTION(() => this.CONSUME(t.Business));
    this.OPTION2(() => {
      this.CONSUME(t.Then);
      this.OR({
        ERR_MSG: "`reassign` or `escalate to …`",
        DEF: [{ ALT: () => this.SUBRULE(this.reassign) }, { ALT: () => this.SUBRULE(this.escalate) }],
      });
    });
  });

  durationUnit = this.RULE("durationUnit", () => {
    this.OR({
      ERR_MSG: "a time unit: `seconds`, `minutes`, `hours` or `days`",
      DEF: [
        { ALT: () => this.CONSUME(t.Second, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(t.Seconds, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(t.Minute, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(t.Minutes, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(t.Hour, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(t.Hours, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(t.Day, { LABEL: "unit" }) },
        { ALT: () => this.CONSUME(t.Days, { LABEL: "unit" }) },
      ],
    });
  });

  reassign = this.RULE("reassign", () => {
    this.CONSUME(t.Reassign);
    this.OPTION(() => {
      this.CONSUME(t.Excluding);
      this.CONSUME(t.Last);
      this.CONSUME(t.NumberLiteral, { LABEL: "excludingLast" });
    });
    this.OPTION2(() => {
      this.CONSUME(t.Up);
      this.CONSUME(t.To);
      this.CONSUME2(t.NumberLiteral, { LABEL: "upTo" });
      this.CONSUME(t.Times);
    });
  });

  escalate = this.RULE("escalate", () => {
    this.CONSUME(t.Escalate);
    this.CONSUME(t.To);
    this.SUBRULE(this.target);
    this.OPTION(() => this.SUBRULE(this.method));
  });

  fallbackClause = this.RULE("fallbackClause", () => {
    this.CONSUME(t.Fallback);
    this.CONSUME(t.To);
    this.SUBRULE(this.target);
    this.OPTION(() => this.SUBRULE(this.method));
  });

  reasonClause = this.RULE("reasonClause", () => {
    this.CONSUME(t.Reason);
    this.CONSUME(t.StringLiteral, { LABEL: "text" });
  });

  // INVARIANT: `path` is the last alternative. `team`, `rep`, `queue`,
  // `action` and `manager` may also be the first field of a path; two tokens
  // decide, and the keyword forms must be tried first.
  target = this.RULE("target", () => {
    this.OR({
      ERR_MSG:
        "a target: `team …`, `rep …`, `queue …`, `action \"…\"`, `unassigned`, `manager of …` or a field",
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Team, { LABEL: "kind" });
            this.CONSUME(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Rep, { LABEL: "kind" });
            this.CONSUME2(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Queue, { LABEL: "kind" });
            this.CONSUME3(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Action, { LABEL: "kind" });
            this.CONSUME(t.StringLiteral, { LABEL: "action" });
          },
        },
        { ALT: () => this.CONSUME(t.Unassigned, { LABEL: "kind" }) },
        {
          ALT: () => {
            this.CONSUME(t.Manager, { LABEL: "kind" });
            this.CONSUME(t.Of);
            this.SUBRULE(this.path, { LABEL: "managerOf" });
          },
        },
        { ALT: () => this.SUBRULE2(this.path) },
      ],
    });
  });

  method = this.RULE("method", () => {
    this.CONSUME(t.By);
    this.OR({
      ERR_MSG: methodMessage,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Round);
            this.CONSUME(t.Robin);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Weighted);
            this.CONSUME2(t.Round);
            this.CONSUME2(t.Robin);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Load);
            this.CONSUME(t.Balance);
          },
        },
        { ALT: () => this.CONSUME(t.Broadcast) },
        {
          ALT: () => {
            this.CONSUME(t.First);
            this.CONSUME(t.Available);
          },
        },
      ],
    });
  });

  // -------------------------------------------------------------------------
  // Conditions: or < and < not < test.

  condition = this.RULE("condition", () => {
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(t.Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  conjunction = this.RULE("conjunction", () => {
    this.SUBRULE(this.negation);
    this.MANY(() => {
      this.CONSUME(t.And);
      this.SUBRULE2(this.negation);
    });
  });

  negation = this.RULE("negation", () => {
    this.OR({
      ERR_MSG: "a condition: a field, `not`, `(`, `within` or `outside`",
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Not);
            this.SUBRULE(this.negation);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.LParen);
            this.SUBRULE(this.condition);
            this.CONSUME(t.RParen);
          },
        },
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(t.Within, { LABEL: "within" }) },
              { ALT: () => this.CONSUME(t.Outside, { LABEL: "within" }) },
            ]);
            this.CONSUME(t.Identifier, { LABEL: "hours" });
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.path);
            this.OPTION(() => this.SUBRULE(this.predicate));
          },
        },
      ],
    });
  });

  predicate = this.RULE("predicate", () => {
    this.OR({
      ERR_MSG: "a test: `is`, `in`, `has`, `=`, `<`, `>`, `between`, `starts with`, `ends with` or `contains`",
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Is);
            this.OPTION(() => this.CONSUME(t.Not));
            this.OR2({
              ERR_MSG: "a value, `set` or `empty`",
              DEF: [
                { ALT: () => this.CONSUME(t.Set) },
                { ALT: () => this.CONSUME(t.Empty) },
                { ALT: () => this.SUBRULE(this.literal) },
              ],
            });
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME2(t.Not));
            this.CONSUME(t.In);
            this.SUBRULE(this.listOperand);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Comparison);
            this.SUBRULE(this.number);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Between);
            this.SUBRULE2(this.number, { LABEL: "low" });
            this.CONSUME(t.And);
            this.SUBRULE3(this.number, { LABEL: "high" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Has);
            this.OR3({
              ERR_MSG: "a value, or `any of`, `all of` or `none of`",
              DEF: [
                {
                  ALT: () => {
                    this.OR4([
                      { ALT: () => this.CONSUME(t.Any, { LABEL: "quantifier" }) },
                      { ALT: () => this.CONSUME(t.All, { LABEL: "quantifier" }) },
                      { ALT: () => this.CONSUME(t.None, { LABEL: "quantifier" }) },
                    ]);
                    this.CONSUME(t.Of);
                    this.SUBRULE2(this.listOperand);
                  },
                },
                { ALT: () => this.SUBRULE2(this.literal) },
              ],
            });
          },
        },
        {
          ALT: () => {
            this.OR5([
              {
                ALT: () => {
                  this.CONSUME(t.Starts, { LABEL: "text" });
                  this.CONSUME(t.With);
                },
              },
              {
                ALT: () => {
                  this.CONSUME(t.Ends, { LABEL: "text" });
                  this.CONSUME2(t.With);
                },
              },
              { ALT: () => this.CONSUME(t.Contains, { LABEL: "text" }) },
            ]);
            this.CONSUME(t.StringLiteral, { LABEL: "string" });
          },
        },
      ],
    });
  });

  /** `[a, b]` or a list name, after `in` and `has any|all|none of`. */
  listOperand = this.RULE("listOperand", () => {
    this.OR({
      ERR_MSG: "`[` or a list name",
      DEF: [{ ALT: () => this.SUBRULE(this.literalList) }, { ALT: () => this.CONSUME(t.Identifier, { LABEL: "list" }) }],
    });
  });

  path = this.RULE("path", () => {
    this.CONSUME(t.FieldName, { LABEL: "segment" });
    this.MANY(() => {
      this.CONSUME(t.Dot);
      this.CONSUME2(t.FieldName, { LABEL: "segment" });
    });
  });

  literalList = this.RULE("literalList", () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.literal);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.literal);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
  });

  literal = this.RULE("literal", () => {
    this.OR({
      ERR_MSG: "a value: a string, a number, `true`, `false` or a name",
      DEF: [
        { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: "string" }) },
        { ALT: () => this.SUBRULE(this.number) },
        { ALT: () => this.CONSUME(t.True, { LABEL: "boolean" }) },
        { ALT: () => this.CONSUME(t.False, { LABEL: "boolean" }) },
        {
          ALT: () => {
            this.CONSUME(t.Identifier, { LABEL: "name" });
            this.OPTION(() => {
              this.CONSUME(t.Dot);
              this.CONSUME2(t.Identifier, { LABEL: "name" });
            });
          },
        },
      ],
    });
  });

  number = this.RULE("number", () => {
    this.OPTION(() => this.CONSUME(t.Minus));
    this.CONSUME(t.NumberLiteral, { LABEL: "digits" });
  });

  // -------------------------------------------------------------------------
  // Tests and asserts

  testDecl = this.RULE("testDecl", () => {
    this.CONSUME(t.Test);
    this.CONSUME(t.StringLiteral, { LABEL: "name" });
    this.CONSUME(t.LCurly);
    this.CONSUME(t.Route);
    this.CONSUME(t.Identifier, { LABEL: "router" });
    this.SUBRULE(this.recordLiteral);
    this.MANY(() =>
      this.OR({
        ERR_MSG: "`with unavailable`, `at` or `expect`",
        DEF: [
          { ALT: () => this.SUBRULE(this.unavailableLine) },
          { ALT: () => this.SUBRULE(this.atLine) },
          { ALT: () => this.SUBRULE(this.expectLine) },
        ],
      }),
    );
    this.CONSUME(t.RCurly);
  });

  unavailableLine = this.RULE("unavailableLine", () => {
    this.CONSUME(t.With);
    this.CONSUME(t.Unavailable);
    this.CONSUME(t.LBracket);
    this.CONSUME(t.Identifier, { LABEL: "rep" });
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.CONSUME2(t.Identifier, { LABEL: "rep" });
    });
    this.OPTION(() => this.CONSUME2(t.Comma));
    this.CONSUME(t.RBracket);
  });

  atLine = this.RULE("atLine", () => {
    this.CONSUME(t.At);
    this.CONSUME(t.InstantLiteral, { LABEL: "instant" });
  });

  expectLine = this.RULE("expectLine", () => {
    this.CONSUME(t.Expect);
    this.OR({
      ERR_MSG:
        "an expectation: `rule \"…\"`, `otherwise`, `unmatched`, `team …`, `rep …`, `queue …`, `action \"…\"` or `unassigned`",
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Rule, { LABEL: "kind" });
            this.CONSUME(t.StringLiteral, { LABEL: "string" });
          },
        },
        { ALT: () => this.CONSUME(t.Otherwise, { LABEL: "kind" }) },
        { ALT: () => this.CONSUME(t.Unmatched, { LABEL: "kind" }) },
        {
          ALT: () => {
            this.CONSUME(t.Team, { LABEL: "kind" });
            this.CONSUME(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Rep, { LABEL: "kind" });
            this.CONSUME2(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Queue, { LABEL: "kind" });
            this.CONSUME3(t.Identifier, { LABEL: "name" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Action, { LABEL: "kind" });
            this.CONSUME2(t.StringLiteral, { LABEL: "string" });
          },
        },
        { ALT: () => this.CONSUME(t.Unassigned, { LABEL: "kind" }) },
      ],
    });
  });

  recordLiteral = this.RULE("recordLiteral", () => {
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.recordEntry));
    this.CONSUME(t.RCurly);
  });

  recordEntry = this.RULE("recordEntry", () => {
    this.CONSUME(t.FieldName, { LABEL: "field" });
    this.CONSUME(t.Colon);
    this.SUBRULE(this.literalValue);
    this.OPTION(() => this.CONSUME(t.Comma));
  });

  literalValue = this.RULE("literalValue", () => {
    this.OR({
      ERR_MSG: "a value: a string, a number, `true`, `false`, a name, `[…]` or `{…}`",
      DEF: [
        { ALT: () => this.SUBRULE(this.literal) },
        { ALT: () => this.SUBRULE(this.arrayLiteral) },
        { ALT: () => this.SUBRULE(this.recordLiteral) },
      ],
    });
  });

  arrayLiteral = this.RULE("arrayLiteral", () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.literalValue);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.literalValue);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
  });

  assertDecl = this.RULE("assertDecl", () => {
    this.CONSUME(t.Assert);
    this.CONSUME(t.StringLiteral, { LABEL: "name" });
    this.CONSUME(t.LCurly);
    this.CONSUME(t.In);
    this.CONSUME(t.Identifier, { LABEL: "router" });
    this.OPTION(() => {
      this.CONSUME(t.When);
      this.SUBRULE(this.condition);
    });
    this.OR({
      ERR_MSG: "`only to …`, `never to …` or `always assigned`",
      DEF: [
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(t.Only, { LABEL: "claim" }) },
              { ALT: () => this.CONSUME(t.Never, { LABEL: "claim" }) },
            ]);
            this.CONSUME(t.To);
            this.SUBRULE(this.target);
            this.MANY(() => {
              this.CONSUME(t.Comma);
              this.SUBRULE2(this.target);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Always, { LABEL: "claim" });
            this.CONSUME(t.Assigned);
          },
        },
      ],
    });
    this.CONSUME(t.RCurly);
  });
}

let instance: RouteParser | undefined;

/** The one parser instance (grammar analysis is costly: do it once). */
export function routeParser(): RouteParser {
  instance ??= new RouteParser();
  return instance;
}

export type { CstNode, IToken };
