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

/** The words of a list search (`q`): split on whitespace, at most five (each one must match). */
export function searchWords(q: string | undefined | null): string[] {
  return (q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
}
