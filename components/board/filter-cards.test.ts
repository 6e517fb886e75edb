import { describe, expect, it } from "vitest";
import { card } from "@/components/board/board-test-kit";
import {
  EMPTY_FILTER,
  addDays,
  dueStatus,
  isFiltering,
  matchesFilter,
  parseFilter,
  type BoardFilter,
} from "@/components/board/filter-cards";

const today = "2026-03-10";
const ctx = { me: "u1", today, labelNames: new Map([["l1", "Urgent"]]) };
const f = (extra: Partial<BoardFilter>): BoardFilter => ({ ...EMPTY_FILTER, ...extra });
const noon = (day: string) => `${day}T12:00:00.000Z`;

describe("parseFilter", () => {
  it("reads known values and ignores the rest", () => {
    expect(parseFilter(new URLSearchParams("q=%20box%20&assignee=me&due=week&priority=high&label=l1"))).toEqual({
      q: "box",
      assignee: "me",
      label: "l1",
      due: "week",
      priority: "high",
    });
    expect(parseFilter(new URLSearchParams("due=tomorrow&priority=critical&card=c1"))).toEqual(EMPTY_FILTER);
  });

  it("knows when anything is filtered", () => {
    expect(isFiltering(EMPTY_FILTER)).toBe(false);
    expect(isFiltering(f({ label: "l1" }))).toBe(true);
  });
});

describe("due dates", () => {
  it("reads a day as overdue, today, this week or later", () => {
    expect(dueStatus(noon("2026-03-09"), today)).toBe("overdue");
    expect(dueStatus(noon("2026-03-10"), today)).toBe("today");
    expect(dueStatus(noon("2026-03-16"), today)).toBe("week");
    expect(dueStatus(noon("2026-03-17"), today)).toBe("later");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
  });
});

describe("matchesFilter", () => {
  const mine = card("a", "todo", "a0", { assigneeIds: ["u1"], labelIds: ["l1"], priority: "high" });
  const theirs = card("b", "todo", "a1", { assigneeIds: ["u2"], dueAt: noon("2026-03-01"), title: "Window display" });
  const soon = card("c", "todo", "a2", { dueAt: noon("2026-03-12"), title: "Call the supplier" });

  const pick = (filter: BoardFilter) =>
    [mine, theirs, soon].filter((c) => matchesFilter(c, filter, ctx)).map((c) => c.id);

  it("passes everything without filters", () => expect(pick(EMPTY_FILTER)).toEqual(["a", "b", "c"]));
  it("filters by me or by a member", () => {
    expect(pick(f({ assignee: "me" }))).toEqual(["a"]);
    expect(pick(f({ assignee: "u2" }))).toEqual(["b"]);
  });
  it("filters by label and priority", () => {
    expect(pick(f({ label: "l1" }))).toEqual(["a"]);
    expect(pick(f({ priority: "high" }))).toEqual(["a"]);
    expect(pick(f({ priority: "low" }))).toEqual([]);
  });
  it("filters by due date", () => {
    expect(pick(f({ due: "overdue" }))).toEqual(["b"]);
    expect(pick(f({ due: "week" }))).toEqual(["c"]);
    expect(pick(f({ due: "none" }))).toEqual(["a"]);
  });
  // The board holds lean cards (no description): the search reads what the tiles show.
  it("searches titles and label names, every word", () => {
    expect(pick(f({ q: "window" }))).toEqual(["b"]);
    expect(pick(f({ q: "SUPPLIER call" }))).toEqual(["c"]);
    expect(pick(f({ q: "details" }))).toEqual([]);
    expect(pick(f({ q: "urgent" }))).toEqual(["a"]);
    expect(pick(f({ q: "window supplier" }))).toEqual([]);
  });
  it("combines filters", () => expect(pick(f({ assignee: "me", due: "overdue" }))).toEqual([]));
});
