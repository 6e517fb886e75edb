// `npm start` serves with several node:cluster workers (the e2e server runs two: scripts/e2e-server.ts).
// What one worker does must count for all: a board change reaches event streams held by every
// worker, and a rate limit counts requests whichever worker answered them. Each request here opens
// its own TCP connection, and the cluster hands new connections to the workers in turn, so
// consecutive requests land on different workers.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./env";
import { createAccount } from "./support/admin-session";
import { freshContext, gotoReady, signIn } from "./helpers";
import { freshIp, signUpBody } from "./http-helpers";

const ORIGIN = `http://localhost:${E2E_PORT}`;

type Answer = { status: number; body: string };

/** One request on a connection of its own (no keep-alive agent). */
function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${ORIGIN}${path}`,
      {
        method,
        agent: false,
        headers: { ...headers, ...(payload ? { "content-type": "application/json", origin: ORIGIN } : {}) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** A board event stream on a connection of its own; `changes` collects the change numbers it delivers. */
function openStream(path: string, cookie: string) {
  const changes: number[] = [];
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const req = http.get(
    `${ORIGIN}${path}`,
    { agent: false, headers: { cookie, accept: "text/event-stream" } },
    (res) => {
      expect(res.statusCode).toBe(200);
      opened();
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(frame);
          if (/^event: change$/m.test(frame) && id) changes.push(Number(id[1]));
        }
      });
    },
  );
  req.on("error", () => undefined);
  return { changes, ready, close: () => req.destroy() };
}

test("a board change reaches the event streams held by every worker", async ({ browser }) => {
  const staff = createAccount(["staff"]);
  const context = await freshContext(browser);
  const page = await context.newPage();
  await gotoReady(page, "/sign-in");
  await signIn(page, staff.username, staff.password);
  await expect(page).toHaveURL(/\/dashboard/);
  const cookie = (await context.cookies())
    .filter((c) => c.name.includes("session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  expect(cookie).not.toBe("");

  const created = await send("POST", "/api/v1/boards", { cookie }, { name: "Across workers", columns: ["To do"] });
  expect(created.status, created.body).toBe(201);
  const board = (JSON.parse(created.body) as { data: { id: string; seq: number; columns: { id: string }[] } }).data;

  const streams = Array.from({ length: 4 }, () =>
    openStream(`/api/v1/boards/${board.id}/events?after=${board.seq}`, cookie),
  );
  try {
    await Promise.all(streams.map((s) => s.ready));
    // Streams re-read the board every 5 s by themselves; the change must arrive well before that.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const card = await send(
      "POST",
      `/api/v1/boards/${board.id}/cards`,
      { cookie },
      {
        title: "Seen everywhere",
        columnId: board.columns[0]!.id,
      },
    );
    expect(card.status, card.body).toBe(201);
    const started = Date.now();
    await expect
      .poll(() => streams.map((s) => s.changes.length > 0), { timeout: 1_500, intervals: [25] })
      .toEqual([true, true, true, true]);
    console.log(`a change reached 4 streams on 2 workers within ${Date.now() - started} ms`);
    expect(new Set(streams.map((s) => s.changes[0]))).toEqual(new Set([board.seq + 1]));
  } finally {
    for (const s of streams) s.close();
    await context.close();
  }
});

test("a rate limit counts requests answered by different workers", async () => {
  const ip = freshIp();
  for (let i = 1; i <= 10; i++) {
    const answer = await send("POST", "/api/v1/auth/sign-up", { "x-forwarded-for": ip }, signUpBody());
    expect(answer.status, `sign-up ${i}: ${answer.body}`).toBe(201);
  }
  // Five of those went to each worker: counted per process, the eleventh would pass.
  const refused = await send("POST", "/api/v1/auth/sign-up", { "x-forwarded-for": ip }, signUpBody());
  expect(refused.status, refused.body).toBe(429);
  expect(JSON.parse(refused.body)).toMatchObject({ code: "rate_limited" });
});
