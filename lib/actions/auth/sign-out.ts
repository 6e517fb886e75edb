"use server";
import { redirect } from "next/navigation";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { getCurrentSession } from "@/lib/auth/viewer";
import { endSession } from "@/lib/data/auth/end-session";
import { requestContext } from "@/lib/http/request-context";

export async function signOutAction(): Promise<void> {
  const session = await getCurrentSession();
  if (session) await endSession(session.token, await requestContext());
  await clearSessionCookie();
  redirect("/sign-in?notice=signed-out");
}
