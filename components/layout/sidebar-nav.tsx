"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  BarChart3,
  KanbanSquare,
  LayoutDashboard,
  ScrollText,
  Settings,
  Shield,
  Table2,
  UserCheck,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/lib/cn";
import type { NavKey } from "@/lib/navigation";

const ICONS: Record<NavKey, LucideIcon> = {
  dashboard: LayoutDashboard,
  board: KanbanSquare,
  records: Table2,
  logs: ScrollText,
  analytics: BarChart3,
  approvals: UserCheck,
  admin: Shield,
  settings: Settings,
};

export function SidebarNav({
  items,
  onNavigate,
}: {
  items: { key: NavKey; href: string; label: string; count?: number }[];
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="space-y-1">
      {items.map((item) => {
        const Icon = ICONS[item.key];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.key}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition",
              active ? "bg-brand-soft text-brand" : "text-muted-foreground hover:bg-muted hover:text-foreground",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden="true" />
            <span className="flex-1">{item.label}</span>
            {item.count ? (
              <span
                className="rounded-full bg-brand px-1.5 py-0.5 text-xs font-semibold leading-none text-brand-foreground"
                aria-label={`${item.count} waiting`}
              >
                {item.count}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
