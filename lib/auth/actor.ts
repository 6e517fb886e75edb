// Who is acting, as the DAL sees it: a signed-in person (lib/auth/viewer.ts) or an API key acting
// for its owner (lib/api/authenticate-api-key.ts). Both carry the permission set that applies to
// this request; the DAL checks it (lib/rbac/can.ts) and records `userId` as the audit actor, with
// the key's id (`apiKeyId`) or the impersonating admin's (`impersonatorId`) beside it.
import type { Permission } from "@/lib/rbac/permissions";

export type Actor = {
  userId: string;
  permissions: ReadonlySet<Permission>;
  emailVerified: boolean;
  /** The admin behind an impersonation session. */
  impersonatorId: string | null;
  /** Set when the request authenticated with an API key. A session viewer has none. */
  apiKeyId?: string | null;
};

/** What the audit trail and RequestContext need to name an actor's extra identities. */
export function actorContext(actor: Actor): { impersonatorId: string | null; apiKeyId: string | null } {
  return { impersonatorId: actor.impersonatorId, apiKeyId: actor.apiKeyId ?? null };
}
