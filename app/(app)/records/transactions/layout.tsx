import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The check sits above loading.tsx (a forbidden() under a loading boundary would arrive after a
// 200 shell); the list's loading.tsx lives in the (list) group so it does not wrap [id] and new.
export default async function TransactionsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("transactions.read");
  return children;
}
