// Where the board page reads a big board's cards after the first paint: the board's REST read
// (GET /api/v1/boards/{id}, the session cookie authenticates it), which board-view.tsx fetches once
// the page has hydrated (a plain module, so server code can name the same URL).
export function boardReadUrl(boardId: string): string {
  return `/api/v1/boards/${encodeURIComponent(boardId)}`;
}
