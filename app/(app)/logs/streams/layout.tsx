import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// Above loading.tsx (in the (list) group), so a refusal answers 403 and [id]'s notFound() 404.
export default async function AuditStreamsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("audit.manage");
  return children;
}
