import { forbidden, redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { visibleAdminSections } from "@/lib/navigation";

/** /admin opens the first section the viewer may use. */
export default async function AdminPage() {
  const viewer = await requirePageViewer();
  const first = visibleAdminSections(viewer.permissions)[0];
  if (!first) forbidden();
  redirect(first.href);
}
