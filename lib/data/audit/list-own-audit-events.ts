// Settings → Activity (audit.read_own): a person's own security events: sign-ins and their
// failures, second factor, password and email changes, sessions, API keys, and what administrators
// did to their account. Only events where they are the actor or the target user; when someone
// else acted (an administrator, or one impersonating them), that person's IP address and browser
// are not shown.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/rbac/can";
import { readAuditPage, type AuditWhere } from "@/lib/data/audit/list-audit-events";
import type { AuditCrud } from "@/lib/validations/audit-event";
import { parseAuditListQuery } from "@/lib/validations/audit-list-query";
import type { RawParams } from "@/lib/validations/list-query";

/** The action groups that make up a person's security events. */
export const SECURITY_ACTION_GROUPS = ["auth.", "user.", "admin.", "impersonation.", "api_key."] as const;

export type OwnAuditEvent = {
  id: string;
  createdAt: string;
  action: string;
  label: string;
  crud: AuditCrud;
  outcome: "success" | "failure";
  reason: string | null;
  /** Who acted: the person themselves (or someone trying their account), or someone else. */
  by: "self" | "administrator" | "impersonator" | "system";
  ip: string | null;
  userAgent: string | null;
};

export type OwnAuditEventPage = { items: OwnAuditEvent[]; nextCursor: string | null; prevCursor: string | null };

export async function listOwnAuditEvents(actor: Actor | null, params: RawParams): Promise<OwnAuditEventPage> {
  requirePermission(actor, "audit.read_own");
  // Only paging and the page size come from the URL: the filter is always "mine".
  const all = parseAuditListQuery(params);
  const query = parseAuditListQuery({});
  const me = actor.userId;
  const where: AuditWhere = {
    AND: [
      { OR: [{ actorId: me }, { targetType: "user", targetId: me }] },
      { OR: SECURITY_ACTION_GROUPS.map((prefix) => ({ action: { startsWith: prefix } })) },
    ],
  };
  const page = await readAuditPage({ ...query, cursor: all.cursor, limit: all.limit }, { where });
  return {
    items: page.items.map((e) => {
      const by: OwnAuditEvent["by"] =
        e.actor.type === "impersonator"
          ? "impersonator"
          : e.actor.id === me || e.actor.type === "anonymous"
            ? "self"
            : e.actor.id
              ? "administrator"
              : "system";
      const own = by === "self";
      return {
        id: e.id,
        createdAt: e.createdAt,
        action: e.action,
        label: e.label,
        crud: e.crud,
        outcome: e.outcome,
        reason: e.reason,
        by,
        ip: own ? e.ip : null,
        userAgent: own ? e.userAgent : null,
      };
    }),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}
