import { forbidden, redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { visibleLogsSections } from "@/lib/navigation";

/** /logs opens the first section of the activity log the viewer may use. */
export default async function LogsPage() {
  const viewer = await requirePageViewer();
  const first = visibleLogsSections(viewer.permissions)[0];
  if (!first) forbidden();
  redirect(first.href);
}
