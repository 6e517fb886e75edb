// How each verification outcome reads on /logs/integrity: a short label, a tone, and what it means.
import type { BadgeTone } from "@/components/ui/badge";
import type { ChainStatus } from "@/lib/audit/verify-audit-chain";

export const CHAIN_STATUS = {
  intact: {
    label: "Intact",
    tone: "success",
    meaning: "Every event links to the one before it and the newest is vouched for.",
  },
  broken: {
    label: "Broken",
    tone: "danger",
    meaning: "An event was edited, removed or inserted behind the application's back.",
  },
  truncated: { label: "Truncated", tone: "danger", meaning: "The newest events were deleted." },
  head_forged: {
    label: "Head forged",
    tone: "danger",
    meaning: "The record of the newest event was written without the server's key.",
  },
  anchor_forged: {
    label: "Anchor forged",
    tone: "danger",
    meaning:
      "A retention anchor was written or changed without the server's key. The chain itself verifies from the newest genuine anchor to the newest event.",
  },
  unanchored: {
    label: "Unanchored",
    tone: "warning",
    meaning: "Some events are not vouched for by the head yet; an operator should check and anchor them.",
  },
} as const satisfies Record<ChainStatus, { label: string; tone: BadgeTone; meaning: string }>;

export function chainStatusOf(status: string) {
  return (
    (CHAIN_STATUS as Record<string, (typeof CHAIN_STATUS)[ChainStatus]>)[status] ?? {
      label: status,
      tone: "neutral" as const,
      meaning: "",
    }
  );
}

/** The activity log's page for one event (the log view opens its drawer). */
export function eventHref(id: string): string {
  return `/logs/events?${new URLSearchParams({ event: id })}`;
}
