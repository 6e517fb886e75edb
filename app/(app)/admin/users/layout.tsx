import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The check sits above loading.tsx: a forbidden() thrown under a loading boundary would arrive after
// the shell was already sent with HTTP 200. The pages check again through the DAL. For the same
// reason the list's loading.tsx lives in the (list) group, so it does not wrap /admin/users/[id]
// (whose notFound() must answer 404).
export default async function AdminUsersLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("users.read");
  return children;
}
