import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { SessionState } from "@/lib/auth/sessions";
import { UnauthenticatedError } from "@/lib/errors";

/** Throws 401 unless there is a viewer whose session is in one of the allowed states. */
export function requireViewer(
  viewer: Viewer | null | undefined,
  allow: readonly SessionState[] = ["active"],
): asserts viewer is Viewer {
  if (!viewer || !allow.includes(viewer.sessionState)) throw new UnauthenticatedError();
}
