// A stream's URL may carry the collector's token (Splunk HEC `?token=`, Datadog `?dd-api-key=`,
// Sumo Logic collectors whose path is the secret), so it is kept like the signing secret:
// encrypted at rest ("enc:v1:" + AES-GCM, lib/auth/crypto.ts) and opened only to deliver. Everything
// that is shown or audited (list/get JSON, the stream card, audit metadata, which every audit.read
// holder and every other stream receives) uses the redacted display form instead:
// `https://host[:port]/first-segment/…`, the query string dropped.
import { decryptSecret, encryptSecret } from "@/lib/auth/crypto";

const PREFIX = "enc:v1:";

export class StreamUrlUnreadableError extends Error {}

/** The value stored in AuditStream.url. */
export function sealStreamUrl(url: string): string {
  return PREFIX + encryptSecret(url);
}

export function isSealedStreamUrl(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The full URL to deliver to. Rows written before encryption hold the URL in clear. */
export function openStreamUrl(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  try {
    return decryptSecret(stored.slice(PREFIX.length));
  } catch {
    throw new StreamUrlUnreadableError("The endpoint URL cannot be read with the server's key; enter it again.");
  }
}

/** `https://host[:port]/first-segment/…`: origin, the first path segment, no query, no fragment. */
export function redactStreamUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(unreadable URL)";
  }
  const segments = parsed.pathname.split("/").filter(Boolean);
  const path = segments.length === 0 ? "/" : `/${segments[0]}${segments.length > 1 ? "/…" : ""}`;
  return `${parsed.protocol}//${parsed.host}${path}`;
}

/** The display form of a stored URL; a URL the key cannot open any more says so. */
export function displayStreamUrl(stored: string): string {
  try {
    return redactStreamUrl(openStreamUrl(stored));
  } catch {
    return "(unreadable: enter the URL again)";
  }
}
