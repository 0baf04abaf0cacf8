// The editor services' map of names: every place a declaration, record field,
// enum member or rule is named in a checked workspace, keyed by what it refers
// to. Definition, references, rename, hover and semantic tokens all read it.

import type { Span } from "../diagnostics/diagnostic";
import type {
  Condition,
  Literal,
  LiteralValue,
  Name,
  NamedDeclaration,
  Path,
  Predicate,
  RecordLiteral,
  SourceFile,
  Target,
} from "../syntax/ast";
import type { FieldType, Program } from "../semantics/model";

/** What a name refers to. */
export type SymbolKey =
  | { kind: "declaration"; declarationKind: NamedDeclaration["kind"]; name: string }
  | { kind: "field"; record: string; field: string }
  | { kind: "member"; enumName: string; member: string }
  | { kind: "rule"; router: string; rule: string };

export interface Occurrence {
  key: SymbolKey;
  /** The name itself (for a rule, the string literal with its quotes). */
  span: Span;
  /** True where the name is declared. */
  declaration: boolean;
}

export interface SymbolIndex {
  program: Program;
  /** Every occurrence, by file, in offset order. */
  byFile: Map<string, Occurrence[]>;
  /** Every occurrence, by `keyId`. */
  byKey: Map<string, Occurrence[]>;
  /** Where each named declaration of the program is, by name. */
  declarations: Map<string, { declaration: NamedDeclaration; file: string }>;
}

export function keyId(key: SymbolKey): string {
  switch (key.kind) {
    case "declaration":
      return `declaration:${key.name}`;
    case "field":
      return `field:${key.record}.${key.field}`;
    case "member":
      return `member:${key.enumName}.${key.member}`;
    case "rule":
      return `rule:${key.router}/${key.rule}`;
  }
}

/** Indexes every name of every file the program loaded. Never throws on a partial tree. */
export function indexProgram(program: Program): SymbolIndex {
  const index: SymbolIndex = { program, byFile: new Map(), byKey: new Map(), declarations: new Map() };
  for (const file of program.files) {
    for (const declaration of file.declarations) {
      if (declaration.kind === "test" || declaration.kind === "assert") continue;
      if (!index.declarations.has(declaration.name.text)) index.declarations.set(declaration.name.text, { declaration, file: file.path });
    }
  }
  for (const file of program.files) new FileIndexer(index, file).run();
  for (const list of index.byFile.values()) list.sort((a, b) => a.span.start - b.span.start);
  return index;
}

/** The occurrence under `offset` in `file`, if any (the end of a name counts, as editors place the caret there). */
export function occurrenceAt(index: SymbolIndex, file: string, offset: number): Occurrence | undefined {
  const list = index.byFile.get(file) ?? [];
  return list.find((occurrence) => occurrence.span.start <= offset && offset <= occurrence.span.end);
}

/** The type of a field path from a record, or undefined when some segment does not resolve. */
export function fieldTypeOf(program: Program, record: string, path: string[]): (FieldType & { record: string }) | undefined {
  let current = record;
  let type: (FieldType & { record: string }) | undefined;
  for (const segment of path) {
    const model = program.records.get(current);
    const field = model?.fields.get(segment);
    if (!field) return undefined;
    type = { ...field, record: current };
    if (field.type === "record") current = field.record;
  }
  return type;
}

/** The enum a field type's values come from (the element enum for a set). */
export function enumOfType(type: FieldType | undefined): string | undefined {
  if (!type) return undefined;
  if (type.type === "enum") return type.enum;
  if (type.type === "set" && type.element.type === "enum") return type.element.enum;
  return undefined;
}

// ---------------------------------------------------------------------------

class FileIndexer {
  constructor(
    private readonly index: SymbolIndex,
    private readonly file: SourceFile,
  ) {}

