import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="Your profile, sign-in security and devices." />
      <SettingsTabs />
      <div className="mt-8 space-y-8">{children}</div>
    </>
  );
}
