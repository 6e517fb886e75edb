// The board's structure over HTTP: columns, swimlanes and labels (POST on the collection, PATCH
// and DELETE on one, POST …/move for columns and lanes).
import { beforeAll, describe, expect, it } from "vitest";
import { POST as CREATE_COLUMN } from "./route";
import { DELETE as DELETE_COLUMN, PATCH as UPDATE_COLUMN } from "./[columnId]/route";
import { POST as MOVE_COLUMN } from "./[columnId]/move/route";
import { POST as CREATE_LANE } from "../lanes/route";
import { DELETE as DELETE_LANE, PATCH as UPDATE_LANE } from "../lanes/[laneId]/route";
import { POST as MOVE_LANE } from "../lanes/[laneId]/move/route";
import { POST as CREATE_LABEL } from "../labels/route";
import { DELETE as DELETE_LABEL, PATCH as UPDATE_LABEL } from "../labels/[labelId]/route";
import { GET as GET_BOARD, PATCH as UPDATE_BOARD } from "../route";
import { POST as CREATE_CARD } from "../cards/route";
import { POST as ARCHIVE_CARD } from "../cards/[cardId]/archive/route";
import { callRoute } from "@/test/call-route";
import type { BoardJson } from "@/lib/validations/board";
import { boardOf, fieldsOf, MISSING_ID, person, type Person } from "../../boards-api-test-kit";

let owner: Person;
let editor: Person;
let viewer: Person;
let outsider: Person;

beforeAll(async () => {
  owner = await person("staff");
  editor = await person("staff");
  viewer = await person("staff");
  outsider = await person("staff");
});

const base = (boardId: string) => `/api/v1/boards/${boardId}`;
const team = (body: Record<string, unknown> = {}) =>
  boardOf(owner, { editor: [editor], viewer: [viewer] }, { columns: ["To do", "Doing"], ...body });

async function load(boardId: string): Promise<BoardJson> {
  const res = await callRoute(GET_BOARD, "GET", base(boardId), { key: owner.key, params: { id: boardId } });
  return res.body.data;
}

