// What /logs/integrity shows (audit.manage): the retention setting in effect, the newest retention
// anchors, and the last recorded verification (the newest `audit.verified` event).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/rbac/can";
import { isAuthenticAnchor } from "@/lib/audit/anchor-mac";
import { retentionCutoff } from "@/lib/audit/prune-audit-log";
import type { ChainStatus } from "@/lib/audit/verify-audit-chain";

export const ANCHORS_SHOWN = 20;

export type AnchorRow = {
  id: string;
  createdAt: Date;
  fromSeq: number;
  throughSeq: number;
  prunedCount: number;
  cutoff: Date;
  genuine: boolean;
};

export type LastVerification = {
  at: Date;
  byName: string | null;
  status: ChainStatus | string;
  ok: boolean;
  count: number | null;
  summary: string | null;
  brokenAtSeq: number | null;
  brokenId: string | null;
};

export type AuditIntegrity = {
  retentionDays: number;
  /** Events older than this are pruned at the next daily run (null: retention off). */
  cutoff: Date | null;
  anchors: AnchorRow[];
  anchorCount: number;
  prunedTotal: number;
  oldestEvent: { seq: number; createdAt: Date } | null;
  lastVerification: LastVerification | null;
};

function parseMetadata(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const num = (v: unknown) => (typeof v === "number" ? v : null);
const str = (v: unknown) => (typeof v === "string" ? v : null);

export async function getAuditIntegrity(actor: Actor | null, now = new Date()): Promise<AuditIntegrity> {
  requirePermission(actor, "audit.manage");
  const retentionDays = env.AUDIT_RETENTION_DAYS;
  const [anchors, totals, oldestEvent, verified] = await Promise.all([
    db.auditAnchor.findMany({ orderBy: { throughSeq: "desc" }, take: ANCHORS_SHOWN + 1 }),
    db.auditAnchor.aggregate({ _count: { _all: true }, _sum: { prunedCount: true } }),
    db.auditEvent.findFirst({ orderBy: { seq: "asc" }, select: { seq: true, createdAt: true } }),
    db.auditEvent.findFirst({
      where: { action: "audit.verified" },
      orderBy: { seq: "desc" },
      select: { createdAt: true, actorName: true, outcome: true, metadata: true },
    }),
  ]);
  const rows: AnchorRow[] = anchors.slice(0, ANCHORS_SHOWN).map((a, i) => {
    // Anchors are contiguous: each starts right after the previous one's last seq.
    const previous = anchors[i + 1];
    return {
      id: a.id,
      createdAt: a.createdAt,
      fromSeq: previous ? previous.throughSeq + 1 : a.throughSeq - a.prunedCount + 1,
      throughSeq: a.throughSeq,
      prunedCount: a.prunedCount,
      cutoff: a.cutoff,
      genuine: isAuthenticAnchor(a),
    };
  });
  let lastVerification: LastVerification | null = null;
  if (verified) {
    const m = parseMetadata(verified.metadata);
    lastVerification = {
      at: verified.createdAt,
      byName: verified.actorName,
      status: str(m.status) ?? "unknown",
      ok: verified.outcome === "success",
      count: num(m.count),
      summary: str(m.summary),
      brokenAtSeq: num(m.brokenAtSeq),
      brokenId: str(m.brokenId),
    };
  }
  return {
    retentionDays,
    cutoff: retentionDays > 0 ? retentionCutoff(now, retentionDays) : null,
    anchors: rows,
    anchorCount: totals._count._all,
    prunedTotal: totals._sum.prunedCount ?? 0,
    oldestEvent,
    lastVerification,
  };
}
