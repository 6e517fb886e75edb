// The list envelope every GET collection answers (lib/api/openapi/shared.ts listEnvelope):
// `{ data: [...], next_cursor, total? }`; `total` only when the query asked for it.
import { json } from "@/lib/api/with-api";

export function jsonList(
  data: readonly unknown[],
  page: { nextCursor: string | null; total?: number | null },
  init: ResponseInit = {},
): Response {
  return json(
    { data, next_cursor: page.nextCursor, ...(page.total != null ? { total: page.total } : {}) },
    init,
  );
}
