// Branding in one place: renaming the product is APP_NAME (or one edit here).
import "server-only";
import { env } from "@/lib/env";

export const config = {
  get productName() {
    return env.APP_NAME;
  },
  get supportEmail() {
    return env.SUPPORT_EMAIL;
  },
  get accentColor() {
    return env.ACCENT_COLOR;
  },
  get logoPath() {
    return env.LOGO_PATH;
  },
  get appUrl() {
    return env.APP_URL.replace(/\/+$/, "");
  },
  tagline: "Operations, accounts and records in one place",
};

/** `<title>` template used by every page. */
export function pageTitle(title?: string): string {
  return title ? `${title} · ${config.productName}` : config.productName;
}
