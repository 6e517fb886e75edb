// Read statements of the hot path (the session of every signed-in request, the API key of every
// API call, the REST API's record lists and gets), straight through the database driver under
// Prisma: better-sqlite3 with a statement cache, or a small pg pool. Prisma's query pipeline
// costs ~170 µs for a one-row `$queryRawUnsafe` and 1–2 ms for a 25-row page with relations
// (query compilation, spans, a statement prepared per call), where the driver answers the same
// statement in 5–20 µs (npm run bench:api, bench:http). Writes, transactions and everything else
// stay on Prisma (lib/db.ts); this module only reads, so it never sees uncommitted work.
//
// SQL uses `?` placeholders on both providers. Rows come back as Prisma's raw queries give them:
// DATETIME columns as Date (SQLite stores ISO text), BOOLEAN columns as boolean, counts as number
// or bigint (callers Number() them). Date parameters are bound in each database's stored format.
import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, SQLITE_BUSY_TIMEOUT_MS, sqliteFilePath } from "@/lib/db-client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type RawRow = Record<string, unknown>;
type Reader = (sql: string, params: readonly unknown[]) => Promise<RawRow[]>;

const STATEMENT_CACHE = 256;
/**
 * PostgreSQL cancels a raw read running longer (hot single-row and single-page reads, and the
 * analytics reports over their rollups).
 */
export const STATEMENT_TIMEOUT_MS = 10_000;

/** SQLite stores Prisma DateTimes as `2026-12-02T17:11:00.000+00:00`. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * A stored timestamp as a Date: text without a zone (SQLite's CURRENT_TIMESTAMP, PostgreSQL's
 * `timestamp`) is UTC, as Prisma reads it. An unreadable value throws: an Invalid Date compares
 * false with everything, so an expiry check on it would pass.
 */
export function storedDate(text: string): Date {
  const iso = text.includes("T") ? text : text.replace(" ", "T");
  const date = new Date(/([zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`unreadable timestamp in the database: ${text}`);
  return date;
}

type Prepared = { statement: Database.Statement; convert: (row: RawRow) => RawRow };

/**
 * Prepared statements of one SQLite connection, cached by text, whose rows come back as Prisma's
 * raw queries give them (DATETIME as Date, BOOLEAN as boolean, integers as number).
 */
function sqliteStatements(connection: Database.Database): (sql: string) => Prepared {
  const cache = new Map<string, Prepared>();
  return (sql) => {
    let prepared = cache.get(sql);
    if (prepared) return prepared;
    const statement = connection.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    // The declared type of each result column that is a plain column reference (null for expressions).
    const typed = statement.reader
      ? statement
          .columns()
          .filter((c) => c.type === "DATETIME" || c.type === "BOOLEAN")
          .map((c) => [c.name, c.type] as const)
      : [];
    const convert = (row: RawRow) => {
      for (const [name, type] of typed) {
        const value = row[name];
        if (value === null || value === undefined) continue;
        row[name] =
          type === "DATETIME"
            ? typeof value === "number"
              ? new Date(value)
              : storedDate(String(value))
            : Boolean(value);
      }
      return row;
    };
    prepared = { statement, convert };
    if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    cache.set(sql, prepared);
    return prepared;
  };
}

/** A parameter as SQLite stores it (Prisma's formats: ISO text for dates, 0/1 for booleans). */
const bindSqlite = (value: unknown) =>
  value instanceof Date
    ? sqliteDate(value)
    : typeof value === "boolean"
      ? Number(value)
      : value === undefined
        ? null
        : value;

export type SqliteRunner = {
  rows(sql: string, params?: readonly unknown[]): RawRow[];
  /** The number of rows the statement changed. */
  run(sql: string, params?: readonly unknown[]): number;
};

/**
 * Statements on one SQLite connection (prepared once per text, parameters bound in Prisma's
 * formats). Also used on Prisma's own connection by lib/db-sql.ts.
 */
export function sqliteRunner(connection: Database.Database): SqliteRunner {
  const prepare = sqliteStatements(connection);
  return {
    rows: (sql, params = []) => {
      const { statement, convert } = prepare(sql);
      return (statement.all(...params.map(bindSqlite)) as RawRow[]).map(convert);
    },
    run: (sql, params = []) => prepare(sql).statement.run(...params.map(bindSqlite)).changes,
  };
}

function sqliteReader(url: string): Reader {
  const connection = new Database(sqliteFilePath(url), { fileMustExist: true });
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const { rows } = sqliteRunner(connection);
  return async (sql, params) => rows(sql, params);
}

const numbered = new Map<string, string>();

/** `?` → `$1, $2…` for PostgreSQL, remembered per statement text (lib/db-sql.ts sends the same texts). */
export function postgresText(sql: string): string {
  let text = numbered.get(sql);
  if (!text) {
    text = numberPlaceholders(sql);
    if (numbered.size >= STATEMENT_CACHE) numbered.delete(numbered.keys().next().value!);
    numbered.set(sql, text);
  }
  return text;
}

/** `?` → `$1, $2…` outside quoted strings and identifiers. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = "";
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === "?") {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

function postgresReader(url: string): Reader {
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    allowExitOnIdle: true,
    connectionTimeoutMillis: 10_000,
    // Timestamps come back in the one format storedDate reads, whatever the server's settings; a
    // hot read that runs away (a bad plan, a lock) is cancelled instead of holding one of 5 connections.
    options: `-c DateStyle=ISO -c TimeZone=UTC -c statement_timeout=${STATEMENT_TIMEOUT_MS}`,
    types: {
      // Prisma's DateTime is `timestamp(3)` without a zone, holding UTC.
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === pg.types.builtins.TIMESTAMP
          ? storedDate
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops is replaced on the next query; without a listener it would crash the process.
  pool.on("error", (error) => log.warn({ err: error }, "raw read pool: idle connection failed"));
  return async (sql, params) => {
    const result = await pool.query({
      text: postgresText(sql),
      values: params.map((v) => (v instanceof Date ? v.toISOString() : v)),
    });
    return result.rows as RawRow[];
  };
}

const globalForRaw = globalThis as unknown as { opsdeckRawReader?: Reader };
let listener: ((sql: string) => void) | null = null;

/** Rows of one read statement (`?` placeholders), through the driver. */
export async function rawRead<T = RawRow>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const reader = (globalForRaw.opsdeckRawReader ??=
    providerOf(env.DATABASE_URL) === "sqlite" ? sqliteReader(env.DATABASE_URL) : postgresReader(env.DATABASE_URL));
  listener?.(sql);
  return (await reader(sql, params)) as T[];
}

/** Tests count statements (test/query-log.ts): `cb` sees each statement rawRead sends. */
export function onRawRead(cb: ((sql: string) => void) | null): void {
  listener = cb;
}
