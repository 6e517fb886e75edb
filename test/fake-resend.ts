// A stand-in for Resend's HTTP API on 127.0.0.1, for tests: it accepts `POST /emails` the way the
// resend SDK sends it, records every message, and lets a test read them back with
// `GET /emails?to=<address>` (newest first). `POST /fail-next` with `{ "count": n }` makes the
// next n sends fail with a 503, as an outage would. Point the app at it with RESEND_BASE_URL.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeResendMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  receivedAt: string;
};

export type FakeResend = {
  url: string;
  port: number;
  messages: FakeResendMessage[];
  failNext(count: number): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeResend(port = 0): Promise<FakeResend> {
  const messages: FakeResendMessage[] = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    void (async () => {
      if (req.method === "POST" && url.pathname === "/emails") {
        if (!/^Bearer \S+/.test(req.headers.authorization ?? ""))
          return reply(401, { name: "missing_api_key", statusCode: 401, message: "Missing API key" });
        const payload = JSON.parse(await readBody(req)) as Partial<Omit<FakeResendMessage, "to">> & {
          to?: string | string[];
        };
        if (failures > 0) {
          failures -= 1;
          return reply(503, { name: "application_error", statusCode: 503, message: "fake outage" });
        }
        const message: FakeResendMessage = {
          id: randomUUID(),
          from: payload.from ?? "",
          to: [payload.to ?? []].flat(),
          subject: payload.subject ?? "",
          html: payload.html ?? "",
          text: payload.text ?? "",
          receivedAt: new Date().toISOString(),
        };
        messages.push(message);
        return reply(200, { id: message.id });
      }
      if (req.method === "GET" && url.pathname === "/emails") {
        const to = url.searchParams.get("to")?.toLowerCase();
        const found = messages.filter((m) => !to || m.to.some((t) => t.toLowerCase() === to)).reverse();
        return reply(200, { data: found });
      }
      if (req.method === "POST" && url.pathname === "/fail-next") {
        failures = Number((JSON.parse((await readBody(req)) || "{}") as { count?: number }).count ?? 1);
        return reply(200, { failing: failures });
      }
      reply(404, { name: "not_found", statusCode: 404, message: "Not found" });
    })().catch((error: unknown) => reply(500, { name: "application_error", message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    messages,
    failNext: (count) => void (failures = count),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
