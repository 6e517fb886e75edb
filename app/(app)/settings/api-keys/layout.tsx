import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The check sits above loading.tsx, so a refusal answers 403 before any shell is sent.
export default async function ApiKeysLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("api_keys.manage");
  return children;
}
