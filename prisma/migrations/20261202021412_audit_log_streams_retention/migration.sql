-- CreateTable
CREATE TABLE "AuditAnchor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "throughSeq" INTEGER NOT NULL,
    "throughHash" TEXT NOT NULL,
    "prunedCount" INTEGER NOT NULL,
    "cutoff" DATETIME NOT NULL,
    "mac" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditStream" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretCipher" TEXT NOT NULL,
    "secretHint" TEXT NOT NULL,
    "filter" TEXT NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cursorSeq" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'healthy',
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastAttemptAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT,
    "leaseUntil" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditStreamDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "streamId" TEXT NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditStreamDelivery_streamId_fkey" FOREIGN KEY ("streamId") REFERENCES "AuditStream" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place: a table copy of a large audit log would be slow)
ALTER TABLE "AuditEvent" ADD COLUMN "hashVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "AuditEvent" ADD COLUMN "actorType" TEXT NOT NULL DEFAULT 'system';
ALTER TABLE "AuditEvent" ADD COLUMN "actorName" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "targetName" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "outcome" TEXT NOT NULL DEFAULT 'success';
ALTER TABLE "AuditEvent" ADD COLUMN "reason" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "requestId" TEXT;
-- Events written before this migration name a user as actor whenever actorId is set.
UPDATE "AuditEvent" SET "actorType" = 'user' WHERE "actorId" IS NOT NULL;
-- ... and the failures among them (lib/audit/actions.ts AUDIT_FAILURE_ACTIONS) as failures.
UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "action" IN ('auth.sign_in_failed', 'auth.account_locked', 'auth.second_factor_failed', 'auth.second_factor_locked', 'user.sign_up_duplicate_email', 'user.email_change_duplicate');
DROP INDEX "AuditEvent_actorId_createdAt_idx";
DROP INDEX "AuditEvent_action_createdAt_idx";
DROP INDEX "AuditEvent_targetType_targetId_createdAt_idx";
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");
CREATE INDEX "AuditEvent_targetType_targetId_seq_idx" ON "AuditEvent"("targetType", "targetId", "seq");
CREATE INDEX "AuditEvent_outcome_seq_idx" ON "AuditEvent"("outcome", "seq");
CREATE INDEX "AuditEvent_ipAddress_seq_idx" ON "AuditEvent"("ipAddress", "seq");
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditAnchor_throughSeq_key" ON "AuditAnchor"("throughSeq");

-- CreateIndex
CREATE INDEX "AuditStream_enabled_nextAttemptAt_idx" ON "AuditStream"("enabled", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditStreamDelivery_streamId_createdAt_idx" ON "AuditStreamDelivery"("streamId", "createdAt");

