// For pages under app/(app): the signed-in viewer, or a redirect to where they must go first. The
// proxy let the request through on a readable cookie alone; this is where the session is checked.
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getCurrentSession, getViewer, type Viewer } from "@/lib/auth/viewer";
import {
  ENROLMENT_PATH,
  PENDING_APPROVAL_PATH,
  REQUEST_PATH_HEADER,
  SECOND_FACTOR_PATH,
  SESSION_ENDED_PATH,
  STAFF_NOTICE_COOKIE,
} from "@/lib/auth/page-paths";
import { safeNextPath } from "@/lib/http/urls";
import type { Permission } from "@/lib/rbac/permissions";

/** `path?next=<the page asked for>`, when proxy.ts said which page that was. */
async function withNext(path: string): Promise<string> {
  const asked = safeNextPath((await headers()).get(REQUEST_PATH_HEADER), "");
  return asked ? `${path}?${new URLSearchParams({ next: asked })}` : path;
}

export async function requirePageViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(await withNext(SESSION_ENDED_PATH));
  if (viewer.sessionState === "pending_second_factor") redirect(await withNext(SECOND_FACTOR_PATH));
  if (viewer.sessionState === "pending_enrolment" || viewer.sessionState === "enrolment_confirmed")
    redirect(ENROLMENT_PATH);
  // A staff applicant waiting for a decision sees nothing but the waiting page; once rejected they
  // are an ordinary account and are shown the decision there once (per browser: a cookie, so this
  // costs no query; the email carries the reason too).
  if (viewer.pendingApproval) redirect(PENDING_APPROVAL_PATH);
  if ((await getCurrentSession())?.user.staffApproval === "rejected" && (await rejectionUnread(viewer.userId)))
    redirect(PENDING_APPROVAL_PATH);
  return viewer;
}

/** Whether this browser has not yet shown `userId` the rejection of their staff application. */
export async function rejectionUnread(userId: string): Promise<boolean> {
  return (await cookies()).get(STAFF_NOTICE_COOKIE)?.value !== userId;
}

/**
 * For pages that need a permission: the viewer, or HTTP 403 with the product's forbidden page
 * (app/forbidden.tsx). With several permissions, holding any one is enough.
 */
export async function requirePagePermission(...anyOf: [Permission, ...Permission[]]): Promise<Viewer> {
  const viewer = await requirePageViewer();
  if (!anyOf.some((p) => viewer.permissions.has(p))) forbidden();
  return viewer;
}

/** For sign-in and sign-up: a fully signed-in visitor has nothing to do there. */
export async function redirectIfSignedIn(): Promise<void> {
  if ((await getViewer())?.sessionState === "active") redirect("/dashboard");
}
