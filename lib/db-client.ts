// Builds a Prisma client for a DATABASE_URL. Kept apart from lib/db.ts (which holds the app's
// singleton) so that scripts and tests can open a client for a database of their choosing.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgres/client";

export type Db = SqliteClient;
export type Provider = "sqlite" | "postgresql";

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: or postgres://");
}

/** Absolute file path of a `file:` URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:(\/\/)?/, "").replace(/\?.*$/, ""));
}

/**
 * `logQueries` makes the client emit a "query" event per SQL statement (`db.$on("query", …)`),
 * which tests use to count a page's queries; off in the app, where it would cost on every query.
 */
export function createPrismaClient(url: string, options: { logQueries?: boolean } = {}): Db {
  const log = options.logQueries ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 });
    return new SqliteClient({ adapter, log }) as unknown as Db;
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  // Same models, different provider: the PostgreSQL client is used through the shared type.
  return new PostgresClient({ adapter, log }) as unknown as Db;
}
