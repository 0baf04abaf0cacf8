// The "Done when" scenarios for choosing the person, written once and
// run against every store (memory here, Redis in test/redis/), so both stores
// are held to the same numbers.
import { expect, it } from "vitest";
import type { RoutedDecision, Store } from "../../../runtime/index";
import { routerFor, whyNot } from "./harness";

const lead = { region: "EMEA", language: "en" };
const FRIDAY = "2026-12-04T10:00Z";

function assignees(decisions: RoutedDecision[]): string[] {
  return decisions.map((decision) => decision.assignee.id ?? decision.assignee.kind);
}

export function distributionScenarios(makeStore: () => Store | Promise<Store>): void {
  it("round robin over 3 with one away for 4 leads: the others alternate; on return the away member gets the next lead, no burst", async () => {
    const router = routerFor("people.route", await makeStore());
    await router.setPresence("ben", "away");
    const decisions: RoutedDecision[] = [];
    for (let i = 0; i < 4; i++) decisions.push(await router.route("rr", lead, { id: `rr-${i}`, at: FRIDAY }));
    expect(assignees(decisions)).toEqual(["ann", "cat", "ann", "cat"]);
    expect(whyNot(decisions[0]!.trace)).toContain("primary ben: away");
    await router.setPresence("ben", "online");
    for (let i = 4; i < 10; i++) decisions.push(await router.route("rr", lead, { id: `rr-${i}`, at: FRIDAY }));
    expect(assignees(decisions.slice(4))).toEqual(["ben", "ann", "cat", "ben", "ann", "cat"]);
    // §9's order, the match's members first: the match decision's trace is a getter, not an own field to spread.
    expect(Object.keys(decisions[0]!).slice(0, 8)).toEqual(["outcome", "rule", "priority", "target", "fallbacks", "trace", "at", "id"]);
  });

  it("weights 2 / 1 / 0.5 over 14 leads give exactly 8 / 4 / 2, every prefix within one lead of its share", async () => {
    const router = routerFor("people.route", await makeStore());
    const weights: Record<string, number> = { wally: 2, wendy: 1, walt: 0.5 };
    const counts: Record<string, number> = { wally: 0, wendy: 0, walt: 0 };
    for (let i = 1; i <= 14; i++) {
      const decision = await router.route("wrr", lead, { id: `wrr-${i}`, at: FRIDAY });
      counts[decision.assignee.id!]! += 1;
      for (const rep of Object.keys(weights)) expect(Math.abs(counts[rep]! - (i * weights[rep]!) / 3.5), `${rep} after ${i} leads`).toBeLessThanOrEqual(1);
    }
    expect(counts).toEqual({ wally: 8, wendy: 4, walt: 2 });
  });

  it("capacity: a rep at capacity is skipped until release; when all are at capacity the fallback runs and the trace says why for each", async () => {
    const router = routerFor("people.route", await makeStore());
    const first = await router.route("capacity", lead, { id: "c1", at: FRIDAY });
    const second = await router.route("capacity", lead, { id: "c2", at: FRIDAY });
    const third = await router.route("capacity", lead, { id: "c3", at: FRIDAY });
    expect(assignees([first, second, third])).toEqual(["cap1", "cap2", "cap1"]);
    expect(whyNot(third.trace)).toEqual(["primary cap2: at capacity 1/1"]);
    const full = await router.route("capacity", lead, { id: "c4", at: FRIDAY });
    expect(full.step).toBe("fallback-1");
    expect(full.assignee).toEqual({ kind: "queue", id: "overflow" });
    expect(whyNot(full.trace)).toEqual(["primary cap1: at capacity 2/2", "primary cap2: at capacity 1/1"]);
    await router.release("c2");
    await router.release("c2"); // releasing twice frees once
    expect(await router.store.openCounts()).toEqual({ cap1: 2 });
    const after = await router.route("capacity", lead, { id: "c5", at: FRIDAY });
    expect(after.assignee).toEqual({ kind: "rep", id: "cap2" });
  });

  it("caps count per calendar day in the rep's zone", async () => {
    const router = routerFor("people.route", await makeStore());
    const day = ["2026-12-04T09:00Z", "2026-12-04T10:00Z", "2026-12-04T11:00Z"];
    const decisions = [];
    for (const [i, at] of day.entries()) decisions.push(await router.route("caps", lead, { id: `cap-${i}`, at }));
    expect(assignees(decisions)).toEqual(["daily", "daily", "overflow"]);
    expect(whyNot(decisions[2]!.trace)).toEqual(["primary daily: over today's cap 2/2"]);
    const monday = await router.route("caps", lead, { id: "cap-next", at: "2026-12-07T09:00Z" });
    expect(monday.assignee).toEqual({ kind: "rep", id: "daily" });
  });

  it("a decline excludes the decliner; with `excluding last 1` and a single eligible member the fallbacks run", async () => {
    const router = routerFor("people.route", await makeStore());
    const routed = await router.route("decline", lead, { id: "d1", at: FRIDAY });
    expect(routed.assignee).toEqual({ kind: "rep", id: "ann" });
    const declined = (await router.decline("d1", { at: FRIDAY }))!;
    expect(declined.step).toBe("reassign-1");
    expect(declined.assignee).toEqual({ kind: "rep", id: "ben" });
    expect(whyNot(declined.trace)).toContain("reassign-1 ann: excluded as a previous assignee");
    expect(await router.store.openCounts()).toEqual({ ben: 1 });

    const single = await router.route("single", lead, { id: "s1", at: FRIDAY });
    expect(single.assignee).toEqual({ kind: "rep", id: "solo" });
    const alone = (await router.decline("s1", { at: FRIDAY }))!;
    expect(alone.step).toBe("fallback-1");
    expect(alone.assignee).toEqual({ kind: "queue", id: "overflow" });
    expect(whyNot(alone.trace)).toEqual(["reassign-1 solo: excluded as a previous assignee"]);
  });

  it("SLA in business hours: assigned Friday 16:30 with 60 business minutes on 09:00-17:00 is due Monday 09:30 in that zone", async () => {
    const router = routerFor("people.route", await makeStore());
    const decision = await router.route("single", lead, { id: "sla", at: "2026-12-04T16:30+01:00" });
    expect(decision.assignee).toEqual({ kind: "rep", id: "solo" });
    expect(decision.slaDeadline).toBe("2026-12-07T08:30:00.000Z"); // Monday 09:30 Europe/Berlin (UTC+1)
  });

  it("routing the same decision id twice returns the same decision and counts once", async () => {
    const router = routerFor("people.route", await makeStore());
    const first = await router.route("rr", lead, { id: "same", at: FRIDAY });
    const again = await router.route("rr", lead, { id: "same", at: FRIDAY });
    expect(again).toEqual(first);
    expect(await router.store.openCounts()).toEqual({ ann: 1 });
    expect((await router.route("rr", lead, { id: "other", at: FRIDAY })).assignee.id).toBe("ben");
  });

  it("broadcast: a decline removes only the decliner; the first to accept gets it; when all decline the fallbacks run", async () => {
    const router = routerFor("people.route", await makeStore());
    const offered = await router.route("broadcast", lead, { id: "b1", at: FRIDAY });
    expect(offered.assignee).toEqual({ kind: "offered" });
    expect(offered.offeredTo).toEqual(["o1", "o2", "o3"]);
    expect(offered.slaDeadline).toBe("2026-12-04T10:05:00.000Z");
    const fewer = (await router.decline("b1", { rep: "o2", at: FRIDAY }))!;
    expect(fewer.offeredTo).toEqual(["o1", "o3"]);
    const accepted = (await router.accept("b1", { rep: "o3", at: FRIDAY }))!;
    expect(accepted.assignee).toEqual({ kind: "rep", id: "o3" });
    expect(accepted.slaDeadline).toBeNull();
    expect(await router.store.openCounts()).toEqual({ o3: 1 });

    await router.route("broadcast", lead, { id: "b2", at: FRIDAY });
    for (const rep of ["o1", "o2"]) await router.decline("b2", { rep, at: FRIDAY });
    const rerouted = (await router.decline("b2", { rep: "o3", at: FRIDAY }))!;
    expect(rerouted.step).toBe("fallback-1");
    expect(rerouted.assignee).toEqual({ kind: "queue", id: "overflow" });
  });

  it("`then escalate to` goes straight to the escalation target when the SLA passes", async () => {
    const router = routerFor("people.route", await makeStore());
    const routed = await router.route("escalating", lead, { id: "e1", at: FRIDAY });
    expect(routed.slaDeadline).toBe("2026-12-04T10:00:30.000Z");
    const escalated = (await router.expire("e1", { at: "2026-12-04T10:01Z" }))!;
    expect(escalated.step).toBe("escalation");
    expect(escalated.assignee).toEqual({ kind: "rep", id: "cap1" });
    expect(escalated.placedBy).toMatchObject({ kind: "team", id: "capped" });
  });

  it("owner targets fall back when the owner is not eligible; `also notify manager of` lists the manager", async () => {
    const router = routerFor("people.route", await makeStore());
    const owned = await router.route("owner", { ...lead, owner: "cap1" }, { id: "o1", at: FRIDAY });
    expect(owned).toMatchObject({ step: "primary", assignee: { kind: "rep", id: "cap1" }, notified: ["boss"] });
    const stranger = await router.route("owner", { ...lead, owner: "nobody@x.com" }, { id: "o2", at: FRIDAY });
    expect(stranger).toMatchObject({ step: "fallback-1", assignee: { kind: "rep", id: "ann" } });
    expect(whyNot(stranger.trace).filter((line) => !line.includes("eligible"))).toEqual(["primary nobody@x.com: `owner` names no rep in the roster"]);
  });

  it("requires filter the primary target; outside hours and host unavailability are explained", async () => {
    const router = routerFor("people.route", await makeStore());
    const german = await router.route("required", { ...lead, language: "de" }, { id: "g1", at: FRIDAY });
    expect(german.assignee).toEqual({ kind: "rep", id: "ben" });
    expect(whyNot(german.trace).filter((line) => !line.includes("eligible"))).toEqual([
      "primary ann: does not meet require languages has language",
      "primary cat: does not meet require languages has language",
    ]);
    const night = await router.route("single", lead, { id: "n1", at: "2026-12-05T03:00Z" });
    expect(whyNot(night.trace)).toEqual(["primary solo: outside hours office"]);
    const away = await router.route("rr", lead, { id: "u1", at: FRIDAY, unavailable: ["ann"] });
    expect(away.assignee.id).toBe("cat"); // the team's rotation is shared: ben took the German lead
    expect(whyNot(away.trace)).toContain("primary ann: unavailable");
  });
}
