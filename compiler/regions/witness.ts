// Turns one assignment of the region variables into a concrete record (and
// routing instant): the example record every finding shows. The assignment
// must lie outside the invalid cubes; then the record fits the record
// declaration and does what the regions say.

import { foldText } from "../../language/semantics/evaluate";
import type { FieldType, JsonValue, Program, RecordValue } from "../../language/semantics/model";
import type { RegionBuilder, FieldSubject } from "./build";
import { type Cube, fullMask, lowestBit } from "./cubes";
import { fillerFor, stringWith, type TextFeature } from "./text-features";
import { YES } from "./variables";

export interface Witness {
  record: RecordValue;
  /** ISO instant to route at, when the router reads `within`; else null. */
  at: string | null;
}

/** A record and instant in `cube` (the lowest value of each variable). */
export function witnessOf(regions: RegionBuilder, cube: Cube): Witness {
  const pick = (variable: number) => lowestBit(cube.get(variable) ?? fullMask(regions.sizes[variable]!));
  const record = fill(regions, regions.router.record, [], pick) as RecordValue;
  let at: string | null = null;
  if (regions.instant !== null) {
    const value = regions.variables[regions.instant]!.values[pick(regions.instant)];
    if (value?.kind === "instant") at = value.at;
  }
  return { record, at };
}

const MISSING = Symbol("missing");

function fill(regions: RegionBuilder, recordName: string, prefix: string[], pick: (variable: number) => number): { [key: string]: JsonValue } {
  const result: { [key: string]: JsonValue } = {};
  const record = regions.program.records.get(recordName);
  for (const [name, type] of record?.fields ?? []) {
    const path = [...prefix, name];
    const subject = regions.subjects.get(path.join("."));
    const value = subject ? decode(regions, subject, pick) : type.optional ? MISSING : defaultValue(regions.program, type, regions, path, pick);
    if (value !== MISSING) result[name] = value;
  }
  return result;
}

function decode(regions: RegionBuilder, subject: FieldSubject, pick: (variable: number) => number): JsonValue | typeof MISSING {
  const type = subject.type;
  if (subject.presence !== undefined && pick(subject.presence) === 1) return MISSING;
  if (type.type === "set") return setValue(regions, subject, pick);
  if (subject.value === undefined) {
    // A related record that cannot be missing.
    return type.type === "record" ? fill(regions, type.record, subject.path, pick) : MISSING;
  }
  const value = regions.variables[subject.value]!.values[pick(subject.value)]!;
  switch (value.kind) {
    case "missing":
      return MISSING;
    case "present":
      return type.type === "record" ? fill(regions, type.record, subject.path, pick) : MISSING;
    case "member":
      return value.wire;
    case "number":
      return value.example;
    case "boolean":
      return value.value;
    case "rep":
      return value.id;
    case "unknown-rep":
      return unknownRep(regions.program);
    case "text":
      return value.value;
    case "other-text": {
      const holding: TextFeature[] = [];
      for (const variable of subject.features?.values() ?? []) {
        if (pick(variable) === YES) holding.push(regions.variables[variable]!.feature!);
      }
      return stringWith(holding, fillerFor(textConstants(regions, subject)));
    }
    default:
      return MISSING;
  }
}

function textConstants(regions: RegionBuilder, subject: FieldSubject): string[] {
  const constants: string[] = [];
  for (const value of regions.variables[subject.value!]!.values) if (value.kind === "text") constants.push(value.value);
  for (const variable of subject.features?.values() ?? []) constants.push(regions.variables[variable]!.feature!.value);
  return constants;
}

function setValue(regions: RegionBuilder, subject: FieldSubject, pick: (variable: number) => number): JsonValue {
  const type = subject.type as Extract<FieldType, { type: "set" }>;
  const items: string[] = [];
  const program = regions.program;
  const wireOf = (name: string) => program.enums.get(type.element.type === "enum" ? type.element.enum : "")?.members.find((member) => member.name === name)?.wire ?? name;
  for (const [element, variable] of subject.elements ?? []) {
    if (pick(variable) === YES) items.push(type.element.type === "enum" ? wireOf(element) : element);
  }
  if (subject.other !== undefined && pick(subject.other) === YES) {
    const mentioned = new Set(subject.elements?.keys() ?? []);
    if (type.element.type === "enum") {
      const member = program.enums.get(type.element.enum)?.members.find((candidate) => !mentioned.has(candidate.name));
      if (member) items.push(member.wire);
    } else if (type.element.type === "rep") {
      const rep = [...program.reps.keys()].find((id) => !mentioned.has(id));
      items.push(rep ?? unknownRep(program));
    } else {
      items.push(stringWith([], fillerFor([...mentioned])));
    }
  }
  return items;
}

/** A value for a required field no test reads. */
function defaultValue(program: Program, type: FieldType, regions: RegionBuilder, path: string[], pick: (variable: number) => number): JsonValue {
  switch (type.type) {
    case "text":
      return "";
    case "number":
      return 0;
    case "boolean":
      return false;
    case "enum":
      return program.enums.get(type.enum)?.members[0]?.wire ?? "";
    case "rep":
      return [...program.reps.keys()][0] ?? unknownRep(program);
    case "set":
      return [];
    case "record":
      return fill(regions, type.record, path, pick);
  }
}

/** A rep value that names nobody in the roster. */
export function unknownRep(program: Program): string {
  const taken = new Set<string>();
  for (const rep of program.reps.values()) {
    taken.add(foldText(rep.id));
    if (rep.email) taken.add(foldText(rep.email));
    for (const id of rep.ids) taken.add(foldText(id));
  }
  let candidate = "nobody@example.com";
  for (let index = 2; taken.has(candidate); index++) candidate = `nobody${index}@example.com`;
  return candidate;
}
