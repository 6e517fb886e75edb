// Counts the SQL statements a piece of code sends through the app's client (lib/db.ts emits a
// "query" event per statement under NODE_ENV=test), and those of lib/db-raw.ts. For "constant number of queries" tests.
import { db } from "@/lib/db";
import { onRawRead } from "@/lib/db-raw";

type QueryEvent = { query: string };
let active: string[] | null = null;
let registered = false;

export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  if (!registered) {
    (db as unknown as { $on(event: "query", cb: (e: QueryEvent) => void): void }).$on("query", (e) =>
      active?.push(e.query),
    );
    onRawRead((sql) => active?.push(sql));
    registered = true;
  }
  const queries: string[] = [];
  active = queries;
  try {
    return { result: await fn(), queries };
  } finally {
    active = null;
  }
}
