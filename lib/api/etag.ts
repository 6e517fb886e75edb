// Record versions on the wire: a record's `version` (bumped by every change) is its strong ETag,
// `"7"`. GET answers carry it (and 304 for a matching If-None-Match); PATCH and DELETE read
// If-Match and hand the version to the DAL, which writes only if the row still has it, so a stale
// write gets 412 instead of silently overwriting someone else's change.
import { PreconditionFailedError } from "@/lib/errors";

export function etagOf(version: number): string {
  return `"${version}"`;
}

const ETAG = /^(?:W\/)?"(\d{1,9})"$/;

/**
 * The version named by If-Match: undefined when the header is absent or "*" (write whatever the
 * version), 412 when it names something that cannot be a current version of the record.
 */
export function expectedVersionFrom(headers: Headers): number | undefined {
  const raw = headers.get("if-match")?.trim();
  if (!raw || raw === "*") return undefined;
  const match = ETAG.exec(raw);
  if (!match) throw new PreconditionFailedError("If-Match must be the record's ETag, for example \"3\".");
  return Number(match[1]);
}

/** Whether If-None-Match already names this version (then a GET answers 304). */
export function notModified(headers: Headers, version: number): boolean {
  const raw = headers.get("if-none-match");
  if (!raw) return false;
  if (raw.trim() === "*") return true;
  return raw.split(",").some((tag) => ETAG.exec(tag.trim())?.[1] === String(version));
}
