import { beforeAll, describe, expect, it, vi } from "vitest";

// The browser-session path reads the cookie through next/headers: a jar the tests fill.
const jar = vi.hoisted(() => ({ cookie: null as { name: string; value: string } | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.cookie?.name === name ? jar.cookie : undefined),
    getAll: () => (jar.cookie ? [jar.cookie] : []),
    has: (name: string) => jar.cookie?.name === name,
  }),
  headers: async () => new Headers(),
}));

import { GET as LIST, POST as CREATE } from "./route";
import { DELETE, GET, PATCH } from "./[cardId]/route";
import { POST as MOVE } from "./[cardId]/move/route";
import { POST as ARCHIVE } from "./[cardId]/archive/route";
import { POST as RESTORE } from "./[cardId]/restore/route";
import { POST as UNDO } from "../undo/route";
import { GET as GET_BOARD } from "../route";
import { PATCH as UPDATE_COLUMN } from "../columns/[columnId]/route";
import { POST as CREATE_LABEL } from "../labels/route";
import { callRoute } from "@/test/call-route";
import type { BoardJson, CardJson } from "@/lib/validations/board";
import {
  asBrowser,
  boardOf,
  fieldsOf,
  keyOf,
  MISSING_ID,
  person,
  sessionCookieOf,
  type Person,
} from "../../boards-api-test-kit";

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

const cardsPath = (boardId: string) => `/api/v1/boards/${boardId}/cards`;
const cardPath = (boardId: string, cardId: string, rest = "") => `/api/v1/boards/${boardId}/cards/${cardId}${rest}`;

type Board = BoardJson & { todo: string; doing: string; done: string };

async function team(columns = ["To do", "Doing", "Done"]): Promise<Board> {
  const board = await boardOf(owner, { editor: [editor], viewer: [viewer] }, { columns });
  const [todo, doing, done] = board.columns.map((c) => c.id);
  return { ...board, todo: todo!, doing: doing!, done: done! };
}

