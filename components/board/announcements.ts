// What a screen reader hears while a card or a column is dragged (hello-pangea/dnd's
// `provided.announce`), in the board's own words: the card's title, the column and lane names,
// and 1-based positions ("position 2 of 5 in “Doing”"), rather than the library's ids and indexes.

/** A place in a list; `index` is 0-based, `count` the list's length with the card in it. */
export type Spot = { columnName: string; laneName: string | null; index: number; count: number };

export const DRAG_INSTRUCTIONS =
  "Press Space to pick up the card. While it is picked up, the arrow keys move it: up and down within the column, " +
  "left and right to the next column. Press Space again to drop it, or Escape to cancel. " +
  "Without dragging: M opens Move to, and ? lists every shortcut.";

const list = (spot: Spot) => `“${spot.columnName}”${spot.laneName ? `, lane “${spot.laneName}”` : ""}`;
const at = (spot: Spot) => `position ${spot.index + 1} of ${spot.count} in ${list(spot)}`;

export function cardPickedUp(title: string, home: Spot): string {
  return `Picked up card “${title}”, ${at(home)}.`;
}

export function cardOver(title: string, over: Spot | null): string {
  if (!over) return `Card “${title}” is not over a column. Dropping it now leaves it where it was.`;
  return `Card “${title}”: ${at(over)}.`;
}

export function cardDropped(title: string, home: Spot, to: Spot | null, reason: "DROP" | "CANCEL"): string {
  if (reason === "CANCEL" || !to) return `Move cancelled. Card “${title}” is back at ${at(home)}.`;
  const sameList = home.columnName === to.columnName && home.laneName === to.laneName;
  if (sameList && home.index === to.index) return `Card “${title}” dropped where it was, ${at(home)}.`;
  if (sameList) return `Dropped card “${title}” at ${at(to)}. It was at position ${home.index + 1}.`;
  return `Moved card “${title}” from ${list(home)} to ${at(to)}.`;
}

export function columnPickedUp(name: string, index: number, count: number): string {
  return `Picked up column “${name}”, position ${index + 1} of ${count}. Left and right arrows move it.`;
}

export function columnOver(name: string, index: number | null, count: number): string {
  if (index === null) return `Column “${name}” is not over the board. Dropping it now leaves it where it was.`;
  return `Column “${name}”: position ${index + 1} of ${count}.`;
}

export function columnDropped(
  name: string,
  from: number,
  to: number | null,
  count: number,
  reason: "DROP" | "CANCEL",
): string {
  if (reason === "CANCEL" || to === null)
    return `Move cancelled. Column “${name}” is back at position ${from + 1} of ${count}.`;
  if (to === from) return `Column “${name}” dropped where it was, position ${from + 1} of ${count}.`;
  return `Moved column “${name}” from position ${from + 1} to position ${to + 1} of ${count}.`;
}
