// The one Prisma client. DATABASE_URL chooses the provider at run time: `file:` → SQLite through
// better-sqlite3, `postgres://` → PostgreSQL through pg. Both generated clients share one model,
// so the SQLite client's types describe either.
import "server-only";
import { createPrismaClient, providerOf, type Db } from "@/lib/db-client";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { opsdeckDb?: Db };

export const db: Db = globalForDb.opsdeckDb ?? createPrismaClient(env.DATABASE_URL, { logQueries: env.NODE_ENV === "test" });
if (env.NODE_ENV !== "production") globalForDb.opsdeckDb = db;

export const dbProvider = providerOf(env.DATABASE_URL);

/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type { Db };
