// `require` clauses (brief §4): whether a rep's skills, languages or region
// meet a test, compared by name ignoring case. A rep lacking the attribute,
// or a record field on the right that is missing, never meets it.

import type { Require, RequireValue, TableRep } from "./table-format";
import { fold } from "./text";
import { readPath, type PathReader, type ReadContext } from "./values";

/** Whether the rep meets the requirement; `reader` types the record fields a value may name. */
export function meetsRequire(require: Require, rep: TableRep, context: ReadContext, reader: (path: string[]) => PathReader): boolean {
  const attribute = attributeNames(require.attribute, rep);
  if (attribute.length === 0) return false;
  const test = require.test;
  let holds: boolean;
  switch (test.op) {
    case "set":
      holds = true;
      break;
    case "empty":
      holds = false;
      break;
    case "startsWith":
    case "endsWith":
    case "contains": {
      const needle = fold(test.value);
      const op = test.op;
      holds = attribute.some((name) => (op === "startsWith" ? name.startsWith(needle) : op === "endsWith" ? name.endsWith(needle) : name.includes(needle)));
      break;
    }
    case "is":
    case "has": {
      const names = valueNames(test.value, context, reader);
      if (names === null) return false;
      holds = names.some((name) => attribute.includes(name));
      break;
    }
    case "in":
    case "hasAny":
    case "hasAll": {
      const names: string[] = [];
      for (const value of test.values) {
        const found = valueNames(value, context, reader);
        if (found === null) return false;
        names.push(...found);
      }
      holds = test.op === "hasAll" ? names.every((name) => attribute.includes(name)) : names.some((name) => attribute.includes(name));
      break;
    }
  }
  return require.negated ? !holds : holds;
}

function attributeNames(attribute: Require["attribute"], rep: TableRep): string[] {
  if (attribute === "region") return rep.region === null ? [] : [fold(rep.region)];
  return rep[attribute].map(fold);
}

/**
 * The names a require value stands for, folded: a literal, or what a record
 * field holds (an enum's member name, a rep's id, a set's known elements).
 * Null when the field is missing or holds nothing a name can be read from.
 */
function valueNames(value: RequireValue, context: ReadContext, reader: (path: string[]) => PathReader): string[] | null {
  if ("literal" in value) return [fold(value.literal)];
  const read = readPath(context, reader(value.field));
  switch (read.kind) {
    case "text":
      return [read.key];
    case "enum":
      return read.member === null ? null : [fold(read.member)];
    case "rep":
      return read.rep === null ? null : [fold(read.rep)];
    case "set":
      return read.keys.filter((key): key is string => key !== null).map(fold);
    default:
      return null;
  }
}

/** `skills has payroll`, `region is not "EMEA"` — for placement reasons. */
export function renderRequire(require: Require): string {
  const show = (value: RequireValue) => ("literal" in value ? JSON.stringify(value.literal) : value.field.join("."));
  const list = (values: RequireValue[]) => `[${values.map(show).join(", ")}]`;
  const not = require.negated;
  const test = require.test;
  let body: string;
  switch (test.op) {
    case "is":
      body = `is ${not ? "not " : ""}${show(test.value)}`;
      break;
    case "in":
      body = `${not ? "not " : ""}in ${list(test.values)}`;
      break;
    case "has":
      body = `${not ? "does not have" : "has"} ${show(test.value)}`;
      break;
    case "hasAny":
      body = `has ${not ? "none" : "any"} of ${list(test.values)}`;
      break;
    case "hasAll":
      body = `${not ? "does not have" : "has"} all of ${list(test.values)}`;
      break;
    case "set":
      body = `is ${not ? "not " : ""}set`;
      break;
    case "empty":
      body = `is ${not ? "not " : ""}empty`;
      break;
    default:
    {
      const verb = test.op === "startsWith" ? "start with" : test.op === "endsWith" ? "end with" : "contain";
      body = `${not ? `does not ${verb}` : verb.replace(/^(\w+)/, "$1s")} ${JSON.stringify(test.value)}`;
    }
  }
  return `require ${require.attribute} ${body}`;
}
