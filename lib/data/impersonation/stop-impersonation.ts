// "Stop impersonating": ends the impersonation this browser is in (finish-impersonation.ts: row
// deleted, audited with its duration, the person emailed) and says whether the admin's own session
// can be resumed. Which impersonation is decided by the return ticket only when it is bound to the
// session cookie sent with it (the hash of that cookie's token); without a bound ticket only a live
// impersonation viewer can stop, and nothing is resumed. The admin's session in the ticket is
// resumed only if it is still alive, is the very session that started this impersonation and is
// not itself one: a ticket cannot bring back someone else's session, nor one that was signed out,
// revoked or expired meanwhile. Works after the 30 minutes ran out too (the banner stops at 0:00),
// which is what returns an admin whose impersonation lapsed to their own session.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { sha256 } from "@/lib/auth/crypto";
import type { ImpersonationTicket } from "@/lib/auth/impersonation-cookie";
import { validateSessionToken } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";
import type { RequestContext } from "@/lib/http/request-context";
import { finishImpersonation } from "@/lib/data/impersonation/finish-impersonation";
import { findImpersonationStart } from "@/lib/data/impersonation/impersonation-records";

export type StopImpersonationOutcome =
  /** Nothing to stop: the viewer (if any) is in their own session. */
  | { stopped: false }
  | { stopped: true; userId: string | null; resume: { token: string; remember: boolean } | null };

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function stopImpersonation(
  viewer: Viewer | null,
  input: { sessionToken: string | null; ticket: ImpersonationTicket | null },
  ctx: RequestContext,
): Promise<StopImpersonationOutcome> {
  const { sessionToken, ticket } = input;
  const bound =
    ticket && sessionToken && sameHash(sha256(sessionToken), ticket.impersonationTokenHash) ? ticket : null;
  // A live session behind the cookie must be the ticket's; anything else is not this ticket's business.
  const ticketFits = bound && (!viewer || viewer.sessionId === bound.impersonationSessionId) ? bound : null;
  const sessionId = ticketFits?.impersonationSessionId ?? (viewer?.impersonatorId ? viewer.sessionId : null);
  if (!sessionId) return { stopped: false };

  const finished = await finishImpersonation(sessionId, "stop", ctx);
  const start = finished ?? (await findImpersonationStart(sessionId, db));
  let resume: { token: string; remember: boolean } | null = null;
  if (ticketFits && start) {
    const own = await validateSessionToken(ticketFits.adminToken);
    if (
      own &&
      own.id === start.adminSessionId &&
      own.user.id === start.adminId &&
      own.state === "active" &&
      !own.impersonatorId
    ) {
      resume = { token: ticketFits.adminToken, remember: own.remember };
    }
  }
  return { stopped: true, userId: start?.userId ?? null, resume };
}
