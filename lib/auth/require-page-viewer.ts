// For pages under app/(app): the signed-in viewer, or a redirect to where they must go first.
import "server-only";
import { redirect } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/auth/viewer";

export const SECOND_FACTOR_PATH = "/sign-in/two-factor";
export const ENROLMENT_PATH = "/setup-two-factor";

export async function requirePageViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?notice=session-ended");
  if (viewer.sessionState === "pending_second_factor") redirect(SECOND_FACTOR_PATH);
  if (viewer.sessionState === "pending_enrolment" || viewer.sessionState === "enrolment_confirmed")
    redirect(ENROLMENT_PATH);
  return viewer;
}
