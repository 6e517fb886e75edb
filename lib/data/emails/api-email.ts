// What the email API answers about a message it sent: delivery state and attempts, never the
// body (which may be encrypted, and is cleared once delivered).
import "server-only";

export type ApiEmail = {
  id: string;
  to: string;
  subject: string;
  /** "queued" (waiting for a first or further attempt), "sent", "outbox" (no provider configured), "failed". */
  status: "queued" | "sent" | "outbox" | "failed";
  attempts: number;
  lastError: string | null;
  customerId: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export const apiEmailSelect = {
  id: true,
  to: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  customerId: true,
  createdAt: true,
  sentAt: true,
} as const;

const STATUSES = new Set(["queued", "sent", "outbox", "failed"]);

export function toApiEmail(row: {
  id: string;
  to: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  customerId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}): ApiEmail {
  return { ...row, status: (STATUSES.has(row.status) ? row.status : "queued") as ApiEmail["status"] };
}
