import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// Above loading.tsx, so a refusal answers 403 instead of a streamed page.
export default async function IntegrityLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("audit.manage");
  return children;
}