async function create(board: Board, body: Record<string, unknown>, who: Person = editor): Promise<CardJson> {
  const res = await callRoute(CREATE, "POST", cardsPath(board.id), {
    key: who.key,
    params: { id: board.id },
    body: { columnId: board.todo, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.card;
}

async function titlesIn(board: Board, columnId: string): Promise<string[]> {
  const res = await callRoute(GET_BOARD, "GET", `/api/v1/boards/${board.id}`, {
    key: owner.key,
    params: { id: board.id },
  });
  return (res.body.data as BoardJson).cards.filter((c) => c.columnId === columnId).map((c) => c.title);
}

const move = (board: Board, card: { id: string }, body: unknown, who: Person = editor, headers = {}) =>
  callRoute(MOVE, "POST", cardPath(board.id, card.id, "/move"), {
    key: who.key,
    params: { id: board.id, cardId: card.id },
    body,
    headers,
  });

async function limitColumn(board: Board, columnId: string, wipLimit: number, wipMode: "soft" | "hard") {
  const res = await callRoute(UPDATE_COLUMN, "PATCH", `/api/v1/boards/${board.id}/columns/${columnId}`, {
    key: owner.key,
    params: { id: board.id, columnId },
    body: { wipLimit, wipMode },
  });
  expect(res.status).toBe(200);
}

describe("POST /api/v1/boards/{id}/cards", () => {
  it("creates a card at the bottom or at an index: 201 with Location, ETag and no warnings", async () => {
    const board = await team();
    const first = await create(board, { title: "First", priority: "high", dueAt: "2026-12-24" });
    expect(first).toMatchObject({ title: "First", priority: "high", dueAt: "2026-12-24T12:00:00.000Z", version: 1 });
    const res = await callRoute(CREATE, "POST", cardsPath(board.id), {
      key: editor.key,
      params: { id: board.id },
      body: { title: "On top", columnId: board.todo, index: 0, description: "**bold**" },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.warnings).toEqual([]);
    expect(res.headers.get("location")).toBe(cardPath(board.id, res.body.data.card.id));
    expect(res.headers.get("etag")).toBe('"1"');
    expect(await titlesIn(board, board.todo)).toEqual(["On top", "First"]);
  });

  it("warns at a soft WIP limit and refuses at a hard one with 409 wip_limit, writing nothing", async () => {
    const board = await team();
    await limitColumn(board, board.todo, 1, "soft");
    await create(board, { title: "One" });
    const soft = await callRoute(CREATE, "POST", cardsPath(board.id), {
      key: editor.key,
      params: { id: board.id },
      body: { title: "Two", columnId: board.todo },
    });
    expect(soft.status).toBe(201);
    expect(soft.body.data.warnings).toEqual([expect.stringContaining("over its limit")]);
    await limitColumn(board, board.todo, 2, "hard");
    const hard = await callRoute(CREATE, "POST", cardsPath(board.id), {
      key: editor.key,
      params: { id: board.id },
      body: { title: "Three", columnId: board.todo },
    });
    expect(hard.status).toBe(409);
    expect(hard.headers.get("content-type")).toBe("application/problem+json");
    expect(hard.body.code).toBe("wip_limit");
    expect(await titlesIn(board, board.todo)).toEqual(["One", "Two"]);
  });

  it("answers 422 naming each invalid field, links to another board's things included", async () => {
    const board = await team();
    const other = await team();
    const label = await callRoute(CREATE_LABEL, "POST", `/api/v1/boards/${other.id}/labels`, {
      key: owner.key,
      params: { id: other.id },
      body: { name: "Elsewhere", color: "red" },
    });
    const cases: [Record<string, unknown>, string[]][] = [
      [{ title: "" }, ["title"]],
      [{ title: "x".repeat(301) }, ["title"]],
      [{ title: "A", columnId: undefined }, ["columnId"]],
      [{ title: "A", columnId: other.todo }, ["columnId"]],
      [{ title: "A", priority: "extreme" }, ["priority"]],
      [{ title: "A", dueAt: "next tuesday" }, ["dueAt"]],
      [{ title: "A", coverColor: "plaid" }, ["coverColor"]],
      [{ title: "A", labelIds: [label.body.data.id] }, ["labelIds"]],
      [{ title: "A", assigneeIds: [outsider.userId] }, ["assigneeIds"]],
      [{ title: "A", customerId: MISSING_ID }, ["customerId"]],
      [{ title: "A", index: -1 }, ["index"]],
      [{ title: "A", version: 3 }, ["_form"]],
    ];
    for (const [body, fields] of cases) {
      const res = await callRoute(CREATE, "POST", cardsPath(board.id), {
        key: editor.key,
        params: { id: board.id },
        body: { columnId: board.todo, ...body },
      });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body), JSON.stringify(body)).toEqual(fields);
    }
    expect(await titlesIn(board, board.todo)).toEqual([]);
  });

  it("refuses viewers and keys without board.write (403), non-members (404), no credentials (401)", async () => {
    const board = await team();
    const body = { title: "Nope", columnId: board.todo };
    const readOnly = await keyOf(editor, ["board.read"]);
    for (const key of [viewer.key, readOnly]) {
      const res = await callRoute(CREATE, "POST", cardsPath(board.id), { key, params: { id: board.id }, body });
      expect(res.status).toBe(403);
    }
    const res = await callRoute(CREATE, "POST", cardsPath(board.id), {
      key: outsider.key,
      params: { id: board.id },
      body,
    });
    expect(res.status).toBe(404);
    expect((await callRoute(CREATE, "POST", cardsPath(board.id), { params: { id: board.id }, body })).status).toBe(401);
    expect(await titlesIn(board, board.todo)).toEqual([]);
  });
});

describe("GET /api/v1/boards/{id}/cards", () => {
  it("lists the cards in board order, filtered, without a cursor; the archive apart", async () => {
    const board = await team();
    const label = await callRoute(CREATE_LABEL, "POST", `/api/v1/boards/${board.id}/labels`, {
      key: owner.key,
      params: { id: board.id },
      body: { name: "Window", color: "blue" },
    });
    const a = await create(board, { title: "Alpha window", priority: "urgent", labelIds: [label.body.data.id] });
    const b = await create(board, { title: "Beta", columnId: board.done, assigneeIds: [editor.userId] });
    const c = await create(board, { title: "Gamma", columnId: board.doing, dueAt: "2020-01-01" });
    const list = (query: Record<string, string> = {}, who: Person = viewer) =>
      callRoute(LIST, "GET", cardsPath(board.id), { key: who.key, params: { id: board.id }, query });
    const all = await list();
    expect(all.status).toBe(200);
    expect(Object.keys(all.body)).toEqual(["data"]);
    expect(all.body.data.map((x: CardJson) => x.id)).toEqual([a.id, c.id, b.id]);
    expect((await list({ q: "window" })).body.data.map((x: CardJson) => x.id)).toEqual([a.id]);
    expect((await list({ priority: "urgent" })).body.data.map((x: CardJson) => x.id)).toEqual([a.id]);
    expect((await list({ label: label.body.data.id })).body.data.map((x: CardJson) => x.id)).toEqual([a.id]);
    expect((await list({ due: "overdue" })).body.data.map((x: CardJson) => x.id)).toEqual([c.id]);
    expect((await list({ due: "none" })).body.data.map((x: CardJson) => x.id)).toEqual([a.id, b.id]);
    expect((await list({ assignee: "me" }, editor)).body.data.map((x: CardJson) => x.id)).toEqual([b.id]);
    expect((await list({ assignee: editor.userId })).body.data.map((x: CardJson) => x.id)).toEqual([b.id]);
    await callRoute(ARCHIVE, "POST", cardPath(board.id, b.id, "/archive"), {
      key: editor.key,
      params: { id: board.id, cardId: b.id },
    });
    expect((await list()).body.data.map((x: CardJson) => x.id)).toEqual([a.id, c.id]);
    expect((await list({ archived: "true" })).body.data.map((x: CardJson) => x.id)).toEqual([b.id]);
  });

  it("answers 422 for invalid filters (never 500), 404 for non-members and unknown boards", async () => {
    const board = await team();
    const bad: Record<string, string>[] = [
      { due: "tomorrow" },
      { priority: "extreme" },
      { archived: "yes" },
      { q: "x".repeat(201) },
      { assignee: "x".repeat(65) },
    ];
    for (const query of bad) {
      const res = await callRoute(LIST, "GET", cardsPath(board.id), {
        key: viewer.key,
        params: { id: board.id },
        query,
      });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(Object.keys(query));
    }
    for (const q of ["' OR 1=1 --", "%_%", "\\", "🙂"]) {
      const res = await callRoute(LIST, "GET", cardsPath(board.id), {
        key: viewer.key,
        params: { id: board.id },
        query: { q },
      });
      expect(res.status, q).toBe(200);
    }
    expect(
      (await callRoute(LIST, "GET", cardsPath(board.id), { key: outsider.key, params: { id: board.id } })).status,
    ).toBe(404);
    expect(
      (await callRoute(LIST, "GET", cardsPath(MISSING_ID), { key: owner.key, params: { id: MISSING_ID } })).status,
    ).toBe(404);
  });
});

describe("GET, PATCH and DELETE /api/v1/boards/{id}/cards/{cardId}", () => {
  it("answers the card's detail with its version as ETag; a card of another board is 404", async () => {
    const board = await team();
    const other = await team();
    const card = await create(board, { title: "Detailed" });
    const foreign = await create(other, { title: "Elsewhere" });
    const res = await callRoute(GET, "GET", cardPath(board.id, card.id), {
      key: viewer.key,
      params: { id: board.id, cardId: card.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.card).toMatchObject({ id: card.id, title: "Detailed" });
    expect(res.body.data.checklist).toEqual([]);
    expect(res.body.data.comments).toEqual([]);
    expect(res.body.data.history.map((h: { action: string }) => h.action)).toEqual(["card.created"]);
    expect(res.headers.get("etag")).toBe('"1"');
    for (const cardId of [foreign.id, MISSING_ID, "' OR 1=1 --"]) {
      const missing = await callRoute(GET, "GET", cardPath(board.id, cardId), {
        key: owner.key,
        params: { id: board.id, cardId },
      });
      expect(missing.status, cardId).toBe(404);
    }
    expect(
      (
        await callRoute(GET, "GET", cardPath(board.id, card.id), {
          key: outsider.key,
          params: { id: board.id, cardId: card.id },
        })
      ).status,
    ).toBe(404);
  });

  it("edits with If-Match, refuses a stale version with 412 and a viewer with 403", async () => {
    const board = await team();
    const card = await create(board, { title: "Edit me" });
    const patch = (body: unknown, headers: Record<string, string> = {}, who: Person = editor) =>
      callRoute(PATCH, "PATCH", cardPath(board.id, card.id), {
        key: who.key,
        params: { id: board.id, cardId: card.id },
        body,
        headers,
      });
    const res = await patch({ title: "Edited", priority: "low", assigneeIds: [viewer.userId] }, { "if-match": '"1"' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: "Edited", priority: "low", assigneeIds: [viewer.userId], version: 2 });
    expect(res.headers.get("etag")).toBe('"2"');
    const stale = await patch({ title: "Lost" }, { "if-match": '"1"' });
    expect(stale.status).toBe(412);
    expect((await patch({ title: "Viewer edit" }, {}, viewer)).status).toBe(403);
    expect((await patch({ title: "Stranger edit" }, {}, outsider)).status).toBe(404);
    for (const [body, fields] of [
      [{ title: "" }, ["title"]],
      [{ dueAt: "31/12/2026" }, ["dueAt"]],
      [{ labelIds: "x" }, ["labelIds"]],
      [{ boardId: board.id }, ["_form"]],
    ] as const) {
      const bad = await patch(body);
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(bad.body)).toEqual(fields);
    }
    const now = await callRoute(GET, "GET", cardPath(board.id, card.id), {
      key: owner.key,
      params: { id: board.id, cardId: card.id },
    });
    expect(now.body.data.card).toMatchObject({ title: "Edited", version: 2 });
  });

  it("deletes only an archived card: 409 for an open one, then 204 and 404", async () => {
    const board = await team();
    const card = await create(board, { title: "Short-lived" });
    const del = () =>
      callRoute(DELETE, "DELETE", cardPath(board.id, card.id), {
        key: editor.key,
        params: { id: board.id, cardId: card.id },
      });
    expect((await del()).status).toBe(409);
    expect(await titlesIn(board, board.todo)).toEqual(["Short-lived"]);
    await callRoute(ARCHIVE, "POST", cardPath(board.id, card.id, "/archive"), {
      key: editor.key,
      params: { id: board.id, cardId: card.id },
    });
    expect(
      (
        await callRoute(DELETE, "DELETE", cardPath(board.id, card.id), {
          key: viewer.key,
          params: { id: board.id, cardId: card.id },
        })
      ).status,
    ).toBe(403);
    const gone = await del();
    expect(gone.status).toBe(204);
    expect((await del()).status).toBe(404);
  });
});

describe("POST …/cards/{cardId}/move", () => {
  it("reorders within a column and moves across columns, kept on reload", async () => {
    const board = await team();
    const a = await create(board, { title: "A" });
    const b = await create(board, { title: "B" });
    const c = await create(board, { title: "C" });
    const res = await move(board, c, { columnId: board.todo, index: 0 });
    expect(res.status).toBe(200);
    expect(res.body.data.warnings).toEqual([]);
    expect(res.headers.get("etag")).toBe(`"${res.body.data.card.version}"`);
    expect(await titlesIn(board, board.todo)).toEqual(["C", "A", "B"]);
    expect((await move(board, a, { columnId: board.doing, index: 0 })).status).toBe(200);
    expect((await move(board, b, { columnId: board.doing, index: 5 })).status).toBe(200);
    expect(await titlesIn(board, board.todo)).toEqual(["C"]);
    expect(await titlesIn(board, board.doing)).toEqual(["A", "B"]);
  });

  it("a hard WIP limit refuses with 409 wip_limit and nothing moves; a soft one warns", async () => {
    const board = await team();
    await create(board, { title: "Busy", columnId: board.doing });
    const waiting = await create(board, { title: "Waiting" });
    await limitColumn(board, board.doing, 1, "hard");
    const refused = await move(board, waiting, { columnId: board.doing, index: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("wip_limit");
    expect(refused.body.detail).toContain("Doing");
    expect(await titlesIn(board, board.todo)).toEqual(["Waiting"]);
    await limitColumn(board, board.doing, 1, "soft");
    const warned = await move(board, waiting, { columnId: board.doing, index: 0 });
    expect(warned.status).toBe(200);
    expect(warned.body.data.warnings).toHaveLength(1);
    expect(await titlesIn(board, board.doing)).toEqual(["Waiting", "Busy"]);
  });

  it("If-Match is optional and checked when sent; 422 per field; viewers 403; another board's card 404", async () => {
    const board = await team();
    const other = await team();
    const card = await create(board, { title: "Guarded" });
    const foreign = await create(other, { title: "Foreign" });
    expect((await move(board, card, { columnId: board.done, index: 0 }, editor, { "if-match": '"7"' })).status).toBe(
      412,
    );
    expect((await move(board, card, { columnId: board.done, index: 0 }, editor, { "if-match": '"1"' })).status).toBe(
      200,
    );
    for (const [body, fields] of [
      [{ columnId: board.todo, index: -1 }, ["index"]],
      [{ columnId: board.todo, index: 1.5 }, ["index"]],
      [{ columnId: board.todo }, ["index"]],
      [{ index: 0 }, ["columnId"]],
      [{ columnId: other.todo, index: 0 }, ["columnId"]],
    ] as const) {
      const res = await move(board, card, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    expect((await move(board, card, { columnId: board.todo, index: 0 }, viewer)).status).toBe(403);
    expect((await move(board, foreign, { columnId: board.todo, index: 0 })).status).toBe(404);
    expect(await titlesIn(other, other.todo)).toEqual(["Foreign"]);
  });

  it("moves a card to another board the caller edits, and not to one they only view", async () => {
    const board = await team();
    const target = await team();
    const viewOnly = await boardOf(owner, { viewer: [editor] });
    const card = await create(board, { title: "Travelling" });
    const refused = await move(board, card, { boardId: viewOnly.id, columnId: viewOnly.columns[0]!.id, index: 0 });
    expect(refused.status).toBe(403);
    const res = await move(board, card, { boardId: target.id, columnId: target.done, index: 0 });
    expect(res.status).toBe(200);
    expect(res.body.data.card).toMatchObject({ boardId: target.id, columnId: target.done });
    expect(await titlesIn(board, board.todo)).toEqual([]);
    expect(await titlesIn(target, target.done)).toEqual(["Travelling"]);
  });

  it("works from a browser session too", async () => {
    const board = await team();
    const card = await create(board, { title: "Dragged" });
    const cookie = await sessionCookieOf(editor);
    jar.cookie = cookie;
    try {
      const res = await callRoute(
        MOVE,
        "POST",
        cardPath(board.id, card.id, "/move"),
        asBrowser(cookie, { params: { id: board.id, cardId: card.id }, body: { columnId: board.done, index: 0 } }),
      );
      expect(res.status).toBe(200);
      const viewerCookie = await sessionCookieOf(viewer);
      jar.cookie = viewerCookie;
      const refused = await callRoute(
        MOVE,
        "POST",
        cardPath(board.id, card.id, "/move"),
        asBrowser(viewerCookie, {
          params: { id: board.id, cardId: card.id },
          body: { columnId: board.todo, index: 0 },
        }),
      );
      expect(refused.status).toBe(403);
    } finally {
      jar.cookie = null;
    }
    expect(await titlesIn(board, board.done)).toEqual(["Dragged"]);
  });
});

describe("POST …/cards/{cardId}/archive and …/restore", () => {
  it("archives off the board and restores to its place, subject to a hard WIP limit", async () => {
    const board = await team();
    const a = await create(board, { title: "A" });
    await create(board, { title: "B" });
    const archived = await callRoute(ARCHIVE, "POST", cardPath(board.id, a.id, "/archive"), {
      key: editor.key,
      params: { id: board.id, cardId: a.id },
    });
    expect(archived.status).toBe(200);
    expect(archived.body.data.card.archivedAt).not.toBeNull();
    expect(await titlesIn(board, board.todo)).toEqual(["B"]);
    await limitColumn(board, board.todo, 1, "hard");
    const full = await callRoute(RESTORE, "POST", cardPath(board.id, a.id, "/restore"), {
      key: editor.key,
      params: { id: board.id, cardId: a.id },
    });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe("wip_limit");
    await limitColumn(board, board.todo, 5, "hard");
    const stale = await callRoute(RESTORE, "POST", cardPath(board.id, a.id, "/restore"), {
      key: editor.key,
      params: { id: board.id, cardId: a.id },
      headers: { "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
    const restored = await callRoute(RESTORE, "POST", cardPath(board.id, a.id, "/restore"), {
      key: editor.key,
      params: { id: board.id, cardId: a.id },
    });
    expect(restored.status).toBe(200);
    expect(restored.body.data.card.archivedAt).toBeNull();
    expect(await titlesIn(board, board.todo)).toEqual(["A", "B"]);
    expect(
      (
        await callRoute(ARCHIVE, "POST", cardPath(board.id, a.id, "/archive"), {
          key: viewer.key,
          params: { id: board.id, cardId: a.id },
        })
      ).status,
    ).toBe(403);
  });
});

describe("POST /api/v1/boards/{id}/undo", () => {
  it("undoes the caller's last move, then the card's creation; then there is nothing to undo (409)", async () => {
    const board = await team();
    const undoer = await person("staff");
    const shared = await boardOf(owner, { editor: [undoer] });
    const column = shared.columns.map((c) => c.id);
    const made = await callRoute(CREATE, "POST", cardsPath(shared.id), {
      key: undoer.key,
      params: { id: shared.id },
      body: { title: "Oops", columnId: column[0] },
    });
    const card = made.body.data.card as CardJson;
    await callRoute(MOVE, "POST", cardPath(shared.id, card.id, "/move"), {
      key: undoer.key,
      params: { id: shared.id, cardId: card.id },
      body: { columnId: column[2], index: 0 },
    });
    const undo = () =>
      callRoute(UNDO, "POST", `/api/v1/boards/${shared.id}/undo`, { key: undoer.key, params: { id: shared.id } });
    const first = await undo();
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ undone: "move", warnings: [] });
    expect(first.body.data.card.columnId).toBe(column[0]);
    expect(first.headers.get("etag")).toBe(`"${first.body.data.card.version}"`);
    const second = await undo();
    expect(second.status).toBe(200);
    expect(second.body.data.undone).toBe("new card");
    expect(second.body.data.card.archivedAt).not.toBeNull();
    const none = await undo();
    expect(none.status).toBe(409);
    expect(none.body.code).toBe("conflict");
    // Someone with nothing of theirs on a board has nothing to undo either.
    expect(
      (await callRoute(UNDO, "POST", `/api/v1/boards/${board.id}/undo`, { key: editor.key, params: { id: board.id } }))
        .status,
    ).toBe(409);
  });

  it("refuses to undo a move someone else has since changed (409), viewers (403) and non-members (404)", async () => {
    const board = await team();
    const card = await create(board, { title: "Contested" });
    await move(board, card, { columnId: board.doing, index: 0 });
    await move(board, card, { columnId: board.done, index: 0 }, owner);
    const res = await callRoute(UNDO, "POST", `/api/v1/boards/${board.id}/undo`, {
      key: editor.key,
      params: { id: board.id },
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/someone else/i);
    expect(await titlesIn(board, board.done)).toEqual(["Contested"]);
    expect(
      (await callRoute(UNDO, "POST", `/api/v1/boards/${board.id}/undo`, { key: viewer.key, params: { id: board.id } }))
        .status,
    ).toBe(403);
    expect(
      (
        await callRoute(UNDO, "POST", `/api/v1/boards/${board.id}/undo`, {
          key: outsider.key,
          params: { id: board.id },
        })
      ).status,
    ).toBe(404);
  });
});
