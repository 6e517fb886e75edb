// Stream request signatures. Two schemes over the same body, so a receiver can use either:
//   X-Opsdeck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256(key = the whole secret "whsec_…" as
//     UTF-8, message = "<t>.<body>")>
//   Webhook-Signature: v1,<base64 HMAC-SHA-256(key = base64-decoded part after "whsec_",
//     message = "<Webhook-Id>.<Webhook-Timestamp>.<body>")>  (Standard Webhooks, standardwebhooks.com)
// The event id (Webhook-Id, X-Opsdeck-Event-Id) is the same on every retry, for de-duplication.
import { createHmac, randomBytes } from "node:crypto";

export const SECRET_PREFIX = "whsec_";

/** A new signing secret: "whsec_" + 32 random bytes in base64 (the Standard Webhooks shape). */
export function generateStreamSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

/** The last characters of a secret, for recognising which one a stream holds. */
export function secretHintOf(secret: string): string {
  return secret.slice(-4);
}

export function opsdeckSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export function standardWebhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`, "utf8").digest("base64")}`;
}

/** Every header of one signed request. `timestamp` is the sending time (Unix seconds). */
export function signedHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": standardWebhookSignature(secret, id, timestamp, body),
    "x-opsdeck-event-id": id,
    "x-opsdeck-timestamp": String(timestamp),
    "x-opsdeck-signature": opsdeckSignature(secret, timestamp, body),
  };
}
