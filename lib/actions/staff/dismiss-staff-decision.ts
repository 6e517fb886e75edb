"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { secureCookies } from "@/lib/auth/cookie";
import { STAFF_NOTICE_COOKIE } from "@/lib/auth/page-paths";
import { getViewer } from "@/lib/auth/viewer";

/**
 * "Continue" under the rejection notice: remembers in this browser that the decision was read, so
 * app pages stop showing it first (lib/auth/require-page-viewer.ts). A form action, so it works
 * before JavaScript loads.
 */
export async function dismissStaffDecisionAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) {
    (await cookies()).set(STAFF_NOTICE_COOKIE, viewer.userId, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies,
      path: "/",
      maxAge: 365 * 24 * 3600,
    });
  }
  redirect("/dashboard");
}
