import type { ReactNode } from "react";
import { NavTabs } from "@/components/ui/nav-tabs";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { visibleRecordsSections } from "@/lib/navigation";

export default async function RecordsLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const sections = visibleRecordsSections(viewer.permissions);
  return (
    <>
      {sections.length > 1 ? <NavTabs label="Records" tabs={sections} /> : null}
      <div className={sections.length > 1 ? "mt-8" : undefined}>{children}</div>
    </>
  );
}
