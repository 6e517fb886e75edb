// The 64 kB JSON limit holds on the wire: bytes are counted while the body streams in, so a client
// cannot make the server buffer a huge body by leaving out Content-Length (chunked) or by
// declaring a large one. Plain node:http, because a test client must be able to send a body that
// never ends and watch for the answer while it is still sending.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./env";
import { freshIp } from "./http-helpers";

const LIMIT = 64 * 1024;
const GIVE_UP_AFTER = 256 * 1024 * 1024;

type Outcome = { status: number; contentType: string; body: string; bytesSent: number; finishedSending: boolean };

/** POSTs a JSON body that keeps coming (64 kB chunks) until the server answers or GIVE_UP_AFTER is sent. */
function postEndlessBody(headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    let finishedSending = false;
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: Number(E2E_PORT),
        method: "POST",
        path: "/api/v1/auth/sign-up",
        headers: { "content-type": "application/json", "x-forwarded-for": freshIp(), ...headers },
      },
      (res: IncomingMessage) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
            bytesSent,
            finishedSending,
          });
          req.destroy();
        });
      },
    );
    req.on("error", (error) => (answered ? undefined : reject(error)));
    // A server that waits for the whole body never answers this one: say so instead of hanging.
    req.setTimeout(20_000, () => {
      if (!answered) reject(new Error(`no answer after ${bytesSent} bytes: the server waits for the whole body`));
      req.destroy();
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && bytesSent < GIVE_UP_AFTER) {
        bytesSent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) {
        finishedSending = true;
        req.end();
      }
    };
    req.write('{"username":"');
    pump();
  });
}

test.describe("JSON body limit", () => {
  test("a chunked body with no Content-Length is refused with 413 while it is still being sent", async () => {
    const outcome = await postEndlessBody();
    expect(outcome.status, outcome.body).toBe(413);
    expect(outcome.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(outcome.body)).toMatchObject({ status: 413, code: "payload_too_large" });
    // The answer came while the client was still sending: the server did not wait for (or buffer) the whole body.
    expect(outcome.finishedSending).toBe(false);
    expect(outcome.bytesSent).toBeLessThan(GIVE_UP_AFTER);
  });

  test("a declared Content-Length over the limit is refused before the body is sent", async () => {
    const outcome = await postEndlessBody({ "content-length": String(GIVE_UP_AFTER + 14) });
    expect(outcome.status, outcome.body).toBe(413);
    expect(JSON.parse(outcome.body)).toMatchObject({ code: "payload_too_large" });
    expect(outcome.finishedSending).toBe(false);
  });

  test("a body just under the limit still reaches the handler", async ({ request }) => {
    const response = await request.post("/api/v1/auth/sign-up", {
      headers: { "content-type": "application/json", "x-forwarded-for": freshIp() },
      data: JSON.stringify({ username: "x".repeat(LIMIT - 100) }),
    });
    expect(response.status()).toBe(422);
  });
});
