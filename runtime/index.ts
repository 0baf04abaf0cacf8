// The runtime's public API: load a compiled table, match records, place them
// without distribution state. Imports nothing outside runtime/ — it runs in
// services and browsers alike.

export { TableError } from "./table-error";
export { loadTable, type LoadOptions } from "./load";
export type { LoadedTable } from "./loaded-table";
export { match, type MatchOptions } from "./match";
export type { MatchDecision } from "./match-decision";
export { place, type PlaceOptions, type Placement, type Candidate } from "./place";
export { TABLE_FORMAT } from "./table-format";
export type {
  Table,
  Decision,
  Target,
  TraceEntry,
  Condition,
  Test,
  Scalar,
  FieldType,
  ElementType,
  ValueType,
  Method,
  Step,
  Require,
  RequireTest,
  RequireValue,
  Sla,
  SourceLocation,
  TableEnum,
  TableList,
  TableRecord,
  TableHours,
  TableScore,
  TableRoster,
  TableRep,
  TableTeam,
  TableRouter,
  TableOutcome,
  TableRule,
} from "./table-format";

// Choosing the person: distribution over a store (brief §6.2–6.5).
export { createRouter, Router, type RouterOptions, type RouteOptions, type EventOptions } from "./distribute/router";
export type { RoutedDecision, RouteStep, Assignee, PeopleTraceEntry } from "./distribute/decision";
export type { Store, Presence, ClaimRequest, ClaimResult, ClaimStep, ClaimCandidate, CapCounter, StoreRejection } from "./distribute/store";
export { MemoryStore, type MemoryStoreOptions } from "./stores/memory";
