import { NavTabs } from "@/components/ui/nav-tabs";
import { getViewer } from "@/lib/auth/viewer";

const TABS = [
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/sign-in-methods", label: "Sign-in methods" },
  { href: "/settings/sessions", label: "Sessions" },
];

const ACTIVITY_TAB = { href: "/settings/activity", label: "Activity" };
const API_KEYS_TAB = { href: "/settings/api-keys", label: "API keys" };

/**
 * The settings tabs; "Activity" only for those who may read their own security events and "API
 * keys" only for those who may make keys (each page checks again).
 */
export async function SettingsTabs() {
  const viewer = await getViewer();
  const tabs = [
    ...TABS,
    ...(viewer?.permissions.has("audit.read_own") ? [ACTIVITY_TAB] : []),
    ...(viewer?.permissions.has("api_keys.manage") ? [API_KEYS_TAB] : []),
  ];
  return <NavTabs label="Settings" tabs={tabs} />;
}
