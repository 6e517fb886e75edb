import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, PATCH } from "./route";
import { POST as ARCHIVE } from "./archive/route";
import { POST as RESTORE } from "./restore/route";
import { GET as LIST_MEMBERS, POST as SET_MEMBER } from "./members/route";
import { DELETE as REMOVE_MEMBER } from "./members/[userId]/route";
import { POST as CREATE_CARD } from "./cards/route";
import { GET as GET_CARD } from "./cards/[cardId]/route";
import { GET as LIST_BOARDS } from "../route";
import { callRoute } from "@/test/call-route";
import { customRole } from "@/test/user-admin";
import { boardOf, fieldsOf, keyOf, MISSING_ID, person, type Person } from "../boards-api-test-kit";

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

const path = (id: string, rest = "") => `/api/v1/boards/${encodeURIComponent(id)}${rest}`;
const team = () => boardOf(owner, { editor: [editor], viewer: [viewer] });

async function addCard(boardId: string, columnId: string, who: Person = owner, title = "A card") {
  const res = await callRoute(CREATE_CARD, "POST", path(boardId, "/cards"), {
    key: who.key,
    params: { id: boardId },
    body: { title, columnId },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.card as { id: string; version: number; assigneeIds: string[] };
}

describe("GET /api/v1/boards/{id}", () => {
  it("answers the board with its change number as ETag; 304 while nothing changed, 200 once anything did", async () => {
    const board = await team();
    const res = await callRoute(GET, "GET", path(board.id), { key: viewer.key, params: { id: board.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: board.id, role: "viewer", seq: board.seq + 2 });
    const etag = res.headers.get("etag")!;
    expect(etag).toBe(`"${res.body.data.seq}"`);
    const same = await callRoute(GET, "GET", path(board.id), {
      key: viewer.key,
      params: { id: board.id },
      headers: { "if-none-match": etag },
    });
    expect(same.status).toBe(304);
    expect(same.body).toBeNull();
    // Someone else's card changes the board: the viewer's copy is stale.
    await addCard(board.id, board.columns[0]!.id, editor, "New from the editor");
    const changed = await callRoute(GET, "GET", path(board.id), {
      key: viewer.key,
      params: { id: board.id },
      headers: { "if-none-match": etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(changed.body.data.cards.map((c: { title: string }) => c.title)).toEqual(["New from the editor"]);
  });

  it("carries lean cards (no description, labels and members once on the board); the card's GET has the rest", async () => {
    const board = await team();
    const res = await callRoute(CREATE_CARD, "POST", path(board.id, "/cards"), {
      key: editor.key,
      params: { id: board.id },
      body: { title: "Described", columnId: board.columns[0]!.id, description: "The **whole** story" },
    });
    expect(res.status).toBe(201);
    const cardId = res.body.data.card.id as string;
    const read = await callRoute(GET, "GET", path(board.id), { key: viewer.key, params: { id: board.id } });
    expect(read.status).toBe(200);
    const [card] = read.body.data.cards;
    expect(card).toMatchObject({ id: cardId, title: "Described", hasDescription: true });
    for (const key of ["description", "boardId", "createdAt", "updatedAt", "archivedAt"])
      expect(card).not.toHaveProperty(key);
    expect(JSON.stringify(read.body)).not.toContain("whole");
    expect(read.body.data.members.map((m: { role: string }) => m.role).sort()).toEqual(["editor", "owner", "viewer"]);
    const full = await callRoute(GET_CARD, "GET", path(board.id, `/cards/${cardId}`), {
      key: viewer.key,
      params: { id: board.id, cardId },
    });
    expect(full.status).toBe(200);
    expect(full.body.data.card).toMatchObject({ id: cardId, description: "The **whole** story", hasDescription: true });
    const hidden = await callRoute(GET_CARD, "GET", path(board.id, `/cards/${cardId}`), {
      key: outsider.key,
      params: { id: board.id, cardId },
    });
    expect(hidden.status).toBe(404);
  });

  it("a non-member, an unknown id and a malformed one all answer the same 404", async () => {
    const board = await team();
    const hidden = await callRoute(GET, "GET", path(board.id), { key: outsider.key, params: { id: board.id } });
    expect(hidden.status).toBe(404);
    for (const id of [MISSING_ID, "' OR 1=1 --", "../../etc/passwd", "x".repeat(300)]) {
      const res = await callRoute(GET, "GET", path(id), { key: owner.key, params: { id } });
      expect(res.status, id).toBe(404);
      expect(res.body.code).toBe("not_found");
      expect(res.body.detail).toBe(hidden.body.detail);
    }
    const nul = await callRoute(GET, "GET", path("a"), { key: owner.key, params: { id: "a\u0000b" } });
    expect(nul.status).toBe(400);
  });

  it("board.manage sees any board as manager; 401 without a key, 403 for a key without board.read", async () => {
    const board = await team();
    const managing = await person((await customRole(["board.read", "board.manage"])).key, [
      "board.read",
      "board.manage",
    ]);
    const res = await callRoute(GET, "GET", path(board.id), { key: managing.key, params: { id: board.id } });
    expect(res.status).toBe(200);
    expect(res.body.data.role).toBe("manager");
    expect((await callRoute(GET, "GET", path(board.id), { params: { id: board.id } })).status).toBe(401);
    const key = await keyOf(owner, ["customers.read"]);
    expect((await callRoute(GET, "GET", path(board.id), { key, params: { id: board.id } })).status).toBe(403);
  });
});

describe("PATCH /api/v1/boards/{id}", () => {
  it("changes the settings with If-Match on the board's version, then refuses that version with 412", async () => {
    const board = await team();
    const res = await callRoute(PATCH, "PATCH", path(board.id), {
      key: owner.key,
      params: { id: board.id },
      body: { name: "Renamed", color: "violet" },
      headers: { "if-match": `"${board.version}"` },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: board.id, name: "Renamed", color: "violet", version: board.version + 1 });
    expect(res.headers.get("etag")).toBe(`"${board.version + 1}"`);
    const stale = await callRoute(PATCH, "PATCH", path(board.id), {
      key: owner.key,
      params: { id: board.id },
      body: { name: "Lost update" },
      headers: { "if-match": `"${board.version}"` },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("precondition_failed");
    const malformed = await callRoute(PATCH, "PATCH", path(board.id), {
      key: owner.key,
      params: { id: board.id },
      body: { name: "x" },
      headers: { "if-match": 'W/"1\' OR 1=1"' },
    });
    expect(malformed.status).toBe(412);
    const now = await callRoute(GET, "GET", path(board.id), { key: owner.key, params: { id: board.id } });
    expect(now.body.data.name).toBe("Renamed");
  });

  it("a card moved by someone else does not make a settings change stale", async () => {
    const board = await team();
    await addCard(board.id, board.columns[0]!.id, editor);
    const res = await callRoute(PATCH, "PATCH", path(board.id), {
      key: owner.key,
      params: { id: board.id },
      body: { description: "Still mine to change" },
      headers: { "if-match": `"${board.version}"` },
    });
    expect(res.status).toBe(200);
  });

  it("turning swimlanes on gives the board a lane", async () => {
    const board = await team();
    const res = await callRoute(PATCH, "PATCH", path(board.id), {
      key: owner.key,
      params: { id: board.id },
      body: { swimlanesEnabled: true },
    });
    expect(res.status).toBe(200);
    const now = await callRoute(GET, "GET", path(board.id), { key: owner.key, params: { id: board.id } });
    expect(now.body.data.lanes.map((l: { name: string }) => l.name)).toEqual(["Default"]);
  });

  it("only owners change settings: 403 for editors, viewers, an owner without board.write or a read-only key; 404 for non-members", async () => {
    const reader = await person("user", ["board.read"]);
    const board = await boardOf(owner, { editor: [editor], viewer: [viewer], owner: [reader] });
    const readOnly = await keyOf(owner, ["board.read"]);
    const call = (key: string) =>
      callRoute(PATCH, "PATCH", path(board.id), { key, params: { id: board.id }, body: { name: "Taken over" } });
    for (const key of [editor.key, viewer.key, reader.key, readOnly]) {
      const res = await call(key);
      expect(res.status).toBe(403);
    }
    expect((await call(outsider.key)).status).toBe(404);
    const now = await callRoute(GET, "GET", path(board.id), { key: owner.key, params: { id: board.id } });
    expect(now.body.data.name).toBe(board.name);
  });

  it("answers 422 naming each invalid field, 415 for a form body", async () => {
    const board = await team();
    const cases: [unknown, string[]][] = [
      [{ name: "" }, ["name"]],
      [{ color: "mauve" }, ["color"]],
      [{ swimlanesEnabled: "on" }, ["swimlanesEnabled"]],
      [{ description: 7 }, ["description"]],
      [{ seq: 1 }, ["_form"]],
      ["rename", ["_form"]],
    ];
    for (const [body, fields] of cases) {
      const res = await callRoute(PATCH, "PATCH", path(board.id), { key: owner.key, params: { id: board.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body), JSON.stringify(body)).toEqual(fields);
    }
    const form = await callRoute(PATCH, "PATCH", path(board.id), {
      key: owner.key,
      params: { id: board.id },
      rawBody: "name=x",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
  });
});

describe("archive, restore and DELETE /api/v1/boards/{id}", () => {
  it("deletes only an archived board: 409 first, then archive, 204, and it is gone", async () => {
    const board = await team();
    const early = await callRoute(DELETE, "DELETE", path(board.id), { key: owner.key, params: { id: board.id } });
    expect(early.status).toBe(409);
    expect((await callRoute(GET, "GET", path(board.id), { key: owner.key, params: { id: board.id } })).status).toBe(
      200,
    );
    const archived = await callRoute(ARCHIVE, "POST", path(board.id, "/archive"), {
      key: owner.key,
      params: { id: board.id },
    });
    expect(archived.status).toBe(200);
    expect(archived.body.data.archivedAt).not.toBeNull();
    expect(archived.headers.get("etag")).toBe(`"${archived.body.data.version}"`);
    expect(
      (await callRoute(DELETE, "DELETE", path(board.id), { key: editor.key, params: { id: board.id } })).status,
    ).toBe(403);
    const gone = await callRoute(DELETE, "DELETE", path(board.id), { key: owner.key, params: { id: board.id } });
    expect(gone.status).toBe(204);
    expect(gone.body).toBeNull();
    expect((await callRoute(GET, "GET", path(board.id), { key: owner.key, params: { id: board.id } })).status).toBe(
      404,
    );
    expect(
      (await callRoute(DELETE, "DELETE", path(board.id), { key: owner.key, params: { id: board.id } })).status,
    ).toBe(404);
  });

  it("an archived board is read-only and listed apart until restored", async () => {
    const board = await team();
    await callRoute(ARCHIVE, "POST", path(board.id, "/archive"), { key: owner.key, params: { id: board.id } });
    const write = await callRoute(CREATE_CARD, "POST", path(board.id, "/cards"), {
      key: editor.key,
      params: { id: board.id },
      body: { title: "Too late", columnId: board.columns[0]!.id },
    });
    expect(write.status).toBe(409);
    const open = await callRoute(LIST_BOARDS, "GET", "/api/v1/boards", { key: viewer.key });
    expect(open.body.data.some((b: { id: string }) => b.id === board.id)).toBe(false);
    const archivedList = await callRoute(LIST_BOARDS, "GET", "/api/v1/boards", {
      key: viewer.key,
      query: { archived: "true" },
    });
    expect(archivedList.body.data.some((b: { id: string }) => b.id === board.id)).toBe(true);
    expect(
      (await callRoute(RESTORE, "POST", path(board.id, "/restore"), { key: editor.key, params: { id: board.id } }))
        .status,
    ).toBe(403);
    const restored = await callRoute(RESTORE, "POST", path(board.id, "/restore"), {
      key: owner.key,
      params: { id: board.id },
    });
    expect(restored.status).toBe(200);
    expect(restored.body.data.archivedAt).toBeNull();
    expect(
      (
        await callRoute(CREATE_CARD, "POST", path(board.id, "/cards"), {
          key: editor.key,
          params: { id: board.id },
          body: { title: "Back to work", columnId: board.columns[0]!.id },
        })
      ).status,
    ).toBe(201);
  });

  it("viewers and non-members cannot archive (403, 404)", async () => {
    const board = await team();
    const as = (p: Person) =>
      callRoute(ARCHIVE, "POST", path(board.id, "/archive"), { key: p.key, params: { id: board.id } });
    expect((await as(viewer)).status).toBe(403);
    expect((await as(editor)).status).toBe(403);
    expect((await as(outsider)).status).toBe(404);
    expect((await callRoute(ARCHIVE, "POST", path(board.id, "/archive"), { params: { id: board.id } })).status).toBe(
      401,
    );
  });
});

describe("members: GET, POST /api/v1/boards/{id}/members and DELETE …/members/{userId}", () => {
  it("lists the members to a viewer; the owner adds one, changes a role and removes one", async () => {
    const board = await team();
    const list = await callRoute(LIST_MEMBERS, "GET", path(board.id, "/members"), {
      key: viewer.key,
      params: { id: board.id },
    });
    expect(list.status).toBe(200);
    expect(list.body.data.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort()).toEqual(
      [
        [owner.userId, "owner"],
        [editor.userId, "editor"],
        [viewer.userId, "viewer"],
      ].sort(),
    );
    const newcomer = await person("staff");
    const added = await callRoute(SET_MEMBER, "POST", path(board.id, "/members"), {
      key: owner.key,
      params: { id: board.id },
      body: { userId: newcomer.userId, role: "viewer" },
    });
    expect(added.status).toBe(200);
    expect(added.body.data).toHaveLength(4);
    const promoted = await callRoute(SET_MEMBER, "POST", path(board.id, "/members"), {
      key: owner.key,
      params: { id: board.id },
      body: { userId: newcomer.userId, role: "editor" },
    });
    expect(promoted.body.data.find((m: { userId: string }) => m.userId === newcomer.userId).role).toBe("editor");
    // The newcomer now sees the board.
    expect((await callRoute(GET, "GET", path(board.id), { key: newcomer.key, params: { id: board.id } })).status).toBe(
      200,
    );
    const removed = await callRoute(REMOVE_MEMBER, "DELETE", path(board.id, `/members/${newcomer.userId}`), {
      key: owner.key,
      params: { id: board.id, userId: newcomer.userId },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.data).toHaveLength(3);
    expect((await callRoute(GET, "GET", path(board.id), { key: newcomer.key, params: { id: board.id } })).status).toBe(
      404,
    );
  });

  it("removing a member takes them off the board's cards", async () => {
    const board = await team();
    const res = await callRoute(CREATE_CARD, "POST", path(board.id, "/cards"), {
      key: owner.key,
      params: { id: board.id },
      body: { title: "Assigned", columnId: board.columns[0]!.id, assigneeIds: [editor.userId] },
    });
    expect(res.body.data.card.assigneeIds).toEqual([editor.userId]);
    await callRoute(REMOVE_MEMBER, "DELETE", path(board.id, `/members/${editor.userId}`), {
      key: owner.key,
      params: { id: board.id, userId: editor.userId },
    });
    const now = await callRoute(GET, "GET", path(board.id), { key: owner.key, params: { id: board.id } });
    expect(now.body.data.cards[0].assigneeIds).toEqual([]);
  });

  it("keeps an owner: 409 for demoting or removing the last one", async () => {
    const board = await team();
    const demote = await callRoute(SET_MEMBER, "POST", path(board.id, "/members"), {
      key: owner.key,
      params: { id: board.id },
      body: { userId: owner.userId, role: "editor" },
    });
    expect(demote.status).toBe(409);
    const leave = await callRoute(REMOVE_MEMBER, "DELETE", path(board.id, `/members/${owner.userId}`), {
      key: owner.key,
      params: { id: board.id, userId: owner.userId },
    });
    expect(leave.status).toBe(409);
  });

  it("refuses editors and viewers (403) and non-members (404); 422 per field; 404 for someone not on the board", async () => {
    const board = await team();
    const body = { userId: outsider.userId, role: "editor" };
    for (const p of [editor, viewer]) {
      const res = await callRoute(SET_MEMBER, "POST", path(board.id, "/members"), {
        key: p.key,
        params: { id: board.id },
        body,
      });
      expect(res.status).toBe(403);
    }
    const stranger = await callRoute(SET_MEMBER, "POST", path(board.id, "/members"), {
      key: outsider.key,
      params: { id: board.id },
      body,
    });
    expect(stranger.status).toBe(404);
    const cases: [unknown, string[]][] = [
      [{ userId: outsider.userId, role: "admin" }, ["role"]],
      [{ userId: MISSING_ID, role: "viewer" }, ["userId"]],
      [{ role: "viewer" }, ["userId"]],
      [{ userId: outsider.userId, role: "viewer", extra: 1 }, ["_form"]],
    ];
    for (const [input, fields] of cases) {
      const res = await callRoute(SET_MEMBER, "POST", path(board.id, "/members"), {
        key: owner.key,
        params: { id: board.id },
        body: input,
      });
      expect(res.status, JSON.stringify(input)).toBe(422);
      expect(fieldsOf(res.body), JSON.stringify(input)).toEqual(fields);
    }
    const notMember = await callRoute(REMOVE_MEMBER, "DELETE", path(board.id, `/members/${outsider.userId}`), {
      key: owner.key,
      params: { id: board.id, userId: outsider.userId },
    });
    expect(notMember.status).toBe(404);
    const byEditor = await callRoute(REMOVE_MEMBER, "DELETE", path(board.id, `/members/${viewer.userId}`), {
      key: editor.key,
      params: { id: board.id, userId: viewer.userId },
    });
    expect(byEditor.status).toBe(403);
  });
});
