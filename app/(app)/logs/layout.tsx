import type { ReactNode } from "react";
import { NavTabs } from "@/components/ui/nav-tabs";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { visibleLogsSections } from "@/lib/navigation";

export default async function LogsLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const sections = visibleLogsSections(viewer.permissions);
  return (
    <>
      {sections.length > 1 ? <NavTabs label="Activity log" tabs={sections} /> : null}
      <div className={sections.length > 1 ? "mt-8" : undefined}>{children}</div>
    </>
  );
}
