// Adds a SIEM stream (audit.manage and audit.read: a stream reads the whole log). The URL is stored
// encrypted and only its redacted form is audited (lib/audit/streams/stream-url.ts). The signing secret is made here, returned this once and kept
// only encrypted (with its last characters as a hint). The stream starts at the newest event:
// it receives what happens from now on (its own "created" event first), not the whole history.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { generateStreamSecret, secretHintOf } from "@/lib/audit/streams/sign-payload";
import { redactStreamUrl, sealStreamUrl } from "@/lib/audit/streams/stream-url";
import { staticUrlProblem } from "@/lib/audit/streams/url-safety";
import type { Actor } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/auth/crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { parseOrThrow } from "@/lib/validations/parse";
import { AUDIT_STREAM_LIMITS, createAuditStreamSchema, type AuditStreamJson } from "@/lib/validations/audit-stream";
import { auditStreamSelect, storedFilter, toAuditStreamJson } from "@/lib/data/audit-streams/audit-stream-record";

export type CreatedAuditStream = { stream: AuditStreamJson; secret: string };

export async function createAuditStream(
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext,
): Promise<CreatedAuditStream> {
  requirePermission(actor, "audit.manage");
  requirePermission(actor, "audit.read");
  const values = parseOrThrow(createAuditStreamSchema, input);
  const problem = staticUrlProblem(values.url, env.AUDIT_STREAM_ALLOW_INSECURE);
  if (problem) throw new ValidationError({ url: [problem] });
  const secret = generateStreamSecret();
  return db.$transaction(async (tx) => {
    if ((await tx.auditStream.count()) >= AUDIT_STREAM_LIMITS.streams)
      throw new ConflictError(`At most ${AUDIT_STREAM_LIMITS.streams} streams can be set up; delete one first.`);
    const newest = await tx.auditEvent.aggregate({ _max: { seq: true } });
    const row = await tx.auditStream.create({
      data: {
        name: values.name,
        url: sealStreamUrl(values.url),
        secretCipher: encryptSecret(secret),
        secretHint: secretHintOf(secret),
        filter: storedFilter(values.actions, values.outcome),
        cursorSeq: newest._max.seq ?? 0,
        createdById: actor.userId,
      },
      select: auditStreamSelect,
    });
    await audit(
      {
        action: "audit_stream.created",
        actorId: actor.userId,
        targetType: "audit_stream",
        targetId: row.id,
        targetName: row.name,
        metadata: {
          name: row.name,
          url: redactStreamUrl(values.url),
          actions: values.actions ?? [],
          outcome: values.outcome ?? null,
          secretHint: row.secretHint,
        },
        context: ctx,
      },
      tx,
    );
    return { stream: toAuditStreamJson(row), secret };
  });
}
