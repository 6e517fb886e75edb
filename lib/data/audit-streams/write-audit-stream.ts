// The shared shape of a stream change: find it (404), check the version the caller saw (412),
// write with `where: { id, version }` so a concurrent change is refused rather than overwritten,
// and bump the version (which also makes a delivery run that is under way stop at its next event
// and pick up the new settings on the next run).
import "server-only";
import type { Tx } from "@/lib/db";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";
import { assertWritten, versionedWhere } from "@/lib/data/versioned-write";
import { auditStreamIdSchema } from "@/lib/validations/audit-stream";
import { AUDIT_STREAM_NOT_FOUND, auditStreamSelect } from "@/lib/data/audit-streams/audit-stream-record";

export function parseStreamId(id: unknown): string {
  const parsed = auditStreamIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
  return parsed.data;
}

export async function loadStreamForWrite(tx: Tx, id: string, expectedVersion: number | undefined) {
  const current = await tx.auditStream.findUnique({ where: { id }, select: auditStreamSelect });
  if (!current) throw new NotFoundError(AUDIT_STREAM_NOT_FOUND);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
  return current;
}

type StreamData = Parameters<Tx["auditStream"]["updateMany"]>[0]["data"];

export async function writeStream(tx: Tx, current: { id: string; version: number }, data: StreamData) {
  const { count } = await tx.auditStream.updateMany({
    where: versionedWhere(current.id, current.version),
    data: { ...data, version: { increment: 1 } },
  });
  await assertWritten(
    count,
    async () => (await tx.auditStream.count({ where: { id: current.id } })) > 0,
    AUDIT_STREAM_NOT_FOUND,
  );
  return tx.auditStream.findUniqueOrThrow({ where: { id: current.id }, select: auditStreamSelect });
}
