import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The check sits above loading.tsx: a forbidden() thrown under a loading boundary would arrive after
// the shell was already sent with HTTP 200. The list's loading.tsx lives in the (list) group, so it
// does not wrap /records/customers/[id] (whose notFound() must answer 404).
export default async function CustomersLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("customers.read");
  return children;
}
