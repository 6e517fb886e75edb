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

import { GET, POST } from "./route";
import { API_LIMITS } from "@/lib/api/api-rate-limits";
import { hit, reset } from "@/lib/rate-limit/limiter";
import { callRoute } from "@/test/call-route";
import { customRole } from "@/test/user-admin";
import { asBrowser, boardOf, fieldsOf, keyOf, person, sessionCookieOf, type Person } from "./boards-api-test-kit";

let owner: Person;
let outsider: Person;
let reader: Person;

beforeAll(async () => {
  owner = await person("staff");
  outsider = await person("staff");
  // The User role holds board.read but not board.write.
  reader = await person("user", ["board.read"]);
});

describe("POST /api/v1/boards", () => {
  it("creates a board owned by the caller: 201, Location, the whole board with its change number as ETag", async () => {
    const res = await callRoute(POST, "POST", "/api/v1/boards", {
      key: owner.key,
      body: { name: "  Shop   floor ", color: "teal", description: "Weekly tasks" },
    });
    expect(res.status).toBe(201);
    const board = res.body.data;
    expect(board).toMatchObject({
      name: "Shop floor",
      color: "teal",
      description: "Weekly tasks",
      role: "owner",
      swimlanesEnabled: false,
      archivedAt: null,
      cards: [],
      lanes: [],
    });
    expect(board.columns.map((c: { name: string }) => c.name)).toEqual(["To do", "Doing", "Done"]);
    expect(board.members).toEqual([expect.objectContaining({ userId: owner.userId, role: "owner" })]);
    expect(res.headers.get("location")).toBe(`/api/v1/boards/${board.id}`);
    expect(res.headers.get("etag")).toBe(`"${board.seq}"`);
  });

  it("starts with the columns named, and a lane when swimlanes are on", async () => {
    const res = await callRoute(POST, "POST", "/api/v1/boards", {
      key: owner.key,
      body: { name: "Lanes", columns: ["Backlog", "Now"], swimlanesEnabled: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.columns.map((c: { name: string }) => c.name)).toEqual(["Backlog", "Now"]);
    expect(res.body.data.lanes).toHaveLength(1);
  });

  it("answers 422 naming each invalid field, and writes nothing", async () => {
    const before = await callRoute(GET, "GET", "/api/v1/boards", { key: owner.key });
    const cases: [unknown, string[]][] = [
      [{}, ["name"]],
      [{ name: "   " }, ["name"]],
      [{ name: "x".repeat(121) }, ["name"]],
      [{ name: "A", color: "puce" }, ["color"]],
      [{ name: "A", columns: "To do" }, ["columns"]],
      [{ name: "A", columns: ["ok", ""] }, ["columns"]],
      [{ name: "A", swimlanesEnabled: "yes" }, ["swimlanesEnabled"]],
      [{ name: "A", description: "\u0007bell" }, ["description"]],
      [{ name: "A", seq: 9 }, ["_form"]],
      [[1], ["_form"]],
    ];
    for (const [body, fields] of cases) {
      const res = await callRoute(POST, "POST", "/api/v1/boards", { key: owner.key, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(fieldsOf(res.body), JSON.stringify(body)).toEqual(fields);
    }
    const after = await callRoute(GET, "GET", "/api/v1/boards", { key: owner.key });
    expect(after.body.data).toHaveLength(before.body.data.length);
  });

  it("answers 415 for a form body, 400 for broken JSON or a NUL, 413 for a huge one", async () => {
    const form = await callRoute(POST, "POST", "/api/v1/boards", {
      key: owner.key,
      rawBody: "name=A",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const broken = await callRoute(POST, "POST", "/api/v1/boards", {
      key: owner.key,
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    const nul = await callRoute(POST, "POST", "/api/v1/boards", { key: owner.key, body: { name: "A\u0000B" } });
    expect(nul.status).toBe(400);
    expect(nul.body.code).toBe("nul_character");
    const huge = await callRoute(POST, "POST", "/api/v1/boards", {
      key: owner.key,
      body: { name: "A", description: "x".repeat(70_000) },
    });
    expect(huge.status).toBe(413);
  });

  it("answers 401 without credentials or with a bad key, 403 without board.write (person or key)", async () => {
    const none = await callRoute(POST, "POST", "/api/v1/boards", { body: { name: "A" } });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(
      (await callRoute(POST, "POST", "/api/v1/boards", { key: "odk_live_nope", body: { name: "A" } })).status,
    ).toBe(401);
    const person403 = await callRoute(POST, "POST", "/api/v1/boards", { key: reader.key, body: { name: "A" } });
    expect(person403.status).toBe(403);
    expect(person403.body.code).toBe("forbidden");
    const readOnlyKey = await keyOf(owner, ["board.read"]);
    expect((await callRoute(POST, "POST", "/api/v1/boards", { key: readOnlyKey, body: { name: "A" } })).status).toBe(
      403,
    );
    const noBoardKey = await keyOf(owner, ["customers.read"]);
    expect((await callRoute(POST, "POST", "/api/v1/boards", { key: noBoardKey, body: { name: "A" } })).status).toBe(
      403,
    );
  });

  it("replays the first answer for a repeated Idempotency-Key, and makes one board", async () => {
    const name = `Once-${Math.random().toString(36).slice(2, 8)}`;
    const call = () =>
      callRoute(POST, "POST", "/api/v1/boards", {
        key: owner.key,
        body: { name },
        headers: { "idempotency-key": `board-${name}` },
      });
    const first = await call();
    const second = await call();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body.data.id).toBe(first.body.data.id);
    const list = await callRoute(GET, "GET", "/api/v1/boards", { key: owner.key });
    expect(list.body.data.filter((b: { name: string }) => b.name === name)).toHaveLength(1);
  });

  it("answers 429 with Retry-After once the key's write budget is spent", async () => {
    const p = await person("staff");
    await hit(API_LIMITS.principalWrite, `key:${p.keyId}`, API_LIMITS.principalWrite.points);
    const res = await callRoute(POST, "POST", "/api/v1/boards", { key: p.key, body: { name: "Too many" } });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // Reads have their own budget.
    expect((await callRoute(GET, "GET", "/api/v1/boards", { key: p.key })).status).toBe(200);
    await reset(API_LIMITS.principalWrite, `key:${p.keyId}`);
    expect((await callRoute(POST, "POST", "/api/v1/boards", { key: p.key, body: { name: "Now" } })).status).toBe(201);
  });
});

describe("GET /api/v1/boards", () => {
  it("lists the caller's boards with their role there, never other people's", async () => {
    const viewer = await person("staff");
    const mine = await boardOf(owner, { viewer: [viewer] });
    const res = await callRoute(GET, "GET", "/api/v1/boards", { key: viewer.key });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty("next_cursor");
    const listed = res.body.data.find((b: { id: string }) => b.id === mine.id);
    expect(listed).toMatchObject({ name: mine.name, role: "viewer", memberCount: 2, cardCount: 0, archivedAt: null });
    const others = await callRoute(GET, "GET", "/api/v1/boards", { key: outsider.key });
    expect(others.body.data.some((b: { id: string }) => b.id === mine.id)).toBe(false);
  });

  it("board.manage lists every board, as manager; a Manager without it sees only their own", async () => {
    const board = await boardOf(owner);
    const managing = await person((await customRole(["board.read", "board.manage"])).key, [
      "board.read",
      "board.manage",
    ]);
    const all = await callRoute(GET, "GET", "/api/v1/boards", { key: managing.key });
    expect(all.body.data.find((b: { id: string }) => b.id === board.id)?.role).toBe("manager");
    const manager = await person("manager");
    const own = await callRoute(GET, "GET", "/api/v1/boards", { key: manager.key });
    expect(own.body.data.some((b: { id: string }) => b.id === board.id)).toBe(false);
  });

  it("answers 422 for an archived value that is not true or false, 401 and 403", async () => {
    for (const archived of ["yes", "1 OR 1=1", ""]) {
      const res = await callRoute(GET, "GET", "/api/v1/boards", { key: owner.key, query: { archived } });
      expect(res.status, archived).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["archived"]);
    }
    expect((await callRoute(GET, "GET", "/api/v1/boards", {})).status).toBe(401);
    const key = await keyOf(owner, ["customers.read"]);
    expect((await callRoute(GET, "GET", "/api/v1/boards", { key })).status).toBe(403);
  });
});

describe("a browser session calls the boards API too", () => {
  it("lists and creates with the session cookie; a cross-site write is refused", async () => {
    const cookie = await sessionCookieOf(owner);
    jar.cookie = cookie;
    try {
      const list = await callRoute(GET, "GET", "/api/v1/boards", asBrowser(cookie));
      expect(list.status).toBe(200);
      const made = await callRoute(
        POST,
        "POST",
        "/api/v1/boards",
        asBrowser(cookie, { body: { name: "From the browser" } }),
      );
      expect(made.status).toBe(201);
      expect(made.body.data.members[0].userId).toBe(owner.userId);
      const forged = await callRoute(
        POST,
        "POST",
        "/api/v1/boards",
        asBrowser(cookie, { body: { name: "Forged" }, headers: { origin: "https://evil.example" } }),
      );
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe("cross_site_request");
    } finally {
      jar.cookie = null;
    }
    // The same request without the session is anonymous.
    expect((await callRoute(GET, "GET", "/api/v1/boards", {})).status).toBe(401);
  });

  it("a session of someone without board.write cannot create", async () => {
    const cookie = await sessionCookieOf(reader);
    jar.cookie = cookie;
    try {
      const res = await callRoute(POST, "POST", "/api/v1/boards", asBrowser(cookie, { body: { name: "Nope" } }));
      expect(res.status).toBe(403);
      expect((await callRoute(GET, "GET", "/api/v1/boards", asBrowser(cookie))).status).toBe(200);
    } finally {
      jar.cookie = null;
    }
  });
});
