// A case-insensitive "contains" filter for list searches, on either database. SQLite's LIKE
// ignores ASCII case already; PostgreSQL needs it asked for. The SQLite client's types (which
// describe both) do not know `mode`.
import "server-only";
import { dbProvider } from "@/lib/db";

export function containsText(value: string) {
  return (dbProvider === "postgresql" ? { contains: value, mode: "insensitive" } : { contains: value }) as {
    contains: string;
  };
}
