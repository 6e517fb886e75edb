import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The check sits above the list's loading.tsx (in the (list) group), so a refusal is a real 403
// rather than arriving after a 200 shell. The page checks again through the DAL.
export default async function StaffRecordsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("staff.read");
  return children;
}
