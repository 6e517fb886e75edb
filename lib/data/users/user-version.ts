// An account's version on the wire (ETag of GET /api/v1/users/{id}, If-Match of its writes).
// User.version moves with every change to the account, its roles held and its passkeys (triggers
// in the user_version migration); what the API shows of the roles held (their names, the
// permissions they grant) changes with the role definitions, which move AccessVersion. The ETag
// is their sum: both only grow, so any change gives a value no client has seen before.
// `activeSessions` is a live count (sessions also lapse by time alone) and moves neither.
import "server-only";
import type { Tx } from "@/lib/db";
import { PreconditionFailedError } from "@/lib/errors";

type Client = Pick<Tx, "user" | "accessVersion">;

/** The role definitions' version (the AccessVersion row; 0 if it were ever missing). */
export async function readAccessVersion(client: Pick<Tx, "accessVersion">): Promise<number> {
  const row = await client.accessVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? 0;
}

/** The account's version as the API shows it, from its User.version. */
export function accountVersion(userVersion: number, accessVersion: number): number {
  return userVersion + accessVersion;
}

/** The account's current version, or null when there is no such account. */
export async function readAccountVersion(client: Client, userId: string): Promise<number | null> {
  const access = await readAccessVersion(client);
  const user = await client.user.findUnique({ where: { id: userId }, select: { version: true } });
  return user ? accountVersion(user.version, access) : null;
}

/**
 * Inside a write's transaction, when the caller named a version (If-Match): 412 unless the account
 * still has it. The account row is then held until the transaction ends (a conditional write that
 * changes nothing, which the version trigger leaves alone), so no other change to it can land in
 * between and be overwritten. Call it after the 404 and permission checks.
 */
export async function assertAccountVersion(tx: Tx, userId: string, expected: number | undefined): Promise<void> {
  if (expected === undefined) return;
  const access = await readAccessVersion(tx);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { version: true } });
  if (!user || accountVersion(user.version, access) !== expected) throw new PreconditionFailedError();
  const { count } = await tx.user.updateMany({
    where: { id: userId, version: user.version },
    data: { version: user.version },
  });
  if (count !== 1) throw new PreconditionFailedError();
}
