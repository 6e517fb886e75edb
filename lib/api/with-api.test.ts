import { describe, expect, it } from "vitest";
import { json, withApi } from "@/lib/api/with-api";

const LIMIT = 64 * 1024;
const echo = withApi(async (ctx) => json({ received: await ctx.json() }));

/** A JSON body that streams `total` bytes in 16 kB chunks, counting how much was pulled from it. */
function streamedBody(total: number) {
  const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === 0) {
          controller.enqueue(new TextEncoder().encode('"'));
          state.pulled += 1;
          return;
        }
        if (state.pulled >= total) return controller.close();
        controller.enqueue(chunk);
        state.pulled += chunk.byteLength;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/v1/echo", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; code: string };
}

describe("withApi body limit: bytes are counted while the stream is read", () => {
  it("a chunked body over 64 kB without Content-Length gets 413 and the reader stops pulling", async () => {
    const { stream, state } = streamedBody(50 * 1024 * 1024);
    const response = await echo(post(stream));
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ status: 413, code: "payload_too_large" });
    // Stopped just past the limit: nowhere near the 50 MB the client offered.
    expect(state.pulled).toBeLessThan(LIMIT + 64 * 1024);
  });

  it("a Content-Length smaller than the body does not let the rest through", async () => {
    const { stream, state } = streamedBody(10 * 1024 * 1024);
    const response = await echo(post(stream, { "content-length": "100" }));
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThan(LIMIT + 64 * 1024);
  });

  it("a Content-Length over the limit is refused before anything is read", async () => {
    const { stream, state } = streamedBody(10 * 1024 * 1024);
    const response = await echo(post(stream, { "content-length": String(LIMIT + 1) }));
    expect(response.status).toBe(413);
    expect(state.pulled).toBe(0);
  });

  it("a body of exactly 64 kB is accepted, one byte more is not", async () => {
    const atLimit = JSON.stringify("x".repeat(LIMIT - 2));
    expect(Buffer.byteLength(atLimit)).toBe(LIMIT);
    const ok = await echo(post(atLimit));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { received: string }).received).toHaveLength(LIMIT - 2);
    const over = await echo(post(JSON.stringify("x".repeat(LIMIT - 1))));
    expect(over.status).toBe(413);
  });

  it("counts bytes, not characters", async () => {
    const body = JSON.stringify("é".repeat(LIMIT / 2));
    expect(body.length).toBeLessThan(LIMIT);
    expect((await echo(post(body))).status).toBe(413);
  });

  it("a body that breaks off mid-stream is a 400, not a 500", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.error(new Error("socket hang up"));
      },
    });
    const response = await echo(post(stream));
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: "body_unreadable" });
  });

  it("bytes that are not UTF-8 are invalid JSON (400)", async () => {
    const response = await echo(post(new Uint8Array([0x22, 0xff, 0xfe, 0x22])));
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: "invalid_json" });
  });

  it("an empty body is invalid JSON and a JSON body is parsed", async () => {
    expect((await echo(post(""))).status).toBe(400);
    const ok = await echo(post(JSON.stringify({ a: [1, 2] })));
    expect(await ok.json()).toEqual({ received: { a: [1, 2] } });
  });

  it("a JSON answer carries the API Content-Security-Policy itself", async () => {
    const ok = await echo(post(JSON.stringify({ a: 1 })));
    expect(ok.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("withApi request ids", () => {
  it("answers with an id of its own, never one the client chose", async () => {
    const response = await echo(post('{"a":1}', { "x-request-id": "chosen-by-the-client" }));
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe("chosen-by-the-client");
  });
});

describe("withApi: the database's transient refusals are 503 with Retry-After, not 500", () => {
  // The shape Prisma's driver adapters give a SQLite write that waited out its busy timeout.
  const sqliteBusy = Object.assign(new Error("Raw query failed. Code: `SQLITE_BUSY`. Message: `database is locked`"), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: {
      driverAdapterError: {
        name: "DriverAdapterError",
        cause: { kind: "sqlite", extendedCode: 5, message: "database is locked" },
      },
    },
  });
  const deadlock = Object.assign(
    new Error("Transaction failed due to a write conflict or a deadlock. Please retry your transaction"),
    {
      name: "PrismaClientKnownRequestError",
      code: "P2034",
    },
  );

  it.each([
    ["SQLite busy", sqliteBusy],
    ["a PostgreSQL deadlock", deadlock],
  ])("%s", async (_label, error) => {
    const handler = withApi(async () => {
      throw error;
    });
    const response = await handler(new Request("http://localhost:3000/api/v1/echo"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await problemOf(response)) as { code: string; detail?: string };
    expect(body.code).toBe("unavailable");
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|deadlock|P20/);
  });

  it("other database errors stay 500 without internals", async () => {
    const handler = withApi(async () => {
      throw Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    });
    const response = await handler(new Request("http://localhost:3000/api/v1/echo"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toMatch(/Unique constraint/);
  });
});