async function addCard(boardId: string, body: Record<string, unknown>) {
  const res = await callRoute(CREATE_CARD, "POST", `${base(boardId)}/cards`, {
    key: editor.key,
    params: { id: boardId },
    body: { title: "Card", ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.card as { id: string; labelIds: string[]; version: number };
}

describe("columns", () => {
  it("an editor adds one at an index, changes its limit, moves it and deletes it once empty", async () => {
    const board = await team();
    const created = await callRoute(CREATE_COLUMN, "POST", `${base(board.id)}/columns`, {
      key: editor.key,
      params: { id: board.id },
      body: { name: "Review", index: 1, wipLimit: 2, wipMode: "hard", color: "amber" },
    });
    expect(created.status).toBe(201);
    const column = created.body.data;
    expect(column).toMatchObject({ name: "Review", wipLimit: 2, wipMode: "hard", color: "amber", version: 1 });
    expect((await load(board.id)).columns.map((c) => c.name)).toEqual(["To do", "Review", "Doing"]);
    const one = { id: board.id, columnId: column.id };
    const updated = await callRoute(UPDATE_COLUMN, "PATCH", `${base(board.id)}/columns/${column.id}`, {
      key: editor.key,
      params: one,
      body: { wipLimit: null, name: "Checking" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ name: "Checking", wipLimit: null, version: 2 });
    const moved = await callRoute(MOVE_COLUMN, "POST", `${base(board.id)}/columns/${column.id}/move`, {
      key: editor.key,
      params: one,
      body: { index: 0 },
    });
    expect(moved.status).toBe(200);
    expect((await load(board.id)).columns.map((c) => c.name)).toEqual(["Checking", "To do", "Doing"]);
    const deleted = await callRoute(DELETE_COLUMN, "DELETE", `${base(board.id)}/columns/${column.id}`, {
      key: editor.key,
      params: one,
    });
    expect(deleted.status).toBe(204);
    expect((await load(board.id)).columns.map((c) => c.name)).toEqual(["To do", "Doing"]);
  });

  it("refuses to delete a column holding cards, even archived ones, or the last column (409)", async () => {
    const board = await team();
    const [todo, doing] = board.columns.map((c) => c.id);
    const card = await addCard(board.id, { columnId: doing });
    await callRoute(ARCHIVE_CARD, "POST", `${base(board.id)}/cards/${card.id}/archive`, {
      key: editor.key,
      params: { id: board.id, cardId: card.id },
    });
    const held = await callRoute(DELETE_COLUMN, "DELETE", `${base(board.id)}/columns/${doing}`, {
      key: editor.key,
      params: { id: board.id, columnId: doing! },
    });
    expect(held.status).toBe(409);
    expect(held.body.detail).toContain("archived");
    const single = await boardOf(owner, {}, { columns: ["Only"] });
    const only = single.columns[0]!.id;
    const last = await callRoute(DELETE_COLUMN, "DELETE", `${base(single.id)}/columns/${only}`, {
      key: owner.key,
      params: { id: single.id, columnId: only },
    });
    expect(last.status).toBe(409);
    expect((await load(board.id)).columns.map((c) => c.id)).toEqual([todo, doing]);
  });

  it("answers 422 per field, 404 for another board's column, 403 for viewers, 404 for non-members", async () => {
    const board = await team();
    const other = await team();
    const column = board.columns[0]!.id;
    for (const [body, fields] of [
      [{ name: "" }, ["name"]],
      [{ name: "A", wipLimit: 0 }, ["wipLimit"]],
      [{ name: "A", wipLimit: 1000 }, ["wipLimit"]],
      [{ name: "A", wipMode: "strict" }, ["wipMode"]],
      [{ name: "A", color: "beige" }, ["color"]],
      [{ name: "A", position: "a0" }, ["_form"]],
    ] as const) {
      const res = await callRoute(CREATE_COLUMN, "POST", `${base(board.id)}/columns`, {
        key: editor.key,
        params: { id: board.id },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const badMove = await callRoute(MOVE_COLUMN, "POST", `${base(board.id)}/columns/${column}/move`, {
      key: editor.key,
      params: { id: board.id, columnId: column },
      body: { index: "first" },
    });
    expect(badMove.status).toBe(422);
    expect(fieldsOf(badMove.body)).toEqual(["index"]);
    for (const columnId of [other.columns[0]!.id, MISSING_ID]) {
      const res = await callRoute(UPDATE_COLUMN, "PATCH", `${base(board.id)}/columns/${columnId}`, {
        key: editor.key,
        params: { id: board.id, columnId },
        body: { name: "Hijack" },
      });
      expect(res.status, columnId).toBe(404);
    }
    const byViewer = await callRoute(UPDATE_COLUMN, "PATCH", `${base(board.id)}/columns/${column}`, {
      key: viewer.key,
      params: { id: board.id, columnId: column },
      body: { name: "Viewer" },
    });
    expect(byViewer.status).toBe(403);
    const byStranger = await callRoute(DELETE_COLUMN, "DELETE", `${base(board.id)}/columns/${column}`, {
      key: outsider.key,
      params: { id: board.id, columnId: column },
    });
    expect(byStranger.status).toBe(404);
    expect((await load(other.id)).columns[0]!.name).toBe("To do");
  });
});

describe("swimlanes", () => {
  it("are added only while the board shows them (409 before), moved, renamed and deleted once empty", async () => {
    const board = await team();
    const off = await callRoute(CREATE_LANE, "POST", `${base(board.id)}/lanes`, {
      key: editor.key,
      params: { id: board.id },
      body: { name: "Online" },
    });
    expect(off.status).toBe(409);
    await callRoute(UPDATE_BOARD, "PATCH", base(board.id), {
      key: owner.key,
      params: { id: board.id },
      body: { swimlanesEnabled: true },
    });
    const created = await callRoute(CREATE_LANE, "POST", `${base(board.id)}/lanes`, {
      key: editor.key,
      params: { id: board.id },
      body: { name: "Online", wipLimit: 3 },
    });
    expect(created.status).toBe(201);
    const lane = created.body.data;
    expect(lane).toMatchObject({ name: "Online", wipLimit: 3, version: 1 });
    const one = { id: board.id, laneId: lane.id };
    const moved = await callRoute(MOVE_LANE, "POST", `${base(board.id)}/lanes/${lane.id}/move`, {
      key: editor.key,
      params: one,
      body: { index: 0 },
    });
    expect(moved.status).toBe(200);
    expect((await load(board.id)).lanes.map((l) => l.name)).toEqual(["Online", "Default"]);
    const renamed = await callRoute(UPDATE_LANE, "PATCH", `${base(board.id)}/lanes/${lane.id}`, {
      key: editor.key,
      params: one,
      body: { name: "Web" },
    });
    expect(renamed.body.data).toMatchObject({ name: "Web", version: 3 });
    await addCard(board.id, { columnId: board.columns[0]!.id, laneId: lane.id });
    const held = await callRoute(DELETE_LANE, "DELETE", `${base(board.id)}/lanes/${lane.id}`, {
      key: editor.key,
      params: one,
    });
    expect(held.status).toBe(409);
    const defaultLane = (await load(board.id)).lanes.find((l) => l.name === "Default")!;
    const deleted = await callRoute(DELETE_LANE, "DELETE", `${base(board.id)}/lanes/${defaultLane.id}`, {
      key: editor.key,
      params: { id: board.id, laneId: defaultLane.id },
    });
    expect(deleted.status).toBe(204);
    const last = await callRoute(DELETE_LANE, "DELETE", `${base(board.id)}/lanes/${lane.id}`, {
      key: editor.key,
      params: one,
    });
    expect(last.status).toBe(409);
    expect((await load(board.id)).lanes.map((l) => l.name)).toEqual(["Web"]);
  });

  it("a hard column limit counts across lanes and refuses the card (409 wip_limit)", async () => {
    const board = await team({ swimlanesEnabled: true });
    const column = board.columns[0]!;
    const second = await callRoute(CREATE_LANE, "POST", `${base(board.id)}/lanes`, {
      key: editor.key,
      params: { id: board.id },
      body: { name: "Second" },
    });
    await callRoute(UPDATE_COLUMN, "PATCH", `${base(board.id)}/columns/${column.id}`, {
      key: editor.key,
      params: { id: board.id, columnId: column.id },
      body: { wipLimit: 1, wipMode: "hard" },
    });
    await addCard(board.id, { columnId: column.id });
    const refused = await callRoute(CREATE_CARD, "POST", `${base(board.id)}/cards`, {
      key: editor.key,
      params: { id: board.id },
      body: { title: "Other lane", columnId: column.id, laneId: second.body.data.id },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("wip_limit");
  });

  it("viewers cannot change lanes (403); 422 per field", async () => {
    const board = await team({ swimlanesEnabled: true });
    const lane = board.lanes[0]!;
    const byViewer = await callRoute(UPDATE_LANE, "PATCH", `${base(board.id)}/lanes/${lane.id}`, {
      key: viewer.key,
      params: { id: board.id, laneId: lane.id },
      body: { name: "Mine" },
    });
    expect(byViewer.status).toBe(403);
    for (const [body, fields] of [
      [{ name: "" }, ["name"]],
      [{ name: "A", wipLimit: -2 }, ["wipLimit"]],
      [{ name: "A", wipMode: "hard" }, ["_form"]],
    ] as const) {
      const res = await callRoute(CREATE_LANE, "POST", `${base(board.id)}/lanes`, {
        key: editor.key,
        params: { id: board.id },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
  });
});

describe("labels", () => {
  it("are added, renamed and deleted; a name in use is 409 naming the field; deleting takes the label off cards", async () => {
    const board = await team();
    const created = await callRoute(CREATE_LABEL, "POST", `${base(board.id)}/labels`, {
      key: editor.key,
      params: { id: board.id },
      body: { name: "Urgent", color: "red" },
    });
    expect(created.status).toBe(201);
    const label = created.body.data;
    expect(label).toMatchObject({ name: "Urgent", color: "red" });
    const taken = await callRoute(CREATE_LABEL, "POST", `${base(board.id)}/labels`, {
      key: editor.key,
      params: { id: board.id },
      body: { name: "URGENT", color: "blue" },
    });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken.body)).toEqual(["name"]);
    const one = { id: board.id, labelId: label.id };
    const renamed = await callRoute(UPDATE_LABEL, "PATCH", `${base(board.id)}/labels/${label.id}`, {
      key: editor.key,
      params: one,
      body: { color: "orange" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({ name: "Urgent", color: "orange" });
    const card = await addCard(board.id, { columnId: board.columns[0]!.id, labelIds: [label.id] });
    expect(card.labelIds).toEqual([label.id]);
    const deleted = await callRoute(DELETE_LABEL, "DELETE", `${base(board.id)}/labels/${label.id}`, {
      key: editor.key,
      params: one,
    });
    expect(deleted.status).toBe(204);
    const now = await load(board.id);
    expect(now.labels).toEqual([]);
    expect(now.cards[0]).toMatchObject({ labelIds: [], version: card.version + 1 });
    expect(
      (
        await callRoute(DELETE_LABEL, "DELETE", `${base(board.id)}/labels/${label.id}`, {
          key: editor.key,
          params: one,
        })
      ).status,
    ).toBe(404);
  });

  it("answers 422 per field, 403 for viewers, 404 for another board's label and for non-members", async () => {
    const board = await team();
    const other = await team();
    for (const [body, fields] of [
      [{ name: "x" }, ["color"]],
      [{ color: "red" }, ["name"]],
      [{ name: "x".repeat(41), color: "red" }, ["name"]],
    ] as const) {
      const res = await callRoute(CREATE_LABEL, "POST", `${base(board.id)}/labels`, {
        key: editor.key,
        params: { id: board.id },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const foreign = await callRoute(CREATE_LABEL, "POST", `${base(other.id)}/labels`, {
      key: owner.key,
      params: { id: other.id },
      body: { name: "Theirs", color: "green" },
    });
    const cross = await callRoute(UPDATE_LABEL, "PATCH", `${base(board.id)}/labels/${foreign.body.data.id}`, {
      key: editor.key,
      params: { id: board.id, labelId: foreign.body.data.id },
      body: { name: "Mine now" },
    });
    expect(cross.status).toBe(404);
    const byViewer = await callRoute(CREATE_LABEL, "POST", `${base(board.id)}/labels`, {
      key: viewer.key,
      params: { id: board.id },
      body: { name: "Viewer", color: "red" },
    });
    expect(byViewer.status).toBe(403);
    const byStranger = await callRoute(CREATE_LABEL, "POST", `${base(board.id)}/labels`, {
      key: outsider.key,
      params: { id: board.id },
      body: { name: "Stranger", color: "red" },
    });
    expect(byStranger.status).toBe(404);
    expect((await load(board.id)).labels).toEqual([]);
    expect((await load(other.id)).labels.map((l) => l.name)).toEqual(["Theirs"]);
  });
});
