import type { Metadata } from "next";
import { Shield } from "lucide-react";
import { ForbiddenState } from "@/components/layout/forbidden-state";
import { UpcomingSection } from "@/components/layout/upcoming-section";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { can } from "@/lib/rbac/can";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const viewer = await requirePageViewer();
  if (!(can(viewer, "users.read") || can(viewer, "roles.read"))) return <ForbiddenState />;
  return <UpcomingSection title="Admin" description="Users, roles and permissions." icon={Shield} what="User and role management arrives in a coming release." />;
}
