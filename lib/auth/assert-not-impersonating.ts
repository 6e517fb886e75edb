// An admin acting as someone (lib/data/impersonation) may look and act within that person's
// permissions, but never change how the account signs in or what it may do: passwords, second
// factors, email address and roles stay the account holder's own business.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/errors";

export function assertNotImpersonating(viewer: Pick<Viewer, "impersonatorId">): void {
  if (viewer.impersonatorId) {
    throw new ForbiddenError(
      "Not while impersonating: passwords, two-factor settings, email addresses and roles cannot be changed from an impersonated session.",
      "impersonation_restricted",
    );
  }
}
