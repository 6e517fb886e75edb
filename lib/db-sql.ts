// Raw SQL for the write paths every change takes (the audit append, a sale), where Prisma's query
// builder costs ~1 ms a statement on these machines (query compilation, spans, a statement
// prepared per call). Reads outside a transaction use lib/db-raw.ts.
//
// A `SqlRunner` runs statements inside one transaction, either a Prisma transaction's (`inTx`:
// its raw queries, ~0.3 ms each) or `writeTransaction`'s: on SQLite, Prisma's own connection
// taken exclusively (queued with Prisma's statements, so nothing else of the app's client runs on it
// meanwhile; prepared statements cached, ~10 µs each); on PostgreSQL, a Prisma transaction.
//
// One text for both providers: `?` placeholders (numbered here for PostgreSQL), identifiers in
// double quotes, `INSERT … ON CONFLICT`. Dates bind as Date and come back as Date on both; counts
// and booleans are the caller's to convert (Number(), Boolean()).
import "server-only";
import { randomBytes } from "node:crypto";
import { db, dbProvider, type Tx } from "@/lib/db";
import { beginImmediate, sqliteExclusive } from "@/lib/db-client";
import { postgresText, sqliteRunner, type RawRow, type SqliteRunner } from "@/lib/db-raw";

export type SqlRunner = {
  rows<T = RawRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The number of rows the statement changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
};

const text = (sql: string) => (dbProvider === "postgresql" ? postgresText(sql) : sql);

/** `INSERT INTO "table" ("a", "b") VALUES (?, ?)[, (?, ?)…]` for `rows` rows of `columns`. */
export function insertSql(table: string, columns: readonly string[], rows = 1): string {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: rows }, () => row).join(", ")}`;
}

/** Statements on a Prisma transaction (or on `db`, each its own transaction). */
export function inTx(tx: Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe">): SqlRunner {
  return {
    rows: (sql, params = []) => tx.$queryRawUnsafe(text(sql), ...params),
    run: (sql, params = []) => tx.$executeRawUnsafe(text(sql), ...params),
  };
}

const runnerOf = new WeakMap<object, SqliteRunner>();

/**
 * Runs `fn` in one database transaction and commits what it wrote, or rolls everything back when
 * it throws. `fn` must write only through its runner (and audit with `auditIn`).
 */
export async function writeTransaction<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T> {
  const exclusive = sqliteExclusive(db, async (connection) => {
    let runner = runnerOf.get(connection);
    if (!runner) runnerOf.set(connection, (runner = sqliteRunner(connection)));
    const { rows, run } = runner;
    const q: SqlRunner = {
      rows: async <R>(sql: string, params?: readonly unknown[]) => rows(sql, params) as R[],
      run: async (sql, params) => run(sql, params),
    };
    await beginImmediate(connection);
    try {
      const result = await fn(q);
      run("COMMIT");
      return result;
    } catch (error) {
      if (connection.inTransaction) run("ROLLBACK");
      throw error;
    }
  });
  return exclusive ?? db.$transaction((tx) => fn(inTx(tx)));
}

/**
 * A unique index refused the write: P2002 from Prisma's query builder, P2010 with the adapter's
 * UniqueConstraintViolation from its raw statements, or the driver's own code.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  if (e?.code === "P2002" || e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "23505") return true;
  return e?.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

let counter = 0;

/**
 * A new row id for rows written here (Prisma's `@default(cuid())` applies only to its own
 * inserts): 25 lowercase letters and digits starting with "c", as a cuid: the time, a counter
 * (so ids made by this process in one millisecond still sort in the order they were made, which
 * lists use to break ties of equal timestamps), then 44 random bits.
 */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0").slice(-9);
  counter = (counter + 1) % 36 ** 4;
  return `c${time}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex").slice(0, 11)}`;
}
