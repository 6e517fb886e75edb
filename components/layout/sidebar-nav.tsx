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
  admin: Shield,
  settings: Settings,
};

export function SidebarNav({
  items,
  onNavigate,
}: {
  items: { key: NavKey; href: string; label: string }[];
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
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
