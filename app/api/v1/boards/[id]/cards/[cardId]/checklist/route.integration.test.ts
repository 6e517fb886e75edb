// A card's checklist and comments over HTTP: POST …/checklist, PATCH and DELETE …/checklist/{itemId},
// POST …/comments, DELETE …/comments/{commentId}.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as ADD_ITEM } from "./route";
import { DELETE as REMOVE_ITEM, PATCH as UPDATE_ITEM } from "./[itemId]/route";
import { POST as ADD_COMMENT } from "../comments/route";
import { DELETE as DELETE_COMMENT } from "../comments/[commentId]/route";
import { GET as GET_CARD, PATCH as UPDATE_CARD } from "../route";
import { POST as CREATE_CARD } from "../../route";
import { callRoute } from "@/test/call-route";
import type { CardJson } from "@/lib/validations/board";
import { boardOf, fieldsOf, MISSING_ID, person, type Person } from "../../../../boards-api-test-kit";

let owner: Person;
let editor: Person;
let otherEditor: Person;
let viewer: Person;
let outsider: Person;

beforeAll(async () => {
  owner = await person("staff");
  editor = await person("staff");
  otherEditor = await person("staff");
  viewer = await person("staff");
  outsider = await person("staff");
});

type Ids = { id: string; cardId: string };

async function cardOnBoard(): Promise<{ ids: Ids; card: CardJson; base: string }> {
  const board = await boardOf(owner, { editor: [editor, otherEditor], viewer: [viewer] });
  const res = await callRoute(CREATE_CARD, "POST", `/api/v1/boards/${board.id}/cards`, {
    key: editor.key,
    params: { id: board.id },
    body: { title: "Window display", columnId: board.columns[0]!.id },
  });
  const card = res.body.data.card as CardJson;
  return { ids: { id: board.id, cardId: card.id }, card, base: `/api/v1/boards/${board.id}/cards/${card.id}` };
}

async function detail(ids: Ids, base: string) {
  const res = await callRoute(GET_CARD, "GET", base, { key: owner.key, params: ids });
  expect(res.status).toBe(200);
  return res.body.data;
}

