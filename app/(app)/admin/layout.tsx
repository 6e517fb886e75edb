import type { ReactNode } from "react";
import { NavTabs } from "@/components/ui/nav-tabs";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { visibleAdminSections } from "@/lib/navigation";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const sections = visibleAdminSections(viewer.permissions);
  return (
    <>
      {sections.length > 1 ? <NavTabs label="Admin" tabs={sections} /> : null}
      <div className={sections.length > 1 ? "mt-8" : undefined}>{children}</div>
    </>
  );
}
