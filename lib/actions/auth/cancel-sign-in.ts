"use server";
import { redirect } from "next/navigation";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { getCurrentSession } from "@/lib/auth/viewer";
import { endSession } from "@/lib/data/auth/end-session";
import { requestContext } from "@/lib/http/request-context";

/** Abandons a half-finished sign-in (pending second factor or enrolment). */
export async function cancelSignInAction(): Promise<void> {
  const session = await getCurrentSession();
  if (session) await endSession(session.token, await requestContext());
  await clearSessionCookie();
  redirect("/sign-in");
}
