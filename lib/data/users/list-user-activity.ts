// Admin: the newest audit events of and about one user (they acted, or were acted on), for the
// user-detail page. Reading it takes audit.read (the audit trail), not only users.read: it shows
// addresses and devices. An impersonated event names both identities (metadata.impersonatorId).
import "server-only";
import { db } from "@/lib/db";
import { auditLabel } from "@/lib/audit/actions";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { describeUserAgent } from "@/lib/http/user-agent";
import { requirePermission } from "@/lib/rbac/can";
import { entityIdSchema } from "@/lib/validations/admin-user";

export type ActivityPerson = { id: string; name: string; username: string } | { id: string; name: null; username: null };

export type UserActivityItem = {
  id: string;
  action: string;
  label: string;
  createdAt: Date;
  ipAddress: string | null;
  device: string | null;
  /** Who did it (the user acted as, for an impersonated event); null for the system or someone not signed in. */
  actor: ActivityPerson | null;
  /**
   * No one signed in acted: a sign-in or second-factor attempt on the account (failed sign-ins name
   * the account as the target, never as the actor: whoever typed the password is not known).
   */
  anonymous: boolean;
  /** The administrator behind an impersonated event. */
  impersonator: ActivityPerson | null;
  /** The account acted on, when it is not the actor. */
  target: ActivityPerson | null;
  /** Before/after values and reasons the event recorded, for display. */
  details: { key: string; value: string }[];
};

const SHOWN_DETAILS = ["before", "after", "added", "removed", "reason", "banReason", "sessionsEnded", "revoked", "signedOut", "device"] as const;

function detailText(value: unknown): string | null {
  // An empty list ("removed: nothing") says nothing worth a line.
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function parseMetadata(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function listUserActivity(viewer: Viewer | null, userId: unknown, limit = 20): Promise<UserActivityItem[]> {
  requirePermission(viewer, "audit.read");
  const parsed = entityIdSchema.safeParse(userId);
  if (!parsed.success) throw new NotFoundError("User not found.");
  const id = parsed.data;
  const rows = await db.auditEvent.findMany({
    where: { OR: [{ actorId: id }, { targetType: "user", targetId: id }] },
    orderBy: { seq: "desc" },
    take: Math.min(Math.max(1, limit), 50),
    select: { id: true, action: true, createdAt: true, ipAddress: true, userAgent: true, actorId: true, actorType: true, targetType: true, targetId: true, metadata: true },
  });
  const events = rows.map((r) => ({ ...r, meta: parseMetadata(r.metadata) }));
  const ids = new Set<string>();
  for (const e of events) {
    if (e.actorId) ids.add(e.actorId);
    if (e.targetType === "user" && e.targetId) ids.add(e.targetId);
    if (typeof e.meta.impersonatorId === "string") ids.add(e.meta.impersonatorId);
  }
  const people = new Map(
    (
      await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, username: true, firstName: true, lastName: true } })
    ).map((u) => [u.id, { id: u.id, name: `${u.firstName} ${u.lastName}`, username: u.username }]),
  );
  // An account deleted since keeps its id in the log: shown as an id, not dropped.
  const person = (pid: string | null | undefined): ActivityPerson | null =>
    pid ? (people.get(pid) ?? { id: pid, name: null, username: null }) : null;
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    label: auditLabel(e.action),
    createdAt: e.createdAt,
    ipAddress: e.ipAddress,
    device: e.userAgent ? describeUserAgent(e.userAgent) : null,
    actor: person(e.actorId),
    anonymous: e.actorId === null && e.actorType === "anonymous",
    impersonator: person(typeof e.meta.impersonatorId === "string" ? e.meta.impersonatorId : null),
    target: e.targetType === "user" && e.targetId !== e.actorId ? person(e.targetId) : null,
    details: SHOWN_DETAILS.flatMap((key) => {
      const value = key in e.meta ? detailText(e.meta[key]) : null;
      return value === null ? [] : [{ key, value }];
    }),
  }));
}