  run(): void {
    for (const declaration of this.file.declarations) {
      switch (declaration.kind) {
        case "enum":
          this.declare(declaration);
          for (const member of declaration.members) this.add({ kind: "member", enumName: declaration.name.text, member: member.name.text }, member.name.span, true);
          break;
        case "list":
          this.declare(declaration);
          for (const item of declaration.items) this.literal(item, undefined);
          break;
        case "record":
          this.declare(declaration);
          for (const field of declaration.fields) {
            this.add({ kind: "field", record: declaration.name.text, field: field.name.text }, field.name.span, true);
            if (field.type.base.kind === "named") this.reference(field.type.base.name);
          }
          break;
        case "rep":
          this.declare(declaration);
          for (const attribute of declaration.attributes) {
            if (attribute.kind === "hours") this.reference(attribute.hours);
            if (attribute.kind === "manager") this.reference(attribute.manager);
          }
          break;
        case "team":
          this.declare(declaration);
          for (const member of declaration.members) this.reference(member.rep);
          break;
        case "queue":
        case "hours":
          this.declare(declaration);
          break;
        case "score": {
          this.declare(declaration);
          if (declaration.record) this.reference(declaration.record);
          const record = declaration.record?.text ?? this.recordUsingScore(declaration.name.text);
          for (const line of declaration.lines) this.condition(line.condition, record);
          break;
        }
        case "router": {
          this.declare(declaration);
          this.reference(declaration.record);
          const record = declaration.record.text;
          const router = declaration.name.text;
          for (const rule of declaration.rules) {
            if (rule.name) this.add({ kind: "rule", router, rule: rule.name.value }, rule.name.span, true);
            this.clauses(rule.clauses, record);
          }
          if (declaration.otherwise) this.clauses(declaration.otherwise.clauses, record);
          break;
        }
        case "test": {
          this.reference(declaration.router);
          const record = this.recordOfRouter(declaration.router.text);
          if (declaration.record) this.recordLiteral(declaration.record, record);
          for (const item of declaration.items) {
            if (item.kind === "unavailable") item.reps.forEach((rep) => this.reference(rep));
            if (item.kind === "expect") {
              const expectation = item.expectation;
              if (expectation.kind === "team" || expectation.kind === "rep" || expectation.kind === "queue") this.reference(expectation.name);
              if (expectation.kind === "rule") this.add({ kind: "rule", router: declaration.router.text, rule: expectation.name.value }, expectation.name.span, false);
            }
          }
          break;
        }
        case "assert": {
          this.reference(declaration.router);
          const record = this.recordOfRouter(declaration.router.text);
          if (declaration.when) this.condition(declaration.when, record);
          if (declaration.claim.kind !== "always-assigned") declaration.claim.targets.forEach((target) => this.target(target, record));
          break;
        }
      }
    }
  }

  private clauses(clauses: import("../syntax/ast").Clause[], record: string | undefined): void {
    for (const clause of clauses) {
      switch (clause.kind) {
        case "when":
          this.condition(clause.condition, record);
          break;
        case "assign":
        case "fallback":
        case "notify":
          this.target(clause.target, record);
          break;
        case "sla":
          if (clause.then?.kind === "escalate") this.target(clause.then.target, record);
          break;
        case "require":
          this.requireValue(clause.predicate, record);
          break;
        case "reason":
          break;
      }
    }
  }

  private target(target: Target, record: string | undefined): void {
    if (target.kind === "team" || target.kind === "rep" || target.kind === "queue") this.reference(target.name);
    if (target.kind === "field" || target.kind === "manager") this.path(target.path, record);
  }

  private condition(condition: Condition, record: string | undefined): void {
    switch (condition.kind) {
      case "or":
      case "and":
        condition.items.forEach((item) => this.condition(item, record));
        return;
      case "not":
        this.condition(condition.operand, record);
        return;
      case "paren":
        this.condition(condition.inner, record);
        return;
      case "within":
        this.reference(condition.hours);
        return;
      case "test": {
        const segments = condition.subject.segments;
        // A lone name that is a score refers to the score, not a field.
        const first = segments[0];
        if (segments.length === 1 && first && this.index.declarations.get(first.text)?.declaration.kind === "score") {
          this.reference(first);
        } else {
          this.path(condition.subject, record);
        }
        const type = record ? fieldTypeOf(this.index.program, record, segments.map((segment) => segment.text)) : undefined;
        if (condition.predicate) this.predicate(condition.predicate, enumOfType(type));
        return;
      }
    }
  }

  private predicate(predicate: Predicate, enumName: string | undefined): void {
    switch (predicate.kind) {
      case "is":
      case "has":
        this.literal(predicate.value, enumName);
        return;
      case "in":
      case "has-any":
      case "has-all":
      case "has-none":
        if (predicate.operand.kind === "list") this.reference(predicate.operand.name);
        else predicate.operand.items.forEach((item) => this.literal(item, enumName));
        return;
      default:
        return;
    }
  }