describe("checklist", () => {
  it("adds, ticks, rewords and removes items; each change moves the card's version on", async () => {
    const { ids, base } = await cardOnBoard();
    const add = (text: string) =>
      callRoute(ADD_ITEM, "POST", `${base}/checklist`, { key: editor.key, params: ids, body: { text } });
    const first = await add("Order bulbs");
    expect(first.status).toBe(201);
    expect(first.body.data.item).toMatchObject({ text: "Order bulbs", done: false });
    expect(first.body.data.card).toMatchObject({ checklist: { done: 0, total: 1 }, version: 2 });
    expect(first.headers.get("etag")).toBe('"2"');
    const second = await add("Hang them");
    expect(second.body.data.checklist.map((i: { text: string }) => i.text)).toEqual(["Order bulbs", "Hang them"]);
    const item = first.body.data.item as { id: string };
    const ticked = await callRoute(UPDATE_ITEM, "PATCH", `${base}/checklist/${item.id}`, {
      key: editor.key,
      params: { ...ids, itemId: item.id },
      body: { done: true, text: "Order LED bulbs" },
    });
    expect(ticked.status).toBe(200);
    expect(ticked.body.data.item).toMatchObject({ text: "Order LED bulbs", done: true });
    expect(ticked.body.data.card.checklist).toEqual({ done: 1, total: 2 });
    // An edit made before the tick is now stale.
    const stale = await callRoute(UPDATE_CARD, "PATCH", base, {
      key: owner.key,
      params: ids,
      body: { title: "Old view" },
      headers: { "if-match": '"2"' },
    });
    expect(stale.status).toBe(412);
    const removed = await callRoute(REMOVE_ITEM, "DELETE", `${base}/checklist/${item.id}`, {
      key: editor.key,
      params: { ...ids, itemId: item.id },
    });
    expect(removed.status).toBe(204);
    const now = await detail(ids, base);
    expect(now.checklist.map((i: { text: string }) => i.text)).toEqual(["Hang them"]);
    expect(now.card.checklist).toEqual({ done: 0, total: 1 });
    expect(
      (
        await callRoute(REMOVE_ITEM, "DELETE", `${base}/checklist/${item.id}`, {
          key: editor.key,
          params: { ...ids, itemId: item.id },
        })
      ).status,
    ).toBe(404);
  });

  it("answers 422 per field, 404 for another card's item, 403 for viewers, 404 for non-members", async () => {
    const { ids, base } = await cardOnBoard();
    const other = await cardOnBoard();
    for (const [body, fields] of [
      [{}, ["text"]],
      [{ text: "" }, ["text"]],
      [{ text: "x".repeat(301) }, ["text"]],
      [{ text: "ok", done: "yes" }, ["done"]],
      [{ text: "ok", position: "a0" }, ["_form"]],
    ] as const) {
      const res = await callRoute(ADD_ITEM, "POST", `${base}/checklist`, { key: editor.key, params: ids, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const theirs = await callRoute(ADD_ITEM, "POST", `${other.base}/checklist`, {
      key: editor.key,
      params: other.ids,
      body: { text: "Theirs" },
    });
    const theirItem = theirs.body.data.item.id as string;
    for (const itemId of [theirItem, MISSING_ID]) {
      const res = await callRoute(UPDATE_ITEM, "PATCH", `${base}/checklist/${itemId}`, {
        key: editor.key,
        params: { ...ids, itemId },
        body: { done: true },
      });
      expect(res.status, itemId).toBe(404);
    }
    const byViewer = await callRoute(ADD_ITEM, "POST", `${base}/checklist`, {
      key: viewer.key,
      params: ids,
      body: { text: "Viewer" },
    });
    expect(byViewer.status).toBe(403);
    const byStranger = await callRoute(ADD_ITEM, "POST", `${base}/checklist`, {
      key: outsider.key,
      params: ids,
      body: { text: "Stranger" },
    });
    expect(byStranger.status).toBe(404);
    expect((await detail(ids, base)).checklist).toEqual([]);
    expect((await detail(other.ids, other.base)).checklist.map((i: { done: boolean }) => i.done)).toEqual([false]);
  });
});

describe("comments", () => {
  it("an editor comments (the card's version stays); its author or an owner deletes it, another editor cannot", async () => {
    const { ids, base, card } = await cardOnBoard();
    const comment = (body: string, who: Person = editor) =>
      callRoute(ADD_COMMENT, "POST", `${base}/comments`, { key: who.key, params: ids, body: { body } });
    const res = await comment("Bulbs ordered, due **Friday**.");
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      body: "Bulbs ordered, due **Friday**.",
      author: { id: editor.userId },
      canDelete: true,
    });
    const second = await comment("Thanks!", otherEditor);
    const now = await detail(ids, base);
    expect(now.card).toMatchObject({ version: card.version, commentCount: 2 });
    expect(now.comments.map((c: { body: string }) => c.body)).toEqual(["Bulbs ordered, due **Friday**.", "Thanks!"]);
    const one = (commentId: string) => ({ ...ids, commentId });
    const notTheirs = await callRoute(DELETE_COMMENT, "DELETE", `${base}/comments/${res.body.data.id}`, {
      key: otherEditor.key,
      params: one(res.body.data.id),
    });
    expect(notTheirs.status).toBe(403);
    const byAuthor = await callRoute(DELETE_COMMENT, "DELETE", `${base}/comments/${res.body.data.id}`, {
      key: editor.key,
      params: one(res.body.data.id),
    });
    expect(byAuthor.status).toBe(204);
    const byOwner = await callRoute(DELETE_COMMENT, "DELETE", `${base}/comments/${second.body.data.id}`, {
      key: owner.key,
      params: one(second.body.data.id),
    });
    expect(byOwner.status).toBe(204);
    expect((await detail(ids, base)).comments).toEqual([]);
    const again = await callRoute(DELETE_COMMENT, "DELETE", `${base}/comments/${second.body.data.id}`, {
      key: owner.key,
      params: one(second.body.data.id),
    });
    expect(again.status).toBe(404);
  });

  it("viewers only read (403), non-members get 404, bodies are checked (422)", async () => {
    const { ids, base } = await cardOnBoard();
    const as = (who: Person, body: unknown) =>
      callRoute(ADD_COMMENT, "POST", `${base}/comments`, { key: who.key, params: ids, body });
    expect((await as(viewer, { body: "Looks good" })).status).toBe(403);
    expect((await as(outsider, { body: "Hello" })).status).toBe(404);
    for (const [body, fields] of [
      [{ body: "" }, ["body"]],
      [{ body: "   " }, ["body"]],
      [{ body: "x".repeat(5001) }, ["body"]],
      [{ text: "wrong key" }, ["_form", "body"]],
    ] as const) {
      const res = await as(editor, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const wrongCard = await callRoute(ADD_COMMENT, "POST", `${base}/comments`, {
      key: editor.key,
      params: { ...ids, cardId: MISSING_ID },
      body: { body: "Nowhere" },
    });
    expect(wrongCard.status).toBe(404);
    expect((await detail(ids, base)).comments).toEqual([]);
  });
});
