import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// Checked above any loading boundary, so a viewer without the permission gets HTTP 403 (see
// app/(app)/admin/users/layout.tsx). The pages check again through the DAL.
export default async function AdminInvitationsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("users.invite");
  return children;
}