  /** In `require`, a bare name on the right is a field of the router's record when there is one. */
  private requireValue(predicate: Predicate, record: string | undefined): void {
    const values: Literal[] =
      predicate.kind === "is" || predicate.kind === "has"
        ? [predicate.value]
        : (predicate.kind === "in" || predicate.kind === "has-any" || predicate.kind === "has-all" || predicate.kind === "has-none") && predicate.operand.kind === "items"
          ? predicate.operand.items
          : [];
    for (const value of values) {
      if (value.kind === "name" && !value.qualifier && record && this.index.program.records.get(record)?.fields.has(value.name.text)) {
        this.add({ kind: "field", record, field: value.name.text }, value.name.span, false);
      }
    }
  }

  private literal(literal: Literal, enumName: string | undefined): void {
    if (literal.kind !== "name") return;
    if (literal.qualifier) {
      const qualified = literal.qualifier.text;
      this.reference(literal.qualifier);
      if (this.index.program.enums.get(qualified)?.members.some((member) => member.name === literal.name.text)) {
        this.add({ kind: "member", enumName: qualified, member: literal.name.text }, literal.name.span, false);
      }
      return;
    }
    if (enumName && this.index.program.enums.get(enumName)?.members.some((member) => member.name === literal.name.text)) {
      this.add({ kind: "member", enumName, member: literal.name.text }, literal.name.span, false);
      return;
    }
    // A rep id where a rep is expected (`is alice`), or a list's member of an unnamed enum.
    const declared = this.index.declarations.get(literal.name.text);
    if (declared && declared.declaration.kind === "rep") this.reference(literal.name);
    else if (!enumName) {
      const owner = [...this.index.program.enums.values()].find((model) => model.members.some((member) => member.name === literal.name.text));
      if (owner) this.add({ kind: "member", enumName: owner.name, member: literal.name.text }, literal.name.span, false);
    }
  }

  private recordLiteral(literal: RecordLiteral, record: string | undefined): void {
    for (const entry of literal.entries) {
      if (record && this.index.program.records.get(record)?.fields.has(entry.field.text)) {
        this.add({ kind: "field", record, field: entry.field.text }, entry.field.span, false);
      }
      const type = record ? fieldTypeOf(this.index.program, record, [entry.field.text]) : undefined;
      this.literalValue(entry.value, type);
    }
  }

  private literalValue(value: LiteralValue, type: FieldType | undefined): void {
    if (value.kind === "array") value.items.forEach((item) => this.literalValue(item, type));
    else if (value.kind === "record") this.recordLiteral(value, type?.type === "record" ? type.record : undefined);
    else this.literal(value, enumOfType(type));
  }

  private path(path: Path, record: string | undefined): void {
    let current = record;
    for (const segment of path.segments) {
      if (!current) return;
      const field = this.index.program.records.get(current)?.fields.get(segment.text);
      if (!field) return;
      this.add({ kind: "field", record: current, field: segment.text }, segment.span, false);
      current = field.type === "record" ? field.record : undefined;
    }
  }

  private declare(declaration: NamedDeclaration): void {
    if (!declaration.name) return;
    this.add({ kind: "declaration", declarationKind: declaration.kind, name: declaration.name.text }, declaration.name.span, true);
  }

  private reference(name: Name | undefined): void {
    if (!name) return;
    const declared = this.index.declarations.get(name.text);
    if (!declared) return;
    this.add({ kind: "declaration", declarationKind: declared.declaration.kind, name: name.text }, name.span, false);
  }

  private add(key: SymbolKey, span: Span, declaration: boolean): void {
    const occurrence: Occurrence = { key, span, declaration };
    const inFile = this.index.byFile.get(span.file);
    if (inFile) inFile.push(occurrence);
    else this.index.byFile.set(span.file, [occurrence]);
    const id = keyId(key);
    const same = this.index.byKey.get(id);
    if (same) same.push(occurrence);
    else this.index.byKey.set(id, [occurrence]);
  }

  private recordOfRouter(router: string | undefined): string | undefined {
    if (!router) return undefined;
    return this.index.program.routers.get(router)?.record;
  }

  /** A score without `for` is read against the record of a router that uses it; the first one found stands in. */
  private recordUsingScore(score: string): string | undefined {
    for (const router of this.index.program.routers.values()) {
      const uses = JSON.stringify(router.rules.map((rule) => rule.condition)).includes(`"score":"${score}"`);
      if (uses) return router.record;
    }
    const only = [...this.index.program.routers.values()][0];
    return only?.record;
  }
}

/** Text of a span in its file, when the program kept the text. */
export function spanText(program: Program, span: Span): string | undefined {
  const file = program.files.find((candidate) => candidate.path === span.file);
  return file?.text?.slice(span.start, span.end);
}
