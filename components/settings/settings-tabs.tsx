import { NavTabs } from "@/components/ui/nav-tabs";

const TABS = [
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/sessions", label: "Sessions" },
];

export function SettingsTabs() {
  return <NavTabs label="Settings" tabs={TABS} />;
}
