// The one way to write the audit trail. Rows are append-only and hash-chained: each row's hash
// covers its canonical content plus the previous row's hash, so editing or deleting any row
// breaks verification of every row after it (see verify-audit-chain.ts). The chain's end is
// anchored by the AuditHead row (seq, hash and a server-keyed MAC), updated in the same
// transaction as every append, so deleting the newest rows is detected too.
import "server-only";
import { dbProvider, type Tx } from "@/lib/db";
import { AUDIT_FAILURE_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { auditHash, CURRENT_HASH_VERSION, GENESIS_HASH } from "@/lib/audit/hash";
import { actorNameOf, clipAuditName, targetNameOf } from "@/lib/audit/target-name";
import { AUDIT_HEAD_ID, auditHeadMac, isAuthenticHead } from "@/lib/audit/head-mac";
import { insertSql, inTx, isUniqueViolation, newId, writeTransaction, type SqlRunner } from "@/lib/db-sql";
import { log } from "@/lib/log";

export type AuditInput = {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** The target's display name; looked up from targetType/targetId when omitted (pass it for deletions). */
  targetName?: string | null;
  metadata?: Record<string, AuditValue>;
  /** Defaults to "failure" for the actions in AUDIT_FAILURE_ACTIONS, else "success". */
  outcome?: AuditOutcome;
  /** Why it failed: a stable code such as "invalid_password" (defaults to metadata.reason). */
  reason?: string | null;
  /**
   * Where the request came from; `impersonatorId` is set when an admin acts as the actor, and
   * `apiKeyId` when the actor's API key made the request (the key is then the actor of record).
   */
  context?: {
    ip: string | null;
    userAgent: string | null;
    requestId?: string | null;
    impersonatorId?: string | null;
    apiKeyId?: string | null;
  };
};

export type AuditOutcome = "success" | "failure";

/**
 * Who acted, as the log names it: a person, a person's API key, an administrator impersonating
 * the actor, a visitor who was not signed in, or the application itself (scheduled jobs, operators).
 */
export type AuditActorType = "user" | "api_key" | "impersonator" | "anonymous" | "system";

export function auditActorType(input: Pick<AuditInput, "actorId" | "context">): AuditActorType {
  if (input.context?.impersonatorId) return "impersonator";
  if (input.context?.apiKeyId) return "api_key";
  if (input.actorId) return "user";
  return input.context && (input.context.ip || input.context.userAgent) ? "anonymous" : "system";
}

function reasonOf(input: AuditInput): string | null {
  const fromMetadata = input.metadata?.reason;
  const reason = input.reason ?? (typeof fromMetadata === "string" ? fromMetadata : null);
  return reason ? reason.slice(0, 200) : null;
}

/** Metadata values: scalars, and lists of strings for before/after sets (roles, permissions). */
export type AuditValue = string | number | boolean | null | readonly string[];

type AppendOptions = {
  /** Move the head to the new row even though it does not match the chain (operator re-anchoring). */
  forceAnchor?: boolean;
};

const AUDIT_COLUMNS = [
  "id",
  "seq",
  "createdAt",
  "actorId",
  "action",
  "targetType",
  "targetId",
  "ipAddress",
  "userAgent",
  "metadata",
  "prevHash",
  "hash",
  "hashVersion",
  "actorType",
  "actorName",
  "targetName",
  "outcome",
  "reason",
  "requestId",
] as const;
const INSERT_EVENT = insertSql("AuditEvent", AUDIT_COLUMNS);
const UPSERT_HEAD = `INSERT INTO "AuditHead" ("id", "seq", "hash", "mac", "updatedAt") VALUES (?, ?, ?, ?, ?)
  ON CONFLICT ("id") DO UPDATE SET "seq" = excluded."seq", "hash" = excluded."hash", "mac" = excluded."mac", "updatedAt" = excluded."updatedAt"`;

// Written as raw statements (lib/db-sql.ts): every change in the app appends here, and through the
// query builder the append's five to seven statements cost ~8 ms of CPU on these machines.
async function append(q: SqlRunner, input: AuditInput, options: AppendOptions = {}) {
  if (dbProvider === "postgresql") {
    // Serialise appenders so that two rows never claim the same predecessor, and so that the
    // head read below is the head this append replaces.
    await q.run("SELECT pg_advisory_xact_lock(424242)");
  }
  const [lastRow] = await q.rows<{ seq: number | bigint; hash: string }>(
    'SELECT "seq", "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1',
  );
  const [headRow] = await q.rows<{ seq: number | bigint; hash: string; mac: string }>(
    'SELECT "seq", "hash", "mac" FROM "AuditHead" WHERE "id" = ?',
    [AUDIT_HEAD_ID],
  );
  const last = lastRow ? { seq: Number(lastRow.seq), hash: lastRow.hash } : null;
  const head = headRow ? { seq: Number(headRow.seq), hash: headRow.hash, mac: headRow.mac } : null;
  const actorId = input.actorId ?? null;
  const targetType = input.targetType ?? null;
  const targetId = input.targetId ?? null;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    createdAt: new Date(),
    actorId,
    action: input.action,
    targetType,
    targetId,
    ipAddress: input.context?.ip ?? null,
    userAgent: input.context?.userAgent ?? null,
    // Both identities of an impersonated action: the actor is the user acted as, and the admin
    // behind it is kept with every event (lib/data/impersonation).
    metadata: JSON.stringify({
      ...input.metadata,
      ...(input.context?.impersonatorId ? { impersonatorId: input.context.impersonatorId } : {}),
      ...(input.context?.apiKeyId ? { apiKeyId: input.context.apiKeyId } : {}),
    }),
    prevHash: last?.hash ?? GENESIS_HASH,
    hashVersion: CURRENT_HASH_VERSION,
    actorType: auditActorType(input),
    actorName: await actorNameOf(q, actorId, input.context?.apiKeyId ?? null),
    targetName:
      input.targetName !== undefined ? clipAuditName(input.targetName) : await targetNameOf(q, targetType, targetId),
    outcome: input.outcome ?? (AUDIT_FAILURE_ACTIONS.has(input.action) ? "failure" : "success"),
    reason: reasonOf(input),
    requestId: input.context?.requestId?.slice(0, 64) ?? null,
  };
  const hash = auditHash(row);
  const created = { ...row, id: newId(), hash };
  await q.run(
    INSERT_EVENT,
    AUDIT_COLUMNS.map((c) => created[c]),
  );

  // The head moves only from a state it vouches for: an empty log without a head (a new
  // installation), or a genuine head on the chain's current last row. Anything else means the log
  // was changed behind the application's back (newest rows deleted, head rewritten or deleted,
  // rows inserted directly) or predates the head; moving the head then would launder the evidence,
  // so it stays where it is for `npm run audit:verify` to report, and writing carries on (the
  // audit trail must not become a way to stop sign-ins). Only an operator re-anchors.
  const vouched =
    head === null
      ? last === null
      : isAuthenticHead(head) && last !== null && head.seq === last.seq && head.hash === last.hash;
  if (vouched || options.forceAnchor) {
    await q.run(UPSERT_HEAD, [AUDIT_HEAD_ID, row.seq, hash, auditHeadMac(row.seq, hash), new Date()]);
  } else if (head === null) {
    log.warn({ chainSeq: last?.seq ?? null }, "audit log has no head yet; run npm run audit:verify -- --anchor");
  } else {
    log.error(
      { headSeq: head.seq, chainSeq: last?.seq ?? null },
      "audit head does not vouch for the chain's end; left unchanged (run npm run audit:verify)",
    );
  }
  return { id: created.id };
}

