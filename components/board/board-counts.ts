// A big board's card counts while only the first cards of each list are on the page (the server's
// counts, sent with them): how many cards a list holds, and the counts after one of the viewer's
// moves, so the board's keyboard moves and "Move to…" can place a card at the end of a list (or
// say where it landed) before all the cards are here.
import { sameList, type ListKey } from "@/components/board/board-order";

/** Open cards per column, per lane, in all, and with swimlanes per list ("<columnId>:<laneId>"). */
export type BoardCardCounts = {
  total: number;
  columns: Record<string, number>;
  lanes: Record<string, number>;
  lists?: Record<string, number>;
};

const cellOf = (key: ListKey) => `${key.columnId}:${key.laneId ?? "-"}`;

/** Open cards in one list (a column, or with swimlanes a column's lane); null when unknown. */
export function listTotal(counts: BoardCardCounts | null | undefined, key: ListKey, swimlanes: boolean): number | null {
  if (!counts) return null;
  if (!swimlanes) return counts.columns[key.columnId] ?? 0;
  return counts.lists?.[cellOf(key)] ?? null;
}

/** The counts once a card has gone from one list to another (`to` null: to another board). */
export function countsAfterMove(
  counts: BoardCardCounts,
  from: ListKey,
  to: ListKey | null,
  swimlanes: boolean,
): BoardCardCounts {
  if (to && (sameList(from, to) || (!swimlanes && from.columnId === to.columnId))) return counts;
  const step = (record: Record<string, number>, key: string | null, by: number) => {
    if (key !== null) record[key] = Math.max(0, (record[key] ?? 0) + by);
  };
  const next = {
    ...counts,
    total: to ? counts.total : Math.max(0, counts.total - 1),
    columns: { ...counts.columns },
    lanes: { ...counts.lanes },
  };
  step(next.columns, from.columnId, -1);
  if (to) step(next.columns, to.columnId, 1);
  if (swimlanes) {
    step(next.lanes, from.laneId, -1);
    if (to) step(next.lanes, to.laneId, 1);
    if (counts.lists) {
      next.lists = { ...counts.lists };
      step(next.lists, cellOf(from), -1);
      if (to) step(next.lists, cellOf(to), 1);
    }
  }
  return next;
}
