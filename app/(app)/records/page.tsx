import { forbidden, redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { visibleRecordsSections } from "@/lib/navigation";

/** /records opens the first section the viewer may use. */
export default async function RecordsPage() {
  const viewer = await requirePageViewer();
  const first = visibleRecordsSections(viewer.permissions)[0];
  if (!first) forbidden();
  redirect(first.href);
}
