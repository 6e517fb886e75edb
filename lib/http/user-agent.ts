import { UAParser } from "ua-parser-js";

/** Parsing is the costly part (~0.1 ms) and pages show the same few agents over and over. */
const described = new Map<string, string>();
const MAX_REMEMBERED = 1000;

/** "Chrome 131 on macOS" from a user-agent string; "Unknown device" when it says nothing useful. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return "Unknown device";
  let text = described.get(ua);
  if (text === undefined) {
    const { browser, os } = UAParser(ua);
    const b = browser.name ? `${browser.name}${browser.major ? ` ${browser.major}` : ""}` : null;
    const o = os.name ? `${os.name}${os.version ? ` ${os.version}` : ""}` : null;
    text = b && o ? `${b} on ${o}` : (b ?? o ?? (ua.length > 40 ? `${ua.slice(0, 40)}…` : ua));
    if (described.size >= MAX_REMEMBERED) described.clear();
    described.set(ua, text);
  }
  return text;
}
