import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { SessionState } from "@/lib/auth/sessions";
import { UnauthenticatedError } from "@/lib/errors";

const NOT_YET: Partial<Record<SessionState, string>> = {
  pending_second_factor: "Enter the code from your authenticator app to continue.",
  pending_enrolment: "Your role requires two-factor authentication: set it up to continue.",
  enrolment_confirmed: "Your role requires two-factor authentication: finish setting it up to continue.",
};

/** Throws 401 unless there is a viewer whose session is in one of the allowed states. */
export function requireViewer(
  viewer: Viewer | null | undefined,
  allow: readonly SessionState[] = ["active"],
): asserts viewer is Viewer {
  if (!viewer) throw new UnauthenticatedError();
  if (!allow.includes(viewer.sessionState)) throw new UnauthenticatedError(NOT_YET[viewer.sessionState]);
}
