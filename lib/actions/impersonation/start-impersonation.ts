"use server";
import { after } from "next/server";
import { sha256 } from "@/lib/auth/crypto";
import { writeImpersonationCookie } from "@/lib/auth/impersonation-cookie";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getCurrentSession, getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { finishLapsedImpersonations } from "@/lib/data/impersonation/finish-lapsed-impersonations";
import { startImpersonation } from "@/lib/data/impersonation/start-impersonation";
import type { StartImpersonationInput } from "@/lib/validations/impersonation";
import { UnauthenticatedError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { log } from "@/lib/log";

/**
 * Starts acting as the user: the browser's session cookie becomes the impersonation session, and
 * the admin's own session token is kept in the return ticket for "stop". The client then loads the
 * dashboard afresh (a full navigation, so nothing rendered for the admin stays in the router cache).
 */
export async function startImpersonationAction(
  input: StartImpersonationInput,
): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("start-impersonation", async () => {
    const [session, viewer] = await Promise.all([getCurrentSession(), getViewer()]);
    const started = await startImpersonation(viewer, input, await requestContext());
    // The same request's session, read once (React cache): the token is the admin's own.
    if (!session || session.id !== viewer?.sessionId) throw new UnauthenticatedError();
    await writeImpersonationCookie(
      { adminToken: session.token, impersonationSessionId: started.sessionId, impersonationTokenHash: sha256(started.token) },
      {
        maxAgeSeconds: (started.adminSession.expiresAt.getTime() - Date.now()) / 1000,
        persistent: started.adminSession.remember,
      },
    );
    await writeSessionCookie(started.token, started.adminSession.remember);
    // Each start and stop also records (and emails about) impersonations that ended unstopped.
    after(() =>
      finishLapsedImpersonations().catch((err: unknown) => log.warn({ err }, "impersonation clean-up failed")),
    );
    return { redirectTo: "/dashboard" };
  });
}
