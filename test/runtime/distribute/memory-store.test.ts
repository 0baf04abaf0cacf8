// The distribution scenarios against the in-memory store (the default).
import { describe } from "vitest";
import { MemoryStore } from "../../../runtime/index";
import { distributionScenarios } from "./scenarios";

describe("choosing the person with the MemoryStore", () => {
  distributionScenarios(() => new MemoryStore());
});
