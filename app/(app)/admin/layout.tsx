import type { ReactNode } from "react";
import { NavTabs } from "@/components/ui/nav-tabs";
import { configuredProviders } from "@/lib/auth/external/providers";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { SIGN_IN_PROVIDERS_PERMISSION } from "@/lib/data/sign-in-methods/list-sign-in-providers";
import { visibleAdminSections } from "@/lib/navigation";

/** Shown only when the environment configures at least one external provider. */
const SIGN_IN_PROVIDERS_SECTION = { href: "/admin/sign-in-providers", label: "Sign-in providers" } as const;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  const sections = [
    ...visibleAdminSections(viewer.permissions),
    ...(configuredProviders().length > 0 && viewer.permissions.has(SIGN_IN_PROVIDERS_PERMISSION)
      ? [SIGN_IN_PROVIDERS_SECTION]
      : []),
  ];
  return (
    <>
      {sections.length > 1 ? <NavTabs label="Admin" tabs={sections} /> : null}
      <div className={sections.length > 1 ? "mt-8" : undefined}>{children}</div>
    </>
  );
}
