// Small boards for the unit tests of the board's pure logic (not a test file itself).
import type { BoardJson, CardJson, ColumnJson } from "@/lib/validations/board";

export function column(id: string, position: string, extra: Partial<ColumnJson> = {}): ColumnJson {
  return { id, name: id, position, color: null, wipLimit: null, wipMode: "soft", version: 1, ...extra };
}

export function card(id: string, columnId: string, position: string, extra: Partial<CardJson> = {}): CardJson {
  return {
    id,
    boardId: "b1",
    columnId,
    laneId: null,
    position,
    title: `Card ${id}`,
    description: null,
    hasDescription: extra.description != null,
    dueAt: null,
    priority: "none",
    coverColor: null,
    labelIds: [],
    assigneeIds: [],
    checklist: { done: 0, total: 0 },
    commentCount: 0,
    customer: null,
    transaction: null,
    archivedAt: null,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

export function board(extra: Partial<BoardJson> = {}): BoardJson {
  return {
    id: "b1",
    name: "Shop floor",
    description: null,
    color: "blue",
    swimlanesEnabled: false,
    archivedAt: null,
    seq: 10,
    version: 1,
    role: "editor",
    columns: [column("todo", "a0", { name: "To do" }), column("doing", "a1", { name: "Doing" })],
    lanes: [],
    labels: [],
    members: [{ userId: "u1", name: "Maya Lindqvist", username: "maya", role: "owner" }],
    // Sorted as the server sends them: by position, then id.
    cards: [card("c1", "todo", "a0"), card("c3", "doing", "a0"), card("c2", "todo", "a1")],
    ...extra,
  };
}
