// Builds a Prisma client for a DATABASE_URL. Kept apart from lib/db.ts (which holds the app's
// singleton) so that scripts and tests can open a client for a database of their choosing.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, Transaction } from "@prisma/driver-adapter-utils";
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
    const adapter = new SerialSqliteAdapter({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
    const client = new SqliteClient({ adapter, log }) as unknown as Db;
    sqliteAdapters.set(client, adapter);
    return client;
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  // Same models, different provider: the PostgreSQL client is used through the shared type.
  return new PostgresClient({ adapter, log }) as unknown as Db;
}

/**
 * Prisma's SQLite adapter runs every query on one connection, and while an interactive transaction
 * is open on it, other requests' queries run inside that transaction: a write made meanwhile is
 * rolled back with it, a read sees its uncommitted rows (lib/db-client.integration.test.ts). This
 * queues them instead: one statement or one whole transaction at a time, in arrival order, which is
 * what SQLite's single writer does anyway. Code inside a transaction must use its `tx`, never `db`
 * (it would wait for its own transaction until Prisma's transaction timeout ends it).
 */
class SerialSqliteAdapter extends PrismaBetterSQLite3 {
  #queue = serialQueue();
  #connection: BetterSqlite3.Database | null = null;

  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    this.#connection = connection;
    // The adapter opens transactions with a deferred BEGIN, which takes the write lock only at the
    // first write: when another process (a second cluster worker, a script) commits in between, that
    // write fails with SQLITE_BUSY at once instead of waiting. Reopen as BEGIN IMMEDIATE, which waits
    // for the lock before the transaction reads anything.
    return serialised(adapter, this.#queue, {
      afterBegin: async () => {
        connection.exec("ROLLBACK");
        await beginImmediate(connection);
      },
      abort: () => {
        if (connection.inTransaction) connection.exec("ROLLBACK");
      },
    });
  }

  /**
   * Runs `fn` with Prisma's own connection to itself: queued like a Prisma transaction, so no
   * other statement of this client runs until it settles (lib/db-sql.ts writes through it).
   */
  async exclusive<T>(client: Db, fn: (connection: BetterSqlite3.Database) => Promise<T>): Promise<T> {
    if (!this.#connection) await client.$connect();
    const release = await this.#queue();
    try {
      return await fn(this.#connection!);
    } finally {
      release();
    }
  }
}

const sqliteAdapters = new WeakMap<Db, SerialSqliteAdapter>();

/** How long a SQLite statement or transaction waits for another connection's write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * BEGIN IMMEDIATE on `connection`, waiting up to SQLITE_BUSY_TIMEOUT_MS for another process's
 * write lock without blocking the event loop: better-sqlite3's own busy wait is synchronous, so a
 * worker would answer nothing (not even its rate-limit replies) while another held the lock.
 * Throws SQLITE_BUSY when the wait runs out (a 503 through busyErrorOf).
 */
export async function beginImmediate(connection: BetterSqlite3.Database): Promise<void> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    connection.pragma("busy_timeout = 0");
    try {
      connection.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
    } finally {
      connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    }
    // 1, 2, … up to 16 ms apart, jittered, so waiting workers do not retry in step.
    await new Promise((resolve) => setTimeout(resolve, Math.min(16, 1 + attempt) * (0.5 + Math.random())));
  }
}

/**
 * Runs `fn` on the SQLite connection under a client made here, with nothing else of that client
 * running meanwhile (null for a PostgreSQL client).
 */
export function sqliteExclusive<T>(
  client: Db,
  fn: (connection: BetterSqlite3.Database) => Promise<T>,
): Promise<T> | null {
  return sqliteAdapters.get(client)?.exclusive(client, fn) ?? null;
}

/** One statement or one transaction at a time, in arrival order; resolves to its release. */
function serialQueue(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const ready = tail;
    tail = tail.then(() => done);
    return ready.then(() => release);
  };
}

type TransactionHooks = {
  /** Right after the adapter's BEGIN (SerialSqliteAdapter reopens it as BEGIN IMMEDIATE). */
  afterBegin: () => Promise<void>;
  /** Ends whatever transaction the connection is still in (after a failed COMMIT). */
  abort: () => void;
};

const ENDING_STATEMENT = /^\s*(COMMIT|ROLLBACK)\b/i;

function serialised(
  adapter: SqlDriverAdapter,
  acquire: () => Promise<() => void>,
  { afterBegin, abort }: TransactionHooks,
): SqlDriverAdapter {
  const one =
    <A, R>(run: (arg: A) => Promise<R>) =>
    async (arg: A): Promise<R> => {
      const release = await acquire();
      try {
        return await run(arg);
      } finally {
        release();
      }
    };
  const ends = (tx: Transaction, release: () => void): Transaction => {
    let finished = false;
    // The adapter's commit()/rollback() only unlock it (Prisma sends COMMIT/ROLLBACK as statements
    // first): each runs once, and the queue is released once, whatever Prisma calls afterwards.
    const end = (finish: () => Promise<void>) => async (): Promise<void> => {
      if (finished) return;
      finished = true;
      try {
        await finish();
      } finally {
        release();
      }
    };
    const commit = end(() => tx.commit());
    const rollback = end(() => tx.rollback());
    // When the COMMIT (or ROLLBACK) statement itself fails (a deferred constraint, a full disk, an
    // I/O error), Prisma calls neither: end the transaction here, or this client would wait forever.
    const executeRaw: Transaction["executeRaw"] = async (query) => {
      try {
        return await tx.executeRaw(query);
      } catch (error) {
        if (ENDING_STATEMENT.test(query.sql)) {
          abort();
          await rollback();
        }
        throw error;
      }
    };
    return new Proxy(tx, {
      get(target, prop) {
        if (prop === "commit") return commit;
        if (prop === "rollback") return rollback;
        if (prop === "executeRaw") return executeRaw;
        return forward(target, prop);
      },
    });
  };
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === "queryRaw") return one(target.queryRaw.bind(target));
      if (prop === "executeRaw") return one(target.executeRaw.bind(target));
      if (prop === "executeScript") return one(target.executeScript.bind(target));
      if (prop === "startTransaction") {
        return async (level?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) => {
          const release = await acquire();
          try {
            const tx = await target.startTransaction(level);
            try {
              await afterBegin();
            } catch (error) {
              await tx.rollback();
              throw error;
            }
            return ends(tx, release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      return forward(target, prop);
    },
  });
}

/** A property of the wrapped adapter or transaction, methods bound to it (its private fields need that). */
function forward(target: object, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target) as unknown;
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}
