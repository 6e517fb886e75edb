// A SIEM endpoint for tests: a node:http server on 127.0.0.1 that records every request and
// answers as told (a status, a delay, a redirect), and, like a careful receiver, accepts each
// event id once (`accepted`) however often it is retried. Also checks signatures independently
// of lib/audit/streams/sign-payload.ts.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  /** Path and query string as requested. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; seq: number | null; action: string; type: string };
};
export type Answer = { status: number; delayMs?: number; body?: string; headers?: Record<string, string> };

export type TestReceiver = {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Event ids in the order first accepted (a repeat of an accepted id is acknowledged, not added). */
  accepted: string[];
  /** Answers for the next requests, in order; afterwards `otherwise`. */
  answers: Answer[];
  /** The answer once `answers` is used up (default 200); set it to fail every request until reset. */
  otherwise: Answer;
  close: () => Promise<void>;
};

export async function startTestReceiver(path = "/opsdeck"): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  const accepted: string[] = [];
  const answers: Answer[] = [];
  const receiver = { requests, accepted, answers, otherwise: { status: 200 } } as TestReceiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json = { id: "", seq: null, action: "", type: "" } as ReceivedRequest["json"];
      try {
        json = JSON.parse(body) as ReceivedRequest["json"];
      } catch {
        // recorded as is
      }
      requests.push({ path: req.url ?? "", headers: req.headers, body, json });
      const answer = answers.shift() ?? receiver.otherwise;
      const respond = () => {
        if (res.destroyed) return;
        if (answer.status >= 200 && answer.status < 300 && !accepted.includes(json.id)) accepted.push(json.id);
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end(answer.body ?? (answer.status < 300 ? "ok" : "receiver says no"));
      };
      if (answer.delayMs) setTimeout(respond, answer.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    requests,
    accepted,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return receiver;
}

/** Checks X-Opsdeck-Signature as a receiver would: HMAC-SHA-256 of "<t>.<body>" keyed by the secret. */
export function verifyOpsdeckSignature(secret: string, request: ReceivedRequest, toleranceSeconds = 300): boolean {
  const header = String(request.headers["x-opsdeck-signature"] ?? "");
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${request.body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Checks Webhook-Signature (Standard Webhooks): base64 HMAC of "<id>.<timestamp>.<body>", key = base64 after whsec_. */
export function verifyStandardWebhookSignature(secret: string, request: ReceivedRequest): boolean {
  const id = String(request.headers["webhook-id"] ?? "");
  const ts = String(request.headers["webhook-timestamp"] ?? "");
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${ts}.${request.body}`).digest("base64");
  return String(request.headers["webhook-signature"] ?? "")
    .split(" ")
    .some((s) => s === `v1,${expected}`);
}
