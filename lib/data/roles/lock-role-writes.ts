// Role writes check the graph (name taken? parent cycle? what would the role grant?) and then
// change it. Two concurrent edits could each pass their check against the state before the other,
// e.g. A → B and B → A closing a loop. So every role write first takes one lock, inside its
// transaction, and reads the graph after it: PostgreSQL an advisory transaction lock; SQLite its
// write lock, taken at once by a write statement that changes nothing (a deferred transaction
// would otherwise read first and only lock at its first write).
import "server-only";
import { dbProvider, type Tx } from "@/lib/db";

const ROLE_WRITES_LOCK = 424243;

export async function lockRoleWrites(tx: Tx): Promise<void> {
  if (dbProvider === "postgresql") {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ROLE_WRITES_LOCK})`);
  } else {
    await tx.$executeRawUnsafe(`UPDATE "Role" SET "name" = "name" WHERE 0`);
  }
}
