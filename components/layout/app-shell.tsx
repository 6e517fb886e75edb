"use client";
import { useState, type ReactNode } from "react";
import { Menu, X } from "lucide-react";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import type { NavKey } from "@/lib/navigation";
import { cn } from "@/lib/cn";

export function AppShell({
  brand,
  nav,
  userMenu,
  banner,
  children,
}: {
  brand: ReactNode;
  nav: { key: NavKey; href: string; label: string; count?: number }[];
  userMenu: ReactNode;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // On wide screens the sidebar is the grid's first column: the column (and its background) runs
  // the whole length of the page, and the panel inside it sticks to the viewport while the content
  // scrolls. A fixed sidebar covered only one screen wherever a page is drawn at full length
  // (full-page captures, print). On phones the same aside is a fixed drawer.
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
      >
        Skip to content
      </a>
      {open ? (
        <div className="fixed inset-0 z-30 bg-black/40 lg:hidden" onClick={() => setOpen(false)} aria-hidden="true" />
      ) : null}
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-40 w-64 border-r border-border bg-surface transition-transform",
          "lg:relative lg:inset-auto lg:z-auto lg:translate-x-0 lg:transition-none",
          open ? "translate-x-0" : "-translate-x-full",
        )}
        aria-label="Sidebar"
      >
        <div
          data-testid="sidebar-panel"
          className="flex h-full flex-col overflow-y-auto px-4 py-5 lg:sticky lg:top-0 lg:h-dvh"
        >
          <div className="flex items-center justify-between px-2">
            {brand}
            <button
              type="button"
              className="rounded-md p-1.5 text-muted-foreground hover:bg-muted lg:hidden"
              onClick={() => setOpen(false)}
              aria-label="Close navigation"
            >
              <X className="size-5" aria-hidden="true" />
            </button>
          </div>
          <div className="mt-8 flex-1">
            <SidebarNav items={nav} onNavigate={() => setOpen(false)} />
          </div>
          <div className="flex items-center justify-between border-t border-border px-2 pt-4">
            <span className="text-xs text-muted-foreground">Theme</span>
            <ThemeToggle />
          </div>
        </div>
      </aside>
      <div className="flex min-h-dvh min-w-0 flex-col">
        <header className="sticky top-0 z-20 flex h-16 items-center justify-between gap-4 border-b border-border bg-background/85 px-4 backdrop-blur sm:px-8">
          <button
            type="button"
            className="rounded-md p-1.5 text-muted-foreground hover:bg-muted lg:hidden"
            onClick={() => setOpen(true)}
            aria-label="Open navigation"
            aria-expanded={open}
          >
            <Menu className="size-5" aria-hidden="true" />
          </button>
          <div className="flex-1" />
          {userMenu}
        </header>
        {banner}
        <main id="main" className="flex-1 px-4 py-8 sm:px-8">
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
