import { UAParser } from "ua-parser-js";

/** "Chrome 131 on macOS" from a user-agent string; "Unknown device" when it says nothing useful. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return "Unknown device";
  const { browser, os } = UAParser(ua);
  const b = browser.name ? `${browser.name}${browser.major ? ` ${browser.major}` : ""}` : null;
  const o = os.name ? `${os.name}${os.version ? ` ${os.version}` : ""}` : null;
  if (b && o) return `${b} on ${o}`;
  return b ?? o ?? (ua.length > 40 ? `${ua.slice(0, 40)}…` : ua);
}
