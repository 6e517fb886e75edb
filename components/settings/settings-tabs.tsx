import { NavTabs } from "@/components/ui/nav-tabs";
import { getViewer } from "@/lib/auth/viewer";

const TABS = [
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/sessions", label: "Sessions" },
];

const API_KEYS_TAB = { href: "/settings/api-keys", label: "API keys" };

/** The settings tabs; "API keys" only for those who may make keys (the page checks again). */
export async function SettingsTabs() {
  const viewer = await getViewer();
  const tabs = viewer?.permissions.has("api_keys.manage") ? [...TABS, API_KEYS_TAB] : TABS;
  return <NavTabs label="Settings" tabs={tabs} />;
}
