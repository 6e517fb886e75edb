import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The check sits above loading.tsx: a forbidden() thrown under a loading boundary would arrive after
// the shell was already sent with HTTP 200.
export default async function AuditEventsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("audit.read");
  return children;
}
