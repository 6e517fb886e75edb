// The one way to write the audit trail. Rows are append-only and hash-chained: each row's hash
// covers its canonical content plus the previous row's hash, so editing or deleting any row
// breaks verification of every row after it (see verify-audit-chain.ts). The chain's end is
// anchored by the AuditHead row (seq, hash and a server-keyed MAC), updated in the same
// transaction as every append, so deleting the newest rows is detected too.
import "server-only";
import { db, dbProvider, type Tx } from "@/lib/db";
import { AUDIT_FAILURE_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { auditHash, CURRENT_HASH_VERSION, GENESIS_HASH } from "@/lib/audit/hash";
import { actorNameOf, clipAuditName, targetNameOf } from "@/lib/audit/target-name";
import { AUDIT_HEAD_ID, auditHeadMac, isAuthenticHead } from "@/lib/audit/head-mac";
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

async function append(tx: Tx, input: AuditInput, options: AppendOptions = {}) {
  if (dbProvider === "postgresql") {
    // Serialise appenders so that two rows never claim the same predecessor, and so that the
    // head read below is the head this append replaces.
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(424242)");
  }
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const head = await tx.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID } });
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
    actorName: await actorNameOf(tx, actorId, input.context?.apiKeyId ?? null),
    targetName:
      input.targetName !== undefined ? clipAuditName(input.targetName) : await targetNameOf(tx, targetType, targetId),
    outcome: input.outcome ?? (AUDIT_FAILURE_ACTIONS.has(input.action) ? "failure" : "success"),
    reason: reasonOf(input),
    requestId: input.context?.requestId?.slice(0, 64) ?? null,
  };
  const hash = auditHash(row);
  const created = await tx.auditEvent.create({ data: { ...row, hash }, select: { id: true } });

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
    const next = { seq: row.seq, hash, mac: auditHeadMac(row.seq, hash) };
    await tx.auditHead.upsert({ where: { id: AUDIT_HEAD_ID }, create: { id: AUDIT_HEAD_ID, ...next }, update: next });
  } else if (head === null) {
    log.warn({ chainSeq: last?.seq ?? null }, "audit log has no head yet; run npm run audit:verify -- --anchor");
  } else {
    log.error(
      { headSeq: head.seq, chainSeq: last?.seq ?? null },
      "audit head does not vouch for the chain's end; left unchanged (run npm run audit:verify)",
    );
  }
  return created;
}

async function appendInOwnTransaction(input: AuditInput, options: AppendOptions = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction((t) => append(t, input, options));
      return;
    } catch (error) {
      // SQLite writers in several processes race on `seq` (or, for the very first row, on the head's
      // id); the unique index refuses the loser, which retries from the new end.
      const retryable = (error as { code?: string }).code === "P2002" && attempt < 8;
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
    await append(tx, input);
    return;
  }
  await appendInOwnTransaction(input);
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
