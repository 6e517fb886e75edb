"use client";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { ChevronDown, LogOut, Settings, ShieldCheck } from "lucide-react";
import { signOutAction } from "@/lib/actions/auth/sign-out";

export function UserMenu({ name, email, initials }: { name: string; email: string; initials: string }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    root.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const onMenuKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const items = Array.from(root.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    items[(index + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
  };

  const item =
    "flex w-full items-center gap-2.5 rounded-md px-3 py-2 text-left text-sm text-foreground hover:bg-muted focus:bg-muted focus:outline-none";
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-lg p-1 pr-2 hover:bg-muted"
      >
        <span
          className="flex size-8 items-center justify-center rounded-full bg-brand text-xs font-semibold text-brand-foreground"
          aria-hidden="true"
        >
          {initials}
        </span>
        <span className="hidden text-sm font-medium text-foreground sm:block">{name}</span>
        <ChevronDown className="size-4 text-muted-foreground" aria-hidden="true" />
        <span className="sr-only">Account menu</span>
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label="Account"
          onKeyDown={onMenuKey}
          className="absolute right-0 z-30 mt-2 w-64 rounded-xl border border-border bg-surface p-1.5 shadow-lg"
        >
          <div className="border-b border-border px-3 pb-2.5 pt-1.5">
            <p className="truncate text-sm font-medium text-foreground">{name}</p>
            <p className="truncate text-xs text-muted-foreground">{email}</p>
          </div>
          <div className="py-1">
            <Link role="menuitem" href="/settings" className={item} onClick={() => setOpen(false)}>
              <Settings className="size-4 text-muted-foreground" aria-hidden="true" /> Settings
            </Link>
            <Link role="menuitem" href="/settings/security" className={item} onClick={() => setOpen(false)}>
              <ShieldCheck className="size-4 text-muted-foreground" aria-hidden="true" /> Security
            </Link>
          </div>
          <form action={signOutAction} className="border-t border-border pt-1">
            <button role="menuitem" type="submit" className={item}>
              <LogOut className="size-4 text-muted-foreground" aria-hidden="true" /> Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