async function appendInOwnTransaction(input: AuditInput, options: AppendOptions = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await writeTransaction((q) => append(q, input, options));
      return;
    } catch (error) {
      // SQLite writers in several processes race on `seq` (or, for the very first row, on the head's
      // id); the unique index refuses the loser, which retries from the new end.
      const retryable = isUniqueViolation(error) && attempt < 8;
      if (!retryable) {
        log.error({ err: error, action: input.action }, "audit write failed");
        throw error;
      }
    }
  }
}

/**
 * Records an audit event. Pass `tx` to make the event part of the caller's transaction (it is then
 * written if and only if the change it describes is).
 */
export async function audit(input: AuditInput, tx?: Tx): Promise<void> {
  if (tx) {
    await append(inTx(tx), input);
    return;
  }
  await appendInOwnTransaction(input);
}

/** Records an audit event inside a `writeTransaction` (lib/db-sql.ts), with the change it describes. */
export async function auditIn(q: SqlRunner, input: AuditInput): Promise<void> {
  await append(q, input);
}

/**
 * Operator action (`npm run audit:verify -- --anchor`): records an `audit.head_anchored` event and
 * moves the head onto it, whatever the head said before. The event itself keeps, inside the chain,
 * where the head was, so re-anchoring is never silent.
 */
export async function anchorAuditHead(metadata: {
  previousHeadSeq: number | null;
  chainSeq: number;
  reason: string;
}): Promise<void> {
  await appendInOwnTransaction({ action: "audit.head_anchored", metadata }, { forceAnchor: true });
}
