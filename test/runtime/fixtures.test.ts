// Every case of every runtime fixture (test/fixtures/runtime/*.json) through match and place.

import { describe, it } from "vitest";
import { check, fixtureFiles, readFixture } from "./harness";

for (const file of fixtureFiles()) {
  const fixture = readFixture(file);
  describe(file, () => {
    fixture.cases.forEach((item, i) => {
      it(item.name ?? `case ${i}: ${item.router} ${JSON.stringify(item.record)}`, () => {
        check(fixture, file, item);
      });
    });
  });
}
