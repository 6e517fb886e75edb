// The caller's role on a board as a small badge: owners and managers may change the board itself,
// editors its cards, viewers only look.
import { Eye, Pencil, Crown, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { BoardRole } from "@/lib/validations/board";

const ROLES = {
  owner: { label: "Owner", tone: "brand", icon: Crown },
  manager: { label: "Manager", tone: "info", icon: ShieldCheck },
  editor: { label: "Editor", tone: "success", icon: Pencil },
  viewer: { label: "View only", tone: "neutral", icon: Eye },
} as const;

export function RoleBadge({ role, className }: { role: BoardRole | "manager"; className?: string }) {
  const r = ROLES[role];
  const Icon = r.icon;
  return (
    <Badge
      tone={r.tone}
      icon={<Icon className="size-3" aria-hidden="true" />}
      className={className}
      title={role === "manager" ? "You manage every board (board.manage)" : undefined}
    >
      {r.label}
    </Badge>
  );
}

export const ROLE_LABELS: Record<BoardRole, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };
