import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The permission is checked here, above the loading boundary: a refusal thrown under loading.tsx
// would arrive after a 200 shell instead of as a real 403.
export default async function AnalyticsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("analytics.read");
  return children;
}
