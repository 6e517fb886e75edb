// Fractional index keys (fractional-indexing) for the order of cards in a (column, lane), and of
// columns and lanes in a board. A move writes one row: the moved item gets a key between its new
// neighbours. Keys compare byte by byte (COLLATE "C" on PostgreSQL, BINARY on SQLite), ties by id.
// Callers hold the board's change lock (board-write.ts), so two writers never pick the same gap.
import "server-only";
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import { byPosition } from "@/lib/data/boards/board-json";

/** Keys longer than this get their list re-spaced after the write (rebalance-positions.ts). */
export const LONG_KEY = 24;

/**
 * The key for putting an item at `index` of `siblings` (the list without the item itself; any
 * order). An index past the end means the end.
 */
export function keyAt(siblings: readonly { id: string; position: string }[], index: number): string {
  const ordered = [...siblings].sort(byPosition);
  const at = Math.max(0, Math.min(index, ordered.length));
  const before = ordered[at - 1]?.position ?? null;
  let after = ordered[at]?.position ?? null;
  // Equal keys (only possible from outside writes) would leave no room between them: go past the run.
  if (before !== null && after !== null && after <= before) {
    after = ordered.slice(at).find((s) => s.position > before)?.position ?? null;
  }
  return generateKeyBetween(before, after);
}

/** A key right where `wanted` was, or just after it when another item holds it now (undo). */
export function keyNear(siblings: readonly { id: string; position: string }[], wanted: string): string {
  if (!siblings.some((s) => s.position === wanted)) return wanted;
  const next = [...siblings].sort(byPosition).find((s) => s.position > wanted)?.position ?? null;
  return generateKeyBetween(wanted, next);
}

/** `n` evenly spaced fresh keys (a new board's columns, a rebalance). */
export function freshKeys(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}
