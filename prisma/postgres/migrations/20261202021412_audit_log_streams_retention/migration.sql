-- DropIndex
DROP INDEX "AuditEvent_actorId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_action_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_targetType_targetId_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorName" TEXT,
ADD COLUMN     "actorType" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN     "hashVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'success',
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "requestId" TEXT,
ADD COLUMN     "targetName" TEXT;

-- Events written before this migration name a user as actor whenever actorId is set.
UPDATE "AuditEvent" SET "actorType" = 'user' WHERE "actorId" IS NOT NULL;
-- ... and the failures among them (lib/audit/actions.ts AUDIT_FAILURE_ACTIONS) as failures.
UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "action" IN ('auth.sign_in_failed', 'auth.account_locked', 'auth.second_factor_failed', 'auth.second_factor_locked', 'user.sign_up_duplicate_email', 'user.email_change_duplicate');

-- CreateTable
CREATE TABLE "AuditAnchor" (
    "id" TEXT NOT NULL,
    "throughSeq" INTEGER NOT NULL,
    "throughHash" TEXT NOT NULL,
    "prunedCount" INTEGER NOT NULL,
    "cutoff" TIMESTAMP(3) NOT NULL,
    "mac" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditStream" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretCipher" TEXT NOT NULL,
    "secretHint" TEXT NOT NULL,
    "filter" TEXT NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cursorSeq" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'healthy',
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditStream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditStreamDelivery" (
    "id" TEXT NOT NULL,
    "streamId" TEXT NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditStreamDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditAnchor_throughSeq_key" ON "AuditAnchor"("throughSeq");

-- CreateIndex
CREATE INDEX "AuditStream_enabled_nextAttemptAt_idx" ON "AuditStream"("enabled", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditStreamDelivery_streamId_createdAt_idx" ON "AuditStreamDelivery"("streamId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_seq_idx" ON "AuditEvent"("targetType", "targetId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_outcome_seq_idx" ON "AuditEvent"("outcome", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_ipAddress_seq_idx" ON "AuditEvent"("ipAddress", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "AuditStreamDelivery" ADD CONSTRAINT "AuditStreamDelivery_streamId_fkey" FOREIGN KEY ("streamId") REFERENCES "AuditStream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

