// Where the board page reads a big board's cards after the first paint: the board's REST read
// (GET /api/v1/boards/{id}, the session cookie authenticates it). The page preloads it and
// board-view.tsx fetches it, so both name it here (a plain module: the page is a server component).
export function boardReadUrl(boardId: string): string {
  return `/api/v1/boards/${encodeURIComponent(boardId)}`;
}
