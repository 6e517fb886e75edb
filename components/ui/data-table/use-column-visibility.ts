"use client";
// Which columns a person has hidden, per table, kept in localStorage. The server render (and the
// first client render) use the table's defaults, so hydration matches; the stored choice applies
// right after.
import type { VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
// Where choices go when localStorage is disabled or full: they last until reload.
const memory = new Map<string, string>();
const storageKey = (tableId: string) => `opsdeck:table:${tableId}:columns`;

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key?.startsWith("opsdeck:table:") && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function read(tableId: string): string | null {
  const key = storageKey(tableId);
  try {
    return memory.get(key) ?? window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

export function useColumnVisibility(
  tableId: string,
  defaults: VisibilityState,
): [VisibilityState, (next: VisibilityState) => void] {
  const stored = useSyncExternalStore(
    subscribe,
    () => read(tableId),
    () => null,
  );
  const visibility = useMemo<VisibilityState>(() => {
    if (!stored) return defaults;
    try {
      const parsed: unknown = JSON.parse(stored);
      if (!parsed || typeof parsed !== "object") return defaults;
      const clean = Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === "boolean"));
      return { ...defaults, ...clean };
    } catch {
      return defaults;
    }
  }, [stored, defaults]);
  const setVisibility = useCallback(
    (next: VisibilityState) => {
      const key = storageKey(tableId);
      const value = JSON.stringify(next);
      try {
        window.localStorage.setItem(key, value);
        memory.delete(key);
      } catch {
        memory.set(key, value);
      }
      for (const listener of listeners) listener();
    },
    [tableId],
  );
  return [visibility, setVisibility];
}
